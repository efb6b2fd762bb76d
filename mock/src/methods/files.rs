//! `files.*`: the upload flow (`files.getUploadURLExternal` → the bytes sent to the
//! returned URL, served by the emulator → `files.completeUploadExternal`), then
//! `files.info`, `files.list`, `files.delete`.

use bytes::Bytes;
use http::StatusCode;
use serde_json::{Value, json};

use super::chat::{Body, new_message, store, target};
use super::conversations::visible;
use super::{Call, Handler, INTERNAL_PREFIX, org, team_url};
use crate::content::{ChannelKind, FileRec, Message, now_secs, parse_ts, ts_string};
use crate::org::Org;
use crate::reply::Reply;
use crate::state::Shared;

/// Routing of the family.
pub(crate) const ROUTES: &[(&str, Handler)] = &[
    ("files.getUploadURLExternal", get_upload_url),
    ("files.completeUploadExternal", complete_upload),
    ("files.info", info),
    ("files.list", list),
    ("files.delete", delete),
];

/// Largest file `files.getUploadURLExternal` accepts (the emulator's request body limit,
/// 1 MiB; Slack's is far larger).
pub(crate) const MAX_UPLOAD: usize = 1024 * 1024;

/// `(mimetype, filetype, pretty_type)` from a file name's extension.
fn kind_of(name: &str) -> (&'static str, String, String) {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let (mime, ty, pretty) = match ext.as_str() {
        "txt" | "text" | "log" => ("text/plain", "text", "Plain Text"),
        "md" => ("text/markdown", "markdown", "Markdown (raw)"),
        "csv" => ("text/csv", "csv", "CSV"),
        "json" => ("application/json", "json", "JSON"),
        "html" | "htm" => ("text/html", "html", "HTML"),
        "png" => ("image/png", "png", "PNG"),
        "jpg" | "jpeg" => ("image/jpeg", "jpg", "JPEG"),
        "gif" => ("image/gif", "gif", "GIF"),
        "pdf" => ("application/pdf", "pdf", "PDF"),
        "zip" => ("application/zip", "zip", "Zip"),
        _ => ("application/octet-stream", "binary", "Binary"),
    };
    (mime, ty.to_owned(), pretty.to_owned())
}

/// Slack's file object.
pub(crate) fn file_json(org: &Org, f: &FileRec) -> Value {
    let (mime, mut filetype, pretty) = kind_of(&f.name);
    if let Some(s) = &f.snippet_type {
        filetype = s.clone();
    }
    let origin = &org.origin;
    let url = format!("{origin}{INTERNAL_PREFIX}files/{}/{}", f.id, f.name);
    let (mut public, mut private, mut ims) = (Vec::new(), Vec::new(), Vec::new());
    let mut shares_public = serde_json::Map::new();
    let mut shares_private = serde_json::Map::new();
    for (c, ts) in &f.shares {
        let Some(ch) = org.content.channels.get(c) else {
            continue;
        };
        let share = json!([{
            "ts": ts_string(*ts),
            "channel_name": ch.name,
            "team_id": ch.team_id,
            "share_user_id": f.user,
            "source": "UNKNOWN",
            "reply_users": [],
            "reply_users_count": 0,
            "reply_count": 0,
        }]);
        match ch.kind {
            ChannelKind::Public => {
                public.push(c.clone());
                shares_public.insert(c.clone(), share);
            }
            ChannelKind::Private | ChannelKind::Mpim => {
                private.push(c.clone());
                shares_private.insert(c.clone(), share);
            }
            ChannelKind::Im => {
                ims.push(c.clone());
                shares_private.insert(c.clone(), share);
            }
        }
    }
    let mut shares = serde_json::Map::new();
    if !shares_public.is_empty() {
        shares.insert("public".into(), shares_public.into());
    }
    if !shares_private.is_empty() {
        shares.insert("private".into(), shares_private.into());
    }
    let mut j = json!({
        "id": f.id,
        "created": f.created,
        "timestamp": f.created,
        "name": f.name,
        "title": f.title,
        "mimetype": mime,
        "filetype": filetype,
        "pretty_type": pretty,
        "user": f.user,
        "user_team": f.team,
        "editable": false,
        "size": f.bytes.as_ref().map_or(0, Bytes::len),
        "mode": "hosted",
        "is_external": false,
        "external_type": "",
        "is_public": !public.is_empty(),
        "public_url_shared": false,
        "display_as_bot": false,
        "username": "",
        "url_private": url,
        "url_private_download": format!("{url}?download=1"),
        "permalink": format!("{}files/{}/{}/{}", team_url(org, &f.team), f.user, f.id, f.name),
        "permalink_public": format!("https://slack-files.com/{}-{}", f.team, f.id),
        "channels": public,
        "groups": private,
        "ims": ims,
        "shares": shares,
        "comments_count": 0,
        "has_rich_preview": false,
        "file_access": "visible",
    });
    if let Some(alt) = &f.alt_txt {
        j["alt_txt"] = alt.clone().into();
    }
    j
}

