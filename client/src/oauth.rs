//! OAuth v2: installing an app, rotating its tokens, migrating legacy tokens.
//!
//! - [`SlackClient::oauth_v2_exchange_code`]: the `code` of Slack's redirect
//!   for tokens (`oauth.v2.access`, the app's [`ClientCredentials`] sent as
//!   HTTP Basic, as Slack recommends, never in the body);
//! - [`SlackClient::oauth_v2_refresh`]: a new access token from a refresh
//!   token, for apps with token rotation (`oauth.v2.access`,
//!   `grant_type=refresh_token`);
//! - [`SlackClient::oauth_v2_exchange_legacy`]: a long-lived token for a
//!   rotating one and its refresh token (`oauth.v2.exchange`).
//!
//! Tokens in the answers are [`SlackToken`]s: `Debug` never shows them.

use serde::{Deserialize, Deserializer};

use crate::api::OauthApi;
use crate::{ClientCredentials, Form, SlackClient, SlackError, SlackToken};

/// A workspace or enterprise in an OAuth answer.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct OAuthTeam {
    /// `T…` or `E…`.
    pub id: String,
    /// Its name, when Slack gives it.
    #[serde(default)]
    pub name: Option<String>,
}

/// The installing user's part of an OAuth answer (user scopes).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct OAuthAuthedUser {
    /// The user's id.
    pub id: String,
    /// Granted user scopes, comma-separated.
    #[serde(default)]
    pub scope: Option<String>,
    /// The user token (`xoxp-…`), when user scopes were asked for.
    #[serde(default, deserialize_with = "token")]
    pub access_token: Option<SlackToken>,
    /// `"user"`.
    #[serde(default)]
    pub token_type: Option<String>,
    /// With token rotation: the user token's refresh token.
    #[serde(default, deserialize_with = "token")]
    pub refresh_token: Option<SlackToken>,
    /// With token rotation: seconds until the user token expires.
    #[serde(default)]
    pub expires_in: Option<u64>,
}

/// The answer of `oauth.v2.access` and `oauth.v2.exchange`.
///
/// Lenient: every field Slack may leave out is an `Option`; fields this
/// struct does not name are kept in `extra` (its `Debug` lists their names
/// only: `incoming_webhook.url` is a secret too).
#[derive(Clone, Deserialize)]
#[non_exhaustive]
pub struct OAuthV2Access {
    /// The bot token (`xoxb-…`, `xoxe.xoxb-…` with rotation).
    #[serde(default, deserialize_with = "token")]
    pub access_token: Option<SlackToken>,
    /// `"bot"` (or `"user"` for a user-only install).
    #[serde(default)]
    pub token_type: Option<String>,
    /// Granted scopes, comma-separated.
    #[serde(default)]
    pub scope: Option<String>,
    /// The bot user's id.
    #[serde(default)]
    pub bot_user_id: Option<String>,
    /// The app's id.
    #[serde(default)]
    pub app_id: Option<String>,
    /// The workspace installed to (absent for an org-wide install).
    #[serde(default)]
    pub team: Option<OAuthTeam>,
    /// The Enterprise Grid org, when there is one.
    #[serde(default)]
    pub enterprise: Option<OAuthTeam>,
    /// Whether the app was installed org-wide.
    #[serde(default, deserialize_with = "null_as_false")]
    pub is_enterprise_install: bool,
    /// The installing user, with a user token when user scopes were granted.
    #[serde(default)]
    pub authed_user: Option<OAuthAuthedUser>,
    /// With token rotation: the refresh token (`xoxe-1-…`) to pass to
    /// [`SlackClient::oauth_v2_refresh`] before `expires_in` runs out.
    #[serde(default, deserialize_with = "token")]
    pub refresh_token: Option<SlackToken>,
    /// With token rotation: seconds until `access_token` expires.
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl std::fmt::Debug for OAuthV2Access {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OAuthV2Access")
            .field("access_token", &self.access_token)
            .field("token_type", &self.token_type)
            .field("scope", &self.scope)
            .field("bot_user_id", &self.bot_user_id)
            .field("app_id", &self.app_id)
            .field("team", &self.team)
            .field("enterprise", &self.enterprise)
            .field("is_enterprise_install", &self.is_enterprise_install)
            .field("authed_user", &self.authed_user)
            .field("refresh_token", &self.refresh_token)
            .field("expires_in", &self.expires_in)
            .field("extra", &self.extra.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// A token field: validated into a [`SlackToken`]; an invalid one is a
/// decode error that does not repeat it.
/// `null` (as some installs send it) reads as `false`.
fn null_as_false<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(deserializer)?.unwrap_or(false))
}

fn token<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<SlackToken>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(raw) if raw.is_empty() => Ok(None),
        Some(raw) => SlackToken::new(raw)
            .map(Some)
            .map_err(|_| serde::de::Error::custom("a token in the answer is not a valid token")),
    }
}

