//! What the catalog check lets through without a warning.
#![deny(warnings)]

use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Accepted {
    // A method the catalog does not know (Slack may have added it since):
    // declared without a word.
    #[slack_method("admin.sessions.frobnicate", scope = "admin.users:write")]
    async fn newer_than_the_catalog(&self, token: &SlackToken, user_id: &str)
    -> Result<DefaultSuccess, SlackError>;

    // The seed's form of invalidate: team_id stands in for user_id.
    #[slack_method("admin.users.session.invalidate", scope = "admin.users:write")]
    async fn invalidate(&self, token: &SlackToken, team_id: &str, session_id: i64)
    -> Result<DefaultSuccess, SlackError>;

    // Strings are fine for any argument; JSON documents for string ones.
    #[slack_method("chat.postMessage", scope = "chat:write")]
    async fn post(
        &self,
        token: &SlackToken,
        channel: &str,
        text: Option<&str>,
        blocks: Option<slackline::Json<Vec<u8>>>,
        unfurl_links: Option<bool>,
    ) -> Result<DefaultSuccess, SlackError>;

    // `unchecked` turns the comparison off.
    #[slack_method("admin.users.session.reset", scope = "admin.users:read", unchecked)]
    async fn on_purpose(&self, token: &SlackToken, nickname: &str)
    -> Result<DefaultSuccess, SlackError>;
}

impl Accepted for SlackClient {}

fn main() {}
