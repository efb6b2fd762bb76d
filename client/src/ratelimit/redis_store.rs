//! A [`RateLimitStore`] in Redis: every process pointed at one Redis shares
//! one budget per (method, workspace), as Slack counts it.
//!
//! Each admission is one Lua script run on the server: the same GCRA step as
//! [`MemoryStore`], on Redis's own clock (`redis.call('TIME')`), so the
//! clocks of the machines that share the budget do not matter and no two
//! processes can book the same slot. A 429's pause is written to the bucket
//! and seen by every process. Buckets are hashes under a configurable
//! prefix (`slackline:rl:` by default) that expire once idle, named
//! `{prefix}{method}:{workspace}` (`:{channel}` added for methods limited
//! per channel). Give tokens their workspace with
//! [`SlackToken::with_team`](crate::SlackToken::with_team): a token without
//! one is keyed by a hash of the token that every process of one build
//! agrees on, but other builds may not.
//!
//! # When Redis fails
//!
//! Every Redis operation has a timeout ([`RedisStoreBuilder::op_timeout`],
//! 250 ms by default). An operation that fails or times out never fails or
//! repeats the Slack call it was pacing: the store answers from a local
//! [`MemoryStore`] instead (pacing this process alone at the full tier),
//! logs one WARN, and reconnects in the background every
//! [`RedisStoreBuilder::reconnect_interval`]; once Redis answers again the
//! shared budget is used again (one INFO). While Redis is away, `n`
//! processes may send up to `n` times the tier; Slack's 429s are then
//! honoured by the retry policy as usual.
//!
//! ```no_run
//! use slackline::ratelimit::{RateLimits, RedisStore};
//! use slackline::SlackClient;
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let store = RedisStore::builder("redis://127.0.0.1:6379/")
//!     .prefix("myapp:slack:")
//!     .build()?;
//! let client = SlackClient::builder()
//!     .rate_limits(RateLimits::slack_tiers().store(store))
//!     .build()?;
//! # drop(client);
//! # Ok(()) }
//! ```

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use redis::aio::MultiplexedConnection;

use super::{BucketKey, MemoryStore, Quota, RateLimitStore, StoreFuture};
use crate::client::without_password;

/// Default timeout of one Redis operation.
pub const DEFAULT_OP_TIMEOUT: Duration = Duration::from_millis(250);
/// Default pause between reconnection attempts while Redis is away.
pub const DEFAULT_RECONNECT_INTERVAL: Duration = Duration::from_secs(1);
/// Default key prefix.
pub const DEFAULT_PREFIX: &str = "slackline:rl:";

/// The GCRA step of [`MemoryStore`], run atomically inside Redis. Times are
/// microseconds on Redis's clock. `reserve` books the next slot and returns
/// the wait, unless the wait exceeds `ARGV[4]`: then it books nothing and
/// returns the wait negated; `pause` moves the next slot past the pause (no burst after it);
/// `remaining` returns what is left of a pause.
const SCRIPT: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local op = ARGV[1]
local interval = tonumber(ARGV[2])
local tolerance = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tat', 'paused')
local tat = tonumber(state[1]) or now
local paused = tonumber(state[2]) or 0
if op == 'remaining' then
  if paused > now then return paused - now end
  return 0
end
local result = 0
if op == 'reserve' then
  if tat < now then tat = now end
  if tat - now - tolerance > 0 then result = tat - now - tolerance end
  if result > tonumber(ARGV[4]) then return -result end
  tat = tat + interval
else
  local till = now + tonumber(ARGV[4])
  if till > paused then paused = till end
  if till + tolerance > tat then tat = till + tolerance end
end
redis.call('HSET', KEYS[1], 'tat', string.format('%d', tat), 'paused', string.format('%d', paused))
local last = tat
if paused > last then last = paused end
redis.call('PEXPIRE', KEYS[1], math.floor((last - now + tolerance) / 1000) + 1000)
return result
";

/// A Redis URL that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("invalid Redis URL: {reason}")]
pub struct RedisStoreError {
    reason: String,
}

/// Builds a [`RedisStore`].
pub struct RedisStoreBuilder {
    url: String,
    prefix: String,
    op_timeout: Duration,
    reconnect_interval: Duration,
}

