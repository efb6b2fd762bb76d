//! Every generated Slack method, called once against the emulator with its
//! required arguments: each request must pass the emulator's checks (token,
//! scopes, required arguments and their types) and answer `ok`. Built with
//! `--features full` (`cargo test -p slackline-tests --features full --test shipped`);
//! compiling it is also the check that `full` builds. The helpers built on
//! the shipped methods (`upload_file`, OAuth v2) are tested in `helpers.rs`.

#[rustfmt::skip]
mod walk;

mod helpers;

use slackline::{
    ClientCredentials, DefaultSuccess, RateLimits, RetryPolicy, SlackClient, SlackError,
    SlackToken, UploadFile,
};
use slackline_mock::{MockSlack, demo};

/// A user token of the demo admin holding every scope of the catalog.
const WALK_TOKEN: &str = "xoxp-walk-every-scope";

async fn emulator() -> MockSlack {
    let mut scopes: Vec<&str> = slackline_mock::catalog::catalog()
        .methods()
        .iter()
        .flat_map(|m| m.accepted_scopes.iter().copied())
        .collect();
    scopes.sort_unstable();
    scopes.dedup();
    MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Off)
        .token(WALK_TOKEN, demo::ADMIN_ID, &scopes)
        .start()
        .await
        .unwrap()
}

/// What the walk acts on where the emulator keeps state, made before it
/// through declarations of this test's own (so it does not depend on the
/// shipped methods' answer types).
#[derive(Debug)]
pub struct Fixture {
    /// `C0GENERAL`.
    pub channel: String,
    /// A message in it: read, replied to, edited, reacted to and pinned.
    pub ts: String,
    /// A message `chat.delete` removes.
    pub ts_delete: String,
    /// A scheduled message `chat.deleteScheduledMessage` removes.
    pub scheduled: String,
    /// A minute from now, for `chat.scheduleMessage`.
    pub post_at: i64,
    /// Channels `conversations.archive`, `leave` and `rename` act on.
    pub archive: String,
    pub leave: String,
    pub rename: String,
    /// A shared file (`files.info`) and one `files.delete` removes.
    pub file: String,
    pub file_delete: String,
    /// A file whose bytes are uploaded but not completed.
    pub pending_file: String,
    /// Makes created names unique.
    pub unique: String,
}

#[slackline::slack_api]
trait Setup {
    #[slackline::slack_method("chat.postMessage")]
    async fn setup_post(
        &self,
        token: &SlackToken,
        channel: &str,
        text: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slackline::slack_method("chat.scheduleMessage")]
    async fn setup_schedule(
        &self,
        token: &SlackToken,
        channel: &str,
        text: &str,
        post_at: i64,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slackline::slack_method("conversations.create")]
    async fn setup_create(
        &self,
        token: &SlackToken,
        name: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slackline::slack_method("files.getUploadURLExternal")]
    async fn setup_upload_url(
        &self,
        token: &SlackToken,
        filename: &str,
        length: u64,
    ) -> Result<DefaultSuccess, SlackError>;
}
impl Setup for SlackClient {}

fn text_field(answer: &DefaultSuccess, path: &[&str]) -> String {
    let mut value = answer
        .extra
        .get(path[0])
        .unwrap_or_else(|| panic!("{path:?}"));
    for key in &path[1..] {
        value = &value[key];
    }
    value
        .as_str()
        .unwrap_or_else(|| panic!("{path:?}"))
        .to_owned()
}

async fn fixture(slack: &MockSlack, client: &SlackClient, token: &SlackToken) -> Fixture {
    let channel = demo::GENERAL_ID.to_owned();
    let post = |text: &'static str| {
        let channel = channel.clone();
        async move {
            let answer = client.setup_post(token, &channel, text).await.unwrap();
            text_field(&answer, &["ts"])
        }
    };
    let ts = post("the walk's message").await;
    let ts_delete = post("to be deleted").await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let scheduled = client
        .setup_schedule(token, &channel, "later", now + 600)
        .await
        .unwrap();
    let unique = format!("{}", slack.addr().port());
    let mut created = Vec::new();
    for what in ["archive", "leave", "rename"] {
        let answer = client
            .setup_create(token, &format!("walk-{what}-{unique}"))
            .await
            .unwrap();
        created.push(text_field(&answer, &["channel", "id"]));
    }
    // `upload_file` against the emulator's file flow, waiting for the share.
    let upload = |name: &'static str| async move {
        let uploaded = client
            .upload_file(
                token,
                UploadFile::new(name, "walk bytes")
                    .channel_id(demo::GENERAL_ID)
                    .wait_until_shared(std::time::Duration::from_secs(2))
                    .poll_interval(std::time::Duration::from_millis(20)),
            )
            .await
            .unwrap();
        assert!(uploaded.shared, "{uploaded:?}");
        assert_eq!(uploaded.file["name"], name);
        uploaded.id
    };
    let file = upload("walk.txt").await;
    let file_delete = upload("delete-me.txt").await;
    let pending = client
        .setup_upload_url(token, "pending.txt", 4)
        .await
        .unwrap();
    let pending_file = text_field(&pending, &["file_id"]);
    upload_bytes(&text_field(&pending, &["upload_url"]), b"walk").await;
    let [archive, leave, rename] = <[String; 3]>::try_from(created).unwrap();
    Fixture {
        channel,
        ts,
        ts_delete,
        scheduled: text_field(&scheduled, &["scheduled_message_id"]),
        post_at: now + 60,
        archive,
        leave,
        rename,
        file,
        file_delete,
        pending_file,
        unique,
    }
}

