//! The emulated organisation: teams, users, sessions and tokens.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use http::HeaderValue;

/// What a user is, as far as the admin session methods care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UserRole {
    /// An org admin: may call the `admin.users.session.*` methods.
    Admin,
    /// A regular member: gets `not_an_admin` from admin methods.
    Member,
    /// A bot user: its sessions cannot be reset (`cannot_reset_bot`).
    Bot,
    /// The primary owner: may call admin methods, but its sessions are protected
    /// (`cannot_reset_primary_owner`, `cannot_invalidate_primary_owner`).
    PrimaryOwner,
}

impl UserRole {
    /// Whether this role may call admin methods.
    pub fn is_admin(self) -> bool {
        matches!(self, UserRole::Admin | UserRole::PrimaryOwner)
    }
}

/// A user to seed with [`MockSlackBuilder::user`](crate::MockSlackBuilder::user).
///
/// Profiles: the real name defaults to the user name, the display name to the user name,
/// the email to `<name>@example.com` (bots have none). A bot user (`U…`) has a bot id
/// (`B…`): by default its user id with the leading `U` replaced by `B` (`U0BOT` →
/// `B0BOT`), or the id itself if it does not start with `U`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockUser {
    pub(crate) id: String,
    pub(crate) team_id: String,
    pub(crate) name: String,
    pub(crate) role: UserRole,
    pub(crate) real_name: Option<String>,
    pub(crate) display_name: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) bot_id: Option<String>,
}

impl MockUser {
    fn new(id: impl Into<String>, team: impl Into<String>, role: UserRole) -> MockUser {
        let id = id.into();
        let bot_id = (role == UserRole::Bot).then(|| match id.strip_prefix('U') {
            Some(rest) => format!("B{rest}"),
            None => id.clone(),
        });
        MockUser {
            name: id.to_ascii_lowercase(),
            id,
            team_id: team.into(),
            role,
            real_name: None,
            display_name: None,
            email: None,
            bot_id,
        }
    }

    /// Sets the profile's real name (default: the user name).
    pub fn real_name(mut self, name: impl Into<String>) -> MockUser {
        self.real_name = Some(name.into());
        self
    }

    /// Sets the profile's display name (default: the user name).
    pub fn display_name(mut self, name: impl Into<String>) -> MockUser {
        self.display_name = Some(name.into());
        self
    }

    /// Sets the email (`users.lookupByEmail`; default `<name>@example.com`, none for bots).
    pub fn email(mut self, email: impl Into<String>) -> MockUser {
        self.email = Some(email.into());
        self
    }

    /// Sets a bot user's bot id (`B…`; ignored for other roles).
    pub fn bot_id(mut self, bot_id: impl Into<String>) -> MockUser {
        if self.role == UserRole::Bot {
            self.bot_id = Some(bot_id.into());
        }
        self
    }

    /// The email the user has (explicit, else `<name>@example.com`; none for bots).
    pub fn user_email(&self) -> Option<String> {
        match (&self.email, self.role) {
            (Some(e), _) => Some(e.clone()),
            (None, UserRole::Bot) => None,
            (None, _) => Some(format!("{}@example.com", self.name)),
        }
    }

    /// The profile's real name.
    pub fn user_real_name(&self) -> &str {
        self.real_name.as_deref().unwrap_or(&self.name)
    }

    /// The profile's display name.
    pub fn user_display_name(&self) -> &str {
        self.display_name.as_deref().unwrap_or(&self.name)
    }

    /// The bot id of a bot user.
    pub fn user_bot_id(&self) -> Option<&str> {
        self.bot_id.as_deref()
    }

    /// An org admin in `team`.
    pub fn admin(id: impl Into<String>, team: impl Into<String>) -> MockUser {
        MockUser::new(id, team, UserRole::Admin)
    }

    /// A regular member of `team`.
    pub fn member(id: impl Into<String>, team: impl Into<String>) -> MockUser {
        MockUser::new(id, team, UserRole::Member)
    }

    /// A bot user in `team`.
    pub fn bot(id: impl Into<String>, team: impl Into<String>) -> MockUser {
        MockUser::new(id, team, UserRole::Bot)
    }

    /// The org's primary owner, in `team`.
    pub fn primary_owner(id: impl Into<String>, team: impl Into<String>) -> MockUser {
        MockUser::new(id, team, UserRole::PrimaryOwner)
    }

    /// Sets the user name (`auth.test`'s `user`; default: the id in lower case).
    pub fn name(mut self, name: impl Into<String>) -> MockUser {
        self.name = name.into();
        self
    }

