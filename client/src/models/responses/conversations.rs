//! Typed answers of the `conversations.*` methods.

#[allow(unused_imports)]
use crate::models::*;
use serde::{Deserialize, Serialize};

/// The answer of [`conversations.acceptSharedInvite`](https://docs.slack.dev/reference/methods/conversations.acceptSharedInvite): accepts an invitation to a Slack Connect channel.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsAcceptSharedInviteResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub can_open_scdm: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel_id: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub implicit_approval: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub invite_id: Option<String>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.approveSharedInvite`](https://docs.slack.dev/reference/methods/conversations.approveSharedInvite): approves an invitation to a Slack Connect channel.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type ConversationsApproveSharedInviteResponse = crate::DefaultSuccess;

/// The answer of [`conversations.archive`](https://docs.slack.dev/reference/methods/conversations.archive): archives a conversation.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type ConversationsArchiveResponse = crate::DefaultSuccess;

/// The answer of [`conversations.canvases.create`](https://docs.slack.dev/reference/methods/conversations.canvases.create): create a channel canvas for a channel.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsCanvasesCreateResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub canvas_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub detail: Option<String>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.close`](https://docs.slack.dev/reference/methods/conversations.close): closes a direct message or multi-person direct message.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsCloseResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub already_closed: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub no_op: bool,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.create`](https://docs.slack.dev/reference/methods/conversations.create): initiates a public or private channel-based conversation.
///
/// Always there: `ok`, `channel`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsCreateResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    pub channel: Conversation,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub detail: Option<String>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.declineSharedInvite`](https://docs.slack.dev/reference/methods/conversations.declineSharedInvite): declines a Slack Connect channel invite.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type ConversationsDeclineSharedInviteResponse = crate::DefaultSuccess;

/// The answer of [`conversations.externalInvitePermissions.set`](https://docs.slack.dev/reference/methods/conversations.externalInvitePermissions.set): upgrade or downgrade Slack Connect channel permissions between 'can post only' and 'can post and invite'.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type ConversationsExternalInvitePermissionsSetResponse = crate::DefaultSuccess;

/// The answer of [`conversations.history`](https://docs.slack.dev/reference/methods/conversations.history): fetches a conversation's history of messages and events.
///
/// Always there: `ok`. A cursor list: pass `response_metadata.next_cursor` back as `cursor`
/// ([`Paginated`](crate::Paginated) is implemented, so [`paginate`](crate::paginate) follows it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsHistoryResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel_actions_count: Option<i64>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel_actions_ts: Option<i64>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub has_more: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub latest: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub messages: Vec<Message>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub oldest: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub pin_count: Option<i64>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl crate::Paginated for ConversationsHistoryResponse {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .and_then(crate::models::ResponseMetadata::next_cursor)
    }
}

/// The answer of [`conversations.info`](https://docs.slack.dev/reference/methods/conversations.info): retrieve information about a conversation.
///
/// Always there: `ok`, `channel`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsInfoResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    pub channel: Conversation,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.invite`](https://docs.slack.dev/reference/methods/conversations.invite): invites users to a channel.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsInviteResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Conversation>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub errors: Vec<serde_json::Value>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.inviteShared`](https://docs.slack.dev/reference/methods/conversations.inviteShared): sends an invitation to a Slack Connect channel.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsInviteSharedResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub conf_code: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub invite_id: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_legacy_shared_channel: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.join`](https://docs.slack.dev/reference/methods/conversations.join): joins an existing conversation.
///
/// Always there: `ok`.
///
/// [`ConversationsRenameResponse`], [`ConversationsSetPurposeResponse`] and [`ConversationsSetTopicResponse`] are this type too: those methods answer in the same shape.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsJoinResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Conversation>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.kick`](https://docs.slack.dev/reference/methods/conversations.kick): removes a user from a conversation.
///
/// Always there: `ok`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsKickResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<serde_json::Value>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.leave`](https://docs.slack.dev/reference/methods/conversations.leave): leaves a conversation.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type ConversationsLeaveResponse = crate::DefaultSuccess;

/// The answer of [`conversations.list`](https://docs.slack.dev/reference/methods/conversations.list): lists all channels in a Slack team.
///
/// Always there: `ok`. A cursor list: pass `response_metadata.next_cursor` back as `cursor`
/// ([`Paginated`](crate::Paginated) is implemented, so [`paginate`](crate::paginate) follows it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsListResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub arg: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub callstack: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub channels: Vec<Conversation>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl crate::Paginated for ConversationsListResponse {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .and_then(crate::models::ResponseMetadata::next_cursor)
    }
}

/// The answer of [`conversations.listConnectInvites`](https://docs.slack.dev/reference/methods/conversations.listConnectInvites): lists shared channel invites that have been generated or received but have not been approved by all parties.
///
/// Always there: `ok`. A cursor list: pass `response_metadata.next_cursor` back as `cursor`
/// ([`Paginated`](crate::Paginated) is implemented, so [`paginate`](crate::paginate) follows it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsListConnectInvitesResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub arg: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub invites: Vec<serde_json::Value>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl crate::Paginated for ConversationsListConnectInvitesResponse {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .and_then(crate::models::ResponseMetadata::next_cursor)
    }
}

