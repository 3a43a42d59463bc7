//! Hostile input, on both databases: SQL-injection and other odd values in every filter of every
//! list (API and pages, public and administrative), and script-injection in every text a person
//! can store, read back on every page that shows it, in both languages.
//!
//! A filter probe must be answered 200 or 400 (naming the parameter), never 500, with no database
//! error or secret in the answer, and leave the data as it was. A stored probe must come back
//! escaped: no page of the site has any `<script>` of its own (it runs no JavaScript), so any in a
//! page would be injected; nor may an injected element or a `javascript:` link survive.

use gfce_core::UserRole;
use reqwest::StatusCode;
use serde_json::Value;

use crate::accounts::Visit;
use crate::common::TestApp;
use crate::curation::{signed_in, user};
use crate::on_both_databases;

// Without rate limits: the probes are more searches from one address than the limit allows.
on_both_databases!(unlimited: every_filter_survives_injection_probes, stored_text_comes_back_escaped_everywhere);

/// Values that break naive SQL, query-string, template or text handling.
const FILTER_PROBES: [&str; 10] = [
    "' OR '1'='1",
    "1; DROP TABLE projects; --",
    "' UNION SELECT password_hash FROM users --",
    "%' OR 1=1 --",
    "\" OR \"\"=\"",
    "\\",
    "<script>alert(1)</script>",
    "${jndi:ldap://127.0.0.1/a}",
    "\u{0}",
    "Ω≈ç√ 表ポあ 🛡️ điều tra",
];

/// Every list and its filters, as the API and the pages name them.
const PUBLIC_FILTERS: &[(&str, &[&str])] = &[
    ("/api/v1/members", &["q", "kind", "membership", "founding", "region", "country", "theme", "page", "per_page"]),
    ("/api/v1/actors", &["q", "kind", "joined", "country", "page", "per_page"]),
    (
        "/api/v1/projects",
        &["q", "status", "country", "region", "theme", "actor", "language", "tag", "year", "order", "page", "per_page"],
    ),
    ("/api/v1/tools", &["q", "kind", "theme", "region", "language", "actor", "page", "per_page"]),
    ("/api/v1/publications", &["q", "kind", "theme", "region", "language", "actor", "page", "per_page"]),
    ("/api/v1/events", &["series", "page", "per_page"]),
    ("/api/v1/search", &["q", "type", "theme", "region", "country", "status", "year", "page", "per_page"]),
    ("/api/v1/countries", &["page", "per_page"]),
    ("/api/v1/regions", &["page", "per_page"]),
    ("/api/v1/themes", &["page", "per_page"]),
    ("/en/members", &["q", "kind", "membership", "founding", "region", "country", "theme", "page"]),
    (
        "/vi/projects",
        &["q", "status", "country", "region", "theme", "actor", "language", "tag", "year", "order", "page"],
    ),
    ("/en/tools", &["q", "kind", "theme", "region", "language", "actor", "page"]),
    ("/vi/publications", &["q", "kind", "theme", "region", "language", "actor", "page"]),
    ("/en/events", &["series", "page"]),
    ("/vi/search", &["q", "type", "theme", "region", "country", "status", "year", "page"]),
];

/// The administrators' and curators' lists, asked for signed in as an administrator.
const SIGNED_IN_FILTERS: &[(&str, &[&str])] = &[
    ("/en/admin/audit", &["action", "user", "from", "until", "page", "per_page"]),
    ("/vi/admin/applications", &["state"]),
    ("/en/curation", &["page", "per_page"]),
    ("/vi/contributions", &["page", "per_page"]),
];

/// What an answer must never contain: a database's error text, or a stored secret.
fn leaks(body: &str) -> Option<&'static str> {
    ["$argon2", "SQLSTATE", "syntax error", "sqlite", "no such table", "sqlx", "panicked"]
        .into_iter()
        .find(|needle| body.to_lowercase().contains(&needle.to_lowercase()))
}

async fn counts(app: &TestApp) -> (Value, Value, usize) {
    let (_, members) = app.json("/api/v1/members?per_page=1").await;
    let (_, projects) = app.json("/api/v1/projects?per_page=1").await;
    let users = app.store.users().await.unwrap().len();
    (members["total"].clone(), projects["total"].clone(), users)
}

async fn every_filter_survives_injection_probes(app: TestApp) {
    user(&app, "secretariat@thegfce.example.org", UserRole::Admin, None).await;
    let before = counts(&app).await;
    let mut admin = signed_in(&app, "secretariat@thegfce.example.org").await;
    let mut probes = 0;
    for (signed, lists) in [(false, PUBLIC_FILTERS), (true, SIGNED_IN_FILTERS)] {
        for (path, params) in lists {
            for param in *params {
                for probe in FILTER_PROBES {
                    let query = serde_urlencoded::to_string([(param, probe)]).unwrap();
                    let url = format!("{path}?{query}");
                    let response = if signed { admin.get(&url).await } else { app.get(&url).await };
                    let status = response.status();
                    let body = response.text().await.unwrap();
                    assert!(
                        status == StatusCode::OK || status == StatusCode::BAD_REQUEST,
                        "{url} gave {status}: {body}"
                    );
                    assert_eq!(leaks(&body), None, "{url} leaked: {body}");
                    assert!(!body.contains("<script>alert(1)"), "{url} echoed a script");
                    if status == StatusCode::BAD_REQUEST && path.starts_with("/api/") {
                        let problem: Value = serde_json::from_str(&body).unwrap();
                        assert!(problem["param"] == *param || problem["param"] == "query", "{url}: {problem}");
                    }
                    probes += 1;
                }
            }
        }
    }
    let expected: usize = PUBLIC_FILTERS.iter().chain(SIGNED_IN_FILTERS).map(|(_, params)| params.len()).sum::<usize>()
        * FILTER_PROBES.len();
    assert_eq!(probes, expected);
    assert_eq!(counts(&app).await, before, "no probe wrote or removed anything");
}

