// The UI cases build against `slackline` without its HTTP stack (see
// tests/Cargo.toml). Such a client is still built, and a call on it fails
// with a typed error before anything is sent instead of panicking.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use slackline::{AdminUsersSessionApi, SlackClient, SlackError, SlackToken};

fn main() {
    let client = SlackClient::new();
    let token = SlackToken::new("xoxp-1-test").unwrap();
    let mut call = pin!(client.admin_users_session_reset(&token, "U0123", None, None));
    let outcome = call.as_mut().poll(&mut Context::from_waker(Waker::noop()));
    match outcome {
        Poll::Ready(Err(SlackError::InvalidInput { method, message })) => {
            assert_eq!(method, Some("admin.users.session.reset"));
            assert!(message.contains("without an HTTP transport"), "{message}");
        }
        other => panic!("expected InvalidInput at once, got {other:?}"),
    }
}
