//! Faults injected on demand.

use std::time::{Duration, Instant};

use slackline_mock::{Fault, demo};

use crate::support::*;

#[tokio::test]
async fn status_faults_then_normal() {
    let m = mock().await;
    m.inject_fault("auth.test", Fault::Status(503), 2);
    for _ in 0..2 {
        let r = call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[]).await;
        assert_eq!(r.status, 503);
        assert_eq!(r.error(), Some("service_unavailable"));
    }
    assert!(
        call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[])
            .await
            .ok()
    );
    m.inject_fault("auth.test", Fault::Status(500), 1);
    let r = call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[]).await;
    assert_eq!((r.status, r.error()), (500, Some("internal_error")));
    // Other methods are unaffected.
    m.inject_fault("auth.test", Fault::Status(502), 1);
    assert!(call(&m, "api.test", None, &[]).await.ok());
    assert_eq!(
        call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[])
            .await
            .status,
        502
    );
}

#[tokio::test]
async fn delay_fault() {
    let m = mock().await;
    m.inject_fault("api.test", Fault::Delay(Duration::from_millis(300)), 1);
    let start = Instant::now();
    let r = call(&m, "api.test", None, &[]).await;
    assert!(r.ok());
    assert!(start.elapsed() >= Duration::from_millis(300));
    // Consumed: the next answer is normal.
    assert!(call(&m, "api.test", None, &[]).await.ok());
}

#[tokio::test]
async fn non_json_fault() {
    let m = mock().await;
    m.inject_fault("auth.test", Fault::NonJson, 1);
    let r = call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(r.text.starts_with("<html>"));
    assert!(r.json.is_null());
}

#[tokio::test]
async fn drop_fault_closes_connection() {
    let m = mock().await;
    m.inject_fault("auth.test", Fault::Drop, 1);
    let err = client()
        .post(format!("{}auth.test", m.base_url()))
        .bearer_auth(demo::ADMIN_TOKEN)
        .send()
        .await
        .expect_err("connection dropped");
    assert!(!err.is_timeout(), "{err:?}");
    // Raw view: no bytes at all before the close.
    m.inject_fault("auth.test", Fault::Drop, 1);
    let raw = raw(
        &m,
        b"POST /api/auth.test HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
    )
    .await;
    assert_eq!(raw, "");
    assert!(
        call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[])
            .await
            .ok()
    );
    assert_eq!(m.journal().len(), 3, "faulted requests are journaled");
}

#[tokio::test]
async fn rate_limited_fault_and_wildcard() {
    let m = mock().await;
    m.inject_fault(
        "*",
        Fault::RateLimited {
            retry_after_secs: 7,
        },
        2,
    );
    let r = call(&m, "api.test", None, &[]).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("7"));
    assert_eq!(r.error(), Some("ratelimited"));
    let r = call(&m, "no.such.method", None, &[]).await;
    assert_eq!(r.status, 429);
    assert!(call(&m, "api.test", None, &[]).await.ok());
    assert_eq!(m.rate_limited_count(), 2);
    assert_eq!(m.request_count(), 3);
}

#[tokio::test]
async fn fault_answers_carry_scope_headers_and_odd_statuses_are_safe() {
    let m = mock().await;
    m.inject_fault("admin.users.session.reset", Fault::Status(503), 1);
    let r = call(
        &m,
        "admin.users.session.reset",
        Some(demo::ADMIN_TOKEN),
        &[("user_id", demo::BOB_ID)],
    )
    .await;
    assert_eq!(r.status, 503);
    assert_eq!(
        r.header("x-accepted-oauth-scopes"),
        Some("admin.users:write")
    );
    assert_eq!(r.header("x-oauth-scopes"), Some(""));
    // Informational and out-of-range codes cannot be final answers: 500.
    for code in [0, 42, 100, 101, 199, 1000, u16::MAX] {
        m.inject_fault("auth.test", Fault::Status(code), 1);
        let r = call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[]).await;
        assert_eq!(
            (r.status, r.error()),
            (500, Some("internal_error")),
            "{code}"
        );
    }
    // Statuses without a body: answered cleanly, the connection stays usable.
    for code in [204, 304] {
        m.inject_fault("auth.test", Fault::Status(code), 1);
        let r = call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[]).await;
        assert_eq!(r.status, code);
        assert!(
            call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[])
                .await
                .ok()
        );
    }
    m.inject_fault("auth.test", Fault::Status(418), 1);
    let r = call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[]).await;
    assert_eq!((r.status, r.error()), (418, Some("http_418")));
    // Zero times: nothing injected.
    m.inject_fault("auth.test", Fault::Drop, 0);
    assert!(
        call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[])
            .await
            .ok()
    );
}
