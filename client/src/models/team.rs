//! Workspaces.

use serde::{Deserialize, Serialize};

/// A workspace (`team.info`, `auth.teams.list`): Slack always sends `id`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Team {
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub avatar_base_url: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub discoverable: Option<String>,
    /// The subdomain: `<domain>.slack.com`.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub domain: Option<String>,
    /// The e-mail domain(s) allowed to sign up.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub email_domain: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub enterprise_domain: Option<String>,
    /// The Enterprise Grid org, when in one.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub enterprise_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub enterprise_name: Option<String>,
    /// Icon URLs by size (`image_34`, …) and `image_default`.
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub icon: serde_json::Map<String, serde_json::Value>,
    /// The workspace id (`T…`).
    pub id: String,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_sfdc_auto_slack: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub is_verified: bool,
    #[serde(default, deserialize_with = "crate::models::common::null_as_default")]
    pub lob_sales_home_enabled: bool,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub locale: Option<String>,
    /// The workspace name.
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub pay_prod_cur: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso_provider: Option<serde_json::Value>,
    #[serde(
        default,
        deserialize_with = "crate::models::common::lenient_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
    /// Every field this type does not name, as Slack sent it (kept on a round trip).
    #[serde(flatten, serialize_with = "crate::models::common::serialize_extra")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
