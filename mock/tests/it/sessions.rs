//! The admin.users.session family against the demo org.

use serde_json::json;
use slackline_mock::{MockSlack, MockUser, RateLimits, SessionKind, demo, member_id};

use crate::support::*;

const RESET: &str = "admin.users.session.reset";
const INVALIDATE: &str = "admin.users.session.invalidate";
const LIST: &str = "admin.users.session.list";
const BULK: &str = "admin.users.session.resetBulk";

#[tokio::test]
async fn demo_sessions_are_seeded() {
    let m = mock().await;
    let s = m.sessions(demo::ALICE_ID);
    assert_eq!(
        s.iter().map(|s| s.session_id).collect::<Vec<_>>(),
        vec![10007, 10008, 10009]
    );
    assert_eq!(
        s.iter().map(|s| s.kind).collect::<Vec<_>>(),
        vec![SessionKind::Web, SessionKind::Web, SessionKind::Mobile]
    );
    assert_eq!(
        demo::session_ids(demo::CAROL_ID),
        Some([10013, 10014, 10015])
    );
    assert_eq!(m.sessions(demo::CAROL_ID)[0].team_id, demo::TEAM2_ID);
    assert!(m.sessions(demo::BOT_ID).is_empty());
}

#[tokio::test]
async fn reset_all_mobile_only_web_only() {
    let m = mock().await;
    let admin = Some(demo::ADMIN_TOKEN);
    let r = call(
        &m,
        RESET,
        admin,
        &[("user_id", "U0ALICE"), ("mobile_only", "true")],
    )
    .await;
    assert_eq!(r.json, json!({"ok": true}));
    assert!(
        m.sessions("U0ALICE")
            .iter()
            .all(|s| s.kind == SessionKind::Web)
    );
    assert_eq!(m.sessions("U0ALICE").len(), 2);

    let r = call(&m, RESET, admin, &[("user_id", "U0BOB"), ("web_only", "1")]).await;
    assert!(r.ok());
    let bob = m.sessions("U0BOB");
    assert_eq!(bob.len(), 1);
    assert_eq!(bob[0].kind, SessionKind::Mobile);

    // Both flags: everything.
    let r = call(
        &m,
        RESET,
        admin,
        &[
            ("user_id", "U0CAROL"),
            ("web_only", "true"),
            ("mobile_only", "true"),
        ],
    )
    .await;
    assert!(r.ok());
    assert!(m.sessions("U0CAROL").is_empty());

    let r = call(&m, RESET, admin, &[("user_id", "U0ALICE")]).await;
    assert!(r.ok());
    assert!(m.sessions("U0ALICE").is_empty());
    // Idempotent.
    assert!(call(&m, RESET, admin, &[("user_id", "U0ALICE")]).await.ok());
}

#[tokio::test]
async fn reset_errors() {
    let m = mock().await;
    let admin = Some(demo::ADMIN_TOKEN);
    let cases = [
        (Some(demo::MEMBER_TOKEN), "U0BOB", "not_an_admin"),
        (admin, "U0NOBODY", "user_not_found"),
        (admin, demo::BOT_ID, "cannot_reset_bot"),
        (admin, demo::OWNER_ID, "cannot_reset_primary_owner"),
    ];
    for (token, user, code) in cases {
        let r = call(&m, RESET, token, &[("user_id", user)]).await;
        assert_eq!(r.json, json!({"ok": false, "error": code}), "{user}");
    }
    assert_eq!(m.sessions("U0BOB").len(), 3);
    assert_eq!(m.sessions(demo::OWNER_ID).len(), 3);
    // The primary owner may reset others.
    let slack = MockSlack::builder()
        .demo_org()
        .token("xoxp-owner", demo::OWNER_ID, &["admin.users:write"])
        .rate_limits(RateLimits::Off)
        .start()
        .await
        .unwrap();
    assert!(
        call(&slack, RESET, Some("xoxp-owner"), &[("user_id", "U0BOB")])
            .await
            .ok()
    );
}

