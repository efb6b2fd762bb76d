//! Bad input: the mock answers cleanly and keeps serving.

use std::time::{Duration, Instant};

use slackline_mock::{MockSlack, RateLimits, demo};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::*;

fn post(method: &str, content_type: Option<&str>, body: &[u8]) -> Vec<u8> {
    let mut req = format!(
        "POST /api/{method} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {}\r\nContent-Length: {}\r\n",
        demo::ADMIN_TOKEN,
        body.len()
    );
    if let Some(ct) = content_type {
        req.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    req.push_str("\r\n");
    let mut bytes = req.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

#[tokio::test]
async fn oversized_body() {
    let m = mock().await;
    let big = vec![b'a'; 2 * 1024 * 1024];
    // Declared length.
    let r = raw(
        &m,
        &post("api.test", Some("application/x-www-form-urlencoded"), &big),
    )
    .await;
    assert!(r.starts_with("HTTP/1.1 413"), "{r}");
    assert_eq!(raw_json(&r)["error"], "request_too_large");
    // Chunked, no length.
    let mut req = b"POST /api/api.test HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..20 {
        req.extend_from_slice(format!("{:x}\r\n", 100 * 1024).as_bytes());
        req.extend_from_slice(&vec![b'a'; 100 * 1024]);
        req.extend_from_slice(b"\r\n");
    }
    req.extend_from_slice(b"0\r\n\r\n");
    let r = raw(&m, &req).await;
    assert!(r.starts_with("HTTP/1.1 413"), "{r}");
    // Still serving.
    assert!(
        call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[])
            .await
            .ok()
    );
    // Just under the cap is fine.
    let ok = format!("a={}", "b".repeat(1024 * 1024 - 2));
    let r = raw(
        &m,
        &post(
            "api.test",
            Some("application/x-www-form-urlencoded"),
            ok.as_bytes(),
        ),
    )
    .await;
    assert!(r.starts_with("HTTP/1.1 200"), "{}", &r[..r.len().min(200)]);
}

#[tokio::test]
async fn invalid_utf8_and_charsets() {
    let m = mock().await;
    let form = Some("application/x-www-form-urlencoded");
    let r = raw(&m, &post("api.test", form, b"a=%ff%fe")).await;
    assert_eq!(raw_json(&r)["error"], "invalid_form_data", "{r}");
    let r = raw(&m, &post("api.test", form, b"a=\xff\xfe")).await;
    assert_eq!(raw_json(&r)["error"], "invalid_form_data", "{r}");
    let r = raw(
        &m,
        &post(
            "api.test",
            Some("application/x-www-form-urlencoded; charset=iso-8859-1"),
            b"a=b",
        ),
    )
    .await;
    assert_eq!(raw_json(&r)["error"], "invalid_charset", "{r}");
    let r = raw(
        &m,
        &post(
            "api.test",
            Some("application/x-www-form-urlencoded; charset=UTF-8"),
            b"a=%C3%A9",
        ),
    )
    .await;
    assert_eq!(raw_json(&r)["args"]["a"], "é", "{r}");
    let r = raw(
        &m,
        &post("auth.test", Some("application/json"), b"{\"a\":\"\xff\"}"),
    )
    .await;
    assert_eq!(raw_json(&r)["error"], "invalid_json", "{r}");
}

#[tokio::test]
async fn odd_content_types() {
    let m = mock().await;
    let r = raw(&m, &post("api.test", Some("text/plain"), b"hello")).await;
    assert_eq!(raw_json(&r)["error"], "invalid_post_type", "{r}");
    let r = raw(
        &m,
        &post(
            "api.test",
            Some("multipart/form-data; boundary=x"),
            b"--x\r\n\r\n--x--",
        ),
    )
    .await;
    // Multipart is taken (as Slack does), but this body is malformed.
    assert_eq!(raw_json(&r)["error"], "invalid_form_data", "{r}");
    let r = raw(&m, &post("api.test", None, b"a=b")).await;
    assert_eq!(raw_json(&r)["error"], "missing_post_type", "{r}");
    // A type that is not visible ASCII is there, but not usable.
    let mut req = post(
        "api.test",
        Some("application/x-www-form-urlencoded"),
        b"a=b",
    );
    let at = req.windows(4).position(|w| w == b"www-").unwrap() + 4;
    req.insert(at, 0xff);
    let r = raw(&m, &req).await;
    assert_eq!(raw_json(&r)["error"], "invalid_post_type", "{r}");
    // No body, no type: fine. An empty body carries no arguments, whatever its type.
    let r = raw(&m, &post("auth.test", None, b"")).await;
    assert_eq!(raw_json(&r)["ok"], true, "{r}");
    for ct in [
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded; charset=latin1",
    ] {
        let r = raw(&m, &post("auth.test", Some(ct), b"")).await;
        assert_eq!(raw_json(&r)["ok"], true, "{ct}: {r}");
    }
    // Type parameters and case.
    let r = raw(
        &m,
        &post(
            "api.test",
            Some("Application/X-WWW-Form-Urlencoded ; charset=\"UTF-8\""),
            b"a=1",
        ),
    )
    .await;
    assert_eq!(raw_json(&r)["args"]["a"], "1", "{r}");
}

