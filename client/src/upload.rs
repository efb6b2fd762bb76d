//! `upload_file`: Slack's external upload flow in one call.
//!
//! Slack retired `files.upload`; a file now goes up in three steps:
//! `files.getUploadURLExternal` (a URL and a file id), the bytes sent to
//! that URL, then `files.completeUploadExternal` (title, and the channel to
//! share it in). Slack shares the file **asynchronously**: the answer of the
//! last step may not list the share yet. [`UploadFile::wait_until_shared`]
//! polls `files.info` (boundedly) until it does; without it,
//! [`UploadedFile::shared`] only says what was known when the call returned.

#[cfg(any(feature = "hyper", feature = "reqwest"))]
use std::sync::OnceLock;
use std::time::Duration;

use bytes::Bytes;
use serde::Deserialize;

use crate::api::FilesApi;
#[cfg(feature = "hyper")]
use crate::hyper_transport::HyperTransport;
#[cfg(all(feature = "reqwest", not(feature = "hyper")))]
use crate::transport::classify_reqwest;
use crate::{Form, SlackClient, SlackError, SlackToken};

/// What the upload step is called in errors (it is not a Slack method).
pub const UPLOAD_STEP: &str = "files.upload (bytes to the upload URL)";

/// The most bytes of the upload URL's answer that are read.
#[cfg(any(feature = "hyper", feature = "reqwest"))]
const MAX_UPLOAD_ANSWER: usize = 64 * 1024;

/// A file to upload with [`SlackClient::upload_file`].
///
/// ```
/// use std::time::Duration;
/// use slackline::UploadFile;
///
/// let upload = UploadFile::new("report.csv", "a,b\n1,2\n")
///     .title("Weekly report")
///     .channel_id("C0123")
///     .initial_comment("Here it is")
///     .wait_until_shared(Duration::from_secs(10));
/// # let _ = upload;
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct UploadFile {
    filename: String,
    bytes: Bytes,
    title: Option<String>,
    alt_txt: Option<String>,
    snippet_type: Option<String>,
    channel_id: Option<String>,
    thread_ts: Option<String>,
    initial_comment: Option<String>,
    wait: Option<Duration>,
    poll_interval: Duration,
    timeout: Duration,
}

impl std::fmt::Debug for UploadFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadFile")
            .field("filename", &self.filename)
            .field("len", &self.bytes.len())
            .field("channel_id", &self.channel_id)
            .field("wait", &self.wait)
            .finish_non_exhaustive()
    }
}

impl UploadFile {
    /// `bytes` under the name `filename`, shared nowhere (see
    /// [`channel_id`](Self::channel_id)).
    pub fn new(filename: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        UploadFile {
            filename: filename.into(),
            bytes: bytes.into(),
            title: None,
            alt_txt: None,
            snippet_type: None,
            channel_id: None,
            thread_ts: None,
            initial_comment: None,
            wait: None,
            poll_interval: Duration::from_secs(1),
            timeout: Duration::from_secs(120),
        }
    }

    /// The file's title (default: Slack uses the file name).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// A description of an image, for screen readers.
    pub fn alt_txt(mut self, alt_txt: impl Into<String>) -> Self {
        self.alt_txt = Some(alt_txt.into());
        self
    }

    /// The syntax type of a snippet (`"python"`, `"text"`, ...).
    pub fn snippet_type(mut self, snippet_type: impl Into<String>) -> Self {
        self.snippet_type = Some(snippet_type.into());
        self
    }

    /// The channel to share the file in.
    pub fn channel_id(mut self, channel_id: impl Into<String>) -> Self {
        self.channel_id = Some(channel_id.into());
        self
    }

    /// Share as a reply in this thread (with [`channel_id`](Self::channel_id)).
    pub fn thread_ts(mut self, thread_ts: impl Into<String>) -> Self {
        self.thread_ts = Some(thread_ts.into());
        self
    }

    /// The message posted with the file.
    pub fn initial_comment(mut self, comment: impl Into<String>) -> Self {
        self.initial_comment = Some(comment.into());
        self
    }

