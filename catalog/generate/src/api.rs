//! Writes slackline's shipped declarations from the catalog: one
//! `client/src/api/<family>.rs` per family (a `#[slack_api]` trait, one
//! `#[slack_method]` per method, an options struct per method with optional
//! arguments, an items stream per cursor method), the module list
//! `client/src/api/mod.rs`, the `[features]` of `client/Cargo.toml`, and
//! the test that walks every generated method against the emulator. The
//! core families' answers (`crate::models::<Name>Response`) are written by
//! hand in `client/src/models/`.
//!
//! The input is the compiled `slackline-catalog` table, so after a change of
//! `catalog/slack_methods.json` the generator runs twice: the first run
//! writes the table, the second the declarations (the generator says so).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use slackline_catalog::{Kind, Method};

/// Families whose responses are typed (`crate::models::<Name>Response`);
/// every other method returns `DefaultSuccess`. Each is also a Cargo feature.
pub const CORE_FAMILIES: &[&str] = &[
    "chat",
    "conversations",
    "users",
    "reactions",
    "pins",
    "files",
    "team",
    "auth",
    "views",
    "bots",
    "emoji",
    "usergroups",
];

/// Hand-written declarations, kept with their exact signatures and always
/// built (`AdminUsersSessionApi`): the methods they declare are not
/// generated again, so no call is ambiguous.
pub const HAND_WRITTEN_FILES: &[&str] = &["client/src/api/admin_users_session.rs"];

/// The Slack names declared in [`HAND_WRITTEN_FILES`]: the first string of
/// each `#[slack_method(...)]`.
pub fn hand_written() -> Vec<String> {
    let root = crate::workspace_root();
    let mut names = Vec::new();
    for file in HAND_WRITTEN_FILES {
        let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        for (at, _) in text.match_indices("#[slack_method(") {
            let name = text[at..]
                .split_once('"')
                .and_then(|(_, after)| after.split_once('"'))
                .map(|(name, _)| name.to_owned());
            names.extend(name);
        }
    }
    names
}

/// Arguments sent as JSON documents whatever the catalog's type text says
/// (Slack documents most of them as "a JSON-based array ... as a string").
pub const JSON_ARGS: &[&str] = &[
    "attachments",
    "blocks",
    "cells",
    "changes",
    "chunks",
    "comments",
    "description_blocks",
    "initial_fields",
    "items",
    "metadata",
    "profile",
    "schema",
    "unfurls",
    "view",
];

/// `files.completeUploadExternal`'s `files` is a list of objects
/// (`[{"id": "F1", "title": "a"}]`), unlike the ID lists elsewhere.
const JSON_ARGS_OF: &[(&str, &str)] = &[("files.completeUploadExternal", "files")];

/// The list field each cursor method pages over, read from Slack's sample
/// responses (`slack_response_samples.json`) and, where a method has no
/// sample, from its reference page. Cursor methods left out of this table
/// answer with a map or have no documented list (`admin.emoji.list`'s
/// `emoji`, `team.billableInfo`'s `billable_info`,
/// `admin.analytics.messages.activity`, `admin.apps.mcp.servers.list`,
/// `assistant.search.context`): they get pages but no items stream.
pub const ITEM_FIELDS: &[(&str, &str)] = &[
    ("admin.apps.activities.list", "activities"),
    ("admin.apps.approved.list", "approved_apps"),
    ("admin.apps.requests.list", "app_requests"),
    ("admin.apps.restricted.list", "restricted_apps"),
    ("admin.auth.policy.getEntities", "entities"),
    ("admin.barriers.list", "barriers"),
    (
        "admin.conversations.ekm.listOriginalConnectedChannelInfo",
        "channels",
    ),
    ("admin.conversations.getTeams", "team_ids"),
    ("admin.conversations.lookup", "channel_ids"),
    ("admin.conversations.search", "conversations"),
    ("admin.functions.list", "functions"),
    ("admin.inviteRequests.approved.list", "approved_requests"),
    ("admin.inviteRequests.denied.list", "denied_requests"),
    ("admin.inviteRequests.list", "invite_requests"),
    ("admin.roles.listAssignments", "role_assignments"),
    ("admin.teams.admins.list", "admin_ids"),
    ("admin.teams.list", "teams"),
    ("admin.teams.owners.list", "owner_ids"),
    ("admin.users.list", "users"),
    ("admin.users.session.list", "active_sessions"),
    ("admin.workflows.search", "workflows"),
    ("apps.activities.list", "activities"),
    ("apps.datastore.query", "items"),
    ("apps.event.authorizations.list", "authorizations"),
    ("auth.teams.list", "teams"),
    ("chat.scheduledMessages.list", "scheduled_messages"),
    ("conversations.history", "messages"),
    ("conversations.list", "channels"),
    ("conversations.members", "members"),
    ("conversations.replies", "messages"),
    ("conversations.requestSharedInvite.list", "invite_requests"),
    ("files.info", "comments"),
    ("files.remote.list", "files"),
    ("reactions.list", "items"),
    ("slackLists.items.list", "items"),
    ("stars.list", "items"),
    ("team.accessLogs", "logins"),
    ("team.externalTeams.list", "organizations"),
    ("users.conversations", "channels"),
    ("users.list", "members"),
];

