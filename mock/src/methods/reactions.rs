//! `reactions.*`: emoji reactions on messages.

use serde_json::json;

use super::chat::message_json;
use super::conversations::find;
use super::{Call, Handler, org};
use crate::content::{Reaction, Ts, parse_ts};
use crate::org::Org;
use crate::reply::Reply;

/// Routing of the family.
pub(crate) const ROUTES: &[(&str, Handler)] = &[
    ("reactions.add", add),
    ("reactions.remove", remove),
    ("reactions.get", get),
];

/// Most distinct reactions on one message.
const MAX_REACTIONS: usize = 50;

/// `thumbsup`, `:thumbsup:`, `+1`, `skin-tone-2`...: Slack strips the colons.
fn emoji_name(raw: &str) -> Result<String, Reply> {
    let name = raw.trim().trim_matches(':');
    let ok = !name.is_empty()
        && name.len() <= 100
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '\'' | ':'));
    if ok {
        Ok(name.to_owned())
    } else {
        Err(Reply::error("invalid_name"))
    }
}

/// The message named by `channel` + `timestamp`: `no_item_specified` without them,
/// `channel_not_found`, `bad_timestamp`, `message_not_found`.
fn item(org: &Org, call: &Call<'_>) -> Result<(String, Ts), Reply> {
    let (Some(channel), Some(ts)) = (call.arg("channel"), call.arg("timestamp")) else {
        if call.arg("file").is_some() || call.arg("file_comment").is_some() {
            return Err(Reply::error("file_not_found"));
        }
        return Err(Reply::error("no_item_specified"));
    };
    let id = find(org, call, channel, false).map_err(Reply::error)?;
    let ts = parse_ts(ts).ok_or_else(|| Reply::error("bad_timestamp"))?;
    if !org.content.channels[&id].messages.contains_key(&ts) {
        return Err(Reply::error("message_not_found"));
    }
    Ok((id, ts))
}

fn add(call: &Call<'_>) -> Reply {
    let name = or_reply!(emoji_name(call.arg("name").unwrap_or_default()));
    let mut org = org(call);
    let (id, ts) = or_reply!(item(&org, call));
    let me = call.user_id().to_owned();
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    if ch.archived {
        return Reply::error("is_archived");
    }
    let Some(m) = ch.messages.get_mut(&ts) else {
        return Reply::error("message_not_found");
    };
    let full = m.reactions.len() >= MAX_REACTIONS;
    match m.reactions.iter_mut().find(|r| r.name == name) {
        Some(r) if r.users.contains(&me) => return Reply::error("already_reacted"),
        Some(r) => r.users.push(me),
        None if full => {
            return Reply::error("too_many_reactions");
        }
        None => m.reactions.push(Reaction {
            name,
            users: vec![me],
        }),
    }
    Reply::ok()
}

fn remove(call: &Call<'_>) -> Reply {
    let name = or_reply!(emoji_name(call.arg("name").unwrap_or_default()));
    let mut org = org(call);
    let (id, ts) = or_reply!(item(&org, call));
    let me = call.user_id().to_owned();
    let Some(m) = org
        .content
        .channels
        .get_mut(&id)
        .and_then(|ch| ch.messages.get_mut(&ts))
    else {
        return Reply::error("message_not_found");
    };
    let Some(r) = m
        .reactions
        .iter_mut()
        .find(|r| r.name == name && r.users.contains(&me))
    else {
        return Reply::error("no_reaction");
    };
    r.users.retain(|u| *u != me);
    m.reactions.retain(|r| !r.users.is_empty());
    Reply::ok()
}

fn get(call: &Call<'_>) -> Reply {
    let org = org(call);
    let (id, ts) = or_reply!(item(&org, call));
    let ch = &org.content.channels[&id];
    let mut message = message_json(&org, ch, &ch.messages[&ts]);
    message["permalink"] = format!(
        "{}archives/{id}/p{}",
        super::team_url(&org, &ch.team_id),
        crate::content::ts_string(ts).replace('.', "")
    )
    .into();
    Reply::ok_value(&json!({
        "ok": true,
        "type": "message",
        "channel": id,
        "message": message,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(emoji_name(":thumbsup:").ok().as_deref(), Some("thumbsup"));
        assert_eq!(emoji_name("+1").ok().as_deref(), Some("+1"));
        assert!(emoji_name("::").is_err());
        assert!(emoji_name("two words").is_err());
    }
}
