//! `chat.*`: posting, ephemeral messages, edits, deletion, permalinks and scheduled
//! messages.

use serde_json::{Value, json};

use super::conversations::{find, visible};
use super::{Call, Handler, cursor_arg, limit_arg, metadata, org, page, team_url};
use crate::content::{Channel, ChannelKind, Message, Scheduled, Ts, now_secs, parse_ts, ts_string};
use crate::org::Org;
use crate::reply::Reply;

/// Routing of the family.
pub(crate) const ROUTES: &[(&str, Handler)] = &[
    ("chat.postMessage", post_message),
    ("chat.postEphemeral", post_ephemeral),
    ("chat.update", update),
    ("chat.delete", delete),
    ("chat.getPermalink", get_permalink),
    ("chat.scheduleMessage", schedule_message),
    ("chat.scheduledMessages.list", scheduled_list),
    ("chat.deleteScheduledMessage", delete_scheduled),
];

/// Longest message text Slack accepts (characters).
pub(crate) const MAX_TEXT: usize = 40_000;
/// Most blocks in one message.
const MAX_BLOCKS: usize = 50;
/// Most attachments in one message (Slack: "a maximum of 100 attachments").
const MAX_ATTACHMENTS: usize = 100;
/// The code of a message refused because the emulator's messages' budget is full (see
/// `MockSlackBuilder::messages_max`): Slack's "members on this team are sending too
/// many messages", documented for every chat method that stores a message.
const BUDGET_FULL: &str = "message_limit_exceeded";
/// Furthest ahead a message may be scheduled (120 days).
const MAX_SCHEDULE_SECS: i64 = 120 * 24 * 3600;

/// Slack's message object.
pub(crate) fn message_json(org: &Org, ch: &Channel, m: &Message) -> Value {
    let mut j = json!({
        "type": "message",
        "user": m.user,
        "text": m.text,
        "ts": ts_string(m.ts),
        "team": m.team,
    });
    if let Some(s) = m.subtype {
        j["subtype"] = s.into();
    }
    if let Some(b) = &m.bot_id {
        j["bot_id"] = b.clone().into();
    }
    if let Some(a) = &m.app_id {
        j["app_id"] = a.clone().into();
    }
    if let Some(b) = &m.blocks {
        j["blocks"] = b.clone();
    }
    if let Some(a) = &m.attachments {
        j["attachments"] = a.clone();
    }
    if let Some(md) = &m.metadata {
        j["metadata"] = md.clone();
    }
    if let Some(t) = m.thread_ts {
        j["thread_ts"] = ts_string(t).into();
        if t == m.ts {
            let mut users: Vec<&str> = Vec::new();
            for r in &m.replies {
                if let Some(reply) = ch.messages.get(r) {
                    if !users.contains(&reply.user.as_str()) {
                        users.push(&reply.user);
                    }
                }
            }
            j["reply_count"] = m.replies.len().into();
            j["reply_users_count"] = users.len().into();
            j["reply_users"] = json!(users);
            j["latest_reply"] = ts_string(m.replies.last().copied().unwrap_or(m.ts)).into();
            j["is_locked"] = false.into();
            j["subscribed"] = false.into();
        } else if let Some(parent) = ch.messages.get(&t) {
            j["parent_user_id"] = parent.user.clone().into();
        }
    }
    if let Some((user, ts)) = &m.edited {
        j["edited"] = json!({"user": user, "ts": ts_string(*ts)});
    }
    if !m.reactions.is_empty() {
        j["reactions"] = m
            .reactions
            .iter()
            .map(|r| json!({"name": r.name, "users": r.users, "count": r.users.len()}))
            .collect();
    }
    if ch.pins.contains_key(&m.ts) {
        j["pinned_to"] = json!([ch.id]);
    }
    if !m.files.is_empty() {
        j["files"] = m
            .files
            .iter()
            .filter_map(|f| org.content.files.get(f))
            .filter(|f| !f.deleted)
            .map(|f| super::files::file_json(org, f))
            .collect();
        j["upload"] = true.into();
    }
    j
}