#[tokio::test]
async fn deep_and_wide_bodies() {
    let m = mock().await;
    // Nesting beyond serde_json's recursion limit: invalid_json, not a stack overflow.
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let r = raw(
        &m,
        &post(
            "chat.postMessage",
            Some("application/json"),
            deep.as_bytes(),
        ),
    )
    .await;
    assert_eq!(
        raw_json(&r)["error"],
        "invalid_json",
        "{}",
        &r[..r.len().min(300)]
    );
    // Hundreds of thousands of empty pairs, then a huge number of arguments.
    let wide = "&".repeat(1024 * 1024 - 1);
    let r = raw(
        &m,
        &post(
            "api.test",
            Some("application/x-www-form-urlencoded"),
            wide.as_bytes(),
        ),
    )
    .await;
    assert_eq!(raw_json(&r)["ok"], true, "{}", &r[..r.len().min(300)]);
    let many: String = (0..100_000).map(|i| format!("k{i}=v&")).collect();
    let r = raw(
        &m,
        &post(
            "auth.test",
            Some("application/x-www-form-urlencoded"),
            many.as_bytes(),
        ),
    )
    .await;
    assert_eq!(raw_json(&r)["ok"], true, "{}", &r[..r.len().min(300)]);
    // Percent-escapes cut short, NUL bytes, lone surrogates in JSON.
    let r = raw(
        &m,
        &post(
            "api.test",
            Some("application/x-www-form-urlencoded"),
            b"a=%&b=%4&c=%00",
        ),
    )
    .await;
    assert_eq!(raw_json(&r)["args"]["a"], "%", "{r}");
    assert_eq!(raw_json(&r)["args"]["c"], "\u{0}", "{r}");
    let r = raw(
        &m,
        &post("auth.test", Some("application/json"), br#"{"a":"\ud800"}"#),
    )
    .await;
    assert_eq!(raw_json(&r)["error"], "invalid_json", "{r}");
    assert!(
        call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[])
            .await
            .ok()
    );
}

#[tokio::test]
async fn journal_memory_is_bounded_by_bytes() {
    let m = MockSlack::builder()
        .demo_org()
        .rate_limits(RateLimits::Off)
        .journal_max_bytes(3 * 1024 * 1024)
        .start()
        .await
        .unwrap();
    let big = format!("a={}", "b".repeat(1000 * 1000));
    for _ in 0..10 {
        let r = raw(
            &m,
            &post(
                "api.test",
                Some("application/x-www-form-urlencoded"),
                big.as_bytes(),
            ),
        )
        .await;
        assert!(r.starts_with("HTTP/1.1 200"), "{}", &r[..r.len().min(200)]);
    }
    let j = m.journal();
    assert!((1..=3).contains(&j.len()), "{}", j.len());
    assert_eq!(m.request_count(), 10);
    // Small entries are not evicted by the budget.
    m.clear_journal();
    for _ in 0..100 {
        call(&m, "api.test", None, &[]).await;
    }
    assert_eq!(m.journal().len(), 100);
}

#[tokio::test]
async fn huge_header_gets_431() {
    let m = mock().await;
    let req = format!(
        "POST /api/auth.test HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nContent-Length: 0\r\n\r\n",
        "a".repeat(200 * 1024)
    );
    let r = raw(&m, req.as_bytes()).await;
    assert!(r.starts_with("HTTP/1.1 431"), "{}", &r[..r.len().min(200)]);
    assert!(
        call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[])
            .await
            .ok()
    );
}

#[tokio::test]
async fn garbage_paths_and_verbs() {
    let m = mock().await;
    let r = raw(&m, b"GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n").await;
    assert!(r.starts_with("HTTP/1.1 404"), "{r}");
    let r = raw(
        &m,
        b"PUT /api/auth.test HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
    )
    .await;
    // Read as POST, like Slack: no token here.
    assert!(r.starts_with("HTTP/1.1 200"), "{r}");
    assert_eq!(raw_json(&r)["error"], "not_authed", "{r}");
    let r = raw(&m, b"\x00\x01garbage\r\n\r\n").await;
    assert!(r.is_empty() || r.starts_with("HTTP/1.1 400"), "{r}");
    assert!(
        call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[])
            .await
            .ok()
    );
}

#[tokio::test]
async fn slow_clients_are_cut_off() {
    let m = MockSlack::builder()
        .demo_org()
        .rate_limits(RateLimits::Off)
        .header_read_timeout(Duration::from_millis(300))
        .body_read_timeout(Duration::from_millis(300))
        .start()
        .await
        .unwrap();
    // Headers never finished: the connection is closed.
    let mut s = tokio::net::TcpStream::connect(m.addr()).await.unwrap();
    s.write_all(b"POST /api/auth.test HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let start = Instant::now();
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut buf)).await;
    assert!(read.is_ok(), "connection not closed");
    assert!(start.elapsed() < Duration::from_secs(3));
    // Body never finished: 408.
    let mut s = tokio::net::TcpStream::connect(m.addr()).await.unwrap();
    s.write_all(b"POST /api/api.test HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10\r\n\r\na=").await.unwrap();
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), s.read(&mut buf))
        .await
        .unwrap()
        .unwrap();
    let text = String::from_utf8_lossy(&buf[..n]);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
}

#[tokio::test]
async fn drop_stops_the_server() {
    let m = mock().await;
    let addr = m.addr();
    assert!(call(&m, "api.test", None, &[]).await.ok());
    drop(m);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
    let m = mock().await;
    let addr = m.addr();
    m.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn base_url_shape() {
    let m = mock().await;
    assert_eq!(
        m.base_url(),
        format!("http://127.0.0.1:{}/api/", m.addr().port())
    );
    assert!(m.addr().ip().is_loopback());
}