/// `POST`s `bytes` to an emulator upload URL (`http://127.0.0.1:PORT/...`).
async fn upload_bytes(url: &str, bytes: &[u8]) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url.strip_prefix("http://").expect("a loopback http URL");
    let (host, path) = rest.split_once('/').unwrap();
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST /{path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        bytes.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(bytes).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_end(&mut answer),
    )
    .await
    .unwrap()
    .unwrap();
    assert!(
        answer.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
}

#[tokio::test]
async fn every_generated_method_answers_ok() {
    let slack = emulator().await;
    let client = client_for(&slack);
    let token = SlackToken::new(WALK_TOKEN).unwrap();
    let fx = fixture(&slack, &client, &token).await;
    slack.clear_journal();

    let app = ClientCredentials::new("1234.5678", "walk-secret").unwrap();
    let outcomes = walk::walk(&client, &token, &app, &fx).await;
    assert_eq!(outcomes.len(), walk::METHODS);
    let failures: Vec<String> = outcomes
        .iter()
        .filter_map(|(name, outcome)| outcome.as_ref().err().map(|e| format!("{name}: {e}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} methods failed:\n{}",
        failures.len(),
        outcomes.len(),
        failures.join("\n")
    );

    // Each call reached the emulator under its own name, once.
    let journal = slack.journal();
    let mut called: Vec<&str> = journal.iter().map(|e| e.method.as_str()).collect();
    called.sort_unstable();
    let mut expected: Vec<&str> = outcomes.iter().map(|(name, _)| *name).collect();
    expected.sort_unstable();
    assert_eq!(called, expected);
}

fn client_for(slack: &MockSlack) -> SlackClient {
    SlackClient::builder()
        .base_url(slack.base_url())
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

/// Required arguments positional, optional ones from the options struct,
/// JSON arguments as JSON text, `None` fields left out.
#[tokio::test]
async fn options_and_json_arguments_on_the_wire() {
    use slackline::ChatApi;
    use slackline::api::ChatPostMessageOptions;

    let slack = emulator().await;
    let client = client_for(&slack);
    let token = SlackToken::new(WALK_TOKEN).unwrap();
    let blocks = serde_json::json!([{"type": "divider"}]);
    client
        .chat_post_message(
            &token,
            demo::GENERAL_ID,
            ChatPostMessageOptions::default()
                .text("hello & welcome")
                .blocks(blocks.clone())
                .unfurl_links(false),
        )
        .await
        .unwrap();
    let entry = slack.journal().pop().unwrap();
    assert_eq!(entry.method, "chat.postMessage");
    let arg = |name: &str| {
        entry
            .args
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(arg("channel").as_deref(), Some(demo::GENERAL_ID));
    assert_eq!(arg("text").as_deref(), Some("hello & welcome"));
    assert_eq!(arg("unfurl_links").as_deref(), Some("false"));
    let sent: serde_json::Value = serde_json::from_str(&arg("blocks").unwrap()).unwrap();
    assert_eq!(sent, blocks);
    assert_eq!(arg("thread_ts"), None);
}

/// The items stream walks every page of a cursor method, one item at a time.
#[tokio::test]
async fn items_follow_the_cursor_across_pages() {
    use slackline::AdminUsersApi;
    use slackline::api::AdminUsersSessionListOptions;

    let slack = emulator().await;
    let client = client_for(&slack);
    let token = SlackToken::new(demo::ADMIN_TOKEN).unwrap();
    let expected: usize = demo::USERS_WITH_SESSIONS
        .iter()
        .map(|user| slack.sessions(user).len())
        .sum();
    assert!(expected > 4);

    let mut items = client
        .admin_users_session_list_items(&token, AdminUsersSessionListOptions::default().limit(4));
    let mut ids = Vec::new();
    while let Some(session) = items.next().await {
        let session = session.unwrap();
        ids.push(session["session_id"].as_i64().unwrap());
    }
    assert_eq!(ids.len(), expected);
    assert_eq!(items.pages(), expected.div_ceil(4));
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    assert!(items.next().await.is_none());

    // Typed items, and the walk ends at the first error.
    #[derive(serde::Deserialize)]
    struct Session {
        session_id: i64,
    }
    let typed = client
        .admin_users_session_list_items(&token, Default::default())
        .decode::<Session>()
        .all()
        .await
        .unwrap();
    assert_eq!(typed.len(), expected);
    assert!(typed.iter().all(|s| s.session_id > 0));

    let readonly = SlackToken::new("xoxp-not-registered").unwrap();
    let mut failing = client.admin_users_session_list_items(&readonly, Default::default());
    assert!(failing.next().await.unwrap().is_err());
    assert!(failing.next().await.is_none());
}

/// Items of a typed core method against the emulator's users: one page per
/// user with `limit(1)`, the same users as one unpaged call, decoded as the
/// shared `User` model.
#[tokio::test]
async fn typed_items_of_a_core_method() {
    use slackline::UsersApi;
    use slackline::api::UsersListOptions;
    use slackline::models::User;

    let slack = emulator().await;
    let client = client_for(&slack);
    let token = SlackToken::new(WALK_TOKEN).unwrap();
    let all = client
        .users_list(&token, Default::default())
        .await
        .unwrap()
        .members;
    assert!(all.len() > 2);

    let mut items = client
        .users_list_items(&token, UsersListOptions::default().limit(1))
        .decode::<User>();
    let mut ids = Vec::new();
    while let Some(user) = items.next().await {
        ids.push(user.unwrap().id);
    }
    assert_eq!(ids, all.iter().map(|u| u.id.clone()).collect::<Vec<_>>());
    assert!(items.pages() >= all.len());
}
