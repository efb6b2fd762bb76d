//! Slack's Web API facts, kept once, as plain Rust data.
//!
//! Every method of Slack's catalog with its family, description, HTTP verb,
//! rate-limit [`Tier`], scopes per token type, arguments (their [`Kind`],
//! whether each is required, and their [`ArgGroup`]s), documented error codes
//! and whether it is deprecated; a small table of [`Retired`] methods with
//! what replaced them; and the one table of what each tier allows
//! ([`Tier::rate`]).
//!
//! The method table (`src/table.rs`) is generated from `slack_methods.json`
//! (MIT, see `LICENSE.slack_methods.md` beside it) by the
//! `slackline-catalog-generate` crate and checked in: no parsing happens at run
//! time, and a test fails when the table no longer matches the JSON. After
//! editing the JSON, regenerate with
//!
//! ```text
//! cargo run -p slackline-catalog-generate
//! ```
//!
//! The crate has no dependencies, so the `#[slack_method]` macro, the
//! `slackline` client and the `slackline-mock` emulator all read the same facts.
//!
//! ```
//! use slackline_catalog::{Kind, Tier, Verb};
//!
//! let info = slackline_catalog::method("users.info").unwrap();
//! assert_eq!(info.family, "users");
//! assert_eq!(info.tier, Tier::Tier4);
//! assert_eq!(info.http, Verb::Get);
//! assert_eq!(info.scopes.bot, ["users:read"]);
//! let user = info.arg("user").unwrap();
//! assert!(user.required);
//! assert_eq!(user.kind, Kind::String);
//! assert_eq!(Tier::Tier4.rate().per_minute, 100);
//!
//! let gone = slackline_catalog::retired("channels.list").unwrap();
//! assert_eq!(gone.successor("channels.list"), Some("conversations.list"));
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod retired;
#[rustfmt::skip]
mod table;

pub use retired::{RETIRED, Retired, retired};

/// The core families: their methods answer with a typed
/// `slackline::models::<Method>Response` (written by hand in
/// `client/src/models/`, under the Cargo feature of the same name); every
/// other method answers with `DefaultSuccess`. A method belongs to the family
/// named by the first segment of its name (`chat.scheduledMessages.list` to
/// `chat`). The generator and the models test read this list; the models'
/// `cfg`s spell it again, as attributes must.
///
/// ```
/// assert!(slackline_catalog::TYPED_FAMILIES.contains(&"chat"));
/// assert!(!slackline_catalog::TYPED_FAMILIES.contains(&"admin"));
/// ```
pub const TYPED_FAMILIES: &[&str] = &[
    "chat",
    "conversations",
    "users",
    "reactions",
    "pins",
    "files",
    "team",
    "auth",
    "views",
    "bots",
    "emoji",
    "usergroups",
];

/// Every method of the catalog, sorted by name.
///
/// ```
/// let all = slackline_catalog::methods();
/// assert!(all.windows(2).all(|w| w[0].name < w[1].name));
/// assert!(all.iter().any(|m| m.name == "chat.postMessage"));
/// ```
pub fn methods() -> &'static [Method] {
    table::METHODS
}

/// The catalog entry of the method called `name` (e.g. `"users.info"`).
///
/// ```
/// assert!(slackline_catalog::method("auth.test").is_some());
/// assert!(slackline_catalog::method("users.infoo").is_none());
/// ```
pub fn method(name: &str) -> Option<&'static Method> {
    table::METHODS
        .binary_search_by(|m| m.name.cmp(name))
        .ok()
        .map(|i| &table::METHODS[i])
}

