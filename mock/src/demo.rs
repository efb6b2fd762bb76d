//! The demo organisation seeded by [`MockSlack::start`](crate::MockSlack::start) and
//! [`MockSlackBuilder::demo_org`](crate::MockSlackBuilder::demo_org).
//!
//! | user | role | team | sessions (web, web, mobile) |
//! |---|---|---|---|
//! | `U0ADMIN` | admin | `T0DEMO1` | 10001, 10002, 10003 |
//! | `U0OWNER` | primary owner | `T0DEMO1` | 10004, 10005, 10006 |
//! | `U0ALICE` | member | `T0DEMO1` | 10007, 10008, 10009 |
//! | `U0BOB` | member | `T0DEMO1` | 10010, 10011, 10012 |
//! | `U0CAROL` | member | `T0DEMO2` | 10013, 10014, 10015 |
//! | `U0BOT` (bot `B0BOT`) | bot user | `T0DEMO1` | none |
//!
//! | token | user | scopes |
//! |---|---|---|
//! | `xoxp-demo-admin` | `U0ADMIN` | `admin.users:read`, `admin.users:write`, `admin`, `users:read` |
//! | `xoxp-demo-member` | `U0ALICE` | the same (so admin methods answer `not_an_admin`) |
//! | `xoxp-demo-readonly` | `U0ADMIN` | `admin.users:read` (so `reset` answers `missing_scope`) |
//! | `xoxb-demo-bot` | `U0BOT` / `B0BOT` | [`BOT_SCOPES`]: a typical bot |
//! | `xoxp-demo-user` | `U0ALICE` | [`USER_SCOPES`]: a typical user-token app |
//!
//! | channel | name | team | kind | members |
//! |---|---|---|---|---|
//! | `C0GENERAL` | `general` | `T0DEMO1` | public, general | everyone in `T0DEMO1`, the bot included |
//! | `C0RANDOM` | `random` | `T0DEMO1` | public | `U0ADMIN`, `U0ALICE`, `U0BOB` |
//! | `C0SECRET` | `secret` | `T0DEMO1` | private | `U0ADMIN`, `U0ALICE` |
//! | `C0OLDNEWS` | `old-news` | `T0DEMO1` | public, archived | `U0ADMIN`, `U0ALICE` |
//! | `C0LABS` | `labs` | `T0DEMO2` | public, general | `U0CAROL` |
//!
//! Session ids are stable as long as `demo_org()` is the first seeding call of the
//! builder (as in `MockSlack::start()`).

/// Enterprise (org) id.
pub const ENTERPRISE_ID: &str = "E0DEMO";
/// The app every token belongs to unless registered with
/// [`MockSlackBuilder::app_token`](crate::MockSlackBuilder::app_token) or
/// [`MockSlack::add_app_token`](crate::MockSlack::add_app_token). Rate-limit buckets are
/// per method, per team, per app, so the demo tokens of `T0DEMO1` share them.
pub const APP_ID: &str = "A0DEMO";
/// Enterprise name.
pub const ENTERPRISE_NAME: &str = "Acme Corp";
/// The main team.
pub const TEAM_ID: &str = "T0DEMO1";
/// Name of [`TEAM_ID`].
pub const TEAM_NAME: &str = "Acme HQ";
/// The second team (only `U0CAROL` lives there).
pub const TEAM2_ID: &str = "T0DEMO2";
/// Name of [`TEAM2_ID`].
pub const TEAM2_NAME: &str = "Acme Labs";

/// Org admin.
pub const ADMIN_ID: &str = "U0ADMIN";
/// Primary owner.
pub const OWNER_ID: &str = "U0OWNER";
/// Member in `T0DEMO1`; owner of [`MEMBER_TOKEN`].
pub const ALICE_ID: &str = "U0ALICE";
/// Member in `T0DEMO1`.
pub const BOB_ID: &str = "U0BOB";
/// Member in `T0DEMO2`.
pub const CAROL_ID: &str = "U0CAROL";
/// The bot user (`users.info`, `auth.test`'s `user_id` for [`BOT_TOKEN`]).
pub const BOT_USER_ID: &str = "U0BOT";
/// The bot (`bots.info`, `auth.test`'s `bot_id`). Methods that take a user id also
/// accept it for its bot user.
pub const BOT_ID: &str = "B0BOT";

