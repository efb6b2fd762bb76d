//! User groups.

use serde::{Deserialize, Serialize};

/// A user group (`@handle`): Slack always sends `id`; `users` only when asked for.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Usergroup {
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub auto_provision: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel_count: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_by: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_create: Option<i64>,
    /// When it was disabled (0: enabled).
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_delete: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_update: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_by: Option<String>,
    /// What the group is for.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub enterprise_subteam_id: Option<String>,
    /// The mention handle, without `@`.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub handle: Option<String>,
    /// The group id (`S…`).
    pub id: String,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_editing_restricted: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_external: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_idp_group: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_membership_locked: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_org_level: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_section: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_subteam: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_usergroup: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_visible: bool,
    /// The display name.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Default channels and groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefs: Option<UsergroupPrefs>,
    /// Its workspace.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub team_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_by: Option<String>,
    /// How many members it has.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_count: Option<i64>,
    /// Member ids (with `include_users`).
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub users: Vec<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A user group's default channels and groups.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct UsergroupPrefs {
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub channels: Vec<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub groups: Vec<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