    /// The user id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The user's team id.
    pub fn team_id(&self) -> &str {
        &self.team_id
    }

    /// The user name.
    pub fn user_name(&self) -> &str {
        &self.name
    }

    /// The role.
    pub fn role(&self) -> UserRole {
        self.role
    }
}

/// Whether a session lives in a browser or on a phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionKind {
    /// A browser/desktop session (`device_hardware: "Browser"` in `admin.users.session.list`).
    Web,
    /// A mobile session (`device_hardware: "iPhone"`).
    Mobile,
}

/// A session, as returned by [`MockSlack::sessions`](crate::MockSlack::sessions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockSession {
    /// Integer id, unique in the org.
    pub session_id: i64,
    /// Owner.
    pub user_id: String,
    /// Team of the owner.
    pub team_id: String,
    /// Web or mobile.
    pub kind: SessionKind,
}

#[derive(Debug, Clone)]
pub(crate) struct Team {
    pub(crate) id: String,
    pub(crate) name: String,
}

#[derive(Debug, Clone)]
pub(crate) struct SessionRec {
    pub(crate) user_id: String,
    pub(crate) team_id: String,
    pub(crate) kind: SessionKind,
}

/// Teams, users and sessions. Guarded by one mutex; every operation is short.
#[derive(Debug)]
pub(crate) struct Org {
    pub(crate) enterprise_id: String,
    pub(crate) teams: Vec<Team>,
    pub(crate) users: BTreeMap<String, MockUser>,
    pub(crate) sessions: BTreeMap<i64, SessionRec>,
    by_user: HashMap<String, BTreeSet<i64>>,
    next_session_id: i64,
    /// Channels, messages, files and scheduled messages.
    pub(crate) content: crate::content::Content,
    /// `http://host:port` of the server (for the URLs it hands out).
    pub(crate) origin: String,
}

/// First session id handed out; the demo org's ids are therefore stable.
pub(crate) const FIRST_SESSION_ID: i64 = 10001;

impl Org {
    pub(crate) fn new(enterprise_id: String) -> Org {
        Org {
            enterprise_id,
            teams: Vec::new(),
            users: BTreeMap::new(),
            sessions: BTreeMap::new(),
            by_user: HashMap::new(),
            next_session_id: FIRST_SESSION_ID,
            content: crate::content::Content::default(),
            origin: String::new(),
        }
    }

    /// A user by id, or a bot user by its bot id (`B…`).
    pub(crate) fn user(&self, id: &str) -> Option<&MockUser> {
        self.users.get(id).or_else(|| {
            id.starts_with('B')
                .then(|| {
                    self.users
                        .values()
                        .find(|u| u.bot_id.as_deref() == Some(id))
                })
                .flatten()
        })
    }

    /// Users ordered by id.
    pub(crate) fn users_sorted(&self) -> Vec<&MockUser> {
        // Keyed by id in a BTreeMap: already in order.
        self.users.values().collect()
    }

    pub(crate) fn add_team(&mut self, id: &str, name: &str) {
        if let Some(t) = self.teams.iter_mut().find(|t| t.id == id) {
            t.name = name.to_owned();
        } else {
            self.teams.push(Team {
                id: id.to_owned(),
                name: name.to_owned(),
            });
        }
    }

