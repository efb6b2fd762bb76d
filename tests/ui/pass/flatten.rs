//! `#[slack(flatten)]`: a `Serialize` struct whose fields are the arguments.

use serde::Serialize;
use slackline::{DefaultSuccess, SlackClient, SlackError, SlackToken, slack_method};

#[derive(Serialize, Default)]
pub struct SearchOptions {
    pub count: Option<u32>,
    pub highlight: Option<bool>,
    #[serde(rename = "sort_dir")]
    pub direction: Option<&'static str>,
}

pub trait Search {
    #[slack_method("search.messages", scope = "search:read", http = "GET")]
    async fn search_messages(
        &self,
        token: &SlackToken,
        query: &str,
        #[slack(flatten)] options: SearchOptions,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("search.files", scope = "search:read")]
    async fn search_files(
        &self,
        token: &SlackToken,
        query: &str,
        #[slack(flatten)] options: Option<&SearchOptions>,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl Search for SlackClient {}

fn main() {
    let spec = <SlackClient as Search>::SEARCH_MESSAGES;
    assert_eq!(spec.args[1].name, "options");
    assert_eq!(spec.args[1].encoding, slackline::ArgEncoding::Flatten);
    assert!(spec.args[1].required);
    assert!(!<SlackClient as Search>::SEARCH_FILES.args[1].required);
}
