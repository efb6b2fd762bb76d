//! Typed answers of the `bots.*` methods.

#[allow(unused_imports)]
use crate::models::*;
use serde::{Deserialize, Serialize};

/// The answer of [`bots.info`](https://docs.slack.dev/reference/methods/bots.info): gets information about a bot user.
///
/// Always there: `ok`, `bot`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct BotsInfoResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    pub bot: Bot,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