const HEADER: &str = "// @generated by `cargo run -p slackline-catalog-generate` from Slack's catalog\n\
// (catalog/slack_methods.json, MIT, see catalog/LICENSE.slack_methods.md).\n\
// Do not edit: change the catalog or the generator and regenerate.\n";

/// Every file the API generator writes: (path relative to the workspace
/// root, contents).
pub fn render_all() -> Vec<(String, String)> {
    let families = families();
    let mut files = Vec::new();
    for family in families.values() {
        files.push((
            format!("client/src/api/{}.rs", family.module),
            render_family(family),
        ));
    }
    files.push(("client/src/api/mod.rs".into(), render_api_mod(&families)));
    files.push(("tests/tests/shipped/walk.rs".into(), render_walk(&families)));
    files
}

/// One family: a trait, a module, a feature.
#[derive(Debug)]
pub struct Family {
    /// `admin.users`, `chat`.
    pub key: String,
    /// `admin_users`, `chat`.
    pub module: String,
    /// `AdminUsersApi`, `ChatApi`.
    pub trait_name: String,
    /// The Cargo feature: the first segment in snake case.
    pub feature: String,
    pub methods: Vec<&'static Method>,
}

/// Whether a method is shipped by the generator (`hand_written`: what
/// [`hand_written`] found).
pub fn generated(m: &Method, hand_written: &[String]) -> bool {
    slackline_catalog::retired(m.name).is_none() && !hand_written.iter().any(|h| h == m.name)
}

/// The generated families, by key. `admin.*` is split by its second segment
/// (`AdminUsersApi`, `AdminConversationsApi`, ...); every other family is
/// the method name's first segment.
pub fn families() -> BTreeMap<String, Family> {
    let mut out: BTreeMap<String, Family> = BTreeMap::new();
    let hand_written = hand_written();
    for m in slackline_catalog::methods()
        .iter()
        .filter(|m| generated(m, &hand_written))
    {
        let key = family_key(m.name);
        let first = m.name.split('.').next().unwrap_or_default();
        let family = out.entry(key.clone()).or_insert_with(|| Family {
            module: module_name(&key),
            trait_name: trait_name(&key),
            feature: snake(first),
            key: key.clone(),
            methods: Vec::new(),
        });
        family.methods.push(m);
    }
    out
}

/// `api.*` (only `api.test`) would make a module `api::api` and a trait
/// `ApiApi`: it is `api_test` and `ApiTestApi` instead.
fn module_name(key: &str) -> String {
    if key == "api" {
        "api_test".into()
    } else {
        snake(&key.replace('.', "_"))
    }
}

fn trait_name(key: &str) -> String {
    if key == "api" {
        "ApiTestApi".into()
    } else {
        format!("{}Api", pascal(key))
    }
}

fn family_key(name: &str) -> String {
    let segments: Vec<&str> = name.split('.').collect();
    if segments[0] == "admin" && segments.len() > 2 {
        format!("admin.{}", segments[1])
    } else {
        segments[0].to_owned()
    }
}

