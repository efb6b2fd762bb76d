//! HTTP layer: connections, body reading, argument parsing and the order of checks.

use std::borrow::Cow;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::args::{arg, is_integer, parse_bool};
use crate::catalog::{Kind, MethodSpec, catalog};
use crate::fault::Fault;
use crate::journal::{REDACTED, Recorded};
use crate::methods;
use crate::org::TokenInfo;
use crate::reply::Reply;
use crate::state::Shared;

/// Largest accepted request body; bigger ones get HTTP 413.
pub(crate) const MAX_BODY: usize = 1024 * 1024;
/// Default time a client has to send its request headers before the connection is closed.
pub(crate) const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// Default time a client has to send its body before it gets HTTP 408.
pub(crate) const BODY_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest request head (request line and headers, counted as `name: value` lines
/// with their line ends); a larger one gets HTTP 431. hyper's read buffer has the same
/// size: it refuses heads that outgrow it, and [`head_too_large`] the ones it would let
/// through when their bytes arrive in large reads.
pub(crate) const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Whether a request head is over [`MAX_HEADER_BYTES`].
fn head_too_large(parts: &http::request::Parts) -> bool {
    // "GET " + target + " HTTP/1.1\r\n" + headers + "\r\n"
    let target = parts.uri.path_and_query().map_or(1, |pq| pq.as_str().len());
    let line = parts.method.as_str().len() + 1 + target + 11;
    let headers: usize = parts
        .headers
        .iter()
        .map(|(name, value)| name.as_str().len() + 2 + value.len() + 2)
        .sum();
    line + headers + 2 > MAX_HEADER_BYTES
}

/// Accepts connections until `shutdown` fires (or its sender is dropped), then lets open
/// connections finish for up to 5 seconds. Connection tasks live in a `JoinSet` owned by
/// this task, so aborting this task aborts them all.
pub(crate) async fn serve(
    listener: TcpListener,
    shared: Arc<Shared>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut conns = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    conns.spawn(serve_connection(stream, shared.clone(), shutdown.clone()));
                }
                Err(e) => {
                    // E.g. EMFILE: back off instead of spinning.
                    tracing::debug!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            },
            Some(_) = conns.join_next(), if !conns.is_empty() => {}
            _ = shutdown.changed() => break,
        }
    }
    drop(listener);
    let drain = async { while conns.join_next().await.is_some() {} };
    let _ = tokio::time::timeout(Duration::from_secs(5), drain).await;
}

async fn serve_connection(
    stream: TcpStream,
    shared: Arc<Shared>,
    mut shutdown: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let header_read_timeout = shared.header_read_timeout;
    let service = service_fn(move |req| handle(shared.clone(), req));
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout)
        .max_buf_size(MAX_HEADER_BYTES)
        .keep_alive(true)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        res = conn.as_mut() => {
            if let Err(e) = res {
                tracing::debug!("connection ended: {e}");
            }
        }
        _ = shutdown.changed() => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        }
    }
}

/// Returned by the service to make hyper close the connection without an answer
/// ([`Fault::Drop`]).
#[derive(Debug)]
pub(crate) struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped on purpose")
    }
}

impl std::error::Error for DropConnection {}

/// Arguments of a request, whatever their source.
#[derive(Debug, Default)]
pub(crate) struct Input {
    /// Arguments without `token`.
    pub(crate) args: Vec<(String, String)>,
    /// The `token` argument (form body, or query string of a GET).
    token_arg: Option<String>,
    /// A `token` argument seen anywhere (also where it is not accepted).
    token_seen: bool,
    /// The body was JSON.
    json: bool,
    /// A body that could not be taken apart.
    error: Option<&'static str>,
    /// Slack's warning about the body's charset (`missing_charset`, `superfluous_charset`).
    warning: Option<&'static str>,
}

