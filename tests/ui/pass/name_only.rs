//! The name is enough: scopes, tier, HTTP verb and whether a token is sent
//! come from Slack's catalog. Statements that agree with it pass silently.
#![deny(warnings)]

use slackline::{
    ClientCredentials, DefaultSuccess, HttpMethod, SlackClient, SlackError, SlackToken, Special,
    Tier, TokenKind, manifest_scopes, slack_api, slack_method,
};

#[slack_api]
pub trait Directory {
    #[slack_method("users.info")]
    async fn users_info(&self, token: &SlackToken, user: &str) -> Result<DefaultSuccess, SlackError>;

    // Needs no scope.
    #[slack_method("auth.test")]
    async fn auth_test(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    // Takes no token: the client credentials are arguments.
    #[slack_method("oauth.v2.access")]
    async fn oauth_v2_access(
        &self,
        client_id: &str,
        client_secret: &str,
        code: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    // The same, with the client credentials as HTTP Basic auth.
    #[slack_method("oauth.v2.access")]
    async fn oauth_v2_access_basic(
        &self,
        credentials: &ClientCredentials,
        code: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    // Slack's special tier: about one message per second per channel.
    #[slack_method("chat.postMessage")]
    async fn post(&self, token: &SlackToken, channel: &str, text: &str)
    -> Result<DefaultSuccess, SlackError>;

    // The seed's form keeps compiling.
    #[slack_method("admin.users.session.reset", scope = "admin.users:write")]
    async fn reset(&self, token: &SlackToken, user_id: &str) -> Result<DefaultSuccess, SlackError>;

    // Statements that agree with the catalog; POST is accepted for every method.
    #[slack_method("users.list", scope = "users:read", tier = 2, http = "POST")]
    async fn users_list(&self, token: &SlackToken, limit: Option<u32>)
    -> Result<DefaultSuccess, SlackError>;

    // A method newer than the catalog that needs no scope and no token.
    #[slack_method("apps.newThing.ping", scopes = [], tier = 3, no_token)]
    async fn newer(&self) -> Result<DefaultSuccess, SlackError>;
}

impl Directory for SlackClient {}

/// Generic code needs only the trait: `#[slack_api]` makes it carry the
/// client access its methods use.
async fn whoami<C: Directory>(client: &C, token: &SlackToken) -> Result<DefaultSuccess, SlackError> {
    client.auth_test(token).await
}

fn main() {
    let _ = whoami::<SlackClient>;

    let info = <SlackClient as Directory>::USERS_INFO;
    assert_eq!(info.scopes, ["users:read"]);
    assert!(!info.scopes_declared);
    assert_eq!(info.tier, Tier::Tier4);
    assert_eq!(info.http, HttpMethod::Get);
    assert!(info.takes_token);

    let auth = <SlackClient as Directory>::AUTH_TEST;
    assert!(auth.scopes.is_empty() && auth.takes_token);
    assert_eq!(auth.tier, Tier::Special(Special::Unstated));

    let oauth = <SlackClient as Directory>::OAUTH_V2_ACCESS;
    assert!(!oauth.takes_token);
    assert_eq!(oauth.http, HttpMethod::Post);
    assert_eq!(oauth.args.len(), 3);
    let basic = <SlackClient as Directory>::OAUTH_V2_ACCESS_BASIC;
    assert!(!basic.takes_token);
    assert_eq!(basic.args.len(), 1);

    let post = <SlackClient as Directory>::POST;
    assert!(post.tier.per_channel());
    assert_eq!(post.tier.rate().per_minute, 60);

    let reset = <SlackClient as Directory>::RESET;
    assert_eq!(reset.scopes, ["admin.users:write"]);
    assert!(reset.scopes_declared);
    assert_eq!(reset.tier, Tier::Tier2);

    let list = <SlackClient as Directory>::USERS_LIST;
    assert_eq!((list.tier, list.http), (Tier::Tier2, HttpMethod::Post));

    let newer = <SlackClient as Directory>::NEWER;
    assert!(newer.scopes.is_empty() && !newer.takes_token);
    assert_eq!(newer.tier, Tier::Tier3);

    let needs = manifest_scopes(<SlackClient as Directory>::SLACK_METHODS);
    let text: Vec<String> = needs.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "users:read (bot token)",
            "users:read (user token)",
            "chat:write (bot token)",
            "chat:write (user token)",
            "admin.users:write (user token)",
        ]
    );
    assert_eq!(needs[0].token, TokenKind::Bot);
    // The declared scope of users.list is one users.info's bot token needs too.
    assert_eq!(needs[0].methods, ["users.info", "users.list"]);
    assert_eq!(needs[1].methods, ["users.info"]);
}
