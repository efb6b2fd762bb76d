use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Keys {
    #[slack_method("chat.postMessage", scope = "chat:write", retries = 3, paginate)]
    async fn unknown_keys(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write", tier = 0)]
    async fn tier_zero(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write", tier = 5)]
    async fn tier_five(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write", tier = "2")]
    async fn tier_string(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write", tier = 2, tier = 3)]
    async fn tier_twice(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write", http = "PUT", idempotent = true)]
    async fn bad_http_and_flag(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write", idempotent, idempotent)]
    async fn flag_twice(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write", http = "get")]
    async fn lowercase_http(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;
}

impl Keys for SlackClient {}

fn main() {}
