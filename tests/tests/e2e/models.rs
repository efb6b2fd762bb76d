//! Typed answers (`slackline::models`) through the client: decoded from the
//! body after `ok` is checked, and followed page by page.

use slackline::models::{ConversationsInfoResponse, ConversationsListResponse};
use slackline::{SlackClient, SlackError, SlackToken, WithMeta, paginate, slack_method};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{api_base, plain_client, token};

pub trait TypedChannels {
    #[slack_method("conversations.list")]
    async fn channels_page(
        &self,
        token: &SlackToken,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<ConversationsListResponse, SlackError>;

    #[slack_method("conversations.list")]
    async fn channels_page_with_meta(
        &self,
        token: &SlackToken,
        cursor: Option<&str>,
    ) -> Result<WithMeta<ConversationsListResponse>, SlackError>;

    #[slack_method("conversations.info")]
    async fn channel_info(
        &self,
        token: &SlackToken,
        channel: &str,
    ) -> Result<ConversationsInfoResponse, SlackError>;
}
impl TypedChannels for SlackClient {}

fn json(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json")
}

#[tokio::test]
async fn a_typed_cursor_list_is_followed_to_its_last_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/conversations.list"))
        .and(query_param_is_missing("cursor"))
        .respond_with(json(
            r#"{"ok":true,"channels":[{"id":"C1","name":"general","is_channel":true,
                "topic":{"value":"hi","creator":"U1","last_set":1}}],
                "response_metadata":{"next_cursor":"page2"}}"#,
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/conversations.list"))
        .and(query_param("cursor", "page2"))
        .respond_with(json(
            r#"{"ok":true,"channels":[{"id":"C2","name":"random","brand_new":1}],
                "response_metadata":{"next_cursor":""}}"#,
        ))
        .mount(&server)
        .await;
    let client = plain_client(&api_base(&server));
    let token = token();
    let pages = paginate(|cursor| {
        let (client, token) = (&client, &token);
        async move {
            client
                .channels_page(token, Some(1), cursor.as_deref())
                .await
        }
    })
    .all()
    .await
    .unwrap();
    let channels: Vec<_> = pages.iter().flat_map(|page| &page.channels).collect();
    assert_eq!(channels.len(), 2);
    assert_eq!(channels[0].id, "C1");
    assert!(channels[0].is_channel);
    assert_eq!(
        channels[0].topic.as_ref().unwrap().value.as_deref(),
        Some("hi")
    );
    assert_eq!(channels[1].extra["brand_new"], 1);
    assert!(pages.iter().all(|page| page.ok));

    // With its metadata, the cursor is in both places.
    let first = client.channels_page_with_meta(&token, None).await.unwrap();
    assert_eq!(first.meta.next_cursor.as_deref(), Some("page2"));
    assert_eq!(
        first.response_metadata.as_ref().unwrap().next_cursor(),
        Some("page2")
    );
}

#[tokio::test]
async fn a_failure_is_an_api_error_and_a_missing_required_field_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(path("/api/conversations.info"))
        .and(query_param("channel", "C404"))
        .respond_with(json(r#"{"ok":false,"error":"channel_not_found"}"#))
        .mount(&server)
        .await;
    Mock::given(path("/api/conversations.info"))
        .and(query_param("channel", "C1"))
        .respond_with(json(r#"{"ok":true,"channel":{"name":"no id"}}"#))
        .mount(&server)
        .await;
    let client = plain_client(&api_base(&server));
    match client.channel_info(&token(), "C404").await {
        Err(SlackError::Api { code, .. }) => assert_eq!(code, "channel_not_found"),
        other => panic!("{other:?}"),
    }
    match client.channel_info(&token(), "C1").await {
        Err(SlackError::Decode { message, .. }) => assert!(message.contains("id"), "{message}"),
        other => panic!("{other:?}"),
    }
}
