use slackline::slack_api;

#[slack_api(all)]
pub trait WithArguments {}

#[slack_api]
pub struct NotATrait;

fn main() {}
