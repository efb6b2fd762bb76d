//! The test kit: canned answers, stats, protocol details (GET, query + body, multipart,
//! charset warnings), sample-shaped answers, the binary's --token.

use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::json;
use slackline_mock::{MockRequest, demo};

use crate::support::*;

#[tokio::test]
async fn canned_answers_and_handlers() {
    let m = mock().await;
    m.respond_with("emoji.list", json!({"emoji": {"shipit": "alias:squirrel"}}));
    m.add_token("xoxb-emoji", demo::BOT_ID, &["emoji:read"]);
    let r = call(&m, "emoji.list", Some("xoxb-emoji"), &[]).await;
    assert_eq!(
        r.json,
        json!({"ok": true, "emoji": {"shipit": "alias:squirrel"}})
    );
    // A handler sees the parsed arguments and the token's identity.
    m.respond_with("chat.postMessage", |req: &MockRequest| {
        json!({
            "ok": false,
            "error": "restricted_action",
            "seen": [req.method, req.arg("channel"), req.user_id, req.is_bot, req.scopes.len()],
        })
    });
    let r = call(
        &m,
        "chat.postMessage",
        Some(demo::BOT_TOKEN),
        &[("channel", demo::GENERAL_ID), ("text", "x")],
    )
    .await;
    assert_eq!(r.error(), Some("restricted_action"));
    assert_eq!(
        r.json["seen"],
        json!([
            "chat.postMessage",
            "C0GENERAL",
            "U0BOT",
            true,
            demo::BOT_SCOPES.len()
        ])
    );
    // The emulator's checks still come first.
    let r = call(
        &m,
        "chat.postMessage",
        Some(demo::BOT_TOKEN),
        &[("text", "x")],
    )
    .await;
    assert_eq!(r.error(), Some("invalid_arguments"));
    let r = call(&m, "chat.postMessage", Some("xoxb-nope"), &[]).await;
    assert_eq!(r.error(), Some("invalid_auth"));
    m.clear_response("chat.postMessage");
    let r = call(
        &m,
        "chat.postMessage",
        Some(demo::BOT_TOKEN),
        &[("channel", demo::GENERAL_ID), ("text", "x")],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(m.method_count("chat.postMessage"), 4);
}

#[tokio::test]
async fn canned_answers_from_the_builder() {
    let m = slackline_mock::MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Off)
        .respond_with("team.info", json!({"team": {"id": "T9", "name": "Canned"}}))
        .start()
        .await
        .unwrap();
    let r = call(&m, "team.info", Some(demo::BOT_TOKEN), &[]).await;
    assert_eq!(
        r.json,
        json!({"ok": true, "team": {"id": "T9", "name": "Canned"}})
    );
}

#[tokio::test]
async fn stats_endpoint() {
    let m = mock().await;
    call(&m, "auth.test", Some(demo::BOT_TOKEN), &[]).await;
    m.inject_fault(
        "auth.test",
        slackline_mock::Fault::RateLimited {
            retry_after_secs: 1,
        },
        1,
    );
    call(&m, "auth.test", Some(demo::BOT_TOKEN), &[]).await;
    let stats = stats(&m).await;
    assert_eq!(stats["requests"], 2);
    assert_eq!(stats["rate_limited"], 1);
    assert_eq!(stats["methods"]["auth.test"], 1);
    // Not counted itself.
    assert_eq!(m.request_count(), 2);
}

