//! conversations.*: listing and paging, membership, archive, rename, topic, DMs.

use serde_json::Value;
use slackline_mock::{MockSlack, demo};

use crate::support::*;

const BOT: Option<&str> = Some(demo::BOT_TOKEN);
const ALICE: Option<&str> = Some(demo::USER_TOKEN);

/// Every page of a cursor-paged list with `limit=1`; the ids of `key`'s items.
pub async fn page_all(
    m: &MockSlack,
    method: &str,
    token: Option<&str>,
    args: &[(&str, &str)],
    key: &str,
) -> Vec<String> {
    let mut cursor = String::new();
    let mut ids = Vec::new();
    for _ in 0..100 {
        let mut a: Vec<(&str, &str)> = args.to_vec();
        a.push(("limit", "1"));
        if !cursor.is_empty() {
            a.push(("cursor", &cursor));
        }
        let r = call(m, method, token, &a).await;
        assert!(r.ok(), "{method}: {}", r.text);
        let items = r.json[key].as_array().unwrap();
        assert!(items.len() <= 1, "{}", r.text);
        for i in items {
            ids.push(match i {
                Value::String(s) => s.clone(),
                other => other["id"].as_str().unwrap().to_owned(),
            });
        }
        cursor = r.json["response_metadata"]["next_cursor"]
            .as_str()
            .unwrap()
            .to_owned();
        if cursor.is_empty() {
            return ids;
        }
    }
    panic!("{method}: more than 100 pages");
}

#[tokio::test]
async fn list_info_and_paging() {
    let m = mock().await;
    // Alice sees the public channels of her team and her private one.
    let ids = page_all(
        &m,
        "conversations.list",
        ALICE,
        &[("types", "public_channel,private_channel")],
        "channels",
    )
    .await;
    assert_eq!(
        ids,
        [
            demo::GENERAL_ID,
            demo::ARCHIVED_ID,
            demo::RANDOM_ID,
            demo::SECRET_ID
        ]
    );
    // The bot is not in #secret.
    let ids = page_all(
        &m,
        "conversations.list",
        BOT,
        &[
            ("types", "public_channel,private_channel"),
            ("exclude_archived", "true"),
        ],
        "channels",
    )
    .await;
    assert_eq!(ids, [demo::GENERAL_ID, demo::RANDOM_ID]);
    let r = call(&m, "conversations.list", BOT, &[("types", "bogus")]).await;
    assert_eq!(r.error(), Some("invalid_types"));
    let r = call(&m, "conversations.list", BOT, &[("cursor", "bogus")]).await;
    assert_eq!(r.error(), Some("invalid_cursor"));
    let r = call(&m, "conversations.list", BOT, &[]).await;
    let general = &r.json["channels"][0];
    assert_eq!(general["name"], "general");
    assert_eq!(general["is_general"], true);
    assert_eq!(general["is_member"], true);
    assert_eq!(general["is_private"], false);

    let r = call(
        &m,
        "conversations.info",
        BOT,
        &[("channel", demo::RANDOM_ID)],
    )
    .await;
    assert_eq!(r.json["channel"]["id"], demo::RANDOM_ID);
    assert_eq!(r.json["channel"]["is_member"], false);
    let r = call(
        &m,
        "conversations.info",
        BOT,
        &[("channel", demo::SECRET_ID)],
    )
    .await;
    assert_eq!(r.error(), Some("channel_not_found"));
    let r = call(
        &m,
        "conversations.info",
        ALICE,
        &[("channel", demo::SECRET_ID)],
    )
    .await;
    assert_eq!(r.json["channel"]["is_private"], true);

    let members = page_all(
        &m,
        "conversations.members",
        BOT,
        &[("channel", demo::GENERAL_ID)],
        "members",
    )
    .await;
    assert_eq!(
        members,
        [
            demo::ADMIN_ID,
            demo::ALICE_ID,
            demo::BOB_ID,
            demo::BOT_USER_ID,
            demo::OWNER_ID
        ]
    );
}

