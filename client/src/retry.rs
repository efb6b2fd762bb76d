//! When a failed call is tried again, and how long to wait first.

use std::time::Duration;

/// The retry policy of a [`SlackClient`](crate::SlackClient).
///
/// | failure | retried? |
/// |---|---|
/// | HTTP 429 | yes, after `Retry-After`, while the total wait stays under [`max_rate_limit_wait`](Self::max_rate_limit_wait); then [`SlackError::RateLimited`](crate::SlackError::RateLimited) |
/// | connection failed before the request was sent | yes, any method |
/// | HTTP 5xx, timeout, connection reset after sending | only methods declared `idempotent` |
/// | `ok: false`, other 4xx, undecodable body | never |
///
/// Waits between attempts grow exponentially with full jitter, from
/// [`base_backoff`](Self::base_backoff) up to [`max_backoff`](Self::max_backoff);
/// at most [`max_attempts`](Self::max_attempts) attempts are made (429s do not
/// count). A 5xx answer's `Retry-After` (up to `max_backoff`) is waited at
/// least. Every retry is a `tracing` event at `WARN`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts per call, the first included (default 4; 1 disables retries).
    pub max_attempts: u32,
    /// Whether 429 answers are waited out and retried (default `true`).
    pub retry_rate_limited: bool,
    /// The most `Retry-After` time one call may accumulate waiting out 429s
    /// (default 5 minutes). It sums what Slack asked for; time spent queued
    /// behind other calls by the pacer is not counted.
    pub max_rate_limit_wait: Duration,
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
        let exp = retry.saturating_sub(1).min(30);
        let ceiling = self
            .base_backoff
            .saturating_mul(1 << exp)
            .min(self.max_backoff);
        // Full jitter: spreads retries of many concurrent callers apart.
        ceiling.mul_f64(fastrand::f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
