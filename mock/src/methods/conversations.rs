//! `conversations.*`: channels (public, private), DMs and group DMs; membership, topic,
//! purpose, archive, history and threads.

use serde_json::{Value, json};

use super::chat::message_json;
use super::{Call, Handler, cursor_arg, limit_arg, metadata, org, page};
use crate::content::{Channel, ChannelKind, Ts, now_secs, parse_ts, ts_string};
use crate::org::Org;
use crate::reply::Reply;

/// Routing of the family.
pub(crate) const ROUTES: &[(&str, Handler)] = &[
    ("conversations.list", list),
    ("conversations.info", info),
    ("conversations.history", history),
    ("conversations.replies", replies),
    ("conversations.members", members),
    ("conversations.create", create),
    ("conversations.join", join),
    ("conversations.leave", leave),
    ("conversations.invite", invite),
    ("conversations.kick", kick),
    ("conversations.archive", archive),
    ("conversations.unarchive", unarchive),
    ("conversations.rename", rename),
    ("conversations.setTopic", set_topic),
    ("conversations.setPurpose", set_purpose),
    ("conversations.open", open),
];

/// Longest topic or purpose Slack accepts.
const MAX_TOPIC: usize = 250;
/// Longest channel name.
const MAX_NAME: usize = 80;

/// Whether `user` (of `team`) may see `ch`: public channels of the team (or that the user
/// is in), private ones and DMs only as a member.
pub(crate) fn visible(ch: &Channel, user: &str, team: &str) -> bool {
    ch.members.contains(user) || (ch.kind == ChannelKind::Public && ch.team_id == team)
}

/// The channel named by `raw` for the caller: an id, or (`by_name`) `#name` / `name`.
/// Unknown or invisible → `channel_not_found`.
pub(crate) fn find(
    org: &Org,
    call: &Call<'_>,
    raw: &str,
    by_name: bool,
) -> Result<String, &'static str> {
    let (user, team) = (call.user_id(), call.team_id());
    let found = org.content.channels.get(raw).or_else(|| {
        if !by_name {
            return None;
        }
        let name = raw.strip_prefix('#').unwrap_or(raw);
        org.content
            .channels
            .values()
            .find(|c| !c.is_dm() && c.name == name && visible(c, user, team))
    });
    match found {
        Some(c) if visible(c, user, team) => Ok(c.id.clone()),
        _ => Err("channel_not_found"),
    }
}

/// `find` for the `channel` argument (a required argument: present once validated).
fn channel_arg(org: &Org, call: &Call<'_>) -> Result<String, Reply> {
    find(org, call, call.arg("channel").unwrap_or_default(), false).map_err(Reply::error)
}

/// Slack's conversation object, as `viewer` sees it.
pub(crate) fn channel_json(org: &Org, ch: &Channel, viewer: &str) -> Value {
    let topic = |t: &crate::content::Topic| json!({"value": t.value, "creator": t.creator, "last_set": t.last_set});
    match ch.kind {
        ChannelKind::Im => {
            let other = ch
                .members
                .iter()
                .find(|m| *m != viewer)
                .or_else(|| ch.members.iter().next())
                .cloned()
                .unwrap_or_default();
            let deleted = !org.users.contains_key(&other);
            json!({
                "id": ch.id,
                "created": ch.created,
                "is_archived": ch.archived,
                "is_im": true,
                "is_org_shared": false,
                "context_team_id": ch.team_id,
                "updated": ch.created * 1000,
                "user": other,
                "is_user_deleted": deleted,
                "priority": 0,
            })
        }
        _ => {
            let is_mpim = ch.kind == ChannelKind::Mpim;
            json!({
                "id": ch.id,
                "name": ch.name,
                "is_channel": !is_mpim,
                "is_group": false,
                "is_im": false,
                "is_mpim": is_mpim,
                "is_private": ch.kind != ChannelKind::Public,
                "created": ch.created,
                "is_archived": ch.archived,
                "is_general": ch.is_general,
                "unlinked": 0,
                "name_normalized": ch.name,
                "is_shared": false,
                "is_org_shared": false,
                "is_pending_ext_shared": false,
                "pending_shared": [],
                "context_team_id": ch.team_id,
                "updated": ch.created * 1000,
                "parent_conversation": null,
                "creator": ch.creator,
                "is_ext_shared": false,
                "shared_team_ids": [ch.team_id],
                "pending_connected_team_ids": [],
                "is_member": ch.members.contains(viewer),
                "topic": topic(&ch.topic),
                "purpose": topic(&ch.purpose),
                "previous_names": ch.previous_names,
                "num_members": ch.members.len(),
            })
        }
    }
}

