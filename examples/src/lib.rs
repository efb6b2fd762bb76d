//! Runnable programs; see `examples/`.
//!
//! The library part holds what the examples, the end-to-end tests and the
//! benchmarks share: [`bulk`], the bulk session reset job.

pub mod bulk;
