//! Typed answers of the `views.*` methods.

#[allow(unused_imports)]
use crate::models::*;
use serde::{Deserialize, Serialize};

/// The answer of [`views.open`](https://docs.slack.dev/reference/methods/views.open): open a view for a user.
///
/// Always there: `ok`, `view`.
///
/// [`ViewsPublishResponse`], [`ViewsPushResponse`] and [`ViewsUpdateResponse`] are this type too: those methods answer in the same shape.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ViewsOpenResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    pub view: View,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`views.publish`](https://docs.slack.dev/reference/methods/views.publish): publish a static view for a User.
///
/// Slack answers in the same shape as [`ViewsOpenResponse`](crate::models::ViewsOpenResponse).
pub type ViewsPublishResponse = ViewsOpenResponse;

/// The answer of [`views.push`](https://docs.slack.dev/reference/methods/views.push): push a view onto the stack of a root view.
///
/// Slack answers in the same shape as [`ViewsOpenResponse`](crate::models::ViewsOpenResponse).
pub type ViewsPushResponse = ViewsOpenResponse;

/// The answer of [`views.update`](https://docs.slack.dev/reference/methods/views.update): update an existing view.
///
/// Slack answers in the same shape as [`ViewsOpenResponse`](crate::models::ViewsOpenResponse).
pub type ViewsUpdateResponse = ViewsOpenResponse;
