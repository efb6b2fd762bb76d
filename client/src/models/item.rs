//! Pinned and reacted-to items.

use super::common::open_enum;
use super::{File, Message};
use serde::{Deserialize, Serialize};

open_enum! {
    /// What a pinned or reacted-to [`Item`] is.
    pub enum ItemType {
        /// A message (`channel` and `message` are set).
        Message = "message",
        /// A file (`file` is set).
        File = "file",
        /// A legacy file comment.
        FileComment = "file_comment",
    }
}

/// A pinned or reacted-to item (`pins.list`, `reactions.list`): a message or a file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Item {
    /// The channel of a message item.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub created: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<File>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    /// `message`, `file` or `file_comment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ItemType>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
