//! HTTP layer: connections, body reading, argument parsing and the order of checks.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderMap, HeaderName, HeaderValue, Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::behaviour;
use crate::catalog::{ArgType, HttpVerb, MethodSpec, catalog};
use crate::fault::{Fault, FaultQueue};
use crate::journal::{Journal, Recorded};
use crate::org::{Org, TokenInfo, Tokens};
use crate::ratelimit::Limiter;

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

static X_OAUTH_SCOPES: HeaderName = HeaderName::from_static("x-oauth-scopes");
static X_ACCEPTED_OAUTH_SCOPES: HeaderName = HeaderName::from_static("x-accepted-oauth-scopes");
const JSON_UTF8: HeaderValue = HeaderValue::from_static("application/json; charset=utf-8");
const HTML_UTF8: HeaderValue = HeaderValue::from_static("text/html; charset=utf-8");

/// State shared by all connections of one mock.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) org: Mutex<Org>,
    pub(crate) tokens: RwLock<Tokens>,
    pub(crate) limiter: Limiter,
    pub(crate) journal: Journal,
    pub(crate) faults: FaultQueue,
    pub(crate) requests: AtomicU64,
    pub(crate) rate_limited: AtomicU64,
    pub(crate) header_read_timeout: Duration,
    pub(crate) body_read_timeout: Duration,
}

impl Shared {
    pub(crate) fn org(&self) -> std::sync::MutexGuard<'_, Org> {
        self.org.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn token(&self, token: &str) -> Option<Arc<TokenInfo>> {
        self.tokens
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(token)
    }
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

/// An answer before the per-token headers are added.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) body: Bytes,
    pub(crate) html: bool,
    pub(crate) retry_after: Option<u64>,
    pub(crate) allow: Option<&'static str>,
}

impl Reply {
    pub(crate) fn json(status: StatusCode, body: impl Into<Bytes>) -> Reply {
        Reply {
            status,
            body: body.into(),
            html: false,
            retry_after: None,
            allow: None,
        }
    }

    /// `{"ok":true}`.
    pub(crate) fn ok() -> Reply {
        Reply::json(StatusCode::OK, Bytes::from_static(b"{\"ok\":true}"))
    }

    pub(crate) fn ok_value(value: &serde_json::Value) -> Reply {
        Reply::json(
            StatusCode::OK,
            serde_json::to_vec(value).unwrap_or_else(|_| b"{\"ok\":true}".to_vec()),
        )
    }

    /// `{"ok":false,"error":code}` with HTTP 200. `code` must not need JSON escaping.
    pub(crate) fn error(code: &str) -> Reply {
        Reply::error_status(StatusCode::OK, code)
    }

