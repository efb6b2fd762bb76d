#![doc = include_str!("../README.md")]

mod args;
pub mod catalog;
mod content;
pub mod demo;
mod fault;
mod journal;
mod methods;
mod org;
mod ratelimit;
mod reply;
mod respond;
mod server;
mod state;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use crate::content::MockChannel;
pub use crate::fault::Fault;
pub use crate::journal::JournalEntry;
pub use crate::org::{MockSession, MockUser, SessionKind, UserRole};
pub use crate::ratelimit::{MAX_RETRY_AFTER_SECS, RateLimits};
pub use crate::respond::{MockRequest, Respond};

use crate::fault::FaultQueue;
use crate::journal::Journal;
use crate::org::{Org, Tokens};
use crate::ratelimit::Limiter;
use crate::state::Shared;

/// Default capacity of the request journal (oldest entries are dropped beyond it).
pub const DEFAULT_JOURNAL_CAPACITY: usize = 100_000;

/// Default memory budget of the request journal, in (approximate) bytes of arguments,
/// headers and bookkeeping: the oldest entries are dropped beyond it, so that large
/// bodies (up to 1 MiB each) cannot make the journal grow without bound.
pub const DEFAULT_JOURNAL_MAX_BYTES: usize = 256 * 1024 * 1024;

/// Default memory budget of uploaded files (uploads not yet completed, and files, with
/// their records), in bytes: beyond it the oldest uncompleted uploads are dropped, then
/// uploads are refused (HTTP 413, `storage_limit_reached`), so that uploads cannot make
/// the emulator grow without bound.
pub const DEFAULT_FILES_MAX_BYTES: usize = 256 * 1024 * 1024;

/// Default budget of stored messages (in channels, thread replies included, and
/// scheduled): beyond it posting answers `message_limit_exceeded`, so that clients
/// cannot make the emulator grow without bound.
pub const DEFAULT_MESSAGES_MAX: usize = 1_000_000;

/// Default memory budget of stored messages, in approximate bytes (a fixed part of
/// about 550 bytes per message, its text, blocks, attachments and metadata): beyond it
/// posting, or an edit that makes a message larger, answers `message_limit_exceeded`.
pub const DEFAULT_MESSAGES_MAX_BYTES: usize = 256 * 1024 * 1024;

/// Default budget of conversations clients create (channels, DMs and group DMs; the
/// builder's are not counted): beyond it creating one answers `cannot_create_channel`
/// (`conversations.create`) or `channel_not_found` (opening a new DM).
pub const DEFAULT_CHANNELS_MAX: usize = 100_000;

/// The methods with modelled behaviour (state and Slack's documented errors); every
/// other catalog method answers in the shape of its published sample response.
pub fn modelled_methods() -> Vec<&'static str> {
    methods::modelled()
}

/// Id of the `i`-th member added by [`MockSlackBuilder::members`]: `"U"` followed by `i`
/// zero-padded to 8 digits (`member_id(1) == "U00000001"`). Members are numbered from 1.
pub fn member_id(i: usize) -> String {
    format!("U{i:08}")
}

