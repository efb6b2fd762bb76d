//! `admin.users.session.*`: sessions of the org's users, reset, invalidated and listed
//! by admins.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};

use super::{Call, Handler, limit_of};
use crate::args::{arg, parse_bool};
use crate::org::{Org, SessionKind, SessionRec, TokenInfo, UserRole};
use crate::reply::Reply;
use crate::state::Shared;

/// Routing of the family.
pub(crate) const ROUTES: &[(&str, Handler)] = &[
    ("admin.users.session.reset", |c| with_token(c, reset)),
    ("admin.users.session.resetBulk", |c| {
        with_token(c, reset_bulk)
    }),
    ("admin.users.session.invalidate", |c| {
        with_token(c, invalidate)
    }),
    ("admin.users.session.list", |c| with_token(c, list)),
];

type TokenHandler = fn(&Arc<Shared>, &TokenInfo, &[(String, String)]) -> Reply;

/// These methods all take a token: the server has checked it already.
fn with_token(call: &Call<'_>, f: TokenHandler) -> Reply {
    match call.token {
        Some(t) => f(call.shared, t, call.args),
        None => Reply::error("not_authed"),
    }
}

fn is_admin(org: &Org, token: &TokenInfo) -> bool {
    org.user(&token.user_id).is_some_and(|u| u.role.is_admin())
}

/// Which kinds a reset removes: `mobile_only` → mobile, `web_only` → web, neither or
/// both → all (both flags together mean "mobile and web", i.e. everything).
fn reset_kinds(args: &[(String, String)]) -> (bool, bool) {
    let mobile_only = arg(args, "mobile_only")
        .and_then(parse_bool)
        .unwrap_or(false);
    let web_only = arg(args, "web_only").and_then(parse_bool).unwrap_or(false);
    match (web_only, mobile_only) {
        (true, false) => (true, false),
        (false, true) => (false, true),
        _ => (true, true),
    }
}

/// `Err(code)` if sessions of `user_id` may not be reset.
fn resettable(org: &Org, user_id: &str) -> Result<(), &'static str> {
    match org.user(user_id).map(|u| u.role) {
        None => Err("user_not_found"),
        Some(UserRole::Bot) => Err("cannot_reset_bot"),
        Some(UserRole::PrimaryOwner) => Err("cannot_reset_primary_owner"),
        Some(_) => Ok(()),
    }
}

fn reset(shared: &Arc<Shared>, token: &TokenInfo, args: &[(String, String)]) -> Reply {
    let mut org = shared.org();
    if !is_admin(&org, token) {
        return Reply::error("not_an_admin");
    }
    let user_id = arg(args, "user_id").unwrap_or_default();
    if let Err(code) = resettable(&org, user_id) {
        return Reply::error(code);
    }
    let (web, mobile) = reset_kinds(args);
    org.reset_user(user_id, web, mobile);
    Reply::ok()
}

/// How long after its answer a `resetBulk` job runs.
const BULK_JOB_DELAY: Duration = Duration::from_millis(50);
/// Most user IDs one `resetBulk` call takes (Slack: "up to 1,000").
const BULK_MAX_USERS: usize = 1000;

/// Slack enqueues a job and answers at once: `ok` means queued, and the sessions go
/// [`BULK_JOB_DELAY`] later. Users are checked when the call arrives: a call naming one
/// user who cannot be reset answers that user's code (`user_not_found`,
/// `cannot_reset_bot`, `cannot_reset_primary_owner`); a call naming several, some of whom
/// cannot be reset, answers `failed_for_some_users` and the job still runs for the others.
/// More than 1,000 IDs (or none) answer `invalid_array_arg`.
fn reset_bulk(shared: &Arc<Shared>, token: &TokenInfo, args: &[(String, String)]) -> Reply {
    let org = shared.org();
    if !is_admin(&org, token) {
        return Reply::error("not_an_admin");
    }
    let raw = arg(args, "user_ids").unwrap_or_default();
    let Some(user_ids) = parse_id_list(raw) else {
        return Reply::error("invalid_array_arg");
    };
    if user_ids.is_empty() || user_ids.len() > BULK_MAX_USERS {
        return Reply::error("invalid_array_arg");
    }
    let single = user_ids.len() == 1;
    let mut failure = None;
    let mut queued = Vec::with_capacity(user_ids.len());
    for u in user_ids {
        match resettable(&org, &u) {
            Ok(()) => queued.push(u),
            Err(code) => failure = Some(code),
        }
    }
    drop(org);
    let (web, mobile) = reset_kinds(args);
    if !queued.is_empty() {
        let shared = Arc::clone(shared);
        let job = move || {
            let mut org = shared.org();
            for u in &queued {
                org.reset_user(u, web, mobile);
            }
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    tokio::time::sleep(BULK_JOB_DELAY).await;
                    job();
                });
            }
            Err(_) => job(),
        }
    }
    match failure {
        None => Reply::ok(),
        Some(code) if single => Reply::error(code),
        Some(_) => Reply::error("failed_for_some_users"),
    }
}

