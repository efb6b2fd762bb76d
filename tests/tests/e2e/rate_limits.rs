//! HTTP 429 and pacing: `Retry-After` honoured and bounded (every 429 loop
//! ends), pauses shared by a method's bucket without freezing it, and pacing
//! that keeps calls under the emulator's tiers.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use slackline::{
    AdminUsersSessionApi, Quota, RateLimits, RetryPolicy, SlackClient, SlackError, SlackToken,
};
use slackline_mock::{Fault, demo};
use wiremock::ResponseTemplate;

use crate::support::{
    LIST, RESET, SessionsAsDeclaredHere, admin, always_429, api_base, bounded, emulator_with,
    hostile_server, plain_builder, plain_client, retries, server_answering, token, unpaced,
    write_answer,
};

#[tokio::test]
async fn rate_limited_carries_retry_after() {
    let server = server_answering(
        ResponseTemplate::new(429)
            .insert_header("retry-after", "7")
            .set_body_raw(r#"{"ok":false,"error":"ratelimited"}"#, "application/json"),
    )
    .await;
    let client = plain_client(&api_base(&server));
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, SlackError::RateLimited { retry_after, .. } if retry_after == Duration::from_secs(7)),
        "{err:?}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn retry_after_zero_forever_waits_a_second_each_time_and_ends() {
    for paced in [false, true] {
        let (base, requests) = always_429("0").await;
        let client = SlackClient::builder()
            .base_url(&base)
            .rate_limits(if paced {
                // A fast tier, so the waits are the pauses, not the spacing.
                RateLimits::slack_tiers().method(RESET, Quota::per_minute(6_000.0))
            } else {
                RateLimits::off()
            })
            .retry_policy(RetryPolicy::default().max_rate_limit_wait(Duration::from_millis(2_900)))
            .build()
            .unwrap();
        let started = Instant::now();
        let err = bounded(client.admin_users_session_reset(&token(), "U1", None, None))
            .await
            .unwrap_err();
        let elapsed = started.elapsed();
        match err {
            SlackError::RateLimited { retry_after, .. } => {
                assert_eq!(retry_after, Duration::from_secs(1), "Slack's minimum")
            }
            other => panic!("paced {paced}: {other:?}"),
        }
        // Two 1 s waits fit in 2.9 s (with room for late wake-ups); the third 429 ends the call.
        assert_eq!(requests.load(Ordering::SeqCst), 3, "paced {paced}");
        assert!(
            (Duration::from_secs(2)..Duration::from_secs(5)).contains(&elapsed),
            "paced {paced}: {elapsed:?}"
        );
    }
}

#[tokio::test]
async fn retried_429s_are_counted() {
    let (base, requests) = always_429("1").await;
    let client = plain_builder(&base)
        .retry_policy(RetryPolicy::default().max_rate_limit_retries(1))
        .build()
        .unwrap();
    let err = bounded(client.admin_users_session_reset(&token(), "U1", None, None))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), "ratelimited");
    assert_eq!(requests.load(Ordering::SeqCst), 2, "one retry");
}

