//! What Slack's method catalog says, checked against each declaration.
//!
//! The facts come from the `slackline-catalog` crate, the same table the
//! client paces by and the emulator enforces. Each rule is a `check_*`
//! function; every disagreement is a warning, never an error, at the tokens
//! at fault, naming what the catalog says: the catalog can lag behind Slack,
//! and `unchecked` in the attribute turns the comparison off. A method the
//! catalog does not know is warned about only when its name is one typo away
//! from a known one, or when the declaration leaves a fact to a catalog that
//! cannot supply it.

use proc_macro2::Span;
use slackline_catalog::{Kind, Special, Tier, Verb};
use syn::Type;

use crate::model::{self, Encoding, Method};

/// A disagreement with the catalog, reported at `span`.
pub(crate) struct Warning {
    pub span: Span,
    pub message: String,
}

const HINT: &str = "(add `unchecked` to the attribute if Slack's documentation says otherwise)";

/// The warnings of one declaration.
struct Warnings(Vec<Warning>);

impl Warnings {
    fn warn(&mut self, span: Span, message: impl std::fmt::Display) {
        self.0.push(Warning {
            span,
            message: format!("slackline: {message} {HINT}"),
        });
    }
}

/// Compares a declaration with the catalog.
pub(crate) fn check(m: &Method) -> Vec<Warning> {
    let mut w = Warnings(Vec::new());
    let retired = check_retired(m, &mut w);
    match m.entry {
        None if retired => {}
        None => check_unknown(m, &mut w),
        Some(entry) => {
            if !retired {
                check_deprecated(m, entry, &mut w);
            }
            check_scopes(m, entry, &mut w);
            check_tier(m, entry, &mut w);
            check_http(m, entry, &mut w);
            check_token(m, entry, &mut w);
            check_args(m, entry, &mut w);
            check_required(m, entry, &mut w);
        }
    }
    w.0
}

/// A method Slack no longer serves, and what replaced it.
fn check_retired(m: &Method, w: &mut Warnings) -> bool {
    let name = m.name.value.as_str();
    let Some(retired) = slackline_catalog::retired(name) else {
        return false;
    };
    let instead = match retired.successor(name) {
        Some(successor) => format!("`{successor}`"),
        None => retired.replacement.to_owned(),
    };
    w.warn(
        m.name.span,
        format_args!(
            "Slack retired `{name}` on {}: use {instead} instead (see {})",
            retired.retired_on, retired.source
        ),
    );
    true
}

/// A name the catalog does not know: a likely typo, or facts it cannot give.
fn check_unknown(m: &Method, w: &mut Warnings) {
    let name = m.name.value.as_str();
    let names = slackline_catalog::methods().iter().map(|e| e.name);
    if let Some(close) = closest(name, names) {
        w.warn(
            m.name.span,
            format_args!("`{name}` is not in Slack's method catalog; did you mean `{close}`?"),
        );
        return;
    }
    // A stated scope is enough to go on; the tier defaults to pacing as
    // Tier 4, which the warning mentions when it is missing too.
    if m.declared.scopes.is_none() {
        let tier = if m.declared.tier.is_none() {
            " and its tier (`tier = 1..=4`; it is paced as Tier 4 meanwhile)"
        } else {
            ""
        };
        w.warn(
            m.name.span,
            format_args!(
                "`{name}` is not in Slack's method catalog: declare its scope \
                 (`scope = \"...\"`, or `scopes = []` when it needs none){tier}"
            ),
        );
    }
}

fn check_deprecated(m: &Method, entry: &slackline_catalog::Method, w: &mut Warnings) {
    if entry.deprecated {
        w.warn(
            m.name.span,
            format_args!("Slack has deprecated `{}`", entry.name),
        );
    }
}

/// A declared scope the method does not accept, or one it does not need.
fn check_scopes(m: &Method, entry: &slackline_catalog::Method, w: &mut Warnings) {
    let Some((key, declared)) = &m.declared.scopes else {
        return;
    };
    let name = entry.name;
    let span = declared.first().map_or(*key, |s| s.span);
    if !entry.needs_scope() {
        if !declared.is_empty() {
            w.warn(
                span,
                format_args!("`{name}` needs no scope: leave `scope` out"),
            );
        }
        return;
    }
    if declared.is_empty() {
        w.warn(
            *key,
            format_args!("`{name}` needs a scope: it accepts {}", accepted(entry)),
        );
    } else if !declared.iter().any(|s| entry.scopes.contains(&s.value)) {
        w.warn(span, format_args!("`{name}` accepts {}", accepted(entry)));
    }
}

/// The accepted scopes, per token type where the catalog tells them apart.
fn accepted(entry: &slackline_catalog::Method) -> String {
    let s = &entry.scopes;
    let mut parts = Vec::new();
    for (kind, scopes) in [
        ("bot tokens", s.bot),
        ("user tokens", s.user),
        ("configuration tokens", s.configuration),
        ("seamless user tokens", s.seamless_user),
    ] {
        if !scopes.is_empty() {
            parts.push(format!("{} ({kind})", list(scopes)));
        }
    }
    parts.join("; ")
}

/// A stated tier that is not the catalog's.
fn check_tier(m: &Method, entry: &slackline_catalog::Method, w: &mut Warnings) {
    let Some(declared) = &m.declared.tier else {
        return;
    };
    if entry.tier == Tier::Unlisted || entry.tier.number() == Some(declared.value) {
        return;
    }
    w.warn(
        declared.span,
        format_args!(
            "Slack's catalog gives `{}` {}, not Tier {}: leave `tier` out to be paced by the catalog",
            entry.name,
            describe_tier(entry.tier),
            declared.value
        ),
    );
}