    /// After completing, poll `files.info` until the file is shared, for at
    /// most `max_wait` (one call per [`poll_interval`](Self::poll_interval)).
    pub fn wait_until_shared(mut self, max_wait: Duration) -> Self {
        self.wait = Some(max_wait);
        self
    }

    /// The pause between two `files.info` polls (default 1 s, at least 10 ms).
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.poll_interval = interval.max(Duration::from_millis(10));
        self
    }

    /// The time limit of the upload step (default 120 s); the Slack calls
    /// keep the client's own timeouts.
    pub fn upload_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }
}

/// A file uploaded by [`SlackClient::upload_file`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct UploadedFile {
    /// The file's id (`F…`).
    pub id: String,
    /// The file object of the last answer that carried one
    /// (`files.completeUploadExternal`, or the last `files.info` poll).
    pub file: serde_json::Value,
    /// Whether that file object lists a share (`shares`, `channels`,
    /// `groups` or `ims`). Without [`UploadFile::wait_until_shared`] this is
    /// often `false` even though Slack shares the file moments later.
    pub shared: bool,
    /// `files.info` calls made while waiting.
    pub polls: u32,
}

#[derive(Deserialize)]
struct UploadUrl {
    upload_url: String,
    file_id: String,
}

#[derive(Deserialize)]
struct Completed {
    #[serde(default)]
    files: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct Info {
    #[serde(default)]
    file: serde_json::Value,
}

/// Whether a file object lists a share.
fn is_shared(file: &serde_json::Value) -> bool {
    let non_empty = |key: &str| match file.get(key) {
        Some(serde_json::Value::Object(map)) => map.values().any(|v| match v {
            serde_json::Value::Object(inner) => !inner.is_empty(),
            _ => true,
        }),
        Some(serde_json::Value::Array(list)) => !list.is_empty(),
        _ => false,
    };
    ["shares", "channels", "groups", "ims"]
        .into_iter()
        .any(non_empty)
}

/// The upload URL's host must be reached over TLS unless it is this machine
/// (the emulator's URL is on the emulator itself). Parsed with `http::Uri`,
/// as the transport dials it.
fn check_upload_url(raw: &str) -> Result<String, SlackError> {
    let invalid = |message: String| SlackError::InvalidInput {
        method: Some("files.getUploadURLExternal"),
        message,
    };
    let uri: http::Uri = raw
        .parse()
        .map_err(|e| invalid(format!("the upload URL Slack returned is not a URL: {e}")))?;
    let loopback = uri.host().is_some_and(crate::client::is_loopback);
    match uri.scheme_str() {
        Some("https") if uri.host().is_some() => Ok(raw.to_owned()),
        Some("http") if loopback => Ok(raw.to_owned()),
        _ => Err(invalid(
            "the upload URL must be https (plain http only to this machine)".to_owned(),
        )),
    }
}

#[cfg(any(feature = "hyper", feature = "reqwest"))]
fn transport(kind: crate::TransportErrorKind, message: impl Into<String>) -> SlackError {
    SlackError::Transport {
        method: UPLOAD_STEP,
        kind,
        message: message.into(),
    }
}

/// The bytes go to a URL of Slack's choosing, not the client's base URL.
/// A client on the built-in transport sends them on its own pool (with its
/// roots); one given a custom transport shares this one.
#[cfg(feature = "hyper")]
fn upload_http() -> Result<&'static HyperTransport, SlackError> {
    static CLIENT: OnceLock<Result<HyperTransport, String>> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            let mut headers = http::HeaderMap::new();
            headers.insert(
                http::header::USER_AGENT,
                http::HeaderValue::from_static(concat!("slackline/", env!("CARGO_PKG_VERSION"))),
            );
            HyperTransport::new(
                "",
                headers,
                crate::DEFAULT_CONNECT_TIMEOUT,
                crate::DEFAULT_POOL_IDLE_TIMEOUT,
                &[],
            )
        })
        .as_ref()
        .map_err(|e| transport(crate::TransportErrorKind::Other, e.clone()))
}

