//! The typed answers of the core families (`slackline::models`) against
//! Slack's own shapes: `mock/samples/slack_response_samples.json` holds one
//! sample answer per method (MIT, see `mock/samples/LICENSE.slack_response_samples.md`;
//! the emulator answers in the same shapes).
//!
//! For every typed method, its sample (with `ok` forced to true) decodes into
//! the method's type, and every key of the sample, recursively, lands in a
//! typed field with its value unchanged, or is in [`ENVELOPE`]: a key
//! silently kept only in an `extra` map fails the test. Every method of the
//! core families in the catalog has its type here.

use std::sync::OnceLock;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use slackline::models::*;
use slackline::{DefaultSuccess, Paginated};

const SAMPLES: &str = include_str!("../../mock/samples/slack_response_samples.json");

/// Top-level sample keys no answer type names, on purpose.
const ENVELOPE: &[&str] = &[
    // Sent only with `ok: false`: the client turns such an answer into
    // `SlackError::Api` (code, needed and provided scopes) before any answer
    // type is decoded. The samples merge failures into the success shape.
    "error", "needed", "provided",
    // Read by the client into `ResponseMeta::warnings` (and logged); an answer
    // type keeps it in `extra`.
    "warning",
];

fn samples() -> &'static Map<String, Value> {
    static SAMPLES_MAP: OnceLock<Map<String, Value>> = OnceLock::new();
    SAMPLES_MAP.get_or_init(|| serde_json::from_str(SAMPLES).expect("the samples are JSON"))
}

/// The sample answer of `method`, as a success.
fn sample(method: &str) -> Value {
    let mut sample = samples()
        .get(method)
        .unwrap_or_else(|| panic!("no sample for {method}"))
        .clone();
    sample["ok"] = Value::Bool(true);
    sample
}

