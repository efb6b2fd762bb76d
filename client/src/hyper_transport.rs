//! The built-in HTTP transport: hyper's connections over rustls, driven by
//! the caller's own task.
//!
//! One call is one `http::Request` written on a pooled connection. An
//! HTTP/1.1 connection is no background task: the call that holds it polls it
//! while it waits for the answer, so the request is written and the answer
//! read on the caller's thread, with no hand-off to a connection task and
//! back (the hand-off is most of what a call costs on a fast network). A
//! connection goes back to the pool once its answer has been read to the end;
//! a call dropped half-way drops its connection, which closes it. HTTP/2 (when
//! a TLS server offers it by ALPN) multiplexes many calls on one connection,
//! so that connection runs as a task of its own, pinged every 20 s; a call
//! given up on it (its timeout, or its caller gone) takes it out of the pool,
//! since a connection gone silent may be why, and the next call opens
//! another. A request a connection gives back unsent goes out on another
//! connection, or fails as `Connect` (never sent, so safe to retry).
//! Connections of both kinds idle past the pool's idle timeout are closed by
//! a task that runs while the pool holds any.
//!
//! No URL re-parsing beyond one `Uri`, no middleware stack, no redirect
//! machinery (redirects are never followed). DNS, the connect timeout and TLS
//! come from hyper-util's and hyper-rustls' connectors; the whole-attempt
//! timeout is one tokio timer per attempt, and the body is read under the
//! client's size cap.

use std::collections::VecDeque;
use std::error::Error as StdError;
use std::future::{Future, poll_fn};
use std::io;
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::uri::{Authority, Scheme};
use http::{HeaderMap, HeaderValue, Method, Request, Uri};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::client::conn::{http1, http2};
use hyper::rt::Executor as _;
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder, MaybeHttpsStream};
use hyper_util::client::legacy::connect::{Connection as _, HttpConnector};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use tower_service::Service as _;

use crate::error::TransportErrorKind;
use crate::transport::{Chunks, HttpResponse, TransportError, read_capped};

/// How often idle connections are looked over at most (and at least
/// three times per idle timeout).
const REAP_EVERY_MAX: Duration = Duration::from_secs(30);

/// How often an HTTP/2 connection is pinged, and how long an answer may take.
const H2_PING_EVERY: Duration = Duration::from_secs(20);
const H2_PING_TIMEOUT: Duration = Duration::from_secs(10);

/// The most idle HTTP/1.1 connections kept (all hosts together); a
/// connection coming back to a full pool is closed.
const POOL_MAX_IDLE: usize = 256;

/// How many times a call moves on to another connection when the one it
/// took from the pool turns out to be closed before the request was written.
const MAX_STALE_RETRIES: usize = 3;

type Io = MaybeHttpsStream<TokioIo<tokio::net::TcpStream>>;
type Body = Full<Bytes>;

pub(crate) struct HyperTransport {
    connector: HttpsConnector<HttpConnector>,
    /// Bounds the whole connect: TCP (each address also has it, in the
    /// connector) and the TLS handshake.
    connect_timeout: Duration,
    pool: Arc<Pool>,
    /// `User-Agent` and the builder's default headers, sent with every request.
    headers: HeaderMap,
    /// The base URL's authority and its `Host` header, written once here
    /// instead of formatted on every call.
    host: Option<(Authority, HeaderValue)>,
}

/// Room for the headers added to the defaults on each request
/// (`Authorization`, `Content-Type`, `Host`, `Content-Length`), so that
/// none of them grows the map.
const ADDED_HEADERS: usize = 4;

