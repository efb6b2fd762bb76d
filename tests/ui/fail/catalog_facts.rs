//! Stated facts that disagree with Slack's catalog, and methods Slack
//! retired, are warned about at the tokens at fault, naming what the catalog
//! says (denied here to snapshot the messages).
#![deny(deprecated)]

use slackline::{DefaultSuccess, SlackError, SlackToken, slack_method};

pub trait Disagreements {
    // A tier that is not the catalog's: users.info is Tier 4.
    #[slack_method("users.info", tier = 1)]
    async fn slow(&self, token: &SlackToken, user: &str) -> Result<DefaultSuccess, SlackError>;

    // A numbered tier on a method of Slack's special tier.
    #[slack_method("chat.postMessage", tier = 4)]
    async fn post(&self, token: &SlackToken, channel: &str, text: &str)
    -> Result<DefaultSuccess, SlackError>;

    // GET on a method Slack takes by POST only.
    #[slack_method("chat.update", http = "GET")]
    async fn update(&self, token: &SlackToken, channel: &str, ts: &str, text: &str)
    -> Result<DefaultSuccess, SlackError>;

    // A scope for a method that needs none, and no scope for one that needs one.
    #[slack_method("auth.test", scope = "users:read")]
    async fn auth_test(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;
    #[slack_method("users.list", scopes = [])]
    async fn users_list(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    // A token for a method called without one, and `no_token` for one that needs it.
    #[slack_method("oauth.v2.access")]
    async fn oauth(&self, token: &SlackToken, code: &str) -> Result<DefaultSuccess, SlackError>;
    #[slack_method("users.profile.get", no_token)]
    async fn profile(&self) -> Result<DefaultSuccess, SlackError>;

    // Retired methods: the warning names the replacement.
    #[slack_method("channels.list")]
    async fn channels(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;
    #[slack_method("files.upload")]
    async fn upload(&self, token: &SlackToken, channels: &str, content: &str)
    -> Result<DefaultSuccess, SlackError>;

    // Outside the catalog and stating no scope: nothing to take it from.
    #[slack_method("admin.sessions.frobnicate")]
    async fn unknown(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;
}

fn main() {}
