//! Slack tokens: validated once, redacted everywhere.

use std::fmt;

use http::HeaderValue;

use crate::SlackError;

/// A Slack access token (`xoxb-…`, `xoxp-…`, `xoxe.xoxp-…`, `xapp-…`, …).
///
/// [`new`](Self::new) checks the token's characters only: non-empty, ASCII,
/// no whitespace, no control characters, so that it fits an HTTP header. It
/// does not check the form, since the emulators and proxies apps test against
/// issue tokens of their own; [`new_slack`](Self::new_slack) also requires
/// one of the forms Slack issues ([`TokenType`]). The
/// `Authorization: Bearer` header is prepared once here, so calls do no
/// per-request work for it. `Debug` and `Display` show only the type prefix
/// (`xoxp-`); the secret is never printed, logged or put in an error.
///
/// ```
/// use slackline::{SlackToken, TokenType};
/// let token = SlackToken::new("xoxp-1234-5678-abcdef")?;
/// assert_eq!(format!("{token:?}"), "SlackToken(xoxp-***)");
/// assert_eq!(token.token_type(), Some(TokenType::User));
/// assert!(SlackToken::new("xoxp-12 34").is_err());
/// assert!(SlackToken::new("notatoken").is_ok()); // characters only
/// assert!(SlackToken::new_slack("notatoken").is_err()); // not a Slack form
/// # Ok::<(), slackline::SlackError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SlackToken {
    header: HeaderValue,
    team: Option<Box<str>>,
    /// The token's hash, which keys its rate-limit bucket when no team is
    /// known: computed once here rather than on every paced call.
    workspace_hash: u64,
}

const BEARER: &str = "Bearer ";

/// The kinds of token Slack issues, told apart by their prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenType {
    /// `xoxb-`: a bot token.
    Bot,
    /// `xoxp-`: a user token.
    User,
    /// `xapp-`: an app-level token (Socket Mode, `apps.connections.open`).
    App,
    /// `xoxe.xoxb-` / `xoxe.xoxp-`: a rotating access token (token
    /// rotation), also the form of app configuration tokens.
    Rotating,
    /// `xoxe-`: a refresh token (token rotation, configuration tokens).
    Refresh,
    /// `xoxa-`: a legacy workspace-app token.
    LegacyWorkspace,
    /// `xoxr-`: a legacy workspace-app refresh token.
    LegacyRefresh,
}

/// Every prefix [`TokenType`] knows, longest first.
const PREFIXES: [(&str, TokenType); 8] = [
    ("xoxe.xoxb-", TokenType::Rotating),
    ("xoxe.xoxp-", TokenType::Rotating),
    ("xoxb-", TokenType::Bot),
    ("xoxp-", TokenType::User),
    ("xapp-", TokenType::App),
    ("xoxe-", TokenType::Refresh),
    ("xoxa-", TokenType::LegacyWorkspace),
    ("xoxr-", TokenType::LegacyRefresh),
];

impl TokenType {
    /// The type of `token`, read from its prefix; `None` when it has none of
    /// the prefixes Slack issues or nothing follows the prefix.
    ///
    /// ```
    /// use slackline::TokenType;
    /// assert_eq!(TokenType::of("xoxb-1-abc"), Some(TokenType::Bot));
    /// assert_eq!(TokenType::of("xoxe.xoxp-1-abc"), Some(TokenType::Rotating));
    /// assert_eq!(TokenType::of("xoxb-"), None);
    /// assert_eq!(TokenType::of("notatoken"), None);
    /// ```
    pub fn of(token: &str) -> Option<TokenType> {
        known_prefix(token).map(|(_, kind)| kind)
    }
}

fn known_prefix(token: &str) -> Option<(&'static str, TokenType)> {
    PREFIXES
        .iter()
        .find(|(prefix, _)| token.len() > prefix.len() && token.starts_with(prefix))
        .copied()
}

