//! The emulator's modelled families through the slackline client, as an app's tests
//! would use them: typed answers decode, documented errors arrive as
//! `SlackError::Api` with Slack's codes, flows keep state.

use serde::Deserialize;
use slackline::{SlackClient, SlackError, SlackToken, WithMeta, slack_method};
use slackline_mock::{MockSlack, demo};

use crate::support::{api_code, emulator, plain_client, raw_http, tok};

// ---------------------------------------------------------------------------
// Answers, typed as an app would type them.

#[derive(Debug, Deserialize)]
struct Posted {
    channel: String,
    ts: String,
    message: Message,
}

#[derive(Debug, Deserialize)]
struct Message {
    text: String,
    user: String,
    ts: String,
    #[serde(default)]
    bot_id: Option<String>,
    #[serde(default)]
    edited: Option<Edited>,
    #[serde(default)]
    reactions: Vec<Reaction>,
}

#[derive(Debug, Deserialize)]
struct Edited {
    user: String,
}

#[derive(Debug, Deserialize)]
struct Reaction {
    name: String,
    count: u32,
    users: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct History {
    messages: Vec<Message>,
    has_more: bool,
}

#[derive(Debug, Deserialize)]
struct Updated {
    ts: String,
    text: String,
}

#[derive(Debug, Deserialize)]
struct ReactionsGet {
    message: Message,
}

#[derive(Debug, Deserialize)]
struct Identity {
    user_id: String,
    team_id: String,
    #[serde(default)]
    bot_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct UserAnswer {
    user: User,
}

#[derive(Debug, Deserialize)]
struct User {
    id: String,
    name: String,
    profile: Profile,
}

#[derive(Debug, Deserialize)]
struct Profile {
    #[serde(default)]
    email: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Members {
    members: Vec<User>,
    response_metadata: Cursor,
}

#[derive(Debug, Deserialize)]
struct Channels {
    channels: Vec<Channel>,
    response_metadata: Cursor,
}

#[derive(Debug, Deserialize)]
struct Channel {
    id: String,
    name: String,
    is_member: bool,
}

#[derive(Debug, Deserialize)]
struct Cursor {
    next_cursor: String,
}

#[derive(Debug, Deserialize)]
struct UploadUrl {
    upload_url: String,
    file_id: String,
}

#[derive(Debug, Deserialize)]
struct Completed {
    files: Vec<File>,
}

#[derive(Debug, Deserialize)]
struct FileAnswer {
    file: File,
}

#[derive(Debug, Deserialize)]
struct File {
    id: String,
    name: String,
    title: String,
    size: u64,
    channels: Vec<String>,
}

/// `bookmarks.list`: answered in the shape of Slack's sample.
#[derive(Debug, Deserialize)]
struct Bookmarks {
    bookmarks: Vec<Bookmark>,
}

#[derive(Debug, Deserialize)]
struct Bookmark {
    id: String,
    channel_id: String,
    title: String,
}

#[derive(Debug, Deserialize)]
struct Okay {
    ok: bool,
}

// ---------------------------------------------------------------------------
// The methods, declared as a user of slackline would.

#[allow(dead_code)]
trait AppMethods {
    // auth.test needs no scope; the attribute wants one named.
    #[slack_method("auth.test", scope = "users:read", unchecked)]
    async fn auth_test(&self, token: &SlackToken) -> Result<Identity, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write")]
    async fn post(
        &self,
        token: &SlackToken,
        channel: &str,
        text: Option<&str>,
        blocks: Option<&str>,
        thread_ts: Option<&str>,
    ) -> Result<Posted, SlackError>;

    #[slack_method("chat.update", scope = "chat:write")]
    async fn update(
        &self,
        token: &SlackToken,
        channel: &str,
        ts: &str,
        text: &str,
    ) -> Result<Updated, SlackError>;

    #[slack_method("chat.delete", scope = "chat:write")]
    async fn delete(&self, token: &SlackToken, channel: &str, ts: &str)
    -> Result<Okay, SlackError>;

