//! The knowledge base over HTTP: projects, tools and publications, actors, country profiles,
//! possibly overlapping projects and the JSON dataset in and out.

use std::time::{Duration, Instant};

use gfce_core::exchange::json;
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{slugs, TestApp};
use crate::on_both_databases;

/// A small dataset as a person would write it: two look-alike projects in Viet Nam, one in
/// West Africa, an implementer that is not a member, a tool and a publication.
const DATASET: &str = r###"{
  "format": "gfce-hub", "version": 1,
  "actors": [
    {"id": "0d3c1f0e-5b1e-4b8e-9d62-8f7f0c1a2b01", "slug": "hanoi-university-of-science-and-technology",
     "kind": "academia", "name": {"en": "Hanoi University of Science and Technology", "vi": "Đại học Bách khoa Hà Nội"},
     "short_name": "HUST", "country": "VN", "joined": null, "website": "https://example.org/hust",
     "listed_as": null, "iati_ref": "VN-EXAMPLE-HUST", "themes": ["culture-skills"]}
  ],
  "projects": [
    {"id": "7a4f8f0e-1b2c-4d5e-8f90-0a1b2c3d4e01", "slug": "incident-response-training-viet-nam",
     "title": {"en": "Incident response training for Viet Nam", "vi": "Đào tạo ứng cứu sự cố cho Việt Nam"},
     "summary": {"en": "Training national CERT staff in incident handling.", "vi": "Đào tạo cán bộ CERT quốc gia về xử lý sự cố."},
     "description": {"en": "## Aims\n\nBuild skills.\n\n<script>alert(1)</script>\n\n- one\n- two", "vi": null},
     "status": "ongoing", "starts_on": "2024-01-01", "ends_on": "2027-12-31",
     "participants": [{"actor": "netherlands", "role": "funder"},
                      {"actor": "hanoi-university-of-science-and-technology", "role": "implementer"}],
     "countries": ["VN"], "regions": [], "themes": ["cert-cooperation", "culture-skills"],
     "tags": ["train-the-trainer"], "budget": {"amount": "1500000", "currency": "EUR"},
     "languages": ["en", "vi"], "links": [{"url": "https://example.org/p/1", "label": "Project page"}],
     "iati_identifier": null, "source_url": null},
    {"id": "7a4f8f0e-1b2c-4d5e-8f90-0a1b2c3d4e02", "slug": "incident-response-workshops-viet-nam",
     "title": {"en": "Incident response workshops for Viet Nam", "vi": "Hội thảo ứng cứu sự cố cho Việt Nam"},
     "summary": null, "description": null,
     "status": "planned", "starts_on": "2026-06-01", "ends_on": null,
     "participants": [{"actor": "japan", "role": "funder"}],
     "countries": ["VN"], "regions": [], "themes": ["cert-cooperation"], "tags": [], "budget": null,
     "languages": ["vi"], "links": [], "iati_identifier": null, "source_url": null},
    {"id": "7a4f8f0e-1b2c-4d5e-8f90-0a1b2c3d4e03", "slug": "cybercrime-legislation-west-africa",
     "title": {"en": "Cybercrime legislation review in West Africa"},
     "summary": null, "description": null,
     "status": "completed", "starts_on": "2016-01-01", "ends_on": "2018-06-30",
     "participants": [{"actor": "council-of-europe", "role": "implementer"}],
     "countries": ["SN"], "regions": ["011"], "themes": ["cybercrime-prevention"], "tags": [], "budget": null,
     "languages": ["fr"], "links": [], "iati_identifier": null, "source_url": null}
  ],
  "resources": [
    {"id": "5e6f7a8b-1111-4222-8333-944455566601", "slug": "national-cert-handbook", "type": "tool",
     "kind": "guide", "title": {"en": "National CERT handbook", "vi": "Sổ tay CERT quốc gia"}, "summary": null,
     "published_on": "2019-05-01", "url": "https://example.org/handbook",
     "contributors": [{"actor": "hanoi-university-of-science-and-technology", "role": "author"}],
     "themes": ["cert-cooperation"], "regions": [], "languages": ["vi", "en"], "source_url": null},
    {"id": "5e6f7a8b-1111-4222-8333-944455566602", "slug": "cyber-maturity-report", "type": "publication",
     "kind": "report", "title": {"en": "Cyber maturity report"}, "summary": null,
     "published_on": "2021-03-01", "url": null, "contributors": [], "themes": [], "regions": [],
     "languages": ["en"], "source_url": null}
  ],
  "events": [],
  "country_facts": []
}"###;

