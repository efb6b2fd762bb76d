//! What people put into the org: channels (public, private, DMs), messages with threads,
//! edits, reactions and pins, files, scheduled messages. Part of the org model, guarded
//! by the org's mutex; the method families in `methods/` read and change it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use serde_json::Value;

/// A message timestamp (`"1700000000.000100"`) as microseconds since the epoch: ordered,
/// unique per org.
pub(crate) type Ts = u64;

/// `"<seconds>.<6 digits>"`.
pub(crate) fn ts_string(ts: Ts) -> String {
    format!("{}.{:06}", ts / 1_000_000, ts % 1_000_000)
}

/// Parses Slack's `"<seconds>.<digits>"` (or bare seconds); `None` for anything else.
pub(crate) fn parse_ts(s: &str) -> Option<Ts> {
    let (secs, frac) = s.split_once('.').unwrap_or((s, ""));
    if secs.is_empty()
        || secs.len() > 12
        || frac.len() > 6
        || !secs.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let secs: u64 = secs.parse().ok()?;
    let micros: u64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<6}").parse().ok()?
    };
    secs.checked_mul(1_000_000)?.checked_add(micros)
}

/// Seconds since the epoch.
pub(crate) fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn now_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
}

/// Topic or purpose of a channel.
#[derive(Debug, Clone, Default)]
pub(crate) struct Topic {
    pub(crate) value: String,
    pub(crate) creator: String,
    pub(crate) last_set: i64,
}

/// What kind of conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChannelKind {
    Public,
    Private,
    Im,
    Mpim,
}

/// A conversation.
#[derive(Debug, Clone)]
pub(crate) struct Channel {
    pub(crate) id: String,
    pub(crate) team_id: String,
    pub(crate) name: String,
    pub(crate) kind: ChannelKind,
    pub(crate) is_general: bool,
    pub(crate) archived: bool,
    pub(crate) created: i64,
    pub(crate) creator: String,
    pub(crate) members: BTreeSet<String>,
    pub(crate) topic: Topic,
    pub(crate) purpose: Topic,
    pub(crate) previous_names: Vec<String>,
    /// Every message, replies included, by ts.
    pub(crate) messages: BTreeMap<Ts, Message>,
    /// Pinned messages: ts → (pinned by, when).
    pub(crate) pins: BTreeMap<Ts, (String, i64)>,
}

impl Channel {
    pub(crate) fn new(id: &str, team_id: &str, name: &str, kind: ChannelKind) -> Channel {
        Channel {
            id: id.to_owned(),
            team_id: team_id.to_owned(),
            name: name.to_owned(),
            kind,
            is_general: false,
            archived: false,
            created: now_secs(),
            creator: String::new(),
            members: BTreeSet::new(),
            topic: Topic::default(),
            purpose: Topic::default(),
            previous_names: Vec::new(),
            messages: BTreeMap::new(),
            pins: BTreeMap::new(),
        }
    }

    pub(crate) fn is_dm(&self) -> bool {
        matches!(self.kind, ChannelKind::Im | ChannelKind::Mpim)
    }
}

/// One reaction on a message: the emoji name and who reacted, in order.
#[derive(Debug, Clone)]
pub(crate) struct Reaction {
    pub(crate) name: String,
    pub(crate) users: Vec<String>,
}

/// A message (or a thread reply).
#[derive(Debug, Clone)]
pub(crate) struct Message {
    pub(crate) ts: Ts,
    pub(crate) user: String,
    pub(crate) team: String,
    pub(crate) bot_id: Option<String>,
    pub(crate) app_id: Option<String>,
    pub(crate) subtype: Option<&'static str>,
    pub(crate) text: String,
    pub(crate) blocks: Option<Value>,
    pub(crate) attachments: Option<Value>,
    pub(crate) metadata: Option<Value>,
    /// The parent's ts for a reply (and the message's own ts for a thread parent).
    pub(crate) thread_ts: Option<Ts>,
    /// Replies of a thread parent, oldest first.
    pub(crate) replies: Vec<Ts>,
    pub(crate) edited: Option<(String, Ts)>,
    pub(crate) reactions: Vec<Reaction>,
    pub(crate) files: Vec<String>,
}

