//! Typed answers of the `emoji.*` methods.

#[allow(unused_imports)]
use crate::models::*;
use serde::{Deserialize, Serialize};

/// A category of standard emoji (`emoji.list` with `include_categories`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct EmojiCategory {
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub emoji_names: Vec<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`emoji.list`](https://docs.slack.dev/reference/methods/emoji.list): lists custom emoji for a team.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct EmojiListResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub cache_ts: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub categories: Vec<EmojiCategory>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub categories_version: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub emoji: std::collections::BTreeMap<String, String>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