/// Script-injection payloads, one per stored field.
const PAYLOADS: [&str; 4] = [
    "<script>alert('xss')</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(2)>",
    "<a href=\"javascript:alert(3)\">click</a>",
];

/// What an injected payload would leave in a page if it were not escaped.
fn injected(body: &str) -> Option<&'static str> {
    let lower = body.to_lowercase();
    ["<script", "<img src=x", "<svg onload", "href=\"javascript:", "href='javascript:", "href=javascript:"]
        .into_iter()
        .find(|needle| lower.contains(needle))
}

async fn stored_text_comes_back_escaped_everywhere(app: TestApp) {
    user(&app, "an.nguyen@mic.example.gov.vn", UserRole::Representative, Some("viet-nam")).await;
    user(&app, "curator@thegfce.example.org", UserRole::Curator, None).await;
    user(&app, "secretariat@thegfce.example.org", UserRole::Admin, None).await;
    let mut rep = signed_in(&app, "an.nguyen@mic.example.gov.vn").await;
    let [script, img, svg, link] = PAYLOADS;
    let description = format!("{script}\n\n[a link](javascript:alert(4)) ![x](javascript:alert(5)) {img}");
    let fields = [
        ("title_en", format!("Probe {script}")),
        ("title_vi", format!("Thử {img}")),
        ("summary_en", svg.to_owned()),
        ("summary_vi", link.to_owned()),
        ("description_en", description.clone()),
        ("description_vi", description),
        ("slug", "xss-probe".to_owned()),
        ("status", "ongoing".to_owned()),
        ("countries", "VN".to_owned()),
        ("themes", "cybercrime".to_owned()),
        ("tags", format!("{svg}, {script}")),
        ("intent", "submit".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let form = "/en/contributions/new-project";
    let saved = rep.submit(form, form, &fields).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let revision = saved.headers()["location"].to_str().unwrap().rsplit('/').next().unwrap().to_owned();

    let mut curator = signed_in(&app, "curator@thegfce.example.org").await;
    let page = format!("/en/revisions/{revision}");
    let returned =
        curator.submit(&page, &format!("{page}/return"), &[("comment", &format!("Fix {img} {script}"))]).await;
    assert_eq!(returned.status(), StatusCode::SEE_OTHER);
    let edit = format!("/en/revisions/{revision}/edit");
    assert_eq!(rep.submit(&edit, &edit, &fields).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(curator.submit(&page, &format!("{page}/publish"), &[]).await.status(), StatusCode::SEE_OTHER);

    // A membership application carries text to the administrators' pages.
    let mut applicant = Visit::new(&app);
    let application = [
        ("kind", "academia"),
        ("name_en", script),
        ("name_vi", img),
        ("country", "VN"),
        ("contact_name", svg),
        ("contact_email", "probe@example.org"),
        ("motivation", link),
        ("endorse_hague", "yes"),
        ("endorse_framework", "yes"),
        ("endorse_delhi", "yes"),
        ("official_name", script),
        ("official_title", img),
    ];
    assert_eq!(applicant.submit("/vi/apply", "/vi/apply", &application).await.status(), StatusCode::OK);
    let id = app.store.applications(None).await.unwrap()[0].id;

    let mut admin = signed_in(&app, "secretariat@thegfce.example.org").await;
    let mut pages = 0;
    for lang in ["en", "vi"] {
        let public = [
            format!("/{lang}/projects/xss-probe"),
            format!("/{lang}/projects"),
            format!("/{lang}/projects?tag={}", urlencode(svg)),
            format!("/{lang}/search?q=probe"),
            format!("/{lang}/countries/VN"),
            format!("/{lang}/actors/viet-nam"),
            format!("/{lang}/members/viet-nam"),
        ];
        for path in &public {
            let (status, body) = app.text(path).await;
            assert!(status == StatusCode::OK || status == StatusCode::PERMANENT_REDIRECT, "{path}: {status}");
            assert_eq!(injected(&body), None, "{path}");
            pages += 1;
        }
        let private = [
            format!("/{lang}/revisions/{revision}"),
            format!("/{lang}/contributions"),
            format!("/{lang}/projects/xss-probe/history"),
            format!("/{lang}/projects/xss-probe"),
            format!("/{lang}/admin/applications"),
            format!("/{lang}/admin/applications/{id}"),
            format!("/{lang}/admin/audit"),
            format!("/{lang}/admin/outbox"),
        ];
        for path in &private {
            let response = admin.get(path).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            let body = response.text().await.unwrap();
            assert_eq!(injected(&body), None, "{path}");
            pages += 1;
        }
        let queue = curator.get(&format!("/{lang}/curation")).await.text().await.unwrap();
        assert_eq!(injected(&queue), None);
        pages += 1;
    }
    let rendered = app.text("/en/projects/xss-probe").await.1;
    assert!(rendered.contains("&lt;script&gt;alert("), "the payload is shown as text");
    for feed in ["/feeds/latest.atom", "/feeds/themes/cybercrime.atom", "/feeds/countries/vn.atom"] {
        let (status, body) = app.text(feed).await;
        assert_eq!(status, StatusCode::OK, "{feed}");
        assert!(!body.contains("<script") && !body.contains("<img src=x"), "{feed}");
        pages += 1;
    }
    assert_eq!(pages, 2 * (7 + 8 + 1) + 3);
}

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("v", text)]).unwrap().trim_start_matches("v=").to_owned()
}
