//! The `admin.users.session.*` methods against the Slack emulator
//! (`slackline-mock`): what each call changes in the org, every error code,
//! authentication, and paging.
//!
//! Each test starts its own emulator with the demo org, so state never leaks
//! between tests. Rate limits are off unless they are what a test is about.

use slackline::{AdminUsersSessionApi, SlackClient, SlackToken};
use slackline_mock::{MockSlack, SessionKind, demo};

use crate::support::{
    INVALIDATE, LIST, ListedSession, RESET, SessionsAsDeclaredHere, admin, api_code, api_error,
    emulator, emulator_with, forwarding_transport, ids, plain_builder, plain_client, seeded, tok,
};

/// Every session in the org, as the emulator holds them, ordered by id.
fn all_mock_sessions(mock: &MockSlack) -> Vec<i64> {
    let mut all: Vec<i64> = [
        demo::ADMIN_ID,
        demo::OWNER_ID,
        demo::ALICE_ID,
        demo::BOB_ID,
        demo::CAROL_ID,
    ]
    .iter()
    .flat_map(|u| ids(&mock.sessions(u)))
    .collect();
    all.sort_unstable();
    all
}

/// Follows `next_cursor` until it is empty; checks each page's size.
async fn list_all(
    client: &SlackClient,
    token: &SlackToken,
    team: Option<&str>,
    user: Option<&str>,
    limit: u32,
) -> (Vec<ListedSession>, usize) {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let page = client
            .session_list(token, team, user, Some(limit), cursor.as_deref())
            .await
            .expect("list page");
        pages += 1;
        assert!(pages < 100, "pagination does not end");
        assert!(page.active_sessions.len() <= limit as usize);
        let raw_cursor = page
            .response_metadata
            .as_ref()
            .map(|m| m.next_cursor.clone())
            .unwrap_or_default();
        // WithMeta's next_cursor is the body's, with "" meaning None.
        assert_eq!(
            page.meta.next_cursor.clone().unwrap_or_default(),
            raw_cursor
        );
        let next = page.meta.next_cursor.clone();
        out.extend(page.into_inner().active_sessions);
        match next {
            Some(next) => cursor = Some(next),
            None => return (out, pages),
        }
    }
}

// ---------------------------------------------------------------------------
// admin.users.session.reset

#[tokio::test]
async fn reset_wipes_every_session_of_the_user() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    assert_eq!(ids(&mock.sessions(demo::ALICE_ID)), seeded(demo::ALICE_ID));

    let answer = client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap();
    assert!(answer.ok);
    assert!(mock.sessions(demo::ALICE_ID).is_empty());
    // Nobody else is touched.
    assert_eq!(ids(&mock.sessions(demo::BOB_ID)), seeded(demo::BOB_ID));
    assert_eq!(ids(&mock.sessions(demo::ADMIN_ID)), seeded(demo::ADMIN_ID));
    // A second reset of a user without sessions still succeeds.
    client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn reset_mobile_only_leaves_web_sessions() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, Some(true), None)
        .await
        .unwrap();
    let left = mock.sessions(demo::ALICE_ID);
    assert_eq!(ids(&left), &seeded(demo::ALICE_ID)[..2]);
    assert!(left.iter().all(|s| s.kind == SessionKind::Web), "{left:?}");
}

#[tokio::test]
async fn reset_web_only_leaves_mobile_sessions() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, Some(true))
        .await
        .unwrap();
    let left = mock.sessions(demo::ALICE_ID);
    assert_eq!(ids(&left), [demo::ALICE_MOBILE_SESSION]);
    assert!(
        left.iter().all(|s| s.kind == SessionKind::Mobile),
        "{left:?}"
    );
    // `Some(false)` is sent as `false`, which means "not only web": everything goes.
    client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, Some(false))
        .await
        .unwrap();
    assert!(mock.sessions(demo::ALICE_ID).is_empty());
}

// ---------------------------------------------------------------------------
// admin.users.session.invalidate

#[tokio::test]
async fn invalidate_by_team_removes_exactly_that_session() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    client
        .admin_users_session_invalidate(&admin(), demo::TEAM_ID, demo::ALICE_WEB_SESSION)
        .await
        .unwrap();
    let expected: Vec<i64> = seeded(demo::ALICE_ID)
        .into_iter()
        .filter(|id| *id != demo::ALICE_WEB_SESSION)
        .collect();
    assert_eq!(ids(&mock.sessions(demo::ALICE_ID)), expected);
    assert_eq!(all_mock_sessions(&mock).len(), 14);
    // Gone means gone.
    let again = client
        .admin_users_session_invalidate(&admin(), demo::TEAM_ID, demo::ALICE_WEB_SESSION)
        .await;
    assert_eq!(api_code(again, INVALIDATE), "session_not_found");
}