async fn load(app: &TestApp) {
    let parsed = json::read(DATASET.as_bytes(), "fixture.json").expect("a readable dataset");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let report = app.store.import(parsed.records, "fixture.json", Vec::new(), true, &|_| {}).await.unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.written.projects, 3);
}

on_both_databases!(projects_are_listed_filtered_and_detailed);
async fn projects_are_listed_filtered_and_detailed(app: TestApp) {
    load(&app).await;
    let (status, all) = app.json("/api/v1/projects").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(all["total"], 3);
    // Newest start first, undated last.
    assert_eq!(
        slugs(&all),
        [
            "incident-response-workshops-viet-nam",
            "incident-response-training-viet-nam",
            "cybercrime-legislation-west-africa"
        ]
    );
    let (_, vn) = app.json("/api/v1/projects?country=vn&status=ongoing").await;
    assert_eq!(slugs(&vn), ["incident-response-training-viet-nam"]);
    // Senegal lies in Western Africa (011); a project for the region counts for its countries.
    let (_, sn) = app.json("/api/v1/projects?country=GH").await;
    assert_eq!(slugs(&sn), ["cybercrime-legislation-west-africa"]);
    let (_, asia) = app.json("/api/v1/projects?region=035&order=title").await;
    assert_eq!(slugs(&asia), ["incident-response-training-viet-nam", "incident-response-workshops-viet-nam"]);
    let (_, by_actor) = app.json("/api/v1/projects?actor=hanoi-university-of-science-and-technology").await;
    assert_eq!(by_actor["total"], 1);
    let (_, in_2017) = app.json("/api/v1/projects?year=2017").await;
    assert_eq!(slugs(&in_2017), ["cybercrime-legislation-west-africa"]);
    let (_, unaccented) = app.json("/api/v1/projects?q=dao%20tao%20ung%20cuu").await;
    assert_eq!(slugs(&unaccented), ["incident-response-training-viet-nam"]);

    let (status, p) = app.json("/api/v1/projects/incident-response-training-viet-nam").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(p["budget"], serde_json::json!({"amount": "1500000", "currency": "EUR"}));
    assert_eq!(p["participants"][0]["name"]["en"], "Netherlands");
    assert_eq!(p["participants"][1]["role"], "implementer");
    assert_eq!(p["participants"][1]["name"]["vi"], "Đại học Bách khoa Hà Nội");
    let overlapping = p["possibly_overlapping"].as_array().unwrap();
    assert_eq!(overlapping.len(), 1, "{p}");
    assert_eq!(overlapping[0]["slug"], "incident-response-workshops-viet-nam");
    assert_eq!(overlapping[0]["reasons"]["countries"], serde_json::json!(["VN"]));
    assert_eq!(overlapping[0]["reasons"]["themes"], serde_json::json!(["cert-cooperation"]));
    let (_, far) = app.json("/api/v1/projects/cybercrime-legislation-west-africa").await;
    assert_eq!(far["possibly_overlapping"], serde_json::json!([]));
}