/// The Cargo features, as the `[features]` table of `client/Cargo.toml`.
pub fn render_features() -> String {
    let mut features: Vec<String> = families().values().map(|f| f.feature.clone()).collect();
    features.sort();
    features.dedup();
    // Inside the client's one `[features]` table, after its own entries.
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Every family of Slack methods, one feature each (off by default); the 12 core\n\
         ## families (`chat`, `conversations`, `users`, ...) also gate their typed answers\n\
         ## (`slackline::models`). `cargo run -p slackline-catalog-generate` keeps this list.\n\
         full = [{}]",
        features
            .iter()
            .map(|f| format!("{f:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for f in &features {
        let _ = writeln!(out, "{f} = []");
    }
    out
}

/// `chat.postMessage` → `ChatPostMessage`: each segment's first letter
/// upper-cased, the rest kept (the models' naming rule).
pub fn pascal(name: &str) -> String {
    name.split('.')
        .map(|s| {
            let mut chars = s.chars();
            match chars.next() {
                Some(c) => c.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// `getUploadURLExternal` → `get_upload_url_external`.
pub fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '.' {
            out.push('_');
            continue;
        }
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1);
            let boundary = match prev {
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(|n| n.is_ascii_lowercase()),
                _ => false,
            };
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The Rust method name of a Slack method: `chat.postMessage` → `chat_post_message`.
pub fn rust_method(name: &str) -> String {
    snake(name)
}

fn ident(arg: &str) -> String {
    if arg == "type" {
        "r#type".into()
    } else {
        arg.to_owned()
    }
}

fn is_core(m: &Method) -> bool {
    CORE_FAMILIES.contains(&m.name.split('.').next().unwrap_or(""))
}

/// The success type of a generated method.
pub fn response_type(m: &Method) -> String {
    if is_core(m) {
        format!("crate::models::{}Response", pascal(m.name))
    } else {
        "DefaultSuccess".into()
    }
}

fn is_json(m: &Method, arg: &slackline_catalog::Arg) -> bool {
    arg.kind == Kind::Object
        || JSON_ARGS.contains(&arg.name)
        || JSON_ARGS_OF.contains(&(m.name, arg.name))
}

/// Whether a method is called without a token but with the app's client
/// credentials (`oauth.v2.access`, `openid.connect.token`, ...): they go as
/// HTTP Basic auth (`&ClientCredentials` first), as Slack recommends, and
/// `client_id`/`client_secret` are not arguments of the declaration.
fn takes_credentials(m: &Method) -> bool {
    !m.takes_token && m.arg("client_id").is_some() && m.arg("client_secret").is_some()
}

/// The arguments a declaration states (client credentials sent as Basic
/// auth are not among them).
fn stated_args(m: &Method) -> impl Iterator<Item = &'static slackline_catalog::Arg> {
    let basic = takes_credentials(m);
    m.args
        .iter()
        .filter(move |a| !(basic && (a.name == "client_id" || a.name == "client_secret")))
}

/// Required arguments, positional; the rest go into the options struct.
fn split_args(
    m: &Method,
) -> (
    Vec<&'static slackline_catalog::Arg>,
    Vec<&'static slackline_catalog::Arg>,
) {
    stated_args(m).partition(|a| a.required)
}

fn options_name(m: &Method) -> String {
    format!("{}Options", pascal(m.name))
}

fn item_field(m: &Method) -> Option<&'static str> {
    ITEM_FIELDS
        .iter()
        .find(|(n, _)| *n == m.name)
        .map(|(_, f)| *f)
}

/// The kind a value is given in Rust: Slack types `limit` as a "number" in
/// a few methods, but it is a count like everywhere else.
fn rust_kind(arg: &slackline_catalog::Arg) -> Kind {
    match (arg.kind, arg.name) {
        (Kind::Number, "limit") => Kind::Integer,
        (kind, _) => kind,
    }
}

fn positional_type(m: &Method, arg: &slackline_catalog::Arg) -> (&'static str, &'static str) {
    if is_json(m, arg) {
        return ("#[slack(json)] ", "&serde_json::Value");
    }
    (
        "",
        match rust_kind(arg) {
            Kind::String | Kind::Any | Kind::Object => "&str",
            Kind::Integer => "i64",
            Kind::Boolean => "bool",
            Kind::Number => "f64",
            Kind::Array => "&[&str]",
        },
    )
}

/// (field type, setter parameter type, conversion of `value`).
fn option_type(
    m: &Method,
    arg: &slackline_catalog::Arg,
) -> (&'static str, &'static str, &'static str) {
    if is_json(m, arg) {
        return ("serde_json::Value", "serde_json::Value", "value");
    }
    match rust_kind(arg) {
        Kind::String | Kind::Any | Kind::Object => ("String", "impl Into<String>", "value.into()"),
        Kind::Integer => ("i64", "i64", "value"),
        Kind::Boolean => ("bool", "bool", "value"),
        Kind::Number => ("f64", "f64", "value"),
        Kind::Array => (
            "Vec<String>",
            "impl IntoIterator<Item = impl Into<String>>",
            "value.into_iter().map(Into::into).collect()",
        ),
    }
}

fn kind_words(m: &Method, arg: &slackline_catalog::Arg) -> &'static str {
    if is_json(m, arg) {
        return "JSON";
    }
    match rust_kind(arg) {
        Kind::String => "text",
        Kind::Integer => "integer",
        Kind::Boolean => "boolean",
        Kind::Number => "number",
        Kind::Array => "list, sent comma-joined",
        Kind::Object => "JSON",
        Kind::Any => "text (Slack takes several types)",
    }
}

/// The name of the options parameter: `options`, unless Slack has an
/// argument of that name.
fn options_param(m: &Method) -> &'static str {
    if m.args.iter().any(|a| a.name == "options") {
        "more"
    } else {
        "options"
    }
}