/// One Slack Web API method, as Slack documents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Method {
    /// The method name, e.g. `"users.info"`.
    pub name: &'static str,
    /// The family it belongs to, e.g. `"users"` (Slack's grouping; for
    /// `admin.users.session.reset` it is `"admin"`).
    pub family: &'static str,
    /// Slack's one-line description.
    pub description: &'static str,
    /// The HTTP verb Slack documents.
    pub http: Verb,
    /// The rate-limit tier.
    pub tier: Tier,
    /// Scopes that allow the call, per token type. All empty: the method
    /// needs no scope (any valid token will do, or no token at all, see
    /// [`Method::takes_token`]).
    pub scopes: Scopes,
    /// Whether the method is called with a token. `false` for the OAuth
    /// exchanges (`oauth.v2.access`: client credentials instead) and a few
    /// others such as `api.test`.
    pub takes_token: bool,
    /// Whether Slack accepts an `application/json` body for this method.
    pub json_body: bool,
    /// The arguments, in Slack's order, without `token`.
    pub args: &'static [Arg],
    /// Arguments that go together (one of them required, or at most one).
    pub groups: &'static [ArgGroup],
    /// Error codes Slack documents for this method (beyond the ones every
    /// method can return, such as `invalid_auth`).
    pub errors: &'static [&'static str],
    /// Whether Slack marks the method deprecated.
    pub deprecated: bool,
    /// The method's page in Slack's reference.
    pub docs_url: &'static str,
}

impl Method {
    /// The argument called `name`.
    ///
    /// ```
    /// let reset = slackline_catalog::method("admin.users.session.reset").unwrap();
    /// assert!(reset.arg("user_id").unwrap().required);
    /// assert!(reset.arg("token").is_none());
    /// ```
    pub fn arg(&self, name: &str) -> Option<&'static Arg> {
        self.args.iter().find(|a| a.name == name)
    }

    /// Whether any token needs a scope to call this method.
    pub fn needs_scope(&self) -> bool {
        !self.scopes.is_empty()
    }

    /// Whether `code` is one of this method's documented error codes.
    pub fn documents_error(&self, code: &str) -> bool {
        self.errors.contains(&code)
    }
}

/// The HTTP verb Slack documents for a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verb {
    /// A read, arguments in the query string. Slack also accepts `POST`.
    Get,
    /// A write (or a read with a large body); `POST` only.
    Post,
}

impl Verb {
    /// `"GET"` or `"POST"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
        }
    }
}

/// Scopes that allow a call, per kind of token.
///
/// A method listing several scopes for one token type accepts any one of
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scopes {
    /// Scopes of bot tokens (`xoxb-`).
    pub bot: &'static [&'static str],
    /// Scopes of user tokens (`xoxp-`).
    pub user: &'static [&'static str],
    /// Scopes of app configuration tokens (`xoxe.xoxp-`), where Slack lists them.
    pub configuration: &'static [&'static str],
    /// Scopes of seamless user tokens, where Slack lists them.
    pub seamless_user: &'static [&'static str],
}

impl Scopes {
    /// Whether no token type needs any scope.
    pub fn is_empty(&self) -> bool {
        self.bot.is_empty()
            && self.user.is_empty()
            && self.configuration.is_empty()
            && self.seamless_user.is_empty()
    }

    /// Every scope, each once: bot, then user, configuration and seamless
    /// user scopes, in Slack's order.
    ///
    /// ```
    /// let post = slackline_catalog::method("chat.postMessage").unwrap();
    /// assert_eq!(post.scopes.all().collect::<Vec<_>>(), ["chat:write"]);
    /// ```
    pub fn all(&self) -> impl Iterator<Item = &'static str> + '_ {
        let lists = [self.bot, self.user, self.configuration, self.seamless_user];
        lists
            .into_iter()
            .enumerate()
            .flat_map(move |(i, list)| {
                list.iter()
                    .filter(move |s| !lists[..i].iter().any(|earlier| earlier.contains(s)))
            })
            .copied()
    }

    /// Whether `scope` allows the call for some token type.
    pub fn contains(&self, scope: &str) -> bool {
        self.all().any(|s| s == scope)
    }
}

/// One argument of a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Arg {
    /// Slack's name for it, e.g. `"user_id"`.
    pub name: &'static str,
    /// The kind of value it takes.
    pub kind: Kind,
    /// Slack's type text as written (`"string"`, or a union such as
    /// `"boolean|string"` behind [`Kind::Any`]); `None` where the
    /// documentation gives no type.
    pub type_text: Option<&'static str>,
    /// Whether the call fails without it.
    ///
    /// An argument Slack marks required but which belongs to a required
    /// [`ArgGroup`] is **not** required alone: any member of the group will
    /// do (e.g. `admin.users.session.invalidate` takes `user_id` or `team_id`).
    /// The generator applies this rule once; nothing else restates it.
    pub required: bool,
}

