use slackline::slack_method;

#[slack_method("auth.test")]
pub struct AuthTest;

fn main() {
    let _ = AuthTest;
}
