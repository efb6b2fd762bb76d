//! `upload_file` and the OAuth v2 helpers, over real sockets: the exact
//! requests of each step on the wire.

use std::time::Duration;

use slackline::{
    ClientCredentials, RateLimits, RetryPolicy, SlackClient, SlackError, SlackToken, UPLOAD_STEP,
    UploadFile,
};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn client(server: &MockServer) -> SlackClient {
    SlackClient::builder()
        .base_url(format!("{}/api/", server.uri()))
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

fn ok(body: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

/// The form arguments of a request (body, or query string for a GET).
fn form(request: &Request) -> Vec<(String, String)> {
    let raw = if request.method.as_str() == "GET" {
        request.url.query().unwrap_or("").as_bytes()
    } else {
        &request.body
    };
    form_urlencoded::parse(raw).into_owned().collect()
}

fn arg(pairs: &[(String, String)], name: &str) -> Option<String> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

async fn requests_to(server: &MockServer, suffix: &str) -> Vec<Request> {
    server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.url.path().ends_with(suffix))
        .collect()
}

async fn mount_upload(server: &MockServer, upload_status: u16) {
    Mock::given(method("POST"))
        .and(path("/api/files.getUploadURLExternal"))
        .respond_with(ok(serde_json::json!({
            "ok": true,
            "upload_url": format!("{}/upload/v1/F0UP", server.uri()),
            "file_id": "F0UP",
        })))
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/upload/v1/F0UP"))
        .respond_with(ResponseTemplate::new(upload_status).set_body_string("OK - 11"))
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/files.completeUploadExternal"))
        .respond_with(ok(serde_json::json!({
            "ok": true,
            "files": [{"id": "F0UP", "title": "Greeting"}],
        })))
        .mount(server)
        .await;
}

#[tokio::test]
async fn waiting_for_the_share_ends_when_its_time_is_up() {
    let server = MockServer::start().await;
    mount_upload(&server, 200).await;
    // files.info answers, unshared, only after 5 s: each poll is a whole call, and the
    // wait must still end after `wait_until_shared`'s time, not after a count of polls.
    Mock::given(method("GET"))
        .and(path("/api/files.info"))
        .respond_with(
            ok(serde_json::json!({"ok": true, "file": {"id": "F0UP", "shares": {}}}))
                .set_delay(Duration::from_secs(5)),
        )
        .mount(&server)
        .await;
    let token = SlackToken::new("xoxb-upload-test").unwrap();
    let started = std::time::Instant::now();
    let uploaded = client(&server)
        .upload_file(
            &token,
            UploadFile::new("hello.txt", "hello world")
                .channel_id("C0WALK")
                .wait_until_shared(Duration::from_millis(300))
                .poll_interval(Duration::from_millis(20)),
        )
        .await
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(!uploaded.shared);
    assert_eq!(uploaded.polls, 0);
}

#[tokio::test]
async fn upload_file_runs_the_three_steps_then_waits_for_the_share() {
    let server = MockServer::start().await;
    mount_upload(&server, 200).await;
    // The first poll does not see the share yet; the second does.
    Mock::given(method("GET"))
        .and(path("/api/files.info"))
        .respond_with(ok(
            serde_json::json!({"ok": true, "file": {"id": "F0UP", "shares": {}}}),
        ))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/files.info"))
        .respond_with(ok(serde_json::json!({"ok": true, "file": {
            "id": "F0UP",
            "shares": {"public": {"C0WALK": [{"ts": "1700000000.000100"}]}},
        }})))
        .with_priority(2)
        .mount(&server)
        .await;

    let token = SlackToken::new("xoxb-upload-test").unwrap();
    let uploaded = client(&server)
        .upload_file(
            &token,
            UploadFile::new("hello.txt", "hello world")
                .title("Greeting")
                .channel_id("C0WALK")
                .initial_comment("see this")
                .wait_until_shared(Duration::from_secs(2))
                .poll_interval(Duration::from_millis(20)),
        )
        .await
        .unwrap();
    assert_eq!(uploaded.id, "F0UP");
    assert!(uploaded.shared);
    assert_eq!(uploaded.polls, 2);

    let get_url = &requests_to(&server, "files.getUploadURLExternal").await[0];
    let args = form(get_url);
    assert_eq!(arg(&args, "filename").as_deref(), Some("hello.txt"));
    assert_eq!(arg(&args, "length").as_deref(), Some("11"));
    assert_eq!(
        get_url.headers.get("authorization").unwrap(),
        "Bearer xoxb-upload-test"
    );

    let upload = &requests_to(&server, "/upload/v1/F0UP").await[0];
    assert_eq!(upload.body, b"hello world");
    // The upload URL is Slack's own: the token does not go there.
    assert!(upload.headers.get("authorization").is_none());

    let complete = form(&requests_to(&server, "files.completeUploadExternal").await[0]);
    let files: serde_json::Value = serde_json::from_str(&arg(&complete, "files").unwrap()).unwrap();
    assert_eq!(
        files,
        serde_json::json!([{"id": "F0UP", "title": "Greeting"}])
    );
    assert_eq!(arg(&complete, "channel_id").as_deref(), Some("C0WALK"));
    assert_eq!(
        arg(&complete, "initial_comment").as_deref(),
        Some("see this")
    );

    let polls = requests_to(&server, "files.info").await;
    assert_eq!(polls.len(), 2);
    assert_eq!(arg(&form(&polls[0]), "file").as_deref(), Some("F0UP"));
}

#[tokio::test]
async fn upload_file_without_waiting_promises_no_share() {
    let server = MockServer::start().await;
    mount_upload(&server, 200).await;
    let token = SlackToken::new("xoxb-upload-test").unwrap();
    let uploaded = client(&server)
        .upload_file(
            &token,
            UploadFile::new("a.txt", "hello world").channel_id("C1"),
        )
        .await
        .unwrap();
    assert!(!uploaded.shared);
    assert_eq!(uploaded.polls, 0);
    assert_eq!(uploaded.file["title"], "Greeting");
    assert!(requests_to(&server, "files.info").await.is_empty());
}

#[tokio::test]
async fn upload_failures_are_typed_and_stop_the_flow() {
    let server = MockServer::start().await;
    mount_upload(&server, 500).await;
    let token = SlackToken::new("xoxb-upload-test").unwrap();
    let err = client(&server)
        .upload_file(&token, UploadFile::new("a.txt", "hello world"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, SlackError::Http { method, status: 500, .. } if method == UPLOAD_STEP),
        "{err:?}"
    );
    assert!(
        requests_to(&server, "files.completeUploadExternal")
            .await
            .is_empty()
    );

    // An upload URL off this machine without TLS: refused before sending.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/files.getUploadURLExternal"))
        .respond_with(ok(serde_json::json!({
            "ok": true, "upload_url": "http://files.example.com/upload", "file_id": "F1",
        })))
        .mount(&server)
        .await;
    let err = client(&server)
        .upload_file(&token, UploadFile::new("a.txt", "x"))
        .await
        .unwrap_err();
    assert!(matches!(err, SlackError::InvalidInput { .. }), "{err:?}");
}

fn install_answer() -> serde_json::Value {
    serde_json::json!({
        "ok": true,
        "access_token": "xoxe.xoxb-1-botsecret",
        "token_type": "bot",
        "scope": "chat:write,users:read",
        "bot_user_id": "U0BOT",
        "app_id": "A0APP",
        "team": {"id": "T0DEMO1", "name": "Acme HQ"},
        "enterprise": null,
        "is_enterprise_install": false,
        "authed_user": {"id": "U0ALICE", "scope": "search:read", "access_token": "xoxp-1-usersecret", "token_type": "user"},
        "refresh_token": "xoxe-1-refreshsecret",
        "expires_in": 43200,
        "incoming_webhook": {"url": "https://hooks.slack.com/services/secret"}
    })
}

/// `oauth.v2.access` answering [`install_answer`] to the app's Basic
/// credentials only: base64("1234.5678:shh-secret").
async fn mount_oauth_access(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/api/oauth.v2.access"))
        .and(header(
            "authorization",
            "Basic MTIzNC41Njc4OnNoaC1zZWNyZXQ=",
        ))
        .respond_with(ok(install_answer()))
        .mount(server)
        .await;
}

#[tokio::test]
async fn oauth_code_exchange_sends_basic_credentials() {
    let server = MockServer::start().await;
    mount_oauth_access(&server).await;
    let app = ClientCredentials::new("1234.5678", "shh-secret").unwrap();
    let install = client(&server)
        .oauth_v2_exchange_code(&app, "code-1", Some("https://app.example/cb"))
        .await
        .unwrap();
    assert_eq!(
        install.access_token.as_ref().unwrap().expose_secret(),
        "xoxe.xoxb-1-botsecret"
    );
    assert_eq!(
        install.refresh_token.as_ref().unwrap().expose_secret(),
        "xoxe-1-refreshsecret"
    );
    assert_eq!(install.expires_in, Some(43200));
    assert_eq!(install.team.as_ref().unwrap().id, "T0DEMO1");
    let user = install.authed_user.as_ref().unwrap();
    assert_eq!(
        user.access_token.as_ref().unwrap().expose_secret(),
        "xoxp-1-usersecret"
    );
    // No secret in Debug output.
    let shown = format!("{install:?} {app:?}");
    for secret in [
        "botsecret",
        "usersecret",
        "refreshsecret",
        "services/secret",
        "shh-secret",
    ] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }

    let sent = &requests_to(&server, "oauth.v2.access").await[0];
    let args = form(sent);
    assert_eq!(arg(&args, "code").as_deref(), Some("code-1"));
    assert_eq!(
        arg(&args, "redirect_uri").as_deref(),
        Some("https://app.example/cb")
    );
    assert_eq!(arg(&args, "client_secret"), None);
}

