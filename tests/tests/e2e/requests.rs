//! What goes on the wire, byte for byte: paths, headers, encoded arguments,
//! as wiremock and the emulator's journal receive them; and what is refused
//! before anything is sent.

use std::sync::atomic::Ordering;

use slackline::{
    AdminUsersSessionApi, DefaultSuccess, SlackClient, SlackError, SlackToken, WithMeta,
    slack_method,
};
use slackline_mock::demo;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{
    INVALIDATE, RESET, SECRET, admin, api_base, api_code, emulator, header, hostile_server, ok,
    only_request, plain_builder, plain_client, server_answering, token, write_answer,
};

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
    // POST stated: the flattened fields are checked in the form body.
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

pub trait LongGet {
    #[slack_method("conversations.history", scope = "channels:history", http = "GET")]
    async fn history(
        &self,
        token: &SlackToken,
        channel: &str,
        oldest: &str,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl LongGet for SlackClient {}

#[tokio::test]
async fn an_oversized_get_is_refused_before_sending_without_its_arguments() {
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
    let client = plain_builder(&base).build().unwrap();
    let value = format!("SENSITIVE{}", "v".repeat(1 << 20));
    let err = client.history(&token(), "C1", &value).await.unwrap_err();
    assert!(
        matches!(
            err,
            SlackError::InvalidInput {
                method: Some("conversations.history"),
                ..
            }
        ),
        "{err:?}"
    );
    let text = format!("{err} {err:?}");
    assert!(
        !text.contains("SENSITIVE") && !text.contains("vvvv"),
        "{text}"
    );
    assert!(text.contains("8192"), "{text}");
    assert!(text.len() < 1_000, "{text}");
    assert_eq!(requests.load(Ordering::SeqCst), 0, "nothing was sent");
    // A short one goes out as before.
    client.history(&token(), "C1", "1").await.unwrap();
    assert_eq!(requests.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn journal_shows_exact_arguments_and_no_authorization() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, Some(true))
        .await
        .unwrap();
    // Carol's session is not in T0DEMO1: refused, but journaled all the same.
    let refused = client
        .admin_users_session_invalidate(&admin(), demo::TEAM_ID, 10_014)
        .await;
    assert_eq!(api_code(refused, INVALIDATE), "session_not_found");
    client
        .admin_users_session_reset(&admin(), demo::BOB_ID, Some(true), Some(false))
        .await
        .unwrap();

    let journal = mock.journal();
    assert_eq!(journal.len(), 3);
    let pairs =
        |entry: &slackline_mock::JournalEntry| -> Vec<(String, String)> { entry.args.clone() };
    let own = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    assert_eq!(journal[0].method, RESET);
    assert_eq!(
        pairs(&journal[0]),
        own(&[("user_id", "U0ALICE"), ("web_only", "true")])
    );
    assert_eq!(journal[1].method, INVALIDATE);
    assert_eq!(
        pairs(&journal[1]),
        own(&[("team_id", "T0DEMO1"), ("session_id", "10014")])
    );
    assert_eq!(
        pairs(&journal[2]),
        own(&[
            ("user_id", "U0BOB"),
            ("mobile_only", "true"),
            ("web_only", "false")
        ])
    );
    for entry in &journal {
        assert_eq!(entry.http_method, "POST");
        assert_eq!(
            entry.content_type.as_deref(),
            Some("application/x-www-form-urlencoded")
        );
        assert!(entry.token_present, "the token went in the header");
        assert!(
            !entry.args.iter().any(|(k, _)| k == "token"),
            "no token in the body"
        );
        assert!(
            !entry
                .headers
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        );
        assert!(
            !entry
                .headers
                .iter()
                .any(|(_, v)| v.contains(demo::ADMIN_TOKEN)),
            "{:?}",
            entry.headers
        );
        let agent = entry
            .headers
            .iter()
            .find(|(k, _)| k == "user-agent")
            .map(|(_, v)| v.as_str());
        assert!(
            agent.unwrap_or_default().starts_with("slackline/"),
            "{agent:?}"
        );
    }
}
