//! Bulk session reset: log many users out at once, as fast as Slack allows,
//! losing nobody and saying exactly what failed.
//!
//! The scheduling is the client's: every call waits for its turn in the
//! client's per-(method, workspace) pacing bucket, at most `concurrency`
//! calls are in flight, and failures are retried by the client's
//! [`RetryPolicy`](slackline::RetryPolicy). This module only feeds the calls
//! and keeps one [`Outcome`] per user ID.
//!
//! One user per `admin.users.session.reset` call by default; with
//! [`JobOptions::bulk`], up to 1,000 per `admin.users.session.resetBulk`
//! call, isolating the users at fault by bisection
//! ([`run_reset_job_until`]). A job can be stopped midway (Ctrl-C) and, with
//! [`crate::journal`], resumed after a stop or a crash.
//!
//! ```no_run
//! use slackline::{SlackClient, SlackToken};
//! use slackline_examples::bulk::{JobOptions, parse_user_ids, run_reset_job};
//! # async fn run() -> Result<(), slackline::SlackError> {
//! let input = parse_user_ids("U0123\n# a comment\nU0456\nU0123\n");
//! assert_eq!(input.ids, ["U0123", "U0456"]);
//! let client = SlackClient::new();
//! let token = SlackToken::from_env("SLACK_TOKEN")?;
//! let report = run_reset_job(&client, &token, &input.ids, &JobOptions::default(), |_, _| {}).await;
//! for (key, n) in report.counts() {
//!     println!("{key}: {n}");
//! }
//! # Ok(()) }
//! ```

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::fmt;
use std::future::Future;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use slackline::{AdminUsersSessionApi, SlackClient, SlackError, SlackToken};

/// The user IDs of an input, deduplicated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedIds {
    /// Unique IDs in first-seen order.
    pub ids: Vec<String>,
    /// Lines that repeated an ID already seen (each ID is reset once).
    pub duplicates: usize,
}

/// Reads user IDs, one per line: surrounding whitespace is trimmed, blank
/// lines and lines starting with `#` are skipped, and a repeated ID is kept
/// once, at its first position.
pub fn parse_user_ids(text: &str) -> ParsedIds {
    let mut seen = HashSet::new();
    let mut parsed = ParsedIds::default();
    for line in text.lines() {
        let id = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if id.is_empty() || id.starts_with('#') {
            continue;
        }
        if seen.insert(id) {
            parsed.ids.push(id.to_owned());
        } else {
            parsed.duplicates += 1;
        }
    }
    parsed
}

/// Why an ID cannot be a Slack user ID (the bulk job then reports it as
/// failed with [`INVALID_ID`] and never sends it), or `None` if it looks
/// like one.
pub fn invalid_id(id: &str) -> Option<&'static str> {
    if id.len() > 64 {
        Some("longer than 64 characters")
    } else if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        Some("Slack user IDs are letters and digits, e.g. U0123ABCD")
    } else {
        None
    }
}

/// The outcome key of IDs rejected before sending.
pub const INVALID_ID: &str = "invalid_id";
/// The outcome key of users whose sessions were reset (with `--bulk`: whose
/// reset job Slack queued).
pub const RESET: &str = "reset";
/// The outcome key of IDs not sent because the job was stopped.
pub const NOT_STARTED: &str = "not_started";
/// The outcome key of calls still in flight when a stopped job's grace
/// period ended (the reset may have happened).
pub const INTERRUPTED: &str = "interrupted";
/// Slack's answer to a `resetBulk` call naming some users that cannot be reset.
pub const FAILED_FOR_SOME_USERS: &str = "failed_for_some_users";
/// Most user IDs one `admin.users.session.resetBulk` call takes.
pub const MAX_CHUNK: usize = 1000;

/// Failure keys that are facts about the user, not about this run: an ID
/// that ended with one of them is not tried again by a resumed job. Refusals
/// of the whole org (`session_reset_not_allowed`, `restricted_action`) are
/// not: a resumed job tries again, once an admin has changed the policy.
const FINAL_FAILURES: &[&str] = &[
    INVALID_ID,
    "user_not_found",
    "cannot_reset_bot",
    "cannot_reset_primary_owner",
    FAILED_FOR_SOME_USERS,
];

/// `resetBulk` answers that blame some users of a chunk: the chunk is split to
/// find them. Any other failure is the same for every user of the chunk.
const PER_USER_FAILURES: &[&str] = &[
    FAILED_FOR_SOME_USERS,
    "user_not_found",
    "cannot_reset_bot",
    "cannot_reset_primary_owner",
];

/// What happened to one user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Slack answered `ok: true`: the user's sessions are gone.
    Reset,
    /// The user was not (or not knowingly) reset.
    Failed(Failure),
}

