//! `SlackClient`: one pooled HTTP client, pacing, retries, decoding.

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::header::{AUTHORIZATION, CONTENT_TYPE, HeaderName, USER_AGENT};
use http::{HeaderMap, HeaderValue, Method};
use tokio::sync::Semaphore;
use tokio::time::Instant;

use crate::SlackError;
use crate::encode::Form;
use crate::error::{TransportErrorKind, excerpt, kept};
#[cfg(feature = "hyper")]
use crate::hyper_transport::HyperTransport;
use crate::ratelimit::{BucketKey, RateLimits, WaitBudget, WorkspaceKey};
use crate::response::{FromSlackBody, decode};
use crate::retry::{Decision, Failure, RetryPolicy, Spent, rate_limit_wait};
use crate::spec::{HttpMethod, MethodSpec};
use crate::token::Auth;
use crate::transport::{HttpRequest, HttpResponse, Transport, TransportError};
#[cfg(all(feature = "reqwest", not(feature = "hyper")))]
use crate::transport::{classify_reqwest, describe};

/// Slack's Web API base URL.
pub const DEFAULT_BASE_URL: &str = "https://slack.com/api/";
/// The request timeout unless configured (the whole call: connect, send, read).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The connect timeout unless configured.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a kept-alive connection may sit idle unless configured.
pub const DEFAULT_POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);
/// Requests in flight at once per client unless configured (as Slack's Node SDK).
pub const DEFAULT_MAX_IN_FLIGHT: usize = 100;
/// The cap on an answer's body unless configured: far above any real Slack
/// answer (a page of messages with blocks is a few MB).
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;
/// The limit on a whole call unless configured: every attempt, backoff,
/// 429 wait and pacing wait included.
pub const DEFAULT_CALL_DEADLINE: Duration = Duration::from_secs(600);
/// The longest URL a `GET` call may send (base URL, method and query
/// string); longer ones are refused before sending, since servers and
/// proxies commonly refuse them.
pub const MAX_GET_URL_BYTES: usize = 8 * 1024;
/// Longest transport error description kept, in bytes.
const MESSAGE_LEN: usize = 400;

/// Why calls fail on a client built without an HTTP stack.
#[cfg(not(any(feature = "hyper", feature = "reqwest")))]
const NO_TRANSPORT: &str = "slackline was built without an HTTP transport (its `hyper` and `reqwest` features are off) and the client was given none: enable the feature or call `SlackClientBuilder::transport`";

const FORM_CONTENT_TYPE: HeaderValue =
    HeaderValue::from_static("application/x-www-form-urlencoded");

/// A Slack Web API client.
///
/// Cheap to clone: clones share one connection pool, one set of rate-limit
/// buckets and one in-flight cap. Tokens are passed per call, so one client
/// serves any number of workspaces. Slack methods are called through traits
/// declared with [`slack_method`](crate::slack_method), such as
/// [`AdminUsersSessionApi`](crate::AdminUsersSessionApi).
///
/// ```no_run
/// use slackline::{AdminUsersSessionApi, SlackClient, SlackToken};
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let client = SlackClient::new();
/// let token = SlackToken::new(std::env::var("SLACK_TOKEN")?)?;
/// client.admin_users_session_reset(&token, "U0123", None, Some(true)).await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct SlackClient {
    inner: Arc<Inner>,
}

struct Inner {
    base_url: String,
    backend: Backend,
    timeout: Duration,
    /// `None`: calls have no overall deadline.
    call_deadline: Option<Duration>,
    max_response_bytes: usize,
    retry: RetryPolicy,
    rate_limits: RateLimits,
    in_flight: Semaphore,
}

// One per client, inside its `Arc`: the size of the variants does not matter.
#[allow(clippy::large_enum_variant)]
enum Backend {
    #[cfg(feature = "hyper")]
    Hyper(HyperTransport),
    #[cfg(all(feature = "reqwest", not(feature = "hyper")))]
    Reqwest(reqwest::Client),
    /// A transport given to the builder, and the headers it is given with
    /// each request (built-in transports hold their own).
    Custom(Arc<dyn Transport>, HeaderMap),
    /// Built without an HTTP stack and given no transport: every call fails.
    #[cfg(not(any(feature = "hyper", feature = "reqwest")))]
    Missing,
}

/// Why a call made outside a Tokio runtime fails.
const NO_RUNTIME: &str = "slackline calls run inside a Tokio runtime with its time and I/O \
     drivers (`#[tokio::main]`, or a runtime built with `enable_all()`); this call was made \
     outside any";

