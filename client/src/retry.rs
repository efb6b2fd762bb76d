//! When a failed call is tried again, and how long to wait first.
//!
//! The whole decision is `RetryPolicy::decide`: one attempt's failure and
//! what the call has spent so far in, "retry after d" or "give up" out. The
//! client's loop only obeys it, so every way the loop ends is here.

use std::time::Duration;

use crate::error::TransportErrorKind;

/// The shortest wait after a 429: what Slack asks for at least. A missing,
/// zero or unreadable `Retry-After` counts as this.
pub const MIN_RATE_LIMIT_WAIT: Duration = Duration::from_secs(1);

/// The longest `Retry-After` believed (a day); longer asks are cut to it.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(86_400);

/// The retry policy of a [`SlackClient`](crate::SlackClient).
///
/// | failure | retried? |
/// |---|---|
/// | HTTP 429 | yes, after `Retry-After` (at least 1 s), at most [`max_rate_limit_retries`](Self::max_rate_limit_retries) times and while the time waited stays within [`max_rate_limit_wait`](Self::max_rate_limit_wait); then [`SlackError::RateLimited`](crate::SlackError::RateLimited) |
/// | connection failed before the request was sent | yes, any method |
/// | HTTP 5xx, timeout, connection reset after sending | only methods declared `idempotent` |
/// | an answer over the body cap | never |
/// | `ok: false`, other 4xx, undecodable body | never |
///
/// Waits between attempts grow exponentially with full jitter, from
/// [`base_backoff`](Self::base_backoff) up to [`max_backoff`](Self::max_backoff);
/// at most [`max_attempts`](Self::max_attempts) attempts are made (429s are
/// counted apart, by `max_rate_limit_retries`). A 5xx answer's `Retry-After`
/// (up to `max_backoff`) is waited at least. No retry is started that could
/// not finish its wait before the call's deadline
/// ([`SlackClientBuilder::call_deadline`](crate::SlackClientBuilder::call_deadline)).
/// Every retry is a `tracing` event at `WARN`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts per call, the first included, not counting 429 answers
    /// (default 4; 1 disables retries).
    pub max_attempts: u32,
    /// Whether 429 answers are waited out and retried (default `true`).
    pub retry_rate_limited: bool,
    /// The most time one call may spend waiting out 429s (default 5
    /// minutes): the time actually waited, in the pacer or asleep, after each
    /// 429 (each counts at least 1 s). A paused bucket whose pause outlasts
    /// what is left of it fails the call at once.
    pub max_rate_limit_wait: Duration,
    /// The most 429 answers one call retries (default 20).
    pub max_rate_limit_retries: u32,
    /// The first backoff (default 250 ms).
    pub base_backoff: Duration,
    /// The longest single backoff (default 10 s).
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            retry_rate_limited: true,
            max_rate_limit_wait: Duration::from_secs(300),
            max_rate_limit_retries: 20,
            base_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// No retries at all: every failure is returned as it happens.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            retry_rate_limited: false,
            ..Self::default()
        }
    }

    /// Sets [`max_attempts`](Self::max_attempts) (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Sets [`max_rate_limit_wait`](Self::max_rate_limit_wait).
    pub fn max_rate_limit_wait(mut self, wait: Duration) -> Self {
        self.max_rate_limit_wait = wait;
        self
    }

    /// Sets [`max_rate_limit_retries`](Self::max_rate_limit_retries).
    pub fn max_rate_limit_retries(mut self, retries: u32) -> Self {
        self.max_rate_limit_retries = retries;
        self
    }

    /// Sets the backoff range.
    pub fn backoff(mut self, base: Duration, max: Duration) -> Self {
        self.base_backoff = base;
        self.max_backoff = max.max(base);
        self
    }

    /// Sets whether 429s are retried.
    pub fn retry_rate_limited(mut self, retry: bool) -> Self {
        self.retry_rate_limited = retry;
        self
    }

    /// The wait before retry number `retry` (1 for the first retry): a random
    /// duration up to `base · 2^(retry-1)`, capped at `max_backoff`.
    pub fn backoff_for(&self, retry: u32) -> Duration {
        self.backoff_with(retry, fastrand::f64())
    }

    /// [`backoff_for`](Self::backoff_for) with the random fraction given.
    fn backoff_with(&self, retry: u32, jitter: f64) -> Duration {
        let exp = retry.saturating_sub(1).min(30);
        let ceiling = self
            .base_backoff
            .saturating_mul(1 << exp)
            .min(self.max_backoff);
        // Full jitter: spreads retries of many concurrent callers apart.
        ceiling.mul_f64(jitter.clamp(0.0, 1.0))
    }

    /// The whole retry decision: after `failure`, with `spent` already
    /// counting the failed attempt, retry after the returned wait or give up.
    pub(crate) fn decide(&self, failure: Failure, idempotent: bool, spent: &Spent) -> Decision {
        self.decide_with(failure, idempotent, spent, fastrand::f64())
    }

    fn decide_with(
        &self,
        failure: Failure,
        idempotent: bool,
        spent: &Spent,
        jitter: f64,
    ) -> Decision {
        let wait = match failure {
            Failure::RateLimited { retry_after } => {
                let wait = rate_limit_wait(retry_after);
                let allowed = self.retry_rate_limited
                    && spent.rate_limited <= self.max_rate_limit_retries
                    && spent.rate_limit_waited.saturating_add(wait) <= self.max_rate_limit_wait;
                if !allowed {
                    return Decision::GiveUp;
                }
                wait
            }
            Failure::Status {
                status,
                retry_after,
            } => {
                if !(idempotent && status >= 500) || spent.attempts >= self.max_attempts {
                    return Decision::GiveUp;
                }
                // A 503 may say when to come back; never sooner than the backoff.
                let asked = retry_after.unwrap_or(Duration::ZERO).min(self.max_backoff);
                self.backoff_with(spent.attempts, jitter).max(asked)
            }
            Failure::Transport(kind) => {
                let safe =
                    kind.before_send() || (idempotent && kind != TransportErrorKind::BodyTooLarge);
                if !safe || spent.attempts >= self.max_attempts {
                    return Decision::GiveUp;
                }
                self.backoff_with(spent.attempts, jitter)
            }
        };
        // A retry that cannot start before the deadline is not worth waiting for.
        match spent.time_left {
            Some(left) if wait >= left => Decision::GiveUp,
            _ => Decision::RetryAfter(wait),
        }
    }
}

