//! The search index follows the database it was built from, on both databases: it never skips
//! a change, however long the transaction that wrote it, and an index that does not belong to
//! the database's history (another database's, or one that saw changes a restored backup no
//! longer holds) is known as such and rebuilt.

use std::time::Duration;

use gfce_core::exchange::json;
use gfce_search::{SearchIndex, SearchRequest};
use gfce_store::Store;
use sqlx::{Connection, Executor};

use crate::common::{copy_postgres_database, fresh_postgres_database};

/// A dataset of `count` actors whose names all hold `word`.
fn actors(word: &str, count: usize) -> Vec<u8> {
    let actors: Vec<String> = (0..count)
        .map(|n| {
            format!(
                r#"{{"id": "{}", "slug": "{word}-{n}", "kind": "other", "name": {{"en": "{word} body {n}"}},
                    "short_name": null, "country": null, "joined": null, "website": null, "listed_as": null,
                    "iati_ref": null, "themes": []}}"#,
                uuid::Uuid::new_v4()
            )
        })
        .collect();
    format!(
        r#"{{"format": "gfce-hub", "version": 1, "actors": [{}], "projects": [], "resources": [], "events": [],
             "country_facts": []}}"#,
        actors.join(",")
    )
    .into_bytes()
}

async fn import(store: &Store, bytes: &[u8]) {
    let parsed = json::read(bytes, "fixture.json").unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    store.import(parsed.records, "fixture.json", Vec::new(), true, &|_| {}).await.unwrap();
}

fn found(index: &SearchIndex, words: &str) -> u64 {
    index.search(&SearchRequest { q: words.to_owned(), ..Default::default() }).unwrap().total
}

async fn seeded(url: &str) -> Store {
    let store = Store::connect(url).await.unwrap();
    store.migrate().await.unwrap();
    store.seed_reference(gfce_core::reference::shipped()).await.unwrap();
    store
}

/// Builds an index, takes a backup, writes on, restores the backup: the index has seen a record
/// the restored database no longer holds, so it does not follow it, and a rebuild forgets it.
/// `restore` closes the store and returns the URL of the restored database.
async fn an_index_ahead_of_its_database_is_rebuilt<F, R>(url: &str, restore: F)
where
    F: FnOnce(Store) -> R,
    R: std::future::Future<Output = String>,
{
    let index_dir = tempfile::tempdir().unwrap();
    let store = seeded(url).await;
    let index = SearchIndex::open(index_dir.path()).unwrap();
    index.rebuild(&store).await.unwrap();
    assert!(index.follows(&store).await.unwrap());
    let restored = restore(store).await;

    let store = Store::connect(url).await.unwrap();
    import(&store, &actors("afterwards", 3)).await;
    index.catch_up(&store).await.unwrap();
    assert_eq!(found(&index, "afterwards"), 3, "the index follows the writes");
    assert!(index.follows(&store).await.unwrap());
    store.close().await;

    let restored = Store::connect(&restored).await.unwrap();
    assert!(!index.follows(&restored).await.unwrap(), "the index saw changes the restored database does not hold");
    index.rebuild(&restored).await.unwrap();
    assert_eq!(found(&index, "afterwards"), 0, "what the backup does not hold is gone from search");
    assert!(index.follows(&restored).await.unwrap());
    import(&restored, &actors("restored", 2)).await;
    index.catch_up(&restored).await.unwrap();
    assert_eq!(found(&index, "restored"), 2, "and the rebuilt index follows the restored database");

    let other = tempfile::tempdir().unwrap();
    let other = seeded(&format!("sqlite://{}?mode=rwc", other.path().join("other.db").display())).await;
    assert!(!index.follows(&other).await.unwrap(), "an index never follows another database");
}

#[tokio::test]
async fn sqlite_an_index_ahead_of_its_database_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("gfce.db").display());
    let backup = dir.path().join("backup.db");
    an_index_ahead_of_its_database_is_rebuilt(&url, |store| async move {
        store.backup(&backup).await.unwrap();
        store.close().await;
        format!("sqlite://{}", backup.display())
    })
    .await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL: set GFCE_TEST_POSTGRES_URL and run with --ignored"]
async fn postgres_an_index_ahead_of_its_database_is_rebuilt() {
    let url = fresh_postgres_database().await;
    let source = url.clone();
    an_index_ahead_of_its_database_is_rebuilt(&url, |store| async move {
        store.close().await;
        copy_postgres_database(&source).await
    })
    .await;
}

/// On PostgreSQL a change's sequence number is taken when its transaction writes, not when it
/// commits: a long transaction's change becomes visible after many later ones. The index must
/// still apply it once it commits.
#[tokio::test]
#[ignore = "needs PostgreSQL: set GFCE_TEST_POSTGRES_URL and run with --ignored"]
async fn postgres_a_long_transaction_is_never_skipped() {
    let url = fresh_postgres_database().await;
    let store = seeded(&url).await;
    let index = SearchIndex::in_memory().unwrap();
    index.rebuild(&store).await.unwrap();
    let japan: String = sqlx::query_scalar("SELECT id FROM actors WHERE slug = 'japan'")
        .fetch_one(&mut sqlx::PgConnection::connect(&url).await.unwrap())
        .await
        .unwrap();

    // A transaction renames an actor and logs it, and stays open.
    let mut long = sqlx::PgConnection::connect(&url).await.unwrap();
    long.execute("BEGIN").await.unwrap();
    long.execute("UPDATE actors SET name_en = 'Longtransaction renamed' WHERE slug = 'japan'").await.unwrap();
    long.execute(
        format!(
            "INSERT INTO change_log (entity, entity_id, op, at) \
             VALUES ('actor', '{japan}', 'update', '2026-12-05T00:00:00.000000Z')"
        )
        .as_str(),
    )
    .await
    .unwrap();

    // Meanwhile many more changes are written and followed: more than any window of recent
    // positions a follower might re-read.
    import(&store, &actors("meanwhile", 1500)).await;
    for _ in 0..3 {
        index.catch_up(&store).await.unwrap();
    }
    assert_eq!(found(&index, "meanwhile"), 1500);
    assert_eq!(found(&index, "longtransaction"), 0, "not visible before it commits");

    long.execute("COMMIT").await.unwrap();
    let mut renamed = 0;
    for _ in 0..20 {
        index.catch_up(&store).await.unwrap();
        renamed = found(&index, "longtransaction");
        if renamed == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(renamed, 1, "the long transaction's change is applied once it commits");
}
