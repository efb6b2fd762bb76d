//! Every way a call can end other than with a value.

use std::fmt;
use std::time::Duration;

use crate::SlackToken;

/// What went wrong below HTTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made (refused, DNS, TLS handshake), or the
    /// connection closed before the request was written: the request was
    /// never sent, so repeating it is always safe.
    Connect,
    /// The connect timeout expired: the request was never sent.
    ConnectTimeout,
    /// The request timeout expired after the request may have been sent.
    Timeout,
    /// The connection was reset or closed before a full answer arrived.
    Closed,
    /// The answer was larger than the client's cap on response bodies
    /// ([`SlackClientBuilder::max_response_bytes`](crate::SlackClientBuilder::max_response_bytes)):
    /// reading stopped there. Never retried.
    BodyTooLarge,
    /// Anything else (a redirect refused, a protocol error, ...).
    Other,
}

impl TransportErrorKind {
    /// Whether the request certainly never reached the server.
    pub fn before_send(self) -> bool {
        matches!(self, Self::Connect | Self::ConnectTimeout)
    }

    /// A short stable name, such as `connect` or `timeout`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Connect => "connect",
            Self::ConnectTimeout => "connect_timeout",
            Self::Timeout => "timeout",
            Self::Closed => "connection_closed",
            Self::BodyTooLarge => "body_too_large",
            Self::Other => "transport",
        }
    }
}

impl fmt::Display for TransportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of every slackline call.
///
/// No variant ever holds the token. Bodies are kept as short excerpts.
///
/// ```
/// # use slackline::SlackError;
/// fn describe(err: &SlackError) -> String {
///     match err {
///         SlackError::Api { code, .. } if code == "not_an_admin" => "ask an org admin".into(),
///         SlackError::Api { code, needed: Some(needed), .. } if code == "missing_scope" => {
///             format!("add the {needed} scope")
///         }
///         other => other.to_string(),
///     }
/// }
/// ```
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum SlackError {
    /// Slack answered `{"ok": false, "error": code}`.
    #[error("{method}: Slack error `{code}`{}", scope_note(needed.as_deref(), provided.as_deref()))]
    Api {
        /// The Slack method called.
        method: &'static str,
        /// Slack's error code, e.g. `not_an_admin`.
        code: String,
        /// For `missing_scope`: the scope the method needs.
        needed: Option<String>,
        /// For `missing_scope`: the scopes the token has.
        provided: Option<String>,
        /// `warning` and `response_metadata.warnings`.
        warnings: Box<[String]>,
        /// `response_metadata.messages` (e.g. which argument was invalid).
        messages: Box<[String]>,
    },
    /// HTTP 429 and the retry policy gave up waiting; or the method's
    /// bucket is paused (by an earlier 429) for longer than the policy lets
    /// the call wait, or its next slot lies past the call's deadline: then
    /// nothing was sent.
    #[error("{method}: rate limited by Slack (retry after {}s)", retry_after.as_secs_f64())]
    RateLimited {
        /// The Slack method called.
        method: &'static str,
        /// How long to wait before calling again: what Slack's last
        /// `Retry-After` asked for (at least 1 s, at most a day), or what is
        /// left of the pause or until the slot.
        retry_after: Duration,
    },
    /// An HTTP status other than 200 (and not a 429 that was retried away).
    #[error("{method}: HTTP {status}{}", excerpt_note(body))]
    Http {
        /// The Slack method called.
        method: &'static str,
        /// The HTTP status code.
        status: u16,
        /// `Retry-After`, when the answer had one.
        retry_after: Option<Duration>,
        /// The first bytes of the body.
        body: String,
    },
    /// The body was not the JSON expected.
    #[error("{method}: cannot decode the answer: {message}{}", excerpt_note(body))]
    Decode {
        /// The Slack method called.
        method: &'static str,
        /// What the decoder said.
        message: String,
        /// The first bytes of the body.
        body: String,
    },
    /// The request did not complete (connect, timeout, reset), or its answer
    /// was over the body cap.
    #[error("{method}: {kind} error: {message}")]
    Transport {
        /// The Slack method called.
        method: &'static str,
        /// What failed.
        kind: TransportErrorKind,
        /// The underlying error's description (no token, no body).
        message: String,
    },
    /// An argument or setting rejected before anything was sent.
    #[error("{}invalid input: {message}", method.map(|m| format!("{m}: ")).unwrap_or_default())]
    InvalidInput {
        /// The Slack method, when the input belonged to a call.
        method: Option<&'static str>,
        /// What is wrong.
        message: String,
    },
}

fn scope_note(needed: Option<&str>, provided: Option<&str>) -> String {
    match (needed, provided) {
        (None, None) => String::new(),
        (needed, provided) => format!(
            " (needed: {}, provided: {})",
            needed.unwrap_or("?"),
            provided.unwrap_or("?")
        ),
    }
}

fn excerpt_note(body: &str) -> String {
    if body.is_empty() {
        String::new()
    } else {
        format!(": {body:?}")
    }
}

/// Longest body excerpt kept in an error, in bytes; also the longest error
/// code, warning or message kept from an answer.
pub(crate) const EXCERPT_LEN: usize = 200;
/// Longest `needed` / `provided` scope list kept from an answer, in bytes
/// (a token's scopes can run to a few hundred names).
pub(crate) const SCOPES_LEN: usize = 4_096;
/// Most warnings (and most messages) kept from one answer.
pub(crate) const MAX_KEPT_ITEMS: usize = 20;

/// The first [`EXCERPT_LEN`] bytes of `body` as text, cut on a char
/// boundary, with the token replaced by its redacted form: a server or proxy
/// that echoes the request must not put the secret into an error or a log.
/// A call made without a token (`None`) has no secret to hide.
pub(crate) fn excerpt(body: &[u8], token: Option<&SlackToken>) -> String {
    bounded(body, token, EXCERPT_LEN)
}

