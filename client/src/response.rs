//! Decoding Slack's envelope: `{"ok": true, ...}` or `{"ok": false, "error": ...}`.

use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, DerefMut};

use http::HeaderMap;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{EXCERPT_LEN, SCOPES_LEN, excerpt, kept, kept_list};
use crate::spec::MethodSpec;
use crate::{SlackError, SlackToken};

/// The answer of a method that returns nothing but `ok` (Slack's "default
/// success template"): `ok` plus every other field Slack sent, kept as JSON.
///
/// ```
/// let ok: slackline::DefaultSuccess =
///     serde_json::from_str(r#"{"ok": true, "warning": "superfluous_charset"}"#).unwrap();
/// assert!(ok.ok);
/// assert_eq!(ok.extra["warning"], "superfluous_charset");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DefaultSuccess {
    /// Always `true` for a value returned by a call.
    pub ok: bool,
    /// Every other field of the answer, as Slack sent it.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl<'de> Deserialize<'de> for DefaultSuccess {
    // Written by hand: `#[serde(flatten)]` would buffer the whole body first.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DefaultSuccess;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Slack answer object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DefaultSuccess, A::Error> {
                let mut out = DefaultSuccess::default();
                let mut seen_ok = false;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "ok" {
                        out.ok = map.next_value()?;
                        seen_ok = true;
                    } else {
                        out.extra.insert(key, map.next_value()?);
                    }
                }
                if !seen_ok {
                    return Err(serde::de::Error::missing_field("ok"));
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// What came with an answer besides its value: scopes and warnings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ResponseMeta {
    /// `X-OAuth-Scopes`: the scopes the token has.
    pub scopes: Option<String>,
    /// `X-Accepted-OAuth-Scopes`: the scopes the method accepts.
    pub accepted_scopes: Option<String>,
    /// `warning` (split on commas) and `response_metadata.warnings`.
    pub warnings: Vec<String>,
    /// `response_metadata.messages`.
    pub messages: Vec<String>,
    /// `response_metadata.next_cursor`, when present and non-empty.
    pub next_cursor: Option<String>,
}

/// A success value together with its [`ResponseMeta`].
///
/// Declare a method as returning `Result<WithMeta<T>, SlackError>` to get
/// the scopes and warnings of each answer; it derefs to `T`.
///
/// ```
/// use slackline::{slack_method, DefaultSuccess, SlackError, SlackToken, WithMeta};
/// pub trait AuthApi {
///     #[slack_method("auth.test", scope = "identity.basic")]
///     async fn auth_test(&self, token: &SlackToken) -> Result<WithMeta<DefaultSuccess>, SlackError>;
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct WithMeta<T> {
    /// The decoded answer.
    pub value: T,
    /// Headers and metadata of the answer.
    pub meta: ResponseMeta,
}

impl<T> WithMeta<T> {
    /// The value, dropping the metadata.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> Deref for WithMeta<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for WithMeta<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

/// The envelope fields every answer is checked for; everything else is
/// skipped without being built, and strings without escapes are borrowed
/// from the body rather than copied.
#[derive(Deserialize)]
pub(crate) struct Envelope<'a> {
    ok: bool,
    #[serde(default, borrow)]
    error: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    needed: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    provided: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    warning: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    response_metadata: Option<EnvelopeMetadata<'a>>,
}

#[derive(Deserialize, Default)]
struct EnvelopeMetadata<'a> {
    #[serde(default, borrow)]
    warnings: Vec<Cow<'a, str>>,
    #[serde(default, borrow)]
    messages: Vec<Cow<'a, str>>,
    #[serde(default, borrow)]
    next_cursor: Option<Cow<'a, str>>,
}

impl Envelope<'_> {
    fn has_warnings(&self) -> bool {
        self.warning.is_some()
            || self
                .response_metadata
                .as_ref()
                .is_some_and(|m| !m.warnings.is_empty())
    }

    /// `warning` (split on commas) and `response_metadata.warnings`, as
    /// kept: redacted, at most [`MAX_KEPT_ITEMS`](crate::error::MAX_KEPT_ITEMS)
    /// of at most [`EXCERPT_LEN`] bytes.
    fn warnings(&self, token: Option<&SlackToken>) -> Vec<String> {
        let split = self
            .warning
            .iter()
            .flat_map(|w| w.split(','))
            .map(str::trim)
            .filter(|w| !w.is_empty());
        let listed = self
            .response_metadata
            .iter()
            .flat_map(|m| m.warnings.iter().map(|w| &**w));
        kept_list(split.chain(listed), token)
    }

    /// `response_metadata.messages`, kept as [`warnings`](Self::warnings).
    fn messages(&self, token: Option<&SlackToken>) -> Vec<String> {
        kept_list(
            self.response_metadata
                .iter()
                .flat_map(|m| m.messages.iter().map(|w| &**w)),
            token,
        )
    }
}

/// The parts of an answer a [`FromSlackBody`] implementation may read.
pub struct AnswerParts<'a> {
    headers: &'a HeaderMap,
    envelope: &'a Envelope<'a>,
    token: Option<&'a SlackToken>,
    /// The answer's warnings, kept (bounded, redacted) once for the log
    /// line and the [`ResponseMeta`] both; empty when it has none.
    warnings: Vec<String>,
}

impl fmt::Debug for AnswerParts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnswerParts")
            .field("ok", &self.envelope.ok)
            .finish_non_exhaustive()
    }
}

