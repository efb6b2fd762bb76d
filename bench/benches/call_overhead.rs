//! What the declarative layer costs, next to hand-written reqwest + serde
//! doing the same `admin.users.session.reset` call.
//!
//! ```text
//! cargo bench -p slackline-bench --bench call_overhead
//! ```
//!
//! Three measurements, each run side by side with its baseline in one process:
//! 1. in-process: request building + answer decoding only (slackline through a
//!    transport closure that returns a canned answer, against the same work
//!    written by hand), so network noise does not hide the difference;
//! 2. loopback: whole calls against the local emulator (rate limits off), a
//!    pooled reqwest client on each side, sequential and 64-way concurrent;
//! 3. pacing: the same generated call with tier pacing on (a quota the run
//!    never reaches, so no call waits and only the bookkeeping is measured)
//!    against pacing off, in-process and over loopback.
//!
//! Each pair alternates rounds (A, B, A, B, ...) and reports the median round,
//! and the allocations per call of each side (all threads: over loopback the
//! in-process emulator's allocations are counted on both sides alike).

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::StreamExt;
use http::{HeaderMap, HeaderValue};
use slackline::transport::{HttpRequest, HttpResponse};
use slackline::{
    AdminUsersSessionApi, DefaultSuccess, Quota, RateLimits, RetryPolicy, SlackClient, SlackToken,
};
use slackline_mock::{MockSlack, demo};

const ANSWER: &str = r#"{"ok":true,"warning":"superfluous_charset","response_metadata":{"warnings":["superfluous_charset"]}}"#;

#[global_allocator]
static ALLOC: slackline_bench::CountingAlloc = slackline_bench::CountingAlloc;

fn median<T: Ord + Copy>(mut samples: Vec<T>) -> T {
    samples.sort();
    samples[samples.len() / 2]
}

/// The median round of one side: its time and its allocations.
#[derive(Clone, Copy)]
struct Round {
    time: Duration,
    allocations: u64,
}

/// Runs `a` and `b` alternately `rounds` times; returns the median of each.
async fn side_by_side<FA, FB, A, B>(rounds: usize, mut a: FA, mut b: FB) -> (Round, Round)
where
    FA: FnMut() -> A,
    FB: FnMut() -> B,
    A: std::future::Future<Output = ()>,
    B: std::future::Future<Output = ()>,
{
    let (mut ta, mut tb, mut na, mut nb) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let (start, allocations) = (Instant::now(), slackline_bench::allocations());
        a().await;
        ta.push(start.elapsed());
        na.push(slackline_bench::allocations() - allocations);
        let (start, allocations) = (Instant::now(), slackline_bench::allocations());
        b().await;
        tb.push(start.elapsed());
        nb.push(slackline_bench::allocations() - allocations);
    }
    (
        Round {
            time: median(ta),
            allocations: median(na),
        },
        Round {
            time: median(tb),
            allocations: median(nb),
        },
    )
}

fn report(what: &str, calls: usize, slackline: Round, baseline: Round) {
    report_pair(
        what,
        ("slackline", "hand-written"),
        calls,
        slackline,
        baseline,
    );
}

fn report_pair(what: &str, names: (&str, &str), calls: usize, a: Round, b: Round) {
    let per = |r: Round| r.time.as_secs_f64() * 1e9 / calls as f64;
    let allocs = |r: Round| r.allocations as f64 / calls as f64;
    println!(
        "{what:<34} {} {:>8.0} ns/call {:>5.1} allocs/call   {} {:>8.0} ns/call {:>5.1} allocs/call   ratio {:.3}",
        names.0,
        per(a),
        allocs(a),
        names.1,
        per(b),
        allocs(b),
        a.time.as_secs_f64() / b.time.as_secs_f64()
    );
}

/// Tier pacing with a quota far above what any run reaches: every call books
/// a slot and none waits.
fn never_reached_pacing() -> RateLimits {
    RateLimits::slack_tiers().method(
        "admin.users.session.reset",
        Quota::per_minute(1e12).burst(1_000_000_000),
    )
}

