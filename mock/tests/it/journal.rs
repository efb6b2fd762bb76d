//! The request journal.

use slackline_mock::{MockSlack, RateLimits, demo};

use crate::support::*;

#[tokio::test]
async fn records_requests_without_authorization() {
    let m = mock().await;
    call(
        &m,
        "admin.users.session.reset",
        Some(demo::ADMIN_TOKEN),
        &[("user_id", "U0ALICE"), ("web_only", "true")],
    )
    .await;
    call(&m, "auth.test", None, &[("token", demo::MEMBER_TOKEN)]).await;
    call(&m, "nope", None, &[]).await;
    let j = m.journal();
    assert_eq!(j.len(), 3);
    let e = &j[0];
    assert_eq!(e.method, "admin.users.session.reset");
    assert_eq!(e.http_method, "POST");
    assert_eq!(
        e.args,
        vec![
            ("user_id".to_owned(), "U0ALICE".to_owned()),
            ("web_only".to_owned(), "true".to_owned())
        ]
    );
    assert_eq!(
        e.content_type.as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    assert!(e.token_present);
    assert!(e.headers.iter().all(|(k, _)| k != "authorization"));
    assert!(e.headers.iter().any(|(k, _)| k == "content-type"));
    let dump = format!("{j:?}");
    assert!(
        !dump.contains("xoxp-demo"),
        "tokens leak into the journal: {dump}"
    );
    // A token argument is kept, redacted.
    assert_eq!(
        j[1].args,
        vec![("token".to_owned(), "<redacted>".to_owned())]
    );
    assert!(j[1].token_present);
    assert_eq!(j[2].method, "nope");
    assert!(!j[2].token_present);
    assert!(j[0].received_at <= j[2].received_at);
    m.clear_journal();
    assert!(m.journal().is_empty());
}

#[tokio::test]
async fn ring_buffer_keeps_the_newest() {
    let m = MockSlack::builder()
        .demo_org()
        .rate_limits(RateLimits::Off)
        .journal_capacity(3)
        .start()
        .await
        .unwrap();
    for i in 0..5 {
        call(&m, "api.test", None, &[("i", &i.to_string())]).await;
    }
    let j = m.journal();
    let is: Vec<_> = j.iter().map(|e| e.args[0].1.clone()).collect();
    assert_eq!(is, vec!["2", "3", "4"]);
    assert_eq!(m.request_count(), 5);
}

#[tokio::test]
async fn json_args_are_flattened() {
    let m = mock().await;
    call_json(
        &m,
        "admin.users.session.resetBulk",
        Some(demo::ADMIN_TOKEN),
        &serde_json::json!({"user_ids": ["U0BOB"], "mobile_only": true, "n": 3, "skip": null}),
    )
    .await;
    let e = &m.journal()[0];
    let mut args = e.args.clone();
    args.sort();
    assert_eq!(
        args,
        vec![
            ("mobile_only".to_owned(), "true".to_owned()),
            ("n".to_owned(), "3".to_owned()),
            ("user_ids".to_owned(), "[\"U0BOB\"]".to_owned()),
        ]
    );
    assert_eq!(
        e.content_type.as_deref(),
        Some("application/json; charset=utf-8")
    );
}
