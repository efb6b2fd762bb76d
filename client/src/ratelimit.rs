//! Proactive pacing: calls wait for their turn instead of collecting 429s.
//!
//! Slack limits each method per workspace per app, by tier. The client keeps
//! one bucket per (method, workspace) — shared by every clone of the client
//! and every task — and schedules each call at the earliest time its bucket
//! allows (GCRA: exact spacing at the tier's rate, with a small burst).
//! A 429 pauses the bucket for `Retry-After`.
//!
//! The rates are the catalog's ([`Tier::rate`](crate::Tier::rate), the one
//! tier table of slackline). A method limited per channel
//! (`chat.postMessage`: about one message per second per channel) has one
//! bucket per (method, workspace, channel).
//!
//! ```
//! use slackline::ratelimit::{Quota, RateLimits};
//! use slackline::SlackClient;
//! let client = SlackClient::builder()
//!     .rate_limits(
//!         RateLimits::slack_tiers()
//!             .method("chat.postMessage", Quota::per_minute(60.0).burst(1)),
//!     )
//!     .build()
//!     .unwrap();
//! # drop(client);
//! ```

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::hash::Hash;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

// Tokio's clock, so tests can run paced code under paused time.
use tokio::time::Instant;

use crate::spec::MethodSpec;
use crate::{SlackToken, Tier};

#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub mod redis_store;
#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub use redis_store::{RedisStore, RedisStoreBuilder, RedisStoreError};

/// A rate: so many calls per minute, with a burst of so many at once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quota {
    per_minute: f64,
    burst: u32,
}

impl Quota {
    /// `n` calls per minute, burst of one (evenly spaced).
    ///
    /// Non-finite or non-positive rates are treated as one call per minute.
    pub fn per_minute(n: f64) -> Self {
        let per_minute = if n.is_finite() && n > 0.0 { n } else { 1.0 };
        Quota {
            per_minute,
            burst: 1,
        }
    }

    /// The same rate with up to `burst` calls sent at once (at least one).
    pub fn burst(mut self, burst: u32) -> Self {
        self.burst = burst.max(1);
        self
    }

    /// The quota slackline uses for a Slack tier: the catalog's rate and burst.
    ///
    /// ```
    /// use slackline::{Quota, Tier};
    /// let quota = Quota::for_tier(Tier::Tier2);
    /// assert_eq!((quota.rate_per_minute(), quota.burst_size()), (20.0, 5));
    /// ```
    pub fn for_tier(tier: Tier) -> Self {
        let rate = tier.rate();
        Quota::per_minute(f64::from(rate.per_minute)).burst(rate.burst)
    }

    /// Calls per minute.
    pub fn rate_per_minute(&self) -> f64 {
        self.per_minute
    }

    /// Calls allowed at once.
    pub fn burst_size(&self) -> u32 {
        self.burst
    }

    /// The spacing between calls at this rate.
    pub fn interval(&self) -> Duration {
        Duration::from_secs_f64(60.0 / self.per_minute)
    }

    fn scaled(self, k: f64) -> Self {
        Quota {
            per_minute: self.per_minute * k,
            ..self
        }
    }
}

/// The workspace part of a bucket key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WorkspaceKey {
    /// A team or enterprise ID given with [`SlackToken::with_team`].
    Team(Box<str>),
    /// A hash of the token, for tokens without a known team: each token is
    /// then its own workspace.
    Token(u64),
    /// Calls made without a token (the OAuth exchange): the app's own budget.
    App,
}

impl WorkspaceKey {
    /// The key for calls made with `token`.
    pub fn of(token: &SlackToken) -> Self {
        match token.team() {
            Some(team) => WorkspaceKey::Team(team.into()),
            None => WorkspaceKey::Token(token.workspace_hash()),
        }
    }
}

impl fmt::Display for WorkspaceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkspaceKey::Team(team) => f.write_str(team),
            WorkspaceKey::Token(hash) => write!(f, "token:{hash:016x}"),
            WorkspaceKey::App => f.write_str("app"),
        }
    }
}

/// One bucket: a Slack method in a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BucketKey {
    /// The Slack method name.
    pub method: &'static str,
    /// The workspace.
    pub workspace: WorkspaceKey,
    /// The channel, for a method limited per channel (`chat.postMessage`).
    pub channel: Option<Box<str>>,
}

