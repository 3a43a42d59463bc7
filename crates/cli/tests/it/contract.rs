//! The API's contract, read from its own OpenAPI document: every documented operation, asked
//! with valid parameters (and, for a write, an administrator's write token), succeeds with a
//! status it documents, and one whose path names nothing answers a 404 it documents; on every
//! documented path the router accepts exactly the methods the document lists (and HEAD with GET),
//! answering any other with 405 and `Allow`; every schema the document refers to exists; a list
//! given every parameter empty answers as given none, as an HTML form sends them; and the record
//! schemas of the writes name every field the export writes, and their examples are accepted.

use std::collections::BTreeSet;

use gfce_core::UserRole;
use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::common::TestApp;
use crate::curation::{token, user};
use crate::on_both_databases;

on_both_databases!(
    unlimited: every_operation_answers_as_documented,
    empty_parameters_mean_the_default,
    record_schemas_name_what_the_export_writes,
);

const ADMIN: &str = "contract@thegfce.example.org";

/// The kinds of record the write API takes, by the section of their addresses.
const SECTIONS: [&str; 4] = ["projects", "tools", "publications", "events"];

/// The methods an OpenAPI path item may document.
const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// A valid record of the kind `section` holds, with this slug and every field given.
fn record(section: &str, slug: &str) -> Value {
    match section {
        "projects" => json!({
            "slug": slug, "title": {"en": "Incident response training", "vi": "Đào tạo ứng cứu sự cố"},
            "summary": {"en": "Three courses.", "vi": null}, "description": {"en": "**Three** courses.", "vi": null},
            "status": "planned", "starts_on": "2027-03-01", "ends_on": "2027-09-30",
            "participants": [{"actor": "microsoft", "role": "funder"}], "countries": ["VN"], "regions": ["035"],
            "themes": ["cert-cooperation"], "tags": ["incident response"],
            "budget": {"amount": "250000", "currency": "EUR"}, "languages": ["en", "vi"],
            "links": [{"url": "https://example.org/courses", "label": "Courses"}],
            "iati_identifier": format!("XM-EXAMPLE-{slug}"), "source_url": "https://example.org/source"
        }),
        "tools" | "publications" => json!({
            "slug": slug, "kind": if section == "tools" { "guide" } else { "report" },
            "title": {"en": "A guide to national CERTs", "vi": null}, "summary": {"en": "How to start one.", "vi": null},
            "published_on": "2026-05-01", "url": "https://example.org/guide",
            "contributors": [{"actor": "microsoft", "role": "author"}], "themes": ["cert-cooperation"],
            "regions": ["142"], "languages": ["en"], "source_url": "https://example.org/source"
        }),
        "events" => json!({
            "slug": slug, "series": "gccs", "name": {"en": "A regional meeting", "vi": null},
            "summary": {"en": "Two days.", "vi": null}, "starts_on": "2027-05-10", "ends_on": "2027-05-11",
            "city": {"en": "Hanoi", "vi": "Hà Nội"}, "country": "VN", "url": "https://example.org/meeting",
            "organisers": ["viet-nam"], "themes": ["cert-cooperation"]
        }),
        other => panic!("no record of section {other}"),
    }
}

/// A client of the API with an administrator's write token.
struct Client<'a> {
    app: &'a TestApp,
    token: String,
    /// For fresh slugs.
    made: usize,
}

impl<'a> Client<'a> {
    async fn new(app: &'a TestApp) -> Self {
        user(app, ADMIN, UserRole::Admin, None).await;
        Client { app, token: token(app, ADMIN, "write").await, made: 0 }
    }

    async fn send(&self, method: &str, path: &str, body: Option<&Value>) -> reqwest::Response {
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let mut request = self.app.client.request(method, format!("{}{path}", self.app.base)).bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.unwrap()
    }

