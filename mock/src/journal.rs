//! The request journal: a bounded ring buffer of everything the mock received.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::SystemTime;

use http::header::{AUTHORIZATION, CONTENT_TYPE, COOKIE, PROXY_AUTHORIZATION};
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

/// What the request path hands the journal: cheap to build (the header map is moved,
/// not copied).
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

/// What the journal keeps of a request: only owned copies, sized to fit. A header value
/// taken from hyper shares (and so keeps alive) the connection's whole read buffer, up to
/// 64 KiB with the body that came with it; the headers are therefore copied into one
/// buffer, `name:value` lines. Turned into a [`JournalEntry`] only when the journal is read.
#[derive(Debug)]
struct Stored {
    method: Box<str>,
    args: Box<[(Box<str>, Box<str>)]>,
    /// `name:value\n` for each header, names in lower case, values as sent (header
    /// values cannot hold a line feed).
    headers: Box<[u8]>,
    received_at: SystemTime,
    http_method: Method,
    token_present: bool,
}

/// What a heap block of `len` bytes really takes, as glibc's malloc lays it out: an
/// 8-byte header, rounded up to 16 bytes, 32 at least (other allocators are no
/// thriftier for small blocks).
fn heap(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        (len.saturating_add(8 + 15) & !15).max(32)
    }
}

/// Arguments that carry a secret (OAuth client secrets, codes and refresh
/// tokens): the journal keeps their name, never their value.
const SECRET_ARGS: &[&str] = &[
    "token",
    "client_secret",
    "code",
    "refresh_token",
    "assertion",
];

/// Headers that carry a secret: not kept at all.
const SECRET_HEADERS: [http::HeaderName; 3] = [AUTHORIZATION, PROXY_AUTHORIZATION, COOKIE];

/// What the journal keeps of a secret argument's value.
pub(crate) const REDACTED: &str = "<redacted>";

impl Stored {
    fn new(recorded: Recorded) -> Stored {
        let mut headers = Vec::with_capacity(
            recorded
                .headers
                .iter()
                .map(|(k, v)| k.as_str().len() + v.len() + 2)
                .sum(),
        );
        for (name, value) in &recorded.headers {
            if SECRET_HEADERS.contains(name) {
                continue;
            }
            headers.extend_from_slice(name.as_str().as_bytes());
            headers.push(b':');
            headers.extend_from_slice(value.as_bytes());
            headers.push(b'\n');
        }
        Stored {
            method: recorded.method.into_boxed_str(),
            args: recorded
                .args
                .into_iter()
                .map(|(k, v)| {
                    let v = if SECRET_ARGS.contains(&k.as_str()) {
                        REDACTED.into()
                    } else {
                        v.into_boxed_str()
                    };
                    (k.into_boxed_str(), v)
                })
                .collect(),
            headers: headers.into_boxed_slice(),
            received_at: recorded.received_at,
            http_method: recorded.http_method,
            token_present: recorded.token_present,
        }
    }

    /// The heap this entry holds, every block counted (the journal's byte budget).
    fn heap_bytes(&self) -> usize {
        let args: usize = self
            .args
            .iter()
            .map(|(k, v)| heap(k.len()) + heap(v.len()))
            .sum();
        // A method other than the standard ones is a heap copy of its name.
        let http_method = match self.http_method {
            Method::GET
            | Method::POST
            | Method::PUT
            | Method::DELETE
            | Method::HEAD
            | Method::OPTIONS
            | Method::PATCH
            | Method::TRACE
            | Method::CONNECT => 0,
            ref other => heap(other.as_str().len()),
        };
        heap(self.method.len())
            + heap(self.args.len() * std::mem::size_of::<(Box<str>, Box<str>)>())
            + args
            + heap(self.headers.len())
            + http_method
    }

    fn headers(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        self.headers
            .split(|b| *b == b'\n')
            .filter(|line| !line.is_empty())
            .filter_map(|line| {
                let colon = line.iter().position(|b| *b == b':')?;
                Some((&line[..colon], &line[colon + 1..]))
            })
    }

    fn to_entry(&self) -> JournalEntry {
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        JournalEntry {
            method: self.method.to_string(),
            args: self
                .args
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            headers: self.headers().map(|(k, v)| (text(k), text(v))).collect(),
            content_type: self
                .headers()
                .find(|(k, _)| *k == CONTENT_TYPE.as_str().as_bytes())
                .map(|(_, v)| text(v)),
            received_at: self.received_at,
            http_method: self.http_method.as_str().to_owned(),
            token_present: self.token_present,
        }
    }
}

#[derive(Debug, Default)]
struct Ring {
    /// Entries with their size.
    entries: VecDeque<(usize, Stored)>,
    bytes: usize,
}

/// Bounded twice: by entry count and by bytes (the oldest go first). An entry's bytes are
/// its own size plus every heap block it holds, so the budget is what the journal really
/// retains.
#[derive(Debug)]
pub(crate) struct Journal {
    capacity: usize,
    max_bytes: usize,
    ring: Mutex<Ring>,
}

impl Journal {
    pub(crate) fn new(capacity: usize, max_bytes: usize) -> Journal {
        Journal {
            capacity,
            max_bytes,
            ring: Mutex::new(Ring::default()),
        }
    }

