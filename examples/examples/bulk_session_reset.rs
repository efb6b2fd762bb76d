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
//! **At org scale** (`--bulk`): users go to `admin.users.session.resetBulk`
//! up to 1,000 per call (`--chunk-size`), also Tier 2, so 200,000 users take
//! about 10 minutes instead of a week. `ok` means Slack queued the reset. A
//! chunk answered `failed_for_some_users` is split in halves down to the
//! users at fault, so each ID still ends reset or failed with its reason.
//!
//! **Stopping and resuming**: every outcome is appended to a journal
//! (`--journal FILE`, default `bulk_session_reset.journal` beside the
//! `--failed` file), flushed in small batches. Ctrl-C (or SIGTERM) stops taking new IDs,
//! gives calls in flight `--grace` seconds (default 10) to finish, then
//! writes the summary and the failed-IDs file (IDs not sent count as
//! `not_started`) and exits with status 130; a second Ctrl-C exits at once.
//! Run the same command again with `--resume` to skip every ID the journal
//! settles (reset, or a reason about the user such as `user_not_found`) and
//! send the rest: after a crash or `kill -9` too. Without `--resume`, a
//! journal that already holds outcomes is an error, never overwritten, and a
//! journal another running job has open is refused. Calls waiting for their
//! pacing slot count as in flight: past `--grace` they end `interrupted`
//! (the reset may or may not have happened; `--resume` sends them again).
//!
//! **Several processes, one budget** (`--redis redis://HOST:PORT/`): the
//! client's pacing state lives in Redis, shared with every other process of
//! the app pointed at it, so together they stay within Slack's tier. If
//! Redis fails, each process paces itself alone (a WARN; see
//! `slackline::ratelimit::RedisStore`). `--redis-prefix` sets the key prefix.
//!
//! `--time-scale K` runs the client's pacing K times faster: the embedded
//! emulator's default is 60; with `SLACK_TOKEN` it is 1 (real Slack) unless
//! given, for `SLACK_API_URL` pointing at an emulator started with
//! `--rate-limits scaled:K`.
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
use slackline::ratelimit::RedisStore;
use slackline::{RateLimits, SlackClient, SlackToken};
use slackline_examples::bulk::{self, JobOptions, JobReport, NOT_STARTED, Outcome, RESET};
use slackline_examples::journal::Journal;
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
    /// How much faster than Slack's clock the client paces (default: 60 for
    /// the embedded emulator, 1 with SLACK_TOKEN; match an emulator started
    /// with --rate-limits scaled:K).
    #[arg(long, value_name = "K", value_parser = positive_f64)]
    time_scale: Option<f64>,
    /// Use admin.users.session.resetBulk, up to 1,000 users per call.
    #[arg(long)]
    bulk: bool,
    /// Users per resetBulk call with --bulk.
    #[arg(long, value_name = "N", default_value_t = bulk::MAX_CHUNK as u16, value_parser = clap::value_parser!(u16).range(1..=bulk::MAX_CHUNK as i64))]
    chunk_size: u16,
    /// Where each outcome is appended as it is known (default:
    /// bulk_session_reset.journal beside the --failed file).
    #[arg(long, value_name = "FILE")]
    journal: Option<PathBuf>,
    /// Skip the IDs the journal already settles (continue a stopped job).
    #[arg(long)]
    resume: bool,
    /// Share the pacing budget through this Redis (redis://HOST:PORT/DB)
    /// with the app's other processes.
    #[arg(long, value_name = "URL")]
    redis: Option<String>,
    /// Key prefix in Redis (processes of one app must use the same one).
    #[arg(long, value_name = "PREFIX", default_value = "slackline:rl:")]
    redis_prefix: String,
    /// After Ctrl-C, how long calls in flight may take to finish.
    #[arg(long, value_name = "SECS", default_value_t = 10.0, value_parser = positive_f64)]
    grace: f64,
    /// Do not draw a progress bar.
    #[arg(long)]
    no_progress: bool,
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
pub(crate) async fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.verbose {
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::WARN)
            .with_writer(std::io::stderr)
            .init();
    }
    match run(cli).await {
        Ok(Finish::AllReset) => ExitCode::SUCCESS,
        Ok(Finish::SomeFailed) => ExitCode::FAILURE,
        Ok(Finish::Interrupted) => ExitCode::from(130),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// How a job that ran ended.
enum Finish {
    AllReset,
    SomeFailed,
    Interrupted,
}

/// Runs the job.
async fn run(cli: Cli) -> anyhow::Result<Finish> {
    let options = JobOptions {
        mobile_only: cli.mobile_only,
        web_only: cli.web_only,
        concurrency: usize::from(cli.concurrency),
        bulk: cli.bulk,
        chunk_size: usize::from(cli.chunk_size),
        grace: Duration::from_secs_f64(cli.grace),
    };
    let journal_path = cli.journal.clone().unwrap_or_else(|| {
        cli.failed
            .parent()
            .unwrap_or(Path::new(""))
            .join("bulk_session_reset.journal")
    });
    // Checked before any call: a journal of an earlier job is never overwritten.
    let journal = Journal::open(&journal_path, cli.resume)?;
    let mut limits = RateLimits::slack_tiers();
    if let Some(url) = &cli.redis {
        let store = RedisStore::builder(url.as_str())
            .prefix(cli.redis_prefix.as_str())
            .build()?;
        if !store.ping().await {
            eprintln!(
                "warning: Redis at {url} does not answer: pacing this process alone until it does"
            );
        }
        limits = limits.store(store);
    }
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
            .rate_limits(limits.time_scale(cli.time_scale.unwrap_or(1.0)))
            .build()?;
        println!("Slack at {}", client.base_url());
        let local = client.base_url().starts_with("http://127.0.0.1")
            || client.base_url().starts_with("http://localhost")
            || client.base_url().starts_with("http://[::1]");
        if cli.time_scale.is_some_and(|k| k != 1.0) && !local {
            eprintln!(
                "warning: --time-scale paces faster than Slack allows; meant for an emulator \
                 started with --rate-limits scaled:K"
            );
        }
        (client, token)
    } else {
        let scale = cli.time_scale.unwrap_or(60.0);
        let started = MockSlack::builder()
            .demo_org()
            .members(cli.demo_users)
            .rate_limits(slackline_mock::RateLimits::Scaled(scale))
            .start()
            .await
            .context("cannot start the embedded Slack emulator")?;
        let client = builder
            .base_url(started.base_url())
            .rate_limits(limits.time_scale(scale))
            .build()?;
        println!(
            "No SLACK_TOKEN: using the embedded Slack emulator at {} (demo org + {} members, \
             rate limits {}x faster than Slack's)",
            started.base_url(),
            cli.demo_users,
            scale
        );
        mock = Some(started);
        (client, SlackToken::new(demo::ADMIN_TOKEN)?)
    };

    let parsed = bulk::parse_user_ids(&text);
    if parsed.ids.is_empty() {
        bail!("no user IDs in {source}");
    }
    let total = parsed.ids.len();
    // IDs an earlier run settled are not sent again.
    let todo: Vec<String> = parsed
        .ids
        .iter()
        .filter(|id| journal.settled(id).is_none())
        .cloned()
        .collect();
    println!(
        "Resetting the {}sessions of {total} users from {source}{}{}",
        match (cli.mobile_only, cli.web_only) {
            (true, false) => "mobile ",
            (false, true) => "web ",
            _ => "",
        },
        match parsed.duplicates {
            0 => String::new(),
            1 => " (1 duplicate line skipped)".to_owned(),
            n => format!(" ({n} duplicate lines skipped)"),
        },
        if cli.bulk {
            format!(", with resetBulk, {} per call", cli.chunk_size)
        } else {
            String::new()
        }
    );
    if cli.resume {
        println!(
            "Resuming from {}: {} users settled already, {} to go",
            journal_path.display(),
            total - todo.len(),
            todo.len()
        );
    }
    println!("Journal: {}", journal_path.display());

    let bar = if cli.no_progress {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(todo.len() as u64)
    };
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

    // Ctrl-C (or SIGTERM, as a deploy sends): stop taking new IDs; a second
    // signal exits at once.
    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        stop_signal().await;
        eprintln!(
            "\nStopping: no new calls; waiting for the calls in flight (Ctrl-C again to quit now)"
        );
        let _ = stop_tx.send(true);
        stop_signal().await;
        std::process::exit(130);
    });
    let stop = async move {
        let _ = stop_rx.wait_for(|stopped| *stopped).await;
    };
    // Outcomes that arrive in a burst and then nothing for a while still
    // reach the file within the flush interval.
    let journal = std::sync::Arc::new(std::sync::Mutex::new(journal));
    let flusher = {
        let journal = std::sync::Arc::clone(&journal);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(slackline_examples::journal::FLUSH_INTERVAL);
            loop {
                tick.tick().await;
                let mut journal = journal.lock().unwrap_or_else(|p| p.into_inner());
                if journal.flush().is_err() {
                    return;
                }
            }
        })
    };

    let mut failed = 0usize;
    let mut journal_error = None;
    let fresh = bulk::run_reset_job_until(&client, &token, &todo, &options, stop, |id, outcome| {
        // Stopping leaves these unsent or unknown: the journal keeps only answers.
        let key = outcome.key();
        if key != NOT_STARTED
            && key != bulk::INTERRUPTED
            && journal_error.is_none()
            && let Err(err) = journal
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .record(id, outcome)
        {
            journal_error = Some(err);
        }
        if !outcome.is_reset() {
            failed += 1;
            bar.set_message(format!("failed: {failed}"));
        }
        bar.inc(1);
    })
    .await;
    bar.finish();
    flusher.abort();
    let _ = flusher.await;
    let mut journal = std::sync::Arc::into_inner(journal)
        .expect("the flusher is done")
        .into_inner()
        .unwrap_or_else(|p| p.into_inner());
    journal.sync()?;
    if let Some(err) = journal_error {
        return Err(err.into());
    }

    // Every input ID once: from this run, or as an earlier run settled it.
    let reset_now: Vec<String> = fresh
        .results
        .iter()
        .filter(|(_, outcome)| outcome.is_reset())
        .map(|(id, _)| id.clone())
        .collect();
    let mut fresh_outcomes: std::collections::HashMap<String, Outcome> =
        fresh.results.into_iter().collect();
    let results: Vec<(String, Outcome)> = parsed
        .ids
        .iter()
        .map(|id| {
            let outcome = fresh_outcomes
                .remove(id)
                .or_else(|| journal.settled(id).cloned())
                .expect("every ID is either settled or sent");
            (id.clone(), outcome)
        })
        .collect();
    let report = JobReport {
        results,
        elapsed: fresh.elapsed,
    };
    let interrupted = report
        .failures()
        .any(|(_, f)| f.key == NOT_STARTED || f.key == bulk::INTERRUPTED);

    print_summary(&report, total);
    if let Some(mock) = &mock {
        // Cross-check with the emulator's state: users reset by this run have no
        // sessions of the kinds reset left (a resetBulk job runs shortly after its answer).
        let (web, mobile) = match (cli.mobile_only, cli.web_only) {
            (true, false) => (false, true),
            (false, true) => (true, false),
            _ => (true, true),
        };
        let left = || {
            reset_now
                .iter()
                .filter(|id| {
                    mock.sessions(id).iter().any(|s| match s.kind {
                        SessionKind::Web => web,
                        SessionKind::Mobile => mobile,
                    })
                })
                .count()
        };
        for _ in 0..50 {
            if left() == 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        println!(
            "Emulator check: {} of {} reset users have such sessions left; {} HTTP 429 answers sent",
            left(),
            reset_now.len(),
            mock.rate_limited_count()
        );
    }

    let failed_ids = report.failed_ids();
    if failed_ids.is_empty() {
        let _ = std::fs::remove_file(&cli.failed);
        println!("All {total} users reset.");
        return Ok(Finish::AllReset);
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
    if interrupted {
        eprintln!(
            "error: stopped before the end: rerun with --resume to continue (journal {})",
            journal_path.display()
        );
        return Ok(Finish::Interrupted);
    }
    eprintln!(
        "error: {} of {total} users were not reset (IDs in {})",
        failed_ids.len(),
        cli.failed.display()
    );
    Ok(Finish::SomeFailed)
}

/// Resolves at Ctrl-C, or at SIGTERM on Unix.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
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
