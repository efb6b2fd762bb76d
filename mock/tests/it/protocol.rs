//! Routing, authentication, bodies, arguments, scopes and headers.

use serde_json::json;
use slackline_mock::demo;

use crate::support::*;

#[tokio::test]
async fn unknown_method() {
    let m = mock().await;
    let r = call(&m, "no.such.method", Some(demo::ADMIN_TOKEN), &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json, json!({"ok": false, "error": "unknown_method"}));
    assert_eq!(r.text, r#"{"ok":false,"error":"unknown_method"}"#);
    assert_eq!(
        r.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    // The scope headers are on every answer; nothing is accepted by a method that does not exist.
    assert_eq!(r.header("x-oauth-scopes"), Some(""));
    assert_eq!(r.header("x-accepted-oauth-scopes"), Some(""));
}

#[tokio::test]
async fn not_authed_and_invalid_auth() {
    let m = mock().await;
    let r = call(&m, "auth.test", None, &[]).await;
    assert_eq!(r.json, json!({"ok": false, "error": "not_authed"}));
    // On every answer, empty when no token was recognised.
    assert_eq!(r.header("x-oauth-scopes"), Some(""));
    assert_eq!(r.header("x-accepted-oauth-scopes"), Some(""));
    let r = call(&m, "auth.test", Some("xoxp-nope"), &[]).await;
    assert_eq!(r.json, json!({"ok": false, "error": "invalid_auth"}));
    // A non-Bearer Authorization header is no token.
    let r = decode(
        client()
            .post(format!("{}auth.test", m.base_url()))
            .header("authorization", "Basic eG94cC1kZW1vLWFkbWlu")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.error(), Some("not_authed"));
}

#[tokio::test]
async fn auth_test_answers_identity() {
    let m = mock().await;
    let r = call(&m, "auth.test", Some(demo::ADMIN_TOKEN), &[]).await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(r.json["url"], "https://acme-hq.slack.com/");
    assert_eq!(r.json["team"], "Acme HQ");
    assert_eq!(r.json["user"], "admin");
    assert_eq!(r.json["team_id"], demo::TEAM_ID);
    assert_eq!(r.json["user_id"], demo::ADMIN_ID);
    assert_eq!(r.json["is_enterprise_install"], false);
    // A bot token: the bot user's U… id and the B… bot id.
    let r = call(&m, "auth.test", Some(demo::BOT_TOKEN), &[]).await;
    assert_eq!(r.json["user_id"], demo::BOT_USER_ID);
    assert_eq!(r.json["bot_id"], demo::BOT_ID);
    assert_eq!(r.json["app_id"], demo::APP_ID);
}

#[tokio::test]
async fn token_in_form_field_and_get_query() {
    let m = mock().await;
    let r = call(&m, "auth.test", None, &[("token", demo::ADMIN_TOKEN)]).await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(
        r.header("x-oauth-scopes"),
        Some("admin.users:read,admin.users:write,admin,users:read")
    );
    // GET method with the token in the query string.
    let url = format!(
        "{}users.list?token={}&limit=5",
        m.base_url(),
        demo::ADMIN_TOKEN
    );
    let r = decode(client().get(url).send().await.unwrap()).await;
    assert!(r.ok(), "{}", r.text);
    // A token in the query string of a POST is not accepted.
    let url = format!("{}auth.test?token={}", m.base_url(), demo::ADMIN_TOKEN);
    let r = decode(client().post(url).send().await.unwrap()).await;
    assert_eq!(r.error(), Some("not_authed"));
    // GET on a method the catalog lists as POST: Slack takes it (query string).
    let url = format!("{}admin.users.session.reset?user_id=U0ALICE", m.base_url());
    let r = decode(
        client()
            .get(url)
            .bearer_auth(demo::ADMIN_TOKEN)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.ok(), "{}", r.text);
    assert!(m.sessions(demo::ALICE_ID).is_empty());
    // Other verbs are read as POST: 200, never 405.
    let url = format!("{}auth.test", m.base_url());
    let r = decode(
        client()
            .put(url)
            .bearer_auth(demo::ADMIN_TOKEN)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json["user_id"], demo::ADMIN_ID);
}

#[tokio::test]
async fn api_test_echoes_args_without_auth() {
    let m = mock().await;
    let r = call(&m, "api.test", None, &[("foo", "bar baz"), ("n", "1")]).await;
    assert_eq!(
        r.json,
        json!({"ok": true, "args": {"foo": "bar baz", "n": "1"}})
    );
    let r = call(&m, "api.test", None, &[("error", "my_error")]).await;
    assert_eq!(
        r.json,
        json!({"ok": false, "error": "my_error", "args": {"error": "my_error"}})
    );
    // An unknown token is ignored by methods that need none.
    let r = call(&m, "api.test", Some("xoxp-unknown"), &[]).await;
    assert_eq!(r.json, json!({"ok": true}));
}

#[tokio::test]
async fn json_bodies() {
    let m = mock().await;
    // Accepted with Bearer, native booleans.
    let r = call_json(
        &m,
        "admin.users.session.reset",
        Some(demo::ADMIN_TOKEN),
        &json!({"user_id": demo::ALICE_ID, "mobile_only": true}),
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(m.sessions(demo::ALICE_ID).len(), 2);
    // Native integers.
    let r = call_json(
        &m,
        "admin.users.session.invalidate",
        Some(demo::ADMIN_TOKEN),
        &json!({"team_id": demo::TEAM_ID, "session_id": demo::ALICE_WEB_SESSION}),
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    // Without Bearer (token in the JSON) → not_authed.
    let r = call_json(&m, "auth.test", None, &json!({"token": demo::ADMIN_TOKEN})).await;
    assert_eq!(r.error(), Some("not_authed"));
    // To a method without JSON support.
    let r = call_json(
        &m,
        "auth.revoke",
        Some(demo::ADMIN_TOKEN),
        &json!({"test": true}),
    )
    .await;
    assert_eq!(r.error(), Some("invalid_arguments"), "{}", r.text);
    assert!(
        r.messages()[0].contains("does not accept application/json"),
        "{:?}",
        r.messages()
    );
    // Wrong native type.
    let r = call_json(
        &m,
        "admin.users.session.invalidate",
        Some(demo::ADMIN_TOKEN),
        &json!({"team_id": demo::TEAM_ID, "session_id": 1.5}),
    )
    .await;
    assert_eq!(
        r.messages(),
        vec!["[ERROR] invalid type for field: session_id (expected integer)"]
    );
    // Broken JSON, and JSON that is not an object.
    let bad = client()
        .post(format!("{}auth.test", m.base_url()))
        .bearer_auth(demo::ADMIN_TOKEN)
        .header("content-type", "application/json")
        .body("{\"a\":");
    assert_eq!(
        decode(bad.send().await.unwrap()).await.error(),
        Some("invalid_json")
    );
    let r = call_json(&m, "auth.test", Some(demo::ADMIN_TOKEN), &json!([1, 2])).await;
    assert_eq!(r.error(), Some("json_not_object"));
}

#[tokio::test]
async fn missing_required_exact_message() {
    let m = mock().await;
    let r = call(
        &m,
        "admin.users.session.reset",
        Some(demo::ADMIN_TOKEN),
        &[],
    )
    .await;
    assert_eq!(
        r.json,
        json!({"ok": false, "error": "invalid_arguments",
               "response_metadata": {"messages": ["[ERROR] missing required field: user_id"]}})
    );
    // Byte for byte as Slack writes it: `ok` first.
    assert_eq!(
        r.text,
        r#"{"ok":false,"error":"invalid_arguments","response_metadata":{"messages":["[ERROR] missing required field: user_id"]}}"#
    );
    // An empty value counts as missing; several problems are reported at once.
    let r = call(
        &m,
        "admin.users.session.invalidate",
        Some(demo::ADMIN_TOKEN),
        &[("session_id", "")],
    )
    .await;
    assert_eq!(
        r.messages(),
        vec![
            "[ERROR] missing required field: session_id",
            "[ERROR] missing required field: one of user_id, team_id",
        ]
    );
    // Exactly one of user_id / team_id.
    let r = call(
        &m,
        "admin.users.session.invalidate",
        Some(demo::ADMIN_TOKEN),
        &[
            ("session_id", "10007"),
            ("user_id", "U0ALICE"),
            ("team_id", "T0DEMO1"),
        ],
    )
    .await;
    assert_eq!(
        r.messages(),
        vec!["[ERROR] only one of these fields may be given: user_id, team_id"]
    );
}

#[tokio::test]
async fn arg_groups_views_and_chat() {
    let m = mock().await;
    m.add_token("xoxb-chat", demo::BOT_ID, &["chat:write"]);
    let r = call(&m, "views.open", Some("xoxb-chat"), &[("view", "{}")]).await;
    assert_eq!(
        r.messages(),
        vec!["[ERROR] missing required field: one of trigger_id, interactivity_pointer"]
    );
    let r = call(
        &m,
        "views.open",
        Some("xoxb-chat"),
        &[("view", "{}"), ("interactivity_pointer", "1.2.a")],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let r = call(
        &m,
        "views.open",
        Some("xoxb-chat"),
        &[("view", "[1]"), ("trigger_id", "1.2.a")],
    )
    .await;
    assert_eq!(
        r.messages(),
        vec!["[ERROR] invalid type for field: view (expected object)"]
    );
    let r = call(&m, "views.update", Some("xoxb-chat"), &[("view", "{}")]).await;
    assert_eq!(
        r.messages(),
        vec!["[ERROR] missing required field: one of external_id, view_id"]
    );
    // A message without content: Slack's own code.
    let r = call(
        &m,
        "chat.postMessage",
        Some("xoxb-chat"),
        &[("channel", demo::GENERAL_ID)],
    )
    .await;
    assert_eq!(r.error(), Some("no_text"), "{}", r.text);
    let r = call(
        &m,
        "chat.postMessage",
        Some("xoxb-chat"),
        &[("channel", demo::GENERAL_ID), ("blocks", "[]")],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    let r = call(
        &m,
        "chat.postMessage",
        Some("xoxb-chat"),
        &[
            ("channel", demo::GENERAL_ID),
            ("text", "a"),
            ("markdown_text", "b"),
        ],
    )
    .await;
    assert_eq!(r.error(), Some("markdown_text_conflict"));
}

#[tokio::test]
async fn bad_integer_and_boolean() {
    let m = mock().await;
    let r = call(
        &m,
        "admin.users.session.invalidate",
        Some(demo::ADMIN_TOKEN),
        &[("team_id", "T0DEMO1"), ("session_id", "abc")],
    )
    .await;
    assert_eq!(r.error(), Some("invalid_arguments"));
    assert_eq!(
        r.messages(),
        vec!["[ERROR] invalid type for field: session_id (expected integer)"]
    );
    let r = call(
        &m,
        "admin.users.session.reset",
        Some(demo::ADMIN_TOKEN),
        &[("user_id", "U0ALICE"), ("mobile_only", "yes")],
    )
    .await;
    assert_eq!(
        r.messages(),
        vec!["[ERROR] invalid type for field: mobile_only (expected boolean)"]
    );
    for ok in ["true", "false", "1", "0"] {
        let r = call(
            &m,
            "admin.users.session.reset",
            Some(demo::ADMIN_TOKEN),
            &[("user_id", "U0BOB"), ("web_only", ok)],
        )
        .await;
        assert!(r.ok(), "{ok}: {}", r.text);
    }
}

#[tokio::test]
async fn missing_scope_and_scope_headers() {
    let m = mock().await;
    let r = call(
        &m,
        "admin.users.session.reset",
        Some(demo::READONLY_TOKEN),
        &[("user_id", "U0ALICE")],
    )
    .await;
    assert_eq!(
        r.json,
        json!({"ok": false, "error": "missing_scope", "needed": "admin.users:write", "provided": "admin.users:read"})
    );
    assert_eq!(r.header("x-oauth-scopes"), Some("admin.users:read"));
    assert_eq!(
        r.header("x-accepted-oauth-scopes"),
        Some("admin.users:write")
    );
    // Bot tokens are told the bot scope.
    m.add_token("xoxb-narrow", demo::BOT_ID, &["chat:write", "users:read"]);
    let r = call(
        &m,
        "conversations.history",
        Some("xoxb-narrow"),
        &[("channel", "C1")],
    )
    .await;
    assert_eq!(r.error(), Some("missing_scope"), "{}", r.text);
    assert_eq!(r.json["needed"], "groups:history");
    assert_eq!(
        r.header("x-accepted-oauth-scopes"),
        Some("groups:history,im:history,mpim:history,channels:history")
    );
    assert_eq!(r.json["provided"], "chat:write,users:read");
    // `needed` follows the token kind where bot and user lists differ.
    let r = call(&m, "conversations.open", Some("xoxb-narrow"), &[]).await;
    assert_eq!(r.json["needed"], "channels:manage");
    let r = call(&m, "conversations.open", Some(demo::ADMIN_TOKEN), &[]).await;
    assert_eq!(r.json["needed"], "channels:write");
    // Headers on success too.
    let r = call(
        &m,
        "admin.users.session.list",
        Some(demo::ADMIN_TOKEN),
        &[("limit", "1")],
    )
    .await;
    assert!(r.ok());
    assert_eq!(
        r.header("x-oauth-scopes"),
        Some("admin.users:read,admin.users:write,admin,users:read")
    );
    assert_eq!(
        r.header("x-accepted-oauth-scopes"),
        Some("admin.users:read")
    );
    let r = call(&m, "auth.test", Some(demo::BOT_TOKEN), &[]).await;
    assert_eq!(r.header("x-accepted-oauth-scopes"), Some(""));
}

#[tokio::test]
async fn runtime_tokens_and_counters() {
    let m = mock().await;
    m.add_token("xoxp-new", demo::BOB_ID, &["users:read"]);
    let r = call(&m, "auth.test", Some("xoxp-new"), &[]).await;
    assert_eq!(r.json["user_id"], demo::BOB_ID);
    assert_eq!(r.json["user"], "bob");
    assert_eq!(m.request_count(), 1);
    assert_eq!(m.rate_limited_count(), 0);
}

#[tokio::test]
async fn token_form_field_works_for_json_capable_methods() {
    let m = mock().await;
    let spec = slackline_mock::catalog::catalog()
        .get("admin.users.session.reset")
        .unwrap();
    assert!(spec.json_body);
    // A form body with the token as a field, no Authorization header.
    let r = call(
        &m,
        "admin.users.session.reset",
        None,
        &[("token", demo::ADMIN_TOKEN), ("user_id", demo::ALICE_ID)],
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert!(m.sessions(demo::ALICE_ID).is_empty());
    assert_eq!(
        r.header("x-accepted-oauth-scopes"),
        Some("admin.users:write")
    );
    // An unknown token in the field.
    let r = call(
        &m,
        "admin.users.session.reset",
        None,
        &[("token", "xoxp-nope"), ("user_id", demo::BOB_ID)],
    )
    .await;
    assert_eq!(r.error(), Some("invalid_auth"));
    // An empty token counts as none (like every empty argument).
    let r = call(&m, "auth.test", None, &[("token", "")]).await;
    assert_eq!(r.error(), Some("not_authed"));
    // The Bearer header wins over the field.
    let r = call(
        &m,
        "auth.test",
        Some(demo::BOT_TOKEN),
        &[("token", demo::ADMIN_TOKEN)],
    )
    .await;
    assert_eq!(r.json["user_id"], demo::BOT_USER_ID);
    assert_eq!(r.json["bot_id"], demo::BOT_ID);
}

#[tokio::test]
async fn get_methods_take_query_arguments() {
    let m = mock().await;
    // users.list is a GET method: Bearer + query arguments, type-checked.
    let url = format!("{}users.list?limit=5&include_locale=true", m.base_url());
    let r = decode(
        client()
            .get(&url)
            .bearer_auth(demo::ADMIN_TOKEN)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(r.ok(), "{}", r.text);
    assert_eq!(r.header("x-accepted-oauth-scopes"), Some("users:read"));
    let url = format!("{}users.list?limit=five", m.base_url());
    let r = decode(
        client()
            .get(&url)
            .bearer_auth(demo::ADMIN_TOKEN)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        r.messages(),
        vec!["[ERROR] invalid type for field: limit (expected number)"]
    );
    // And POST with the same arguments in a form.
    let r = call(&m, "users.list", Some(demo::ADMIN_TOKEN), &[("limit", "5")]).await;
    assert!(r.ok(), "{}", r.text);
    let j = m.journal();
    assert_eq!(j[0].http_method, "GET");
    assert_eq!(
        j[0].args,
        vec![
            ("limit".to_owned(), "5".to_owned()),
            ("include_locale".to_owned(), "true".to_owned())
        ]
    );
}

#[tokio::test]
async fn json_without_bearer_only_matters_where_a_token_is_needed() {
    let m = mock().await;
    // JSON-capable method, token only inside the JSON: not authenticated.
    let r = call_json(
        &m,
        "admin.users.session.reset",
        None,
        &json!({"token": demo::ADMIN_TOKEN, "user_id": demo::ALICE_ID}),
    )
    .await;
    assert_eq!(r.error(), Some("not_authed"));
    assert_eq!(m.sessions(demo::ALICE_ID).len(), 3);
    // api.test needs no token: a JSON body is judged on its own (api.test takes none).
    let spec = slackline_mock::catalog::catalog().get("api.test").unwrap();
    let r = call_json(&m, "api.test", None, &json!({"foo": "bar"})).await;
    if spec.json_body {
        assert!(r.ok(), "{}", r.text);
    } else {
        assert_eq!(r.error(), Some("invalid_arguments"), "{}", r.text);
    }
}

#[tokio::test]
async fn integers_of_any_size_are_integers() {
    let m = mock().await;
    let admin = Some(demo::ADMIN_TOKEN);
    for id in [
        "99999999999999999999999999999",
        "-99999999999999999999999999999",
        "9223372036854775807",
        "-9223372036854775808",
        "+10007",
    ] {
        let form = [("user_id", demo::BOB_ID), ("session_id", id)];
        let r = call(&m, "admin.users.session.invalidate", admin, &form).await;
        assert_eq!(r.error(), Some("session_not_found"), "{id}: {}", r.text);
    }
    for bad in ["1.0", "1e3", "0x10", " 1", "", "-", "+"] {
        let form = [("team_id", demo::TEAM_ID), ("session_id", bad)];
        let r = call(&m, "admin.users.session.invalidate", admin, &form).await;
        assert_eq!(r.error(), Some("invalid_arguments"), "{bad:?}: {}", r.text);
    }
    assert_eq!(m.sessions(demo::BOB_ID).len(), 3);
}
