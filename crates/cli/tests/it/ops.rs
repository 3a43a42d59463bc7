use reqwest::StatusCode;
use serde_json::Value;

use gfce_web::{Limits, Rate};

use crate::{common::TestApp, on_both_databases};

on_both_databases!(health_readiness_and_metrics, readiness_fails_without_a_database, unknown_routes_and_methods);

/// The metrics of the process, served apart as `gfce serve --metrics-addr` serves them.
async fn scrape(app: &TestApp) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let index = std::sync::Arc::new(gfce_search::SearchIndex::in_memory().unwrap());
    let router = gfce_web::metrics_router(gfce_web::AppState::new(app.store.clone(), index, &app.base));
    let server = tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let metrics = reqwest::get(format!("http://{addr}/metrics")).await.unwrap().text().await.unwrap();
    server.abort();
    metrics
}

async fn health_readiness_and_metrics(app: TestApp) {
    assert_eq!(app.text("/healthz").await, (StatusCode::OK, "ok".to_owned()));
    assert_eq!(app.text("/readyz").await, (StatusCode::OK, "ready".to_owned()));
    assert_eq!(app.get("/metrics").await.status(), StatusCode::NOT_FOUND, "metrics are not the public's");
    app.get("/api/v1/members/viet-nam").await;
    for made_up in ["JUNKMETHODONE", "JUNKMETHODTWO"] {
        let method = reqwest::Method::from_bytes(made_up.as_bytes()).unwrap();
        app.client.request(method, format!("{}/en/members", app.base)).send().await.unwrap();
    }
    let metrics = scrape(&app).await;
    assert!(metrics.contains("http_requests_total{"));
    assert!(metrics.contains("route=\"/api/v1/members/{slug}\""), "routes are labelled by pattern, not path");
    assert!(metrics.contains("http_request_duration_seconds_bucket{"));
    assert!(!metrics.contains("viet-nam"));
    assert!(metrics.contains("method=\"other\""), "made-up methods are counted as one");
    assert!(!metrics.contains("JUNKMETHOD"), "and add no series");
}

on_both_databases!(answers_that_depend_on_who_asks_are_not_stored);
async fn answers_that_depend_on_who_asks_are_not_stored(app: TestApp) {
    let public = app.get("/en/members").await;
    assert!(public.headers().get("cache-control").is_none(), "the public directory may be cached");
    assert!(public.headers()["vary"].to_str().unwrap().contains("Cookie"));
    for (name, value) in [
        ("permissions-policy", "camera=()"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
    ] {
        assert!(public.headers()[name].to_str().unwrap().contains(value), "{name}");
    }
    let api = app.get("/api/v1/members").await;
    assert_eq!(api.headers()["cross-origin-resource-policy"], "cross-origin", "open data may be read by other sites");

    let token = crate::concurrency::admin_token(&app).await;
    let mut admin = crate::accounts::Visit::new(&app);
    assert_eq!(
        admin.sign_in_as("secretariat@thegfce.example.org", "correct horse battery staple").await.status(),
        StatusCode::SEE_OTHER
    );
    for path in
        ["/en/account", "/en/admin/outbox", "/en/admin/audit", "/en/admin/applications", "/en/curation", "/en/members"]
    {
        let page = admin.get(path).await;
        assert_eq!(page.headers()["cache-control"], "no-store", "{path} as the administrator sees it");
    }
    let style = admin.get("/en/members").await.text().await.unwrap();
    let asset =
        style.split("href=\"").find(|h| h.starts_with("/static/")).unwrap().split('"').next().unwrap().to_owned();
    let asset = admin.get(&asset).await;
    assert!(asset.headers()["cache-control"].to_str().unwrap().contains("immutable"), "assets stay cached");
    let me = app.client.get(format!("{}/api/v1/me", app.base)).bearer_auth(&token).send().await.unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    assert_eq!(me.headers()["cache-control"], "no-store", "an answer to a token is its holder's alone");
}

on_both_databases!(only_well_formed_request_ids_are_kept);
async fn only_well_formed_request_ids_are_kept(app: TestApp) {
    let id =
        |value: &str| app.client.get(format!("{}/healthz", app.base)).header("x-request-id", value.to_owned()).send();
    let kept = id("trace-4f1c.2").await.unwrap();
    assert_eq!(kept.headers()["x-request-id"], "trace-4f1c.2");
    let replaced = id(&"<script>".repeat(40)).await.unwrap();
    let ours = replaced.headers()["x-request-id"].to_str().unwrap();
    assert!(uuid::Uuid::parse_str(ours).is_ok(), "{ours}");
}

async fn readiness_fails_without_a_database(app: TestApp) {
    app.store.close().await;
    assert_eq!(app.get("/readyz").await.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK, "the process itself is up");
    let response = app.get("/api/v1/members").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "30");
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["title"], "Service unavailable");
    let page = app.get("/vi/members").await;
    assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.text().await.unwrap().contains("Dịch vụ tạm thời không khả dụng"));
}

