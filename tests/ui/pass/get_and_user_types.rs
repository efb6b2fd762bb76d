// `http = "GET"`, a response struct of the user's own, a plain `fn` returning
// `impl Future`, lifetimes, attributes kept on the method.
use std::future::Future;

use serde::Deserialize;
use slackline::{HttpMethod, SlackClient, SlackError, SlackToken, WithMeta, slack_method};

#[derive(Debug, Deserialize)]
pub struct Conversation {
    pub id: String,
    pub name: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ConversationInfo {
    pub channel: Conversation,
}

pub trait Conversations {
    /// Retrieves a conversation's metadata.
    #[slack_method(
        "conversations.info",
        scopes = ["channels:read", "groups:read", "im:read", "mpim:read"],
        tier = 3,
        http = "GET"
    )]
    async fn conversations_info(
        &self,
        token: &SlackToken,
        channel: &str,
        include_locale: Option<bool>,
    ) -> Result<ConversationInfo, SlackError>;

    #[slack_method("conversations.info", scope = "channels:read", http = "POST")]
    #[deprecated = "use conversations_info"]
    #[allow(clippy::too_many_arguments)]
    fn conversations_info_with_meta(
        &self,
        token: &SlackToken,
        channel: &str,
    ) -> impl Future<Output = Result<WithMeta<ConversationInfo>, SlackError>> + Send;

    #[slack_method("conversations.history", scope = "channels:history")]
    async fn with_lifetimes<'a>(
        &'a self,
        token: &'a SlackToken,
        channel: &'a str,
        cursor: Option<&'a str>,
    ) -> core::result::Result<serde_json::Value, slackline::SlackError>
    where
        Self: Sized;
}

impl Conversations for SlackClient {}

fn main() {
    let info = <SlackClient as Conversations>::CONVERSATIONS_INFO;
    assert_eq!(info.http, HttpMethod::Get);
    assert_eq!(info.tier, slackline::Tier::Tier3);
    assert_eq!(info.scopes.len(), 4);
    let post = <SlackClient as Conversations>::CONVERSATIONS_INFO_WITH_META;
    assert_eq!(post.http, HttpMethod::Post);
    // No tier stated: the catalog's (conversations.info is Tier 3).
    assert_eq!(post.tier, slackline::Tier::Tier3);
    assert!(!post.idempotent);

    let client = SlackClient::new();
    let token = SlackToken::new("xoxb-1-test").unwrap();
    let _f = client.conversations_info(&token, "C0123", Some(true));
    #[allow(deprecated)]
    let _f = client.conversations_info_with_meta(&token, "C0123");
    let _f = client.with_lifetimes(&token, "C0123", None);
}
