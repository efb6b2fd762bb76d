//! Past one process, side by side in one run:
//!
//! ```text
//! cargo bench -p slackline-examples --bench scale_out
//! ```
//!
//! Needs `redis-server` on `PATH` (a throwaway one is started on a free
//! loopback port).
//!
//! 1. **One budget, four processes.** Four `bulk_session_reset` processes,
//!    each resetting its own `SCALE_OUT_USERS_EACH` users (default 25),
//!    against one emulator enforcing Tier 2 exactly with its clock
//!    `SCALE_OUT_SCALE` times faster (default 10: 3.3 calls a second; the
//!    emulator's `Retry-After` is whole real seconds, so a large factor
//!    would make each 429 cost many intervals and hide how often they come):
//!    first sharing their pacing through Redis (`--redis`), then each with
//!    its private in-memory pacing. Printed: 429 answers, calls that failed,
//!    completion time and the optimum (all users ÷ the tier's rate; the
//!    emulator's bucket starts full, so its first 20 calls are free and the
//!    true lower bound is 20 calls shorter).
//! 2. **Per-user resets against `--bulk`** for `SCALE_OUT_BULK_USERS` users
//!    (default 20,000) at `SCALE_OUT_BULK_SCALE` (default 1200: 400 calls a
//!    second): calls made, completion time, and the optimum (calls needed ÷
//!    the tier's rate), with what the optimum means at Slack's real rate.
//!
//! The machine the numbers come from is named in the README with them; on a
//! shared, busy machine they vary from run to run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use slackline_examples::redis_server::RedisServer;
use slackline_mock::{MockSlack, RateLimits, demo, member_id};

const PROCESSES: usize = 4;
/// Tier 2, calls per minute.
const TIER2: f64 = 20.0;

fn env_number(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|v: &f64| v.is_finite() && *v > 0.0)
        .unwrap_or(default)
}

struct Row {
    label: String,
    users: usize,
    calls: u64,
    rate_limited: u64,
    failed: usize,
    secs: f64,
    optimum: f64,
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("slackline-bench-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn bulk_command(mock: &MockSlack, dir: &Path, input: &Path, scale: f64, extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bulk-session-reset"));
    cmd.env("SLACK_TOKEN", demo::ADMIN_TOKEN)
        .env("SLACK_API_URL", mock.base_url())
        .arg("--no-progress")
        .arg("--input")
        .arg(input)
        .arg("--failed")
        .arg(dir.join("failed.txt"))
        .arg("--journal")
        .arg(dir.join("job.journal"))
        .arg("--time-scale")
        .arg(scale.to_string())
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn failed_count(dir: &Path) -> usize {
    std::fs::read_to_string(dir.join("failed.txt"))
        .map(|t| t.lines().count())
        .unwrap_or(0)
}

/// Four processes, `users_each` users each, with `redis` or private pacing.
fn four_processes(
    runtime: &tokio::runtime::Runtime,
    users_each: usize,
    scale: f64,
    redis: Option<&str>,
) -> Row {
    let total = PROCESSES * users_each;
    let mock = runtime.block_on(start_mock(total, scale));
    let label = match redis {
        Some(_) => "4 processes, one budget in Redis",
        None => "4 processes, private memory stores",
    };
    let mut children = Vec::new();
    let started = Instant::now();
    for p in 0..PROCESSES {
        let dir = temp_dir(&format!(
            "{}-{p}",
            if redis.is_some() { "shared" } else { "private" }
        ));
        let ids: Vec<String> = (1..=users_each)
            .map(|i| member_id(p * users_each + i))
            .collect();
        let input = dir.join("ids.txt");
        std::fs::write(&input, ids.join("\n")).expect("input");
        let mut extra = Vec::new();
        if let Some(url) = redis {
            extra.extend(["--redis", url]);
        }
        let child = bulk_command(&mock, &dir, &input, scale, &extra)
            .spawn()
            .expect("spawn");
        children.push((dir, child));
    }
    let mut failed = 0;
    for (dir, child) in &mut children {
        child.wait().expect("wait");
        failed += failed_count(dir);
    }
    let secs = started.elapsed().as_secs_f64();
    let rate = TIER2 * scale / 60.0;
    let row = Row {
        label: label.to_owned(),
        users: total,
        calls: mock.request_count(),
        rate_limited: mock.rate_limited_count(),
        failed,
        secs,
        optimum: total as f64 / rate,
    };
    runtime.block_on(mock.shutdown());
    row
}