impl SlackClient {
    /// The built-in transport, when this client sends through it.
    #[cfg(all(feature = "hyper", feature = "files"))]
    pub(crate) fn hyper_transport(&self) -> Option<&HyperTransport> {
        match &self.inner.backend {
            Backend::Hyper(transport) => Some(transport),
            _ => None,
        }
    }

    /// The built-in reqwest client, when this client sends through it.
    #[cfg(all(feature = "reqwest", not(feature = "hyper"), feature = "files"))]
    pub(crate) fn reqwest_client(&self) -> Option<&reqwest::Client> {
        match &self.inner.backend {
            Backend::Reqwest(client) => Some(client),
            _ => None,
        }
    }
}

impl fmt::Debug for SlackClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("SlackClient")
            .field("base_url", &inner.base_url)
            .field(
                "transport",
                &match inner.backend {
                    #[cfg(feature = "hyper")]
                    Backend::Hyper(_) => "hyper",
                    #[cfg(all(feature = "reqwest", not(feature = "hyper")))]
                    Backend::Reqwest(_) => "reqwest",
                    Backend::Custom(..) => "custom",
                    #[cfg(not(any(feature = "hyper", feature = "reqwest")))]
                    Backend::Missing => "none",
                },
            )
            .field("timeout", &inner.timeout)
            .field("call_deadline", &inner.call_deadline)
            .field("max_response_bytes", &inner.max_response_bytes)
            .field("retry", &inner.retry)
            .field("rate_limits", &inner.rate_limits)
            .finish_non_exhaustive()
    }
}

impl Default for SlackClient {
    fn default() -> Self {
        Self::new()
    }
}

/// Gives declared Slack methods the client to run on.
///
/// Implemented for [`SlackClient`]; implement it for your own types that
/// hold one to call Slack methods on them directly.
pub trait AsSlackClient: Sync {
    /// The client calls go through.
    fn slack_client(&self) -> &SlackClient;
}

impl AsSlackClient for SlackClient {
    #[inline]
    fn slack_client(&self) -> &SlackClient {
        self
    }
}

impl SlackClient {
    /// A client for `https://slack.com/api/` with the default settings.
    ///
    /// # Panics
    /// If the TLS backend cannot be initialised.
    pub fn new() -> Self {
        match Self::builder().build() {
            Ok(client) => client,
            Err(err) => panic!("cannot build the default Slack client: {err}"),
        }
    }

    /// Starts configuring a client.
    pub fn builder() -> SlackClientBuilder {
        SlackClientBuilder::default()
    }

    /// The base URL method names are joined to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// The pacing configuration.
    pub fn rate_limits(&self) -> &RateLimits {
        &self.inner.rate_limits
    }

    /// Runs one call of a declared method. Generated code reaches it through
    /// `__private::call` (`call_without_token`, `call_with_credentials` for
    /// methods called without a token); the arguments are already encoded.
    pub(crate) async fn execute<T: FromSlackBody>(
        &self,
        spec: &'static MethodSpec,
        auth: Auth<'_>,
        form: Form,
    ) -> Result<T, SlackError> {
        // A method limited per channel is paced per channel.
        let channel = if spec.tier.per_channel() {
            form_value(form.as_str(), "channel")
        } else {
            None
        };
        let (url, body) = self.prepare(spec, form)?;
        let answer = self
            .send_with_retries(spec, auth, channel, &url, body)
            .await?;
        decode::<T>(spec, auth.token(), &answer.headers, &answer.body)
    }

    fn prepare(
        &self,
        spec: &'static MethodSpec,
        form: Form,
    ) -> Result<(String, Bytes), SlackError> {
        #[cfg(not(any(feature = "hyper", feature = "reqwest")))]
        if matches!(self.inner.backend, Backend::Missing) {
            return Err(SlackError::InvalidInput {
                method: Some(spec.name),
                message: NO_TRANSPORT.to_owned(),
            });
        }
        // Timers and sockets need a Tokio runtime: without one, a typed
        // error here instead of tokio's panic at the first timer.
        if tokio::runtime::Handle::try_current().is_err() {
            return Err(SlackError::InvalidInput {
                method: Some(spec.name),
                message: NO_RUNTIME.to_owned(),
            });
        }
        let body = form.finish().map_err(|message| SlackError::InvalidInput {
            method: Some(spec.name),
            message,
        })?;
        let base = &self.inner.base_url;
        // Two copies into one exact allocation (`format!` costs more per call).
        let url = |query: &str| {
            let mut url = String::with_capacity(base.len() + spec.name.len() + query.len() + 1);
            url.push_str(base);
            url.push_str(spec.name);
            if !query.is_empty() {
                url.push('?');
                url.push_str(query);
            }
            url
        };
        Ok(match spec.http {
            HttpMethod::Post => (url(""), Bytes::from(body)),
            HttpMethod::Get if body.is_empty() => (url(""), Bytes::new()),
            HttpMethod::Get => {
                let len = base.len() + spec.name.len() + 1 + body.len();
                if len > MAX_GET_URL_BYTES {
                    // Sizes only: argument values never go into an error.
                    return Err(SlackError::InvalidInput {
                        method: Some(spec.name),
                        message: format!(
                            "the arguments make a {len}-byte GET URL, over the {MAX_GET_URL_BYTES}-byte limit; declare the method without `http = \"GET\"` to send them in a POST body"
                        ),
                    });
                }
                (url(&body), Bytes::new())
            }
        })
    }