impl fmt::Debug for RedisStoreBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStoreBuilder")
            .field("url", &without_password(&self.url))
            .field("prefix", &self.prefix)
            .field("op_timeout", &self.op_timeout)
            .field("reconnect_interval", &self.reconnect_interval)
            .finish()
    }
}

impl RedisStoreBuilder {
    /// Prefix of every bucket key (default `slackline:rl:`): apps sharing one
    /// Redis keep separate budgets under separate prefixes.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// Timeout of each Redis operation, connecting included (default 250 ms;
    /// zero is taken as 1 ms).
    pub fn op_timeout(mut self, timeout: Duration) -> Self {
        self.op_timeout = timeout.max(Duration::from_millis(1));
        self
    }

    /// Pause between reconnection attempts while Redis is away (default
    /// 1 s; at least 10 ms).
    pub fn reconnect_interval(mut self, interval: Duration) -> Self {
        self.reconnect_interval = interval.max(Duration::from_millis(10));
        self
    }

    /// Checks the URL; connects on first use (no I/O here).
    ///
    /// # Errors
    /// [`RedisStoreError`] when the URL is not a Redis URL
    /// (`redis://[user:password@]host[:port][/db]`, `rediss://` needs TLS
    /// support, which this build does not have).
    pub fn build(self) -> Result<RedisStore, RedisStoreError> {
        let client = redis::Client::open(self.url.as_str()).map_err(|err| RedisStoreError {
            // The URL may hold a password: name only what was wrong.
            reason: format!("{} ({})", without_password(&self.url), err.category()),
        })?;
        Ok(RedisStore {
            inner: Arc::new(Inner {
                client,
                url: without_password(&self.url),
                prefix: self.prefix,
                op_timeout: self.op_timeout,
                reconnect_interval: self.reconnect_interval,
                script: redis::Script::new(SCRIPT),
                conn: tokio::sync::Mutex::new(Link::Unopened),
                reconnecting: AtomicBool::new(false),
                local: MemoryStore::new(),
                fallbacks: AtomicU64::new(0),
                degraded: AtomicBool::new(false),
            }),
        })
    }
}

/// A rate-limit store shared through Redis (see the [module docs](self)).
/// Cheap to clone: clones share the connection.
#[derive(Clone)]
pub struct RedisStore {
    inner: Arc<Inner>,
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("url", &self.inner.url)
            .field("prefix", &self.inner.prefix)
            .field("op_timeout", &self.inner.op_timeout)
            .field("degraded", &self.is_degraded())
            .finish_non_exhaustive()
    }
}

struct Inner {
    client: redis::Client,
    /// For logs and Debug: without the password.
    url: String,
    prefix: String,
    op_timeout: Duration,
    reconnect_interval: Duration,
    script: redis::Script,
    conn: tokio::sync::Mutex<Link>,
    reconnecting: AtomicBool,
    /// Pacing while Redis is away; also keeps every pause, so that a 429
    /// seen just before an outage still holds during it.
    local: MemoryStore,
    fallbacks: AtomicU64,
    degraded: AtomicBool,
}

enum Link {
    /// Not tried yet: the first operation connects (within its timeout).
    Unopened,
    Up(MultiplexedConnection),
    /// Failed: operations use the local store until the background task
    /// reconnects.
    Down,
}

#[derive(Clone, Copy)]
enum Op {
    /// Book only within this wait.
    Reserve(Duration),
    Pause(Duration),
    Remaining,
}

impl RedisStore {
    /// A builder for the Redis at `url` (`redis://host:port/db`).
    pub fn builder(url: impl Into<String>) -> RedisStoreBuilder {
        RedisStoreBuilder {
            url: url.into(),
            prefix: DEFAULT_PREFIX.to_owned(),
            op_timeout: DEFAULT_OP_TIMEOUT,
            reconnect_interval: DEFAULT_RECONNECT_INTERVAL,
        }
    }

    /// A store for the Redis at `url` with the default settings.
    ///
    /// # Errors
    /// See [`RedisStoreBuilder::build`].
    pub fn open(url: impl Into<String>) -> Result<RedisStore, RedisStoreError> {
        Self::builder(url).build()
    }

    /// Whether the store is pacing locally because Redis failed.
    pub fn is_degraded(&self) -> bool {
        self.inner.degraded.load(Ordering::Acquire)
    }

