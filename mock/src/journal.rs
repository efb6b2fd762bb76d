//! The request journal: a bounded ring buffer of everything the mock received.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::SystemTime;

use http::header::{AUTHORIZATION, CONTENT_TYPE};
use http::{HeaderMap, Method};

/// One received request (also rejected and faulted ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// The part of the path after `/api/` (the raw path if it did not start with `/api/`).
    pub method: String,
    /// Arguments from the query string, the form body or the JSON body (non-string JSON
    /// values flattened to their JSON text, `null` dropped), in received order. A `token`
    /// argument is kept with its value replaced by `"<redacted>"`.
    pub args: Vec<(String, String)>,
    /// Request headers, names in lower case, without `Authorization`.
    pub headers: Vec<(String, String)>,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// When the request was received.
    pub received_at: SystemTime,
    /// `GET`, `POST`, ...
    pub http_method: String,
    /// Whether a token came with the request (Bearer header or `token` argument).
    pub token_present: bool,
}

/// What the request path stores: cheap to build (the header map is moved, not copied);
/// turned into a [`JournalEntry`] only when the journal is read.
#[derive(Debug)]
pub(crate) struct Recorded {
    pub(crate) method: String,
    pub(crate) args: Vec<(String, String)>,
    /// Without `Authorization` (removed before recording).
    pub(crate) headers: HeaderMap,
    pub(crate) received_at: SystemTime,
    pub(crate) http_method: Method,
    pub(crate) token_present: bool,
}

impl Recorded {
    fn to_entry(&self) -> JournalEntry {
        JournalEntry {
            method: self.method.clone(),
            args: self.args.clone(),
            headers: self
                .headers
                .iter()
                .filter(|(k, _)| *k != AUTHORIZATION)
                .map(|(k, v)| {
                    let v = String::from_utf8_lossy(v.as_bytes()).into_owned();
                    (k.as_str().to_owned(), v)
                })
                .collect(),
            content_type: self
                .headers
                .get(CONTENT_TYPE)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()),
            received_at: self.received_at,
            http_method: self.http_method.as_str().to_owned(),
            token_present: self.token_present,
        }
    }
}

#[derive(Debug)]
pub(crate) struct Journal {
    capacity: usize,
    entries: Mutex<VecDeque<Recorded>>,
}

impl Journal {
    pub(crate) fn new(capacity: usize) -> Journal {
        Journal {
            capacity,
            entries: Mutex::new(VecDeque::new()),
        }
    }

    pub(crate) fn enabled(&self) -> bool {
        self.capacity > 0
    }

    pub(crate) fn push(&self, entry: Recorded) {
        if self.capacity == 0 {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= self.capacity {
            entries.pop_front();
        }
        entries.push_back(entry);
    }

    pub(crate) fn snapshot(&self) -> Vec<JournalEntry> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.iter().map(Recorded::to_entry).collect()
    }

    pub(crate) fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}
