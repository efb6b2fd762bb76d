//! Typed answers of the `pins.*` methods.

#[allow(unused_imports)]
use crate::models::*;
use serde::{Deserialize, Serialize};

/// The answer of [`pins.add`](https://docs.slack.dev/reference/methods/pins.add): pins an item to a channel.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type PinsAddResponse = crate::DefaultSuccess;

/// The answer of [`pins.list`](https://docs.slack.dev/reference/methods/pins.list): lists items pinned to a channel.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct PinsListResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub items: Vec<Item>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`pins.remove`](https://docs.slack.dev/reference/methods/pins.remove): un-pins an item from a channel.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type PinsRemoveResponse = crate::DefaultSuccess;