/// A JSON array of strings (`["U1","U2"]`) or a comma-separated list (`U1,U2`).
fn parse_id_list(raw: &str) -> Option<Vec<String>> {
    let raw = raw.trim();
    if raw.starts_with('[') {
        serde_json::from_str::<Vec<String>>(raw).ok()
    } else {
        Some(
            raw.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        )
    }
}

/// By `user_id` (the session must be that user's) or by `team_id` (the session must be in
/// that team). An unknown team answers `session_not_found` (`team_not_found` is not a
/// documented error of this method).
fn invalidate(shared: &Arc<Shared>, token: &TokenInfo, args: &[(String, String)]) -> Reply {
    let mut org = shared.org();
    if !is_admin(&org, token) {
        return Reply::error("not_an_admin");
    }
    // Validated as an integer already; one beyond i64 names no session.
    let Some(session_id) = arg(args, "session_id").and_then(|s| s.parse::<i64>().ok()) else {
        return Reply::error("session_not_found");
    };
    if let Some(user_id) = arg(args, "user_id") {
        if org.user(user_id).is_none() {
            return Reply::error("user_not_found");
        }
        if org
            .sessions
            .get(&session_id)
            .is_none_or(|s| s.user_id != user_id)
        {
            return Reply::error("session_not_found");
        }
    } else {
        let team_id = arg(args, "team_id").unwrap_or_default();
        if org
            .sessions
            .get(&session_id)
            .is_none_or(|s| s.team_id != team_id)
        {
            return Reply::error("session_not_found");
        }
    }
    let owner_is_primary = org
        .sessions
        .get(&session_id)
        .and_then(|s| org.users.get(&s.user_id))
        .is_some_and(|u| u.role == UserRole::PrimaryOwner);
    if owner_is_primary {
        return Reply::error("cannot_invalidate_primary_owner");
    }
    org.remove_session(session_id);
    Reply::ok()
}

fn list(shared: &Arc<Shared>, token: &TokenInfo, args: &[(String, String)]) -> Reply {
    let org = shared.org();
    if !is_admin(&org, token) {
        return Reply::error("not_an_admin");
    }
    let limit = limit_of(arg(args, "limit"), MAX_LIMIT, MAX_LIMIT);
    let after = match arg(args, "cursor") {
        None => None,
        Some(c) => match decode_cursor(c) {
            Some(id) => Some(id),
            None => return Reply::error("invalid_cursor"),
        },
    };
    let team = arg(args, "team_id");
    if team.is_some_and(|t| org.team(t).is_none()) {
        return Reply::error("team_not_found");
    }
    let user = arg(args, "user_id");
    if user.is_some_and(|u| org.user(u).is_none()) {
        return Reply::error("user_not_found");
    }
    let start = match after {
        None => i64::MIN,
        Some(i64::MAX) => return list_answer(&[], String::new()),
        Some(a) => a + 1,
    };
    let rows = org.page(start, team, user, limit + 1).into_iter();
    let (page, next_cursor) = super::take_page(rows, limit, CURSOR_KIND, |(id, _)| id.to_string());
    list_answer(&page, next_cursor)
}

fn list_answer(page: &[(i64, &SessionRec)], next_cursor: String) -> Reply {
    let sessions: Vec<Value> = page.iter().map(|(id, s)| session_json(*id, s)).collect();
    Reply::ok_value(&json!({
        "ok": true,
        "active_sessions": sessions,
        "response_metadata": { "next_cursor": next_cursor },
    }))
}

