//! `team.info` and `bots.info`: the workspace and its bots.

use serde_json::json;

use super::{Call, Handler, org, team_url};
use crate::org::UserRole;
use crate::reply::Reply;

/// Routing of the family.
pub(crate) const ROUTES: &[(&str, Handler)] = &[("team.info", team_info), ("bots.info", bots_info)];

fn team_info(call: &Call<'_>) -> Reply {
    let org = org(call);
    let id = call.arg("team").unwrap_or(call.team_id());
    let team = match call.arg("domain") {
        Some(domain) => org
            .teams
            .iter()
            .find(|t| super::api::subdomain(&t.name) == domain),
        None => org.team(id),
    };
    let Some(team) = team else {
        return Reply::error("team_not_found");
    };
    let domain = super::api::subdomain(&team.name);
    let icon =
        |size: u32| format!("https://a.slack-edge.com/80588/img/avatars-teams/ava_0001-{size}.png");
    Reply::ok_value(&json!({
        "ok": true,
        "team": {
            "id": team.id,
            "name": team.name,
            "url": team_url(&org, &team.id),
            "domain": domain,
            "email_domain": "example.com",
            "icon": {
                "image_default": true,
                "image_34": icon(34),
                "image_44": icon(44),
                "image_68": icon(68),
                "image_88": icon(88),
                "image_102": icon(102),
                "image_132": icon(132),
                "image_230": icon(230),
            },
            "avatar_base_url": "https://ca.slack-edge.com/",
            "is_verified": false,
            "enterprise_id": org.enterprise_id,
            "enterprise_name": crate::demo::ENTERPRISE_NAME,
            "enterprise_domain": "acme-corp",
        },
    }))
}

fn bots_info(call: &Call<'_>) -> Reply {
    let org = org(call);
    // Without `bot`, the caller's own bot (if it is one).
    let wanted = call
        .arg("bot")
        .map(str::to_owned)
        .or_else(|| org.user(call.user_id()).and_then(|u| u.bot_id.clone()));
    let Some(wanted) = wanted else {
        return Reply::error("bot_not_found");
    };
    let Some(u) = org
        .users_sorted()
        .into_iter()
        .find(|u| u.role == UserRole::Bot && u.bot_id.as_deref() == Some(wanted.as_str()))
    else {
        return Reply::error("bot_not_found");
    };
    let icon = |size: u32| format!("https://a.slack-edge.com/80588/img/plugins/app/bot_{size}.png");
    Reply::ok_value(&json!({
        "ok": true,
        "bot": {
            "id": wanted,
            "deleted": false,
            "name": u.name,
            "updated": 1_700_000_000,
            "app_id": crate::demo::APP_ID,
            "user_id": u.id,
            "icons": {
                "image_36": icon(36),
                "image_48": icon(48),
                "image_72": icon(72),
            },
        },
    }))
}