/// The future a [`RateLimitStore`] returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Where bucket state lives. The in-memory store serves one process; a store
/// backed by Redis or similar lets many worker processes share one budget.
pub trait RateLimitStore: Send + Sync + 'static {
    /// Books the next slot of `key` at `quota` and says how long the caller
    /// must wait before sending.
    fn reserve<'a>(&'a self, key: &'a BucketKey, quota: Quota) -> StoreFuture<'a, Duration>;
    /// Books nothing before `delay` from now (Slack answered 429): a later
    /// [`reserve`](Self::reserve) must not return a slot inside the pause.
    fn pause<'a>(
        &'a self,
        key: &'a BucketKey,
        quota: Quota,
        delay: Duration,
    ) -> StoreFuture<'a, ()>;

    /// How much of a pause of `key` is left. A caller whose booked slot came
    /// up during a pause books again instead of sending into the 429. Stores
    /// that do not track pauses may keep this default.
    fn pause_remaining<'a>(&'a self, key: &'a BucketKey) -> StoreFuture<'a, Duration> {
        let _ = key;
        Box::pin(std::future::ready(Duration::ZERO))
    }

    /// Books the next slot of `key` only if the caller would wait at most
    /// `max_wait` for it: `Ok(wait)` when booked, `Err(wait)` (nothing
    /// booked) when the slot is further away. A caller that will not wait
    /// that long must not push every later slot back.
    ///
    /// The default books with [`reserve`](Self::reserve) and, when the wait
    /// is beyond `max_wait`, gives the slot back with
    /// [`release`](Self::release): two store calls for a refusal, and a
    /// refused call costs no budget if the store implements `release`.
    /// Stores that can check before booking (in one atomic step) should
    /// override this method instead; they need no `release`.
    fn reserve_within<'a>(
        &'a self,
        key: &'a BucketKey,
        quota: Quota,
        max_wait: Duration,
    ) -> StoreFuture<'a, Result<Duration, Duration>> {
        Box::pin(async move {
            let wait = self.reserve(key, quota).await;
            if wait <= max_wait {
                Ok(wait)
            } else {
                self.release(key, quota).await;
                Err(wait)
            }
        })
    }

    /// Gives back the latest slot of `key` booked by
    /// [`reserve`](Self::reserve), which its caller will not use: the next
    /// booking may take it. In GCRA terms, the bucket's next slot moves one
    /// interval of `quota` earlier, but never into a pause (a 429's
    /// `Retry-After`) nor before now.
    ///
    /// Only the default [`reserve_within`](Self::reserve_within) calls it,
    /// for a slot further away than its caller would wait. The default does
    /// nothing (that slot then goes unused, and later callers wait one
    /// interval longer): a store that keeps the default `reserve_within`
    /// should implement this. Added with a default so that existing stores
    /// keep compiling.
    fn release<'a>(&'a self, key: &'a BucketKey, quota: Quota) -> StoreFuture<'a, ()> {
        let _ = (key, quota);
        Box::pin(std::future::ready(()))
    }

    /// [`reserve_within`](Self::reserve_within) for a store that can answer
    /// without waiting on anything (state in this process): `Some` is the
    /// booking, made here and now. `None`, the default, sends callers to
    /// `reserve_within`. Saves the in-memory store a boxed future per call.
    fn try_reserve_within_now(
        &self,
        key: &BucketKey,
        quota: Quota,
        max_wait: Duration,
    ) -> Option<Result<Duration, Duration>> {
        let _ = (key, quota, max_wait);
        None
    }
}

/// The default store: GCRA state (one instant per bucket) behind a mutex.
#[derive(Debug, Default)]
pub struct MemoryStore {
    buckets: Mutex<HashMap<BucketKey, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    /// Theoretical arrival time of the next call.
    tat: Instant,
    /// The end of the last pause (a 429's Retry-After).
    paused_until: Option<Instant>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn reserve_at(&self, key: &BucketKey, quota: Quota, now: Instant) -> Duration {
        self.reserve_within_at(key, quota, now, Duration::MAX)
            .unwrap_or_else(|wait| wait)
    }

