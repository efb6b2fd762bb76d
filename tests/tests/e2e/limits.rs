//! Bounded under hostile answers: every read is capped, every call ends by
//! its deadline; and the emulator's own limits.
//!
//! The servers here are written by hand (see `hostile_server`) so they can
//! misbehave as an attacker or a broken proxy would: bodies without end,
//! `Content-Length`s of hundreds of megabytes, answers that never come.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use slackline::{
    AdminUsersSessionApi, DefaultSuccess, RetryPolicy, SlackClient, SlackError, TransportErrorKind,
};
use tokio::io::AsyncWriteExt;

use crate::support::{
    always_429, assert_transport, bounded, emulator_with, hostile_server, plain_builder, raw_http,
    token, write_answer,
};

#[tokio::test]
async fn an_announced_body_over_the_cap_is_refused_before_reading() {
    // 300 MiB announced, 1 MiB sent, then the server waits: reading the body
    // would only end with the timeout.
    let (base, _) = hostile_server(|_, _, mut stream| async move {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 314572800\r\n\r\n";
        let _ = stream.write_all(head.as_bytes()).await;
        let _ = stream.write_all(&vec![b' '; 1 << 20]).await;
        tokio::time::sleep(Duration::from_secs(30)).await;
    })
    .await;
    let client = plain_builder(&base)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = bounded(client.admin_users_session_reset(&token(), "U1", None, None))
        .await
        .unwrap_err();
    assert_transport(&err, TransportErrorKind::BodyTooLarge);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    let text = err.to_string();
    assert!(text.contains("16777216-byte cap"), "says the cap: {text}");
    assert_eq!(err.kind(), "body_too_large");
}

