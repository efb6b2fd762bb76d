//! Prints the `oauth_config` part of a Slack app manifest (YAML) for the
//! methods an app declares.
//!
//! ```text
//! cargo run -p slackline-examples --example app_manifest
//! ```
//!
//! The app declares what it calls, by name; the scopes come from Slack's
//! catalog (bot and user scopes told apart, alternatives named) or from the
//! declaration when it names one. Paste the output into the app's manifest at
//! <https://api.slack.com/apps>.

use slackline::{
    AdminUsersSessionApi, DefaultSuccess, MethodSpec, SlackClient, SlackError, SlackToken,
    TokenKind, manifest_scopes, slack_api, slack_method,
};
use slackline_examples::manifest::oauth_config_yaml;

/// What a small workspace bot calls.
#[slack_api]
pub trait Bot {
    /// Who am I (needs no scope).
    #[slack_method("auth.test")]
    async fn auth_test(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    /// A user's profile.
    #[slack_method("users.info")]
    async fn users_info(
        &self,
        token: &SlackToken,
        user: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    /// Posting a message (Slack's special tier: paced per channel).
    #[slack_method("chat.postMessage")]
    async fn post(
        &self,
        token: &SlackToken,
        channel: &str,
        text: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    /// A channel's history: public channels only, so the scope is named and
    /// the manifest asks for that one instead of Slack's four alternatives.
    #[slack_method("conversations.history", scope = "channels:history")]
    async fn history(
        &self,
        token: &SlackToken,
        channel: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    /// The OAuth exchange at install time (no token, no scope).
    #[slack_method("oauth.v2.access")]
    async fn oauth_v2_access(
        &self,
        client_id: &str,
        client_secret: &str,
        code: &str,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl Bot for SlackClient {}

fn main() {
    let methods: Vec<MethodSpec> = [
        <SlackClient as Bot>::SLACK_METHODS,
        <SlackClient as AdminUsersSessionApi>::SLACK_METHODS,
    ]
    .concat();
    // The bot calls what works with either token with its bot token; the
    // admin methods need a user token of an org admin.
    print!(
        "{}",
        oauth_config_yaml(&manifest_scopes(&methods), TokenKind::Bot)
    );
}