/// Fixed bytes a stored message costs beyond its strings and JSON values: the struct,
/// its entry in its channel's map, its ts in a thread parent's replies.
const MESSAGE_OVERHEAD: usize = std::mem::size_of::<Message>() + 64;

/// Approximate heap bytes of a JSON value: every node, its strings and object keys.
pub(crate) fn value_bytes(v: &Value) -> usize {
    let node = std::mem::size_of::<Value>();
    match v {
        Value::Null | Value::Bool(_) | Value::Number(_) => node,
        Value::String(s) => node + s.len(),
        Value::Array(items) => node + items.iter().map(value_bytes).sum::<usize>(),
        Value::Object(map) => {
            node + map
                .iter()
                .map(|(k, v)| std::mem::size_of::<String>() + k.len() + value_bytes(v))
                .sum::<usize>()
        }
    }
}

impl Message {
    /// Approximate bytes the message holds, as charged to the messages' budget: a fixed
    /// part, its strings, its blocks, attachments and metadata, and its files' ids.
    /// Reactions are not charged (at most 50 per message, each of at most the org's users).
    pub(crate) fn cost(&self) -> usize {
        let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        let json = |v: &Option<Value>| v.as_ref().map_or(0, value_bytes);
        MESSAGE_OVERHEAD
            + self.text.len()
            + self.user.len()
            + self.team.len()
            + opt(&self.bot_id)
            + opt(&self.app_id)
            + json(&self.blocks)
            + json(&self.attachments)
            + json(&self.metadata)
            + self.edited.as_ref().map_or(0, |(u, _)| u.len())
            + self
                .files
                .iter()
                .map(|f| std::mem::size_of::<String>() + f.len())
                .sum::<usize>()
    }
}

/// A file of the upload flow.
#[derive(Debug, Clone)]
pub(crate) struct FileRec {
    pub(crate) id: String,
    pub(crate) user: String,
    pub(crate) team: String,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) alt_txt: Option<String>,
    pub(crate) snippet_type: Option<String>,
    pub(crate) created: i64,
    /// The bytes, once uploaded to the upload URL.
    pub(crate) bytes: Option<Bytes>,
    /// Set by `files.completeUploadExternal`.
    pub(crate) completed: bool,
    pub(crate) deleted: bool,
    /// Channels it was shared to, with the ts of the sharing message.
    pub(crate) shares: Vec<(String, Ts)>,
}

/// Fixed bytes a file record costs beyond its strings: the struct and its map entry.
const FILE_OVERHEAD: usize = std::mem::size_of::<FileRec>() + 64;

impl FileRec {
    /// Approximate bytes of the record (not its content), as charged to the files'
    /// budget: a fixed part and its strings. Its shares are not counted (each one is a
    /// sharing message, charged to the messages' budget).
    pub(crate) fn record_cost(&self) -> usize {
        let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        FILE_OVERHEAD
            + self.id.len()
            + self.user.len()
            + self.team.len()
            + self.name.len()
            + self.title.len()
            + opt(&self.alt_txt)
            + opt(&self.snippet_type)
    }
}

/// A message waiting for its `post_at`.
#[derive(Debug, Clone)]
pub(crate) struct Scheduled {
    pub(crate) id: String,
    pub(crate) channel: String,
    pub(crate) post_at: i64,
    pub(crate) date_created: i64,
    pub(crate) message: Message,
}

/// A channel to seed with [`MockSlackBuilder::channel`](crate::MockSlackBuilder::channel).
///
/// ```
/// use slackline_mock::{demo, MockChannel, MockSlack};
/// let builder = MockSlack::builder().demo_org().channel(
///     MockChannel::private("C0DEPLOY", demo::TEAM_ID, "deploys").members(&[demo::ALICE_ID]),
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockChannel {
    id: String,
    team_id: String,
    name: String,
    private: bool,
    general: bool,
    archived: bool,
    members: Vec<String>,
    topic: String,
    purpose: String,
}

