//! Following Slack's cursors, page by page.
//!
//! Slack's list methods take `cursor` (and `limit`) and answer with
//! `response_metadata.next_cursor`, empty on the last page. [`paginate`]
//! drives any declared method through all of its pages:
//!
//! ```no_run
//! use slackline::{paginate, slack_method, SlackClient, SlackError, SlackToken, WithMeta};
//!
//! #[derive(serde::Deserialize)]
//! pub struct Sessions {
//!     pub active_sessions: Vec<serde_json::Value>,
//! }
//!
//! pub trait SessionList {
//!     #[slack_method("admin.users.session.list", scope = "admin.users:read", tier = 2)]
//!     async fn list(&self, token: &SlackToken, limit: Option<u32>, cursor: Option<&str>)
//!         -> Result<WithMeta<Sessions>, SlackError>;
//! }
//! impl SessionList for SlackClient {}
//!
//! # async fn run(client: &SlackClient, token: &SlackToken) -> Result<(), SlackError> {
//! let mut pages = paginate(|cursor| async move { client.list(token, Some(200), cursor.as_deref()).await });
//! while let Some(page) = pages.next_page().await {
//!     for session in &page?.active_sessions {
//!         println!("{session}");
//!     }
//! }
//! # Ok(()) }
//! ```

use std::collections::HashSet;
use std::future::Future;
use std::hash::{Hash, Hasher};

use crate::items::MAX_EMPTY_PAGES;
use crate::{DefaultSuccess, SlackError, WithMeta};

/// A page that says where the next one starts.
pub trait Paginated {
    /// `response_metadata.next_cursor`; `None` or empty on the last page.
    fn next_cursor(&self) -> Option<&str>;
}

impl<T> Paginated for WithMeta<T> {
    fn next_cursor(&self) -> Option<&str> {
        self.meta.next_cursor.as_deref()
    }
}

impl Paginated for DefaultSuccess {
    fn next_cursor(&self) -> Option<&str> {
        self.extra
            .get("response_metadata")
            .and_then(|m| m.get("next_cursor"))
            .and_then(|c| c.as_str())
    }
}

/// Pages of a cursor-paginated method; see [`paginate`].
#[derive(Debug)]
pub struct Pages<F> {
    fetch: F,
    walk: Walk,
}

/// Calls `fetch` with no cursor, then with each page's `next_cursor` until
/// a page has none. A failed call ends the pages after returning its error;
/// a cursor that was already followed ends them too (with an error), so a
/// misbehaving server cannot keep a loop going round. A call dropped before
/// it answered (a timeout around [`next_page`](Pages::next_page)) is made
/// again, with the same cursor, by the next `next_page`.
pub fn paginate<F, Fut, T>(fetch: F) -> Pages<F>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<T, SlackError>>,
    T: Paginated,
{
    Pages {
        fetch,
        walk: Walk::pages(),
    }
}

/// Where a walk through a cursor method's pages stands, for [`Pages`] and
/// [`Items`](crate::Items) both: the cursor of the next page, the cursors
/// already followed (a cycle ends the walk), the pages fetched, and for an
/// item stream the run of pages that held no item (at most
/// [`MAX_EMPTY_PAGES`]).
#[derive(Debug)]
pub(crate) struct Walk {
    /// The method walked, when known, named by the walk's errors.
    method: Option<&'static str>,
    /// The list field of an item stream, whose empty pages are skipped.
    field: Option<&'static str>,
    next: Next,
    /// Hashes of every cursor followed, so a server going round in a cycle
    /// of cursors is caught on its way round.
    seen: HashSet<u64>,
    pages: usize,
    empty_run: usize,
}

#[derive(Debug)]
enum Next {
    /// The first page, with the cursor to start from, if any.
    First(Option<String>),
    /// A later page.
    Cursor(String),
    /// The last page was fetched, or the walk was stopped.
    Done,
}

fn hash(cursor: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    cursor.hash(&mut hasher);
    hasher.finish()
}

impl Walk {
    /// A walk handing out whole pages, from the first.
    pub(crate) fn pages() -> Self {
        Walk {
            method: None,
            field: None,
            next: Next::First(None),
            seen: HashSet::new(),
            pages: 0,
            empty_run: 0,
        }
    }

    /// A walk handing out the items of `field` in the answers of `method`,
    /// from the page at `start` (the first page when `None`).
    pub(crate) fn items(method: &'static str, field: &'static str, start: Option<String>) -> Self {
        Walk {
            method: Some(method),
            field: Some(field),
            next: Next::First(start),
            ..Walk::pages()
        }
    }

    /// The cursor of the page to fetch next (`Ok(None)`: no cursor), or
    /// `None` once the walk is over. An `Err` ends the walk: an item stream
    /// met [`MAX_EMPTY_PAGES`] empty pages in a row.
    pub(crate) fn upcoming(&mut self) -> Option<Result<Option<&str>, SlackError>> {
        if matches!(self.next, Next::Done) {
            return None;
        }
        if let Some(field) = self.field.filter(|_| self.empty_run == MAX_EMPTY_PAGES) {
            let message = format!("{MAX_EMPTY_PAGES} pages in a row held no `{field}`: stopping");
            self.next = Next::Done;
            return Some(Err(self.invalid(message)));
        }
        Some(Ok(match &self.next {
            Next::First(start) => start.as_deref(),
            Next::Cursor(cursor) => Some(cursor),
            Next::Done => None,
        }))
    }

