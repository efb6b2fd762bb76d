use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Patterns {
    #[slack_method("users.info", scope = "users:read")]
    async fn tuple(&self, token: &SlackToken, (a, b): (u8, u8)) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("users.info", scope = "users:read")]
    async fn wildcard(&self, token: &SlackToken, _: &str) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("users.info", scope = "users:read")]
    async fn mutable(&self, token: &SlackToken, mut user: String) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("users.info", scope = "users:read")]
    async fn wildcard_token(&self, _: &SlackToken, user: &str) -> Result<DefaultSuccess, SlackError>;
}

impl Patterns for SlackClient {}

fn main() {}
