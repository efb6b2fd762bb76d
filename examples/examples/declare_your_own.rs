//! Declare Slack methods slackline does not ship, with nothing but the attribute.
//!
//! ```text
//! cargo run -p slackline-examples --example declare_your_own
//! ```
//!
//! Declares Slack's current form of `admin.users.session.invalidate`
//! (`user_id` + `session_id`) and `admin.users.session.list` (cursor
//! pagination), then lists a user's sessions, invalidates one and lists
//! again. Runs on the embedded emulator unless `SLACK_TOKEN` is set (then
//! against `SLACK_API_URL`, for the user given as the first argument).

use serde::Deserialize;
use slackline::{
    DefaultSuccess, Paginated, SlackClient, SlackError, SlackToken, manifest_scopes, paginate,
    slack_api, slack_method,
};
use slackline_mock::{MockSlack, demo};

/// One page of `admin.users.session.list`.
#[derive(Debug, Deserialize)]
pub struct SessionPage {
    /// The sessions on this page.
    pub active_sessions: Vec<ActiveSession>,
    /// Where the next page starts.
    #[serde(default)]
    pub response_metadata: Option<Cursor>,
}

/// One active session.
#[derive(Debug, Deserialize)]
pub struct ActiveSession {
    /// The session's owner.
    pub user_id: String,
    /// The workspace the session is in.
    pub team_id: String,
    /// The session's ID.
    pub session_id: i64,
}

/// `response_metadata` of a page.
#[derive(Debug, Deserialize)]
pub struct Cursor {
    /// Empty on the last page.
    #[serde(default)]
    pub next_cursor: String,
}

/// The session methods as Slack documents them today.
#[slack_api]
pub trait SessionAdmin {
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
        user_id: Option<&str>,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<SessionPage, SlackError>;

    /// Revokes a single session for a user (Slack's current form, by `user_id`).
    #[slack_method(
        "admin.users.session.invalidate",
        scope = "admin.users:write",
        tier = 2,
        idempotent
    )]
    async fn admin_users_session_invalidate_for_user(
        &self,
        token: &SlackToken,
        user_id: &str,
        session_id: i64,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl SessionAdmin for SlackClient {}

impl Paginated for SessionPage {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .map(|m| m.next_cursor.as_str())
    }
}

/// Every session of `user_id`, following cursors page by page.
async fn all_sessions(
    client: &SlackClient,
    token: &SlackToken,
    user_id: &str,
) -> Result<Vec<ActiveSession>, SlackError> {
    let pages = paginate(|cursor| async move {
        client
            .admin_users_session_list(token, Some(user_id), Some(2), cursor.as_deref())
            .await
    })
    .all()
    .await?;
    Ok(pages
        .into_iter()
        .flat_map(|page| page.active_sessions)
        .collect())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("Declared methods and the scopes they need:");
    let methods = <SlackClient as SessionAdmin>::SLACK_METHODS;
    for spec in methods {
        println!("  {:<32} {}", spec.name, spec.scopes.join(", "));
    }
    let needs: Vec<String> = manifest_scopes(methods)
        .iter()
        .map(ToString::to_string)
        .collect();
    println!("The app's manifest needs: {}", needs.join(", "));

    let (_mock, client, token, user) = if slackline_examples::slack_token_set() {
        let user = std::env::args()
            .nth(1)
            .ok_or("usage: declare_your_own <user_id>")?;
        let client = SlackClient::builder().base_url_from_env().build()?;
        (None, client, SlackToken::from_env("SLACK_TOKEN")?, user)
    } else {
        let mock = MockSlack::start().await?;
        println!(
            "\nNo SLACK_TOKEN: using the embedded Slack emulator at {}",
            mock.base_url()
        );
        let client = SlackClient::builder().base_url(mock.base_url()).build()?;
        (
            Some(mock),
            client,
            SlackToken::new(demo::ADMIN_TOKEN)?,
            demo::ALICE_ID.to_owned(),
        )
    };

    let before = all_sessions(&client, &token, &user).await?;
    println!(
        "\n{user} has {} active sessions: {:?}",
        before.len(),
        ids(&before)
    );
    if let Some(first) = before.first() {
        client
            .admin_users_session_invalidate_for_user(&token, &user, first.session_id)
            .await?;
        println!(
            "invalidated session {} (team {})",
            first.session_id, first.team_id
        );
    }
    let after = all_sessions(&client, &token, &user).await?;
    println!(
        "{user} now has {} active sessions: {:?}",
        after.len(),
        ids(&after)
    );
    Ok(())
}

fn ids(sessions: &[ActiveSession]) -> Vec<i64> {
    sessions.iter().map(|s| s.session_id).collect()
}