/// The `types` argument: `public_channel` by default; `invalid_types` for unknown ones.
pub(crate) fn types_arg(call: &Call<'_>) -> Result<Vec<ChannelKind>, Reply> {
    let Some(raw) = call.arg("types") else {
        return Ok(vec![ChannelKind::Public]);
    };
    let mut kinds = Vec::new();
    for t in raw.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        kinds.push(match t {
            "public_channel" => ChannelKind::Public,
            "private_channel" => ChannelKind::Private,
            "im" => ChannelKind::Im,
            "mpim" => ChannelKind::Mpim,
            _ => return Err(Reply::error("invalid_types")),
        });
    }
    if kinds.is_empty() {
        kinds.push(ChannelKind::Public);
    }
    Ok(kinds)
}

/// Channels of `kinds` visible to `viewer`, in which `member` (if given) is, one page.
pub(crate) fn list_page(call: &Call<'_>, member: Option<&str>, list_key: &str) -> Reply {
    let kinds = or_reply!(types_arg(call));
    let after = or_reply!(cursor_arg(call, "channel"));
    let limit = limit_arg(call, 100, 1000);
    let exclude_archived = call.flag("exclude_archived");
    let org = org(call);
    let viewer = call.user_id();
    let team = call.arg("team_id").unwrap_or(call.team_id());
    let items: Vec<(String, &Channel)> = org
        .content
        .channels
        .values()
        .filter(|c| kinds.contains(&c.kind))
        .filter(|c| c.is_dm() || c.team_id == team || c.members.contains(viewer))
        .filter(|c| visible(c, viewer, call.team_id()))
        .filter(|c| member.is_none_or(|m| c.members.contains(m)))
        .filter(|c| !(exclude_archived && c.archived))
        .map(|c| (c.id.clone(), c))
        .collect();
    let (channels, next) = page(items, after.as_deref(), limit, "channel");
    let channels: Vec<Value> = channels
        .into_iter()
        .map(|c| channel_json(&org, c, viewer))
        .collect();
    Reply::ok_value(&json!({
        "ok": true,
        list_key: channels,
        "response_metadata": metadata(next),
    }))
}

fn list(call: &Call<'_>) -> Reply {
    list_page(call, None, "channels")
}

fn info(call: &Call<'_>) -> Reply {
    let org = org(call);
    let id = or_reply!(channel_arg(&org, call));
    let ch = &org.content.channels[&id];
    let mut j = channel_json(&org, ch, call.user_id());
    if ch.kind != ChannelKind::Im {
        if let Some(last) = ch.messages.values().next_back() {
            j["last_read"] = ts_string(last.ts).into();
        }
    }
    Reply::ok_value(&json!({"ok": true, "channel": j}))
}

/// The channel of the `channel` argument, for reading its messages: bot tokens must be
/// members (`not_in_channel`); users may read public channels.
fn readable<'o>(org: &'o Org, call: &Call<'_>) -> Result<&'o Channel, Reply> {
    let ch = &org.content.channels[&channel_arg(org, call)?];
    if ch.members.contains(call.user_id()) || (!call.is_bot() && ch.kind == ChannelKind::Public) {
        Ok(ch)
    } else {
        Err(Reply::error("not_in_channel"))
    }
}

/// `oldest`/`latest` bounds (`invalid_ts_oldest` / `invalid_ts_latest`).
fn bounds(call: &Call<'_>) -> Result<(Ts, Ts), Reply> {
    let oldest = match call.arg("oldest") {
        None => 0,
        Some(s) => parse_ts(s).ok_or_else(|| Reply::error("invalid_ts_oldest"))?,
    };
    let latest = match call.arg("latest") {
        None => Ts::MAX,
        Some(s) => parse_ts(s).ok_or_else(|| Reply::error("invalid_ts_latest"))?,
    };
    Ok((oldest, latest))
}

