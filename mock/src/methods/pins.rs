//! `pins.*`: messages pinned to a channel.

use serde_json::{Value, json};

use super::chat::message_json;
use super::conversations::find;
use super::{Call, Handler, org};
use crate::content::{Ts, now_secs, parse_ts};
use crate::org::Org;
use crate::reply::Reply;

/// Routing of the family.
pub(crate) const ROUTES: &[(&str, Handler)] = &[
    ("pins.add", add),
    ("pins.remove", remove),
    ("pins.list", list),
];

/// Most pins in one channel.
const MAX_PINS: usize = 100;

/// The channel and the message `timestamp` names in it.
fn item(org: &Org, call: &Call<'_>) -> Result<(String, Ts), Reply> {
    let id =
        find(org, call, call.arg("channel").unwrap_or_default(), false).map_err(Reply::error)?;
    let Some(raw) = call.arg("timestamp") else {
        return Err(Reply::error("no_item_specified"));
    };
    let ts = parse_ts(raw).ok_or_else(|| Reply::error("bad_timestamp"))?;
    if !org.content.channels[&id].messages.contains_key(&ts) {
        return Err(Reply::error("message_not_found"));
    }
    Ok((id, ts))
}

fn add(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let (id, ts) = or_reply!(item(&org, call));
    let me = call.user_id().to_owned();
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    if !ch.members.contains(&me) {
        return Reply::error("not_in_channel");
    }
    if ch.pins.contains_key(&ts) {
        return Reply::error("already_pinned");
    }
    if ch.pins.len() >= MAX_PINS {
        return Reply::error("too_many_pins");
    }
    ch.pins.insert(ts, (me, now_secs()));
    Reply::ok()
}

fn remove(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let (id, ts) = or_reply!(item(&org, call));
    let Some(ch) = org.content.channels.get_mut(&id) else {
        return Reply::error("channel_not_found");
    };
    if ch.pins.remove(&ts).is_none() {
        return Reply::error("no_pin");
    }
    Reply::ok()
}

fn list(call: &Call<'_>) -> Reply {
    let org = org(call);
    let id = match find(&org, call, call.arg("channel").unwrap_or_default(), false) {
        Ok(id) => id,
        Err(code) => return Reply::error(code),
    };
    let ch = &org.content.channels[&id];
    // Most recently pinned first.
    let mut pins: Vec<(&Ts, &(String, i64))> = ch.pins.iter().collect();
    pins.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(b.0.cmp(a.0)));
    let items: Vec<Value> = pins
        .into_iter()
        .filter_map(|(ts, (by, at))| {
            let m = ch.messages.get(ts)?;
            Some(json!({
                "type": "message",
                "created": at,
                "created_by": by,
                "channel": id,
                "message": message_json(&org, ch, m),
            }))
        })
        .collect();
    Reply::ok_value(&json!({"ok": true, "items": items}))
}
