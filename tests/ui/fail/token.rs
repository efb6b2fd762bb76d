use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Tokens {
    #[slack_method("auth.test")]
    async fn no_token(&self) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("users.info", scope = "users:read")]
    async fn forgot_token(&self, user: &str) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("auth.test")]
    async fn owned_token(&self, token: SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("auth.test")]
    async fn mut_token(&self, token: &mut SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("auth.test")]
    async fn renamed_token(&self, #[slack(rename = "t")] token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("users.info", scope = "users:read")]
    async fn token_argument(&self, auth: &SlackToken, token: &str) -> Result<DefaultSuccess, SlackError>;
}

impl Tokens for SlackClient {}

fn main() {}