    /// Sends and reads a JSON answer, which must have `status`.
    async fn expect(&self, method: &str, path: &str, body: Option<&Value>, status: StatusCode) -> Value {
        let response = self.send(method, path, body).await;
        let got = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(got, status, "{method} {path}: {text}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    fn fresh_slug(&mut self) -> String {
        self.made += 1;
        format!("contract-record-{}", self.made)
    }

    /// A draft of a new record of `section`: its revision id and slug.
    async fn draft(&mut self, section: &str) -> (String, String) {
        let slug = self.fresh_slug();
        let revision = self
            .expect("post", &format!("/api/v1/{section}"), Some(&record(section, &slug)), StatusCode::CREATED)
            .await;
        (revision["id"].as_str().unwrap().to_owned(), slug)
    }

    /// A submitted revision of a new record of `section`.
    async fn submitted(&mut self, section: &str) -> (String, String) {
        let (id, slug) = self.draft(section).await;
        self.expect("post", &format!("/api/v1/revisions/{id}/submit"), None, StatusCode::OK).await;
        (id, slug)
    }

    /// The slug of a newly published record of `section`, with no revision on its way.
    async fn published(&mut self, section: &str) -> String {
        let (id, slug) = self.submitted(section).await;
        self.expect("post", &format!("/api/v1/revisions/{id}/publish"), None, StatusCode::OK).await;
        slug
    }

    /// What to send to `method path` so that it succeeds: the address with its parameters
    /// filled in, and the body.
    async fn valid_request(&mut self, method: &str, path: &str) -> (String, Option<Value>) {
        let segments: Vec<&str> = path.trim_start_matches("/api/v1/").split('/').collect();
        if !path.contains('{') {
            let body = (method == "post").then(|| record(segments[0], &self.fresh_slug()));
            return (path.to_owned(), body);
        }
        match (method, segments.as_slice()) {
            ("get", ["members" | "actors", "{slug}"]) => (path.replace("{slug}", "viet-nam"), None),
            ("get", ["countries", "{code}"]) => (path.replace("{code}", "VN"), None),
            (_, [section, "{slug}"]) if SECTIONS.contains(section) => {
                let slug = self.published(section).await;
                let body = (method == "put").then(|| record(section, &slug));
                (path.replace("{slug}", &slug), body)
            }
            (_, ["revisions", "{id}", rest @ ..]) => {
                let (id, slug) = match rest {
                    ["publish" | "return"] => self.submitted("projects").await,
                    _ => self.draft("projects").await,
                };
                let body = match (method, rest) {
                    ("put", []) => Some(record("projects", &slug)),
                    (_, ["return"]) => Some(json!({"comment": "Please add the Vietnamese title."})),
                    _ => None,
                };
                (path.replace("{id}", &id), body)
            }
            _ => panic!("no sample request for {method} {path}: teach valid_request this operation"),
        }
    }
}

/// The path with every parameter naming nothing that exists.
fn naming_nothing(path: &str) -> String {
    path.replace("{slug}", "no-such-record-anywhere")
        .replace("{code}", "ZZ")
        .replace("{id}", &Uuid::new_v4().to_string())
}

fn statuses(operation: &Value) -> BTreeSet<u16> {
    operation["responses"].as_object().unwrap().keys().map(|k| k.parse().unwrap()).collect()
}

/// The methods of an `Allow` header, upper-case.
fn allowed(response: &reqwest::Response) -> BTreeSet<String> {
    let allow = response.headers().get(header::ALLOW).map(|v| v.to_str().unwrap().to_owned());
    let allow = allow.unwrap_or_else(|| panic!("{} answered 405 without Allow", response.url()));
    allow.split(',').map(|m| m.trim().to_uppercase()).filter(|m| !m.is_empty()).collect()
}

/// Every `$ref` in `value`.
fn references(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                found.push(target.clone());
            }
            map.values().for_each(|v| references(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, found)),
        _ => {}
    }
}

