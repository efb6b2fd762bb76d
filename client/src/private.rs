//! Paths generated code relies on. Not public API: names here may change in
//! any release; only `#[slack_method]` expansions use them.

pub use crate::encode::{EncodeArg, Form, encode_json};
pub use crate::flatten::encode_flatten;
pub use crate::response::FromSlackBody;
pub use crate::spec::{ArgEncoding, ArgSpec, HttpMethod, MethodSpec};
use crate::token::Auth;
pub use crate::{AsSlackClient, ClientCredentials, SlackClient, SlackError, SlackToken};
pub use slackline_catalog::{Rate, Special, Tier};

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
    client.execute::<T>(spec, Auth::Token(token), form).await
}

/// Runs one declared method that is called without a token (no
/// `Authorization` header), such as the OAuth exchange `oauth.v2.access`.
#[inline]
pub async fn call_without_token<T: FromSlackBody>(
    client: &SlackClient,
    spec: &'static MethodSpec,
    form: Form,
) -> Result<T, SlackError> {
    client.execute::<T>(spec, Auth::None, form).await
}

/// Runs one declared method that is called without a token, sending the
/// app's client credentials as `Authorization: Basic` (the OAuth exchange).
#[inline]
pub async fn call_with_credentials<T: FromSlackBody>(
    client: &SlackClient,
    spec: &'static MethodSpec,
    credentials: &ClientCredentials,
    form: Form,
) -> Result<T, SlackError> {
    client
        .execute::<T>(spec, Auth::Client(credentials), form)
        .await
}
