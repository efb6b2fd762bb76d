// A response type that cannot be decoded: reported on the type.
use slackline::{SlackClient, SlackError, SlackToken, slack_method};

pub struct Reply {
    pub ok: bool,
}

pub trait Replies {
    #[slack_method("auth.test")]
    async fn auth_test(&self, token: &SlackToken) -> Result<Reply, SlackError>;
}

impl Replies for SlackClient {}

fn main() {}