#[tokio::test]
async fn an_endless_chunked_body_stops_at_the_cap() {
    let (written_tx, mut written_rx) = tokio::sync::mpsc::unbounded_channel();
    let (base, _) = hostile_server(move |_, _, mut stream| {
        let written_tx = written_tx.clone();
        async move {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            let _ = stream.write_all(head.as_bytes()).await;
            let chunk = format!("10000\r\n{}\r\n", " ".repeat(0x10000));
            let mut written = 0usize;
            let started = Instant::now();
            // Until the client hangs up (or 10 s: an old client reads on).
            while started.elapsed() < Duration::from_secs(10) {
                if stream.write_all(chunk.as_bytes()).await.is_err() {
                    break;
                }
                written += 0x10000;
            }
            let _ = written_tx.send(written);
        }
    })
    .await;
    let client = plain_builder(&base)
        .max_response_bytes(1 << 20)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = bounded(client.admin_users_session_reset(&token(), "U1", None, None))
        .await
        .unwrap_err();
    assert_transport(&err, TransportErrorKind::BodyTooLarge);
    assert!(err.to_string().contains("1048576-byte cap"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    drop(client); // closes the connection
    let written = bounded(written_rx.recv()).await.unwrap();
    // What the client read, plus what the socket buffers held when it hung up.
    assert!(written < 64 << 20, "the server wrote {written} bytes");
}

#[tokio::test]
async fn answers_up_to_the_cap_are_read_whole() {
    // A valid answer just under the cap, in many chunks and with a length.
    let padding = "x".repeat((1 << 20) - 100);
    let body = format!(r#"{{"ok":true,"padding":"{padding}"}}"#);
    assert!(body.len() <= 1 << 20);
    let (base, _) = hostile_server(move |n, _, mut stream| {
        let body = body.clone();
        async move {
            if n == 0 {
                write_answer(stream, 200, &[("Content-Type", "application/json")], body.as_bytes())
                    .await;
                return;
            }
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head.as_bytes()).await;
            for piece in body.as_bytes().chunks(3000) {
                let chunk = format!("{:x}\r\n", piece.len());
                let _ = stream.write_all(chunk.as_bytes()).await;
                let _ = stream.write_all(piece).await;
                let _ = stream.write_all(b"\r\n").await;
            }
            let _ = stream.write_all(b"0\r\n\r\n").await;
        }
    })
    .await;
    let client = plain_builder(&base)
        .max_response_bytes(1 << 20)
        .build()
        .unwrap();
    for _ in 0..2 {
        let answer: DefaultSuccess = client
            .admin_users_session_reset(&token(), "U1", None, None)
            .await
            .unwrap();
        assert_eq!(
            answer.extra["padding"].as_str().unwrap().len(),
            (1 << 20) - 100
        );
    }
}

#[tokio::test]
async fn errors_keep_a_bounded_part_of_the_answer() {
    // 2 MB error code and scope lists, 1,000 warnings and messages of 2 kB
    // (12 MB in all: under the body cap).
    let big = "e".repeat(2_000_000);
    let warning = "w".repeat(2_000);
    let warnings = vec![warning.as_str(); 1_000];
    let body = serde_json::json!({
        "ok": false,
        "error": big,
        "needed": big,
        "provided": big,
        "warning": warnings.join(","),
        "response_metadata": { "warnings": warnings, "messages": warnings },
    })
    .to_string();
    let (base, _) = hostile_server(move |_, _, stream| {
        let body = body.clone();
        async move {
            write_answer(
                stream,
                200,
                &[("Content-Type", "application/json")],
                body.as_bytes(),
            )
            .await
        }
    })
    .await;
    let client = plain_builder(&base).build().unwrap();
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    let SlackError::Api {
        code,
        needed,
        provided,
        warnings,
        messages,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert!(
        code.starts_with("eee") && code.len() <= 203,
        "{}",
        code.len()
    );
    assert!(needed.as_ref().unwrap().len() <= 4099);
    assert!(provided.as_ref().unwrap().len() <= 4099);
    assert_eq!(warnings.len(), 20);
    assert_eq!(messages.len(), 20);
    assert!(
        warnings
            .iter()
            .chain(messages.iter())
            .all(|w| w.len() <= 203)
    );
    let kept: usize = format!("{err:?}").len();
    assert!(kept < 20_000, "an error keeps {kept} bytes");
}

#[tokio::test]
async fn the_call_deadline_bounds_every_attempt_and_wait() {
    // Reads the request, never answers.
    let (base, requests) = hostile_server(|_, _, stream| async move {
        let _open = stream;
        tokio::time::sleep(Duration::from_secs(60)).await;
    })
    .await;
    // Idempotent, 4 attempts of up to 1 s: 4 s and more without a deadline.
    let client = SlackClient::builder()
        .base_url(&base)
        .timeout(Duration::from_secs(1))
        .call_deadline(Duration::from_millis(1_500))
        .retry_policy(
            RetryPolicy::default().backoff(Duration::from_millis(10), Duration::from_millis(20)),
        )
        .build()
        .unwrap();
    let started = Instant::now();
    let err = bounded(client.admin_users_session_reset(&token(), "U1", None, None))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_transport(&err, TransportErrorKind::Timeout);
    assert!(err.to_string().contains("deadline"), "{err}");
    assert!(
        (Duration::from_millis(1_400)..Duration::from_millis(2_500)).contains(&elapsed),
        "{elapsed:?}"
    );
    assert_eq!(
        requests.load(Ordering::SeqCst),
        2,
        "the second attempt got the rest"
    );

    // A 429 wait that cannot end before the deadline is not started.
    let (base, requests) = always_429("5").await;
    let client = plain_builder(&base)
        .retry_policy(RetryPolicy::default())
        .call_deadline(Duration::from_secs(2))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = bounded(client.admin_users_session_reset(&token(), "U1", None, None))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), "ratelimited");
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(requests.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn the_emulator_refuses_request_heads_over_64_kib() {
    let mock = emulator_with(0, slackline_mock::RateLimits::Exact).await;
    // The head besides the padding header is under 200 bytes.
    for (padding, refused) in [
        (60 * 1024, false),
        (64 * 1024 - 400, false),
        (64 * 1024 + 10, true),
        (100 * 1024, true),
        (200 * 1024, true),
    ] {
        let value = "p".repeat(padding);
        let answer = raw_http(
            mock.addr(),
            "POST",
            "/api/api.test",
            &[("X-Padding", value.as_str())],
            b"",
        )
        .await;
        let status = answer.map(|a| a.status).unwrap_or(0);
        assert_eq!(
            status == 431,
            refused,
            "{padding}-byte header: HTTP {status}"
        );
    }
}