/// How long a 429 makes the call wait: `Retry-After`, at least
/// [`MIN_RATE_LIMIT_WAIT`], at most [`MAX_RETRY_AFTER`].
pub(crate) fn rate_limit_wait(retry_after: Option<Duration>) -> Duration {
    retry_after
        .unwrap_or(MIN_RATE_LIMIT_WAIT)
        .clamp(MIN_RATE_LIMIT_WAIT, MAX_RETRY_AFTER)
}

/// One failed attempt, as the retry decision sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// HTTP 429, with its `Retry-After`.
    RateLimited { retry_after: Option<Duration> },
    /// Another status than 200 or 429, with its `Retry-After`.
    Status {
        status: u16,
        retry_after: Option<Duration>,
    },
    /// No complete answer (or one over the body cap).
    Transport(TransportErrorKind),
}

/// What a call has spent so far, the failed attempt included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Spent {
    /// Attempts that ended in anything but a 429.
    pub(crate) attempts: u32,
    /// 429 answers.
    pub(crate) rate_limited: u32,
    /// Time actually waited after 429s.
    pub(crate) rate_limit_waited: Duration,
    /// Time left before the call's deadline, if it has one.
    pub(crate) time_left: Option<Duration>,
}

/// The retry decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Try again after this wait.
    RetryAfter(Duration),
    /// Return the failure.
    GiveUp,
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEC: Duration = Duration::from_secs(1);

    fn spent(attempts: u32, rate_limited: u32, waited: Duration) -> Spent {
        Spent {
            attempts,
            rate_limited,
            rate_limit_waited: waited,
            time_left: None,
        }
    }

    fn rate_limited(secs: Option<u64>) -> Failure {
        Failure::RateLimited {
            retry_after: secs.map(Duration::from_secs),
        }
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let policy =
            RetryPolicy::default().backoff(Duration::from_millis(100), Duration::from_secs(1));
        for _ in 0..100 {
            assert!(policy.backoff_for(1) <= Duration::from_millis(100));
            assert!(policy.backoff_for(3) <= Duration::from_millis(400));
            assert!(policy.backoff_for(40) <= Duration::from_secs(1));
        }
        let spread: std::collections::HashSet<_> = (0..20).map(|_| policy.backoff_for(5)).collect();
        assert!(spread.len() > 1, "jitter varies the waits");
    }

    #[test]
    fn a_zero_or_missing_retry_after_waits_a_second() {
        let policy = RetryPolicy::default();
        for asked in [None, Some(0)] {
            assert_eq!(
                policy.decide(rate_limited(asked), false, &spent(0, 1, Duration::ZERO)),
                Decision::RetryAfter(SEC)
            );
        }
        assert_eq!(rate_limit_wait(Some(Duration::from_millis(1))), SEC);
        assert_eq!(
            rate_limit_wait(Some(Duration::from_secs(10_000_000))),
            MAX_RETRY_AFTER
        );
    }

    #[test]
    fn every_429_loop_ends() {
        // Retry-After: 0 forever: the count ends it, and the waits (1 s each) would too.
        let policy = RetryPolicy::default();
        let mut state = Spent::default();
        let mut retries = 0;
        loop {
            state.rate_limited += 1;
            match policy.decide(rate_limited(Some(0)), true, &state) {
                Decision::RetryAfter(wait) => {
                    assert!(wait >= SEC);
                    state.rate_limit_waited += wait;
                    retries += 1;
                }
                Decision::GiveUp => break,
            }
            assert!(retries <= 1000, "never gave up");
        }
        assert_eq!(retries, policy.max_rate_limit_retries);

        // The time budget ends it first when the waits are long.
        let policy = RetryPolicy::default().max_rate_limit_wait(Duration::from_secs(25));
        let mut state = Spent::default();
        let mut retries = 0;
        loop {
            state.rate_limited += 1;
            match policy.decide(rate_limited(Some(10)), true, &state) {
                Decision::RetryAfter(wait) => {
                    state.rate_limit_waited += wait;
                    retries += 1;
                }
                Decision::GiveUp => break,
            }
        }
        assert_eq!(retries, 2, "10 s + 10 s fit in 25 s, a third wait does not");
    }

    #[test]
    fn a_429_beyond_the_budget_or_with_retries_off_gives_up_at_once() {
        let policy = RetryPolicy::default().max_rate_limit_wait(Duration::from_secs(60));
        let first = spent(0, 1, Duration::ZERO);
        assert_eq!(
            policy.decide(rate_limited(Some(61)), true, &first),
            Decision::GiveUp
        );
        assert_eq!(
            policy.decide(rate_limited(Some(60)), true, &first),
            Decision::RetryAfter(Duration::from_secs(60))
        );
        assert_eq!(
            policy.decide(
                rate_limited(Some(30)),
                true,
                &spent(0, 2, Duration::from_secs(31))
            ),
            Decision::GiveUp,
            "the time already waited counts"
        );
        let off = RetryPolicy::default().retry_rate_limited(false);
        assert_eq!(
            off.decide(rate_limited(Some(1)), true, &first),
            Decision::GiveUp
        );
    }

    #[test]
    fn statuses_retry_only_5xx_of_idempotent_methods_within_the_attempts() {
        let policy = RetryPolicy::default().backoff(Duration::from_millis(100), SEC);
        let status = |status| Failure::Status {
            status,
            retry_after: None,
        };
        assert!(matches!(
            policy.decide(status(503), true, &spent(1, 0, Duration::ZERO)),
            Decision::RetryAfter(w) if w <= Duration::from_millis(100)
        ));
        assert_eq!(
            policy.decide(status(503), false, &spent(1, 0, Duration::ZERO)),
            Decision::GiveUp
        );
        assert_eq!(
            policy.decide(status(404), true, &spent(1, 0, Duration::ZERO)),
            Decision::GiveUp
        );
        assert_eq!(
            policy.decide(status(500), true, &spent(4, 0, Duration::ZERO)),
            Decision::GiveUp,
            "the fourth attempt was the last"
        );
        // A 503's Retry-After is honoured, up to max_backoff.
        let asked = Failure::Status {
            status: 503,
            retry_after: Some(Duration::from_secs(60)),
        };
        assert_eq!(
            policy.decide_with(asked, true, &spent(1, 0, Duration::ZERO), 0.0),
            Decision::RetryAfter(SEC)
        );
    }

    #[test]
    fn transport_failures() {
        let policy = RetryPolicy::default();
        let first = spent(1, 0, Duration::ZERO);
        let retried = |kind, idempotent| {
            matches!(
                policy.decide(Failure::Transport(kind), idempotent, &first),
                Decision::RetryAfter(_)
            )
        };
        assert!(retried(TransportErrorKind::Connect, false));
        assert!(retried(TransportErrorKind::ConnectTimeout, false));
        assert!(!retried(TransportErrorKind::Timeout, false));
        assert!(retried(TransportErrorKind::Timeout, true));
        assert!(retried(TransportErrorKind::Closed, true));
        assert!(!retried(TransportErrorKind::BodyTooLarge, true));
        assert_eq!(
            policy.decide(
                Failure::Transport(TransportErrorKind::Connect),
                true,
                &spent(4, 0, Duration::ZERO)
            ),
            Decision::GiveUp
        );
    }

    #[test]
    fn no_retry_past_the_deadline() {
        let policy = RetryPolicy::default();
        let mut state = spent(0, 1, Duration::ZERO);
        state.time_left = Some(Duration::from_millis(500));
        assert_eq!(
            policy.decide(rate_limited(Some(1)), true, &state),
            Decision::GiveUp
        );
        state.time_left = Some(Duration::from_secs(2));
        assert_eq!(
            policy.decide(rate_limited(Some(1)), true, &state),
            Decision::RetryAfter(SEC)
        );
        let mut state = spent(1, 0, Duration::ZERO);
        state.time_left = Some(Duration::ZERO);
        assert_eq!(
            policy.decide(
                Failure::Transport(TransportErrorKind::Connect),
                true,
                &state
            ),
            Decision::GiveUp
        );
    }
}