    pub(crate) fn error_status(status: StatusCode, code: &str) -> Reply {
        Reply::json(status, format!(r#"{{"ok":false,"error":"{code}"}}"#))
    }

    /// `invalid_arguments` with one `response_metadata.messages` entry per problem.
    pub(crate) fn invalid_arguments(messages: Vec<String>) -> Reply {
        Reply::ok_value(&serde_json::json!({
            "ok": false,
            "error": "invalid_arguments",
            "response_metadata": { "messages": messages },
        }))
    }

    fn rate_limited(retry_after: u64) -> Reply {
        let mut r = Reply::error_status(StatusCode::TOO_MANY_REQUESTS, "ratelimited");
        r.retry_after = Some(retry_after);
        r
    }

    fn into_response(
        self,
        token: Option<&TokenInfo>,
        spec: Option<&MethodSpec>,
    ) -> Response<Full<Bytes>> {
        let mut resp = Response::new(Full::new(self.body));
        *resp.status_mut() = self.status;
        let h = resp.headers_mut();
        h.insert(CONTENT_TYPE, if self.html { HTML_UTF8 } else { JSON_UTF8 });
        // On every answer, as Slack sends them: empty when the token or the
        // method is not known.
        let empty = HeaderValue::from_static("");
        h.insert(
            X_OAUTH_SCOPES.clone(),
            token.map_or_else(|| empty.clone(), |t| t.scopes_header.clone()),
        );
        h.insert(
            X_ACCEPTED_OAUTH_SCOPES.clone(),
            spec.map_or(empty, |s| s.accepted_header.clone()),
        );
        if let Some(secs) = self.retry_after {
            h.insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        if let Some(allow) = self.allow {
            h.insert(http::header::ALLOW, HeaderValue::from_static(allow));
        }
        resp
    }
}

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
            args.push(("token".to_owned(), "<redacted>".to_owned()));
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
    let (reply, token) = process(&shared, spec, &parts.method, bearer, input);
    Ok(reply.into_response(token.as_deref(), Some(spec)))
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
    verb: &Method,
    bearer: Option<&str>,
    input: Input,
) -> (Reply, Option<Arc<TokenInfo>>) {
    let verb_ok =
        *verb == Method::POST || (*verb == Method::GET && spec.http_method == HttpVerb::Get);
    if !verb_ok {
        let mut r = Reply::error_status(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
        r.allow = Some(if spec.http_method == HttpVerb::Get {
            "GET, POST"
        } else {
            "POST"
        });
        return (r, None);
    }
    if let Some(code) = input.error {
        return (Reply::error(code), None);
    }

    // A JSON body authenticates only with the Bearer header (it never sets `token_arg`).
    let presented = bearer.or(input.token_arg.as_deref());
    let token = presented.and_then(|t| shared.token(t));
    if spec.requires_token {
        match (presented, &token) {
            (None, _) => return (Reply::error("not_authed"), None),
            (Some(_), None) => return (Reply::error("invalid_auth"), None),
            _ => {}
        }
    }

    let key = token.as_ref().map_or(0, |t| t.rate_key);
    if let Err(retry_after) = shared
        .limiter
        .check(spec.index, key, spec.tier.per_minute())
    {
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

    if input.json && !spec.json_input_supported {
        let msg = format!(
            "[ERROR] {} does not accept application/json bodies; send application/x-www-form-urlencoded",
            spec.name
        );
        return (Reply::invalid_arguments(vec![msg]), token);
    }
    if let Some(reply) = validate_args(spec, &input.args) {
        return (reply, token);
    }

    let reply = behaviour::run(shared, spec, token.as_deref(), &input.args);
    (reply, token)
}

/// The value of argument `name`, if given and non-empty (Slack treats `name=` as absent).
pub(crate) fn arg<'a>(args: &'a [(String, String)], name: &str) -> Option<&'a str> {
    args.iter()
        .find(|(k, v)| k == name && !v.is_empty())
        .map(|(_, v)| v.as_str())
}

pub(crate) fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// An optional sign and decimal digits, of any length: a value too large for `i64` is
/// still an integer (behaviours treat it as out of range, never as a type error).
pub(crate) fn is_integer(v: &str) -> bool {
    let digits = v.strip_prefix(['+', '-']).unwrap_or(v);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn type_ok(ty: ArgType, v: &str) -> bool {
    match ty {
        ArgType::String | ArgType::Array | ArgType::Any => true,
        ArgType::Integer => is_integer(v),
        ArgType::Boolean => parse_bool(v).is_some(),
        ArgType::Number => v.parse::<f64>().is_ok_and(f64::is_finite),
        ArgType::Object => {
            serde_json::from_str::<serde_json::Value>(v).is_ok_and(|j| j.is_object())
        }
    }
}

/// Required arguments, argument groups, then types; all problems reported at once.
fn validate_args(spec: &MethodSpec, args: &[(String, String)]) -> Option<Reply> {
    let mut messages = Vec::new();
    for a in spec.required_args() {
        if arg(args, &a.name).is_none() {
            messages.push(format!("[ERROR] missing required field: {}", a.name));
        }
    }
    for g in &spec.arg_groups {
        let given = g.args.iter().filter(|a| arg(args, a).is_some()).count();
        if g.required && given == 0 {
            messages.push(format!(
                "[ERROR] missing required field: one of {}",
                g.args.join(", ")
            ));
        }
        if g.mutually_exclusive && given > 1 {
            if g.args == ["text", "markdown_text"]
                && spec.errors.iter().any(|e| e == "markdown_text_conflict")
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
            if !type_ok(a.ty, value) {
                messages.push(format!(
                    "[ERROR] invalid type for field: {} (expected {})",
                    a.name,
                    a.ty.name()
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
///   authenticates, for every method); `application/json` → JSON object (a `token`
///   member does not authenticate); no content type → `missing_post_type`; any other
///   type (`text/plain`, `multipart/form-data`, one that is not visible ASCII, ...) →
///   `invalid_post_type`; a charset other than UTF-8 → `invalid_charset`; undecodable
///   form data or invalid UTF-8 → `invalid_form_data`; bad JSON → `invalid_json`; JSON
///   that is not an object → `json_not_object`.
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
    let charset_ok = params.all(|p| match p.split_once('=') {
        Some((k, v)) if k.trim().eq_ignore_ascii_case("charset") => {
            let v = v.trim().trim_matches('"');
            v.eq_ignore_ascii_case("utf-8") || v.eq_ignore_ascii_case("utf8")
        }
        _ => true,
    });
    match essence.as_str() {
        "application/x-www-form-urlencoded" => {
            if !charset_ok {
                input.error = Some("invalid_charset");
                return input;
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
        "application/json" => {
            input.json = true;
            if !charset_ok {
                input.error = Some("invalid_charset");
                return input;
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
    fn bearer() {
        let v = HeaderValue::from_static("Bearer xoxp-1");
        assert_eq!(bearer_token(&v), Some("xoxp-1"));
        let v = HeaderValue::from_static("bearer  xoxp-2 ");
        assert_eq!(bearer_token(&v), Some("xoxp-2"));
        assert_eq!(bearer_token(&HeaderValue::from_static("Basic abc")), None);
        assert_eq!(bearer_token(&HeaderValue::from_static("Bearer ")), None);
    }
}
