use slackline::{DefaultSuccess, Json, SlackClient, SlackError, SlackToken, slack_method};

pub trait ArgumentNames {
    #[slack_method("conversations.list", scope = "channels:read")]
    async fn raw_and_rename(
        &self,
        token: &SlackToken,
        r#type: &str,
        #[slack(rename = "type")] types: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write")]
    async fn rename_onto_other(
        &self,
        token: &SlackToken,
        channel: &str,
        #[slack(rename = "channel")] text: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write")]
    async fn bad_renames(
        &self,
        token: &SlackToken,
        #[slack(rename = "")] a: &str,
        #[slack(rename = "thread ts")] b: &str,
        #[slack(rename = "x", rename = "y")] c: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("chat.postMessage", scope = "chat:write")]
    async fn bad_slack_attributes(
        &self,
        token: &SlackToken,
        #[slack(paginate)] options: &str,
        #[slack(flatten, json)] more: Vec<u8>,
        #[slack(flatten, rename = "opts")] opts: Vec<u8>,
        #[slack(json)] blocks: Json<Vec<u8>>,
        #[slack(json = true)] attachments: Vec<u8>,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl ArgumentNames for SlackClient {}

fn main() {}
