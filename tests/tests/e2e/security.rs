//! Secrets stay secret: no token in logs, errors, `Debug` output or the journal.
//!
//! One test drives every kind of failure (and retries, which log at WARN)
//! with tokens that carry a distinctive secret, under a thread-local TRACE
//! subscriber writing into memory, then looks for the secret everywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::Ordering;
use std::time::Duration;

use slackline::transport::{HttpRequest, HttpResponse};
use slackline::{
    AdminUsersSessionApi, DefaultSuccess, Json, Quota, RateLimits, SlackClient, SlackError,
    SlackToken, TransportErrorKind, WithMeta, slack_method,
};
use slackline_mock::{Fault, MockSlack, demo};
use std::sync::{Arc, Mutex};
use wiremock::ResponseTemplate;

use crate::support::{
    Capture, SECRET, api_base, assert_transport, hostile_server, ok, plain_builder, plain_client,
    retries, server_answering, token, write_answer,
};

/// The secret part shared by every token below.
const SECRET_PART: &str = "topsecretvalue";

/// Known to the emulator with `admin.users:read` only.
const READONLY_SECRET: &str = "xoxp-1111-3333-topsecretvalue";

/// Unknown to the emulator.
const UNKNOWN_SECRET: &str = "xoxp-1111-4444-topsecretvalue";

/// Every string that must never appear in any output.
fn secrets() -> [&'static str; 4] {
    [SECRET, READONLY_SECRET, UNKNOWN_SECRET, SECRET_PART]
}

#[track_caller]
fn assert_no_secret(what: &str, text: &str) {
    for secret in secrets() {
        assert!(!text.contains(secret), "{what} leaks {secret:?}:\n{text}");
    }
}

trait Oddities {
    /// Keeps the answer's metadata (warnings among it).
    #[slack_method("auth.test")]
    async fn auth_test_meta(
        &self,
        token: &SlackToken,
    ) -> Result<WithMeta<DefaultSuccess>, SlackError>;

