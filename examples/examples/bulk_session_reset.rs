//! Log many users out at once (a security incident): `admin.users.session.reset`
//! for every user ID of a list, as fast as Slack's Tier 2 limit allows.
//!
//! ```text
//! cargo run -p slackline-examples --example bulk_session_reset
//! cargo run -p slackline-examples --example bulk_session_reset -- --input users.txt --web-only
//! some-command | cargo run -p slackline-examples --example bulk_session_reset -- --input -
//! SLACK_TOKEN=xoxp-... cargo run -p slackline-examples --example bulk_session_reset -- --input users.txt
//! ```
//!
//! Input: one user ID per line, from `--input FILE` or standard input
//! (`--input -`); surrounding whitespace is trimmed, blank lines and lines
//! starting with `#` are skipped, and an ID listed twice is reset once.
//! The file may also be given as a plain argument. Without one, IDs piped on
//! standard input are read; in emulator mode, with nothing piped, the
//! built-in demo list is used.
//!
//! The calls run concurrently (`--concurrency`, default 100, which is also the
//! client's in-flight cap); the client paces them by Slack's tier for the
//! method (Tier 2: 20 per minute per workspace, after a small burst) and
//! retries 429s, 5xx answers, timeouts and dropped connections by its retry
//! policy, so the job runs at Slack's rate without collecting 429s.
//!
//! At the end it prints how many users ended in each outcome (`reset`, or the
//! reason: a Slack error code such as `user_not_found`, `transport/timeout`,
//! `http_503`, ...); the counts add up to the number of unique IDs. The IDs of
//! users not reset are written, one per line, to `--failed FILE` (default
//! `failed_user_ids.txt`, written only when something failed), ready to be
//! given back as `--input`.
//!
//! Exit status: 0 when every user was reset, 1 when any was not (or the job
//! could not run; one `error:` line on stderr), 2 for usage errors.
//!
//! **Without `SLACK_TOKEN`** it starts the embedded Slack emulator: the demo
//! org plus `--demo-users N` members (`U00000001`...), with Slack's rate limits
//! running `--time-scale K` times faster (default 60: Tier 2 becomes 20 calls a
//! second) and the client paced at the same scale. Given no input there, it
//! resets a built-in list: the N members and the demo users `U0ALICE`,
//! `U0BOB` and `U0CAROL`. With `--demo-failures` the list also holds users
//! that cannot be reset, to show failures being reported: the primary owner
//! `U0OWNER` (`cannot_reset_primary_owner`), the bot `B0BOT`
//! (`cannot_reset_bot`), two unknown IDs (`user_not_found`), one malformed ID
//! (`invalid_id`, never sent) and one duplicate line; that run ends with exit
//! status 1 and a `failed_user_ids.txt`.
//!
//! **With `SLACK_TOKEN`** it talks to `SLACK_API_URL` (default
//! `https://slack.com/api/`) at Slack's real tiers.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::Parser;
use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use slackline::{RateLimits, SlackClient, SlackToken};
use slackline_examples::bulk::{self, JobOptions, JobReport, RESET};
use slackline_mock::{MockSlack, SessionKind, demo, member_id};

#[derive(Parser, Debug)]
#[command(about = "Reset the sessions of many Slack users at once (Enterprise Grid admin).")]
struct Cli {
    /// File of user IDs, one per line ("-": standard input). Default: standard
    /// input, or in emulator mode a built-in demo list.
    #[arg(long, short, value_name = "FILE")]
    input: Option<PathBuf>,
    /// The same as `--input FILE`, given as a plain argument.
    #[arg(value_name = "FILE", conflicts_with = "input")]
    file: Option<PathBuf>,
    /// Only expire mobile sessions.
    #[arg(long)]
    mobile_only: bool,
    /// Only expire web sessions.
    #[arg(long)]
    web_only: bool,
    /// Calls in flight at once (the client paces them by Slack's tier).
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(1..))]
    concurrency: u16,
    /// Where the IDs of users not reset are written (only when there are some).
    #[arg(long, value_name = "FILE", default_value = "failed_user_ids.txt")]
    failed: PathBuf,
    /// Timeout of one call attempt, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30.0, value_parser = positive_f64)]
    timeout: f64,
    /// Emulator mode: regular members to seed (U00000001...).
    #[arg(long, value_name = "N", default_value_t = 200)]
    demo_users: usize,
    /// Emulator mode: how much faster than Slack's clock the rate limits run.
    #[arg(long, value_name = "K", default_value_t = 60.0, value_parser = positive_f64)]
    time_scale: f64,
    /// Emulator mode: add users that cannot be reset to the built-in demo list
    /// (the primary owner, a bot, unknown and malformed IDs), to show how
    /// failures are reported.
    #[arg(long)]
    demo_failures: bool,
    /// Log every retry (rate limits, 5xx, timeouts) on stderr.
    #[arg(long, short)]
    verbose: bool,
}

