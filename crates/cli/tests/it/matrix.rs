//! The authorisation matrix, on both databases: every write route, pages and API, asked by every
//! role — anonymous, registered user, representative of the owner, representative of another
//! member, curator, administrator — each time on a fresh record, asserting the status and that
//! the record changed exactly when the step was allowed.

use std::sync::atomic::{AtomicUsize, Ordering};

use gfce_core::{
    curation::{Content, Step},
    ApplicationForm, ContentType, Email, Lang, MembershipApplication, Slug, TokenName, TokenScopes, UserRole,
};
use gfce_store::OutgoingMail;
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::accounts::{hidden_token, Visit};
use crate::common::TestApp;
use crate::curation::{signed_in, user};
use crate::on_both_databases;

on_both_databases!(unlimited: every_write_route_answers_every_role_as_the_rules_say);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Anonymous,
    Registered,
    OwnerRep,
    OtherRep,
    Curator,
    Admin,
}

const ROLES: [Role; 6] =
    [Role::Anonymous, Role::Registered, Role::OwnerRep, Role::OtherRep, Role::Curator, Role::Admin];
const OWNER: &str = "viet-nam";

fn email(role: Role) -> Option<&'static str> {
    match role {
        Role::Anonymous => None,
        Role::Registered => Some("reader@example.org"),
        Role::OwnerRep => Some("an.nguyen@mic.example.gov.vn"),
        Role::OtherRep => Some("liaison@itu.example.int"),
        Role::Curator => Some("curator@thegfce.example.org"),
        Role::Admin => Some("secretariat@thegfce.example.org"),
    }
}

/// What a route needs in place before it is asked.
#[derive(Debug, Clone, Copy)]
enum Needs {
    Nothing,
    Draft,
    Submitted,
    Published,
    PublishedTool,
    Application,
}

/// What a route was given: the revision, record or application it acts on.
struct Fixture {
    revision: Option<Uuid>,
    slug: String,
    application: Option<Uuid>,
}

static SERIAL: AtomicUsize = AtomicUsize::new(0);

fn tool(slug: &str) -> Value {
    json!({
        "slug": slug, "kind": "toolkit", "title": {"en": format!("Matrix tool {slug}"), "vi": null}, "summary": null,
        "published_on": null, "url": null, "contributors": [], "themes": [], "regions": [], "languages": [],
        "source_url": null
    })
}

fn project(slug: &str) -> Value {
    json!({
        "slug": slug, "title": {"en": format!("Matrix project {slug}"), "vi": null}, "summary": null,
        "description": null, "status": "planned", "starts_on": null, "ends_on": null, "participants": [],
        "countries": ["VN"], "regions": [], "themes": ["cybercrime"], "tags": [], "budget": null, "languages": [],
        "links": [], "iati_identifier": null, "source_url": null
    })
}

async fn owner_id(app: &TestApp) -> Uuid {
    let rep = app.store.users().await.unwrap().into_iter().find(|u| u.email.as_str() == email(Role::OwnerRep).unwrap());
    rep.unwrap().id
}