    /// How many operations were answered locally because Redis failed.
    pub fn fallback_count(&self) -> u64 {
        self.inner.fallbacks.load(Ordering::Relaxed)
    }

    /// Whether Redis answers now (one `PING` within the operation timeout).
    pub async fn ping(&self) -> bool {
        let Some(mut conn) = self.connection().await else {
            return false;
        };
        ping(&mut conn, self.inner.op_timeout).await
    }

    fn redis_key(&self, key: &BucketKey) -> String {
        let mut name = format!("{}{}:{}", self.inner.prefix, key.method, key.workspace);
        if let Some(channel) = &key.channel {
            name.push(':');
            name.push_str(channel);
        }
        name
    }

    /// The connection, if there is one; connects on first use.
    async fn connection(&self) -> Option<MultiplexedConnection> {
        let inner = &self.inner;
        let mut link = tokio::time::timeout(inner.op_timeout, inner.conn.lock())
            .await
            .ok()?;
        match &*link {
            Link::Up(conn) => Some(conn.clone()),
            Link::Down => None,
            Link::Unopened => match connect(inner).await {
                Some(conn) => {
                    *link = Link::Up(conn.clone());
                    Some(conn)
                }
                None => {
                    *link = Link::Down;
                    drop(link);
                    self.went_down("cannot connect");
                    None
                }
            },
        }
    }

    /// Runs the script: `Some(Ok(µs))`, `Some(Err(µs))` for a slot beyond a
    /// reserve's limit, `None` when Redis failed.
    async fn run(&self, key: &BucketKey, quota: Quota, op: Op) -> Option<Result<u64, u64>> {
        let conn = self.connection().await?;
        let interval = micros(quota.interval());
        let tolerance = micros(quota.interval() * (quota.burst_size() - 1));
        let mut invocation = self.inner.script.key(self.redis_key(key));
        let (name, limit) = match op {
            Op::Reserve(limit) => ("reserve", micros(limit)),
            Op::Pause(delay) => ("pause", micros(delay)),
            Op::Remaining => ("remaining", 0),
        };
        invocation.arg(name).arg(interval).arg(tolerance).arg(limit);
        let mut conn = conn;
        let call = invocation.invoke_async::<i64>(&mut conn);
        match tokio::time::timeout(self.inner.op_timeout, call).await {
            Ok(Ok(value)) => {
                self.came_back();
                Some(if value < 0 {
                    Err(value.unsigned_abs())
                } else {
                    Ok(value.unsigned_abs())
                })
            }
            Ok(Err(err)) => {
                self.drop_connection(&format!("{} error", err.category()))
                    .await;
                None
            }
            Err(_) => {
                self.drop_connection("timed out").await;
                None
            }
        }
    }

    async fn drop_connection(&self, why: &str) {
        if let Ok(mut link) =
            tokio::time::timeout(self.inner.op_timeout, self.inner.conn.lock()).await
        {
            *link = Link::Down;
        }
        self.went_down(why);
    }

    fn went_down(&self, why: &str) {
        if !self.inner.degraded.swap(true, Ordering::AcqRel) {
            tracing::warn!(
                redis = %self.inner.url,
                reason = why,
                "rate-limit store: Redis failed; pacing this process alone at the full \
                 tier until it is back (reconnecting in the background)"
            );
        }
        self.spawn_reconnect();
    }

    fn came_back(&self) {
        // A load first: every answer from Redis passes here, and is rarely a return.
        let degraded = &self.inner.degraded;
        if degraded.load(Ordering::Acquire) && degraded.swap(false, Ordering::AcqRel) {
            tracing::info!(redis = %self.inner.url, "rate-limit store: Redis is back; budget shared again");
        }
    }

    /// One background task at a time; it ends when connected or when the
    /// store is dropped.
    fn spawn_reconnect(&self) {
        if self.inner.reconnecting.swap(true, Ordering::AcqRel) {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            self.inner.reconnecting.store(false, Ordering::Release);
            return;
        };
        let weak: Weak<Inner> = Arc::downgrade(&self.inner);
        let interval = self.inner.reconnect_interval;
        runtime.spawn(async move {
            loop {
                tokio::time::sleep(interval).await;
                let Some(inner) = weak.upgrade() else { return };
                if let Some(mut conn) = connect(&inner).await {
                    if ping(&mut conn, inner.op_timeout).await {
                        *inner.conn.lock().await = Link::Up(conn);
                        inner.reconnecting.store(false, Ordering::Release);
                        RedisStore { inner }.came_back();
                        return;
                    }
                }
            }
        });
    }

