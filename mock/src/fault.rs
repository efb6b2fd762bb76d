//! Faults injected on demand.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A misbehaviour to inject with [`MockSlack::inject_fault`](crate::MockSlack::inject_fault).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answer with this HTTP status and a Slack-like JSON body
    /// (`{"ok":false,"error":"internal_error"}` for 500, `"service_unavailable"` for 503,
    /// `"request_timeout"` for 504, `"http_<status>"` otherwise; 429 also carries
    /// `Retry-After: 1`). Invalid and informational (1xx) status codes become 500.
    Status(u16),
    /// Wait this long, then process the request normally.
    Delay(Duration),
    /// HTTP 200 with an HTML body (`text/html`), like a proxy's error page.
    NonJson,
    /// Close the connection without sending any response.
    Drop,
    /// HTTP 429 with `Retry-After: <retry_after_secs>` and `{"ok":false,"error":"ratelimited"}`.
    RateLimited {
        /// Value of the `Retry-After` header.
        retry_after_secs: u64,
    },
}

#[derive(Debug)]
struct Pending {
    method: String,
    fault: Fault,
    remaining: usize,
}

#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    armed: AtomicUsize,
    pending: Mutex<Vec<Pending>>,
}

impl FaultQueue {
    pub(crate) fn inject(&self, method: &str, fault: Fault, times: usize) {
        if times == 0 {
            return;
        }
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        pending.push(Pending {
            method: method.to_owned(),
            fault,
            remaining: times,
        });
        self.armed.store(pending.len(), Ordering::Release);
    }

    /// The fault for this answer of `method`, if one is pending (oldest injection first).
    pub(crate) fn take(&self, method: &str) -> Option<Fault> {
        if self.armed.load(Ordering::Acquire) == 0 {
            return None;
        }
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        let i = pending
            .iter()
            .position(|p| p.method == method || p.method == "*")?;
        let p = &mut pending[i];
        p.remaining -= 1;
        let fault = p.fault.clone();
        if p.remaining == 0 {
            pending.remove(i);
        }
        self.armed.store(pending.len(), Ordering::Release);
        Some(fault)
    }
}
