//! What goes on the wire, byte for byte, and how every kind of answer decodes.

use std::time::Duration;

use slackline::{
    AdminUsersSessionApi, DefaultSuccess, SlackError, SlackToken, TransportErrorKind, WithMeta,
    slack_method,
};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{SECRET, api_base, plain_builder, plain_client, token};

async fn server_answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(r#"{"ok":true}"#, "application/json")
}

fn header<'a>(request: &'a wiremock::Request, name: &str) -> &'a str {
    request
        .headers
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

async fn only_request(server: &MockServer) -> wiremock::Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "exactly one request expected");
    requests.remove(0)
}

#[tokio::test]
async fn reset_request_is_exact() {
    let server = server_answering(ok()).await;
    let client = plain_client(&api_base(&server));
    let answer = client
        .admin_users_session_reset(&token(), "U0123", None, Some(true))
        .await
        .unwrap();
    assert!(answer.ok);

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), "/api/admin.users.session.reset");
    assert_eq!(request.url.query(), None);
    assert_eq!(
        header(&request, "authorization"),
        format!("Bearer {SECRET}")
    );
    assert_eq!(
        header(&request, "content-type"),
        "application/x-www-form-urlencoded"
    );
    assert_eq!(
        std::str::from_utf8(&request.body).unwrap(),
        "user_id=U0123&web_only=true"
    );
    assert!(header(&request, "user-agent").starts_with("slackline/"));
}

#[tokio::test]
async fn reset_with_every_flag_and_none() {
    let server = server_answering(ok()).await;
    let client = plain_client(&api_base(&server));
    client
        .admin_users_session_reset(&token(), "U1", Some(true), Some(false))
        .await
        .unwrap();
    client
        .admin_users_session_reset(&token(), "U2", None, None)
        .await
        .unwrap();
    let bodies: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect();
    assert_eq!(
        bodies,
        ["user_id=U1&mobile_only=true&web_only=false", "user_id=U2"]
    );
}

#[tokio::test]
async fn invalidate_request_is_exact() {
    let server = server_answering(ok()).await;
    let client = plain_client(&api_base(&server));
    client
        .admin_users_session_invalidate(&token(), "T0123", 42)
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/api/admin.users.session.invalidate");
    assert_eq!(
        header(&request, "authorization"),
        format!("Bearer {SECRET}")
    );
    assert_eq!(
        header(&request, "content-type"),
        "application/x-www-form-urlencoded"
    );
    assert_eq!(
        std::str::from_utf8(&request.body).unwrap(),
        "team_id=T0123&session_id=42"
    );
    assert!(!String::from_utf8_lossy(&request.body).contains("topsecret"));
}

#[tokio::test]
async fn arguments_are_percent_encoded() {
    let server = server_answering(ok()).await;
    let client = plain_client(&api_base(&server));
    client
        .admin_users_session_reset(&token(), "a&b=c+d e/é✓", None, None)
        .await
        .unwrap();
    client
        .admin_users_session_invalidate(&token(), "T 1", -9_007_199_254_740_993)
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        std::str::from_utf8(&requests[0].body).unwrap(),
        "user_id=a%26b%3Dc%2Bd+e%2F%C3%A9%E2%9C%93"
    );
    assert_eq!(
        std::str::from_utf8(&requests[1].body).unwrap(),
        "team_id=T+1&session_id=-9007199254740993"
    );
}

pub trait KitchenSink {
    // `type` is not one of conversations.list's arguments: `unchecked` keeps
    // the catalog check quiet, this test is about the encoding.
    #[slack_method("conversations.list", scope = "channels:read", http = "GET", unchecked)]
    async fn conversations_list(
        &self,
        token: &SlackToken,
        types: &[&str],
        limit: Option<u32>,
        r#type: Option<&str>,
        #[slack(rename = "exclude_archived")] skip_archived: bool,
    ) -> Result<WithMeta<DefaultSuccess>, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write")]
    async fn post_blocks(
        &self,
        token: &SlackToken,
        channel: &str,
        blocks: slackline::Json<serde_json::Value>,
        #[slack(json)] metadata: Vec<u8>,
    ) -> Result<DefaultSuccess, SlackError>;
}
impl KitchenSink for slackline::SlackClient {}