/// A file part of a `multipart/form-data` body.
#[derive(Debug, Clone)]
pub(crate) struct FilePart {
    /// The form field's name.
    pub(crate) field: String,
    /// The `filename` of the part.
    pub(crate) filename: String,
    /// The part's bytes.
    pub(crate) bytes: Bytes,
}

enum BodyError {
    TooLarge,
    Timeout,
    Broken,
}

async fn handle(
    shared: Arc<Shared>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, DropConnection> {
    let (mut parts, body) = req.into_parts();
    if head_too_large(&parts) {
        // As hyper answers the heads it refuses itself: neither counted nor journaled.
        let status = StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE;
        return Ok(
            Reply::error_status(status, "request_header_fields_too_large")
                .into_response(None, None),
        );
    }
    if parts.uri.path().starts_with(methods::INTERNAL_PREFIX) {
        let req = Request::from_parts(parts, body);
        return Ok(internal(&shared, req).await.into_response(None, None));
    }
    shared.requests.fetch_add(1, Ordering::Relaxed);
    let body = read_body(&parts.headers, body, shared.body_read_timeout).await;
    // Taken out of the map so the journal never holds it.
    let authorization = parts.headers.remove(AUTHORIZATION);
    let bearer = authorization.as_ref().and_then(bearer_token);
    let input = match &body {
        Ok(bytes) => {
            // A Content-Type that is not visible ASCII is there, but unusable.
            let content_type = parts
                .headers
                .get(CONTENT_TYPE)
                .map(|v| v.to_str().unwrap_or("\u{fffd}"));
            parse_input(&parts.method, parts.uri.query(), content_type, bytes)
        }
        Err(_) => Input::default(),
    };
    let path = parts.uri.path();
    let method_name = path.strip_prefix("/api/");

    if shared.journal.enabled() {
        let mut args = input.args.clone();
        if input.token_seen {
            args.push(("token".to_owned(), REDACTED.to_owned()));
        }
        shared.journal.push(Recorded {
            method: method_name.unwrap_or(path).to_owned(),
            args,
            headers: std::mem::take(&mut parts.headers),
            received_at: SystemTime::now(),
            http_method: parts.method.clone(),
            token_present: bearer.is_some() || input.token_seen,
        });
    }

    match body {
        Ok(_) => {}
        Err(BodyError::TooLarge) => {
            return Ok(
                Reply::error_status(StatusCode::PAYLOAD_TOO_LARGE, "request_too_large")
                    .into_response(None, None),
            );
        }
        Err(BodyError::Timeout) => {
            return Ok(
                Reply::error_status(StatusCode::REQUEST_TIMEOUT, "request_timeout")
                    .into_response(None, None),
            );
        }
        Err(BodyError::Broken) => return Err(DropConnection),
    }
    let Some(name) = method_name else {
        return Ok(
            Reply::error_status(StatusCode::NOT_FOUND, "not_found").into_response(None, None)
        );
    };
    let spec = catalog().get(name);

    if let Some(fault) = shared.faults.take(name) {
        match fault {
            Fault::Delay(d) => tokio::time::sleep(d).await,
            Fault::Drop => return Err(DropConnection),
            Fault::NonJson => {
                let mut r = Reply::json(
                    StatusCode::OK,
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>The proxy could not reach the upstream server.</p></body></html>\n",
                );
                r.html = true;
                return Ok(r.into_response(None, spec));
            }
            Fault::Status(code) => return Ok(status_fault(&shared, code).into_response(None, spec)),
            Fault::RateLimited { retry_after_secs } => {
                shared.rate_limited.fetch_add(1, Ordering::Relaxed);
                return Ok(Reply::rate_limited(retry_after_secs).into_response(None, spec));
            }
        }
    }

    let Some(spec) = spec else {
        return Ok(Reply::error("unknown_method").into_response(None, None));
    };
    let (reply, token) = process(&shared, spec, bearer, input);
    if let Some(c) = shared.calls.get(spec.index as usize) {
        c.fetch_add(1, Ordering::Relaxed);
    }
    Ok(reply.into_response(token.as_deref(), Some(spec)))
}

/// The emulator's own endpoints under `/_mock/`: `GET /_mock/stats` (counters) and
/// `POST /_mock/upload/{file_id}` (the `upload_url` of `files.getUploadURLExternal`),
/// `GET /_mock/files/{file_id}/{name}` (a file's `url_private`).
/// Neither is counted nor journaled.
async fn internal(shared: &Shared, req: Request<Incoming>) -> Reply {
    let (parts, body) = req.into_parts();
    let path = parts.uri.path().to_owned();
    let rest = &path[methods::INTERNAL_PREFIX.len()..];
    if rest == "stats" {
        return Reply::ok_value(&stats_json(shared));
    }
    if let Some(file) = rest.strip_prefix("files/") {
        let id = file.split('/').next().unwrap_or_default();
        let bearer = parts.headers.get(AUTHORIZATION).and_then(bearer_token);
        return methods::files::download(shared, id, bearer);
    }
    let Some(file_id) = rest.strip_prefix("upload/") else {
        return Reply::error_status(StatusCode::NOT_FOUND, "not_found");
    };
    if parts.method != Method::POST && parts.method != Method::PUT {
        let mut r = Reply::error_status(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
        r.allow = Some("POST, PUT");
        return r;
    }
    let bytes = match read_body(&parts.headers, body, shared.body_read_timeout).await {
        Ok(b) => b,
        Err(BodyError::TooLarge) => {
            return Reply::error_status(StatusCode::PAYLOAD_TOO_LARGE, "request_too_large");
        }
        Err(_) => return Reply::error_status(StatusCode::REQUEST_TIMEOUT, "request_timeout"),
    };
    // Raw bytes, or the first file part of a multipart form (Node's client sends one).
    let content_type = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let bytes = match multipart_boundary(content_type) {
        Some(boundary) => match parse_multipart(&bytes, &boundary) {
            Some(parts) => parts
                .into_iter()
                .find_map(|p| match p {
                    Part::File(f) => Some(f.bytes),
                    Part::Field(..) => None,
                })
                .unwrap_or_default(),
            None => return Reply::error_status(StatusCode::BAD_REQUEST, "invalid_form_data"),
        },
        None => bytes,
    };
    methods::files::receive_upload(shared, file_id, bytes)
}

// Uploads announce at most what the body limit lets through.
const _: () = assert!(methods::files::MAX_UPLOAD <= MAX_BODY);

/// `GET /_mock/stats`: counters for tests in other processes.
fn stats_json(shared: &Shared) -> serde_json::Value {
    let mut methods = serde_json::Map::new();
    for (spec, n) in catalog().methods().iter().zip(&shared.calls) {
        let n = n.load(Ordering::Relaxed);
        if n > 0 {
            methods.insert(spec.name.to_owned(), n.into());
        }
    }
    serde_json::json!({
        "ok": true,
        "requests": shared.requests.load(Ordering::Relaxed),
        "rate_limited": shared.rate_limited.load(Ordering::Relaxed),
        "methods": methods,
        "stored": shared.org().content.usage_json(),
    })
}

fn status_fault(shared: &Shared, code: u16) -> Reply {
    // 1xx are not final answers (hyper would not send them as one): treated as invalid.
    let status = StatusCode::from_u16(code)
        .ok()
        .filter(|s| !s.is_informational())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut reply = match status.as_u16() {
        500 => Reply::error_status(status, "internal_error"),
        503 => Reply::error_status(status, "service_unavailable"),
        504 => Reply::error_status(status, "request_timeout"),
        429 => Reply::error_status(status, "ratelimited"),
        n => Reply::error_status(status, &format!("http_{n}")),
    };
    if status == StatusCode::TOO_MANY_REQUESTS {
        shared.rate_limited.fetch_add(1, Ordering::Relaxed);
        reply.retry_after = Some(1);
    }
    reply
}

/// The checks, in Slack's order: HTTP verb → body → auth → rate limit → scope → arguments
/// → behaviour.
fn process(
    shared: &Arc<Shared>,
    spec: &'static MethodSpec,
    bearer: Option<&str>,
    input: Input,
) -> (Reply, Option<Arc<TokenInfo>>) {
    // Slack takes any method by GET (query string) or POST, and answers every verb
    // with 200 or 429: other verbs are read as POST.
    let warning = input.warning;
    let (reply, token) = checked(shared, spec, bearer, input);
    match warning {
        Some(w) => (reply.with_warning(w), token),
        None => (reply, token),
    }
}

fn checked(
    shared: &Arc<Shared>,
    spec: &'static MethodSpec,
    bearer: Option<&str>,
    input: Input,
) -> (Reply, Option<Arc<TokenInfo>>) {
    if let Some(code) = input.error {
        return (Reply::error(code), None);
    }

    // A JSON body authenticates only with the Bearer header (it never sets `token_arg`).
    let presented = bearer.or(input.token_arg.as_deref());
    let token = presented.and_then(|t| shared.token(t));
    if spec.takes_token {
        match (presented, &token) {
            (None, _) => return (Reply::error("not_authed"), None),
            (Some(_), None) => return (Reply::error("invalid_auth"), None),
            _ => {}
        }
    }

    let mut key = token.as_ref().map_or(0, |t| t.rate_key);
    if spec.tier.per_channel() {
        // chat.postMessage: Slack's limit is per channel.
        key = shared.channel_rate_key(key, arg(&input.args, "channel").unwrap_or_default());
    }
    if let Err(retry_after) = shared.limiter.check(spec.index, key, spec.per_minute()) {
        shared.rate_limited.fetch_add(1, Ordering::Relaxed);
        return (Reply::rate_limited(retry_after), token);
    }

    if let Some(t) = &token {
        if !spec.accepted_scopes.is_empty() && !t.has_any(&spec.accepted_scopes) {
            let reply = Reply::ok_value(&serde_json::json!({
                "ok": false,
                "error": "missing_scope",
                "needed": spec.needed_scope(t.is_bot).unwrap_or_default(),
                "provided": t.scopes_joined,
            }));
            return (reply, token);
        }
    }

    if input.json && !spec.json_body {
        let msg = format!(
            "[ERROR] {} does not accept application/json bodies; send application/x-www-form-urlencoded",
            spec.name
        );
        return (Reply::invalid_arguments(vec![msg]), token);
    }
    if let Some(reply) = validate_args(spec, &input.args) {
        return (reply, token);
    }

    let reply = methods::run(shared, spec, token.as_deref(), &input.args);
    (reply, token)
}

fn type_ok(kind: Kind, v: &str) -> bool {
    match kind {
        Kind::String | Kind::Array | Kind::Any => true,
        Kind::Integer => is_integer(v),
        Kind::Boolean => parse_bool(v).is_some(),
        Kind::Number => v.parse::<f64>().is_ok_and(f64::is_finite),
        Kind::Object => serde_json::from_str::<serde_json::Value>(v).is_ok_and(|j| j.is_object()),
    }
}

/// Required arguments, argument groups, then types; all problems reported at once.
fn validate_args(spec: &MethodSpec, args: &[(String, String)]) -> Option<Reply> {
    let mut messages = Vec::new();
    for a in spec.required_args() {
        if arg(args, a.name).is_none() {
            messages.push(format!("[ERROR] missing required field: {}", a.name));
        }
    }
    for g in spec.groups {
        let given = g.args.iter().filter(|a| arg(args, a).is_some()).count();
        if g.required && given == 0 {
            // chat.*: Slack's own code for a message without content.
            if g.args.contains(&"text") && spec.documents_error("no_text") {
                return Some(Reply::error("no_text"));
            }
            messages.push(format!(
                "[ERROR] missing required field: one of {}",
                g.args.join(", ")
            ));
        }
        if g.exclusive && given > 1 {
            if g.args == ["text", "markdown_text"] && spec.documents_error("markdown_text_conflict")
            {
                return Some(Reply::error("markdown_text_conflict"));
            }
            messages.push(format!(
                "[ERROR] only one of these fields may be given: {}",
                g.args.join(", ")
            ));
        }
    }
    for (name, value) in args {
        if value.is_empty() {
            continue;
        }
        if let Some(a) = spec.arg(name) {
            if !type_ok(a.kind, value) {
                messages.push(format!(
                    "[ERROR] invalid type for field: {} (expected {})",
                    a.name,
                    a.kind.as_str()
                ));
            }
        }
    }
    if messages.is_empty() {
        None
    } else {
        Some(Reply::invalid_arguments(messages))
    }
}

async fn read_body(
    headers: &HeaderMap,
    body: Incoming,
    timeout: Duration,
) -> Result<Bytes, BodyError> {
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(BodyError::TooLarge);
    }
    let collect = Limited::new(body, MAX_BODY).collect();
    match tokio::time::timeout(timeout, collect).await {
        Err(_) => Err(BodyError::Timeout),
        Ok(Ok(c)) => Ok(c.to_bytes()),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => Err(BodyError::TooLarge),
        Ok(Err(_)) => Err(BodyError::Broken),
    }
}

fn bearer_token(value: &HeaderValue) -> Option<&str> {
    let v = value.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Takes the query string and body apart.
///
/// * GET: arguments from the query string (including `token`); the body is ignored.
/// * POST: query-string arguments, then the body's. A `token` in the query string of a
///   POST is not accepted (Slack refuses tokens in query strings for new apps).
///   An empty body carries no arguments, whatever its content type. Otherwise by
///   content type: `application/x-www-form-urlencoded` → form (its `token` field
///   authenticates, for every method; a charset parameter earns Slack's
///   `superfluous_charset` warning); `multipart/form-data` → text fields as arguments
///   (`token` included), a file part as an argument whose value is the file name; `application/json` → JSON object (a
///   `token` member does not authenticate; no charset earns `missing_charset`); no
///   content type → `missing_post_type`; any other type (`text/plain`, one that is not
///   visible ASCII, ...) → `invalid_post_type`; a charset other than UTF-8 →
///   `invalid_charset`; undecodable form data or invalid UTF-8 → `invalid_form_data`;
///   bad JSON → `invalid_json`; JSON that is not an object → `json_not_object`.
fn parse_input(
    verb: &Method,
    query: Option<&str>,
    content_type: Option<&str>,
    body: &[u8],
) -> Input {
    let mut input = Input::default();
    let is_get = *verb == Method::GET || *verb == Method::HEAD;
    if let Some(q) = query {
        match parse_urlencoded(q.as_bytes()) {
            Ok(pairs) => {
                for (k, v) in pairs {
                    input.push(k, v, is_get);
                }
            }
            Err(()) => {
                input.error = Some("invalid_form_data");
                return input;
            }
        }
    }
    if is_get || body.is_empty() {
        return input;
    }
    let Some(ct) = content_type else {
        input.error = Some("missing_post_type");
        return input;
    };
    let mut params = ct.split(';');
    let essence = params.next().unwrap_or("").trim().to_ascii_lowercase();
    let mut charset: Option<String> = None;
    for p in params {
        if let Some((k, v)) = p.split_once('=') {
            if k.trim().eq_ignore_ascii_case("charset") {
                charset = Some(v.trim().trim_matches('"').to_ascii_lowercase());
            }
        }
    }
    let charset_ok = charset
        .as_deref()
        .is_none_or(|c| c == "utf-8" || c == "utf8");
    match essence.as_str() {
        "application/x-www-form-urlencoded" => {
            if !charset_ok {
                input.error = Some("invalid_charset");
                return input;
            }
            if charset.is_some() {
                input.warning = Some("superfluous_charset");
            }
            match parse_urlencoded(body) {
                Ok(pairs) => {
                    for (k, v) in pairs {
                        input.push(k, v, true);
                    }
                }
                Err(()) => input.error = Some("invalid_form_data"),
            }
        }
        "multipart/form-data" => {
            if !charset_ok {
                input.error = Some("invalid_charset");
                return input;
            }
            let parts = multipart_boundary(ct).and_then(|b| parse_multipart(body, &b));
            let Some(parts) = parts else {
                input.error = Some("invalid_form_data");
                return input;
            };
            for part in parts {
                match part {
                    Part::Field(k, v) => input.push(k, v, true),
                    // A file argument counts as given; its value is the file name.
                    Part::File(f) => input.push(f.field, f.filename, true),
                }
            }
        }
        "application/json" => {
            input.json = true;
            if !charset_ok {
                input.error = Some("invalid_charset");
                return input;
            }
            if charset.is_none() {
                input.warning = Some("missing_charset");
            }
            match serde_json::from_slice::<serde_json::Value>(body) {
                Ok(serde_json::Value::Object(map)) => {
                    for (k, v) in map {
                        let v = match v {
                            serde_json::Value::Null => continue,
                            serde_json::Value::String(s) => s,
                            other => other.to_string(),
                        };
                        // Only the Bearer header authenticates a JSON body.
                        input.push(k, v, false);
                    }
                }
                Ok(_) => input.error = Some("json_not_object"),
                Err(_) => input.error = Some("invalid_json"),
            }
        }
        _ => input.error = Some("invalid_post_type"),
    }
    input
}

/// One part of a `multipart/form-data` body.
pub(crate) enum Part {
    /// A text field (name, UTF-8 value).
    Field(String, String),
    /// A file.
    File(FilePart),
}

/// The `boundary` parameter of a `multipart/form-data` content type.
pub(crate) fn multipart_boundary(content_type: &str) -> Option<String> {
    let mut params = content_type.split(';');
    let essence = params.next()?.trim();
    if !essence.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        let v = v.trim().trim_matches('"');
        (k.trim().eq_ignore_ascii_case("boundary") && !v.is_empty() && v.len() <= 200)
            .then(|| v.to_owned())
    })
}