    fn reserve_within_at(
        &self,
        key: &BucketKey,
        quota: Quota,
        now: Instant,
        max_wait: Duration,
    ) -> Result<Duration, Duration> {
        let interval = quota.interval();
        let tolerance = interval * (quota.burst - 1);
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > 10_000 {
            buckets.retain(|_, bucket| bucket.tat > now || bucket.paused_until > Some(now));
        }
        // Look up before inserting: `entry` would clone the key on every call.
        let bucket = match buckets.get_mut(key) {
            Some(bucket) => bucket,
            None => buckets.entry(key.clone()).or_insert(Bucket {
                tat: now,
                paused_until: None,
            }),
        };
        let tat = bucket.tat.max(now);
        let wait = tat.saturating_duration_since(now + tolerance);
        if wait > max_wait {
            return Err(wait);
        }
        bucket.tat = tat + interval;
        Ok(wait)
    }

    fn pause_at(&self, key: &BucketKey, quota: Quota, until: Instant) {
        let tolerance = quota.interval() * (quota.burst - 1);
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let bucket = buckets.entry(key.clone()).or_insert(Bucket {
            tat: until,
            paused_until: None,
        });
        // No burst right after the pause: the next slot is `until`, then one per interval.
        bucket.tat = bucket.tat.max(until + tolerance);
        bucket.paused_until = bucket.paused_until.max(Some(until));
    }

    fn release_at(&self, key: &BucketKey, quota: Quota, now: Instant) {
        let interval = quota.interval();
        let tolerance = interval * (quota.burst - 1);
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(bucket) = buckets.get_mut(key) {
            let earlier = bucket.tat.checked_sub(interval).unwrap_or(now).max(now);
            // Not into a pause: its end stays the first slot after it.
            let floor = bucket.paused_until.map_or(now, |until| until + tolerance);
            bucket.tat = bucket.tat.min(earlier.max(floor));
        }
    }

    fn pause_remaining_at(&self, key: &BucketKey, now: Instant) -> Duration {
        let buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        buckets
            .get(key)
            .and_then(|bucket| bucket.paused_until)
            .map_or(Duration::ZERO, |until| until.saturating_duration_since(now))
    }
}

impl RateLimitStore for MemoryStore {
    fn reserve<'a>(&'a self, key: &'a BucketKey, quota: Quota) -> StoreFuture<'a, Duration> {
        let wait = self.reserve_at(key, quota, Instant::now());
        Box::pin(std::future::ready(wait))
    }

    fn pause<'a>(
        &'a self,
        key: &'a BucketKey,
        quota: Quota,
        delay: Duration,
    ) -> StoreFuture<'a, ()> {
        self.pause_at(key, quota, Instant::now() + delay);
        Box::pin(std::future::ready(()))
    }

    fn pause_remaining<'a>(&'a self, key: &'a BucketKey) -> StoreFuture<'a, Duration> {
        Box::pin(std::future::ready(
            self.pause_remaining_at(key, Instant::now()),
        ))
    }

    fn release<'a>(&'a self, key: &'a BucketKey, quota: Quota) -> StoreFuture<'a, ()> {
        self.release_at(key, quota, Instant::now());
        Box::pin(std::future::ready(()))
    }

    fn reserve_within<'a>(
        &'a self,
        key: &'a BucketKey,
        quota: Quota,
        max_wait: Duration,
    ) -> StoreFuture<'a, Result<Duration, Duration>> {
        let booked = self.reserve_within_at(key, quota, Instant::now(), max_wait);
        Box::pin(std::future::ready(booked))
    }

    fn try_reserve_within_now(
        &self,
        key: &BucketKey,
        quota: Quota,
        max_wait: Duration,
    ) -> Option<Result<Duration, Duration>> {
        Some(self.reserve_within_at(key, quota, Instant::now(), max_wait))
    }
}

/// How long a caller may wait in [`RateLimits::acquire`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct WaitBudget {
    /// The most it may wait out a 429 pause (its retry policy's allowance).
    pub(crate) pause: Duration,
    /// The most it may wait at all (its deadline), if that is bounded.
    pub(crate) total: Option<Duration>,
}

/// The client's pacing configuration.
#[derive(Clone)]
pub struct RateLimits {
    enabled: bool,
    time_scale: f64,
    overrides: HashMap<String, Quota>,
    store: Arc<dyn RateLimitStore>,
}