#[tokio::test]
async fn get_lists_renames_and_json() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-oauth-scopes", "channels:read,chat:write")
                .insert_header("x-accepted-oauth-scopes", "channels:read")
                .set_body_raw(
                    r#"{"ok":true,"channels":[],"warning":"superfluous_charset","response_metadata":{"next_cursor":"dXNlcjpVMDYx","warnings":["method_deprecated"]}}"#,
                    "application/json",
                ),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let client = plain_client(&api_base(&server));

    let answer = client
        .conversations_list(
            &token(),
            &["public_channel", "im"],
            Some(50),
            Some("x"),
            true,
        )
        .await
        .unwrap();
    assert_eq!(
        answer.meta.scopes.as_deref(),
        Some("channels:read,chat:write")
    );
    assert_eq!(
        answer.meta.accepted_scopes.as_deref(),
        Some("channels:read")
    );
    assert_eq!(
        answer.meta.warnings,
        ["superfluous_charset", "method_deprecated"]
    );
    assert_eq!(answer.meta.next_cursor.as_deref(), Some("dXNlcjpVMDYx"));
    assert_eq!(answer.extra["channels"], serde_json::json!([]));

    client
        .post_blocks(
            &token(),
            "C1",
            slackline::Json(serde_json::json!([{"type": "divider"}])),
            vec![1, 2],
        )
        .await
        .unwrap();

    let requests = server.received_requests().await.unwrap();
    let get = &requests[0];
    assert_eq!(get.method.as_str(), "GET");
    assert_eq!(get.url.path(), "/api/conversations.list");
    assert_eq!(
        get.url.query(),
        Some("types=public_channel%2Cim&limit=50&type=x&exclude_archived=true")
    );
    assert!(get.body.is_empty());
    assert_eq!(header(get, "content-type"), "");
    let post = &requests[1];
    assert_eq!(
        std::str::from_utf8(&post.body).unwrap(),
        "channel=C1&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D&metadata=%5B1%2C2%5D"
    );
}

