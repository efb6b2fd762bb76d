//! The seam between slackline and HTTP.
//!
//! [`SlackClient`](crate::SlackClient) sends through its built-in HTTP client
//! (hyper, or reqwest with the `reqwest` feature and without `hyper`). Give
//! the builder your own [`Transport`] to unit-test code that calls Slack
//! without any socket:
//!
//! ```
//! use slackline::transport::{HttpRequest, HttpResponse};
//! use slackline::{AdminUsersSessionApi, SlackClient, SlackToken};
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let client = SlackClient::builder()
//!     .transport(|request: HttpRequest| async move {
//!         assert_eq!(request.url, "https://slack.com/api/admin.users.session.reset");
//!         Ok(HttpResponse::json(200, r#"{"ok":false,"error":"not_an_admin"}"#))
//!     })
//!     .build()
//!     .unwrap();
//! let token = SlackToken::new("xoxp-test").unwrap();
//! let err = client.admin_users_session_reset(&token, "U1", None, None).await.unwrap_err();
//! assert_eq!(err.code(), Some("not_an_admin"));
//! # });
//! ```

use std::future::Future;
use std::pin::Pin;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Method};

use crate::error::TransportErrorKind;

/// A request ready to go on the wire.
///
/// The `Authorization` header value is marked sensitive, so `Debug` hides it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HttpRequest {
    /// `POST` or `GET`.
    pub method: Method,
    /// The full URL: the base URL joined with the Slack method name
    /// (plus the query string for `GET`).
    pub url: String,
    /// `Authorization`, `Content-Type` (for `POST`) and the client's defaults.
    pub headers: HeaderMap,
    /// The form-encoded arguments (empty for `GET`).
    pub body: Bytes,
    /// The Slack method this request calls.
    pub slack_method: &'static str,
}

/// An answer as it came off the wire.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The whole body.
    pub body: Bytes,
}

impl HttpResponse {
    /// An answer with a JSON body, for tests.
    pub fn json(status: u16, body: impl Into<Bytes>) -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        HttpResponse {
            status,
            headers,
            body: body.into(),
        }
    }
}

/// A failure below HTTP.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{kind}: {message}")]
pub struct TransportError {
    /// What kind of failure; decides whether a retry is safe.
    pub kind: TransportErrorKind,
    /// A description (never the token).
    pub message: String,
}

impl TransportError {
    /// A failure of the given kind.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError {
            kind,
            message: message.into(),
        }
    }
}

/// The future a [`Transport`] returns.
pub type TransportFuture<'a> =
    Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send + 'a>>;

/// Sends one HTTP request and reads the whole answer.
///
/// Retries, pacing and decoding happen above it; it only moves bytes. The
/// client refuses an answer whose body is over its
/// [`max_response_bytes`](crate::SlackClientBuilder::max_response_bytes)
/// once the transport returns it; a transport reading from a network should
/// stop reading at that cap itself.
/// Closures `Fn(HttpRequest) -> impl Future<Output = Result<HttpResponse, TransportError>>`
/// are transports.
pub trait Transport: Send + Sync + 'static {
    /// Sends `request`.
    fn send(&self, request: HttpRequest) -> TransportFuture<'_>;
}

impl<F, Fut> Transport for F
where
    F: Fn(HttpRequest) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<HttpResponse, TransportError>> + Send + 'static,
{
    fn send(&self, request: HttpRequest) -> TransportFuture<'_> {
        Box::pin(self(request))
    }
}

#[cfg(all(feature = "reqwest", not(feature = "hyper")))]
/// Maps a reqwest failure onto a kind, from the outermost cause inwards.
pub(crate) fn classify_reqwest(err: &reqwest::Error) -> TransportErrorKind {
    if err.is_connect() {
        return if err.is_timeout() {
            TransportErrorKind::ConnectTimeout
        } else {
            TransportErrorKind::Connect
        };
    }
    if err.is_timeout() {
        return TransportErrorKind::Timeout;
    }
    if err.is_request() || err.is_body() || err.is_decode() {
        return TransportErrorKind::Closed;
    }
    TransportErrorKind::Other
}

#[cfg(all(feature = "reqwest", not(feature = "hyper")))]
/// The error and its causes, joined: reqwest's top-level text alone rarely
/// says what happened.
pub(crate) fn describe(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// A body read one chunk at a time: what [`read_capped`] needs of a transport.
#[cfg(any(feature = "hyper", feature = "reqwest"))]
pub(crate) trait Chunks {
    /// The next chunk, `None` at the end.
    async fn next_chunk(&mut self) -> Result<Option<Bytes>, TransportError>;
}

/// Reads a body of at most `max` bytes, whatever the transport: refused at
/// once when `announced` (its `Content-Length`) is more, and reading stops as
/// soon as it grows past `max`. One buffer, sized from `announced` when known
/// and never grown past the cap; an answer arriving in one chunk (the usual
/// small answer) is handed on without a copy.
#[cfg(any(feature = "hyper", feature = "reqwest"))]
pub(crate) async fn read_capped(
    body: &mut impl Chunks,
    announced: Option<u64>,
    max: usize,
) -> Result<Bytes, TransportError> {
    use crate::client::too_large;
    if announced.is_some_and(|len| len > max as u64) {
        return Err(too_large(max));
    }
    let Some(first) = body.next_chunk().await? else {
        return Ok(Bytes::new());
    };
    if first.len() > max {
        return Err(too_large(max));
    }
    let Some(mut chunk) = body.next_chunk().await? else {
        return Ok(first);
    };
    let hint = announced.map_or(0, |len| usize::try_from(len).unwrap_or(max));
    let mut buf = Vec::with_capacity(hint.max(first.len() + chunk.len()).min(max));
    buf.extend_from_slice(&first);
    drop(first);
    loop {
        if chunk.len() > max - buf.len() {
            return Err(too_large(max));
        }
        if chunk.len() > buf.capacity() - buf.len() {
            // Grow by doubling, never past the cap.
            let room = chunk.len().max(buf.len()).min(max - buf.len());
            buf.reserve_exact(room);
        }
        buf.extend_from_slice(&chunk);
        match body.next_chunk().await? {
            Some(next) => chunk = next,
            None => return Ok(Bytes::from(buf)),
        }
    }
}
