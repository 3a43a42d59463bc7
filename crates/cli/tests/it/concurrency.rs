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

on_both_databases!(unlimited: every_kind_of_write_at_once_succeeds);
/// Every kind of write at once: registrations and membership applications through their forms,
/// records through the API, and an import of many records, each in its own transaction. Ten
/// requests that send mail: as many as one address may make in the throttle's window.
async fn every_kind_of_write_at_once_succeeds(app: TestApp) {
    let token = admin_token(&app).await;
    let register = |n: usize| {
        let app = &app;
        async move {
            let mut visit = crate::accounts::Visit::new(app);
            let email = format!("newcomer{n}@example.org");
            let fields = [
                ("email", email.as_str()),
                ("password", "a phrase nobody guesses"),
                ("confirmation", "a phrase nobody guesses"),
            ];
            (format!("register {n}"), visit.submit("/en/register", "/en/register", &fields).await.status())
        }
    };
    let apply = |n: usize| {
        let app = &app;
        async move {
            let mut visit = crate::accounts::Visit::new(app);
            let contact = format!("lan{n}@cyber-institute.example.vn");
            let name = format!("Cyber Institute {n}");
            let fields = [
                ("kind", "academia"),
                ("name_en", name.as_str()),
                ("country", "VN"),
                ("contact_name", "Nguyễn Thị Lan"),
                ("contact_email", contact.as_str()),
                ("motivation", "We train the staff of national CERTs."),
                ("themes", "cybercrime"),
                ("endorse_hague", "yes"),
                ("endorse_framework", "yes"),
                ("endorse_delhi", "yes"),
                ("official_name", "Trần Văn Bình"),
                ("official_title", "Director"),
            ];
            (format!("apply {n}"), visit.submit("/en/apply", "/en/apply", &fields).await.status())
        }
    };
    let import = async {
        let actors: Vec<String> = (0..200)
            .map(|n| {
                format!(
                    r#"{{"id": "{}", "slug": "imported-at-once-{n}", "kind": "other", "name": {{"en": "Imported {n}"}},
                        "short_name": null, "country": null, "joined": null, "website": null, "listed_as": null,
                        "iati_ref": null, "themes": []}}"#,
                    uuid::Uuid::new_v4()
                )
            })
            .collect();
        let dataset = format!(
            r#"{{"format": "gfce-hub", "version": 1, "actors": [{}], "projects": [], "resources": [], "events": [],
                 "country_facts": []}}"#,
            actors.join(",")
        );
        let parsed = gfce_core::exchange::json::read(dataset.as_bytes(), "at-once.json").unwrap();
        let report = app.store.import(parsed.records, "at-once.json", Vec::new(), true, &|_| {}).await;
        vec![("import".to_owned(), if report.is_ok() { StatusCode::OK } else { StatusCode::INTERNAL_SERVER_ERROR })]
    };
    let api = futures_util::future::join_all((0..6).map(|n| {
        let (client, base, token) = (app.client.clone(), app.base.clone(), token.clone());
        async move { cycle(&client, &base, &token, &format!("mixed-{n}")).await }
    }));
    let (registrations, applications, imported, records) = tokio::join!(
        futures_util::future::join_all((0..5).map(register)),
        futures_util::future::join_all((0..5).map(apply)),
        import,
        api
    );
    let statuses: Vec<(String, StatusCode)> =
        registrations.into_iter().chain(applications).chain(imported).chain(records.into_iter().flatten()).collect();
    let failed: Vec<&(String, StatusCode)> =
        statuses.iter().filter(|(_, s)| !(s.is_success() || s.is_redirection())).collect();
    assert!(failed.is_empty(), "every write succeeds: {failed:?}");
    let users = app.store.users().await.unwrap();
    assert_eq!(users.iter().filter(|u| u.email.as_str().starts_with("newcomer")).count(), 5);
    assert_eq!(app.store.applications(None).await.unwrap().len(), 5);
    for n in 0..6 {
        let slug = gfce_core::Slug::parse(&format!("mixed-{n}")).unwrap();
        assert!(app.store.project(&slug).await.unwrap().is_some(), "{slug}");
    }
    let imported = gfce_core::Slug::parse("imported-at-once-199").unwrap();
    assert!(app.store.actor(&imported).await.unwrap().is_some());
}
