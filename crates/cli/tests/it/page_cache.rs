//! Answers kept for anonymous readers: never shown to a signed-in one, and never older than the
//! last write, whether this process made it or another one did.

use reqwest::StatusCode;

use crate::{
    common::TestApp,
    concurrency::{admin_token, project},
    curation::{signed_in, user},
    on_both_databases,
};

on_both_databases!(unlimited: a_kept_answer_goes_with_the_next_write, signed_in_readers_get_their_own_pages, kept_counts_follow_writes);

async fn publish(app: &TestApp, token: &str, slug: &str) {
    let created = app.client.post(format!("{}/api/v1/projects", app.base)).bearer_auth(token).json(&project(slug));
    let revision: serde_json::Value = created.send().await.unwrap().json().await.unwrap();
    let id = revision["id"].as_str().expect("a revision");
    for step in ["submit", "publish"] {
        let sent = app.client.post(format!("{}/api/v1/revisions/{id}/{step}", app.base)).bearer_auth(token);
        assert_eq!(sent.send().await.unwrap().status(), StatusCode::OK, "{step}");
    }
}

async fn a_kept_answer_goes_with_the_next_write(app: TestApp) {
    let token = admin_token(&app).await;
    let (_, before) = app.text("/en/projects").await;
    let (_, again) = app.text("/en/projects").await;
    assert_eq!(before, again);
    let (status, _) = app.json("/api/v1/projects/kept-one").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Written by this process: seen at once.
    publish(&app, &token, "kept-one").await;
    let (_, after) = app.text("/en/projects").await;
    assert!(after.contains("Written at once kept-one"), "the list shows the new project at once");
    let (status, _) = app.json("/api/v1/projects/kept-one").await;
    assert_eq!(status, StatusCode::OK, "a 404 is not kept");

    // Written by another process on the same database: seen once this one's index has caught up.
    let other = TestApp::on_same_database(&app.url).await;
    publish(&other, &token, "kept-two").await;
    let mut seen = false;
    for _ in 0..100 {
        if app.text("/en/projects").await.1.contains("Written at once kept-two") {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(seen, "another process's write reaches the kept list");
}

async fn signed_in_readers_get_their_own_pages(app: TestApp) {
    let (_, anonymous) = app.text("/en/projects").await;
    assert!(!anonymous.contains("reader@example.org"));
    user(&app, "reader@example.org", gfce_core::UserRole::Registered, None).await;
    let mut visit = signed_in(&app, "reader@example.org").await;
    let page = visit.get("/en/projects").await.text().await.unwrap();
    assert!(page.contains("reader@example.org"), "the signed-in reader's header, not the anonymous answer");
}

/// The totals of lists are kept too, below the answers: read with a token, which is never served a
/// kept answer, a filtered list's total follows each write.
async fn kept_counts_follow_writes(app: TestApp) {
    let token = admin_token(&app).await;
    let total = |path: &'static str| {
        let request = app.client.get(format!("{}{path}", app.base)).bearer_auth(&token);
        async move { request.send().await.unwrap().json::<serde_json::Value>().await.unwrap()["total"].as_u64() }
    };
    assert_eq!(total("/api/v1/projects?country=VN").await, Some(0));
    assert_eq!(total("/api/v1/projects?country=VN").await, Some(0), "counted once, then kept");
    publish(&app, &token, "counted-one").await;
    assert_eq!(total("/api/v1/projects?country=VN").await, Some(1));
    publish(&app, &token, "counted-two").await;
    assert_eq!(total("/api/v1/projects?country=VN").await, Some(2));
    assert_eq!(total("/api/v1/projects?country=TH").await, Some(0));
}
