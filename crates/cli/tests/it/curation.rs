//! The curation workflow over HTTP: a representative's project from draft to published (and into
//! search, feeds and exports), returned with a comment on the way; a published project revised
//! while the published version stays public; withdrawal; bad input named in both languages with
//! nothing written; and who may take which step.

use std::time::{Duration, Instant};

use gfce_core::{curation::RevisionState, Email, NewPassword, Slug, UserRole};
use gfce_store::RevisionFilter;
use gfce_web::access::secrets;
use reqwest::{header, StatusCode};
use uuid::Uuid;

use crate::accounts::{hidden_token, Visit};
use crate::common::TestApp;
use crate::on_both_databases;

on_both_databases!(
    a_project_goes_from_draft_to_search,
    bad_projects_are_named_and_nothing_is_written,
    steps_are_refused_to_those_who_may_not_take_them,
    tools_and_publications_have_their_form,
    the_write_api_takes_a_record_through_the_workflow,
    an_iati_identifier_names_one_project,
    control_characters_are_refused_by_field,
);

const PASSWORD: &str = "correct horse battery staple";
const REP: &str = "an.nguyen@mic.example.gov.vn";
const OTHER_REP: &str = "liaison@itu.example.int";
const CURATOR: &str = "curator@thegfce.example.org";
const USER: &str = "reader@example.org";
const ADMIN: &str = "secretariat@thegfce.example.org";
const SLUG: &str = "cert-incident-response-2027";
const TITLE: &str = "Incident response training for ASEAN CERTs";

pub(crate) async fn user(app: &TestApp, email: &str, role: UserRole, actor: Option<&str>) {
    let address = Email::parse(email).unwrap();
    let hash = secrets::hash_password(&NewPassword::parse(PASSWORD, Some(&address)).unwrap());
    let actor = actor.map(|a| Slug::parse(a).unwrap());
    app.store.create_user(&address, &hash, role, actor.as_ref()).await.unwrap();
}

pub(crate) async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Visit<'a> {
    let mut visit = Visit::new(app);
    assert_eq!(visit.sign_in_as(email, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    visit
}

fn project_fields(intent: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("title_en", TITLE),
        ("title_vi", "Đào tạo ứng cứu sự cố cho các CERT ASEAN"),
        ("slug", SLUG),
        ("summary_en", "Three courses in Hanoi for the national CERTs of ASEAN."),
        ("description_en", "**Three** courses, each of two weeks."),
        ("status", "planned"),
        ("starts_on", "2027-03-01"),
        ("ends_on", "2027-09-30"),
        ("countries", "VN"),
        ("countries", "LA"),
        ("themes", "cert-cooperation"),
        ("tags", "incident response, CERT"),
        ("budget_amount", "250000"),
        ("budget_currency", "EUR"),
        ("intent", intent),
    ]
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get(header::LOCATION).expect("a redirect").to_str().unwrap().to_owned()
}

/// The revision a redirect to its page names.
fn revision_of(response: &reqwest::Response) -> Uuid {
    let to = location(response);
    Uuid::parse_str(to.rsplit('/').next().unwrap()).unwrap_or_else(|_| panic!("a revision page: {to}"))
}

async fn state_of(app: &TestApp, id: Uuid) -> RevisionState {
    app.store.revision(id).await.unwrap().expect("the revision").0.state
}

/// Takes a step from the revision's page, with the page's CSRF token.
async fn step(visit: &mut Visit<'_>, id: Uuid, step: &str, extra: &[(&str, &str)]) -> reqwest::Response {
    let page = format!("/en/revisions/{id}");
    visit.submit(&page, &format!("{page}/{step}"), extra).await
}

