//! Connection reuse over HTTP/1.1 keep-alive: calls share connections, a
//! connection the server has closed is never used again, and a connection
//! is never reused while an earlier answer may still be on it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use slackline::{AdminUsersSessionApi, SlackClient, SlackError, TransportErrorKind};
use tokio::io::AsyncWriteExt;

use crate::support::{
    api_code, assert_transport, bounded, plain_builder, plain_client, read_request, token,
};

pub(crate) const RESET: &str = "admin.users.session.reset";

/// What the server saw of one request.
#[derive(Clone, Debug)]
pub(crate) struct Seen {
    /// The connection it came on (0 for the first accepted).
    pub(crate) conn: usize,
    /// Its number over all connections (0 for the first).
    pub(crate) request: usize,
    pub(crate) head: String,
    pub(crate) body: String,
}

/// How the server answers one request.
pub(crate) struct Reply {
    /// The error code answered (`{"ok":false,"error":code}`), so that each
    /// call can tell which request its answer belongs to.
    pub(crate) code: String,
    /// Waited before answering.
    pub(crate) delay: Duration,
    pub(crate) then: Then,
    /// Bytes of body announced but never sent (the answer is cut short).
    pub(crate) missing: usize,
}

pub(crate) enum Then {
    /// Keep the connection open for the next request.
    KeepOpen,
    /// Answer with `Connection: close`, then close.
    CloseAnnounced,
    /// Answer as if keeping the connection, then close it after this long
    /// (as a server's keep-alive timeout does).
    CloseLater(Duration),
}

pub(crate) fn reply(code: impl Into<String>) -> Reply {
    Reply {
        code: code.into(),
        delay: Duration::ZERO,
        then: Then::KeepOpen,
        missing: 0,
    }
}

pub(crate) struct Server {
    pub(crate) base: String,
    conns: Arc<AtomicUsize>,
    /// Connections the client closed (the server read their end).
    closed: Arc<AtomicUsize>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    pub(crate) fn closed_by_client(&self) -> usize {
        self.closed.load(Ordering::SeqCst)
    }

    pub(crate) fn connections(&self) -> usize {
        self.conns.load(Ordering::SeqCst)
    }

    pub(crate) fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// A keep-alive HTTP/1.1 server on 127.0.0.1 that answers each request as
/// `answer` says and records what it saw.
pub(crate) async fn server(answer: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/", listener.local_addr().unwrap());
    let conns = Arc::new(AtomicUsize::new(0));
    let closed = Arc::new(AtomicUsize::new(0));
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let answer = Arc::new(answer);
    let (accepted, ended, log) = (conns.clone(), closed.clone(), seen.clone());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let conn = accepted.fetch_add(1, Ordering::SeqCst);
            let (answer, ended, log) = (answer.clone(), ended.clone(), log.clone());
            tokio::spawn(async move {
                while let Some((head, body)) = read_request(&mut stream).await {
                    let seen = {
                        let mut log = log.lock().unwrap();
                        let seen = Seen {
                            conn,
                            request: log.len(),
                            head,
                            body: String::from_utf8_lossy(&body).into_owned(),
                        };
                        log.push(seen.clone());
                        seen
                    };
                    let reply = answer(&seen);
                    tokio::time::sleep(reply.delay).await;
                    let body = format!(r#"{{"ok":false,"error":"{}"}}"#, reply.code);
                    let close = matches!(reply.then, Then::CloseAnnounced);
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
                         Content-Length: {}\r\n{}\r\n",
                        body.len() + reply.missing,
                        if close { "Connection: close\r\n" } else { "" },
                    );
                    let wrote = async {
                        stream.write_all(head.as_bytes()).await?;
                        stream.write_all(body.as_bytes()).await?;
                        stream.flush().await
                    };
                    if wrote.await.is_err() || reply.missing > 0 {
                        return;
                    }
                    match reply.then {
                        Then::KeepOpen => {}
                        Then::CloseAnnounced => return,
                        Then::CloseLater(wait) => {
                            tokio::time::sleep(wait).await;
                            return;
                        }
                    }
                }
                ended.fetch_add(1, Ordering::SeqCst);
            });
        }
    });
    Server {
        base,
        conns,
        closed,
        seen,
    }
}

pub(crate) async fn reset(client: &SlackClient, user: &str) -> Result<(), SlackError> {
    bounded(client.admin_users_session_reset(&token(), user, None, None))
        .await
        .map(|_| ())
}

/// The code the server answered, which names the request it answered.
pub(crate) fn code(result: Result<(), SlackError>) -> String {
    api_code(result, RESET)
}

#[tokio::test]
async fn sequential_calls_share_one_connection() {
    let server = server(|seen| reply(format!("answer_{}", seen.request))).await;
    let client = plain_client(&server.base);
    for n in 0..20 {
        assert_eq!(code(reset(&client, "U1").await), format!("answer_{n}"));
    }
    assert_eq!(server.connections(), 1, "{:?}", server.seen());
    let seen = server.seen();
    assert_eq!(seen.len(), 20);
    assert!(seen.iter().all(|s| s.conn == 0));
    let port = server
        .base
        .split(':')
        .nth(2)
        .unwrap()
        .trim_end_matches("/api/");
    let host = format!("host: 127.0.0.1:{port}\r\n");
    assert!(
        seen[0].head.to_ascii_lowercase().contains(&host),
        "{}",
        seen[0].head
    );
    assert!(
        seen[0]
            .head
            .starts_with("POST /api/admin.users.session.reset HTTP/1.1\r\n")
    );
}

