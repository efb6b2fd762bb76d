//! Typed answers of the `files.*` methods.

#[allow(unused_imports)]
use crate::models::*;
use serde::{Deserialize, Serialize};

/// The answer of [`files.comments.delete`](https://docs.slack.dev/reference/methods/files.comments.delete): deletes an existing comment on a file.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type FilesCommentsDeleteResponse = crate::DefaultSuccess;

/// The answer of [`files.completeUploadExternal`](https://docs.slack.dev/reference/methods/files.completeUploadExternal): finishes an upload started with files.getUploadURLExternal.
///
/// Always there: `ok`. Slack shares the files asynchronously: a file's `shares` and
/// `channels` may still be empty in this answer; poll `files.info` to see them.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct FilesCompleteUploadExternalResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub files: Vec<File>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`files.delete`](https://docs.slack.dev/reference/methods/files.delete): deletes a file.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type FilesDeleteResponse = crate::DefaultSuccess;

/// The answer of [`files.getUploadURLExternal`](https://docs.slack.dev/reference/methods/files.getUploadURLExternal): gets a URL for an edge external file upload.
///
/// Always there: `ok`, `file_id`, `upload_url`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct FilesGetUploadURLExternalResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    pub file_id: String,
    pub upload_url: String,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`files.info`](https://docs.slack.dev/reference/methods/files.info): gets information about a file.
///
/// Always there: `ok`, `file`. A cursor list: pass `response_metadata.next_cursor` back as `cursor`
/// ([`Paginated`](crate::Paginated) is implemented, so [`paginate`](crate::paginate) follows it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct FilesInfoResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub comments: Vec<FileComment>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub content: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub content_highlight_css: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub content_highlight_html: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub content_highlight_html_truncated: bool,
    pub file: File,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_truncated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl crate::Paginated for FilesInfoResponse {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .and_then(crate::models::ResponseMetadata::next_cursor)
    }
}

/// The answer of [`files.list`](https://docs.slack.dev/reference/methods/files.list): list files for a team, in a channel, or from a user with applied filters.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct FilesListResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub files: Vec<File>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`files.remote.add`](https://docs.slack.dev/reference/methods/files.remote.add): adds a file from a remote service.
///
/// Always there: `ok`.
///
/// [`FilesRemoteInfoResponse`], [`FilesRemoteShareResponse`], [`FilesRemoteUpdateResponse`], [`FilesRevokePublicURLResponse`] and [`FilesSharedPublicURLResponse`] are this type too: those methods answer in the same shape.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct FilesRemoteAddResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<File>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`files.remote.info`](https://docs.slack.dev/reference/methods/files.remote.info): retrieve information about a remote file added to Slack.
///
/// Slack answers in the same shape as [`FilesRemoteAddResponse`](crate::models::FilesRemoteAddResponse).
pub type FilesRemoteInfoResponse = FilesRemoteAddResponse;

/// The answer of [`files.remote.list`](https://docs.slack.dev/reference/methods/files.remote.list): retrieve information about a remote file added to Slack.
///
/// Always there: `ok`. A cursor list: pass `response_metadata.next_cursor` back as `cursor`
/// ([`Paginated`](crate::Paginated) is implemented, so [`paginate`](crate::paginate) follows it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct FilesRemoteListResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub files: Vec<File>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl crate::Paginated for FilesRemoteListResponse {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .and_then(crate::models::ResponseMetadata::next_cursor)
    }
}

/// The answer of [`files.remote.remove`](https://docs.slack.dev/reference/methods/files.remote.remove): remove a remote file.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type FilesRemoteRemoveResponse = crate::DefaultSuccess;

/// The answer of [`files.remote.share`](https://docs.slack.dev/reference/methods/files.remote.share): share a remote file into a channel.
///
/// Slack answers in the same shape as [`FilesRemoteAddResponse`](crate::models::FilesRemoteAddResponse).
pub type FilesRemoteShareResponse = FilesRemoteAddResponse;

/// The answer of [`files.remote.update`](https://docs.slack.dev/reference/methods/files.remote.update): updates an existing remote file.
///
/// Slack answers in the same shape as [`FilesRemoteAddResponse`](crate::models::FilesRemoteAddResponse).
pub type FilesRemoteUpdateResponse = FilesRemoteAddResponse;

/// The answer of [`files.revokePublicURL`](https://docs.slack.dev/reference/methods/files.revokePublicURL): revokes public/external sharing access for a file.
///
/// Slack answers in the same shape as [`FilesRemoteAddResponse`](crate::models::FilesRemoteAddResponse).
pub type FilesRevokePublicURLResponse = FilesRemoteAddResponse;

/// The answer of [`files.sharedPublicURL`](https://docs.slack.dev/reference/methods/files.sharedPublicURL): enables a file for public/external sharing.
///
/// Slack answers in the same shape as [`FilesRemoteAddResponse`](crate::models::FilesRemoteAddResponse).
pub type FilesSharedPublicURLResponse = FilesRemoteAddResponse;
