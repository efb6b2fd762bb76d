// Every kind of argument the encoder supports, and the names they are sent as.
use std::borrow::Cow;

use serde::Serialize;
use slackline::{ArgEncoding, DefaultSuccess, Json, SlackClient, SlackError, SlackToken, slack_method};

#[derive(Serialize)]
pub struct Block {
    pub kind: &'static str,
}

pub trait Kinds {
    #[slack_method("test.strings", scope = "chat:write")]
    async fn strings(
        &self,
        token: &SlackToken,
        a: &str,
        b: String,
        c: Cow<'_, str>,
        d: Option<&str>,
        e: Option<String>,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("test.numbers", scope = "chat:write", tier = 4)]
    async fn numbers(
        &self,
        token: &SlackToken,
        a: i8,
        b: i16,
        c: i32,
        d: i64,
        e: i128,
        f: isize,
        g: u8,
        h: u16,
        i: u32,
        j: u64,
        k: u128,
        l: usize,
        m: f64,
        n: f32,
        o: bool,
        p: Option<u32>,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("test.lists", scopes = ["users:read", "users:read.email"])]
    async fn lists(
        &self,
        token: &SlackToken,
        users: &[&str],
        channels: Vec<String>,
        ids: [u32; 2],
        maybe: Option<Vec<u64>>,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("test.json", scope = "chat:write")]
    async fn json(
        &self,
        token: &SlackToken,
        blocks: Json<Vec<Block>>,
        borrowed: Json<&[Block]>,
        #[slack(json)] attachments: Vec<Block>,
        #[slack(json)] metadata: Option<Block>,
    ) -> Result<DefaultSuccess, SlackError>;

    #[slack_method("test.names", scope = "chat:write")]
    async fn names(
        &self,
        token: &SlackToken,
        r#type: &str,
        #[slack(rename = "ts")] timestamp: &str,
        #[slack(rename = "include_num_members", json)] counts: Option<bool>,
    ) -> Result<DefaultSuccess, SlackError>;
}

impl Kinds for SlackClient {}

fn main() {
    let strings = <SlackClient as Kinds>::STRINGS;
    let types: Vec<_> = strings.args.iter().map(|a| a.rust_type).collect();
    assert_eq!(types, ["&str", "String", "Cow<'_, str>", "Option<&str>", "Option<String>"]);

    let numbers = <SlackClient as Kinds>::NUMBERS;
    assert_eq!(numbers.args.len(), 16);
    assert_eq!(numbers.tier, slackline::Tier::Tier4);

    let lists = <SlackClient as Kinds>::LISTS;
    assert_eq!(lists.scopes, ["users:read", "users:read.email"]);
    let types: Vec<_> = lists.args.iter().map(|a| a.rust_type).collect();
    assert_eq!(types, ["&[&str]", "Vec<String>", "[u32; 2]", "Option<Vec<u64>>"]);

    let json = <SlackClient as Kinds>::JSON;
    assert!(json.args.iter().all(|a| a.encoding == ArgEncoding::Json));
    assert!(!json.args[3].required);

    let names = <SlackClient as Kinds>::NAMES;
    let wire: Vec<_> = names.args.iter().map(|a| a.name).collect();
    assert_eq!(wire, ["type", "ts", "include_num_members"]);

    let client = SlackClient::new();
    let token = SlackToken::new("xoxb-1-test").unwrap();
    let owned = String::from("x");
    let _f = client.strings(&token, "a", owned.clone(), Cow::Borrowed("c"), None, Some(owned));
    let _f = client.numbers(&token, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1.5, 2.5, true, None);
    let _f = client.lists(&token, &["U1", "U2"], vec!["C1".into()], [1, 2], Some(vec![3]));
    let blocks = [Block { kind: "divider" }];
    let _f = client.json(
        &token,
        Json(vec![Block { kind: "section" }]),
        Json(&blocks[..]),
        vec![],
        None,
    );
    let _f = client.names(&token, "public", "1700000000.000100", Some(true));
}
