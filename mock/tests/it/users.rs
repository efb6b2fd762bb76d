//! users.*, team.info, bots.info.

use slackline_mock::{MockSlack, MockUser, RateLimits, demo};

use crate::conversations::page_all;
use crate::support::*;

const BOT: Option<&str> = Some(demo::BOT_TOKEN);

#[tokio::test]
async fn list_pages_info_lookup() {
    let m = mock().await;
    let ids = page_all(&m, "users.list", BOT, &[], "members").await;
    assert_eq!(
        ids,
        [
            demo::ADMIN_ID,
            demo::ALICE_ID,
            demo::BOB_ID,
            demo::BOT_USER_ID,
            demo::OWNER_ID
        ]
    );
    let r = call(&m, "users.list", BOT, &[("cursor", "bogus")]).await;
    assert_eq!(r.error(), Some("invalid_cursor"));

    let r = call(&m, "users.info", BOT, &[("user", demo::ALICE_ID)]).await;
    let u = &r.json["user"];
    assert_eq!(u["id"], demo::ALICE_ID);
    assert_eq!(u["name"], "alice");
    assert_eq!(u["team_id"], demo::TEAM_ID);
    assert_eq!(u["is_bot"], false);
    assert_eq!(u["profile"]["email"], "alice@example.com");
    assert_eq!(u["profile"]["display_name"], "alice");
    let r = call(&m, "users.info", BOT, &[("user", demo::BOT_USER_ID)]).await;
    assert_eq!(r.json["user"]["is_bot"], true);
    assert_eq!(r.json["user"]["profile"]["bot_id"], demo::BOT_ID);
    let r = call(&m, "users.info", BOT, &[("user", "UNOPE")]).await;
    assert_eq!(r.error(), Some("user_not_found"));
    // Without users:read.email, no email.
    m.add_token("xoxb-noemail", demo::BOT_ID, &["users:read"]);
    let r = call(
        &m,
        "users.info",
        Some("xoxb-noemail"),
        &[("user", demo::ALICE_ID)],
    )
    .await;
    assert!(
        r.json["user"]["profile"].get("email").is_none(),
        "{}",
        r.text
    );

    let r = call(
        &m,
        "users.lookupByEmail",
        BOT,
        &[("email", "Bob@Example.com")],
    )
    .await;
    assert_eq!(r.json["user"]["id"], demo::BOB_ID, "{}", r.text);
    let r = call(
        &m,
        "users.lookupByEmail",
        BOT,
        &[("email", "nobody@example.com")],
    )
    .await;
    assert_eq!(r.error(), Some("users_not_found"));

    let r = call(&m, "users.profile.get", BOT, &[("user", demo::BOB_ID)]).await;
    assert_eq!(r.json["profile"]["real_name"], "bob");
    let r = call(&m, "users.profile.get", BOT, &[("user", "UNOPE")]).await;
    assert_eq!(r.error(), Some("user_not_found"));

    let r = call(&m, "users.getPresence", BOT, &[("user", demo::ALICE_ID)]).await;
    assert_eq!(r.json["presence"], "active");
    let r = call(&m, "users.getPresence", BOT, &[]).await;
    assert_eq!(r.json["presence"], "active");
    assert_eq!(r.json["online"], true);

    let ids = page_all(
        &m,
        "users.conversations",
        Some(demo::USER_TOKEN),
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
    let r = call(&m, "users.conversations", BOT, &[("user", demo::BOB_ID)]).await;
    assert_eq!(
        r.json["channels"].as_array().unwrap().len(),
        2,
        "{}",
        r.text
    );
}

#[tokio::test]
async fn custom_profiles_and_members_page() {
    let m = MockSlack::builder()
        .demo_org()
        .user(
            MockUser::member("U0DAVE", demo::TEAM_ID)
                .name("dave")
                .real_name("Dave Jones")
                .display_name("DJ")
                .email("dave@corp.test"),
        )
        .members(3)
        .rate_limits(RateLimits::Off)
        .start()
        .await
        .unwrap();
    let r = call(
        &m,
        "users.lookupByEmail",
        Some(demo::BOT_TOKEN),
        &[("email", "dave@corp.test")],
    )
    .await;
    assert_eq!(r.json["user"]["real_name"], "Dave Jones");
    assert_eq!(r.json["user"]["profile"]["display_name"], "DJ");
    assert_eq!(r.json["user"]["profile"]["first_name"], "Dave");
    let ids = page_all(&m, "users.list", Some(demo::BOT_TOKEN), &[], "members").await;
    assert_eq!(ids.len(), 9);
    assert_eq!(ids[0], "U00000001");
}

#[tokio::test]
async fn team_and_bot_info() {
    let m = mock().await;
    let r = call(&m, "team.info", BOT, &[]).await;
    assert_eq!(r.json["team"]["id"], demo::TEAM_ID);
    assert_eq!(r.json["team"]["name"], demo::TEAM_NAME);
    assert_eq!(r.json["team"]["domain"], "acme-hq");
    let r = call(&m, "team.info", BOT, &[("team", demo::TEAM2_ID)]).await;
    assert_eq!(r.json["team"]["name"], demo::TEAM2_NAME);
    let r = call(&m, "team.info", BOT, &[("team", "TNOPE")]).await;
    assert_eq!(r.error(), Some("team_not_found"));

    let r = call(&m, "bots.info", BOT, &[("bot", demo::BOT_ID)]).await;
    assert_eq!(r.json["bot"]["id"], demo::BOT_ID);
    assert_eq!(r.json["bot"]["user_id"], demo::BOT_USER_ID);
    assert_eq!(r.json["bot"]["app_id"], demo::APP_ID);
    let r = call(&m, "bots.info", BOT, &[("bot", "BNOPE")]).await;
    assert_eq!(r.error(), Some("bot_not_found"));
}