    /// Records the page fetched with the [`upcoming`](Self::upcoming)
    /// cursor, which names `next` (`None` or empty on the last page). A
    /// `next` already followed ends the walk with an error.
    pub(crate) fn advance(&mut self, next: Option<&str>) -> Result<(), SlackError> {
        self.pages += 1;
        if let Next::First(Some(cursor)) | Next::Cursor(cursor) = &self.next {
            self.seen.insert(hash(cursor));
        }
        let next = next.filter(|c| !c.is_empty());
        if next.is_some_and(|next| self.seen.contains(&hash(next))) {
            self.next = Next::Done;
            return Err(self.invalid(
                "the server answered with a cursor already followed: stopping".to_owned(),
            ));
        }
        self.next = next.map_or(Next::Done, |next| Next::Cursor(next.to_owned()));
        Ok(())
    }

    /// Counts the items of the page just recorded: an item stream stops
    /// after [`MAX_EMPTY_PAGES`] pages in a row with none.
    pub(crate) fn held(&mut self, items: usize) {
        self.empty_run = if items == 0 { self.empty_run + 1 } else { 0 };
    }

    /// Ends the walk (a call failed, or an item did not decode).
    pub(crate) fn finish(&mut self) {
        self.next = Next::Done;
    }

    /// Pages fetched so far.
    pub(crate) fn pages_fetched(&self) -> usize {
        self.pages
    }

    fn invalid(&self, message: String) -> SlackError {
        SlackError::InvalidInput {
            method: self.method,
            message,
        }
    }
}

impl<F> Pages<F> {
    /// The next page, or `None` after the last one.
    pub async fn next_page<Fut, T>(&mut self) -> Option<Result<T, SlackError>>
    where
        F: FnMut(Option<String>) -> Fut,
        Fut: Future<Output = Result<T, SlackError>>,
        T: Paginated,
    {
        let cursor = match self.walk.upcoming()? {
            Ok(cursor) => cursor.map(str::to_owned),
            Err(err) => return Some(Err(err)),
        };
        let page = match (self.fetch)(cursor).await {
            Ok(page) => page,
            Err(err) => {
                self.walk.finish();
                return Some(Err(err));
            }
        };
        if let Err(err) = self.walk.advance(page.next_cursor()) {
            return Some(Err(err));
        }
        Some(Ok(page))
    }

    /// Every remaining page, in order; stops at the first error.
    pub async fn all<Fut, T>(mut self) -> Result<Vec<T>, SlackError>
    where
        F: FnMut(Option<String>) -> Fut,
        Fut: Future<Output = Result<T, SlackError>>,
        T: Paginated,
    {
        let mut pages = Vec::new();
        while let Some(page) = self.next_page().await {
            pages.push(page?);
        }
        Ok(pages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn page(next: &str) -> DefaultSuccess {
        serde_json::from_str(&format!(
            r#"{{"ok":true,"response_metadata":{{"next_cursor":"{next}"}}}}"#
        ))
        .unwrap()
    }

    #[tokio::test]
    async fn follows_cursors_to_the_end() {
        let mut seen = Vec::new();
        let pages = paginate(|cursor: Option<String>| {
            seen.push(cursor.clone());
            let next = match cursor.as_deref() {
                None => "a",
                Some("a") => "b",
                _ => "",
            };
            std::future::ready(Ok(page(next)))
        })
        .all()
        .await
        .unwrap();
        assert_eq!(pages.len(), 3);
        assert_eq!(seen, [None, Some("a".to_owned()), Some("b".to_owned())]);
    }

    #[tokio::test]
    async fn an_error_ends_the_pages_and_a_stuck_cursor_is_caught() {
        let mut calls = 0;
        let mut pages = paginate(|_| {
            calls += 1;
            std::future::ready(Err::<DefaultSuccess, _>(SlackError::InvalidInput {
                method: None,
                message: "boom".into(),
            }))
        });
        assert!(pages.next_page().await.unwrap().is_err());
        assert!(pages.next_page().await.is_none());
        drop(pages);
        assert_eq!(calls, 1);

        let mut stuck = paginate(|_| std::future::ready(Ok(page("same"))));
        assert!(stuck.next_page().await.unwrap().is_ok());
        assert!(stuck.next_page().await.unwrap().is_err());
        assert!(stuck.next_page().await.is_none());

        // A cycle of cursors a → b → a is caught on its way round.
        let mut calls = 0;
        let cycle = paginate(|cursor: Option<String>| {
            calls += 1;
            let next = if cursor.as_deref() == Some("a") {
                "b"
            } else {
                "a"
            };
            std::future::ready(Ok(page(next)))
        })
        .all()
        .await;
        assert!(cycle.is_err());
        assert_eq!(calls, 3, "pages: none, a, b (which points back to a)");
    }

    #[tokio::test(start_paused = true)]
    async fn a_page_dropped_mid_call_is_asked_for_again() {
        let mut sent = Vec::new();
        let mut pages = paginate(|cursor: Option<String>| {
            // The first ask for `a` never answers: its caller gives up on it.
            let stall = cursor.as_deref() == Some("a") && !sent.contains(&cursor);
            sent.push(cursor.clone());
            let next = if cursor.is_none() { "a" } else { "" };
            async move {
                if stall {
                    std::future::pending::<()>().await;
                }
                Ok(page(next))
            }
        });
        assert!(pages.next_page().await.unwrap().is_ok());
        let gave_up = tokio::time::timeout(Duration::from_secs(1), pages.next_page()).await;
        assert!(gave_up.is_err());
        assert!(pages.next_page().await.unwrap().is_ok());
        assert!(pages.next_page().await.is_none());
        drop(pages);
        let a = Some("a".to_owned());
        assert_eq!(sent, [None, a.clone(), a]);
    }
}
