// Each method's metadata is an associated const named in SCREAMING_SNAKE_CASE:
// two methods that give the same name, or a const of the user's own with it,
// clash, and rustc points at the method. (With a const of another type,
// the body's use of `Self::AUTH_TEST` adds E0308: the body names the
// associated const, the single source of the metadata.)
use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Consts {
    #[slack_method("chat.postMessage", scope = "chat:write", unchecked)]
    async fn post_message(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write", unchecked)]
    #[allow(non_snake_case)]
    async fn postMessage(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    const AUTH_TEST: &'static str = "auth.test";

    #[slack_method("auth.test")]
    async fn auth_test(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;
}

impl Consts for SlackClient {}

fn main() {}
