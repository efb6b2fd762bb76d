//! End-to-end tests of slackline over real sockets on 127.0.0.1.
//!
//! One test binary (one link step), one module per concern; the helpers they
//! share live in `support`, each defined once.

mod admin_users_session;
mod answers;
mod bulk;
mod catalog;
mod connections;
mod emulator_methods;
mod hostile_transport;
mod limits;
mod models;
mod rate_limits;
mod requests;
mod retries;
mod security;
mod support;
mod tls;
mod transport;
