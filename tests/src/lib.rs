//! End-to-end and compile-time tests of slackline; everything is under `tests/`.