/// Sends the bytes; Slack answers `200 OK - <length>`.
#[cfg(feature = "hyper")]
async fn send_bytes(
    client: &SlackClient,
    url: String,
    upload: &UploadFile,
) -> Result<(), SlackError> {
    let http = match client.hyper_transport() {
        Some(own) => own,
        None => upload_http()?,
    };
    let answer = http
        .send(
            http::Method::POST,
            &url,
            None,
            Some(http::HeaderValue::from_static("application/octet-stream")),
            upload.bytes.clone(),
            upload.timeout,
            MAX_UPLOAD_ANSWER,
        )
        .await
        .map_err(|e| transport(e.kind, "the upload did not complete"))?;
    if answer.status == 200 {
        return Ok(());
    }
    Err(SlackError::Http {
        method: UPLOAD_STEP,
        status: answer.status,
        retry_after: None,
        body: crate::error::excerpt(&answer.body, None),
    })
}

#[cfg(not(any(feature = "hyper", feature = "reqwest")))]
async fn send_bytes(
    _client: &SlackClient,
    _url: String,
    _upload: &UploadFile,
) -> Result<(), SlackError> {
    Err(SlackError::InvalidInput {
        method: Some(UPLOAD_STEP),
        message: "slackline was built without an HTTP transport (its `hyper` and `reqwest` features are off)".to_owned(),
    })
}

#[cfg(all(feature = "reqwest", not(feature = "hyper")))]
fn upload_http() -> Result<&'static reqwest::Client, SlackError> {
    // A client that failed to build is an error, never a default one that follows redirects.
    static CLIENT: OnceLock<Result<reqwest::Client, String>> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            reqwest::Client::builder()
                .user_agent(concat!("slackline/", env!("CARGO_PKG_VERSION")))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(|e| format!("cannot set up the upload client: {e}"))
        })
        .as_ref()
        .map_err(|e| transport(crate::TransportErrorKind::Other, e.clone()))
}

/// Sends the bytes; Slack answers `200 OK - <length>`.
#[cfg(all(feature = "reqwest", not(feature = "hyper")))]
async fn send_bytes(
    client: &SlackClient,
    url: String,
    upload: &UploadFile,
) -> Result<(), SlackError> {
    let http = match client.reqwest_client() {
        Some(own) => own,
        None => upload_http()?,
    };
    let mut response = http
        .post(url)
        .header(http::header::CONTENT_TYPE, "application/octet-stream")
        .timeout(upload.timeout)
        .body(upload.bytes.clone())
        .send()
        .await
        .map_err(|e| transport(classify_reqwest(&e), "the upload did not complete"))?;
    let status = response.status().as_u16();
    // The client's capped reader: an answer over the cap is an error, not a truncation.
    let body = crate::client::read_body(&mut response, MAX_UPLOAD_ANSWER)
        .await
        .map_err(|e| transport(e.kind, "the upload's answer did not complete"))?;
    if status == 200 {
        return Ok(());
    }
    Err(SlackError::Http {
        method: UPLOAD_STEP,
        status,
        retry_after: None,
        body: crate::error::excerpt(&body, None),
    })
}

