//! Slack methods slackline declares for you.

mod admin_users_session;

pub use admin_users_session::AdminUsersSessionApi;