/// `text` with every Slack-shaped token in it (one of Slack's prefixes, then
/// token characters) cut to its prefix and `***`, as `Display` shows a token.
/// What the client keeps from an answer may hold secrets it did not send:
/// the new tokens of an OAuth exchange, or another app's token a proxy echoes.
pub(crate) fn redact_token_shapes(text: &str) -> std::borrow::Cow<'_, str> {
    let shaped = |at: usize| {
        PREFIXES
            .iter()
            .map(|(prefix, _)| *prefix)
            .find(|prefix| text[at..].starts_with(prefix))
            .filter(|prefix| text[at + prefix.len()..].starts_with(is_token_char))
    };
    // Allocated at the first token found: text without one is returned as is.
    let mut out = String::new();
    let mut rest = 0;
    let mut at = 0;
    while at < text.len() {
        match shaped(at) {
            Some(prefix) => {
                out.push_str(&text[rest..at + prefix.len()]);
                out.push_str("***");
                let tail = &text[at + prefix.len()..];
                at += prefix.len() + tail.find(|c| !is_token_char(c)).unwrap_or(tail.len());
                rest = at;
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if rest == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[rest..]);
    std::borrow::Cow::Owned(out)
}

/// A character of a token's body after its prefix.
fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')
}

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
        let workspace_hash = stable_hash(token.as_bytes());
        Ok(SlackToken {
            header,
            team: None,
            workspace_hash,
        })
    }

    /// Like [`new`](Self::new), and the token must also have one of the
    /// forms Slack issues (a [`TokenType`] prefix followed by the secret).
    ///
    /// # Errors
    /// [`SlackError::InvalidInput`] as for `new`, or when the form is not
    /// one of Slack's (the message names the forms, never the token).
    pub fn new_slack(token: impl Into<String>) -> Result<Self, SlackError> {
        let token = Self::new(token)?;
        if token.token_type().is_none() {
            return Err(SlackError::InvalidInput {
                method: None,
                message: "the token is not one of Slack's forms (xoxb-, xoxp-, xapp-, \
                          xoxe.xoxb-, xoxe.xoxp-, xoxe-, xoxa-, xoxr-)"
                    .to_owned(),
            });
        }
        Ok(token)
    }

    /// The token's type, when it has one of the forms Slack issues.
    pub fn token_type(&self) -> Option<TokenType> {
        TokenType::of(self.expose_secret())
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

    /// The hash `WorkspaceKey::Token` holds for this token: the same in
    /// every build and on every machine, so processes sharing a Redis store
    /// share the token's buckets whatever compiler built them.
    pub(crate) fn workspace_hash(&self) -> u64 {
        self.workspace_hash
    }

    /// The token itself. Handle with care: never log it.
    pub fn expose_secret(&self) -> &str {
        // The header was built from a valid ASCII string prefixed by BEARER.
        let bytes = &self.header.as_bytes()[BEARER.len()..];
        std::str::from_utf8(bytes).unwrap_or_default()
    }

    /// The token's type prefix, such as `xoxb-` or `xoxe.xoxp-`, when it
    /// has one of Slack's (or the `xox?-` form of another Slack token).
    pub fn prefix(&self) -> Option<&str> {
        let secret = self.expose_secret();
        if let Some((prefix, _)) = known_prefix(secret) {
            return Some(prefix);
        }
        let prefix = secret.get(..5)?;
        (prefix.starts_with("xox") && prefix.ends_with('-')).then_some(prefix)
    }

    pub(crate) fn authorization(&self) -> &HeaderValue {
        &self.header
    }
}

/// An app's OAuth client credentials (`client_id`, `client_secret`), sent as
/// HTTP Basic auth to a method Slack calls without a token, such as the
/// OAuth exchange `oauth.v2.access`. (Slack also accepts them as the form
/// fields `client_id` and `client_secret`: declare those parameters instead.)
///
/// The `Authorization: Basic` header is prepared once here. `Debug` shows
/// the client ID only; the secret is never printed, logged or put in an error.
///
/// ```
/// use slackline::ClientCredentials;
/// let app = ClientCredentials::new("123.456", "s3cr3t")?;
/// assert_eq!(app.client_id(), "123.456");
/// assert!(!format!("{app:?}").contains("s3cr3t"));
/// assert!(ClientCredentials::new("123:456", "s").is_err()); // Basic auth cannot carry `:` in the ID
/// # Ok::<(), slackline::SlackError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ClientCredentials {
    client_id: Box<str>,
    header: HeaderValue,
}

impl ClientCredentials {
    /// Checks both parts and prepares the `Authorization: Basic` header.
    ///
    /// # Errors
    /// [`SlackError::InvalidInput`] when either part is empty or holds
    /// whitespace, control or non-ASCII characters, or the client ID holds
    /// `:` (the message never repeats the secret).
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> Result<Self, SlackError> {
        let (client_id, client_secret) = (client_id.into(), client_secret.into());
        let problem = |what: &str, value: &str| {
            if value.is_empty() {
                Some(format!("the {what} is empty"))
            } else if value
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || !c.is_ascii())
            {
                Some(format!(
                    "the {what} holds whitespace, control or non-ASCII characters"
                ))
            } else {
                None
            }
        };
        let problem = problem("client ID", &client_id)
            .or_else(|| problem("client secret", &client_secret))
            .or_else(|| {
                client_id.contains(':').then(|| {
                    "the client ID holds `:`, which HTTP Basic auth cannot carry".to_owned()
                })
            });
        if let Some(message) = problem {
            return Err(SlackError::InvalidInput {
                method: None,
                message,
            });
        }
        let encoded = base64(format!("{client_id}:{client_secret}").as_bytes());
        let mut header = HeaderValue::try_from(format!("Basic {encoded}")).map_err(|_| {
            SlackError::InvalidInput {
                method: None,
                message: "the client credentials are not a valid header value".to_owned(),
            }
        })?;
        header.set_sensitive(true);
        Ok(ClientCredentials {
            client_id: client_id.into_boxed_str(),
            header,
        })
    }

    /// The client ID (not a secret).
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    pub(crate) fn authorization(&self) -> &HeaderValue {
        &self.header
    }
}

impl fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"***")
            .finish()
    }
}

