//! What Slack's catalog decides at run time, through the `transport(...)`
//! seam: pacing by the catalog's tier (per channel for `chat.postMessage`),
//! a transport client unpaced unless the test asks, no `Authorization` for a
//! method called without a token.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use slackline::transport::{HttpRequest, HttpResponse, TransportError};
use slackline::{
    ClientCredentials, DefaultSuccess, RateLimits, SlackClient, SlackError, SlackToken,
    slack_method,
};
use tokio::time::Instant;

use crate::support::token;

trait ByName {
    #[slack_method("conversations.list")]
    async fn conversations_list(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage")]
    async fn post(
        &self,
        token: &SlackToken,
        channel: &str,
        text: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("oauth.v2.access")]
    async fn oauth_v2_access_basic(
        &self,
        credentials: &ClientCredentials,
        code: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("oauth.v2.access")]
    async fn oauth_v2_access(
        &self,
        client_id: &str,
        client_secret: &str,
        code: &str,
    ) -> Result<DefaultSuccess, SlackError>;
}
impl ByName for SlackClient {}

/// Each request a transport was given, with the (tokio) instant it was sent at.
type Seen = Arc<Mutex<Vec<(Instant, HttpRequest)>>>;

/// A transport answering `{"ok":true}`, recording each request.
fn recording() -> (
    impl Fn(HttpRequest) -> std::future::Ready<Result<HttpResponse, TransportError>>,
    Seen,
) {
    let seen: Seen = Arc::default();
    let log = Arc::clone(&seen);
    let transport = move |request: HttpRequest| {
        log.lock().unwrap().push((Instant::now(), request));
        std::future::ready(Ok(HttpResponse::json(200, r#"{"ok":true}"#)))
    };
    (transport, seen)
}

#[tokio::test]
async fn a_transport_client_starts_unpaced() {
    let (transport, seen) = recording();
    let client = SlackClient::builder().transport(transport).build().unwrap();
    assert!(!client.rate_limits().is_enabled());
    let started = std::time::Instant::now();
    // conversations.list is Tier 2: paced, 25 calls would take about a minute.
    for _ in 0..25 {
        client.conversations_list(&token()).await.unwrap();
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(seen.lock().unwrap().len(), 25);
}

#[tokio::test(start_paused = true)]
async fn a_name_only_method_is_paced_by_its_catalog_tier() {
    let (transport, seen) = recording();
    let client = SlackClient::builder()
        .transport(transport)
        .rate_limits(RateLimits::slack_tiers())
        .build()
        .unwrap();
    let start = Instant::now();
    for _ in 0..7 {
        client.conversations_list(&token()).await.unwrap();
    }
    // Tier 2: 20 a minute (one per 3 s) after a burst of 5.
    let offsets: Vec<u64> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|(at, _)| (*at - start).as_secs())
        .collect();
    assert_eq!(offsets, [0, 0, 0, 0, 0, 3, 6]);
}

#[tokio::test(start_paused = true)]
async fn chat_post_message_is_paced_per_channel() {
    let (transport, seen) = recording();
    let client = SlackClient::builder()
        .transport(transport)
        .rate_limits(RateLimits::slack_tiers())
        .build()
        .unwrap();
    let start = Instant::now();
    for _ in 0..3 {
        for channel in ["C1", "C2"] {
            client.post(&token(), channel, "hi").await.unwrap();
        }
    }
    let seen = seen.lock().unwrap();
    let at = |channel: &str| -> Vec<u64> {
        seen.iter()
            .filter(|(_, r)| {
                std::str::from_utf8(&r.body)
                    .unwrap()
                    .contains(&format!("channel={channel}&"))
            })
            .map(|(at, _)| (*at - start).as_secs())
            .collect()
    };
    // About one message per second in each channel; the channels do not
    // wait for each other (per method, six calls would take five seconds).
    assert_eq!(at("C1"), [0, 1, 2]);
    assert_eq!(at("C2"), [0, 1, 2]);
}

#[tokio::test]
async fn a_method_without_a_token_sends_no_authorization() {
    let (transport, seen) = recording();
    let client = SlackClient::builder().transport(transport).build().unwrap();
    client
        .oauth_v2_access("123.456", "shh", "code-1")
        .await
        .unwrap();
    client.conversations_list(&token()).await.unwrap();
    let seen = seen.lock().unwrap();
    let oauth = &seen[0].1;
    assert_eq!(oauth.slack_method, "oauth.v2.access");
    assert!(oauth.headers.get(http::header::AUTHORIZATION).is_none());
    assert_eq!(
        std::str::from_utf8(&oauth.body).unwrap(),
        "client_id=123.456&client_secret=shh&code=code-1"
    );
    // A method with a token sends it as Bearer.
    let list = &seen[1].1;
    assert!(
        list.headers[http::header::AUTHORIZATION]
            .to_str()
            .unwrap()
            .starts_with("Bearer xox")
    );
}

#[tokio::test]
async fn client_credentials_go_as_http_basic() {
    let (transport, seen) = recording();
    let client = SlackClient::builder().transport(transport).build().unwrap();
    let app = ClientCredentials::new("123.456", "shh").unwrap();
    client.oauth_v2_access_basic(&app, "code-1").await.unwrap();
    let seen = seen.lock().unwrap();
    let request = &seen[0].1;
    // base64("123.456:shh")
    assert_eq!(
        request.headers[http::header::AUTHORIZATION],
        "Basic MTIzLjQ1NjpzaGg="
    );
    assert_eq!(std::str::from_utf8(&request.body).unwrap(), "code=code-1");
}

#[test]
fn slack_errors_clone() {
    let err = SlackError::Api {
        method: "users.info",
        code: "user_not_found".to_owned(),
        needed: None,
        provided: None,
        warnings: Box::new([]),
        messages: Box::new([]),
    };
    let copy = err.clone();
    assert_eq!(copy.code(), Some("user_not_found"));
    assert_eq!(copy.to_string(), err.to_string());
}
