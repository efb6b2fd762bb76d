//! Methods without modelled behaviour answer in the shape of Slack's published sample
//! response (`samples/slack_response_samples.json`, MIT, see
//! `samples/LICENSE.slack_response_samples.md`): the sample's fields, `ok: true`, the
//! error-only fields removed, placeholder IDs replaced by IDs from the org and the
//! request. Methods without a sample answer `{"ok":true}`.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde_json::{Map, Value};

use super::Call;
use crate::reply::Reply;

const SAMPLES_JSON: &str = include_str!("../../samples/slack_response_samples.json");

static SAMPLES: LazyLock<HashMap<String, Value>> = LazyLock::new(|| {
    // Part of the crate and covered by tests; an invalid file is a build defect.
    serde_json::from_str(SAMPLES_JSON).unwrap_or_default()
});

/// The published sample of `method`, if any.
pub(crate) fn sample(method: &str) -> Option<&'static Value> {
    SAMPLES.get(method)
}

/// Top-level fields that only error answers carry.
const ERROR_FIELDS: &[&str] = &[
    "error",
    "needed",
    "provided",
    "warning",
    "callstack",
    "deprecated_argument",
    "arg",
    "req_method",
];

/// The answer of a method without modelled behaviour.
pub(crate) fn answer(call: &Call<'_>) -> Reply {
    match sample(call.spec.name) {
        Some(sample) => Reply::ok_value(&fill(call, sample)),
        None => Reply::ok(),
    }
}

/// The sample, made a success answer for this request.
pub(crate) fn fill(call: &Call<'_>, sample: &Value) -> Value {
    let ids = Ids::new(call);
    let mut out = Map::new();
    out.insert("ok".to_owned(), Value::Bool(true));
    if let Value::Object(map) = sample {
        for (k, v) in map {
            if k == "ok" || ERROR_FIELDS.contains(&k.as_str()) {
                continue;
            }
            // `errors: [""]` lists failures; `response_metadata` keeps only the cursor.
            if k == "errors" && v.as_array().is_some_and(|a| a.iter().all(Value::is_string)) {
                continue;
            }
            if k == "response_metadata" {
                if v.get("next_cursor").is_some() {
                    out.insert(k.clone(), super::metadata(String::new()));
                }
                continue;
            }
            let mut v = v.clone();
            ids.replace(k, &mut v);
            out.insert(k.clone(), v);
        }
    }
    Value::Object(out)
}

/// Values that replace the samples' placeholders.
struct Ids<'a> {
    call: &'a Call<'a>,
    user: String,
    team: String,
    enterprise: String,
    channel: String,
    app: String,
    bot: String,
    ts: String,
}

impl<'a> Ids<'a> {
    fn new(call: &'a Call<'a>) -> Ids<'a> {
        let org = call.shared.org();
        let team = call.team_id().to_owned();
        let channel = call
            .arg("channel")
            .or_else(|| call.arg("channel_id"))
            .map(str::to_owned)
            .or_else(|| {
                org.content
                    .channels
                    .values()
                    .find(|c| c.team_id == team && c.is_general)
                    .map(|c| c.id.clone())
            })
            .unwrap_or_else(|| "C00000000".to_owned());
        let bot = org
            .user(call.user_id())
            .and_then(|u| u.bot_id.clone())
            .or_else(|| org.users.values().filter_map(|u| u.bot_id.clone()).min())
            .unwrap_or_else(|| "B00000000".to_owned());
        let ts = ["ts", "timestamp", "message_ts", "thread_ts"]
            .iter()
            .find_map(|a| call.arg(a))
            .map_or_else(
                || crate::content::ts_string(crate::content::now_secs() as u64 * 1_000_000),
                str::to_owned,
            );
        Ids {
            user: call
                .arg("user")
                .or_else(|| call.arg("user_id"))
                .unwrap_or(call.user_id())
                .to_owned(),
            enterprise: org.enterprise_id.clone(),
            app: call
                .token
                .map_or(crate::demo::APP_ID, |t| t.app_id.as_str())
                .to_owned(),
            call,
            team,
            channel,
            bot,
            ts,
        }
    }

    /// The value for a placeholder string found under `key`, if it is one.
    fn for_placeholder(&self, key: &str, s: &str) -> Option<String> {
        // A field named like a given argument echoes it (`name`, `usergroup`, ...).
        if (s.is_empty() || is_placeholder_id(s)) && !matches!(key, "id" | "ok") {
            if let Some(v) = self.call.arg(key) {
                return Some(v.to_owned());
            }
        }
        let by_prefix = |args: &[&str]| {
            args.iter()
                .find_map(|a| self.call.arg(a))
                .map(str::to_owned)
        };
        match s {
            "U00000000" | "W00000000" => Some(self.user.clone()),
            "T00000000" => Some(self.team.clone()),
            "E00000000" => Some(self.enterprise.clone()),
            "C00000000" | "G00000000" => Some(self.channel.clone()),
            "A00000000" => Some(self.app.clone()),
            "B00000000" => Some(self.bot.clone()),
            "0000000000.000000" => Some(self.ts.clone()),
            "F00000000" => by_prefix(&["file", "file_id"]),
            "S00000000" => by_prefix(&["usergroup", "usergroup_id"]),
            "R00000000" => by_prefix(&["reminder"]),
            _ => None,
        }
    }

    fn replace(&self, key: &str, v: &mut Value) {
        match v {
            Value::String(s) => {
                if let Some(new) = self.for_placeholder(key, s) {
                    *s = new;
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.replace(key, item);
                }
            }
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    self.replace(k, v);
                }
            }
            _ => {}
        }
    }
}

/// `X00000000`: a capital letter and eight zeros.
fn is_placeholder_id(s: &str) -> bool {
    s.len() == 9 && s.as_bytes()[0].is_ascii_uppercase() && s[1..].bytes().all(|b| b == b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_parse() {
        assert!(SAMPLES.len() > 300);
        assert!(sample("conversations.list").is_some());
        assert!(is_placeholder_id("C00000000"));
        assert!(!is_placeholder_id("C0GENERAL"));
    }
}