/// The checked body of a message: text, blocks, attachments, metadata.
pub(crate) struct Body {
    pub(crate) text: String,
    pub(crate) blocks: Option<Value>,
    pub(crate) attachments: Option<Value>,
    pub(crate) metadata: Option<Value>,
}

/// Slack's checks of a message's content (the presence of one of text / blocks /
/// attachments is checked with the arguments: `no_text`).
fn body(call: &Call<'_>) -> Result<Body, Reply> {
    let text = call
        .arg("text")
        .or_else(|| call.arg("markdown_text"))
        .unwrap_or_default();
    if text.chars().count() > MAX_TEXT {
        return Err(Reply::error("msg_too_long"));
    }
    let blocks = match call.arg("blocks") {
        None => None,
        Some(raw) => match serde_json::from_str::<Value>(raw) {
            Ok(Value::Array(items)) => {
                let well_formed = items.len() <= MAX_BLOCKS
                    && items
                        .iter()
                        .all(|b| b.get("type").is_some_and(Value::is_string));
                if !well_formed {
                    return Err(Reply::error("invalid_blocks"));
                }
                Some(Value::Array(items))
            }
            _ => return Err(Reply::error("invalid_blocks_format")),
        },
    };
    let attachments = match call.arg("attachments") {
        None => None,
        Some(raw) => match serde_json::from_str::<Value>(raw) {
            Ok(Value::Array(items)) if items.len() > MAX_ATTACHMENTS => {
                return Err(Reply::error("too_many_attachments"));
            }
            Ok(Value::Array(items)) if items.iter().all(Value::is_object) => {
                Some(Value::Array(items))
            }
            // Where Slack documents the error; elsewhere unusable attachments are dropped.
            _ if call.spec.documents_error("invalid_attachments") => {
                return Err(Reply::error("invalid_attachments"));
            }
            _ => None,
        },
    };
    let metadata = match call.arg("metadata") {
        None => None,
        Some(raw) => match serde_json::from_str::<Value>(raw) {
            Ok(m) if m.get("event_type").is_some_and(Value::is_string) => Some(m),
            _ => return Err(Reply::error("invalid_metadata_format")),
        },
    };
    Ok(Body {
        text: text.to_owned(),
        blocks,
        attachments,
        metadata,
    })
}

/// The conversation a message goes to: a channel id, `#name`/`name`, or a user id (the
/// DM between the caller and that user, opened if needed: `channel_not_found` when the
/// channels' budget leaves no room for a new one). Then Slack's checks:
/// `channel_not_found`, `is_archived`, `not_in_channel` (bot tokens need membership,
/// or `chat:write.public` for public channels).
pub(crate) fn target(org: &mut Org, call: &Call<'_>, raw: &str) -> Result<String, Reply> {
    let me = call.user_id().to_owned();
    let id = match find(org, call, raw, true) {
        Ok(id) => id,
        Err(code) => match org.user(raw).map(|u| u.id.clone()) {
            Some(other) => match dm_with(org, call, &me, &other) {
                Some(id) => id,
                None => return Err(Reply::error(code)),
            },
            None => return Err(Reply::error(code)),
        },
    };
    let ch = &org.content.channels[&id];
    if ch.archived {
        return Err(Reply::error("is_archived"));
    }
    let public_ok =
        ch.kind == ChannelKind::Public && (!call.is_bot() || call.has_scope("chat:write.public"));
    if !ch.members.contains(&me) && !public_ok {
        return Err(Reply::error("not_in_channel"));
    }
    Ok(id)
}

/// The DM between `me` and `other`, created if needed (`None` when the channels'
/// budget leaves no room for it).
fn dm_with(org: &mut Org, call: &Call<'_>, me: &str, other: &str) -> Option<String> {
    let members: std::collections::BTreeSet<String> =
        [me.to_owned(), other.to_owned()].into_iter().collect();
    if let Some(c) = org
        .content
        .channels
        .values()
        .find(|c| c.kind == ChannelKind::Im && c.members == members)
    {
        return Some(c.id.clone());
    }
    if !org.content.channel_fits() {
        return None;
    }
    let id = org.content.next_id('D');
    let mut ch = Channel::new(&id, call.team_id(), "", ChannelKind::Im);
    ch.creator = me.to_owned();
    ch.members = members;
    org.content.add_created_channel(ch);
    Some(id)
}

