//! End-to-end tests of slackline over real sockets on 127.0.0.1.
//!
//! One test binary (one link step), one module per concern.

mod emulator;
mod emulator_methods;
mod faults;
mod security;
mod support;
mod wire;
