//! A downstream crate: it depends on `slackline` only (no `serde`, no
//! `slackline-macros`) and declares an endpoint the client does not ship,
//! Slack's `admin.users.session.list`. Building it checks that expansions
//! name nothing but `::slackline`.

use slackline::serde::Deserialize;
use slackline::{SlackClient, SlackError, SlackToken, slack_method};

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
    fn metadata() {
        let spec = <SlackClient as AdminUsersSessionListApi>::ADMIN_USERS_SESSION_LIST;
        assert_eq!(spec.name, "admin.users.session.list");
        assert_eq!(required_scopes(), ["admin.users:read"]);
        assert!(spec.args.iter().all(|a| !a.required));
    }
}