async fn arrange(app: &TestApp, needs: Needs) -> Fixture {
    let slug = format!("matrix-{}", SERIAL.fetch_add(1, Ordering::Relaxed));
    let owner = Slug::parse(OWNER).unwrap();
    let author = owner_id(app).await;
    let mut content = match needs {
        Needs::PublishedTool => Content::from_json(ContentType::Tool, tool(&slug), Uuid::new_v4()),
        _ => Content::from_json(ContentType::Project, project(&slug), Uuid::new_v4()),
    }
    .unwrap();
    content.include(&owner);
    let start = |content: Content| async move {
        app.store.start_revision(&content, Some(&owner), author).await.unwrap().unwrap().id
    };
    let curator = app.store.users().await.unwrap().into_iter().find(|u| u.role == UserRole::Curator).unwrap().id;
    let revision = match needs {
        Needs::Nothing | Needs::Application => None,
        Needs::Draft => Some(start(content).await),
        Needs::Submitted | Needs::Published | Needs::PublishedTool => {
            let id = start(content).await;
            app.store.advance(id, Step::Submit, author, None).await.unwrap().unwrap();
            if let Needs::Published | Needs::PublishedTool = needs {
                app.store.advance(id, Step::Publish, curator, None).await.unwrap().unwrap();
            }
            Some(id)
        }
    };
    let application = match needs {
        Needs::Application => {
            let contact = format!("{slug}@example.org");
            let form = ApplicationForm {
                kind: "academia".into(),
                name_en: slug.clone(),
                country: "VN".into(),
                contact_name: "Lan".into(),
                contact_email: contact.clone(),
                motivation: "To share what we teach.".into(),
                endorse_hague: true,
                endorse_framework: true,
                endorse_delhi: true,
                official_name: "Bình".into(),
                official_title: "Director".into(),
                ..ApplicationForm::default()
            };
            let parsed = MembershipApplication::parse(&form).unwrap();
            let ack = OutgoingMail {
                to: Email::parse(&contact).unwrap(),
                lang: Lang::En,
                subject: "Received".into(),
                body: "Thank you.".into(),
            };
            Some(app.store.submit_application(&parsed, Lang::En, None, &ack, "127.0.0.1").await.unwrap())
        }
        _ => None,
    };
    Fixture { revision, slug, application }
}

/// A fingerprint of everything a route could change, to compare before and after.
async fn fingerprint(app: &TestApp, f: &Fixture) -> String {
    let revision = match f.revision {
        Some(id) => {
            let (r, _) = app.store.revision(id).await.unwrap().unwrap();
            format!("{}:{}", r.state, r.content.to_json())
        }
        None => String::new(),
    };
    let all = app.store.revisions(&Default::default(), gfce_core::PageRequest::new(1, 500)).await.unwrap().total;
    let (public, _) = app.json(&format!("/api/v1/projects/{}", f.slug)).await;
    let (tool, _) = app.json(&format!("/api/v1/tools/{}", f.slug)).await;
    let application = match f.application {
        Some(id) => app.store.application(id).await.unwrap().unwrap().0.state.as_str().to_owned(),
        None => String::new(),
    };
    format!("{revision}|{all}|{public}|{tool}|{application}")
}

/// A write route: how it is asked, and what each role gets.
struct Route {
    name: &'static str,
    needs: Needs,
    /// Method, path and form fields or JSON body, for a fixture.
    ask: fn(&Fixture) -> (Method, String, Body),
    /// The status for anonymous, registered, owner's rep, other rep, curator, administrator.
    expect: [u16; 6],
}