#[tokio::test]
async fn invalidate_by_user_removes_exactly_that_session() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    client
        .invalidate_for_user(&admin(), demo::ALICE_ID, demo::ALICE_MOBILE_SESSION)
        .await
        .unwrap();
    assert_eq!(
        ids(&mock.sessions(demo::ALICE_ID)),
        &seeded(demo::ALICE_ID)[..2]
    );
    assert_eq!(all_mock_sessions(&mock).len(), 14);
    let entry = mock.journal().pop().unwrap();
    assert_eq!(
        entry.args,
        [
            ("user_id".to_owned(), demo::ALICE_ID.to_owned()),
            ("session_id".to_owned(), "10009".to_owned())
        ]
    );
}

// ---------------------------------------------------------------------------
// admin.users.session.list

#[tokio::test]
async fn list_pages_through_what_remains() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let token = admin();

    // One user, a page at a time.
    let (alice, pages) = list_all(&client, &token, None, Some(demo::ALICE_ID), 1).await;
    assert_eq!(
        alice.iter().map(|s| s.session_id).collect::<Vec<_>>(),
        seeded(demo::ALICE_ID)
    );
    assert_eq!(pages, 3);
    assert!(
        alice
            .iter()
            .all(|s| s.user_id == demo::ALICE_ID && s.team_id == demo::TEAM_ID)
    );
    let hardware: Vec<&str> = alice
        .iter()
        .map(|s| s.created.device_hardware.as_str())
        .collect();
    assert_eq!(hardware, ["Browser", "Browser", "iPhone"]);

    // The whole org, two at a time, equals what the emulator holds.
    let (all, pages) = list_all(&client, &token, None, None, 2).await;
    assert_eq!(
        all.iter().map(|s| s.session_id).collect::<Vec<_>>(),
        all_mock_sessions(&mock)
    );
    assert_eq!(pages, 8);

    // After an invalidate and a reset, the list shows exactly what is left.
    client
        .admin_users_session_invalidate(&admin(), demo::TEAM_ID, demo::ALICE_WEB_SESSION)
        .await
        .unwrap();
    client
        .admin_users_session_reset(&admin(), demo::BOB_ID, None, Some(true))
        .await
        .unwrap();
    let (all, _) = list_all(&client, &token, None, None, 2).await;
    let listed: Vec<i64> = all.iter().map(|s| s.session_id).collect();
    assert_eq!(listed, all_mock_sessions(&mock));
    assert_eq!(listed.len(), 15 - 1 - 2);
    assert!(!listed.contains(&demo::ALICE_WEB_SESSION));

    // A team filter.
    let (carol, _) = list_all(&client, &token, Some(demo::TEAM2_ID), None, 2).await;
    assert_eq!(
        carol.iter().map(|s| s.session_id).collect::<Vec<_>>(),
        ids(&mock.sessions(demo::CAROL_ID))
    );
    assert!(carol.iter().all(|s| s.team_id == demo::TEAM2_ID));

    // The read-only token may list too (admin.users:read).
    let (ro, _) = list_all(
        &client,
        &tok(demo::READONLY_TOKEN),
        None,
        Some(demo::ALICE_ID),
        5,
    )
    .await;
    assert_eq!(ro.len(), 2);
}

#[tokio::test]
async fn list_cursors_travel_back_byte_for_byte() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let first = client
        .session_list(&admin(), None, None, Some(1), None)
        .await
        .unwrap();
    let cursor = first.meta.next_cursor.clone().expect("a next page");
    // Opaque base64 with padding: '=' must survive form encoding.
    assert!(cursor.ends_with('='), "{cursor}");
    let second = client
        .session_list(&admin(), None, None, Some(1), Some(&cursor))
        .await
        .unwrap();
    assert_eq!(
        second.active_sessions[0].session_id,
        first.active_sessions[0].session_id + 1
    );
    let sent = mock.journal().pop().unwrap();
    assert!(
        sent.args.contains(&("cursor".to_owned(), cursor)),
        "{:?}",
        sent.args
    );
    // A cursor the emulator never gave out.
    let bad = client
        .session_list(&admin(), None, None, Some(1), Some("bm90LWEtY3Vyc29y"))
        .await;
    assert_eq!(api_code(bad, LIST), "invalid_cursor");
}

