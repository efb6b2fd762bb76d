//! Methods called without a token: only where the catalog (or `no_token`)
//! says so.

use slackline::{ClientCredentials, DefaultSuccess, SlackError, SlackToken, slack_method};

pub trait TokenLess {
    // A method outside the catalog without a token and without `no_token`:
    // most likely a forgotten token.
    #[slack_method("admin.sessions.frobnicate", scope = "admin.users:write")]
    async fn forgotten(&self) -> Result<DefaultSuccess, SlackError>;

    // `no_token`, and yet a token.
    #[slack_method("admin.sessions.frobnicate", scopes = [], no_token)]
    async fn both(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("admin.sessions.frobnicate", scopes = [], no_token, no_token)]
    async fn twice(&self) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("admin.sessions.frobnicate", scopes = [], no_token = true)]
    async fn with_value(&self) -> Result<DefaultSuccess, SlackError>;

    // Client credentials in place of the token of a method that takes one.
    #[slack_method("users.info")]
    async fn credentials(&self, app: &ClientCredentials, user: &str)
    -> Result<DefaultSuccess, SlackError>;
}

fn main() {}
