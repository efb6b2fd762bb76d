//! A bulk job killed at a random point (`kill -9`) or stopped with Ctrl-C,
//! then resumed: every ID ends reset or reported, exactly once.

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

use slackline_mock::{MockSlack, demo, member_id};

use crate::support::{bulk_command, emulator, journal_lines, output, temp_dir, wait};

/// Users that cannot be reset, and why.
const BAD: &[(&str, &str)] = &[
    (demo::OWNER_ID, "cannot_reset_primary_owner"),
    (demo::BOT_ID, "cannot_reset_bot"),
    ("U0NOSUCH1", "user_not_found"),
    ("not-an-id!", "invalid_id"),
];

/// The input: `members` members with the bad users spread among them.
fn write_input(dir: &Path, members: usize) -> (String, Vec<String>) {
    let mut ids: Vec<String> = (1..=members).map(member_id).collect();
    for (i, (id, _)) in BAD.iter().enumerate() {
        ids.insert((i + 1) * members / (BAD.len() + 1), (*id).to_owned());
    }
    let path = dir.join("ids.txt");
    std::fs::write(&path, ids.join("\n")).unwrap();
    (path.to_str().unwrap().to_owned(), ids)
}

/// Lines in the journal (read while the job writes it).
fn journal_len(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .map(|t| t.lines().count())
        .unwrap_or(0)
}

/// After the resumed run: each ID settled once in the journal, each bad ID
/// reported once with its reason, every member's sessions gone.
async fn assert_every_id_once(mock: &MockSlack, dir: &Path, ids: &[String], members: usize) {
    let journal = journal_lines(&dir.join("job.journal"));
    for id in ids {
        let settled = journal
            .get(id)
            .map_or(0, |lines| lines.iter().filter(|(_, f)| *f).count());
        assert_eq!(settled, 1, "{id}: {:?}", journal.get(id));
    }
    for (id, reason) in BAD {
        let lines = &journal[*id];
        assert_eq!(&lines.last().unwrap().0, reason, "{id}");
    }
    let failed = std::fs::read_to_string(dir.join("failed.txt")).unwrap();
    let failed: Vec<&str> = failed.lines().collect();
    let unique: HashSet<&str> = failed.iter().copied().collect();
    assert_eq!(unique.len(), failed.len(), "an ID reported twice");
    let expected: HashSet<&str> = BAD.iter().map(|(id, _)| *id).collect();
    assert_eq!(unique, expected);
    // resetBulk jobs run shortly after their answer.
    let started = Instant::now();
    let left = || {
        (1..=members)
            .filter(|&i| !mock.sessions(&member_id(i)).is_empty())
            .count()
    };
    while left() > 0 && started.elapsed() < Duration::from_secs(3) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(left(), 0, "members with sessions left");
    let _ = std::fs::remove_dir_all(dir);
}