fn positive_f64(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("expected a positive number, got {text:?}")),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.verbose {
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::WARN)
            .with_writer(std::io::stderr)
            .init();
    }
    match run(cli).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the job; `Ok(true)` when every user was reset.
async fn run(cli: Cli) -> anyhow::Result<bool> {
    let options = JobOptions {
        mobile_only: cli.mobile_only,
        web_only: cli.web_only,
        concurrency: usize::from(cli.concurrency),
    };
    let builder = SlackClient::builder()
        .timeout(Duration::from_secs_f64(cli.timeout))
        .max_in_flight(options.concurrency)
        .user_agent_suffix("bulk_session_reset");

    let real_slack = slackline_examples::slack_token_set();
    let (text, source) = match cli.input.as_ref().or(cli.file.as_ref()) {
        Some(path) => read_input(path)?,
        None if real_slack && !std::io::stdin().is_terminal() => read_input(Path::new("-"))?,
        None if real_slack => {
            bail!("give the user IDs with --input FILE (or pipe them on standard input)")
        }
        None => match piped_stdin(Duration::from_secs(2)) {
            Some(text) if !bulk::parse_user_ids(&text).ids.is_empty() => {
                (text, "standard input".to_owned())
            }
            _ => (
                demo_input(cli.demo_users, cli.demo_failures),
                "the built-in demo list".to_owned(),
            ),
        },
    };

    // The emulator, in emulator mode: kept running until the job is done.
    let mut mock: Option<MockSlack> = None;
    let (client, token) = if real_slack {
        let token = SlackToken::from_env("SLACK_TOKEN")?;
        let client = builder
            .base_url_from_env()
            .rate_limits(RateLimits::slack_tiers())
            .build()?;
        println!("Slack at {}", client.base_url());
        (client, token)
    } else {
        let started = MockSlack::builder()
            .demo_org()
            .members(cli.demo_users)
            .rate_limits(slackline_mock::RateLimits::Scaled(cli.time_scale))
            .start()
            .await
            .context("cannot start the embedded Slack emulator")?;
        let client = builder
            .base_url(started.base_url())
            .rate_limits(RateLimits::slack_tiers().time_scale(cli.time_scale))
            .build()?;
        println!(
            "No SLACK_TOKEN: using the embedded Slack emulator at {} (demo org + {} members, \
             rate limits {}x faster than Slack's)",
            started.base_url(),
            cli.demo_users,
            cli.time_scale
        );
        mock = Some(started);
        (client, SlackToken::new(demo::ADMIN_TOKEN)?)
    };

    let parsed = bulk::parse_user_ids(&text);
    if parsed.ids.is_empty() {
        bail!("no user IDs in {source}");
    }
    let total = parsed.ids.len();
    println!(
        "Resetting the {}sessions of {total} users from {source}{}",
        match (cli.mobile_only, cli.web_only) {
            (true, false) => "mobile ",
            (false, true) => "web ",
            _ => "",
        },
        match parsed.duplicates {
            0 => String::new(),
            1 => " (1 duplicate line skipped)".to_owned(),
            n => format!(" ({n} duplicate lines skipped)"),
        }
    );

    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} {rate} ETA {eta} {msg}",
        )
        .expect("valid progress template")
        .with_key(
            "rate",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.1}/s", state.per_sec());
            },
        ),
    );
    bar.set_message("failed: 0");
    bar.enable_steady_tick(Duration::from_millis(200));
    let mut failed = 0usize;
    let report = bulk::run_reset_job(&client, &token, &parsed.ids, &options, |_, outcome| {
        if !outcome.is_reset() {
            failed += 1;
            bar.set_message(format!("failed: {failed}"));
        }
        bar.inc(1);
    })
    .await;
    bar.finish();

    print_summary(&report, total);
    if let Some(mock) = &mock {
        // Cross-check with the emulator's state: reset users have no sessions
        // of the kinds reset left.
        let (web, mobile) = match (cli.mobile_only, cli.web_only) {
            (true, false) => (false, true),
            (false, true) => (true, false),
            _ => (true, true),
        };
        let left = report
            .results
            .iter()
            .filter(|(id, outcome)| {
                outcome.is_reset()
                    && mock.sessions(id).iter().any(|s| match s.kind {
                        SessionKind::Web => web,
                        SessionKind::Mobile => mobile,
                    })
            })
            .count();
        println!(
            "Emulator check: {} of {} reset users have such sessions left; {} HTTP 429 answers sent",
            left,
            report.reset_count(),
            mock.rate_limited_count()
        );
    }

    let failed_ids = report.failed_ids();
    if failed_ids.is_empty() {
        println!("All {total} users reset.");
        return Ok(true);
    }
    let mut contents = failed_ids.join("\n");
    contents.push('\n');
    std::fs::write(&cli.failed, contents)
        .with_context(|| format!("cannot write the failed IDs to {}", cli.failed.display()))?;
    println!(
        "Failed IDs ({}) written to {}",
        failed_ids.len(),
        cli.failed.display()
    );
    eprintln!(
        "error: {} of {total} users were not reset (IDs in {})",
        failed_ids.len(),
        cli.failed.display()
    );
    Ok(false)
}

