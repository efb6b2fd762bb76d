//! Every method of the catalog: valid call → ok (in the shape of the method's published
//! sample for methods answered by shape; ok or one of the method's documented errors for
//! modelled ones), missing argument → invalid_arguments, token without the scope →
//! missing_scope.

use std::collections::HashMap;

use serde_json::Value;
use slackline_mock::catalog::{Kind, MethodSpec, catalog};
use slackline_mock::{MockSlack, RateLimits, demo, modelled_methods};

use crate::support::*;

const SAMPLES: &str = include_str!("../../samples/slack_response_samples.json");

/// Fields of a sample that only error answers carry.
const ERROR_FIELDS: &[&str] = &[
    "error",
    "needed",
    "provided",
    "warning",
    "callstack",
    "deprecated_argument",
    "arg",
    "req_method",
    "errors",
    "response_metadata",
];

fn same_kind(a: &Value, b: &Value) -> bool {
    matches!(
        (a, b),
        (Value::Null, _)
            | (Value::Bool(_), Value::Bool(_))
            | (Value::Number(_), Value::Number(_))
            | (Value::String(_), Value::String(_))
            | (Value::Array(_), Value::Array(_))
            | (Value::Object(_), Value::Object(_))
    )
}

/// Values found in the demo org (and in what the walk created first).
struct Fixtures {
    ts: String,
}

fn plausible(spec: &MethodSpec, name: &str, fx: &Fixtures) -> String {
    let ty = spec.arg(name).map_or(Kind::String, |a| a.kind);
    match (name, ty) {
        // Values the modelled families will find in the demo org.
        ("user_id" | "user", _) => demo::BOB_ID.to_owned(),
        ("users", _) => demo::CAROL_ID.to_owned(),
        ("team_id", _) => demo::TEAM_ID.to_owned(),
        ("user_ids", _) => demo::BOB_ID.to_owned(),
        ("session_id", _) => demo::session_ids(demo::BOB_ID).unwrap()[0].to_string(),
        ("channel" | "channel_id", _) => demo::GENERAL_ID.to_owned(),
        ("ts" | "timestamp" | "message_ts" | "thread_ts", _) => fx.ts.clone(),
        ("email", _) => "bob@example.com".to_owned(),
        ("name", _) => "walk-name".to_owned(),
        ("topic" | "purpose", _) => "walk".to_owned(),
        ("post_at", _) => (std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 3600)
            .to_string(),
        (_, Kind::Integer) => "1".to_owned(),
        (_, Kind::Boolean) => "true".to_owned(),
        (_, Kind::Number) => "1.5".to_owned(),
        (_, Kind::Array) => "A1,A2".to_owned(),
        (_, Kind::Object) => "{}".to_owned(),
        (_, Kind::Any) => "1".to_owned(),
        (_, Kind::String) => "x".to_owned(),
    }
}

/// Required arguments plus the first member of each required group.
fn valid_args(spec: &MethodSpec, fx: &Fixtures) -> Vec<(String, String)> {
    let mut args: Vec<(String, String)> = spec
        .required_args()
        .map(|a| (a.name.to_owned(), plausible(spec, a.name, fx)))
        .collect();
    for g in spec.required_groups() {
        if !g.args.iter().any(|a| args.iter().any(|(k, _)| k == a)) {
            args.push((g.args[0].to_owned(), plausible(spec, g.args[0], fx)));
        }
    }
    args
}

async fn send(
    m: &MockSlack,
    spec: &MethodSpec,
    token: Option<&str>,
    args: &[(String, String)],
    get: bool,
) -> Resp {
    let url = format!("{}{}", m.base_url(), spec.name);
    let req = if get {
        client().get(url).query(args)
    } else {
        client().post(url).form(args)
    };
    let req = match token {
        Some(t) => req.bearer_auth(t),
        None => req,
    };
    decode(req.send().await.unwrap()).await
}

