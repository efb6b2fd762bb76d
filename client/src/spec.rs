//! What the compiler knows about a declared Slack method.
//!
//! Every `#[slack_method]` declaration produces one [`MethodSpec`], a `const`
//! that code can read: an app can list the scopes its declared methods need,
//! and the runtime reads the rate-limit tier and retry safety from it.

use crate::Tier;

/// The HTTP verb a Slack method is called with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    /// `POST` with an `application/x-www-form-urlencoded` body.
    Post,
    /// `GET` with the arguments in the query string (allowed for read methods).
    Get,
}

/// How a parameter's value is written into the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArgEncoding {
    /// Plain text, a number, a boolean, or a comma-joined list.
    Form,
    /// A JSON document (`Json<T>` or `#[slack(json)]`), e.g. `blocks`.
    Json,
    /// A `#[slack(flatten)]` struct: each of its fields is an argument.
    Flatten,
}

/// One argument of a declared Slack method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArgSpec {
    /// The argument's name on the wire (`type` for a parameter `r#type`).
    pub name: &'static str,
    /// The Rust type as written in the declaration, e.g. `Option<bool>`.
    pub rust_type: &'static str,
    /// `false` when the parameter is an `Option<_>`.
    pub required: bool,
    /// How the value is encoded.
    pub encoding: ArgEncoding,
}

/// Everything the declaration says about one Slack method, completed from
/// Slack's catalog where it says nothing.
///
/// ```
/// use slackline::{AdminUsersSessionApi, Tier};
/// let spec = <slackline::SlackClient as AdminUsersSessionApi>::ADMIN_USERS_SESSION_RESET;
/// assert_eq!(spec.name, "admin.users.session.reset");
/// assert_eq!(spec.scopes, ["admin.users:write"]);
/// assert_eq!(spec.tier, Tier::Tier2);
/// assert!(spec.takes_token);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MethodSpec {
    /// Slack's method name, e.g. `admin.users.session.reset`.
    pub name: &'static str,
    /// The OAuth scopes that allow the call, any one of them being enough:
    /// the declared ones, or, when the declaration names none, every scope
    /// Slack's catalog lists for the method. Empty: no scope is needed.
    pub scopes: &'static [&'static str],
    /// Whether [`scopes`](Self::scopes) were named by the declaration (else
    /// they are the catalog's alternatives).
    pub scopes_declared: bool,
    /// Slack's rate-limit tier: the declared one, else the catalog's
    /// ([`Tier::Unlisted`] for a method unknown to both, paced as Tier 4).
    /// `tier.rate()` is the pace, from the catalog's one tier table.
    pub tier: Tier,
    /// Whether the call may be repeated safely after a failure that happened
    /// once the request had been sent (5xx, timeout, reset).
    pub idempotent: bool,
    /// The HTTP verb.
    pub http: HttpMethod,
    /// Whether the call sends a token (`Authorization: Bearer`). `false` for
    /// the OAuth exchange (`oauth.v2.access`), whose client credentials are
    /// arguments.
    pub takes_token: bool,
    /// The method's arguments in declaration order (the token excluded).
    pub args: &'static [ArgSpec],
}

/// Which tokens a scope is for, in an app manifest's `oauth_config.scopes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Granted to the app's bot token (`xoxb-`).
    Bot,
    /// Granted to user tokens (`xoxp-`).
    User,
}

/// One scope requirement of an app, as [`manifest_scopes`] reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeNeed {
    /// Which token the scope goes on.
    pub token: TokenKind,
    /// Any one of these is enough: one entry when the declarations named
    /// the scope; the catalog's alternatives otherwise.
    pub any_of: Vec<&'static str>,
    /// The declared methods that need it, in declaration order.
    pub methods: Vec<&'static str>,
}

impl std::fmt::Display for ScopeNeed {
    /// `admin.users:write (user token)`, `users:read or users:read.email (bot token)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let token = match self.token {
            TokenKind::Bot => "bot",
            TokenKind::User => "user",
        };
        write!(f, "{} ({token} token)", self.any_of.join(" or "))
    }
}