#[tokio::test]
async fn a_retry_after_beyond_the_budget_fails_fast() {
    let mock = emulator_with(0, slackline_mock::RateLimits::Off).await;
    let policy = retries(3).max_rate_limit_wait(Duration::from_secs(5));
    // Paced, as by default: the 429 also pauses the bucket.
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .retry_policy(policy)
        .build()
        .unwrap();

    mock.inject_fault(
        RESET,
        Fault::RateLimited {
            retry_after_secs: 60,
        },
        1,
    );
    let started = Instant::now();
    let err = client
        .admin_users_session_reset(&admin(), demo::BOB_ID, None, None)
        .await
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    match err {
        SlackError::RateLimited { retry_after, .. } => {
            assert_eq!(retry_after, Duration::from_secs(60))
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }
    assert_eq!(mock.request_count(), 1, "nothing else was sent");
}

#[tokio::test]
async fn the_rate_limit_budget_adds_up_across_429s() {
    let mock = emulator_with(0, slackline_mock::RateLimits::Off).await;
    let policy = retries(3).max_rate_limit_wait(Duration::from_millis(1_500));
    let client = unpaced(&mock.base_url(), policy);

    mock.inject_fault(
        RESET,
        Fault::RateLimited {
            retry_after_secs: 1,
        },
        5,
    );
    let started = Instant::now();
    let err = client
        .admin_users_session_reset(&admin(), demo::BOB_ID, None, None)
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(err, SlackError::RateLimited { .. }), "{err:?}");
    assert_eq!(
        mock.request_count(),
        2,
        "waited 1 s once; a second wait would exceed 1.5 s"
    );
    assert!(
        (Duration::from_secs(1)..Duration::from_secs(3)).contains(&elapsed),
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn a_429_asking_for_a_day_does_not_freeze_the_method() {
    for asked in ["600", "999999"] {
        // The first request gets the 429; any later one would succeed.
        let (base, requests) = hostile_server(move |n, _, stream| async move {
            if n == 0 {
                write_answer(stream, 429, &[("Retry-After", asked)], b"").await;
            } else {
                write_answer(
                    stream,
                    200,
                    &[("Content-Type", "application/json")],
                    br#"{"ok":true}"#,
                )
                .await;
            }
        })
        .await;
        // Defaults: paced by tier, 300 s of 429 waits at most.
        let client = SlackClient::builder().base_url(&base).build().unwrap();
        let day = Duration::from_secs(86_400);
        let expected = Duration::from_secs(asked.parse::<u64>().unwrap()).min(day);
        let started = Instant::now();
        let err = bounded(client.admin_users_session_reset(&token(), "U1", None, None))
            .await
            .unwrap_err();
        assert!(
            matches!(err, SlackError::RateLimited { retry_after, .. } if retry_after == expected),
            "{err:?}"
        );
        // Later calls of the method fail fast too, saying how long is left,
        // instead of waiting in the pacer for the rest of the pause.
        for _ in 0..3 {
            let err = bounded(client.admin_users_session_reset(&token(), "U2", None, None))
                .await
                .unwrap_err();
            match err {
                SlackError::RateLimited { retry_after, .. } => {
                    assert!(retry_after <= expected, "{retry_after:?}");
                    assert!(
                        retry_after + Duration::from_secs(5) > expected,
                        "{retry_after:?}"
                    );
                }
                other => panic!("{other:?}"),
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(
            requests.load(Ordering::SeqCst),
            1,
            "nothing sent into the pause"
        );
        // Another workspace's bucket is not paused.
        let other = SlackToken::new("xoxp-other-workspace").unwrap();
        bounded(client.admin_users_session_reset(&other, "U3", None, None))
            .await
            .unwrap();
    }
}

// ---------------------------------------------------------------------------
// Against the emulator's tiers.

/// The emulator's tier-2 bucket holds 20 calls.
const TIER2: usize = 20;

#[tokio::test]
async fn a_burst_beyond_the_tier_is_rate_limited() {
    let mock = emulator_with(0, slackline_mock::RateLimits::Exact).await;
    let client = plain_client(&mock.base_url()); // no pacing, no retries
    let token = admin();
    // The first 20 pass; the next is refused (a little later if the machine
    // is so slow that the bucket refilled meanwhile: one call per 3 s).
    let mut passed = 0;
    let err = loop {
        match client
            .session_list(&token, None, Some(demo::ALICE_ID), None, None)
            .await
        {
            Ok(_) => passed += 1,
            Err(err) => break err,
        }
        assert!(passed <= 2 * TIER2, "never rate limited");
    };
    assert!(
        passed >= TIER2,
        "rate limited after {passed} calls: {err:?}"
    );
    match &err {
        SlackError::RateLimited {
            method,
            retry_after,
        } => {
            assert_eq!(*method, LIST);
            assert!(*retry_after >= Duration::from_secs(1), "{retry_after:?}");
            // Tier 2 refills one call every 3 s.
            assert!(*retry_after <= Duration::from_secs(3), "{retry_after:?}");
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }
    assert_eq!(err.code(), Some("ratelimited"));
    assert_eq!(mock.rate_limited_count(), 1);
    // Buckets are per method: another tier-2 method still has its own budget.
    client
        .admin_users_session_reset(&token, demo::BOB_ID, None, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn retries_ride_out_a_burst_over_the_limit() {
    let mock = emulator_with(0, slackline_mock::RateLimits::Scaled(60.0)).await;
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::default().max_rate_limit_wait(Duration::from_secs(10)))
        .build()
        .unwrap();
    let started = Instant::now();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..TIER2 + 5 {
        let client = client.clone();
        calls.spawn(async move {
            client
                .session_list(&admin(), None, Some(demo::BOB_ID), None, None)
                .await
        });
    }
    while let Some(result) = calls.join_next().await {
        assert_eq!(result.unwrap().unwrap().active_sessions.len(), 3);
    }
    assert!(
        mock.rate_limited_count() >= 5,
        "{}",
        mock.rate_limited_count()
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn pacing_at_the_emulators_scale_collects_no_429() {
    const SCALE: f64 = 120.0;
    let mock = emulator_with(0, slackline_mock::RateLimits::Scaled(SCALE)).await;
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::slack_tiers().time_scale(SCALE))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..TIER2 + 10 {
        let client = client.clone();
        calls.spawn(async move {
            client
                .session_list(&admin(), None, None, Some(1), None)
                .await
        });
    }
    while let Some(result) = calls.join_next().await {
        result.unwrap().unwrap();
    }
    assert_eq!(mock.rate_limited_count(), 0);
}