fn get_upload_url(call: &Call<'_>) -> Reply {
    // Validated as an integer; one beyond i64 is too large.
    let length = call
        .arg("length")
        .and_then(|l| l.parse::<i64>().ok())
        .unwrap_or(i64::MAX);
    if length < 1 {
        return Reply::error("invalid_arguments");
    }
    if length > MAX_UPLOAD as i64 {
        return Reply::error("file_upload_size_restricted");
    }
    let name = call.arg("filename").unwrap_or_default().to_owned();
    let mut org = org(call);
    let origin = org.origin.clone();
    let id = org.content.next_id('F');
    let added = org.content.add_file_record(FileRec {
        id: id.clone(),
        user: call.user_id().to_owned(),
        team: call.team_id().to_owned(),
        title: name.clone(),
        name,
        alt_txt: call.arg("alt_txt").map(str::to_owned),
        snippet_type: call.arg("snippet_type").map(str::to_owned),
        created: now_secs(),
        bytes: None,
        completed: false,
        deleted: false,
        shares: Vec::new(),
    });
    // The files' budget is full of completed files: Slack's `storage_limit_reached`.
    if !added {
        return Reply::error("storage_limit_reached");
    }
    Reply::ok_value(&json!({
        "ok": true,
        "upload_url": format!("{origin}{INTERNAL_PREFIX}upload/{id}"),
        "file_id": id,
    }))
}

/// A short text answer of the emulator's file endpoints.
fn text_reply(status: StatusCode, body: impl Into<Bytes>) -> Reply {
    let mut r = Reply::json(status, body);
    r.text = true;
    r
}

/// `POST /_mock/upload/{file_id}`: stores the bytes of a file announced by
/// `files.getUploadURLExternal` (not yet completed). Answers `OK - <size>` as Slack's
/// upload host does; 404 for an unknown or completed file.
pub(crate) fn receive_upload(shared: &Shared, file_id: &str, bytes: Bytes) -> Reply {
    let mut org = shared.org();
    if !org
        .content
        .files
        .get(file_id)
        .is_some_and(|f| !f.completed && !f.deleted)
    {
        return text_reply(StatusCode::NOT_FOUND, "file_not_found");
    }
    let len = bytes.len();
    // A copy: the bytes kept must not hold a larger read buffer alive.
    if !org
        .content
        .store_file_bytes(file_id, Bytes::copy_from_slice(&bytes))
    {
        return text_reply(StatusCode::PAYLOAD_TOO_LARGE, "storage_full");
    }
    text_reply(StatusCode::OK, format!("OK - {len}"))
}

/// `GET /_mock/files/{file_id}/…` (`url_private`, `url_private_download`): the bytes of
/// a completed file, for `Authorization: Bearer <token>` of a token of the file's
/// workspace with `files:read` whose user may see the file. Without a token, HTTP 403
/// `not_authed`; an unknown token, 403 `invalid_auth`; a token of another workspace,
/// without `files:read`, or whose user may not see the file, 403 `access_denied`
/// (Slack answers these with its sign-in page; the emulator says why, in text). The
/// token is only looked up: it is neither journaled nor logged.
pub(crate) fn download(shared: &Shared, file_id: &str, bearer: Option<&str>) -> Reply {
    let Some(bearer) = bearer else {
        return text_reply(StatusCode::FORBIDDEN, "not_authed");
    };
    let Some(token) = shared.token(bearer) else {
        return text_reply(StatusCode::FORBIDDEN, "invalid_auth");
    };
    let org = shared.org();
    let Some((f, bytes)) = org
        .content
        .files
        .get(file_id)
        .filter(|f| f.completed && !f.deleted)
        .and_then(|f| Some((f, f.bytes.clone()?)))
    else {
        return text_reply(StatusCode::NOT_FOUND, "file_not_found");
    };
    let allowed = token.team_id == f.team
        && token.scopes.iter().any(|s| s == "files:read")
        && may_see(&org, &token.user_id, &token.team_id, f);
    if !allowed {
        return text_reply(StatusCode::FORBIDDEN, "access_denied");
    }
    text_reply(StatusCode::OK, bytes)
}

