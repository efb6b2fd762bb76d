//! `users.*`: the org's people and bot users, their profiles and presence.

use serde_json::{Value, json};

use super::{Call, Handler, conversations, cursor_arg, limit_arg, metadata, org, page};
use crate::content::now_secs;
use crate::org::{MockUser, UserRole};
use crate::reply::Reply;

/// Routing of the family.
pub(crate) const ROUTES: &[(&str, Handler)] = &[
    ("users.list", list),
    ("users.info", info),
    ("users.lookupByEmail", lookup_by_email),
    ("users.conversations", conversations),
    ("users.getPresence", get_presence),
    ("users.profile.get", profile_get),
];

/// A user's `profile` object; the email only for tokens with `users:read.email`.
pub(crate) fn profile_json(u: &MockUser, with_email: bool) -> Value {
    let real = u.user_real_name();
    let (first, last) = real.split_once(' ').unwrap_or((real, ""));
    let avatar = |size: u32| format!("https://secure.gravatar.com/avatar/{}.jpg?s={size}", u.id);
    let mut p = json!({
        "title": "",
        "phone": "",
        "skype": "",
        "real_name": real,
        "real_name_normalized": real,
        "display_name": u.user_display_name(),
        "display_name_normalized": u.user_display_name(),
        "fields": {},
        "status_text": "",
        "status_emoji": "",
        "status_emoji_display_info": [],
        "status_expiration": 0,
        "avatar_hash": "g000000000",
        "first_name": first,
        "last_name": last,
        "image_24": avatar(24),
        "image_32": avatar(32),
        "image_48": avatar(48),
        "image_72": avatar(72),
        "image_192": avatar(192),
        "image_512": avatar(512),
        "team": u.team_id,
    });
    if with_email {
        if let Some(e) = u.user_email() {
            p["email"] = e.into();
        }
    }
    if let Some(b) = &u.bot_id {
        p["bot_id"] = b.clone().into();
        p["api_app_id"] = crate::demo::APP_ID.into();
        p["always_active"] = false.into();
    }
    p
}

/// Slack's user object.
pub(crate) fn user_json(u: &MockUser, with_email: bool) -> Value {
    json!({
        "id": u.id,
        "team_id": u.team_id,
        "name": u.name,
        "deleted": false,
        "color": "9f69e7",
        "real_name": u.user_real_name(),
        "tz": "Europe/London",
        "tz_label": "Greenwich Mean Time",
        "tz_offset": 0,
        "profile": profile_json(u, with_email),
        "is_admin": u.role.is_admin(),
        "is_owner": u.role == UserRole::PrimaryOwner,
        "is_primary_owner": u.role == UserRole::PrimaryOwner,
        "is_restricted": false,
        "is_ultra_restricted": false,
        "is_bot": u.role == UserRole::Bot,
        "is_app_user": false,
        "updated": 1_700_000_000,
        "is_email_confirmed": u.role != UserRole::Bot,
        "who_can_share_contact_card": "EVERYONE",
    })
}

fn with_email(call: &Call<'_>) -> bool {
    call.has_scope("users:read.email")
}

fn list(call: &Call<'_>) -> Reply {
    let after = or_reply!(cursor_arg(call, "user"));
    let limit = limit_arg(call, 1000, 1000);
    let org = org(call);
    let team = call.arg("team_id").unwrap_or(call.team_id());
    let email = with_email(call);
    // Only the page is rendered: orgs with many members page cheaply.
    let items: Vec<(String, &MockUser)> = org
        .users_sorted()
        .into_iter()
        .filter(|u| u.team_id == team)
        .map(|u| (u.id.clone(), u))
        .collect();
    let (members, next) = page(items, after.as_deref(), limit, "user");
    let members: Vec<Value> = members.into_iter().map(|u| user_json(u, email)).collect();
    Reply::ok_value(&json!({
        "ok": true,
        "members": members,
        "cache_ts": now_secs(),
        "response_metadata": metadata(next),
    }))
}

fn info(call: &Call<'_>) -> Reply {
    let org = org(call);
    match org.users.get(call.arg("user").unwrap_or_default()) {
        Some(u) => Reply::ok_value(&json!({"ok": true, "user": user_json(u, with_email(call))})),
        None => Reply::error("user_not_found"),
    }
}

fn lookup_by_email(call: &Call<'_>) -> Reply {
    let email = call.arg("email").unwrap_or_default().trim();
    let org = org(call);
    let found = org.users.values().find(|u| {
        u.user_email()
            .is_some_and(|e| e.eq_ignore_ascii_case(email))
    });
    match found {
        Some(u) => Reply::ok_value(&json!({"ok": true, "user": user_json(u, true)})),
        None => Reply::error("users_not_found"),
    }
}

fn conversations(call: &Call<'_>) -> Reply {
    let user = match call.arg("user") {
        None => call.user_id().to_owned(),
        Some(u) => match org(call).user(u) {
            Some(u) => u.id.clone(),
            None => return Reply::error("user_not_found"),
        },
    };
    conversations::list_page(call, Some(&user), "channels")
}

fn get_presence(call: &Call<'_>) -> Reply {
    let org = org(call);
    let me = call.user_id();
    let Some(u) = org.user(call.arg("user").unwrap_or(me)) else {
        return Reply::error("user_not_found");
    };
    // People with a session are active; bots always are.
    let active = u.role == UserRole::Bot || !org.user_session_ids(&u.id).is_empty();
    let presence = if active { "active" } else { "away" };
    if u.id != me {
        return Reply::ok_value(&json!({"ok": true, "presence": presence}));
    }
    Reply::ok_value(&json!({
        "ok": true,
        "presence": presence,
        "online": active,
        "auto_away": false,
        "manual_away": false,
        "connection_count": usize::from(active),
        "last_activity": now_secs(),
    }))
}

fn profile_get(call: &Call<'_>) -> Reply {
    let org = org(call);
    let me = call.user_id();
    match org.user(call.arg("user").unwrap_or(me)) {
        Some(u) => Reply::ok_value(&json!({
            "ok": true,
            "profile": profile_json(u, with_email(call) || u.id == me),
        })),
        None => Reply::error("user_not_found"),
    }
}
