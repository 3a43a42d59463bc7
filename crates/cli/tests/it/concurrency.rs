//! Many people at once, on both databases: writers that overlap all succeed and every write they
//! were told of is in the database and in search.

use gfce_core::{Email, NewPassword, TokenName, TokenScopes, UserRole};
use gfce_web::access::secrets;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::TestApp;
use crate::on_both_databases;

const ADMIN: &str = "secretariat@thegfce.example.org";
/// Writers at once, and what each writes in turn.
const WRITERS: usize = 8;
const CYCLES: usize = 4;

/// An administrator's personal token of write scope.
pub(crate) async fn admin_token(app: &TestApp) -> String {
    let email = Email::parse(ADMIN).unwrap();
    let hash = secrets::hash_password(&NewPassword::parse("correct horse battery staple", Some(&email)).unwrap());
    let admin = app.store.create_user(&email, &hash, UserRole::Admin, None).await.unwrap();
    let secret = format!("gfce_{}", secrets::random_token());
    let name = TokenName::parse("concurrency").unwrap();
    let scopes = TokenScopes::parse("write").unwrap();
    app.store.create_token(admin.id, &name, &secrets::token_digest(&secret), scopes, None).await.unwrap();
    secret
}

pub(crate) fn project(slug: &str) -> Value {
    json!({
        "slug": slug, "title": {"en": format!("Written at once {slug}"), "vi": null}, "summary": null,
        "description": null, "status": "planned", "starts_on": null, "ends_on": null, "participants": [],
        "countries": ["VN"], "regions": [], "themes": ["cybercrime"], "tags": [], "budget": null, "languages": [],
        "links": [], "iati_identifier": null, "source_url": null
    })
}

/// Creates, submits and publishes one project; the statuses of the three steps.
async fn cycle(client: &reqwest::Client, base: &str, token: &str, slug: &str) -> Vec<(String, StatusCode)> {
    let send = |method: Method, path: String, body: Option<Value>| {
        let mut request = client.request(method, format!("{base}{path}")).bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        async move {
            let response = request.send().await.unwrap();
            let status = response.status();
            (status, response.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let (created, revision) = send(Method::POST, "/api/v1/projects".into(), Some(project(slug))).await;
    let mut statuses = vec![(format!("create {slug}"), created)];
    if let Some(id) = revision["id"].as_str() {
        for step in ["submit", "publish"] {
            let (status, _) = send(Method::POST, format!("/api/v1/revisions/{id}/{step}"), None).await;
            statuses.push((format!("{step} {slug}"), status));
        }
    }
    statuses
}

on_both_databases!(unlimited: overlapping_writers_all_succeed_and_are_found);
async fn overlapping_writers_all_succeed_and_are_found(app: TestApp) {
    let token = admin_token(&app).await;
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (client, base, token) = (app.client.clone(), app.base.clone(), token.clone());
            tokio::spawn(async move {
                let mut statuses = Vec::new();
                for c in 0..CYCLES {
                    statuses.extend(cycle(&client, &base, &token, &format!("at-once-{w}-{c}")).await);
                }
                statuses
            })
        })
        .collect();
    let mut statuses: Vec<(String, StatusCode)> = Vec::new();
    for writer in writers {
        statuses.extend(writer.await.unwrap());
    }
    let refused: Vec<&(String, StatusCode)> = statuses.iter().filter(|(_, s)| !s.is_success()).collect();
    assert!(refused.is_empty(), "every overlapping write succeeds: {refused:?}");
    assert_eq!(statuses.len(), WRITERS * CYCLES * 3);

    for w in 0..WRITERS {
        for c in 0..CYCLES {
            let slug = gfce_core::Slug::parse(&format!("at-once-{w}-{c}")).unwrap();
            assert!(app.store.project(&slug).await.unwrap().is_some(), "{slug} is in the database");
        }
    }
    // The search index follows the change log a moment later.
    let wanted = WRITERS * CYCLES;
    let mut found = 0;
    for _ in 0..100 {
        let (_, results) = app.json("/api/v1/search?q=written+at+once&type=project&per_page=100").await;
        found = results["total"].as_u64().unwrap_or(0) as usize;
        if found == wanted {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(found, wanted, "every published project is found");
}
