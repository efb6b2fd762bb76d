//! Typed answers (`slackline::models`) through the client: decoded from the
//! body after `ok` is checked, followed page by page, and decoding the
//! emulator's answers.

use serde_json::Value;
use slackline::models::*;
use slackline::{SlackClient, SlackError, SlackToken, WithMeta, paginate, slack_method};
use slackline_mock::demo;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{api_base, emulator, plain_client, raw_http, token};

pub trait TypedChannels {
    #[slack_method("conversations.list")]
    async fn channels_page(
        &self,
        token: &SlackToken,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<ConversationsListResponse, SlackError>;

    #[slack_method("conversations.list")]
    async fn channels_page_with_meta(
        &self,
        token: &SlackToken,
        cursor: Option<&str>,
    ) -> Result<WithMeta<ConversationsListResponse>, SlackError>;

    #[slack_method("conversations.info")]
    async fn channel_info(
        &self,
        token: &SlackToken,
        channel: &str,
    ) -> Result<ConversationsInfoResponse, SlackError>;
}
impl TypedChannels for SlackClient {}

fn json(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json")
}

#[tokio::test]
async fn a_typed_cursor_list_is_followed_to_its_last_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/conversations.list"))
        .and(query_param_is_missing("cursor"))
        .respond_with(json(
            r#"{"ok":true,"channels":[{"id":"C1","name":"general","is_channel":true,
                "topic":{"value":"hi","creator":"U1","last_set":1}}],
                "response_metadata":{"next_cursor":"page2"}}"#,
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations.list"))
        .and(query_param("cursor", "page2"))
        .respond_with(json(
            r#"{"ok":true,"channels":[{"id":"C2","name":"random","brand_new":1}],
                "response_metadata":{"next_cursor":""}}"#,
        ))
        .mount(&server)
        .await;
    let client = plain_client(&api_base(&server));
    let token = token();
    let pages = paginate(|cursor| {
        let (client, token) = (&client, &token);
        async move {
            client
                .channels_page(token, Some(1), cursor.as_deref())
                .await
        }
    })
    .all()
    .await
    .unwrap();
    let channels: Vec<_> = pages.iter().flat_map(|page| &page.channels).collect();
    assert_eq!(channels.len(), 2);
    assert_eq!(channels[0].id, "C1");
    assert!(channels[0].is_channel);
    assert_eq!(
        channels[0].topic.as_ref().unwrap().value.as_deref(),
        Some("hi")
    );
    assert_eq!(channels[1].extra["brand_new"], 1);
    assert!(pages.iter().all(|page| page.ok));

    // With its metadata, the cursor is in both places.
    let first = client.channels_page_with_meta(&token, None).await.unwrap();
    assert_eq!(first.meta.next_cursor.as_deref(), Some("page2"));
    assert_eq!(
        first.response_metadata.as_ref().unwrap().next_cursor(),
        Some("page2")
    );
}

