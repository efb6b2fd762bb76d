//! The `oauth_config` part of a Slack app manifest (YAML), from what the
//! app's declared methods need ([`slackline::manifest_scopes`]).

use std::fmt::Write as _;

use slackline::{ScopeNeed, TokenKind};

/// `oauth_config.scopes` as YAML: bot scopes, then user scopes, each once,
/// in order of first use, each line naming the methods that need it.
///
/// Nothing [`manifest_scopes`](slackline::manifest_scopes) reports is
/// dropped: where a method accepts any of several scopes, the first is
/// listed and a comment names the others; where a method works with a bot
/// or a user token (declared by name, Slack lists scopes for both), it is
/// listed under the token the app calls it with, `calls_with`, and a comment
/// names what the other token would need.
///
/// ```
/// use slackline::{ScopeNeed, TokenKind};
/// let needs = [ScopeNeed {
///     token: TokenKind::Bot,
///     any_of: vec!["users:read"],
///     methods: vec!["users.info"],
/// }];
/// assert_eq!(
///     slackline_examples::manifest::oauth_config_yaml(&needs, TokenKind::Bot),
///     "oauth_config:\n  scopes:\n    bot:\n      - users:read # users.info\n"
/// );
/// ```
pub fn oauth_config_yaml(needs: &[ScopeNeed], calls_with: TokenKind) -> String {
    let has = |method: &str, token: TokenKind| {
        needs
            .iter()
            .any(|n| n.token == token && n.methods.contains(&method))
    };
    let mut out = String::from("oauth_config:\n  scopes:\n");
    for (token, key) in [(TokenKind::Bot, "bot"), (TokenKind::User, "user")] {
        let other = match token {
            TokenKind::Bot => TokenKind::User,
            TokenKind::User => TokenKind::Bot,
        };
        // (scope, methods, notes)
        let mut lines: Vec<(&str, Vec<&str>, Vec<String>)> = Vec::new();
        for need in needs.iter().filter(|n| n.token == token) {
            // Methods that work with either token go under `calls_with` only.
            let methods: Vec<&str> = need
                .methods
                .iter()
                .copied()
                .filter(|m| token == calls_with || !has(m, other))
                .collect();
            let Some((&scope, others)) = need.any_of.split_first() else {
                continue;
            };
            if methods.is_empty() {
                continue;
            }
            let mut notes = Vec::new();
            if !others.is_empty() {
                notes.push(format!("or: {}", others.join(", ")));
            }
            for m in methods.iter().filter(|m| has(m, other)) {
                let theirs = needs
                    .iter()
                    .find(|n| n.token == other && n.methods.contains(m))
                    .map_or(String::new(), |n| n.any_of.join(" or "));
                let label = match other {
                    TokenKind::Bot => "bot",
                    TokenKind::User => "user",
                };
                notes.push(format!("{m} with a {label} token: {theirs}"));
            }
            // A scope already listed for this token covers the need.
            match lines.iter_mut().find(|(s, _, _)| need.any_of.contains(s)) {
                Some((_, listed, listed_notes)) => {
                    listed.extend(methods);
                    listed_notes.extend(notes);
                }
                None => lines.push((scope, methods, notes)),
            }
        }
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    {key}:");
        for (scope, methods, notes) in lines {
            let _ = write!(out, "      - {scope} # {}", methods.join(", "));
            if !notes.is_empty() {
                let _ = write!(out, " ({})", notes.join("; "));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(token: TokenKind, any_of: &[&'static str], methods: &[&'static str]) -> ScopeNeed {
        ScopeNeed {
            token,
            any_of: any_of.to_vec(),
            methods: methods.to_vec(),
        }
    }

    #[test]
    fn each_scope_once_alternatives_and_other_tokens_kept() {
        let needs = [
            need(
                TokenKind::User,
                &["admin.users:write"],
                &["admin.users.session.reset"],
            ),
            need(TokenKind::Bot, &["users:read"], &["users.info"]),
            need(
                TokenKind::Bot,
                &["channels:history", "groups:history"],
                &["conversations.history"],
            ),
            need(
                TokenKind::Bot,
                &["users:read", "users:read.email"],
                &["users.list"],
            ),
            need(TokenKind::User, &["users:read"], &["users.info"]),
        ];
        assert_eq!(
            oauth_config_yaml(&needs, TokenKind::Bot),
            "oauth_config:
  scopes:
    bot:
      - users:read # users.info, users.list (users.info with a user token: users:read; or: users:read.email)
      - channels:history # conversations.history (or: groups:history)
    user:
      - admin.users:write # admin.users.session.reset
"
        );
        assert_eq!(
            oauth_config_yaml(&needs, TokenKind::User),
            "oauth_config:
  scopes:
    bot:
      - channels:history # conversations.history (or: groups:history)
      - users:read # users.list (or: users:read.email)
    user:
      - admin.users:write # admin.users.session.reset
      - users:read # users.info (users.info with a bot token: users:read)
"
        );
    }

    #[test]
    fn nothing_needed() {
        assert_eq!(
            oauth_config_yaml(&[], TokenKind::Bot),
            "oauth_config:\n  scopes:\n"
        );
    }
}