/// `#general` of [`TEAM_ID`]: everyone in the team, the bot included.
pub const GENERAL_ID: &str = "C0GENERAL";
/// `#random`: `U0ADMIN`, `U0ALICE`, `U0BOB` (not the bot).
pub const RANDOM_ID: &str = "C0RANDOM";
/// Private `#secret`: `U0ADMIN`, `U0ALICE`.
pub const SECRET_ID: &str = "C0SECRET";
/// Archived `#old-news`: `U0ADMIN`, `U0ALICE`.
pub const ARCHIVED_ID: &str = "C0OLDNEWS";
/// `#labs`, the general channel of [`TEAM2_ID`]: `U0CAROL`.
pub const LABS_ID: &str = "C0LABS";

/// `U0ADMIN` with [`ADMIN_SCOPES`].
pub const ADMIN_TOKEN: &str = "xoxp-demo-admin";
/// `U0ALICE` (not an admin) with [`ADMIN_SCOPES`].
pub const MEMBER_TOKEN: &str = "xoxp-demo-member";
/// `U0ADMIN` with only `admin.users:read`.
pub const READONLY_TOKEN: &str = "xoxp-demo-readonly";
/// The bot user `U0BOT` (bot `B0BOT`) with [`BOT_SCOPES`].
pub const BOT_TOKEN: &str = "xoxb-demo-bot";
/// `U0ALICE` with [`USER_SCOPES`].
pub const USER_TOKEN: &str = "xoxp-demo-user";

/// Scopes of [`ADMIN_TOKEN`] and [`MEMBER_TOKEN`].
pub const ADMIN_SCOPES: &[&str] = &[
    "admin.users:read",
    "admin.users:write",
    "admin",
    "users:read",
];
/// Scopes of [`READONLY_TOKEN`].
pub const READONLY_SCOPES: &[&str] = &["admin.users:read"];
/// Scopes of [`BOT_TOKEN`]: those of a typical bot (no `chat:write.public`: it posts
/// where it is a member).
pub const BOT_SCOPES: &[&str] = &[
    "app_mentions:read",
    "channels:history",
    "channels:join",
    "channels:manage",
    "channels:read",
    "chat:write",
    "files:read",
    "files:write",
    "groups:history",
    "groups:read",
    "groups:write",
    "im:history",
    "im:read",
    "im:write",
    "mpim:history",
    "mpim:read",
    "mpim:write",
    "pins:read",
    "pins:write",
    "reactions:read",
    "reactions:write",
    "team:read",
    "users.profile:read",
    "users:read",
    "users:read.email",
];
/// Scopes of [`USER_TOKEN`]: those of a typical app acting as a user.
pub const USER_SCOPES: &[&str] = &[
    "channels:history",
    "channels:read",
    "channels:write",
    "chat:write",
    "files:read",
    "files:write",
    "groups:history",
    "groups:read",
    "groups:write",
    "im:history",
    "im:read",
    "im:write",
    "mpim:history",
    "mpim:read",
    "mpim:write",
    "pins:read",
    "pins:write",
    "reactions:read",
    "reactions:write",
    "search:read",
    "team:read",
    "users.profile:read",
    "users:read",
    "users:read.email",
];

/// Every user of the demo org, the bot user included.
pub const USERS: [&str; 6] = [ADMIN_ID, OWNER_ID, ALICE_ID, BOB_ID, CAROL_ID, BOT_USER_ID];

/// Whether `id` names a user of the demo org (the bot's `B0BOT` names its bot user).
pub fn is_demo_user(id: &str) -> bool {
    USERS.contains(&id) || id == BOT_ID
}

/// Users with sessions, in seeding order (each: 2 web then 1 mobile session).
pub const USERS_WITH_SESSIONS: [&str; 5] = [ADMIN_ID, OWNER_ID, ALICE_ID, BOB_ID, CAROL_ID];

/// First web session of `U0ALICE` (team `T0DEMO1`).
pub const ALICE_WEB_SESSION: i64 = 10007;
/// Mobile session of `U0ALICE`.
pub const ALICE_MOBILE_SESSION: i64 = 10009;
/// First web session of the primary owner.
pub const OWNER_WEB_SESSION: i64 = 10004;
/// First web session of `U0CAROL` (team `T0DEMO2`).
pub const CAROL_WEB_SESSION: i64 = 10013;

/// The demo session ids of a user, `[web, web, mobile]`, as seeded (before any reset).
pub fn session_ids(user_id: &str) -> Option<[i64; 3]> {
    let i = USERS_WITH_SESSIONS.iter().position(|u| *u == user_id)? as i64;
    let first = crate::org::FIRST_SESSION_ID + 3 * i;
    Some([first, first + 1, first + 2])
}
