// The seed's two methods, declared outside the client crate, and their metadata.
use slackline::{
    ArgEncoding, DefaultSuccess, HttpMethod, SlackClient, SlackError, SlackToken, slack_method,
};

pub trait AdminUsersSessions {
    /// Invalidates a single session for a user by `session_id`.
    #[slack_method("admin.users.session.invalidate", scope = "admin.users:write", tier = 2, idempotent)]
    async fn invalidate_session(
        &self,
        token: &SlackToken,
        team_id: &str,
        session_id: i64,
    ) -> Result<DefaultSuccess, SlackError>;

    /// Wipes all valid sessions on all devices for a given user.
    #[slack_method("admin.users.session.reset", scope = "admin.users:write", tier = 2, idempotent)]
    async fn admin_users_session_reset(
        &self,
        token: &SlackToken,
        user_id: &str,
        mobile_only: Option<bool>,
        web_only: Option<bool>,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl AdminUsersSessions for SlackClient {}

fn main() {
    let reset = <SlackClient as AdminUsersSessions>::ADMIN_USERS_SESSION_RESET;
    assert_eq!(reset.name, "admin.users.session.reset");
    assert_eq!(reset.scopes, ["admin.users:write"]);
    assert_eq!(reset.tier, slackline::Tier::Tier2);
    assert!(reset.idempotent);
    assert_eq!(reset.http, HttpMethod::Post);
    let args: Vec<_> = reset.args.iter().map(|a| (a.name, a.rust_type, a.required)).collect();
    assert_eq!(
        args,
        [
            ("user_id", "&str", true),
            ("mobile_only", "Option<bool>", false),
            ("web_only", "Option<bool>", false),
        ]
    );
    assert!(reset.args.iter().all(|a| a.encoding == ArgEncoding::Form));

    let invalidate = <SlackClient as AdminUsersSessions>::INVALIDATE_SESSION;
    assert_eq!(invalidate.name, "admin.users.session.invalidate");
    assert_eq!(invalidate.args[1].name, "session_id");
    assert_eq!(invalidate.args[1].rust_type, "i64");

    // Calls type-check and make futures without running them.
    let client = SlackClient::new();
    let token = SlackToken::new("xoxp-1-test").unwrap();
    let _future = client.admin_users_session_reset(&token, "U0123", None, Some(true));
    let _future = client.invalidate_session(&token, "T0123", 42);
}
