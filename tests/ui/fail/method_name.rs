use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

pub trait Names {
    #[slack_method]
    async fn no_arguments(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method(scope = "chat:write")]
    async fn missing_name(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method(chat.postMessage, scope = "chat:write")]
    async fn unquoted_name(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method(42, scope = "chat:write")]
    async fn number_name(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("", scope = "chat:write")]
    async fn empty_name(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat", scope = "chat:write")]
    async fn one_segment(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("Chat.postMessage", scope = "chat:write")]
    async fn uppercase_start(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat..postMessage", scope = "chat:write")]
    async fn empty_segment(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.post_message", scope = "chat:write")]
    async fn underscore(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.post Message", scope = "chat:write")]
    async fn whitespace(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat/postMessage", scope = "chat:write")]
    async fn slash(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;
}

// The methods still exist (with a stand-in body): no extra errors here.
impl Names for SlackClient {}

fn main() {}
