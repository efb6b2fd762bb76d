use std::future::Future;

use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Returns {
    #[slack_method("auth.test")]
    async fn missing(&self, token: &SlackToken);

    #[slack_method("auth.test")]
    async fn not_result(&self, token: &SlackToken) -> DefaultSuccess;

    #[slack_method("auth.test")]
    async fn wrong_error(&self, token: &SlackToken) -> Result<DefaultSuccess, std::io::Error>;

    #[slack_method("auth.test")]
    async fn alias(&self, token: &SlackToken) -> std::io::Result<DefaultSuccess>;

    #[slack_method("auth.test")]
    fn not_async(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("auth.test")]
    fn future_of_wrong_type(&self, token: &SlackToken) -> impl Future<Output = Option<u8>> + Send;
}

impl Returns for SlackClient {}

fn main() {}