async fn every_operation_answers_as_documented(app: TestApp) {
    let (status, doc) = app.json("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let mut refs = Vec::new();
    references(&doc, &mut refs);
    for target in refs {
        let name = target.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("{target} is local"));
        assert!(doc["components"]["schemas"][name].is_object(), "{target} names a schema of the document");
    }

    let mut client = Client::new(&app).await;
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 25, "the document lists the API's paths");
    for (path, item) in paths {
        let documented: BTreeSet<String> =
            METHODS.iter().filter(|m| item.get(**m).is_some()).map(|m| m.to_uppercase()).collect();
        for method in &documented {
            let method = method.to_lowercase();
            let operation = &item[&method];
            let answers = statuses(operation);

            let (address, body) = client.valid_request(&method, path).await;
            let response = client.send(&method, &address, body.as_ref()).await;
            let status = response.status();
            let text = response.text().await.unwrap();
            assert!(status.is_success(), "{method} {address} with valid parameters: {status} {text}");
            assert!(
                answers.contains(&status.as_u16()),
                "{method} {path} answered {status}, which it does not document"
            );

            if path.contains('{') {
                let nowhere = naming_nothing(path);
                let status = client.send(&method, &nowhere, body.as_ref()).await.status();
                assert_eq!(status, StatusCode::NOT_FOUND, "{method} {nowhere}");
                assert!(answers.contains(&404), "{method} {path} answers 404 and documents it");
            }
        }

        // The router's methods on the path are the documented ones, with HEAD wherever GET is.
        let address = naming_nothing(path);
        let probe = client.send("options", &address, None).await;
        assert_eq!(probe.status(), StatusCode::METHOD_NOT_ALLOWED, "OPTIONS {address}: OPTIONS is never routed");
        let mut routed = allowed(&probe);
        assert_eq!(routed.remove("HEAD"), routed.contains("GET"), "{path}: HEAD goes with GET");
        assert_eq!(routed, documented, "{path}: the router's methods and the document's differ");
        for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
            if !documented.contains(method) {
                let response = client.send(method, &address, None).await;
                assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED, "{method} {address}");
                assert_eq!(allowed(&response), allowed(&probe), "{method} {address}: the same Allow");
            }
        }
    }
}

async fn empty_parameters_mean_the_default(app: TestApp) {
    let client = Client::new(&app).await;
    let (_, doc) = app.json("/api/openapi.json").await;
    let mut lists = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let parameters = item["get"]["parameters"].as_array().cloned().unwrap_or_default();
        let names: Vec<&str> =
            parameters.iter().filter(|p| p["in"] == "query").map(|p| p["name"].as_str().unwrap()).collect();
        if names.is_empty() {
            continue;
        }
        let empty = names.iter().map(|n| format!("{n}=")).collect::<Vec<_>>().join("&");
        let given = client.expect("get", &format!("{path}?{empty}"), None, StatusCode::OK).await;
        let none = client.expect("get", path, None, StatusCode::OK).await;
        for key in ["total", "page", "per_page"] {
            assert_eq!(given[key], none[key], "GET {path}?{empty}: {key}");
        }
        lists += 1;
    }
    assert!(lists >= 11, "every list was asked: {lists}");
}

async fn record_schemas_name_what_the_export_writes(app: TestApp) {
    let mut client = Client::new(&app).await;
    for section in SECTIONS {
        client.published(section).await;
    }
    let (_, doc) = app.json("/api/openapi.json").await;
    let (status, export) = app.json("/api/v1/export.json").await;
    assert_eq!(status, StatusCode::OK);
    let keys = |value: &Value| value.as_object().unwrap().keys().cloned().collect::<BTreeSet<_>>();
    for (section, schema) in [("projects", "ProjectRecord"), ("resources", "ResourceRecord"), ("events", "EventRecord")]
    {
        let schema = &doc["components"]["schemas"][schema];
        let properties = keys(&schema["properties"]);
        let written = export[section]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["slug"].as_str().unwrap().starts_with("contract-record-"))
            .unwrap_or_else(|| panic!("the export has the published {section}"));
        let mut fields = keys(written);
        // The times of a record are the export's, never a write's.
        fields.remove("created_at");
        fields.remove("updated_at");
        assert_eq!(properties, fields, "{section}: the schema describes every field the export writes");
        for required in schema["required"].as_array().unwrap() {
            assert!(fields.contains(required.as_str().unwrap()), "{section}: {required} is written");
        }
    }
    // The document's example of each record is one a write takes.
    for (section, schema) in [("projects", "ProjectRecord"), ("tools", "ResourceRecord"), ("events", "EventRecord")] {
        let example = &doc["components"]["schemas"][schema]["example"];
        assert!(example.is_object(), "{schema} has an example");
        client.expect("post", &format!("/api/v1/{section}"), Some(example), StatusCode::CREATED).await;
    }
    let comment = &doc["components"]["schemas"]["ReturnBody"]["required"];
    assert_eq!(comment, &json!(["comment"]), "a return's comment is required");
}
