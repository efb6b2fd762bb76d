//! Files, their comments, and reactions (on files and messages).

use super::common::open_enum;
use serde::{Deserialize, Serialize};

open_enum! {
    /// A file's `mode`: how it is stored or what kind of document it is.
    pub enum FileMode {
        /// Uploaded to Slack.
        Hosted = "hosted",
        /// A remote file (`files.remote.*`).
        External = "external",
        /// A code or text snippet.
        Snippet = "snippet",
        /// A legacy post.
        Post = "post",
        /// A legacy space document.
        Space = "space",
        /// A legacy document.
        Docs = "docs",
        /// A canvas.
        Canvas = "canvas",
        /// A list.
        List = "list",
        /// An e-mail.
        Email = "email",
        /// Hidden by the workspace's plan limits: little more than the `id` is sent.
        HiddenByLimit = "hidden_by_limit",
        /// A deleted file's placeholder.
        Tombstone = "tombstone",
    }
}

/// A file (upload, snippet, canvas, list, remote file), as `files.info` and messages carry it.
///
/// Slack always sends `id`; every other field depends on the file's kind and on who asks
/// (a file hidden by a plan limit is little more than its `id` and `mode`; `created` may be missing).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct File {
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub access: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub alt_txt: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub app_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub app_name: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub bot_id: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub can_toggle_canvas_lock: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub canvas_printing_enabled: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub canvas_template_mode: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub cc: Vec<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel_actions_count: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel_actions_ts: Option<String>,
    /// Public channels it is shared in.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub channels: Vec<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub comments_count: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub converted_pdf: Option<String>,
    /// When it was created (Unix seconds); missing on some files.
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
    pub deanimate: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub deanimate_gif: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub display_as_bot: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub dm_mpdm_users_with_file_access: Vec<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub duration_ms: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub edit_link: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub edit_timestamp: Option<i64>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub editable: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub editor: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub editors: Vec<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_type: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_url: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub favorites: Vec<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub file_access: Option<String>,
    /// Slack's file type, e.g. `png`, `csv`.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub filetype: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub from: Vec<serde_json::Value>,
    /// Private channels it is shared in.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub groups: Vec<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub has_more_shares: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub has_rich_preview: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub hls: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub hls_embed: Option<String>,
    /// The file id (`F…`).
    pub id: String,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_exif_rotation: Option<i64>,
    /// Direct messages it is shared in.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ims: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_comment: Option<FileComment>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_channel_space: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_external: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_modified_by_ai: bool,
    /// Shared in a public channel.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_public: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_restricted_sharing_enabled: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_starred: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_editor: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_read: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub lines: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub lines_more: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub linked_channel_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub list_csv_download_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_limits: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_metadata: Option<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub media_display_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_progress: Option<serde_json::Value>,
    /// The MIME type.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub mimetype: Option<String>,
    /// `hosted`, `external`, `snippet`, `post`, …; see [`FileMode`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<FileMode>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub mp4: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub mp4_low: Option<String>,
    /// The file name.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub non_owner_editable: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub num_stars: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub org_or_workspace_access: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_attachment_count: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_h: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_w: Option<serde_json::Value>,
    /// The link to the file in Slack.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub permalink: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub permalink_public: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub pinned_to: Vec<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub pjpeg: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub plain_text: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub pretty_type: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub preview: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub preview_highlight: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub preview_is_truncated: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub preview_plain_text: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub private_channels_with_file_access_count: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub private_file_with_access_count: Option<i64>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub public_url_shared: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub quip_thread_id: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub reactions: Vec<Reaction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub sent_to_self: bool,
    /// Where the file is shared, by channel id, as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub show_badge: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub simplified_html: Option<String>,
    /// Size in bytes.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub size: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub source_team: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub subject: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub subtype: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub team_pref_version_history_enabled: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub teams_shared_with: Vec<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub template_conversion_ts: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub template_description: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub template_icon: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub template_name: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub template_title: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_1024: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_1024_gif: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_1024_h: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_1024_w: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_160: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_160_gif: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_160_h: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_160_w: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_360: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_360_gif: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumb_360_h: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumb_360_w: Option<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_480: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_480_gif: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumb_480_h: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumb_480_w: Option<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_64: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_64_gif: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_64_h: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_64_w: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_720: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_720_gif: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_720_h: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_720_w: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_80: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_800: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_800_gif: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_800_h: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_800_w: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_80_gif: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_80_h: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_80_w: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_960: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_960_gif: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_960_h: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_960_w: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_gif: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_pdf: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_pdf_h: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_pdf_w: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_tiny: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_video: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_video_h: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumb_video_w: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    /// The title shown in Slack.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub title_blocks: Vec<serde_json::Value>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub to: Vec<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcription: Option<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub update_notification: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated: Option<i64>,
    /// The download URL (send the token as `Authorization: Bearer`).
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub url_private: Option<String>,
    /// The download URL that sets `Content-Disposition: attachment`.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub url_private_download: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub url_static_preview: Option<String>,
    /// Who uploaded it.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub user: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_team: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub username: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub vtt: Option<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A comment on a file (`files.info`'s `comments`, a file's `initial_comment`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct FileComment {
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub comment: Option<String>,
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
    pub id: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_intro: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
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

/// An emoji reaction on a message or file: its name, count and (some of) who reacted.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Reaction {
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub count: Option<i64>,
    /// The emoji name, without colons.
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
    pub url: Option<String>,
    /// Who reacted; may list fewer than `count`.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub users: Vec<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