    /// Sends until an answer is final. Every wait is bounded: attempts and
    /// 429 retries are counted and the waits capped by the retry policy
    /// ([`RetryPolicy::decide`]), pacing waits by the policy and the call's
    /// deadline, each attempt by the timeout (or the time left).
    async fn send_with_retries(
        &self,
        spec: &'static MethodSpec,
        auth: Auth<'_>,
        channel: Option<Box<str>>,
        url: &str,
        body: Bytes,
    ) -> Result<HttpResponse, SlackError> {
        let inner = &*self.inner;
        let policy = &inner.retry;
        let limits = &inner.rate_limits;
        let deadline = inner
            .call_deadline
            .and_then(|limit| Instant::now().checked_add(limit));
        let time_left = || deadline.map(|at| at.saturating_duration_since(Instant::now()));
        let bucket = limits.quota_for(spec).map(|quota| {
            let key = BucketKey {
                method: spec.name,
                workspace: auth.token().map_or(WorkspaceKey::App, WorkspaceKey::of),
                channel,
            };
            (key, quota)
        });
        let mut spent = Spent::default();
        // Set when the pacer is to wait out this call's own 429.
        let mut after_429 = false;
        loop {
            if let Some((bucket, quota)) = &bucket {
                let budget = WaitBudget {
                    pause: if policy.retry_rate_limited {
                        policy
                            .max_rate_limit_wait
                            .saturating_sub(spent.rate_limit_waited)
                    } else {
                        Duration::ZERO
                    },
                    total: time_left(),
                };
                let started = after_429.then(Instant::now);
                if let Err(retry_after) = limits.acquire_at(*quota, spec, bucket, budget).await {
                    return Err(SlackError::RateLimited {
                        method: spec.name,
                        retry_after,
                    });
                }
                if let Some(started) = started {
                    spent.rate_limit_waited += started.elapsed();
                    after_429 = false;
                }
            }
            let outcome = self
                .send_in_flight(spec, auth, url, &body, time_left())
                .await;
            let (failure, error) = match outcome {
                Ok(answer) if answer.status == 200 => return Ok(answer),
                Ok(answer) if answer.status == 429 => {
                    let asked = retry_after(&answer.headers);
                    let wait = rate_limit_wait(asked);
                    if let Some((bucket, _)) = &bucket {
                        limits.pause(spec, bucket, wait).await;
                    }
                    spent.rate_limited += 1;
                    let error = SlackError::RateLimited {
                        method: spec.name,
                        retry_after: wait,
                    };
                    (Failure::RateLimited { retry_after: asked }, error)
                }
                Ok(answer) => {
                    spent.attempts += 1;
                    let asked = retry_after(&answer.headers);
                    let error = SlackError::Http {
                        method: spec.name,
                        status: answer.status,
                        retry_after: asked,
                        body: excerpt(&answer.body, auth.token()),
                    };
                    let failure = Failure::Status {
                        status: answer.status,
                        retry_after: asked,
                    };
                    (failure, error)
                }
                Err(err) => {
                    spent.attempts += 1;
                    let error = SlackError::Transport {
                        method: spec.name,
                        kind: err.kind,
                        message: kept(&err.message, auth.token(), MESSAGE_LEN),
                    };
                    (Failure::Transport(err.kind), error)
                }
            };
            spent.time_left = time_left();
            let wait = match policy.decide(failure, spec.idempotent, &spent) {
                Decision::GiveUp => return Err(error),
                Decision::RetryAfter(wait) => wait,
            };
            if let Failure::RateLimited { .. } = failure {
                tracing::warn!(
                    method = spec.name,
                    retry_after_ms = wait.as_millis() as u64,
                    rate_limited = spent.rate_limited,
                    "rate limited by Slack (429); retrying after Retry-After"
                );
                if bucket.is_some() {
                    // The bucket is paused: the pacer waits it out, for every caller.
                    after_429 = true;
                    continue;
                }
                let started = Instant::now();
                tokio::time::sleep(wait).await;
                spent.rate_limit_waited += started.elapsed();
            } else {
                tracing::warn!(
                    method = spec.name,
                    attempt = spent.attempts,
                    max_attempts = policy.max_attempts,
                    wait_ms = wait.as_millis() as u64,
                    error = %error,
                    "Slack call failed; retrying"
                );
                tokio::time::sleep(wait).await;
            }
        }
    }

