//! Typed answers of Slack's core methods, and the models they share.
//!
//! One type per method, named after it: `chat.postMessage` answers with a
//! [`ChatPostMessageResponse`], `files.remote.add` with a
//! [`FilesRemoteAddResponse`]. Each family's types compile only with the
//! Cargo feature of the same name (`chat`, `conversations`, `users`,
//! `reactions`, `pins`, `files`, `team`, `auth`, `views`, `bots`, `emoji`,
//! `usergroups`), together with the shared models they use.
//!
//! The types are as lenient as Slack is, so a payload change does not break
//! decoding:
//!
//! - a field is required only where Slack always sends it (a message's `ts`,
//!   a conversation's, user's or file's `id`, …); other scalars are `Option`s,
//!   flags default to `false` and lists to empty (`null` too), and a number
//!   sent as a string, or a string sent as a number, still decodes;
//! - every struct keeps the fields it does not name in `extra`, and writes
//!   them back when serialized;
//! - every enum has an `Other(String)` variant for values added later;
//! - Block Kit blocks, attachments and other deep, fast-moving objects are
//!   kept as [`serde_json::Value`].
//!
//! Methods whose answer carries nothing beyond `ok` have a type alias to
//! [`DefaultSuccess`](crate::DefaultSuccess), and methods of a family that
//! answer in the same shape share one struct through aliases
//! (`ViewsPushResponse` is `ViewsOpenResponse`). Cursor lists implement
//! [`Paginated`](crate::Paginated), so [`paginate`](crate::paginate) follows
//! their `response_metadata.next_cursor`.
//!
//! ```
//! # #[cfg(feature = "chat")] {
//! use slackline::models::{ChatPostMessageResponse, MessageSubtype};
//!
//! let answer: ChatPostMessageResponse = serde_json::from_str(r#"{
//!     "ok": true, "channel": "C1", "ts": "1700000000.000100",
//!     "message": {"ts": "1700000000.000100", "text": "hi", "subtype": "bot_message",
//!                 "blocks": [{"type": "table", "rows": []}], "sparkles": true}
//! }"#).unwrap();
//! let message = answer.message;
//! assert_eq!(message.subtype, Some(MessageSubtype::BotMessage));
//! assert_eq!(message.blocks[0]["type"], "table"); // a block type of any kind
//! assert_eq!(message.extra["sparkles"], true); // a field slackline does not name
//! # }
//! ```

#![cfg(any(
    feature = "chat",
    feature = "conversations",
    feature = "users",
    feature = "reactions",
    feature = "pins",
    feature = "files",
    feature = "team",
    feature = "auth",
    feature = "views",
    feature = "bots",
    feature = "emoji",
    feature = "usergroups"
))]

mod common;
pub use common::{Paging, ResponseMetadata, typed_json};

#[cfg(any(
    feature = "chat",
    feature = "conversations",
    feature = "reactions",
    feature = "pins",
    feature = "files",
    feature = "bots"
))]
mod bot;
#[cfg(any(
    feature = "chat",
    feature = "conversations",
    feature = "reactions",
    feature = "pins",
    feature = "files",
    feature = "bots"
))]
pub use bot::*;

#[cfg(any(
    feature = "chat",
    feature = "conversations",
    feature = "reactions",
    feature = "pins",
    feature = "files"
))]
mod file;
#[cfg(any(
    feature = "chat",
    feature = "conversations",
    feature = "reactions",
    feature = "pins",
    feature = "files"
))]
pub use file::*;

#[cfg(any(
    feature = "chat",
    feature = "conversations",
    feature = "reactions",
    feature = "pins"
))]
mod message;
#[cfg(any(
    feature = "chat",
    feature = "conversations",
    feature = "reactions",
    feature = "pins"
))]
pub use message::*;

#[cfg(any(feature = "reactions", feature = "pins"))]
mod item;
#[cfg(any(feature = "reactions", feature = "pins"))]
pub use item::*;

#[cfg(any(feature = "conversations", feature = "users"))]
mod conversation;
#[cfg(any(feature = "conversations", feature = "users"))]
pub use conversation::*;

#[cfg(feature = "users")]
mod user;
#[cfg(feature = "users")]
pub use user::*;

#[cfg(any(feature = "team", feature = "auth"))]
mod team;
#[cfg(any(feature = "team", feature = "auth"))]
pub use team::*;

#[cfg(feature = "usergroups")]
mod usergroup;
#[cfg(feature = "usergroups")]
pub use usergroup::*;

#[cfg(feature = "views")]
mod view;
#[cfg(feature = "views")]
pub use view::*;

mod responses;
pub use responses::*;