impl fmt::Debug for RateLimits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimits")
            .field("enabled", &self.enabled)
            .field("time_scale", &self.time_scale)
            .field("overrides", &self.overrides)
            .finish_non_exhaustive()
    }
}

impl Default for RateLimits {
    /// Slack's tiers.
    fn default() -> Self {
        Self::slack_tiers()
    }
}

impl RateLimits {
    /// No pacing: calls go out at once (429s are still honoured by retries).
    pub fn off() -> Self {
        RateLimits {
            enabled: false,
            ..Self::slack_tiers()
        }
    }

    /// Paces each method by its tier (the default): the declared one, else
    /// the catalog's; a method unknown to both is paced as Tier 4.
    pub fn slack_tiers() -> Self {
        RateLimits {
            enabled: true,
            time_scale: 1.0,
            overrides: HashMap::new(),
            store: Arc::new(MemoryStore::new()),
        }
    }

    /// Uses `quota` for the method `name` instead of its tier.
    pub fn method(mut self, name: impl Into<String>, quota: Quota) -> Self {
        self.overrides.insert(name.into(), quota);
        self
    }

    /// Runs every rate `k` times faster, to match an emulator whose clock is
    /// scaled the same way. Values that are not finite and positive are ignored.
    pub fn time_scale(mut self, k: f64) -> Self {
        if k.is_finite() && k > 0.0 {
            self.time_scale = k;
        }
        self
    }

    /// Keeps bucket state in `store` (e.g. one shared by many processes).
    pub fn store(mut self, store: impl RateLimitStore) -> Self {
        self.store = Arc::new(store);
        self
    }

    /// Whether pacing is on.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// The quota a method is paced at, if any.
    pub fn quota_for(&self, spec: &MethodSpec) -> Option<Quota> {
        if !self.enabled {
            return None;
        }
        let quota = match self.overrides.get(spec.name) {
            Some(quota) => *quota,
            None => Quota::for_tier(spec.tier),
        };
        Some(quota.scaled(self.time_scale))
    }

    #[cfg(test)]
    /// Waits for the call's slot in its bucket, within `budget`. `Err` holds
    /// how long the caller would have to wait (what is left of a pause, or
    /// the slot's distance); nothing is booked then.
    pub(crate) async fn acquire(
        &self,
        spec: &MethodSpec,
        key: &BucketKey,
        budget: WaitBudget,
    ) -> Result<(), Duration> {
        match self.quota_for(spec) {
            Some(quota) => self.acquire_at(quota, spec, key, budget).await,
            None => Ok(()),
        }
    }

    /// [`acquire`](Self::acquire) for a caller that already looked up the
    /// method's quota (the client does, once per call).
    pub(crate) async fn acquire_at(
        &self,
        quota: Quota,
        spec: &MethodSpec,
        key: &BucketKey,
        budget: WaitBudget,
    ) -> Result<(), Duration> {
        let mut pause_left = budget.pause;
        let mut total_left = budget.total.unwrap_or(Duration::MAX);
        // A slot booked before a 429 may come up while the bucket is paused:
        // book again then (a few times at most; a pause always ends). A slot
        // free at once cannot fall in a pause, since `pause` moves the
        // bucket's next slot past it: only a caller that waited asks.
        for _ in 0..8 {
            let max_wait = pause_left.min(total_left);
            let booked = match self.store.try_reserve_within_now(key, quota, max_wait) {
                Some(booked) => booked,
                None => self.store.reserve_within(key, quota, max_wait).await,
            };
            let wait = match booked {
                Ok(wait) => wait,
                // Beyond the deadline, or the deadline was the only bound.
                Err(wait) if wait > total_left || max_wait == total_left => return Err(wait),
                Err(wait) => {
                    // Longer than a pause may last: wait only if it is not one.
                    let paused = self.store.pause_remaining(key).await;
                    if paused > pause_left {
                        return Err(paused);
                    }
                    self.store
                        .reserve_within(key, quota, total_left)
                        .await
                        .map_err(|later| later.max(wait))?
                }
            };
            if wait.is_zero() {
                return Ok(());
            }
            tracing::trace!(
                method = spec.name,
                wait_ms = wait.as_millis() as u64,
                "pacing"
            );
            tokio::time::sleep(wait).await;
            if self.store.pause_remaining(key).await.is_zero() {
                return Ok(());
            }
            // Paused while this caller waited: that wait counts against both.
            pause_left = pause_left.saturating_sub(wait);
            total_left = total_left.saturating_sub(wait);
        }
        Ok(())
    }