impl HyperTransport {
    pub(crate) fn new(
        base_url: &str,
        headers: HeaderMap,
        connect_timeout: Duration,
        pool_idle_timeout: Duration,
        extra_roots: &[Vec<u8>],
    ) -> Result<Self, String> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(connect_timeout));

        let mut roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        for (n, der) in extra_roots.iter().enumerate() {
            roots
                .add(rustls::pki_types::CertificateDer::from(der.as_slice()))
                .map_err(|e| format!("root certificate {} is not usable: {e}", n + 1))?;
        }
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot set up TLS: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
        // `http://` reaches this point only for loopback hosts (the builder checks).
        let connector = HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .enable_http2()
            .wrap_connector(http);

        Ok(HyperTransport {
            connector,
            connect_timeout,
            pool: Arc::new(Pool::new(pool_idle_timeout)),
            headers,
            host: Uri::try_from(base_url)
                .ok()
                .and_then(|uri| Some((uri.authority()?.clone(), host_header(&uri)?))),
        })
    }

    /// Sends one request and reads the whole answer (at most `max_body`
    /// bytes of body), all within `timeout`.
    ///
    /// The exchange is boxed: every declared method's future holds this one,
    /// and a generated method's future stays small (debug builds of code
    /// awaiting many methods in one function keep within the stack).
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn send(
        &self,
        method: Method,
        url: &str,
        authorization: Option<&HeaderValue>,
        content_type: Option<HeaderValue>,
        body: Bytes,
        timeout: Duration,
        max_body: usize,
    ) -> Result<HttpResponse, TransportError> {
        let request = self.request(method, url, authorization, content_type, body)?;
        let exchange = Box::pin(self.exchange(request, max_body));
        match tokio::time::timeout(timeout, exchange).await {
            Ok(result) => result,
            Err(_) => Err(TransportError::new(
                TransportErrorKind::Timeout,
                format!("no complete answer within {timeout:?}"),
            )),
        }
    }

    fn request(
        &self,
        method: Method,
        url: &str,
        authorization: Option<&HeaderValue>,
        content_type: Option<HeaderValue>,
        body: Bytes,
    ) -> Result<Request<Body>, TransportError> {
        let bad_url =
            |why: &str| TransportError::new(TransportErrorKind::Other, format!("bad URL: {why}"));
        let uri = Uri::try_from(url).map_err(|e| bad_url(&e.to_string()))?;
        match uri.scheme() {
            Some(scheme) if *scheme == Scheme::HTTP || *scheme == Scheme::HTTPS => {}
            _ => return Err(bad_url("it is not an http:// or https:// URL")),
        }
        if uri.host().is_none() {
            return Err(bad_url("it names no host"));
        }
        let mut request = Request::new(Full::new(body));
        *request.method_mut() = method;
        *request.uri_mut() = uri;
        let headers = request.headers_mut();
        headers.reserve(self.headers.len() + ADDED_HEADERS);
        for (name, value) in &self.headers {
            headers.append(name.clone(), value.clone());
        }
        if let Some(authorization) = authorization {
            headers.insert(http::header::AUTHORIZATION, authorization.clone());
        }
        if let Some(content_type) = content_type {
            headers.insert(http::header::CONTENT_TYPE, content_type);
        }
        Ok(request)
    }

    async fn exchange(
        &self,
        request: Request<Body>,
        max_body: usize,
    ) -> Result<HttpResponse, TransportError> {
        let uri = request.uri().clone();
        let mut request = request;
        if let Some(conn) = self.pool.h2(&uri) {
            match self.pool.send_h2(conn, request, max_body).await {
                Ok(result) => return result,
                // The shared connection was ending: it has left the pool,
                // and the request goes out on another.
                Err(Unsent(back, error)) => {
                    tracing::debug!(%error, "shared HTTP/2 connection ending; trying another");
                    request = back;
                }
            }
        }
        let mut stale = 0;
        loop {
            let (conn, reused) = match self.pool.take_h1(&uri).await {
                Some(conn) => (conn, true),
                None => match self.connect(&uri).await? {
                    Connected::H1(conn) => (conn, false),
                    Connected::H2(conn) => {
                        return match self.pool.send_h2(conn, request, max_body).await {
                            Ok(result) => result,
                            Err(unsent) => Err(unsent.into_error()),
                        };
                    }
                },
            };
            match self.send_h1(conn, request, &uri, max_body).await {
                Ok(result) => return result,
                Err(Unsent(back, error)) if reused && stale < MAX_STALE_RETRIES => {
                    // The pooled connection was closed before the request
                    // was written: nothing was sent, so another is safe.
                    tracing::debug!(%error, "pooled connection closed; trying another");
                    stale += 1;
                    request = back;
                }
                Err(unsent) => return Err(unsent.into_error()),
            }
        }
    }

    /// Opens a connection to `uri`'s origin: HTTP/2 when a TLS server chose
    /// it by ALPN (then shared through the pool), HTTP/1.1 otherwise.
    async fn connect(&self, uri: &Uri) -> Result<Connected, TransportError> {
        let mut connector = self.connector.clone();
        let connecting = async {
            poll_fn(|cx| connector.poll_ready(cx)).await?;
            connector.call(uri.clone()).await
        };
        // A server that accepts TCP but never finishes the TLS handshake
        // is a connect timeout too: the request was never sent.
        let io = match tokio::time::timeout(self.connect_timeout, connecting).await {
            Ok(io) => io.map_err(|e| TransportError::new(classify_connect(&*e), describe(&*e)))?,
            Err(_) => {
                return Err(TransportError::new(
                    TransportErrorKind::ConnectTimeout,
                    format!("no connection within {:?}", self.connect_timeout),
                ));
            }
        };
        let failed =
            |e: hyper::Error| TransportError::new(TransportErrorKind::Connect, describe(&e));
        if io.connected().is_negotiated_h2() {
            let (sender, conn) = http2::Builder::new(TokioExecutor::new())
                .timer(TokioTimer::new())
                // A connection dropped silently (a NAT, a firewall) is
                // noticed within 30 s, and fails the calls on it then.
                .keep_alive_interval(H2_PING_EVERY)
                .keep_alive_timeout(H2_PING_TIMEOUT)
                .keep_alive_while_idle(true)
                .handshake(io)
                .await
                .map_err(failed)?;
            TokioExecutor::new().execute(async move {
                if let Err(error) = conn.await {
                    tracing::debug!(%error, "HTTP/2 connection ended");
                }
            });
            let id = self.pool.put_h2(uri, &sender);
            return Ok(Connected::H2(H2 { id, sender }));
        }
        let (sender, conn) = http1::Builder::new().handshake(io).await.map_err(failed)?;
        Ok(Connected::H1(H1 {
            origin: Origin::of(uri),
            sender,
            conn: Some(Box::pin(conn)),
        }))
    }

    /// One HTTP/1.1 exchange on `conn`, which this task polls until the
    /// answer has been read; the connection then goes back to the pool.
    /// `Err` gives the request back when it was never written.
    async fn send_h1(
        &self,
        mut conn: H1,
        mut request: Request<Body>,
        uri: &Uri,
        max_body: usize,
    ) -> Result<Result<HttpResponse, TransportError>, Unsent> {
        // Origin-form (`/api/users.info`) and a `Host` header, as HTTP/1.1 wants.
        let host = match (&self.host, uri.authority()) {
            (Some((base, value)), Some(authority)) if base == authority => Some(value.clone()),
            _ => host_header(uri),
        };
        if let Some(host) = host {
            request.headers_mut().insert(http::header::HOST, host);
        }
        *request.uri_mut() = match uri.path_and_query() {
            Some(path) => Uri::from(path.clone()),
            None => Uri::from_static("/"),
        };

        let sending = conn.sender.try_send_request(request);
        let response = match conn.drive(sending).await {
            Ok(response) => response,
            Err(mut error) => {
                return match error.take_message() {
                    Some(back) => Err(Unsent(back, error.into_error())),
                    None => Ok(Err(request_error(&error.into_error()))),
                };
            }
        };
        let (parts, mut body) = response.into_parts();
        let announced = hyper::body::Body::size_hint(&body).exact();
        let mut driven = Driven {
            conn: &mut conn,
            body: &mut body,
        };
        let body = match read_capped(&mut driven, announced, max_body).await {
            Ok(body) => body,
            Err(error) => return Ok(Err(error)),
        };
        if conn.ready().await {
            self.pool.put_h1(conn);
        }
        Ok(Ok(HttpResponse {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        }))
    }
}

