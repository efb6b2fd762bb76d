//! The embedded catalog of Slack Web API methods.
//!
//! `catalog/slack_methods.json` (MIT, see `catalog/LICENSE.slack_methods.md`) is compiled
//! into the crate with `include_str!` and parsed once, on first use, into a [`Catalog`]:
//! methods indexed by name, with their effective required arguments, argument types,
//! accepted scopes and rate-limit tier precomputed so the request path does no
//! catalog work beyond one hash lookup.

use std::collections::HashMap;
use std::sync::LazyLock;

use http::HeaderValue;
use serde::Deserialize;

const CATALOG_JSON: &str = include_str!("../catalog/slack_methods.json");

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    // The JSON is part of the crate and covered by tests; failing here is a build defect.
    Catalog::parse(CATALOG_JSON).expect("embedded catalog/slack_methods.json is valid")
});

/// The parsed catalog of every Slack method the mock knows (parsed once, lazily).
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

/// Every Slack method of the catalog, indexed by name.
#[derive(Debug)]
pub struct Catalog {
    methods: Vec<MethodSpec>,
    by_name: HashMap<String, usize>,
}

impl Catalog {
    /// The method called `name` (e.g. `"admin.users.session.reset"`).
    pub fn get(&self, name: &str) -> Option<&MethodSpec> {
        self.by_name.get(name).map(|&i| &self.methods[i])
    }

    /// All methods, in catalog order.
    pub fn methods(&self) -> &[MethodSpec] {
        &self.methods
    }

    /// Number of methods.
    pub fn len(&self) -> usize {
        self.methods.len()
    }

    /// Whether the catalog is empty (it never is).
    pub fn is_empty(&self) -> bool {
        self.methods.is_empty()
    }

    fn parse(json: &str) -> Result<Catalog, serde_json::Error> {
        let raw: Vec<RawMethod> = serde_json::from_str(json)?;
        let methods: Vec<MethodSpec> = raw
            .into_iter()
            .enumerate()
            .map(|(i, m)| MethodSpec::from_raw(i, m))
            .collect();
        let by_name = methods
            .iter()
            .enumerate()
            .map(|(i, m)| (m.name.clone(), i))
            .collect();
        Ok(Catalog { methods, by_name })
    }
}

/// HTTP verb the catalog gives for a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpVerb {
    /// A read: the mock accepts `GET` (query string) and `POST`.
    Get,
    /// A write: the mock accepts `POST` only.
    Post,
}

/// Rate-limit tier of a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// Tier 1: 1 request per minute.
    T1,
    /// Tier 2: 20 requests per minute.
    T2,
    /// Tier 3: 50 requests per minute.
    T3,
    /// Tier 4: 100 requests per minute.
    T4,
    /// Tier 5 ("special" in Slack's docs): modelled as 100 requests per minute.
    T5,
    /// A free-text or missing tier in the catalog: modelled as 100 requests per minute.
    Special,
}

impl Tier {
    /// Requests per minute the mock allows for this tier (also the bucket capacity).
    pub fn per_minute(self) -> u32 {
        match self {
            Tier::T1 => 1,
            Tier::T2 => 20,
            Tier::T3 => 50,
            Tier::T4 | Tier::T5 | Tier::Special => 100,
        }
    }

    fn from_catalog(raw: Option<&str>) -> Tier {
        match raw {
            Some("t1") => Tier::T1,
            Some("t2") => Tier::T2,
            Some("t3") => Tier::T3,
            Some("t4") => Tier::T4,
            Some("t5") => Tier::T5,
            _ => Tier::Special,
        }
    }
}

/// Type of an argument as the mock checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgType {
    /// Any text (also arguments without a type in the catalog).
    String,
    /// Must parse as `i64`.
    Integer,
    /// `true`, `false`, `1` or `0`.
    Boolean,
    /// Must parse as a finite `f64`.
    Number,
    /// Comma-separated list or JSON array; not checked.
    Array,
    /// A JSON object (JSON-encoded text in a form body).
    Object,
    /// A union such as `integer|string`: anything is accepted.
    Any,
}

impl ArgType {
    fn from_catalog(raw: Option<&str>) -> ArgType {
        match raw {
            None | Some("string") => ArgType::String,
            Some("integer") => ArgType::Integer,
            Some("boolean") => ArgType::Boolean,
            Some("number") => ArgType::Number,
            Some("array") => ArgType::Array,
            Some("object") => ArgType::Object,
            Some(_) => ArgType::Any,
        }
    }

