//! Slack's per-method rate limits, as a token bucket (a contract the client's pacer
//! relies on).
//!
//! Key: (method, team, app), Slack's "per method, per workspace, per app": every token of
//! one app in one team (user and bot tokens alike) draws on the same bucket. Each
//! (team, app) pair is interned to a small integer when a token is registered, so the
//! request path hashes two integers. Requests without a token (to the methods that need
//! none) share one anonymous key per method.
//!
//! Bucket: capacity = the method's per-minute count (the catalog's rate for its tier), continuous refill at
//! `per_minute / 60` tokens per second (times `k` under [`RateLimits::Scaled`]), starting
//! full. A request takes one token; with less than one available it is answered with
//! HTTP 429, `Retry-After: ceil(real seconds until one token is available)` (at least 1,
//! at most [`MAX_RETRY_AFTER_SECS`]) and `{"ok":false,"error":"ratelimited"}`; a rejected
//! request takes nothing.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::Mutex;
use std::time::Instant;

/// How the mock enforces Slack's rate limits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RateLimits {
    /// No rate limits at all.
    Off,
    /// Slack's documented rates, as `slackline-catalog` gives them per tier
    /// ([`Tier::rate`](slackline_catalog::Tier::rate)): tier 1 = 1/min, 2 = 20/min,
    /// 3 = 50/min, 4 = 100/min; a special tier its stated figure; the rest 100/min.
    Exact,
    /// Time runs `k` times faster: each bucket refills `k` times as fast (capacity is
    /// unchanged), so tests hit and leave limits quickly. `k` must be finite and > 0;
    /// anything else (0, negative, NaN, infinite, or so large that the refill rate is
    /// not a finite number) is treated as [`RateLimits::Off`]. A tiny `k` is honoured,
    /// but `Retry-After` never exceeds [`MAX_RETRY_AFTER_SECS`].
    Scaled(f64),
}

/// Largest `Retry-After` the limiter sends (one day), so that a tiny
/// [`RateLimits::Scaled`] factor cannot produce values clients overflow on.
pub const MAX_RETRY_AFTER_SECS: u64 = 86_400;

/// Largest per-minute count of any tier (the refill rate must stay finite for it).
const MAX_PER_MINUTE: f64 = 100.0;

impl RateLimits {
    fn speedup(self) -> Option<f64> {
        match self {
            RateLimits::Off => None,
            RateLimits::Exact => Some(1.0),
            RateLimits::Scaled(k)
                if k.is_finite() && k > 0.0 && (MAX_PER_MINUTE / 60.0 * k).is_finite() =>
            {
                Some(k)
            }
            RateLimits::Scaled(_) => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

const SHARDS: usize = 16;

/// Sharded buckets; each critical section is a hash lookup and a few float operations.
#[derive(Debug)]
pub(crate) struct Limiter {
    speedup: Option<f64>,
    shards: Vec<Mutex<HashMap<(u32, u32), Bucket>>>,
    hasher: std::collections::hash_map::RandomState,
}

impl Limiter {
    pub(crate) fn new(limits: RateLimits) -> Limiter {
        Limiter {
            speedup: limits.speedup(),
            shards: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect(),
            hasher: Default::default(),
        }
    }

    /// Takes one token from the bucket of (`method`, `key`); `Err(retry_after_secs)` if
    /// the bucket is empty. `key` is a token's interned (team, app) pair, 0 for
    /// requests without a token.
    pub(crate) fn check(&self, method: u32, key: u32, per_minute: u32) -> Result<(), u64> {
        let Some(k) = self.speedup else {
            return Ok(());
        };
        let capacity = f64::from(per_minute.max(1));
        // Tokens per real second: finite (checked in `speedup`), possibly 0 for a
        // subnormal `k` (then the wait below is infinite and gets clamped).
        let rate = capacity / 60.0 * k;
        let now = Instant::now();
        let shard = &self.shards[(self.hasher.hash_one((method, key)) as usize) % SHARDS];
        let mut map = shard.lock().unwrap_or_else(|e| e.into_inner());
        let bucket = map.entry((method, key)).or_insert(Bucket {
            tokens: capacity,
            last: now,
        });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(capacity);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - bucket.tokens) / rate;
            // `as` saturates (inf → u64::MAX); clamp to whole seconds in 1..=MAX.
            Err((wait.ceil() as u64).clamp(1, MAX_RETRY_AFTER_SECS))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_starts_full_then_limits() {
        let l = Limiter::new(RateLimits::Exact);
        for _ in 0..20 {
            assert!(l.check(1, 1, 20).is_ok());
        }
        let retry = l.check(1, 1, 20).unwrap_err();
        assert!((1..=3).contains(&retry), "{retry}");
        // Other keys are independent.
        assert!(l.check(1, 2, 20).is_ok());
        assert!(l.check(2, 1, 20).is_ok());
    }

    #[test]
    fn tier1_waits_a_minute() {
        let l = Limiter::new(RateLimits::Exact);
        assert!(l.check(1, 1, 1).is_ok());
        let retry = l.check(1, 1, 1).unwrap_err();
        assert!((59..=60).contains(&retry), "{retry}");
    }

    #[test]
    fn scaled_and_off() {
        let l = Limiter::new(RateLimits::Scaled(60.0));
        assert!(l.check(1, 1, 1).is_ok());
        assert_eq!(l.check(1, 1, 1), Err(1));
        let off = Limiter::new(RateLimits::Off);
        for _ in 0..1000 {
            assert!(off.check(1, 1, 1).is_ok());
        }
        assert!(Limiter::new(RateLimits::Scaled(-1.0)).speedup.is_none());
    }

    #[test]
    fn extreme_scale_factors() {
        // So fast that the rate overflows: no limits at all.
        for k in [f64::MAX, 1.5e308, f64::INFINITY, f64::NAN, 0.0, -0.0, -1.0] {
            let l = Limiter::new(RateLimits::Scaled(k));
            assert!(l.speedup.is_none(), "{k}");
            for _ in 0..200 {
                assert!(l.check(1, 1, 1).is_ok());
            }
        }
        // Very fast but finite: never limited for long, Retry-After still >= 1.
        let l = Limiter::new(RateLimits::Scaled(1e300));
        for _ in 0..50 {
            match l.check(1, 1, 1) {
                Ok(()) => {}
                Err(secs) => assert_eq!(secs, 1),
            }
        }
        // Tiny: Retry-After is capped, never u64::MAX.
        for k in [1e-300, f64::MIN_POSITIVE, 5e-324] {
            let l = Limiter::new(RateLimits::Scaled(k));
            let _ = l.check(1, 1, 1);
            assert_eq!(l.check(1, 1, 1), Err(MAX_RETRY_AFTER_SECS), "{k}");
        }
    }
}