/// The answer of [`conversations.mark`](https://docs.slack.dev/reference/methods/conversations.mark): sets the read cursor in a channel.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type ConversationsMarkResponse = crate::DefaultSuccess;

/// The answer of [`conversations.members`](https://docs.slack.dev/reference/methods/conversations.members): retrieve members of a conversation.
///
/// Always there: `ok`. A cursor list: pass `response_metadata.next_cursor` back as `cursor`
/// ([`Paginated`](crate::Paginated) is implemented, so [`paginate`](crate::paginate) follows it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsMembersResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub members: Vec<String>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl crate::Paginated for ConversationsMembersResponse {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .and_then(crate::models::ResponseMetadata::next_cursor)
    }
}

/// The answer of [`conversations.open`](https://docs.slack.dev/reference/methods/conversations.open): opens or resumes a direct message or multi-person direct message.
///
/// Always there: `ok`, `channel`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsOpenResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub already_open: bool,
    pub channel: Conversation,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub no_op: bool,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.rename`](https://docs.slack.dev/reference/methods/conversations.rename): renames a conversation.
///
/// Slack answers in the same shape as [`ConversationsJoinResponse`](crate::models::ConversationsJoinResponse).
pub type ConversationsRenameResponse = ConversationsJoinResponse;

/// The answer of [`conversations.replies`](https://docs.slack.dev/reference/methods/conversations.replies): retrieve a thread of messages posted to a conversation.
///
/// Always there: `ok`. A cursor list: pass `response_metadata.next_cursor` back as `cursor`
/// ([`Paginated`](crate::Paginated) is implemented, so [`paginate`](crate::paginate) follows it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsRepliesResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub messages: Vec<Message>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl crate::Paginated for ConversationsRepliesResponse {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .and_then(crate::models::ResponseMetadata::next_cursor)
    }
}

/// The answer of [`conversations.requestSharedInvite.approve`](https://docs.slack.dev/reference/methods/conversations.requestSharedInvite.approve): approves a request to add an external user to a channel and sends them a Slack Connect invite.
///
/// Always there: `ok`.
///
/// [`ConversationsRequestSharedInviteDenyResponse`] is this type too: that method answers in the same shape.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsRequestSharedInviteApproveResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub invite_id: Option<String>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The answer of [`conversations.requestSharedInvite.deny`](https://docs.slack.dev/reference/methods/conversations.requestSharedInvite.deny): denies a request to invite an external user to a channel.
///
/// Slack answers in the same shape as [`ConversationsRequestSharedInviteApproveResponse`](crate::models::ConversationsRequestSharedInviteApproveResponse).
pub type ConversationsRequestSharedInviteDenyResponse =
    ConversationsRequestSharedInviteApproveResponse;

/// The answer of [`conversations.requestSharedInvite.list`](https://docs.slack.dev/reference/methods/conversations.requestSharedInvite.list): lists requests to add external users to channels with ability to filter.
///
/// Always there: `ok`. A cursor list: pass `response_metadata.next_cursor` back as `cursor`
/// ([`Paginated`](crate::Paginated) is implemented, so [`paginate`](crate::paginate) follows it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ConversationsRequestSharedInviteListResponse {
    /// `true`: the client hands over successful answers only.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub ok: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub invite_requests: Vec<serde_json::Value>,
    /// Cursor, warnings and messages, when Slack sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_metadata: Option<ResponseMetadata>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl crate::Paginated for ConversationsRequestSharedInviteListResponse {
    fn next_cursor(&self) -> Option<&str> {
        self.response_metadata
            .as_ref()
            .and_then(crate::models::ResponseMetadata::next_cursor)
    }
}

/// The answer of [`conversations.setPurpose`](https://docs.slack.dev/reference/methods/conversations.setPurpose): sets the channel description.
///
/// Slack answers in the same shape as [`ConversationsJoinResponse`](crate::models::ConversationsJoinResponse).
pub type ConversationsSetPurposeResponse = ConversationsJoinResponse;

/// The answer of [`conversations.setTopic`](https://docs.slack.dev/reference/methods/conversations.setTopic): sets the topic for a conversation.
///
/// Slack answers in the same shape as [`ConversationsJoinResponse`](crate::models::ConversationsJoinResponse).
pub type ConversationsSetTopicResponse = ConversationsJoinResponse;

/// The answer of [`conversations.unarchive`](https://docs.slack.dev/reference/methods/conversations.unarchive): reverses conversation archival.
///
/// Slack answers with nothing beyond `ok` (and `response_metadata` with warnings), so this is
/// [`DefaultSuccess`](crate::DefaultSuccess).
pub type ConversationsUnarchiveResponse = crate::DefaultSuccess;
