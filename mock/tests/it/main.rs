//! End-to-end tests of the mock over real sockets on 127.0.0.1 (one test binary).

mod catalog_walk;
mod faults;
mod journal;
mod protocol;
mod ratelimits;
mod robustness;
mod sessions;
mod support;
