//! The `admin_users_session` example as a binary target, so that its tests
//! can start it as a process of its own (`CARGO_BIN_EXE_*`) and check its
//! exit codes and output.

#[path = "../../examples/admin_users_session.rs"]
mod example;

fn main() -> std::process::ExitCode {
    example::main()
}