on_both_databases!(bad_filters_name_the_parameter);
async fn bad_filters_name_the_parameter(app: TestApp) {
    for (query, param) in [
        ("status=finished", "status"),
        ("country=XX", "country"),
        ("theme=no-such-theme", "theme"),
        ("year=20x6", "year"),
        ("language=xx", "language"),
        ("order=random", "order"),
        ("actor=Not%20A%20Slug", "actor"),
        ("q=%00", "q"),
    ] {
        let response = app.get_lang(&format!("/api/v1/projects?{query}"), "vi").await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["param"], param, "{query}: {problem}");
    }
    let (status, _) = app.json("/api/v1/tools?kind=poster").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = app.json("/api/v1/projects/no-such-project").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

on_both_databases!(tools_publications_and_actors);
async fn tools_publications_and_actors(app: TestApp) {
    load(&app).await;
    let (_, tools) = app.json("/api/v1/tools").await;
    assert_eq!(slugs(&tools), ["national-cert-handbook"]);
    assert_eq!(tools["items"][0]["contributors"][0]["name"]["en"], "Hanoi University of Science and Technology");
    let (_, publications) = app.json("/api/v1/publications?language=en").await;
    assert_eq!(slugs(&publications), ["cyber-maturity-report"]);
    let (status, _) = app.json("/api/v1/publications/national-cert-handbook").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a tool is not a publication");

    let (_, actor) = app.json("/api/v1/actors/hanoi-university-of-science-and-technology").await;
    assert_eq!(actor["membership"], Value::Null);
    assert_eq!(actor["iati_ref"], "VN-EXAMPLE-HUST");
    assert_eq!(actor["html"]["en"], "/en/actors/hanoi-university-of-science-and-technology");
    let (status, _) = app.json("/api/v1/members/hanoi-university-of-science-and-technology").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not a member");
    let (_, others) = app.json("/api/v1/actors?joined=false").await;
    assert_eq!(slugs(&others), ["hanoi-university-of-science-and-technology"]);
    let (_, members) = app.json("/api/v1/members?per_page=500").await;
    assert_eq!(members["total"], 42, "the directory lists members and partners only");
}

