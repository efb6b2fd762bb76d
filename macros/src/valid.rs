//! The lexical rules of Slack's names: method names, OAuth scopes and
//! argument names. Pure functions over strings, so they are unit-tested here
//! and the spans are added by the caller.

/// Checks a Slack method name: dot-separated segments (at least two) of
/// ASCII letters and digits, each starting with a lowercase letter, such as
/// `chat.postMessage`, `admin.users.session.reset` or `oauth.v2.access`.
pub(crate) fn method_name(name: &str) -> Result<(), String> {
    const FORM: &str = "Slack method names are dot-separated segments of ASCII letters and digits, \
                        each starting with a lowercase letter, e.g. `chat.postMessage`";
    if name.is_empty() {
        return Err(format!("the Slack method name is empty; {FORM}"));
    }
    if let Some(c) = name.chars().find(|c| c.is_whitespace()) {
        return Err(format!(
            "`{name}` is not a Slack method name: it contains whitespace ({c:?}); {FORM}"
        ));
    }
    for segment in name.split('.') {
        let Some(first) = segment.chars().next() else {
            return Err(format!(
                "`{name}` is not a Slack method name: it has an empty segment \
                 (a leading, trailing or doubled `.`); {FORM}"
            ));
        };
        if let Some(c) = segment.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(format!(
                "`{name}` is not a Slack method name: `{c}` is not an ASCII letter or digit; {FORM}"
            ));
        }
        if !first.is_ascii_lowercase() {
            return Err(format!(
                "`{name}` is not a Slack method name: segment `{segment}` does not start with \
                 a lowercase letter; {FORM}"
            ));
        }
    }
    if !name.contains('.') {
        return Err(format!(
            "`{name}` is not a Slack method name: it needs at least two segments, \
             a family and a method, e.g. `chat.postMessage`"
        ));
    }
    Ok(())
}

/// Checks an OAuth scope: lowercase ASCII letters, digits, `.`, `_`, `-`,
/// `:`; not starting or ending with `.`, `:` or `-`; no `..` or `::`. Covers
/// `admin.users:write`, `chat:write.public`, `identity.basic`,
/// `incoming-webhook` and the legacy `chat:write:bot`.
pub(crate) fn scope(scope: &str) -> Result<(), String> {
    const FORM: &str = "scopes are lowercase ASCII letters, digits and `.`, `_`, `-`, `:`, \
                        e.g. `chat:write` or `admin.users:write`";
    if scope.is_empty() {
        return Err(
            "the scope is empty: name the OAuth scope the method needs, e.g. `chat:write`"
                .to_owned(),
        );
    }
    if let Some(c) = scope.chars().find(|c| c.is_whitespace()) {
        return Err(format!(
            "`{scope}` is not an OAuth scope: it contains whitespace ({c:?}); {FORM}"
        ));
    }
    if scope.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "`{scope}` is not an OAuth scope: scopes are lowercase (`{}`)",
            scope.to_ascii_lowercase()
        ));
    }
    if let Some(c) = scope.chars().find(|&c| {
        !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-' | ':'))
    }) {
        return Err(format!(
            "`{scope}` is not an OAuth scope: `{c}` is not allowed; {FORM}"
        ));
    }
    let edge = |c: char| matches!(c, '.' | ':' | '-');
    if scope.starts_with(edge) || scope.ends_with(edge) {
        return Err(format!(
            "`{scope}` is not an OAuth scope: it starts or ends with `.`, `:` or `-`; {FORM}"
        ));
    }
    if let Some(doubled) = ["..", "::"].into_iter().find(|d| scope.contains(d)) {
        return Err(format!(
            "`{scope}` is not an OAuth scope: it contains `{doubled}`; {FORM}"
        ));
    }
    Ok(())
}

/// Checks the value of `#[slack(rename = "...")]`: what Slack calls an
/// argument (`user_id`, `type`, `include_num_members`).
pub(crate) fn argument_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the argument name is empty".to_owned());
    }
    if let Some(c) = name
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
    {
        return Err(format!(
            "`{name}` is not a Slack argument name: `{}` is not allowed; argument names are \
             ASCII letters, digits, `_`, `.` and `-`, e.g. `user_id`",
            c.escape_default()
        ));
    }
    Ok(())
}

/// `admin_users_session_reset` → `ADMIN_USERS_SESSION_RESET`; a camelCase
/// name gets underscores at its humps.
pub(crate) fn screaming_snake(ident: &str) -> String {
    let mut out = String::with_capacity(ident.len() + 4);
    let mut prev_lower = false;
    for c in ident.chars() {
        if c.is_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        out.extend(c.to_uppercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_names_of_slack() {
        for ok in [
            "chat.postMessage",
            "admin.users.session.reset",
            "oauth.v2.access",
            "apps.connections.open",
            "users.lookupByEmail",
        ] {
            assert_eq!(method_name(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn method_names_rejected() {
        let cases = [
            ("", "empty"),
            ("chat", "at least two segments"),
            ("chat.", "empty segment"),
            (".chat", "empty segment"),
            ("chat..postMessage", "empty segment"),
            (
                "Chat.postMessage",
                "`Chat` does not start with a lowercase letter",
            ),
            ("chat.2fa", "`2fa` does not start"),
            ("chat.post_message", "`_` is not"),
            ("chat/postMessage", "`/` is not"),
            ("chat.post Message", "whitespace"),
        ];
        for (name, needle) in cases {
            let err = method_name(name).unwrap_err();
            assert!(err.contains(needle), "{name:?}: {err}");
        }
    }

    #[test]
    fn scopes_of_slack() {
        for ok in [
            "admin.users:write",
            "chat:write.public",
            "users:read.email",
            "identity.basic",
            "incoming-webhook",
            "chat:write:bot",
            "admin.conversations:write",
            "links.embed:write",
            "team_profile:read",
        ] {
            assert_eq!(scope(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn scopes_rejected() {
        let cases = [
            ("", "empty"),
            ("chat: write", "whitespace"),
            ("chat:Write", "lowercase (`chat:write`)"),
            ("chat/write", "`/` is not allowed"),
            (":chat", "starts or ends"),
            ("chat:", "starts or ends"),
            ("chat.", "starts or ends"),
            ("-chat", "starts or ends"),
            ("chat::write", "`::`"),
            ("admin..users", "`..`"),
        ];
        for (s, needle) in cases {
            let err = scope(s).unwrap_err();
            assert!(err.contains(needle), "{s:?}: {err}");
        }
    }

    #[test]
    fn argument_names() {
        assert_eq!(argument_name("user_id"), Ok(()));
        assert_eq!(argument_name("type"), Ok(()));
        assert!(argument_name("").is_err());
        assert!(
            argument_name("user id")
                .unwrap_err()
                .contains("` ` is not allowed")
        );
        assert!(argument_name("a&b").is_err());
    }

    #[test]
    fn const_names() {
        assert_eq!(
            screaming_snake("admin_users_session_reset"),
            "ADMIN_USERS_SESSION_RESET"
        );
        assert_eq!(screaming_snake("postMessage"), "POST_MESSAGE");
        assert_eq!(screaming_snake("v2_access"), "V2_ACCESS");
    }
}
