//! `slackline-mock`: run the Slack Web API emulator by hand.

use std::net::IpAddr;
use std::process::ExitCode;

use clap::Parser;
use slackline_mock::{MockSlack, RateLimits, demo};

/// A strict local emulator of the Slack Web API, seeded with the demo org.
#[derive(Debug, Parser)]
#[command(name = "slackline-mock", version)]
struct Args {
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 3000)]
    port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Allow a non-loopback --host (the mock has no security at all).
    #[arg(long)]
    allow_non_loopback: bool,
    /// Rate limits: off, exact, or scaled:K (time runs K times faster).
    #[arg(long, default_value = "exact", value_parser = parse_rate_limits)]
    rate_limits: RateLimits,
    /// Extra regular members (ids U00000001...), each with 1 web + 1 mobile session.
    #[arg(long, default_value_t = 0)]
    members: usize,
}

fn parse_rate_limits(s: &str) -> Result<RateLimits, String> {
    match s {
        "off" => Ok(RateLimits::Off),
        "exact" => Ok(RateLimits::Exact),
        _ => {
            let k = s
                .strip_prefix("scaled:")
                .and_then(|k| k.parse::<f64>().ok())
                .filter(|k| k.is_finite() && *k > 0.0)
                .ok_or_else(|| format!("expected off, exact or scaled:K with K > 0, got {s:?}"))?;
            Ok(RateLimits::Scaled(k))
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    if !args.host.is_loopback() && !args.allow_non_loopback {
        eprintln!(
            "error: refusing to listen on non-loopback address {} (pass --allow-non-loopback)",
            args.host
        );
        return ExitCode::FAILURE;
    }
    let mock = MockSlack::builder()
        .demo_org()
        .members(args.members)
        .rate_limits(args.rate_limits)
        .host(args.host)
        .port(args.port)
        .start()
        .await;
    let mock = match mock {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: cannot listen on {}:{}: {e}", args.host, args.port);
            return ExitCode::FAILURE;
        }
    };
    println!("slackline-mock listening: {}", mock.base_url());
    println!("rate limits: {:?}", args.rate_limits);
    println!(
        "tokens (app {}: rate limits per method, team and app):",
        demo::APP_ID
    );
    for (token, user, scopes) in [
        (demo::ADMIN_TOKEN, demo::ADMIN_ID, demo::ADMIN_SCOPES),
        (demo::MEMBER_TOKEN, demo::ALICE_ID, demo::ADMIN_SCOPES),
        (demo::READONLY_TOKEN, demo::ADMIN_ID, demo::READONLY_SCOPES),
        (demo::BOT_TOKEN, demo::BOT_ID, demo::BOT_SCOPES),
    ] {
        println!("  {token:<20} user {user:<8} scopes {}", scopes.join(","));
    }
    println!("sessions (web, web, mobile):");
    for user in demo::USERS_WITH_SESSIONS {
        if let Some(ids) = demo::session_ids(user) {
            println!("  {user:<8} {ids:?}");
        }
    }
    if args.members > 0 {
        println!(
            "members: {} .. {} (1 web + 1 mobile session each)",
            slackline_mock::member_id(1),
            slackline_mock::member_id(args.members)
        );
    }
    println!(
        "try: curl -s -H 'Authorization: Bearer {}' {}auth.test",
        demo::ADMIN_TOKEN,
        mock.base_url()
    );
    println!("Ctrl-C to stop.");
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("error: cannot wait for Ctrl-C: {e}");
    }
    mock.shutdown().await;
    ExitCode::SUCCESS
}