fn history(call: &Call<'_>) -> Reply {
    let org = org(call);
    let ch = or_reply!(readable(&org, call));
    let (oldest, latest) = or_reply!(bounds(call));
    let before = match cursor_arg(call, "ts") {
        Ok(c) => c.and_then(|c| c.parse::<Ts>().ok()),
        Err(r) => return r,
    };
    let inclusive = call.flag("inclusive");
    let limit = limit_arg(call, 100, 999);
    let in_range = |ts: Ts| {
        (ts > oldest || (inclusive && ts == oldest)) && (ts < latest || (inclusive && ts == latest))
    };
    // Newest first; thread replies only when broadcast.
    let msgs = ch
        .messages
        .values()
        .rev()
        .filter(|m| m.thread_ts.is_none_or(|t| t == m.ts) || m.subtype == Some("thread_broadcast"))
        .filter(|m| in_range(m.ts))
        .filter(|m| before.is_none_or(|b| m.ts < b));
    let (page, next) = super::take_page(msgs, limit, "ts", |m| m.ts.to_string());
    let has_more = !next.is_empty();
    let messages: Vec<Value> = page.iter().map(|m| message_json(&org, ch, m)).collect();
    Reply::ok_value(&json!({
        "ok": true,
        "messages": messages,
        "has_more": has_more,
        "pin_count": ch.pins.len(),
        "channel_actions_ts": null,
        "channel_actions_count": 0,
        "response_metadata": metadata(next),
    }))
}

fn replies(call: &Call<'_>) -> Reply {
    let org = org(call);
    let ch = or_reply!(readable(&org, call));
    let Some(parent) = call
        .arg("ts")
        .and_then(parse_ts)
        .and_then(|ts| ch.messages.get(&ts))
    else {
        return Reply::error("thread_not_found");
    };
    // A reply's ts names its thread too.
    let parent = match parent.thread_ts {
        Some(t) if t != parent.ts => match ch.messages.get(&t) {
            Some(p) => p,
            None => return Reply::error("thread_not_found"),
        },
        _ => parent,
    };
    let (oldest, latest) = or_reply!(bounds(call));
    let after = match cursor_arg(call, "ts") {
        Ok(c) => c.and_then(|c| c.parse::<Ts>().ok()),
        Err(r) => return r,
    };
    let limit = limit_arg(call, 1000, 1000);
    let inclusive = call.flag("inclusive");
    let thread = std::iter::once(parent.ts)
        .chain(parent.replies.iter().copied())
        .filter(|ts| {
            (*ts > oldest || (inclusive && *ts == oldest) || *ts == parent.ts)
                && (*ts < latest || (inclusive && *ts == latest))
        })
        .filter(|ts| after.is_none_or(|a| *ts > a));
    let thread = thread.filter_map(|ts| ch.messages.get(&ts));
    let (page, next) = super::take_page(thread, limit, "ts", |m| m.ts.to_string());
    let has_more = !next.is_empty();
    let messages: Vec<Value> = page.iter().map(|m| message_json(&org, ch, m)).collect();
    Reply::ok_value(&json!({
        "ok": true,
        "messages": messages,
        "has_more": has_more,
        "response_metadata": metadata(next),
    }))
}

fn members(call: &Call<'_>) -> Reply {
    let org = org(call);
    let id = or_reply!(channel_arg(&org, call));
    let after = or_reply!(cursor_arg(call, "member"));
    let limit = limit_arg(call, 100, 1000);
    let items = org.content.channels[&id]
        .members
        .iter()
        .map(|m| (m.clone(), m.clone()))
        .collect();
    let (members, next) = page(items, after.as_deref(), limit, "member");
    Reply::ok_value(&json!({
        "ok": true,
        "members": members,
        "response_metadata": metadata(next),
    }))
}

/// Slack's channel-name rules: lower case letters, digits, `-`, `_`, at most 80.
fn check_name(name: &str) -> Result<(), &'static str> {
    if name.is_empty() {
        return Err("invalid_name_required");
    }
    if name.chars().count() > MAX_NAME {
        return Err("invalid_name_maxlength");
    }
    if name.chars().all(|c| c == '-' || c == '_') {
        return Err("invalid_name_punctuation");
    }
    // Letters without upper case (lower case, or scripts without case), digits, - and _.
    let allowed = |c: char| {
        (c.is_alphabetic() && !c.is_uppercase()) || c.is_ascii_digit() || c == '-' || c == '_'
    };
    if !name.chars().all(allowed) {
        return Err("invalid_name_specials");
    }
    Ok(())
}

fn create(call: &Call<'_>) -> Reply {
    let name = call.arg("name").unwrap_or_default();
    if let Err(code) = check_name(name) {
        return Reply::error(code);
    }
    let mut org = org(call);
    let team = call.arg("team_id").unwrap_or(call.team_id()).to_owned();
    if org.team(&team).is_none() {
        return Reply::error("team_not_found");
    }
    if org.content.name_taken(&team, name, None) {
        return Reply::error("name_taken");
    }
    // The channels' budget is full: Slack's "this channel is unable to be created".
    if !org.content.channel_fits() {
        return Reply::error("cannot_create_channel");
    }
    let kind = if call.flag("is_private") {
        ChannelKind::Private
    } else {
        ChannelKind::Public
    };
    let id = org.content.next_id('C');
    let mut ch = Channel::new(&id, &team, name, kind);
    ch.creator = call.user_id().to_owned();
    ch.members.insert(call.user_id().to_owned());
    let j = channel_json(&org, &ch, call.user_id());
    org.content.add_created_channel(ch);
    Reply::ok_value(&json!({"ok": true, "channel": j}))
}