#[tokio::test]
async fn history_pages_and_errors() {
    let m = mock().await;
    let mut posted = Vec::new();
    for i in 0..3 {
        let r = call(
            &m,
            "chat.postMessage",
            BOT,
            &[("channel", demo::GENERAL_ID), ("text", &format!("m{i}"))],
        )
        .await;
        posted.push(r.json["ts"].as_str().unwrap().to_owned());
    }
    let newest_first: Vec<String> = posted.iter().rev().cloned().collect();
    let mut seen = Vec::new();
    let mut cursor = String::new();
    for _ in 0..10 {
        let mut a = vec![("channel", demo::GENERAL_ID), ("limit", "1")];
        if !cursor.is_empty() {
            a.push(("cursor", &cursor));
        }
        let r = call(&m, "conversations.history", BOT, &a).await;
        seen.push(r.json["messages"][0]["ts"].as_str().unwrap().to_owned());
        cursor = r.json["response_metadata"]["next_cursor"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(r.json["has_more"], !cursor.is_empty());
        if cursor.is_empty() {
            break;
        }
    }
    assert_eq!(seen, newest_first);
    // oldest/latest bounds (exclusive unless inclusive).
    let r = call(
        &m,
        "conversations.history",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("oldest", &posted[0]),
            ("latest", &posted[2]),
        ],
    )
    .await;
    assert_eq!(r.json["messages"].as_array().unwrap().len(), 1);
    let r = call(
        &m,
        "conversations.history",
        BOT,
        &[
            ("channel", demo::GENERAL_ID),
            ("oldest", &posted[0]),
            ("inclusive", "true"),
        ],
    )
    .await;
    assert_eq!(r.json["messages"].as_array().unwrap().len(), 3);
    for (args, code) in [
        (vec![("channel", "CNOPE")], "channel_not_found"),
        (vec![("channel", demo::RANDOM_ID)], "not_in_channel"),
        (
            vec![("channel", demo::GENERAL_ID), ("latest", "soon")],
            "invalid_ts_latest",
        ),
        (
            vec![("channel", demo::GENERAL_ID), ("oldest", "x")],
            "invalid_ts_oldest",
        ),
        (
            vec![("channel", demo::GENERAL_ID), ("cursor", "bogus")],
            "invalid_cursor",
        ),
    ] {
        let r = call(&m, "conversations.history", BOT, &args).await;
        assert_eq!(r.error(), Some(code), "{args:?}: {}", r.text);
    }
    // A user token reads a public channel it is not in.
    let r = call(
        &m,
        "conversations.history",
        ALICE,
        &[("channel", demo::RANDOM_ID)],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
}

#[tokio::test]
async fn create_join_leave_invite_kick() {
    let m = mock().await;
    let create = |name: &'static str| {
        let m = &m;
        async move { call(m, "conversations.create", BOT, &[("name", name)]).await }
    };
    let r = create("deploys").await;
    assert!(r.ok(), "{}", r.text);
    let id = r.json["channel"]["id"].as_str().unwrap().to_owned();
    assert_eq!(r.json["channel"]["name"], "deploys");
    assert_eq!(r.json["channel"]["creator"], demo::BOT_USER_ID);
    assert_eq!(create("deploys").await.error(), Some("name_taken"));
    assert_eq!(create("general").await.error(), Some("name_taken"));
    assert_eq!(
        create("Has Caps").await.error(),
        Some("invalid_name_specials")
    );
    assert_eq!(
        create("---").await.error(),
        Some("invalid_name_punctuation")
    );
    let long: &'static str = Box::leak("a".repeat(81).into_boxed_str());
    assert_eq!(create(long).await.error(), Some("invalid_name_maxlength"));
    let r = call(
        &m,
        "conversations.create",
        BOT,
        &[("name", "hush"), ("is_private", "true")],
    )
    .await;
    assert_eq!(r.json["channel"]["is_private"], true);

    let c =
        |method: &'static str, token: Option<&'static str>, extra: Vec<(&'static str, String)>| {
            let m = &m;
            let id = id.clone();
            async move {
                let mut args: Vec<(&str, &str)> = vec![("channel", id.as_str())];
                for (k, v) in &extra {
                    args.push((k, v.as_str()));
                }
                call(m, method, token, &args).await
            }
        };
    // Invite: Alice and Bob; errors.
    let r = c(
        "conversations.invite",
        BOT,
        vec![("users", format!("{},{}", demo::ALICE_ID, demo::BOB_ID))],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(r.json["channel"]["num_members"], 3);
    for (users, code) in [
        (demo::ALICE_ID.to_owned(), "already_in_channel"),
        ("UNOPE".to_owned(), "user_not_found"),
        (demo::BOT_USER_ID.to_owned(), "cant_invite_self"),
    ] {
        let r = c("conversations.invite", BOT, vec![("users", users)]).await;
        assert_eq!(r.error(), Some(code), "{}", r.text);
    }
    // Kick.
    let r = c(
        "conversations.kick",
        BOT,
        vec![("user", demo::BOB_ID.to_owned())],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let r = c(
        "conversations.kick",
        BOT,
        vec![("user", demo::BOB_ID.to_owned())],
    )
    .await;
    assert_eq!(r.error(), Some("not_in_channel"));
    let r = c(
        "conversations.kick",
        BOT,
        vec![("user", demo::BOT_USER_ID.to_owned())],
    )
    .await;
    assert_eq!(r.error(), Some("cant_kick_self"));
    let r = call(
        &m,
        "conversations.kick",
        ALICE,
        &[("channel", demo::GENERAL_ID), ("user", demo::BOB_ID)],
    )
    .await;
    assert_eq!(r.error(), Some("cant_kick_from_general"));
    // Invite by a non-member.
    m.add_token("xoxp-bob", demo::BOB_ID, &["channels:write"]);
    let r = c(
        "conversations.invite",
        Some("xoxp-bob"),
        vec![("users", demo::CAROL_ID.to_owned())],
    )
    .await;
    assert_eq!(r.error(), Some("not_in_channel"));
    // Join (Bob, public) and leave.
    let r = c("conversations.join", Some("xoxp-bob"), vec![]).await;
    assert!(r.ok(), "{}", r.text);
    let r = c("conversations.join", Some("xoxp-bob"), vec![]).await;
    assert_eq!(r.json["warning"], "already_in_channel");
    let r = c("conversations.leave", Some("xoxp-bob"), vec![]).await;
    assert!(r.ok(), "{}", r.text);
    let r = c("conversations.leave", Some("xoxp-bob"), vec![]).await;
    assert_eq!(r.error(), Some("not_in_channel"));
    let r = call(
        &m,
        "conversations.leave",
        ALICE,
        &[("channel", demo::GENERAL_ID)],
    )
    .await;
    assert_eq!(r.error(), Some("cant_leave_general"));
    let r = call(
        &m,
        "conversations.join",
        ALICE,
        &[("channel", demo::ARCHIVED_ID)],
    )
    .await;
    assert_eq!(r.error(), Some("is_archived"));
    let r = call(&m, "conversations.join", ALICE, &[("channel", "CNOPE")]).await;
    assert_eq!(r.error(), Some("channel_not_found"));
}

#[tokio::test]
async fn archive_rename_topic_purpose() {
    let m = mock().await;
    // In order: `None` is a success, `Some(code)` the error expected.
    let (archive, unarchive) = ("conversations.archive", "conversations.unarchive");
    let (random, general) = (demo::RANDOM_ID, demo::GENERAL_ID);
    for (method, channel, want) in [
        (archive, random, None),
        (archive, random, Some("already_archived")),
        ("conversations.info", random, None),
        (archive, general, Some("cant_archive_general")),
        (unarchive, random, None),
        (unarchive, random, Some("not_archived")),
    ] {
        let r = call(&m, method, ALICE, &[("channel", channel)]).await;
        match want {
            None => assert!(r.ok(), "{method}: {}", r.text),
            Some(code) => assert_eq!(r.error(), Some(code), "{method}: {}", r.text),
        }
        if method == "conversations.info" {
            assert_eq!(r.json["channel"]["is_archived"], true);
        }
    }

    let r = call(
        &m,
        "conversations.rename",
        ALICE,
        &[("channel", demo::RANDOM_ID), ("name", "chatter")],
    )
    .await;
    assert_eq!(r.json["channel"]["name"], "chatter");
    assert_eq!(r.json["channel"]["previous_names"][0], "random");
    let r = call(
        &m,
        "conversations.rename",
        ALICE,
        &[("channel", demo::RANDOM_ID), ("name", "general")],
    )
    .await;
    assert_eq!(r.error(), Some("name_taken"));
    let r = call(
        &m,
        "conversations.rename",
        BOT,
        &[("channel", demo::RANDOM_ID), ("name", "x")],
    )
    .await;
    assert_eq!(r.error(), Some("not_in_channel"));

    for (method, field) in [
        ("conversations.setTopic", "topic"),
        ("conversations.setPurpose", "purpose"),
    ] {
        let r = call(
            &m,
            method,
            ALICE,
            &[("channel", demo::RANDOM_ID), (field, "Deploys only")],
        )
        .await;
        assert_eq!(
            r.json["channel"][field]["value"], "Deploys only",
            "{}",
            r.text
        );
        assert_eq!(r.json["channel"][field]["creator"], demo::ALICE_ID);
        let long = "x".repeat(251);
        let r = call(
            &m,
            method,
            ALICE,
            &[("channel", demo::RANDOM_ID), (field, &long)],
        )
        .await;
        assert_eq!(r.error(), Some("too_long"));
        let r = call(
            &m,
            method,
            ALICE,
            &[("channel", demo::ARCHIVED_ID), (field, "x")],
        )
        .await;
        assert_eq!(r.error(), Some("is_archived"));
        let r = call(
            &m,
            method,
            BOT,
            &[("channel", demo::RANDOM_ID), (field, "x")],
        )
        .await;
        assert_eq!(r.error(), Some("not_in_channel"));
    }
}

#[tokio::test]
async fn open_dms() {
    let m = mock().await;
    let r = call(&m, "conversations.open", BOT, &[("users", demo::ALICE_ID)]).await;
    assert!(r.ok(), "{}", r.text);
    let dm = r.json["channel"]["id"].as_str().unwrap().to_owned();
    assert!(dm.starts_with('D'));
    let r = call(
        &m,
        "conversations.open",
        BOT,
        &[("users", demo::ALICE_ID), ("return_im", "true")],
    )
    .await;
    assert_eq!(r.json["channel"]["id"], dm.as_str());
    assert_eq!(r.json["already_open"], true);
    assert_eq!(r.json["channel"]["is_im"], true);
    assert_eq!(r.json["channel"]["user"], demo::ALICE_ID);
    // The DM works for posting and history on both sides.
    call(
        &m,
        "chat.postMessage",
        BOT,
        &[("channel", &dm), ("text", "hi")],
    )
    .await;
    let r = call(&m, "conversations.history", ALICE, &[("channel", &dm)]).await;
    assert_eq!(r.json["messages"][0]["text"], "hi", "{}", r.text);
    // Group DM.
    let r = call(
        &m,
        "conversations.open",
        BOT,
        &[("users", &format!("{},{}", demo::ALICE_ID, demo::BOB_ID))],
    )
    .await;
    assert_eq!(r.json["channel"]["is_mpim"], true, "{}", r.text);
    let r = call(&m, "conversations.open", BOT, &[("users", "UNOPE")]).await;
    assert_eq!(r.error(), Some("user_not_found"));
    let r = call(&m, "conversations.open", BOT, &[]).await;
    assert_eq!(r.error(), Some("users_list_not_supplied"));
    // im listing.
    let r = call(&m, "conversations.list", BOT, &[("types", "im")]).await;
    assert_eq!(r.json["channels"][0]["id"], dm.as_str());
    // Other people's DMs stay invisible.
    m.add_token("xoxp-bob2", demo::BOB_ID, &["im:history"]);
    let r = call(
        &m,
        "conversations.history",
        Some("xoxp-bob2"),
        &[("channel", &dm)],
    )
    .await;
    assert_eq!(r.error(), Some("channel_not_found"));
}

/// Creating and renaming channels in a large workspace does not slow down with the
/// number of channels (a hostile client creating 100 000 channels made each create
/// walk them all, under the lock every request takes), and names stay unique per team.
#[tokio::test]
async fn create_and_rename_stay_fast_among_many_channels() {
    const SEEDED: usize = 60_000;
    const CALLS: usize = 300;
    let mut builder = MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Off);
    for i in 0..SEEDED {
        builder = builder.channel(slackline_mock::MockChannel::public(
            &format!("CSEED{i:06}"),
            demo::TEAM_ID,
            &format!("seeded-{i}"),
        ));
    }
    let m = builder.start().await.unwrap();
    // Names are checked per team, seeded ones included.
    let r = call(&m, "conversations.create", BOT, &[("name", "seeded-17")]).await;
    assert_eq!(r.error(), Some("name_taken"));
    let started = std::time::Instant::now();
    let mut last = String::new();
    for i in 0..CALLS {
        let r = call(
            &m,
            "conversations.create",
            BOT,
            &[("name", &format!("new-{i}"))],
        )
        .await;
        assert!(r.ok(), "{}", r.text);
        last = r.json["channel"]["id"].as_str().unwrap().to_owned();
    }
    let elapsed = started.elapsed();
    // A walk of 60 000 channels per call takes tens of milliseconds in a debug
    // build; an indexed check about one (the loopback round trip).
    assert!(
        elapsed < std::time::Duration::from_secs(3),
        "{CALLS} creates among {SEEDED} channels took {elapsed:?}"
    );
    // Renaming frees the old name and takes the new one.
    let rename = |name: &'static str| {
        let (m, last) = (&m, last.clone());
        async move {
            call(
                m,
                "conversations.rename",
                BOT,
                &[("channel", &last), ("name", name)],
            )
            .await
        }
    };
    assert_eq!(rename("seeded-3").await.error(), Some("name_taken"));
    assert!(rename("renamed").await.ok());
    assert!(rename("renamed").await.ok(), "its own name is not taken");
    let r = call(&m, "conversations.create", BOT, &[("name", "new-299")]).await;
    assert!(r.ok(), "{}", r.text);
    let r = call(&m, "conversations.create", BOT, &[("name", "renamed")]).await;
    assert_eq!(r.error(), Some("name_taken"));
}
