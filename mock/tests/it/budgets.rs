//! What clients may make the emulator hold: messages (count and bytes), conversations,
//! and Slack's per-message limits.

use serde_json::Value;
use slackline_mock::{MockSlack, RateLimits, demo};

use crate::support::*;

const BOT: Option<&str> = Some(demo::BOT_TOKEN);
const ALICE: Option<&str> = Some(demo::USER_TOKEN);

async fn start(builder: slackline_mock::MockSlackBuilder) -> MockSlack {
    builder
        .demo_org()
        .rate_limits(RateLimits::Off)
        .start()
        .await
        .unwrap()
}

/// `GET /_mock/stats` → `stored`.
async fn stored(m: &MockSlack) -> Value {
    stats(m).await["stored"].clone()
}

async fn post(m: &MockSlack, text: &str) -> Resp {
    call(
        m,
        "chat.postMessage",
        BOT,
        &[("channel", demo::GENERAL_ID), ("text", text)],
    )
    .await
}

#[tokio::test]
async fn messages_stay_within_their_count() {
    let m = start(MockSlack::builder().messages_max(3)).await;
    let first = post(&m, "one").await;
    let parent = first.json["ts"].as_str().unwrap().to_owned();
    assert!(post(&m, "two").await.ok());
    // A thread reply is a message too.
    let r = call(
        &m,
        "chat.postMessage",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("text", "three"),
            ("thread_ts", &parent),
        ],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let reply_ts = r.json["ts"].as_str().unwrap().to_owned();
    assert_eq!(stored(&m).await["messages"], 3);
    // Full: posting, scheduling and sharing a file are refused with documented codes.
    let r = post(&m, "four").await;
    assert_eq!(r.error(), Some("message_limit_exceeded"), "{}", r.text);
    let later = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 3600)
        .to_string();
    let r = call(
        &m,
        "chat.scheduleMessage",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("text", "later"),
            ("post_at", &later),
        ],
    )
    .await;
    assert_eq!(r.error(), Some("message_limit_exceeded"), "{}", r.text);
    let r = call(
        &m,
        "files.getUploadURLExternal",
        BOT,
        &[("filename", "a.txt"), ("length", "1")],
    )
    .await;
    let file = r.json["file_id"].as_str().unwrap().to_owned();
    let url = r.json["upload_url"].as_str().unwrap().to_owned();
    assert_eq!(
        client().post(&url).body("x").send().await.unwrap().status(),
        200
    );
    let files = format!(r#"[{{"id":"{file}"}}]"#);
    let share = [("files", files.as_str()), ("channel_id", demo::GENERAL_ID)];
    let r = call(&m, "files.completeUploadExternal", BOT, &share).await;
    assert_eq!(r.error(), Some("posting_to_channel_denied"), "{}", r.text);
    // Nothing was completed: the same call works once there is room.
    assert_eq!(stored(&m).await["messages"], 3);
    // Deleting the reply makes room, once.
    let r = call(
        &m,
        "chat.delete",
        BOT,
        &[("channel", demo::GENERAL_ID), ("ts", &reply_ts)],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(stored(&m).await["messages"], 2);
    let r = call(&m, "files.completeUploadExternal", BOT, &share).await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(
        post(&m, "five").await.error(),
        Some("message_limit_exceeded")
    );
    // The same budget counts scheduled messages until they are deleted.
    let r = call(
        &m,
        "chat.delete",
        BOT,
        &[("channel", demo::GENERAL_ID), ("ts", &parent)],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let r = call(
        &m,
        "chat.scheduleMessage",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("text", "later"),
            ("post_at", &later),
        ],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let scheduled = r.json["scheduled_message_id"].as_str().unwrap().to_owned();
    assert_eq!(
        post(&m, "six").await.error(),
        Some("message_limit_exceeded")
    );
    let r = call(
        &m,
        "chat.deleteScheduledMessage",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("scheduled_message_id", &scheduled),
        ],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert!(post(&m, "seven").await.ok());
}

#[tokio::test]
async fn messages_stay_within_their_bytes() {
    let m = start(MockSlack::builder().messages_max_bytes(25_000)).await;
    assert_eq!(stored(&m).await["message_bytes"], 0);
    let small = post(&m, "s").await;
    let small_ts = small.json["ts"].as_str().unwrap().to_owned();
    let one = stored(&m).await["message_bytes"].as_u64().unwrap();
    assert!((200..1000).contains(&one), "a small message costs {one}");
    let big = "x".repeat(10_000);
    let first = post(&m, &big).await;
    assert!(first.ok(), "{}", first.text);
    let ts = first.json["ts"].as_str().unwrap().to_owned();
    assert!(post(&m, &big).await.ok());
    // 2 × 10 000 bytes and a few small ones held: another 10 000 does not fit.
    let r = post(&m, &big).await;
    assert_eq!(r.error(), Some("message_limit_exceeded"), "{}", r.text);
    // Neither does an edit making a small message large; the message stays as it was.
    let update = |ts: String, text: String| {
        let m = &m;
        async move {
            call(
                m,
                "chat.update",
                BOT,
                &[("channel", demo::GENERAL_ID), ("ts", &ts), ("text", &text)],
            )
            .await
        }
    };
    let r = update(small_ts.clone(), big.clone()).await;
    assert_eq!(r.error(), Some("message_limit_exceeded"), "{}", r.text);
    let h = call(
        &m,
        "conversations.history",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("oldest", &small_ts),
            ("inclusive", "true"),
            ("latest", &small_ts),
        ],
    )
    .await;
    assert_eq!(h.json["messages"][0]["text"], "s", "{}", h.text);
    assert!(h.json["messages"][0].get("edited").is_none());
    // Shrinking one makes room.
    assert!(update(ts, "short".to_owned()).await.ok());
    assert!(post(&m, &big).await.ok());
    // Blocks and attachments count too.
    let blocks = serde_json::json!([{"type": "section", "text": {"type": "mrkdwn", "text": "y".repeat(8_000)}}]);
    let r = call(
        &m,
        "chat.postMessage",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("text", "b"),
            ("blocks", &blocks.to_string()),
        ],
    )
    .await;
    assert_eq!(r.error(), Some("message_limit_exceeded"), "{}", r.text);
    // Deleting every message gives every byte back.
    let h = call(
        &m,
        "conversations.history",
        BOT,
        &[("channel", demo::GENERAL_ID)],
    )
    .await;
    for msg in h.json["messages"].as_array().unwrap() {
        let ts = msg["ts"].as_str().unwrap();
        let r = call(
            &m,
            "chat.delete",
            BOT,
            &[("channel", demo::GENERAL_ID), ("ts", ts)],
        )
        .await;
        assert!(r.ok(), "{}", r.text);
    }
    assert_eq!(stored(&m).await["messages"], 0);
    assert_eq!(stored(&m).await["message_bytes"], 0);
}

