//! chat.*: success and each modelled error, threads, edits, deletion, scheduling.

use serde_json::json;
use slackline_mock::demo;

use crate::support::*;

const BOT: Option<&str> = Some(demo::BOT_TOKEN);
const ALICE: Option<&str> = Some(demo::USER_TOKEN);

async fn post(
    m: &slackline_mock::MockSlack,
    token: Option<&str>,
    channel: &str,
    text: &str,
) -> Resp {
    call(
        m,
        "chat.postMessage",
        token,
        &[("channel", channel), ("text", text)],
    )
    .await
}

#[tokio::test]
async fn post_message_answers_and_errors() {
    let m = mock().await;
    let r = post(&m, BOT, demo::GENERAL_ID, "hello").await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(r.json["channel"], demo::GENERAL_ID);
    let ts = r.json["ts"].as_str().unwrap();
    assert_eq!(r.json["message"]["ts"], ts);
    assert_eq!(r.json["message"]["text"], "hello");
    assert_eq!(r.json["message"]["user"], demo::BOT_USER_ID);
    assert_eq!(r.json["message"]["bot_id"], demo::BOT_ID);
    assert_eq!(r.json["message"]["type"], "message");
    // By name, with or without '#'.
    for name in ["#general", "general"] {
        let r = post(&m, BOT, name, "by name").await;
        assert_eq!(r.json["channel"], demo::GENERAL_ID, "{}", r.text);
    }
    // To a user id: the DM with that user.
    let r = post(&m, BOT, demo::BOB_ID, "psst").await;
    let dm = r.json["channel"].as_str().unwrap().to_owned();
    assert!(dm.starts_with('D'), "{}", r.text);
    let again = post(&m, BOT, demo::BOB_ID, "again").await;
    assert_eq!(again.json["channel"], dm.as_str());

    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("channel", "CNOPE"), ("text", "x")],
            "channel_not_found",
        ),
        // Private channel the bot is not in: invisible.
        (
            vec![("channel", demo::SECRET_ID), ("text", "x")],
            "channel_not_found",
        ),
        // Public channel the bot is not in (no chat:write.public).
        (
            vec![("channel", demo::RANDOM_ID), ("text", "x")],
            "not_in_channel",
        ),
        (vec![("channel", demo::GENERAL_ID)], "no_text"),
        (
            vec![("channel", demo::GENERAL_ID), ("blocks", "not json")],
            "invalid_blocks_format",
        ),
        (
            vec![
                ("channel", demo::GENERAL_ID),
                ("blocks", r#"[{"text":"no type"}]"#),
            ],
            "invalid_blocks",
        ),
        (
            vec![
                ("channel", demo::GENERAL_ID),
                ("text", "a"),
                ("markdown_text", "b"),
            ],
            "markdown_text_conflict",
        ),
        (
            vec![
                ("channel", demo::GENERAL_ID),
                ("text", "x"),
                ("metadata", "nope"),
            ],
            "invalid_metadata_format",
        ),
    ];
    for (args, code) in cases {
        let r = call(&m, "chat.postMessage", BOT, &args).await;
        assert_eq!(r.error(), Some(code), "{args:?}: {}", r.text);
    }
    let long = "x".repeat(40_001);
    let r = post(&m, BOT, demo::GENERAL_ID, &long).await;
    assert_eq!(r.error(), Some("msg_too_long"));
    // Archived: Alice is a member of #old-news.
    let r = post(&m, ALICE, demo::ARCHIVED_ID, "x").await;
    assert_eq!(r.error(), Some("is_archived"));
    // A minted bot token with chat:write.public posts without joining.
    m.add_token(
        "xoxb-public",
        demo::BOT_ID,
        &["chat:write", "chat:write.public"],
    );
    let r = post(&m, Some("xoxb-public"), demo::RANDOM_ID, "x").await;
    assert!(r.ok(), "{}", r.text);
    // Blocks are kept.
    let blocks = json!([{"type": "section", "text": {"type": "mrkdwn", "text": "*hi*"}}]);
    let r = call(
        &m,
        "chat.postMessage",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("blocks", &blocks.to_string()),
        ],
    )
    .await;
    assert_eq!(r.json["message"]["blocks"], blocks);
}

