//! The seam between slackline and HTTP.
//!
//! [`SlackClient`](crate::SlackClient) sends through reqwest by default. Give
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