/// Pacing on (quota never reached) against pacing off, same calls.
async fn pacing() {
    let canned = Bytes::from_static(ANSWER.as_bytes());
    let in_process = |limits: RateLimits| {
        let canned = canned.clone();
        SlackClient::builder()
            .transport(move |request: HttpRequest| {
                black_box(&request);
                let body = canned.clone();
                async move { Ok(HttpResponse::json(200, body)) }
            })
            .rate_limits(limits)
            .build()
            .unwrap()
    };
    let token = SlackToken::new("xoxp-bench-token").unwrap();
    let run = |client: SlackClient, n: usize, concurrency: usize| {
        let token = token.clone();
        async move {
            futures_util::stream::iter(0..n)
                .for_each_concurrent(concurrency, |_| {
                    let client = client.clone();
                    let token = token.clone();
                    async move {
                        let ok = client
                            .admin_users_session_reset(&token, "U0123", None, Some(true))
                            .await
                            .unwrap();
                        black_box(ok);
                    }
                })
                .await;
        }
    };
    let (paced, unpaced) = (
        in_process(never_reached_pacing()),
        in_process(RateLimits::off()),
    );
    const CALLS: usize = 20_000;
    let (a, b) = side_by_side(
        15,
        || run(paced.clone(), CALLS, 1),
        || run(unpaced.clone(), CALLS, 1),
    )
    .await;
    report_pair("pacing, no network", ("on", "off"), CALLS, a, b);

    let mock = MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Off)
        .journal_capacity(1024)
        .start()
        .await
        .unwrap();
    let over_loopback = |limits: RateLimits| {
        SlackClient::builder()
            .base_url(mock.base_url())
            .rate_limits(limits)
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap()
    };
    let (paced, unpaced) = (
        over_loopback(never_reached_pacing()),
        over_loopback(RateLimits::off()),
    );
    let admin = SlackToken::new(demo::ADMIN_TOKEN).unwrap();
    let run = |client: SlackClient, n: usize, concurrency: usize| {
        let admin = admin.clone();
        async move {
            futures_util::stream::iter(0..n)
                .for_each_concurrent(concurrency, |_| {
                    let client = client.clone();
                    let admin = admin.clone();
                    async move {
                        // Resetting a user with no sessions left still
                        // answers ok: every round does the same work.
                        let ok = client
                            .admin_users_session_reset(&admin, "U0BOB", None, Some(true))
                            .await
                            .unwrap();
                        black_box(ok);
                    }
                })
                .await;
        }
    };
    for (label, n, concurrency) in [
        ("pacing, loopback, sequential", 2_000, 1),
        ("pacing, loopback, 64 concurrent", 20_000, 64),
    ] {
        let (a, b) = side_by_side(
            7,
            || run(paced.clone(), n, concurrency),
            || run(unpaced.clone(), n, concurrency),
        )
        .await;
        report_pair(label, ("on", "off"), n, a, b);
    }
}

/// The hand-written equivalent of one generated call, without the network.
fn hand_written_in_process(token: &str, user_id: &str, web_only: Option<bool>) -> DefaultSuccess {
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("user_id", user_id);
    if let Some(web_only) = web_only {
        form.append_pair("web_only", if web_only { "true" } else { "false" });
    }
    let body = Bytes::from(form.finish());
    let mut headers = HeaderMap::new();
    headers.insert(
        "authorization",
        HeaderValue::try_from(format!("Bearer {token}")).unwrap(),
    );
    headers.insert(
        "content-type",
        HeaderValue::from_static("application/x-www-form-urlencoded"),
    );
    let url = format!(
        "{}{}",
        "https://slack.com/api/", "admin.users.session.reset"
    );
    black_box((&url, &headers, &body));
    let answer = HttpResponse::json(200, ANSWER);
    #[derive(serde::Deserialize)]
    struct Head {
        ok: bool,
    }
    let head: Head = serde_json::from_slice(&answer.body).unwrap();
    assert!(head.ok);
    serde_json::from_slice(&answer.body).unwrap()
}

