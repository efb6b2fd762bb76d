//! Modal and App Home views.

use super::common::open_enum;
use serde::{Deserialize, Serialize};

open_enum! {
    /// A view's `type`.
    pub enum ViewType {
        /// A modal dialog.
        Modal = "modal",
        /// An App Home tab.
        Home = "home",
        /// A legacy workflow step configuration.
        WorkflowStep = "workflow_step",
    }
}

/// A modal or App Home view, as `views.open`/`push`/`update`/`publish` return it: Slack
/// always sends `id`. Blocks, text objects and `state` are kept as JSON.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct View {
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
    pub app_installed_team_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub app_unfurl_url: Option<String>,
    /// The blocks, as JSON.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub blocks: Vec<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub bot_id: Option<String>,
    /// The app's id for the view.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub callback_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub clear_on_close: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close: Option<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_url: Option<String>,
    /// The app's unique id for the view.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_ref: Option<serde_json::Value>,
    /// Pass back to `views.update` to avoid races.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub hash: Option<String>,
    /// The view id (`V…`).
    pub id: String,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub message_ts: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub notify_on_close: bool,
    /// The view under this one in a modal stack.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub previous_view_id: Option<String>,
    /// The app's string, round-tripped.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub private_metadata: Option<String>,
    /// The root of a modal stack.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub root_view_id: Option<String>,
    /// Input values, by block and action id, as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub submit_disabled: bool,
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
    pub thread_ts: Option<String>,
    /// The title text object, as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<serde_json::Value>,
    /// `modal` or `home`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ViewType>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