/// Page size of `admin.users.session.list`: default and maximum.
const MAX_LIMIT: usize = 1000;

fn session_json(id: i64, s: &SessionRec) -> Value {
    let (hardware, os, os_version, client, ip, recent_ip) = match s.kind {
        SessionKind::Web => (
            "Browser",
            "Mac OS X",
            "14.4.1",
            "4.38.125",
            "203.0.113.10",
            "203.0.113.11",
        ),
        SessionKind::Mobile => (
            "iPhone",
            "iOS",
            "17.4.1",
            "24.04.10.0",
            "198.51.100.7",
            "198.51.100.8",
        ),
    };
    let device = |ip: &str| {
        json!({
            "device_hardware": hardware,
            "os": os,
            "os_version": os_version,
            "slack_client_version": client,
            "ip": ip,
        })
    };
    json!({
        "user_id": s.user_id,
        "team_id": s.team_id,
        "session_id": id,
        "created": device(ip),
        "recent": device(recent_ip),
    })
}

/// The kind of the lists' Slack-style opaque cursors (base64 of `session:<last id>`).
const CURSOR_KIND: &str = "session";

/// The session id in a cursor of the lists; `None` for anything else.
pub(crate) fn decode_cursor(cursor: &str) -> Option<i64> {
    super::decode_cursor(CURSOR_KIND, cursor)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::base64;

    fn encode_cursor(last_id: i64) -> String {
        super::super::encode_cursor(CURSOR_KIND, &last_id.to_string())
    }

    #[test]
    fn cursor_round_trip() {
        for id in [0, 1, 10001, 123_456_789, i64::MAX] {
            let c = encode_cursor(id);
            assert_eq!(decode_cursor(&c), Some(id), "{c}");
        }
        assert_eq!(encode_cursor(10001), "c2Vzc2lvbjoxMDAwMQ==");
        assert_eq!(decode_cursor("garbage!"), None);
        assert_eq!(decode_cursor("dXNlcjpVMDYxTkZUVDI="), None);
        // Robust to what clients and forms do to it.
        let c = encode_cursor(10001);
        assert_eq!(decode_cursor(c.trim_end_matches('=')), Some(10001));
        assert_eq!(decode_cursor(&format!(" {c} ")), Some(10001));
        for id in (-1000..100_000).chain([i64::MIN, i64::MAX]) {
            let c = encode_cursor(id);
            assert!(!c.contains(['+', '/']), "{c}");
        }
        // Garbage of any size, padding in the middle, empty.
        assert_eq!(decode_cursor(&"A".repeat(1 << 20)), None);
        assert_eq!(decode_cursor("c2Vz=c2lvbjox"), None);
        assert_eq!(decode_cursor(""), None);
        assert_eq!(decode_cursor("==="), None);
        // Out of range ids do not parse.
        assert_eq!(
            decode_cursor(&base64(b"session:99999999999999999999")),
            None
        );
        assert_eq!(decode_cursor(&base64(b"session:")), None);
        assert_eq!(decode_cursor(&base64(b"session:\xff")), None);
        assert_eq!(
            decode_cursor(&base64(b"session:-9223372036854775808")),
            Some(i64::MIN)
        );
    }

    #[test]
    fn limits() {
        let list_limit = |raw| limit_of(raw, MAX_LIMIT, MAX_LIMIT);
        assert_eq!(list_limit(None), 1000);
        assert_eq!(list_limit(Some("1")), 1);
        assert_eq!(list_limit(Some("+7")), 7);
        assert_eq!(list_limit(Some("0")), 1000);
        assert_eq!(list_limit(Some("-5")), 1000);
        assert_eq!(list_limit(Some("5000")), 1000);
        assert_eq!(list_limit(Some("99999999999999999999999999")), 1000);
        assert_eq!(list_limit(Some("-99999999999999999999999999")), 1000);
    }

    #[test]
    fn ids_and_subdomains() {
        assert_eq!(
            parse_id_list("U1, U2,,"),
            Some(vec!["U1".into(), "U2".into()])
        );
        assert_eq!(
            parse_id_list(r#"["U1","U2"]"#),
            Some(vec!["U1".into(), "U2".into()])
        );
        assert_eq!(parse_id_list("[1,"), None);
    }
}
