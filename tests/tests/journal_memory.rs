//! The emulator's request journal stays within its byte budget whatever the
//! requests: an entry must not keep alive more than it counts (such as the
//! connection's read buffer, shared by header values taken from hyper).
//!
//! Its own test binary: it measures the process's resident memory, which
//! other tests running beside it would disturb.

#![cfg(target_os = "linux")]

use std::net::SocketAddr;
use std::time::Duration;

use slackline_mock::MockSlack;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Resident memory of this process, in bytes.
fn rss() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096
}

/// `count` `text/plain` requests of `body_len` bytes on one keep-alive
/// connection (each answered `invalid_post_type`, and journaled).
async fn post_text(addr: SocketAddr, body_len: usize, count: usize) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /api/chat.postMessage HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain\r\nContent-Length: {body_len}\r\n\r\n"
    );
    let mut request = head.into_bytes();
    request.resize(request.len() + body_len, b'a');
    let mut buf = vec![0u8; 64 * 1024];
    for _ in 0..count {
        stream.write_all(&request).await.unwrap();
        // The answer: a head with Content-Length, then that many bytes.
        let mut answer = Vec::new();
        let body_start = loop {
            let n = stream.read(&mut buf).await.unwrap();
            assert!(n > 0, "connection closed");
            answer.extend_from_slice(&buf[..n]);
            if let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") {
                break end + 4;
            }
        };
        let head = String::from_utf8_lossy(&answer[..body_start]).to_lowercase();
        assert!(head.starts_with("http/1.1 200"), "{head}");
        let len: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        while answer.len() < body_start + len {
            let n = stream.read(&mut buf).await.unwrap();
            assert!(n > 0, "connection closed");
            answer.extend_from_slice(&buf[..n]);
        }
        assert!(String::from_utf8_lossy(&answer[body_start..]).contains("invalid_post_type"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_journal_retains_no_more_than_its_budget() {
    const BUDGET: usize = 1 << 20;
    const BODY: usize = 60 * 1024;
    let mock = MockSlack::builder()
        .demo_org()
        .journal_max_bytes(BUDGET)
        .start()
        .await
        .unwrap();
    let addr = mock.addr();
    assert!(addr.ip().is_loopback());
    // Warm up: connection buffers, allocator arenas, the journal's ring.
    post_text(addr, BODY, 200).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let before = rss();
    let requests = 2_000;
    for _ in 0..requests / 100 {
        post_text(addr, BODY, 100).await;
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let grown = rss().saturating_sub(before);
    let journal = mock.journal();
    assert!(!journal.is_empty());
    assert_eq!(
        journal.last().unwrap().content_type.as_deref(),
        Some("text/plain")
    );
    // Had each entry kept its request's read buffer (about 64 KiB), the
    // journal would hold 2,000 × 64 KiB = 125 MiB here.
    assert!(
        grown < 8 << 20,
        "memory grew by {} MiB over {requests} requests with a 1 MiB journal ({} entries kept)",
        grown >> 20,
        journal.len()
    );
}