/// A new message by the caller (not yet stored).
pub(crate) fn new_message(org: &Org, call: &Call<'_>, c: Body) -> Message {
    let bot_id = if call.is_bot() {
        org.user(call.user_id()).and_then(|u| u.bot_id.clone())
    } else {
        None
    };
    Message {
        ts: 0,
        user: call.user_id().to_owned(),
        team: call.team_id().to_owned(),
        app_id: bot_id.as_ref().and(call.token.map(|t| t.app_id.clone())),
        bot_id,
        subtype: None,
        text: c.text,
        blocks: c.blocks,
        attachments: c.attachments,
        metadata: c.metadata,
        thread_ts: None,
        replies: Vec::new(),
        edited: None,
        reactions: Vec::new(),
        files: Vec::new(),
    }
}

/// Stores `m` in `channel` now (as a reply if `thread_ts` names a message there); its
/// ts. `None`, and nothing stored, when the channel is gone or the messages' budget
/// leaves no room for it.
pub(crate) fn store(
    org: &mut Org,
    channel: &str,
    mut m: Message,
    thread_ts: Option<Ts>,
    broadcast: bool,
) -> Option<Ts> {
    if !org.content.channels.contains_key(channel) || !org.content.charge_message(m.cost()) {
        return None;
    }
    let ts = org.content.next_ts();
    m.ts = ts;
    let ch = org.content.channels.get_mut(channel)?;
    // A reply to a reply joins the same thread.
    let parent = thread_ts
        .and_then(|t| ch.messages.get(&t))
        .map(|p| p.thread_ts.unwrap_or(p.ts));
    if let Some(p) = parent {
        if let Some(pm) = ch.messages.get_mut(&p) {
            pm.thread_ts = Some(p);
            pm.replies.push(ts);
        }
        m.thread_ts = Some(p);
        if broadcast {
            m.subtype = Some("thread_broadcast");
        }
    }
    ch.messages.insert(ts, m);
    Some(ts)
}

fn post_message(call: &Call<'_>) -> Reply {
    let c = or_reply!(body(call));
    let mut org = org(call);
    let channel = call.arg("channel").unwrap_or_default();
    let id = or_reply!(target(&mut org, call, channel));
    let thread_ts = call.arg("thread_ts").and_then(parse_ts);
    let m = new_message(&org, call, c);
    let Some(ts) = store(&mut org, &id, m, thread_ts, call.flag("reply_broadcast")) else {
        return Reply::error(BUDGET_FULL);
    };
    let ch = &org.content.channels[&id];
    let msg = message_json(&org, ch, &ch.messages[&ts]);
    Reply::ok_value(&json!({
        "ok": true,
        "channel": id,
        "ts": ts_string(ts),
        "message": msg,
    }))
}

fn post_ephemeral(call: &Call<'_>) -> Reply {
    if let Err(r) = body(call) {
        return r;
    }
    let mut org = org(call);
    let channel = call.arg("channel").unwrap_or_default();
    let id = or_reply!(target(&mut org, call, channel));
    let Some(user) = call
        .arg("user")
        .and_then(|u| org.user(u))
        .map(|u| u.id.clone())
    else {
        return Reply::error("user_not_in_channel");
    };
    if !org.content.channels[&id].members.contains(&user) {
        return Reply::error("user_not_in_channel");
    }
    let ts = org.content.next_ts();
    Reply::ok_value(&json!({"ok": true, "message_ts": ts_string(ts)}))
}

