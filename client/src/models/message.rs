//! Messages, as history, replies and `chat.*` return them.

use super::common::open_enum;
use super::{Bot, File, Reaction};
use serde::{Deserialize, Serialize};

open_enum! {
    /// A message's `subtype`: what kind of event in the channel it records.
    /// Absent for a plain message; a subtype Slack adds later is `Other`.
    pub enum MessageSubtype {
        /// Posted by a bot or integration.
        BotMessage = "bot_message",
        /// A `/me` message.
        MeMessage = "me_message",
        /// A thread reply also sent to the channel.
        ThreadBroadcast = "thread_broadcast",
        /// A message was edited (in history, the edited message).
        MessageChanged = "message_changed",
        /// A message was deleted.
        MessageDeleted = "message_deleted",
        /// A thread got a reply.
        MessageReplied = "message_replied",
        /// A member joined the channel.
        ChannelJoin = "channel_join",
        /// A member left the channel.
        ChannelLeave = "channel_leave",
        /// The topic changed.
        ChannelTopic = "channel_topic",
        /// The purpose changed.
        ChannelPurpose = "channel_purpose",
        /// The channel was renamed.
        ChannelName = "channel_name",
        /// The channel was archived.
        ChannelArchive = "channel_archive",
        /// The channel was unarchived.
        ChannelUnarchive = "channel_unarchive",
        /// A file was shared.
        FileShare = "file_share",
        /// An item was pinned.
        PinnedItem = "pinned_item",
        /// An item was unpinned.
        UnpinnedItem = "unpinned_item",
        /// A reminder was added.
        ReminderAdd = "reminder_add",
        /// A huddle's thread.
        HuddleThread = "huddle_thread",
        /// An assistant's thread.
        AssistantAppThread = "assistant_app_thread",
        /// A deleted thread parent, kept as a placeholder.
        Tombstone = "tombstone",
    }
}

/// Writes [`Message`] and [`MessageContent`] from one list of fields: the two
/// differ only in `ts`, which Slack always sends with a message and leaves out of
/// the copy `chat.update` and `chat.scheduleMessage` echo back.
macro_rules! message_types {
    (
        $( $(#[$before_meta:meta])* pub $before:ident: $before_ty:ty, )*
        @ts
        $( $(#[$after_meta:meta])* pub $after:ident: $after_ty:ty, )*
    ) => {
        /// A message, as `conversations.history`, `chat.postMessage` and the like return it.
        ///
        /// Slack always sends `ts` (its id within the channel); everything else depends on the
        /// message kind. `blocks` and `attachments` are kept as JSON.
        #[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
        #[non_exhaustive]
        pub struct Message {
            $( $(#[$before_meta])* pub $before: $before_ty, )*
            /// The message's timestamp: its id within the channel.
            pub ts: String,
            $( $(#[$after_meta])* pub $after: $after_ty, )*
            /// Every field this type does not name, as Slack sent it (kept on a round trip).
            #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        /// A message as Slack echoes it back from `chat.update` and `chat.scheduleMessage`:
        /// the fields of a [`Message`], without a guaranteed `ts` (the answer carries it).
        #[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
        #[non_exhaustive]
        pub struct MessageContent {
            $( $(#[$before_meta])* pub $before: $before_ty, )*
            /// The message's timestamp, when the echo carries it.
            #[serde(
                default,
                deserialize_with = "crate::models::common::lenient_string",
                skip_serializing_if = "Option::is_none"
            )]
            pub ts: Option<String>,
            $( $(#[$after_meta])* pub $after: $after_ty, )*
            /// Every field this type does not name, as Slack sent it (kept on a round trip).
            #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
            pub extra: serde_json::Map<String, serde_json::Value>,
        }
    };
}

message_types! {
    /// The app that posted it.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub app_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assistant_app_thread: Option<serde_json::Value>,
    /// Legacy attachments, as JSON.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub attachments: Vec<serde_json::Value>,
    /// Block Kit blocks, as JSON (a block type slackline does not know stays readable).
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub blocks: Vec<serde_json::Value>,
    /// The bot that posted it, for a bot message.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub bot_id: Option<String>,
    /// The posting bot, for a bot message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot_profile: Option<Bot>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel: Option<String>,
    /// The client's id of a user message.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_msg_id: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub display_as_bot: bool,
    /// Who edited it last, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<Edited>,
    /// Files shared with the message.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub files: Vec<File>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub icons: serde_json::Map<String, serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub inviter: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_locked: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_read: Option<String>,
    /// The newest reply's `ts`, on a thread parent.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub latest_reply: Option<String>,
    /// Message metadata (`event_type`, `event_payload`), as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub no_notifications: bool,
    /// The thread parent's author, on a reply.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_user_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub permalink: Option<String>,
    /// The channels the message is pinned in.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub pinned_to: Vec<String>,
    /// Whether the caller saved the message.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_starred: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub purpose: Option<String>,
    /// Its reactions.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub reactions: Vec<Reaction>,
    /// Replies in the thread, on a thread parent.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub reply_count: Option<i64>,
    /// Some of the users who replied, on a thread parent.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub reply_users: Vec<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub reply_users_count: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<serde_json::Value>,
    /// The thread parent, on a broadcast reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<Box<Message>>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub subscribed: bool,
    /// Absent for a plain user message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<MessageSubtype>,
    /// The author's workspace.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub team: Option<String>,
    /// The text, in Slack's mrkdwn.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub text: Option<String>,
    /// The thread's parent `ts`, for a thread message.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub thread_ts: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub topic: Option<String>,
    @ts
    /// `message` in history.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub r#type: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub upload: bool,
    /// The author, for a user message.
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
    pub username: Option<String>,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub x_files: Vec<String>,
}

/// When and by whom a message was last edited.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Edited {
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ts: Option<String>,
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
