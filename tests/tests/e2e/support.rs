//! Helpers shared by the end-to-end tests, each defined once: tokens,
//! clients and retry policies, the emulator, wiremock, hand-written servers,
//! methods declared as a user would, log capture.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Deserialize;
use slackline::{
    DefaultSuccess, RateLimits, RetryPolicy, SlackClient, SlackClientBuilder, SlackError,
    SlackToken, TransportErrorKind, WithMeta, slack_method,
};
use slackline_mock::{MockSession, MockSlack, demo};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

// ---------------------------------------------------------------------------
// Tokens and names.

/// The method most tests call.
pub const RESET: &str = "admin.users.session.reset";

pub const INVALIDATE: &str = "admin.users.session.invalidate";

pub const LIST: &str = "admin.users.session.list";

/// The emulator's demo org admin (`admin.users:write`).
pub fn admin() -> SlackToken {
    SlackToken::new(slackline_mock::demo::ADMIN_TOKEN).unwrap()
}

/// A token whose secret part is easy to look for in outputs.
pub const SECRET: &str = "xoxp-1111-2222-topsecretvalue";

pub fn token() -> SlackToken {
    SlackToken::new(SECRET).unwrap()
}

pub fn tok(token: &str) -> SlackToken {
    SlackToken::new(token).unwrap()
}

// ---------------------------------------------------------------------------
// Clients and retry policies.

/// A client for `base` with no pacing and no retries: what a test sees is
/// exactly one request's outcome.
pub fn plain_client(base: &str) -> SlackClient {
    plain_builder(base).build().unwrap()
}

pub fn plain_builder(base: &str) -> SlackClientBuilder {
    SlackClient::builder()
        .base_url(base)
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::none())
}

pub fn unpaced(base_url: &str, policy: RetryPolicy) -> SlackClient {
    SlackClient::builder()
        .base_url(base_url)
        .rate_limits(RateLimits::off())
        .retry_policy(policy)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

pub fn retries(max_attempts: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(max_attempts)
        .backoff(Duration::from_millis(10), Duration::from_millis(50))
        .max_rate_limit_wait(Duration::from_secs(10))
}

// ---------------------------------------------------------------------------
// The emulator.

/// The demo org with rate limits off.
pub async fn emulator() -> MockSlack {
    emulator_with(0, slackline_mock::RateLimits::Off).await
}

/// The demo org with `members` extra members, rate limited as `limits` says.
pub async fn emulator_with(members: usize, limits: slackline_mock::RateLimits) -> MockSlack {
    MockSlack::builder()
        .demo_org()
        .members(members)
        .rate_limits(limits)
        .start()
        .await
        .unwrap()
}

pub fn ids(sessions: &[MockSession]) -> Vec<i64> {
    sessions.iter().map(|s| s.session_id).collect()
}

pub fn seeded(user: &str) -> Vec<i64> {
    demo::session_ids(user).unwrap().to_vec()
}

/// The kind of a transport error; `None` for any other error.
pub fn transport_kind(err: &SlackError) -> Option<TransportErrorKind> {
    match err {
        SlackError::Transport { kind, .. } => Some(*kind),
        _ => None,
    }
}

/// Asserts that `err` is a transport error of `kind`.
#[track_caller]
pub fn assert_transport(err: &SlackError, kind: TransportErrorKind) {
    assert_eq!(transport_kind(err), Some(kind), "{err:?}");
}

/// Unwraps an `ok: false` error, checking the method it names.
pub fn api_error<T: std::fmt::Debug>(
    result: Result<T, SlackError>,
    method: &str,
) -> (String, Option<String>, Option<String>, Vec<String>) {
    match result {
        Err(SlackError::Api {
            method: m,
            code,
            needed,
            provided,
            messages,
            ..
        }) => {
            assert_eq!(m, method);
            (code, needed, provided, messages.into_vec())
        }
        other => panic!("expected SlackError::Api from {method}, got {other:?}"),
    }
}

pub fn api_code<T: std::fmt::Debug>(result: Result<T, SlackError>, method: &str) -> String {
    api_error(result, method).0
}

// ---------------------------------------------------------------------------
// Methods declared here, as a user of slackline would.

/// One page of `admin.users.session.list`.
#[derive(Debug, Deserialize)]
pub struct SessionPage {
    pub active_sessions: Vec<ListedSession>,
    #[serde(default)]
    pub response_metadata: Option<PageMetadata>,
}

#[derive(Debug, Deserialize)]
pub struct PageMetadata {
    #[serde(default)]
    pub next_cursor: String,
}

#[derive(Debug, Deserialize)]
pub struct ListedSession {
    pub user_id: String,
    pub team_id: String,
    pub session_id: i64,
    pub created: Device,
}

#[derive(Debug, Deserialize)]
pub struct Device {
    pub device_hardware: String,
}

/// Methods of the `admin.users.session.*` family as a user might declare them
/// (some only to be rejected by the emulator).
#[allow(dead_code)]
pub trait SessionsAsDeclaredHere {
    /// Slack's current form of invalidate: by `user_id`.
    #[slack_method(
        "admin.users.session.invalidate",
        scope = "admin.users:write",
        tier = 2,
        idempotent
    )]
    async fn invalidate_for_user(
        &self,
        token: &SlackToken,
        user_id: &str,
        session_id: i64,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method(
        "admin.users.session.list",
        scope = "admin.users:read",
        tier = 2,
        idempotent
    )]
    async fn session_list(
        &self,
        token: &SlackToken,
        team_id: Option<&str>,
        user_id: Option<&str>,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<WithMeta<SessionPage>, SlackError>;

    #[slack_method("admin.users.session.reset", scope = "admin.users:write", tier = 2)]
    async fn reset_with_meta(
        &self,
        token: &SlackToken,
        user_id: &str,
    ) -> Result<WithMeta<DefaultSuccess>, SlackError>;

    /// Not a Slack method.
    #[slack_method("admin.users.session.explode", scope = "admin.users:write")]
    async fn session_explode(
        &self,
        token: &SlackToken,
        user_id: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    /// Leaves out the required `user_id` (`unchecked`: the macro would warn).
    #[slack_method("admin.users.session.reset", scope = "admin.users:write", unchecked)]
    async fn reset_without_user(
        &self,
        token: &SlackToken,
        mobile_only: Option<bool>,
    ) -> Result<DefaultSuccess, SlackError>;

    /// Leaves out `session_id` and both of `user_id` / `team_id`.
    #[slack_method(
        "admin.users.session.invalidate",
        scope = "admin.users:write",
        unchecked
    )]
    async fn invalidate_nothing(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    /// `session_id` as free text, so a non-integer can be sent.
    #[slack_method("admin.users.session.invalidate", scope = "admin.users:write")]
    async fn invalidate_text_id(
        &self,
        token: &SlackToken,
        user_id: &str,
        session_id: &str,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl SessionsAsDeclaredHere for SlackClient {}

// ---------------------------------------------------------------------------
// wiremock.

/// The base URL of a wiremock server (`/api/` under it).
pub fn api_base(server: &wiremock::MockServer) -> String {
    format!("{}/api/", server.uri())
}

pub async fn server_answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

pub fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(r#"{"ok":true}"#, "application/json")
}

pub fn header<'a>(request: &'a wiremock::Request, name: &str) -> &'a str {
    request
        .headers
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

pub async fn only_request(server: &MockServer) -> wiremock::Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "exactly one request expected");
    requests.remove(0)
}

