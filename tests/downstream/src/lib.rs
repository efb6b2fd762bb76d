//! A downstream crate: it depends on `slackline` only (no `serde`, no
//! `slackline-macros`) and declares endpoints the client does not ship:
//! Slack's `admin.users.session.list`, and `users.info`, `auth.test` and
//! `oauth.v2.access` by name alone. Building it checks that expansions name
//! nothing but `::slackline`; `tests/emulator.rs` calls them against the
//! emulator.

use slackline::serde::Deserialize;
use slackline::{
    ClientCredentials, DefaultSuccess, SlackClient, SlackError, SlackToken, slack_api, slack_method,
};

/// The methods every app calls, declared by name: their scopes, tier, HTTP
/// verb and whether a token is sent come from Slack's catalog.
#[slack_api]
pub trait Basics {
    /// Gets information about a user (`users:read`, Tier 4, GET).
    #[slack_method("users.info")]
    async fn users_info(&self, token: &SlackToken, user: &str) -> Result<UserInfo, SlackError>;

    /// Checks authentication and identity (no scope needed).
    #[slack_method("auth.test")]
    async fn auth_test(&self, token: &SlackToken) -> Result<AuthTest, SlackError>;

    /// Exchanges an OAuth code for an access token: no token is sent, the
    /// client credentials are form fields.
    #[slack_method("oauth.v2.access")]
    async fn oauth_v2_access(
        &self,
        client_id: &str,
        client_secret: &str,
        code: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    /// The same exchange with the client credentials as HTTP Basic auth.
    #[slack_method("oauth.v2.access")]
    async fn oauth_v2_access_basic(
        &self,
        credentials: &ClientCredentials,
        code: &str,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl Basics for SlackClient {}

/// The answer of `users.info`.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "slackline::serde")]
pub struct UserInfo {
    /// The user, when the server describes one.
    #[serde(default)]
    pub user: Option<User>,
}

/// A user, as far as this crate reads it.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "slackline::serde")]
pub struct User {
    pub id: String,
}

/// The answer of `auth.test`.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "slackline::serde")]
pub struct AuthTest {
    pub user_id: String,
    pub team_id: String,
}

/// One active session of a user.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "slackline::serde")]
pub struct ActiveSession {
    pub user_id: String,
    pub team_id: String,
    pub session_id: i64,
    #[serde(default)]
    pub created: Option<SessionDevice>,
    #[serde(default)]
    pub recent: Option<SessionDevice>,
}

/// Where a session was created or last used.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "slackline::serde", default)]
pub struct SessionDevice {
    pub device_hardware: Option<String>,
    pub os: Option<String>,
    pub os_version: Option<String>,
    pub slack_client_version: Option<String>,
    pub ip: Option<String>,
}

/// The answer of `admin.users.session.list`.
#[derive(Debug, Clone, Deserialize)]
#[serde(crate = "slackline::serde")]
pub struct SessionList {
    pub active_sessions: Vec<ActiveSession>,
    #[serde(default)]
    pub response_metadata: Option<ResponseMetadata>,
}

/// Cursor pagination.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(crate = "slackline::serde", default)]
pub struct ResponseMetadata {
    pub next_cursor: String,
}

/// Session listing for org admins.
pub trait AdminUsersSessionListApi {
    /// Lists active user sessions for an organization.
    #[slack_method(
        "admin.users.session.list",
        scope = "admin.users:read",
        tier = 2,
        idempotent
    )]
    async fn admin_users_session_list(
        &self,
        token: &SlackToken,
        team_id: Option<&str>,
        user_id: Option<&str>,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<SessionList, SlackError>;
}

impl AdminUsersSessionListApi for SlackClient {}

/// The scopes this crate's declarations need, read from their metadata.
pub fn required_scopes() -> &'static [&'static str] {
    <SlackClient as AdminUsersSessionListApi>::ADMIN_USERS_SESSION_LIST.scopes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_only_metadata() {
        let info = <SlackClient as Basics>::USERS_INFO;
        assert_eq!(info.scopes, ["users:read"]);
        assert_eq!(info.tier, slackline::Tier::Tier4);
        assert_eq!(info.http, slackline::HttpMethod::Get);
        let auth = <SlackClient as Basics>::AUTH_TEST;
        assert!(auth.scopes.is_empty() && auth.takes_token);
        let oauth = <SlackClient as Basics>::OAUTH_V2_ACCESS;
        assert!(oauth.scopes.is_empty() && !oauth.takes_token);
    }

    #[test]
    fn metadata() {
        let spec = <SlackClient as AdminUsersSessionListApi>::ADMIN_USERS_SESSION_LIST;
        assert_eq!(spec.name, "admin.users.session.list");
        assert_eq!(required_scopes(), ["admin.users:read"]);
        assert!(spec.args.iter().all(|a| !a.required));
    }
}
