//! Token-bucket rate limits.

use std::time::{Duration, Instant};

use slackline_mock::{MockSlack, RateLimits, demo};

use crate::support::*;

#[tokio::test]
async fn tier2_bucket_under_scaled_time() {
    // Tier 2: 20/min. Scaled(3): refills 1 per real second, slow enough that the
    // checks below run before a token comes back, even on a loaded machine.
    let m = MockSlack::builder()
        .demo_org()
        .rate_limits(RateLimits::Scaled(3.0))
        .start()
        .await
        .unwrap();
    let list = "admin.users.session.list";
    let start = Instant::now();
    let mut limited = None;
    for i in 0..40 {
        let r = call(&m, list, Some(demo::ADMIN_TOKEN), &[("limit", "1")]).await;
        if r.status == 429 {
            limited = Some((i, r));
            break;
        }
        assert!(r.ok());
    }
    let (i, r) = limited.expect("rate limited within 40 requests");
    // The bucket starts full (20) and refills 1/s while we send.
    let sent = start.elapsed().as_secs_f64();
    assert!(
        i >= 20 && (i as f64) <= 21.0 + sent,
        "limited after {i} in {sent}s"
    );
    assert_eq!(
        r.json,
        serde_json::json!({"ok": false, "error": "ratelimited"})
    );
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(
        r.header("x-accepted-oauth-scopes"),
        Some("admin.users:read")
    );
    assert_eq!(m.rate_limited_count(), 1);
    assert_eq!(
        r.header("x-oauth-scopes"),
        Some(demo::ADMIN_SCOPES.join(",").as_str())
    );

    // Other methods have their own buckets.
    assert!(
        call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[])
            .await
            .ok()
    );
    // Buckets are per team and app, not per token: another token of the demo app in
    // T0DEMO1 (another user, even) is limited too; the same app in another team, and
    // another app in the same team, are not.
    let r = call(&m, list, Some(demo::READONLY_TOKEN), &[]).await;
    assert_eq!(r.status, 429, "{}", r.text);
    m.add_token("xoxp-owner", demo::OWNER_ID, &["admin.users:read"]);
    let r = call(&m, list, Some("xoxp-owner"), &[]).await;
    assert_eq!(r.status, 429, "{}", r.text);
    m.add_token("xoxp-carol", demo::CAROL_ID, &["admin.users:read"]);
    let r = call(&m, list, Some("xoxp-carol"), &[]).await;
    assert_eq!((r.status, r.error()), (200, Some("not_an_admin")));
    m.add_app_token(
        "A0OTHER",
        "xoxp-other-app",
        demo::ADMIN_ID,
        &["admin.users:read"],
    );
    assert!(call(&m, list, Some("xoxp-other-app"), &[]).await.ok());

    // After Retry-After, a token is available again.
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(call(&m, list, Some(demo::ADMIN_TOKEN), &[]).await.ok());
}

#[tokio::test]
async fn tier1_retry_after_is_real_seconds() {
    // Tier 1: 1/min; scaled 6x → one token every 10 real seconds.
    let m = MockSlack::builder()
        .demo_org()
        .token("xoxp-teams", demo::ADMIN_ID, &["admin.teams:write"])
        .rate_limits(RateLimits::Scaled(6.0))
        .start()
        .await
        .unwrap();
    let form = [("team_domain", "acme"), ("team_name", "Acme")];
    assert!(
        call(&m, "admin.teams.create", Some("xoxp-teams"), &form)
            .await
            .ok()
    );
    let r = call(&m, "admin.teams.create", Some("xoxp-teams"), &form).await;
    assert_eq!(r.status, 429);
    let secs: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((9..=10).contains(&secs), "{secs}");
}

