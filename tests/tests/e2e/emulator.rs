//! The client against the Slack emulator (`slackline-mock`), over real HTTP on 127.0.0.1.
//!
//! Each test starts its own emulator with the demo org, so state never leaks
//! between tests. Rate limits are off unless they are what a test is about.

use std::time::{Duration, Instant};

use serde::Deserialize;
use slackline::{
    AdminUsersSessionApi, DefaultSuccess, RateLimits, RetryPolicy, SlackClient, SlackError,
    SlackToken, TransportErrorKind, WithMeta, slack_method,
};
use slackline_mock::{Fault, MockSession, MockSlack, SessionKind, demo};

use crate::support::{RESET, admin, forwarding_transport, plain_builder, plain_client, raw_http};

// ---------------------------------------------------------------------------
// Methods declared here, as a user of slackline would.

/// One page of `admin.users.session.list`.
#[derive(Debug, Deserialize)]
struct SessionPage {
    active_sessions: Vec<ListedSession>,
    #[serde(default)]
    response_metadata: Option<PageMetadata>,
}

#[derive(Debug, Deserialize)]
struct PageMetadata {
    #[serde(default)]
    next_cursor: String,
}

#[derive(Debug, Deserialize)]
struct ListedSession {
    user_id: String,
    team_id: String,
    session_id: i64,
    created: Device,
}

#[derive(Debug, Deserialize)]
struct Device {
    device_hardware: String,
}

#[allow(dead_code)] // Some methods exist only to be rejected by the emulator.
trait SessionsAsDeclaredHere {
    /// Slack's current form of invalidate: by `user_id`.
    #[slack_method(
        "admin.users.session.invalidate",
        scope = "admin.users:write",
        tier = 2,
        idempotent
    )]
    async fn invalidate_for_user(
        &self,
        token: &SlackToken,
        user_id: &str,
        session_id: i64,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method(
        "admin.users.session.list",
        scope = "admin.users:read",
        tier = 2,
        idempotent
    )]
    async fn session_list(
        &self,
        token: &SlackToken,
        team_id: Option<&str>,
        user_id: Option<&str>,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<WithMeta<SessionPage>, SlackError>;

    #[slack_method("admin.users.session.reset", scope = "admin.users:write", tier = 2)]
    async fn reset_with_meta(
        &self,
        token: &SlackToken,
        user_id: &str,
    ) -> Result<WithMeta<DefaultSuccess>, SlackError>;

    /// Not a Slack method.
    #[slack_method("admin.users.session.explode", scope = "admin.users:write")]
    async fn session_explode(
        &self,
        token: &SlackToken,
        user_id: &str,
    ) -> Result<DefaultSuccess, SlackError>;

    /// Leaves out the required `user_id` (`unchecked`: the macro would warn).
    #[slack_method("admin.users.session.reset", scope = "admin.users:write", unchecked)]
    async fn reset_without_user(
        &self,
        token: &SlackToken,
        mobile_only: Option<bool>,
    ) -> Result<DefaultSuccess, SlackError>;

    /// Leaves out `session_id` and both of `user_id` / `team_id`.
    #[slack_method(
        "admin.users.session.invalidate",
        scope = "admin.users:write",
        unchecked
    )]
    async fn invalidate_nothing(&self, token: &SlackToken) -> Result<DefaultSuccess, SlackError>;

    /// `session_id` as free text, so a non-integer can be sent.
    #[slack_method("admin.users.session.invalidate", scope = "admin.users:write")]
    async fn invalidate_text_id(
        &self,
        token: &SlackToken,
        user_id: &str,
        session_id: &str,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl SessionsAsDeclaredHere for SlackClient {}

// ---------------------------------------------------------------------------
// Helpers.

/// The demo org with rate limits off.
async fn emulator() -> MockSlack {
    MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Off)
        .start()
        .await
        .expect("emulator starts")
}

fn tok(token: &str) -> SlackToken {
    SlackToken::new(token).unwrap()
}

fn ids(sessions: &[MockSession]) -> Vec<i64> {
    sessions.iter().map(|s| s.session_id).collect()
}

fn seeded(user: &str) -> Vec<i64> {
    demo::session_ids(user).unwrap().to_vec()
}

/// Unwraps an `ok: false` error, checking the method it names.
fn api_error<T: std::fmt::Debug>(
    result: Result<T, SlackError>,
    method: &str,
) -> (String, Option<String>, Option<String>, Vec<String>) {
    match result {
        Err(SlackError::Api {
            method: m,
            code,
            needed,
            provided,
            messages,
            ..
        }) => {
            assert_eq!(m, method);
            (code, needed, provided, messages.into_vec())
        }
        other => panic!("expected SlackError::Api from {method}, got {other:?}"),
    }
}

fn api_code<T: std::fmt::Debug>(result: Result<T, SlackError>, method: &str) -> String {
    api_error(result, method).0
}

