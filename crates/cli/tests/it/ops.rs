use reqwest::StatusCode;
use serde_json::Value;

use crate::{common::TestApp, on_both_databases};

on_both_databases!(health_readiness_and_metrics, readiness_fails_without_a_database, unknown_routes_and_methods);

async fn health_readiness_and_metrics(app: TestApp) {
    assert_eq!(app.text("/healthz").await, (StatusCode::OK, "ok".to_owned()));
    assert_eq!(app.text("/readyz").await, (StatusCode::OK, "ready".to_owned()));
    app.get("/api/v1/members/viet-nam").await;
    let (status, metrics) = app.text("/metrics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(metrics.contains("http_requests_total{"));
    assert!(metrics.contains("route=\"/api/v1/members/{slug}\""), "routes are labelled by pattern, not path");
    assert!(metrics.contains("http_request_duration_seconds_bucket{"));
    assert!(!metrics.contains("viet-nam"));
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

async fn unknown_routes_and_methods(app: TestApp) {
    let response = app.get("/api/v2/members").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let response = app.client.post(format!("{}/api/v1/members", app.base)).body("{}").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let big = vec![b'x'; 2 * 1024 * 1024];
    let response = app.client.post(format!("{}/api/v1/members", app.base)).body(big).send().await.unwrap();
    assert!(response.status().is_client_error());
}