impl Outcome {
    /// The key this outcome is counted under: `reset`, a Slack error code
    /// (`user_not_found`), `transport/<kind>` (`transport/timeout`),
    /// `http_<status>`, `decode`, `ratelimited`, `invalid_id`, ...
    pub fn key(&self) -> &str {
        match self {
            Outcome::Reset => RESET,
            Outcome::Failed(failure) => &failure.key,
        }
    }

    /// Whether the user was reset.
    pub fn is_reset(&self) -> bool {
        matches!(self, Outcome::Reset)
    }

    /// Whether this outcome settles the ID for good: reset, or a failure that
    /// is a fact about the user (`user_not_found`, `cannot_reset_bot`,
    /// `invalid_id`, ...). Transient failures (`ratelimited`, timeouts,
    /// 5xx, `not_started`, ...) do not: a resumed job tries those IDs again.
    pub fn is_final(&self) -> bool {
        match self {
            Outcome::Reset => true,
            Outcome::Failed(failure) => FINAL_FAILURES.contains(&failure.key.as_str()),
        }
    }
}

/// Why a user was not reset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The summary key (see [`Outcome::key`]).
    pub key: String,
    /// The full error message (never contains the token).
    pub message: String,
    /// Whether the request may have reached Slack (a timeout or a closed
    /// connection after sending): the reset may then have happened anyway.
    pub maybe_applied: bool,
}

impl Failure {
    /// The failure a [`SlackError`] stands for.
    pub fn from_error(err: &SlackError) -> Failure {
        // `SlackError::kind` names every failure; transport kinds get a
        // prefix so that `timeout` reads as what it is in a summary.
        let key = match err {
            SlackError::Transport { kind, .. } => format!("transport/{kind}"),
            other => other.kind(),
        };
        let maybe_applied = match err {
            SlackError::Transport { kind, .. } => !kind.before_send(),
            SlackError::Http { status, .. } => *status >= 500,
            SlackError::Decode { .. } => true,
            _ => false,
        };
        Failure {
            key,
            message: err.to_string(),
            maybe_applied,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if self.maybe_applied {
            f.write_str(" (the request may have reached Slack)")?;
        }
        Ok(())
    }
}

/// How the job calls `admin.users.session.reset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobOptions {
    /// Expire only mobile sessions.
    pub mobile_only: bool,
    /// Expire only web sessions.
    pub web_only: bool,
    /// Calls started at once (the client's in-flight cap bounds them too;
    /// the client's pacing decides when each one is sent). Default 100.
    pub concurrency: usize,
    /// Use `admin.users.session.resetBulk`, `chunk_size` users per call,
    /// instead of one `admin.users.session.reset` per user.
    pub bulk: bool,
    /// Users per `resetBulk` call (1..=1000; default 1000).
    pub chunk_size: usize,
    /// Once the job is told to stop, how long calls in flight may take to
    /// finish (default 10 s); those still running then are `interrupted`.
    pub grace: Duration,
}

impl Default for JobOptions {
    fn default() -> Self {
        JobOptions {
            mobile_only: false,
            web_only: false,
            concurrency: 100,
            bulk: false,
            chunk_size: MAX_CHUNK,
            grace: Duration::from_secs(10),
        }
    }
}

/// The outcome of every input ID.
#[derive(Debug, Clone)]
pub struct JobReport {
    /// One entry per input ID, in input order.
    pub results: Vec<(String, Outcome)>,
    /// Wall-clock time of the job.
    pub elapsed: Duration,
}

impl JobReport {
    /// Users per outcome key (`reset`, `user_not_found`, ...), sorted by key.
    pub fn counts(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for (_, outcome) in &self.results {
            *counts.entry(outcome.key().to_owned()).or_insert(0) += 1;
        }
        counts
    }

    /// How many users were reset.
    pub fn reset_count(&self) -> usize {
        self.results.iter().filter(|(_, o)| o.is_reset()).count()
    }

    /// The users that were not reset, with why, in input order.
    pub fn failures(&self) -> impl Iterator<Item = (&str, &Failure)> {
        self.results
            .iter()
            .filter_map(|(id, outcome)| match outcome {
                Outcome::Failed(failure) => Some((id.as_str(), failure)),
                Outcome::Reset => None,
            })
    }

    /// The IDs of the users not reset, in input order.
    pub fn failed_ids(&self) -> Vec<&str> {
        self.failures().map(|(id, _)| id).collect()
    }
}

/// Resets the sessions of every user in `ids` (which should be unique, see
/// [`parse_user_ids`]) and returns one outcome per ID, in input order.
///
/// `on_done` is called once per ID as soon as its outcome is known (for
/// progress reporting). Calls run concurrently, `options.concurrency` at a
/// time; the client's pacing and retry policy decide when each is sent and
/// whether a failure is retried.
pub async fn run_reset_job<F>(
    client: &SlackClient,
    token: &SlackToken,
    ids: &[String],
    options: &JobOptions,
    on_done: F,
) -> JobReport
where
    F: FnMut(&str, &Outcome),
{
    run_reset_job_until(
        client,
        token,
        ids,
        options,
        std::future::pending::<()>(),
        on_done,
    )
    .await
}