    /// The name used in `invalid type` messages.
    pub fn name(self) -> &'static str {
        match self {
            ArgType::String => "string",
            ArgType::Integer => "integer",
            ArgType::Boolean => "boolean",
            ArgType::Number => "number",
            ArgType::Array => "array",
            ArgType::Object => "object",
            ArgType::Any => "any",
        }
    }
}

/// One argument of a method.
#[derive(Debug, Clone)]
pub struct ArgSpec {
    /// Slack's argument name.
    pub name: String,
    /// Whether the catalog marks it required (see [`MethodSpec::required_args`] for the
    /// effective rule, which honours argument groups).
    pub required: bool,
    /// Checked type.
    pub ty: ArgType,
    /// The catalog's type text, if any (e.g. `"boolean|string"`).
    pub type_name: Option<String>,
}

/// A group of related arguments (catalog `arg_groups`).
#[derive(Debug, Clone)]
pub struct ArgGroup {
    /// Member arguments.
    pub args: Vec<String>,
    /// At least one member must be given.
    pub required: bool,
    /// At most one member may be given.
    pub mutually_exclusive: bool,
}

/// Scopes a method accepts, per token kind.
#[derive(Debug, Clone, Default)]
pub struct Scopes {
    /// Scopes accepted from bot tokens (`xoxb-`).
    pub bot: Vec<String>,
    /// Scopes accepted from user tokens (`xoxp-`).
    pub user: Vec<String>,
    /// Scopes accepted from app configuration tokens.
    pub configuration: Vec<String>,
    /// Scopes accepted from seamless user tokens.
    pub seamless_user: Vec<String>,
}

/// One Slack method, as the mock enforces it.
#[derive(Debug, Clone)]
pub struct MethodSpec {
    /// Method name, e.g. `"auth.test"`.
    pub name: String,
    /// Catalog HTTP verb.
    pub http_method: HttpVerb,
    /// Rate-limit tier.
    pub tier: Tier,
    /// The catalog's raw tier text (`"t2"`, free text, or `None`).
    pub tier_raw: Option<String>,
    /// Scopes per token kind.
    pub scopes: Scopes,
    /// Union of all scope lists, deduplicated, in catalog order (bot, user,
    /// configuration, seamless_user). Empty: any valid token will do.
    pub accepted_scopes: Vec<String>,
    /// Whether `application/json` bodies are accepted.
    pub json_input_supported: bool,
    /// Arguments, without `token`.
    pub args: Vec<ArgSpec>,
    /// Argument groups (see [`MethodSpec::required_args`]).
    pub arg_groups: Vec<ArgGroup>,
    /// Documented errors.
    pub errors: Vec<String>,
    /// Whether the method is deprecated.
    pub deprecated: bool,
    /// Whether the method takes a token (those without, e.g. `api.test` and `oauth.*`,
    /// need no authentication).
    pub requires_token: bool,
    pub(crate) index: u32,
    pub(crate) accepted_header: HeaderValue,
    pub(crate) required: Vec<usize>,
}