#[tokio::test]
async fn threads_and_replies() {
    let m = mock().await;
    let parent = post(&m, BOT, demo::GENERAL_ID, "parent").await;
    let pts = parent.json["ts"].as_str().unwrap().to_owned();
    for (i, text) in ["one", "two", "three"].iter().enumerate() {
        let token = if i == 1 { ALICE } else { BOT };
        let r = call(
            &m,
            "chat.postMessage",
            token,
            &[
                ("channel", demo::GENERAL_ID),
                ("text", text),
                ("thread_ts", &pts),
            ],
        )
        .await;
        assert_eq!(r.json["message"]["thread_ts"], pts.as_str(), "{}", r.text);
    }
    // History shows the parent only, with its reply count.
    let h = call(
        &m,
        "conversations.history",
        BOT,
        &[("channel", demo::GENERAL_ID)],
    )
    .await;
    let msgs = h.json["messages"].as_array().unwrap();
    assert_eq!(msgs.len(), 1, "{}", h.text);
    assert_eq!(msgs[0]["reply_count"], 3);
    assert_eq!(msgs[0]["reply_users_count"], 2);
    // Replies: parent first, then oldest first; paged with limit=1.
    let r = call(
        &m,
        "conversations.replies",
        BOT,
        &[("channel", demo::GENERAL_ID), ("ts", &pts)],
    )
    .await;
    let texts: Vec<&str> = r.json["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["parent", "one", "two", "three"]);
    let mut cursor = String::new();
    let mut seen = Vec::new();
    for _ in 0..10 {
        let mut args = vec![
            ("channel", demo::GENERAL_ID),
            ("ts", pts.as_str()),
            ("limit", "1"),
        ];
        if !cursor.is_empty() {
            args.push(("cursor", &cursor));
        }
        let r = call(&m, "conversations.replies", BOT, &args).await;
        seen.push(r.json["messages"][0]["text"].as_str().unwrap().to_owned());
        cursor = r.json["response_metadata"]["next_cursor"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(r.json["has_more"], !cursor.is_empty());
        if cursor.is_empty() {
            break;
        }
    }
    assert_eq!(seen, ["parent", "one", "two", "three"]);
    let r = call(
        &m,
        "conversations.replies",
        BOT,
        &[("channel", demo::GENERAL_ID), ("ts", "1.000001")],
    )
    .await;
    assert_eq!(r.error(), Some("thread_not_found"));
    // Broadcast replies also show in the channel.
    call(
        &m,
        "chat.postMessage",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("text", "loud"),
            ("thread_ts", &pts),
            ("reply_broadcast", "true"),
        ],
    )
    .await;
    let h = call(
        &m,
        "conversations.history",
        BOT,
        &[("channel", demo::GENERAL_ID)],
    )
    .await;
    assert_eq!(h.json["messages"][0]["subtype"], "thread_broadcast");
}

/// A `thread_ts` naming no message of the channel: chat.postMessage documents no code
/// for it (no `thread_not_found`), so the message is posted to the channel, not as a
/// reply; the same for the ts of a message of another channel, and for a malformed one.
#[tokio::test]
async fn unknown_thread_ts_posts_to_the_channel() {
    let m = mock().await;
    let elsewhere = post(&m, BOT, demo::GENERAL_ID, "in general").await;
    let other_ts = elsewhere.json["ts"].as_str().unwrap().to_owned();
    for (i, thread_ts) in ["1.000001", other_ts.as_str(), "not-a-ts"]
        .iter()
        .enumerate()
    {
        let text = format!("orphan {i}");
        let r = call(
            &m,
            "chat.postMessage",
            Some(demo::USER_TOKEN),
            &[
                ("channel", demo::RANDOM_ID),
                ("text", &text),
                ("thread_ts", thread_ts),
            ],
        )
        .await;
        assert!(r.ok(), "{}", r.text);
        assert!(r.json["message"].get("thread_ts").is_none(), "{}", r.text);
        let h = call(
            &m,
            "conversations.history",
            Some(demo::USER_TOKEN),
            &[("channel", demo::RANDOM_ID), ("limit", "1")],
        )
        .await;
        assert_eq!(h.json["messages"][0]["text"], text.as_str(), "{}", h.text);
        assert!(h.json["messages"][0].get("reply_count").is_none());
    }
    // The message of the other channel got no reply.
    let r = call(
        &m,
        "conversations.replies",
        BOT,
        &[("channel", demo::GENERAL_ID), ("ts", &other_ts)],
    )
    .await;
    assert_eq!(
        r.json["messages"].as_array().map(Vec::len),
        Some(1),
        "{}",
        r.text
    );
}

#[tokio::test]
async fn update_delete_permalink_ephemeral() {
    let m = mock().await;
    let r = post(&m, BOT, demo::GENERAL_ID, "v1").await;
    let ts = r.json["ts"].as_str().unwrap().to_owned();
    let up = |text: &'static str, token: Option<&'static str>, ts: String| {
        let m = &m;
        async move {
            call(
                m,
                "chat.update",
                token,
                &[("channel", demo::GENERAL_ID), ("ts", &ts), ("text", text)],
            )
            .await
        }
    };
    let r = up("v2", BOT, ts.clone()).await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(r.json["text"], "v2");
    assert_eq!(r.json["ts"], ts.as_str());
    assert_eq!(r.json["message"]["edited"]["user"], demo::BOT_USER_ID);
    assert_eq!(
        up("x", ALICE, ts.clone()).await.error(),
        Some("cant_update_message")
    );
    assert_eq!(
        up("x", BOT, "1.000001".into()).await.error(),
        Some("message_not_found")
    );
    let r = call(
        &m,
        "chat.update",
        BOT,
        &[("channel", demo::GENERAL_ID), ("ts", &ts)],
    )
    .await;
    assert_eq!(r.error(), Some("no_text"));
    let h = call(
        &m,
        "conversations.history",
        BOT,
        &[("channel", demo::GENERAL_ID)],
    )
    .await;
    assert_eq!(h.json["messages"][0]["text"], "v2");

    let r = call(
        &m,
        "chat.getPermalink",
        BOT,
        &[("channel", demo::GENERAL_ID), ("message_ts", &ts)],
    )
    .await;
    let digits = ts.replace('.', "");
    assert_eq!(
        r.json["permalink"],
        format!("https://acme-hq.slack.com/archives/C0GENERAL/p{digits}")
    );
    let r = call(
        &m,
        "chat.getPermalink",
        BOT,
        &[("channel", demo::GENERAL_ID), ("message_ts", "1.5")],
    )
    .await;
    assert_eq!(r.error(), Some("message_not_found"));

    let r = call(
        &m,
        "chat.postEphemeral",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("user", demo::BOB_ID),
            ("text", "psst"),
        ],
    )
    .await;
    assert!(r.json["message_ts"].is_string(), "{}", r.text);
    let r = call(
        &m,
        "chat.postEphemeral",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("user", demo::CAROL_ID),
            ("text", "psst"),
        ],
    )
    .await;
    assert_eq!(r.error(), Some("user_not_in_channel"));

    // Only the author (or an admin's user token) deletes.
    let del = |token: Option<&'static str>, ts: String| {
        let m = &m;
        async move {
            call(
                m,
                "chat.delete",
                token,
                &[("channel", demo::GENERAL_ID), ("ts", &ts)],
            )
            .await
        }
    };
    assert_eq!(
        del(ALICE, ts.clone()).await.error(),
        Some("cant_delete_message")
    );
    let r = del(BOT, ts.clone()).await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(r.json["ts"], ts.as_str());
    assert_eq!(
        del(BOT, ts.clone()).await.error(),
        Some("message_not_found")
    );
    let h = call(
        &m,
        "conversations.history",
        BOT,
        &[("channel", demo::GENERAL_ID)],
    )
    .await;
    assert_eq!(h.json["messages"], json!([]));
    let r = post(&m, BOT, demo::GENERAL_ID, "by bot").await;
    let ts2 = r.json["ts"].as_str().unwrap().to_owned();
    m.add_token("xoxp-admin-chat", demo::ADMIN_ID, &["chat:write"]);
    assert!(del(Some("xoxp-admin-chat"), ts2).await.ok());
}

