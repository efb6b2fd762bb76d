//! Throughput of the mock: simple validated requests over keep-alive connections.
//!
//! `cargo bench -p slackline-mock --bench throughput [-- --requests N --connections C
//! --method auth.test --client raw|reqwest --journal CAPACITY --url http://127.0.0.1:3000/api/]`
//!
//! Without `--url` the mock runs in-process (rate limits off, journal on, as in tests).
//! The `raw` client (default) writes HTTP/1.1 requests on plain sockets and parses only the
//! status line and Content-Length, so nearly all CPU goes to the server; `reqwest` measures
//! server plus a real client.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use slackline_mock::{MockSlack, RateLimits, demo};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Options {
    requests: u64,
    connections: usize,
    method: String,
    client: String,
    url: Option<String>,
    journal: usize,
}

fn options() -> Options {
    let mut o = Options {
        requests: 200_000,
        connections: 64,
        method: "auth.test".to_owned(),
        client: "raw".to_owned(),
        url: None,
        journal: slackline_mock::DEFAULT_JOURNAL_CAPACITY,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--requests" => {
                o.requests = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(o.requests)
            }
            "--connections" => {
                o.connections = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(o.connections)
            }
            "--method" => o.method = args.next().unwrap_or(o.method),
            "--client" => o.client = args.next().unwrap_or(o.client),
            "--url" => o.url = args.next(),
            "--journal" => {
                o.journal = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(o.journal)
            }
            _ => {} // e.g. `--bench` from cargo
        }
    }
    o
}

fn main() {
    let o = options();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(run(o));
}

async fn run(o: Options) {
    let (_mock, base) = match &o.url {
        Some(url) => (None, url.clone()),
        None => {
            let mock = MockSlack::builder()
                .demo_org()
                .rate_limits(RateLimits::Off)
                .journal_capacity(o.journal)
                .start()
                .await
                .expect("start mock");
            let base = mock.base_url();
            (Some(mock), base)
        }
    };
    let addr = base
        .strip_prefix("http://")
        .and_then(|r| r.split('/').next())
        .expect("base URL like http://127.0.0.1:PORT/api/")
        .to_owned();
    assert!(
        addr.starts_with("127.0.0.1:"),
        "benchmark only talks to 127.0.0.1"
    );

    // Warm-up (connections, caches), not measured.
    drive(&o, &base, &addr, (o.requests / 10).max(1000)).await;
    let start = Instant::now();
    let failures = drive(&o, &base, &addr, o.requests).await;
    let elapsed = start.elapsed();
    let rps = o.requests as f64 / elapsed.as_secs_f64();
    println!(
        "{} {} requests, {} connections, {} client: {:.2?} → {:.0} req/s ({} failures)",
        o.method, o.requests, o.connections, o.client, elapsed, rps, failures
    );
}

async fn drive(o: &Options, base: &str, addr: &str, total: u64) -> u64 {
    let issued = Arc::new(AtomicU64::new(0));
    let failures = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(o.connections)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    for _ in 0..o.connections {
        let issued = issued.clone();
        let failures = failures.clone();
        let method = o.method.clone();
        let addr = addr.to_owned();
        let url = format!("{base}{}", o.method);
        let client = client.clone();
        let raw = o.client != "reqwest";
        tasks.push(tokio::spawn(async move {
            if raw {
                raw_worker(&addr, &method, total, &issued, &failures).await;
            } else {
                while issued.fetch_add(1, Ordering::Relaxed) < total {
                    let ok = match client
                        .post(&url)
                        .bearer_auth(demo::ADMIN_TOKEN)
                        .send()
                        .await
                    {
                        Ok(r) => {
                            r.status().is_success()
                                && r.content_length().is_some_and(|n| n <= MAX_RESPONSE as u64)
                                && r.bytes().await.is_ok_and(|b| is_ok_body(&b))
                        }
                        Err(_) => false,
                    };
                    if !ok {
                        failures.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    failures.load(Ordering::Relaxed)
}

fn is_ok_body(b: &[u8]) -> bool {
    b.windows(9).any(|w| w == b"\"ok\":true")
}

async fn raw_worker(
    addr: &str,
    method: &str,
    total: u64,
    issued: &AtomicU64,
    failures: &AtomicU64,
) {
    let request = format!(
        "POST /api/{method} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n\r\n",
        demo::ADMIN_TOKEN
    );
    let mut stream = match TcpStream::connect(addr).await {
        Ok(s) => s,
        Err(_) => {
            failures.fetch_add(1, Ordering::Relaxed);
            return;
        }
    };
    let _ = stream.set_nodelay(true);
    let mut buf = Vec::with_capacity(8192);
    let mut chunk = [0u8; 8192];
    while issued.fetch_add(1, Ordering::Relaxed) < total {
        if stream.write_all(request.as_bytes()).await.is_err() {
            failures.fetch_add(1, Ordering::Relaxed);
            return;
        }
        // Read one response: headers, then Content-Length bytes.
        let (head_len, body_len, status_ok) = loop {
            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                let len = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                break (end + 4, len, head.starts_with("http/1.1 200"));
            }
            if !read_more(&mut stream, &mut buf, &mut chunk).await {
                failures.fetch_add(1, Ordering::Relaxed);
                return;
            }
        };
        while buf.len() < head_len.saturating_add(body_len) {
            if !read_more(&mut stream, &mut buf, &mut chunk).await {
                failures.fetch_add(1, Ordering::Relaxed);
                return;
            }
        }
        if !status_ok || !is_ok_body(&buf[head_len..head_len + body_len]) {
            failures.fetch_add(1, Ordering::Relaxed);
        }
        buf.drain(..head_len + body_len);
    }
}

/// Largest answer the raw client reads (the methods it drives answer in well under 1 KiB).
const MAX_RESPONSE: usize = 1024 * 1024;

/// How long the raw client waits for the next bytes of an answer.
const READ_TIMEOUT: Duration = Duration::from_secs(30);

/// Reads more of an answer into `buf`: `false` at the end of the stream, on an error,
/// after [`READ_TIMEOUT`] without a byte, or once `buf` holds [`MAX_RESPONSE`] bytes.
async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>, chunk: &mut [u8]) -> bool {
    if buf.len() >= MAX_RESPONSE {
        return false;
    }
    match tokio::time::timeout(READ_TIMEOUT, stream.read(chunk)).await {
        Ok(Ok(n)) if n > 0 => {
            buf.extend_from_slice(&chunk[..n]);
            true
        }
        _ => false,
    }
}