impl MethodSpec {
    /// Arguments that must each be present, after argument groups are honoured: an
    /// argument that belongs to a required group is satisfied by any member of the group
    /// (e.g. `admin.users.session.invalidate` takes `user_id` *or* `team_id`).
    pub fn required_args(&self) -> impl Iterator<Item = &ArgSpec> + '_ {
        self.required.iter().map(move |&i| &self.args[i])
    }

    /// Groups of which one member must be given.
    pub fn required_groups(&self) -> impl Iterator<Item = &ArgGroup> + '_ {
        self.arg_groups.iter().filter(|g| g.required)
    }

    /// The argument called `name`.
    pub fn arg(&self, name: &str) -> Option<&ArgSpec> {
        self.args.iter().find(|a| a.name == name)
    }

    /// The scope reported as `needed` in `missing_scope`: the first accepted scope,
    /// preferring the list matching the token kind (`xoxb-` → bot, else user).
    pub fn needed_scope(&self, token_is_bot: bool) -> Option<&str> {
        let (first, second) = if token_is_bot {
            (&self.scopes.bot, &self.scopes.user)
        } else {
            (&self.scopes.user, &self.scopes.bot)
        };
        first
            .first()
            .or_else(|| second.first())
            .or_else(|| self.accepted_scopes.first())
            .map(String::as_str)
    }

    fn from_raw(index: usize, raw: RawMethod) -> MethodSpec {
        let requires_token = raw.args.iter().any(|a| a.name == "token");
        let args: Vec<ArgSpec> = raw
            .args
            .into_iter()
            .filter(|a| a.name != "token")
            .map(|a| ArgSpec {
                ty: ArgType::from_catalog(a.r#type.as_deref()),
                name: a.name,
                required: a.required,
                type_name: a.r#type,
            })
            .collect();
        let arg_groups: Vec<ArgGroup> = raw
            .arg_groups
            .into_iter()
            .map(|g| ArgGroup {
                args: g.args,
                required: g.required.unwrap_or(true),
                mutually_exclusive: g.mutually_exclusive,
            })
            .collect();
        let in_required_group = |name: &str| {
            arg_groups
                .iter()
                .any(|g| g.required && g.args.iter().any(|a| a == name))
        };
        let required = args
            .iter()
            .enumerate()
            .filter(|(_, a)| a.required && !in_required_group(&a.name))
            .map(|(i, _)| i)
            .collect();

        let scopes = Scopes {
            bot: raw.scopes.bot,
            user: raw.scopes.user,
            configuration: raw.scopes.configuration,
            seamless_user: raw.scopes.seamless_user,
        };
        let mut accepted_scopes: Vec<String> = Vec::new();
        for s in scopes
            .bot
            .iter()
            .chain(&scopes.user)
            .chain(&scopes.configuration)
            .chain(&scopes.seamless_user)
        {
            if !accepted_scopes.contains(s) {
                accepted_scopes.push(s.clone());
            }
        }
        let accepted_header = HeaderValue::from_str(&accepted_scopes.join(","))
            .unwrap_or_else(|_| HeaderValue::from_static(""));

        MethodSpec {
            http_method: if raw.http_method.eq_ignore_ascii_case("GET") {
                HttpVerb::Get
            } else {
                HttpVerb::Post
            },
            tier: Tier::from_catalog(raw.rate_limit_tier.as_deref()),
            tier_raw: raw.rate_limit_tier,
            scopes,
            accepted_scopes,
            json_input_supported: raw.json_input_supported.unwrap_or(false),
            args,
            arg_groups,
            errors: raw.errors,
            deprecated: raw.deprecated,
            requires_token,
            index: index as u32,
            accepted_header,
            required,
            name: raw.name,
        }
    }
}

#[derive(Deserialize)]
struct RawMethod {
    name: String,
    http_method: String,
    rate_limit_tier: Option<String>,
    #[serde(default)]
    scopes: RawScopes,
    json_input_supported: Option<bool>,
    #[serde(default)]
    args: Vec<RawArg>,
    #[serde(default)]
    errors: Vec<String>,
    #[serde(default)]
    deprecated: bool,
    #[serde(default)]
    arg_groups: Vec<RawGroup>,
}

#[derive(Deserialize, Default)]
struct RawScopes {
    #[serde(default)]
    bot: Vec<String>,
    #[serde(default)]
    user: Vec<String>,
    #[serde(default)]
    configuration: Vec<String>,
    #[serde(default)]
    seamless_user: Vec<String>,
}

#[derive(Deserialize)]
struct RawArg {
    name: String,
    #[serde(default)]
    required: bool,
    r#type: Option<String>,
}

#[derive(Deserialize)]
struct RawGroup {
    args: Vec<String>,
    #[serde(default)]
    mutually_exclusive: bool,
    required: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_method() {
        let c = catalog();
        assert_eq!(c.len(), 322);
        let reset = c.get("admin.users.session.reset").unwrap();
        assert_eq!(reset.tier, Tier::T2);
        assert_eq!(reset.accepted_scopes, vec!["admin.users:write"]);
        assert!(reset.requires_token);
        let req: Vec<_> = reset.required_args().map(|a| a.name.as_str()).collect();
        assert_eq!(req, vec!["user_id"]);
        assert!(!c.get("api.test").unwrap().requires_token);
    }

    #[test]
    fn invalidate_group_accepts_team_id() {
        let m = catalog().get("admin.users.session.invalidate").unwrap();
        let req: Vec<_> = m.required_args().map(|a| a.name.as_str()).collect();
        assert_eq!(req, vec!["session_id"]);
        let g = m.required_groups().next().unwrap();
        assert_eq!(g.args, vec!["user_id", "team_id"]);
        assert!(g.mutually_exclusive);
    }

    #[test]
    fn needed_scope_prefers_token_kind() {
        let m = catalog().get("chat.postMessage").unwrap();
        assert_eq!(m.needed_scope(true), Some("chat:write"));
        let m = catalog().get("users.list").unwrap();
        assert_eq!(m.needed_scope(false), Some("users:read"));
    }
}