/// One exchange on an HTTP/2 connection (whose own task reads and writes).
/// `Err` gives the request back when it was never sent.
async fn exchange_h2(
    mut sender: http2::SendRequest<Body>,
    request: Request<Body>,
    max_body: usize,
) -> Result<Result<HttpResponse, TransportError>, Unsent> {
    let response = match sender.try_send_request(request).await {
        Ok(response) => response,
        Err(mut error) => {
            return match error.take_message() {
                Some(back) => Err(Unsent(back, error.into_error())),
                None => Ok(Err(request_error(&error.into_error()))),
            };
        }
    };
    let (parts, mut body) = response.into_parts();
    let announced = hyper::body::Body::size_hint(&body).exact();
    Ok(read_capped(&mut body, announced, max_body)
        .await
        .map(|body| HttpResponse {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        }))
}

/// A request that was never written, given back with the reason.
struct Unsent(Request<Body>, hyper::Error);

impl Unsent {
    /// What the call ends with when it cannot try another connection: a
    /// `Connect` error, since nothing was sent (so retrying is safe).
    fn into_error(self) -> TransportError {
        TransportError::new(
            TransportErrorKind::Connect,
            format!(
                "the connection closed before the request was written: {}",
                describe(&self.1)
            ),
        )
    }
}

enum Connected {
    H1(H1),
    H2(H2),
}