/// The scopes an app needs to call `methods`, for an app manifest's
/// `oauth_config.scopes`, without dropping anything:
///
/// - a method whose declaration names its scope needs that scope, on the
///   token type the catalog lists it for (bot when the catalog does not say
///   or lists it for both), and a declaration naming several lists them all
///   as alternatives;
/// - a method declared by name only needs one of the catalog's scopes for
///   each token type the catalog lists: one [`ScopeNeed`] per token type;
/// - a method that needs no scope gives nothing.
///
/// Methods needing the same thing share one [`ScopeNeed`], in order of
/// first use.
///
/// ```
/// use slackline::{AdminUsersSessionApi, SlackClient, TokenKind, manifest_scopes};
/// let needs = manifest_scopes(<SlackClient as AdminUsersSessionApi>::SLACK_METHODS);
/// assert_eq!(needs.len(), 1);
/// assert_eq!(needs[0].token, TokenKind::User);
/// assert_eq!(needs[0].any_of, ["admin.users:write"]);
/// assert_eq!(
///     needs[0].methods,
///     ["admin.users.session.invalidate", "admin.users.session.reset", "admin.users.session.resetBulk"],
/// );
/// assert_eq!(needs[0].to_string(), "admin.users:write (user token)");
/// ```
pub fn manifest_scopes(methods: &[MethodSpec]) -> Vec<ScopeNeed> {
    let mut needs: Vec<ScopeNeed> = Vec::new();
    let mut add = |method: &'static str, token: TokenKind, any_of: &[&'static str]| {
        if any_of.is_empty() {
            return;
        }
        match needs
            .iter_mut()
            .find(|n| n.token == token && n.any_of == any_of)
        {
            Some(need) if need.methods.contains(&method) => {}
            Some(need) => need.methods.push(method),
            None => needs.push(ScopeNeed {
                token,
                any_of: any_of.to_vec(),
                methods: vec![method],
            }),
        }
    };
    for m in methods {
        let entry = slackline_catalog::method(m.name);
        match entry {
            Some(entry) if !m.scopes_declared => {
                add(m.name, TokenKind::Bot, entry.scopes.bot);
                add(m.name, TokenKind::User, entry.scopes.user);
            }
            _ => {
                let user_only = |scope: &str| {
                    entry.is_some_and(|e| {
                        e.scopes.user.contains(&scope) && !e.scopes.bot.contains(&scope)
                    })
                };
                let token = if m.scopes.iter().all(|s| user_only(s)) {
                    TokenKind::User
                } else {
                    TokenKind::Bot
                };
                add(m.name, token, m.scopes);
            }
        }
    }
    needs
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn spec(
        name: &'static str,
        scopes: &'static [&'static str],
        declared: bool,
    ) -> MethodSpec {
        MethodSpec {
            name,
            scopes,
            scopes_declared: declared,
            tier: Tier::Tier4,
            idempotent: false,
            http: HttpMethod::Post,
            takes_token: true,
            args: &[],
        }
    }

    #[test]
    fn manifest_keeps_alternatives_and_token_types() {
        let methods = [
            // By name only: the catalog's bot and user scopes.
            spec("users.info", &["users:read"], false),
            // Named: that scope, on the token type the catalog gives it.
            spec("admin.users.session.reset", &["admin.users:write"], true),
            // Several named: all of them, as alternatives.
            spec(
                "chat.postMessage",
                &["chat:write", "chat:write.public"],
                true,
            ),
            // No scope needed.
            spec("auth.test", &[], false),
            // Outside the catalog: as declared, on the bot token.
            spec("brand.new", &["brand:read"], true),
            spec("users.profile.get", &["users.profile:read"], false),
        ];
        let needs = manifest_scopes(&methods);
        let text: Vec<String> = needs.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "users:read (bot token)",
                "users:read (user token)",
                "admin.users:write (user token)",
                "chat:write or chat:write.public (bot token)",
                "brand:read (bot token)",
                "users.profile:read (bot token)",
                "users.profile:read (user token)",
            ]
        );
        assert!(needs.iter().all(|n| !n.methods.contains(&"auth.test")));
    }
}
