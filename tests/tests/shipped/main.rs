//! Every generated Slack method, called once against the emulator with its
//! required arguments: each request must pass the emulator's checks (token,
//! scopes, required arguments and their types) and answer `ok`. Built with
//! `--features full` (`cargo test -p slackline-tests --features full --test shipped`);
//! compiling it is also the check that `full` builds. The helpers built on
//! the shipped methods (`upload_file`, OAuth v2) are tested in `helpers.rs`.

#[rustfmt::skip]
mod walk;

mod helpers;

use slackline::{ClientCredentials, RateLimits, RetryPolicy, SlackClient, SlackToken};
use slackline_mock::{MockSlack, demo};

/// A user token of the demo admin holding every scope of the catalog.
const WALK_TOKEN: &str = "xoxp-walk-every-scope";

async fn emulator() -> MockSlack {
    let mut scopes: Vec<&str> = slackline_mock::catalog::catalog()
        .methods()
        .iter()
        .flat_map(|m| m.accepted_scopes.iter().map(String::as_str))
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

#[tokio::test]
async fn every_generated_method_answers_ok() {
    let slack = emulator().await;
    let client = SlackClient::builder()
        .base_url(slack.base_url())
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let token = SlackToken::new(WALK_TOKEN).unwrap();

    let app = ClientCredentials::new("1234.5678", "walk-secret").unwrap();
    let outcomes = walk::walk(&client, &token, &app).await;
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
            "C0WALK",
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
    assert_eq!(arg("channel").as_deref(), Some("C0WALK"));
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