impl AnswerParts<'_> {
    /// Builds the [`ResponseMeta`] of this answer: what it keeps of the
    /// answer is bounded and never holds the token.
    pub fn meta(&self) -> ResponseMeta {
        self.meta_with(self.warnings.clone())
    }

    /// [`meta`](Self::meta), taking the answer's warnings along instead of
    /// copying them.
    pub fn into_meta(mut self) -> ResponseMeta {
        let warnings = std::mem::take(&mut self.warnings);
        self.meta_with(warnings)
    }

    fn meta_with(&self, warnings: Vec<String>) -> ResponseMeta {
        let header = |name: &str| {
            self.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                // Whole (hyper bounds a header's size), only redacted.
                .map(|v| kept(v, self.token, v.len()))
        };
        ResponseMeta {
            scopes: header("x-oauth-scopes"),
            accepted_scopes: header("x-accepted-oauth-scopes"),
            warnings,
            messages: self.envelope.messages(self.token),
            next_cursor: self
                .envelope
                .response_metadata
                .as_ref()
                .and_then(|m| m.next_cursor.as_deref())
                .filter(|c| !c.is_empty())
                .map(str::to_owned),
        }
    }
}

/// How a declared method's success type is built from the answer.
///
/// Implemented for every `DeserializeOwned` type (decoded straight from the
/// body bytes) and for [`WithMeta<T>`].
pub trait FromSlackBody: Sized {
    /// Decodes the success value from the raw body.
    fn from_slack_body(body: &[u8], parts: AnswerParts<'_>) -> serde_json::Result<Self>;
}

impl<T: DeserializeOwned> FromSlackBody for T {
    #[inline]
    fn from_slack_body(body: &[u8], _: AnswerParts<'_>) -> serde_json::Result<Self> {
        serde_json::from_slice(body)
    }
}

impl<T: DeserializeOwned> FromSlackBody for WithMeta<T> {
    fn from_slack_body(body: &[u8], parts: AnswerParts<'_>) -> serde_json::Result<Self> {
        Ok(WithMeta {
            value: serde_json::from_slice(body)?,
            meta: parts.into_meta(),
        })
    }
}

/// Decodes a 200 answer: the envelope first (a skim that allocates nothing
/// for a plain success), then the success value straight from the bytes.
pub(crate) fn decode<T: FromSlackBody>(
    spec: &'static MethodSpec,
    token: Option<&SlackToken>,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, SlackError> {
    let decode_error = |err: serde_json::Error| SlackError::Decode {
        method: spec.name,
        // serde quotes the offending value, which may be long or hold the token.
        message: kept(&err.to_string(), token, 2 * EXCERPT_LEN),
        body: excerpt(body, token),
    };
    let envelope: Envelope<'_> = serde_json::from_slice(body).map_err(decode_error)?;
    if !envelope.ok {
        // An error keeps a bounded, redacted part of what the answer said.
        return Err(SlackError::Api {
            method: spec.name,
            code: envelope.error.as_deref().map_or_else(
                || "unknown_error".to_owned(),
                |code| kept(code, token, EXCERPT_LEN),
            ),
            needed: envelope
                .needed
                .as_deref()
                .map(|v| kept(v, token, SCOPES_LEN)),
            provided: envelope
                .provided
                .as_deref()
                .map(|v| kept(v, token, SCOPES_LEN)),
            warnings: envelope.warnings(token).into(),
            messages: envelope.messages(token).into(),
        });
    }
    // Built once, for the log line and the answer's `ResponseMeta` both.
    let warnings = if envelope.has_warnings() {
        let warnings = envelope.warnings(token);
        tracing::warn!(method = spec.name, warnings = ?warnings, "Slack sent warnings");
        warnings
    } else {
        Vec::new()
    };
    T::from_slack_body(
        body,
        AnswerParts {
            headers,
            envelope: &envelope,
            token,
            warnings,
        },
    )
    .map_err(decode_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AdminUsersSessionApi, SlackClient};

    /// Both views of an answer's metadata, as a `FromSlackBody` sees them.
    struct BothMetas(ResponseMeta, ResponseMeta);

    impl FromSlackBody for BothMetas {
        fn from_slack_body(_: &[u8], parts: AnswerParts<'_>) -> serde_json::Result<Self> {
            let copied = parts.meta();
            Ok(BothMetas(copied, parts.into_meta()))
        }
    }

    #[test]
    fn warnings_are_split_merged_and_redacted_once_for_every_view() {
        let spec = &<SlackClient as AdminUsersSessionApi>::ADMIN_USERS_SESSION_RESET;
        let token = SlackToken::new("xoxp-warned-secret").unwrap();
        let body = br#"{"ok":true,"warning":"superfluous_charset, xoxp-warned-secret",
            "response_metadata":{"warnings":["missing_charset"],"next_cursor":"c1"}}"#;
        let BothMetas(copied, moved) =
            decode::<BothMetas>(spec, Some(&token), &HeaderMap::new(), body).unwrap();
        assert_eq!(copied, moved);
        assert_eq!(moved.warnings.len(), 3, "{:?}", moved.warnings);
        assert_eq!(moved.warnings[0], "superfluous_charset");
        assert_eq!(moved.warnings[2], "missing_charset");
        assert!(
            !moved.warnings[1].contains("warned-secret"),
            "{:?}",
            moved.warnings
        );
        assert_eq!(moved.next_cursor.as_deref(), Some("c1"));

        let with_meta: WithMeta<DefaultSuccess> =
            decode(spec, Some(&token), &HeaderMap::new(), body).unwrap();
        assert_eq!(with_meta.meta, moved);

        let plain: WithMeta<DefaultSuccess> =
            decode(spec, Some(&token), &HeaderMap::new(), br#"{"ok":true}"#).unwrap();
        assert!(plain.meta.warnings.is_empty());
    }
}