/// A running mock Slack server on 127.0.0.1.
///
/// Dropping it stops the server: the listener closes and every connection task is
/// aborted. [`MockSlack::shutdown`] stops it gracefully instead (in-flight requests are
/// answered, for up to 5 seconds).
pub struct MockSlack {
    shared: Arc<Shared>,
    addr: SocketAddr,
    shutdown: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl MockSlack {
    /// Starts the demo org ([`demo`]) with Slack's exact rate limits on a free port of
    /// 127.0.0.1. Must be called within a Tokio runtime.
    pub async fn start() -> std::io::Result<MockSlack> {
        MockSlack::builder().demo_org().start().await
    }

    /// A builder for a custom org, rate limits, port, ...
    pub fn builder() -> MockSlackBuilder {
        MockSlackBuilder::new()
    }

    /// `http://127.0.0.1:PORT/api/` (with the trailing slash: a method's URL is this plus
    /// its name).
    pub fn base_url(&self) -> String {
        format!("http://{}/api/", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Received requests, oldest first (also rejected and faulted ones).
    pub fn journal(&self) -> Vec<JournalEntry> {
        self.shared.journal.snapshot()
    }

    /// Empties the journal.
    pub fn clear_journal(&self) {
        self.shared.journal.clear();
    }

    /// Makes the next `times` answers of `method` (`"*"`: of any method) misbehave.
    /// Injections are consumed oldest first; faulted requests are still journaled and
    /// counted.
    pub fn inject_fault(&self, method: &str, fault: Fault, times: usize) {
        self.shared.faults.inject(method, fault, times);
    }

    /// The current sessions of `user_id`, ordered by id.
    pub fn sessions(&self, user_id: &str) -> Vec<MockSession> {
        self.shared.org().sessions_of(user_id)
    }

    /// Registers (or replaces) a token of the demo app ([`demo::APP_ID`]) for `user_id`
    /// with `scopes`. The token's team is the user's team (the first team of the org if
    /// the user is unknown). Tokens starting with `xoxb-` are bot tokens (relevant for
    /// `missing_scope`'s `needed`).
    pub fn add_token(&self, token: &str, user_id: &str, scopes: &[&str]) {
        self.add_app_token(demo::APP_ID, token, user_id, scopes);
    }

    /// Like [`add_token`](MockSlack::add_token), for the app `app_id`. Rate limits are
    /// per method, per team, per app: tokens of different apps have their own buckets,
    /// tokens of one app in one team share them.
    pub fn add_app_token(&self, app_id: &str, token: &str, user_id: &str, scopes: &[&str]) {
        let org = self.shared.org();
        let mut tokens = self
            .shared
            .tokens
            .write()
            .unwrap_or_else(|e| e.into_inner());
        register_token(&mut tokens, &org, app_id, token, user_id, scopes);
    }

    /// Answers `method` with `responder` from now on, instead of the emulator's own
    /// behaviour (after its checks: auth, rate limit, scope, arguments). Replaces an
    /// earlier responder of the method. See [`Respond`].
    pub fn respond_with(&self, method: &str, responder: impl Respond) {
        self.shared.responders.set(method, Arc::new(responder));
    }

    /// Removes the responder of `method`: the emulator's own behaviour answers again.
    pub fn clear_response(&self, method: &str) {
        self.shared.responders.remove(method);
    }

    /// How many requests of `method` were answered after passing the HTTP layer (faults
    /// and unknown methods excluded).
    pub fn method_count(&self, method: &str) -> u64 {
        catalog::catalog()
            .get(method)
            .and_then(|s| self.shared.calls.get(s.index as usize))
            .map_or(0, |c| c.load(Ordering::Relaxed))
    }

    /// Number of HTTP 429 answers sent (rate limits and injected faults).
    pub fn rate_limited_count(&self) -> u64 {
        self.shared.rate_limited.load(Ordering::Relaxed)
    }

    /// Number of requests received.
    pub fn request_count(&self) -> u64 {
        self.shared.requests.load(Ordering::Relaxed)
    }

    /// Stops accepting connections, lets open ones finish their current request (for up
    /// to 5 seconds), then returns.
    pub async fn shutdown(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

/// Short on purpose: no tokens, and not the whole org or journal.
impl std::fmt::Debug for MockSlack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockSlack")
            .field("addr", &self.addr)
            .field("requests", &self.request_count())
            .field("rate_limited", &self.rate_limited_count())
            .finish_non_exhaustive()
    }
}

impl Drop for MockSlack {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// The one place tokens are registered (builder and run time alike): the token's team is
/// its user's team, else the org's first team.
fn register_token(
    tokens: &mut Tokens,
    org: &Org,
    app_id: &str,
    token: &str,
    user_id: &str,
    scopes: &[&str],
) {
    // A bot id names its bot user.
    let user_id = org.user(user_id).map_or(user_id, |u| u.id.as_str());
    let team = org
        .users
        .get(user_id)
        .map(|u| u.team_id.as_str())
        .or_else(|| org.teams.first().map(|t| t.id.as_str()))
        .unwrap_or(demo::TEAM_ID);
    let auth_test = methods::api::auth_test_body(org, user_id, team, app_id);
    tokens.insert(token, user_id, team, app_id, scopes, auth_test);
}

/// Configures a [`MockSlack`]. Start from [`MockSlack::builder`].
///
/// Without [`demo_org`](MockSlackBuilder::demo_org) the org is empty except for what
/// you add. Teams named by users but never declared are created with their id as name.
/// Session ids are handed out from 10001 in this order: `demo_org()` and
/// [`sessions`](MockSlackBuilder::sessions) calls as made, then
/// [`members`](MockSlackBuilder::members).
#[derive(Debug, Clone)]
pub struct MockSlackBuilder {
    enterprise: String,
    teams: Vec<(String, String)>,
    users: Vec<MockUser>,
    channels: Vec<MockChannel>,
    /// (app, token, user, scopes)
    tokens: Vec<(String, String, String, Vec<String>)>,
    sessions: Vec<(String, usize, usize)>,
    members: usize,
    rate_limits: RateLimits,
    journal_capacity: usize,
    journal_max_bytes: usize,
    budgets: crate::content::Budgets,
    responders: Vec<(String, respond::Responder)>,
    host: IpAddr,
    port: u16,
    header_read_timeout: Duration,
    body_read_timeout: Duration,
}

impl Default for MockSlackBuilder {
    fn default() -> Self {
        MockSlackBuilder::new()
    }
}

impl MockSlackBuilder {
    /// An empty org (enterprise `E0DEMO`), exact rate limits, journal capacity
    /// [`DEFAULT_JOURNAL_CAPACITY`], a free port on 127.0.0.1.
    pub fn new() -> MockSlackBuilder {
        MockSlackBuilder {
            enterprise: demo::ENTERPRISE_ID.to_owned(),
            teams: Vec::new(),
            users: Vec::new(),
            channels: Vec::new(),
            tokens: Vec::new(),
            sessions: Vec::new(),
            members: 0,
            rate_limits: RateLimits::Exact,
            journal_capacity: DEFAULT_JOURNAL_CAPACITY,
            journal_max_bytes: DEFAULT_JOURNAL_MAX_BYTES,
            budgets: crate::content::Budgets::default(),
            responders: Vec::new(),
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            header_read_timeout: server::HEADER_READ_TIMEOUT,
            body_read_timeout: server::BODY_READ_TIMEOUT,
        }
    }

    /// Seeds the [`demo`] org: teams, users, channels, 2 web + 1 mobile sessions per
    /// non-bot user, and the demo tokens.
    pub fn demo_org(mut self) -> MockSlackBuilder {
        use demo::*;
        self = self
            .team(TEAM_ID, TEAM_NAME)
            .team(TEAM2_ID, TEAM2_NAME)
            .user(MockUser::admin(ADMIN_ID, TEAM_ID).name("admin"))
            .user(MockUser::primary_owner(OWNER_ID, TEAM_ID).name("owner"))
            .user(MockUser::member(ALICE_ID, TEAM_ID).name("alice"))
            .user(MockUser::member(BOB_ID, TEAM_ID).name("bob"))
            .user(MockUser::member(CAROL_ID, TEAM2_ID).name("carol"))
            .user(
                MockUser::bot(BOT_USER_ID, TEAM_ID)
                    .name("demobot")
                    .real_name("Demo Bot")
                    .bot_id(BOT_ID),
            )
            .channel(
                MockChannel::public(GENERAL_ID, TEAM_ID, "general")
                    .general()
                    .members(&[ADMIN_ID, OWNER_ID, ALICE_ID, BOB_ID, BOT_USER_ID]),
            )
            .channel(
                MockChannel::public(RANDOM_ID, TEAM_ID, "random")
                    .members(&[ADMIN_ID, ALICE_ID, BOB_ID]),
            )
            .channel(
                MockChannel::private(SECRET_ID, TEAM_ID, "secret").members(&[ADMIN_ID, ALICE_ID]),
            )
            .channel(
                MockChannel::public(ARCHIVED_ID, TEAM_ID, "old-news")
                    .members(&[ADMIN_ID, ALICE_ID])
                    .archived(),
            )
            .channel(
                MockChannel::public(LABS_ID, TEAM2_ID, "labs")
                    .general()
                    .members(&[CAROL_ID]),
            );
        for u in USERS_WITH_SESSIONS {
            self = self.sessions(u, 2, 1);
        }
        self.token(ADMIN_TOKEN, ADMIN_ID, ADMIN_SCOPES)
            .token(MEMBER_TOKEN, ALICE_ID, ADMIN_SCOPES)
            .token(READONLY_TOKEN, ADMIN_ID, READONLY_SCOPES)
            .token(BOT_TOKEN, BOT_USER_ID, BOT_SCOPES)
            .token(USER_TOKEN, ALICE_ID, USER_SCOPES)
    }

    /// Adds a channel (replacing one with the same id). Members unknown when the server
    /// starts are dropped. Every team without a `general` channel gets one (members: the
    /// team's users).
    pub fn channel(mut self, channel: MockChannel) -> MockSlackBuilder {
        self.channels.push(channel);
        self
    }

    /// Sets the enterprise id (default `E0DEMO`), reported by `auth.test`.
    pub fn enterprise(mut self, id: &str) -> MockSlackBuilder {
        self.enterprise = id.to_owned();
        self
    }

    /// Adds a team (or renames it).
    pub fn team(mut self, id: &str, name: &str) -> MockSlackBuilder {
        self.teams.push((id.to_owned(), name.to_owned()));
        self
    }

    /// Adds a user (replacing one with the same id).
    pub fn user(mut self, user: MockUser) -> MockSlackBuilder {
        self.users.push(user);
        self
    }

    /// Adds a token of the demo app for `user_id` with `scopes` (see
    /// [`MockSlack::add_token`]).
    pub fn token(self, token: &str, user_id: &str, scopes: &[&str]) -> MockSlackBuilder {
        self.app_token(demo::APP_ID, token, user_id, scopes)
    }

    /// Adds a token of the app `app_id` (see [`MockSlack::add_app_token`]): its rate-limit
    /// buckets are separate from those of other apps' tokens in the same team.
    pub fn app_token(
        mut self,
        app_id: &str,
        token: &str,
        user_id: &str,
        scopes: &[&str],
    ) -> MockSlackBuilder {
        self.tokens.push((
            app_id.to_owned(),
            token.to_owned(),
            user_id.to_owned(),
            scopes.iter().map(|s| (*s).to_owned()).collect(),
        ));
        self
    }

    /// Gives `user_id` `web` more web sessions and `mobile` more mobile sessions (ignored
    /// if the user does not exist when the server starts).
    pub fn sessions(mut self, user_id: &str, web: usize, mobile: usize) -> MockSlackBuilder {
        self.sessions.push((user_id.to_owned(), web, mobile));
        self
    }

    /// Adds `n` regular members ([`member_id`]`(i)`, numbered on from earlier calls), each
    /// with 1 web and 1 mobile session, in the first declared team (`T0DEMO1` if none).
    /// Every member costs a few hundred bytes; `members(0)` adds nothing.
    pub fn members(mut self, n: usize) -> MockSlackBuilder {
        self.members = self.members.saturating_add(n);
        self
    }

    /// Rate-limit mode (default [`RateLimits::Exact`]).
    pub fn rate_limits(mut self, limits: RateLimits) -> MockSlackBuilder {
        self.rate_limits = limits;
        self
    }

    /// Journal ring-buffer capacity in entries (0 disables the journal).
    pub fn journal_capacity(mut self, n: usize) -> MockSlackBuilder {
        self.journal_capacity = n;
        self
    }

    /// Journal memory budget in approximate bytes (default
    /// [`DEFAULT_JOURNAL_MAX_BYTES`]): beyond it the oldest entries are dropped. The
    /// newest entry is always kept, whatever its size.
    pub fn journal_max_bytes(mut self, bytes: usize) -> MockSlackBuilder {
        self.journal_max_bytes = bytes;
        self
    }

    /// Memory budget of uploaded files in bytes (default [`DEFAULT_FILES_MAX_BYTES`]):
    /// their bytes and their records (about 300 bytes each, plus name, title and alt
    /// text). Beyond it the oldest uploads not yet completed are dropped, then an upload
    /// is refused with HTTP 413 (`storage_full`) and `files.getUploadURLExternal` with
    /// `storage_limit_reached`.
    pub fn files_max_bytes(mut self, bytes: usize) -> MockSlackBuilder {
        self.budgets.files_max_bytes = bytes;
        self
    }

    /// Most messages stored at once (default [`DEFAULT_MESSAGES_MAX`]): in channels,
    /// thread replies included, and scheduled. Beyond it `chat.postMessage`,
    /// `chat.scheduleMessage` answer `message_limit_exceeded` and
    /// `files.completeUploadExternal` with channels `posting_to_channel_denied`, until
    /// messages are deleted.
    pub fn messages_max(mut self, n: usize) -> MockSlackBuilder {
        self.budgets.messages_max = n;
        self
    }

    /// Memory budget of stored messages in approximate bytes (default
    /// [`DEFAULT_MESSAGES_MAX_BYTES`]): what a message costs is a fixed part (about 550
    /// bytes) plus its text, its blocks, attachments and metadata as held in memory. A
    /// message that does not fit is refused as with [`messages_max`](Self::messages_max);
    /// so is a `chat.update` that makes a message larger than what is left.
    pub fn messages_max_bytes(mut self, bytes: usize) -> MockSlackBuilder {
        self.budgets.messages_max_bytes = bytes;
        self
    }

    /// Most conversations clients create (channels, DMs and group DMs; the builder's
    /// are not counted; default [`DEFAULT_CHANNELS_MAX`]). Beyond it `conversations.create` answers
    /// `cannot_create_channel`, and opening a DM or group DM that does not exist yet
    /// (`conversations.open`, posting to a user) `channel_not_found`.
    pub fn channels_max(mut self, n: usize) -> MockSlackBuilder {
        self.budgets.channels_max = n;
        self
    }

    /// Port to listen on (default 0: any free port).
    pub fn port(mut self, port: u16) -> MockSlackBuilder {
        self.port = port;
        self
    }

    /// Address to listen on (default 127.0.0.1). The mock has no security at all; only
    /// use a non-loopback address on a network you trust.
    pub fn host(mut self, host: IpAddr) -> MockSlackBuilder {
        self.host = host;
        self
    }

    /// Time a client has to send a request's headers before the connection is closed
    /// without an answer (default 30 s; also bounds how long an idle keep-alive
    /// connection may wait before its next request).
    pub fn header_read_timeout(mut self, timeout: Duration) -> MockSlackBuilder {
        self.header_read_timeout = timeout;
        self
    }

    /// Answers `method` with `responder` from the start (see
    /// [`MockSlack::respond_with`]).
    pub fn respond_with(mut self, method: &str, responder: impl Respond) -> MockSlackBuilder {
        self.responders
            .push((method.to_owned(), respond::Responder(Arc::new(responder))));
        self
    }

    /// Time a client has to send a request body before it gets HTTP 408 (default 30 s).
    pub fn body_read_timeout(mut self, timeout: Duration) -> MockSlackBuilder {
        self.body_read_timeout = timeout;
        self
    }

    fn build_org(&self) -> (Org, Tokens) {
        let mut org = Org::new(self.enterprise.clone());
        for (id, name) in &self.teams {
            org.add_team(id, name);
        }
        for u in &self.users {
            org.add_user(u.clone());
        }
        let member_team = org
            .teams
            .first()
            .map(|t| t.id.clone())
            .unwrap_or_else(|| demo::TEAM_ID.to_owned());
        if org.teams.is_empty() {
            org.add_team(demo::TEAM_ID, demo::TEAM_NAME);
        }
        for (user, web, mobile) in &self.sessions {
            org.add_sessions(user, *web, *mobile);
        }
        for i in 1..=self.members {
            let id = member_id(i);
            org.add_user(MockUser::member(id.clone(), member_team.clone()));
            org.add_sessions(&id, 1, 1);
        }
        for c in &self.channels {
            org.content.add_channel(c.to_channel(&org));
        }
        for team in org.teams.clone() {
            let has_general = org
                .content
                .channels
                .values()
                .any(|c| c.team_id == team.id && c.is_general);
            if !has_general {
                let id = org.content.next_id('C');
                let mut ch = crate::content::Channel::new(
                    &id,
                    &team.id,
                    "general",
                    crate::content::ChannelKind::Public,
                );
                ch.is_general = true;
                org.content.add_channel(ch);
            }
        }
        // Every user is in their team's general channel.
        let users: Vec<(String, String)> = org
            .users
            .values()
            .map(|u| (u.id.clone(), u.team_id.clone()))
            .collect();
        for ch in org.content.channels.values_mut().filter(|c| c.is_general) {
            for (u, t) in &users {
                if *t == ch.team_id {
                    ch.members.insert(u.clone());
                }
            }
        }
        let mut tokens = Tokens::default();
        for (app, token, user, scopes) in &self.tokens {
            let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
            register_token(&mut tokens, &org, app, token, user, &scopes);
        }
        (org, tokens)
    }

    /// Binds the port and starts serving. Must be called within a Tokio runtime.
    pub async fn start(self) -> std::io::Result<MockSlack> {
        let listener = TcpListener::bind(SocketAddr::new(self.host, self.port)).await?;
        let addr = listener.local_addr()?;
        let (mut org, tokens) = self.build_org();
        org.content.budgets = self.budgets;
        // URLs handed out (uploads, files) name the address clients reach.
        let origin_ip = if addr.ip().is_unspecified() {
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        } else {
            addr.ip()
        };
        org.origin = format!("http://{}", SocketAddr::new(origin_ip, addr.port()));
        let shared = Arc::new(Shared {
            org: Mutex::new(org),
            tokens: RwLock::new(tokens),
            limiter: Limiter::new(self.rate_limits),
            journal: Journal::new(self.journal_capacity, self.journal_max_bytes),
            faults: FaultQueue::default(),
            requests: AtomicU64::new(0),
            rate_limited: AtomicU64::new(0),
            calls: (0..catalog::catalog().len())
                .map(|_| AtomicU64::new(0))
                .collect(),
            responders: {
                let r = respond::Responders::default();
                for (method, responder) in &self.responders {
                    r.set(method, responder.0.clone());
                }
                r
            },
            channel_keys: Mutex::new(std::collections::HashMap::new()),
            header_read_timeout: self.header_read_timeout,
            body_read_timeout: self.body_read_timeout,
        });
        let (tx, rx) = watch::channel(false);
        let task = tokio::spawn(server::serve(listener, shared.clone(), rx));
        Ok(MockSlack {
            shared,
            addr,
            shutdown: tx,
            task: Some(task),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<MockSlack>();
        assert_send_sync::<MockSlackBuilder>();
        assert_send_sync::<JournalEntry>();
    }

    #[tokio::test]
    async fn debug_output_is_short_and_holds_no_token() {
        let m = MockSlack::start().await.unwrap();
        m.add_token("xoxp-secret-debug", demo::ADMIN_ID, &[]);
        let dump = format!("{m:?}");
        assert!(!dump.contains("xoxp-"), "{dump}");
        assert!(dump.len() < 200, "{dump}");
    }

    #[test]
    fn member_ids() {
        assert_eq!(member_id(1), "U00000001");
        assert_eq!(member_id(123_456), "U00123456");
    }
}