    /// One attempt, holding one of the client's in-flight permits; the wait
    /// for a permit and the attempt itself end by the deadline.
    async fn send_in_flight(
        &self,
        spec: &'static MethodSpec,
        auth: Auth<'_>,
        url: &str,
        body: &Bytes,
        time_left: Option<Duration>,
    ) -> Result<HttpResponse, TransportError> {
        let inner = &*self.inner;
        let deadline_passed = || {
            TransportError::new(
                TransportErrorKind::Timeout,
                format!(
                    "the call's deadline ({:?}) passed",
                    inner.call_deadline.unwrap_or_default()
                ),
            )
        };
        // Only a limit shorter than the timeout needs anything done per attempt.
        let limit = time_left.filter(|left| *left < inner.timeout);
        if limit.is_some_and(|left| left.is_zero()) {
            return Err(deadline_passed());
        }
        // Closed only if the client is gone, which cannot happen while borrowed.
        let _permit = match inner.in_flight.try_acquire() {
            Ok(permit) => Some(permit),
            Err(_) => match time_left {
                None => inner.in_flight.acquire().await.ok(),
                Some(left) => tokio::time::timeout(left, inner.in_flight.acquire())
                    .await
                    .map_err(|_| deadline_passed())?
                    .ok(),
            },
        };
        let result = self.send_once(spec, auth, url, body.clone(), limit).await;
        match result {
            Err(err) if limit.is_some() && err.kind == TransportErrorKind::Timeout => {
                Err(deadline_passed())
            }
            other => other,
        }
    }

    async fn send_once(
        &self,
        spec: &'static MethodSpec,
        auth: Auth<'_>,
        url: &str,
        body: Bytes,
        timeout: Option<Duration>,
    ) -> Result<HttpResponse, TransportError> {
        let method = match spec.http {
            HttpMethod::Post => Method::POST,
            HttpMethod::Get => Method::GET,
        };
        let max_body = self.inner.max_response_bytes;
        match &self.inner.backend {
            #[cfg(feature = "hyper")]
            Backend::Hyper(transport) => {
                let content_type = (spec.http == HttpMethod::Post).then_some(FORM_CONTENT_TYPE);
                let timeout = timeout.unwrap_or(self.inner.timeout);
                transport
                    .send(
                        method,
                        url,
                        auth.header(),
                        content_type,
                        body,
                        timeout,
                        max_body,
                    )
                    .await
            }
            #[cfg(all(feature = "reqwest", not(feature = "hyper")))]
            Backend::Reqwest(client) => {
                let mut request = client.request(method, url);
                if let Some(header) = auth.header() {
                    request = request.header(AUTHORIZATION, header.clone());
                }
                if spec.http == HttpMethod::Post {
                    request = request.header(CONTENT_TYPE, FORM_CONTENT_TYPE).body(body);
                }
                if let Some(timeout) = timeout {
                    request = request.timeout(timeout);
                }
                let mut response = request.send().await.map_err(reqwest_error)?;
                let status = response.status().as_u16();
                let headers = std::mem::take(response.headers_mut());
                let body = read_body(&mut response, max_body).await?;
                Ok(HttpResponse {
                    status,
                    headers,
                    body,
                })
            }
            Backend::Custom(transport, headers) => {
                let mut headers = headers.clone();
                if let Some(header) = auth.header() {
                    headers.insert(AUTHORIZATION, header.clone());
                }
                if spec.http == HttpMethod::Post {
                    headers.insert(CONTENT_TYPE, FORM_CONTENT_TYPE);
                }
                let request = HttpRequest {
                    method,
                    url: url.to_owned(),
                    headers,
                    body,
                    slack_method: spec.name,
                };
                let timeout = timeout.unwrap_or(self.inner.timeout);
                let answer = match tokio::time::timeout(timeout, transport.send(request)).await {
                    Ok(result) => result?,
                    Err(_) => {
                        return Err(TransportError::new(
                            TransportErrorKind::Timeout,
                            format!("no answer within {timeout:?}"),
                        ));
                    }
                };
                if answer.body.len() > max_body {
                    return Err(too_large(max_body));
                }
                Ok(answer)
            }
            // `execute` refuses such calls before they get here.
            #[cfg(not(any(feature = "hyper", feature = "reqwest")))]
            Backend::Missing => Err(TransportError::new(TransportErrorKind::Other, NO_TRANSPORT)),
        }
    }
}

