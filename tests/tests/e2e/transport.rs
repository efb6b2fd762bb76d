//! Failures below HTTP, one call each without retries: refused, reset and
//! dropped connections, answers slower than the timeout.

use std::time::{Duration, Instant};

use slackline::{AdminUsersSessionApi, SlackError, TransportErrorKind};
use slackline_mock::{Fault, demo};

use crate::support::{
    RESET, admin, api_base, assert_transport, emulator, ok, plain_builder, plain_client,
    server_answering, token,
};

#[tokio::test]
async fn refused_connection_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/api/", listener.local_addr().unwrap());
    drop(listener);
    let client = plain_client(&base);
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    assert_transport(&err, TransportErrorKind::Connect);
}

#[tokio::test]
async fn reset_connection_is_a_transport_error() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            // Read a little of the request, then hang up without answering.
            let _ = socket.readable().await;
            drop(socket);
        }
    });
    let client = plain_client(&base);
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    assert_transport(&err, TransportErrorKind::Closed);
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
    assert_transport(&err, TransportErrorKind::Closed);
    assert_eq!(mock.journal().len(), 1, "no retry");
}

#[tokio::test]
async fn slow_answer_is_a_timeout() {
    let server = server_answering(ok().set_delay(Duration::from_secs(3))).await;
    let client = plain_builder(&api_base(&server))
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = client
        .admin_users_session_reset(&token(), "U1", None, None)
        .await
        .unwrap_err();
    assert_transport(&err, TransportErrorKind::Timeout);
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
    assert_transport(&err, TransportErrorKind::Timeout);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(mock.journal().len(), 1, "no retry");
}

/// Runs `future` on this thread with no Tokio runtime around it.
fn block_on_without_tokio<F: std::future::Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl std::task::Wake for Unpark {
        fn wake(self: std::sync::Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = std::sync::Arc::new(Unpark(std::thread::current())).into();
    let mut cx = std::task::Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    let started = Instant::now();
    loop {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "ends");
        std::thread::park_timeout(Duration::from_millis(50));
    }
}

#[test]
fn a_call_outside_a_tokio_runtime_is_a_typed_error() {
    let client = plain_client("http://127.0.0.1:9/api/");
    let err = block_on_without_tokio(client.admin_users_session_reset(&token(), "U1", None, None))
        .unwrap_err();
    assert!(
        matches!(&err, SlackError::InvalidInput { message, .. } if message.contains("Tokio runtime")),
        "{err:?}"
    );
}
