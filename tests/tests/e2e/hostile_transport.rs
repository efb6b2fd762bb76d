//! The built-in transport against servers that misbehave on purpose, and
//! callers that give up half-way: every call ends in bounded time with its
//! own answer or a typed error, and the next call on the same client still
//! gets its own answer.

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use slackline::{SlackClient, SlackError, TransportErrorKind};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::connections::{code, reset};
use crate::support::{SECRET, plain_builder, plain_client, read_request, transport_kind};
use crate::tls::{acceptor, trusting_builder};

/// A server that hands each accepted connection (numbered from 0) to
/// `handler`, and counts the connections accepted and still open.
struct Conns {
    base: String,
    accepted: Arc<AtomicUsize>,
    open: Arc<AtomicUsize>,
}

impl Conns {
    fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }

    fn open(&self) -> usize {
        self.open.load(Ordering::SeqCst)
    }
}

async fn conn_server<F, Fut>(scheme: &str, handler: F) -> Conns
where
    F: Fn(usize, TcpStream) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("{scheme}://{}/api/", listener.local_addr().unwrap());
    let accepted = Arc::new(AtomicUsize::new(0));
    let open = Arc::new(AtomicUsize::new(0));
    let (count, live) = (accepted.clone(), open.clone());
    let handler = Arc::new(handler);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let n = count.fetch_add(1, Ordering::SeqCst);
            live.fetch_add(1, Ordering::SeqCst);
            let (handler, live) = (handler.clone(), live.clone());
            tokio::spawn(async move {
                handler(n, stream).await;
                live.fetch_sub(1, Ordering::SeqCst);
            });
        }
    });
    Conns {
        base,
        accepted,
        open,
    }
}

/// The `user_id` a request's form body names: the marker each answer
/// carries back, so that a call can tell its own answer from another's.
fn user_of(body: &[u8]) -> String {
    form_urlencoded::parse(body)
        .find(|(name, _)| name == "user_id")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}

/// A keep-alive answer naming `marker`.
fn answer(marker: &str) -> String {
    let body = format!(r#"{{"ok":false,"error":"for_{marker}"}}"#);
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

/// Answers every request on `stream` in turn, keeping it open.
async fn serve_politely(mut stream: TcpStream) {
    while let Some((_, body)) = read_request(&mut stream).await {
        if stream
            .write_all(answer(&user_of(&body)).as_bytes())
            .await
            .is_err()
        {
            return;
        }
    }
}

/// Reads up to the end of a request's head, leaving its body unread.
async fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") && raw.len() < 64 * 1024 {
        match stream.read(&mut byte).await {
            Ok(1) => raw.push(byte[0]),
            _ => return None,
        }
    }
    Some(String::from_utf8_lossy(&raw).into_owned())
}

/// The error a call ended in, checked for its kind and for the token.
fn failed(result: Result<(), SlackError>, expected: &[TransportErrorKind]) -> SlackError {
    let err = result.expect_err("the call fails");
    assert!(
        transport_kind(&err).is_some_and(|k| expected.contains(&k)),
        "expected one of {expected:?}, got {err:?}"
    );
    let text = format!("{err} {err:?}");
    assert!(!text.contains("topsecret"), "{text}");
    assert!(!text.contains(SECRET), "{text}");
    err
}

/// One call for `user`, answered for that user and no other.
async fn own_answer(client: &SlackClient, user: &str) {
    assert_eq!(code(reset(client, user).await), format!("for_{user}"));
}

/// Calls in a row for the users `{prefix}{n}`, each answered for its own.
async fn own_answers(client: &SlackClient, prefix: &str, numbers: std::ops::Range<usize>) {
    for n in numbers {
        own_answer(client, &format!("{prefix}{n}")).await;
    }
}

/// A call finishing within `within`.
async fn timed(
    within: Duration,
    call: impl Future<Output = Result<(), SlackError>>,
) -> Result<(), SlackError> {
    let started = Instant::now();
    let result = call.await;
    let took = started.elapsed();
    assert!(took < within, "took {took:?}, more than {within:?}");
    result
}

fn quick_client(base: &str) -> SlackClient {
    plain_builder(base)
        .timeout(Duration::from_millis(400))
        .build()
        .unwrap()
}

// ---------------------------------------------------------------------------
// HTTP/1.1: what the server writes.

