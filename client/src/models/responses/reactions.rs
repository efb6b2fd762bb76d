//! Typed answers of the `reactions.*` methods.

#[allow(unused_imports)]
use crate::models::*;
use serde::{Deserialize, Serialize};

/// The answer of [`reactions.add`](https://docs.slack.dev/reference/methods/reactions.add): adds a reaction to an item.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type ReactionsAddResponse = crate::DefaultSuccess;

/// The answer of [`reactions.get`](https://docs.slack.dev/reference/methods/reactions.get): gets reactions for an item.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ReactionsGetResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ItemType>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`reactions.list`](https://docs.slack.dev/reference/methods/reactions.list): lists reactions made by a user.
///
/// Always there: `ok`. A cursor list: pass `response_metadata.next_cursor` back as `cursor`
/// ([`Paginated`](crate::Paginated) is implemented, so [`paginate`](crate::paginate) follows it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ReactionsListResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub items: Vec<Item>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl crate::Paginated for ReactionsListResponse {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .and_then(crate::models::ResponseMetadata::next_cursor)
    }
}

/// The answer of [`reactions.remove`](https://docs.slack.dev/reference/methods/reactions.remove): removes a reaction from an item.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type ReactionsRemoveResponse = crate::DefaultSuccess;
