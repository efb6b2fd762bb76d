//! `search.*`: messages and files the caller can see, by words of their text (user
//! tokens with `search:read`, as Slack).

use serde_json::{Value, json};

use super::conversations::visible;
use super::{Call, Handler, org, team_url};
use crate::content::{Channel, ChannelKind, Message, ts_string};
use crate::org::Org;
use crate::reply::Reply;

/// Routing of the family.
pub(crate) const ROUTES: &[(&str, Handler)] = &[
    ("search.messages", messages),
    ("search.files", files),
    ("search.all", all),
];

/// A parsed query: words (all must appear, case-insensitively), `in:` channels and
/// `from:` users.
struct Query {
    words: Vec<String>,
    within: Vec<String>,
    from: Vec<String>,
}

impl Query {
    fn parse(org: &Org, raw: &str) -> Query {
        let mut q = Query {
            words: Vec::new(),
            within: Vec::new(),
            from: Vec::new(),
        };
        for term in raw.split_whitespace() {
            if let Some(c) = term.strip_prefix("in:") {
                // `#name`, `<#C123|name>`, `C123`.
                let c = c.trim_start_matches("<#").trim_start_matches('#');
                let c = c.split(['|', '>']).next().unwrap_or_default();
                let id = org
                    .content
                    .channels
                    .values()
                    .find(|ch| ch.id == c || ch.name == c)
                    .map_or_else(|| c.to_owned(), |ch| ch.id.clone());
                q.within.push(id);
            } else if let Some(u) = term.strip_prefix("from:") {
                let u = u.trim_start_matches("<@").trim_start_matches('@');
                let u = u.split(['|', '>']).next().unwrap_or_default();
                let id = org
                    .users
                    .values()
                    .find(|user| user.id == u || user.name == u)
                    .map_or_else(|| u.to_owned(), |user| user.id.clone());
                q.from.push(id);
            } else {
                q.words.push(term.to_lowercase());
            }
        }
        q
    }

    fn matches_text(&self, text: &str) -> bool {
        let text = text.to_lowercase();
        self.words.iter().all(|w| text.contains(w.as_str()))
    }
}

/// `count` (default 20, at most 100) and `page` (from 1).
fn paging(call: &Call<'_>) -> (usize, usize) {
    super::count_and_page(call, 20, 100)
}

/// Slack's `{total, pagination, paging, matches}` for one page of `items`.
fn page_of(items: Vec<Value>, count: usize, page: usize) -> Value {
    let total = items.len();
    let (matches, paging) = super::numbered_page(items, count, page);
    let first = count.saturating_mul(page - 1);
    let (first_n, last_n) = if matches.is_empty() {
        (0, 0)
    } else {
        (first + 1, first + matches.len())
    };
    json!({
        "total": total,
        "pagination": {
            "total_count": total,
            "page": page,
            "per_page": count,
            "page_count": paging["pages"],
            "first": first_n,
            "last": last_n,
        },
        "paging": paging,
        "matches": matches,
    })
}

fn message_match(org: &Org, ch: &Channel, m: &Message) -> Value {
    let username = org
        .user(&m.user)
        .map_or(m.user.as_str(), |u| u.name.as_str());
    json!({
        "iid": format!("{}-{}", ch.id, m.ts),
        "type": "message",
        "ts": ts_string(m.ts),
        "text": m.text,
        "user": m.user,
        "username": username,
        "team": m.team,
        "channel": {
            "id": ch.id,
            "name": ch.name,
            "is_channel": ch.kind == ChannelKind::Public || ch.kind == ChannelKind::Private,
            "is_private": ch.kind != ChannelKind::Public,
            "is_im": ch.kind == ChannelKind::Im,
            "is_mpim": ch.kind == ChannelKind::Mpim,
        },
        "permalink": format!(
            "{}archives/{}/p{}",
            team_url(org, &ch.team_id),
            ch.id,
            ts_string(m.ts).replace('.', "")
        ),
    })
}

/// Matching messages, newest first (or oldest first with `sort_dir=asc`).
fn message_matches(org: &Org, call: &Call<'_>, q: &Query) -> Vec<Value> {
    let mut found: Vec<(u64, Value)> = Vec::new();
    for ch in org.content.channels.values() {
        if !visible(ch, call.user_id(), call.team_id()) {
            continue;
        }
        if !q.within.is_empty() && !q.within.contains(&ch.id) {
            continue;
        }
        for m in ch.messages.values() {
            if m.subtype == Some("tombstone") {
                continue;
            }
            if !q.from.is_empty() && !q.from.contains(&m.user) {
                continue;
            }
            if q.matches_text(&m.text) {
                found.push((m.ts, message_match(org, ch, m)));
            }
        }
    }
    sort(call, &mut found);
    found.into_iter().map(|(_, v)| v).collect()
}

fn file_matches(org: &Org, call: &Call<'_>, q: &Query) -> Vec<Value> {
    let mut found: Vec<(u64, Value)> = org
        .content
        .files
        .values()
        .filter(|f| f.completed && !f.deleted)
        .filter(|f| {
            f.user == call.user_id()
                || f.shares.iter().any(|(c, _)| {
                    org.content
                        .channels
                        .get(c)
                        .is_some_and(|ch| visible(ch, call.user_id(), call.team_id()))
                })
        })
        .filter(|f| q.from.is_empty() || q.from.contains(&f.user))
        .filter(|f| q.within.is_empty() || f.shares.iter().any(|(c, _)| q.within.contains(c)))
        .filter(|f| q.matches_text(&format!("{} {}", f.name, f.title)))
        .map(|f| {
            (
                u64::try_from(f.created).unwrap_or(0),
                super::files::file_json(org, f),
            )
        })
        .collect();
    sort(call, &mut found);
    found.into_iter().map(|(_, v)| v).collect()
}

fn sort(call: &Call<'_>, found: &mut [(u64, Value)]) {
    found.sort_by_key(|(ts, _)| std::cmp::Reverse(*ts));
    if call.arg("sort_dir") == Some("asc") {
        found.reverse();
    }
}

fn query(call: &Call<'_>) -> Result<String, Reply> {
    match call.arg("query").map(str::trim) {
        Some(q) if !q.is_empty() => Ok(q.to_owned()),
        _ => Err(Reply::error("no_query")),
    }
}

fn messages(call: &Call<'_>) -> Reply {
    let raw = or_reply!(query(call));
    let org = org(call);
    let q = Query::parse(&org, &raw);
    let (count, page) = paging(call);
    let found = message_matches(&org, call, &q);
    Reply::ok_value(&json!({
        "ok": true,
        "query": raw,
        "messages": page_of(found, count, page),
    }))
}

fn files(call: &Call<'_>) -> Reply {
    let raw = or_reply!(query(call));
    let org = org(call);
    let q = Query::parse(&org, &raw);
    let (count, page) = paging(call);
    let found = file_matches(&org, call, &q);
    Reply::ok_value(&json!({
        "ok": true,
        "query": raw,
        "files": page_of(found, count, page),
    }))
}

fn all(call: &Call<'_>) -> Reply {
    let raw = or_reply!(query(call));
    let org = org(call);
    let q = Query::parse(&org, &raw);
    let (count, page) = paging(call);
    let msgs = message_matches(&org, call, &q);
    let files = file_matches(&org, call, &q);
    Reply::ok_value(&json!({
        "ok": true,
        "query": raw,
        "messages": page_of(msgs, count, page),
        "files": page_of(files, count, page),
    }))
}
