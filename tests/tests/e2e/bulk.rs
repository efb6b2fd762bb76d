//! The bulk session reset against the emulator while it misbehaves.
//!
//! Each test checks the job's promise for one kind of fault: every input user
//! ends either reset (the emulator shows no sessions left) or reported with
//! its reason, none lost, none skipped silently, within a bounded time. How a
//! single call meets each fault is tested in its own file (`answers.rs`,
//! `transport.rs`, `retries.rs`, `rate_limits.rs`); here it is the job's
//! accounting.
//!
//! Time is kept short: the emulator's clock runs [`K`] times faster (and the
//! client paces at the same scale), backoffs are milliseconds, timeouts are
//! fractions of a second. The emulator's `Retry-After` is at least 1 s: with
//! client pacing a 429 pauses the method's whole bucket, so the paced storm
//! waits its pauses out one after another (the slowest test here, about
//! 17 s); without pacing the waits overlap.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use slackline::{RateLimits, RetryPolicy, SlackClient};
use slackline_examples::bulk::{JobOptions, JobReport, Outcome, run_reset_job};
use slackline_mock::{Fault, MockSlack, member_id};

use crate::support::{RESET, admin, emulator_with, retries};

/// How much faster than Slack's the emulator's clock (and the client's pacing) runs:
/// Tier 2 becomes 200 calls a second.
const K: f64 = 600.0;

/// No bulk job may take longer than this.
const JOB_LIMIT: Duration = Duration::from_secs(30);

fn client_for(mock: &MockSlack, policy: RetryPolicy, timeout: Duration) -> SlackClient {
    SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::slack_tiers().time_scale(K))
        .retry_policy(policy)
        .timeout(timeout)
        .connect_timeout(Duration::from_secs(2))
        .build()
        .unwrap()
}

fn members(n: usize) -> Vec<String> {
    (1..=n).map(member_id).collect()
}

async fn bulk(client: &SlackClient, ids: &[String]) -> JobReport {
    let (token, options) = (admin(), JobOptions::default());
    let job = run_reset_job(client, &token, ids, &options, |_, _| {});
    tokio::time::timeout(JOB_LIMIT, job)
        .await
        .expect("the bulk job finishes in bounded time")
}

/// Every input ID has exactly one outcome, in input order; reset users have no
/// sessions left; failed users carry a reason. Returns the users per outcome key.
fn accounted(mock: &MockSlack, ids: &[String], report: &JobReport) -> BTreeMap<String, usize> {
    let reported: Vec<&str> = report.results.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(reported, ids, "one outcome per input ID, in input order");
    for (id, outcome) in &report.results {
        match outcome {
            Outcome::Reset => assert!(
                mock.sessions(id).is_empty(),
                "{id} reported reset but has sessions"
            ),
            Outcome::Failed(failure) => {
                assert!(
                    !failure.key.is_empty() && !failure.message.is_empty(),
                    "{id}: {failure:?}"
                );
            }
        }
    }
    let counts = report.counts();
    assert_eq!(counts.values().sum::<usize>(), ids.len(), "{counts:?}");
    counts
}