/// The value of `name` in an encoded form, as encoded (a bucket key needs
/// no decoding).
fn form_value(form: &str, name: &str) -> Option<Box<str>> {
    form.split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .map(Box::from)
}

#[cfg(all(feature = "reqwest", not(feature = "hyper")))]
/// A reqwest failure, described without its URL: a `GET` URL holds the
/// call's arguments.
fn reqwest_error(err: reqwest::Error) -> TransportError {
    let err = err.without_url();
    TransportError::new(classify_reqwest(&err), describe(&err))
}

pub(crate) fn too_large(max: usize) -> TransportError {
    TransportError::new(
        TransportErrorKind::BodyTooLarge,
        format!(
            "the answer's body is larger than the {max}-byte cap (SlackClientBuilder::max_response_bytes)"
        ),
    )
}

#[cfg(all(feature = "reqwest", not(feature = "hyper")))]
/// Reads a body of at most `max` bytes (see [`read_capped`](crate::transport::read_capped)).
pub(crate) async fn read_body(
    response: &mut reqwest::Response,
    max: usize,
) -> Result<Bytes, TransportError> {
    let announced = response.content_length();
    crate::transport::read_capped(response, announced, max).await
}

#[cfg(all(feature = "reqwest", not(feature = "hyper")))]
impl crate::transport::Chunks for reqwest::Response {
    async fn next_chunk(&mut self) -> Result<Option<Bytes>, TransportError> {
        self.chunk().await.map_err(reqwest_error)
    }
}

/// `Retry-After` in seconds (Slack sends whole seconds; fractions accepted),
/// at most a day.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    let secs: f64 = text.trim().parse().ok()?;
    let max = crate::retry::MAX_RETRY_AFTER.as_secs_f64();
    // A wait too long to write (`1e400`, `inf`) is the longest wait believed, not none.
    (secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(max)))
}

/// Configures a [`SlackClient`].
///
/// ```
/// use std::time::Duration;
/// use slackline::SlackClient;
/// let client = SlackClient::builder()
///     .base_url("http://127.0.0.1:3000/api/")
///     .timeout(Duration::from_secs(10))
///     .user_agent_suffix("incident-bot/1.2")
///     .build()?;
/// assert_eq!(client.base_url(), "http://127.0.0.1:3000/api/");
/// assert!(SlackClient::builder().base_url("http://example.com/api/").build().is_err());
/// # Ok::<(), slackline::SlackError>(())
/// ```
#[must_use]
pub struct SlackClientBuilder {
    base_url: String,
    timeout: Duration,
    connect_timeout: Duration,
    call_deadline: Option<Duration>,
    max_response_bytes: usize,
    user_agent_suffix: Option<String>,
    default_headers: Vec<(String, String)>,
    retry: RetryPolicy,
    /// `None`: Slack's tiers, or no pacing over a custom transport.
    rate_limits: Option<RateLimits>,
    max_in_flight: usize,
    transport: Option<Arc<dyn Transport>>,
    /// DER certificates trusted besides the webpki roots.
    root_certificates: Vec<Vec<u8>>,
    pool_idle_timeout: Duration,
}

impl fmt::Debug for SlackClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SlackClientBuilder")
            .field("base_url", &without_password(&self.base_url))
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("call_deadline", &self.call_deadline)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("user_agent_suffix", &self.user_agent_suffix)
            .field("retry", &self.retry)
            .field("rate_limits", &self.rate_limits)
            .field("max_in_flight", &self.max_in_flight)
            .field("root_certificates", &self.root_certificates.len())
            .field("pool_idle_timeout", &self.pool_idle_timeout)
            .finish_non_exhaustive()
    }
}

impl Default for SlackClientBuilder {
    fn default() -> Self {
        SlackClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            call_deadline: Some(DEFAULT_CALL_DEADLINE),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            user_agent_suffix: None,
            default_headers: Vec::new(),
            retry: RetryPolicy::default(),
            rate_limits: None,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            transport: None,
            root_certificates: Vec::new(),
            pool_idle_timeout: DEFAULT_POOL_IDLE_TIMEOUT,
        }
    }
}