/// The kind of value an argument takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Text.
    String,
    /// A whole number.
    Integer,
    /// `true` or `false` (Slack also accepts `1` and `0`).
    Boolean,
    /// A number, possibly with a fraction.
    Number,
    /// A list: comma-separated text or a JSON array.
    Array,
    /// A JSON object (JSON-encoded text in a form body).
    Object,
    /// No single kind: a union such as `integer|string`, or no type given.
    Any,
}

impl Kind {
    /// The JSON-Schema name Slack uses (`"string"`, `"integer"`, …; `"any"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::String => "string",
            Kind::Integer => "integer",
            Kind::Boolean => "boolean",
            Kind::Number => "number",
            Kind::Array => "array",
            Kind::Object => "object",
            Kind::Any => "any",
        }
    }
}

/// Arguments that go together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArgGroup {
    /// The members.
    pub args: &'static [&'static str],
    /// At least one member must be given.
    pub required: bool,
    /// At most one member may be given.
    pub exclusive: bool,
    /// Slack's explanation.
    pub description: &'static str,
}

/// A rate: calls per minute, and how many may go at once before the rest are
/// spaced out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rate {
    /// Calls per minute.
    pub per_minute: u32,
    /// Calls let through at once before spacing starts (at least 1).
    pub burst: u32,
}

/// A method's rate-limit tier.
///
/// Slack limits each method per workspace per app. Tiers 1 to 4 are shared
/// by many methods; [`Tier::Special`] methods have rules of their own
/// ([`Special`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    /// Tier 1: 1+ per minute.
    Tier1,
    /// Tier 2: 20+ per minute.
    Tier2,
    /// Tier 3: 50+ per minute.
    Tier3,
    /// Tier 4: 100+ per minute.
    Tier4,
    /// Slack's special tier: a rule unique to the method.
    Special(Special),
    /// The documentation gives no tier for this method.
    Unlisted,
}

/// What Slack's special tier means for one method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Special {
    /// A rate per channel (the `channel` argument) rather than per method:
    /// `chat.postMessage` allows about one message per second per channel,
    /// with short bursts tolerated but not guaranteed to be displayed.
    PerChannel(Rate),
    /// A rate the documentation states in words (e.g.
    /// `admin.analytics.messages.metadata`: 1200 per minute, bursts of 2000).
    Stated(Rate),
    /// The documentation says "special" without a figure.
    Unstated,
}

/// Slack's documented rates, with the burst slackline allows itself: a
/// quarter of the minute's calls (Slack tolerates "occasional bursts" without
/// a figure). The one tier→rate table of the project.
const TIER_RATES: [Rate; 4] = [
    Rate {
        per_minute: 1,
        burst: 1,
    },
    Rate {
        per_minute: 20,
        burst: 5,
    },
    Rate {
        per_minute: 50,
        burst: 12,
    },
    Rate {
        per_minute: 100,
        burst: 25,
    },
];

impl Tier {
    /// The tier numbered `n` (1 to 4).
    ///
    /// ```
    /// use slackline_catalog::Tier;
    /// assert_eq!(Tier::from_number(2), Some(Tier::Tier2));
    /// assert_eq!(Tier::from_number(5), None);
    /// ```
    pub const fn from_number(n: u8) -> Option<Tier> {
        match n {
            1 => Some(Tier::Tier1),
            2 => Some(Tier::Tier2),
            3 => Some(Tier::Tier3),
            4 => Some(Tier::Tier4),
            _ => None,
        }
    }

    /// The tier's number, 1 to 4; `None` for special and unlisted tiers.
    pub const fn number(self) -> Option<u8> {
        match self {
            Tier::Tier1 => Some(1),
            Tier::Tier2 => Some(2),
            Tier::Tier3 => Some(3),
            Tier::Tier4 => Some(4),
            Tier::Special(_) | Tier::Unlisted => None,
        }
    }

    /// The rate to pace calls at.
    ///
    /// Tiers 1–4 take Slack's documented rate. A special tier with a figure
    /// takes that figure; one without a figure, and an unlisted tier, are
    /// paced as Tier 4 (Slack's most generous shared tier), so that no method
    /// goes out unpaced.
    ///
    /// ```
    /// use slackline_catalog::Tier;
    /// assert_eq!(Tier::Tier2.rate().per_minute, 20);
    /// let post = slackline_catalog::method("chat.postMessage").unwrap();
    /// assert_eq!(post.tier.rate().per_minute, 60); // per channel
    /// ```
    pub const fn rate(self) -> Rate {
        match self {
            Tier::Tier1 => TIER_RATES[0],
            Tier::Tier2 => TIER_RATES[1],
            Tier::Tier3 => TIER_RATES[2],
            Tier::Tier4 | Tier::Unlisted | Tier::Special(Special::Unstated) => TIER_RATES[3],
            Tier::Special(Special::PerChannel(rate) | Special::Stated(rate)) => rate,
        }
    }

