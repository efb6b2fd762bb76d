//! End-to-end tests of the mock over real sockets on 127.0.0.1 (one test binary).

mod budgets;
mod catalog_walk;
mod chat;
mod conversations;
mod faults;
mod files;
mod journal;
mod kit;
mod protocol;
mod ratelimits;
mod reactions_pins;
mod robustness;
mod sessions;
mod support;
mod users;