#[tokio::test]
async fn a_connection_the_server_closed_while_idle_is_not_used() {
    // The server closes each connection shortly after answering, as a
    // keep-alive timeout does; the next call comes later and must go out
    // once, on a new connection, with no error.
    let server = server(|seen| Reply {
        then: Then::CloseLater(Duration::from_millis(20)),
        ..reply(format!("answer_{}", seen.request))
    })
    .await;
    let client = plain_client(&server.base);
    for n in 0..4 {
        assert_eq!(code(reset(&client, "U1").await), format!("answer_{n}"));
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    assert_eq!(server.seen().len(), 4, "each request sent once");
    assert_eq!(server.connections(), 4);
}

#[tokio::test]
async fn connection_close_is_honoured() {
    let server = server(|seen| Reply {
        then: Then::CloseAnnounced,
        ..reply(format!("answer_{}", seen.request))
    })
    .await;
    let client = plain_client(&server.base);
    for n in 0..3 {
        assert_eq!(code(reset(&client, "U1").await), format!("answer_{n}"));
    }
    assert_eq!(server.connections(), 3);
}

#[tokio::test]
async fn an_abandoned_answer_is_never_read_by_the_next_call() {
    // The first answer comes after the client has given up on it; the
    // second call must read its own answer, never the first's.
    let server = server(|seen| Reply {
        delay: if seen.request == 0 {
            Duration::from_millis(600)
        } else {
            Duration::ZERO
        },
        ..reply(format!("answer_{}", seen.request))
    })
    .await;
    let client = plain_builder(&server.base)
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let first = reset(&client, "U1").await.unwrap_err();
    assert_transport(&first, TransportErrorKind::Timeout);
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(code(reset(&client, "U1").await), "answer_1");
    assert_eq!(code(reset(&client, "U1").await), "answer_2");
    let seen = server.seen();
    assert_eq!(seen[1].conn, 1, "a new connection after the abandoned one");
    assert_eq!(seen[2].conn, 1, "which is then reused");
}

#[tokio::test]
async fn a_cut_answer_fails_that_call_only() {
    let server = server(|seen| Reply {
        missing: if seen.request == 0 { 10 } else { 0 },
        ..reply(format!("answer_{}", seen.request))
    })
    .await;
    let client = plain_client(&server.base);
    let err = reset(&client, "U1").await.unwrap_err();
    assert_transport(&err, TransportErrorKind::Closed);
    assert_eq!(code(reset(&client, "U1").await), "answer_1");
    assert_eq!(server.connections(), 2);
}

#[tokio::test]
async fn an_answer_over_the_cap_drops_its_connection() {
    let big = "x".repeat(4096);
    let server = server(move |seen| {
        reply(if seen.request == 0 {
            big.clone()
        } else {
            format!("answer_{}", seen.request)
        })
    })
    .await;
    let client = plain_builder(&server.base)
        .max_response_bytes(1024)
        .build()
        .unwrap();
    let err = reset(&client, "U1").await.unwrap_err();
    assert_transport(&err, TransportErrorKind::BodyTooLarge);
    assert_eq!(code(reset(&client, "U1").await), "answer_1");
    assert_eq!(server.connections(), 2);
}

#[tokio::test]
async fn concurrent_calls_each_get_their_own_answer() {
    // The answer names the user the request was about, and comes after a
    // delay that differs per request, so answers finish out of order.
    let server = server(|seen| {
        let user = form_urlencoded::parse(seen.body.as_bytes())
            .find(|(name, _)| name == "user_id")
            .map(|(_, value)| value.into_owned())
            .unwrap_or_default();
        Reply {
            delay: Duration::from_millis((seen.request as u64 * 7) % 40),
            ..reply(format!("for_{user}"))
        }
    })
    .await;
    let client = plain_client(&server.base);
    for round in 0..3 {
        let mut calls = tokio::task::JoinSet::new();
        for n in 0..24 {
            let client = client.clone();
            calls.spawn(async move {
                let user = format!("U{round}X{n}");
                let answered = code(reset(&client, &user).await);
                (user, answered)
            });
        }
        while let Some(done) = calls.join_next().await {
            let (user, answered) = done.unwrap();
            assert_eq!(answered, format!("for_{user}"), "each call its own answer");
        }
    }
    assert_eq!(server.seen().len(), 72, "each request sent once");
    assert!(
        server.connections() <= 48,
        "connections are reused: {} for 3 rounds of 24",
        server.connections()
    );
}

#[tokio::test]
async fn idle_connections_are_closed_after_the_idle_timeout_without_another_call() {
    let server = server(|seen| reply(format!("answer_{}", seen.request))).await;
    let client = plain_builder(&server.base)
        .pool_idle_timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for n in 0..3 {
        let client = client.clone();
        calls.spawn(async move { code(reset(&client, &format!("U{n}")).await) });
    }
    while let Some(done) = calls.join_next().await {
        done.unwrap();
    }
    let opened = server.connections();
    assert!(opened >= 1);
    assert_eq!(server.closed_by_client(), 0, "kept alive at first");
    let deadline = std::time::Instant::now() + Duration::from_secs(6);
    while server.closed_by_client() < opened {
        assert!(
            std::time::Instant::now() < deadline,
            "{} of {opened} idle connections closed",
            server.closed_by_client()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // And the pool works on afterwards, on a new connection.
    assert_eq!(code(reset(&client, "U9").await), "answer_3");
    assert_eq!(server.connections(), opened + 1);
}
