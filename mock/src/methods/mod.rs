//! Behaviour of validated requests, one module per family of methods.
//!
//! Each family lists its methods in a `ROUTES` table (catalog name → handler); the
//! registry below indexes them by the catalog's method index, once. A request reaches a
//! handler only after the server's checks (auth, rate limit, scope, arguments); canned
//! answers registered by a test come first, and methods without a handler answer in the
//! shape of their published sample ([`shape`]).

use std::sync::{Arc, LazyLock};

use serde_json::{Value, json};

use crate::args::arg;
use crate::catalog::{MethodSpec, catalog};
use crate::org::{Org, TokenInfo};
use crate::reply::Reply;
use crate::state::Shared;

/// The value of an `Ok`; from an `Err(reply)`, returns `reply` (the handler's answer).
macro_rules! or_reply {
    ($result:expr) => {
        match $result {
            Ok(value) => value,
            Err(reply) => return reply,
        }
    };
}

pub(crate) mod admin_users_session;
pub(crate) mod api;
pub(crate) mod chat;
pub(crate) mod conversations;
pub(crate) mod files;
pub(crate) mod pins;
pub(crate) mod reactions;
pub(crate) mod search;
pub(crate) mod shape;
pub(crate) mod team;
pub(crate) mod users;

/// Path prefix of the emulator's own endpoints (`/_mock/stats`, `/_mock/upload/…`).
pub(crate) const INTERNAL_PREFIX: &str = "/_mock/";

/// One validated request, as a handler sees it.
pub(crate) struct Call<'a> {
    pub(crate) shared: &'a Arc<Shared>,
    pub(crate) spec: &'static MethodSpec,
    pub(crate) token: Option<&'a TokenInfo>,
    pub(crate) args: &'a [(String, String)],
}

impl Call<'_> {
    /// A non-empty argument.
    pub(crate) fn arg(&self, name: &str) -> Option<&str> {
        arg(self.args, name)
    }

    /// A boolean argument (`true`/`1`), false when absent.
    pub(crate) fn flag(&self, name: &str) -> bool {
        self.arg(name)
            .and_then(crate::args::parse_bool)
            .unwrap_or(false)
    }

    /// The token's user (canonical `U…` id), or `""` for token-less calls.
    pub(crate) fn user_id(&self) -> &str {
        self.token.map_or("", |t| t.user_id.as_str())
    }

    pub(crate) fn team_id(&self) -> &str {
        self.token
            .map_or(crate::demo::TEAM_ID, |t| t.team_id.as_str())
    }

    pub(crate) fn is_bot(&self) -> bool {
        self.token.is_some_and(|t| t.is_bot)
    }

    pub(crate) fn has_scope(&self, scope: &str) -> bool {
        self.token
            .is_some_and(|t| t.scopes.iter().any(|s| s == scope))
    }
}

/// A handler: a validated request in, Slack's answer out.
pub(crate) type Handler = fn(&Call<'_>) -> Reply;

/// The families' routing tables.
const FAMILIES: [&[(&str, Handler)]; 10] = [
    api::ROUTES,
    admin_users_session::ROUTES,
    chat::ROUTES,
    conversations::ROUTES,
    users::ROUTES,
    reactions::ROUTES,
    pins::ROUTES,
    team::ROUTES,
    files::ROUTES,
    search::ROUTES,
];

/// Every modelled method, by catalog index (built once from the families' tables).
static REGISTRY: LazyLock<Vec<Option<Handler>>> = LazyLock::new(|| {
    let c = catalog();
    let mut table: Vec<Option<Handler>> = vec![None; c.len()];
    for (name, handler) in FAMILIES.into_iter().flatten() {
        // A family naming a method the catalog lacks is a defect caught by the tests.
        if let Some(spec) = c.get(name) {
            table[spec.index as usize] = Some(*handler);
        }
    }
    table
});

/// Names of every modelled method.
pub(crate) fn modelled() -> Vec<&'static str> {
    FAMILIES.into_iter().flatten().map(|(n, _)| *n).collect()
}

/// Answers a request that passed every check.
pub(crate) fn run(
    shared: &Arc<Shared>,
    spec: &'static MethodSpec,
    token: Option<&TokenInfo>,
    args: &[(String, String)],
) -> Reply {
    if let Some(answer) = shared.responders.answer(spec.name, token, args) {
        return Reply::ok_value(&answer);
    }
    let call = Call {
        shared,
        spec,
        token,
        args,
    };
    match REGISTRY.get(spec.index as usize).copied().flatten() {
        Some(handler) => handler(&call),
        None => shape::answer(&call),
    }
}

