//! State shared by every connection of one emulator: the org, the tokens, the limiter,
//! the journal, faults, counters and canned answers.

use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use crate::fault::FaultQueue;
use crate::journal::Journal;
use crate::org::{Org, TokenInfo, Tokens};
use crate::ratelimit::Limiter;
use crate::respond::Responders;

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
    pub(crate) header_read_timeout: Duration,
    pub(crate) body_read_timeout: Duration,
}

impl Shared {
    pub(crate) fn org(&self) -> std::sync::MutexGuard<'_, Org> {
        self.org.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn token(&self, token: &str) -> Option<Arc<TokenInfo>> {
        self.tokens
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(token)
    }
}