impl MockChannel {
    fn new(id: &str, team_id: &str, name: &str, private: bool) -> MockChannel {
        MockChannel {
            id: id.to_owned(),
            team_id: team_id.to_owned(),
            name: name.to_owned(),
            private,
            general: false,
            archived: false,
            members: Vec::new(),
            topic: String::new(),
            purpose: String::new(),
        }
    }

    /// A public channel of `team_id`.
    pub fn public(id: &str, team_id: &str, name: &str) -> MockChannel {
        MockChannel::new(id, team_id, name, false)
    }

    /// A private channel of `team_id`.
    pub fn private(id: &str, team_id: &str, name: &str) -> MockChannel {
        MockChannel::new(id, team_id, name, true)
    }

    /// Adds members (user ids, or a bot's `B…` id for its bot user).
    pub fn members(mut self, users: &[&str]) -> MockChannel {
        self.members.extend(users.iter().map(|u| (*u).to_owned()));
        self
    }

    /// Marks it the team's general channel (every user of the team is a member; it
    /// cannot be left, archived or kicked from).
    pub fn general(mut self) -> MockChannel {
        self.general = true;
        self
    }

    /// Archived from the start.
    pub fn archived(mut self) -> MockChannel {
        self.archived = true;
        self
    }

    /// Sets the topic.
    pub fn topic(mut self, topic: &str) -> MockChannel {
        self.topic = topic.to_owned();
        self
    }

    /// Sets the purpose.
    pub fn purpose(mut self, purpose: &str) -> MockChannel {
        self.purpose = purpose.to_owned();
        self
    }

    /// The channel's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    pub(crate) fn to_channel(&self, org: &crate::org::Org) -> Channel {
        let kind = if self.private {
            ChannelKind::Private
        } else {
            ChannelKind::Public
        };
        let mut ch = Channel::new(&self.id, &self.team_id, &self.name, kind);
        ch.is_general = self.general;
        ch.archived = self.archived;
        ch.members = self
            .members
            .iter()
            .filter_map(|m| org.user(m).map(|u| u.id.clone()))
            .collect();
        ch.creator = ch.members.iter().next().cloned().unwrap_or_default();
        for (t, v) in [
            (&mut ch.topic, &self.topic),
            (&mut ch.purpose, &self.purpose),
        ] {
            if !v.is_empty() {
                t.value = v.clone();
                t.creator = ch.creator.clone();
                t.last_set = ch.created;
            }
        }
        ch
    }
}

/// How much clients may make the emulator hold (set by the builder; see
/// [`MockSlackBuilder`](crate::MockSlackBuilder)'s `messages_max`, `messages_max_bytes`,
/// `channels_max` and `files_max_bytes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Budgets {
    /// Messages stored (in channels, replies included, and scheduled).
    pub(crate) messages_max: usize,
    /// Their bytes ([`Message::cost`]).
    pub(crate) messages_max_bytes: usize,
    /// Conversations (channels, DMs, group DMs) created by clients.
    pub(crate) channels_max: usize,
    /// Bytes of uploaded files (uploads not yet completed, and files) and of their
    /// records.
    pub(crate) files_max_bytes: usize,
}

impl Default for Budgets {
    fn default() -> Budgets {
        Budgets {
            messages_max: crate::DEFAULT_MESSAGES_MAX,
            messages_max_bytes: crate::DEFAULT_MESSAGES_MAX_BYTES,
            channels_max: crate::DEFAULT_CHANNELS_MAX,
            files_max_bytes: crate::DEFAULT_FILES_MAX_BYTES,
        }
    }
}

/// Most names a channel remembers in `previous_names` (the newest).
pub(crate) const MAX_PREVIOUS_NAMES: usize = 10;

