use slackline::slack_method;

#[slack_method("auth.test", scope = "identify")]
pub struct AuthTest;

fn main() {
    let _ = AuthTest;
}
