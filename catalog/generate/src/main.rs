//! `cargo run -p slackline-catalog-generate`: rewrites `catalog/src/table.rs`
//! from `catalog/slack_methods.json`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let source = slackline_catalog_generate::source_path();
    let target = slackline_catalog_generate::target_path();
    let json = match std::fs::read_to_string(&source) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", source.display());
            return ExitCode::FAILURE;
        }
    };
    let table = match slackline_catalog_generate::render(&json) {
        Ok(table) => table,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&target, table) {
        eprintln!("error: cannot write {}: {e}", target.display());
        return ExitCode::FAILURE;
    }
    println!("wrote {}", target.display());
    ExitCode::SUCCESS
}