/// The channel and the message `ts` names there, for changes by the caller.
fn message_for_change(org: &Org, call: &Call<'_>, ts_arg: &str) -> Result<(String, Ts), Reply> {
    let id =
        find(org, call, call.arg("channel").unwrap_or_default(), true).map_err(Reply::error)?;
    let ts = call
        .arg(ts_arg)
        .and_then(parse_ts)
        .filter(|ts| org.content.channels[&id].messages.contains_key(ts))
        .ok_or_else(|| Reply::error("message_not_found"))?;
    Ok((id, ts))
}

fn update(call: &Call<'_>) -> Reply {
    let c = or_reply!(body(call));
    let mut org = org(call);
    let (id, ts) = or_reply!(message_for_change(&org, call, "ts"));
    let now = org.content.next_ts();
    let me = call.user_id().to_owned();
    let Some(m) = org
        .content
        .channels
        .get(&id)
        .and_then(|ch| ch.messages.get(&ts))
    else {
        return Reply::error("message_not_found");
    };
    if m.user != me || m.subtype == Some("tombstone") {
        return Reply::error("cant_update_message");
    }
    // The edit is made on a copy, which must fit the messages' budget.
    let mut edited = m.clone();
    if call.arg("text").is_some() || call.arg("markdown_text").is_some() {
        edited.text = c.text;
    }
    if c.blocks.is_some() {
        edited.blocks = c.blocks;
    }
    if c.attachments.is_some() {
        edited.attachments = c.attachments;
    }
    if c.metadata.is_some() {
        edited.metadata = c.metadata;
    }
    edited.edited = Some((me, now));
    let old_cost = m.cost();
    if !org.content.recharge_message(old_cost, edited.cost()) {
        return Reply::error(BUDGET_FULL);
    }
    if let Some(m) = org
        .content
        .channels
        .get_mut(&id)
        .and_then(|ch| ch.messages.get_mut(&ts))
    {
        *m = edited;
    }
    let ch = &org.content.channels[&id];
    let m = &ch.messages[&ts];
    Reply::ok_value(&json!({
        "ok": true,
        "channel": id,
        "ts": ts_string(ts),
        "text": m.text,
        "message": message_json(&org, ch, m),
    }))
}

fn delete(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let (id, ts) = or_reply!(message_for_change(&org, call, "ts"));
    let me = call.user_id().to_owned();
    let admin = !call.is_bot() && org.user(&me).is_some_and(|u| u.role.is_admin());
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    let Some(m) = ch.messages.get(&ts) else {
        return Reply::error("message_not_found");
    };
    if m.user != me && !admin {
        return Reply::error("cant_delete_message");
    }
    ch.pins.remove(&ts);
    let old_cost = m.cost();
    match m.thread_ts {
        // A thread parent with replies stays as a tombstone (billed whatever the budget:
        // deleting never fails for want of room).
        Some(t) if t == ts && !m.replies.is_empty() => {
            let mut new_cost = old_cost;
            if let Some(m) = ch.messages.get_mut(&ts) {
                m.subtype = Some("tombstone");
                m.text = "This message was deleted.".to_owned();
                m.user = "USLACKBOT".to_owned();
                m.blocks = None;
                m.attachments = None;
                m.reactions.clear();
                m.bot_id = None;
                new_cost = m.cost();
            }
            org.content.rebill_message(old_cost, new_cost);
        }
        Some(t) if t != ts => {
            ch.messages.remove(&ts);
            if let Some(p) = ch.messages.get_mut(&t) {
                p.replies.retain(|r| *r != ts);
            }
            org.content.release_message(old_cost);
        }
        _ => {
            ch.messages.remove(&ts);
            org.content.release_message(old_cost);
        }
    }
    Reply::ok_value(&json!({"ok": true, "channel": id, "ts": ts_string(ts)}))
}

fn get_permalink(call: &Call<'_>) -> Reply {
    let org = org(call);
    let (id, ts) = or_reply!(message_for_change(&org, call, "message_ts"));
    let ch = &org.content.channels[&id];
    let digits = ts_string(ts).replace('.', "");
    let mut link = format!("{}archives/{id}/p{digits}", team_url(&org, &ch.team_id));
    if let Some(t) = ch.messages[&ts].thread_ts.filter(|t| *t != ts) {
        link.push_str(&format!("?thread_ts={}&cid={id}", ts_string(t)));
    }
    Reply::ok_value(&json!({"ok": true, "channel": id, "permalink": link}))
}