#[tokio::test]
async fn an_unsolicited_answer_on_an_idle_connection_is_never_taken_for_the_next() {
    let server = conn_server("http", |n, mut stream| async move {
        if n == 0 {
            let Some((_, body)) = read_request(&mut stream).await else {
                return;
            };
            let _ = stream.write_all(answer(&user_of(&body)).as_bytes()).await;
            tokio::time::sleep(Duration::from_millis(20)).await;
            let _ = stream.write_all(answer("nobody").as_bytes()).await;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = plain_client(&server.base);
    assert_eq!(code(reset(&client, "U1").await), "for_U1");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
    assert_eq!(code(reset(&client, "U3").await), "for_U3");
    assert_eq!(server.accepted(), 2, "the spoiled connection was dropped");
}

#[tokio::test]
async fn garbage_on_an_idle_connection_is_never_read_as_an_answer() {
    let server = conn_server("http", |n, mut stream| async move {
        if n == 0 {
            let Some((_, body)) = read_request(&mut stream).await else {
                return;
            };
            let _ = stream.write_all(answer(&user_of(&body)).as_bytes()).await;
            tokio::time::sleep(Duration::from_millis(20)).await;
            let _ = stream.write_all(b"\x00\xffgarbage\r\n\r\n").await;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = plain_client(&server.base);
    assert_eq!(code(reset(&client, "U1").await), "for_U1");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
    assert_eq!(code(reset(&client, "U3").await), "for_U3");
}

#[tokio::test]
async fn an_answer_before_the_body_was_read_leaves_no_trace() {
    // The first connection answers as soon as it has the head of a large
    // request and never reads its body; the connection must not be reused.
    let server = conn_server("http", |n, mut stream| async move {
        if n == 0 {
            if read_head(&mut stream).await.is_none() {
                return;
            }
            let _ = stream.write_all(answer("early").as_bytes()).await;
            tokio::time::sleep(Duration::from_millis(1500)).await;
            return;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = quick_client(&server.base);
    let big = "U".repeat(4 << 20);
    let first = timed(Duration::from_secs(2), reset(&client, &big)).await;
    if let Err(err) = &first {
        if transport_kind(err).is_some() {
            failed(
                first,
                &[TransportErrorKind::Closed, TransportErrorKind::Timeout],
            );
        } else {
            assert_eq!(code(first), "for_early");
        }
    }
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
    assert_eq!(code(reset(&client, "U3").await), "for_U3");
}

#[tokio::test]
async fn interim_answers_are_skipped() {
    let server = conn_server("http", |_, mut stream| async move {
        while let Some((_, body)) = read_request(&mut stream).await {
            let interim = "HTTP/1.1 100 Continue\r\n\r\n\
                           HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n";
            let whole = format!("{interim}{}", answer(&user_of(&body)));
            if stream.write_all(whole.as_bytes()).await.is_err() {
                return;
            }
        }
    })
    .await;
    let client = plain_client(&server.base);
    own_answers(&client, "U", 0..3).await;
    assert_eq!(server.accepted(), 1, "kept alive through interim answers");
}

#[tokio::test]
async fn http_1_0_answers_without_keep_alive_are_read_to_their_close() {
    let server = conn_server("http", |_, mut stream| async move {
        if let Some((_, body)) = read_request(&mut stream).await {
            let body = format!(r#"{{"ok":false,"error":"for_{}"}}"#, user_of(&body));
            let answer = format!("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{body}");
            let _ = stream.write_all(answer.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
    })
    .await;
    let client = plain_client(&server.base);
    own_answers(&client, "U", 0..3).await;
    assert_eq!(server.accepted(), 3);
}

/// A server whose first connection answers with `head` and then writes
/// `chunk` again and again (a bounded number of times), the others politely.
async fn endless(head: &'static str, chunk: &'static [u8]) -> Conns {
    conn_server("http", move |n, mut stream| async move {
        if n == 0 {
            if read_request(&mut stream).await.is_none() {
                return;
            }
            let _ = stream.write_all(head.as_bytes()).await;
            for _ in 0..100_000 {
                if stream.write_all(chunk).await.is_err() {
                    return;
                }
            }
            return;
        }
        serve_politely(stream).await;
    })
    .await
}

async fn stops_at_the_cap(server: Conns) {
    let client = plain_builder(&server.base)
        .max_response_bytes(64 * 1024)
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    failed(
        timed(Duration::from_secs(1), reset(&client, "U1")).await,
        &[TransportErrorKind::BodyTooLarge],
    );
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
}

#[tokio::test]
async fn endless_chunks_stop_at_the_cap() {
    let chunk: &'static [u8] = Box::leak(
        format!("1000\r\n{}\r\n", "x".repeat(0x1000))
            .into_bytes()
            .into_boxed_slice(),
    );
    let server = endless(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        chunk,
    )
    .await;
    stops_at_the_cap(server).await;
}

#[tokio::test]
async fn one_huge_chunk_stops_at_the_cap() {
    let server = endless(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\n\r\n7fffffffffff\r\n",
        &[b'x'; 8192],
    )
    .await;
    stops_at_the_cap(server).await;
}

#[tokio::test]
async fn a_body_until_close_that_never_ends_stops_at_the_cap() {
    let server = endless(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n",
        &[b'x'; 8192],
    )
    .await;
    stops_at_the_cap(server).await;
}

#[tokio::test]
async fn a_chunk_size_that_overflows_is_a_typed_error() {
    let server = conn_server("http", |n, mut stream| async move {
        if n == 0 {
            if read_request(&mut stream).await.is_some() {
                let _ = stream
                    .write_all(
                        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
                          ffffffffffffffffffff\r\nxx",
                    )
                    .await;
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            return;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = quick_client(&server.base);
    failed(
        timed(Duration::from_secs(1), reset(&client, "U1")).await,
        &[TransportErrorKind::Closed, TransportErrorKind::Other],
    );
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
}

#[tokio::test]
async fn a_trickled_body_ends_at_the_timeout() {
    let server = conn_server("http", |n, mut stream| async move {
        if n == 0 {
            if read_request(&mut stream).await.is_none() {
                return;
            }
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
                        Content-Length: 200\r\n\r\n";
            let _ = stream.write_all(head.as_bytes()).await;
            for _ in 0..200 {
                tokio::time::sleep(Duration::from_millis(50)).await;
                if stream.write_all(b" ").await.is_err() {
                    return;
                }
            }
            return;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = quick_client(&server.base);
    failed(
        timed(Duration::from_millis(1400), reset(&client, "U1")).await,
        &[TransportErrorKind::Timeout],
    );
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
}

#[tokio::test]
async fn too_many_headers_is_a_typed_error() {
    let server = conn_server("http", |n, mut stream| async move {
        if n == 0 {
            if read_request(&mut stream).await.is_some() {
                let mut head = String::from("HTTP/1.1 200 OK\r\n");
                for i in 0..500 {
                    head.push_str(&format!("X-Filler-{i}: {i}\r\n"));
                }
                head.push_str("Content-Length: 0\r\n\r\n");
                let _ = stream.write_all(head.as_bytes()).await;
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            return;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = quick_client(&server.base);
    failed(
        timed(Duration::from_secs(1), reset(&client, "U1")).await,
        &[TransportErrorKind::Other],
    );
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
}

#[tokio::test]
async fn a_head_that_never_ends_is_a_typed_error() {
    let server = endless("HTTP/1.1 200 OK\r\nX-Endless: ", &[b'x'; 8192]).await;
    let client = quick_client(&server.base);
    failed(
        timed(Duration::from_secs(1), reset(&client, "U1")).await,
        &[TransportErrorKind::Other],
    );
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
}

#[tokio::test]
async fn a_server_that_never_reads_a_large_body_is_ended_by_the_timeout() {
    let server = conn_server("http", |n, stream| async move {
        if n == 0 {
            // Holds the connection without reading a byte.
            tokio::time::sleep(Duration::from_millis(1500)).await;
            drop(stream);
            return;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = quick_client(&server.base);
    let big = "U".repeat(8 << 20);
    failed(
        timed(Duration::from_millis(1400), reset(&client, &big)).await,
        &[TransportErrorKind::Timeout],
    );
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
}

#[tokio::test]
async fn a_connection_closed_right_after_accepting_fails_that_call_only() {
    let server = conn_server("http", |n, stream| async move {
        if n == 0 {
            drop(stream);
            return;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = quick_client(&server.base);
    failed(
        timed(Duration::from_secs(1), reset(&client, "U1")).await,
        &[TransportErrorKind::Closed, TransportErrorKind::Connect],
    );
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
    assert_eq!(code(reset(&client, "U3").await), "for_U3");
    assert_eq!(server.accepted(), 2);
}

// ---------------------------------------------------------------------------
// Pool pressure and callers that give up.

#[tokio::test]
async fn more_concurrent_calls_than_the_pool_keeps() {
    let server = conn_server("http", |_, mut stream| async move {
        while let Some((_, body)) = read_request(&mut stream).await {
            tokio::time::sleep(Duration::from_millis(50)).await;
            if stream
                .write_all(answer(&user_of(&body)).as_bytes())
                .await
                .is_err()
            {
                return;
            }
        }
    })
    .await;
    let client = plain_builder(&server.base)
        .max_in_flight(512)
        .build()
        .unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for n in 0..320 {
        let client = client.clone();
        calls.spawn(async move {
            let user = format!("U{n}");
            (code(reset(&client, &user).await), user)
        });
    }
    while let Some(done) = calls.join_next().await {
        let (answered, user) = done.unwrap();
        assert_eq!(answered, format!("for_{user}"));
    }
    let accepted = server.accepted();
    assert!(accepted > 256, "the calls overlapped: {accepted}");
    // Connections beyond the pool's 256 idle ones are closed.
    for _ in 0..50 {
        if server.open() <= 256 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(server.open() <= 256, "{} left open", server.open());
    own_answers(&client, "S", 0..10).await;
    assert_eq!(server.accepted(), accepted, "sequential calls reuse");
}

/// A server answering `SLOW…` users after 300 ms, the others at once; its
/// first connection never reads a byte.
async fn cancellable() -> Conns {
    conn_server("http", |n, mut stream| async move {
        if n == 0 {
            tokio::time::sleep(Duration::from_millis(1500)).await;
            return;
        }
        while let Some((_, body)) = read_request(&mut stream).await {
            let user = user_of(&body);
            if user.starts_with("SLOW") {
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
            if stream.write_all(answer(&user).as_bytes()).await.is_err() {
                return;
            }
        }
    })
    .await
}

#[tokio::test]
async fn calls_dropped_mid_write_and_mid_read_do_not_poison_the_pool() {
    let server = cancellable().await;
    let client = plain_client(&server.base);
    // Mid-write: the first connection reads nothing of 8 MiB.
    let big = "U".repeat(8 << 20);
    let dropped = tokio::time::timeout(Duration::from_millis(100), reset(&client, &big)).await;
    assert!(dropped.is_err(), "{dropped:?}");
    assert_eq!(code(reset(&client, "U1").await), "for_U1");
    // Mid-read, on a reused connection, then by aborting the task.
    let dropped = tokio::time::timeout(Duration::from_millis(50), reset(&client, "SLOW1")).await;
    assert!(dropped.is_err(), "{dropped:?}");
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
    let task = {
        let client = client.clone();
        tokio::spawn(async move { reset(&client, "SLOW2").await })
    };
    tokio::time::sleep(Duration::from_millis(50)).await;
    task.abort();
    assert!(task.await.unwrap_err().is_cancelled());
    // The abandoned answers arrive meanwhile; nobody reads them.
    assert_eq!(code(reset(&client, "U3").await), "for_U3");
    tokio::time::sleep(Duration::from_millis(400)).await;
    own_answers(&client, "U", 4..8).await;
}

#[tokio::test]
async fn calls_dropped_mid_connect_do_not_poison_the_pool() {
    // The TLS server takes the first connection and never answers its
    // handshake; the others are served.
    let server = h1_tls_server(1).await;
    let client = tls_client(&server.base, Duration::from_secs(2));
    let dropped = tokio::time::timeout(Duration::from_millis(100), reset(&client, "U0")).await;
    assert!(dropped.is_err(), "{dropped:?}");
    own_answers(&client, "U", 1..4).await;
}

// ---------------------------------------------------------------------------
// TLS.

fn tls_client(base: &str, timeout: Duration) -> SlackClient {
    trusting_builder(base)
        .connect_timeout(Duration::from_millis(300))
        .timeout(timeout)
        .build()
        .unwrap()
}

/// A TLS server offering only HTTP/1.1 whose first `stalled` connections
/// never answer the handshake.
async fn h1_tls_server(stalled: usize) -> Conns {
    h1_tls_server_closing(stalled, None).await
}

/// [`h1_tls_server`], closing each connection this long after an answer
/// when `close_after` is given (as a keep-alive timeout does), with a TLS
/// close_notify when asked.
async fn h1_tls_server_closing(stalled: usize, close_after: Option<(Duration, bool)>) -> Conns {
    let acceptor = acceptor(&[b"http/1.1"]);
    conn_server("https", move |n, stream| {
        let acceptor = acceptor.clone();
        async move {
            if n < stalled {
                tokio::time::sleep(Duration::from_millis(2500)).await;
                return;
            }
            let Ok(mut tls) = acceptor.accept(stream).await else {
                return;
            };
            let mut buf = vec![0u8; 64 * 1024];
            let mut raw = Vec::new();
            loop {
                // One request at a time: head, then `Content-Length` body.
                let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
                    match tls.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(got) => raw.extend_from_slice(&buf[..got]),
                    }
                    continue;
                };
                let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
                let len: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                if raw.len() < end + 4 + len {
                    match tls.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(got) => raw.extend_from_slice(&buf[..got]),
                    }
                    continue;
                }
                let body: Vec<u8> = raw.drain(..end + 4 + len).skip(end + 4).collect();
                if tls
                    .write_all(answer(&user_of(&body)).as_bytes())
                    .await
                    .is_err()
                {
                    return;
                }
                if let Some((after, notify)) = close_after {
                    let _ = tls.flush().await;
                    tokio::time::sleep(after).await;
                    if notify {
                        let _ = tls.shutdown().await;
                    }
                    return;
                }
            }
        }
    })
    .await
}

#[tokio::test]
async fn a_tls_handshake_never_answered_is_a_connect_timeout() {
    let server = h1_tls_server(1).await;
    let client = tls_client(&server.base, Duration::from_secs(2));
    failed(
        timed(Duration::from_secs(1), reset(&client, "U1")).await,
        &[TransportErrorKind::ConnectTimeout],
    );
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
    assert_eq!(code(reset(&client, "U3").await), "for_U3");
}

// ---------------------------------------------------------------------------
// HTTP/2.

/// How the HTTP/2 server ends a connection after its first answer.
#[derive(Clone, Copy)]
enum After {
    KeepOpen,
    /// Sends GOAWAY (a graceful shutdown) once the first answer is out.
    GoAway,
    /// Drops the connection shortly after the first answer.
    Close,
}

/// An HTTP/2 TLS server answering `for_<user_id>`; `STALL…` users are
/// never answered, `BIG…` users get 4 MiB.
async fn h2_server(after: After) -> Conns {
    h2_server_with(after, None).await
}

/// [`h2_server`], allowing at most `max_streams` streams at once.
async fn h2_server_with(after: After, max_streams: Option<u32>) -> Conns {
    let acceptor = acceptor(&[b"h2"]);
    conn_server("https", move |_, stream| {
        let acceptor = acceptor.clone();
        async move {
            let Ok(tls) = acceptor.accept(stream).await else {
                return;
            };
            let (answered, mut first) = tokio::sync::mpsc::unbounded_channel::<()>();
            let service = service_fn(move |request: http::Request<hyper::body::Incoming>| {
                let answered = answered.clone();
                async move {
                    let body = request.into_body().collect().await.unwrap().to_bytes();
                    let user = user_of(&body);
                    if user.starts_with("STALL") {
                        tokio::time::sleep(Duration::from_secs(3)).await;
                    }
                    let _ = answered.send(());
                    let body = if user.starts_with("BIG") {
                        "x".repeat(4 << 20)
                    } else {
                        format!(r#"{{"ok":false,"error":"for_{user}"}}"#)
                    };
                    let mut response = http::Response::new(Full::new(Bytes::from(body)));
                    response.headers_mut().insert(
                        http::header::CONTENT_TYPE,
                        http::HeaderValue::from_static("application/json"),
                    );
                    Ok::<_, Infallible>(response)
                }
            });
            let conn = hyper::server::conn::http2::Builder::new(TokioExecutor::new())
                .max_concurrent_streams(max_streams)
                .serve_connection(TokioIo::new(tls), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => return,
                _ = first.recv() => {}
            }
            match after {
                After::KeepOpen => {}
                After::GoAway => conn.as_mut().graceful_shutdown(),
                After::Close => {
                    let _ = tokio::time::timeout(Duration::from_millis(20), conn.as_mut()).await;
                    return;
                }
            }
            let _ = tokio::time::timeout(Duration::from_secs(5), conn).await;
        }
    })
    .await
}

#[tokio::test]
async fn http2_goaway_between_calls_then_a_new_connection() {
    let server = h2_server(After::GoAway).await;
    let client = tls_client(&server.base, Duration::from_secs(2));
    own_answers(&client, "U", 0..4).await;
    assert_eq!(server.accepted(), 4, "one call per connection");
}

#[tokio::test]
async fn http2_connection_closed_between_calls_then_a_new_connection() {
    let server = h2_server(After::Close).await;
    let client = tls_client(&server.base, Duration::from_secs(2));
    for n in 0..3 {
        own_answer(&client, &format!("U{n}")).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(server.accepted(), 3);
}

#[tokio::test]
async fn http2_a_stalled_stream_ends_that_call_only() {
    let server = h2_server(After::KeepOpen).await;
    let client = tls_client(&server.base, Duration::from_millis(400));
    assert_eq!(code(reset(&client, "U0").await), "for_U0");
    let stalled = {
        let client = client.clone();
        tokio::spawn(async move { timed(Duration::from_secs(1), reset(&client, "STALL")).await })
    };
    own_answers(&client, "U", 1..6).await;
    assert_eq!(server.accepted(), 1, "all on one connection");
    failed(stalled.await.unwrap(), &[TransportErrorKind::Timeout]);
    // A call given up may have met a connection gone silent: the next call
    // opens another, and the one given up closes.
    assert_eq!(code(reset(&client, "U9").await), "for_U9");
    assert_eq!(code(reset(&client, "U10").await), "for_U10");
    assert_eq!(server.accepted(), 2);
    for _ in 0..100 {
        if server.open() <= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(server.open(), 1, "the connection given up is closed");
}

#[tokio::test]
async fn http2_many_first_calls_at_once_leave_one_connection_open() {
    let server = h2_server(After::KeepOpen).await;
    let client = tls_client(&server.base, Duration::from_secs(2));
    let mut calls = tokio::task::JoinSet::new();
    for n in 0..20 {
        let client = client.clone();
        calls.spawn(async move {
            let user = format!("U{n}");
            (code(reset(&client, &user).await), user)
        });
    }
    while let Some(done) = calls.join_next().await {
        let (answered, user) = done.unwrap();
        assert_eq!(answered, format!("for_{user}"));
    }
    for _ in 0..100 {
        if server.open() <= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(server.open(), 1, "of {} accepted", server.accepted());
    let accepted = server.accepted();
    assert_eq!(code(reset(&client, "U99").await), "for_U99");
    assert_eq!(server.accepted(), accepted, "the kept one is reused");
}

#[tokio::test]
async fn http2_connection_closed_then_an_immediate_call() {
    let server = h2_server(After::Close).await;
    let client = tls_client(&server.base, Duration::from_secs(2));
    assert_eq!(code(reset(&client, "U0").await), "for_U0");
    tokio::time::sleep(Duration::from_millis(25)).await;
    for n in 1..4 {
        own_answer(&client, &format!("U{n}")).await;
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// A TCP proxy to `upstream` on 127.0.0.1 whose connections open at the
/// time of `freeze` stop passing bytes either way (and stay open), as a
/// peer that vanished without a word.
async fn freezing_proxy(upstream: &str) -> (String, Arc<tokio::sync::Notify>) {
    let target = upstream
        .trim_start_matches("https://")
        .trim_end_matches("/api/")
        .to_owned();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("https://{}/api/", listener.local_addr().unwrap());
    let freeze = Arc::new(tokio::sync::Notify::new());
    let frozen = freeze.clone();
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            let frozen = frozen.clone();
            let target = target.clone();
            tokio::spawn(async move {
                let Ok(mut outbound) = TcpStream::connect(&target).await else {
                    return;
                };
                tokio::select! {
                    _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                    _ = frozen.notified() => {
                        tokio::time::sleep(Duration::from_secs(3)).await;
                    }
                }
            });
        }
    });
    (base, freeze)
}

#[tokio::test]
async fn http2_a_connection_gone_silent_is_given_up_after_a_timeout() {
    let server = h2_server(After::KeepOpen).await;
    let (base, freeze) = freezing_proxy(&server.base).await;
    let client = tls_client(&base, Duration::from_millis(300));
    assert_eq!(code(reset(&client, "U0").await), "for_U0");
    freeze.notify_waiters();
    failed(
        timed(Duration::from_secs(1), reset(&client, "U1")).await,
        &[TransportErrorKind::Timeout],
    );
    own_answers(&client, "U", 2..5).await;
}

#[tokio::test]
async fn extra_bytes_after_an_answer_are_never_read_as_the_next() {
    // The first answer comes with a second one glued to it, unasked.
    let server = conn_server("http", |n, mut stream| async move {
        if n == 0 {
            let Some((_, body)) = read_request(&mut stream).await else {
                return;
            };
            let both = format!("{}{}", answer(&user_of(&body)), answer("nobody"));
            let _ = stream.write_all(both.as_bytes()).await;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = plain_client(&server.base);
    own_answers(&client, "U", 0..3).await;
}

#[tokio::test]
async fn a_switching_protocols_answer_nobody_asked_for() {
    let server = conn_server("http", |n, mut stream| async move {
        if n == 0 {
            if read_request(&mut stream).await.is_some() {
                let _ = stream
                    .write_all(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: evil\r\nConnection: upgrade\r\n\r\nHTTP/1.1 200 OK\r\n")
                    .await;
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            return;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = quick_client(&server.base);
    let first = timed(Duration::from_secs(1), reset(&client, "U1")).await;
    assert!(first.is_err(), "{first:?}");
    let text = format!("{:?}", first.unwrap_err());
    assert!(!text.contains("topsecret"), "{text}");
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
    assert_eq!(code(reset(&client, "U3").await), "for_U3");
}

#[test]
fn a_client_outliving_its_first_runtime_still_works() {
    // A client kept in a static, say, used from one runtime and then
    // another: pooled connections of the first are never used again.
    let server_rt = tokio::runtime::Runtime::new().unwrap();
    let h1 = server_rt.block_on(conn_server("http", |_, stream| serve_politely(stream)));
    let h2 = server_rt.block_on(h2_server(After::KeepOpen));
    let clients = [
        plain_builder(&h1.base)
            .timeout(Duration::from_secs(2))
            .build()
            .unwrap(),
        tls_client(&h2.base, Duration::from_secs(2)),
    ];
    for round in 0..3 {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            for client in &clients {
                let user = format!("R{round}");
                let answered = timed(Duration::from_secs(1), reset(client, &user)).await;
                assert_eq!(code(answered), format!("for_{user}"));
            }
        });
        drop(rt);
    }
}

#[tokio::test]
async fn http2_an_answer_over_the_cap_ends_that_stream_only() {
    let server = h2_server(After::KeepOpen).await;
    let client = trusting_builder(&server.base)
        .max_response_bytes(64 * 1024)
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    assert_eq!(code(reset(&client, "U0").await), "for_U0");
    for n in 0..3 {
        failed(
            timed(Duration::from_secs(1), reset(&client, &format!("BIG{n}"))).await,
            &[TransportErrorKind::BodyTooLarge],
        );
        own_answer(&client, &format!("U{n}")).await;
    }
    assert_eq!(server.accepted(), 1, "all on one connection");
}

#[tokio::test]
async fn a_close_right_after_each_answer_unannounced() {
    // Each answer looks kept alive, but the server closes at once; the
    // next call comes straight after.
    let server = conn_server("http", |_, mut stream| async move {
        if let Some((_, body)) = read_request(&mut stream).await {
            let _ = stream.write_all(answer(&user_of(&body)).as_bytes()).await;
        }
    })
    .await;
    let client = plain_client(&server.base);
    own_answers(&client, "U", 0..10).await;
}

#[tokio::test]
async fn trailers_and_odd_header_bytes_are_read_past() {
    let server = conn_server("http", |_, mut stream| async move {
        while let Some((_, body)) = read_request(&mut stream).await {
            let body = format!(r#"{{"ok":false,"error":"for_{}"}}"#, user_of(&body));
            let mut whole = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
                X-Odd: \xff\xfe\r\nRetry-After: \xff\r\nTrailer: X-Done\r\n\
                Transfer-Encoding: chunked\r\n\r\n"
                .to_vec();
            whole.extend_from_slice(
                format!("{:x}\r\n{body}\r\n0\r\nX-Done: yes\r\n\r\n", body.len()).as_bytes(),
            );
            if stream.write_all(&whole).await.is_err() {
                return;
            }
        }
    })
    .await;
    let client = plain_client(&server.base);
    own_answers(&client, "U", 0..3).await;
    assert_eq!(server.accepted(), 1, "kept alive past the trailers");
}

#[tokio::test]
async fn http2_calls_dropped_mid_read_leave_no_connection_behind() {
    let server = h2_server(After::KeepOpen).await;
    let client = tls_client(&server.base, Duration::from_secs(2));
    for n in 0..8 {
        let dropped = tokio::time::timeout(
            Duration::from_millis(50),
            reset(&client, &format!("STALL{n}")),
        )
        .await;
        assert!(dropped.is_err(), "{dropped:?}");
        own_answer(&client, &format!("U{n}")).await;
    }
    for _ in 0..100 {
        if server.open() <= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(server.open(), 1, "of {} accepted", server.accepted());
}

#[tokio::test]
async fn a_body_on_an_answer_that_has_none_is_never_read_as_the_next() {
    // `204` and `304` answers have no body whatever they announce: the bytes
    // after the head spoil the connection.
    for status in ["204 No Content", "304 Not Modified"] {
        let server = conn_server("http", move |n, mut stream| async move {
            if n == 0 {
                if read_request(&mut stream).await.is_none() {
                    return;
                }
                let fake = answer("nobody");
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Length: {}\r\n\r\n",
                    fake.len()
                );
                let _ = stream.write_all(format!("{head}{fake}").as_bytes()).await;
            }
            serve_politely(stream).await;
        })
        .await;
        let client = quick_client(&server.base);
        let first = timed(Duration::from_secs(1), reset(&client, "U1")).await;
        assert!(first.is_err(), "{first:?}");
        own_answers(&client, "U", 2..5).await;
    }
}

#[tokio::test]
async fn malformed_heads_are_typed_errors() {
    const HEADS: &[&str] = &[
        "HTTP/1.1 abc Nope\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nNo colon here\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX-Nul: a\0b\r\nContent-Length: 0\r\n\r\n",
        "SSH-2.0-OpenSSH_9.6\r\n",
        // Blank lines before a status line are skipped: this one waits for
        // a status line until the timeout.
        "\r\n\r\n\r\n",
    ];
    for head in HEADS {
        let server = conn_server("http", move |n, mut stream| async move {
            if n == 0 {
                if read_request(&mut stream).await.is_some() {
                    let _ = stream.write_all(head.as_bytes()).await;
                    tokio::time::sleep(Duration::from_millis(600)).await;
                }
                return;
            }
            serve_politely(stream).await;
        })
        .await;
        let client = quick_client(&server.base);
        let first = timed(Duration::from_secs(1), reset(&client, "U1")).await;
        let expected: &[TransportErrorKind] = if head.starts_with("\r\n") {
            &[TransportErrorKind::Timeout]
        } else {
            &[TransportErrorKind::Other, TransportErrorKind::Closed]
        };
        let err = failed(first, expected);
        assert!(!format!("{err}").is_empty(), "{head:?}");
        assert_eq!(code(reset(&client, "U2").await), "for_U2", "{head:?}");
    }
}

#[tokio::test]
async fn http2_goaway_in_the_middle_of_a_burst() {
    let server = h2_server(After::GoAway).await;
    let client = tls_client(&server.base, Duration::from_secs(2));
    for round in 0..3 {
        // The first call's answer comes with a GOAWAY, which meets the
        // burst on its way.
        let first = format!("R{round}");
        assert_eq!(code(reset(&client, &first).await), format!("for_{first}"));
        let mut calls = tokio::task::JoinSet::new();
        for n in 0..30 {
            let client = client.clone();
            calls.spawn(async move {
                let user = format!("R{round}U{n}");
                (reset(&client, &user).await, user)
            });
        }
        while let Some(done) = calls.join_next().await {
            let (answered, user) = done.unwrap();
            assert_eq!(code(answered), format!("for_{user}"));
        }
    }
}

#[tokio::test]
async fn http2_one_stream_at_a_time_queues_the_others() {
    let server = h2_server_with(After::KeepOpen, Some(1)).await;
    let client = tls_client(&server.base, Duration::from_secs(2));
    assert_eq!(code(reset(&client, "U").await), "for_U");
    let mut calls = tokio::task::JoinSet::new();
    for n in 0..20 {
        let client = client.clone();
        calls.spawn(async move {
            let user = format!("U{n}");
            (reset(&client, &user).await, user)
        });
    }
    while let Some(done) = calls.join_next().await {
        let (answered, user) = done.unwrap();
        assert_eq!(code(answered), format!("for_{user}"));
    }
    assert_eq!(server.accepted(), 1, "all on one connection");
}

#[tokio::test]
async fn an_early_refusal_then_a_close_is_read() {
    // A server refusing a large body at its head (as a `413` does), then
    // closing with the body unread.
    let server = conn_server("http", |n, mut stream| async move {
        if n == 0 {
            if read_head(&mut stream).await.is_none() {
                return;
            }
            let body = r#"{"ok":false,"error":"request_too_large"}"#;
            let refusal = format!(
                "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(refusal.as_bytes()).await;
            let _ = stream.flush().await;
            tokio::time::sleep(Duration::from_millis(20)).await;
            return;
        }
        serve_politely(stream).await;
    })
    .await;
    let client = quick_client(&server.base);
    let big = "U".repeat(8 << 20);
    let first = timed(Duration::from_secs(1), reset(&client, &big)).await;
    assert!(
        matches!(first, Err(SlackError::Http { status: 413, .. })),
        "{first:?}"
    );
    assert_eq!(code(reset(&client, "U2").await), "for_U2");
}

#[tokio::test]
async fn tls_connections_closed_while_idle_are_not_used() {
    for notify in [true, false] {
        let server = h1_tls_server_closing(0, Some((Duration::from_millis(20), notify))).await;
        let client = tls_client(&server.base, Duration::from_secs(2));
        for n in 0..4 {
            own_answer(&client, &format!("U{n}")).await;
            tokio::time::sleep(Duration::from_millis(80)).await;
        }
        assert_eq!(server.accepted(), 4);
    }
}
