//! Following Slack's cursors item by item.
//!
//! Every shipped cursor method (`users.list`, `conversations.history`,
//! `admin.users.session.list`, ...) has an `_items` twin that hands out the
//! entries of its list field one at a time, fetching the next page only when
//! the current one is used up. Each page is one call of the method, paced by
//! its tier and retried like any call.
//!
//! ```no_run
//! # #[cfg(feature = "users")]
//! # async fn run(client: &slackline::SlackClient, token: &slackline::SlackToken) -> Result<(), slackline::SlackError> {
//! use slackline::UsersApi;
//!
//! let mut members = client.users_list_items(token, Default::default());
//! while let Some(member) = members.next().await {
//!     println!("{}", member?["id"]);
//! }
//! # Ok(()) }
//! ```

use std::collections::VecDeque;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use crate::pages::Walk;
use crate::{DefaultSuccess, Form, MethodSpec, SlackClient, SlackError, SlackToken};

/// The most pages in a row that may hold no item while naming a next page.
/// Slack may answer a short page, but a server that sends only empty pages
/// with fresh cursors would otherwise keep the walk going for ever.
pub const MAX_EMPTY_PAGES: usize = 50;

/// The items of a cursor method's list field, one at a time.
///
/// Every shipped cursor method (`users.list`, `conversations.history`,
/// `admin.users.session.list`, ...) has an `_items` twin returning one: it
/// hands out the entries of the method's list field one at a time
/// ([`next`](Items::next)), fetching the next page only when the current one
/// is used up. Each page is one call of the method, paced by its tier and
/// retried like any call.
///
/// ```no_run
/// # #[cfg(feature = "users")]
/// # async fn run(client: &slackline::SlackClient, token: &slackline::SlackToken) -> Result<(), slackline::SlackError> {
/// use slackline::UsersApi;
///
/// let mut members = client.users_list_items(token, Default::default());
/// while let Some(member) = members.next().await {
///     println!("{}", member?["id"]);
/// }
/// # Ok(()) }
/// ```
///
/// Items are `serde_json::Value`s by default; [`decode`](Items::decode)
/// turns them into your type.
pub struct Items<'a, T = serde_json::Value> {
    client: &'a SlackClient,
    spec: &'static MethodSpec,
    token: Option<&'a SlackToken>,
    /// The arguments of every page but the cursor.
    form: Form,
    field: &'static str,
    buffer: VecDeque<serde_json::Value>,
    /// Cursor progress, cycle detection and the empty-page limit, as for
    /// [`Pages`](crate::Pages).
    walk: Walk,
    _item: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for Items<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // No form: it holds the caller's arguments.
        f.debug_struct("Items")
            .field("method", &self.spec.name)
            .field("field", &self.field)
            .field("buffered", &self.buffer.len())
            .field("pages", &self.walk.pages_fetched())
            .finish_non_exhaustive()
    }
}

impl<'a> Items<'a> {
    /// The items of `field` in the answers of `spec`, called with `form`
    /// plus a cursor (`start` first, when given). Generated `_items`
    /// methods build it; declare your own cursor method and call this to
    /// get the same for it.
    pub fn new(
        client: &'a SlackClient,
        spec: &'static MethodSpec,
        token: Option<&'a SlackToken>,
        form: Form,
        field: &'static str,
        start: Option<String>,
    ) -> Self {
        Items {
            client,
            spec,
            token,
            form,
            field,
            buffer: VecDeque::new(),
            walk: Walk::items(spec.name, field, start),
            _item: PhantomData,
        }
    }
}

