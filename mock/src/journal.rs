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
    /// Approximate heap footprint, for the journal's byte budget.
    fn approx_bytes(&self) -> usize {
        const PER_ITEM: usize = 64; // String/Vec headers, map slots
        let args: usize = self
            .args
            .iter()
            .map(|(k, v)| k.len() + v.len() + PER_ITEM)
            .sum();
        let headers: usize = self
            .headers
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len() + PER_ITEM)
            .sum();
        std::mem::size_of::<Recorded>() + self.method.len() + args + headers
    }

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

#[derive(Debug, Default)]
struct Ring {
    /// Entries with their approximate size.
    entries: VecDeque<(usize, Recorded)>,
    bytes: usize,
}

/// Bounded twice: by entry count and by approximate bytes (the oldest go first).
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
        // Measured outside the lock.
        let size = entry.approx_bytes();
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
