//! The built-in transport over TLS, against a real TLS server on 127.0.0.1:
//! HTTP/2 when the server offers it by ALPN (many calls on one connection),
//! HTTP/1.1 otherwise, and the server's certificate checked against the
//! client's roots. The certificates in `tls/` are test-only (`tls/gen.sh`).

use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use slackline::{AdminUsersSessionApi, SlackError, TransportErrorKind};

use crate::support::{assert_transport, bounded, plain_builder, token};

pub(crate) const ROOT: &[u8] = include_bytes!("tls/ca.der");
const SERVER_CERT: &[u8] = include_bytes!("tls/server.der");
const SERVER_KEY: &[u8] = include_bytes!("tls/server.key.der");

struct TlsServer {
    base: String,
    /// TCP connections accepted.
    conns: Arc<AtomicUsize>,
    /// Connections served to their end (the client closed them).
    ended: Arc<AtomicUsize>,
    /// The HTTP version of each request served.
    versions: Arc<Mutex<Vec<http::Version>>>,
}

/// The test server certificate's TLS acceptor, offering `alpn`.
pub(crate) fn acceptor(alpn: &[&[u8]]) -> tokio_rustls::TlsAcceptor {
    let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(
        vec![CertificateDer::from(SERVER_CERT.to_vec())],
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(SERVER_KEY.to_vec())),
    )
    .unwrap();
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    tokio_rustls::TlsAcceptor::from(Arc::new(config))
}

/// A TLS server for 127.0.0.1 offering `alpn`, answering `{"ok":true}`.
async fn tls_server(alpn: &[&[u8]]) -> TlsServer {
    let acceptor = acceptor(alpn);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("https://{}/api/", listener.local_addr().unwrap());
    let conns = Arc::new(AtomicUsize::new(0));
    let ended = Arc::new(AtomicUsize::new(0));
    let versions: Arc<Mutex<Vec<http::Version>>> = Arc::default();
    let (accepted, served, seen) = (conns.clone(), ended.clone(), versions.clone());
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            accepted.fetch_add(1, Ordering::SeqCst);
            let (acceptor, served, seen) = (acceptor.clone(), served.clone(), seen.clone());
            tokio::spawn(async move {
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let service = service_fn(move |request: http::Request<hyper::body::Incoming>| {
                    seen.lock().unwrap().push(request.version());
                    async {
                        let mut answer =
                            http::Response::new(Full::new(Bytes::from_static(br#"{"ok":true}"#)));
                        answer.headers_mut().insert(
                            http::header::CONTENT_TYPE,
                            http::HeaderValue::from_static("application/json"),
                        );
                        Ok::<_, Infallible>(answer)
                    }
                });
                let _ = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new())
                    .serve_connection(TokioIo::new(tls), service)
                    .await;
                served.fetch_add(1, Ordering::SeqCst);
            });
        }
    });
    TlsServer {
        base,
        conns,
        ended,
        versions,
    }
}

/// A client for `base` trusting the test root (no pacing, no retries).
pub(crate) fn trusting_builder(base: &str) -> slackline::SlackClientBuilder {
    plain_builder(base).add_root_certificate(ROOT)
}

fn trusting_client(base: &str) -> slackline::SlackClient {
    trusting_builder(base).build().unwrap()
}

#[tokio::test]
async fn http2_when_the_server_offers_it_with_calls_sharing_one_connection() {
    let server = tls_server(&[b"h2", b"http/1.1"]).await;
    let client = trusting_client(&server.base);
    bounded(client.admin_users_session_reset(&token(), "U1", None, None))
        .await
        .unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for n in 0..16 {
        let client = client.clone();
        calls.spawn(async move {
            let user = format!("U{n}");
            bounded(client.admin_users_session_reset(&token(), &user, None, None)).await
        });
    }
    while let Some(done) = calls.join_next().await {
        done.unwrap().unwrap();
    }
    let versions = server.versions.lock().unwrap().clone();
    assert_eq!(versions.len(), 17);
    assert!(
        versions.iter().all(|v| *v == http::Version::HTTP_2),
        "{versions:?}"
    );
    assert_eq!(
        server.conns.load(Ordering::SeqCst),
        1,
        "one shared connection"
    );
}

#[tokio::test]
async fn http1_over_tls_when_the_server_offers_only_that() {
    let server = tls_server(&[b"http/1.1"]).await;
    let client = trusting_client(&server.base);
    for n in 0..5 {
        let user = format!("U{n}");
        bounded(client.admin_users_session_reset(&token(), &user, None, None))
            .await
            .unwrap();
    }
    let versions = server.versions.lock().unwrap().clone();
    assert_eq!(versions, vec![http::Version::HTTP_11; 5]);
    assert_eq!(server.conns.load(Ordering::SeqCst), 1, "kept alive");
}

#[tokio::test]
async fn a_certificate_from_an_unknown_root_is_refused_before_sending() {
    let server = tls_server(&[b"h2", b"http/1.1"]).await;
    let client = plain_builder(&server.base).build().unwrap();
    let err = bounded(client.admin_users_session_reset(&token(), "U1", None, None))
        .await
        .unwrap_err();
    assert_transport(&err, TransportErrorKind::Connect);
    let text = format!("{err} {err:?}");
    assert!(text.contains("certificate"), "says why: {text}");
    assert!(!text.contains(token().expose_secret()), "{text}");
    assert!(
        server.versions.lock().unwrap().is_empty(),
        "nothing was sent"
    );
}

#[test]
fn a_root_certificate_that_does_not_parse_fails_the_build() {
    let err = plain_builder("https://slack.com/api/")
        .add_root_certificate(ROOT)
        .add_root_certificate(b"not a certificate".to_vec())
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, SlackError::InvalidInput { message, .. } if message.contains("root certificate 2")),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_idle_http2_connection_is_closed_after_the_idle_timeout() {
    let server = tls_server(&[b"h2", b"http/1.1"]).await;
    let client = trusting_builder(&server.base)
        .pool_idle_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    bounded(client.admin_users_session_reset(&token(), "U1", None, None))
        .await
        .unwrap();
    assert_eq!(server.conns.load(Ordering::SeqCst), 1);
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while server.ended.load(Ordering::SeqCst) < 1 {
        assert!(
            std::time::Instant::now() < deadline,
            "the idle HTTP/2 connection is closed"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    bounded(client.admin_users_session_reset(&token(), "U2", None, None))
        .await
        .unwrap();
    assert_eq!(server.conns.load(Ordering::SeqCst), 2, "a new connection");
    assert!(
        server
            .versions
            .lock()
            .unwrap()
            .iter()
            .all(|v| *v == http::Version::HTTP_2)
    );
}
