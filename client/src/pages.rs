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
    /// `None` before the first page; then the cursor of the next page, or
    /// `Some(None)` once the last page was returned (or a call failed).
    cursor: Option<Option<String>>,
    /// Hashes of every cursor followed, so a server going round in a cycle
    /// of cursors is caught.
    seen: HashSet<u64>,
}

/// Calls `fetch` with no cursor, then with each page's `next_cursor` until
/// a page has none. A failed call ends the pages after returning its error;
/// a cursor that was already followed ends them too (with an error), so a
/// misbehaving server cannot keep a loop going round.
pub fn paginate<F, Fut, T>(fetch: F) -> Pages<F>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<T, SlackError>>,
    T: Paginated,
{
    Pages {
        fetch,
        cursor: None,
        seen: HashSet::new(),
    }
}

fn hash(cursor: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    cursor.hash(&mut hasher);
    hasher.finish()
}

impl<F> Pages<F> {
    /// The next page, or `None` after the last one.
    pub async fn next_page<Fut, T>(&mut self) -> Option<Result<T, SlackError>>
    where
        F: FnMut(Option<String>) -> Fut,
        Fut: Future<Output = Result<T, SlackError>>,
        T: Paginated,
    {
        let cursor = match self.cursor.take() {
            None => None,
            Some(None) => {
                self.cursor = Some(None);
                return None;
            }
            Some(Some(cursor)) => Some(cursor),
        };
        let previous = cursor.clone();
        let page = match (self.fetch)(cursor).await {
            Ok(page) => page,
            Err(err) => {
                self.cursor = Some(None);
                return Some(Err(err));
            }
        };
        let next = page
            .next_cursor()
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        if let Some(previous) = &previous {
            self.seen.insert(hash(previous));
        }
        if next
            .as_ref()
            .is_some_and(|next| self.seen.contains(&hash(next)))
        {
            self.cursor = Some(None);
            return Some(Err(SlackError::InvalidInput {
                method: None,
                message: "the server answered with a cursor already followed: stopping".to_owned(),
            }));
        }
        self.cursor = Some(next);
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
}
