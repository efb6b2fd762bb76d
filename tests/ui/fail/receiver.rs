use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Receivers {
    #[slack_method("auth.test")]
    async fn no_self(token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("auth.test")]
    async fn by_value(self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("auth.test")]
    async fn by_mut(&mut self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("auth.test")]
    async fn boxed(self: Box<Self>, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;
}

impl Receivers for SlackClient {}

fn main() {}