const INVALIDATE: &str = "admin.users.session.invalidate";
const LIST: &str = "admin.users.session.list";

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

// ---------------------------------------------------------------------------
// Rate limits (HTTP 429).

/// The emulator's tier-2 bucket holds 20 calls.
const TIER2: usize = 20;

#[tokio::test]
async fn a_burst_beyond_the_tier_is_rate_limited() {
    let mock = MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Exact)
        .start()
        .await
        .unwrap();
    let client = plain_client(&mock.base_url()); // no pacing, no retries
    let token = admin();
    // The first 20 pass; the next is refused (a little later if the machine
    // is so slow that the bucket refilled meanwhile: one call per 3 s).
    let mut passed = 0;
    let err = loop {
        match client
            .session_list(&token, None, Some(demo::ALICE_ID), None, None)
            .await
        {
            Ok(_) => passed += 1,
            Err(err) => break err,
        }
        assert!(passed <= 2 * TIER2, "never rate limited");
    };
    assert!(
        passed >= TIER2,
        "rate limited after {passed} calls: {err:?}"
    );
    match &err {
        SlackError::RateLimited {
            method,
            retry_after,
        } => {
            assert_eq!(*method, LIST);
            assert!(*retry_after >= Duration::from_secs(1), "{retry_after:?}");
            // Tier 2 refills one call every 3 s.
            assert!(*retry_after <= Duration::from_secs(3), "{retry_after:?}");
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }
    assert_eq!(err.code(), Some("ratelimited"));
    assert_eq!(mock.rate_limited_count(), 1);
    // Buckets are per method: another tier-2 method still has its own budget.
    client
        .admin_users_session_reset(&token, demo::BOB_ID, None, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn retries_ride_out_a_burst_over_the_limit() {
    let mock = MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Scaled(60.0))
        .start()
        .await
        .unwrap();
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::default().max_rate_limit_wait(Duration::from_secs(10)))
        .build()
        .unwrap();
    let started = Instant::now();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..TIER2 + 5 {
        let client = client.clone();
        calls.spawn(async move {
            client
                .session_list(&admin(), None, Some(demo::BOB_ID), None, None)
                .await
        });
    }
    while let Some(result) = calls.join_next().await {
        assert_eq!(result.unwrap().unwrap().active_sessions.len(), 3);
    }
    assert!(
        mock.rate_limited_count() >= 5,
        "{}",
        mock.rate_limited_count()
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn pacing_at_the_emulators_scale_collects_no_429() {
    const SCALE: f64 = 120.0;
    let mock = MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Scaled(SCALE))
        .start()
        .await
        .unwrap();
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::slack_tiers().time_scale(SCALE))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..TIER2 + 10 {
        let client = client.clone();
        calls.spawn(async move {
            client
                .session_list(&admin(), None, None, Some(1), None)
                .await
        });
    }
    while let Some(result) = calls.join_next().await {
        result.unwrap().unwrap();
    }
    assert_eq!(mock.rate_limited_count(), 0);
}

// ---------------------------------------------------------------------------
// Response metadata and the journal.

