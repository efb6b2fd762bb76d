//! Paths generated code relies on. Not public API: names here may change in
//! any release; only `#[slack_method]` expansions use them.

pub use crate::encode::{EncodeArg, Form, encode_json};
pub use crate::response::FromSlackBody;
pub use crate::spec::{ArgEncoding, ArgSpec, HttpMethod, MethodSpec};
pub use crate::{AsSlackClient, SlackClient, SlackError, SlackToken};

use std::future::Future;

/// Runs one declared method: the single entry point of every expansion.
///
/// The arguments are already encoded; this only borrows the client and the
/// token, so the returned future is `Send` whatever the caller's `Self` is.
#[inline]
pub fn call<'a, T>(
    client: &'a SlackClient,
    spec: &'static MethodSpec,
    token: &'a SlackToken,
    form: Form,
) -> impl Future<Output = Result<T, SlackError>> + Send + 'a
where
    T: FromSlackBody + 'a,
{
    client.execute::<T>(spec, token, form)
}

/// Gives a `Send` future a concrete type for type checks in expansions.
#[inline]
pub fn assert_send<F: Future + Send>(future: F) -> F {
    future
}