/// Kills the job with SIGKILL once it has journaled `after` outcomes and a
/// random moment more, then resumes it.
async fn kill_and_resume(args: &[&str], members: usize, scale: f64, after: usize) {
    let mock = emulator(members, scale).await;
    let dir = temp_dir("kill");
    let (input, ids) = write_input(&dir, members);
    let journal = dir.join("job.journal");
    let scale = scale.to_string();
    let mut common = vec![
        "--input",
        &input,
        "--journal",
        journal.to_str().unwrap(),
        "--time-scale",
        &scale,
    ];
    common.extend_from_slice(args);

    let mut child = bulk_command(&mock, &dir, "first", &common).spawn().unwrap();
    let started = Instant::now();
    while journal_len(&journal) < after {
        assert!(
            child.try_wait().unwrap().is_none(),
            "finished before the kill\n{}",
            output(&dir, "first")
        );
        assert!(started.elapsed() < Duration::from_secs(30), "no progress");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    tokio::time::sleep(Duration::from_millis(fastrand::u64(0..200))).await;
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let settled_at_kill = journal_lines(&journal).len();
    assert!(
        settled_at_kill < ids.len(),
        "the kill came after the end ({settled_at_kill})"
    );

    let mut resumed = vec!["--resume"];
    resumed.extend_from_slice(&common);
    let mut child = bulk_command(&mock, &dir, "second", &resumed)
        .spawn()
        .unwrap();
    let status = tokio::task::block_in_place(|| wait(&mut child, Duration::from_secs(60)));
    let out = output(&dir, "second");
    assert_eq!(status.code(), Some(1), "some users cannot be reset\n{out}");
    assert!(out.contains("settled already"), "{out}");
    assert!(
        out.contains(&format!("= {} unique user IDs", ids.len())),
        "{out}"
    );
    assert_every_id_once(&mock, &dir, &ids, members).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn per_user_job_killed_at_random_then_resumed() {
    // Tier 2 at 600x: 200 calls a second, 400 users in about 2 s, paced
    // through Redis: the slots the killed process booked stay booked.
    let server = slackline_examples::redis_server::RedisServer::start()
        .expect("redis-server (apt-get install redis-server)");
    let url = server.url();
    kill_and_resume(&["--redis", &url], 400, 600.0, 40).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_job_killed_at_random_then_resumed() {
    // Chunks of 10 at 60x (20 calls a second): 60 calls, bisections included.
    kill_and_resume(&["--bulk", "--chunk-size", "10"], 600, 60.0, 20).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_stops_cleanly_and_resume_finishes() {
    let members = 400;
    let mock = emulator(members, 300.0).await;
    let dir = temp_dir("sigint");
    let (input, ids) = write_input(&dir, members);
    let journal = dir.join("job.journal");
    let common = [
        "--input",
        &input,
        "--journal",
        journal.to_str().unwrap(),
        "--time-scale",
        "300",
        "--grace",
        "5",
    ];
    let mut child = bulk_command(&mock, &dir, "first", &common).spawn().unwrap();
    let started = Instant::now();
    while journal_len(&journal) < 40 {
        assert!(started.elapsed() < Duration::from_secs(30), "no progress");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = tokio::task::block_in_place(|| wait(&mut child, Duration::from_secs(10)));
    let out = output(&dir, "first");
    assert_eq!(status.code(), Some(130), "{out}");
    assert!(out.contains("not_started"), "{out}");
    assert!(out.contains("--resume"), "{out}");
    // The failed-IDs file holds every ID not reset, once.
    let failed = std::fs::read_to_string(dir.join("failed.txt")).unwrap();
    let failed: HashSet<&str> = failed.lines().collect();
    let reset = ids.len() - failed.len();
    assert!(reset >= 40 && !failed.is_empty(), "{reset} reset\n{out}");

    let mut resumed = vec!["--resume"];
    resumed.extend_from_slice(&common);
    let mut child = bulk_command(&mock, &dir, "second", &resumed)
        .spawn()
        .unwrap();
    let status = tokio::task::block_in_place(|| wait(&mut child, Duration::from_secs(60)));
    assert_eq!(status.code(), Some(1), "{}", output(&dir, "second"));
    assert_every_id_once(&mock, &dir, &ids, members).await;
}

#[tokio::test]
async fn bulk_isolates_bad_users_with_few_calls() {
    use slackline::{RateLimits, SlackClient, SlackToken};
    use slackline_examples::bulk::{JobOptions, run_reset_job};

    let members = 2000;
    let mock = emulator(members, 6000.0).await;
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::slack_tiers().time_scale(6000.0))
        .build()
        .unwrap();
    let token = SlackToken::new(demo::ADMIN_TOKEN).unwrap();
    let (_, ids) = write_input(&temp_dir("bisect"), members);
    let options = JobOptions {
        bulk: true,
        ..JobOptions::default()
    };
    let report = run_reset_job(&client, &token, &ids, &options, |_, _| {}).await;
    assert_eq!(report.reset_count(), members);
    for (id, reason) in BAD {
        let (_, outcome) = report.results.iter().find(|(i, _)| i == id).unwrap();
        assert_eq!(outcome.key(), *reason, "{id}");
    }
    // 3 chunks hold the 3 bad IDs that are sent (the malformed one is not):
    // 3 chunk calls + 3 × (2 per level × ~10 levels) bisection calls at most,
    // against 2,003 calls one user at a time.
    let calls = mock
        .journal()
        .iter()
        .filter(|e| e.method == "admin.users.session.resetBulk")
        .count();
    assert!(calls <= 3 + 3 * 2 * 10, "{calls} resetBulk calls");
    assert!(calls >= 3 + 3 * 2, "{calls} resetBulk calls");
}

#[tokio::test]
async fn bulk_does_not_split_a_refusal_of_the_whole_org() {
    use slackline::{RateLimits, SlackClient, SlackToken};
    use slackline_examples::bulk::{JobOptions, run_reset_job};

    let members = 64;
    let mock = emulator(members, 6000.0).await;
    // The org forbids session resets: every chunk gets the same answer, whoever is in it.
    mock.respond_with(
        "admin.users.session.resetBulk",
        serde_json::json!({"ok": false, "error": "session_reset_not_allowed"}),
    );
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::slack_tiers().time_scale(6000.0))
        .build()
        .unwrap();
    let token = SlackToken::new(demo::ADMIN_TOKEN).unwrap();
    let (_, ids) = write_input(&temp_dir("org-refusal"), members);
    let options = JobOptions {
        bulk: true,
        ..JobOptions::default()
    };
    let report = run_reset_job(&client, &token, &ids, &options, |_, _| {}).await;
    assert_eq!(report.reset_count(), 0);
    let refused = report
        .results
        .iter()
        .filter(|(_, outcome)| outcome.key() == "session_reset_not_allowed")
        .count();
    // Every sent ID is reported with the org's refusal (the malformed one never is sent),
    // after one call: splitting the chunk could only repeat the same answer.
    assert_eq!(refused, ids.len() - 1);
    assert_eq!(mock.method_count("admin.users.session.resetBulk"), 1);
    // Not a fact about the users: a resumed job tries them again.
    assert!(
        report
            .results
            .iter()
            .filter(|(_, outcome)| outcome.key() == "session_reset_not_allowed")
            .all(|(_, outcome)| !outcome.is_final())
    );
}
