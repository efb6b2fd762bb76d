//! The `bulk_session_reset` example as a binary target, so that tests and
//! benchmarks can start it as a process of its own (`CARGO_BIN_EXE_*`):
//! several at once sharing a Redis budget, or one killed and resumed.

#[path = "../../examples/bulk_session_reset.rs"]
mod example;

fn main() -> std::process::ExitCode {
    example::main()
}
