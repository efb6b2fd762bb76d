//! An answer of the emulator before it goes on the wire, and how it gets there (the
//! scope headers every answer carries).

use bytes::Bytes;
use http::header::{CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderName, HeaderValue, Response, StatusCode};
use http_body_util::Full;

use crate::catalog::MethodSpec;
use crate::org::TokenInfo;

static X_OAUTH_SCOPES: HeaderName = HeaderName::from_static("x-oauth-scopes");
static X_ACCEPTED_OAUTH_SCOPES: HeaderName = HeaderName::from_static("x-accepted-oauth-scopes");
const JSON_UTF8: HeaderValue = HeaderValue::from_static("application/json; charset=utf-8");
const HTML_UTF8: HeaderValue = HeaderValue::from_static("text/html; charset=utf-8");
const TEXT_UTF8: HeaderValue = HeaderValue::from_static("text/plain; charset=utf-8");

/// An answer before the per-token headers are added.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) body: Bytes,
    pub(crate) html: bool,
    pub(crate) retry_after: Option<u64>,
    pub(crate) allow: Option<&'static str>,
    /// Text instead of JSON (the upload endpoint's `OK - <bytes>`).
    pub(crate) text: bool,
}

impl Reply {
    pub(crate) fn json(status: StatusCode, body: impl Into<Bytes>) -> Reply {
        Reply {
            status,
            body: body.into(),
            html: false,
            retry_after: None,
            allow: None,
            text: false,
        }
    }

    /// `{"ok":true}`.
    pub(crate) fn ok() -> Reply {
        Reply::json(StatusCode::OK, Bytes::from_static(b"{\"ok\":true}"))
    }

    pub(crate) fn ok_value(value: &serde_json::Value) -> Reply {
        Reply::json(
            StatusCode::OK,
            serde_json::to_vec(value).unwrap_or_else(|_| b"{\"ok\":true}".to_vec()),
        )
    }

    /// `{"ok":false,"error":code}` with HTTP 200. `code` must not need JSON escaping.
    pub(crate) fn error(code: &str) -> Reply {
        Reply::error_status(StatusCode::OK, code)
    }

    pub(crate) fn error_status(status: StatusCode, code: &str) -> Reply {
        Reply::json(status, format!(r#"{{"ok":false,"error":"{code}"}}"#))
    }

    /// `invalid_arguments` with one `response_metadata.messages` entry per problem.
    pub(crate) fn invalid_arguments(messages: Vec<String>) -> Reply {
        Reply::ok_value(&serde_json::json!({
            "ok": false,
            "error": "invalid_arguments",
            "response_metadata": { "messages": messages },
        }))
    }

    /// Adds Slack's body warning (`warning` and `response_metadata.warnings`) to a JSON
    /// object answer; other answers are left alone.
    pub(crate) fn with_warning(mut self, warning: &str) -> Reply {
        if self.html || self.text {
            return self;
        }
        let Ok(serde_json::Value::Object(mut map)) =
            serde_json::from_slice::<serde_json::Value>(&self.body)
        else {
            return self;
        };
        let joined = match map.get("warning").and_then(|w| w.as_str()) {
            Some(w) if !w.is_empty() => format!("{w},{warning}"),
            _ => warning.to_owned(),
        };
        map.insert("warning".to_owned(), joined.into());
        let meta = map
            .entry("response_metadata")
            .or_insert_with(|| serde_json::json!({}));
        if let Some(meta) = meta.as_object_mut() {
            let list = meta
                .entry("warnings")
                .or_insert_with(|| serde_json::json!([]));
            if let Some(list) = list.as_array_mut() {
                list.push(warning.into());
            }
        }
        if let Ok(body) = serde_json::to_vec(&map) {
            self.body = Bytes::from(body);
        }
        self
    }

    pub(crate) fn rate_limited(retry_after: u64) -> Reply {
        let mut r = Reply::error_status(StatusCode::TOO_MANY_REQUESTS, "ratelimited");
        r.retry_after = Some(retry_after);
        r
    }

    pub(crate) fn into_response(
        self,
        token: Option<&TokenInfo>,
        spec: Option<&MethodSpec>,
    ) -> Response<Full<Bytes>> {
        let mut resp = Response::new(Full::new(self.body));
        *resp.status_mut() = self.status;
        let h = resp.headers_mut();
        h.insert(
            CONTENT_TYPE,
            if self.html {
                HTML_UTF8
            } else if self.text {
                TEXT_UTF8
            } else {
                JSON_UTF8
            },
        );
        // On every answer, as Slack sends them: empty when the token or the
        // method is not known.
        let empty = HeaderValue::from_static("");
        h.insert(
            X_OAUTH_SCOPES.clone(),
            token.map_or_else(|| empty.clone(), |t| t.scopes_header.clone()),
        );
        h.insert(
            X_ACCEPTED_OAUTH_SCOPES.clone(),
            spec.map_or(empty, |s| s.accepted_header.clone()),
        );
        if let Some(secs) = self.retry_after {
            h.insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        if let Some(allow) = self.allow {
            h.insert(http::header::ALLOW, HeaderValue::from_static(allow));
        }
        resp
    }
}