impl SlackClient {
    /// Uploads a file: `files.getUploadURLExternal`, the bytes to the URL it
    /// returns, `files.completeUploadExternal` (with the title, channel,
    /// thread and comment given); then, with
    /// [`UploadFile::wait_until_shared`], `files.info` until the file lists a
    /// share or the wait is over (the result says which).
    ///
    /// Needs the `files:write` scope (`files:read` too for the wait).
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use slackline::{SlackClient, SlackToken, UploadFile};
    ///
    /// # async fn run() -> Result<(), slackline::SlackError> {
    /// let client = SlackClient::new();
    /// let token = SlackToken::from_env("SLACK_TOKEN")?;
    /// let file = client
    ///     .upload_file(
    ///         &token,
    ///         UploadFile::new("hello.txt", "hello")
    ///             .channel_id("C0123")
    ///             .wait_until_shared(Duration::from_secs(10)),
    ///     )
    ///     .await?;
    /// println!("{} shared: {}", file.id, file.shared);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Each step's error as [`SlackError`]; the upload step's errors name
    /// [`UPLOAD_STEP`] as their method. An upload URL that is not `https`
    /// (or `http` to this machine) is refused with
    /// [`SlackError::InvalidInput`] before any byte is sent. The upload step
    /// goes straight over the network (not through a custom
    /// [`Transport`](crate::transport::Transport)).
    pub async fn upload_file(
        &self,
        token: &SlackToken,
        upload: UploadFile,
    ) -> Result<UploadedFile, SlackError> {
        let mut form = Form::default();
        form.push("filename", &upload.filename);
        form.push("length", &upload.bytes.len().to_string());
        if let Some(alt) = &upload.alt_txt {
            form.push("alt_txt", alt);
        }
        if let Some(kind) = &upload.snippet_type {
            form.push("snippet_type", kind);
        }
        let target: UploadUrl = crate::__private::call(
            self,
            &<SlackClient as FilesApi>::FILES_GET_UPLOAD_URL_EXTERNAL,
            token,
            form,
        )
        .await?;
        send_bytes(self, check_upload_url(&target.upload_url)?, &upload).await?;

        let title = upload.title.as_deref().unwrap_or(&upload.filename);
        let files = serde_json::json!([{ "id": target.file_id, "title": title }]);
        let mut form = Form::default();
        crate::encode_json(&files, "files", &mut form);
        for (name, value) in [
            ("channel_id", &upload.channel_id),
            ("thread_ts", &upload.thread_ts),
            ("initial_comment", &upload.initial_comment),
        ] {
            if let Some(value) = value {
                form.push(name, value);
            }
        }
        let completed: Completed = crate::__private::call(
            self,
            &<SlackClient as FilesApi>::FILES_COMPLETE_UPLOAD_EXTERNAL,
            token,
            form,
        )
        .await?;
        let mut file = completed
            .files
            .into_iter()
            .find(|f| f.get("id").and_then(|id| id.as_str()) == Some(target.file_id.as_str()))
            .unwrap_or(serde_json::Value::Null);
        let mut shared = is_shared(&file);
        let mut polls = 0;
        if let (Some(max_wait), false) = (upload.wait, shared) {
            // Bounded by time: at least one poll, each cut off when `max_wait` runs out
            // (a poll is a whole call, with its own retries and pacing).
            let until = tokio::time::Instant::now() + max_wait;
            while !shared {
                if polls > 0 {
                    let left = until.saturating_duration_since(tokio::time::Instant::now());
                    if left <= upload.poll_interval {
                        break;
                    }
                    tokio::time::sleep(upload.poll_interval).await;
                }
                let mut form = Form::default();
                form.push("file", &target.file_id);
                let poll = crate::__private::call::<Info>(
                    self,
                    &<SlackClient as FilesApi>::FILES_INFO,
                    token,
                    form,
                );
                let Ok(info) = tokio::time::timeout_at(until, poll).await else {
                    break;
                };
                let info = info?;
                polls += 1;
                if !info.file.is_null() {
                    file = info.file;
                }
                shared = is_shared(&file);
            }
        }
        Ok(UploadedFile {
            id: target.file_id,
            file,
            shared,
            polls,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_read_from_any_list() {
        assert!(!is_shared(&serde_json::json!({"id": "F1"})));
        assert!(!is_shared(
            &serde_json::json!({"shares": {}, "channels": []})
        ));
        assert!(!is_shared(&serde_json::json!({"shares": {"public": {}}})));
        assert!(is_shared(
            &serde_json::json!({"shares": {"public": {"C1": [{"ts": "1"}]}}})
        ));
        assert!(is_shared(&serde_json::json!({"channels": ["C1"]})));
    }

    #[test]
    fn upload_urls_need_tls_off_this_machine() {
        assert!(check_upload_url("https://files.slack.com/upload/v1/abc").is_ok());
        assert!(check_upload_url("http://127.0.0.1:3000/upload/F1").is_ok());
        assert!(check_upload_url("http://[::1]:3000/upload/F1").is_ok());
        assert!(check_upload_url("http://localhost/upload").is_ok());
        assert!(check_upload_url("http://files.slack.com/upload").is_err());
        assert!(check_upload_url("ftp://127.0.0.1/x").is_err());
        assert!(check_upload_url("not a url").is_err());
    }
}
