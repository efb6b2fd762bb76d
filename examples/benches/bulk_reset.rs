//! How close does a bulk session reset come to Slack's limit?
//!
//! ```text
//! cargo bench -p slackline-examples --bench bulk_reset
//! ```
//!
//! Resets 2,000 users against the emulator enforcing Tier 2 (20 calls a
//! minute, a bucket of 20 that starts full) with its clock running `K` times
//! faster (default 200: 66.7 calls a second), the client pacing by the same
//! tier at the same scale. Printed: completion time, the optimum, their ratio
//! (target ≤ 1.05) and the 429s received (target 0).
//!
//! The optimum is `users ÷ allowed rate` = `N / (20 · K / 60)` seconds, as the
//! issue states it. The emulator's bucket also lets its 20 first calls through
//! at once, so the true lower bound is `(N − 20) / rate`; both are printed.
//!
//! The same job with the client's pacing off runs next as a baseline (fewer
//! users, 500 by default, and capped at 120 s): it collects 429s and waits out
//! each `Retry-After` (the emulator's is at least one real second).
//!
//! Environment: `BULK_RESET_USERS` (default 2000), `BULK_RESET_SCALE`
//! (default 200), `BULK_RESET_BASELINE_USERS` (default 500; 0 skips it).

use std::time::Duration;

use slackline::{RateLimits, SlackClient, SlackToken};
use slackline_examples::bulk::{JobOptions, JobReport, run_reset_job};
use slackline_mock::{MockSlack, demo, member_id};

/// Tier 2: calls per minute.
const TIER2_PER_MINUTE: f64 = 20.0;
/// The emulator's bucket capacity for Tier 2 (it starts full).
const EMULATOR_BURST: f64 = 20.0;
const BASELINE_CAP: Duration = Duration::from_secs(120);

fn env_number(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|v: &f64| v.is_finite() && *v >= 0.0)
        .unwrap_or(default)
}

struct Run {
    label: &'static str,
    users: usize,
    report: Option<JobReport>,
    elapsed: Duration,
    rate_limited: u64,
    requests: u64,
}

async fn run(
    label: &'static str,
    users: usize,
    scale: f64,
    paced: bool,
    cap: Option<Duration>,
) -> Run {
    let mock = MockSlack::builder()
        .demo_org()
        .members(users)
        .rate_limits(slackline_mock::RateLimits::Scaled(scale))
        .journal_capacity(0)
        .start()
        .await
        .expect("start the emulator");
    let limits = if paced {
        RateLimits::slack_tiers().time_scale(scale)
    } else {
        RateLimits::off()
    };
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(limits)
        .build()
        .expect("client");
    let token = SlackToken::new(demo::ADMIN_TOKEN).expect("token");
    let ids: Vec<String> = (1..=users).map(member_id).collect();
    let options = JobOptions::default();

    let started = std::time::Instant::now();
    let job = run_reset_job(&client, &token, &ids, &options, |_, _| {});
    let report = match cap {
        Some(cap) => tokio::time::timeout(cap, job).await.ok(),
        None => Some(job.await),
    };
    let elapsed = started.elapsed();
    if let Some(report) = &report {
        let left = ids
            .iter()
            .filter(|id| !mock.sessions(id).is_empty())
            .count();
        assert_eq!(
            left,
            users - report.reset_count(),
            "the emulator agrees with the report"
        );
    }
    Run {
        label,
        users,
        report,
        elapsed,
        rate_limited: mock.rate_limited_count(),
        requests: mock.request_count(),
    }
}

fn print(run: &Run, scale: f64) {
    let rate = TIER2_PER_MINUTE * scale / 60.0;
    let optimum = run.users as f64 / rate;
    let bound = (run.users as f64 - EMULATOR_BURST).max(0.0) / rate;
    let secs = run.elapsed.as_secs_f64();
    println!(
        "{}: {} users, Tier 2 at {scale}x ({rate:.1} calls/s)",
        run.label, run.users
    );
    match &run.report {
        Some(report) => {
            let counts: Vec<String> = report
                .counts()
                .iter()
                .map(|(k, n)| format!("{k}: {n}"))
                .collect();
            println!(
                "  completion time   {secs:>8.2} s   ({})",
                counts.join(", ")
            );
        }
        None => println!("  completion time   > {secs:.2} s (stopped at the cap)"),
    }
    println!(
        "  optimum N/rate    {optimum:>8.2} s   ratio {:.3}  (target <= 1.05)",
        secs / optimum
    );
    println!(
        "  bound (N-20)/rate {bound:>8.2} s   ratio {:.3}",
        secs / bound.max(f64::MIN_POSITIVE)
    );
    println!("  429s received     {:>8}     (target 0)", run.rate_limited);
    println!("  requests sent     {:>8}", run.requests);
}

fn main() {
    let users = env_number("BULK_RESET_USERS", 2000.0) as usize;
    let scale = env_number("BULK_RESET_SCALE", 200.0).max(f64::MIN_POSITIVE);
    let baseline_users = env_number("BULK_RESET_BASELINE_USERS", 500.0) as usize;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let paced = run(
            "client pacing ON (slack_tiers().time_scale(K))",
            users,
            scale,
            true,
            None,
        )
        .await;
        print(&paced, scale);
        if baseline_users > 0 {
            let baseline = run(
                "baseline: client pacing OFF",
                baseline_users,
                scale,
                false,
                Some(BASELINE_CAP),
            )
            .await;
            print(&baseline, scale);
        }
    });
}
