//! How every kind of answer decodes: success values and their metadata,
//! `ok: false` errors, other HTTP statuses, bodies that are not the JSON
//! expected (from wiremock and from the emulator's faults).

use slackline::{AdminUsersSessionApi, SlackError, SlackToken, slack_method};
use slackline_mock::{Fault, demo};
use wiremock::ResponseTemplate;

use crate::support::{
    RESET, SessionsAsDeclaredHere, admin, api_base, emulator, ids, plain_client, raw_http, seeded,
    server_answering, tok, token,
};

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
async fn meta_has_the_emulators_scope_headers() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    // What the emulator says, read off the wire without slackline.
    let raw = raw_http(
        mock.addr(),
        "POST",
        &format!("/api/{RESET}"),
        &[
            ("Authorization", &format!("Bearer {}", demo::ADMIN_TOKEN)),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        b"user_id=U0BOB",
    )
    .await
    .unwrap();
    assert_eq!(raw.status, 200);
    let header = |name: &str| {
        raw.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    assert_eq!(
        header("x-oauth-scopes").as_deref(),
        Some("admin.users:read,admin.users:write,admin,users:read")
    );
    assert_eq!(
        header("x-accepted-oauth-scopes").as_deref(),
        Some("admin.users:write")
    );

    let answer = client
        .reset_with_meta(&admin(), demo::ALICE_ID)
        .await
        .unwrap();
    assert!(answer.ok);
    assert_eq!(answer.meta.scopes, header("x-oauth-scopes"));
    assert_eq!(
        answer.meta.accepted_scopes,
        header("x-accepted-oauth-scopes")
    );
    assert!(answer.meta.warnings.is_empty());
    assert_eq!(answer.meta.next_cursor, None);

    // Another token, another method.
    let page = client
        .session_list(&tok(demo::READONLY_TOKEN), None, None, Some(1), None)
        .await
        .unwrap();
    assert_eq!(page.meta.scopes.as_deref(), Some("admin.users:read"));
    assert_eq!(
        page.meta.accepted_scopes.as_deref(),
        Some("admin.users:read")
    );
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
async fn fault_status_500_is_an_http_error() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    mock.inject_fault(RESET, Fault::Status(500), 1);
    let err = client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    match &err {
        SlackError::Http {
            method,
            status: 500,
            body,
            ..
        } => {
            assert_eq!(*method, RESET);
            assert!(body.contains("internal_error"), "{body}");
        }
        other => panic!("expected Http 500, got {other:?}"),
    }
    assert_eq!(err.kind(), "http_500");
    assert_eq!(mock.journal().len(), 1, "no retry");
    assert_eq!(ids(&mock.sessions(demo::ALICE_ID)), seeded(demo::ALICE_ID));
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
async fn fault_non_json_is_a_decode_error() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    mock.inject_fault(RESET, Fault::NonJson, 1);
    let err = client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    match &err {
        SlackError::Decode { method, body, .. } => {
            assert_eq!(*method, RESET);
            assert!(body.contains("502 Bad Gateway"), "{body}");
        }
        other => panic!("expected Decode, got {other:?}"),
    }
    assert_eq!(err.kind(), "decode");
}

#[tokio::test]
async fn wrong_shape_is_a_decode_error() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    pub struct Needs {
        count: u32,
    }
    pub trait Typed {
        // POST stated: `server_answering` answers POST only.
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