#[tokio::test]
async fn meta_has_the_emulators_scope_headers() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    // What the emulator says, read off the wire without slackline.
    let raw = raw_http(
        mock.addr(),
        "POST",
        &format!("/api/{RESET}"),
        &[
            ("Authorization", &format!("Bearer {}", demo::ADMIN_TOKEN)),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        b"user_id=U0BOB",
    )
    .await
    .unwrap();
    assert_eq!(raw.status, 200);
    let header = |name: &str| {
        raw.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    assert_eq!(
        header("x-oauth-scopes").as_deref(),
        Some("admin.users:read,admin.users:write,admin,users:read")
    );
    assert_eq!(
        header("x-accepted-oauth-scopes").as_deref(),
        Some("admin.users:write")
    );

    let answer = client
        .reset_with_meta(&admin(), demo::ALICE_ID)
        .await
        .unwrap();
    assert!(answer.ok);
    assert_eq!(answer.meta.scopes, header("x-oauth-scopes"));
    assert_eq!(
        answer.meta.accepted_scopes,
        header("x-accepted-oauth-scopes")
    );
    assert!(answer.meta.warnings.is_empty());
    assert_eq!(answer.meta.next_cursor, None);

    // Another token, another method.
    let page = client
        .session_list(&tok(demo::READONLY_TOKEN), None, None, Some(1), None)
        .await
        .unwrap();
    assert_eq!(page.meta.scopes.as_deref(), Some("admin.users:read"));
    assert_eq!(
        page.meta.accepted_scopes.as_deref(),
        Some("admin.users:read")
    );
}

#[tokio::test]
async fn journal_shows_exact_arguments_and_no_authorization() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, Some(true))
        .await
        .unwrap();
    // Carol's session is not in T0DEMO1: refused, but journaled all the same.
    let refused = client
        .admin_users_session_invalidate(&admin(), demo::TEAM_ID, 10_014)
        .await;
    assert_eq!(api_code(refused, INVALIDATE), "session_not_found");
    client
        .admin_users_session_reset(&admin(), demo::BOB_ID, Some(true), Some(false))
        .await
        .unwrap();

    let journal = mock.journal();
    assert_eq!(journal.len(), 3);
    let pairs =
        |entry: &slackline_mock::JournalEntry| -> Vec<(String, String)> { entry.args.clone() };
    let own = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    assert_eq!(journal[0].method, RESET);
    assert_eq!(
        pairs(&journal[0]),
        own(&[("user_id", "U0ALICE"), ("web_only", "true")])
    );
    assert_eq!(journal[1].method, INVALIDATE);
    assert_eq!(
        pairs(&journal[1]),
        own(&[("team_id", "T0DEMO1"), ("session_id", "10014")])
    );
    assert_eq!(
        pairs(&journal[2]),
        own(&[
            ("user_id", "U0BOB"),
            ("mobile_only", "true"),
            ("web_only", "false")
        ])
    );
    for entry in &journal {
        assert_eq!(entry.http_method, "POST");
        assert_eq!(
            entry.content_type.as_deref(),
            Some("application/x-www-form-urlencoded")
        );
        assert!(entry.token_present, "the token went in the header");
        assert!(
            !entry.args.iter().any(|(k, _)| k == "token"),
            "no token in the body"
        );
        assert!(
            !entry
                .headers
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        );
        assert!(
            !entry
                .headers
                .iter()
                .any(|(_, v)| v.contains(demo::ADMIN_TOKEN)),
            "{:?}",
            entry.headers
        );
        let agent = entry
            .headers
            .iter()
            .find(|(k, _)| k == "user-agent")
            .map(|(_, v)| v.as_str());
        assert!(
            agent.unwrap_or_default().starts_with("slackline/"),
            "{agent:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// Faults, one call each with no retries, then a retry that recovers.

#[tokio::test]
async fn fault_status_500_is_an_http_error() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    mock.inject_fault(RESET, Fault::Status(500), 1);
    let err = client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    match &err {
        SlackError::Http {
            method,
            status: 500,
            body,
            ..
        } => {
            assert_eq!(*method, RESET);
            assert!(body.contains("internal_error"), "{body}");
        }
        other => panic!("expected Http 500, got {other:?}"),
    }
    assert_eq!(err.kind(), "http_500");
    assert_eq!(mock.journal().len(), 1, "no retry");
    assert_eq!(ids(&mock.sessions(demo::ALICE_ID)), seeded(demo::ALICE_ID));
}

#[tokio::test]
async fn fault_delay_beyond_the_timeout_is_a_timeout() {
    let mock = emulator().await;
    let client = plain_builder(&mock.base_url())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    mock.inject_fault(RESET, Fault::Delay(Duration::from_secs(3)), 1);
    let started = Instant::now();
    let err = client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            SlackError::Transport {
                kind: TransportErrorKind::Timeout,
                ..
            }
        ),
        "expected a Timeout, got {err:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(mock.journal().len(), 1, "no retry");
}

#[tokio::test]
async fn fault_non_json_is_a_decode_error() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    mock.inject_fault(RESET, Fault::NonJson, 1);
    let err = client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    match &err {
        SlackError::Decode { method, body, .. } => {
            assert_eq!(*method, RESET);
            assert!(body.contains("502 Bad Gateway"), "{body}");
        }
        other => panic!("expected Decode, got {other:?}"),
    }
    assert_eq!(err.kind(), "decode");
}

#[tokio::test]
async fn fault_drop_is_a_closed_connection() {
    let mock = emulator().await;
    let client = plain_client(&mock.base_url());
    mock.inject_fault(RESET, Fault::Drop, 1);
    let err = client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            SlackError::Transport {
                kind: TransportErrorKind::Closed,
                ..
            }
        ),
        "expected a Closed transport error, got {err:?}"
    );
    assert_eq!(mock.journal().len(), 1, "no retry");
}

#[tokio::test]
async fn one_503_then_success_is_retried_away() {
    let mock = emulator().await;
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::off())
        .retry_policy(
            RetryPolicy::default().backoff(Duration::from_millis(5), Duration::from_millis(20)),
        )
        .build()
        .unwrap();
    mock.inject_fault(RESET, Fault::Status(503), 1);
    let answer = client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap();
    assert!(answer.ok);
    assert_eq!(mock.journal().len(), 2, "one failed attempt, one retry");
    assert!(mock.sessions(demo::ALICE_ID).is_empty());
}

#[tokio::test]
async fn paginate_walks_every_page_of_the_org() {
    let mock = MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Off)
        .start()
        .await
        .unwrap();
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