/// An HTTP/2 connection's sender, with its number in the pool (`None` for
/// a connection opened beside the pool's, which serves one call).
struct H2 {
    id: Option<u64>,
    sender: http2::SendRequest<Body>,
}

/// Takes a shared HTTP/2 connection out of the pool when dropped armed: a
/// call given up half-way (its timeout, or its caller gone) may have met a
/// connection gone silent, which nothing else would notice.
struct Abandoned<'a> {
    pool: &'a Pool,
    id: Option<u64>,
}

impl Drop for Abandoned<'_> {
    fn drop(&mut self) {
        if let Some(id) = self.id {
            lock(&self.pool.h2).open.retain(|shared| shared.id != id);
        }
    }
}

/// An HTTP/1.1 connection with no task of its own: whoever holds it polls
/// `conn`, which does the connection's reading and writing.
struct H1 {
    origin: Origin,
    sender: http1::SendRequest<Body>,
    /// `None` once the connection has ended (closed by the server, or failed).
    conn: Option<Pin<Box<http1::Connection<Io, Body>>>>,
}

/// The scheme and authority a connection was opened to.
struct Origin {
    scheme: Scheme,
    authority: Option<Authority>,
}

impl Origin {
    fn of(uri: &Uri) -> Self {
        Origin {
            scheme: uri.scheme().cloned().unwrap_or(Scheme::HTTPS),
            authority: uri.authority().cloned(),
        }
    }

    fn serves(&self, uri: &Uri) -> bool {
        uri.scheme() == Some(&self.scheme) && uri.authority() == self.authority.as_ref()
    }
}

impl H1 {
    /// Polls the connection once; dropping it when it has ended wakes
    /// whatever waited on it with an error.
    fn poll_conn(&mut self, cx: &mut Context<'_>) {
        if let Some(conn) = self.conn.as_mut() {
            if conn.as_mut().poll(cx).is_ready() {
                self.conn = None;
            }
        }
    }

    /// Runs `future` to its end while polling the connection, which does
    /// the reading and writing `future` waits for.
    async fn drive<F: Future>(&mut self, future: F) -> F::Output {
        let mut future = pin!(future);
        poll_fn(|cx| {
            self.poll_conn(cx);
            future.as_mut().poll(cx)
        })
        .await
    }

    /// Whether the connection is open and waiting for a request, after one
    /// more turn (which reads a close the server sent while it sat idle, or
    /// lets it finish the last exchange). Never waits.
    async fn ready(&mut self) -> bool {
        poll_fn(|cx| {
            self.poll_conn(cx);
            Poll::Ready(self.conn.is_some() && self.sender.is_ready())
        })
        .await
    }
}

/// A body whose chunks arrive through a connection this task polls.
struct Driven<'a> {
    conn: &'a mut H1,
    body: &'a mut Incoming,
}

impl Chunks for Driven<'_> {
    async fn next_chunk(&mut self) -> Result<Option<Bytes>, TransportError> {
        self.conn.drive(self.body.next_chunk()).await
    }
}

/// Idle HTTP/1.1 connections, oldest first, and the open HTTP/2 ones.
struct Pool {
    idle: Mutex<Idle>,
    /// How long an idle connection is kept.
    idle_timeout: Duration,
    h2: Mutex<H2Pool>,
}

/// Idle HTTP/1.1 connections, oldest first, and whether a task is closing
/// those idle too long (it runs while there are any, so that a client gone
/// quiet after a burst does not hold its sockets open).
#[derive(Default)]
struct Idle {
    conns: VecDeque<(Instant, H1)>,
    reaper: bool,
}

/// The shared HTTP/2 connections.
#[derive(Default)]
struct H2Pool {
    opened: u64,
    open: Vec<Shared>,
}

/// A shared HTTP/2 connection: its origin, its number, and when a call
/// last took it.
struct Shared {
    origin: Origin,
    id: u64,
    sender: http2::SendRequest<Body>,
    used: Instant,
}

