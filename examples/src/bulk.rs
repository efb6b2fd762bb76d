//! Bulk session reset: log many users out at once, as fast as Slack allows,
//! losing nobody and saying exactly what failed.
//!
//! The scheduling is the client's: every call waits for its turn in the
//! client's per-(method, workspace) pacing bucket, at most `concurrency`
//! calls are in flight, and failures are retried by the client's
//! [`RetryPolicy`](slackline::RetryPolicy). This module only feeds the calls
//! and keeps one [`Outcome`] per user ID.
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

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
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

/// Why an ID cannot be a Slack user ID (it is then reported as failed with
/// [`INVALID_ID`] and never sent), or `None` if it looks like one.
fn invalid_id(id: &str) -> Option<&'static str> {
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
/// The outcome key of users whose sessions were reset.
pub const RESET: &str = "reset";

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
}

impl Default for JobOptions {
    fn default() -> Self {
        JobOptions {
            mobile_only: false,
            web_only: false,
            concurrency: 100,
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
///
/// # Panics
/// Never in practice: it asserts that every ID got exactly one outcome.
pub async fn run_reset_job<F>(
    client: &SlackClient,
    token: &SlackToken,
    ids: &[String],
    options: &JobOptions,
    mut on_done: F,
) -> JobReport
where
    F: FnMut(&str, &Outcome),
{
    let started = Instant::now();
    let mobile_only = options.mobile_only.then_some(true);
    let web_only = options.web_only.then_some(true);
    let mut outcomes: Vec<Option<Outcome>> = vec![None; ids.len()];

    let calls = futures_util::stream::iter(ids.iter().enumerate()).map(|(index, id)| async move {
        let outcome = match invalid_id(id) {
            Some(why) => Outcome::Failed(Failure {
                key: INVALID_ID.to_owned(),
                message: format!("not sent: {id:?} is not a user ID ({why})"),
                maybe_applied: false,
            }),
            None => match client
                .admin_users_session_reset(token, id, mobile_only, web_only)
                .await
            {
                Ok(_) => Outcome::Reset,
                Err(err) => Outcome::Failed(Failure::from_error(&err)),
            },
        };
        (index, outcome)
    });
    let mut finished = calls.buffer_unordered(options.concurrency.max(1));
    while let Some((index, outcome)) = finished.next().await {
        on_done(&ids[index], &outcome);
        let previous = outcomes[index].replace(outcome);
        assert!(previous.is_none(), "user {} got two outcomes", ids[index]);
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