/// What the client keeps of a text from an answer: at most `max` bytes (cut
/// on a char boundary, `…` marking the cut), the token redacted, control
/// characters escaped (a code, scope list or warning is shown as one line).
pub(crate) fn kept(text: &str, token: Option<&SlackToken>, max: usize) -> String {
    escape_controls(bounded(text.as_bytes(), token, max))
}

/// [`kept`] for a list: at most [`MAX_KEPT_ITEMS`] items of [`EXCERPT_LEN`] bytes.
pub(crate) fn kept_list<'a>(
    items: impl IntoIterator<Item = &'a str>,
    token: Option<&SlackToken>,
) -> Vec<String> {
    items
        .into_iter()
        .take(MAX_KEPT_ITEMS)
        .map(|item| kept(item, token, EXCERPT_LEN))
        .collect()
}

/// `text` with its control characters (line breaks, escape sequences, NUL, ...)
/// written as escapes (`\n`, `\u{1b}`): kept text is shown to people, one line
/// per error, and a server must not forge lines or drive a terminal through it.
fn escape_controls(text: String) -> String {
    if !text.chars().any(char::is_control) {
        return text;
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            escaped.extend(c.escape_default());
        } else {
            escaped.push(c);
        }
    }
    escaped
}

fn bounded(body: &[u8], token: Option<&SlackToken>, max: usize) -> String {
    let secret = token.map_or("", SlackToken::expose_secret);
    // Look a token's length past the cut, so a token straddling it is caught whole.
    let window = &body[..body.len().min(max.saturating_add(secret.len()))];
    let mut text = String::from_utf8_lossy(window).into_owned();
    if let Some(token) = token.filter(|_| !secret.is_empty() && text.contains(secret)) {
        text = text.replace(secret, &token.to_string());
    }
    // Tokens the call did not send (an OAuth answer's new ones) are secrets too.
    if let std::borrow::Cow::Owned(redacted) = crate::token::redact_token_shapes(&text) {
        text = redacted;
    }
    let mut cut = text.len().min(max);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let truncated = cut < text.len() || body.len() > window.len();
    text.truncate(cut);
    text.truncate(text.trim_end_matches('\u{FFFD}').len());
    if truncated {
        text.push('…');
    }
    text
}

impl SlackError {
    /// Slack's error code for [`Api`](Self::Api) errors (`ratelimited` for
    /// [`RateLimited`](Self::RateLimited)).
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Api { code, .. } => Some(code),
            Self::RateLimited { .. } => Some("ratelimited"),
            _ => None,
        }
    }

    /// A short, stable name of the failure: the Slack error code for API
    /// errors, otherwise `ratelimited`, `http_<status>` (e.g. `http_503`),
    /// `decode`, the transport kind (`connect`, `connect_timeout`, `timeout`,
    /// `connection_closed`, `body_too_large`, `transport`), or `invalid_input`.
    pub fn kind(&self) -> String {
        match self {
            Self::Api { code, .. } => code.clone(),
            Self::RateLimited { .. } => "ratelimited".to_owned(),
            Self::Http { status, .. } => format!("http_{status}"),
            Self::Decode { .. } => "decode".to_owned(),
            Self::Transport { kind, .. } => kind.as_str().to_owned(),
            Self::InvalidInput { .. } => "invalid_input".to_owned(),
        }
    }

    /// The Slack method the failed call was for.
    pub fn method(&self) -> Option<&'static str> {
        match self {
            Self::Api { method, .. }
            | Self::RateLimited { method, .. }
            | Self::Http { method, .. }
            | Self::Decode { method, .. }
            | Self::Transport { method, .. } => Some(method),
            Self::InvalidInput { method, .. } => *method,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_small() {
        // Result<T, SlackError> should not trip clippy's result_large_err.
        assert!(
            std::mem::size_of::<SlackError>() <= 128,
            "{}",
            std::mem::size_of::<SlackError>()
        );
    }

    #[test]
    fn excerpt_is_short_and_valid() {
        let token = SlackToken::new("xoxp-1-2-secret").unwrap();
        let body = "é".repeat(300);
        let e = excerpt(body.as_bytes(), Some(&token));
        assert!(e.len() <= EXCERPT_LEN + '…'.len_utf8());
        assert!(e.ends_with('…'));
        assert_eq!(excerpt(b"<html>", Some(&token)), "<html>");
    }

    #[test]
    fn excerpt_redacts_an_echoed_token_even_across_the_cut() {
        let token = SlackToken::new("xoxp-1111-2222-topsecretvalue").unwrap();
        for pad in [0, 50, 180, 190, 199, 200, 260] {
            let body = format!(
                "{}authorization: Bearer {}\r\n",
                "x".repeat(pad),
                token.expose_secret()
            );
            let e = excerpt(body.as_bytes(), Some(&token));
            for part in ["topsecret", "1111-2222", "2222-top"] {
                assert!(!e.contains(part), "pad {pad}: {e}");
            }
        }
    }

    #[test]
    fn display_names_code_and_scopes() {
        let err = SlackError::Api {
            method: "admin.users.session.reset",
            code: "missing_scope".into(),
            needed: Some("admin.users:write".into()),
            provided: Some("admin.users:read".into()),
            warnings: Box::default(),
            messages: Box::default(),
        };
        assert_eq!(
            err.to_string(),
            "admin.users.session.reset: Slack error `missing_scope` (needed: admin.users:write, provided: admin.users:read)"
        );
        assert_eq!(err.kind(), "missing_scope");
    }
}