    #[slack_method("conversations.history", scope = "channels:history")]
    async fn history(
        &self,
        token: &SlackToken,
        channel: &str,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<WithMeta<History>, SlackError>;

    #[slack_method("conversations.list", scope = "channels:read")]
    async fn channels(
        &self,
        token: &SlackToken,
        types: Option<&str>,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<Channels, SlackError>;

    #[slack_method("conversations.join", scope = "channels:join")]
    async fn join(&self, token: &SlackToken, channel: &str) -> Result<Okay, SlackError>;

    #[slack_method("reactions.add", scope = "reactions:write")]
    async fn react(
        &self,
        token: &SlackToken,
        channel: &str,
        timestamp: &str,
        name: &str,
    ) -> Result<Okay, SlackError>;

    #[slack_method("reactions.remove", scope = "reactions:write")]
    async fn unreact(
        &self,
        token: &SlackToken,
        channel: &str,
        timestamp: &str,
        name: &str,
    ) -> Result<Okay, SlackError>;

    #[slack_method("reactions.get", scope = "reactions:read")]
    async fn reactions(
        &self,
        token: &SlackToken,
        channel: &str,
        timestamp: &str,
    ) -> Result<ReactionsGet, SlackError>;

    #[slack_method("users.info", scope = "users:read")]
    async fn user_info(&self, token: &SlackToken, user: &str) -> Result<UserAnswer, SlackError>;

    #[slack_method("users.lookupByEmail", scope = "users:read.email")]
    async fn by_email(&self, token: &SlackToken, email: &str) -> Result<UserAnswer, SlackError>;

    #[slack_method("users.list", scope = "users:read")]
    async fn users(
        &self,
        token: &SlackToken,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<Members, SlackError>;

    #[slack_method("files.getUploadURLExternal", scope = "files:write")]
    async fn upload_url(
        &self,
        token: &SlackToken,
        filename: &str,
        length: u64,
    ) -> Result<UploadUrl, SlackError>;

    /// `files` is a JSON array, sent here as its text.
    #[slack_method("files.completeUploadExternal", scope = "files:write", unchecked)]
    async fn complete_upload(
        &self,
        token: &SlackToken,
        files: &str,
        channel_id: Option<&str>,
    ) -> Result<Completed, SlackError>;

    #[slack_method("files.info", scope = "files:read")]
    async fn file_info(&self, token: &SlackToken, file: &str) -> Result<FileAnswer, SlackError>;

    #[slack_method("bookmarks.list", scope = "bookmarks:read")]
    async fn bookmarks(
        &self,
        token: &SlackToken,
        channel_id: &str,
    ) -> Result<Bookmarks, SlackError>;
}

impl AppMethods for SlackClient {}

/// Channel management and pins, declared apart as an app with these needs would.
#[allow(dead_code)]
trait ChannelAdmin {
    #[slack_method("conversations.create", scope = "channels:manage")]
    async fn create(
        &self,
        token: &SlackToken,
        name: &str,
        is_private: Option<bool>,
    ) -> Result<ChannelAnswer, SlackError>;

    #[slack_method("conversations.invite", scope = "channels:manage")]
    async fn invite(
        &self,
        token: &SlackToken,
        channel: &str,
        users: &str,
    ) -> Result<ChannelAnswer, SlackError>;

    #[slack_method("conversations.kick", scope = "channels:manage")]
    async fn kick(&self, token: &SlackToken, channel: &str, user: &str)
    -> Result<Okay, SlackError>;

    #[slack_method("conversations.rename", scope = "channels:manage")]
    async fn rename(
        &self,
        token: &SlackToken,
        channel: &str,
        name: &str,
    ) -> Result<ChannelAnswer, SlackError>;

    #[slack_method("conversations.setTopic", scope = "channels:manage")]
    async fn set_topic(
        &self,
        token: &SlackToken,
        channel: &str,
        topic: &str,
    ) -> Result<ChannelAnswer, SlackError>;

    #[slack_method("conversations.archive", scope = "channels:manage")]
    async fn archive(&self, token: &SlackToken, channel: &str) -> Result<Okay, SlackError>;

    #[slack_method("conversations.members", scope = "channels:read")]
    async fn members(
        &self,
        token: &SlackToken,
        channel: &str,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<MemberIds, SlackError>;

    #[slack_method("conversations.info", scope = "channels:read")]
    async fn info(&self, token: &SlackToken, channel: &str) -> Result<ChannelAnswer, SlackError>;

    #[slack_method("pins.add", scope = "pins:write")]
    async fn pin(
        &self,
        token: &SlackToken,
        channel: &str,
        timestamp: &str,
    ) -> Result<Okay, SlackError>;

    #[slack_method("pins.list", scope = "pins:read")]
    async fn pins(&self, token: &SlackToken, channel: &str) -> Result<Pins, SlackError>;
}

impl ChannelAdmin for SlackClient {}

#[derive(Debug, Deserialize)]
struct ChannelAnswer {
    channel: FullChannel,
}

#[derive(Debug, Deserialize)]
struct FullChannel {
    id: String,
    name: String,
    is_private: bool,
    is_archived: bool,
    num_members: usize,
    topic: TopicField,
    previous_names: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct TopicField {
    value: String,
}

#[derive(Debug, Deserialize)]
struct MemberIds {
    members: Vec<String>,
    response_metadata: Cursor,
}

#[derive(Debug, Deserialize)]
struct Pins {
    items: Vec<PinItem>,
}

#[derive(Debug, Deserialize)]
struct PinItem {
    channel: String,
    message: Message,
}

// ---------------------------------------------------------------------------

/// The demo org (rate limits off) and a client for it.
async fn started() -> (MockSlack, SlackClient) {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    (mock, client)
}

fn bot() -> SlackToken {
    tok(demo::BOT_TOKEN)
}

fn alice() -> SlackToken {
    tok(demo::USER_TOKEN)
}

#[tokio::test]
async fn auth_test_for_each_token_kind() {
    let (_mock, client) = started().await;
    let me = client.auth_test(&bot()).await.unwrap();
    assert_eq!(me.user_id, demo::BOT_USER_ID);
    assert_eq!(me.bot_id.as_deref(), Some(demo::BOT_ID));
    assert_eq!(me.team_id, demo::TEAM_ID);
    let me = client.auth_test(&alice()).await.unwrap();
    assert_eq!(me.user_id, demo::ALICE_ID);
    assert_eq!(me.bot_id, None);
    let nope = tok("xoxb-not-known");
    assert_eq!(
        api_code(client.auth_test(&nope).await, "auth.test"),
        "invalid_auth"
    );
}

#[tokio::test]
async fn post_history_update_react_delete() {
    let (_mock, client) = started().await;
    let (b, a) = (bot(), alice());
    let posted = client
        .post(&b, demo::GENERAL_ID, Some("deploy started"), None, None)
        .await
        .unwrap();
    assert_eq!(posted.channel, demo::GENERAL_ID);
    assert_eq!(posted.message.ts, posted.ts);
    assert_eq!(posted.message.user, demo::BOT_USER_ID);
    assert_eq!(posted.message.bot_id.as_deref(), Some(demo::BOT_ID));

    let history = client
        .history(&a, demo::GENERAL_ID, None, None)
        .await
        .unwrap();
    assert_eq!(history.messages.len(), 1);
    assert_eq!(history.messages[0].text, "deploy started");
    assert!(!history.has_more);

    let updated = client
        .update(&b, &posted.channel, &posted.ts, "deploy finished")
        .await
        .unwrap();
    assert_eq!(
        (updated.ts.as_str(), updated.text.as_str()),
        (posted.ts.as_str(), "deploy finished")
    );
    assert_eq!(
        api_code(
            client
                .update(&a, &posted.channel, &posted.ts, "mine now")
                .await,
            "chat.update"
        ),
        "cant_update_message"
    );
    assert_eq!(
        api_code(
            client.update(&b, &posted.channel, "1.000001", "x").await,
            "chat.update"
        ),
        "message_not_found"
    );

    client
        .react(&a, demo::GENERAL_ID, &posted.ts, "tada")
        .await
        .unwrap();
    client
        .react(&b, demo::GENERAL_ID, &posted.ts, "tada")
        .await
        .unwrap();
    assert_eq!(
        api_code(
            client.react(&a, demo::GENERAL_ID, &posted.ts, "tada").await,
            "reactions.add"
        ),
        "already_reacted"
    );
    let got = client
        .reactions(&a, demo::GENERAL_ID, &posted.ts)
        .await
        .unwrap();
    assert_eq!(got.message.text, "deploy finished");
    assert_eq!(got.message.edited.as_ref().unwrap().user, demo::BOT_USER_ID);
    assert_eq!(got.message.reactions[0].name, "tada");
    assert_eq!(got.message.reactions[0].count, 2);
    assert_eq!(
        got.message.reactions[0].users,
        [demo::ALICE_ID, demo::BOT_USER_ID]
    );
    client
        .unreact(&a, demo::GENERAL_ID, &posted.ts, "tada")
        .await
        .unwrap();
    assert_eq!(
        api_code(
            client
                .unreact(&a, demo::GENERAL_ID, &posted.ts, "tada")
                .await,
            "reactions.remove"
        ),
        "no_reaction"
    );

    assert!(
        client
            .delete(&b, demo::GENERAL_ID, &posted.ts)
            .await
            .unwrap()
            .ok
    );
    assert_eq!(
        api_code(
            client.delete(&b, demo::GENERAL_ID, &posted.ts).await,
            "chat.delete"
        ),
        "message_not_found"
    );
    let history = client
        .history(&a, demo::GENERAL_ID, None, None)
        .await
        .unwrap();
    assert!(history.messages.is_empty());
}

#[tokio::test]
async fn posting_errors() {
    let (_mock, client) = started().await;
    let b = bot();
    let cases = [
        ("CNOPE", Some("x"), None, "channel_not_found"),
        (demo::RANDOM_ID, Some("x"), None, "not_in_channel"),
        (demo::GENERAL_ID, None, None, "no_text"),
        (
            demo::GENERAL_ID,
            None,
            Some("not json"),
            "invalid_blocks_format",
        ),
    ];
    for (channel, text, blocks, expected) in cases {
        let r = client.post(&b, channel, text, blocks, None).await;
        assert_eq!(
            api_code(r, "chat.postMessage"),
            expected,
            "{channel} {text:?} {blocks:?}"
        );
    }
    let long = "x".repeat(40_001);
    assert_eq!(
        api_code(
            client
                .post(&b, demo::GENERAL_ID, Some(&long), None, None)
                .await,
            "chat.postMessage"
        ),
        "msg_too_long"
    );
    assert_eq!(
        api_code(
            client
                .post(&alice(), demo::ARCHIVED_ID, Some("x"), None, None)
                .await,
            "chat.postMessage"
        ),
        "is_archived"
    );
    // After joining, the bot may post in #random.
    client.join(&b, demo::RANDOM_ID).await.unwrap();
    assert!(
        client
            .post(&b, demo::RANDOM_ID, Some("x"), None, None)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn users_and_channels_page_one_by_one() {
    let (_mock, client) = started().await;
    let b = bot();
    let mut users = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..20 {
        let page = client.users(&b, Some(1), cursor.as_deref()).await.unwrap();
        assert!(page.members.len() <= 1);
        users.extend(page.members.into_iter().map(|u| u.id));
        if page.response_metadata.next_cursor.is_empty() {
            break;
        }
        cursor = Some(page.response_metadata.next_cursor);
    }
    assert_eq!(
        users,
        [
            demo::ADMIN_ID,
            demo::ALICE_ID,
            demo::BOB_ID,
            demo::BOT_USER_ID,
            demo::OWNER_ID
        ]
    );
    assert_eq!(
        api_code(
            client.users(&b, Some(1), Some("garbage")).await,
            "users.list"
        ),
        "invalid_cursor"
    );

    let mut channels = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..20 {
        let page = client
            .channels(
                &b,
                Some("public_channel,private_channel"),
                Some(1),
                cursor.as_deref(),
            )
            .await
            .unwrap();
        assert!(page.channels.len() <= 1);
        channels.extend(
            page.channels
                .into_iter()
                .map(|c| (c.id, c.name, c.is_member)),
        );
        if page.response_metadata.next_cursor.is_empty() {
            break;
        }
        cursor = Some(page.response_metadata.next_cursor);
    }
    let expected = [
        (demo::GENERAL_ID, "general", true),
        (demo::ARCHIVED_ID, "old-news", false),
        (demo::RANDOM_ID, "random", false),
    ];
    let got: Vec<(&str, &str, bool)> = channels
        .iter()
        .map(|(i, n, m)| (i.as_str(), n.as_str(), *m))
        .collect();
    assert_eq!(got, expected);

    let bob = client.user_info(&b, demo::BOB_ID).await.unwrap();
    assert_eq!(
        (bob.user.id.as_str(), bob.user.name.as_str()),
        (demo::BOB_ID, "bob")
    );
    assert_eq!(bob.user.profile.email.as_deref(), Some("bob@example.com"));
    assert_eq!(
        api_code(client.user_info(&b, "UNOPE").await, "users.info"),
        "user_not_found"
    );
    let found = client.by_email(&b, "alice@example.com").await.unwrap();
    assert_eq!(found.user.id, demo::ALICE_ID);
    assert_eq!(
        api_code(
            client.by_email(&b, "nobody@example.com").await,
            "users.lookupByEmail"
        ),
        "users_not_found"
    );
}

#[tokio::test]
async fn upload_then_info() {
    let (mock, client) = started().await;
    let b = bot();
    let bytes = b"id,name\n1,alice\n";
    let url = client
        .upload_url(&b, "people.csv", bytes.len() as u64)
        .await
        .unwrap();
    // The bytes go to the URL the emulator handed out (on the emulator itself).
    let path = url
        .upload_url
        .strip_prefix(&format!("http://{}", mock.addr()))
        .expect("upload URL on the emulator");
    let answer = raw_http(mock.addr(), "POST", path, &[], bytes)
        .await
        .unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, format!("OK - {}", bytes.len()).into_bytes());
    let files = format!(r#"[{{"id":"{}","title":"People"}}]"#, url.file_id);
    let done = client
        .complete_upload(&b, &files, Some(demo::GENERAL_ID))
        .await
        .unwrap();
    assert_eq!(done.files[0].id, url.file_id);
    let info = client.file_info(&alice(), &url.file_id).await.unwrap();
    assert_eq!(info.file.name, "people.csv");
    assert_eq!(info.file.title, "People");
    assert_eq!(info.file.size, bytes.len() as u64);
    assert_eq!(info.file.channels, [demo::GENERAL_ID]);
    assert_eq!(
        api_code(client.file_info(&b, "FNOPE").await, "files.info"),
        "file_not_found"
    );
    // Completing again: the upload is spent.
    assert_eq!(
        api_code(
            client.complete_upload(&b, &files, None).await,
            "files.completeUploadExternal"
        ),
        "file_not_found"
    );
}

#[tokio::test]
async fn shape_only_methods_decode_as_typed_structs() {
    let (mock, client) = started().await;
    mock.add_token("xoxp-bookmarks", demo::ADMIN_ID, &["bookmarks:read"]);
    let t = tok("xoxp-bookmarks");
    let got = client.bookmarks(&t, demo::GENERAL_ID).await.unwrap();
    assert_eq!(got.bookmarks.len(), 1);
    assert_eq!(got.bookmarks[0].channel_id, demo::GENERAL_ID);
    let _ = (&got.bookmarks[0].id, &got.bookmarks[0].title);
}

#[tokio::test]
async fn channel_lifecycle_and_pins() {
    let (mock, client) = started().await;
    let b = bot();
    let made = client.create(&b, "incidents", Some(true)).await.unwrap();
    let id = made.channel.id.clone();
    assert!(made.channel.is_private);
    assert_eq!(made.channel.num_members, 1);
    assert_eq!(
        api_code(
            client.create(&b, "incidents", None).await,
            "conversations.create"
        ),
        "name_taken"
    );
    assert_eq!(
        api_code(
            client.create(&b, "Bad Name", None).await,
            "conversations.create"
        ),
        "invalid_name_specials"
    );
    let users = format!("{},{}", demo::ALICE_ID, demo::BOB_ID);
    assert_eq!(
        client
            .invite(&b, &id, &users)
            .await
            .unwrap()
            .channel
            .num_members,
        3
    );
    assert_eq!(
        api_code(
            client.invite(&b, &id, demo::ALICE_ID).await,
            "conversations.invite"
        ),
        "already_in_channel"
    );
    assert_eq!(
        api_code(
            client.invite(&b, &id, "UNOPE").await,
            "conversations.invite"
        ),
        "user_not_found"
    );
    let mut members = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..10 {
        let page = client
            .members(&b, &id, Some(1), cursor.as_deref())
            .await
            .unwrap();
        members.extend(page.members);
        if page.response_metadata.next_cursor.is_empty() {
            break;
        }
        cursor = Some(page.response_metadata.next_cursor);
    }
    assert_eq!(members, [demo::ALICE_ID, demo::BOB_ID, demo::BOT_USER_ID]);
    client.kick(&b, &id, demo::BOB_ID).await.unwrap();
    assert_eq!(
        api_code(
            client.kick(&b, &id, demo::BOB_ID).await,
            "conversations.kick"
        ),
        "not_in_channel"
    );
    let renamed = client.rename(&b, &id, "incidents-2026").await.unwrap();
    assert_eq!(renamed.channel.name, "incidents-2026");
    assert_eq!(renamed.channel.previous_names, ["incidents"]);
    let topic = client.set_topic(&b, &id, "Sev1 only").await.unwrap();
    assert_eq!(topic.channel.topic.value, "Sev1 only");
    assert_eq!(
        api_code(
            client.set_topic(&b, &id, &"x".repeat(251)).await,
            "conversations.setTopic"
        ),
        "too_long"
    );

    let posted = client
        .post(&b, &id, Some("runbook"), None, None)
        .await
        .unwrap();
    client.pin(&b, &id, &posted.ts).await.unwrap();
    assert_eq!(
        api_code(client.pin(&b, &id, &posted.ts).await, "pins.add"),
        "already_pinned"
    );
    let pins = client.pins(&b, &id).await.unwrap();
    assert_eq!(pins.items[0].channel, id);
    assert_eq!(pins.items[0].message.text, "runbook");

    client.archive(&b, &id).await.unwrap();
    assert!(client.info(&b, &id).await.unwrap().channel.is_archived);
    assert_eq!(
        api_code(client.archive(&b, &id).await, "conversations.archive"),
        "already_archived"
    );
    assert_eq!(
        api_code(
            client.post(&b, &id, Some("x"), None, None).await,
            "chat.postMessage"
        ),
        "is_archived"
    );
    // A private channel is invisible to those outside it (Bob was kicked).
    mock.add_token(
        "xoxp-bob-reads",
        demo::BOB_ID,
        &["channels:read", "groups:read"],
    );
    assert_eq!(
        api_code(
            client.info(&tok("xoxp-bob-reads"), &id).await,
            "conversations.info"
        ),
        "channel_not_found"
    );
}
