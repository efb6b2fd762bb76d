//! Typed answers of the `auth.*` methods.

#[allow(unused_imports)]
use crate::models::*;
use serde::{Deserialize, Serialize};

/// The answer of [`auth.revoke`](https://docs.slack.dev/reference/methods/auth.revoke): revokes a token.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type AuthRevokeResponse = crate::DefaultSuccess;

/// The answer of [`auth.teams.list`](https://docs.slack.dev/reference/methods/auth.teams.list): obtain a full list of workspaces your org-wide app has been approved for.
///
/// Always there: `ok`. A cursor list: pass `response_metadata.next_cursor` back as `cursor`
/// ([`Paginated`](crate::Paginated) is implemented, so [`paginate`](crate::paginate) follows it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct AuthTeamsListResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub teams: Vec<Team>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl crate::Paginated for AuthTeamsListResponse {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .and_then(crate::models::ResponseMetadata::next_cursor)
    }
}

/// The answer of [`auth.test`](https://docs.slack.dev/reference/methods/auth.test): checks authentication & identity.
///
/// Always there: `ok`, `team`, `team_id`, `url`, `user`, `user_id`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct AuthTestResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
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
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub enterprise_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_in: Option<i64>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_enterprise_install: bool,
    pub team: String,
    pub team_id: String,
    pub url: String,
    pub user: String,
    pub user_id: String,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