#[tokio::test]
async fn paginate_walks_every_page_of_the_org() {
    let mock = emulator_with(0, slackline_mock::RateLimits::Off).await;
    let client = plain_client(&mock.base_url());
    let token = SlackToken::new(demo::ADMIN_TOKEN).unwrap();
    let (client, token) = (&client, &token);
    let pages = slackline::paginate(|cursor| async move {
        client
            .session_list(token, None, None, Some(2), cursor.as_deref())
            .await
    })
    .all()
    .await
    .unwrap();
    let listed: usize = pages.iter().map(|p| p.active_sessions.len()).sum();
    let expected: usize = demo::USERS_WITH_SESSIONS
        .iter()
        .map(|u| mock.sessions(u).len())
        .sum();
    assert_eq!(listed, expected);
    assert_eq!(pages.len(), expected.div_ceil(2));
    assert!(pages.last().unwrap().meta.next_cursor.is_none());
}

// ---------------------------------------------------------------------------
// Error codes, each surfacing as SlackError::Api.

#[tokio::test]
async fn not_an_admin() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let result = client
        .admin_users_session_reset(&tok(demo::MEMBER_TOKEN), demo::BOB_ID, None, None)
        .await;
    let (code, needed, provided, _) = api_error(result, RESET);
    assert_eq!(code, "not_an_admin");
    assert_eq!((needed, provided), (None, None));
    let result = client
        .admin_users_session_invalidate(
            &tok(demo::MEMBER_TOKEN),
            demo::TEAM_ID,
            demo::ALICE_WEB_SESSION,
        )
        .await;
    assert_eq!(api_code(result, INVALIDATE), "not_an_admin");
    assert_eq!(ids(&mock.sessions(demo::BOB_ID)), seeded(demo::BOB_ID));
    assert_eq!(ids(&mock.sessions(demo::ALICE_ID)), seeded(demo::ALICE_ID));
}

#[tokio::test]
async fn user_not_found() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let result = client
        .admin_users_session_reset(&admin(), "U0NOBODY", None, None)
        .await;
    let err = result.unwrap_err();
    assert_eq!(err.code(), Some("user_not_found"));
    assert_eq!(err.kind(), "user_not_found");
    assert_eq!(err.method(), Some(RESET));
    let result = client
        .invalidate_for_user(&admin(), "U0NOBODY", demo::ALICE_WEB_SESSION)
        .await;
    assert_eq!(api_code(result, INVALIDATE), "user_not_found");
}

#[tokio::test]
async fn cannot_reset_bot() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let result = client
        .admin_users_session_reset(&admin(), demo::BOT_ID, None, None)
        .await;
    assert_eq!(api_code(result, RESET), "cannot_reset_bot");
}

#[tokio::test]
async fn cannot_reset_primary_owner() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let result = client
        .admin_users_session_reset(&admin(), demo::OWNER_ID, Some(true), None)
        .await;
    assert_eq!(api_code(result, RESET), "cannot_reset_primary_owner");
    assert_eq!(ids(&mock.sessions(demo::OWNER_ID)), seeded(demo::OWNER_ID));
}

#[tokio::test]
async fn cannot_invalidate_primary_owner() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let result = client
        .admin_users_session_invalidate(&admin(), demo::TEAM_ID, demo::OWNER_WEB_SESSION)
        .await;
    assert_eq!(
        api_code(result, INVALIDATE),
        "cannot_invalidate_primary_owner"
    );
    let result = client
        .invalidate_for_user(&admin(), demo::OWNER_ID, demo::OWNER_WEB_SESSION)
        .await;
    assert_eq!(
        api_code(result, INVALIDATE),
        "cannot_invalidate_primary_owner"
    );
    assert_eq!(ids(&mock.sessions(demo::OWNER_ID)), seeded(demo::OWNER_ID));
}