/// All content of the org.
#[derive(Debug, Default)]
pub(crate) struct Content {
    pub(crate) channels: BTreeMap<String, Channel>,
    pub(crate) files: BTreeMap<String, FileRec>,
    /// Scheduled messages by id; change them through [`Content::schedule`] and
    /// [`Content::unschedule`], which keep `due` in step.
    pub(crate) scheduled: BTreeMap<String, Scheduled>,
    /// (post_at, id) of every scheduled message: the ones due are at the front, so
    /// a request costs nothing more when none is due, however many are scheduled.
    due: BTreeSet<(i64, String)>,
    last_ts: Ts,
    next_id: u64,
    /// Ids of the channels (not DMs) by team and name: `conversations.create` and
    /// `rename` check a name in constant time, not by a walk of every channel.
    names: HashMap<(String, String), BTreeSet<String>>,
    /// Bytes of uploaded files held (uploads not yet completed, and files), and of
    /// their records ([`FileRec::record_cost`]).
    file_bytes: usize,
    /// Messages held (in channels and scheduled), and their bytes ([`Message::cost`]).
    message_count: usize,
    message_bytes: usize,
    /// Conversations created by clients (not seeded by the builder).
    created_channels: usize,
    /// What clients may make the emulator hold.
    pub(crate) budgets: Budgets,
}

impl Content {
    /// Keeps an upload's bytes within the files' memory budget: when they do not fit,
    /// the bytes of the oldest uploads not yet completed are dropped first (Slack
    /// discards unfinished uploads too; completing one then answers `file_not_found`).
    /// `false`, and nothing stored, when the files already completed leave no room.
    pub(crate) fn store_file_bytes(&mut self, id: &str, bytes: Bytes) -> bool {
        self.drop_file_bytes(id);
        let max = self.budgets.files_max_bytes;
        let fits = |held: usize| held.saturating_add(bytes.len()) <= max;
        if !fits(self.file_bytes) {
            // Ids grow with time: the map's order is the uploads' age.
            let pending: Vec<String> = self
                .files
                .values()
                .filter(|f| !f.completed && f.bytes.is_some())
                .map(|f| f.id.clone())
                .collect();
            for old in pending {
                if fits(self.file_bytes) {
                    break;
                }
                self.drop_file_bytes(&old);
            }
        }
        if !fits(self.file_bytes) {
            return false;
        }
        let Some(f) = self.files.get_mut(id) else {
            return false;
        };
        self.file_bytes += bytes.len();
        f.bytes = Some(bytes);
        true
    }

    /// Adds the record of an upload announced by `files.getUploadURLExternal`, charged
    /// to the files' budget: when it does not fit, the oldest uploads not yet completed
    /// are dropped first, records and bytes (completing one then answers
    /// `file_not_found`). `false`, and nothing stored, when completed files leave no room.
    pub(crate) fn add_file_record(&mut self, f: FileRec) -> bool {
        let cost = f.record_cost();
        let max = self.budgets.files_max_bytes;
        let fits = |held: usize| held.saturating_add(cost) <= max;
        if !fits(self.file_bytes) {
            // Ids grow with time: the map's order is the uploads' age.
            let pending: Vec<String> = self
                .files
                .values()
                .filter(|f| !f.completed)
                .map(|f| f.id.clone())
                .collect();
            for old in pending {
                if fits(self.file_bytes) {
                    break;
                }
                self.drop_file_bytes(&old);
                if let Some(rec) = self.files.remove(&old) {
                    self.file_bytes = self.file_bytes.saturating_sub(rec.record_cost());
                }
            }
        }
        if !fits(self.file_bytes) {
            return false;
        }
        self.file_bytes += cost;
        self.files.insert(f.id.clone(), f);
        true
    }

    /// A file's record changes from `old` to `new` bytes (a new title): `false`, and
    /// nothing changed, when it grows beyond the files' budget.
    pub(crate) fn recharge_file_record(&mut self, old: usize, new: usize) -> bool {
        recharge(&mut self.file_bytes, self.budgets.files_max_bytes, old, new)
    }

    /// Releases a file's bytes (deleted, or dropped for room).
    pub(crate) fn drop_file_bytes(&mut self, id: &str) {
        if let Some(old) = self.files.get_mut(id).and_then(|f| f.bytes.take()) {
            self.file_bytes -= old.len();
        }
    }

