use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Scopes {
    #[slack_method("chat.postMessage", scope = "chat:write", scope = "chat:write.public")]
    async fn duplicate(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write", scopes = ["chat:write.public"])]
    async fn scope_and_scopes(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "")]
    async fn empty(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat: write")]
    async fn whitespace(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "Chat:Write")]
    async fn uppercase(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scopes = ["chat:write", "chat/write", "chat::write", ":chat"])]
    async fn bad_characters(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scopes = ["chat:write", "chat:write"])]
    async fn listed_twice(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = chat_write)]
    async fn not_a_string(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;
}

impl Scopes for SlackClient {}

fn main() {}