#[tokio::test]
async fn every_method() {
    let shared = MockSlack::builder()
        .demo_org()
        .rate_limits(RateLimits::Off)
        .start()
        .await
        .unwrap();
    let samples: HashMap<String, Value> = serde_json::from_str(SAMPLES).unwrap();
    let modelled = modelled_methods();
    let mut checked = (0, 0, 0);
    let mut shaped = 0;
    let mut modelled_ok = 0;
    for (i, spec) in catalog().methods().iter().enumerate() {
        let is_modelled = modelled.contains(&spec.name);
        // Modelled methods change state: give each its own org.
        let fresh;
        let m = if is_modelled {
            fresh = MockSlack::builder()
                .demo_org()
                .rate_limits(RateLimits::Off)
                .start()
                .await
                .unwrap();
            &fresh
        } else {
            &shared
        };
        let good = format!("xoxp-walk-{i}");
        let scopes: Vec<&str> = spec.needed_scope(false).into_iter().collect();
        m.add_token(&good, demo::ADMIN_ID, &scopes);
        // A message of the admin's in #general, for methods that name one.
        let post = call(
            m,
            "chat.postMessage",
            Some(demo::USER_TOKEN),
            &[("channel", demo::GENERAL_ID), ("text", "walk")],
        )
        .await;
        assert!(post.ok(), "{}", post.text);
        let fx = Fixtures {
            ts: post.json["ts"].as_str().unwrap().to_owned(),
        };
        let args = valid_args(spec, &fx);

        // Any method by GET (query string) or POST (form), as Slack.
        let r = send(m, spec, Some(&good), &args, i % 2 == 0).await;
        assert_eq!(r.status, 200, "{}", spec.name);
        if is_modelled {
            // Ok, or one of the method's documented errors for these arguments.
            if r.ok() {
                modelled_ok += 1;
            } else {
                let code = r.error().unwrap_or_default();
                // `invalid_arguments` is Slack's generic validation error.
                assert!(
                    code == "invalid_arguments" || spec.documents_error(code),
                    "{}: {:?} → {} (undocumented)",
                    spec.name,
                    args,
                    r.text
                );
            }
        } else {
            assert!(r.ok(), "{}: {:?} → {}", spec.name, args, r.text);
            if let Some(Value::Object(sample)) = samples.get(spec.name) {
                for (k, v) in sample {
                    if k == "ok" || ERROR_FIELDS.contains(&k.as_str()) {
                        continue;
                    }
                    assert!(
                        same_kind(v, &r.json[k]),
                        "{}: field {k} is {} in the answer, {v} in the sample",
                        spec.name,
                        r.json[k]
                    );
                }
                shaped += 1;
            }
        }
        checked.0 += 1;

        if !args.is_empty() {
            let r = send(m, spec, Some(&good), &args[1..], false).await;
            assert_eq!(
                r.error(),
                Some("invalid_arguments"),
                "{} without {}: {}",
                spec.name,
                args[0].0,
                r.text
            );
            assert!(
                r.messages()
                    .iter()
                    .any(|msg| msg.starts_with("[ERROR] missing required field: ")),
                "{}: {:?}",
                spec.name,
                r.messages()
            );
            checked.1 += 1;
        }

        if !spec.accepted_scopes.is_empty() {
            let bad = format!("xoxp-walk-noscope-{i}");
            m.add_token(&bad, demo::ADMIN_ID, &["nothing:here"]);
            let r = send(m, spec, Some(&bad), &args, false).await;
            assert_eq!(
                r.error(),
                Some("missing_scope"),
                "{}: {}",
                spec.name,
                r.text
            );
            assert_eq!(r.json["needed"].as_str(), spec.needed_scope(false));
            assert_eq!(r.json["provided"], "nothing:here");
            checked.2 += 1;
        }

        if spec.takes_token {
            let r = send(m, spec, None, &args, false).await;
            assert_eq!(r.error(), Some("not_authed"), "{}", spec.name);
        }
    }
    assert_eq!(checked.0, 322);
    assert!(shaped > 200, "{shaped}");
    // The others answered documented errors for arguments that name nothing (no item,
    // `#general` cannot be left, ...): their successes are tested family by family.
    assert!(modelled_ok >= 30, "{modelled_ok} of {}", modelled.len());
    assert!(checked.1 > 150, "{checked:?}");
    assert!(checked.2 > 250, "{checked:?}");
}