    /// Whether `n` more messages of `bytes` in all fit the messages' budgets.
    pub(crate) fn messages_fit(&self, n: usize, bytes: usize) -> bool {
        self.message_count.saturating_add(n) <= self.budgets.messages_max
            && self.message_bytes.saturating_add(bytes) <= self.budgets.messages_max_bytes
    }

    /// Charges a new message of `cost` bytes to the messages' budgets: `false`, and
    /// nothing charged, when it does not fit.
    pub(crate) fn charge_message(&mut self, cost: usize) -> bool {
        if !self.messages_fit(1, cost) {
            return false;
        }
        self.message_count += 1;
        self.message_bytes += cost;
        true
    }

    /// A stored message changes from `old` to `new` bytes: `false`, and nothing
    /// changed, when it grows beyond the budget (shrinking always fits).
    pub(crate) fn recharge_message(&mut self, old: usize, new: usize) -> bool {
        recharge(
            &mut self.message_bytes,
            self.budgets.messages_max_bytes,
            old,
            new,
        )
    }

    /// A stored message changes from `old` to `new` bytes whatever the budget (a
    /// tombstone, at most a few dozen bytes larger than the message it replaces).
    pub(crate) fn rebill_message(&mut self, old: usize, new: usize) {
        self.message_bytes = self.message_bytes.saturating_sub(old).saturating_add(new);
    }

    /// A message of `cost` bytes is gone.
    pub(crate) fn release_message(&mut self, cost: usize) {
        self.message_count = self.message_count.saturating_sub(1);
        self.message_bytes = self.message_bytes.saturating_sub(cost);
    }

    /// Messages held and their bytes.
    pub(crate) fn message_usage(&self) -> (usize, usize) {
        (self.message_count, self.message_bytes)
    }

    /// What the budgets count: `{"messages", "message_bytes", "channels",
    /// "created_channels", "file_bytes"}`.
    pub(crate) fn usage_json(&self) -> Value {
        let (messages, message_bytes) = self.message_usage();
        serde_json::json!({
            "messages": messages,
            "message_bytes": message_bytes,
            "channels": self.channels.len(),
            "created_channels": self.created_channels,
            "file_bytes": self.file_bytes,
        })
    }

    /// Whether one more conversation created by a client fits the channels' budget.
    pub(crate) fn channel_fits(&self) -> bool {
        self.created_channels < self.budgets.channels_max
    }

    /// Adds a conversation a client creates (checked first with [`Content::channel_fits`]).
    pub(crate) fn add_created_channel(&mut self, channel: Channel) {
        self.created_channels += 1;
        self.add_channel(channel);
    }

    /// A fresh message ts: now, strictly after every earlier one.
    pub(crate) fn next_ts(&mut self) -> Ts {
        self.last_ts = now_micros().max(self.last_ts + 1);
        self.last_ts
    }

    /// A fresh id with Slack's prefix letter (`C`, `D`, `F`, `Q`, ...): the letter and
    /// 10 characters, never colliding with the demo org's ids (which contain a `0`
    /// followed by letters).
    pub(crate) fn next_id(&mut self, prefix: char) -> String {
        self.next_id += 1;
        format!("{prefix}{:010}", 1_000_000_000 + self.next_id)
    }

    pub(crate) fn add_channel(&mut self, channel: Channel) {
        if !channel.is_dm() {
            self.names
                .entry((channel.team_id.clone(), channel.name.clone()))
                .or_default()
                .insert(channel.id.clone());
        }
        self.channels.insert(channel.id.clone(), channel);
    }

    /// Whether a channel of `team` other than `except` is named `name`.
    pub(crate) fn name_taken(&self, team: &str, name: &str, except: Option<&str>) -> bool {
        self.names
            .get(&(team.to_owned(), name.to_owned()))
            .is_some_and(|ids| ids.iter().any(|id| Some(id.as_str()) != except))
    }

