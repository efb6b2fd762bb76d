//! What the compiler knows about a declared Slack method.
//!
//! Every `#[slack_method]` declaration produces one [`MethodSpec`], a `const`
//! that code can read: an app can list the scopes its declared methods need,
//! and the runtime reads the rate-limit tier and retry safety from it.

/// The HTTP verb a Slack method is called with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    /// `POST` with an `application/x-www-form-urlencoded` body (Slack's default).
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

/// Everything the declaration says about one Slack method.
///
/// ```
/// use slackline::AdminUsersSessionApi;
/// let spec = <slackline::SlackClient as AdminUsersSessionApi>::ADMIN_USERS_SESSION_RESET;
/// assert_eq!(spec.name, "admin.users.session.reset");
/// assert_eq!(spec.scopes, ["admin.users:write"]);
/// assert_eq!(spec.tier, Some(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MethodSpec {
    /// Slack's method name, e.g. `admin.users.session.reset`.
    pub name: &'static str,
    /// The OAuth scopes the method accepts (any one of them is enough).
    pub scopes: &'static [&'static str],
    /// Slack's rate-limit tier (1–4), when declared.
    pub tier: Option<u8>,
    /// Whether the call may be repeated safely after a failure that happened
    /// once the request had been sent (5xx, timeout, reset).
    pub idempotent: bool,
    /// The HTTP verb.
    pub http: HttpMethod,
    /// The method's arguments in declaration order (the token excluded).
    pub args: &'static [ArgSpec],
}

impl MethodSpec {
    /// Requests per minute Slack documents for this method's tier, if known.
    pub fn tier_per_minute(&self) -> Option<u32> {
        self.tier.and_then(crate::ratelimit::tier_per_minute)
    }
}

/// The scopes an app needs to call `methods`: the first accepted scope of
/// each method, without repeats, in order of first use (for an app
/// manifest's `oauth_config.scopes`).
///
/// ```
/// use slackline::{AdminUsersSessionApi, SlackClient, manifest_scopes};
/// let scopes = manifest_scopes(<SlackClient as AdminUsersSessionApi>::SLACK_METHODS);
/// assert_eq!(scopes, ["admin.users:write"]);
/// ```
pub fn manifest_scopes(methods: &[MethodSpec]) -> Vec<&'static str> {
    let mut scopes: Vec<&'static str> = Vec::new();
    for scope in methods.iter().filter_map(|m| m.scopes.first()) {
        if !scopes.contains(scope) {
            scopes.push(scope);
        }
    }
    scopes
}