fn schedule_message(call: &Call<'_>) -> Reply {
    let c = or_reply!(body(call));
    // Validated as an integer; one beyond i64 is too far.
    let post_at = call
        .arg("post_at")
        .and_then(|p| p.parse::<i64>().ok())
        .unwrap_or(i64::MAX);
    let now = now_secs();
    if post_at <= now {
        return Reply::error("time_in_past");
    }
    if post_at - now > MAX_SCHEDULE_SECS {
        return Reply::error("time_too_far");
    }
    let mut org = org(call);
    let channel = call.arg("channel").unwrap_or_default();
    let id = or_reply!(target(&mut org, call, channel));
    let mut m = new_message(&org, call, c);
    m.thread_ts = call.arg("thread_ts").and_then(parse_ts);
    let sid = org.content.next_id('Q');
    let mut msg = json!({
        "type": "delayed_message",
        "text": m.text,
        "user": m.user,
        "team": m.team,
    });
    if let Some(b) = &m.bot_id {
        msg["bot_id"] = b.clone().into();
    }
    if let Some(b) = &m.blocks {
        msg["blocks"] = b.clone();
    }
    let scheduled = org.content.schedule(Scheduled {
        id: sid.clone(),
        channel: id.clone(),
        post_at,
        date_created: now,
        message: m,
    });
    if !scheduled {
        return Reply::error(BUDGET_FULL);
    }
    Reply::ok_value(&json!({
        "ok": true,
        "channel": id,
        "scheduled_message_id": sid,
        "post_at": post_at,
        "message": msg,
    }))
}

fn scheduled_list(call: &Call<'_>) -> Reply {
    let org = org(call);
    let channel = match call.arg("channel") {
        None => None,
        Some(raw) => match find(&org, call, raw, true) {
            Ok(id) => Some(id),
            Err(_) => return Reply::error("invalid_channel"),
        },
    };
    let after = or_reply!(cursor_arg(call, "scheduled"));
    let limit = limit_arg(call, 100, 1000);
    let bound = |name: &str| {
        call.arg(name)
            .and_then(|v| v.split('.').next()?.parse::<i64>().ok())
    };
    let (oldest, latest) = (bound("oldest"), bound("latest"));
    let items: Vec<(String, Value)> = org
        .content
        .scheduled
        .values()
        .filter(|s| channel.as_ref().is_none_or(|c| &s.channel == c))
        .filter(|s| {
            org.content
                .channels
                .get(&s.channel)
                .is_some_and(|c| visible(c, call.user_id(), call.team_id()))
        })
        .filter(|s| oldest.is_none_or(|o| s.post_at >= o))
        .filter(|s| latest.is_none_or(|l| s.post_at <= l))
        .map(|s| {
            (
                s.id.clone(),
                json!({
                    "id": s.id,
                    "channel_id": s.channel,
                    "post_at": s.post_at,
                    "date_created": s.date_created,
                    "text": s.message.text,
                }),
            )
        })
        .collect();
    let (list, next) = page(items, after.as_deref(), limit, "scheduled");
    Reply::ok_value(&json!({
        "ok": true,
        "scheduled_messages": list,
        "response_metadata": metadata(next),
    }))
}

fn delete_scheduled(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let id = match find(&org, call, call.arg("channel").unwrap_or_default(), true) {
        Ok(id) => id,
        Err(code) => return Reply::error(code),
    };
    let sid = call.arg("scheduled_message_id").unwrap_or_default();
    match org.content.scheduled.get(sid) {
        Some(s) if s.channel == id => {
            org.content.unschedule(sid);
            Reply::ok()
        }
        _ => Reply::error("invalid_scheduled_message_id"),
    }
}