#[tokio::test]
async fn get_query_body_multipart_and_charsets() {
    let m = mock().await;
    // GET with the query string, on a method the catalog lists as POST.
    let url = format!(
        "{}chat.postMessage?channel={}&text=via+get",
        m.base_url(),
        demo::GENERAL_ID
    );
    let r = decode(
        client()
            .get(url)
            .bearer_auth(demo::BOT_TOKEN)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.json["message"]["text"], "via get", "{}", r.text);
    // Arguments from the query string and the body together.
    let url = format!(
        "{}chat.postMessage?channel={}",
        m.base_url(),
        demo::GENERAL_ID
    );
    let r = decode(
        client()
            .post(url)
            .bearer_auth(demo::BOT_TOKEN)
            .form(&[("text", "split")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.json["message"]["text"], "split", "{}", r.text);
    // multipart/form-data, token field included.
    let body = format!(
        "--XX\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n{}\r\n--XX\r\nContent-Disposition: form-data; name=\"channel\"\r\n\r\n{}\r\n--XX\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nmulti\r\n--XX--\r\n",
        demo::BOT_TOKEN,
        demo::GENERAL_ID
    );
    let r = decode(
        client()
            .post(format!("{}chat.postMessage", m.base_url()))
            .header("content-type", "multipart/form-data; boundary=XX")
            .body(body)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.json["message"]["text"], "multi", "{}", r.text);
    assert!(r.json.get("warning").is_none());
    // JSON without a charset: Slack's warning.
    let r = decode(
        client()
            .post(format!("{}chat.postMessage", m.base_url()))
            .bearer_auth(demo::BOT_TOKEN)
            .header("content-type", "application/json")
            .body(json!({"channel": demo::GENERAL_ID, "text": "j"}).to_string())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(r.json["warning"], "missing_charset");
    assert_eq!(
        r.json["response_metadata"]["warnings"],
        json!(["missing_charset"])
    );
    // A form with a charset: superfluous.
    let r = decode(
        client()
            .post(format!("{}auth.test", m.base_url()))
            .bearer_auth(demo::BOT_TOKEN)
            .header(
                "content-type",
                "application/x-www-form-urlencoded; charset=utf-8",
            )
            .body("a=b")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.json["warning"], "superfluous_charset", "{}", r.text);
    assert_eq!(r.json["user_id"], demo::BOT_USER_ID);
    // JSON with charset: no warning.
    let r = call_json(&m, "auth.test", Some(demo::BOT_TOKEN), &json!({})).await;
    assert!(r.json.get("warning").is_none(), "{}", r.text);
}

#[tokio::test]
async fn sample_shaped_answers_take_ids_from_the_request() {
    let m = mock().await;
    m.add_token("xoxp-ug", demo::ADMIN_ID, &["usergroups:write"]);
    let r = call(
        &m,
        "usergroups.create",
        Some("xoxp-ug"),
        &[("name", "Ops Team")],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(r.json["usergroup"]["name"], "Ops Team");
    assert_eq!(r.json["usergroup"]["team_id"], demo::TEAM_ID);
    assert!(r.json.get("error").is_none());
    assert!(r.json.get("needed").is_none());
    m.add_token("xoxp-bm", demo::ADMIN_ID, &["bookmarks:write"]);
    let r = call(
        &m,
        "bookmarks.add",
        Some("xoxp-bm"),
        &[
            ("channel_id", demo::GENERAL_ID),
            ("title", "Docs"),
            ("type", "link"),
        ],
    )
    .await;
    assert_eq!(
        r.json["bookmark"]["channel_id"],
        demo::GENERAL_ID,
        "{}",
        r.text
    );
    assert_eq!(r.json["bookmark"]["title"], "Docs");
}

/// The binary: `--token TOKEN:USER_ID:SCOPE,SCOPE` mints tokens; bad ones are refused.
#[test]
fn binary_mints_tokens() {
    let exe = env!("CARGO_BIN_EXE_slackline-mock");
    let bin = Binary::start(&[
        "--port",
        "0",
        "--rate-limits",
        "off",
        "--token",
        "xoxb-minted:U0BOB:chat:write,channels:read",
        "--token",
        "xoxp-empty:U0ALICE:",
    ]);
    let base = &bin.base;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let r = rt.block_on(async {
        let r = decode(
            client()
                .post(format!("{base}auth.test"))
                .bearer_auth("xoxb-minted")
                .send()
                .await
                .unwrap(),
        )
        .await;
        let empty = decode(
            client()
                .post(format!("{base}auth.test"))
                .bearer_auth("xoxp-empty")
                .send()
                .await
                .unwrap(),
        )
        .await;
        (
            r.header("x-oauth-scopes").unwrap_or_default().to_owned(),
            r.json,
            empty.json,
        )
    });
    drop(bin);
    assert_eq!(r.0, "chat:write,channels:read");
    assert_eq!(r.1["user_id"], "U0BOB");
    assert_eq!(r.2["user_id"], "U0ALICE");
    // Refused: unknown user, bad syntax.
    for bad in ["xoxb-x:UNOPE:chat:write", "xoxb-x", "xoxb-x:U0BOB"] {
        let out = Command::new(exe)
            .args(["--port", "0", "--token", bad])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = wait_output(out, Duration::from_secs(20));
        assert_eq!(out.0, Some(2), "{bad}: {}", out.1);
        assert!(out.1.contains("--token"), "{bad}: {}", out.1);
    }
}

/// Waits for a child that should exit; kills it after `limit`.
fn wait_output(mut child: std::process::Child, limit: Duration) -> (Option<i32>, String) {
    let deadline = std::time::Instant::now() + limit;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut err);
            }
            return (status.code(), err);
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return (None, "timed out".to_owned());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test]
async fn search_messages_and_files() {
    let m = mock().await;
    for (channel, text) in [
        (demo::GENERAL_ID, "Deploy of v1.2 finished"),
        (demo::GENERAL_ID, "lunch?"),
        (demo::SECRET_ID, "secret deploy plan"),
    ] {
        let r = call(
            &m,
            "chat.postMessage",
            Some(demo::USER_TOKEN),
            &[("channel", channel), ("text", text)],
        )
        .await;
        assert!(r.ok(), "{}", r.text);
    }
    let search = |token: &'static str, query: &'static str| {
        let m = &m;
        async move { call(m, "search.messages", Some(token), &[("query", query)]).await }
    };
    let r = search(demo::USER_TOKEN, "DEPLOY").await;
    assert_eq!(r.json["messages"]["total"], 2, "{}", r.text);
    assert_eq!(
        r.json["messages"]["matches"][0]["text"],
        "secret deploy plan"
    );
    assert_eq!(
        r.json["messages"]["matches"][1]["channel"]["id"],
        demo::GENERAL_ID
    );
    let r = search(demo::USER_TOKEN, "deploy in:#general").await;
    assert_eq!(r.json["messages"]["total"], 1);
    let r = search(demo::USER_TOKEN, "from:@bob").await;
    assert_eq!(r.json["messages"]["total"], 0);
    // Bob cannot see #secret.
    m.add_token("xoxp-bob-search", demo::BOB_ID, &["search:read"]);
    let r = search("xoxp-bob-search", "deploy").await;
    assert_eq!(r.json["messages"]["total"], 1);
    let r = call(
        &m,
        "search.messages",
        Some(demo::USER_TOKEN),
        &[("query", "deploy"), ("count", "1"), ("page", "2")],
    )
    .await;
    assert_eq!(r.json["messages"]["paging"]["pages"], 2);
    assert_eq!(
        r.json["messages"]["matches"][0]["text"],
        "Deploy of v1.2 finished"
    );
    let r = search(demo::USER_TOKEN, "   ").await;
    assert_eq!(r.error(), Some("no_query"));
    // Bots cannot search (user scope only).
    let r = search(demo::BOT_TOKEN, "deploy").await;
    assert_eq!(r.error(), Some("missing_scope"));
    let r = call(
        &m,
        "search.all",
        Some(demo::USER_TOKEN),
        &[("query", "lunch")],
    )
    .await;
    assert_eq!(r.json["messages"]["total"], 1);
    assert_eq!(r.json["files"]["total"], 0);
}
