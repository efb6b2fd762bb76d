//! What Slack's method catalog says, checked against each declaration.
//!
//! The table (`catalog_table.rs`) is generated from the catalog slackline's
//! emulator uses. A declaration of a known method is compared with it: the
//! scope, the argument names, the required arguments and the value kinds.
//! Disagreements are reported as warnings, never errors: the catalog can lag
//! behind Slack, and a method it does not know is declared without a word
//! (unless its name is one typo away from a known one). `unchecked` in the
//! attribute turns the comparison off.

use proc_macro2::Span;
use syn::Type;

use crate::model::{self, Encoding};

#[path = "catalog_table.rs"]
#[rustfmt::skip]
mod table;

/// The kind of value an argument takes, per the catalog.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Str,
    Int,
    Bool,
    Num,
    List,
    Object,
    /// Unknown or a union of kinds: anything goes.
    Any,
}

pub(crate) struct Arg {
    pub name: &'static str,
    pub kind: Kind,
    /// Required on its own (not as a member of a group).
    pub required: bool,
}

/// Arguments of which one is to be given (`required`) or at most one may be.
pub(crate) struct Group {
    pub args: &'static [&'static str],
    pub required: bool,
}

pub(crate) struct Method {
    pub name: &'static str,
    /// Any one of them is enough; empty when the method needs none.
    pub scopes: &'static [&'static str],
    pub args: &'static [Arg],
    pub groups: &'static [Group],
    pub deprecated: bool,
}

/// The catalog entry of a method.
pub(crate) fn lookup(name: &str) -> Option<&'static Method> {
    table::METHODS
        .binary_search_by(|m| m.name.cmp(name))
        .ok()
        .map(|i| &table::METHODS[i])
}

/// A disagreement with the catalog, reported at `span`.
pub(crate) struct Warning {
    pub span: Span,
    pub message: String,
}

const HINT: &str = "(add `unchecked` to the attribute if Slack's documentation says otherwise)";

/// Compares a declaration with the catalog.
pub(crate) fn check(m: &model::Method) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut warn = |span: Span, message: String| {
        warnings.push(Warning {
            span,
            message: format!("slackline: {message} {HINT}"),
        });
    };
    let name = m.name.value.as_str();
    let Some(entry) = lookup(name) else {
        if let Some(close) = closest(name, table::METHODS.iter().map(|e| e.name)) {
            warn(
                m.name.span,
                format!("`{name}` is not in Slack's method catalog; did you mean `{close}`?"),
            );
        }
        return warnings;
    };
    if entry.deprecated {
        warn(m.name.span, format!("Slack has deprecated `{name}`"));
    }
    if !entry.scopes.is_empty()
        && !m
            .scopes
            .iter()
            .any(|s| entry.scopes.contains(&s.value.as_str()))
    {
        let span = m.scopes.first().map_or(m.name.span, |s| s.span);
        warn(
            span,
            format!("`{name}` accepts the scopes {}", list(entry.scopes)),
        );
    }

    let flattened = m.params.iter().any(|p| p.encoding == Encoding::Flatten);
    for p in m.params.iter().filter(|p| p.encoding != Encoding::Flatten) {
        let wire = p.slack_name.value.as_str();
        let Some(arg) = entry.args.iter().find(|a| a.name == wire) else {
            let hint = closest(wire, entry.args.iter().map(|a| a.name))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_else(|| {
                    format!(
                        "; it takes {}",
                        list_or_none(entry.args.iter().map(|a| a.name))
                    )
                });
            warn(
                p.slack_name.span,
                format!("`{name}` has no argument `{wire}`{hint}"),
            );
            continue;
        };
        if arg.required && p.optional {
            warn(
                p.slack_name.span,
                format!("`{name}` requires `{wire}`: declare it without `Option`"),
            );
        }
        if let Some(found) = rust_kind(p) {
            if !compatible(arg.kind, found) {
                warn(
                    p.slack_name.span,
                    format!(
                        "`{name}` takes {} for `{wire}`, not {}",
                        describe(arg.kind),
                        describe(found)
                    ),
                );
            }
        }
    }
    if flattened {
        // A flattened struct's fields are not known here.
        return warnings;
    }
    let declared = |arg: &str| m.params.iter().any(|p| p.slack_name.value == arg);
    for arg in entry
        .args
        .iter()
        .filter(|a| a.required && !declared(a.name))
    {
        warn(
            m.name.span,
            format!("`{name}` requires the argument `{}`", arg.name),
        );
    }
    for group in entry.groups.iter().filter(|g| g.required) {
        if !group.args.iter().any(|a| declared(a)) {
            warn(
                m.name.span,
                format!("`{name}` needs one of {}", list(group.args)),
            );
        }
    }
    warnings
}

