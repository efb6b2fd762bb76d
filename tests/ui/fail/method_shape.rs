use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Shapes {
    #[slack_method("auth.test")]
    async fn with_body(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError> {
        todo!()
    }

    #[slack_method("auth.test")]
    async fn generic<T: ToString>(&self, token: &SlackToken, value: T) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("auth.test")]
    async unsafe fn not_safe(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;
}

impl Shapes for SlackClient {}

fn main() {}
