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
    /// Mint a token for a user of the org: TOKEN:USER_ID:SCOPE,SCOPE,... (repeatable;
    /// scopes may be empty; tokens starting with xoxb- are bot tokens).
    #[arg(long = "token", value_name = "TOKEN:USER_ID:SCOPES", value_parser = parse_token)]
    tokens: Vec<TokenSpec>,
    /// Most messages stored at once (in channels, thread replies included, and
    /// scheduled); beyond it posting answers message_limit_exceeded.
    #[arg(long, value_name = "N", default_value_t = slackline_mock::DEFAULT_MESSAGES_MAX)]
    messages_max: usize,
    /// Memory budget of stored messages, in approximate bytes.
    #[arg(long, value_name = "BYTES", default_value_t = slackline_mock::DEFAULT_MESSAGES_MAX_BYTES)]
    messages_max_bytes: usize,
    /// Most conversations clients create (channels, DMs, group DMs); beyond it
    /// conversations.create answers cannot_create_channel.
    #[arg(long, value_name = "N", default_value_t = slackline_mock::DEFAULT_CHANNELS_MAX)]
    channels_max: usize,
    /// Memory budget of uploaded files, in bytes; beyond it uploads answer HTTP 413.
    #[arg(long, value_name = "BYTES", default_value_t = slackline_mock::DEFAULT_FILES_MAX_BYTES)]
    files_max_bytes: usize,
}

/// A `--token` value.
#[derive(Debug, Clone)]
struct TokenSpec {
    token: String,
    user_id: String,
    scopes: Vec<String>,
}

/// `TOKEN:USER_ID:SCOPE,SCOPE,...`: the token and the user end at the first two colons;
/// scopes (which contain colons themselves) are the comma-separated rest.
fn parse_token(s: &str) -> Result<TokenSpec, String> {
    let mut parts = s.splitn(3, ':');
    let token = parts.next().unwrap_or_default();
    let user_id = parts.next();
    let scopes = parts.next();
    let (Some(user_id), Some(scopes)) = (user_id, scopes) else {
        return Err("expected TOKEN:USER_ID:SCOPE,SCOPE,... (scopes may be empty)".to_owned());
    };
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err("the token must be non-empty visible ASCII".to_owned());
    }
    if user_id.is_empty() {
        return Err("the user id must not be empty".to_owned());
    }
    Ok(TokenSpec {
        token: token.to_owned(),
        user_id: user_id.to_owned(),
        scopes: scopes
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
    })
}

/// `i` for a member id `U` + 8 digits.
fn member_index(id: &str) -> Option<usize> {
    let digits = id.strip_prefix('U')?;
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
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
    let mut builder = MockSlack::builder().demo_org().members(args.members);
    for t in &args.tokens {
        let known = demo::is_demo_user(&t.user_id)
            || member_index(&t.user_id).is_some_and(|i| i >= 1 && i <= args.members);
        if !known {
            eprintln!(
                "error: --token: no user {} in the org (demo users, or U00000001.. with --members)",
                t.user_id
            );
            return ExitCode::from(2);
        }
        let scopes: Vec<&str> = t.scopes.iter().map(String::as_str).collect();
        builder = builder.token(&t.token, &t.user_id, &scopes);
    }
    let mock = builder
        .rate_limits(args.rate_limits)
        .messages_max(args.messages_max)
        .messages_max_bytes(args.messages_max_bytes)
        .channels_max(args.channels_max)
        .files_max_bytes(args.files_max_bytes)
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
        "budgets: {} messages, {} bytes of messages, {} conversations, {} bytes of files",
        args.messages_max, args.messages_max_bytes, args.channels_max, args.files_max_bytes
    );
    println!(
        "tokens (app {}: rate limits per method, team and app):",
        demo::APP_ID
    );
    for (token, user, scopes) in [
        (demo::ADMIN_TOKEN, demo::ADMIN_ID, demo::ADMIN_SCOPES),
        (demo::MEMBER_TOKEN, demo::ALICE_ID, demo::ADMIN_SCOPES),
        (demo::READONLY_TOKEN, demo::ADMIN_ID, demo::READONLY_SCOPES),
        (demo::BOT_TOKEN, demo::BOT_USER_ID, demo::BOT_SCOPES),
        (demo::USER_TOKEN, demo::ALICE_ID, demo::USER_SCOPES),
    ] {
        println!("  {token:<20} user {user:<8} scopes {}", scopes.join(","));
    }
    for t in &args.tokens {
        println!(
            "  {:<20} user {:<8} scopes {}",
            "(--token)",
            t.user_id,
            t.scopes.join(",")
        );
    }
    println!(
        "channels: #general {}, #random {}, #secret {} (private), #old-news {} (archived)",
        demo::GENERAL_ID,
        demo::RANDOM_ID,
        demo::SECRET_ID,
        demo::ARCHIVED_ID
    );
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
    println!("counters: curl -s http://{}/_mock/stats", mock.addr());
    println!("Ctrl-C to stop.");
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("error: cannot wait for Ctrl-C: {e}");
    }
    mock.shutdown().await;
    ExitCode::SUCCESS
}