#[tokio::test]
async fn conversations_stay_within_their_budget() {
    // The demo org's 5 channels are not counted.
    let m = start(MockSlack::builder().channels_max(2)).await;
    assert_eq!(stored(&m).await["channels"], 5);
    assert_eq!(stored(&m).await["created_channels"], 0);
    let r = call(&m, "conversations.create", ALICE, &[("name", "one-more")]).await;
    assert!(r.ok(), "{}", r.text);
    // A DM, by posting to a user: the 2nd.
    let r = call(
        &m,
        "chat.postMessage",
        ALICE,
        &[("channel", demo::BOB_ID), ("text", "hi bob")],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let dm = r.json["channel"].as_str().unwrap().to_owned();
    assert_eq!(stored(&m).await["channels"], 7);
    assert_eq!(stored(&m).await["created_channels"], 2);
    // Full: creating a channel, opening a new DM or group DM, posting to a new user.
    let r = call(&m, "conversations.create", ALICE, &[("name", "too-many")]).await;
    assert_eq!(r.error(), Some("cannot_create_channel"), "{}", r.text);
    let r = call(
        &m,
        "conversations.open",
        ALICE,
        &[("users", demo::ADMIN_ID)],
    )
    .await;
    assert_eq!(r.error(), Some("channel_not_found"), "{}", r.text);
    let group = format!("{},{}", demo::ADMIN_ID, demo::BOB_ID);
    let r = call(&m, "conversations.open", ALICE, &[("users", &group)]).await;
    assert_eq!(r.error(), Some("channel_not_found"), "{}", r.text);
    let r = call(
        &m,
        "chat.postMessage",
        ALICE,
        &[("channel", demo::ADMIN_ID), ("text", "hi")],
    )
    .await;
    assert_eq!(r.error(), Some("channel_not_found"), "{}", r.text);
    // Conversations that exist still work.
    let r = call(&m, "conversations.open", ALICE, &[("users", demo::BOB_ID)]).await;
    assert_eq!(r.json["channel"]["id"], dm.as_str(), "{}", r.text);
    let r = call(
        &m,
        "chat.postMessage",
        ALICE,
        &[("channel", demo::BOB_ID), ("text", "again")],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(stored(&m).await["channels"], 7);
}

/// Slack's documented limits of one message and one channel name.
#[tokio::test]
async fn per_message_limits() {
    let m = start(MockSlack::builder()).await;
    let attachments =
        |n: usize| serde_json::to_string(&vec![serde_json::json!({"text": "a"}); n]).unwrap();
    let r = call(
        &m,
        "chat.postMessage",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("attachments", &attachments(100)),
        ],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let ts = r.json["ts"].as_str().unwrap().to_owned();
    for (method, extra) in [
        ("chat.postMessage", None),
        ("chat.postEphemeral", Some(("user", demo::ALICE_ID))),
        ("chat.update", Some(("ts", ts.as_str()))),
    ] {
        let many = attachments(101);
        let mut args = vec![
            ("channel", demo::GENERAL_ID),
            ("attachments", many.as_str()),
        ];
        args.extend(extra);
        let r = call(&m, method, BOT, &args).await;
        assert_eq!(
            r.error(),
            Some("too_many_attachments"),
            "{method}: {}",
            r.text
        );
        let long = "x".repeat(40_001);
        let mut args = vec![("channel", demo::GENERAL_ID), ("text", long.as_str())];
        args.extend(extra);
        let r = call(&m, method, BOT, &args).await;
        assert_eq!(r.error(), Some("msg_too_long"), "{method}: {}", r.text);
    }
    // 40 000 characters (not bytes) are fine.
    let r = call(
        &m,
        "chat.postMessage",
        BOT,
        &[("channel", demo::GENERAL_ID), ("text", &"é".repeat(40_000))],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    // Channel names: at most 80 characters, for create and rename.
    let name = "n".repeat(81);
    let r = call(&m, "conversations.create", ALICE, &[("name", &name)]).await;
    assert_eq!(r.error(), Some("invalid_name_maxlength"));
    let r = call(
        &m,
        "conversations.rename",
        ALICE,
        &[("channel", demo::RANDOM_ID), ("name", &name)],
    )
    .await;
    assert_eq!(r.error(), Some("invalid_name_maxlength"), "{}", r.text);
    // Renames remember the 10 newest previous names only.
    let r = call(&m, "conversations.create", ALICE, &[("name", "n0")]).await;
    let id = r.json["channel"]["id"].as_str().unwrap().to_owned();
    for i in 1..=12 {
        let name = format!("n{i}");
        let r = call(
            &m,
            "conversations.rename",
            ALICE,
            &[("channel", &id), ("name", &name)],
        )
        .await;
        assert!(r.ok(), "{}", r.text);
    }
    let r = call(&m, "conversations.info", ALICE, &[("channel", &id)]).await;
    let previous = r.json["channel"]["previous_names"].as_array().unwrap();
    assert_eq!(previous.len(), 10, "{}", r.text);
    assert_eq!(previous[0], "n11");
}

/// The binary takes the budgets as flags.
#[test]
fn binary_takes_the_budgets() {
    let bin = Binary::start(&[
        "--port",
        "0",
        "--rate-limits",
        "off",
        "--messages-max",
        "1",
        "--channels-max",
        "0",
        "--messages-max-bytes",
        "100000",
        "--files-max-bytes",
        "1500",
    ]);
    let base = &bin.base;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let codes = rt.block_on(async {
        let mut codes = Vec::new();
        for (method, args) in [
            ("chat.postMessage", "channel=C0GENERAL&text=one"),
            ("chat.postMessage", "channel=C0GENERAL&text=two"),
            ("conversations.create", "name=sixth"),
        ] {
            let r = decode(
                client()
                    .post(format!("{base}{method}"))
                    .bearer_auth(demo::BOT_TOKEN)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(args)
                    .send()
                    .await
                    .unwrap(),
            )
            .await;
            codes.push(r.json["error"].as_str().unwrap_or("ok").to_owned());
        }
        let r = decode(
            client()
                .post(format!("{base}files.getUploadURLExternal"))
                .bearer_auth(demo::BOT_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("filename=a.txt&length=2000")
                .send()
                .await
                .unwrap(),
        )
        .await;
        let url = r.json["upload_url"].as_str().unwrap_or_default().to_owned();
        let status = client()
            .post(url)
            .body(vec![b'x'; 2000])
            .send()
            .await
            .unwrap()
            .status();
        codes.push(status.as_u16().to_string());
        codes
    });
    drop(bin);
    assert_eq!(
        codes,
        [
            "ok",
            "message_limit_exceeded",
            "cannot_create_channel",
            "413"
        ]
    );
}

/// A deleted thread parent stays as a tombstone: the books follow it exactly.
#[tokio::test]
async fn tombstones_keep_the_books_straight() {
    let m = start(MockSlack::builder()).await;
    let parent = post(&m, "a").await;
    let pts = parent.json["ts"].as_str().unwrap().to_owned();
    let one = stored(&m).await["message_bytes"].as_u64().unwrap();
    let reply = call(
        &m,
        "chat.postMessage",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("text", "a"),
            ("thread_ts", &pts),
        ],
    )
    .await;
    let rts = reply.json["ts"].as_str().unwrap().to_owned();
    assert_eq!(stored(&m).await["message_bytes"], 2 * one);
    let delete = |ts: String| {
        let m = &m;
        async move {
            call(
                m,
                "chat.delete",
                BOT,
                &[("channel", demo::GENERAL_ID), ("ts", &ts)],
            )
            .await
        }
    };
    assert!(delete(pts).await.ok());
    // The tombstone: text "This message was deleted." (not "a": +24), user USLACKBOT
    // (not U0BOT: +4), no bot id (-5).
    assert_eq!(stored(&m).await["messages"], 2);
    assert_eq!(stored(&m).await["message_bytes"], 2 * one + 24 + 4 - 5);
    assert!(delete(rts).await.ok());
    assert_eq!(stored(&m).await["messages"], 1);
    assert_eq!(stored(&m).await["message_bytes"], one + 24 + 4 - 5);
}