#[tokio::test]
async fn session_not_found() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    // No such session.
    let result = client
        .admin_users_session_invalidate(&admin(), demo::TEAM_ID, 99_999)
        .await;
    assert_eq!(api_code(result, INVALIDATE), "session_not_found");
    // A session of another team.
    let result = client
        .admin_users_session_invalidate(&admin(), demo::TEAM_ID, demo::CAROL_WEB_SESSION)
        .await;
    assert_eq!(api_code(result, INVALIDATE), "session_not_found");
    // A session of another user.
    let result = client
        .invalidate_for_user(&admin(), demo::BOB_ID, demo::ALICE_WEB_SESSION)
        .await;
    assert_eq!(api_code(result, INVALIDATE), "session_not_found");
    assert_eq!(all_mock_sessions(&mock).len(), 15);
}

#[tokio::test]
async fn missing_scope_names_needed_and_provided() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let result = client
        .admin_users_session_reset(&tok(demo::READONLY_TOKEN), demo::ALICE_ID, None, None)
        .await;
    let err = result.unwrap_err();
    let text = err.to_string();
    let (code, needed, provided, _) = api_error(Err::<(), _>(err), RESET);
    assert_eq!(code, "missing_scope");
    assert_eq!(needed.as_deref(), Some("admin.users:write"));
    assert_eq!(provided.as_deref(), Some("admin.users:read"));
    assert!(text.contains("needed: admin.users:write"), "{text}");
    assert_eq!(ids(&mock.sessions(demo::ALICE_ID)), seeded(demo::ALICE_ID));

    // A bot token lacks the user scope too.
    let result = client
        .admin_users_session_reset(&tok(demo::BOT_TOKEN), demo::ALICE_ID, None, None)
        .await;
    let (code, _, provided, _) = api_error(result, RESET);
    assert_eq!(code, "missing_scope");
    assert_eq!(provided, Some(demo::BOT_SCOPES.join(",")));
}

#[tokio::test]
async fn invalid_auth_for_an_unknown_token() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let result = client
        .admin_users_session_reset(
            &tok("xoxp-0000-0000-notatokenweknow"),
            demo::ALICE_ID,
            None,
            None,
        )
        .await;
    assert_eq!(api_code(result, RESET), "invalid_auth");
    assert_eq!(ids(&mock.sessions(demo::ALICE_ID)), seeded(demo::ALICE_ID));
}

#[tokio::test]
async fn not_authed_when_no_token_reaches_slack() {
    let mock = emulator().await;
    // The client always sends its token; a transport that drops the header
    // on the way (as a misconfigured proxy might) is the only way to lose it.
    let stripping = plain_builder(&mock.base_url())
        .transport(forwarding_transport(mock.addr(), true))
        .build()
        .unwrap();
    let result = stripping
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await;
    assert_eq!(api_code(result, RESET), "not_authed");
    let entry = mock.journal().pop().unwrap();
    assert!(!entry.token_present);

    // The same transport with the header left in works: the header was the difference.
    let forwarding = plain_builder(&mock.base_url())
        .transport(forwarding_transport(mock.addr(), false))
        .build()
        .unwrap();
    forwarding
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap();
    assert!(mock.sessions(demo::ALICE_ID).is_empty());
}

#[tokio::test]
async fn unknown_method() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    let result = client.session_explode(&admin(), demo::ALICE_ID).await;
    assert_eq!(
        api_code(result, "admin.users.session.explode"),
        "unknown_method"
    );
    assert_eq!(
        mock.journal().pop().unwrap().method,
        "admin.users.session.explode"
    );
}

#[tokio::test]
async fn invalid_arguments_carry_slack_messages() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());

    let result = client.reset_without_user(&admin(), Some(true)).await;
    let (code, _, _, messages) = api_error(result, RESET);
    assert_eq!(code, "invalid_arguments");
    assert_eq!(messages, ["[ERROR] missing required field: user_id"]);

    let result = client.invalidate_nothing(&admin()).await;
    let (code, _, _, messages) = api_error(result, INVALIDATE);
    assert_eq!(code, "invalid_arguments");
    assert_eq!(
        messages,
        [
            "[ERROR] missing required field: session_id",
            "[ERROR] missing required field: one of user_id, team_id",
        ]
    );

    let result = client
        .invalidate_text_id(&admin(), demo::ALICE_ID, "ten-thousand-seven")
        .await;
    let (code, _, _, messages) = api_error(result, INVALIDATE);
    assert_eq!(code, "invalid_arguments");
    assert_eq!(
        messages,
        ["[ERROR] invalid type for field: session_id (expected integer)"]
    );

    assert_eq!(all_mock_sessions(&mock).len(), 15);
}