/// What one unit of work (one user, or one chunk of users) came to.
enum UnitResult {
    Settled(Vec<(usize, Outcome)>),
    /// `resetBulk` named some users at fault: try each half on its own.
    Split(Vec<usize>, Vec<usize>),
}

/// [`run_reset_job`] that stops taking new IDs once `stop` completes (e.g.
/// on Ctrl-C): calls in flight get `options.grace` to finish, those still
/// running then end [`INTERRUPTED`], and IDs never sent end [`NOT_STARTED`].
///
/// With `options.bulk`, users go `options.chunk_size` at a time to
/// `admin.users.session.resetBulk`. A chunk answered `failed_for_some_users`
/// (or one user's reason) is split in halves, each tried again, down to the
/// single users at fault: `k` bad users in a chunk of `n` cost about
/// `2k·log2(n/k)` extra calls instead of `n`, and every ID still ends reset
/// or failed with its own reason.
///
/// # Panics
/// Never in practice: it asserts that every ID got exactly one outcome.
pub async fn run_reset_job_until<F, S>(
    client: &SlackClient,
    token: &SlackToken,
    ids: &[String],
    options: &JobOptions,
    stop: S,
    mut on_done: F,
) -> JobReport
where
    F: FnMut(&str, &Outcome),
    S: Future<Output = ()>,
{
    let started = Instant::now();
    let mut outcomes: Vec<Option<Outcome>> = vec![None; ids.len()];
    let mut settle = |index: usize, outcome: Outcome, outcomes: &mut Vec<Option<Outcome>>| {
        on_done(&ids[index], &outcome);
        let previous = outcomes[index].replace(outcome);
        assert!(previous.is_none(), "user {} got two outcomes", ids[index]);
    };

    // Malformed IDs are never sent; the rest are queued, one per unit or in chunks.
    let mut valid = Vec::with_capacity(ids.len());
    for (index, id) in ids.iter().enumerate() {
        match invalid_id(id) {
            Some(why) => settle(
                index,
                Outcome::Failed(Failure {
                    key: INVALID_ID.to_owned(),
                    message: format!("not sent: {id:?} is not a user ID ({why})"),
                    maybe_applied: false,
                }),
                &mut outcomes,
            ),
            None => valid.push(index),
        }
    }
    let chunk = if options.bulk {
        options.chunk_size.clamp(1, MAX_CHUNK)
    } else {
        1
    };
    let mut queue: VecDeque<Vec<usize>> = valid.chunks(chunk).map(<[usize]>::to_vec).collect();

    let call = |unit: Vec<usize>| async move {
        let result = if options.bulk {
            reset_chunk(client, token, ids, options, unit.clone()).await
        } else {
            let index = unit[0];
            let outcome = match client
                .admin_users_session_reset(
                    token,
                    &ids[index],
                    options.mobile_only.then_some(true),
                    options.web_only.then_some(true),
                )
                .await
            {
                Ok(_) => Outcome::Reset,
                Err(err) => Outcome::Failed(Failure::from_error(&err)),
            };
            UnitResult::Settled(vec![(index, outcome)])
        };
        (unit, result)
    };

    let mut running = FuturesUnordered::new();
    let mut in_flight: Vec<Vec<usize>> = Vec::new();
    let stop = std::pin::pin!(stop);
    let mut stop = Some(stop);
    let mut deadline: Option<tokio::time::Instant> = None;
    loop {
        if deadline.is_none() {
            while running.len() < options.concurrency.max(1) {
                let Some(unit) = queue.pop_front() else { break };
                in_flight.push(unit.clone());
                running.push(call(unit));
            }
        }
        if running.is_empty() {
            break;
        }
        let next = tokio::select! {
            next = running.next() => next,
            () = async { stop.as_mut().expect("polled only while set").await }, if stop.is_some() => {
                stop = None;
                deadline = Some(tokio::time::Instant::now() + options.grace);
                continue;
            }
            () = tokio::time::sleep_until(deadline.unwrap_or_else(tokio::time::Instant::now)), if deadline.is_some() => break,
        };
        let Some((unit, result)) = next else { break };
        in_flight.retain(|u| *u != unit);
        match result {
            UnitResult::Settled(settled) => {
                for (index, outcome) in settled {
                    settle(index, outcome, &mut outcomes);
                }
            }
            UnitResult::Split(left, right) => {
                queue.push_front(right);
                queue.push_front(left);
            }
        }
    }
    drop(running);
    for unit in in_flight {
        for index in unit {
            let failure = Failure {
                key: INTERRUPTED.to_owned(),
                message: "stopped while the call was in flight".to_owned(),
                maybe_applied: true,
            };
            settle(index, Outcome::Failed(failure), &mut outcomes);
        }
    }
    for unit in queue {
        for index in unit {
            let failure = Failure {
                key: NOT_STARTED.to_owned(),
                message: "not sent: the job was stopped".to_owned(),
                maybe_applied: false,
            };
            settle(index, Outcome::Failed(failure), &mut outcomes);
        }
    }

    let results: Vec<(String, Outcome)> = ids
        .iter()
        .zip(outcomes)
        .map(|(id, outcome)| {
            let outcome = outcome.unwrap_or_else(|| panic!("user {id} got no outcome"));
            (id.clone(), outcome)
        })
        .collect();
    JobReport {
        results,
        elapsed: started.elapsed(),
    }
}

