//! reactions.* and pins.*.

use slackline_mock::demo;

use crate::support::*;

const BOT: Option<&str> = Some(demo::BOT_TOKEN);
const ALICE: Option<&str> = Some(demo::USER_TOKEN);

#[tokio::test]
async fn reactions() {
    let m = mock().await;
    let r = call(
        &m,
        "chat.postMessage",
        BOT,
        &[("channel", demo::GENERAL_ID), ("text", "x")],
    )
    .await;
    let ts = r.json["ts"].as_str().unwrap().to_owned();
    let react =
        |method: &'static str, token: Option<&'static str>, name: &'static str, ts: String| {
            let m = &m;
            async move {
                call(
                    m,
                    method,
                    token,
                    &[
                        ("channel", demo::GENERAL_ID),
                        ("timestamp", &ts),
                        ("name", name),
                    ],
                )
                .await
            }
        };
    assert!(
        react("reactions.add", BOT, "thumbsup", ts.clone())
            .await
            .ok()
    );
    assert!(
        react("reactions.add", ALICE, ":thumbsup:", ts.clone())
            .await
            .ok()
    );
    assert!(react("reactions.add", ALICE, "eyes", ts.clone()).await.ok());
    assert_eq!(
        react("reactions.add", BOT, "thumbsup", ts.clone())
            .await
            .error(),
        Some("already_reacted")
    );
    assert_eq!(
        react("reactions.add", BOT, "not valid", ts.clone())
            .await
            .error(),
        Some("invalid_name")
    );
    assert_eq!(
        react("reactions.add", BOT, "x", "1.000001".into())
            .await
            .error(),
        Some("message_not_found")
    );
    assert_eq!(
        react("reactions.add", BOT, "x", "soon".into())
            .await
            .error(),
        Some("bad_timestamp")
    );
    let r = call(
        &m,
        "reactions.get",
        BOT,
        &[("channel", demo::GENERAL_ID), ("timestamp", &ts)],
    )
    .await;
    assert_eq!(r.json["type"], "message");
    let reactions = &r.json["message"]["reactions"];
    assert_eq!(reactions[0]["name"], "thumbsup");
    assert_eq!(reactions[0]["count"], 2);
    assert_eq!(reactions[0]["users"][1], demo::ALICE_ID);
    assert_eq!(reactions[1]["name"], "eyes");
    assert!(
        react("reactions.remove", ALICE, "eyes", ts.clone())
            .await
            .ok()
    );
    assert_eq!(
        react("reactions.remove", ALICE, "eyes", ts.clone())
            .await
            .error(),
        Some("no_reaction")
    );
    let r = call(
        &m,
        "conversations.history",
        BOT,
        &[("channel", demo::GENERAL_ID)],
    )
    .await;
    assert_eq!(
        r.json["messages"][0]["reactions"].as_array().unwrap().len(),
        1
    );
    let r = call(&m, "reactions.get", BOT, &[]).await;
    assert_eq!(r.error(), Some("no_item_specified"));
    let r = call(
        &m,
        "reactions.add",
        BOT,
        &[("channel", "CNOPE"), ("timestamp", &ts), ("name", "x")],
    )
    .await;
    assert_eq!(r.error(), Some("channel_not_found"));
}

#[tokio::test]
async fn pins() {
    let m = mock().await;
    let r = call(
        &m,
        "chat.postMessage",
        BOT,
        &[("channel", demo::GENERAL_ID), ("text", "pin me")],
    )
    .await;
    let ts = r.json["ts"].as_str().unwrap().to_owned();
    let pin = |method: &'static str, ts: String| {
        let m = &m;
        async move {
            call(
                m,
                method,
                BOT,
                &[("channel", demo::GENERAL_ID), ("timestamp", &ts)],
            )
            .await
        }
    };
    assert!(pin("pins.add", ts.clone()).await.ok());
    assert_eq!(
        pin("pins.add", ts.clone()).await.error(),
        Some("already_pinned")
    );
    assert_eq!(
        pin("pins.add", "1.000001".into()).await.error(),
        Some("message_not_found")
    );
    let r = call(&m, "pins.list", BOT, &[("channel", demo::GENERAL_ID)]).await;
    assert_eq!(r.json["items"][0]["type"], "message");
    assert_eq!(r.json["items"][0]["created_by"], demo::BOT_USER_ID);
    assert_eq!(r.json["items"][0]["message"]["text"], "pin me");
    assert_eq!(
        r.json["items"][0]["message"]["pinned_to"][0],
        demo::GENERAL_ID
    );
    let r = call(
        &m,
        "conversations.history",
        BOT,
        &[("channel", demo::GENERAL_ID)],
    )
    .await;
    assert_eq!(r.json["pin_count"], 1);
    assert!(pin("pins.remove", ts.clone()).await.ok());
    assert_eq!(pin("pins.remove", ts.clone()).await.error(), Some("no_pin"));
    let r = call(&m, "pins.add", BOT, &[("channel", demo::GENERAL_ID)]).await;
    assert_eq!(r.error(), Some("no_item_specified"));
    let r = call(&m, "pins.list", BOT, &[("channel", "CNOPE")]).await;
    assert_eq!(r.error(), Some("channel_not_found"));
}
