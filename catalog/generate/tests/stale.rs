//! The checked-in table must be what the generator makes of the JSON.

use slackline_catalog_generate::{REGENERATE, render, source_path, target_path};

#[test]
fn checked_in_table_is_current() {
    let json =
        std::fs::read_to_string(source_path()).expect("catalog/slack_methods.json is readable");
    let expected = render(&json).expect("catalog/slack_methods.json is a valid catalog");
    let actual = std::fs::read_to_string(target_path()).unwrap_or_default();
    assert!(
        actual == expected,
        "catalog/src/table.rs is stale: it does not match catalog/slack_methods.json. \
         Regenerate it with `{REGENERATE}` and commit the result."
    );
}
