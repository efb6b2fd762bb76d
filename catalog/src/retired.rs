//! Methods Slack has retired, with what replaced them.
//!
//! Kept by hand and kept small: each entry names its source, Slack's own
//! announcement. A family entry (`"channels.*"`) covers every method of the
//! family; none of these families has a method left in the catalog.

/// A method, or a family of methods, that Slack no longer serves (or, for
/// `rtm.start`, serves only as its replacement: it answers as `rtm.connect`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Retired {
    /// The method name, or a family as `"channels.*"`.
    pub name: &'static str,
    /// What to call instead, in words (e.g. `"conversations.*"`).
    pub replacement: &'static str,
    /// For a family: the family whose method of the same name replaces each
    /// member (`channels.list` → `conversations.list`).
    pub successor_family: Option<&'static str>,
    /// When Slack stopped serving it (`YYYY-MM-DD`).
    pub retired_on: &'static str,
    /// Slack's announcement.
    pub source: &'static str,
}

impl Retired {
    /// The one catalog method that replaces `name`, where there is one:
    /// `conversations.list` for `channels.list`, `rtm.connect` for `rtm.start`.
    ///
    /// ```
    /// let files = slackline_catalog::retired("files.upload").unwrap();
    /// assert_eq!(files.successor("files.upload"), None); // two calls replace it
    /// let im = slackline_catalog::retired("im.open").unwrap();
    /// assert_eq!(im.successor("im.open"), Some("conversations.open"));
    /// ```
    pub fn successor(&self, name: &str) -> Option<&'static str> {
        let target_family = match self.successor_family {
            Some(family) => family,
            None => return catalog_name(self.replacement),
        };
        let suffix = name.split_once('.')?.1;
        catalog_name(&format!("{target_family}.{suffix}"))
    }

    fn covers(&self, name: &str) -> bool {
        match self.name.strip_suffix(".*") {
            Some(family) => name
                .strip_prefix(family)
                .is_some_and(|rest| rest.starts_with('.')),
            None => self.name == name,
        }
    }
}

/// `text` when it is the name of a catalog method.
fn catalog_name(text: &str) -> Option<&'static str> {
    crate::method(text).map(|m| m.name)
}

const CONVERSATIONS: &str =
    "https://api.slack.com/changelog/2020-01-deprecating-antecedents-to-the-conversations-api";

/// Every retired method or family slackline knows of.
pub static RETIRED: &[Retired] = &[
    Retired {
        name: "channels.*",
        replacement: "conversations.*",
        successor_family: Some("conversations"),
        retired_on: "2021-02-24",
        source: CONVERSATIONS,
    },
    Retired {
        name: "groups.*",
        replacement: "conversations.*",
        successor_family: Some("conversations"),
        retired_on: "2021-02-24",
        source: CONVERSATIONS,
    },
    Retired {
        name: "im.*",
        replacement: "conversations.*",
        successor_family: Some("conversations"),
        retired_on: "2021-02-24",
        source: CONVERSATIONS,
    },
    Retired {
        name: "mpim.*",
        replacement: "conversations.*",
        successor_family: Some("conversations"),
        retired_on: "2021-02-24",
        source: CONVERSATIONS,
    },
    Retired {
        name: "files.upload",
        replacement: "files.getUploadURLExternal, an upload to the returned URL, \
                      then files.completeUploadExternal",
        successor_family: None,
        retired_on: "2025-11-12",
        source: "https://api.slack.com/changelog/2024-04-a-better-way-to-upload-files-is-here-to-stay",
    },
    Retired {
        name: "rtm.start",
        replacement: "rtm.connect",
        successor_family: None,
        retired_on: "2022-09-27",
        source: "https://api.slack.com/changelog/2021-10-rtm-start-to-stop",
    },
    Retired {
        name: "workflows.stepCompleted",
        replacement: "functions.completeSuccess (custom steps)",
        successor_family: None,
        retired_on: "2024-09-19",
        source: "https://api.slack.com/changelog/2023-08-workflow-steps-from-apps-step-back",
    },
    Retired {
        name: "workflows.stepFailed",
        replacement: "functions.completeError (custom steps)",
        successor_family: None,
        retired_on: "2024-09-19",
        source: "https://api.slack.com/changelog/2023-08-workflow-steps-from-apps-step-back",
    },
    Retired {
        name: "workflows.updateStep",
        replacement: "custom steps (functions.*)",
        successor_family: None,
        retired_on: "2024-09-19",
        source: "https://api.slack.com/changelog/2023-08-workflow-steps-from-apps-step-back",
    },
];

/// The retirement entry covering the method `name`, if Slack retired it.
///
/// ```
/// let entry = slackline_catalog::retired("channels.history").unwrap();
/// assert_eq!(entry.replacement, "conversations.*");
/// assert!(slackline_catalog::retired("conversations.history").is_none());
/// assert!(slackline_catalog::retired("channelsx.list").is_none());
/// ```
pub fn retired(name: &str) -> Option<&'static Retired> {
    RETIRED.iter().find(|r| r.covers(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods;

    #[test]
    fn successors_exist_in_the_catalog() {
        let pairs = [
            ("channels.list", Some("conversations.list")),
            ("groups.history", Some("conversations.history")),
            ("mpim.open", Some("conversations.open")),
            ("groups.createChild", None),
            ("rtm.start", Some("rtm.connect")),
            ("workflows.stepCompleted", None),
        ];
        for (name, successor) in pairs {
            assert_eq!(retired(name).unwrap().successor(name), successor, "{name}");
        }
    }

    #[test]
    fn families_have_no_live_members() {
        for entry in RETIRED {
            assert!(entry.source.starts_with("https://api.slack.com/changelog/"));
            if entry.name.ends_with(".*") {
                assert!(
                    !methods().iter().any(|m| entry.covers(m.name)),
                    "{} covers a catalog method",
                    entry.name
                );
            }
        }
    }
}
