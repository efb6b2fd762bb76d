//! The `admin_users_session` example as a user runs it: a usage error is
//! exit status 2, exactly one line on stderr and nothing on stdout, before
//! anything is sent; with no `SLACK_TOKEN` it runs the seed's story on the
//! embedded emulator (on 127.0.0.1) and exits 0.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// What a finished run left behind.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the example with `args`. `SLACK_TOKEN` and `SLACK_API_URL` come from
/// `env` only (never from the caller's environment), so the run stays on
/// this machine.
fn run(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_admin-users-session"));
    cmd.args(args)
        .env_remove("SLACK_TOKEN")
        .env_remove("SLACK_API_URL")
        .env_remove("RUST_LOG")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the example binary starts");
    let code = wait(&mut child, Duration::from_secs(30));
    let mut stdout = String::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    Run {
        code,
        stdout,
        stderr,
    }
}

/// Waits for `child` at most `limit` (then kills it and fails). The outputs
/// are small (well under a pipe's buffer), so the child never blocks on them.
fn wait(child: &mut Child, limit: Duration) -> Option<i32> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the example still ran after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Exit status 2, one line on stderr (returned), nothing on stdout.
fn usage_error(args: &[&str], env: &[(&str, &str)]) -> String {
    let run = run(args, env);
    let context = format!("{args:?}: stdout {:?}, stderr {:?}", run.stdout, run.stderr);
    assert_eq!(run.code, Some(2), "{context}");
    assert_eq!(run.stdout, "", "{context}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{context}");
    assert!(run.stderr.ends_with('\n'), "{context}");
    lines[0].to_owned()
}

/// A token and a base URL on a closed loopback port: were anything sent,
/// the run would fail with a transport error (exit 1), not a usage error.
const LOCAL_ONLY: [(&str, &str); 2] = [
    ("SLACK_TOKEN", "xoxp-usage-test"),
    ("SLACK_API_URL", "http://127.0.0.1:9/api/"),
];

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let line = usage_error(&["reset", "--user-id", "U0BOB", "--everywhere"], &[]);
    assert!(line.contains("--everywhere"), "{line}");
    let line = usage_error(&["--verbose"], &[]);
    assert!(line.contains("--verbose"), "{line}");
    let line = usage_error(&["logout", "--user-id", "U0BOB"], &LOCAL_ONLY);
    assert!(line.contains("logout"), "{line}");
}

#[test]
fn a_missing_required_value_is_a_usage_error() {
    let line = usage_error(&["reset"], &[]);
    assert!(line.contains("--user-id"), "{line}");
    let line = usage_error(&["reset", "--user-id"], &[]);
    assert!(line.contains("--user-id"), "{line}");
    let line = usage_error(&["invalidate", "--team-id", "T0DEMO1"], &LOCAL_ONLY);
    assert!(line.contains("--session-id"), "{line}");
    let line = usage_error(
        &["invalidate", "--team-id", "T0DEMO1", "--session-id", "many"],
        &[],
    );
    assert!(line.contains("many"), "{line}");
}

#[test]
fn a_malformed_user_id_is_a_usage_error() {
    for id in ["U0 BOB", "U0BOB,U0ALICE", "", "U0BOB\u{7}"] {
        let line = usage_error(&["reset", "--user-id", id], &[]);
        assert!(line.contains("--user-id"), "{id:?}: {line}");
    }
    let long = format!("U{}", "0".repeat(64));
    usage_error(&["reset", "--user-id", &long], &LOCAL_ONLY);
}

#[test]
fn without_a_token_it_runs_the_story_on_the_embedded_emulator() {
    let run = run(&[], &[]);
    let context = format!("stdout {:?}, stderr {:?}", run.stdout, run.stderr);
    assert_eq!(run.code, Some(0), "{context}");
    assert!(
        run.stdout
            .contains("No SLACK_TOKEN: using the embedded Slack emulator at http://127.0.0.1:"),
        "{context}"
    );
    assert!(
        run.stdout
            .contains("> admin.users.session.reset user_id=U0BOB\n  ok"),
        "{context}"
    );
    assert!(
        run.stdout.contains("refused as expected: not_an_admin"),
        "{context}"
    );

    // A subcommand, on the emulator too.
    let run = self::run(&["reset", "--user-id", "U0BOB", "--web-only"], &[]);
    let context = format!("stdout {:?}, stderr {:?}", run.stdout, run.stderr);
    assert_eq!(run.code, Some(0), "{context}");
    assert!(
        run.stdout.contains("ok: web sessions of U0BOB reset"),
        "{context}"
    );
}
