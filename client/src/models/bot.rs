//! Bots (`bots.info`, a message's `bot_profile`).

use serde::{Deserialize, Serialize};

/// A bot user's integration record (`bots.info`, a message's `bot_profile`); Slack always sends `id`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Bot {
    /// The app it belongs to.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub app_id: Option<String>,
    /// Removed.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub deleted: bool,
    /// Icon URLs by size (`image_36`, `image_48`, `image_72`).
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub icons: serde_json::Map<String, serde_json::Value>,
    /// The bot id (`B…`).
    pub id: String,
    /// The bot's name.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub team_id: Option<String>,
    /// When it last changed (Unix seconds).
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated: Option<i64>,
    /// The bot's user, when it has one.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_id: Option<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
