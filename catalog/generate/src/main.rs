//! `cargo run -p slackline-catalog-generate`: rewrites `catalog/src/table.rs`
//! from `catalog/slack_methods.json`, then slackline's shipped declarations
//! (`client/src/api/*.rs` with `api/mod.rs`, and the walk test) from
//! the compiled table, and checks `client/Cargo.toml`'s features.

use std::process::ExitCode;

use slackline_catalog_generate::{api, render, source_path, target_path, workspace_root};

fn main() -> ExitCode {
    let source = source_path();
    let target = target_path();
    let json = match std::fs::read_to_string(&source) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", source.display());
            return ExitCode::FAILURE;
        }
    };
    let table = match render(&json) {
        Ok(table) => table,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let table_changed = std::fs::read_to_string(&target).ok().as_deref() != Some(table.as_str());
    if table_changed {
        if let Err(e) = std::fs::write(&target, table) {
            eprintln!("error: cannot write {}: {e}", target.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", target.display());
        // The declarations are generated from the compiled table: they can
        // only follow the new one in the next run.
        println!("the table changed: run the command again to regenerate the declarations");
        return ExitCode::SUCCESS;
    }
    let root = workspace_root();
    for (path, text) in api::render_all() {
        let path = root.join(path);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if let Some(dir) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("error: cannot create {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        }
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", path.display());
    }
    let manifest = root.join("client/Cargo.toml");
    let features = api::render_features();
    match std::fs::read_to_string(&manifest) {
        Ok(text) if text.contains(&features) => {}
        _ => {
            eprintln!(
                "error: {} must declare these features (replace its [features] table):\n{features}",
                manifest.display()
            );
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