/// `files`: a JSON array of `{"id": "F…", "title": "…"}`.
fn files_arg(call: &Call<'_>) -> Option<Vec<(String, Option<String>)>> {
    let raw = call.arg("files")?;
    let items: Vec<Value> = serde_json::from_str(raw).ok()?;
    items
        .iter()
        .map(|i| {
            let id = i.get("id")?.as_str()?.to_owned();
            let title = i.get("title").and_then(Value::as_str).map(str::to_owned);
            Some((id, title))
        })
        .collect()
}

fn complete_upload(call: &Call<'_>) -> Reply {
    let Some(mut files) = files_arg(call).filter(|f| !f.is_empty()) else {
        return Reply::invalid_arguments(vec![
            "[ERROR] invalid type for field: files (expected array of {\"id\", \"title\"})"
                .to_owned(),
        ]);
    };
    // A file named twice counts once (its first title).
    let mut seen = std::collections::HashSet::new();
    files.retain(|(id, _)| seen.insert(id.clone()));
    let mut org = org(call);
    for (id, _) in &files {
        let ready = org.content.files.get(id).is_some_and(|f| {
            !f.completed && !f.deleted && f.bytes.is_some() && f.user == call.user_id()
        });
        if !ready {
            return Reply::error("file_not_found");
        }
    }
    let mut channels: Vec<String> = Vec::new();
    let raw_channels = call
        .arg("channel_id")
        .or_else(|| call.arg("channels"))
        .unwrap_or_default();
    for raw in raw_channels
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        match target(&mut org, call, raw) {
            Ok(id) => channels.push(id),
            Err(r) => return r,
        }
    }
    let thread_ts = call.arg("thread_ts").and_then(parse_ts);
    let ids: Vec<String> = files.iter().map(|(id, _)| id.clone()).collect();
    let body = Body {
        text: call.arg("initial_comment").unwrap_or_default().to_owned(),
        blocks: call
            .arg("blocks")
            .and_then(|b| serde_json::from_str::<Value>(b).ok())
            .filter(Value::is_array),
        attachments: None,
        metadata: None,
    };
    let message = Message {
        files: ids.clone(),
        ..new_message(&org, call, body)
    };
    // Every sharing message must fit the messages' budget, or nothing is completed.
    // The method documents no code for a full store: `posting_to_channel_denied` (the
    // message could not be posted) is the closest of its documented ones.
    let cost = message.cost().saturating_mul(channels.len());
    if !org.content.messages_fit(channels.len(), cost) {
        return Reply::error("posting_to_channel_denied");
    }
    // New titles must fit the files' budget: else `file_update_failed`, nothing changed.
    let (mut old_cost, mut new_cost) = (0usize, 0usize);
    for (id, title) in &files {
        if let (Some(f), Some(t)) = (org.content.files.get(id), title) {
            old_cost += f.title.len();
            new_cost += t.len();
        }
    }
    if !org.content.recharge_file_record(old_cost, new_cost) {
        return Reply::error("file_update_failed");
    }
    for (id, title) in &files {
        if let Some(f) = org.content.files.get_mut(id) {
            f.completed = true;
            if let Some(t) = title {
                f.title = t.clone();
            }
        }
    }
    for c in &channels {
        // Fits: checked above, under the same lock.
        let Some(ts) = store(&mut org, c, message.clone(), thread_ts, false) else {
            continue;
        };
        for id in &ids {
            if let Some(f) = org.content.files.get_mut(id) {
                f.shares.push((c.clone(), ts));
            }
        }
    }
    let out: Vec<Value> = ids
        .iter()
        .filter_map(|id| org.content.files.get(id))
        .map(|f| file_json(&org, f))
        .collect();
    Reply::ok_value(&json!({"ok": true, "files": out}))
}