fn doc_escape(text: &str) -> String {
    // Slack's descriptions are prose: keep rustdoc from reading `[x]` as
    // links or `<x>` as HTML.
    text.replace('[', "\\[")
        .replace(']', "\\]")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', " ")
}

fn render_family(f: &Family) -> String {
    let mut out = String::from(HEADER);
    let _ = writeln!(
        out,
        "\n//! `{}.*`: {} Slack method{} of the catalog.\n",
        f.key,
        f.methods.len(),
        if f.methods.len() == 1 { "" } else { "s" }
    );
    let uses_default = f.methods.iter().any(|m| !is_core(m));
    let mut imports = vec!["SlackClient", "SlackError"];
    if f.methods.iter().any(|m| m.takes_token) {
        imports.push("SlackToken");
    }
    if f.methods.iter().any(|m| takes_credentials(m)) {
        imports.insert(0, "ClientCredentials");
    }
    imports.extend(["slack_api", "slack_method"]);
    if uses_default {
        imports.push("DefaultSuccess");
    }
    // rustfmt's order: types, then functions and macros.
    imports.sort_by_key(|name| (name.starts_with(char::is_lowercase), *name));
    let _ = writeln!(out, "use crate::{{{}}};", imports.join(", "));
    if f.methods.iter().any(|m| item_field(m).is_some()) {
        let _ = writeln!(out, "use crate::{{AsSlackClient, Items}};");
    }
    for m in &f.methods {
        render_options(&mut out, m);
    }
    let _ = writeln!(
        out,
        "\n/// The `{key}.*` methods of Slack's catalog, implemented for [`SlackClient`].\n\
         ///\n\
         /// Required arguments are positional (the token first); optional ones\n\
         /// are set on the method's options struct (`Default::default()` for none).\n\
         #[slack_api]\npub trait {name} {{",
        key = f.key,
        name = f.trait_name
    );
    for (i, m) in f.methods.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render_method(&mut out, m);
        if let Some(field) = item_field(m) {
            out.push('\n');
            render_items(&mut out, m, field);
        }
    }
    let _ = writeln!(out, "}}\n\nimpl {} for SlackClient {{}}", f.trait_name);
    out
}

