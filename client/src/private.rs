//! Paths generated code relies on. Not public API: names here may change in
//! any release; only `#[slack_method]` expansions use them.

pub use crate::encode::{EncodeArg, Form, encode_json};
pub use crate::flatten::encode_flatten;
pub use crate::response::FromSlackBody;
pub use crate::spec::{ArgEncoding, ArgSpec, HttpMethod, MethodSpec};
pub use crate::{AsSlackClient, SlackClient, SlackError, SlackToken};

/// Runs one declared method: the single entry point of every expansion.
///
/// The arguments are already encoded; the future borrows only the client and
/// the token, and is `Send`.
#[inline]
pub async fn call<T: FromSlackBody>(
    client: &SlackClient,
    spec: &'static MethodSpec,
    token: &SlackToken,
    form: Form,
) -> Result<T, SlackError> {
    client.execute::<T>(spec, token, form).await
}
