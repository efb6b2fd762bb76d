//! One answer type per method, by family.

#[cfg(feature = "auth")]
mod auth;
#[cfg(feature = "auth")]
pub use auth::*;
#[cfg(feature = "bots")]
mod bots;
#[cfg(feature = "bots")]
pub use bots::*;
#[cfg(feature = "chat")]
mod chat;
#[cfg(feature = "chat")]
pub use chat::*;
#[cfg(feature = "conversations")]
mod conversations;
#[cfg(feature = "conversations")]
pub use conversations::*;
#[cfg(feature = "emoji")]
mod emoji;
#[cfg(feature = "emoji")]
pub use emoji::*;
#[cfg(feature = "files")]
mod files;
#[cfg(feature = "files")]
pub use files::*;
#[cfg(feature = "pins")]
mod pins;
#[cfg(feature = "pins")]
pub use pins::*;
#[cfg(feature = "reactions")]
mod reactions;
#[cfg(feature = "reactions")]
pub use reactions::*;
#[cfg(feature = "team")]
mod team;
#[cfg(feature = "team")]
pub use team::*;
#[cfg(feature = "usergroups")]
mod usergroups;
#[cfg(feature = "usergroups")]
pub use usergroups::*;
#[cfg(feature = "users")]
mod users;
#[cfg(feature = "users")]
pub use users::*;
#[cfg(feature = "views")]
mod views;
#[cfg(feature = "views")]
pub use views::*;