/// Standard base64 with padding (RFC 4648), for the Basic auth header.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// How one call authenticates.
#[derive(Clone, Copy)]
pub(crate) enum Auth<'a> {
    /// `Authorization: Bearer` with a token.
    Token(&'a SlackToken),
    /// `Authorization: Basic` with the app's client credentials.
    Client(&'a ClientCredentials),
    /// No `Authorization` header.
    None,
}

impl<'a> Auth<'a> {
    /// The token, to redact it from what the client keeps of an answer.
    pub(crate) fn token(self) -> Option<&'a SlackToken> {
        match self {
            Auth::Token(token) => Some(token),
            Auth::Client(_) | Auth::None => None,
        }
    }

    /// The `Authorization` header, if any.
    pub(crate) fn header(self) -> Option<&'a HeaderValue> {
        match self {
            Auth::Token(token) => Some(token.authorization()),
            Auth::Client(credentials) => Some(credentials.authorization()),
            Auth::None => None,
        }
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

/// FNV-1a, 64 bits: a hash fixed by its definition (std's `DefaultHasher`
/// may change between Rust releases), for keys other processes read.
fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_workspace_hash_is_fixed_by_its_definition() {
        // FNV-1a's published test vectors: a Redis key made by one build is
        // the key every other build makes.
        assert_eq!(stable_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(stable_hash(b"foobar"), 0x8594_4171_f739_67e8);
        let token = SlackToken::new("xoxb-1").unwrap();
        assert_eq!(token.workspace_hash(), stable_hash(b"xoxb-1"));
    }
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
    fn slack_forms() {
        for (token, kind) in [
            ("xoxb-1-a", TokenType::Bot),
            ("xoxp-1-a", TokenType::User),
            ("xapp-1-a", TokenType::App),
            ("xoxe.xoxp-1-a", TokenType::Rotating),
            ("xoxe.xoxb-1-a", TokenType::Rotating),
            ("xoxe-1-a", TokenType::Refresh),
            ("xoxa-2-a", TokenType::LegacyWorkspace),
            ("xoxr-a", TokenType::LegacyRefresh),
        ] {
            let parsed = SlackToken::new_slack(token).unwrap();
            assert_eq!(parsed.token_type(), Some(kind), "{token}");
            assert!(parsed.to_string().ends_with("-***"), "{token}");
            assert!(!parsed.to_string().contains("1-a"), "{token}");
        }
        for bad in [
            "notatoken",
            "xoxz-1secret",
            "XOXB-1secret",
            "xoxe.xoxz-1secret",
        ] {
            let err = SlackToken::new_slack(bad).unwrap_err();
            assert!(!format!("{err} {err:?}").contains(bad), "{bad}");
        }
        // The prefix alone is not a token.
        assert!(SlackToken::new_slack("xoxb-").is_err());
        assert_eq!(
            SlackToken::new("xoxe.xoxp-1-secret").unwrap().to_string(),
            "xoxe.xoxp-***"
        );
    }

    #[test]
    fn base64_of_rfc_4648() {
        for (raw, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(raw.as_bytes()), encoded, "{raw}");
        }
    }

    #[test]
    fn client_credentials() {
        let app = ClientCredentials::new("123.456", "s3cr3t").unwrap();
        assert_eq!(app.authorization(), "Basic MTIzLjQ1NjpzM2NyM3Q=");
        assert!(app.authorization().is_sensitive());
        assert_eq!(
            format!("{app:?}"),
            r#"ClientCredentials { client_id: "123.456", client_secret: "***" }"#
        );
        for (id, secret) in [
            ("", "sekretQ1"),
            ("1", ""),
            ("1 2", "sekretQ2"),
            ("1", "sekretQ3\n"),
            ("1:2", "sekretQ4"),
            ("1", "sekretQé"),
        ] {
            let err = ClientCredentials::new(id, secret).unwrap_err();
            assert!(matches!(err, SlackError::InvalidInput { .. }), "{id:?}");
            if !secret.is_empty() {
                assert!(!format!("{err} {err:?}").contains(secret), "{secret:?}");
            }
        }
    }

    #[test]
    fn token_shapes_are_redacted_in_text() {
        assert_eq!(
            redact_token_shapes(
                r#"{"access_token":"xoxb-17-abc.DEF_9","refresh_token":"xoxe-1-xyz"}"#
            ),
            r#"{"access_token":"xoxb-***","refresh_token":"xoxe-***"}"#
        );
        assert_eq!(
            redact_token_shapes("rotated xoxe.xoxp-1-secret."),
            "rotated xoxe.xoxp-***"
        );
        assert_eq!(redact_token_shapes("é xapp-1-A1 ü"), "é xapp-*** ü");
        // A bare prefix or a word that only looks alike stays as it is.
        assert_eq!(
            redact_token_shapes("xoxb- and xoxbx-1"),
            "xoxb- and xoxbx-1"
        );
        assert!(matches!(
            redact_token_shapes("no secrets"),
            std::borrow::Cow::Borrowed(_)
        ));
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
