//! `#[slack_api]` lists a trait's declared methods in `SLACK_METHODS`.

use slackline::{
    DefaultSuccess, SlackClient, SlackError, SlackToken, manifest_scopes, slack_api, slack_method,
};

#[slack_api]
pub trait Admin {
    #[slack_method("admin.users.session.list", scope = "admin.users:read", tier = 2)]
    async fn list(&self, token: &SlackToken, user_id: Option<&str>)
    -> Result<DefaultSuccess, SlackError>;

    #[slack_method("admin.users.session.reset", scope = "admin.users:write", tier = 2)]
    async fn reset(&self, token: &SlackToken, user_id: &str) -> Result<DefaultSuccess, SlackError>;

    // Behind `#[cfg]`: left out of the list.
    #[cfg(any())]
    #[slack_method("admin.users.session.clearSettings", scope = "admin.users:write")]
    async fn clear(&self, token: &SlackToken, user_ids: &[&str])
    -> Result<DefaultSuccess, SlackError>;

    #[slack_method("admin.users.session.invalidate", scope = "admin.users:write", tier = 2)]
    async fn invalidate(&self, token: &SlackToken, user_id: &str, session_id: i64)
    -> Result<DefaultSuccess, SlackError>;

    // Other items stay as they are.
    fn helper(&self) -> u8 {
        7
    }
}

impl Admin for SlackClient {}

#[slack_api]
pub trait Empty {}

fn main() {
    let names: Vec<&str> = <SlackClient as Admin>::SLACK_METHODS.iter().map(|m| m.name).collect();
    assert_eq!(
        names,
        ["admin.users.session.list", "admin.users.session.reset", "admin.users.session.invalidate"]
    );
    assert_eq!(
        manifest_scopes(<SlackClient as Admin>::SLACK_METHODS).iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["admin.users:read (user token)", "admin.users:write (user token)"]
    );
    struct Nothing;
    impl Empty for Nothing {}
    assert!(<Nothing as Empty>::SLACK_METHODS.is_empty());
}
