//! Four OS processes, one Slack budget: `bulk_session_reset --redis` ×4
//! against the emulator enforcing Tier 2 exactly (time scaled).

use std::time::Duration;

use slackline_examples::redis_server::RedisServer;
use slackline_mock::member_id;

use crate::support::{
    RESET, bulk_command, calls_per_user, emulator, output, temp_dir, tier2_per_sec, wait,
};

const PROCESSES: usize = 4;
const USERS_EACH: usize = 100;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_processes_share_one_budget() {
    let server = RedisServer::start().expect("redis-server (apt-get install redis-server)");
    let scale = 300.0; // Tier 2: 100 calls a second
    let total = PROCESSES * USERS_EACH;
    let mock = emulator(total, scale).await;
    let dir = temp_dir("shared");
    let scale_arg = scale.to_string();
    let url = server.url();

    let mut children = Vec::new();
    for p in 0..PROCESSES {
        let sub = dir.join(format!("p{p}"));
        std::fs::create_dir_all(&sub).unwrap();
        let ids: Vec<String> = (1..=USERS_EACH)
            .map(|i| member_id(p * USERS_EACH + i))
            .collect();
        let input = sub.join("ids.txt");
        std::fs::write(&input, ids.join("\n")).unwrap();
        let input = input.to_str().unwrap().to_owned();
        let child = bulk_command(
            &mock,
            &sub,
            "run",
            &[
                "--input",
                &input,
                "--redis",
                &url,
                "--time-scale",
                &scale_arg,
            ],
        )
        .spawn()
        .unwrap();
        children.push((sub, child));
    }
    for (sub, child) in &mut children {
        let status = tokio::task::block_in_place(|| wait(child, Duration::from_secs(60)));
        assert!(status.success(), "{status}\n{}", output(sub, "run"));
    }

    assert_eq!(mock.rate_limited_count(), 0, "no 429 at all");
    let calls = calls_per_user(&mock, RESET);
    assert_eq!(calls.len(), total);
    assert!(calls.values().all(|&n| n == 1));

    // Aggregate rate, first call to last, against the tier.
    let mut times: Vec<_> = mock
        .journal()
        .into_iter()
        .filter(|e| e.method == RESET)
        .map(|e| e.received_at)
        .collect();
    times.sort();
    let span = times[times.len() - 1]
        .duration_since(times[0])
        .unwrap()
        .as_secs_f64();
    let rate = (times.len() - 1) as f64 / span;
    let tier = tier2_per_sec(scale);
    eprintln!("aggregate rate {rate:.1} calls/s, tier {tier:.1}/s, over {span:.2} s");
    assert!(
        (rate - tier).abs() <= 0.10 * tier,
        "aggregate {rate:.1} calls/s against a tier of {tier:.1}/s"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
