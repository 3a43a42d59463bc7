use gfce_core::{Lang, PageRequest};
use gfce_store::{ActorFilter, SeedOutcome, Store};

use crate::common::fresh_postgres_database;

async fn seeding_is_idempotent(url: &str) {
    let store = Store::connect(url).await.unwrap();
    store.migrate().await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(store.change_log_position().await.unwrap(), 0);
    let data = gfce_core::reference::shipped();
    assert_eq!(
        store.seed_reference(data).await.unwrap(),
        SeedOutcome::Loaded { countries: 249, members: 42, events: 4 }
    );
    // Every member, event, theme and country fact written is in the change log, for the search
    // index to follow.
    let position = store.change_log_position().await.unwrap();
    assert_eq!(position, (42 + 4 + 10 + data.facts.len()) as i64);
    assert_eq!(store.seed_reference(data).await.unwrap(), SeedOutcome::AlreadyPresent);
    assert_eq!(store.change_log_position().await.unwrap(), position, "a second load writes nothing");
    let members = store.list_actors(&ActorFilter::directory(), Lang::En, PageRequest::default()).await.unwrap();
    assert_eq!(members.total, 42);
    store.close().await;
}

#[tokio::test]
async fn sqlite_seeding_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    seeding_is_idempotent(&format!("sqlite://{}?mode=rwc", dir.path().join("gfce.db").display())).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL: set GFCE_TEST_POSTGRES_URL and run with --ignored"]
async fn postgres_seeding_is_idempotent() {
    seeding_is_idempotent(&fresh_postgres_database().await).await;
}

/// Two instances starting at once on one PostgreSQL both come up, and the data is loaded once.
#[tokio::test]
#[ignore = "needs PostgreSQL: set GFCE_TEST_POSTGRES_URL and run with --ignored"]
async fn postgres_concurrent_seeding_loads_once() {
    let url = fresh_postgres_database().await;
    let (a, b) = (Store::connect(&url).await.unwrap(), Store::connect(&url).await.unwrap());
    a.migrate().await.unwrap();
    let data = gfce_core::reference::shipped();
    let (ra, rb) = tokio::join!(a.seed_reference(data), b.seed_reference(data));
    let outcomes = [ra.unwrap(), rb.unwrap()];
    assert_eq!(outcomes.iter().filter(|o| **o == SeedOutcome::AlreadyPresent).count(), 1, "{outcomes:?}");
    assert_eq!(a.change_log_position().await.unwrap(), (56 + data.facts.len()) as i64);
}

#[tokio::test]
async fn rejects_unknown_database_urls() {
    let error = Store::connect("mysql://localhost/gfce").await.unwrap_err();
    assert!(error.to_string().contains("sqlite:// or postgres://"));
}

/// Managed PostgreSQL services require TLS; the driver speaks it (`sslmode=require`).
#[tokio::test]
#[ignore = "needs PostgreSQL: set GFCE_TEST_POSTGRES_URL and run with --ignored"]
async fn postgres_over_tls() {
    let url = fresh_postgres_database().await;
    let separator = if url.contains('?') { '&' } else { '?' };
    let store = Store::connect(&format!("{url}{separator}sslmode=require")).await.expect("a TLS connection");
    store.ping().await.unwrap();
    store.close().await;
}