/// The input text and a description of where it came from.
fn read_input(path: &Path) -> anyhow::Result<(String, String)> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
        Ok((text, "standard input".to_owned()))
    } else {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Ok((text, path.display().to_string()))
    }
}

/// Standard input, when IDs are piped in: read only if it is not a terminal
/// and ends within `grace` (an idle pipe that never closes must not hang the
/// demo; then the built-in list is used).
fn piped_stdin(grace: Duration) -> Option<String> {
    if std::io::stdin().is_terminal() {
        return None;
    }
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        let read = std::io::stdin().read_to_string(&mut text);
        let _ = sender.send(read.ok().map(|_| text));
    });
    receiver.recv_timeout(grace).ok().flatten()
}

/// The built-in emulator demo list (see the module documentation).
fn demo_input(members: usize, with_failures: bool) -> String {
    let mut lines = vec!["# built-in demo list".to_owned()];
    lines.extend((1..=members).map(member_id));
    lines.extend([demo::ALICE_ID, demo::BOB_ID, demo::CAROL_ID].map(str::to_owned));
    if with_failures {
        lines.extend([demo::OWNER_ID, demo::BOT_ID].map(str::to_owned));
        lines.push("U0NOSUCH1".to_owned());
        lines.push("  U0NOSUCH2  ".to_owned());
        lines.push("not a user id".to_owned());
        lines.push(demo::ALICE_ID.to_owned()); // a duplicate: reset once
    }
    lines.join("\n")
}

fn print_summary(report: &JobReport, total: usize) {
    let counts = report.counts();
    let mut rows: Vec<(&String, &usize)> = counts.iter().collect();
    // `reset` first, then the failures, most frequent first.
    rows.sort_by_key(|(key, n)| (key.as_str() != RESET, std::cmp::Reverse(**n)));
    let width = rows
        .iter()
        .map(|(key, _)| key.len())
        .max()
        .unwrap_or(0)
        .max(5);
    println!("\nSummary ({:.1} s):", report.elapsed.as_secs_f64());
    for (key, n) in &rows {
        println!("  {key:<width$}  {n:>7}");
    }
    let sum: usize = counts.values().sum();
    println!(
        "  {:<width$}  {sum:>7}  (= {total} unique user IDs)",
        "total"
    );
    assert_eq!(sum, total, "every user ID is accounted for");

    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    let failures: Vec<_> = report.failures().collect();
    if !failures.is_empty() {
        println!("Failures (up to 3 per reason):");
        for (id, failure) in failures {
            let seen = shown.entry(failure.key.as_str()).or_insert(0);
            *seen += 1;
            if *seen <= 3 {
                println!("  {id}: {failure}");
            }
        }
    }
}