/// A SQLite file deleted under the running server would take writes nobody reads again: the
/// server is not ready, and refuses writes rather than acknowledge them.
#[tokio::test]
async fn a_deleted_database_file_takes_no_writes() {
    let app = TestApp::sqlite().await;
    let token = crate::concurrency::admin_token(&app).await;
    let write = |slug: &str| {
        app.client
            .post(format!("{}/api/v1/projects", app.base))
            .bearer_auth(&token)
            .json(&crate::concurrency::project(slug))
            .send()
    };
    assert_eq!(write("before-deletion").await.unwrap().status(), StatusCode::CREATED);
    let file = app.url.trim_start_matches("sqlite://").split('?').next().unwrap().to_owned();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{file}{suffix}"));
    }
    assert_eq!(app.get("/readyz").await.status(), StatusCode::SERVICE_UNAVAILABLE);
    let refused = write("after-deletion").await.unwrap();
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE, "not acknowledged");
    assert_eq!(refused.headers()["retry-after"], "30");
}

async fn unknown_routes_and_methods(app: TestApp) {
    let response = app.get("/api/v2/members").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let response = app.client.post(format!("{}/api/v1/members", app.base)).body("{}").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()["allow"], "GET,HEAD");
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = response.json().await.unwrap();
    assert_eq!(problem["status"], 405);
    let page = app.client.delete(format!("{}/vi/members", app.base)).send().await.unwrap();
    assert_eq!(
        (page.status(), page.headers()["allow"].to_str().unwrap()),
        (StatusCode::METHOD_NOT_ALLOWED, "GET,HEAD")
    );
    assert!(page.text().await.unwrap().contains("Không thực hiện được ở đây"), "a page in the path's language");
    let big = vec![b'x'; 2 * 1024 * 1024];
    let response = app.client.post(format!("{}/api/v1/members", app.base)).body(big).send().await.unwrap();
    assert!(response.status().is_client_error());
}

/// The limits are per instance and in memory, so one database suffices.
#[tokio::test]
async fn floods_of_searches_and_writes_from_one_address_are_refused() {
    let limits = Limits {
        search: Rate { per_minute: 6, burst: 3 },
        writes: Rate { per_minute: 6, burst: 2 },
        ..Limits::default()
    };
    let app = TestApp::sqlite_limited(limits).await;
    for _ in 0..3 {
        assert_eq!(app.get("/api/v1/search?q=viet").await.status(), StatusCode::OK);
    }
    let refused = app.get_lang("/api/v1/search?q=viet", "vi").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = refused.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=10).contains(&wait), "Retry-After: {wait}");
    assert_eq!(refused.headers()["content-type"], "application/problem+json");
    let problem: Value = refused.json().await.unwrap();
    assert_eq!(problem["title"], "Quá nhiều yêu cầu");
    let page = app.get("/en/search?q=viet").await;
    assert_eq!(page.status(), StatusCode::TOO_MANY_REQUESTS, "the search page shares the API's limit");
    assert!(page.text().await.unwrap().contains("Too many requests"));
    assert_eq!(app.get("/api/v1/members").await.status(), StatusCode::OK, "other reads are not limited");

    // Writes count on their own: a form posted without its CSRF token is refused (403), and
    // counts; past the burst the address must wait.
    let post = || app.client.post(format!("{}/en/login", app.base)).form(&[("email", "a@b.example")]).send();
    for _ in 0..2 {
        assert_eq!(post().await.unwrap().status(), StatusCode::FORBIDDEN);
    }
    let refused = post().await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));
    assert_eq!(app.get("/en/login").await.status(), StatusCode::OK, "reading the form is not a write");
}