/// Waits (boundedly) until a search for `q` does or does not find the project.
async fn found_in_search(app: &TestApp, q: &str, expected: bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_, body) = app.json(&format!("/api/v1/search?q={q}")).await;
        let hits = body["items"].as_array().cloned().unwrap_or_default();
        let found = hits.iter().any(|h| h["slug"] == SLUG);
        if found == expected {
            return;
        }
        assert!(Instant::now() < deadline, "search for {q}: expected found = {expected}, got {body}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn a_project_goes_from_draft_to_search(app: TestApp) {
    user(&app, REP, UserRole::Representative, Some("viet-nam")).await;
    user(&app, CURATOR, UserRole::Curator, None).await;
    let mut rep = signed_in(&app, REP).await;
    let header_html = rep.get("/en/contributions").await.text().await.unwrap();
    assert!(header_html.contains(&format!("Signed in as {REP}")), "the header names the viewer");

    let saved =
        rep.submit("/en/contributions/new-project", "/en/contributions/new-project", &project_fields("save")).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let id = revision_of(&saved);
    assert_eq!(state_of(&app, id).await, RevisionState::Draft);
    let (revision, _) = app.store.revision(id).await.unwrap().unwrap();
    assert_eq!(revision.owner.as_ref().map(Slug::as_str), Some("viet-nam"));
    assert!(revision.content.names(&Slug::parse("viet-nam").unwrap()), "the owner takes part in its project");

    // Nothing of a draft is public: not the page, the API, the search, the feed or the export.
    assert_eq!(app.get(&format!("/en/projects/{SLUG}")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/api/v1/projects/{SLUG}")).await.status(), StatusCode::NOT_FOUND);
    let (_, export) = app.text("/api/v1/export.json").await;
    assert!(!export.contains(SLUG));

    assert_eq!(step(&mut rep, id, "submit", &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app, id).await, RevisionState::Submitted);
    assert_eq!(app.get(&format!("/api/v1/projects/{SLUG}")).await.status(), StatusCode::NOT_FOUND);

    let mut curator = signed_in(&app, CURATOR).await;
    let queue = curator.get("/en/curation").await.text().await.unwrap();
    assert!(queue.contains(TITLE) && queue.contains(&format!("/en/revisions/{id}")), "{queue}");
    let page = curator.get(&format!("/en/revisions/{id}")).await.text().await.unwrap();
    assert!(
        page.contains("<th scope=\"row\">Budget</th>") && page.contains("<ins>250000</ins>"),
        "the changes list every field of a new record, named as the form names it"
    );
    assert!(page.contains("<code>participants[0].actor</code>"), "a field the form has not keeps its path");

    let blank = step(&mut curator, id, "return", &[("comment", "  ")]).await;
    assert_eq!(blank.status(), StatusCode::BAD_REQUEST);
    assert!(blank.text().await.unwrap().contains("Comment for the author must not be empty"));
    assert_eq!(state_of(&app, id).await, RevisionState::Submitted, "a refused return changes nothing");
    let comment = "Please add the Vietnamese summary.";
    assert_eq!(step(&mut curator, id, "return", &[("comment", comment)]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app, id).await, RevisionState::Returned);

    let returned = rep.get(&format!("/en/revisions/{id}")).await.text().await.unwrap();
    assert!(returned.contains(comment), "the author reads the curator's comment");
    let mut fields = project_fields("submit");
    fields.push(("summary_vi", "Ba khóa học tại Hà Nội."));
    let edit = format!("/en/revisions/{id}/edit");
    let resubmitted = rep.submit(&edit, &edit, &fields).await;
    assert_eq!(resubmitted.status(), StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app, id).await, RevisionState::Submitted);

    assert_eq!(step(&mut curator, id, "publish", &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(state_of(&app, id).await, RevisionState::Published);
    let (status, project) = app.json(&format!("/api/v1/projects/{SLUG}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(project["summary"]["vi"], "Ba khóa học tại Hà Nội.");
    assert_eq!(app.get(&format!("/vi/projects/{SLUG}")).await.status(), StatusCode::OK);
    found_in_search(&app, "incident", true).await;
    let (_, feed) = app.text("/feeds/latest.atom").await;
    assert!(feed.contains(SLUG), "the feed has the published project");
    let (_, export) = app.text("/api/v1/export.json").await;
    assert!(export.contains(SLUG));

    // A published project revised: the published version stays until the new one is published.
    let public = rep.get(&format!("/en/projects/{SLUG}")).await.text().await.unwrap();
    assert!(public.contains(&format!("/en/projects/{SLUG}/edit")), "the representative is offered to edit it");
    let mut changed = project_fields("submit");
    changed.retain(|(k, _)| *k != "summary_en");
    changed.push(("summary_en", "Four courses in Hanoi and Vientiane."));
    let edit = format!("/en/projects/{SLUG}/edit");
    let second = rep.submit(&edit, &edit, &changed).await;
    assert_eq!(second.status(), StatusCode::SEE_OTHER);
    let second = revision_of(&second);
    assert_ne!(second, id);
    let (_, project) = app.json(&format!("/api/v1/projects/{SLUG}")).await;
    assert_eq!(project["summary"]["en"], "Three courses in Hanoi for the national CERTs of ASEAN.");
    let diff = curator.get(&format!("/en/revisions/{second}")).await.text().await.unwrap();
    assert!(
        diff.contains("<th scope=\"row\">Summary in English</th>")
            && diff.contains("Four courses in Hanoi and Vientiane.")
    );
    assert!(!diff.contains("<th scope=\"row\">Budget</th>"), "only what changed is listed");
    // A second revision cannot start while one is on its way: the form leads to it.
    let again = rep.submit(&edit, &edit, &changed).await;
    assert_eq!(location(&again), format!("/en/revisions/{second}"));

    assert_eq!(step(&mut curator, second, "publish", &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, project) = app.json(&format!("/api/v1/projects/{SLUG}")).await;
    assert_eq!(project["summary"]["en"], "Four courses in Hanoi and Vientiane.");
    assert_eq!(state_of(&app, id).await, RevisionState::Replaced);
    let history = curator.get(&format!("/en/projects/{SLUG}/history")).await.text().await.unwrap();
    assert!(history.contains("2 revisions"), "{history}");

    let audit = app.store.audit_log(50).await.unwrap();
    let published = audit.iter().find(|e| e.action.as_str() == "revision-publish").expect("publishing is audited");
    let detail: serde_json::Value = serde_json::from_str(published.detail.as_deref().unwrap()).unwrap();
    assert_eq!(detail["before"]["summary"]["en"], "Three courses in Hanoi for the national CERTs of ASEAN.");
    assert_eq!(detail["after"]["summary"]["en"], "Four courses in Hanoi and Vientiane.");
    user(&app, ADMIN, UserRole::Admin, None).await;
    let mut admin = signed_in(&app, ADMIN).await;
    let trail = admin.get("/en/admin/audit?action=revision-publish").await.text().await.unwrap();
    assert!(
        trail.contains("<code>summary.en</code>") && trail.contains("<ins>Four courses in Hanoi and Vientiane.</ins>")
    );

    // A publishing step taken twice is a conflict that changes nothing.
    let late = step(&mut curator, id, "publish", &[]).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);

    // Withdrawn: gone from the pages, the API and the search; its revisions stay.
    let project_page = curator.get(&format!("/en/projects/{SLUG}")).await.text().await.unwrap();
    let token = hidden_token(&project_page);
    let withdrawn = curator.post(&format!("/en/projects/{SLUG}/withdraw"), &[("csrf_token", &token)]).await;
    assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&format!("/api/v1/projects/{SLUG}")).await.status(), StatusCode::NOT_FOUND);
    found_in_search(&app, "incident", false).await;
    assert_eq!(state_of(&app, second).await, RevisionState::Withdrawn);
}

async fn bad_projects_are_named_and_nothing_is_written(app: TestApp) {
    user(&app, REP, UserRole::Representative, Some("viet-nam")).await;
    let mut rep = signed_in(&app, REP).await;
    let mut fields = project_fields("submit");
    fields.retain(|(k, _)| !matches!(*k, "title_en" | "title_vi" | "budget_amount" | "starts_on" | "slug"));
    fields.extend([
        ("title_en", " "),
        ("budget_amount", "1,000"),
        ("starts_on", "01/03/2027"),
        ("slug", "Không hợp lệ"),
    ]);
    for (lang, expected) in [
        ("en", ["Title in English needs a text in at least one language", "Budget must be a non-negative amount"]),
        ("vi", ["Tên bằng tiếng Anh", "Ngân sách"]),
    ] {
        let path = format!("/{lang}/contributions/new-project");
        let refused = rep.submit(&path, &path, &fields).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        let page = refused.text().await.unwrap();
        for text in expected {
            assert!(page.contains(text), "{lang}: {text} in {page}");
        }
        assert!(page.contains("href=\"#starts_on\"") && page.contains("href=\"#slug\""), "every field is linked");
        assert!(page.contains("value=\"1,000\""), "the form is kept filled in");
    }
    let none = app.store.revisions(&RevisionFilter::default(), Default::default()).await.unwrap();
    assert_eq!(none.total, 0, "nothing was written");

    // A slug another record is on its way with is refused by name.
    let path = "/en/contributions/new-project";
    assert_eq!(rep.submit(path, path, &project_fields("save")).await.status(), StatusCode::SEE_OTHER);
    let taken = rep.submit(path, path, &project_fields("save")).await;
    assert_eq!(taken.status(), StatusCode::BAD_REQUEST);
    assert!(taken.text().await.unwrap().contains("is used by another record already"));
    let one = app.store.revisions(&RevisionFilter::default(), Default::default()).await.unwrap();
    assert_eq!(one.total, 1);
}

async fn steps_are_refused_to_those_who_may_not_take_them(app: TestApp) {
    user(&app, REP, UserRole::Representative, Some("viet-nam")).await;
    user(&app, OTHER_REP, UserRole::Representative, Some("itu")).await;
    user(&app, CURATOR, UserRole::Curator, None).await;
    user(&app, USER, UserRole::Registered, None).await;
    let mut rep = signed_in(&app, REP).await;
    let path = "/en/contributions/new-project";
    let id = revision_of(&rep.submit(path, path, &project_fields("save")).await);
    let page = format!("/en/revisions/{id}");

    // A visitor is sent to sign in; a registered user and a curator may not contribute.
    let mut visitor = Visit::new(&app);
    assert_eq!(location(&visitor.get(path).await), "/en/login");
    assert_eq!(location(&visitor.get(&page).await), "/en/login");
    let mut reader = signed_in(&app, USER).await;
    assert_eq!(reader.get(path).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(reader.get(&page).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(reader.get("/en/curation").await.status(), StatusCode::FORBIDDEN);
    let mut curator = signed_in(&app, CURATOR).await;
    assert_eq!(curator.get(path).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(curator.get(&page).await.status(), StatusCode::OK, "curators read drafts");

    // Another member's representative neither reads nor changes the draft.
    let mut other = signed_in(&app, OTHER_REP).await;
    assert_eq!(other.get(&page).await.status(), StatusCode::FORBIDDEN);
    let own = other.get("/en/contributions").await.text().await.unwrap();
    let token = hidden_token(&own);
    for action in ["submit", "discard", "publish"] {
        let refused = other.post(&format!("{page}/{action}"), &[("csrf_token", &token)]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{action}");
    }
    // The author may not publish their own submission; without a CSRF token nothing is taken.
    assert_eq!(step(&mut rep, id, "submit", &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(step(&mut rep, id, "publish", &[]).await.status(), StatusCode::FORBIDDEN);
    let forged = curator.post(&format!("{page}/publish"), &[]).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let wrong = curator.post(&format!("{page}/publish"), &[("csrf_token", &"0".repeat(64))]).await;
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    assert_eq!(state_of(&app, id).await, RevisionState::Submitted, "nothing changed");
    assert_eq!(app.get(&format!("/api/v1/projects/{SLUG}")).await.status(), StatusCode::NOT_FOUND);
}

async fn tools_and_publications_have_their_form(app: TestApp) {
    user(&app, REP, UserRole::Representative, Some("viet-nam")).await;
    user(&app, CURATOR, UserRole::Curator, None).await;
    let mut rep = signed_in(&app, REP).await;
    let fields = [
        ("kind", "guide"),
        ("title_en", "National CSIRT maturity guide"),
        ("title_vi", "Hướng dẫn đánh giá mức độ trưởng thành của CSIRT quốc gia"),
        ("published_on", "2026-10-01"),
        ("url", "https://example.org/csirt-guide.pdf"),
        ("themes", "cert-cooperation"),
        ("languages", "en, vi"),
        ("intent", "submit"),
    ];
    let path = "/vi/contributions/new-tool";
    let bad = rep.submit(path, path, &[("kind", "poem"), ("languages", "tiếng Việt")]).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let page = bad.text().await.unwrap();
    assert!(page.contains("href=\"#kind\"") && page.contains("href=\"#languages\"") && page.contains("Ngôn ngữ"));
    let saved = rep.submit(path, path, &fields).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let id = revision_of(&saved);
    assert_eq!(state_of(&app, id).await, RevisionState::Submitted);
    let slug = "national-csirt-maturity-guide";
    assert_eq!(app.get(&format!("/en/tools/{slug}")).await.status(), StatusCode::NOT_FOUND);
    let mut curator = signed_in(&app, CURATOR).await;
    assert_eq!(step(&mut curator, id, "publish", &[]).await.status(), StatusCode::SEE_OTHER);
    let (status, tool) = app.json(&format!("/api/v1/tools/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(tool["kind"], "guide");
    assert_eq!(
        app.get(&format!("/en/publications/{slug}")).await.status(),
        StatusCode::NOT_FOUND,
        "a tool is no publication"
    );
    let public = rep.get(&format!("/en/tools/{slug}")).await.text().await.unwrap();
    assert!(public.contains(&format!("/en/tools/{slug}/edit")));

    let path = "/en/contributions/new-publication";
    let report = [("kind", "report"), ("title_en", "Cybercrime in South-East Asia 2026"), ("intent", "save")];
    let saved = rep.submit(path, path, &report).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (revision, _) = app.store.revision(revision_of(&saved)).await.unwrap().unwrap();
    assert_eq!(revision.kind, gfce_core::ContentType::Publication);
    assert_eq!(revision.state, RevisionState::Draft);
}

/// A personal token with these scopes for the account at `email`.
pub(crate) async fn token(app: &TestApp, email: &str, scopes: &str) -> String {
    let holder = app.store.users().await.unwrap().into_iter().find(|u| u.email.as_str() == email).unwrap();
    let secret = format!("gfce_{}", secrets::random_token());
    let name = gfce_core::TokenName::parse("integration").unwrap();
    let scopes = gfce_core::TokenScopes::parse(scopes).unwrap();
    app.store.create_token(holder.id, &name, &secrets::token_digest(&secret), scopes, None).await.unwrap();
    secret
}

async fn api(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<serde_json::Value>,
) -> (StatusCode, serde_json::Value) {
    let mut request =
        app.client.request(method, format!("{}{path}", app.base)).bearer_auth(token).header("Accept-Language", "vi");
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, if text.is_empty() { serde_json::Value::Null } else { serde_json::from_str(&text).unwrap() })
}

async fn the_write_api_takes_a_record_through_the_workflow(app: TestApp) {
    use reqwest::Method;
    use serde_json::json;
    user(&app, REP, UserRole::Representative, Some("viet-nam")).await;
    user(&app, CURATOR, UserRole::Curator, None).await;
    let rep = token(&app, REP, "write").await;
    let curator = token(&app, CURATOR, "write").await;
    let reader = token(&app, REP, "read").await;
    let record = json!({
        "slug": SLUG, "title": {"en": TITLE, "vi": null}, "summary": {"en": "Three courses.", "vi": null},
        "description": null, "status": "planned", "starts_on": "2027-03-01", "ends_on": "2027-09-30",
        "participants": [{"actor": "microsoft", "role": "funder"}], "countries": ["VN"], "regions": [],
        "themes": ["cert-cooperation"], "tags": [], "budget": {"amount": "250000", "currency": "EUR"},
        "languages": ["en"], "links": [], "iati_identifier": null, "source_url": null
    });

    // Bad bodies are named by field, in the client's language, and write nothing.
    let mut unknown_actor = record.clone();
    unknown_actor["participants"][0]["actor"] = json!("atlantis-agency");
    let (status, problem) = api(&app, Method::POST, "/api/v1/projects", &rep, Some(unknown_actor)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(problem["field"], "participants[0].actor");
    let mut bad_currency = record.clone();
    bad_currency["budget"]["currency"] = json!("XYZ");
    let (status, problem) = api(&app, Method::POST, "/api/v1/projects", &rep, Some(bad_currency)).await;
    assert_eq!((status, problem["field"].as_str()), (StatusCode::BAD_REQUEST, Some("budget.currency")));
    assert!(problem["detail"].as_str().unwrap().contains("budget.currency"), "{problem}");
    assert_eq!(problem["title"], "Trường không hợp lệ");
    let raw = app
        .client
        .post(format!("{}/api/v1/projects", app.base))
        .bearer_auth(&rep)
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), StatusCode::BAD_REQUEST);
    let (status, _) = api(&app, Method::POST, "/api/v1/projects", &reader, Some(record.clone())).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a read-only token writes nothing");
    assert_eq!(app.store.revisions(&RevisionFilter::default(), Default::default()).await.unwrap().total, 0);

    let (status, created) = api(&app, Method::POST, "/api/v1/projects", &rep, Some(record.clone())).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["state"], "draft");
    assert_eq!(created["owner"], "viet-nam");
    assert!(created["record"]["participants"].as_array().unwrap().iter().any(|p| p["actor"] == "viet-nam"));
    let (status, mine) = api(&app, Method::GET, "/api/v1/revisions", &reader, None).await;
    assert_eq!((status, mine["total"].as_u64()), (StatusCode::OK, Some(1)), "a read token lists its actor's revisions");
    assert_eq!(app.get(&format!("/api/v1/projects/{SLUG}")).await.status(), StatusCode::NOT_FOUND);

    let (status, _) = api(&app, Method::POST, &format!("/api/v1/revisions/{id}/publish"), &rep, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no one publishes their own");
    let (status, submitted) = api(&app, Method::POST, &format!("/api/v1/revisions/{id}/submit"), &rep, None).await;
    assert_eq!((status, submitted["state"].as_str()), (StatusCode::OK, Some("submitted")));
    let (status, _) = api(&app, Method::PUT, &format!("/api/v1/revisions/{id}"), &rep, Some(record.clone())).await;
    assert_eq!(status, StatusCode::CONFLICT, "what is under review does not change");
    let (_, queue) = api(&app, Method::GET, "/api/v1/revisions?state=submitted", &curator, None).await;
    assert_eq!(queue["items"][0]["id"], id.as_str());
    let (status, problem) =
        api(&app, Method::POST, &format!("/api/v1/revisions/{id}/return"), &curator, Some(json!({}))).await;
    assert_eq!((status, problem["field"].as_str()), (StatusCode::BAD_REQUEST, Some("comment")));
    let (status, published) = api(&app, Method::POST, &format!("/api/v1/revisions/{id}/publish"), &curator, None).await;
    assert_eq!((status, published["state"].as_str()), (StatusCode::OK, Some("published")));
    let (status, public) = app.json(&format!("/api/v1/projects/{SLUG}")).await;
    assert_eq!((status, public["summary"]["en"].as_str()), (StatusCode::OK, Some("Three courses.")));
    found_in_search(&app, "incident", true).await;

    // A new revision of the published record, through the API.
    let mut changed = record.clone();
    changed["summary"]["en"] = json!("Four courses.");
    let (status, second) =
        api(&app, Method::PUT, &format!("/api/v1/projects/{SLUG}"), &rep, Some(changed.clone())).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(second["changes"].as_array().unwrap().len(), 1, "{second}");
    assert_eq!(second["changes"][0]["field"], "summary.en");
    let (status, _) = api(&app, Method::PUT, &format!("/api/v1/projects/{SLUG}"), &rep, Some(changed)).await;
    assert_eq!(status, StatusCode::CONFLICT, "one revision on its way at a time");
    let second = second["id"].as_str().unwrap();
    let (status, discarded) = api(&app, Method::DELETE, &format!("/api/v1/revisions/{second}"), &rep, None).await;
    assert_eq!((status, discarded["state"].as_str()), (StatusCode::OK, Some("discarded")));
    let (_, public) = app.json(&format!("/api/v1/projects/{SLUG}")).await;
    assert_eq!(public["summary"]["en"], "Three courses.", "a discarded revision leaves the published one");
    let (status, _) = api(&app, Method::DELETE, &format!("/api/v1/projects/{SLUG}"), &curator, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(app.get(&format!("/api/v1/projects/{SLUG}")).await.status(), StatusCode::NOT_FOUND);

    // The OpenAPI document describes every write with its errors.
    let (_, doc) = app.json("/api/openapi.json").await;
    for (path, method) in [
        ("/api/v1/projects", "post"),
        ("/api/v1/tools/{slug}", "put"),
        ("/api/v1/events/{slug}", "delete"),
        ("/api/v1/revisions/{id}", "put"),
        ("/api/v1/revisions/{id}", "delete"),
        ("/api/v1/revisions/{id}/submit", "post"),
        ("/api/v1/revisions/{id}/publish", "post"),
        ("/api/v1/revisions/{id}/return", "post"),
    ] {
        let op = &doc["paths"][path][method];
        for status in ["401", "403"] {
            assert!(op["responses"][status].is_object(), "{method} {path} documents {status}");
        }
        assert!(op["security"].is_array(), "{method} {path} names its scheme");
    }
}

/// An IATI identifier names one activity: a second project with it is refused by field, whether
/// the first was published before the second was written or while it waited for review.
async fn an_iati_identifier_names_one_project(app: TestApp) {
    use reqwest::Method;
    use serde_json::json;
    user(&app, REP, UserRole::Representative, Some("viet-nam")).await;
    user(&app, CURATOR, UserRole::Curator, None).await;
    let rep = token(&app, REP, "write").await;
    let curator = token(&app, CURATOR, "write").await;
    let record = |slug: &str| {
        json!({"slug": slug, "title": {"en": format!("Project {slug}")}, "status": "ongoing",
               "iati_identifier": "SE-0-SE-6-5401023301-VNM-15210"})
    };
    let publish = |id: String| {
        let (app, rep, curator) = (&app, rep.clone(), curator.clone());
        async move {
            for (step, who) in [("submit", &rep), ("publish", &curator)] {
                let path = format!("/api/v1/revisions/{id}/{step}");
                let (status, answer) = api(app, Method::POST, &path, who, None).await;
                if status != StatusCode::OK {
                    return (status, answer);
                }
            }
            (StatusCode::OK, serde_json::Value::Null)
        }
    };
    let (status, first) = api(&app, Method::POST, "/api/v1/projects", &rep, Some(record("first-copy"))).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let (status, waiting) = api(&app, Method::POST, "/api/v1/projects", &rep, Some(record("second-copy"))).await;
    assert_eq!(status, StatusCode::CREATED, "an identifier no public project holds yet: {waiting}");
    assert_eq!(publish(first["id"].as_str().unwrap().to_owned()).await.0, StatusCode::OK);

    let (status, problem) = publish(waiting["id"].as_str().unwrap().to_owned()).await;
    assert_eq!((status, problem["field"].as_str()), (StatusCode::BAD_REQUEST, Some("iati_identifier")), "{problem}");
    assert!(problem["detail"].as_str().unwrap().contains("iati_identifier"), "{problem}");
    let waiting = Uuid::parse_str(waiting["id"].as_str().unwrap()).unwrap();
    assert_eq!(state_of(&app, waiting).await, RevisionState::Submitted, "the refused step changed nothing");
    assert_eq!(app.get("/api/v1/projects/second-copy").await.status(), StatusCode::NOT_FOUND);

    let (status, problem) = api(&app, Method::POST, "/api/v1/projects", &rep, Some(record("third-copy"))).await;
    assert_eq!((status, problem["field"].as_str()), (StatusCode::BAD_REQUEST, Some("iati_identifier")), "{problem}");
}

/// A NUL (which PostgreSQL cannot store) or another control character in any free text is refused
/// naming the field, on both databases alike; line breaks in a description are kept.
async fn control_characters_are_refused_by_field(app: TestApp) {
    use reqwest::Method;
    use serde_json::json;
    user(&app, REP, UserRole::Representative, Some("viet-nam")).await;
    let rep = token(&app, REP, "write").await;
    let cases = [
        ("title", json!({"status": "planned", "slug": "nul-title", "title": {"en": "a\u{0}b"}})),
        ("title", json!({"status": "planned", "slug": "escape-title", "title": {"en": "Red \u{1b}[31m title"}})),
        (
            "iati_identifier",
            json!({"status": "planned", "slug": "nul-identifier", "title": {"en": "T"}, "iati_identifier": "XM-\u{0}"}),
        ),
        (
            "links",
            json!({"status": "planned", "slug": "nul-label", "title": {"en": "T"},
                         "links": [{"url": "https://example.org", "label": "\u{0}"}]}),
        ),
        ("tags", json!({"status": "planned", "slug": "nul-tag", "title": {"en": "T"}, "tags": ["a\u{0}"]})),
    ];
    for (field, record) in cases {
        let (status, problem) = api(&app, Method::POST, "/api/v1/projects", &rep, Some(record)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        assert!(problem["field"].as_str().unwrap().starts_with(field), "{field}: {problem}");
        assert!(problem["detail"].as_str().unwrap().contains("ký tự điều khiển"), "{problem}");
    }
    assert_eq!(app.store.revisions(&RevisionFilter::default(), Default::default()).await.unwrap().total, 0);
    let lines = json!({"status": "planned", "slug": "two-lines", "title": {"en": "T"}, "description": {"en": "One.\r\n\tTwo."}});
    let (status, created) = api(&app, Method::POST, "/api/v1/projects", &rep, Some(lines)).await;
    assert_eq!(
        (status, created["record"]["description"]["en"].as_str()),
        (StatusCode::CREATED, Some("One.\r\n\tTwo."))
    );

    let (status, problem) =
        api(&app, Method::POST, &format!("/api/v1/revisions/{}/submit", created["id"].as_str().unwrap()), &rep, None)
            .await;
    assert_eq!(status, StatusCode::OK, "{problem}");
    user(&app, CURATOR, UserRole::Curator, None).await;
    let curator = token(&app, CURATOR, "write").await;
    let path = format!("/api/v1/revisions/{}/return", created["id"].as_str().unwrap());
    let (status, problem) = api(&app, Method::POST, &path, &curator, Some(json!({"comment": "\u{0}"}))).await;
    assert_eq!((status, problem["field"].as_str()), (StatusCode::BAD_REQUEST, Some("comment")), "{problem}");
}