impl<'a, T: DeserializeOwned> Items<'a, T> {
    /// The same walk, each item decoded as `U`.
    pub fn decode<U: DeserializeOwned>(self) -> Items<'a, U> {
        Items {
            client: self.client,
            spec: self.spec,
            token: self.token,
            form: self.form,
            field: self.field,
            buffer: self.buffer,
            walk: self.walk,
            _item: PhantomData,
        }
    }

    /// Pages fetched so far.
    pub fn pages(&self) -> usize {
        self.walk.pages_fetched()
    }

    /// The next item, or `None` after the last one.
    ///
    /// A failed call is returned once and ends the walk; so does an item
    /// that does not decode as `T`, a cursor already followed, or
    /// [`MAX_EMPTY_PAGES`] empty pages in a row.
    pub async fn next(&mut self) -> Option<Result<T, SlackError>> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Some(serde_json::from_value(item).map_err(|e| {
                    self.finish();
                    SlackError::Decode {
                        method: self.spec.name,
                        // serde quotes the item's value: bounded and redacted like any kept text.
                        message: crate::error::kept(
                            &format!("an item of `{}` does not decode: {e}", self.field),
                            self.token,
                            2 * crate::error::EXCERPT_LEN,
                        ),
                        body: String::new(),
                    }
                }));
            }
            let form = match self.walk.upcoming()? {
                Ok(cursor) => {
                    let mut form = self.form.clone();
                    if let Some(cursor) = cursor {
                        form.push("cursor", cursor);
                    }
                    form
                }
                Err(err) => return Some(Err(err)),
            };
            if let Err(err) = self.fetch(form).await {
                self.finish();
                return Some(Err(err));
            }
        }
    }

    /// Every remaining item, in order; stops at the first error.
    pub async fn all(mut self) -> Result<Vec<T>, SlackError> {
        let mut items = Vec::new();
        while let Some(item) = self.next().await {
            items.push(item?);
        }
        Ok(items)
    }

    fn finish(&mut self) {
        self.walk.finish();
        self.buffer.clear();
    }

    /// Fetches one page (`form` names its cursor) into the buffer.
    async fn fetch(&mut self, form: Form) -> Result<(), SlackError> {
        let mut page: DefaultSuccess = match self.token {
            Some(token) => crate::__private::call(self.client, self.spec, token, form).await?,
            None => crate::__private::call_without_token(self.client, self.spec, form).await?,
        };
        self.walk.advance(crate::Paginated::next_cursor(&page))?;
        let items = match page.extra.remove(self.field) {
            Some(serde_json::Value::Array(items)) => items,
            // A page without the field (or with `null`) has no item.
            None | Some(serde_json::Value::Null) => Vec::new(),
            Some(_) => {
                return Err(SlackError::Decode {
                    method: self.spec.name,
                    message: format!("`{}` is not a list", self.field),
                    body: String::new(),
                });
            }
        };
        self.walk.held(items.len());
        self.buffer.extend(items);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AdminUsersSessionApi;
    use crate::transport::{HttpRequest, HttpResponse};

    /// A client whose every call answers `page(cursor sent)`.
    fn client(page: fn(Option<&str>) -> String) -> SlackClient {
        SlackClient::builder()
            .transport(move |request: HttpRequest| async move {
                let body = String::from_utf8_lossy(&request.body).into_owned();
                let cursor = body
                    .split('&')
                    .find_map(|pair| pair.strip_prefix("cursor="))
                    .map(str::to_owned);
                Ok(HttpResponse::json(200, page(cursor.as_deref())))
            })
            .build()
            .unwrap()
    }

    fn items<'a>(client: &'a SlackClient, token: &'a SlackToken) -> Items<'a> {
        let mut form = Form::default();
        form.push("limit", "2");
        Items::new(
            client,
            &<SlackClient as AdminUsersSessionApi>::ADMIN_USERS_SESSION_RESET,
            Some(token),
            form,
            "things",
            None,
        )
    }

    #[tokio::test]
    async fn items_across_pages_then_a_cycle_is_caught() {
        let token = SlackToken::new("xoxp-items").unwrap();
        let pages = client(|cursor| {
            let (items, next) = match cursor {
                None => ("[1,2]", "a"),
                Some("a") => ("[]", "b"),
                Some("b") => ("[3]", ""),
                _ => ("[]", ""),
            };
            format!(
                r#"{{"ok":true,"things":{items},"response_metadata":{{"next_cursor":"{next}"}}}}"#
            )
        });
        let mut walk = items(&pages, &token).decode::<u32>();
        let mut got = Vec::new();
        while let Some(item) = walk.next().await {
            got.push(item.unwrap());
        }
        assert_eq!(got, [1, 2, 3]);
        assert_eq!(walk.pages(), 3);

        let cycle = client(|cursor| {
            let next = match cursor {
                None => "a",
                Some("a") => "b",
                _ => "a",
            };
            format!(r#"{{"ok":true,"things":[0],"response_metadata":{{"next_cursor":"{next}"}}}}"#)
        });
        let all = items(&cycle, &token).all().await;
        assert!(
            matches!(all, Err(SlackError::InvalidInput { .. })),
            "{all:?}"
        );
    }

    #[tokio::test]
    async fn empty_pages_and_bad_items_end_the_walk() {
        let token = SlackToken::new("xoxp-items").unwrap();
        let endless = client(|cursor| {
            let next = format!("{}x", cursor.unwrap_or(""));
            format!(r#"{{"ok":true,"things":[],"response_metadata":{{"next_cursor":"{next}"}}}}"#)
        });
        let mut walk = items(&endless, &token);
        assert!(matches!(
            walk.next().await,
            Some(Err(SlackError::InvalidInput { .. }))
        ));
        assert!(walk.next().await.is_none());
        assert_eq!(walk.pages(), MAX_EMPTY_PAGES);

        let bad = client(|_| r#"{"ok":true,"things":["x"]}"#.to_owned());
        let mut walk = items(&bad, &token).decode::<u32>();
        assert!(matches!(
            walk.next().await,
            Some(Err(SlackError::Decode { .. }))
        ));
        assert!(walk.next().await.is_none());

        let not_a_list = client(|_| r#"{"ok":true,"things":{"a":1}}"#.to_owned());
        assert!(matches!(
            items(&not_a_list, &token).next().await,
            Some(Err(SlackError::Decode { .. }))
        ));
    }
}