#[tokio::test]
async fn scheduled_messages() {
    let m = mock().await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let at = (now + 3600).to_string();
    let sched = |post_at: String| {
        let m = &m;
        async move {
            call(
                m,
                "chat.scheduleMessage",
                BOT,
                &[
                    ("channel", demo::GENERAL_ID),
                    ("text", "later"),
                    ("post_at", &post_at),
                ],
            )
            .await
        }
    };
    let a = sched(at.clone()).await;
    assert!(a.ok(), "{}", a.text);
    let id = a.json["scheduled_message_id"].as_str().unwrap().to_owned();
    assert!(id.starts_with('Q'));
    assert_eq!(a.json["post_at"], now + 3600);
    assert!(sched((now + 7200).to_string()).await.ok());
    assert_eq!(
        sched((now - 10).to_string()).await.error(),
        Some("time_in_past")
    );
    assert_eq!(
        sched((now + 121 * 86_400).to_string()).await.error(),
        Some("time_too_far")
    );
    // Listed, one per page.
    let r = call(&m, "chat.scheduledMessages.list", BOT, &[("limit", "1")]).await;
    assert_eq!(r.json["scheduled_messages"].as_array().unwrap().len(), 1);
    assert_eq!(r.json["scheduled_messages"][0]["id"], id.as_str());
    assert_eq!(
        r.json["scheduled_messages"][0]["channel_id"],
        demo::GENERAL_ID
    );
    let cursor = r.json["response_metadata"]["next_cursor"].as_str().unwrap();
    assert!(!cursor.is_empty());
    let r = call(
        &m,
        "chat.scheduledMessages.list",
        BOT,
        &[("limit", "1"), ("cursor", cursor)],
    )
    .await;
    assert_eq!(r.json["response_metadata"]["next_cursor"], "");
    let r = call(
        &m,
        "chat.scheduledMessages.list",
        BOT,
        &[("cursor", "bogus")],
    )
    .await;
    assert_eq!(r.error(), Some("invalid_cursor"));
    let r = call(
        &m,
        "chat.scheduledMessages.list",
        BOT,
        &[("channel", "CNOPE")],
    )
    .await;
    assert_eq!(r.error(), Some("invalid_channel"));
    // Deleted.
    let del = |sid: String| {
        let m = &m;
        async move {
            call(
                m,
                "chat.deleteScheduledMessage",
                BOT,
                &[
                    ("channel", demo::GENERAL_ID),
                    ("scheduled_message_id", &sid),
                ],
            )
            .await
        }
    };
    assert!(del(id.clone()).await.ok());
    assert_eq!(del(id).await.error(), Some("invalid_scheduled_message_id"));
    let r = call(
        &m,
        "chat.deleteScheduledMessage",
        BOT,
        &[("channel", "CNOPE"), ("scheduled_message_id", "Q1")],
    )
    .await;
    assert_eq!(r.error(), Some("channel_not_found"));
}