#[tokio::test]
async fn a_failure_is_an_api_error_and_a_missing_required_field_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(path("/api/conversations.info"))
        .and(query_param("channel", "C404"))
        .respond_with(json(r#"{"ok":false,"error":"channel_not_found"}"#))
        .mount(&server)
        .await;
    Mock::given(path("/api/conversations.info"))
        .and(query_param("channel", "C1"))
        .respond_with(json(r#"{"ok":true,"channel":{"name":"no id"}}"#))
        .mount(&server)
        .await;
    let client = plain_client(&api_base(&server));
    match client.channel_info(&token(), "C404").await {
        Err(SlackError::Api { code, .. }) => assert_eq!(code, "channel_not_found"),
        other => panic!("{other:?}"),
    }
    match client.channel_info(&token(), "C1").await {
        Err(SlackError::Decode { message, .. }) => assert!(message.contains("id"), "{message}"),
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------
// The emulator's answers, decoded by the typed core methods.

/// The core methods, declared here returning `slackline::models` types.
#[allow(dead_code)]
trait CoreTyped {
    #[slack_method("chat.postMessage")]
    async fn post(
        &self,
        token: &SlackToken,
        channel: &str,
        text: &str,
    ) -> Result<ChatPostMessageResponse, SlackError>;

    #[slack_method("conversations.list")]
    async fn conversations(
        &self,
        token: &SlackToken,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<ConversationsListResponse, SlackError>;

    #[slack_method("conversations.history")]
    async fn history(
        &self,
        token: &SlackToken,
        channel: &str,
    ) -> Result<ConversationsHistoryResponse, SlackError>;

    #[slack_method("conversations.info")]
    async fn conversation(
        &self,
        token: &SlackToken,
        channel: &str,
    ) -> Result<ConversationsInfoResponse, SlackError>;

    #[slack_method("users.list")]
    async fn users(
        &self,
        token: &SlackToken,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<UsersListResponse, SlackError>;

    #[slack_method("users.info")]
    async fn user(&self, token: &SlackToken, user: &str) -> Result<UsersInfoResponse, SlackError>;

    #[slack_method("auth.test")]
    async fn whoami(&self, token: &SlackToken) -> Result<AuthTestResponse, SlackError>;

    #[slack_method("reactions.add")]
    async fn react(
        &self,
        token: &SlackToken,
        channel: &str,
        timestamp: &str,
        name: &str,
    ) -> Result<ReactionsAddResponse, SlackError>;

    #[slack_method("reactions.get")]
    async fn reactions(
        &self,
        token: &SlackToken,
        channel: &str,
        timestamp: &str,
    ) -> Result<ReactionsGetResponse, SlackError>;

    #[slack_method("pins.add")]
    async fn pin(
        &self,
        token: &SlackToken,
        channel: &str,
        timestamp: &str,
    ) -> Result<PinsAddResponse, SlackError>;

    #[slack_method("pins.list")]
    async fn pins(&self, token: &SlackToken, channel: &str)
    -> Result<PinsListResponse, SlackError>;

    #[slack_method("files.getUploadURLExternal")]
    async fn upload_url(
        &self,
        token: &SlackToken,
        filename: &str,
        length: u64,
    ) -> Result<FilesGetUploadURLExternalResponse, SlackError>;

    /// `files` is a JSON array, sent here as its text.
    #[slack_method("files.completeUploadExternal", unchecked)]
    async fn complete_upload(
        &self,
        token: &SlackToken,
        files: &str,
        channel_id: Option<&str>,
    ) -> Result<FilesCompleteUploadExternalResponse, SlackError>;

    #[slack_method("files.info")]
    async fn file(&self, token: &SlackToken, file: &str) -> Result<FilesInfoResponse, SlackError>;

    #[slack_method("team.info")]
    async fn team(&self, token: &SlackToken) -> Result<TeamInfoResponse, SlackError>;

    #[slack_method("bots.info")]
    async fn bot(&self, token: &SlackToken, bot: &str) -> Result<BotsInfoResponse, SlackError>;
}
impl CoreTyped for SlackClient {}

/// The fields of `value` kept only in an `extra` map (by path): what the
/// types do not name.
fn untyped<T: serde::Serialize>(value: &T) -> Vec<String> {
    fn walk(full: &Value, typed: &Value, path: &str, out: &mut Vec<String>) {
        match (full, typed) {
            (Value::Object(full), Value::Object(typed)) => {
                for (key, value) in full {
                    let here = format!("{path}.{key}");
                    match typed.get(key) {
                        Some(kept) => walk(value, kept, &here, out),
                        None => out.push(here),
                    }
                }
            }
            (Value::Array(full), Value::Array(typed)) => {
                for (i, (value, kept)) in full.iter().zip(typed).enumerate() {
                    walk(value, kept, &format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let full = serde_json::to_value(value).unwrap();
    walk(&full, &typed_json(value).unwrap(), "", &mut out);
    out
}

#[tokio::test]
async fn the_typed_core_methods_decode_the_emulators_answers() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let bot = SlackToken::new(demo::BOT_TOKEN).unwrap();
    let mut untyped_fields = Vec::new();
    let mut check = |method: &str, fields: Vec<String>| {
        untyped_fields.extend(fields.into_iter().map(|f| format!("{method}: {f}")));
    };

    let me = client.whoami(&bot).await.unwrap();
    assert_eq!(me.user_id, demo::BOT_USER_ID);
    assert_eq!(me.team_id, demo::TEAM_ID);
    check("auth.test", untyped(&me));

    let posted = client
        .post(&bot, demo::GENERAL_ID, "typed hello")
        .await
        .unwrap();
    assert_eq!(posted.channel, demo::GENERAL_ID);
    assert_eq!(posted.message.ts, posted.ts);
    assert_eq!(posted.message.text.as_deref(), Some("typed hello"));
    check("chat.postMessage", untyped(&posted));

    client
        .react(&bot, demo::GENERAL_ID, &posted.ts, "tada")
        .await
        .unwrap();
    let reactions = client
        .reactions(&bot, demo::GENERAL_ID, &posted.ts)
        .await
        .unwrap();
    let reacted = reactions.message.as_ref().expect("the message");
    assert_eq!(reacted.reactions[0].name.as_deref(), Some("tada"));
    assert_eq!(reacted.reactions[0].users, [demo::BOT_USER_ID]);
    check("reactions.get", untyped(&reactions));

    client
        .pin(&bot, demo::GENERAL_ID, &posted.ts)
        .await
        .unwrap();
    let pins = client.pins(&bot, demo::GENERAL_ID).await.unwrap();
    let pinned = pins
        .items
        .iter()
        .find_map(|item| item.message.as_ref())
        .expect("a pinned message");
    assert_eq!(pinned.ts, posted.ts);
    check("pins.list", untyped(&pins));

    let history = client.history(&bot, demo::GENERAL_ID).await.unwrap();
    let newest = history
        .messages
        .iter()
        .find(|m| m.ts == posted.ts)
        .expect("the message");
    assert_eq!(newest.pinned_to, [demo::GENERAL_ID]);
    check("conversations.history", untyped(&history));

    let list = client.conversations(&bot, Some(100), None).await.unwrap();
    assert!(
        list.channels
            .iter()
            .any(|c| c.id == demo::GENERAL_ID && c.is_general)
    );
    check("conversations.list", untyped(&list));

    let info = client.conversation(&bot, demo::RANDOM_ID).await.unwrap();
    assert_eq!(info.channel.name.as_deref(), Some("random"));
    check("conversations.info", untyped(&info));

    let users = client.users(&bot, Some(100), None).await.unwrap();
    assert!(users.members.iter().any(|u| u.id == demo::ALICE_ID));
    check("users.list", untyped(&users));
    let alice = client.user(&bot, demo::ALICE_ID).await.unwrap();
    assert_eq!(alice.user.id, demo::ALICE_ID);
    assert!(alice.user.profile.is_some());
    check("users.info", untyped(&alice));

    let team = client.team(&bot).await.unwrap();
    assert_eq!(team.team.id, demo::TEAM_ID);
    check("team.info", untyped(&team));

    let bot_info = client.bot(&bot, demo::BOT_ID).await.unwrap();
    assert_eq!(bot_info.bot.id, demo::BOT_ID);
    check("bots.info", untyped(&bot_info));

    // A file: the upload flow, then its info.
    let bytes = b"id,name\n1,alice\n";
    let url = client
        .upload_url(&bot, "people.csv", bytes.len() as u64)
        .await
        .unwrap();
    check("files.getUploadURLExternal", untyped(&url));
    let path = url
        .upload_url
        .strip_prefix(&format!("http://{}", mock.addr()))
        .expect("upload URL on the emulator");
    let sent = raw_http(mock.addr(), "POST", path, &[], bytes)
        .await
        .unwrap();
    assert_eq!(sent.status, 200);
    let files = format!(r#"[{{"id":"{}","title":"People"}}]"#, url.file_id);
    let done = client
        .complete_upload(&bot, &files, Some(demo::GENERAL_ID))
        .await
        .unwrap();
    assert_eq!(done.files[0].id, url.file_id);
    check("files.completeUploadExternal", untyped(&done));
    let file = client.file(&bot, &url.file_id).await.unwrap();
    assert_eq!(file.file.id, url.file_id);
    assert_eq!(file.file.name.as_deref(), Some("people.csv"));
    check("files.info", untyped(&file));

    // Every field the emulator sends has a typed home.
    assert!(
        untyped_fields.is_empty(),
        "kept only in `extra`:\n{}",
        untyped_fields.join("\n")
    );
}

/// Answers `users.list` as a server going round in a cycle of cursors:
/// no cursor → `a`, `a` → `b`, `b` → `a` again. Each page holds one member,
/// named after the cursor it was asked with.
struct CyclingUsers;

impl wiremock::Respond for CyclingUsers {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let body = String::from_utf8_lossy(&request.body).into_owned();
        let query = request.url.query().unwrap_or("").to_owned();
        let cursor = [query.as_str(), body.as_str()]
            .into_iter()
            .flat_map(|pairs| pairs.split('&'))
            .find_map(|pair| pair.strip_prefix("cursor="))
            .map(str::to_owned);
        let (member, next) = match cursor.as_deref() {
            None => ("U0", "a"),
            Some("a") => ("Ua", "b"),
            _ => ("Ub", "a"),
        };
        json(&format!(
            r#"{{"ok":true,"members":[{{"id":"{member}"}}],
                "response_metadata":{{"next_cursor":"{next}"}}}}"#
        ))
    }
}

/// The cursors sent to `server`, in order (`None`: the first page).
async fn cursors_sent(server: &MockServer) -> Vec<Option<String>> {
    let requests = server.received_requests().await.unwrap();
    requests
        .iter()
        .map(|request| {
            let body = String::from_utf8_lossy(&request.body).into_owned();
            let query = request.url.query().unwrap_or("").to_owned();
            [query, body]
                .iter()
                .flat_map(|pairs| pairs.split('&').map(str::to_owned).collect::<Vec<_>>())
                .find_map(|pair| pair.strip_prefix("cursor=").map(str::to_owned))
        })
        .collect()
}

#[tokio::test]
async fn a_repeated_cursor_ends_an_item_stream_with_the_error_that_ends_pages() {
    use slackline::UsersApi;
    use slackline::api::UsersListOptions;

    let server = MockServer::start().await;
    Mock::given(path("/api/users.list"))
        .respond_with(CyclingUsers)
        .mount(&server)
        .await;
    let client = plain_client(&api_base(&server));
    let token = token();
    let expected = ["None", "Some(\"a\")", "Some(\"b\")"];

    // Pages: none, a, then b names `a` again: an error instead of that page.
    let mut pages = paginate(|cursor| {
        let (client, token) = (&client, &token);
        async move {
            let mut options = UsersListOptions::default();
            options.cursor = cursor;
            client.users_list(token, options).await
        }
    });
    let mut members = Vec::new();
    let pages_error = loop {
        match pages
            .next_page()
            .await
            .expect("the cycle ends the pages with an error")
        {
            Ok(page) => members.extend(page.members.into_iter().map(|m| m.id)),
            Err(err) => break err,
        }
    };
    assert!(pages.next_page().await.is_none(), "nothing after the error");
    assert_eq!(members, ["U0", "Ua"]);
    let sent: Vec<String> = cursors_sent(&server)
        .await
        .iter()
        .map(|c| format!("{:?}", c.as_deref()))
        .collect();
    assert_eq!(sent, expected);
    server.reset().await;
    Mock::given(path("/api/users.list"))
        .respond_with(CyclingUsers)
        .mount(&server)
        .await;

    // Items: the same walk, the same requests, the same error.
    let mut items = client.users_list_items(&token, UsersListOptions::default());
    let mut ids = Vec::new();
    let items_error = loop {
        match items
            .next()
            .await
            .expect("the cycle ends the items with an error")
        {
            Ok(member) => ids.push(member["id"].as_str().unwrap().to_owned()),
            Err(err) => break err,
        }
    };
    assert!(items.next().await.is_none(), "nothing after the error");
    assert_eq!(ids, ["U0", "Ua"]);
    assert_eq!(items.pages(), 3);
    let sent: Vec<String> = cursors_sent(&server)
        .await
        .iter()
        .map(|c| format!("{:?}", c.as_deref()))
        .collect();
    assert_eq!(sent, expected);

    let (
        SlackError::InvalidInput {
            method: None,
            message: pages_message,
        },
        SlackError::InvalidInput {
            method: Some("users.list"),
            message: items_message,
        },
    ) = (&pages_error, &items_error)
    else {
        panic!("pages: {pages_error:?}; items: {items_error:?}");
    };
    assert_eq!(pages_message, items_message);
    assert!(
        pages_message.contains("cursor already followed"),
        "{pages_message}"
    );
}
