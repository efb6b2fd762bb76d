//! State shared by every connection of one emulator: the org, the tokens, the limiter,
//! the journal, faults, counters and canned answers.

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use crate::fault::FaultQueue;
use crate::journal::Journal;
use crate::org::{Org, TokenInfo, Tokens};
use crate::ratelimit::Limiter;
use crate::respond::Responders;

/// Most distinct (team-app, channel) pairs with a bucket of their own.
pub(crate) const MAX_CHANNEL_KEYS: usize = 65_536;

/// State shared by all connections of one mock.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) org: Mutex<Org>,
    pub(crate) tokens: RwLock<Tokens>,
    pub(crate) limiter: Limiter,
    pub(crate) journal: Journal,
    pub(crate) faults: FaultQueue,
    pub(crate) requests: AtomicU64,
    pub(crate) rate_limited: AtomicU64,
    /// Answers per catalog method (indexed by `MethodSpec::index`).
    pub(crate) calls: Vec<AtomicU64>,
    /// Canned answers and handlers registered by the user's tests.
    pub(crate) responders: Responders,
    /// Rate-limit keys of per-channel methods: (team-app key, channel) → key.
    pub(crate) channel_keys: Mutex<HashMap<(u32, String), u32>>,
    pub(crate) header_read_timeout: Duration,
    pub(crate) body_read_timeout: Duration,
}

impl Shared {
    pub(crate) fn org(&self) -> std::sync::MutexGuard<'_, Org> {
        self.org.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The rate-limit key of `channel` for the team-app `key`, for methods Slack limits
    /// per channel. Keys are handed out from 1 per distinct pair; past
    /// [`MAX_CHANNEL_KEYS`] pairs, new channels of a team-app share one bucket (memory
    /// stays bounded whatever channel names clients send).
    pub(crate) fn channel_rate_key(&self, key: u32, channel: &str) -> u32 {
        let mut keys = self.channel_keys.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(k) = keys.get(&(key, channel.to_owned())) {
            return *k;
        }
        let pair = if keys.len() < MAX_CHANNEL_KEYS {
            (key, channel.to_owned())
        } else {
            (key, String::from("\u{0}overflow"))
        };
        let next = u32::try_from(keys.len() + 1).unwrap_or(u32::MAX);
        *keys.entry(pair).or_insert(next)
    }

    pub(crate) fn token(&self, token: &str) -> Option<Arc<TokenInfo>> {
        self.tokens
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(token)
    }
}