on_both_databases!(country_profiles_gather_everything);
async fn country_profiles_gather_everything(app: TestApp) {
    load(&app).await;
    let (status, vn) = app.json("/api/v1/countries/vn").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(vn["country"]["name"]["vi"], "Việt Nam");
    assert_eq!(vn["languages"], serde_json::json!(["vi"]));
    let facts: Vec<&str> = vn["facts"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(facts, ["strategy", "cert", "data_protection_law", "cybercrime_law"]);
    assert!(vn["facts"].as_array().unwrap().iter().all(|f| f["source_url"].as_str().unwrap().starts_with("https://")));
    let actors: Vec<&str> = vn["actors"].as_array().unwrap().iter().map(|a| a["slug"].as_str().unwrap()).collect();
    assert_eq!(actors, ["hanoi-university-of-science-and-technology", "viet-nam"]);
    assert_eq!(vn["benefiting"]["total"], 2);
    assert_eq!(vn["resources_in_its_languages"]["items"][0]["slug"], "national-cert-handbook");
    let (_, nl) = app.json("/api/v1/countries/NL").await;
    assert_eq!(nl["involved"]["items"][0]["slug"], "incident-response-training-viet-nam", "the Netherlands funds it");
    assert_eq!(nl["events"][0]["slug"], "gccs-2015");
    let (status, _) = app.json("/api/v1/countries/XX").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The country index counts the projects benefiting each country, directly or through its
    // region (Ghana lies in Western Africa, like Senegal), and links to them.
    let (status, index) = app.text("/en/countries").await;
    assert_eq!(status, StatusCode::OK);
    assert!(index.contains(r#"<a class="project-count" href="/en/projects?country=VN">2 projects</a>"#), "{index}");
    assert!(index.contains(r#"<a class="project-count" href="/en/projects?country=SN">1 project</a>"#));
    assert!(index.contains(r#"<a class="project-count" href="/en/projects?country=GH">1 project</a>"#), "{index}");
    assert!(!index.contains(r#"href="/en/projects?country=NL""#), "no project benefits the Netherlands");
    let (_, index) = app.text("/vi/countries").await;
    assert!(index.contains(r#"<a class="project-count" href="/vi/projects?country=VN">2 dự án</a>"#));
}

on_both_databases!(projects_are_searchable_with_or_without_accents);
async fn projects_are_searchable_with_or_without_accents(app: TestApp) {
    load(&app).await;
    let started = Instant::now();
    loop {
        let (_, found) = app.json("/api/v1/search?q=hoi%20thao%20ung%20cuu&type=project").await;
        if slugs(&found).first().map(String::as_str) == Some("incident-response-workshops-viet-nam") {
            assert_eq!(found["items"][0]["type"], "project");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "the indexer never caught up: {found}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, ongoing) = app.json("/api/v1/search?q=incident&status=ongoing").await;
    assert_eq!(slugs(&ongoing), ["incident-response-training-viet-nam"]);
    let (_, facets) = app.json("/api/v1/search?type=project").await;
    let statuses: Vec<&str> =
        facets["facets"]["status"].as_array().unwrap().iter().map(|f| f["value"].as_str().unwrap()).collect();
    assert_eq!(statuses.len(), 3, "{facets}");
    let (_, tools) = app.json("/api/v1/search?q=so%20tay&type=tool").await;
    assert_eq!(slugs(&tools), ["national-cert-handbook"]);
}

on_both_databases!(export_import_export_is_lossless);
async fn export_import_export_is_lossless(app: TestApp) {
    load(&app).await;
    let response = app.get("/api/v1/export.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-disposition"].to_str().unwrap().contains("attachment"));
    let first = response.bytes().await.unwrap();
    let parsed = json::read(&first, "export.json").unwrap();
    assert!(parsed.errors.is_empty());
    assert_eq!(parsed.records.projects.len(), 3);
    assert_eq!(parsed.records.actors.len(), 43);

    let other = TestApp::sqlite().await;
    let report = other.store.import(parsed.records, "export.json", Vec::new(), true, &|_| {}).await.unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let second = other.get("/api/v1/export.json").await.bytes().await.unwrap();
    assert_eq!(String::from_utf8_lossy(&first), String::from_utf8_lossy(&second));
}

on_both_databases!(imports_check_against_the_database);
async fn imports_check_against_the_database(app: TestApp) {
    load(&app).await;
    // Another project under a slug that is taken, one naming an unknown actor, one good.
    let text = DATASET
        .replace("7a4f8f0e-1b2c-4d5e-8f90-0a1b2c3d4e01", "7a4f8f0e-1b2c-4d5e-8f90-0a1b2c3d4e11")
        .replace("\"actor\": \"japan\"", "\"actor\": \"no-such-actor\"")
        .replace("7a4f8f0e-1b2c-4d5e-8f90-0a1b2c3d4e02", "7a4f8f0e-1b2c-4d5e-8f90-0a1b2c3d4e12")
        .replace("incident-response-workshops-viet-nam", "workshops-again");
    let parsed = json::read(text.as_bytes(), "again.json").unwrap();
    let strict = app.store.import(parsed.records.clone(), "again.json", Vec::new(), true, &|_| {}).await.unwrap();
    assert_eq!(strict.written.total(), 0, "strict: nothing written");
    let fields: Vec<&str> = strict.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["slug", "participants"], "{:?}", strict.errors);
    assert!(strict.errors[0].to_string().contains("projects[slug=incident-response-training-viet-nam]"));
    let (_, before) = app.json("/api/v1/projects").await;
    assert_eq!(before["total"], 3);

    let lenient = app.store.import(parsed.records, "again.json", Vec::new(), false, &|_| {}).await.unwrap();
    assert_eq!(lenient.errors.len(), 2);
    assert_eq!(lenient.written.projects, 1, "the West Africa project is written again, unchanged");
    let (_, after) = app.json("/api/v1/projects").await;
    assert_eq!(after["total"], 3);
}