    /// Its JSON argument cannot be encoded (a map with non-string keys).
    #[slack_method("chat.postMessage", scope = "chat:write")]
    async fn post_unencodable(
        &self,
        token: &SlackToken,
        channel: &str,
        blocks: Json<BTreeMap<(u8, u8), u8>>,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl Oddities for SlackClient {}

struct Outcomes {
    errors: Vec<(&'static str, SlackError)>,
    requests_seen: Vec<String>,
    client_debug: Vec<String>,
}

/// Runs every call; returns the errors they ended with.
async fn drive(mock: &MockSlack) -> Outcomes {
    let base = mock.base_url();
    let mut errors = Vec::new();
    let mut client_debug = Vec::new();
    let admin_token = token(); // SECRET, known to the emulator as an admin
    let readonly = SlackToken::new(READONLY_SECRET).unwrap();
    let unknown = SlackToken::new(UNKNOWN_SECRET).unwrap();

    let plain = plain_builder(&base)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let retrying_client = plain_builder(&base)
        .retry_policy(retries(3))
        .build()
        .unwrap();
    client_debug.push(format!("{plain:?}"));
    client_debug.push(format!("{retrying_client:?}"));

    // Success, to be sure the secret token really is the emulator's admin.
    plain
        .admin_users_session_reset(&admin_token, demo::BOB_ID, None, Some(true))
        .await
        .unwrap();

    // Api: missing_scope, invalid_auth, not_an_admin-free user error.
    let e = plain
        .admin_users_session_reset(&readonly, demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some("missing_scope"));
    errors.push(("api missing_scope", e));
    let e = plain
        .admin_users_session_reset(&unknown, demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some("invalid_auth"));
    errors.push(("api invalid_auth", e));
    let e = plain
        .admin_users_session_reset(&admin_token, "U0NOBODY", None, None)
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some("user_not_found"));
    errors.push(("api user_not_found", e));

    // RateLimited, without retries; then a 429 retried away (a WARN).
    mock.inject_fault(
        "admin.users.session.reset",
        Fault::RateLimited {
            retry_after_secs: 1,
        },
        1,
    );
    let e = plain
        .admin_users_session_reset(&admin_token, demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert!(matches!(e, SlackError::RateLimited { .. }), "{e:?}");
    errors.push(("rate limited", e));
    mock.inject_fault(
        "admin.users.session.reset",
        Fault::RateLimited {
            retry_after_secs: 0,
        },
        1,
    );
    retrying_client
        .admin_users_session_reset(&admin_token, demo::BOB_ID, None, None)
        .await
        .unwrap();

    // Http: a 500 once, and 503s retried until the attempts run out (WARNs).
    mock.inject_fault("admin.users.session.reset", Fault::Status(500), 1);
    let e = plain
        .admin_users_session_reset(&admin_token, demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert!(matches!(e, SlackError::Http { status: 500, .. }), "{e:?}");
    errors.push(("http 500", e));
    mock.inject_fault("admin.users.session.reset", Fault::Status(503), 3);
    let e = retrying_client
        .admin_users_session_reset(&admin_token, demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert!(matches!(e, SlackError::Http { status: 503, .. }), "{e:?}");
    errors.push(("http 503 after retries", e));

    // Decode.
    mock.inject_fault("admin.users.session.reset", Fault::NonJson, 1);
    let e = plain
        .admin_users_session_reset(&admin_token, demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert!(matches!(e, SlackError::Decode { .. }), "{e:?}");
    errors.push(("decode", e));

    // Transport: timeout, closed (retried: WARNs), connect refused (retried: WARNs).
    mock.inject_fault(
        "admin.users.session.reset",
        Fault::Delay(Duration::from_secs(2)),
        1,
    );
    let e = plain
        .admin_users_session_reset(&admin_token, demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert_transport(&e, TransportErrorKind::Timeout);
    errors.push(("transport timeout", e));
    mock.inject_fault("admin.users.session.reset", Fault::Drop, 3);
    let e = retrying_client
        .admin_users_session_reset(&admin_token, demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert_transport(&e, TransportErrorKind::Closed);
    errors.push(("transport closed", e));
    // A port that is bound but not listening: connections are refused, and
    // no other test's server can take the port meanwhile.
    let reserved = tokio::net::TcpSocket::new_v4().unwrap();
    reserved.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let refused_base = format!("http://{}/api/", reserved.local_addr().unwrap());
    let refused = plain_builder(&refused_base)
        .retry_policy(retries(3))
        .build()
        .unwrap();
    let e = refused
        .admin_users_session_reset(&admin_token, demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert_transport(&e, TransportErrorKind::Connect);
    errors.push(("transport connect", e));
    drop(reserved);

    // InvalidInput: an argument that cannot be encoded, a refused base URL, bad tokens.
    let blocks = Json(BTreeMap::from([((1, 2), 3)]));
    let e = plain
        .post_unencodable(&admin_token, "C1", blocks)
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            SlackError::InvalidInput {
                method: Some("chat.postMessage"),
                ..
            }
        ),
        "{e:?}"
    );
    errors.push(("invalid input: argument", e));
    let e = SlackClient::builder()
        .base_url("http://example.com/api/")
        .build()
        .unwrap_err();
    errors.push(("invalid input: base url", e));
    for bad in [
        format!("{SECRET} trailing"),
        format!("{SECRET}\n"),
        format!("{SECRET}\u{7}"),
        format!("{SECRET}é"),
        format!(" {SECRET}"),
    ] {
        let e = SlackToken::new(bad).unwrap_err();
        assert!(matches!(e, SlackError::InvalidInput { .. }), "{e:?}");
        errors.push(("invalid input: token", e));
    }

    // Pacing (TRACE events): one call every 400 ms and no burst, so the
    // later calls wait their turn however slow the machine is.
    let paced = plain_builder(&base)
        .rate_limits(
            RateLimits::slack_tiers().method(crate::support::RESET, Quota::per_minute(150.0)),
        )
        .build()
        .unwrap();
    for _ in 0..3 {
        paced
            .admin_users_session_reset(&admin_token, demo::BOB_ID, None, None)
            .await
            .unwrap();
    }
    client_debug.push(format!("{paced:?}"));

    // A custom transport sees the request; its Debug must hide the token. Its
    // answer carries a warning (a WARN event) and then an API error.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    let custom = SlackClient::builder()
        .transport(move |request: HttpRequest| {
            let record = record.clone();
            async move {
                let first = {
                    let mut seen = record.lock().unwrap();
                    seen.push(format!("{request:?} {:?}", request.headers));
                    seen.len() == 1
                };
                let body = if first {
                    r#"{"ok":true,"warning":"superfluous_charset"}"#
                } else {
                    r#"{"ok":false,"error":"not_an_admin"}"#
                };
                Ok(HttpResponse::json(200, body))
            }
        })
        .rate_limits(RateLimits::off())
        .build()
        .unwrap();
    custom
        .admin_users_session_reset(&admin_token, demo::ALICE_ID, None, None)
        .await
        .unwrap();
    let e = custom
        .admin_users_session_invalidate(&admin_token, demo::TEAM_ID, 1)
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some("not_an_admin"));
    errors.push(("api via custom transport", e));
    client_debug.push(format!("{custom:?}"));
    client_debug.push(format!(
        "{:?}",
        SlackClient::builder()
            .base_url(&base)
            .retry_policy(retries(3))
    ));

    // `ok: true` answers echoing the token in their warnings (as a proxy or a
    // debug endpoint might): logged at WARN and kept in `ResponseMeta`.
    let (echo_base, _) = hostile_server(|_, head, stream| async move {
        let token = head
            .lines()
            .find_map(|line| line.strip_prefix("authorization: Bearer "))
            .unwrap_or("none")
            .trim()
            .to_owned();
        let body = serde_json::json!({
            "ok": true,
            "warning": format!("superfluous_charset,{token}"),
            "response_metadata": { "warnings": [format!("echo {token}")], "messages": [token] },
        });
        let body = body.to_string();
        write_answer(
            stream,
            200,
            &[
                ("Content-Type", "application/json"),
                ("X-OAuth-Scopes", &token),
            ],
            body.as_bytes(),
        )
        .await;
    })
    .await;
    let echo = plain_builder(&echo_base).build().unwrap();
    echo.admin_users_session_reset(&admin_token, demo::ALICE_ID, None, None)
        .await
        .unwrap();
    let answer = echo.auth_test_meta(&admin_token).await.unwrap();
    assert_eq!(answer.meta.warnings.len(), 3, "{:?}", answer.meta);
    assert!(
        answer.meta.warnings[1].contains("xoxp-***"),
        "{:?}",
        answer.meta
    );
    // The value is the answer as decoded, for the caller; the metadata is what the client keeps.
    client_debug.push(format!("{:?}", answer.meta));

    let requests_seen = seen.lock().unwrap().clone();
    Outcomes {
        errors,
        requests_seen,
        client_debug,
    }
}

#[test]
fn secrets_stay_out_of_logs_errors_and_debug_output() {
    // The emulator runs on its own runtime's worker threads, so only the
    // client's events reach the thread-local subscriber below.
    let server = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let mock = server
        .block_on(
            MockSlack::builder()
                .demo_org()
                .rate_limits(slackline_mock::RateLimits::Off)
                .start(),
        )
        .unwrap();
    mock.add_token(SECRET, demo::ADMIN_ID, demo::ADMIN_SCOPES);
    mock.add_token(READONLY_SECRET, demo::ADMIN_ID, demo::READONLY_SCOPES);

    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer({
            let capture = capture.clone();
            move || capture.clone()
        })
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .finish();
    let outcomes = {
        let _every = crate::support::ask_every_subscriber();
        let _guard = tracing::subscriber::set_default(subscriber);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(drive(&mock))
    };

    // Logs: retries and pacing were logged, the token never.
    let logs = capture.text();
    assert!(!logs.is_empty(), "nothing was logged");
    assert!(logs.contains("WARN"), "no WARN events:\n{logs}");
    assert!(logs.contains("retrying"), "no retry events:\n{logs}");
    assert!(logs.contains("rate limited"), "no 429 retry event:\n{logs}");
    assert!(
        logs.contains("superfluous_charset"),
        "no warning event:\n{logs}"
    );
    assert!(
        logs.contains(r#"warnings=["superfluous_charset", "xoxp-***", "echo xoxp-***"]"#),
        "the echoed warnings were not logged redacted:\n{logs}"
    );
    assert!(logs.contains("pacing"), "no pacing events:\n{logs}");
    assert_no_secret("the tracing output", &logs);

    // Errors: every variant was produced, and none shows the token.
    let kinds: BTreeSet<String> = outcomes.errors.iter().map(|(_, e)| e.kind()).collect();
    for kind in [
        "missing_scope",
        "invalid_auth",
        "ratelimited",
        "http_500",
        "http_503",
        "decode",
        "timeout",
        "connection_closed",
        "connect",
        "invalid_input",
    ] {
        assert!(kinds.contains(kind), "no {kind} error among {kinds:?}");
    }
    for (what, error) in &outcomes.errors {
        assert_no_secret(&format!("Display of {what}"), &format!("{error}"));
        assert_no_secret(&format!("Debug of {what}"), &format!("{error:?}"));
        assert_no_secret(
            &format!("alternate Debug of {what}"),
            &format!("{error:#?}"),
        );
        if let Some(source) = std::error::Error::source(error) {
            assert_no_secret(
                &format!("source of {what}"),
                &format!("{source} {source:?}"),
            );
        }
    }

    // Tokens print redacted.
    for (secret, prefix) in [(SECRET, "xoxp-"), (READONLY_SECRET, "xoxp-")] {
        let t = SlackToken::new(secret).unwrap();
        assert_eq!(format!("{t}"), format!("{prefix}***"));
        assert_eq!(format!("{t:?}"), format!("SlackToken({prefix}***)"));
        assert_no_secret("token Debug", &format!("{t:?} {t:#?} {t}"));
        assert_eq!(t.expose_secret(), secret, "the secret is still usable");
    }
    let with_team = token().with_team("T0DEMO1");
    assert_no_secret("token with team", &format!("{with_team:?} {with_team}"));
    let no_prefix = SlackToken::new(format!("plain{SECRET_PART}")).unwrap();
    assert_eq!(format!("{no_prefix}"), "***");
    assert_no_secret("token without prefix", &format!("{no_prefix:?}"));

    // The request a custom transport is handed hides the Authorization value.
    assert_eq!(outcomes.requests_seen.len(), 2);
    for request in &outcomes.requests_seen {
        assert!(
            request.to_lowercase().contains("authorization"),
            "{request}"
        );
        assert_no_secret("HttpRequest Debug", request);
    }

    // Clients and builders.
    for debug in &outcomes.client_debug {
        assert_no_secret("client Debug", debug);
    }

    // The emulator got the token in the header, and journaled none of it.
    let journal = mock.journal();
    assert!(journal.iter().any(|e| e.token_present));
    assert_no_secret("the emulator's journal", &format!("{journal:?}"));

    drop(mock);
    server.shutdown_timeout(Duration::from_secs(1));
}

/// A server on 127.0.0.1 that answers every request with `status` and a body
/// echoing the request's head (as some proxies' and debug endpoints' error
/// pages do).
async fn echo_server(status: u16, content_type: &'static str) -> String {
    let (base, _) = hostile_server(move |_, head, stream| async move {
        write_answer(
            stream,
            status,
            &[("Content-Type", content_type)],
            head.as_bytes(),
        )
        .await
    })
    .await;
    base
}

#[tokio::test]
async fn bodies_echoing_the_request_do_not_carry_the_token_into_errors() {
    let mut leaks = Vec::new();
    for (status, content_type) in [(500, "text/plain"), (200, "text/html")] {
        let base = echo_server(status, content_type).await;
        let client = plain_builder(&base).build().unwrap();
        let err = client
            .admin_users_session_reset(&token(), demo::ALICE_ID, None, None)
            .await
            .unwrap_err();
        assert!(
            matches!(err, SlackError::Http { .. } | SlackError::Decode { .. }),
            "{err:?}"
        );
        let text = format!("{err} {err:?}");
        if secrets().iter().any(|secret| text.contains(secret)) {
            leaks.push(text);
        }
    }
    assert!(
        leaks.is_empty(),
        "error excerpts of echoed requests leak the token:\n{}",
        leaks.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Refused before any call.

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

#[tokio::test]
async fn a_base_url_with_userinfo_is_refused() {
    let (base, requests) = hostile_server(|_, _, stream| async move {
        write_answer(
            stream,
            200,
            &[("Content-Type", "application/json")],
            br#"{"ok":true}"#,
        )
        .await
    })
    .await;
    let with_userinfo = base.replace("http://", "http://admin:hunter2pass@");
    let err = SlackClient::builder()
        .base_url(&with_userinfo)
        .build()
        .unwrap_err();
    assert!(
        matches!(err, SlackError::InvalidInput { method: None, .. }),
        "{err:?}"
    );
    let text = format!("{err} {err:?}");
    assert!(!text.contains("hunter2pass"), "{text}");
    assert!(text.contains("user name or password"), "{text}");
    let builder = SlackClient::builder().base_url(&with_userinfo);
    assert!(
        !format!("{builder:?}").contains("hunter2pass"),
        "{builder:?}"
    );
    let user_only = base.replace("http://", "http://admin@");
    assert!(SlackClient::builder().base_url(&user_only).build().is_err());
    assert_eq!(requests.load(Ordering::SeqCst), 0);
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

/// What an error keeps from an answer is shown to people (the example CLI prints
/// `error: <code>` as one line): a hostile server must not be able to forge
/// further lines or send terminal escape sequences through it.
#[tokio::test]
async fn control_characters_from_an_answer_are_escaped_in_errors() {
    let body = r#"{"ok":false,"error":"not_an_admin\nerror: forged\u001b[2J","needed":"a\rb","provided":"c\u0007","response_metadata":{"warnings":["w\nx"],"messages":["m\u0000"]}}"#;
    let server = server_answering(
        ResponseTemplate::new(200).set_body_raw(body, "application/json; charset=utf-8"),
    )
    .await;
    let client = plain_client(&api_base(&server));
    let err = client
        .admin_users_session_reset(&token(), demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    let SlackError::Api {
        code,
        needed,
        provided,
        warnings,
        messages,
        ..
    } = &err
    else {
        panic!("expected an API error, got {err:?}");
    };
    assert!(code.starts_with("not_an_admin"), "{code:?}");
    let mut kept = vec![code.clone(), err.to_string()];
    kept.extend(needed.iter().chain(provided).cloned());
    kept.extend(warnings.iter().chain(messages.iter()).cloned());
    for text in kept {
        assert!(!text.chars().any(char::is_control), "{text:?}");
    }
}