#[tokio::test]
async fn oauth_refresh_and_legacy_exchange() {
    let server = MockServer::start().await;
    mount_oauth_access(&server).await;
    Mock::given(method("POST"))
        .and(path("/api/oauth.v2.exchange"))
        .and(header("authorization", "Bearer xoxb-legacy"))
        .respond_with(ok(install_answer()))
        .mount(&server)
        .await;
    let app = ClientCredentials::new("1234.5678", "shh-secret").unwrap();
    let slack = client(&server);

    let refresh = SlackToken::new("xoxe-1-oldrefresh").unwrap();
    let rotated = slack.oauth_v2_refresh(&app, &refresh).await.unwrap();
    assert!(rotated.access_token.is_some());
    let args = form(&requests_to(&server, "oauth.v2.access").await[0]);
    assert_eq!(arg(&args, "grant_type").as_deref(), Some("refresh_token"));
    assert_eq!(
        arg(&args, "refresh_token").as_deref(),
        Some("xoxe-1-oldrefresh")
    );

    let legacy = SlackToken::new("xoxb-legacy").unwrap();
    let exchanged = slack
        .oauth_v2_exchange_legacy(&legacy, "1234.5678", "shh-secret")
        .await
        .unwrap();
    assert!(exchanged.refresh_token.is_some());
    let args = form(&requests_to(&server, "oauth.v2.exchange").await[0]);
    assert_eq!(arg(&args, "client_id").as_deref(), Some("1234.5678"));
    assert_eq!(arg(&args, "client_secret").as_deref(), Some("shh-secret"));

    // Slack's error codes come back typed.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/oauth.v2.access"))
        .respond_with(ok(
            serde_json::json!({"ok": false, "error": "invalid_refresh_token"}),
        ))
        .mount(&server)
        .await;
    let err = client(&server)
        .oauth_v2_refresh(&app, &refresh)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("invalid_refresh_token"));
}

/// The emulator takes the Basic credentials of `oauth.v2.access` (a method
/// called without a token).
#[tokio::test]
async fn helpers_against_the_emulator() {
    let slack = super::emulator().await;
    let client = super::client_for(&slack);
    let app = ClientCredentials::new("1234.5678", "shh-secret").unwrap();
    client
        .oauth_v2_exchange_code(&app, "code-1", None)
        .await
        .unwrap();
    let entry = slack.journal().pop().unwrap();
    assert_eq!(entry.method, "oauth.v2.access");
    // The code reached it (its value is on the wire in the test above); the journal
    // keeps an OAuth code by name only.
    assert!(
        entry
            .args
            .iter()
            .any(|(k, v)| k == "code" && v == "<redacted>")
    );
    assert!(!format!("{entry:?}").contains("code-1"));
}
