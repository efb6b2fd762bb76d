//! `api.test` and `auth.test`.

use bytes::Bytes;
use http::StatusCode;
use serde_json::{Value, json};

use super::{Call, Handler};
use crate::org::{Org, UserRole};
use crate::reply::Reply;

/// Routing of the family.
pub(crate) const ROUTES: &[(&str, Handler)] = &[("api.test", api_test), ("auth.test", auth_test)];

/// Echoes the arguments; an `error` argument makes it fail with that code, like Slack.
fn api_test(call: &Call<'_>) -> Reply {
    let echoed: serde_json::Map<String, Value> = call
        .args
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    match call.arg("error") {
        Some(code) => Reply::ok_value(&json!({"ok": false, "error": code, "args": echoed})),
        None if echoed.is_empty() => Reply::ok(),
        None => Reply::ok_value(&json!({"ok": true, "args": echoed})),
    }
}

/// Precomputed per token (users and teams do not change once the server runs).
fn auth_test(call: &Call<'_>) -> Reply {
    match call.token {
        Some(t) => Reply::json(StatusCode::OK, t.auth_test_body.clone()),
        None => Reply::error("not_authed"),
    }
}

/// The `auth.test` answer for a token of `user_id` in `team_id`: for a bot token,
/// `user_id` is the bot user's `U…` id and `bot_id` its `B…` bot.
pub(crate) fn auth_test_body(org: &Org, user_id: &str, team_id: &str, app_id: &str) -> Bytes {
    let user = org.user(user_id);
    let team_name = org.team(team_id).map_or(team_id, |t| t.name.as_str());
    let mut body = json!({
        "ok": true,
        "url": format!("https://{}.slack.com/", subdomain(team_name)),
        "team": team_name,
        "user": user.map_or_else(|| user_id.to_ascii_lowercase(), |u| u.name.clone()),
        "team_id": team_id,
        "user_id": user.map_or(user_id, |u| u.id.as_str()),
        "enterprise_id": org.enterprise_id,
        "is_enterprise_install": false,
    });
    if let Some(u) = user.filter(|u| u.role == UserRole::Bot) {
        body["bot_id"] = Value::String(u.bot_id.clone().unwrap_or_else(|| u.id.clone()));
        body["app_id"] = Value::String(app_id.to_owned());
    }
    Bytes::from(serde_json::to_vec(&body).unwrap_or_default())
}

/// `Acme HQ` → `acme-hq`.
pub(crate) fn subdomain(team_name: &str) -> String {
    let mut s: String = team_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    s.truncate(s.trim_end_matches('-').len());
    if s.is_empty() {
        "workspace".to_owned()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subdomains() {
        assert_eq!(subdomain("Acme HQ"), "acme-hq");
        assert_eq!(subdomain("!!"), "workspace");
    }
}
