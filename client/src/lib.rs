#![doc = include_str!("../../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

// Lets the client use its own `#[slack_method]`, whose expansions name `::slackline`.
extern crate self as slackline;

#[rustfmt::skip]
pub mod api;
mod client;
mod encode;
mod error;
mod flatten;
#[cfg(feature = "hyper")]
mod hyper_transport;
mod items;
pub mod models;
#[cfg(feature = "oauth")]
mod oauth;
mod pages;
pub mod ratelimit;
mod response;
pub mod retry;
mod spec;
mod token;
pub mod transport;
#[cfg(feature = "files")]
mod upload;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use api::prelude::*;
pub use client::{
    AsSlackClient, DEFAULT_BASE_URL, DEFAULT_CALL_DEADLINE, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_POOL_IDLE_TIMEOUT, DEFAULT_TIMEOUT,
    MAX_GET_URL_BYTES, SlackClient, SlackClientBuilder,
};
pub use encode::{EncodeArg, EncodeListItem, Form, Json, encode_json};
pub use error::{SlackError, TransportErrorKind};
pub use flatten::encode_flatten;
pub use items::{Items, MAX_EMPTY_PAGES};
#[cfg(feature = "oauth")]
#[cfg_attr(docsrs, doc(cfg(feature = "oauth")))]
pub use oauth::{OAuthAuthedUser, OAuthTeam, OAuthV2Access};
pub use pages::{Pages, Paginated, paginate};
pub use ratelimit::{Quota, RateLimits};
pub use response::{AnswerParts, DefaultSuccess, FromSlackBody, ResponseMeta, WithMeta};
pub use retry::RetryPolicy;
pub use slackline_catalog::{Rate, Special, Tier};
pub use spec::{
    ArgEncoding, ArgSpec, HttpMethod, MethodSpec, ScopeNeed, TokenKind, manifest_scopes,
};
#[cfg(feature = "files")]
#[cfg_attr(docsrs, doc(cfg(feature = "files")))]
pub use upload::{UPLOAD_STEP, UploadFile, UploadedFile};

pub use token::{ClientCredentials, SlackToken, TokenType};

/// Declares a Slack Web API method on a trait; see the crate documentation.
pub use slackline_macros::slack_method;

/// Lists a trait's declared Slack methods in `SLACK_METHODS`.
pub use slackline_macros::slack_api;

/// The serde version slackline decodes with, for `#[serde(crate = "slackline::serde")]`.
pub use serde;