fn render_options(out: &mut String, m: &Method) {
    let (_, optional) = split_args(m);
    if optional.is_empty() {
        return;
    }
    let name = options_name(m);
    let method = rust_method(m.name);
    let trait_name = families_trait(m);
    let _ = writeln!(
        out,
        "\n/// The optional arguments of `{slack}` ([`{trait_name}::{method}`]).\n\
         ///\n\
         /// `Default::default()` sends none; each setter sets one. New optional\n\
         /// arguments Slack adds become new fields, so code that builds options\n\
         /// with the setters keeps compiling.\n\
         #[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]\n\
         #[non_exhaustive]\npub struct {name} {{",
        slack = m.name
    );
    for arg in &optional {
        let (ty, _, _) = option_type(m, arg);
        let _ = writeln!(
            out,
            "    /// `{}`: {}.{}",
            arg.name,
            kind_words(m, arg),
            group_note(m, arg.name)
        );
        if is_json(m, arg) {
            let _ = writeln!(
                out,
                "    #[serde(serialize_with = \"crate::api::json_text\")]"
            );
        }
        let _ = writeln!(out, "    pub {}: Option<{ty}>,", ident(arg.name));
    }
    let _ = writeln!(out, "}}\n\nimpl {name} {{");
    for (i, arg) in optional.iter().enumerate() {
        let (_, param, convert) = option_type(m, arg);
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "    /// Sets `{arg}`.\n    pub fn {id}(mut self, value: {param}) -> Self {{\n        self.{id} = Some({convert});\n        self\n    }}",
            arg = arg.name,
            id = ident(arg.name),
        );
    }
    let _ = writeln!(out, "}}");
}

fn families_trait(m: &Method) -> String {
    trait_name(&family_key(m.name))
}

fn group_note(m: &Method, arg: &str) -> String {
    let mut notes = String::new();
    for g in m.groups.iter().filter(|g| g.args.contains(&arg)) {
        let others: Vec<String> = g.args.iter().map(|a| format!("`{a}`")).collect();
        if g.required && g.exclusive {
            let _ = write!(notes, " Exactly one of {} is required.", others.join(", "));
        } else if g.required {
            let _ = write!(notes, " At least one of {} is required.", others.join(", "));
        } else if g.exclusive {
            let _ = write!(notes, " At most one of {}.", others.join(", "));
        }
    }
    notes
}

fn render_method(out: &mut String, m: &Method) {
    let (required, optional) = split_args(m);
    let method = rust_method(m.name);
    let _ = writeln!(out, "    /// {}", doc_escape(m.description.trim()));
    out.push_str("    ///\n");
    for g in m.groups.iter().filter(|g| g.required) {
        let members: Vec<String> = g.args.iter().map(|a| format!("`{a}`")).collect();
        let _ = writeln!(
            out,
            "    /// {} of {} is required: set it on the options.\n    ///",
            if g.exclusive {
                "Exactly one"
            } else {
                "At least one"
            },
            members.join(", ")
        );
    }
    if takes_credentials(m) {
        out.push_str(
            "    /// The app's client credentials go as HTTP Basic auth (`app`), as\n    /// Slack recommends, not as `client_id`/`client_secret` arguments.\n    ///\n",
        );
    }
    let _ = writeln!(out, "    /// Docs: <{}>", m.docs_url);
    if m.deprecated {
        let _ = writeln!(
            out,
            "    #[deprecated(note = \"Slack has deprecated `{}`; see {}\")]",
            m.name, m.docs_url
        );
    }
    let mut attr = format!("\"{}\"", m.name);
    if m.http == slackline_catalog::Verb::Get {
        // A read: safe to send again after a timeout or a 5xx.
        attr.push_str(", idempotent");
    }
    if m.deprecated {
        // The deprecation is on the method itself, for its callers.
        attr.push_str(", unchecked");
    }
    let _ = writeln!(out, "    #[slack_method({attr})]");
    let mut params = vec!["&self".to_owned()];
    if m.takes_token {
        params.push("token: &SlackToken".into());
    } else if takes_credentials(m) {
        params.push("app: &ClientCredentials".into());
    }
    for arg in &required {
        let (attr, ty) = positional_type(m, arg);
        params.push(format!("{attr}{}: {ty}", ident(arg.name)));
    }
    if !optional.is_empty() {
        params.push(format!(
            "#[slack(flatten)] {}: {}",
            options_param(m),
            options_name(m)
        ));
    }
    let _ = writeln!(
        out,
        "    async fn {method}(\n        {},\n    ) -> Result<{}, SlackError>;",
        params.join(",\n        "),
        response_type(m)
    );
}

