//! Every method of the catalog: valid call → ok, missing argument → invalid_arguments,
//! token without the scope → missing_scope.

use slackline_mock::catalog::{ArgType, HttpVerb, MethodSpec, catalog};
use slackline_mock::{MockSlack, RateLimits, demo};

use crate::support::*;

fn plausible(spec: &MethodSpec, name: &str) -> String {
    let ty = spec.arg(name).map_or(ArgType::String, |a| a.ty);
    match (name, ty) {
        // Values the admin.users.session family will find in the demo org.
        ("user_id", _) => demo::BOB_ID.to_owned(),
        ("team_id", _) => demo::TEAM_ID.to_owned(),
        ("user_ids", _) => demo::BOB_ID.to_owned(),
        ("session_id", _) => demo::session_ids(demo::BOB_ID).unwrap()[0].to_string(),
        (_, ArgType::Integer) => "1".to_owned(),
        (_, ArgType::Boolean) => "true".to_owned(),
        (_, ArgType::Number) => "1.5".to_owned(),
        (_, ArgType::Array) => "A1,A2".to_owned(),
        (_, ArgType::Object) => "{}".to_owned(),
        (_, ArgType::Any) => "1".to_owned(),
        (_, ArgType::String) => "x".to_owned(),
    }
}

/// Required arguments plus the first member of each required group.
fn valid_args(spec: &MethodSpec) -> Vec<(String, String)> {
    let mut args: Vec<(String, String)> = spec
        .required_args()
        .map(|a| (a.name.clone(), plausible(spec, &a.name)))
        .collect();
    for g in spec.required_groups() {
        if !g.args.iter().any(|a| args.iter().any(|(k, _)| k == a)) {
            args.push((g.args[0].clone(), plausible(spec, &g.args[0])));
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
    let mut checked = (0, 0, 0);
    for (i, spec) in catalog().methods().iter().enumerate() {
        // The session family changes state: give each its own org.
        let fresh;
        let m = if spec.name.starts_with("admin.users.session.") {
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
        let args = valid_args(spec);

        let r = send(
            m,
            spec,
            Some(&good),
            &args,
            spec.http_method == HttpVerb::Get,
        )
        .await;
        assert!(r.ok(), "{}: {:?} → {}", spec.name, args, r.text);
        assert_eq!(r.status, 200);
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

        if spec.requires_token {
            let r = send(m, spec, None, &args, false).await;
            assert_eq!(r.error(), Some("not_authed"), "{}", spec.name);
        }
    }
    assert_eq!(checked.0, 322);
    assert!(checked.1 > 150, "{checked:?}");
    assert!(checked.2 > 250, "{checked:?}");
}