// ---------------------------------------------------------------------------
// Servers written by hand, and bare HTTP.

/// A hand-written HTTP/1.1 server on 127.0.0.1 that can misbehave as no
/// library server would: each request is read whole (head and
/// `Content-Length` body), then `answer` gets the request's number (0 for
/// the first), its head and the stream, and writes whatever it likes. Returns the base
/// URL (`/api/` under it) and the count of requests read.
pub async fn hostile_server<F, Fut>(
    answer: F,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>)
where
    F: Fn(usize, String, tokio::net::TcpStream) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    let answer = Arc::new(answer);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let (answer, seen) = (answer.clone(), seen.clone());
            tokio::spawn(async move {
                if let Some((head, _)) = read_request(&mut stream).await {
                    let n = seen.fetch_add(1, Ordering::SeqCst);
                    answer(n, head, stream).await;
                }
            });
        }
    });
    (base, count)
}

/// Reads one request (head and `Content-Length` body, at most 16 MiB): its
/// head and its body.
pub async fn read_request(stream: &mut tokio::net::TcpStream) -> Option<(String, Vec<u8>)> {
    use tokio::io::AsyncReadExt;
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        if raw.len() > 16 << 20 {
            return None;
        }
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).into_owned();
    let body_len: usize = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or(0);
    let mut body = raw.split_off(head_end);
    while body.len() < body_len.min(16 << 20) {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => body.extend_from_slice(&buf[..n]),
        }
    }
    Some((head, body))
}