/// Users that failed for a fault the emulator answered without processing the
/// request must still have their sessions: "failed" is never a lie.
fn failed_untouched(mock: &MockSlack, report: &JobReport) {
    for (id, failure) in report.failures() {
        assert!(
            !mock.sessions(id).is_empty(),
            "{id} reported {} but was reset",
            failure.key
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_storm_is_waited_out_and_nobody_is_lost() {
    let mock = emulator_with(100, slackline_mock::RateLimits::Scaled(K)).await;
    mock.inject_fault(
        RESET,
        Fault::RateLimited {
            retry_after_secs: 1,
        },
        130,
    );
    // The pauses come one after another (about 17 s in all), and a call's
    // time in the pacer after its 429 counts against its 429 budget: give
    // it the whole job's time.
    let policy = retries(3).max_rate_limit_wait(JOB_LIMIT);
    let client = client_for(&mock, policy, Duration::from_secs(5));
    let ids = members(100);

    let started = Instant::now();
    let report = bulk(&client, &ids).await;
    let counts = accounted(&mock, &ids, &report);
    assert_eq!(counts.get("reset"), Some(&100), "{counts:?}");
    assert_eq!(
        mock.rate_limited_count(),
        130,
        "only the injected 429s: pacing caused none"
    );
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was honoured"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_storm_without_pacing_is_waited_out_in_parallel() {
    let mock = emulator_with(50, slackline_mock::RateLimits::Off).await;
    mock.inject_fault(
        RESET,
        Fault::RateLimited {
            retry_after_secs: 1,
        },
        50,
    );
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::off())
        .retry_policy(retries(3))
        .build()
        .unwrap();
    let ids = members(50);

    let started = Instant::now();
    let report = bulk(&client, &ids).await;
    let counts = accounted(&mock, &ids, &report);
    assert_eq!(counts.get("reset"), Some(&50), "{counts:?}");
    assert_eq!(mock.rate_limited_count(), 50);
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_secs(1),
        "Retry-After was honoured ({elapsed:?})"
    );
    assert!(
        elapsed < Duration::from_secs(5),
        "the waits ran in parallel ({elapsed:?})"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_5xx_burst_is_retried_away() {
    let mock = emulator_with(100, slackline_mock::RateLimits::Scaled(K)).await;
    mock.inject_fault(RESET, Fault::Status(503), 100);
    mock.inject_fault(RESET, Fault::Status(500), 60);
    let client = client_for(&mock, retries(4), Duration::from_secs(5));
    let ids = members(100);

    let report = bulk(&client, &ids).await;
    let counts = accounted(&mock, &ids, &report);
    assert_eq!(counts.get("reset"), Some(&100), "{counts:?}");
    assert_eq!(
        mock.request_count(),
        260,
        "each faulted answer cost one retry"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_5xx_burst_longer_than_the_retries_is_reported_per_user() {
    // Two attempts per user, 150 faulted answers: at least 50 users see two of
    // them (2x + y = 150, x + y <= 100), the rest recover on their second try.
    let mock = emulator_with(100, slackline_mock::RateLimits::Scaled(K)).await;
    mock.inject_fault(RESET, Fault::Status(503), 100);
    mock.inject_fault(RESET, Fault::Status(500), 50);
    let client = client_for(&mock, retries(2), Duration::from_secs(5));
    let ids = members(100);

    let report = bulk(&client, &ids).await;
    let counts = accounted(&mock, &ids, &report);
    let failed = 100 - counts.get("reset").copied().unwrap_or(0);
    assert!((50..=75).contains(&failed), "{counts:?}");
    for (id, failure) in report.failures() {
        assert!(
            ["http_500", "http_503"].contains(&failure.key.as_str()),
            "{id}: {failure:?}"
        );
    }
    failed_untouched(&mock, &report);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_slower_than_the_timeout_are_retried() {
    let mock = emulator_with(60, slackline_mock::RateLimits::Scaled(K)).await;
    mock.inject_fault(RESET, Fault::Delay(Duration::from_secs(10)), 40);
    let client = client_for(&mock, retries(3), Duration::from_millis(300));
    let ids = members(60);

    let started = Instant::now();
    let report = bulk(&client, &ids).await;
    let counts = accounted(&mock, &ids, &report);
    assert_eq!(counts.get("reset"), Some(&60), "{counts:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the client did not wait for the slow answers"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeouts_without_retries_are_reported_as_timeouts() {
    let mock = emulator_with(40, slackline_mock::RateLimits::Scaled(K)).await;
    mock.inject_fault(RESET, Fault::Delay(Duration::from_secs(10)), 15);
    let client = client_for(&mock, retries(1), Duration::from_millis(300));
    let ids = members(40);

    let report = bulk(&client, &ids).await;
    let counts = accounted(&mock, &ids, &report);
    assert_eq!(counts.get("reset"), Some(&25), "{counts:?}");
    assert_eq!(counts.get("transport/timeout"), Some(&15), "{counts:?}");
    // The emulator may still process a request the client gave up on: such a
    // failure is flagged as possibly applied.
    assert!(report.failures().all(|(_, f)| f.maybe_applied));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_connections_are_retried() {
    let mock = emulator_with(100, slackline_mock::RateLimits::Scaled(K)).await;
    mock.inject_fault(RESET, Fault::Drop, 80);
    let client = client_for(&mock, retries(4), Duration::from_secs(5));
    let ids = members(100);

    let report = bulk(&client, &ids).await;
    let counts = accounted(&mock, &ids, &report);
    assert_eq!(counts.get("reset"), Some(&100), "{counts:?}");
    assert_eq!(mock.request_count(), 180);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_connections_without_retries_are_reported() {
    let mock = emulator_with(60, slackline_mock::RateLimits::Scaled(K)).await;
    mock.inject_fault(RESET, Fault::Drop, 20);
    let client = client_for(&mock, retries(1), Duration::from_secs(5));
    let ids = members(60);

    let report = bulk(&client, &ids).await;
    let counts = accounted(&mock, &ids, &report);
    assert_eq!(counts.get("reset"), Some(&40), "{counts:?}");
    assert_eq!(
        counts.get("transport/connection_closed"),
        Some(&20),
        "{counts:?}"
    );
    failed_untouched(&mock, &report);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn non_json_bodies_are_reported_not_retried() {
    // An HTML page with status 200 is a `Decode` error, which the policy never
    // retries: those users are reported (and really were not reset).
    let mock = emulator_with(100, slackline_mock::RateLimits::Scaled(K)).await;
    mock.inject_fault(RESET, Fault::NonJson, 20);
    let client = client_for(&mock, retries(4), Duration::from_secs(5));
    let ids = members(100);

    let report = bulk(&client, &ids).await;
    let counts = accounted(&mock, &ids, &report);
    assert_eq!(counts.get("reset"), Some(&80), "{counts:?}");
    assert_eq!(counts.get("decode"), Some(&20), "{counts:?}");
    assert_eq!(mock.request_count(), 100);
    failed_untouched(&mock, &report);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pacing_that_matches_the_tier_gets_no_429s() {
    // Tier 2 at 300x: 100 calls a second, a bucket of 20. Two clones of one
    // client run two jobs at once: they share one pacing bucket.
    const SCALE: f64 = 300.0;
    let mock = emulator_with(300, slackline_mock::RateLimits::Scaled(SCALE)).await;
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::slack_tiers().time_scale(SCALE))
        .retry_policy(retries(1).retry_rate_limited(false))
        .build()
        .unwrap();
    let ids = members(300);
    let (first, second) = ids.split_at(150);
    let other = client.clone();

    let started = Instant::now();
    let (a, b) = tokio::join!(bulk(&client, first), bulk(&other, second));
    let elapsed = started.elapsed();
    for (ids, report) in [(first, &a), (second, &b)] {
        let counts = accounted(&mock, ids, report);
        assert_eq!(counts.get("reset"), Some(&150), "{counts:?}");
    }
    assert_eq!(mock.rate_limited_count(), 0);
    // The emulator allows 20 at once, then 100 a second: 2.8 s at best; the
    // client's burst is 5, so it needs 2.95 s.
    assert!(elapsed >= Duration::from_millis(2_800), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(6), "{elapsed:?}");
}
