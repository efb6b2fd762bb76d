//! Typed answers of the `usergroups.*` methods.

#[allow(unused_imports)]
use crate::models::*;
use serde::{Deserialize, Serialize};

/// The answer of [`usergroups.create`](https://docs.slack.dev/reference/methods/usergroups.create): create a User Group.
///
/// Always there: `ok`, `usergroup`.
///
/// [`UsergroupsDisableResponse`], [`UsergroupsEnableResponse`] and [`UsergroupsUpdateResponse`] are this type too: those methods answer in the same shape.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct UsergroupsCreateResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    pub usergroup: Usergroup,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`usergroups.disable`](https://docs.slack.dev/reference/methods/usergroups.disable): disable an existing User Group.
///
/// Slack answers in the same shape as [`UsergroupsCreateResponse`](crate::models::UsergroupsCreateResponse).
pub type UsergroupsDisableResponse = UsergroupsCreateResponse;

/// The answer of [`usergroups.enable`](https://docs.slack.dev/reference/methods/usergroups.enable): enable a User Group.
///
/// Slack answers in the same shape as [`UsergroupsCreateResponse`](crate::models::UsergroupsCreateResponse).
pub type UsergroupsEnableResponse = UsergroupsCreateResponse;

/// The answer of [`usergroups.list`](https://docs.slack.dev/reference/methods/usergroups.list): list all User Groups for a team.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct UsergroupsListResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub usergroups: Vec<Usergroup>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`usergroups.update`](https://docs.slack.dev/reference/methods/usergroups.update): update an existing User Group.
///
/// Slack answers in the same shape as [`UsergroupsCreateResponse`](crate::models::UsergroupsCreateResponse).
pub type UsergroupsUpdateResponse = UsergroupsCreateResponse;

/// The answer of [`usergroups.users.list`](https://docs.slack.dev/reference/methods/usergroups.users.list): list all users in a User Group.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct UsergroupsUsersListResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub users: Vec<String>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`usergroups.users.update`](https://docs.slack.dev/reference/methods/usergroups.users.update): update the list of users for a user group.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct UsergroupsUsersUpdateResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usergroup: Option<Usergroup>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