/// Writes a complete answer with a `Content-Length` body and closes.
pub async fn write_answer(
    mut stream: tokio::net::TcpStream,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) {
    use tokio::io::AsyncWriteExt;
    let mut head = format!("HTTP/1.1 {status} Hostile\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(body).await;
    let _ = stream.shutdown().await;
}

/// A server answering every request `429` with `retry_after`.
pub async fn always_429(
    retry_after: &'static str,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    hostile_server(move |_, _, stream| async move {
        write_answer(
            stream,
            429,
            &[
                ("Retry-After", retry_after),
                ("Content-Type", "application/json"),
            ],
            br#"{"ok":false,"error":"ratelimited"}"#,
        )
        .await
    })
    .await
}

/// An answer read off the wire by [`raw_http`].
#[derive(Debug)]
pub struct RawAnswer {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub body: Vec<u8>,
}

/// One bare HTTP/1.1 exchange with a server on 127.0.0.1, with no HTTP client
/// library in between: the request goes out exactly as given (plus `Host`,
/// `Content-Length` and `Connection: close`).
pub async fn raw_http(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<RawAnswer> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    assert!(addr.ip().is_loopback(), "tests only talk to 127.0.0.1");
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body).await?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    parse_http_answer(&raw).ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, "not an HTTP/1.1 answer")
    })
}

fn parse_http_answer(raw: &[u8]) -> Option<RawAnswer> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let mut rest = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let mut headers = http::HeaderMap::new();
    for line in lines {
        let (name, value) = line.split_once(':')?;
        headers.append(
            http::HeaderName::try_from(name.trim()).ok()?,
            http::HeaderValue::try_from(value.trim()).ok()?,
        );
    }
    if let Some(len) = headers
        .get("content-length")
        .and_then(|v| v.to_str().ok()?.parse().ok())
    {
        rest.truncate(len);
    }
    Some(RawAnswer {
        status,
        headers,
        body: rest,
    })
}

/// A custom transport that sends each request to `addr` with [`raw_http`],
/// leaving out the `Authorization` header when `strip_authorization`.
pub fn forwarding_transport(
    addr: std::net::SocketAddr,
    strip_authorization: bool,
) -> impl slackline::transport::Transport {
    use slackline::TransportErrorKind;
    use slackline::transport::{HttpRequest, HttpResponse, TransportError};
    move |request: HttpRequest| async move {
        let path = request
            .url
            .find("/api/")
            .map(|i| request.url[i..].to_owned())
            .ok_or_else(|| TransportError::new(TransportErrorKind::Other, "no /api/ in the URL"))?;
        let mut headers = Vec::new();
        for (name, value) in &request.headers {
            if strip_authorization && name == http::header::AUTHORIZATION {
                continue;
            }
            let value = value
                .to_str()
                .map_err(|e| TransportError::new(TransportErrorKind::Other, e.to_string()))?;
            headers.push((name.as_str().to_owned(), value.to_owned()));
        }
        let headers: Vec<(&str, &str)> = headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let answer = raw_http(
            addr,
            request.method.as_str(),
            &path,
            &headers,
            &request.body,
        )
        .await
        .map_err(|e| TransportError::new(TransportErrorKind::Closed, e.to_string()))?;
        let mut response = HttpResponse::json(answer.status, answer.body);
        response.headers = answer.headers;
        Ok(response)
    }
}

// ---------------------------------------------------------------------------
// Time limits and log capture.

/// No test here may take longer than this; the old, unbounded behaviour hits it.
pub const LIMIT: Duration = Duration::from_secs(15);

pub async fn bounded<T>(call: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(LIMIT, call)
        .await
        .expect("the call ended in bounded time")
}

/// A `MakeWriter` appending to a shared buffer.
#[derive(Clone, Default)]
pub struct Capture(pub Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Capture {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Sends a message on each `WARN` event (the client logs every retry at `WARN`).
pub struct OnWarn(pub tokio::sync::mpsc::UnboundedSender<String>);

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for OnWarn {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        if *event.metadata().level() == tracing::Level::WARN {
            struct Fields(String);
            impl tracing::field::Visit for Fields {
                fn record_debug(
                    &mut self,
                    field: &tracing::field::Field,
                    value: &dyn std::fmt::Debug,
                ) {
                    self.0.push_str(&format!("{}={value:?} ", field.name()));
                }
            }
            let mut fields = Fields(String::new());
            event.record(&mut fields);
            let _ = self.0.send(fields.0);
        }
    }
}

/// Keep the result alive while a test captures log events with a subscriber
/// of its own (thread-local or per future).
///
/// While a single subscriber exists, tracing decides whether anybody listens
/// to a log statement by asking only the subscriber of the thread that
/// reaches it first, and remembers the answer: a test running beside, without
/// a subscriber, would silence that statement for the capturing test too.
/// With a second subscriber alive, every subscriber is asked.
#[must_use]
pub fn ask_every_subscriber() -> tracing::Dispatch {
    tracing::Dispatch::new(tracing_subscriber::registry())
}