fn render_items(out: &mut String, m: &Method, field: &str) {
    let (required, _) = split_args(m);
    let method = rust_method(m.name);
    let spec = method.to_ascii_uppercase();
    let _ = writeln!(
        out,
        "    /// Every item of `{slack}`'s `{field}`, one at a time, across all pages.\n\
         \x20   ///\n\
         \x20   /// The cursor is followed for you (a `cursor` set on the options is\n\
         \x20   /// where the walk starts); each page is one call, paced by the\n\
         \x20   /// method's tier like [`{method}`](Self::{method}). Items are JSON\n\
         \x20   /// values; [`Items::decode`] turns them into your own type.",
        slack = m.name,
    );
    let mut params = vec!["&'a self".to_owned()];
    if m.takes_token {
        params.push("token: &'a SlackToken".into());
    }
    for arg in &required {
        let (_, ty) = positional_type(m, arg);
        params.push(format!("{}: {ty}", ident(arg.name)));
    }
    let options = options_param(m);
    params.push(format!("mut {options}: {}", options_name(m)));
    let _ = writeln!(
        out,
        "    fn {method}_items<'a>(\n        {},\n    ) -> Items<'a>\n    where\n        Self: AsSlackClient,\n    {{",
        params.join(",\n        ")
    );
    let _ = writeln!(out, "        let mut form = crate::Form::default();");
    for arg in &required {
        let id = ident(arg.name);
        if is_json(m, arg) {
            let _ = writeln!(
                out,
                "        crate::encode_json({id}, {:?}, &mut form);",
                arg.name
            );
        } else {
            let _ = writeln!(
                out,
                "        crate::EncodeArg::encode_arg(&{id}, {:?}, &mut form);",
                arg.name
            );
        }
    }
    let _ = writeln!(
        out,
        "        let start = {options}.cursor.take();\n        crate::encode_flatten(&{options}, &mut form);"
    );
    let token = if m.takes_token { "Some(token)" } else { "None" };
    let _ = writeln!(
        out,
        "        Items::new(self.slack_client(), &Self::{spec}, {token}, form, {field:?}, start)\n    }}"
    );
}

fn render_api_mod(families: &BTreeMap<String, Family>) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "\n//! Slack methods slackline declares for you: every method of Slack's\n\
         //! catalog, one trait per family, each family behind its Cargo feature\n\
         //! (`full` enables them all).\n\
         //!\n\
         //! Required arguments are positional, the token first; optional ones\n\
         //! are fields of the method's options struct (`Default`, `#[non_exhaustive]`,\n\
         //! a chainable setter per field), so an argument Slack adds breaks no\n\
         //! caller. JSON-valued arguments (`blocks`, `attachments`, `view`,\n\
         //! `metadata`, ...) are `serde_json::Value`s, sent as JSON text: build\n\
         //! them with `serde_json::json!`, or from your own types with\n\
         //! `serde_json::to_value`.\n\n",
    );
    out.push_str(
        "mod admin_users_session;\n\npub use admin_users_session::AdminUsersSessionApi;\n",
    );
    for f in families.values() {
        let _ = writeln!(
            out,
            "\n#[cfg(feature = {feature:?})]\n#[cfg_attr(docsrs, doc(cfg(feature = {feature:?})))]\n#[rustfmt::skip]\npub mod {module};\n#[cfg(feature = {feature:?})]\npub use {module}::*;",
            feature = f.feature,
            module = f.module
        );
    }
    out.push_str(
        "\n/// Every API trait, for `use slackline::api::prelude::*;` (the crate root\n\
         /// re-exports them too).\npub mod prelude {\n    pub use super::AdminUsersSessionApi;\n",
    );
    for f in families.values() {
        let _ = writeln!(
            out,
            "    #[cfg(feature = {:?})]\n    pub use super::{}::{};",
            f.feature, f.module, f.trait_name
        );
    }
    out.push_str("}\n");
    out.push_str(
        "\n/// Sends an optional JSON argument as JSON text (a list of objects would\n\
         /// otherwise be read as a comma-joined list).\n\
         #[allow(dead_code)]\n\
         pub(crate) fn json_text<S: serde::Serializer>(\n    value: &Option<serde_json::Value>,\n    serializer: S,\n) -> Result<S::Ok, S::Error> {\n\
         \x20   match value {\n\
         \x20       Some(value) => serializer.serialize_str(&value.to_string()),\n\
         \x20       None => serializer.serialize_none(),\n\
         \x20   }\n}\n",
    );
    out
}