impl SlackClientBuilder {
    /// The base URL method names are joined to (default
    /// `https://slack.com/api/`; a missing trailing `/` is added). `http://`
    /// is accepted only for loopback hosts, since the token would travel in
    /// clear text.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Reads the base URL from `SLACK_API_URL` when it is set and non-empty.
    pub fn base_url_from_env(self) -> Self {
        match std::env::var("SLACK_API_URL") {
            Ok(url) if !url.trim().is_empty() => self.base_url(url.trim()),
            _ => self,
        }
    }

    /// The limit for a whole call attempt: connect, send, read (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The limit for establishing a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long a kept-alive connection may sit idle in the pool before it
    /// is closed (default 90 s), HTTP/1.1 and HTTP/2 alike. Idle connections
    /// are closed within a third of this after it passes, even if no call
    /// comes. `Duration::ZERO` turns reuse off: every call opens a connection.
    pub fn pool_idle_timeout(mut self, timeout: Duration) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// Trusts `der` (a DER-encoded X.509 certificate) as a root for TLS,
    /// besides the webpki roots the client always trusts: for a network
    /// whose TLS-inspecting gateway signs with its own CA, or a test server.
    /// It applies to the built-in transport (the API calls and the upload
    /// step of `SlackClient::upload_file`); a certificate that does not
    /// parse fails [`build`](Self::build).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let gateway_ca = std::fs::read("/etc/ssl/gateway-ca.der")?;
    /// let client = slackline::SlackClient::builder()
    ///     .add_root_certificate(gateway_ca)
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    pub fn add_root_certificate(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.root_certificates.push(der.into());
        self
    }

    /// The limit for a whole call (default 10 minutes): every attempt,
    /// backoff, 429 wait and wait for a pacing slot. A wait that would end
    /// past it is not started: the call fails at once with
    /// [`SlackError::RateLimited`] (a slot or pause further away than the
    /// time left) or the last attempt's error; an attempt running into it
    /// fails as a `timeout`. `Duration::MAX` removes the limit.
    ///
    /// ```
    /// use std::time::Duration;
    /// let client = slackline::SlackClient::builder()
    ///     .call_deadline(Duration::from_secs(20)) // an interactive command
    ///     .build()?;
    /// # Ok::<(), slackline::SlackError>(())
    /// ```
    pub fn call_deadline(mut self, deadline: Duration) -> Self {
        self.call_deadline = (deadline != Duration::MAX).then_some(deadline);
        self
    }

    /// The most bytes read of an answer's body (default 16 MiB). A longer
    /// answer (announced by `Content-Length` or not) fails the call with a
    /// `body_too_large` [`SlackError::Transport`] error as soon as it passes
    /// the cap, and is never retried. At least 1 KiB.
    pub fn max_response_bytes(mut self, max: usize) -> Self {
        self.max_response_bytes = max.max(1024);
        self
    }

