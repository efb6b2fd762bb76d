//! Canned answers for a user's tests: a value or a closure per method, consulted after
//! the emulator's checks (auth, rate limit, scope, arguments) and before its own
//! behaviour.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use serde_json::Value;

use crate::org::TokenInfo;

/// A validated request, as a [`Respond`] implementation sees it: the method, its
/// arguments (without `token`) and the identity of its token (never the token itself).
#[derive(Debug, Clone)]
pub struct MockRequest {
    /// Slack method name, e.g. `"chat.postMessage"`.
    pub method: String,
    /// Arguments from the query string and body, in order, `token` excluded.
    pub args: Vec<(String, String)>,
    /// The token's user (`U…`), if the request had a known token.
    pub user_id: Option<String>,
    /// The token's team.
    pub team_id: Option<String>,
    /// The token's app.
    pub app_id: Option<String>,
    /// The token's scopes.
    pub scopes: Vec<String>,
    /// Whether the token is a bot token (`xoxb-`).
    pub is_bot: bool,
}

impl MockRequest {
    /// The argument `name`, if given and non-empty.
    pub fn arg(&self, name: &str) -> Option<&str> {
        crate::args::arg(&self.args, name)
    }
}

/// What the emulator answers for a method, instead of its own behaviour: a
/// `serde_json::Value` (sent as is, `"ok": true` added when the object has no `ok`) or a
/// closure `Fn(&MockRequest) -> Value`.
///
/// ```
/// # async fn example() -> std::io::Result<()> {
/// use serde_json::json;
/// use slackline_mock::{MockRequest, MockSlack};
///
/// let slack = MockSlack::start().await?;
/// // A fixed answer...
/// slack.respond_with("emoji.list", json!({"emoji": {"shipit": "alias:squirrel"}}));
/// // ... or one computed from the request.
/// slack.respond_with("users.info", |req: &MockRequest| {
///     json!({"ok": true, "user": {"id": req.arg("user"), "name": "stub"}})
/// });
/// # Ok(()) }
/// ```
pub trait Respond: Send + Sync + 'static {
    /// The JSON answer (HTTP 200) to `request`.
    fn respond(&self, request: &MockRequest) -> Value;
}

impl Respond for Value {
    fn respond(&self, _: &MockRequest) -> Value {
        self.clone()
    }
}

impl<F> Respond for F
where
    F: Fn(&MockRequest) -> Value + Send + Sync + 'static,
{
    fn respond(&self, request: &MockRequest) -> Value {
        self(request)
    }
}

/// A responder kept by the builder (cloned with it; shown without its contents).
#[derive(Clone)]
pub(crate) struct Responder(pub(crate) Arc<dyn Respond>);

impl std::fmt::Debug for Responder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Responder(..)")
    }
}

/// Registered answers, by method.
#[derive(Default)]
pub(crate) struct Responders {
    /// Fast path: no lookup at all while nothing is registered.
    any: AtomicBool,
    map: RwLock<HashMap<String, Arc<dyn Respond>>>,
}

impl std::fmt::Debug for Responders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.map.read().map_or(0, |m| m.len());
        f.debug_struct("Responders").field("methods", &n).finish()
    }
}

impl Responders {
    pub(crate) fn set(&self, method: &str, responder: Arc<dyn Respond>) {
        let mut map = self.map.write().unwrap_or_else(|e| e.into_inner());
        map.insert(method.to_owned(), responder);
        self.any.store(true, Ordering::Release);
    }

    pub(crate) fn remove(&self, method: &str) {
        let mut map = self.map.write().unwrap_or_else(|e| e.into_inner());
        map.remove(method);
        self.any.store(!map.is_empty(), Ordering::Release);
    }

    /// The registered answer for this request, if any.
    pub(crate) fn answer(
        &self,
        method: &str,
        token: Option<&TokenInfo>,
        args: &[(String, String)],
    ) -> Option<Value> {
        if !self.any.load(Ordering::Acquire) {
            return None;
        }
        let responder = self
            .map
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(method)
            .cloned()?;
        let request = MockRequest {
            method: method.to_owned(),
            args: args.to_vec(),
            user_id: token.map(|t| t.user_id.clone()),
            team_id: token.map(|t| t.team_id.clone()),
            app_id: token.map(|t| t.app_id.clone()),
            scopes: token.map(|t| t.scopes.clone()).unwrap_or_default(),
            is_bot: token.is_some_and(|t| t.is_bot),
        };
        let mut answer = responder.respond(&request);
        if let Value::Object(map) = &mut answer {
            if !map.contains_key("ok") {
                let mut with_ok = serde_json::Map::new();
                with_ok.insert("ok".to_owned(), Value::Bool(true));
                with_ok.append(map);
                *map = with_ok;
            }
        }
        Some(answer)
    }
}
