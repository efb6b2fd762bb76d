//! Reading arguments the way Slack does.

/// The value of argument `name`, if given and non-empty (Slack treats `name=` as absent).
pub(crate) fn arg<'a>(args: &'a [(String, String)], name: &str) -> Option<&'a str> {
    args.iter()
        .find(|(k, v)| k == name && !v.is_empty())
        .map(|(_, v)| v.as_str())
}

pub(crate) fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// An optional sign and decimal digits, of any length: a value too large for `i64` is
/// still an integer (behaviours treat it as out of range, never as a type error).
pub(crate) fn is_integer(v: &str) -> bool {
    let digits = v.strip_prefix(['+', '-']).unwrap_or(v);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}
