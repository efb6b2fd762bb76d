//! Conversations: channels, DMs and group DMs.

use serde::{Deserialize, Serialize};

/// A conversation: a public or private channel, a DM (`is_im`) or a group DM (`is_mpim`).
///
/// Slack always sends `id`; which other fields come depends on the method and the kind.
/// `latest` is the last message (or its `ts`) as JSON, since its shape varies by method.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Conversation {
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub connected_limited_team_ids: Vec<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub connected_team_ids: Vec<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub context_team_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub conversation_host_id: Option<String>,
    /// When it was created (Unix seconds).
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub created: Option<i64>,
    /// Who created it.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub creator: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub enterprise_id: Option<String>,
    /// The conversation id (`C…`, `G…` or `D…`).
    pub id: String,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub internal_team_ids: Vec<String>,
    /// Archived: read-only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_archived: bool,
    /// A public channel.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_channel: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_ext_shared: bool,
    /// The workspace's `#general`.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_general: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_global_shared: bool,
    /// A private channel (legacy "group").
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_group: bool,
    /// A direct message.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_im: bool,
    /// The caller is a member.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_member: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_moved: Option<i64>,
    /// A group direct message.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_mpim: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_non_threadable: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_open: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_org_default: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_org_mandatory: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_org_shared: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_pending_ext_shared: bool,
    /// Only members can see it.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_private: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_read_only: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_shared: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_starred: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_thread_only: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_user_deleted: bool,
    /// The `ts` of the last message the caller read.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_read: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub locale: Option<String>,
    /// The channel name, without `#` (absent for a DM).
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
    pub name_normalized: Option<String>,
    /// How many members it has (when asked for).
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub num_members: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_conversation: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub pending_connected_team_ids: Vec<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub pending_shared: Vec<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub previous_names: Vec<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub priority: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<serde_json::Value>,
    /// Its purpose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Topic>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub shared_team_ids: Vec<String>,
    /// Its topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub unlinked: Option<i64>,
    /// Unread messages for the caller (when asked for).
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub unread_count: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub unread_count_display: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated: Option<i64>,
    /// The other member of a DM.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub user: Option<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A channel's topic or purpose: its text, who set it and when.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Topic {
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub creator: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_set: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