impl H2Pool {
    /// Drops the connections that ended or sat unused past `idle_timeout`
    /// (a connection closes once its last sender is gone and its calls end).
    fn expire(&mut self, idle_timeout: Duration) {
        let now = Instant::now();
        self.open.retain(|shared| {
            !shared.sender.is_closed() && now.duration_since(shared.used) <= idle_timeout
        });
    }
}

/// Closes idle connections as they pass the idle timeout, until none are
/// left (or the pool, or the runtime, is gone).
async fn reap(mut reaper: Reaper) {
    let every = match reaper.pool.upgrade() {
        Some(pool) => (pool.idle_timeout / 3).clamp(Duration::from_millis(10), REAP_EVERY_MAX),
        None => return,
    };
    loop {
        tokio::time::sleep(every).await;
        let Some(pool) = reaper.pool.upgrade() else {
            return;
        };
        let mut expired = Vec::new();
        let mut idle = lock(&pool.idle);
        pool.expire(&mut idle, &mut expired);
        // Both locks, idle first (the only place holding both), so that a
        // connection pooled meanwhile either is seen here or sees no reaper.
        let mut h2 = lock(&pool.h2);
        h2.expire(pool.idle_timeout);
        let done = idle.conns.is_empty() && h2.open.is_empty();
        if done {
            idle.reaper = false;
            reaper.running = false;
        }
        drop(h2);
        drop(idle);
        drop(expired);
        if done {
            return;
        }
    }
}

/// The reaping task's hold on its pool: whenever the task ends (its runtime
/// shutting down included, even before it first ran), the pool learns that
/// it has no reaper, so the next idle connection starts another.
struct Reaper {
    pool: std::sync::Weak<Pool>,
    running: bool,
}