/// One process resetting `users` users, one call each or with `--bulk`.
fn one_job(runtime: &tokio::runtime::Runtime, users: usize, scale: f64, bulk: bool) -> Row {
    let mock = runtime.block_on(start_mock(users, scale));
    let dir = temp_dir(if bulk { "bulk" } else { "per-user" });
    let ids: Vec<String> = (1..=users).map(member_id).collect();
    let input = dir.join("ids.txt");
    std::fs::write(&input, ids.join("\n")).expect("input");
    let extra: &[&str] = if bulk { &["--bulk"] } else { &[] };
    let started = Instant::now();
    let status = bulk_command(&mock, &dir, &input, scale, extra)
        .status()
        .expect("run");
    let secs = started.elapsed().as_secs_f64();
    assert!(status.success(), "the job failed: {status}");
    let rate = TIER2 * scale / 60.0;
    let needed = if bulk { users.div_ceil(1000) } else { users };
    let row = Row {
        label: if bulk {
            format!("{users} users, --bulk (resetBulk x1000)")
        } else {
            format!("{users} users, one reset per user")
        },
        users,
        calls: mock.request_count(),
        rate_limited: mock.rate_limited_count(),
        failed: failed_count(&dir),
        secs,
        optimum: needed as f64 / rate,
    };
    runtime.block_on(mock.shutdown());
    row
}

async fn start_mock(members: usize, scale: f64) -> MockSlack {
    MockSlack::builder()
        .demo_org()
        .members(members)
        .rate_limits(RateLimits::Scaled(scale))
        .journal_capacity(0)
        .start()
        .await
        .expect("start the emulator")
}

fn print(rows: &[Row], scale: f64) {
    println!("| run | users | calls | 429s | failed | time (s) | optimum (s) | time/optimum |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        println!(
            "| {} | {} | {} | {} | {} | {:.2} | {:.2} | {:.2} |",
            r.label,
            r.users,
            r.calls,
            r.rate_limited,
            r.failed,
            r.secs,
            r.optimum,
            r.secs / r.optimum
        );
    }
    println!(
        "(Tier 2 at {scale}x: {:.0} calls/s)\n",
        TIER2 * scale / 60.0
    );
}

fn main() {
    let users_each = env_number("SCALE_OUT_USERS_EACH", 25.0) as usize;
    let scale = env_number("SCALE_OUT_SCALE", 10.0);
    let bulk_users = env_number("SCALE_OUT_BULK_USERS", 20_000.0) as usize;
    let bulk_scale = env_number("SCALE_OUT_BULK_SCALE", 1200.0);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let redis = RedisServer::start().expect("redis-server (apt-get install redis-server)");

    let shared = four_processes(&runtime, users_each, scale, Some(&redis.url()));
    let private = four_processes(&runtime, users_each, scale, None);
    print(&[shared, private], scale);

    let per_user = one_job(&runtime, bulk_users, bulk_scale, false);
    let bulk = one_job(&runtime, bulk_users, bulk_scale, true);
    let real = |calls: usize| Duration::from_secs_f64(calls as f64 / (TIER2 / 60.0));
    println!(
        "At Slack's real Tier 2 the optimum is {:.0} min one user at a time, {:.0} s with --bulk.",
        real(bulk_users).as_secs_f64() / 60.0,
        real(bulk_users.div_ceil(1000)).as_secs_f64()
    );
    print(&[per_user, bulk], bulk_scale);
}
