// Declarations at the edges of the grammar: a generic trait with a
// `where` clause, `#[cfg]`, `#[deprecated]`, keyword method names, explicit
// lifetimes, `self: &Self`, `impl Trait` parameters, fully qualified paths,
// a plain `fn` whose bounds are kept, a const of the user's own.
#![deny(warnings)]

use std::future::Future;

use slackline::{DefaultSuccess, EncodeArg, SlackClient, SlackToken, slack_method};

pub trait Edges<Id: EncodeArg + Sync>
where
    Id: Send,
{
    /// A user's own const sits next to the generated ones.
    const PAGE_SIZE: u32 = 200;

    /// Looks a user up.
    #[slack_method("users.info", scope = "users:read", unchecked)]
    #[deprecated = "use users_info_v2"]
    async fn users_info(
        &self,
        token: &SlackToken,
        user: Id,
        channels: Option<&[&str]>,
        names: Option<Vec<String>>,
    ) -> ::core::result::Result<DefaultSuccess, ::slackline::SlackError>;

    #[cfg(any())]
    #[slack_method("users.gone", scope = "users:read")]
    async fn gone(&self, token: &SlackToken) -> Result<DefaultSuccess, slackline::SlackError>;

    #[slack_method("users.goneToo", scope = "users:read")]
    #[cfg(any())]
    async fn gone_too(&self, token: &SlackToken) -> Result<DefaultSuccess, slackline::SlackError>;

    #[slack_method("conversations.move", scope = "channels:write", unchecked)]
    async fn r#move(
        &self,
        token: &SlackToken,
        r#type: impl EncodeArg,
        r#in: Option<u32>,
    ) -> std::result::Result<DefaultSuccess, slackline::SlackError>;

    #[slack_method("conversations.history", scope = "channels:history")]
    async fn history<'a, 'b: 'a>(
        self: &'a Self,
        token: &'b SlackToken,
        channel: &'a str,
        cursor: Option<&'b str>,
    ) -> Result<DefaultSuccess, slackline::SlackError>
    where
        Self: Sized;

    // A plain `fn`: its `+ 'a` is kept, and `+ Send` added.
    #[slack_method("conversations.replies", scope = "channels:history", http = "GET", unchecked)]
    fn replies<'a>(
        &'a self,
        token: &'a SlackToken,
        channel: &'a str,
    ) -> impl Future<Output = Result<DefaultSuccess, slackline::SlackError>> + 'a;
}

impl Edges<String> for SlackClient {}

pub(crate) trait CrateOnly {
    #[slack_method("auth.test")]
    async fn auth_test(&self, token: &SlackToken) -> Result<DefaultSuccess, slackline::SlackError>;
}

impl CrateOnly for SlackClient {}

fn assert_send<T: Send>(value: T) -> T {
    value
}

fn main() {
    let _ = <SlackClient as Edges<String>>::PAGE_SIZE;
    let info = <SlackClient as Edges<String>>::USERS_INFO;
    let types: Vec<_> = info.args.iter().map(|a| a.rust_type).collect();
    assert_eq!(types, ["Id", "Option<&[&str]>", "Option<Vec<String>>"]);
    let moved = <SlackClient as Edges<String>>::MOVE;
    let names: Vec<_> = moved.args.iter().map(|a| a.name).collect();
    assert_eq!(names, ["type", "in"]);
    assert_eq!(moved.args[0].rust_type, "impl EncodeArg");
    assert_eq!(<SlackClient as Edges<String>>::REPLIES.http, slackline::HttpMethod::Get);
    assert_eq!(<SlackClient as CrateOnly>::AUTH_TEST.name, "auth.test");

    let client = SlackClient::new();
    let token = SlackToken::new("xoxb-1-test").unwrap();
    #[allow(deprecated)]
    let _f = assert_send(client.users_info(&token, "U1".to_owned(), Some(&["C1"]), None));
    let _f = assert_send(client.r#move(&token, "public", Some(1)));
    let _f = assert_send(client.history(&token, "C1", None));
    let _f = assert_send(client.replies(&token, "C1"));
    let _f = assert_send(client.auth_test(&token));
}
