//! `admin.users.session.*`: logging a user out, everywhere or one session.

use crate::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_api, slack_method};

/// Enterprise Grid session administration: what an org admin uses to log a
/// compromised account out.
///
/// Every method needs a user token (`xoxp-…`) of an org admin or owner with
/// the `admin.users:write` scope; all are Slack Tier 2 (20+ calls per
/// minute per workspace), which the client's pacing honours; all are
/// idempotent, so 5xx answers and timeouts are retried.
///
/// ```no_run
/// use slackline::{AdminUsersSessionApi, SlackClient, SlackToken};
/// # async fn run() -> Result<(), slackline::SlackError> {
/// let client = SlackClient::new();
/// let token = SlackToken::from_env("SLACK_TOKEN")?;
/// client.admin_users_session_invalidate(&token, "T0123", 42).await?;
/// client.admin_users_session_reset(&token, "U0123", None, Some(true)).await?;
/// # Ok(()) }
/// ```
#[slack_api]
pub trait AdminUsersSessionApi {
    /// Invalidates a single session for a user by `session_id`.
    ///
    /// `team_id` is the ID of the workspace the session belongs to. (Slack's
    /// current documentation identifies the session by `user_id` instead and
    /// deprecates `team_id`; declare that form yourself with
    /// [`slack_method`](crate::slack_method), as `examples/declare_your_own.rs` shows.)
    ///
    /// Scope: `admin.users:write`. Docs:
    /// <https://docs.slack.dev/reference/methods/admin.users.session.invalidate>
    ///
    /// # Errors
    /// [`SlackError::Api`] with Slack's code, among them `session_not_found`,
    /// `user_not_found`, `cannot_invalidate_primary_owner`,
    /// `session_invalidation_failed`, `not_an_admin`, `feature_not_enabled`,
    /// `admin_unauthorized`, `invalid_auth`, `missing_scope`; and the
    /// transport, HTTP and rate-limit errors of every call.
    #[slack_method(
        "admin.users.session.invalidate",
        scope = "admin.users:write",
        tier = 2,
        idempotent
    )]
    async fn admin_users_session_invalidate(
        &self,
        token: &SlackToken,
        team_id: &str,
        session_id: i64,
    ) -> Result<DefaultSuccess, SlackError>;

    /// Wipes all valid sessions on all devices for a given user.
    ///
    /// `mobile_only` expires only mobile sessions, `web_only` only web
    /// sessions (both default to false on Slack's side; `None` sends nothing).
    ///
    /// Scope: `admin.users:write`. Docs:
    /// <https://docs.slack.dev/reference/methods/admin.users.session.reset>
    ///
    /// # Errors
    /// [`SlackError::Api`] with Slack's code, among them `user_not_found`,
    /// `cannot_reset_bot`, `cannot_reset_primary_owner`,
    /// `user_session_reset_failed`, `not_an_admin`, `feature_not_enabled`,
    /// `invalid_auth`, `missing_scope`; and the transport, HTTP and
    /// rate-limit errors of every call.
    #[slack_method(
        "admin.users.session.reset",
        scope = "admin.users:write",
        tier = 2,
        idempotent
    )]
    async fn admin_users_session_reset(
        &self,
        token: &SlackToken,
        user_id: &str,
        mobile_only: Option<bool>,
        web_only: Option<bool>,
    ) -> Result<DefaultSuccess, SlackError>;

    /// Enqueues a job that wipes the sessions of up to 1,000 users at once.
    ///
    /// `ok` means the job is queued, not done: the sessions go shortly after.
    /// `user_ids` are sent comma-joined. `mobile_only` and `web_only` as for
    /// [`admin_users_session_reset`](Self::admin_users_session_reset).
    ///
    /// Scope: `admin.users:write`. Docs:
    /// <https://docs.slack.dev/reference/methods/admin.users.session.resetBulk>
    ///
    /// # Errors
    /// [`SlackError::Api`] with Slack's code: `failed_for_some_users` when
    /// some of the users cannot be reset (the others are), or a single user's
    /// reason (`user_not_found`, `cannot_reset_bot`,
    /// `cannot_reset_primary_owner`), `not_an_admin`, `feature_not_enabled`,
    /// `invalid_auth`, `missing_scope`; and the transport, HTTP and
    /// rate-limit errors of every call.
    #[slack_method(
        "admin.users.session.resetBulk",
        scope = "admin.users:write",
        tier = 2,
        idempotent
    )]
    async fn admin_users_session_reset_bulk(
        &self,
        token: &SlackToken,
        user_ids: &[String],
        mobile_only: Option<bool>,
        web_only: Option<bool>,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl AdminUsersSessionApi for SlackClient {}
