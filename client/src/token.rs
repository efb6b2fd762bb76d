//! Slack tokens: validated once, redacted everywhere.

use std::fmt;

use http::HeaderValue;

use crate::SlackError;

/// A Slack access token (`xoxb-…`, `xoxp-…`, `xoxe-…`, …).
///
/// Validated when built: non-empty, no whitespace, no control characters. The
/// `Authorization: Bearer` header is prepared once here, so calls do no
/// per-request work for it. `Debug` and `Display` show only the `xox?-`
/// prefix; the secret is never printed, logged or put in an error.
///
/// ```
/// use slackline::SlackToken;
/// let token = SlackToken::new("xoxp-1234-5678-abcdef")?;
/// assert_eq!(format!("{token:?}"), "SlackToken(xoxp-***)");
/// assert!(SlackToken::new("xoxp-12 34").is_err());
/// # Ok::<(), slackline::SlackError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SlackToken {
    header: HeaderValue,
    team: Option<Box<str>>,
}

const BEARER: &str = "Bearer ";

impl SlackToken {
    /// Validates `token` and prepares its `Authorization` header.
    ///
    /// # Errors
    /// [`SlackError::InvalidInput`] when the token is empty or holds
    /// whitespace, control characters or non-ASCII characters (the message
    /// never repeats the token).
    pub fn new(token: impl Into<String>) -> Result<Self, SlackError> {
        let token = token.into();
        let problem = if token.is_empty() {
            Some("the token is empty")
        } else if token.chars().any(char::is_whitespace) {
            Some("the token contains whitespace")
        } else if token.chars().any(char::is_control) {
            Some("the token contains control characters")
        } else if !token.is_ascii() {
            Some("the token contains non-ASCII characters")
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(SlackError::InvalidInput {
                method: None,
                message: problem.to_owned(),
            });
        }
        let mut header = HeaderValue::try_from(format!("{BEARER}{token}")).map_err(|_| {
            SlackError::InvalidInput {
                method: None,
                message: "the token is not a valid header value".to_owned(),
            }
        })?;
        header.set_sensitive(true);
        Ok(SlackToken { header, team: None })
    }

    /// Reads a token from an environment variable such as `SLACK_TOKEN`.
    ///
    /// # Errors
    /// [`SlackError::InvalidInput`] if the variable is unset, not Unicode or
    /// not a valid token.
    pub fn from_env(var: &str) -> Result<Self, SlackError> {
        let value = std::env::var(var).map_err(|e| SlackError::InvalidInput {
            method: None,
            message: format!("environment variable {var}: {e}"),
        })?;
        Self::new(value)
    }

    /// Tells the rate limiter which workspace (team or enterprise ID) this
    /// token belongs to, so several tokens of one workspace share its budget.
    /// Without it, each token is paced as its own workspace.
    pub fn with_team(mut self, team_id: impl Into<String>) -> Self {
        self.team = Some(team_id.into().into_boxed_str());
        self
    }

    /// The workspace set with [`with_team`](Self::with_team), if any.
    pub fn team(&self) -> Option<&str> {
        self.team.as_deref()
    }

    /// The token itself. Handle with care: never log it.
    pub fn expose_secret(&self) -> &str {
        // The header was built from a valid ASCII string prefixed by BEARER.
        let bytes = &self.header.as_bytes()[BEARER.len()..];
        std::str::from_utf8(bytes).unwrap_or_default()
    }

    /// The token's kind prefix, such as `xoxb-`, when it has one.
    pub fn prefix(&self) -> Option<&str> {
        let secret = self.expose_secret();
        let prefix = secret.get(..5)?;
        (prefix.starts_with("xox") && prefix.ends_with('-')).then_some(prefix)
    }

    pub(crate) fn authorization(&self) -> &HeaderValue {
        &self.header
    }
}

impl fmt::Debug for SlackToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SlackToken({self})")
    }
}

impl fmt::Display for SlackToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.prefix() {
            Some(prefix) => write!(f, "{prefix}***"),
            None => f.write_str("***"),
        }
    }
}

impl std::str::FromStr for SlackToken {
    type Err = SlackError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_tokens_without_echoing_them() {
        for bad in [
            "",
            "xoxp-a b",
            "xoxp-a\tb",
            "xoxp-\u{7}",
            "xoxp-é",
            "xoxp-a\nb",
        ] {
            let err = SlackToken::new(bad).unwrap_err();
            assert!(matches!(err, SlackError::InvalidInput { .. }), "{bad:?}");
            if !bad.is_empty() {
                assert!(!format!("{err} {err:?}").contains(bad), "{bad:?}");
            }
        }
    }

    #[test]
    fn redacts_debug_and_display() {
        let token = SlackToken::new("xoxb-123-secretvalue").unwrap();
        assert_eq!(token.to_string(), "xoxb-***");
        assert!(!format!("{token:?}").contains("secret"));
        assert_eq!(token.expose_secret(), "xoxb-123-secretvalue");
        let odd = SlackToken::new("plainsecret").unwrap();
        assert_eq!(odd.to_string(), "***");
        assert!(!format!("{:?}", odd.authorization()).contains("plainsecret"));
    }
}