    /// Renames a channel (not a DM); its old name goes first in `previous_names`.
    pub(crate) fn rename_channel(&mut self, id: &str, name: &str) {
        let Some(ch) = self.channels.get_mut(id).filter(|c| !c.is_dm()) else {
            return;
        };
        if ch.name == name {
            return;
        }
        let old = std::mem::replace(&mut ch.name, name.to_owned());
        let team = ch.team_id.clone();
        ch.previous_names.insert(0, old.clone());
        ch.previous_names.truncate(MAX_PREVIOUS_NAMES);
        let key = (team.clone(), old);
        if let Some(ids) = self.names.get_mut(&key) {
            ids.remove(id);
            if ids.is_empty() {
                self.names.remove(&key);
            }
        }
        self.names
            .entry((team, name.to_owned()))
            .or_default()
            .insert(id.to_owned());
    }

    /// Schedules `s` (replacing a message of the same id), charged to the messages'
    /// budgets: `false`, and nothing scheduled, when it does not fit.
    pub(crate) fn schedule(&mut self, s: Scheduled) -> bool {
        self.unschedule(&s.id);
        if !self.charge_message(s.message.cost()) {
            return false;
        }
        self.due.insert((s.post_at, s.id.clone()));
        self.scheduled.insert(s.id.clone(), s);
        true
    }

    /// Removes the scheduled message `id`, if there is one.
    pub(crate) fn unschedule(&mut self, id: &str) -> Option<Scheduled> {
        let s = self.scheduled.remove(id)?;
        self.due.remove(&(s.post_at, s.id.clone()));
        self.release_message(s.message.cost());
        Some(s)
    }

    /// Moves scheduled messages whose time has come into their channels.
    pub(crate) fn deliver_due(&mut self) {
        let now = now_secs();
        let mut due = Vec::new();
        while self.due.first().is_some_and(|(at, _)| *at <= now) {
            due.extend(self.due.pop_first().map(|(_, id)| id));
        }
        for id in due {
            // Delivered, a message stays charged (the same bytes, in its channel).
            let Some(s) = self.scheduled.remove(&id) else {
                continue;
            };
            let mut ts = u64::try_from(s.post_at).unwrap_or(0) * 1_000_000;
            let Some(ch) = self.channels.get_mut(&s.channel) else {
                self.release_message(s.message.cost());
                continue;
            };
            while ch.messages.contains_key(&ts) {
                ts += 1;
            }
            let mut m = s.message;
            m.ts = ts;
            // A scheduled reply joins its thread, if the parent is still there.
            let parent = m
                .thread_ts
                .and_then(|t| ch.messages.get(&t))
                .map(|p| p.thread_ts.unwrap_or(p.ts));
            m.thread_ts = parent;
            if let Some(p) = parent.and_then(|p| ch.messages.get_mut(&p)) {
                p.thread_ts = Some(p.ts);
                let at = p.replies.partition_point(|r| *r < ts);
                p.replies.insert(at, ts);
            }
            ch.messages.insert(ts, m);
        }
    }
}

