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

/// The shipped declarations, the walk test and the
/// client's features must be what the generator makes of the catalog.
#[test]
fn checked_in_declarations_are_current() {
    let root = slackline_catalog_generate::workspace_root();
    let mut stale = Vec::new();
    for (path, expected) in slackline_catalog_generate::api::render_all() {
        let actual = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
        if actual != expected {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files: {stale:?}. Regenerate them with `{REGENERATE}` and commit the result."
    );
    let manifest = std::fs::read_to_string(root.join("client/Cargo.toml")).unwrap_or_default();
    assert!(
        manifest.contains(&slackline_catalog_generate::api::render_features()),
        "client/Cargo.toml's [features] do not list every family; `{REGENERATE}` prints the table"
    );
}

/// No generated file is left behind by a family that is gone.
#[test]
fn no_orphaned_generated_files() {
    let root = slackline_catalog_generate::workspace_root();
    let expected: Vec<String> = slackline_catalog_generate::api::render_all()
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    let dir = root.join("client/src/api");
    for entry in std::fs::read_dir(&dir).expect("client/src/api is readable") {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let relative = format!(
            "client/src/api/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        assert!(
            !text.starts_with("// @generated") || expected.contains(&relative),
            "{relative} is generated but no longer produced: delete it"
        );
    }
}

/// Every generated file says so, and each family's feature gates its module.
#[test]
fn generated_files_are_marked() {
    for (path, text) in slackline_catalog_generate::api::render_all() {
        assert!(text.starts_with("// @generated"), "{path}");
    }
    let modules = slackline_catalog_generate::api::render_all()
        .into_iter()
        .find(|(path, _)| path == "client/src/api/mod.rs")
        .map(|(_, text)| text)
        .unwrap();
    assert!(modules.contains("#[cfg(feature = \"chat\")]\n#[cfg_attr(docsrs, doc(cfg(feature = \"chat\")))]\n#[rustfmt::skip]\npub mod chat;"));
}