    /// Appended to the `User-Agent` after `slackline/<version>`, e.g. `my-app/1.0`.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// A header sent with every request of the built-in transport, the upload
    /// step of `upload_file` (to the upload URL Slack names) included.
    /// `Authorization` cannot be set here.
    pub fn default_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.default_headers.push((name.into(), value.into()));
        self
    }

    /// The retry policy (default [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Pacing (default [`RateLimits::slack_tiers`]; [`RateLimits::off`] for
    /// a client built with [`transport`](Self::transport)).
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.rate_limits = Some(limits);
        self
    }

    /// The most requests in flight at once (default 100; at least 1).
    pub fn max_in_flight(mut self, max: usize) -> Self {
        self.max_in_flight = max.max(1);
        self
    }

    /// Sends through `transport` instead of the built-in HTTP client (for
    /// tests of your code).
    ///
    /// Such a client starts with pacing **off**: a test of your code should
    /// not wait out Slack's real tiers (25 `conversations.list` calls would
    /// take a minute). Turn it on with
    /// [`rate_limits`](Self::rate_limits)`(RateLimits::slack_tiers())` to
    /// test pacing itself (under `tokio::time::pause`, it costs no time).
    pub fn transport(mut self, transport: impl Transport) -> Self {
        self.transport = Some(Arc::new(transport));
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    /// [`SlackError::InvalidInput`] for a base URL that is not absolute
    /// `https://` (or `http://` on a loopback host), or an invalid header.
    pub fn build(self) -> Result<SlackClient, SlackError> {
        let config_error = |message: String| SlackError::InvalidInput {
            method: None,
            message,
        };
        let base_url = checked_base_url(&self.base_url).map_err(config_error)?;

        let mut user_agent = format!("slackline/{}", env!("CARGO_PKG_VERSION"));
        if let Some(suffix) = self
            .user_agent_suffix
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            user_agent.push(' ');
            user_agent.push_str(suffix.trim());
        }
        let mut headers = HeaderMap::new();
        headers.insert(
            USER_AGENT,
            HeaderValue::try_from(&user_agent)
                .map_err(|_| config_error(format!("invalid User-Agent suffix: {user_agent:?}")))?,
        );
        for (name, value) in &self.default_headers {
            let name = HeaderName::try_from(name.as_str())
                .map_err(|_| config_error(format!("invalid header name {name:?}")))?;
            if name == AUTHORIZATION {
                return Err(config_error(
                    "the Authorization header comes from the token of each call".to_owned(),
                ));
            }
            let value = HeaderValue::try_from(value.as_str())
                .map_err(|_| config_error(format!("invalid value for header {name}")))?;
            headers.append(name, value);
        }

        let rate_limits = match (self.rate_limits, &self.transport) {
            (Some(limits), _) => limits,
            (None, Some(_)) => RateLimits::off(),
            (None, None) => RateLimits::slack_tiers(),
        };
        let backend = match self.transport {
            Some(transport) => Backend::Custom(transport, headers),
            #[cfg(not(any(feature = "hyper", feature = "reqwest")))]
            None => Backend::Missing,
            #[cfg(feature = "hyper")]
            None => Backend::Hyper(
                HyperTransport::new(
                    &base_url,
                    headers,
                    self.connect_timeout,
                    self.pool_idle_timeout,
                    &self.root_certificates,
                )
                .map_err(config_error)?,
            ),
            #[cfg(all(feature = "reqwest", not(feature = "hyper")))]
            None => Backend::Reqwest(
                self.root_certificates
                    .iter()
                    .enumerate()
                    .try_fold(reqwest::Client::builder(), |builder, (n, der)| {
                        let certificate = reqwest::Certificate::from_der(der).map_err(|e| {
                            config_error(format!(
                                "root certificate {} is not a DER certificate: {}",
                                n + 1,
                                describe(&e)
                            ))
                        })?;
                        Ok::<_, SlackError>(builder.add_root_certificate(certificate))
                    })?
                    .use_rustls_tls()
                    .redirect(reqwest::redirect::Policy::none())
                    .timeout(self.timeout)
                    .connect_timeout(self.connect_timeout)
                    .default_headers(headers)
                    .pool_idle_timeout(self.pool_idle_timeout)
                    .tcp_nodelay(true)
                    .build()
                    .map_err(|e| {
                        config_error(format!("cannot build the HTTP client: {}", describe(&e)))
                    })?,
            ),
        };
        Ok(SlackClient {
            inner: Arc::new(Inner {
                base_url,
                backend,
                timeout: self.timeout,
                call_deadline: self.call_deadline,
                max_response_bytes: self.max_response_bytes,
                retry: self.retry,
                rate_limits,
                in_flight: Semaphore::new(self.max_in_flight.min(Semaphore::MAX_PERMITS)),
            }),
        })
    }
}

/// What is shown instead of a URL that may hold a password where it cannot be cut out.
const NOT_SHOWN: &str = "(not shown: it contains `@`)";

/// `raw` as `Debug` may show it: a password in it is masked.
pub(crate) fn without_password(raw: &str) -> String {
    let Some((scheme, rest)) = raw.split_once("://") else {
        return if raw.contains('@') {
            NOT_SHOWN.to_owned()
        } else {
            raw.to_owned()
        };
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => raw.to_owned(),
        },
        None if tail.contains('@') => NOT_SHOWN.to_owned(),
        None => raw.to_owned(),
    }
}

/// Validates a base URL and gives it a trailing slash.
///
/// Parsed with `http::Uri`, the parser the transport sends with, so what is
/// checked here is what is dialled.
fn checked_base_url(raw: &str) -> Result<String, String> {
    // The text is echoed only when it cannot hold a password.
    let shown = if raw.contains('@') {
        NOT_SHOWN.to_owned()
    } else {
        format!("{raw:?}")
    };
    let invalid = |why: &dyn fmt::Display| format!("invalid base URL {shown}: {why}");
    let uri: http::Uri = raw.parse().map_err(|e| invalid(&e))?;
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return Err(invalid(&"not an absolute URL"));
    };
    if authority.as_str().contains('@') {
        // It would be sent as `Authorization: Basic` beside the token, and shown by Debug.
        return Err(
            "the base URL must not contain a user name or password (`user:pass@`)".to_owned(),
        );
    }
    if uri.query().is_some() || raw.contains('#') {
        return Err(format!(
            "the base URL {shown} must not have a query or fragment"
        ));
    }
    let host = authority.host();
    if host.is_empty() {
        return Err(invalid(&"no host"));
    }
    // Without credentials the authority is `host[:port]`.
    let port_text = &authority.as_str()[host.len()..];
    if !port_text.is_empty() && authority.port_u16().is_none() {
        return Err(invalid(&"bad port"));
    }
    let scheme = scheme.to_ascii_lowercase();
    match scheme.as_str() {
        "https" => {}
        "http" if is_loopback(host) => {}
        "http" => {
            return Err(format!(
                "refusing plain-text http:// to {host:?}: the token would travel unencrypted; use https:// (http:// is allowed only for loopback hosts)"
            ));
        }
        other => return Err(format!("unsupported URL scheme {other:?} in base URL")),
    }
    let mut text = format!(
        "{scheme}://{}{}",
        authority.as_str().to_ascii_lowercase(),
        uri.path()
    );
    if !text.ends_with('/') {
        text.push('/');
    }
    Ok(text)
}

