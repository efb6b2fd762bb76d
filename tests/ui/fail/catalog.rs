//! Declarations that disagree with Slack's method catalog are warned about
//! at the tokens at fault (denied here to snapshot the messages).
#![deny(deprecated)]

use slackline::{DefaultSuccess, SlackError, SlackToken, slack_method};

pub trait Disagreements {
    // A typo of a known method.
    #[slack_method("chat.postMesage", scope = "chat:write")]
    async fn typo(&self, token: &SlackToken, channel: &str) -> Result<DefaultSuccess, SlackError>;

    // A scope the method does not accept.
    #[slack_method("admin.users.session.reset", scope = "admin.users:read")]
    async fn wrong_scope(&self, token: &SlackToken, user_id: &str)
    -> Result<DefaultSuccess, SlackError>;

    // An argument the method does not take, a required one left out, and a
    // required one made optional.
    #[slack_method("admin.users.session.invalidate", scope = "admin.users:write")]
    async fn arguments(
        &self,
        token: &SlackToken,
        user: &str,
        session_id: Option<i64>,
    ) -> Result<DefaultSuccess, SlackError>;

    // A boolean where Slack takes an integer.
    #[slack_method("admin.users.session.list", scope = "admin.users:read")]
    async fn kinds(&self, token: &SlackToken, limit: Option<bool>) -> Result<DefaultSuccess, SlackError>;

    // A method Slack has deprecated.
    #[slack_method("stars.list", scope = "stars:read")]
    async fn deprecated(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;
}

fn main() {}
