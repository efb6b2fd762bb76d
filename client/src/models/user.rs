//! Users and their profiles.

use serde::{Deserialize, Serialize};

/// A member of a workspace (`users.info`, `users.list`): Slack always sends `id`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct User {
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub color: Option<String>,
    /// Deactivated.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub deleted: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub enterprise_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub enterprise_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_user: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub has_2fa: bool,
    /// The user id (`U…` or `W…`).
    pub id: String,
    /// A workspace admin.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_admin: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_app_user: bool,
    /// A bot user.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_bot: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_connector_bot: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_email_confirmed: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_invited_user: bool,
    /// A workspace owner.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_owner: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_primary_owner: bool,
    /// A guest (multi-channel, or single-channel when `is_ultra_restricted`).
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_restricted: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_stranger: bool,
    /// A single-channel guest.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_ultra_restricted: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_workflow_bot: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub locale: Option<String>,
    /// The legacy username.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// The profile: names, status, avatar images.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<UserProfile>,
    /// The full name.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub real_name: Option<String>,
    /// The user's home workspace.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub team_id: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub teams: Vec<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub two_factor_type: Option<String>,
    /// The time zone, e.g. `America/New_York`.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub tz: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub tz_label: Option<String>,
    /// Seconds from UTC.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub tz_offset: Option<i64>,
    /// When the record last changed (Unix seconds).
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub who_can_share_contact_card: Option<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A user's profile: display names, status, e-mail (with `users:read.email`), avatar images.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct UserProfile {
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub always_active: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub api_app_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub avatar_hash: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub bot_id: Option<String>,
    /// The name shown in Slack (may be empty: then `real_name` is shown).
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name_normalized: Option<String>,
    /// The e-mail address (needs `users:read.email`).
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub email: Option<String>,
    /// Custom profile fields by field id, as JSON (Slack sends `[]` when empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub first_name: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub guest_invited_by: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub huddle_state: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub huddle_state_expiration_ts: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_1024: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_192: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_24: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_32: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_48: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_512: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_72: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_original: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_custom_image: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_name: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub pronouns: Option<String>,
    /// The full name.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub real_name: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub real_name_normalized: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub skype: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_date: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub status_clear_on_focus_end: bool,
    /// The custom status emoji, e.g. `:palm_tree:`.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_emoji: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub status_emoji_display_info: Vec<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_emoji_url: Option<String>,
    /// When the status clears (Unix seconds; 0: never).
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_expiration: Option<i64>,
    /// The custom status text.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_text: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_text_canonical: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub team: Option<String>,
    /// The job title.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
