//! Log a user out: invalidate one session, or reset all of a user's sessions.
//!
//! ```text
//! cargo run -p slackline-examples --example admin_users_session
//! cargo run -p slackline-examples --example admin_users_session -- invalidate --team-id T0DEMO1 --session-id 1001
//! cargo run -p slackline-examples --example admin_users_session -- reset --user-id U0BOB --mobile-only
//! ```
//!
//! With `SLACK_TOKEN` set, it talks to `SLACK_API_URL` (default
//! `https://slack.com/api/`). Without it, it starts the embedded Slack
//! emulator with a demo org, and with no subcommand shows the whole story:
//! one session invalidated, one user reset, sessions before and after.
//!
//! Exit status 0 when Slack answered `ok: true`; otherwise 1 and one line on
//! stderr naming Slack's error code (`error: not_an_admin`) or the failure kind.
//! A usage error (an unknown flag, a missing value, a malformed user ID) is
//! exit status 2 and one line on stderr, before anything is sent.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use slackline::{AdminUsersSessionApi, SlackClient, SlackError, SlackToken};
use slackline_mock::{MockSlack, demo};

#[derive(Parser, Debug)]
#[command(about = "Invalidate or reset Slack user sessions (Enterprise Grid admin).")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Invalidate one session (admin.users.session.invalidate).
    Invalidate {
        /// ID of the workspace the session belongs to.
        #[arg(long)]
        team_id: String,
        /// The session's ID.
        #[arg(long)]
        session_id: i64,
    },
    /// Wipe a user's sessions on all devices (admin.users.session.reset).
    Reset {
        /// The user whose sessions are wiped.
        #[arg(long, value_parser = user_id)]
        user_id: String,
        /// Only expire mobile sessions.
        #[arg(long)]
        mobile_only: bool,
        /// Only expire web sessions.
        #[arg(long)]
        web_only: bool,
    },
}

/// A user ID as typed: letters and digits (`U0123ABCD`), checked before
/// anything is sent.
fn user_id(id: &str) -> Result<String, &'static str> {
    if id.is_empty() {
        return Err("a Slack user ID is not empty, e.g. U0123ABCD");
    }
    match slackline_examples::bulk::invalid_id(id) {
        Some(why) => Err(why),
        None => Ok(id.to_owned()),
    }
}

#[tokio::main]
pub(crate) async fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => e.exit(), // --help, --version: stdout, exit 0
        Err(e) => {
            // One line on stderr, as for every other failure; `--help` shows the rest.
            let text = e.to_string();
            let what = text.split("\n\n").next().unwrap_or_default();
            let line: Vec<&str> = what.split_whitespace().collect();
            eprintln!("{} (see --help)", line.join(" "));
            return ExitCode::from(2);
        }
    };
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", failure_line(&err));
            ExitCode::FAILURE
        }
    }
}

/// Slack's code first, so scripts can match `error: <code>`.
fn failure_line(err: &SlackError) -> String {
    match err {
        SlackError::Api {
            code,
            needed: Some(needed),
            provided,
            ..
        } => {
            format!(
                "{code} (needed: {needed}, provided: {})",
                provided.as_deref().unwrap_or("")
            )
        }
        SlackError::Api { code, .. } => code.clone(),
        other => format!("{}: {other}", other.kind()),
    }
}

async fn run(cli: Cli) -> Result<(), SlackError> {
    if slackline_examples::slack_token_set() {
        let token = SlackToken::from_env("SLACK_TOKEN")?;
        let client = SlackClient::builder().base_url_from_env().build()?;
        let Some(command) = cli.command else {
            return Err(SlackError::InvalidInput {
                method: None,
                message: "with SLACK_TOKEN set, say what to do: `invalidate --team-id T --session-id N` or `reset --user-id U`".into(),
            });
        };
        return execute(&client, &token, command).await;
    }

    let mock = MockSlack::start()
        .await
        .map_err(|e| SlackError::InvalidInput {
            method: None,
            message: format!("cannot start the embedded Slack emulator: {e}"),
        })?;
    println!(
        "No SLACK_TOKEN: using the embedded Slack emulator at {}",
        mock.base_url()
    );
    println!(
        "(demo org: admin token {}, set SLACK_TOKEN to talk to Slack)\n",
        demo::ADMIN_TOKEN
    );
    let client = SlackClient::builder().base_url(mock.base_url()).build()?;
    let token = SlackToken::new(demo::ADMIN_TOKEN)?;

    match cli.command {
        Some(command) => execute(&client, &token, command).await,
        None => demo_story(&mock, &client, &token).await,
    }
}

async fn execute(
    client: &SlackClient,
    token: &SlackToken,
    command: Command,
) -> Result<(), SlackError> {
    match command {
        Command::Invalidate {
            team_id,
            session_id,
        } => {
            client
                .admin_users_session_invalidate(token, &team_id, session_id)
                .await?;
            println!("ok: session {session_id} of team {team_id} invalidated");
        }
        Command::Reset {
            user_id,
            mobile_only,
            web_only,
        } => {
            client
                .admin_users_session_reset(
                    token,
                    &user_id,
                    mobile_only.then_some(true),
                    web_only.then_some(true),
                )
                .await?;
            let which = match (mobile_only, web_only) {
                (true, false) => "mobile sessions",
                (false, true) => "web sessions",
                _ => "sessions",
            };
            println!("ok: {which} of {user_id} reset");
        }
    }
    Ok(())
}

/// The seed's example usage, on the demo org: invalidate one session, reset one user.
async fn demo_story(
    mock: &MockSlack,
    client: &SlackClient,
    token: &SlackToken,
) -> Result<(), SlackError> {
    let users = [demo::ALICE_ID, demo::BOB_ID];
    print_sessions("before", mock, &users);

    let session = mock
        .sessions(demo::ALICE_ID)
        .first()
        .map(|s| (s.team_id.clone(), s.session_id));
    if let Some((team_id, session_id)) = session {
        println!("\n> admin.users.session.invalidate team_id={team_id} session_id={session_id}");
        client
            .admin_users_session_invalidate(token, &team_id, session_id)
            .await?;
        println!("  ok");
    }
    println!("> admin.users.session.reset user_id={}", demo::BOB_ID);
    client
        .admin_users_session_reset(token, demo::BOB_ID, None, None)
        .await?;
    println!("  ok");

    println!(
        "> admin.users.session.reset user_id={} (as a member, not an admin)",
        demo::CAROL_ID
    );
    let member = SlackToken::new(demo::MEMBER_TOKEN)?;
    match client
        .admin_users_session_reset(&member, demo::CAROL_ID, None, None)
        .await
    {
        Err(err) => println!("  refused as expected: {}", failure_line(&err)),
        Ok(_) => println!("  unexpectedly accepted"),
    }

    println!();
    print_sessions("after", mock, &users);
    Ok(())
}

fn print_sessions(when: &str, mock: &MockSlack, users: &[&str]) {
    println!("Sessions {when}:");
    for user in users {
        let sessions = mock.sessions(user);
        let list: Vec<String> = sessions
            .iter()
            .map(|s| format!("{} ({:?})", s.session_id, s.kind))
            .collect();
        println!(
            "  {user}: {}",
            if list.is_empty() {
                "none".to_owned()
            } else {
                list.join(", ")
            }
        );
    }
}