/// How a tier paces, in words.
pub(crate) fn describe_tier(tier: Tier) -> String {
    let rate = tier.rate();
    match tier {
        Tier::Special(Special::PerChannel(_)) => format!(
            "the special tier (about {} messages per minute per channel)",
            rate.per_minute
        ),
        Tier::Special(Special::Stated(_)) => format!(
            "the special tier ({} per minute, bursts of {})",
            rate.per_minute, rate.burst
        ),
        Tier::Special(Special::Unstated) => {
            "the special tier (no figure given; paced as Tier 4)".to_owned()
        }
        Tier::Unlisted => "no tier (paced as Tier 4)".to_owned(),
        _ => format!("{} ({}+ per minute)", tier.label(), rate.per_minute),
    }
}

/// `http = "GET"` on a method Slack takes by `POST` only.
fn check_http(m: &Method, entry: &slackline_catalog::Method, w: &mut Warnings) {
    let Some(declared) = &m.declared.http else {
        return;
    };
    if declared.value == Verb::Get && entry.http == Verb::Post {
        w.warn(
            declared.span,
            format_args!(
                "Slack's catalog gives `{}` as a POST method: a GET is refused; leave `http` out",
                entry.name
            ),
        );
    }
}

/// A token where the method takes none, or `no_token` where it takes one.
fn check_token(m: &Method, entry: &slackline_catalog::Method, w: &mut Warnings) {
    let name = entry.name;
    match (&m.token, m.declared.no_token) {
        (Some((ident, _)), None) if !entry.takes_token => w.warn(
            ident.span(),
            format_args!(
                "`{name}` is called without a token: remove `{ident}` (its credentials are \
                 arguments)"
            ),
        ),
        (None, Some(span)) if entry.takes_token => w.warn(
            span,
            format_args!(
                "`{name}` is called with a token: remove `no_token` and take `token: &SlackToken`"
            ),
        ),
        _ => {}
    }
}

/// Arguments the method does not take, optional where required, of the
/// wrong kind.
fn check_args(m: &Method, entry: &slackline_catalog::Method, w: &mut Warnings) {
    let name = entry.name;
    for p in m.params.iter().filter(|p| p.encoding != Encoding::Flatten) {
        let wire = p.slack_name.value.as_str();
        let Some(arg) = entry.arg(wire) else {
            let hint = closest(wire, entry.args.iter().map(|a| a.name))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_else(|| {
                    format!(
                        "; it takes {}",
                        list_or_none(entry.args.iter().map(|a| a.name))
                    )
                });
            w.warn(
                p.slack_name.span,
                format_args!("`{name}` has no argument `{wire}`{hint}"),
            );
            continue;
        };
        if arg.required && p.optional {
            w.warn(
                p.slack_name.span,
                format_args!("`{name}` requires `{wire}`: declare it without `Option`"),
            );
        }
        if let Some(found) = rust_kind(p) {
            if !compatible(arg.kind, found) {
                w.warn(
                    p.slack_name.span,
                    format_args!(
                        "`{name}` takes {} for `{wire}`, not {}",
                        describe(arg.kind),
                        describe(found)
                    ),
                );
            }
        }
    }
}

/// Required arguments and required groups left out.
fn check_required(m: &Method, entry: &slackline_catalog::Method, w: &mut Warnings) {
    if m.params.iter().any(|p| p.encoding == Encoding::Flatten) {
        // A flattened struct's fields are not known here.
        return;
    }
    let name = entry.name;
    let declared = |arg: &str| m.params.iter().any(|p| p.slack_name.value == arg);
    for arg in entry
        .args
        .iter()
        .filter(|a| a.required && !declared(a.name))
    {
        w.warn(
            m.name.span,
            format_args!("`{name}` requires the argument `{}`", arg.name),
        );
    }
    for group in entry.groups.iter().filter(|g| g.required) {
        if !group.args.iter().any(|a| declared(a)) {
            w.warn(
                m.name.span,
                format_args!("`{name}` needs one of {}", list(group.args)),
            );
        }
    }
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
        Kind::String => "a string",
        Kind::Integer => "an integer",
        Kind::Boolean => "a boolean",
        Kind::Number => "a number",
        Kind::Array => "a list",
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
        (Any | String, _)
            | (_, Any | String)
            | (Integer, Integer)
            | (Number, Integer | Number)
            | (Boolean, Boolean)
            | (Array | Object, Array | Object)
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
        Type::Slice(_) | Type::Array(_) => Some(Kind::Array),
        Type::Path(path) => {
            let last = path.path.segments.last()?;
            let ident = last.ident.to_string();
            Some(match ident.as_str() {
                "bool" => Kind::Boolean,
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64"
                | "u128" | "usize" => Kind::Integer,
                "f32" | "f64" => Kind::Number,
                "str" | "String" | "Cow" => Kind::String,
                "Vec" => Kind::Array,
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
    fn typos_are_close_and_strangers_are_not() {
        let names = slackline_catalog::methods().iter().map(|m| m.name);
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

    #[test]
    fn tiers_in_words() {
        let post = slackline_catalog::method("chat.postMessage").unwrap();
        assert_eq!(
            describe_tier(post.tier),
            "the special tier (about 60 messages per minute per channel)"
        );
        assert_eq!(describe_tier(Tier::Tier4), "Tier 4 (100+ per minute)");
    }

    #[test]
    fn kinds_agree() {
        assert!(compatible(Kind::Number, Kind::Integer));
        assert!(!compatible(Kind::Integer, Kind::Boolean));
        assert!(compatible(Kind::String, Kind::Boolean));
    }
}
