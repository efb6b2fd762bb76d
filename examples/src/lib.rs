//! Runnable programs; see `examples/`.
//!
//! The library part holds what the examples, the end-to-end tests and the
//! benchmarks share: [`bulk`], the bulk session reset job; [`journal`], its
//! crash-proof record of outcomes; [`manifest`], the scopes part of a Slack
//! app manifest; [`redis_server`], a throwaway `redis-server` for tests and
//! benchmarks.

pub mod bulk;
pub mod journal;
pub mod manifest;
pub mod redis_server;

/// Whether `SLACK_TOKEN` is set to something: the examples then talk to
/// `SLACK_API_URL` (default `https://slack.com/api/`); otherwise (unset or
/// empty) they run on the embedded emulator.
pub fn slack_token_set() -> bool {
    std::env::var_os("SLACK_TOKEN").is_some_and(|value| !value.is_empty())
}