fn list(items: &[&str]) -> String {
    list_or_none(items.iter().copied())
}

fn list_or_none<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(|s| format!("`{s}`")).collect();
    if items.is_empty() {
        "no arguments".to_owned()
    } else {
        items.join(", ")
    }
}

fn describe(kind: Kind) -> &'static str {
    match kind {
        Kind::Str => "a string",
        Kind::Int => "an integer",
        Kind::Bool => "a boolean",
        Kind::Num => "a number",
        Kind::List => "a list",
        Kind::Object => "a JSON object",
        Kind::Any => "any value",
    }
}

/// Whether a Rust value of kind `found` can stand for a catalog `expected`.
/// Every form value is text to Slack, so a string argument takes anything
/// (numbers, lists, JSON documents such as `blocks`) and a Rust string may
/// carry any kind; otherwise the kinds must agree.
fn compatible(expected: Kind, found: Kind) -> bool {
    use Kind::*;
    matches!(
        (expected, found),
        (Any | Str, _)
            | (_, Any | Str)
            | (Int, Int)
            | (Num, Int | Num)
            | (Bool, Bool)
            | (List | Object, List | Object)
    )
}

/// The kind of a parameter's Rust type, when it is plain enough to tell.
fn rust_kind(p: &model::Param) -> Option<Kind> {
    match p.encoding {
        Encoding::JsonAttr | Encoding::JsonType => return Some(Kind::Object),
        Encoding::Flatten => return None,
        Encoding::Form => {}
    }
    kind_of(p.value_type())
}

fn kind_of(ty: &Type) -> Option<Kind> {
    match ty {
        Type::Reference(r) => kind_of(&r.elem),
        Type::Paren(p) => kind_of(&p.elem),
        Type::Group(g) => kind_of(&g.elem),
        Type::Slice(_) | Type::Array(_) => Some(Kind::List),
        Type::Path(path) => {
            let last = path.path.segments.last()?;
            let ident = last.ident.to_string();
            Some(match ident.as_str() {
                "bool" => Kind::Bool,
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64"
                | "u128" | "usize" => Kind::Int,
                "f32" | "f64" => Kind::Num,
                "str" | "String" | "Cow" => Kind::Str,
                "Vec" => Kind::List,
                "Json" => Kind::Object,
                _ => return None,
            })
        }
        _ => None,
    }
}

/// The candidate closest to `name`, if it is a likely typo of it.
fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = if name.len() < 8 { 1 } else { 2 };
    candidates
        .map(|c| (distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over bytes (names are ASCII).
fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == cb {
                previous
            } else {
                1 + previous.min(row[j]).min(current)
            };
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_complete() {
        assert!(table::METHODS.windows(2).all(|w| w[0].name < w[1].name));
        let json: serde_json::Value =
            serde_json::from_str(include_str!("../../mock/catalog/slack_methods.json")).unwrap();
        let methods = json.as_array().unwrap();
        assert_eq!(
            methods.len(),
            table::METHODS.len(),
            "run macros/catalog/generate.py"
        );
        for m in methods {
            let name = m["name"].as_str().unwrap();
            let entry = lookup(name).unwrap_or_else(|| panic!("{name} missing from the table"));
            let args: Vec<&str> = m["args"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["name"].as_str().unwrap())
                .filter(|a| *a != "token")
                .collect();
            let table_args: Vec<&str> = entry.args.iter().map(|a| a.name).collect();
            assert_eq!(args, table_args, "{name}: run macros/catalog/generate.py");
            assert_eq!(
                m["deprecated"].as_bool().unwrap(),
                entry.deprecated,
                "{name}"
            );
        }
    }

    #[test]
    fn seed_methods() {
        let reset = lookup("admin.users.session.reset").unwrap();
        assert_eq!(reset.scopes, ["admin.users:write"]);
        assert!(
            reset
                .args
                .iter()
                .any(|a| a.name == "user_id" && a.required && a.kind == Kind::Str)
        );
        let invalidate = lookup("admin.users.session.invalidate").unwrap();
        // user_id or team_id identifies the session: neither is required alone.
        assert!(
            invalidate
                .args
                .iter()
                .all(|a| a.name == "session_id" || !a.required)
        );
        assert_eq!(invalidate.groups[0].args, ["user_id", "team_id"]);
    }

    #[test]
    fn typos_are_close_and_strangers_are_not() {
        let names = table::METHODS.iter().map(|m| m.name);
        assert_eq!(
            closest("chat.postMesage", names.clone()),
            Some("chat.postMessage")
        );
        assert_eq!(closest("admin.users.session.explode", names), None);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(
            closest("user", ["users", "limit"].into_iter()),
            Some("users")
        );
    }
}