/// One `resetBulk` call for the users `unit`; a chunk with users at fault is
/// split (see [`run_reset_job_until`]).
async fn reset_chunk(
    client: &SlackClient,
    token: &SlackToken,
    ids: &[String],
    options: &JobOptions,
    unit: Vec<usize>,
) -> UnitResult {
    let user_ids: Vec<String> = unit.iter().map(|&i| ids[i].clone()).collect();
    let answer = client
        .admin_users_session_reset_bulk(
            token,
            &user_ids,
            options.mobile_only.then_some(true),
            options.web_only.then_some(true),
        )
        .await;
    match answer {
        Ok(_) => UnitResult::Settled(unit.into_iter().map(|i| (i, Outcome::Reset)).collect()),
        Err(SlackError::Api { code, .. })
            if unit.len() > 1 && PER_USER_FAILURES.contains(&code.as_str()) =>
        {
            let mut left = unit;
            let right = left.split_off(left.len() / 2);
            UnitResult::Split(left, right)
        }
        Err(err) => {
            let failure = Failure::from_error(&err);
            UnitResult::Settled(
                unit.into_iter()
                    .map(|i| (i, Outcome::Failed(failure.clone())))
                    .collect(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_trims_skips_and_dedupes() {
        let text = "\u{feff}U1\n  U2  \r\n\n# comment\n   # indented comment\nU1\nU3\t\nU2\n";
        let parsed = parse_user_ids(text);
        assert_eq!(parsed.ids, ["U1", "U2", "U3"]);
        assert_eq!(parsed.duplicates, 2);
        assert_eq!(parse_user_ids(""), ParsedIds::default());
    }

    #[test]
    fn validates_ids() {
        assert_eq!(invalid_id("U0123ABC"), None);
        assert_eq!(invalid_id("W0123"), None);
        assert!(invalid_id("U1 U2").is_some());
        assert!(invalid_id("U1,U2").is_some());
        assert!(invalid_id(&"U".repeat(65)).is_some());
    }

    /// The Slack codes the job sorts into final and per-user failures are
    /// errors Slack documents for `admin.users.session.resetBulk`
    /// (`invalid_id` is the job's own key for an ID it never sends).
    #[test]
    fn sorted_codes_are_documented_reset_bulk_errors() {
        let documented = slackline_catalog::method("admin.users.session.resetBulk")
            .unwrap()
            .errors;
        let codes = FINAL_FAILURES.iter().chain(PER_USER_FAILURES);
        for code in codes.filter(|code| **code != INVALID_ID) {
            assert!(documented.contains(code), "{code}");
        }
        // The org-wide refusals the docs above name as retried on resume.
        for code in ["session_reset_not_allowed", "restricted_action"] {
            assert!(documented.contains(&code), "{code}");
            assert!(!Outcome::Failed(failure(code)).is_final(), "{code}");
        }
    }

    fn failure(key: &str) -> Failure {
        Failure {
            key: key.to_owned(),
            message: String::new(),
            maybe_applied: false,
        }
    }

    #[test]
    fn failure_keys() {
        let timeout = SlackError::Transport {
            method: "m",
            kind: slackline::TransportErrorKind::Timeout,
            message: "slow".into(),
        };
        let failure = Failure::from_error(&timeout);
        assert_eq!(failure.key, "transport/timeout");
        assert!(failure.maybe_applied);
        let refused = SlackError::Transport {
            method: "m",
            kind: slackline::TransportErrorKind::Connect,
            message: "refused".into(),
        };
        assert!(!Failure::from_error(&refused).maybe_applied);
        let http = SlackError::Http {
            method: "m",
            status: 503,
            retry_after: None,
            body: String::new(),
        };
        assert_eq!(Failure::from_error(&http).key, "http_503");
        let limited = SlackError::RateLimited {
            method: "m",
            retry_after: Duration::from_secs(9),
        };
        assert_eq!(Failure::from_error(&limited).key, "ratelimited");
    }
}
