//! The built-in HTTP transport: hyper's pooled client over rustls.
//!
//! One call is one `http::Request` handed to hyper-util's connection pool:
//! no URL re-parsing, no middleware stack, no redirect machinery (redirects
//! are never followed: hyper does not follow them). The connection pool,
//! keep-alive, HTTP/2 by ALPN and the connect timeout come from hyper-util;
//! the whole-attempt timeout is one tokio timer per attempt, and the body is
//! read under the client's size cap.

use std::error::Error as StdError;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Method, Request, Uri};
use http_body_util::{BodyExt, Full};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};

use crate::error::TransportErrorKind;
use crate::transport::{Chunks, HttpResponse, TransportError, read_capped};

/// How long an idle pooled connection is kept.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);

pub(crate) struct HyperTransport {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
    /// `User-Agent` and the builder's default headers, sent with every request.
    headers: HeaderMap,
    /// The `Host` header of a plain-text (loopback) base URL, written once
    /// here instead of formatted by hyper-util on every call. Left to
    /// hyper-util for `https://`, where HTTP/2 may carry the authority instead.
    host: Option<HeaderValue>,
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
    ) -> Result<Self, String> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(connect_timeout));

        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
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

        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(POOL_IDLE_TIMEOUT)
            .pool_timer(TokioTimer::new())
            .build(connector);
        Ok(HyperTransport {
            client,
            headers,
            host: plain_text_host(base_url),
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
    ) -> Result<Request<Full<Bytes>>, TransportError> {
        let uri = Uri::try_from(url)
            .map_err(|e| TransportError::new(TransportErrorKind::Other, format!("bad URL: {e}")))?;
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
        if let Some(host) = &self.host {
            headers.insert(http::header::HOST, host.clone());
        }
        Ok(request)
    }

    async fn exchange(
        &self,
        request: Request<Full<Bytes>>,
        max_body: usize,
    ) -> Result<HttpResponse, TransportError> {
        let response = self.client.request(request).await.map_err(|e| {
            let kind = classify(&e);
            TransportError::new(kind, describe(&e))
        })?;
        let (parts, mut body) = response.into_parts();
        let announced = hyper::body::Body::size_hint(&body).exact();
        let body = read_capped(&mut body, announced, max_body).await?;
        Ok(HttpResponse {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        })
    }
}

/// `host[:port]` of an `http://` base URL, as hyper-util would write it
/// (the port only when it is not 80).
fn plain_text_host(base_url: &str) -> Option<HeaderValue> {
    let uri = Uri::try_from(base_url).ok()?;
    if uri.scheme() != Some(&http::uri::Scheme::HTTP) {
        return None;
    }
    let host = uri.host()?;
    let value = match uri.port_u16() {
        Some(port) if port != 80 => format!("{host}:{port}"),
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

/// Maps a failure onto a kind: a connect failure never sent the request.
fn classify(err: &hyper_util::client::legacy::Error) -> TransportErrorKind {
    if err.is_connect() {
        let timed_out = causes(err).any(|cause| {
            cause
                .downcast_ref::<io::Error>()
                .is_some_and(|io| io.kind() == io::ErrorKind::TimedOut)
        });
        return if timed_out {
            TransportErrorKind::ConnectTimeout
        } else {
            TransportErrorKind::Connect
        };
    }
    let parse_error = causes(err).any(|cause| {
        cause
            .downcast_ref::<hyper::Error>()
            .is_some_and(hyper::Error::is_parse)
    });
    if parse_error {
        TransportErrorKind::Other
    } else {
        TransportErrorKind::Closed
    }
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
    fn host_header_of_plain_text_bases() {
        let host = |base| plain_text_host(base).map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(
            host("http://127.0.0.1:3000/api/").as_deref(),
            Some("127.0.0.1:3000")
        );
        assert_eq!(host("http://localhost/api/").as_deref(), Some("localhost"));
        assert_eq!(host("http://[::1]:80/api/").as_deref(), Some("[::1]"));
        assert_eq!(host("https://slack.com/api/"), None);
    }
}