impl SlackClient {
    /// Exchanges the `code` of Slack's OAuth redirect for tokens
    /// (`oauth.v2.access`). The app's credentials go in an
    /// `Authorization: Basic` header; `redirect_uri` must be the one of the
    /// authorize step when it named one.
    ///
    /// ```no_run
    /// use slackline::{ClientCredentials, SlackClient};
    /// # async fn run(code: &str) -> Result<(), slackline::SlackError> {
    /// let secret = std::env::var("SLACK_CLIENT_SECRET").unwrap_or_default();
    /// let app = ClientCredentials::new("1234.5678", secret)?;
    /// let install = SlackClient::new().oauth_v2_exchange_code(&app, code, None).await?;
    /// let bot_token = install.access_token.expect("a bot install");
    /// # let _ = bot_token; Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`SlackError::Api`] with Slack's code (`invalid_code`,
    /// `bad_client_secret`, `bad_redirect_uri`, ...).
    pub async fn oauth_v2_exchange_code(
        &self,
        app: &ClientCredentials,
        code: &str,
        redirect_uri: Option<&str>,
    ) -> Result<OAuthV2Access, SlackError> {
        let mut form = Form::default();
        form.push("code", code);
        if let Some(uri) = redirect_uri {
            form.push("redirect_uri", uri);
        }
        self.oauth_v2_access_basic(app, form).await
    }

    /// A fresh access token (and the next refresh token) from a refresh
    /// token, for apps with token rotation (`oauth.v2.access`,
    /// `grant_type=refresh_token`). Keep the new refresh token: Slack may
    /// retire the old one.
    ///
    /// # Errors
    /// As [`oauth_v2_exchange_code`](Self::oauth_v2_exchange_code);
    /// `invalid_refresh_token` for a refresh token Slack no longer accepts.
    pub async fn oauth_v2_refresh(
        &self,
        app: &ClientCredentials,
        refresh_token: &SlackToken,
    ) -> Result<OAuthV2Access, SlackError> {
        let mut form = Form::default();
        form.push("grant_type", "refresh_token");
        form.push("refresh_token", refresh_token.expose_secret());
        self.oauth_v2_access_basic(app, form).await
    }

    /// Exchanges a long-lived (legacy) bot or user token for a rotating one
    /// and its refresh token (`oauth.v2.exchange`): the way into token
    /// rotation for an app installed before it turned rotation on. The
    /// legacy token authenticates the call; the app's id and secret are
    /// arguments, as the method documents them.
    ///
    /// # Errors
    /// [`SlackError::Api`] with Slack's code (`invalid_client_id`,
    /// `bad_client_secret`, `token_rotation_not_enabled`, ...).
    pub async fn oauth_v2_exchange_legacy(
        &self,
        token: &SlackToken,
        client_id: &str,
        client_secret: &str,
    ) -> Result<OAuthV2Access, SlackError> {
        let mut form = Form::default();
        form.push("client_id", client_id);
        form.push("client_secret", client_secret);
        crate::__private::call(
            self,
            &<SlackClient as OauthApi>::OAUTH_V2_EXCHANGE,
            token,
            form,
        )
        .await
    }

    async fn oauth_v2_access_basic(
        &self,
        app: &ClientCredentials,
        form: Form,
    ) -> Result<OAuthV2Access, SlackError> {
        crate::__private::call_with_credentials(
            self,
            &<SlackClient as OauthApi>::OAUTH_V2_ACCESS,
            app,
            form,
        )
        .await
    }
}