/// Splits a `multipart/form-data` body (RFC 7578). `None` if it is malformed: no opening
/// boundary, a part without its blank line, a field that is not UTF-8, no closing
/// boundary. Parts without a `name` are skipped.
pub(crate) fn parse_multipart(body: &[u8], boundary: &str) -> Option<Vec<Part>> {
    let delim = format!("--{boundary}");
    let delim = delim.as_bytes();
    let mut pos = find(body, delim)? + delim.len();
    let mut parts = Vec::new();
    // Each iteration consumes one part; bounded by the body's length.
    loop {
        let rest = &body[pos..];
        if rest.starts_with(b"--") {
            return Some(parts);
        }
        let rest = rest.strip_prefix(b"\r\n")?;
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = std::str::from_utf8(&rest[..head_end]).ok()?;
        let content = &rest[head_end + 4..];
        let mut end_delim = Vec::with_capacity(delim.len() + 2);
        end_delim.extend_from_slice(b"\r\n");
        end_delim.extend_from_slice(delim);
        let end = find(content, &end_delim)?;
        let data = &content[..end];
        let consumed = body.len() - rest.len() + head_end + 4 + end + end_delim.len();
        pos = consumed;
        let mut name = None;
        let mut filename = None;
        for line in head.split("\r\n") {
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            if !k.trim().eq_ignore_ascii_case("content-disposition") {
                continue;
            }
            for param in v.split(';').skip(1) {
                if let Some((pk, pv)) = param.split_once('=') {
                    let pv = pv.trim().trim_matches('"').to_owned();
                    match pk.trim().to_ascii_lowercase().as_str() {
                        "name" => name = Some(pv),
                        "filename" => filename = Some(pv),
                        _ => {}
                    }
                }
            }
        }
        let Some(name) = name else {
            continue;
        };
        match filename {
            Some(filename) => parts.push(Part::File(FilePart {
                field: name,
                filename,
                bytes: Bytes::copy_from_slice(data),
            })),
            None => parts.push(Part::Field(name, String::from_utf8(data.to_vec()).ok()?)),
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

impl Input {
    /// Adds one argument. A `token` is kept apart (never among `args`); it authenticates
    /// only where `token_accepted`, and an empty one counts as absent, as Slack treats
    /// every empty argument.
    fn push(&mut self, key: String, value: String, token_accepted: bool) {
        if key == "token" {
            self.token_seen = true;
            if token_accepted {
                self.token_arg = (!value.is_empty()).then_some(value);
            }
        } else {
            self.args.push((key, value));
        }
    }
}

/// `application/x-www-form-urlencoded` parsing that rejects invalid UTF-8 instead of
/// replacing it (which `form_urlencoded::parse` does).
fn parse_urlencoded(input: &[u8]) -> Result<Vec<(String, String)>, ()> {
    let mut out = Vec::new();
    for pair in input.split(|&b| b == b'&') {
        if pair.is_empty() {
            continue;
        }
        let (k, v) = match pair.iter().position(|&b| b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &[][..]),
        };
        out.push((percent_decode(k)?, percent_decode(v)?));
    }
    Ok(out)
}

/// `+` is a space, `%XX` a byte; malformed escapes stay as written; the
/// result must be UTF-8.
fn percent_decode(s: &[u8]) -> Result<String, ()> {
    let spaced: Cow<'_, [u8]> = if s.contains(&b'+') {
        Cow::Owned(
            s.iter()
                .map(|&b| if b == b'+' { b' ' } else { b })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    };
    percent_encoding::percent_decode(&spaced)
        .decode_utf8()
        .map(Cow::into_owned)
        .map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencoded() {
        let p = parse_urlencoded(b"a=1&b=x+y%21&c&=v&&d=%zz%2").unwrap();
        assert_eq!(
            p,
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "x y!".into()),
                ("c".into(), "".into()),
                ("".into(), "v".into()),
                ("d".into(), "%zz%2".into()),
            ]
        );
        assert!(parse_urlencoded(b"a=%ff%fe").is_err());
        assert!(parse_urlencoded(b"a=\xff").is_err());
        assert_eq!(parse_urlencoded(b"e=%C3%A9").unwrap()[0].1, "é");
    }

    #[test]
    fn multipart() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"channel\"\r\n\r\nC1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\nworld\r\n--XyZ--\r\n";
        let b = multipart_boundary("multipart/form-data; boundary=XyZ").unwrap();
        let parts = parse_multipart(body, &b).unwrap();
        assert_eq!(parts.len(), 2);
        assert!(matches!(&parts[0], Part::Field(k, v) if k == "channel" && v == "C1"));
        assert!(
            matches!(&parts[1], Part::File(f) if f.field == "file" && f.filename == "a.txt" && &f.bytes[..] == b"hello\r\nworld")
        );
        assert!(parse_multipart(b"garbage", &b).is_none());
        assert!(parse_multipart(b"--XyZ\r\nno blank line", &b).is_none());
        assert!(multipart_boundary("application/json").is_none());
    }

    #[test]
    fn bearer() {
        let v = HeaderValue::from_static("Bearer xoxp-1");
        assert_eq!(bearer_token(&v), Some("xoxp-1"));
        let v = HeaderValue::from_static("bearer  xoxp-2 ");
        assert_eq!(bearer_token(&v), Some("xoxp-2"));
        assert_eq!(bearer_token(&HeaderValue::from_static("Basic abc")), None);
        assert_eq!(bearer_token(&HeaderValue::from_static("Bearer ")), None);
    }
}
