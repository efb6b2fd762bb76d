// The attribute outside a trait declaration, twice, or with a parameter's
// `#[slack]` on the method.
use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Api {
    async fn auth_test(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("auth.test")]
    #[slack_method("auth.test", tier = 3)]
    async fn twice(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("users.info", scope = "users:read")]
    #[slack(rename = "user_id")]
    async fn slack_on_method(&self, token: &SlackToken, user: &str) -> Result<DefaultSuccess, SlackError>;
}

impl Api for SlackClient {
    #[slack_method("auth.test")]
    async fn auth_test(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError> {
        todo!()
    }
}

#[slack_method("auth.test")]
pub async fn free_function(_token: &SlackToken) -> Result<DefaultSuccess, SlackError> {
    todo!()
}

#[slack_method("auth.test")]
async fn private_free_function(token: &SlackToken) -> Result<DefaultSuccess, SlackError> {
    todo!()
}

fn main() {}