    pub(crate) fn team(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    pub(crate) fn add_user(&mut self, user: MockUser) {
        if self.team(&user.team_id).is_none() {
            let id = user.team_id.clone();
            self.add_team(&id, &id);
        }
        self.users.insert(user.id.clone(), user);
    }

    /// Adds sessions for a known user; returns false if the user is unknown.
    pub(crate) fn add_sessions(&mut self, user_id: &str, web: usize, mobile: usize) -> bool {
        let Some(user) = self.users.get(user_id) else {
            return false;
        };
        let team_id = user.team_id.clone();
        let kinds = std::iter::repeat_n(SessionKind::Web, web)
            .chain(std::iter::repeat_n(SessionKind::Mobile, mobile));
        for kind in kinds {
            let id = self.next_session_id;
            self.next_session_id += 1;
            self.sessions.insert(
                id,
                SessionRec {
                    user_id: user_id.to_owned(),
                    team_id: team_id.clone(),
                    kind,
                },
            );
            self.by_user
                .entry(user_id.to_owned())
                .or_default()
                .insert(id);
        }
        true
    }

    pub(crate) fn user_session_ids(&self, user_id: &str) -> Vec<i64> {
        self.by_user
            .get(user_id)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default()
    }

    pub(crate) fn remove_session(&mut self, id: i64) -> Option<SessionRec> {
        let rec = self.sessions.remove(&id)?;
        if let Some(set) = self.by_user.get_mut(&rec.user_id) {
            set.remove(&id);
        }
        Some(rec)
    }

    /// Removes a user's sessions of the given kinds; returns how many.
    pub(crate) fn reset_user(&mut self, user_id: &str, web: bool, mobile: bool) -> usize {
        let mut removed = 0;
        for id in self.user_session_ids(user_id) {
            let kind = self.sessions.get(&id).map(|s| s.kind);
            let hit = match kind {
                Some(SessionKind::Web) => web,
                Some(SessionKind::Mobile) => mobile,
                None => false,
            };
            if hit && self.remove_session(id).is_some() {
                removed += 1;
            }
        }
        removed
    }

    /// Up to `n` sessions with ids `>= start`, in id order, of `user` (if given) in
    /// `team` (if given). With a user, walks that user's index rather than every session.
    pub(crate) fn page(
        &self,
        start: i64,
        team: Option<&str>,
        user: Option<&str>,
        n: usize,
    ) -> Vec<(i64, &SessionRec)> {
        let in_team = |s: &SessionRec| team.is_none_or(|t| s.team_id == t);
        match user {
            Some(u) => self
                .by_user
                .get(u)
                .into_iter()
                .flat_map(|ids| ids.range(start..))
                .filter_map(|id| self.sessions.get(id).map(|s| (*id, s)))
                .filter(|(_, s)| in_team(s))
                .take(n)
                .collect(),
            None => self
                .sessions
                .range(start..)
                .filter(|(_, s)| in_team(s))
                .take(n)
                .map(|(id, s)| (*id, s))
                .collect(),
        }
    }

    pub(crate) fn sessions_of(&self, user_id: &str) -> Vec<MockSession> {
        self.user_session_ids(user_id)
            .into_iter()
            .filter_map(|id| {
                self.sessions.get(&id).map(|s| MockSession {
                    session_id: id,
                    user_id: s.user_id.clone(),
                    team_id: s.team_id.clone(),
                    kind: s.kind,
                })
            })
            .collect()
    }
}

/// A registered token.
#[derive(Debug)]
pub(crate) struct TokenInfo {
    /// Rate-limit key: the interned (team, app) pair of the token (never 0, which is
    /// the key of token-less requests).
    pub(crate) rate_key: u32,
    pub(crate) user_id: String,
    pub(crate) team_id: String,
    pub(crate) app_id: String,
    pub(crate) scopes: Vec<String>,
    pub(crate) scopes_joined: String,
    pub(crate) scopes_header: HeaderValue,
    pub(crate) is_bot: bool,
    pub(crate) auth_test_body: bytes::Bytes,
}

impl TokenInfo {
    pub(crate) fn has_any(&self, scopes: &[&str]) -> bool {
        scopes.iter().any(|s| self.scopes.iter().any(|t| t == s))
    }
}

#[derive(Default)]
pub(crate) struct Tokens {
    map: HashMap<String, Arc<TokenInfo>>,
    /// (team, app) → rate-limit key, from 1. Grows only with distinct pairs.
    rate_keys: HashMap<(String, String), u32>,
}

/// Counts only: the map's keys are secrets.
impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field("tokens", &self.map.len())
            .field("apps_per_team", &self.rate_keys.len())
            .finish()
    }
}

impl Tokens {
    /// Registers (or replaces) `token` of `app_id` for `user_id` in `team_id`.
    pub(crate) fn insert(
        &mut self,
        token: &str,
        user_id: &str,
        team_id: &str,
        app_id: &str,
        scopes: &[&str],
        auth_test_body: bytes::Bytes,
    ) {
        let next = u32::try_from(self.rate_keys.len() + 1).unwrap_or(u32::MAX);
        let rate_key = *self
            .rate_keys
            .entry((team_id.to_owned(), app_id.to_owned()))
            .or_insert(next);
        let scopes: Vec<String> = scopes.iter().map(|s| (*s).to_owned()).collect();
        let scopes_joined = scopes.join(",");
        let info = TokenInfo {
            rate_key,
            user_id: user_id.to_owned(),
            team_id: team_id.to_owned(),
            app_id: app_id.to_owned(),
            scopes_header: HeaderValue::from_str(&scopes_joined)
                .unwrap_or_else(|_| HeaderValue::from_static("")),
            scopes_joined,
            scopes,
            is_bot: token.starts_with("xoxb-"),
            auth_test_body,
        };
        self.map.insert(token.to_owned(), Arc::new(info));
    }

    pub(crate) fn get(&self, token: &str) -> Option<Arc<TokenInfo>> {
        self.map.get(token).cloned()
    }
}
