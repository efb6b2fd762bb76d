//! The retry policy call by call: what is retried (5xx and timeouts only for
//! idempotent methods, refused connects always), how long it waits, and
//! which error is reported when retries run out.

use std::net::{IpAddr, Ipv4Addr, TcpListener};
use std::time::Duration;

use slackline::{
    AdminUsersSessionApi, DefaultSuccess, RateLimits, RetryPolicy, SlackClient, SlackError,
    SlackToken, TransportErrorKind, slack_method,
};
use slackline_mock::{Fault, MockSlack, demo};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{
    OnWarn, RESET, admin, api_base, assert_transport, emulator, emulator_with, ok, plain_builder,
    retries, token, unpaced,
};

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
async fn a_503_retry_after_is_honoured_by_idempotent_retries() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let client = plain_builder(&api_base(&server))
        .retry_policy(
            slackline::RetryPolicy::default()
                .backoff(Duration::from_millis(1), Duration::from_secs(5)),
        )
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

pub trait Unsafe {
    /// The same Slack method, declared without `idempotent`.
    #[slack_method("admin.users.session.reset", scope = "admin.users:write", tier = 2)]
    async fn reset_not_idempotent(
        &self,
        token: &SlackToken,
        user_id: &str,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl Unsafe for SlackClient {}

#[tokio::test]
async fn a_non_idempotent_method_is_not_retried_once_sent() {
    let mock = emulator_with(0, slackline_mock::RateLimits::Off).await;
    let client = unpaced(&mock.base_url(), retries(4));

    mock.inject_fault(RESET, Fault::Status(503), 1);
    let err = client
        .reset_not_idempotent(&admin(), demo::ALICE_ID)
        .await
        .unwrap_err();
    assert!(
        matches!(err, SlackError::Http { status: 503, .. }),
        "{err:?}"
    );
    assert_eq!(mock.request_count(), 1, "a 503 is not retried");

    mock.inject_fault(RESET, Fault::Drop, 1);
    let err = client
        .reset_not_idempotent(&admin(), demo::ALICE_ID)
        .await
        .unwrap_err();
    assert_transport(&err, TransportErrorKind::Closed);
    assert_eq!(
        mock.request_count(),
        2,
        "a dropped connection is not retried"
    );
    assert!(!mock.sessions(demo::ALICE_ID).is_empty());

    // The same faults on the idempotent declaration are retried away.
    mock.inject_fault(RESET, Fault::Status(503), 1);
    mock.inject_fault(RESET, Fault::Drop, 1);
    client
        .admin_users_session_reset(&admin(), demo::ALICE_ID, None, None)
        .await
        .unwrap();
    assert_eq!(mock.request_count(), 5);
    assert!(mock.sessions(demo::ALICE_ID).is_empty());
}

#[tokio::test]
async fn a_non_idempotent_method_is_retried_after_a_refused_connection() {
    use tracing::instrument::WithSubscriber;
    use tracing_subscriber::layer::SubscriberExt;

    // An address with nothing listening: the first attempt is refused. The
    // emulator starts there only once the client has logged its retry. The
    // address is not 127.0.0.1, where the other tests' servers may take any
    // port at any time.
    let host = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 77));
    let port = TcpListener::bind((host, 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = unpaced(
        &format!("http://{host}:{port}/api/"),
        RetryPolicy::default()
            .max_attempts(8)
            .backoff(Duration::from_millis(50), Duration::from_millis(200)),
    );
    let (tx, mut warnings) = tokio::sync::mpsc::unbounded_channel();
    let subscriber = tracing_subscriber::registry().with(OnWarn(tx));
    let _every = crate::support::ask_every_subscriber();
    tracing::callsite::rebuild_interest_cache();

    let token = admin();
    let call = client
        .reset_not_idempotent(&token, demo::ALICE_ID)
        .with_subscriber(subscriber);
    let server = async {
        let first = warnings
            .recv()
            .await
            .expect("the call ended without logging a retry");
        let mock = MockSlack::builder()
            .demo_org()
            .host(host)
            .port(port)
            .start()
            .await
            .unwrap();
        (first, mock)
    };
    let (result, (first_warning, mock)) = tokio::time::timeout(Duration::from_secs(10), async {
        tokio::join!(call, server)
    })
    .await
    .unwrap();
    result.unwrap();
    assert!(first_warning.contains("connect"), "{first_warning}");
    assert_eq!(
        mock.request_count(),
        1,
        "only the successful attempt reached the server"
    );
    assert!(mock.sessions(demo::ALICE_ID).is_empty());
}

#[tokio::test]
async fn exhausted_retries_report_the_last_error() {
    let mock = emulator_with(0, slackline_mock::RateLimits::Off).await;
    let client = unpaced(&mock.base_url(), retries(3));

    mock.inject_fault(RESET, Fault::Status(500), 2);
    mock.inject_fault(RESET, Fault::Status(503), 1);
    let err = client
        .admin_users_session_reset(&admin(), demo::BOB_ID, None, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, SlackError::Http { status: 503, .. }),
        "{err:?}"
    );
    assert_eq!(mock.request_count(), 3);

    mock.inject_fault(RESET, Fault::Status(500), 2);
    mock.inject_fault(RESET, Fault::Drop, 1);
    let err = client
        .admin_users_session_reset(&admin(), demo::BOB_ID, None, None)
        .await
        .unwrap_err();
    assert_transport(&err, TransportErrorKind::Closed);
    assert_eq!(mock.request_count(), 6);
    assert!(
        !mock.sessions(demo::BOB_ID).is_empty(),
        "no attempt was processed"
    );
}