#[tokio::test]
async fn exact_tier1_and_off() {
    let m = MockSlack::builder().demo_org().start().await.unwrap();
    m.add_token("xoxp-all", demo::ADMIN_ID, &["admin.teams:write"]);
    let spec = slackline_mock::catalog::catalog()
        .get("admin.teams.create")
        .unwrap();
    assert_eq!(spec.tier, slackline_mock::catalog::Tier::Tier1);
    let form = [("team_domain", "acme"), ("team_name", "Acme")];
    let r = call(&m, "admin.teams.create", Some("xoxp-all"), &form).await;
    assert!(r.ok(), "{}", r.text);
    let r = call(&m, "admin.teams.create", Some("xoxp-all"), &form).await;
    assert_eq!(r.status, 429);
    let secs: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((59..=60).contains(&secs), "{secs}");

    let off = mock().await;
    off.add_token("xoxp-all", demo::ADMIN_ID, &["admin.teams:write"]);
    for _ in 0..5 {
        assert!(
            call(&off, "admin.teams.create", Some("xoxp-all"), &form)
                .await
                .ok()
        );
    }
    assert_eq!(off.rate_limited_count(), 0);
}

#[tokio::test]
async fn builder_app_tokens_and_anonymous_calls() {
    let m = MockSlack::builder()
        .demo_org()
        .app_token("A0TWO", "xoxp-two", demo::ADMIN_ID, &["admin.teams:write"])
        .token("xoxp-one", demo::ADMIN_ID, &["admin.teams:write"])
        .start()
        .await
        .unwrap();
    let form = [("team_domain", "acme"), ("team_name", "Acme")];
    for token in ["xoxp-one", "xoxp-two"] {
        let r = call(&m, "admin.teams.create", Some(token), &form).await;
        assert!(r.ok(), "{token}: {}", r.text);
    }
    for token in ["xoxp-one", "xoxp-two"] {
        let r = call(&m, "admin.teams.create", Some(token), &form).await;
        assert_eq!(r.status, 429, "{token}");
    }
    assert_eq!(m.rate_limited_count(), 2);
}

#[tokio::test]
async fn extreme_scale_factors_never_break_retry_after() {
    // A scale so large that the refill rate overflows: no limits at all.
    let m = MockSlack::builder()
        .demo_org()
        .rate_limits(RateLimits::Scaled(f64::MAX))
        .token("xoxp-teams", demo::ADMIN_ID, &["admin.teams:write"])
        .start()
        .await
        .unwrap();
    let form = [("team_domain", "acme"), ("team_name", "Acme")];
    for _ in 0..5 {
        assert!(
            call(&m, "admin.teams.create", Some("xoxp-teams"), &form)
                .await
                .ok()
        );
    }
    // A tiny one: Retry-After is capped, whole seconds.
    let m = MockSlack::builder()
        .demo_org()
        .rate_limits(RateLimits::Scaled(1e-300))
        .token("xoxp-teams", demo::ADMIN_ID, &["admin.teams:write"])
        .start()
        .await
        .unwrap();
    assert!(
        call(&m, "admin.teams.create", Some("xoxp-teams"), &form)
            .await
            .ok()
    );
    let r = call(&m, "admin.teams.create", Some("xoxp-teams"), &form).await;
    assert_eq!(r.status, 429);
    assert_eq!(
        r.header("retry-after"),
        Some(slackline_mock::MAX_RETRY_AFTER_SECS.to_string().as_str())
    );
}

/// chat.postMessage is limited per channel (60 a minute each), as Slack does.
#[tokio::test]
async fn post_message_is_limited_per_channel() {
    let m = MockSlack::builder().demo_org().start().await.unwrap();
    let post = |channel: &'static str| {
        let m = &m;
        async move {
            call(
                m,
                "chat.postMessage",
                Some(demo::BOT_TOKEN),
                &[("channel", channel), ("text", "x")],
            )
            .await
        }
    };
    let mut limited_at = None;
    // 60 in the bucket; a slow machine may refill a few while we send.
    for i in 0..90 {
        let r = post(demo::GENERAL_ID).await;
        if r.status == 429 {
            limited_at = Some(i);
            break;
        }
        assert!(r.ok(), "{}", r.text);
    }
    let at = limited_at.expect("limited within 90 posts");
    assert!(at >= 60, "{at}");
    // Another channel (the DM with Bob) has its own bucket.
    let r = post(demo::BOB_ID).await;
    assert!(r.ok(), "{}", r.text);
}