    /// Whether calls are limited per channel (`chat.postMessage`).
    pub const fn per_channel(self) -> bool {
        matches!(self, Tier::Special(Special::PerChannel(_)))
    }

    /// How Slack's documentation names the tier: `"Tier 2"`, `"Special"`,
    /// `"unlisted"`.
    pub const fn label(self) -> &'static str {
        match self {
            Tier::Tier1 => "Tier 1",
            Tier::Tier2 => "Tier 2",
            Tier::Tier3 => "Tier 3",
            Tier::Tier4 => "Tier 4",
            Tier::Special(_) => "Special",
            Tier::Unlisted => "unlisted",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_is_found_by_name() {
        assert_eq!(methods().len(), 322);
        for m in methods() {
            assert_eq!(method(m.name).map(|found| found.name), Some(m.name));
        }
        assert!(method("").is_none());
        assert!(method("zzz").is_none());
    }

    #[test]
    fn group_rule_invalidate() {
        let m = method("admin.users.session.invalidate").unwrap();
        let required: Vec<_> = m
            .args
            .iter()
            .filter(|a| a.required)
            .map(|a| a.name)
            .collect();
        assert_eq!(required, ["session_id"]);
        assert_eq!(m.groups.len(), 1);
        assert_eq!(m.groups[0].args, ["user_id", "team_id"]);
        assert!(m.groups[0].required && m.groups[0].exclusive);
    }

    #[test]
    fn optional_group_keeps_members_optional() {
        let m = method("chat.postMessage").unwrap();
        let optional = m.groups.iter().find(|g| !g.required).unwrap();
        assert_eq!(optional.args, ["text", "markdown_text"]);
        assert!(m.arg("channel").unwrap().required);
        assert!(!m.arg("text").unwrap().required);
    }

    #[test]
    fn special_tiers() {
        let post = method("chat.postMessage").unwrap();
        assert_eq!(
            post.tier,
            Tier::Special(Special::PerChannel(Rate {
                per_minute: 60,
                burst: 1
            }))
        );
        assert!(post.tier.per_channel());
        let metadata = method("admin.analytics.messages.metadata").unwrap();
        assert_eq!(
            metadata.tier,
            Tier::Special(Special::Stated(Rate {
                per_minute: 1200,
                burst: 2000
            }))
        );
        assert_eq!(
            method("auth.test").unwrap().tier,
            Tier::Special(Special::Unstated)
        );
        assert_eq!(method("auth.test").unwrap().tier.rate(), Tier::Tier4.rate());
        assert_eq!(method("blocks.validate").unwrap().tier, Tier::Unlisted);
        assert_eq!(
            method("admin.users.session.reset").unwrap().tier,
            Tier::Tier2
        );
    }

    #[test]
    fn tokens_and_scopes() {
        let oauth = method("oauth.v2.access").unwrap();
        assert!(!oauth.takes_token);
        assert!(!oauth.needs_scope());
        assert!(oauth.arg("client_id").is_some());
        let auth = method("auth.test").unwrap();
        assert!(auth.takes_token && !auth.needs_scope());
        let reset = method("admin.users.session.reset").unwrap();
        assert_eq!(reset.scopes.user, ["admin.users:write"]);
        assert!(reset.scopes.bot.is_empty());
        assert!(reset.scopes.contains("admin.users:write"));
        assert_eq!(reset.http, Verb::Post);
        assert!(method("chat.update").unwrap().http == Verb::Post);
    }

    #[test]
    fn rates_are_sane() {
        for n in 1..=4 {
            let rate = Tier::from_number(n).unwrap().rate();
            assert!(rate.burst >= 1 && rate.burst <= rate.per_minute);
            assert_eq!(Tier::from_number(n).unwrap().number(), Some(n));
        }
    }
}