enum Body {
    Form(Vec<(&'static str, String)>),
    Json(Value),
    Empty,
}

fn form(fields: &[(&'static str, &str)]) -> Body {
    Body::Form(fields.iter().map(|(k, v)| (*k, (*v).to_owned())).collect())
}

fn edited_project() -> Vec<(&'static str, &'static str)> {
    vec![("title_en", "Edited by the matrix"), ("status", "ongoing"), ("countries", "VN"), ("intent", "save")]
}

/// The edit form's fields for the fixture's record, which keeps its slug.
fn edit_of(f: &Fixture) -> Body {
    let Body::Form(mut fields) = form(&edited_project()) else { unreachable!() };
    fields.push(("slug", f.slug.clone()));
    Body::Form(fields)
}

const PAGE_ROUTES: &[Route] = &[
    Route {
        name: "new project",
        needs: Needs::Nothing,
        ask: |_| {
            let slug = format!("matrix-new-{}", SERIAL.fetch_add(1, Ordering::Relaxed));
            let Body::Form(mut fields) = form(&edited_project()) else { unreachable!() };
            fields.push(("slug", slug));
            (Method::POST, "/en/contributions/new-project".into(), Body::Form(fields))
        },
        expect: [401, 403, 303, 303, 403, 303],
    },
    Route {
        name: "new tool",
        needs: Needs::Nothing,
        ask: |_| {
            let slug = format!("matrix-tool-{}", SERIAL.fetch_add(1, Ordering::Relaxed));
            let fields = vec![
                ("kind", "toolkit".to_owned()),
                ("title_en", slug.clone()),
                ("slug", slug),
                ("intent", "save".to_owned()),
            ];
            (Method::POST, "/en/contributions/new-tool".into(), Body::Form(fields))
        },
        expect: [401, 403, 303, 303, 403, 303],
    },
    Route {
        name: "new publication",
        needs: Needs::Nothing,
        ask: |_| {
            let slug = format!("matrix-publication-{}", SERIAL.fetch_add(1, Ordering::Relaxed));
            let fields = vec![
                ("kind", "report".to_owned()),
                ("title_en", slug.clone()),
                ("slug", slug),
                ("intent", "save".to_owned()),
            ];
            (Method::POST, "/en/contributions/new-publication".into(), Body::Form(fields))
        },
        expect: [401, 403, 303, 303, 403, 303],
    },
    Route {
        name: "edit a draft",
        needs: Needs::Draft,
        ask: |f| (Method::POST, format!("/en/revisions/{}/edit", f.revision.unwrap()), edit_of(f)),
        expect: [401, 403, 303, 403, 403, 303],
    },
    Route {
        name: "submit a draft",
        needs: Needs::Draft,
        ask: |f| (Method::POST, format!("/en/revisions/{}/submit", f.revision.unwrap()), form(&[])),
        expect: [401, 403, 303, 403, 403, 303],
    },
    Route {
        name: "discard a draft",
        needs: Needs::Draft,
        ask: |f| (Method::POST, format!("/en/revisions/{}/discard", f.revision.unwrap()), form(&[])),
        expect: [401, 403, 303, 403, 403, 303],
    },
    Route {
        name: "publish",
        needs: Needs::Submitted,
        ask: |f| (Method::POST, format!("/en/revisions/{}/publish", f.revision.unwrap()), form(&[])),
        expect: [401, 403, 403, 403, 303, 303],
    },
    Route {
        name: "return",
        needs: Needs::Submitted,
        ask: |f| {
            (
                Method::POST,
                format!("/en/revisions/{}/return", f.revision.unwrap()),
                form(&[("comment", "Add a budget.")]),
            )
        },
        expect: [401, 403, 403, 403, 303, 303],
    },
    Route {
        name: "revise a published project",
        needs: Needs::Published,
        ask: |f| (Method::POST, format!("/en/projects/{}/edit", f.slug), edit_of(f)),
        expect: [401, 403, 303, 403, 403, 303],
    },
    Route {
        name: "withdraw a published project",
        needs: Needs::Published,
        ask: |f| (Method::POST, format!("/en/projects/{}/withdraw", f.slug), form(&[])),
        expect: [401, 403, 403, 403, 303, 303],
    },
    Route {
        name: "revise a published tool",
        needs: Needs::PublishedTool,
        ask: |f| {
            let fields =
                vec![("kind", "guide".to_owned()), ("title_en", "Edited tool".to_owned()), ("slug", f.slug.clone())];
            (Method::POST, format!("/en/tools/{}/edit", f.slug), Body::Form(fields))
        },
        expect: [401, 403, 303, 403, 403, 303],
    },
    Route {
        name: "withdraw a published tool",
        needs: Needs::PublishedTool,
        ask: |f| (Method::POST, format!("/en/tools/{}/withdraw", f.slug), form(&[])),
        expect: [401, 403, 403, 403, 303, 303],
    },
    Route {
        name: "approve an application",
        needs: Needs::Application,
        ask: |f| (Method::POST, format!("/en/admin/applications/{}/approve", f.application.unwrap()), form(&[])),
        expect: [401, 403, 403, 403, 403, 303],
    },
    Route {
        name: "reject an application",
        needs: Needs::Application,
        ask: |f| {
            let path = format!("/en/admin/applications/{}/reject", f.application.unwrap());
            (Method::POST, path, form(&[("reason", "Not an organisation.")]))
        },
        expect: [401, 403, 403, 403, 403, 303],
    },
];

/// The write API: the same steps with a personal token of write scope (none for anonymous).
const API_ROUTES: &[Route] = &[
    Route {
        name: "API: create a project",
        needs: Needs::Nothing,
        ask: |_| {
            (
                Method::POST,
                "/api/v1/projects".into(),
                Body::Json(project(&format!("matrix-api-{}", SERIAL.fetch_add(1, Ordering::Relaxed)))),
            )
        },
        expect: [401, 403, 201, 201, 403, 201],
    },
    Route {
        name: "API: create a tool",
        needs: Needs::Nothing,
        ask: |_| {
            (
                Method::POST,
                "/api/v1/tools".into(),
                Body::Json(tool(&format!("matrix-api-{}", SERIAL.fetch_add(1, Ordering::Relaxed)))),
            )
        },
        expect: [401, 403, 201, 201, 403, 201],
    },
    Route {
        name: "API: create a publication",
        needs: Needs::Nothing,
        ask: |_| {
            let mut body = tool(&format!("matrix-api-{}", SERIAL.fetch_add(1, Ordering::Relaxed)));
            body["kind"] = json!("report");
            (Method::POST, "/api/v1/publications".into(), Body::Json(body))
        },
        expect: [401, 403, 201, 201, 403, 201],
    },
    Route {
        name: "API: create an event",
        needs: Needs::Nothing,
        ask: |_| {
            let slug = format!("matrix-api-{}", SERIAL.fetch_add(1, Ordering::Relaxed));
            let body = json!({
                "slug": slug, "series": "gccs", "name": {"en": "Matrix meeting", "vi": null}, "summary": null,
                "starts_on": "2027-05-04", "ends_on": "2027-05-05", "city": {"en": "Hanoi", "vi": "Hà Nội"},
                "country": "VN", "url": null, "organisers": [], "themes": []
            });
            (Method::POST, "/api/v1/events".into(), Body::Json(body))
        },
        expect: [401, 403, 201, 201, 403, 201],
    },
    Route {
        name: "API: change a draft",
        needs: Needs::Draft,
        ask: |f| {
            let mut body = project(&f.slug);
            body["title"]["en"] = json!("Changed through the API");
            (Method::PUT, format!("/api/v1/revisions/{}", f.revision.unwrap()), Body::Json(body))
        },
        expect: [401, 403, 200, 403, 403, 200],
    },
    Route {
        name: "API: submit a draft",
        needs: Needs::Draft,
        ask: |f| (Method::POST, format!("/api/v1/revisions/{}/submit", f.revision.unwrap()), Body::Empty),
        expect: [401, 403, 200, 403, 403, 200],
    },
    Route {
        name: "API: discard a draft",
        needs: Needs::Draft,
        ask: |f| (Method::DELETE, format!("/api/v1/revisions/{}", f.revision.unwrap()), Body::Empty),
        expect: [401, 403, 200, 403, 403, 200],
    },
    Route {
        name: "API: publish",
        needs: Needs::Submitted,
        ask: |f| (Method::POST, format!("/api/v1/revisions/{}/publish", f.revision.unwrap()), Body::Empty),
        expect: [401, 403, 403, 403, 200, 200],
    },
    Route {
        name: "API: return",
        needs: Needs::Submitted,
        ask: |f| {
            (
                Method::POST,
                format!("/api/v1/revisions/{}/return", f.revision.unwrap()),
                Body::Json(json!({"comment": "Add a budget."})),
            )
        },
        expect: [401, 403, 403, 403, 200, 200],
    },
    Route {
        name: "API: revise a published project",
        needs: Needs::Published,
        ask: |f| {
            let mut body = project(&f.slug);
            body["status"] = json!("ongoing");
            (Method::PUT, format!("/api/v1/projects/{}", f.slug), Body::Json(body))
        },
        expect: [401, 403, 201, 403, 403, 201],
    },
    Route {
        name: "API: withdraw a published project",
        needs: Needs::Published,
        ask: |f| (Method::DELETE, format!("/api/v1/projects/{}", f.slug), Body::Empty),
        expect: [401, 403, 403, 403, 204, 204],
    },
];

/// One role's way of asking: a browser visit with its CSRF token (a visitor's comes from the
/// sign-in form's cookie).
struct Asker<'a> {
    role: Role,
    visit: Visit<'a>,
    csrf: String,
    /// A personal token with the write scope.
    token: Option<String>,
}

async fn askers(app: &TestApp) -> Vec<Asker<'_>> {
    let mut askers = Vec::new();
    for role in ROLES {
        let (mut visit, page) = match email(role) {
            None => (Visit::new(app), "/en/login"),
            Some(address) => (signed_in(app, address).await, "/en/search"),
        };
        let csrf = hidden_token(&visit.get(page).await.text().await.unwrap());
        let token = match email(role) {
            None => None,
            Some(address) => {
                let holder =
                    app.store.users().await.unwrap().into_iter().find(|u| u.email.as_str() == address).unwrap();
                let secret = format!("gfce_{}", gfce_web::access::secrets::random_token());
                let name = TokenName::parse("matrix").unwrap();
                let scopes = TokenScopes::parse("write").unwrap();
                let digest = gfce_web::access::secrets::token_digest(&secret);
                app.store.create_token(holder.id, &name, &digest, scopes, None).await.unwrap();
                Some(secret)
            }
        };
        askers.push(Asker { role, visit, csrf, token });
    }
    askers
}

async fn every_write_route_answers_every_role_as_the_rules_say(app: TestApp) {
    for role in ROLES {
        let actor = match role {
            Role::OwnerRep => Some(OWNER),
            Role::OtherRep => Some("itu"),
            _ => None,
        };
        let as_role = match role {
            Role::Anonymous => continue,
            Role::Registered => UserRole::Registered,
            Role::OwnerRep | Role::OtherRep => UserRole::Representative,
            Role::Curator => UserRole::Curator,
            Role::Admin => UserRole::Admin,
        };
        user(&app, email(role).unwrap(), as_role, actor).await;
    }
    let mut askers = askers(&app).await;
    let mut cases = 0;
    for route in PAGE_ROUTES.iter().chain(API_ROUTES) {
        for asker in &mut askers {
            let fixture = arrange(&app, route.needs).await;
            let before = fingerprint(&app, &fixture).await;
            let (method, path, body) = (route.ask)(&fixture);
            let response = match &body {
                Body::Form(fields) => {
                    let mut all: Vec<(&str, &str)> = vec![("csrf_token", asker.csrf.as_str())];
                    all.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
                    assert_eq!(method, Method::POST);
                    asker.visit.post(&path, &all).await
                }
                Body::Json(_) | Body::Empty => {
                    let mut request = app.client.request(method, format!("{}{path}", app.base));
                    if let Some(token) = &asker.token {
                        request = request.bearer_auth(token);
                    }
                    if let Body::Json(value) = &body {
                        request = request.json(value);
                    }
                    request.send().await.unwrap()
                }
            };
            let expected = route.expect[ROLES.iter().position(|r| *r == asker.role).unwrap()];
            let status = response.status().as_u16();
            assert_eq!(status, expected, "{} as {:?}: {path}", route.name, asker.role);
            let changed = fingerprint(&app, &fixture).await != before;
            let allowed = (200..400).contains(&expected);
            assert_eq!(changed, allowed, "{} as {:?}: changed = {changed}", route.name, asker.role);
            cases += 1;
        }
    }
    assert_eq!(cases, (PAGE_ROUTES.len() + API_ROUTES.len()) * ROLES.len());
}