#[tokio::test]
async fn invalidate_by_team_and_by_user() {
    let m = mock().await;
    let admin = Some(demo::ADMIN_TOKEN);
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("team_id", "T0DEMO1"), ("session_id", "10007")],
    )
    .await;
    assert_eq!(r.json, json!({"ok": true}));
    assert_eq!(
        m.sessions("U0ALICE")
            .iter()
            .map(|s| s.session_id)
            .collect::<Vec<_>>(),
        vec![10008, 10009]
    );
    // Gone now.
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("team_id", "T0DEMO1"), ("session_id", "10007")],
    )
    .await;
    assert_eq!(r.error(), Some("session_not_found"));
    // Wrong team for Carol's session; unknown team.
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("team_id", "T0DEMO1"), ("session_id", "10013")],
    )
    .await;
    assert_eq!(r.error(), Some("session_not_found"));
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("team_id", "T0NOPE"), ("session_id", "10013")],
    )
    .await;
    assert_eq!(r.error(), Some("session_not_found"));
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("team_id", "T0DEMO2"), ("session_id", "10013")],
    )
    .await;
    assert!(r.ok());

    // By user.
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("user_id", "U0ALICE"), ("session_id", "10009")],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(m.sessions("U0ALICE").len(), 1);
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("user_id", "U0BOB"), ("session_id", "10008")],
    )
    .await;
    assert_eq!(r.error(), Some("session_not_found"));
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("user_id", "U0NOBODY"), ("session_id", "10008")],
    )
    .await;
    assert_eq!(r.error(), Some("user_not_found"));
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("session_id", "999999"), ("user_id", "U0BOB")],
    )
    .await;
    assert_eq!(r.error(), Some("session_not_found"));

    // Primary owner and non-admins.
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("user_id", demo::OWNER_ID), ("session_id", "10004")],
    )
    .await;
    assert_eq!(r.error(), Some("cannot_invalidate_primary_owner"));
    let r = call(
        &m,
        INVALIDATE,
        admin,
        &[("team_id", "T0DEMO1"), ("session_id", "10004")],
    )
    .await;
    assert_eq!(r.error(), Some("cannot_invalidate_primary_owner"));
    let r = call(
        &m,
        INVALIDATE,
        Some(demo::MEMBER_TOKEN),
        &[("team_id", "T0DEMO1"), ("session_id", "10010")],
    )
    .await;
    assert_eq!(r.error(), Some("not_an_admin"));
    assert_eq!(m.sessions(demo::OWNER_ID).len(), 3);
    assert_eq!(m.sessions("U0BOB").len(), 3);
}

#[tokio::test]
async fn list_paginates_with_cursors() {
    let m = mock().await;
    let admin = Some(demo::ADMIN_TOKEN);
    let mut cursor = String::new();
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let mut form = vec![("limit", "4")];
        if !cursor.is_empty() {
            form.push(("cursor", cursor.as_str()));
        }
        let r = call(&m, LIST, admin, &form).await;
        assert!(r.ok(), "{}", r.text);
        pages += 1;
        for s in r.json["active_sessions"].as_array().unwrap() {
            seen.push(s["session_id"].as_i64().unwrap());
            let hw = s["created"]["device_hardware"].as_str().unwrap();
            assert!(hw == "Browser" || hw == "iPhone");
            assert!(s["recent"]["ip"].is_string());
            assert!(s["user_id"].is_string() && s["team_id"].is_string());
        }
        cursor = r.json["response_metadata"]["next_cursor"]
            .as_str()
            .unwrap()
            .to_owned();
        if cursor.is_empty() {
            break;
        }
    }
    assert_eq!(pages, 4);
    assert_eq!(seen, (10001..=10015).collect::<Vec<_>>());

    // Filters.
    let r = call(&m, LIST, admin, &[("user_id", "U0ALICE")]).await;
    let s = r.json["active_sessions"].as_array().unwrap();
    assert_eq!(s.len(), 3);
    assert_eq!(s[0]["created"]["device_hardware"], "Browser");
    assert_eq!(s[2]["created"]["device_hardware"], "iPhone");
    assert_eq!(r.json["response_metadata"]["next_cursor"], "");
    let r = call(&m, LIST, admin, &[("team_id", "T0DEMO2")]).await;
    assert_eq!(r.json["active_sessions"].as_array().unwrap().len(), 3);

    // Errors.
    assert_eq!(
        call(&m, LIST, admin, &[("cursor", "bm9wZQ==")])
            .await
            .error(),
        Some("invalid_cursor")
    );
    assert_eq!(
        call(&m, LIST, admin, &[("cursor", "!!")]).await.error(),
        Some("invalid_cursor")
    );
    assert_eq!(
        call(&m, LIST, admin, &[("user_id", "U0NOBODY")])
            .await
            .error(),
        Some("user_not_found")
    );
    assert_eq!(
        call(&m, LIST, admin, &[("team_id", "T0NOPE")])
            .await
            .error(),
        Some("team_not_found")
    );
    assert_eq!(
        call(&m, LIST, Some(demo::MEMBER_TOKEN), &[]).await.error(),
        Some("not_an_admin")
    );
    // The read-only token may list.
    assert!(call(&m, LIST, Some(demo::READONLY_TOKEN), &[]).await.ok());
}

