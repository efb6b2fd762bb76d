//! Compile-time tests of `#[slack_method]`: `ui/pass` must build and run,
//! `ui/fail` must fail with exactly the `.stderr` beside each file.
//! Regenerate the snapshots with `TRYBUILD=overwrite` (see `tests/README.md`).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
