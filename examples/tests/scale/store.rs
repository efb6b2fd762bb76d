//! `RedisStore` against a real `redis-server`: shared admission, shared
//! pauses, expiring keys, and Redis failing under a running job.

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use slackline::ratelimit::{BucketKey, Quota, RateLimitStore, RedisStore, WorkspaceKey};
use slackline::{AdminUsersSessionApi, RateLimits, SlackClient, SlackToken};
use slackline_examples::redis_server::RedisServer;
use slackline_mock::{MockSlack, demo, member_id};

use crate::support::{RESET, calls_per_user, emulator};

fn key(method: &'static str) -> BucketKey {
    BucketKey {
        method,
        workspace: WorkspaceKey::Team("T0DEMO".into()),
        channel: None,
    }
}

fn store(server_url: &str, prefix: &str) -> RedisStore {
    RedisStore::builder(server_url)
        .prefix(prefix)
        .op_timeout(Duration::from_millis(150))
        .reconnect_interval(Duration::from_millis(50))
        .build()
        .unwrap()
}

#[tokio::test]
async fn stores_share_slots_and_pauses_through_redis() {
    let server = RedisServer::start().expect("redis-server (apt-get install redis-server)");
    let a = store(&server.url(), "t1:");
    let b = store(&server.url(), "t1:");
    let other = store(&server.url(), "t2:");
    let quota = Quota::per_minute(600.0); // one slot every 100 ms, no burst
    let k = key("m.one");

    let mut waits = Vec::new();
    for i in 0..6 {
        let store = if i % 2 == 0 { &a } else { &b };
        waits.push(store.reserve(&k, quota).await);
    }
    // Two processes, one sequence of slots: 0, 100, 200, ... ms.
    for (i, wait) in waits.iter().enumerate() {
        let expected = Duration::from_millis(100 * i as u64);
        let diff = wait.abs_diff(expected);
        assert!(diff < Duration::from_millis(40), "slot {i}: {wait:?}");
    }
    assert!(!a.is_degraded() && a.fallback_count() == 0);
    // Another prefix is another budget.
    assert_eq!(other.reserve(&k, quota).await, Duration::ZERO);

    // A slot further away than the caller will wait is not booked.
    let k3 = key("m.three");
    let limit = Duration::from_millis(50);
    assert_eq!(
        a.reserve_within(&k3, quota, limit).await,
        Ok(Duration::ZERO)
    );
    let refused = b.reserve_within(&k3, quota, limit).await.unwrap_err();
    assert!(refused > Duration::from_millis(60), "{refused:?}");
    let next = a.reserve(&k3, quota).await;
    assert!(
        next <= Duration::from_millis(100),
        "nothing was booked: {next:?}"
    );

    // A 429 seen by one process pauses the others.
    let k2 = key("m.two");
    a.pause(&k2, quota, Duration::from_secs(2)).await;
    let left = b.pause_remaining(&k2).await;
    assert!(
        left > Duration::from_millis(1800) && left <= Duration::from_secs(2),
        "{left:?}"
    );
    let wait = b.reserve(&k2, quota).await;
    assert!(wait >= Duration::from_millis(1800), "{wait:?}");

    // Keys live under the prefix and expire once idle.
    let ttl = server
        .command("PTTL t1:m.two:T0DEMO", Duration::from_secs(1))
        .unwrap();
    let ttl: i64 = ttl.trim_start_matches(':').parse().unwrap();
    assert!((1..=4_000).contains(&ttl), "PTTL {ttl}");
    assert_eq!(
        server
            .command("EXISTS t2:m.one:T0DEMO", Duration::from_secs(1))
            .unwrap(),
        ":1"
    );
}

