//! The methods declared by name only, called against the emulator: the
//! catalog's facts reach the wire (GET for `users.info`, no `Authorization`
//! for `oauth.v2.access`).

use slackline::{SlackClient, SlackError, SlackToken};
use slackline_downstream::Basics;
use slackline_mock::{MockSlack, demo};

#[tokio::test]
async fn name_only_declarations_call_the_emulator() {
    let mock = MockSlack::start().await.expect("emulator starts");
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .build()
        .expect("client builds");
    let token = SlackToken::new(demo::ADMIN_TOKEN).expect("demo token");

    let me = client.auth_test(&token).await.expect("auth.test");
    assert_eq!(me.user_id, demo::ADMIN_ID);
    assert_eq!(me.team_id, demo::TEAM_ID);

    let info = client
        .users_info(&token, demo::ALICE_ID)
        .await
        .expect("users.info");
    if let Some(user) = info.user {
        assert_eq!(user.id, demo::ALICE_ID);
    }

    client
        .oauth_v2_access("123.456", "not-a-real-secret", "code-1")
        .await
        .expect("oauth.v2.access without a token");

    let app = slackline::ClientCredentials::new("123.456", "not-a-real-secret").unwrap();
    client
        .oauth_v2_access_basic(&app, "code-2")
        .await
        .expect("oauth.v2.access with HTTP Basic credentials");

    let journal = mock.journal();
    let find = |method: &str| {
        journal
            .iter()
            .find(|e| e.method == method)
            .unwrap_or_else(|| panic!("{method} reached the emulator"))
    };
    assert_eq!(find("users.info").http_method, "GET");
    assert!(find("users.info").token_present);
    assert!(find("auth.test").token_present);
    let oauth = find("oauth.v2.access");
    assert_eq!(oauth.http_method, "POST");
    assert!(!oauth.token_present, "no token is sent for oauth.v2.access");
    assert!(
        !oauth
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("authorization")),
        "no Authorization header"
    );
    assert!(
        oauth
            .args
            .iter()
            .any(|(k, v)| k == "client_id" && v == "123.456")
    );
    let basic = journal
        .iter()
        .filter(|e| e.method == "oauth.v2.access")
        .nth(1)
        .expect("the Basic exchange reached the emulator");
    assert!(!basic.token_present);
    // Only `code` is sent (the credentials go in the Basic header); the journal keeps
    // an OAuth code by name only.
    assert_eq!(basic.args, [("code".to_owned(), "<redacted>".to_owned())]);
    mock.shutdown().await;
}

#[tokio::test]
async fn a_token_method_without_scope_still_needs_a_valid_token() {
    let mock = MockSlack::start().await.expect("emulator starts");
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .build()
        .expect("client builds");
    let stranger = SlackToken::new("xoxp-not-registered").expect("token form");
    let err = client.auth_test(&stranger).await.unwrap_err();
    assert!(
        matches!(&err, SlackError::Api { code, .. } if code == "invalid_auth"),
        "{err:?}"
    );
    mock.shutdown().await;
}