/// Looks the channel up for a change by a member: `channel_not_found`, then
/// `method_not_supported_for_channel_type` for DMs (unless `dm_ok`), `is_archived` (unless
/// `archived_ok`), `not_in_channel` (unless `member_ok`).
fn for_change(
    org: &Org,
    call: &Call<'_>,
    dm_ok: bool,
    archived_ok: bool,
    member_needed: bool,
) -> Result<String, Reply> {
    let id = channel_arg(org, call)?;
    let ch = &org.content.channels[&id];
    if ch.is_dm() && !dm_ok {
        return Err(Reply::error("method_not_supported_for_channel_type"));
    }
    if ch.archived && !archived_ok {
        return Err(Reply::error("is_archived"));
    }
    if member_needed && !ch.members.contains(call.user_id()) {
        return Err(Reply::error("not_in_channel"));
    }
    Ok(id)
}

fn channel_answer(org: &Org, id: &str, call: &Call<'_>) -> Reply {
    let j = channel_json(org, &org.content.channels[id], call.user_id());
    Reply::ok_value(&json!({"ok": true, "channel": j}))
}

fn join(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let id = or_reply!(for_change(&org, call, false, false, false));
    let user = call.user_id().to_owned();
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    if ch.kind != ChannelKind::Public {
        return Reply::error("method_not_supported_for_channel_type");
    }
    let already = !ch.members.insert(user);
    let j = channel_json(&org, &org.content.channels[&id], call.user_id());
    if already {
        Reply::ok_value(&json!({
            "ok": true,
            "channel": j,
            "warning": "already_in_channel",
            "response_metadata": {"warnings": ["already_in_channel"]},
        }))
    } else {
        Reply::ok_value(&json!({"ok": true, "channel": j}))
    }
}

fn leave(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let id = or_reply!(for_change(&org, call, false, false, false));
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    if ch.is_general {
        return Reply::error("cant_leave_general");
    }
    if !ch.members.remove(call.user_id()) {
        return Reply::ok_value(&json!({"ok": false, "error": "not_in_channel"}));
    }
    Reply::ok()
}

fn invite(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let id = or_reply!(for_change(&org, call, false, false, true));
    let users: Vec<String> = call
        .arg("users")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_owned)
        .collect();
    if users.is_empty() {
        return Reply::error("no_user");
    }
    let mut ids = Vec::new();
    for u in &users {
        if u == call.user_id() {
            return Reply::error("cant_invite_self");
        }
        match org.user(u) {
            Some(user) => ids.push(user.id.clone()),
            None => return Reply::error("user_not_found"),
        }
    }
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    if ids.iter().all(|u| ch.members.contains(u)) {
        return Reply::error("already_in_channel");
    }
    ch.members.extend(ids);
    channel_answer(&org, &id, call)
}

fn kick(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let id = or_reply!(for_change(&org, call, false, true, true));
    let Some(target) = call.arg("user") else {
        return Reply::error("user_not_found");
    };
    let Some(target) = org.user(target).map(|u| u.id.clone()) else {
        return Reply::error("user_not_found");
    };
    if target == call.user_id() {
        return Reply::error("cant_kick_self");
    }
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    if ch.is_general {
        return Reply::error("cant_kick_from_general");
    }
    if !ch.members.remove(&target) {
        return Reply::error("not_in_channel");
    }
    Reply::ok()
}

fn archive(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let id = or_reply!(for_change(&org, call, false, true, false));
    let user = call.user_id();
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    if ch.archived {
        return Reply::error("already_archived");
    }
    if ch.is_general {
        return Reply::error("cant_archive_general");
    }
    if !ch.members.contains(user) {
        return Reply::error("not_in_channel");
    }
    ch.archived = true;
    Reply::ok()
}

fn unarchive(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let id = or_reply!(for_change(&org, call, false, true, false));
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    if !ch.archived {
        return Reply::error("not_archived");
    }
    ch.archived = false;
    ch.members.insert(call.user_id().to_owned());
    Reply::ok()
}