    pub(crate) async fn pause(&self, spec: &MethodSpec, key: &BucketKey, delay: Duration) {
        if let Some(quota) = self.quota_for(spec) {
            self.store.pause(key, quota, delay).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> BucketKey {
        BucketKey {
            method: "m",
            workspace: WorkspaceKey::Team("T1".into()),
            channel: None,
        }
    }

    #[test]
    fn gcra_spaces_calls_after_the_burst() {
        let store = MemoryStore::new();
        let quota = Quota::per_minute(60.0).burst(3);
        let now = Instant::now();
        let waits: Vec<_> = (0..6)
            .map(|_| store.reserve_at(&key(), quota, now))
            .collect();
        let secs: Vec<u64> = waits.iter().map(|d| d.as_secs()).collect();
        assert_eq!(secs, [0, 0, 0, 1, 2, 3]);
    }

    #[test]
    fn pause_pushes_the_next_slot_without_a_new_burst() {
        let store = MemoryStore::new();
        let quota = Quota::per_minute(60.0).burst(3);
        let now = Instant::now();
        store.pause_at(&key(), quota, now + Duration::from_secs(10));
        let first = store.reserve_at(&key(), quota, now);
        let second = store.reserve_at(&key(), quota, now);
        assert_eq!(first.as_secs(), 10);
        assert_eq!(second.as_secs(), 11);
        assert_eq!(store.pause_remaining_at(&key(), now).as_secs(), 10);
        assert!(
            store
                .pause_remaining_at(&key(), now + Duration::from_secs(10))
                .is_zero()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn callers_waiting_through_a_pause_book_again() {
        let limits = RateLimits::slack_tiers().method("m", Quota::per_minute(60.0));
        let spec = paced_spec();
        let start = tokio::time::Instant::now();
        limits.acquire(&spec, &key(), UNBOUNDED).await.unwrap(); // slot 0
        let waiter = {
            let limits = limits.clone();
            tokio::spawn(async move {
                limits.acquire(&spec, &key(), UNBOUNDED).await.unwrap(); // booked for +1 s
                tokio::time::Instant::now()
            })
        };
        tokio::task::yield_now().await;
        // A 429 arrives before the waiter's slot: it must not send at +1 s.
        limits.pause(&spec, &key(), Duration::from_secs(5)).await;
        let sent_at = waiter.await.unwrap() - start;
        assert!(sent_at >= Duration::from_secs(5), "sent at {sent_at:?}");
    }

    const UNBOUNDED: WaitBudget = WaitBudget {
        pause: Duration::MAX,
        total: None,
    };

    fn paced_spec() -> MethodSpec {
        MethodSpec {
            name: "m",
            scopes: &[],
            scopes_declared: true,
            tier: Tier::Unlisted,
            idempotent: true,
            http: crate::spec::HttpMethod::Post,
            takes_token: true,
            args: &[],
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_pause_beyond_the_budget_fails_fast_without_booking() {
        let limits = RateLimits::slack_tiers().method("m", Quota::per_minute(60.0));
        let spec = paced_spec();
        limits
            .pause(&spec, &key(), Duration::from_secs(86_400))
            .await;
        let budget = WaitBudget {
            pause: Duration::from_secs(300),
            total: None,
        };
        let start = tokio::time::Instant::now();
        for _ in 0..100 {
            let left = limits.acquire(&spec, &key(), budget).await.unwrap_err();
            assert_eq!(left, Duration::from_secs(86_400), "the pause's time left");
        }
        assert_eq!(tokio::time::Instant::now(), start, "no caller waited");
        // Nothing was booked: once the pause is over the bucket is as it was.
        tokio::time::advance(Duration::from_secs(86_400)).await;
        let opened = tokio::time::Instant::now();
        limits.acquire(&spec, &key(), budget).await.unwrap();
        assert!(tokio::time::Instant::now() - opened <= Duration::from_secs(1));
        // No policy allowance for 429s: any pause fails the call.
        limits.pause(&spec, &key(), Duration::from_secs(2)).await;
        let none = WaitBudget {
            pause: Duration::ZERO,
            total: None,
        };
        assert!(limits.acquire(&spec, &key(), none).await.is_err());
    }

    #[tokio::test(start_paused = true)]
    async fn a_slot_beyond_the_deadline_fails_fast_without_booking() {
        let limits = RateLimits::slack_tiers().method("m", Quota::per_minute(1.0));
        let spec = paced_spec();
        let budget = WaitBudget {
            pause: Duration::from_secs(300),
            total: Some(Duration::from_secs(90)),
        };
        limits.acquire(&spec, &key(), budget).await.unwrap(); // now
        let start = tokio::time::Instant::now();
        // The next slot is 60 s away (within 90 s); the one after, 120 s: refused.
        let second = {
            let limits = limits.clone();
            tokio::spawn(async move { limits.acquire(&paced_spec(), &key(), budget).await })
        };
        tokio::task::yield_now().await;
        for _ in 0..10 {
            let wait = limits.acquire(&spec, &key(), budget).await.unwrap_err();
            assert_eq!(wait, Duration::from_secs(120));
        }
        second.await.unwrap().unwrap();
        assert_eq!(tokio::time::Instant::now() - start, Duration::from_secs(60));
        // The refused callers booked nothing: the next slot is one interval on.
        limits.acquire(&spec, &key(), UNBOUNDED).await.unwrap();
        assert_eq!(
            tokio::time::Instant::now() - start,
            Duration::from_secs(120)
        );
    }

    /// A store as a third party would write it: GCRA state of its own,
    /// `reserve`, `pause`, `pause_remaining` and `release`, and the trait's
    /// default `reserve_within`. Counts the calls it gets.
    #[derive(Default)]
    struct ThirdPartyStore {
        state: Mutex<HashMap<BucketKey, (Instant, Option<Instant>)>>,
        calls: std::sync::atomic::AtomicUsize,
    }

    impl ThirdPartyStore {
        fn calls(&self) -> usize {
            self.calls.load(std::sync::atomic::Ordering::Relaxed)
        }

        fn count(&self) {
            self.calls
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }

    impl RateLimitStore for ThirdPartyStore {
        fn reserve<'a>(&'a self, key: &'a BucketKey, quota: Quota) -> StoreFuture<'a, Duration> {
            self.count();
            let now = Instant::now();
            let mut state = self.state.lock().unwrap();
            let (tat, _) = state.entry(key.clone()).or_insert((now, None));
            let slot = (*tat).max(now);
            *tat = slot + quota.interval();
            Box::pin(std::future::ready(slot - now))
        }

        fn pause<'a>(
            &'a self,
            key: &'a BucketKey,
            _quota: Quota,
            delay: Duration,
        ) -> StoreFuture<'a, ()> {
            self.count();
            let until = Instant::now() + delay;
            let mut state = self.state.lock().unwrap();
            let (tat, paused) = state.entry(key.clone()).or_insert((until, None));
            *tat = (*tat).max(until);
            *paused = (*paused).max(Some(until));
            Box::pin(std::future::ready(()))
        }

        fn pause_remaining<'a>(&'a self, key: &'a BucketKey) -> StoreFuture<'a, Duration> {
            self.count();
            let now = Instant::now();
            let state = self.state.lock().unwrap();
            let left = state
                .get(key)
                .and_then(|(_, paused)| *paused)
                .map_or(Duration::ZERO, |until| until.saturating_duration_since(now));
            Box::pin(std::future::ready(left))
        }

        fn release<'a>(&'a self, key: &'a BucketKey, quota: Quota) -> StoreFuture<'a, ()> {
            self.count();
            let mut state = self.state.lock().unwrap();
            if let Some((tat, paused)) = state.get_mut(key) {
                let floor = paused.unwrap_or(*tat - quota.interval());
                *tat = (*tat - quota.interval()).max(floor);
            }
            Box::pin(std::future::ready(()))
        }
    }

    #[tokio::test(start_paused = true)]
    async fn the_default_reserve_within_books_nothing_for_a_refused_call() {
        let store = Arc::new(ThirdPartyStore::default());
        let limits = RateLimits::slack_tiers()
            .method("m", Quota::per_minute(1.0))
            .store(SharedStore(store.clone()));
        let spec = paced_spec();
        let budget = WaitBudget {
            pause: Duration::from_secs(300),
            total: Some(Duration::from_secs(30)),
        };
        let start = tokio::time::Instant::now();
        limits.acquire(&spec, &key(), budget).await.unwrap(); // slot 0
        for _ in 0..10 {
            let before = store.calls();
            let wait = limits.acquire(&spec, &key(), budget).await.unwrap_err();
            assert_eq!(wait, Duration::from_secs(60), "the next slot, 60 s away");
            // One booking given back: `reserve` and `release`, nothing more.
            assert_eq!(store.calls() - before, 2);
        }
        assert_eq!(tokio::time::Instant::now(), start, "no caller waited");
        // The refused callers booked nothing: the next slot is still at 60 s.
        limits.acquire(&spec, &key(), UNBOUNDED).await.unwrap();
        assert_eq!(tokio::time::Instant::now() - start, Duration::from_secs(60));

        // A 429 pause beyond the policy's allowance: refused, nothing booked,
        // and no second booking on the way.
        limits.pause(&spec, &key(), Duration::from_secs(600)).await;
        let patient = WaitBudget {
            pause: Duration::from_secs(300),
            total: None,
        };
        for _ in 0..10 {
            let before = store.calls();
            let left = limits.acquire(&spec, &key(), patient).await.unwrap_err();
            assert_eq!(left, Duration::from_secs(600));
            assert_eq!(
                store.calls() - before,
                3,
                "reserve, release, pause_remaining"
            );
        }
        let paused_at = tokio::time::Instant::now();
        limits.acquire(&spec, &key(), UNBOUNDED).await.unwrap();
        assert_eq!(
            tokio::time::Instant::now() - paused_at,
            Duration::from_secs(600),
            "the first slot after the pause is its end"
        );
    }

    /// Hands the test its store back after `RateLimits` took it.
    struct SharedStore(Arc<ThirdPartyStore>);

    impl RateLimitStore for SharedStore {
        fn reserve<'a>(&'a self, key: &'a BucketKey, quota: Quota) -> StoreFuture<'a, Duration> {
            self.0.reserve(key, quota)
        }

        fn pause<'a>(
            &'a self,
            key: &'a BucketKey,
            quota: Quota,
            delay: Duration,
        ) -> StoreFuture<'a, ()> {
            self.0.pause(key, quota, delay)
        }

        fn pause_remaining<'a>(&'a self, key: &'a BucketKey) -> StoreFuture<'a, Duration> {
            self.0.pause_remaining(key)
        }

        fn release<'a>(&'a self, key: &'a BucketKey, quota: Quota) -> StoreFuture<'a, ()> {
            self.0.release(key, quota)
        }
    }

    #[test]
    fn memory_store_release_gives_the_slot_back_but_not_into_a_pause() {
        let store = MemoryStore::new();
        let quota = Quota::per_minute(60.0);
        let now = Instant::now();
        assert_eq!(store.reserve_at(&key(), quota, now).as_secs(), 0);
        assert_eq!(store.reserve_at(&key(), quota, now).as_secs(), 1);
        store.release_at(&key(), quota, now);
        assert_eq!(store.reserve_at(&key(), quota, now).as_secs(), 1);
        store.pause_at(&key(), quota, now + Duration::from_secs(10));
        store.release_at(&key(), quota, now);
        store.release_at(&key(), quota, now);
        assert_eq!(store.reserve_at(&key(), quota, now).as_secs(), 10);
    }

    #[test]
    fn tiers_and_scaling() {
        let spec = MethodSpec {
            name: "admin.users.session.reset",
            tier: Tier::Tier2,
            ..paced_spec()
        };
        let quota = RateLimits::slack_tiers()
            .time_scale(60.0)
            .quota_for(&spec)
            .unwrap();
        assert_eq!(quota.rate_per_minute(), 1200.0);
        assert_eq!(quota.burst_size(), 5);
        assert!(RateLimits::off().quota_for(&spec).is_none());
        let custom = RateLimits::slack_tiers().method(spec.name, Quota::per_minute(5.0));
        assert_eq!(custom.quota_for(&spec).unwrap().rate_per_minute(), 5.0);
    }
}