impl Drop for Reaper {
    fn drop(&mut self) {
        if let Some(pool) = self.pool.upgrade().filter(|_| self.running) {
            lock(&pool.idle).reaper = false;
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // The pool's lists stay consistent whatever panicked while holding them.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Pool {
    fn new(idle_timeout: Duration) -> Self {
        Pool {
            idle: Mutex::default(),
            idle_timeout,
            h2: Mutex::default(),
        }
    }

    /// The most recently used idle connection to `uri`'s origin that is
    /// still open; connections idle too long are closed on the way.
    async fn take_h1(&self, uri: &Uri) -> Option<H1> {
        loop {
            let mut conn = self.pop_h1(uri)?;
            if conn.ready().await {
                return Some(conn);
            }
        }
    }

    fn pop_h1(&self, uri: &Uri) -> Option<H1> {
        let mut expired = Vec::new();
        let found = {
            let mut idle = lock(&self.idle);
            self.expire(&mut idle, &mut expired);
            let at = idle
                .conns
                .iter()
                .rposition(|(_, conn)| conn.origin.serves(uri));
            at.and_then(|at| idle.conns.remove(at))
        };
        // Closed outside the lock.
        drop(expired);
        found.map(|(_, conn)| conn)
    }

    /// Moves the connections idle for longer than the timeout to `expired`.
    fn expire(&self, idle: &mut Idle, expired: &mut Vec<(Instant, H1)>) {
        let now = Instant::now();
        while idle
            .conns
            .front()
            .is_some_and(|(since, _)| now.duration_since(*since) > self.idle_timeout)
        {
            expired.extend(idle.conns.pop_front());
        }
    }

    fn put_h1(self: &Arc<Self>, conn: H1) {
        let mut idle = lock(&self.idle);
        if idle.conns.len() >= POOL_MAX_IDLE {
            drop(idle);
            drop(conn);
            return;
        }
        idle.conns.push_back((Instant::now(), conn));
        self.start_reaper(idle);
    }

    /// Starts the reaping task unless it runs; `idle` is the pool's lock.
    fn start_reaper(self: &Arc<Self>, mut idle: std::sync::MutexGuard<'_, Idle>) {
        if !idle.reaper {
            idle.reaper = true;
            drop(idle);
            tokio::spawn(reap(Reaper {
                pool: Arc::downgrade(self),
                running: true,
            }));
        }
    }

    fn h2(&self, uri: &Uri) -> Option<H2> {
        let mut h2 = lock(&self.h2);
        if h2.open.is_empty() {
            return None;
        }
        h2.expire(self.idle_timeout);
        let shared = h2
            .open
            .iter_mut()
            .find(|shared| shared.origin.serves(uri))?;
        shared.used = Instant::now();
        Some(H2 {
            id: Some(shared.id),
            sender: shared.sender.clone(),
        })
    }

    /// Shares `sender`'s connection, unless one to `uri`'s origin is
    /// shared already; its number when shared.
    fn put_h2(self: &Arc<Self>, uri: &Uri, sender: &http2::SendRequest<Body>) -> Option<u64> {
        let id = {
            let mut h2 = lock(&self.h2);
            h2.expire(self.idle_timeout);
            if h2.open.iter().any(|shared| shared.origin.serves(uri)) {
                return None;
            }
            h2.opened += 1;
            let id = h2.opened;
            h2.open.push(Shared {
                origin: Origin::of(uri),
                id,
                sender: sender.clone(),
                used: Instant::now(),
            });
            id
        };
        self.start_reaper(lock(&self.idle));
        Some(id)
    }

    /// One exchange on `conn`, which leaves the pool if the call is given
    /// up before it ends (the calls already on it finish there), or if the
    /// connection gives the request back unsent.
    async fn send_h2(
        &self,
        conn: H2,
        request: Request<Body>,
        max_body: usize,
    ) -> Result<Result<HttpResponse, TransportError>, Unsent> {
        let mut abandoned = Abandoned {
            pool: self,
            id: conn.id,
        };
        let result = exchange_h2(conn.sender, request, max_body).await;
        if result.is_ok() {
            abandoned.id = None;
        }
        result
    }
}

/// `host[:port]`, as an HTTP/1.1 `Host` header (the port only when it is
/// not the scheme's default).
fn host_header(uri: &Uri) -> Option<HeaderValue> {
    let host = uri.host()?;
    let default_port = if uri.scheme() == Some(&Scheme::HTTPS) {
        443
    } else {
        80
    };
    let value = match uri.port_u16() {
        Some(port) if port != default_port => format!("{host}:{port}"),
        _ => host.to_owned(),
    };
    HeaderValue::try_from(value).ok()
}

/// Data chunks of a hyper body, trailers skipped.
impl Chunks for hyper::body::Incoming {
    async fn next_chunk(&mut self) -> Result<Option<Bytes>, TransportError> {
        while let Some(frame) = self.frame().await {
            let frame =
                frame.map_err(|e| TransportError::new(TransportErrorKind::Closed, describe(&e)))?;
            if let Ok(data) = frame.into_data() {
                return Ok(Some(data));
            }
        }
        Ok(None)
    }
}

/// The kind of a failure to connect: the request was never sent.
fn classify_connect(err: &(dyn StdError + 'static)) -> TransportErrorKind {
    let timed_out = causes(err).any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::TimedOut)
    });
    if timed_out {
        TransportErrorKind::ConnectTimeout
    } else {
        TransportErrorKind::Connect
    }
}

/// The kind of a failure once the request may have been written.
fn request_error(err: &hyper::Error) -> TransportError {
    let kind = if err.is_parse() || err.is_parse_status() || err.is_user() {
        TransportErrorKind::Other
    } else {
        TransportErrorKind::Closed
    };
    TransportError::new(kind, describe(err))
}

fn causes<'a>(
    err: &'a (dyn StdError + 'static),
) -> impl Iterator<Item = &'a (dyn StdError + 'static)> {
    std::iter::successors(Some(err), |&e| e.source())
}

/// The error and its causes, joined: the top-level text alone rarely says
/// what happened.
fn describe(err: &(dyn StdError + 'static)) -> String {
    let mut text = err.to_string();
    for cause in causes(err).skip(1) {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_headers() {
        let host = |url: &str| {
            host_header(&Uri::try_from(url).unwrap()).map(|v| v.to_str().unwrap().to_owned())
        };
        assert_eq!(
            host("http://127.0.0.1:3000/api/").as_deref(),
            Some("127.0.0.1:3000")
        );
        assert_eq!(host("http://localhost/api/").as_deref(), Some("localhost"));
        assert_eq!(host("http://[::1]:80/api/").as_deref(), Some("[::1]"));
        assert_eq!(host("https://slack.com/api/").as_deref(), Some("slack.com"));
        assert_eq!(
            host("https://files.slack.com:8443/upload/v1/x").as_deref(),
            Some("files.slack.com:8443")
        );
    }
}