/// Values the walk test gives where the emulator keeps state: (method,
/// argument, Rust expression). `fx` is the test's fixture (a message, a
/// scheduled message, channels to archive, leave and rename, files), made
/// before the walk; an optional argument listed here is set on the options.
pub const WALK_ARGS: &[(&str, &str, &str)] = &[
    ("bots.info", "bot", "demo::BOT_ID"),
    ("chat.delete", "ts", "&fx.ts_delete"),
    (
        "chat.deleteScheduledMessage",
        "scheduled_message_id",
        "&fx.scheduled",
    ),
    ("chat.postEphemeral", "text", "\"walk\""),
    ("chat.postMessage", "text", "\"walk\""),
    ("chat.scheduleMessage", "text", "\"walk\""),
    ("chat.scheduleMessage", "post_at", "fx.post_at"),
    ("chat.update", "text", "\"walk, edited\""),
    ("conversations.archive", "channel", "&fx.archive"),
    (
        "conversations.create",
        "name",
        "&format!(\"walk-created-{}\", fx.unique)",
    ),
    ("conversations.invite", "channel", "demo::SECRET_ID"),
    ("conversations.invite", "users", "demo::BOB_ID"),
    ("conversations.join", "channel", "demo::RANDOM_ID"),
    ("conversations.kick", "channel", "demo::RANDOM_ID"),
    ("conversations.kick", "user", "demo::BOB_ID"),
    ("conversations.leave", "channel", "&fx.leave"),
    ("conversations.open", "users", "demo::ALICE_ID"),
    ("conversations.rename", "channel", "&fx.rename"),
    (
        "conversations.rename",
        "name",
        "&format!(\"walk-renamed-{}\", fx.unique)",
    ),
    ("conversations.unarchive", "channel", "demo::ARCHIVED_ID"),
    (
        "files.completeUploadExternal",
        "files",
        "&serde_json::json!([{\"id\": fx.pending_file, \"title\": \"walk\"}])",
    ),
    ("files.completeUploadExternal", "channel_id", "&fx.channel"),
    ("files.delete", "file", "&fx.file_delete"),
    ("pins.add", "timestamp", "&fx.ts"),
    ("pins.remove", "timestamp", "&fx.ts"),
    ("reactions.add", "name", "\"thumbsup\""),
    ("reactions.get", "channel", "&fx.channel"),
    ("reactions.get", "timestamp", "&fx.ts"),
    ("reactions.remove", "name", "\"thumbsup\""),
    ("reactions.remove", "channel", "&fx.channel"),
    ("reactions.remove", "timestamp", "&fx.ts"),
    ("users.lookupByEmail", "email", "\"alice@example.com\""),
];

fn walk_override(m: &Method, arg: &str) -> Option<&'static str> {
    WALK_ARGS
        .iter()
        .find(|(method, name, _)| *method == m.name && *name == arg)
        .map(|(_, _, expr)| *expr)
}

/// A value of an argument for the walk test: [`WALK_ARGS`], else the demo
/// org's ids by argument name, plain values elsewhere.
fn walk_value(m: &Method, arg: &slackline_catalog::Arg, positional: bool) -> String {
    if let Some(expr) = walk_override(m, arg.name) {
        return expr.to_owned();
    }
    if is_json(m, arg) {
        let doc = if arg.kind == Kind::Object
            || arg.name == "view"
            || arg.name == "profile"
            || arg.name == "metadata"
        {
            "serde_json::json!({})"
        } else {
            "serde_json::json!([])"
        };
        return if positional {
            format!("&{doc}")
        } else {
            doc.to_owned()
        };
    }
    let text = match arg.name {
        "user" | "user_id" | "user_ids" | "users" => "demo::ALICE_ID",
        "team_id" | "team" => "demo::TEAM_ID",
        "channel" | "channel_id" => "&fx.channel",
        "ts" | "thread_ts" | "timestamp" | "message_ts" => "&fx.ts",
        "file" => "&fx.file",
        _ => "\"X0WALK\"",
    };
    match rust_kind(arg) {
        Kind::String | Kind::Any | Kind::Object => text.to_owned(),
        Kind::Integer => "1".into(),
        Kind::Boolean => "true".into(),
        Kind::Number => "1.5".into(),
        Kind::Array if positional => format!("&[{text}]"),
        Kind::Array => format!("[{text}]"),
    }
}