/// Whether the caller may see `f`: its owner, or a member of (or, for public channels,
/// in the team of) a channel it was shared to.
fn may_see(org: &Org, user: &str, team: &str, f: &FileRec) -> bool {
    f.user == user
        || f.shares.iter().any(|(c, _)| {
            org.content
                .channels
                .get(c)
                .is_some_and(|ch| visible(ch, user, team))
        })
}

fn info(call: &Call<'_>) -> Reply {
    let org = org(call);
    let Some(f) = org
        .content
        .files
        .get(call.arg("file").unwrap_or_default())
        .filter(|f| f.completed && may_see(&org, call.user_id(), call.team_id(), f))
    else {
        return Reply::error("file_not_found");
    };
    if f.deleted {
        return Reply::error("file_deleted");
    }
    Reply::ok_value(&json!({
        "ok": true,
        "file": file_json(&org, f),
        "comments": [],
        "response_metadata": {"next_cursor": ""},
    }))
}

fn list(call: &Call<'_>) -> Reply {
    let org = org(call);
    let user = match call.arg("user") {
        None => None,
        Some(u) => match org.user(u) {
            Some(u) => Some(u.id.clone()),
            None => return Reply::error("user_not_found"),
        },
    };
    let types: Vec<&str> = call
        .arg("types")
        .unwrap_or("all")
        .split(',')
        .map(str::trim)
        .collect();
    const TYPES: &[&str] = &[
        "all", "spaces", "snippets", "images", "gdocs", "zips", "pdfs",
    ];
    if types.iter().any(|t| !TYPES.contains(t)) {
        return Reply::error("unknown_type");
    }
    let type_ok = |f: &FileRec| {
        let (mime, ty, _) = kind_of(&f.name);
        types.iter().any(|t| match *t {
            "all" => true,
            "images" => mime.starts_with("image/"),
            "pdfs" => ty == "pdf",
            "zips" => ty == "zip",
            "snippets" => f.snippet_type.is_some(),
            _ => false,
        })
    };
    let bound = |name: &str| {
        call.arg(name)
            .and_then(|v| v.split('.').next()?.parse::<i64>().ok())
    };
    let (from, to) = (bound("ts_from"), bound("ts_to"));
    let channel = call.arg("channel");
    let mut files: Vec<&FileRec> = org
        .content
        .files
        .values()
        .filter(|f| f.completed && !f.deleted && may_see(&org, call.user_id(), call.team_id(), f))
        .filter(|f| user.as_ref().is_none_or(|u| &f.user == u))
        .filter(|f| channel.is_none_or(|c| f.shares.iter().any(|(s, _)| s == c)))
        .filter(|f| from.is_none_or(|t| f.created >= t) && to.is_none_or(|t| f.created <= t))
        .filter(|f| type_ok(f))
        .collect();
    files.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
    let (count, page) = super::count_and_page(call, 100, 1000);
    let (files, paging) = super::numbered_page(files, count, page);
    let items: Vec<Value> = files.into_iter().map(|f| file_json(&org, f)).collect();
    Reply::ok_value(&json!({
        "ok": true,
        "files": items,
        "paging": paging,
    }))
}

fn delete(call: &Call<'_>) -> Reply {
    let mut org = org(call);
    let me = call.user_id().to_owned();
    let admin = !call.is_bot() && org.user(&me).is_some_and(|u| u.role.is_admin());
    let Some(f) = org
        .content
        .files
        .get_mut(call.arg("file").unwrap_or_default())
        .filter(|f| f.completed)
    else {
        return Reply::error("file_not_found");
    };
    if f.deleted {
        return Reply::error("file_deleted");
    }
    if f.user != me && !admin {
        return Reply::error("cant_delete_file");
    }
    f.deleted = true;
    let id = f.id.clone();
    org.content.drop_file_bytes(&id);
    Reply::ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind_of("a.TXT").0, "text/plain");
        assert_eq!(kind_of("a.png").1, "png");
        assert_eq!(kind_of("noext").1, "binary");
    }
}
