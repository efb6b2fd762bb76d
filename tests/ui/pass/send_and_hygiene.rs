// The returned future is `Send` (spawnable on a multi-threaded runtime) and
// parameters may use any name, even the ones the expansion uses itself.
use std::future::Future;

use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Hygiene {
    #[slack_method("chat.postMessage", scope = "chat:write", unchecked)]
    async fn chat_post_message(
        &self,
        token: &SlackToken,
        form: &str,
        client: &str,
        self_: &str,
        __slack_form: &str,
        __slack_value: Option<&str>,
        #[slack(json)] spec: Option<u8>,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("auth.test")]
    async fn auth_test(&self, t: &SlackToken) -> Result<DefaultSuccess, SlackError>;
}

impl Hygiene for SlackClient {}

// A wrapper that is itself a client.
pub struct App {
    client: SlackClient,
}

impl slackline::AsSlackClient for App {
    fn slack_client(&self) -> &SlackClient {
        &self.client
    }
}

impl Hygiene for App {}

fn assert_send<T: Send>(value: T) -> T {
    value
}

fn assert_static_send<T: Future + Send + 'static>(_: T) {}

fn main() {
    let client = SlackClient::new();
    let token = SlackToken::new("xoxb-1-test").unwrap();
    {
        let _f = assert_send(client.chat_post_message(&token, "f", "c", "s", "x", None, Some(1)));
        let _g = assert_send(client.auth_test(&token));
        let app = App { client: client.clone() };
        let _h = assert_send(app.auth_test(&token));
    }

    // Owned client and token moved into a spawned task.
    assert_static_send(async move {
        let _ = client.auth_test(&token).await;
    });

    // A parameter named `form` does not collide with generated locals.
    let client = SlackClient::new();
    let token = SlackToken::new("xoxb-1-test").unwrap();
    let form = String::from("a value");
    let _f = assert_send(client.chat_post_message(&token, &form, "c", "s", "x", None, None));
}