async fn in_process() {
    let canned = Bytes::from_static(ANSWER.as_bytes());
    let client = SlackClient::builder()
        .transport(move |request: HttpRequest| {
            black_box(&request);
            let body = canned.clone();
            async move { Ok(HttpResponse::json(200, body)) }
        })
        .rate_limits(RateLimits::off())
        .build()
        .unwrap();
    let token = SlackToken::new("xoxp-bench-token").unwrap();
    const CALLS: usize = 20_000;
    let (ours, theirs) = side_by_side(
        15,
        || {
            let client = client.clone();
            let token = token.clone();
            async move {
                for _ in 0..CALLS {
                    let ok = client
                        .admin_users_session_reset(&token, "U0123", None, Some(true))
                        .await
                        .unwrap();
                    black_box(ok);
                }
            }
        },
        || async {
            for _ in 0..CALLS {
                black_box(hand_written_in_process(
                    "xoxp-bench-token",
                    "U0123",
                    Some(true),
                ));
            }
        },
    )
    .await;
    report("build + decode (no network)", CALLS, ours, theirs);
}

async fn loopback() {
    let mock = MockSlack::builder()
        .demo_org()
        .rate_limits(slackline_mock::RateLimits::Off)
        .journal_capacity(1024)
        .start()
        .await
        .unwrap();
    let base = mock.base_url();
    let client = SlackClient::builder()
        .base_url(&base)
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let token = SlackToken::new(demo::MEMBER_TOKEN).unwrap();
    // Configured as a careful hand-written client would be, and so that both
    // sides put the same bytes on the wire (the emulator's work per request
    // depends on them): the same timeouts and the same User-Agent.
    let raw = reqwest::Client::builder()
        .use_rustls_tls()
        .timeout(slackline::DEFAULT_TIMEOUT)
        .connect_timeout(slackline::DEFAULT_CONNECT_TIMEOUT)
        .user_agent(concat!("slackline/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap();
    let url = Arc::new(format!("{base}admin.users.session.reset"));
    let auth = format!("Bearer {}", demo::MEMBER_TOKEN);

    // The member token is not an admin: both sides get the same small
    // `not_an_admin` answer, so the server does the same work for each and
    // the session state does not change between rounds.
    let ours = |n: usize, concurrency: usize| {
        let client = client.clone();
        let token = token.clone();
        async move {
            futures_util::stream::iter(0..n)
                .for_each_concurrent(concurrency, |_| {
                    let client = client.clone();
                    let token = token.clone();
                    async move {
                        let err = client
                            .admin_users_session_reset(&token, "U0BOB", None, Some(true))
                            .await;
                        assert_eq!(err.unwrap_err().code(), Some("not_an_admin"));
                    }
                })
                .await;
        }
    };
    let theirs = |n: usize, concurrency: usize| {
        let raw = raw.clone();
        let url = url.clone();
        let auth = auth.clone();
        async move {
            futures_util::stream::iter(0..n)
                .for_each_concurrent(concurrency, |_| {
                    let raw = raw.clone();
                    let url = url.clone();
                    let auth = auth.clone();
                    async move {
                        let body = form_urlencoded::Serializer::new(String::new())
                            .append_pair("user_id", "U0BOB")
                            .append_pair("web_only", "true")
                            .finish();
                        let answer = raw
                            .post(url.as_str())
                            .header("authorization", auth.as_str())
                            .header("content-type", "application/x-www-form-urlencoded")
                            .body(body)
                            .send()
                            .await
                            .unwrap()
                            .bytes()
                            .await
                            .unwrap();
                        #[derive(serde::Deserialize)]
                        struct Envelope {
                            ok: bool,
                            error: Option<String>,
                        }
                        let envelope: Envelope = serde_json::from_slice(&answer).unwrap();
                        assert!(!envelope.ok);
                        assert_eq!(envelope.error.as_deref(), Some("not_an_admin"));
                    }
                })
                .await;
        }
    };
    for (label, n, concurrency) in [
        ("loopback, sequential", 2_000, 1),
        ("loopback, 64 concurrent", 20_000, 64),
    ] {
        let (a, b) = side_by_side(7, || ours(n, concurrency), || theirs(n, concurrency)).await;
        report(label, n, a, b);
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        println!("slackline call overhead (median of alternating rounds; ratio < 1 means slackline is faster)");
        in_process().await;
        loopback().await;
        pacing().await;
    });
}
