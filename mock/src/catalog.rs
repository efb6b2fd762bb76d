//! The emulator's index of Slack's methods: `slackline-catalog`'s table (the one the
//! macros and the client read), with what the request path needs precomputed once per
//! method (accepted scopes and their header, the rate, a dense index for counters and
//! rate-limit buckets). Method lookup happens here and nowhere else.

use std::ops::Deref;
use std::sync::LazyLock;

use http::HeaderValue;

pub use slackline_catalog::{Arg, ArgGroup, Kind, Method, Scopes, Special, Tier, Verb};

static CATALOG: LazyLock<Catalog> = LazyLock::new(Catalog::build);

/// Every Slack method the emulator knows (built once, lazily, from `slackline-catalog`).
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

/// Every Slack method of the catalog, in the catalog's (name) order.
#[derive(Debug)]
pub struct Catalog {
    methods: Vec<MethodSpec>,
}

impl Catalog {
    /// The method called `name` (e.g. `"admin.users.session.reset"`).
    pub fn get(&self, name: &str) -> Option<&MethodSpec> {
        self.methods
            .binary_search_by(|m| m.name.cmp(name))
            .ok()
            .map(|i| &self.methods[i])
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

    fn build() -> Catalog {
        let methods = slackline_catalog::methods()
            .iter()
            .enumerate()
            .map(|(i, m)| MethodSpec::new(i, m))
            .collect();
        Catalog { methods }
    }
}

/// One Slack method, as the emulator enforces it: the catalog's [`Method`] (reachable
/// through `Deref`: `name`, `args`, `groups`, `errors`, `scopes`, `tier`, ...) and what
/// the emulator derives from it.
#[derive(Debug, Clone)]
pub struct MethodSpec {
    /// The catalog entry.
    pub method: &'static Method,
    /// Every accepted scope (bot, user, configuration, seamless user), each once. Empty:
    /// any valid token will do.
    pub accepted_scopes: Vec<&'static str>,
    pub(crate) index: u32,
    pub(crate) accepted_header: HeaderValue,
}

impl Deref for MethodSpec {
    type Target = Method;

    fn deref(&self) -> &Method {
        self.method
    }
}

impl MethodSpec {
    fn new(index: usize, method: &'static Method) -> MethodSpec {
        let accepted_scopes: Vec<&'static str> = method.scopes.all().collect();
        let accepted_header = HeaderValue::from_str(&accepted_scopes.join(","))
            .unwrap_or_else(|_| HeaderValue::from_static(""));
        MethodSpec {
            method,
            accepted_scopes,
            index: u32::try_from(index).unwrap_or(u32::MAX),
            accepted_header,
        }
    }

    /// Arguments that must each be present (the catalog applies the group rule: members
    /// of a required group are not required alone).
    pub fn required_args(&self) -> impl Iterator<Item = &'static Arg> + '_ {
        self.method.args.iter().filter(|a| a.required)
    }

    /// Groups of which one member must be given.
    pub fn required_groups(&self) -> impl Iterator<Item = &'static ArgGroup> + '_ {
        self.method.groups.iter().filter(|g| g.required)
    }

    /// The scope reported as `needed` in `missing_scope`: the first accepted scope,
    /// preferring the list matching the token kind (`xoxb-` → bot, else user).
    pub fn needed_scope(&self, token_is_bot: bool) -> Option<&'static str> {
        let (first, second) = if token_is_bot {
            (self.method.scopes.bot, self.method.scopes.user)
        } else {
            (self.method.scopes.user, self.method.scopes.bot)
        };
        first
            .first()
            .or_else(|| second.first())
            .or_else(|| self.accepted_scopes.first())
            .copied()
    }

    /// Calls per minute the emulator allows (also the bucket's capacity): the catalog's
    /// rate for the tier ([`Tier::rate`]).
    pub fn per_minute(&self) -> u32 {
        self.method.tier.rate().per_minute
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_every_method() {
        let c = catalog();
        assert_eq!(c.len(), slackline_catalog::methods().len());
        for (i, m) in c.methods().iter().enumerate() {
            assert_eq!(c.get(m.name).map(|s| s.index as usize), Some(i));
        }
        assert!(c.get("users.infoo").is_none());
        let reset = c.get("admin.users.session.reset").unwrap();
        assert_eq!(reset.per_minute(), 20);
        assert_eq!(reset.accepted_scopes, vec!["admin.users:write"]);
        let req: Vec<_> = reset.required_args().map(|a| a.name).collect();
        assert_eq!(req, vec!["user_id"]);
    }

    #[test]
    fn invalidate_group_accepts_team_id() {
        let m = catalog().get("admin.users.session.invalidate").unwrap();
        let req: Vec<_> = m.required_args().map(|a| a.name).collect();
        assert_eq!(req, vec!["session_id"]);
        let g = m.required_groups().next().unwrap();
        assert_eq!(g.args, ["user_id", "team_id"]);
        assert!(g.exclusive);
    }

    #[test]
    fn needed_scope_prefers_token_kind() {
        let m = catalog().get("chat.postMessage").unwrap();
        assert_eq!(m.needed_scope(true), Some("chat:write"));
        let m = catalog().get("conversations.open").unwrap();
        assert_eq!(m.needed_scope(true), Some("channels:manage"));
        assert_eq!(m.needed_scope(false), Some("channels:write"));
    }
}