// ---- pagination, shared by every list ----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub(crate) fn base64(raw: &[u8]) -> String {
    let mut out = String::with_capacity(raw.len().div_ceil(3) * 4);
    for chunk in raw.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard base64 (padding optional, surrounding whitespace ignored, at most
/// `max_len` characters).
pub(crate) fn unbase64(text: &str, max_len: usize) -> Option<Vec<u8>> {
    let bytes = text.trim().trim_end_matches('=').as_bytes();
    if bytes.len() > max_len {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in bytes {
        let v = B64.iter().position(|&x| x == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Slack-style opaque cursor: base64 of `<kind>:<key>`.
pub(crate) fn encode_cursor(kind: &str, key: &str) -> String {
    base64(format!("{kind}:{key}").as_bytes())
}

/// The key of a cursor from [`encode_cursor`] with the same `kind`.
pub(crate) fn decode_cursor(kind: &str, cursor: &str) -> Option<String> {
    let raw = unbase64(cursor, 512)?;
    let text = String::from_utf8(raw).ok()?;
    text.strip_prefix(kind)?
        .strip_prefix(':')
        .map(str::to_owned)
}

/// The `cursor` argument of a list: `Ok(None)` without one, `Err(invalid_cursor)` for one
/// the emulator did not hand out.
pub(crate) fn cursor_arg(call: &Call<'_>, kind: &str) -> Result<Option<String>, Reply> {
    match call.arg("cursor") {
        None => Ok(None),
        Some(c) => decode_cursor(kind, c)
            .map(Some)
            .ok_or_else(|| Reply::error("invalid_cursor")),
    }
}

/// The page size: `limit` (an integer or a number), default `default`; values below 1
/// mean the default, larger than `max` the maximum.
pub(crate) fn limit_arg(call: &Call<'_>, default: usize, max: usize) -> usize {
    limit_of(call.arg("limit"), default, max)
}

/// [`limit_arg`] of a `limit` already read.
pub(crate) fn limit_of(raw: Option<&str>, default: usize, max: usize) -> usize {
    let Some(raw) = raw else {
        return default;
    };
    match raw.trim().parse::<f64>() {
        Ok(n) if n >= 1.0 => {
            if n >= max as f64 {
                max
            } else {
                n as usize
            }
        }
        _ => default,
    }
}

/// One page of `items` (ordered by their key) after the key `after`; the cursor of the
/// next page (`""` on the last one).
pub(crate) fn page<T>(
    items: Vec<(String, T)>,
    after: Option<&str>,
    limit: usize,
    kind: &str,
) -> (Vec<T>, String) {
    let rest = items
        .into_iter()
        .filter(|(k, _)| after.is_none_or(|a| k.as_str() > a));
    let (kept, next) = take_page(rest, limit, kind, |(k, _)| k.clone());
    (kept.into_iter().map(|(_, v)| v).collect(), next)
}

/// The first `limit` items of `items`; the cursor of the next page (`key` of the last
/// item kept) when more follow, `""` when none do.
pub(crate) fn take_page<I: Iterator>(
    mut items: I,
    limit: usize,
    kind: &str,
    key: impl Fn(&I::Item) -> String,
) -> (Vec<I::Item>, String) {
    let page: Vec<I::Item> = items.by_ref().take(limit).collect();
    let next = match (items.next(), page.last()) {
        (Some(_), Some(last)) => encode_cursor(kind, &key(last)),
        _ => String::new(),
    };
    (page, next)
}

/// The `count` (default `default`, at most `max`) and `page` (from 1; default 1) of a
/// page-numbered list (`files.list`, `search.*`); values that are not integers of at
/// least 1 mean the default.
pub(crate) fn count_and_page(call: &Call<'_>, default: usize, max: usize) -> (usize, usize) {
    let num = |name: &str, default: usize| {
        call.arg(name)
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|n| *n >= 1)
            .unwrap_or(default)
    };
    (num("count", default).min(max), num("page", 1))
}

/// Page `page` (from 1) of `items`, `count` a page, and its `paging` object
/// (`count`, `total`, `page`, `pages`).
pub(crate) fn numbered_page<T>(items: Vec<T>, count: usize, page: usize) -> (Vec<T>, Value) {
    let total = items.len();
    let pages = total.div_ceil(count).max(1);
    let kept = items
        .into_iter()
        .skip(count.saturating_mul(page - 1))
        .take(count)
        .collect();
    let paging = json!({"count": count, "total": total, "page": page, "pages": pages});
    (kept, paging)
}

/// `{"next_cursor": ...}`.
pub(crate) fn metadata(next_cursor: String) -> Value {
    json!({ "next_cursor": next_cursor })
}

/// The org, locked, with scheduled messages delivered.
pub(crate) fn org<'a>(call: &Call<'a>) -> std::sync::MutexGuard<'a, Org> {
    let mut org = call.shared.org();
    org.content.deliver_due();
    org
}

/// The workspace's URL (`https://acme-hq.slack.com/`).
pub(crate) fn team_url(org: &Org, team_id: &str) -> String {
    let name = org.team(team_id).map_or(team_id, |t| t.name.as_str());
    format!("https://{}.slack.com/", api::subdomain(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_by_number_and_by_cursor() {
        let (kept, paging) = numbered_page((1..=5).collect(), 2, 3);
        assert_eq!(kept, [5]);
        assert_eq!(
            paging,
            json!({"count": 2, "total": 5, "page": 3, "pages": 3})
        );
        let (kept, paging) = numbered_page(Vec::<u8>::new(), 2, 9);
        assert!(kept.is_empty());
        assert_eq!(paging["pages"], 1);
        let (kept, next) = take_page(1..=5, 2, "n", u8::to_string);
        assert_eq!(kept, [1, 2]);
        assert_eq!(decode_cursor("n", &next).as_deref(), Some("2"));
        let (kept, next) = take_page(1..=2, 2, "n", u8::to_string);
        assert_eq!(kept, [1, 2]);
        assert_eq!(next, "");
    }

    #[test]
    fn every_route_names_a_catalog_method() {
        for name in modelled() {
            let spec = catalog().get(name).unwrap_or_else(|| panic!("{name}"));
            assert!(REGISTRY[spec.index as usize].is_some(), "{name}");
        }
        assert!(!modelled().contains(&"admin.apps.approve"));
    }

    /// Codes a family may answer beyond its methods' documented lists: Slack's generic
    /// ones, and ones Slack answers though its reference omits them.
    const UNLISTED_BUT_SLACKS: &[&str] = &[
        "not_authed",
        "invalid_arguments",
        "invalid_cursor",
        // Slack's code for an array argument that is neither a list nor JSON.
        "invalid_array_arg",
        // chat.postMessage: Slack caps text at 40 000 characters.
        "msg_too_long",
        // Answered by Slack for these methods, missing from the reference.
        "user_not_found",
        "channel_not_found",
        "not_in_channel",
        "thread_not_found",
        "team_not_found",
    ];

    /// The family sources the code checks read, with their routes.
    fn family_sources() -> [(&'static str, &'static [(&'static str, Handler)]); 10] {
        [
            (include_str!("api.rs"), api::ROUTES),
            (
                include_str!("admin_users_session.rs"),
                admin_users_session::ROUTES,
            ),
            (include_str!("chat.rs"), chat::ROUTES),
            (include_str!("conversations.rs"), conversations::ROUTES),
            (include_str!("users.rs"), users::ROUTES),
            (include_str!("reactions.rs"), reactions::ROUTES),
            (include_str!("pins.rs"), pins::ROUTES),
            (include_str!("team.rs"), team::ROUTES),
            (include_str!("files.rs"), files::ROUTES),
            (include_str!("search.rs"), search::ROUTES),
        ]
    }

    /// The string literals right after each `prefix` in `src` (`Reply::error("` →
    /// the codes answered directly).
    fn literals_after<'a>(src: &'a str, prefix: &str) -> Vec<&'a str> {
        src.split(prefix)
            .skip(1)
            .filter_map(|piece| piece.split('"').next())
            .collect()
    }

    /// Whether `s` has the shape of a Slack error code (`snake_case`).
    fn is_code(s: &str) -> bool {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    }

    /// Code helpers: every top-level function whose signature returns
    /// `Result<_, &'static str>` (the error being a Slack code a caller hands to
    /// `Reply::error`), by name, with the codes of its `Err("…")`s.
    fn code_helpers(src: &str) -> Vec<(&str, Vec<&str>)> {
        let mut helpers = Vec::new();
        for (at, _) in src.match_indices("\n") {
            let item = &src[at + 1..];
            let Some(rest) = ["fn ", "pub(crate) fn ", "pub fn "]
                .iter()
                .find_map(|p| item.strip_prefix(p))
            else {
                continue;
            };
            let name = rest.split(['(', '<']).next().unwrap_or_default();
            let Some((signature, body)) = rest.split_once('{') else {
                continue;
            };
            if !is_code(name) || !signature.contains("&'static str>") {
                continue;
            }
            // The body ends where the item's closing brace stands alone on its line.
            let body = body.split("\n}").next().unwrap_or_default();
            let codes = literals_after(body, "Err(\"")
                .into_iter()
                .filter(|c| is_code(c))
                .collect();
            helpers.push((name, codes));
        }
        helpers
    }

    /// Whether `src` calls the function `name` (not a method of the same name, not its
    /// definition).
    fn calls(src: &str, name: &str) -> bool {
        let call = format!("{name}(");
        src.match_indices(&call).any(|(at, _)| {
            let before = &src[..at];
            let prev = before.chars().next_back();
            !prev.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                && !before.ends_with("fn ")
        })
    }

    /// The codes a family's source answers: its `Reply::error("…")`s, the `Err("…")`s
    /// of its own code (helpers whose error a caller answers), and the codes of the code
    /// helpers (its own or another family's) it calls.
    fn answered_codes<'a>(src: &'a str, helpers: &[(&'a str, Vec<&'a str>)]) -> Vec<&'a str> {
        let mut codes = literals_after(src, "Reply::error(\"");
        codes.extend(
            literals_after(src, "Err(\"")
                .into_iter()
                .filter(|c| is_code(c)),
        );
        // Codes named by a constant: `Reply::error(FULL)` with `const FULL: &str = "…";`.
        for piece in src.split("Reply::error(").skip(1) {
            let name = piece.split(')').next().unwrap_or_default();
            let is_const = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
            if is_const {
                let value = literals_after(src, &format!("const {name}: &str = \""));
                assert!(!value.is_empty(), "no literal for {name}");
                codes.extend(value);
            }
        }
        for (name, helper_codes) in helpers {
            if calls(src, name) {
                codes.extend(helper_codes.iter().copied());
            }
        }
        codes.sort_unstable();
        codes.dedup();
        codes
    }

    /// Every code a family answers (directly, or through a helper's `Err("…")`, its own
    /// or another family's) is one of its methods' documented errors: the service's own
    /// words.
    #[test]
    fn families_answer_documented_codes() {
        let helpers: Vec<(&str, Vec<&str>)> = family_sources()
            .iter()
            .flat_map(|(src, _)| code_helpers(src))
            .collect();
        let mut undocumented = Vec::new();
        for (src, routes) in family_sources() {
            let documented: Vec<&str> = routes
                .iter()
                .filter_map(|(n, _)| catalog().get(n))
                .flat_map(|m| m.errors.iter().copied())
                .collect();
            for code in answered_codes(src, &helpers) {
                if !documented.contains(&code) && !UNLISTED_BUT_SLACKS.contains(&code) {
                    undocumented.push(format!("{} → {code}", routes[0].0));
                }
            }
        }
        assert!(undocumented.is_empty(), "{undocumented:#?}");
    }

    /// The scan sees codes behind helpers: `find`'s `channel_not_found` (in another
    /// family's file) and `check_name`'s `invalid_name_*` (returned as `Err("…")`).
    #[test]
    fn the_code_scan_sees_helper_codes() {
        let helpers: Vec<(&str, Vec<&str>)> = family_sources()
            .iter()
            .flat_map(|(src, _)| code_helpers(src))
            .collect();
        let names: Vec<&str> = helpers.iter().map(|(n, _)| *n).collect();
        assert!(names.contains(&"find"), "{names:?}");
        assert!(names.contains(&"check_name"), "{names:?}");
        assert!(names.contains(&"resettable"), "{names:?}");
        let conversations = answered_codes(include_str!("conversations.rs"), &helpers);
        assert!(conversations.contains(&"invalid_name_maxlength"));
        let chat = answered_codes(include_str!("chat.rs"), &helpers);
        assert!(chat.contains(&"message_limit_exceeded"), "{chat:?}");
        let pins = answered_codes(include_str!("pins.rs"), &helpers);
        assert!(pins.contains(&"channel_not_found"));
        let admin = answered_codes(include_str!("admin_users_session.rs"), &helpers);
        assert!(admin.contains(&"cannot_reset_primary_owner"));
        // A helper whose code is undocumented for a family is caught.
        let src =
            "\nfn helper(x: u8) -> Result<(), &'static str> {\n    Err(\"made_up_code\")\n}\n";
        let extra = code_helpers(src);
        assert_eq!(extra, vec![("helper", vec!["made_up_code"])]);
        assert!(answered_codes("let r = helper(&x);", &extra).contains(&"made_up_code"));
    }

    #[test]
    fn cursors() {
        let c = encode_cursor("user", "U0ALICE");
        assert_eq!(decode_cursor("user", &c).as_deref(), Some("U0ALICE"));
        assert_eq!(decode_cursor("channel", &c), None);
        assert_eq!(decode_cursor("user", "garbage!"), None);
        assert_eq!(
            decode_cursor("user", c.trim_end_matches('=')).as_deref(),
            Some("U0ALICE")
        );
        let items: Vec<(String, u32)> = (1..=5).map(|i| (format!("k{i}"), i)).collect();
        let (p, next) = page(items.clone(), None, 2, "k");
        assert_eq!(p, vec![1, 2]);
        let after = decode_cursor("k", &next).unwrap();
        let (p, next) = page(items.clone(), Some(&after), 2, "k");
        assert_eq!(p, vec![3, 4]);
        let after = decode_cursor("k", &next).unwrap();
        let (p, next) = page(items, Some(&after), 2, "k");
        assert_eq!((p, next), (vec![5], String::new()));
    }
}