fn rename(call: &Call<'_>) -> Reply {
    let name = call.arg("name").unwrap_or_default();
    if let Err(code) = check_name(name) {
        return Reply::error(code);
    }
    let mut org = org(call);
    let id = or_reply!(for_change(&org, call, false, false, true));
    let team = org.content.channels[&id].team_id.clone();
    if org.content.name_taken(&team, name, Some(&id)) {
        return Reply::error("name_taken");
    }
    org.content.rename_channel(&id, name);
    channel_answer(&org, &id, call)
}

fn set_topic(call: &Call<'_>) -> Reply {
    set_text(call, "topic")
}

fn set_purpose(call: &Call<'_>) -> Reply {
    set_text(call, "purpose")
}

fn set_text(call: &Call<'_>, which: &str) -> Reply {
    let value = call.arg(which).unwrap_or_default();
    if value.chars().count() > MAX_TOPIC {
        return Reply::error("too_long");
    }
    let mut org = org(call);
    let id = or_reply!(for_change(&org, call, true, false, true));
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    let t = if which == "topic" {
        &mut ch.topic
    } else {
        &mut ch.purpose
    };
    t.value = value.to_owned();
    t.creator = call.user_id().to_owned();
    t.last_set = now_secs();
    channel_answer(&org, &id, call)
}

/// Largest group DM: the caller and 8 others.
const MAX_MPIM_USERS: usize = 8;

fn open(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    if let Some(raw) = call.arg("channel") {
        let id = match find(&org, call, raw, false) {
            Ok(id) => id,
            Err(code) => return Reply::error(code),
        };
        return open_answer(&org, call, &id, true);
    }
    let Some(raw) = call.arg("users") else {
        return Reply::error("users_list_not_supplied");
    };
    let me = call.user_id().to_owned();
    let mut users: Vec<String> = Vec::new();
    for u in raw.split(',').map(str::trim).filter(|u| !u.is_empty()) {
        let Some(user) = org.user(u) else {
            return Reply::error("user_not_found");
        };
        if user.id != me && !users.contains(&user.id) {
            users.push(user.id.clone());
        }
    }
    if users.len() > MAX_MPIM_USERS {
        return Reply::error("too_many_users");
    }
    let mut members: std::collections::BTreeSet<String> = users.iter().cloned().collect();
    members.insert(me.clone());
    let kind = if members.len() <= 2 {
        ChannelKind::Im
    } else {
        ChannelKind::Mpim
    };
    let existing = org
        .content
        .channels
        .values()
        .find(|c| c.kind == kind && c.members == members)
        .map(|c| c.id.clone());
    if let Some(id) = existing {
        return open_answer(&org, call, &id, true);
    }
    if call.flag("prevent_creation") {
        return Reply::ok_value(&json!({"ok": true, "channel": {}, "no_op": true}));
    }
    // The channels' budget is full. The method documents no code for it:
    // `channel_not_found` (no such conversation, and none can be opened) is the closest.
    if !org.content.channel_fits() {
        return Reply::error("channel_not_found");
    }
    let (prefix, name) = match kind {
        ChannelKind::Im => ('D', String::new()),
        _ => {
            let names: Vec<String> = members
                .iter()
                .map(|m| org.user(m).map_or(m.clone(), |u| u.name.clone()))
                .collect();
            ('C', format!("mpdm-{}-1", names.join("--")))
        }
    };
    let id = org.content.next_id(prefix);
    let mut ch = Channel::new(&id, call.team_id(), &name, kind);
    ch.creator = me;
    ch.members = members;
    org.content.add_created_channel(ch);
    open_answer(&org, call, &id, false)
}

fn open_answer(org: &Org, call: &Call<'_>, id: &str, existed: bool) -> Reply {
    let ch = &org.content.channels[id];
    let channel = if call.flag("return_im") || ch.kind == ChannelKind::Mpim || !ch.is_dm() {
        channel_json(org, ch, call.user_id())
    } else {
        json!({"id": id})
    };
    let mut answer = json!({"ok": true, "channel": channel});
    if existed {
        answer["no_op"] = true.into();
        answer["already_open"] = true.into();
    }
    Reply::ok_value(&answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(check_name("general-2_x"), Ok(()));
        assert_eq!(check_name(""), Err("invalid_name_required"));
        assert_eq!(check_name(&"a".repeat(81)), Err("invalid_name_maxlength"));
        assert_eq!(check_name("--"), Err("invalid_name_punctuation"));
        assert_eq!(check_name("Has Space"), Err("invalid_name_specials"));
        assert_eq!(check_name("UPPER"), Err("invalid_name_specials"));
    }
}
