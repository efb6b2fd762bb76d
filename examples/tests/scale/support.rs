//! Helpers: the emulator, child processes with bounded waits, the journal.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use slackline_mock::{MockSlack, RateLimits, demo};

pub const RESET: &str = "admin.users.session.reset";

/// The emulator, Slack's tiers enforced exactly, its clock `scale` times faster.
pub async fn emulator(members: usize, scale: f64) -> MockSlack {
    MockSlack::builder()
        .demo_org()
        .members(members)
        .rate_limits(RateLimits::Scaled(scale))
        .journal_capacity(100_000)
        .start()
        .await
        .expect("start the emulator")
}

/// Tier 2 calls per second at `scale`.
pub fn tier2_per_sec(scale: f64) -> f64 {
    20.0 * scale / 60.0
}

/// A fresh temporary directory.
pub fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "slackline-scale-{}-{name}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The `bulk_session_reset` program pointed at `mock` as real Slack would
/// be (`SLACK_TOKEN` + `SLACK_API_URL`), output to files in `dir`.
pub fn bulk_command(mock: &MockSlack, dir: &Path, tag: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bulk-session-reset"));
    cmd.env("SLACK_TOKEN", demo::ADMIN_TOKEN)
        .env("SLACK_API_URL", mock.base_url())
        .env_remove("RUST_LOG")
        .arg("--no-progress")
        .arg("--failed")
        .arg(dir.join("failed.txt"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(dir.join(format!("{tag}.out"))).unwrap())
        .stderr(std::fs::File::create(dir.join(format!("{tag}.err"))).unwrap());
    cmd
}

/// Waits for `child` at most `limit` (then kills it and fails).
pub fn wait(child: &mut Child, limit: Duration) -> ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("child still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// What a child wrote, for failure messages.
pub fn output(dir: &Path, tag: &str) -> String {
    let out = std::fs::read_to_string(dir.join(format!("{tag}.out"))).unwrap_or_default();
    let err = std::fs::read_to_string(dir.join(format!("{tag}.err"))).unwrap_or_default();
    format!("--- stdout\n{out}--- stderr\n{err}")
}

/// The journal's lines per ID: (outcome, final).
pub fn journal_lines(path: &Path) -> HashMap<String, Vec<(String, bool)>> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut lines: HashMap<String, Vec<(String, bool)>> = HashMap::new();
    for raw in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(raw) else {
            continue;
        };
        let id = v["id"].as_str().unwrap().to_owned();
        let outcome = v["outcome"].as_str().unwrap().to_owned();
        let is_final = v["final"].as_bool().unwrap_or(false);
        lines.entry(id).or_default().push((outcome, is_final));
    }
    lines
}

/// How many times each user was named in calls of `method` the emulator saw.
pub fn calls_per_user(mock: &MockSlack, method: &str) -> HashMap<String, usize> {
    let mut calls = HashMap::new();
    for entry in mock.journal().iter().filter(|e| e.method == method) {
        for (name, value) in &entry.args {
            if name == "user_id" || name == "user_ids" {
                for id in value.split(',') {
                    *calls.entry(id.to_owned()).or_insert(0) += 1;
                }
            }
        }
    }
    calls
}