    pub(crate) fn enabled(&self) -> bool {
        self.capacity > 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Ring> {
        self.ring.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn push(&self, entry: Recorded) {
        if self.capacity == 0 {
            return;
        }
        // Copied and measured outside the lock.
        let entry = Stored::new(entry);
        let size = std::mem::size_of::<(usize, Stored)>() + entry.heap_bytes();
        let mut ring = self.lock();
        while let Some((front, _)) = ring.entries.front() {
            let over_count = ring.entries.len() >= self.capacity;
            let over_bytes = ring.bytes.saturating_add(size) > self.max_bytes;
            if !(over_count || over_bytes) {
                break;
            }
            let front = *front;
            ring.bytes -= front;
            ring.entries.pop_front();
        }
        ring.bytes += size;
        ring.entries.push_back((size, entry));
    }

    pub(crate) fn snapshot(&self) -> Vec<JournalEntry> {
        let ring = self.lock();
        let mut out = Vec::with_capacity(ring.entries.len());
        out.extend(ring.entries.iter().map(|(_, r)| r.to_entry()));
        out
    }

    pub(crate) fn clear(&self) {
        let mut ring = self.lock();
        ring.entries.clear();
        ring.bytes = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(arg_len: usize) -> Recorded {
        Recorded {
            method: "api.test".to_owned(),
            args: vec![("a".to_owned(), "x".repeat(arg_len))],
            headers: HeaderMap::new(),
            received_at: SystemTime::now(),
            http_method: Method::POST,
            token_present: false,
        }
    }

    #[test]
    fn secrets_are_not_kept() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, "d=xoxd-cookie-secret".parse().unwrap());
        headers.insert(
            PROXY_AUTHORIZATION,
            "Basic cHJveHk6c2VjcmV0".parse().unwrap(),
        );
        headers.insert(http::header::USER_AGENT, "sdk".parse().unwrap());
        let stored = Stored::new(Recorded {
            method: "oauth.v2.access".to_owned(),
            args: vec![
                ("client_id".to_owned(), "123.456".to_owned()),
                ("client_secret".to_owned(), "s3cr3t-client".to_owned()),
                ("code".to_owned(), "one-time-code".to_owned()),
                ("refresh_token".to_owned(), "xoxe-1-refresh".to_owned()),
            ],
            headers,
            received_at: SystemTime::now(),
            http_method: Method::POST,
            token_present: false,
        });
        let entry = stored.to_entry();
        let shown = format!("{entry:?}");
        for secret in ["s3cr3t", "one-time", "xoxe-1", "cookie-secret", "cHJveHk6"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("123.456") && shown.contains("client_secret"));
        assert_eq!(entry.headers.len(), 1, "{:?}", entry.headers);
    }

    #[test]
    fn blocks_are_counted_as_the_allocator_lays_them_out() {
        assert_eq!(heap(0), 0);
        assert_eq!(heap(1), 32);
        assert_eq!(heap(24), 32);
        assert_eq!(heap(25), 48);
        assert_eq!(heap(1000), 1008);
        // A small request: method, two arguments, a few headers.
        let mut headers = HeaderMap::new();
        headers.insert(
            CONTENT_TYPE,
            "application/x-www-form-urlencoded".parse().unwrap(),
        );
        headers.insert(http::header::USER_AGENT, "slackline/0.1.0".parse().unwrap());
        headers.insert(AUTHORIZATION, "Bearer xoxp-secret".parse().unwrap());
        let stored = Stored::new(Recorded {
            method: "admin.users.session.reset".to_owned(),
            args: vec![("user_id".to_owned(), "U0ALICE".to_owned())],
            headers,
            received_at: SystemTime::now(),
            http_method: Method::POST,
            token_present: true,
        });
        let size = std::mem::size_of::<(usize, Stored)>() + stored.heap_bytes();
        assert!((150..400).contains(&size), "{size}");
        let entry = stored.to_entry();
        assert_eq!(entry.headers.len(), 2, "{:?}", entry.headers);
        assert!(!format!("{entry:?}").contains("secret"));
        assert_eq!(
            entry.content_type.as_deref(),
            Some("application/x-www-form-urlencoded")
        );
    }

    #[test]
    fn count_and_byte_bounds() {
        let j = Journal::new(3, usize::MAX);
        for _ in 0..10 {
            j.push(rec(1));
        }
        assert_eq!(j.snapshot().len(), 3);

        // 1 MiB arguments under a 3.5 MiB budget: at most 3 kept.
        let j = Journal::new(1000, 3 * 1024 * 1024 + 512 * 1024);
        for _ in 0..20 {
            j.push(rec(1024 * 1024));
        }
        assert_eq!(j.snapshot().len(), 3);
        assert!(j.lock().bytes <= 3 * 1024 * 1024 + 512 * 1024);
        // An entry larger than the whole budget is still kept (alone).
        j.push(rec(8 * 1024 * 1024));
        assert_eq!(j.snapshot().len(), 1);
        j.push(rec(1));
        assert_eq!(j.snapshot().len(), 1);
        j.clear();
        assert!(j.snapshot().is_empty());
        assert_eq!(j.lock().bytes, 0);
    }
}