    fn fallback(&self) {
        self.inner.fallbacks.fetch_add(1, Ordering::Relaxed);
    }
}

async fn connect(inner: &Inner) -> Option<MultiplexedConnection> {
    let config = redis::AsyncConnectionConfig::new()
        .set_connection_timeout(Some(inner.op_timeout))
        .set_response_timeout(Some(inner.op_timeout));
    let connecting = inner
        .client
        .get_multiplexed_async_connection_with_config(&config);
    match tokio::time::timeout(inner.op_timeout, connecting).await {
        Ok(Ok(conn)) => Some(conn),
        _ => None,
    }
}

async fn ping(conn: &mut MultiplexedConnection, timeout: Duration) -> bool {
    let cmd = redis::cmd("PING");
    matches!(
        tokio::time::timeout(timeout, cmd.query_async::<String>(conn)).await,
        Ok(Ok(_))
    )
}

/// Microseconds, at most `i64::MAX` (what a Redis integer holds).
fn micros(d: Duration) -> i64 {
    i64::try_from(d.as_micros()).unwrap_or(i64::MAX)
}

impl RateLimitStore for RedisStore {
    fn reserve<'a>(&'a self, key: &'a BucketKey, quota: Quota) -> StoreFuture<'a, Duration> {
        Box::pin(async move {
            match self.reserve_within(key, quota, Duration::MAX).await {
                Ok(wait) | Err(wait) => wait,
            }
        })
    }

    fn reserve_within<'a>(
        &'a self,
        key: &'a BucketKey,
        quota: Quota,
        max_wait: Duration,
    ) -> StoreFuture<'a, Result<Duration, Duration>> {
        Box::pin(async move {
            match self.run(key, quota, Op::Reserve(max_wait)).await {
                Some(Ok(us)) => Ok(Duration::from_micros(us)),
                Some(Err(us)) => Err(Duration::from_micros(us)),
                None => {
                    self.fallback();
                    self.inner.local.reserve_within(key, quota, max_wait).await
                }
            }
        })
    }

    fn pause<'a>(
        &'a self,
        key: &'a BucketKey,
        quota: Quota,
        delay: Duration,
    ) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            self.inner.local.pause(key, quota, delay).await;
            if self.run(key, quota, Op::Pause(delay)).await.is_none() {
                self.fallback();
            }
        })
    }

    fn pause_remaining<'a>(&'a self, key: &'a BucketKey) -> StoreFuture<'a, Duration> {
        Box::pin(async move {
            let local = self.inner.local.pause_remaining(key).await;
            // The quota is not needed to read a pause.
            let any = Quota::per_minute(60.0);
            match self.run(key, any, Op::Remaining).await {
                Some(Ok(us) | Err(us)) => Duration::from_micros(us).max(local),
                None => {
                    self.fallback();
                    local
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_redacted() {
        assert_eq!(
            without_password("redis://user:s3cret@host:6379/0"),
            "redis://user:***@host:6379/0"
        );
        assert_eq!(
            without_password("redis://:s3cret@host/"),
            "redis://:***@host/"
        );
        assert_eq!(without_password("redis://host/"), "redis://host/");
        let err = RedisStore::open("http://:s3cret@host/").unwrap_err();
        assert!(!err.to_string().contains("s3cret"), "{err}");
        let store = RedisStore::open("redis://:s3cret@127.0.0.1:1/").unwrap();
        assert!(!format!("{store:?}").contains("s3cret"));
    }

    #[test]
    fn keys_name_the_prefix_method_workspace_and_channel() {
        use super::super::WorkspaceKey;
        let store = RedisStore::builder("redis://127.0.0.1:1/")
            .prefix("app:")
            .build()
            .unwrap();
        let mut key = BucketKey {
            method: "chat.postMessage",
            workspace: WorkspaceKey::Team("T1".into()),
            channel: None,
        };
        assert_eq!(store.redis_key(&key), "app:chat.postMessage:T1");
        key.channel = Some("C9".into());
        assert_eq!(store.redis_key(&key), "app:chat.postMessage:T1:C9");
    }
}