fn render_walk(families: &BTreeMap<String, Family>) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "\n//! Calls every generated method once with its required arguments (and\n\
         //! one member of each required group), the fixture's ids where the\n\
         //! emulator keeps state.\n\n\
         use slackline::api::*;\nuse slackline::{ClientCredentials, SlackClient, SlackError, SlackToken};\nuse slackline_mock::demo;\n\n\
         /// How many methods [`walk`] calls.\n",
    );
    let total: usize = families.values().map(|f| f.methods.len()).sum();
    let _ = writeln!(out, "pub const METHODS: usize = {total};\n");
    out.push_str(
        "/// Calls every generated method; the outcome of each, by Slack name.\n\
         #[allow(deprecated)]\n\
         pub async fn walk(client: &SlackClient, token: &SlackToken, app: &ClientCredentials, fx: &super::Fixture) -> Vec<(&'static str, Result<(), SlackError>)> {\n\
         \x20   let mut outcomes = Vec::new();\n",
    );
    for f in families.values() {
        for m in &f.methods {
            let (required, _) = split_args(m);
            let mut args = Vec::new();
            if m.takes_token {
                args.push("token".to_owned());
            } else if takes_credentials(m) {
                args.push("app".to_owned());
            }
            for arg in &required {
                args.push(walk_value(m, arg, true));
            }
            if stated_args(m).any(|a| !a.required) {
                let mut options = format!("{}::default()", options_name(m));
                for arg in stated_args(m).filter(|a| !a.required) {
                    if let Some(expr) = walk_override(m, arg.name) {
                        let _ = write!(options, ".{}({expr})", ident(arg.name));
                    }
                }
                for g in m.groups.iter().filter(|g| g.required) {
                    if g.args.iter().any(|a| walk_override(m, a).is_some()) {
                        continue;
                    }
                    if let Some(first) = g.args.first().and_then(|a| m.arg(a)) {
                        let _ = write!(
                            options,
                            ".{}({})",
                            ident(first.name),
                            walk_value(m, first, false)
                        );
                    }
                }
                args.push(options);
            }
            let _ = writeln!(
                out,
                "    outcomes.push(({:?}, client.{}({}).await.map(drop)));",
                m.name,
                rust_method(m.name),
                args.join(", ")
            );
        }
    }
    out.push_str("    outcomes\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(snake("getUploadURLExternal"), "get_upload_url_external");
        assert_eq!(rust_method("chat.postMessage"), "chat_post_message");
        assert_eq!(rust_method("oauth.v2.access"), "oauth_v2_access");
        assert_eq!(snake("slackLists"), "slack_lists");
        assert_eq!(
            pascal("conversations.requestSharedInvite.approve"),
            "ConversationsRequestSharedInviteApprove"
        );
        assert_eq!(pascal("files.remote.add"), "FilesRemoteAdd");
    }

    #[test]
    fn every_method_once_and_names_unique() {
        let fams = families();
        let mut names: Vec<String> = fams
            .values()
            .flat_map(|f| f.methods.iter().map(|m| rust_method(m.name)))
            .collect();
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count);
        assert!(!names.contains(&"admin_users_session_reset".to_owned()));
        let hand = hand_written();
        assert!(hand.contains(&"admin.users.session.reset".to_owned()));
        assert!(hand.contains(&"admin.users.session.invalidate".to_owned()));
        assert!(fams.contains_key("admin.users") && fams.contains_key("chat"));
        assert_eq!(fams["admin.users"].trait_name, "AdminUsersApi");
        for f in CORE_FAMILIES {
            assert!(fams.values().any(|fam| fam.feature == *f), "{f}");
        }
    }

    #[test]
    fn item_fields_name_cursor_methods() {
        for (name, _) in ITEM_FIELDS {
            let m = slackline_catalog::method(name).unwrap();
            assert!(
                m.arg("cursor").is_some() && m.arg("limit").is_some(),
                "{name}"
            );
        }
    }
}