/// `n` resets of distinct members through a client paced by `store`, all
/// at once (the pacing spaces them). Returns the elapsed time.
async fn run_job(mock: &MockSlack, store: RedisStore, scale: f64, n: usize) -> Duration {
    let client = SlackClient::builder()
        .base_url(mock.base_url())
        .rate_limits(RateLimits::slack_tiers().time_scale(scale).store(store))
        .build()
        .unwrap();
    let token = SlackToken::new(demo::ADMIN_TOKEN).unwrap();
    let started = Instant::now();
    let calls = futures_util::stream::iter(1..=n).map(|i| {
        let client = &client;
        let token = &token;
        async move {
            let id = member_id(i);
            let call = client.admin_users_session_reset(token, &id, None, None);
            // No call may hang, whatever Redis does.
            tokio::time::timeout(Duration::from_secs(20), call)
                .await
                .expect("a call hung")
                .expect("every call succeeds");
        }
    });
    calls.buffer_unordered(n).collect::<Vec<()>>().await;
    started.elapsed()
}

/// Every member reset, each by exactly one call that Slack processed.
fn assert_each_once(mock: &MockSlack, n: usize) {
    let calls = calls_per_user(mock, RESET);
    let limited = mock.rate_limited_count() as usize;
    let processed: usize = calls.values().sum::<usize>() - limited;
    assert_eq!(processed, n, "calls processed ({limited} answered 429)");
    for i in 1..=n {
        assert!(
            mock.sessions(&member_id(i)).is_empty(),
            "{} not reset",
            member_id(i)
        );
    }
    if limited == 0 {
        assert!(calls.values().all(|&c| c == 1), "a call was sent twice");
    }
}

#[tokio::test]
async fn unreachable_redis_paces_locally() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let store = store(&format!("redis://127.0.0.1:{port}/"), "t:");
    let scale = 300.0; // Tier 2: 100 calls a second
    let mock = emulator(40, scale).await;
    let elapsed = run_job(&mock, store.clone(), scale, 40).await;
    assert_each_once(&mock, 40);
    assert_eq!(mock.rate_limited_count(), 0, "one process paced locally");
    assert!(store.is_degraded());
    assert!(store.fallback_count() >= 40);
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[tokio::test]
async fn slow_redis_never_holds_a_call() {
    let server = RedisServer::start().expect("redis-server");
    let store = store(&server.url(), "t:");
    let scale = 120.0; // 40 calls a second: 60 calls take 1.5 s
    let mock = emulator(60, scale).await;
    // 300 ms into the job, Redis answers nobody for a second.
    let stall = {
        let addr = server.addr();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            let mut stream = std::net::TcpStream::connect(addr).unwrap();
            std::io::Write::write_all(&mut stream, b"DEBUG SLEEP 1\r\n").unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut buf = [0u8; 16];
            let n = std::io::Read::read(&mut stream, &mut buf).unwrap();
            String::from_utf8_lossy(&buf[..n]).into_owned()
        })
    };
    let elapsed = run_job(&mock, store.clone(), scale, 60).await;
    assert_eq!(stall.join().unwrap().trim_end(), "+OK");
    assert_each_once(&mock, 60);
    assert!(store.fallback_count() > 0, "the stall was noticed");
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
    // Back on the shared budget once Redis answers.
    let started = Instant::now();
    while store.is_degraded() && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(!store.is_degraded(), "reconnected");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restarted_redis_mid_job() {
    let mut server = RedisServer::start().expect("redis-server");
    let store = store(&server.url(), "t:");
    let scale = 120.0;
    let mock = emulator(60, scale).await;
    let job = run_job(&mock, store.clone(), scale, 60);
    let restart = async {
        tokio::time::sleep(Duration::from_millis(400)).await;
        tokio::task::block_in_place(|| server.restart()).unwrap();
    };
    let (elapsed, ()) = tokio::join!(job, restart);
    assert_each_once(&mock, 60);
    assert!(store.fallback_count() > 0, "the restart was noticed");
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
    let started = Instant::now();
    while store.is_degraded() && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(!store.is_degraded(), "reconnected");
    // The restarted Redis holds the budget again (the script is loaded anew).
    store.reserve(&key(RESET), Quota::per_minute(20.0)).await;
    assert_eq!(
        server
            .command(
                "EXISTS t:admin.users.session.reset:T0DEMO",
                Duration::from_secs(1)
            )
            .unwrap(),
        ":1"
    );
}
