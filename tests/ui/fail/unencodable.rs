// Types the encoder does not know: reported by the compiler on the type.
use std::collections::HashMap;
use std::time::Duration;

use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub struct Foo;

pub trait Unencodable {
    #[slack_method("chat.postMessage", scope = "chat:write", unchecked)]
    async fn types(
        &self,
        token: &SlackToken,
        foo: Foo,
        timeout: Duration,
        fields: HashMap<String, String>,
        items: Vec<Foo>,
        #[slack(json)] blocks: Foo,
        text: impl AsRef<str>,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl Unencodable for SlackClient {}

fn main() {}