/// A stored item's charge to `held` (of at most `max`) changes from `old` to `new` bytes:
/// `false`, and nothing changed, when it grows beyond `max` (shrinking always fits).
fn recharge(held: &mut usize, max: usize, old: usize, new: usize) -> bool {
    let rest = held.saturating_sub(old);
    if new > old && rest.saturating_add(new) > max {
        return false;
    }
    *held = rest + new;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(ts_string(1_700_000_000_000_100), "1700000000.000100");
        assert_eq!(parse_ts("1700000000.000100"), Some(1_700_000_000_000_100));
        assert_eq!(parse_ts("1700000000.1"), Some(1_700_000_000_100_000));
        assert_eq!(parse_ts("1700000000"), Some(1_700_000_000_000_000));
        for bad in [
            "",
            ".",
            "abc",
            "1.2.3",
            "1.1234567",
            "-1.0",
            "99999999999999.0",
        ] {
            assert_eq!(parse_ts(bad), None, "{bad}");
        }
        let mut c = Content::default();
        let a = c.next_ts();
        assert!(c.next_ts() > a);
        assert_ne!(c.next_id('C'), c.next_id('C'));
    }

    fn message(text: &str, thread_ts: Option<Ts>) -> Message {
        Message {
            ts: 0,
            user: "U1".into(),
            team: "T1".into(),
            bot_id: None,
            app_id: None,
            subtype: None,
            text: text.into(),
            blocks: None,
            attachments: None,
            metadata: None,
            thread_ts,
            replies: Vec::new(),
            edited: None,
            reactions: Vec::new(),
            files: Vec::new(),
        }
    }

    #[test]
    fn due_scheduled_messages_are_delivered() {
        let mut c = Content::default();
        let mut ch = Channel::new("C1", "T1", "one", ChannelKind::Public);
        let parent_ts = 1_000_000_000_000_000;
        let mut parent = message("parent", None);
        parent.ts = parent_ts;
        ch.messages.insert(parent_ts, parent);
        c.add_channel(ch);
        let now = now_secs();
        for (id, post_at, thread) in [
            ("Q1", now - 5, None),
            ("Q2", now - 4, Some(parent_ts)),
            ("Q3", now + 3600, None),
        ] {
            let scheduled = c.schedule(Scheduled {
                id: id.into(),
                channel: "C1".into(),
                post_at,
                date_created: now - 10,
                message: message(id, thread),
            });
            assert!(scheduled);
        }
        // Three messages charged; delivered ones stay charged.
        assert_eq!(c.message_usage().0, 3);
        c.deliver_due();
        assert_eq!(c.message_usage().0, 3);
        assert_eq!(c.scheduled.keys().collect::<Vec<_>>(), ["Q3"]);
        assert_eq!(c.due.len(), 1);
        let ch = &c.channels["C1"];
        assert_eq!(ch.messages.len(), 3);
        let q1 = u64::try_from(now - 5).unwrap() * 1_000_000;
        assert_eq!(ch.messages[&q1].text, "Q1");
        let parent = &ch.messages[&parent_ts];
        assert_eq!(parent.replies.len(), 1);
        assert_eq!(ch.messages[&parent.replies[0]].text, "Q2");
        assert_eq!(parent.thread_ts, Some(parent_ts));
    }

    #[test]
    fn message_budgets_charge_and_release() {
        let mut c = Content::default();
        c.budgets.messages_max = 2;
        let small = message("hi", None).cost();
        c.budgets.messages_max_bytes = 2 * small + 10;
        assert!(c.charge_message(small));
        assert!(c.charge_message(small));
        // The count is full.
        assert!(!c.charge_message(1));
        assert_eq!(c.message_usage(), (2, 2 * small));
        // Growing beyond the bytes fails and changes nothing; shrinking always fits.
        assert!(!c.recharge_message(small, small + 11));
        assert!(c.recharge_message(small, small + 10));
        assert!(c.recharge_message(small + 10, 1));
        assert_eq!(c.message_usage(), (2, small + 1));
        c.release_message(1);
        assert_eq!(c.message_usage(), (1, small));
        // The bytes, now: a message of more than what is left does not fit.
        assert!(!c.charge_message(small + 11));
        assert!(c.charge_message(small + 10));
        // Costs grow with what clients send.
        let mut big = message(&"x".repeat(1000), None);
        assert_eq!(big.cost(), small + 998);
        big.blocks = Some(serde_json::json!([{"type": "section", "text": "y"}]));
        assert!(big.cost() > small + 998 + 3 * std::mem::size_of::<Value>());
    }

    #[test]
    fn renames_keep_the_newest_names() {
        let mut c = Content::default();
        c.add_channel(Channel::new("C1", "T1", "n0", ChannelKind::Public));
        for i in 1..=25 {
            c.rename_channel("C1", &format!("n{i}"));
        }
        let ch = &c.channels["C1"];
        assert_eq!(ch.name, "n25");
        assert_eq!(ch.previous_names.len(), MAX_PREVIOUS_NAMES);
        assert_eq!(ch.previous_names[0], "n24");
        assert!(!c.name_taken("T1", "n3", None));
    }
}
