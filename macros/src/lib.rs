//! The `#[slack_method]` attribute of [slackline](https://docs.rs/slackline).
//!
//! Use it through `slackline`, which re-exports it; generated code names
//! only `::slackline::__private`, so this crate is never a direct
//! dependency. The stages are in the file names: `parse` reads the
//! attribute, `model` builds the declaration and resolves its facts from
//! Slack's catalog (the `slackline-catalog` crate), `check` judges it
//! (collecting every mistake in a `ctxt::Ctxt`), `catalog` compares it with
//! the catalog (warnings), `expand` writes the code.

mod api;
mod catalog;
mod check;
mod ctxt;
mod expand;
mod model;
mod parse;
mod valid;

use proc_macro::TokenStream;

/// Declares a Slack Web API method on a trait; the macro writes its body.
///
/// ```ignore
/// use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};
///
/// pub trait AdminUsersSessionApi {
///     /// Wipes all valid sessions on all devices for a given user.
///     #[slack_method("admin.users.session.reset", idempotent)]
///     async fn admin_users_session_reset(
///         &self,
///         token: &SlackToken,
///         user_id: &str,
///         mobile_only: Option<bool>,
///         web_only: Option<bool>,
///     ) -> Result<DefaultSuccess, SlackError>;
/// }
/// impl AdminUsersSessionApi for SlackClient {}
/// ```
///
/// # Arguments of the attribute
///
/// ```text
/// #[slack_method("family.method" [, scope = "a:b" | scopes = ["a:b", ...]]
///                [, tier = 1..=4] [, http = "POST" | "GET"] [, no_token]
///                [, idempotent] [, unchecked])]
/// ```
///
/// - the Slack method name, a string: dot-separated segments of ASCII
///   letters and digits, each starting with a lowercase letter
///   (`chat.postMessage`, `oauth.v2.access`). For a method in Slack's
///   catalog (the `slackline-catalog` crate) it is enough: the scopes, the
///   tier, the HTTP verb and whether a token is sent come from there;
/// - `scope`: the OAuth scope the app uses, or `scopes`: several, any one of
///   which is enough (`scopes = []`: none needed); default: every scope the
///   catalog lists;
/// - `tier`: Slack's rate-limit tier, 1 to 4; default: the catalog's (its
///   special tier included), Tier 4 pacing for a method outside it;
/// - `http`: `"POST"` or `"GET"`; default: the catalog's verb, else `POST`;
/// - `no_token`: the method is called without a token (a method outside
///   the catalog; the catalog says so for `oauth.v2.access` and the like):
///   no token parameter and no `Authorization` header, or, when the first
///   parameter is `&ClientCredentials`, the app's client credentials as
///   HTTP Basic auth;
/// - `idempotent`: the call may be retried even after the request was sent;
/// - `unchecked`: do not compare the declaration with Slack's catalog.
///
/// # Checked against Slack's catalog
///
/// A declaration of a method in Slack's method catalog (322 methods) is
/// compared with it, and every disagreement is a compiler warning at the
/// tokens at fault, naming what the catalog says: a stated scope the method
/// does not accept (or one it does not need), a stated tier or HTTP verb
/// that is not Slack's, a token where the method takes none (or `no_token`
/// where it takes one), an argument it does not take ("did you mean ...?"),
/// a required argument left out or declared `Option`, a value of the wrong
/// kind (a `bool` where Slack takes an integer), a deprecated method, and a
/// method Slack retired (naming its replacement: `channels.list` →
/// `conversations.list`, `files.upload` → the external upload flow). A name
/// one typo away from a known method is warned about too, and so is an
/// unknown name that states no scope; an unknown name with a scope is
/// declared without a word, since Slack may have added it after the catalog
/// was taken. The warnings are `deprecated` lints (the one kind a macro can
/// raise on stable Rust): `#![deny(deprecated)]` makes them errors,
/// `unchecked` on one declaration silences them.
///
/// # The method
///
/// An `async fn` (or a `fn` returning
/// `impl Future<Output = Result<T, SlackError>>`) without a body, declared
/// in a trait, taking `&self` (or `self: &Self`), then the token
/// (`token: &SlackToken`, left out for a method called without one), then
/// one parameter per Slack argument, returning
/// `Result<T, SlackError>` where `T` is `Deserialize` (or `WithMeta<_>`).
/// The result is read by its spelling: `Result` and `SlackError` may be
/// written with any path (`core::result::Result`, `slackline::SlackError`),
/// but an alias that hides the error type (`std::io::Result<T>`) is
/// rejected. Lifetime parameters and `where` clauses are kept; type
/// parameters are rejected (`impl Trait` parameters and the trait's own
/// type parameters are fine).
///
/// Each parameter is sent as the argument of its name (`r#type` as `type`);
/// `#[slack(rename = "name")]` sends it under another name, and
/// `#[slack(json)]` sends any `Serialize` value as JSON (`Json<T>` does the
/// same by type). `Option<_>` arguments are left out when `None`.
///
/// # What it generates
///
/// - an associated `const` named after the method in SCREAMING_SNAKE_CASE
///   (`ADMIN_USERS_SESSION_RESET`), a `slackline::MethodSpec` with the
///   name, scopes, tier, HTTP verb, whether a token is sent and the
///   arguments, as stated or taken from the catalog (it shares the method's
///   `#[cfg]`s).
///   Two methods that give the same name (`post_message`, `postMessage`),
///   or a const of your own with it, are reported by rustc (E0428) at the
///   method's name;
/// - the method as `fn ... -> impl Future<Output = ...> + Send` with a
///   default body (`where Self: AsSlackClient`), so `impl Trait for
///   SlackClient {}` is the whole implementation; the arguments are encoded
///   when the method is called, and the future borrows only the client and
///   the token. The signature is otherwise the one written: no lifetime is
///   added, and a plain `fn`'s `impl Future` keeps its bounds (`+ 'a`), with
///   `+ Send` added when missing;
/// - a `# Slack method` section appended to the method's docs.
///
/// On a mistake, every error of the declaration is reported at once and the
/// method is still emitted (with a stand-in body), so the rest of the crate
/// keeps compiling.
///
/// Set `SLACKLINE_MACROS_DEBUG=1` (or to a Slack or Rust method name) while
/// building to print the expansion to stderr, formatted by `rustfmt` when
/// one is installed. Cargo does not rebuild for a changed variable alone:
/// touch the file that declares the method.
#[proc_macro_attribute]
pub fn slack_method(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::slack_method(args.into(), item.into()).into()
}

/// Lists a trait's Slack methods in code: adds
/// `const SLACK_METHODS: &'static [slackline::MethodSpec]`, the metadata of
/// every `#[slack_method]` of the trait in declaration order (methods
/// behind `#[cfg]` are left out); and, when the trait declares Slack
/// methods, the supertrait `slackline::AsSlackClient`, so that generic code
/// needs only `C: Trait`.
///
/// ```ignore
/// use slackline::{slack_api, slack_method, DefaultSuccess, SlackClient, SlackError, SlackToken};
///
/// #[slack_api]
/// pub trait Sessions {
///     #[slack_method("admin.users.session.reset", scope = "admin.users:write")]
///     async fn reset(&self, token: &SlackToken, user_id: &str) -> Result<DefaultSuccess, SlackError>;
/// }
/// impl Sessions for SlackClient {}
///
/// let needs = slackline::manifest_scopes(<SlackClient as Sessions>::SLACK_METHODS);
/// assert_eq!(needs[0].any_of, ["admin.users:write"]);
/// ```
#[proc_macro_attribute]
pub fn slack_api(args: TokenStream, item: TokenStream) -> TokenStream {
    api::slack_api(args.into(), item.into()).into()
}