/// The answer type's name the naming rule gives `method`:
/// `conversations.requestSharedInvite.approve` →
/// `ConversationsRequestSharedInviteApproveResponse`.
fn type_name(method: &str) -> String {
    let mut name: String = method
        .split('.')
        .map(|segment| {
            let mut chars = segment.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect();
    name.push_str("Response");
    name
}

/// Walks `sample` beside `decoded` (the JSON of a decoded value): a key of
/// the sample missing from `decoded` goes to `missing`, a leaf whose value
/// differs goes to `changed`.
fn compare(sample: &Value, decoded: &Value, path: &str, out: &mut Vec<String>) {
    match (sample, decoded) {
        (Value::Object(sample), Value::Object(decoded)) => {
            for (key, value) in sample {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match decoded.get(key) {
                    Some(kept) => compare(value, kept, &here, out),
                    None if path.is_empty() && ENVELOPE.contains(&key.as_str()) => {}
                    None => out.push(format!("{here}: not in a typed field")),
                }
            }
        }
        (Value::Array(sample), Value::Array(decoded)) if sample.len() == decoded.len() => {
            for (i, (value, kept)) in sample.iter().zip(decoded).enumerate() {
                compare(value, kept, &format!("{path}[{i}]"), out);
            }
        }
        (sample, decoded) if sample == decoded => {}
        (sample, decoded) => out.push(format!("{path}: {sample} became {decoded}")),
    }
}

/// The problems of decoding `method`'s sample as `T`; empty when it decodes
/// and every key lands in a typed field, unchanged.
fn problems<T: DeserializeOwned + Serialize>(method: &str, sample: &Value) -> Vec<String> {
    let decoded: T = match serde_json::from_value(sample.clone()) {
        Ok(decoded) => decoded,
        Err(err) => return vec![format!("{method}: does not decode: {err}")],
    };
    let mut out = Vec::new();
    // Without the `extra` maps: what a type names.
    let typed = typed_json(&decoded).expect("serializes");
    compare(sample, &typed, "", &mut out);
    // With them: nothing Slack sent is lost on a round trip.
    let mut lost = Vec::new();
    let full = serde_json::to_value(&decoded).expect("serializes");
    compare(sample, &full, "", &mut lost);
    out.extend(
        lost.into_iter()
            .map(|p| format!("lost on a round trip: {p}")),
    );
    let again: T = serde_json::from_value(full.clone()).expect("decodes its own JSON");
    if serde_json::to_value(&again).expect("serializes") != full {
        out.push("a second round trip differs".to_owned());
    }
    out.into_iter().map(|p| format!("{method}: {p}")).collect()
}

/// A method answered with `DefaultSuccess`: its sample must hold nothing
/// beyond the envelope, or a type should name it.
fn alias_problems(method: &str, sample: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Err(err) = serde_json::from_value::<DefaultSuccess>(sample.clone()) {
        out.push(format!("{method}: does not decode: {err}"));
    }
    for key in sample.as_object().expect("an object").keys() {
        if key != "ok" && key != "response_metadata" && !ENVELOPE.contains(&key.as_str()) {
            out.push(format!(
                "{method}: `{key}` has no typed field (DefaultSuccess)"
            ));
        }
    }
    out
}

type Check = fn(&str, &Value) -> Vec<String>;

/// Every method of the core families, with its answer type's checks.
fn table() -> Vec<(&'static str, &'static str, Check)> {
    macro_rules! typed {
        ($method:literal, $ty:ident) => {
            ($method, stringify!($ty), problems::<$ty> as Check)
        };
    }
    macro_rules! alias {
        ($method:literal, $ty:ident) => {{
            // The alias exists under its contract name, and is `DefaultSuccess`.
            let _: fn($ty) -> DefaultSuccess = |answer| answer;
            ($method, stringify!($ty), alias_problems as Check)
        }};
    }
    vec![
        alias!("auth.revoke", AuthRevokeResponse),
        typed!("auth.teams.list", AuthTeamsListResponse),
        typed!("auth.test", AuthTestResponse),
        typed!("bots.info", BotsInfoResponse),
        typed!("chat.appendStream", ChatAppendStreamResponse),
        typed!("chat.delete", ChatDeleteResponse),
        alias!(
            "chat.deleteScheduledMessage",
            ChatDeleteScheduledMessageResponse
        ),
        typed!("chat.getPermalink", ChatGetPermalinkResponse),
        typed!("chat.meMessage", ChatMeMessageResponse),
        typed!("chat.postEphemeral", ChatPostEphemeralResponse),
        typed!("chat.postMessage", ChatPostMessageResponse),
        typed!("chat.scheduleMessage", ChatScheduleMessageResponse),
        typed!(
            "chat.scheduledMessages.list",
            ChatScheduledMessagesListResponse
        ),
        typed!("chat.startStream", ChatStartStreamResponse),
        alias!("chat.stopStream", ChatStopStreamResponse),
        typed!("chat.unfurl", ChatUnfurlResponse),
        typed!("chat.update", ChatUpdateResponse),
        typed!(
            "conversations.acceptSharedInvite",
            ConversationsAcceptSharedInviteResponse
        ),
        alias!(
            "conversations.approveSharedInvite",
            ConversationsApproveSharedInviteResponse
        ),
        alias!("conversations.archive", ConversationsArchiveResponse),
        typed!(
            "conversations.canvases.create",
            ConversationsCanvasesCreateResponse
        ),
        typed!("conversations.close", ConversationsCloseResponse),
        typed!("conversations.create", ConversationsCreateResponse),
        alias!(
            "conversations.declineSharedInvite",
            ConversationsDeclineSharedInviteResponse
        ),
        alias!(
            "conversations.externalInvitePermissions.set",
            ConversationsExternalInvitePermissionsSetResponse
        ),
        typed!("conversations.history", ConversationsHistoryResponse),
        typed!("conversations.info", ConversationsInfoResponse),
        typed!("conversations.invite", ConversationsInviteResponse),
        typed!(
            "conversations.inviteShared",
            ConversationsInviteSharedResponse
        ),
        typed!("conversations.join", ConversationsJoinResponse),
        typed!("conversations.kick", ConversationsKickResponse),
        alias!("conversations.leave", ConversationsLeaveResponse),
        typed!("conversations.list", ConversationsListResponse),
        typed!(
            "conversations.listConnectInvites",
            ConversationsListConnectInvitesResponse
        ),
        alias!("conversations.mark", ConversationsMarkResponse),
        typed!("conversations.members", ConversationsMembersResponse),
        typed!("conversations.open", ConversationsOpenResponse),
        typed!("conversations.rename", ConversationsRenameResponse),
        typed!("conversations.replies", ConversationsRepliesResponse),
        typed!(
            "conversations.requestSharedInvite.approve",
            ConversationsRequestSharedInviteApproveResponse
        ),
        typed!(
            "conversations.requestSharedInvite.deny",
            ConversationsRequestSharedInviteDenyResponse
        ),
        typed!(
            "conversations.requestSharedInvite.list",
            ConversationsRequestSharedInviteListResponse
        ),
        typed!("conversations.setPurpose", ConversationsSetPurposeResponse),
        typed!("conversations.setTopic", ConversationsSetTopicResponse),
        alias!("conversations.unarchive", ConversationsUnarchiveResponse),
        typed!("emoji.list", EmojiListResponse),
        alias!("files.comments.delete", FilesCommentsDeleteResponse),
        typed!(
            "files.completeUploadExternal",
            FilesCompleteUploadExternalResponse
        ),
        alias!("files.delete", FilesDeleteResponse),
        typed!(
            "files.getUploadURLExternal",
            FilesGetUploadURLExternalResponse
        ),
        typed!("files.info", FilesInfoResponse),
        typed!("files.list", FilesListResponse),
        typed!("files.remote.add", FilesRemoteAddResponse),
        typed!("files.remote.info", FilesRemoteInfoResponse),
        typed!("files.remote.list", FilesRemoteListResponse),
        alias!("files.remote.remove", FilesRemoteRemoveResponse),
        typed!("files.remote.share", FilesRemoteShareResponse),
        typed!("files.remote.update", FilesRemoteUpdateResponse),
        typed!("files.revokePublicURL", FilesRevokePublicURLResponse),
        typed!("files.sharedPublicURL", FilesSharedPublicURLResponse),
        alias!("pins.add", PinsAddResponse),
        typed!("pins.list", PinsListResponse),
        alias!("pins.remove", PinsRemoveResponse),
        alias!("reactions.add", ReactionsAddResponse),
        typed!("reactions.get", ReactionsGetResponse),
        typed!("reactions.list", ReactionsListResponse),
        alias!("reactions.remove", ReactionsRemoveResponse),
        typed!("team.accessLogs", TeamAccessLogsResponse),
        typed!("team.billableInfo", TeamBillableInfoResponse),
        typed!("team.billing.info", TeamBillingInfoResponse),
        alias!(
            "team.externalTeams.disconnect",
            TeamExternalTeamsDisconnectResponse
        ),
        typed!("team.externalTeams.list", TeamExternalTeamsListResponse),
        typed!("team.info", TeamInfoResponse),
        typed!("team.integrationLogs", TeamIntegrationLogsResponse),
        typed!("team.preferences.list", TeamPreferencesListResponse),
        typed!("team.profile.get", TeamProfileGetResponse),
        typed!("usergroups.create", UsergroupsCreateResponse),
        typed!("usergroups.disable", UsergroupsDisableResponse),
        typed!("usergroups.enable", UsergroupsEnableResponse),
        typed!("usergroups.list", UsergroupsListResponse),
        typed!("usergroups.update", UsergroupsUpdateResponse),
        typed!("usergroups.users.list", UsergroupsUsersListResponse),
        typed!("usergroups.users.update", UsergroupsUsersUpdateResponse),
        typed!("users.conversations", UsersConversationsResponse),
        alias!("users.deletePhoto", UsersDeletePhotoResponse),
        typed!(
            "users.discoverableContacts.lookup",
            UsersDiscoverableContactsLookupResponse
        ),
        typed!("users.getPresence", UsersGetPresenceResponse),
        typed!("users.identity", UsersIdentityResponse),
        typed!("users.info", UsersInfoResponse),
        typed!("users.list", UsersListResponse),
        typed!("users.lookupByEmail", UsersLookupByEmailResponse),
        typed!("users.profile.get", UsersProfileGetResponse),
        typed!("users.profile.set", UsersProfileSetResponse),
        alias!("users.setActive", UsersSetActiveResponse),
        typed!("users.setPhoto", UsersSetPhotoResponse),
        alias!("users.setPresence", UsersSetPresenceResponse),
        typed!("views.open", ViewsOpenResponse),
        typed!("views.publish", ViewsPublishResponse),
        typed!("views.push", ViewsPushResponse),
        typed!("views.update", ViewsUpdateResponse),
    ]
}

#[test]
fn every_sample_decodes_and_every_key_lands_in_a_typed_field() {
    let mut all = Vec::new();
    for (method, ty, check) in table() {
        assert_eq!(ty, type_name(method), "the type of {method} is misnamed");
        all.extend(check(method, &sample(method)));
    }
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn every_core_method_of_the_catalog_has_an_answer_type() {
    let table: Vec<&str> = table().into_iter().map(|(method, _, _)| method).collect();
    let catalog: Vec<&str> = slackline_catalog::methods()
        .iter()
        .filter(|m| {
            slackline_catalog::TYPED_FAMILIES
                .contains(&m.name.split('.').next().unwrap_or_default())
        })
        .filter(|m| slackline_catalog::retired(m.name).is_none())
        .map(|m| m.name)
        .collect();
    assert_eq!(table, catalog);
    assert!(table.len() >= 90, "{}", table.len());
}

#[test]
fn a_key_kept_only_in_extra_is_caught() {
    let mut info = sample("conversations.info");
    info["channel"]["brand_new_flag"] = json!(true);
    info["channel"]["topic"]["brand_new_detail"] = json!("x");
    let mut found = problems::<ConversationsInfoResponse>("conversations.info", &info);
    found.sort();
    assert_eq!(
        found,
        [
            "conversations.info: channel.brand_new_flag: not in a typed field",
            "conversations.info: channel.topic.brand_new_detail: not in a typed field",
        ]
    );
    // Yet decoding keeps them.
    let answer: ConversationsInfoResponse = serde_json::from_value(info).unwrap();
    assert_eq!(answer.channel.extra["brand_new_flag"], true);
    assert_eq!(answer.channel.topic.unwrap().extra["brand_new_detail"], "x");

    let mut revoke = sample("auth.revoke");
    revoke["revoked"] = json!(true);
    assert_eq!(
        alias_problems("auth.revoke", &revoke),
        ["auth.revoke: `revoked` has no typed field (DefaultSuccess)"]
    );
}

#[test]
fn unknown_fields_and_enum_values_survive_a_round_trip() {
    let sent = json!({
        "ok": true,
        "channel": "C1",
        "ts": "1700000000.000100",
        "brand_new_top": {"a": [1, 2]},
        "message": {
            "ts": "1700000000.000100",
            "type": "message",
            "subtype": "brand_new_subtype",
            "text": "hi",
            "brand_new_field": {"nested": true},
            "files": [{"id": "F1", "mode": "brand_new_mode", "brand_new_file_field": 7}],
            "bot_profile": {"id": "B1", "brand_new_bot_field": "x"},
            "reactions": [{"name": "tada", "count": 1, "users": ["U1"], "brand_new": 0}]
        }
    });
    let answer: ChatPostMessageResponse = serde_json::from_value(sent.clone()).unwrap();
    let message = &answer.message;
    assert_eq!(
        message.subtype,
        Some(MessageSubtype::Other("brand_new_subtype".into()))
    );
    assert_eq!(
        message.files[0].mode,
        Some(FileMode::Other("brand_new_mode".into()))
    );
    assert_eq!(message.files[0].extra["brand_new_file_field"], 7);
    assert_eq!(answer.extra["brand_new_top"], json!({"a": [1, 2]}));

    let written = serde_json::to_value(&answer).unwrap();
    // Everything sent is written back, unknown keys and values included.
    let mut lost = Vec::new();
    compare(&sent, &written, "", &mut lost);
    assert!(lost.is_empty(), "{lost:?}");
    let again: ChatPostMessageResponse = serde_json::from_value(written).unwrap();
    assert_eq!(again, answer);

    // Known values still decode to their variants, and print as Slack spells them.
    let item: Item = serde_json::from_value(json!({"type": "file", "file": {"id": "F1"}})).unwrap();
    assert_eq!(item.r#type, Some(ItemType::File));
    assert_eq!(ItemType::FileComment.to_string(), "file_comment");
    let view: View =
        serde_json::from_value(json!({"id": "V1", "type": "brand_new_surface"})).unwrap();
    assert_eq!(view.r#type.unwrap().as_str(), "brand_new_surface");
}

#[test]
fn missing_optional_fields_do_not_fail_decoding() {
    // A file without `created` (and without nearly everything else).
    let file: File =
        serde_json::from_value(json!({"id": "F1", "mode": "hidden_by_limit"})).unwrap();
    assert_eq!(file.created, None);
    assert_eq!(file.mode, Some(FileMode::HiddenByLimit));
    assert!(file.channels.is_empty());
    assert!(!file.is_public);

    // A message with `edited`, and a block of a type slackline has never seen.
    let message: Message = serde_json::from_value(json!({
        "ts": "1700000000.000200",
        "edited": {"user": "U1", "ts": "1700000001.000000"},
        "blocks": [{"type": "table", "rows": [[{"type": "raw_text", "text": "a"}]]}]
    }))
    .unwrap();
    assert_eq!(message.edited.unwrap().user.as_deref(), Some("U1"));
    assert_eq!(message.blocks[0]["type"], "table");
    assert_eq!(message.subtype, None);
    assert!(message.reactions.is_empty());

    // The bare minimum of each shared model.
    let _: Conversation = serde_json::from_value(json!({"id": "C1"})).unwrap();
    // `null` reads as absent: no flag, an empty list.
    let nulls: Conversation = serde_json::from_value(
        json!({"id": "C1", "is_archived": null, "previous_names": null, "name": null}),
    )
    .unwrap();
    assert!(!nulls.is_archived && nulls.previous_names.is_empty() && nulls.name.is_none());
    let user: User = serde_json::from_value(json!({"id": "U1"})).unwrap();
    assert!(user.profile.is_none());
    assert!(!user.is_bot);
    let _: Bot = serde_json::from_value(json!({"id": "B1"})).unwrap();
    let _: Team = serde_json::from_value(json!({"id": "T1"})).unwrap();
    let _: Usergroup = serde_json::from_value(json!({"id": "S1"})).unwrap();
    let _: UserProfile = serde_json::from_value(json!({})).unwrap();
    let _: ConversationsListResponse = serde_json::from_value(json!({"ok": true})).unwrap();

    // A number sent as a string (or a string as a number) still decodes; an
    // empty string is no number. What cannot be read is an error, not a loss.
    let odd: Conversation = serde_json::from_value(
        json!({"id": "C1", "created": "1700000000", "num_members": "", "name": 42}),
    )
    .unwrap();
    assert_eq!(odd.created, Some(1_700_000_000));
    assert_eq!(odd.num_members, None);
    assert_eq!(odd.name.as_deref(), Some("42"));
    assert!(
        serde_json::from_value::<Conversation>(json!({"id": "C1", "created": "soon"})).is_err()
    );
    assert!(serde_json::from_value::<Conversation>(json!({"id": "C1", "created": 1.5})).is_err());

    // What Slack always sends is required: a message without `ts` is an error.
    let err = serde_json::from_value::<Message>(json!({"text": "no ts"})).unwrap_err();
    assert!(err.to_string().contains("ts"), "{err}");
    assert!(serde_json::from_value::<User>(json!({"name": "no id"})).is_err());
}

#[test]
fn cursor_lists_say_where_the_next_page_starts() {
    let page: ConversationsListResponse = serde_json::from_value(json!({
        "ok": true,
        "channels": [{"id": "C1", "name": "general"}],
        "response_metadata": {"next_cursor": "dXNlcjpVMDYxTkZUVDI="}
    }))
    .unwrap();
    assert_eq!(page.channels[0].name.as_deref(), Some("general"));
    assert_eq!(page.next_cursor(), Some("dXNlcjpVMDYxTkZUVDI="));
    let last: UsersListResponse = serde_json::from_value(
        json!({"ok": true, "members": [], "response_metadata": {"next_cursor": ""}}),
    )
    .unwrap();
    assert_eq!(last.next_cursor(), None);
    assert_eq!(last.response_metadata.unwrap().next_cursor(), None);
}