#[tokio::test]
async fn list_limit_defaults_and_caps_at_1000() {
    let m = MockSlack::builder()
        .demo_org()
        .members(600)
        .rate_limits(RateLimits::Off)
        .start()
        .await
        .unwrap();
    assert_eq!(m.sessions(&member_id(600)).len(), 2);
    let r = call(&m, LIST, Some(demo::ADMIN_TOKEN), &[]).await;
    assert_eq!(r.json["active_sessions"].as_array().unwrap().len(), 1000);
    let cursor = r.json["response_metadata"]["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = call(
        &m,
        LIST,
        Some(demo::ADMIN_TOKEN),
        &[("limit", "5000"), ("cursor", &cursor)],
    )
    .await;
    assert_eq!(r.json["active_sessions"].as_array().unwrap().len(), 215);
    assert_eq!(r.json["response_metadata"]["next_cursor"], "");
}

#[tokio::test]
async fn reset_bulk() {
    let m = mock().await;
    let admin = Some(demo::ADMIN_TOKEN);
    // The job is queued: the sessions go shortly after the answer.
    let settle = || tokio::time::sleep(std::time::Duration::from_millis(300));
    let r = call(
        &m,
        BULK,
        admin,
        &[("user_ids", "U0ALICE,U0BOB"), ("mobile_only", "true")],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    settle().await;
    assert_eq!(m.sessions("U0ALICE").len(), 2);
    assert_eq!(m.sessions("U0BOB").len(), 2);
    let r = call_json(
        &m,
        BULK,
        admin,
        &json!({"user_ids": ["U0ALICE", "U0CAROL"]}),
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    settle().await;
    assert!(m.sessions("U0ALICE").is_empty() && m.sessions("U0CAROL").is_empty());
    // One bad user alone: that user's code.
    let r = call(&m, BULK, admin, &[("user_ids", "U0OWNER")]).await;
    assert_eq!(r.error(), Some("cannot_reset_primary_owner"));
    // Some bad users among others: the others are still reset.
    let r = call(&m, BULK, admin, &[("user_ids", "U0BOB,U0OWNER")]).await;
    assert_eq!(r.error(), Some("failed_for_some_users"));
    settle().await;
    assert!(m.sessions("U0BOB").is_empty());
    let r = call(&m, BULK, admin, &[("user_ids", "")]).await;
    assert!(r.error().is_some());
    let r = call(&m, BULK, Some(demo::MEMBER_TOKEN), &[("user_ids", "U0BOB")]).await;
    assert_eq!(r.error(), Some("not_an_admin"));
}

#[tokio::test]
async fn custom_org() {
    let m = MockSlack::builder()
        .team("T1", "One")
        .user(MockUser::admin("UA", "T1").name("ann"))
        .user(MockUser::member("UM", "T2"))
        .sessions("UM", 1, 2)
        .token("xoxp-a", "UA", &["admin.users:write"])
        .rate_limits(RateLimits::Off)
        .start()
        .await
        .unwrap();
    assert_eq!(m.sessions("UM").len(), 3);
    assert_eq!(m.sessions("UM")[0].team_id, "T2");
    let r = call(&m, "auth.test", Some("xoxp-a"), &[]).await;
    assert_eq!(r.json["user"], "ann");
    assert_eq!(r.json["team"], "One");
    let r = call(
        &m,
        INVALIDATE,
        Some("xoxp-a"),
        &[("team_id", "T2"), ("session_id", "10002")],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(m.sessions("UM").len(), 2);
}

#[tokio::test]
async fn list_limit_and_cursor_extremes() {
    let m = mock().await;
    let admin = Some(demo::ADMIN_TOKEN);
    let count = |r: &Resp| r.json["active_sessions"].as_array().map_or(0, Vec::len);
    for (limit, expected) in [
        ("99999999999999999999999", 15),
        ("9223372036854775807", 15),
        ("-9223372036854775808", 15),
        ("-1", 15),
        ("0", 15),
        ("2", 2),
    ] {
        let r = call(&m, LIST, admin, &[("limit", limit)]).await;
        assert!(r.ok(), "{limit}: {}", r.text);
        assert_eq!(count(&r), expected, "{limit}");
    }
    let r = call(&m, LIST, admin, &[("limit", "2.5")]).await;
    assert_eq!(r.error(), Some("invalid_arguments"));
    // A cursor past the last possible id, one before the first, garbage, a huge one.
    let b64 = |s: &str| {
        // Cursors are base64 of `session:<id>`; build odd ones by hand.
        let t = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for c in s.as_bytes().chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for i in 0..4 {
                out.push(if i <= c.len() {
                    t[((n >> (18 - 6 * i)) & 63) as usize] as char
                } else {
                    '='
                });
            }
        }
        out
    };
    let r = call(
        &m,
        LIST,
        admin,
        &[("cursor", &b64("session:9223372036854775807"))],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(count(&r), 0);
    assert_eq!(r.json["response_metadata"]["next_cursor"], "");
    let r = call(
        &m,
        LIST,
        admin,
        &[("cursor", &b64("session:-9223372036854775808"))],
    )
    .await;
    assert_eq!(count(&r), 15);
    for bad in [
        b64("session:99999999999999999999"),
        b64("session:"),
        b64("user:10001"),
        "A".repeat(100_000),
        "%%%".to_owned(),
    ] {
        let r = call(&m, LIST, admin, &[("cursor", &bad)]).await;
        assert_eq!(
            r.error(),
            Some("invalid_cursor"),
            "{}",
            &bad[..bad.len().min(40)]
        );
    }
    // Filter by user with a cursor: the page continues after the cursor's session.
    let r = call(&m, LIST, admin, &[("user_id", "U0BOB"), ("limit", "1")]).await;
    assert_eq!(r.json["active_sessions"][0]["session_id"], 10010);
    let cursor = r.json["response_metadata"]["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = call(
        &m,
        LIST,
        admin,
        &[("user_id", "U0BOB"), ("limit", "5"), ("cursor", &cursor)],
    )
    .await;
    let ids: Vec<_> = r.json["active_sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["session_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![10011, 10012]);
    assert_eq!(r.json["response_metadata"]["next_cursor"], "");
    // User and team together: Bob is not in T0DEMO2.
    let r = call(
        &m,
        LIST,
        admin,
        &[("user_id", "U0BOB"), ("team_id", "T0DEMO2")],
    )
    .await;
    assert_eq!(count(&r), 0);
}

#[tokio::test]
async fn members_zero_and_empty_builder() {
    // No org at all: the server still answers, and members(0) adds nobody.
    let m = MockSlack::builder()
        .members(0)
        .rate_limits(RateLimits::Off)
        .start()
        .await
        .unwrap();
    assert!(m.sessions(&member_id(1)).is_empty());
    let r = call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[]).await;
    assert_eq!(r.error(), Some("invalid_auth"));
    m.add_token("xoxp-ghost", "U0GHOST", &["admin.users:read"]);
    let r = call(&m, "auth.test", Some("xoxp-ghost"), &[]).await;
    assert_eq!(r.json["team_id"], demo::TEAM_ID, "{}", r.text);
    let r = call(&m, LIST, Some("xoxp-ghost"), &[]).await;
    assert_eq!(r.error(), Some("not_an_admin"));
}