/// `localhost`, `127.x.y.z` or `[::1]` (as `http::Uri` gives hosts: IPv6 in brackets).
pub(crate) fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let ip = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => v6.parse::<std::net::Ipv6Addr>().map(IpAddr::V6),
        None => host.parse::<std::net::Ipv4Addr>().map(IpAddr::V4),
    };
    ip.is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(
            checked_base_url("https://slack.com/api").unwrap(),
            "https://slack.com/api/"
        );
        assert_eq!(
            checked_base_url("http://127.0.0.1:3000/api/").unwrap(),
            "http://127.0.0.1:3000/api/"
        );
        assert!(checked_base_url("http://localhost:1/api/").is_ok());
        assert!(checked_base_url("http://[::1]:1/api/").is_ok());
        assert!(checked_base_url("http://127.8.9.10/").is_ok());
        assert_eq!(
            checked_base_url("HTTPS://Slack.COM").unwrap(),
            "https://slack.com/"
        );
        for bad in [
            "http://example.com/api/",
            "http://10.0.0.1/api/",
            "ftp://x/",
            "not a url",
            "/api/",
            "https://x/?a=b",
            "https://x/api/#f",
            "https://user:pass@slack.com/api/",
            "https://user@slack.com/api/",
            "http://user:pass@127.0.0.1:1/api/",
            "http://127.0.0.1@example.com/api/",
            "http://127.0.0.1:99999/api/",
            "http://127.0.0.1.example.com/api/",
            "http://[::2]/api/",
        ] {
            assert!(checked_base_url(bad).is_err(), "{bad}");
        }
    }

    #[tokio::test]
    async fn a_custom_transport_gets_the_user_agent_default_headers_and_token() {
        use crate::AdminUsersSessionApi;
        let seen = Arc::new(std::sync::Mutex::new(None));
        let client = SlackClient::builder()
            .user_agent_suffix("bot/1")
            .default_header("x-source", "tests")
            .transport({
                let seen = seen.clone();
                move |request: HttpRequest| {
                    *seen.lock().unwrap() = Some(request.headers);
                    async { Ok(HttpResponse::json(200, r#"{"ok":true}"#)) }
                }
            })
            .build()
            .unwrap();
        let token = crate::SlackToken::new("xoxp-headers").unwrap();
        client
            .admin_users_session_reset(&token, "U1", None, None)
            .await
            .unwrap();
        let headers = seen.lock().unwrap().take().unwrap();
        let user_agent = headers[USER_AGENT].to_str().unwrap();
        assert!(user_agent.starts_with("slackline/"), "{user_agent}");
        assert!(user_agent.ends_with(" bot/1"), "{user_agent}");
        assert_eq!(headers["x-source"], "tests");
        assert_eq!(headers[AUTHORIZATION], "Bearer xoxp-headers");
        assert_eq!(headers[CONTENT_TYPE], FORM_CONTENT_TYPE);
    }

    #[test]
    fn form_values() {
        let form = "channel=C1%2B&text=a&xchannel=no";
        assert_eq!(form_value(form, "channel").as_deref(), Some("C1%2B"));
        assert_eq!(
            form_value("text=a&channel=C2", "channel").as_deref(),
            Some("C2")
        );
        assert_eq!(form_value("xchannel=no", "channel"), None);
        assert_eq!(form_value("", "channel"), None);
    }

    #[test]
    fn retry_after_parsing() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static("3"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(3)));
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None);
        for endless in ["1e400", "inf", "99999999999999999999999"] {
            headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static(endless));
            assert_eq!(retry_after(&headers), Some(crate::retry::MAX_RETRY_AFTER));
        }
        for bad in ["-1", "NaN", "-inf"] {
            headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static(bad));
            assert_eq!(retry_after(&headers), None);
        }
    }
}