#[tokio::test]
async fn success_keeps_every_field() {
    let server = server_answering(
        ResponseTemplate::new(200)
            .set_body_raw(r#"{"ok":true,"job_id":"J1","count":3}"#, "application/json"),
    )
    .await;
    let client = plain_client(&api_base(&server));
    let answer = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap();
    assert_eq!(answer.extra["job_id"], "J1");
    assert_eq!(answer.extra["count"], 3);
}

#[tokio::test]
async fn api_errors_carry_code_scopes_and_metadata() {
    let server = server_answering(ResponseTemplate::new(200).set_body_raw(
        r#"{"ok":false,"error":"missing_scope","needed":"admin.users:write","provided":"admin.users:read","warning":"missing_charset","response_metadata":{"messages":["[ERROR] nope"],"warnings":["missing_charset"]}}"#,
        "application/json",
    ))
    .await;
    let client = plain_client(&api_base(&server));
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    match &err {
        SlackError::Api {
            method,
            code,
            needed,
            provided,
            warnings,
            messages,
        } => {
            assert_eq!(*method, "admin.users.session.reset");
            assert_eq!(code, "missing_scope");
            assert_eq!(needed.as_deref(), Some("admin.users:write"));
            assert_eq!(provided.as_deref(), Some("admin.users:read"));
            assert_eq!(&warnings[..], ["missing_charset", "missing_charset"]);
            assert_eq!(&messages[..], ["[ERROR] nope"]);
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    assert_eq!(err.code(), Some("missing_scope"));
}

#[tokio::test]
async fn plain_api_error() {
    let server = server_answering(
        ResponseTemplate::new(200)
            .set_body_raw(r#"{"ok":false,"error":"not_an_admin"}"#, "application/json"),
    )
    .await;
    let client = plain_client(&api_base(&server));
    let err = client
        .admin_users_session_invalidate(&token(), "T1", 1)
        .await
        .unwrap_err();
    assert!(matches!(&err, SlackError::Api { code, needed: None, .. } if code == "not_an_admin"));
    assert_eq!(err.kind(), "not_an_admin");
}

#[tokio::test]
async fn http_statuses_are_typed() {
    for status in [400u16, 404, 500, 503] {
        let server =
            server_answering(ResponseTemplate::new(status).set_body_string("upstream trouble"))
                .await;
        let client = plain_client(&api_base(&server));
        let err = client
            .admin_users_session_reset(&token(), "U1", None, None)
            .await
            .unwrap_err();
        match err {
            SlackError::Http {
                status: got, body, ..
            } => {
                assert_eq!(got, status);
                assert_eq!(body, "upstream trouble");
            }
            other => panic!("{status}: expected Http, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn rate_limited_carries_retry_after() {
    let server = server_answering(
        ResponseTemplate::new(429)
            .insert_header("retry-after", "7")
            .set_body_raw(r#"{"ok":false,"error":"ratelimited"}"#, "application/json"),
    )
    .await;
    let client = plain_client(&api_base(&server));
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, SlackError::RateLimited { retry_after, .. } if retry_after == Duration::from_secs(7)),
        "{err:?}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn non_json_body_is_a_decode_error_with_excerpt() {
    let html = format!("<html><body>{}</body></html>", "Bad gateway. ".repeat(100));
    let server = server_answering(ResponseTemplate::new(200).set_body_raw(html, "text/html")).await;
    let client = plain_client(&api_base(&server));
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    match err {
        SlackError::Decode { body, method, .. } => {
            assert_eq!(method, "admin.users.session.reset");
            assert!(body.starts_with("<html><body>Bad gateway."), "{body}");
            assert!(body.len() < 300, "excerpt stays short: {}", body.len());
        }
        other => panic!("expected Decode, got {other:?}"),
    }
}

#[tokio::test]
async fn wrong_shape_is_a_decode_error() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    pub struct Needs {
        count: u32,
    }
    pub trait Typed {
        #[slack_method("team.info", scope = "team:read", http = "POST")]
        async fn team_info(&self, token: &SlackToken) -> Result<Needs, SlackError>;
    }
    impl Typed for slackline::SlackClient {}
    let server = server_answering(
        ResponseTemplate::new(200)
            .set_body_raw(r#"{"ok":true,"count":"three"}"#, "application/json"),
    )
    .await;
    let client = plain_client(&api_base(&server));
    let err = client.team_info(&token()).await.unwrap_err();
    assert!(
        matches!(&err, SlackError::Decode { body, .. } if body.contains("three")),
        "{err:?}"
    );
}

#[tokio::test]
async fn refused_connection_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/api/", listener.local_addr().unwrap());
    drop(listener);
    let client = plain_client(&base);
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            SlackError::Transport {
                kind: TransportErrorKind::Connect,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn reset_connection_is_a_transport_error() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            // Read a little of the request, then hang up without answering.
            let _ = socket.readable().await;
            drop(socket);
        }
    });
    let client = plain_client(&base);
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            SlackError::Transport {
                kind: TransportErrorKind::Closed,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn slow_answer_is_a_timeout() {
    let server = server_answering(ok().set_delay(Duration::from_secs(3))).await;
    let client = plain_builder(&api_base(&server))
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            SlackError::Transport {
                kind: TransportErrorKind::Timeout,
                ..
            }
        ),
        "{err:?}"
    );
}

/// A call needs a `SlackToken`, and a bad token string never becomes one:
/// it is refused before any call can be made, without being echoed.
#[test]
fn bad_token_strings_are_refused_before_any_call() {
    for bad in ["", "xoxp-has space", "xoxp-new\nline"] {
        match SlackToken::new(bad) {
            Err(SlackError::InvalidInput {
                method: None,
                message,
            }) => {
                assert!(message.starts_with("the token "), "{message}");
                assert!(bad.is_empty() || !message.contains(bad), "{message}");
            }
            other => panic!("{bad:?}: expected InvalidInput, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let elsewhere = server_answering(ok()).await;
    let server = server_answering(
        ResponseTemplate::new(302)
            .insert_header("location", format!("{}/api/steal", elsewhere.uri())),
    )
    .await;
    let client = plain_client(&api_base(&server));
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, SlackError::Http { status: 302, .. }),
        "{err:?}"
    );
    assert!(elsewhere.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn user_agent_suffix_and_default_headers() {
    let server = server_answering(ok()).await;
    let client = plain_builder(&api_base(&server))
        .user_agent_suffix("incident-bot/2.1")
        .default_header("x-request-source", "oncall")
        .build()
        .unwrap();
    client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(
        header(&request, "user-agent"),
        format!("slackline/{} incident-bot/2.1", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(header(&request, "x-request-source"), "oncall");
}

#[test]
fn plain_http_is_refused_off_loopback() {
    for base in ["http://slack.example.com/api/", "http://192.168.1.10/api/"] {
        let err = slackline::SlackClient::builder()
            .base_url(base)
            .build()
            .unwrap_err();
        assert!(matches!(err, SlackError::InvalidInput { .. }), "{base}");
        assert!(err.to_string().contains("http://"), "{err}");
    }
    assert!(
        slackline::SlackClient::builder()
            .base_url("http://localhost:9/api/")
            .build()
            .is_ok()
    );
}

#[derive(serde::Serialize)]
pub struct ListOptions<'a> {
    limit: Option<u32>,
    cursor: Option<&'a str>,
    #[serde(rename = "types")]
    kinds: Vec<&'a str>,
    exclude_archived: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    team_id: Option<&'a str>,
}

pub trait Flattened {
    #[slack_method("conversations.list", scope = "channels:read", http = "POST")]
    async fn conversations_list_with(
        &self,
        token: &SlackToken,
        #[slack(flatten)] options: &ListOptions<'_>,
        #[slack(flatten)] extra: Option<std::collections::BTreeMap<String, String>>,
    ) -> Result<DefaultSuccess, SlackError>;
}
impl Flattened for slackline::SlackClient {}

#[tokio::test]
async fn flattened_struct_fields_are_arguments() {
    let server = server_answering(ok()).await;
    let client = plain_client(&api_base(&server));
    let options = ListOptions {
        limit: Some(200),
        cursor: None,
        kinds: vec!["public_channel", "private_channel"],
        exclude_archived: true,
        team_id: None,
    };
    let extra = std::collections::BTreeMap::from([("x_note".to_owned(), "a b&c".to_owned())]);
    client
        .conversations_list_with(&token(), &options, Some(extra))
        .await
        .unwrap();
    client
        .conversations_list_with(&token(), &options, None)
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        std::str::from_utf8(&requests[0].body).unwrap(),
        "limit=200&types=public_channel%2Cprivate_channel&exclude_archived=true&x_note=a+b%26c"
    );
    assert_eq!(
        std::str::from_utf8(&requests[1].body).unwrap(),
        "limit=200&types=public_channel%2Cprivate_channel&exclude_archived=true"
    );
}

#[tokio::test]
async fn a_flattened_value_that_is_not_a_struct_fails_before_sending() {
    pub trait Misused {
        #[slack_method("conversations.list", scope = "channels:read")]
        async fn misused(
            &self,
            token: &SlackToken,
            #[slack(flatten)] options: u32,
        ) -> Result<DefaultSuccess, SlackError>;
    }
    impl Misused for slackline::SlackClient {}
    let server = server_answering(ok()).await;
    let client = plain_client(&api_base(&server));
    let err = client.misused(&token(), 7).await.unwrap_err();
    assert!(
        matches!(&err, SlackError::InvalidInput { method: Some("conversations.list"), message } if message.contains("struct or a map")),
        "{err:?}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_503_retry_after_is_honoured_by_idempotent_retries() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let client = plain_builder(&api_base(&server))
        .retry_policy(
            slackline::RetryPolicy::default()
                .backoff(Duration::from_millis(1), Duration::from_secs(5)),
        )
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}
