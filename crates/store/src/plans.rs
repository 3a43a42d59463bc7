//! The lists' query plans, checked on both databases: a list walks an index in its order and
//! stops at its page, or sorts only the rows its filter found through an index. A list that
//! reads every row of its table and sorts them all costs as much as the table is large, which is
//! what this check exists to catch.

use gfce_core::{Actor, CountryCode, Lang, PageRequest, Project, ProjectStatus, ThemeId};
use sqlx::{Executor, Row};

use crate::{
    actors::actor_order,
    read::{page_tail, records_sql, walked_records_sql, Order, Stored},
    sql::Conditions,
    ActorFilter, Backend, ProjectFilter, ProjectOrder, Store,
};

/// The plan of `sql` as lines of text. On PostgreSQL, sequential scans are priced out first:
/// with the few rows of a test database it would rightly prefer them, and the question is
/// whether an index could serve at all.
async fn plan(store: &Store, sql: &str, c: &Conditions) -> Vec<String> {
    let mut tx = store.pool.begin().await.expect("begin");
    match store.backend {
        Backend::Sqlite => {
            let rows = sqlx::query_with(&format!("EXPLAIN QUERY PLAN {sql}"), c.arguments())
                .fetch_all(&mut *tx)
                .await
                .expect("explain");
            rows.iter().map(|r| r.try_get::<String, _>("detail").expect("detail")).collect()
        }
        Backend::Postgres => {
            tx.execute("SET LOCAL enable_seqscan = off").await.expect("set");
            let rows =
                sqlx::query_with(&format!("EXPLAIN {sql}"), c.arguments()).fetch_all(&mut *tx).await.expect("explain");
            rows.iter().map(|r| r.try_get::<String, _>(0).expect("plan line")).collect()
        }
    }
}

/// Whether the plan reads the whole of the table aliased `alias` and sorts it.
fn scans_and_sorts(backend: Backend, table: &str, alias: &str, plan: &[String]) -> bool {
    match backend {
        Backend::Sqlite => {
            plan.iter().any(|l| l == &format!("SCAN {alias}"))
                && plan.iter().any(|l| l.contains("USE TEMP B-TREE FOR ORDER BY"))
        }
        Backend::Postgres => {
            plan.iter().any(|l| l.contains(&format!("Seq Scan on {table}"))) && plan.iter().any(|l| l.contains("Sort"))
        }
    }
}

/// A page of a list as `records_page` asks for it; on SQLite, also as it asks when it walks the
/// order's index.
fn list<T: Stored>(backend: Backend, mut c: Conditions, order: Order, page: u32) -> Vec<(String, Conditions)> {
    let tail = page_tail(&mut c, order.sql, PageRequest::new(page, 20));
    let mut queries = vec![records_sql::<T>(&c, &tail)];
    if let (Backend::Sqlite, Some(index)) = (backend, order.index) {
        queries.push(walked_records_sql::<T>(&c, index, &tail));
    }
    queries.into_iter().map(|sql| (sql, c.clone())).collect()
}

async fn check_lists(store: &Store) {
    let vn = ProjectFilter { country: Some(CountryCode::parse("VN").unwrap()), ..Default::default() };
    let theme = ProjectFilter { theme: Some(ThemeId::parse("cybercrime").unwrap()), ..Default::default() };
    let ongoing = ProjectFilter { status: Some(ProjectStatus::Ongoing), ..Default::default() };
    let mut lists = Vec::new();
    for (name, filter) in [("all", ProjectFilter::default()), ("country", vn), ("theme", theme), ("status", ongoing)] {
        for (order, lang) in
            [(ProjectOrder::Newest, Lang::En), (ProjectOrder::Title, Lang::En), (ProjectOrder::Title, Lang::Vi)]
        {
            for page in [1, 400] {
                for (sql, c) in list::<Project>(store.backend, filter.conditions(), order.sql(lang), page) {
                    lists.push((format!("projects {name} {order:?} {lang:?} page {page}"), "projects", "p", sql, c));
                }
            }
        }
    }
    for lang in [Lang::En, Lang::Vi] {
        for (sql, c) in list::<Actor>(store.backend, ActorFilter::directory().conditions(), actor_order(lang), 1) {
            lists.push((format!("directory {lang:?}"), "actors", "m", sql, c));
        }
    }
    for (name, table, alias, sql, c) in lists {
        let plan = plan(store, &sql, &c).await;
        assert!(
            !scans_and_sorts(store.backend, table, alias, &plan),
            "{name} reads and sorts the whole table on {}:\n{}",
            store.backend.name(),
            plan.join("\n")
        );
    }
}

#[tokio::test]
async fn lists_walk_indexes_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&format!("sqlite://{}?mode=rwc", dir.path().join("plans.db").display())).await.unwrap();
    store.migrate().await.unwrap();
    check_lists(&store).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL: set GFCE_TEST_POSTGRES_URL and run with --ignored"]
async fn lists_walk_indexes_on_postgres() {
    let admin = std::env::var("GFCE_TEST_POSTGRES_URL").expect("GFCE_TEST_POSTGRES_URL");
    let name = format!("gfce_plans_{}", uuid::Uuid::new_v4().simple());
    let server = Store::connect(&admin).await.unwrap();
    server.pool.execute(format!("CREATE DATABASE {name}").as_str()).await.unwrap();
    let (base, _) = admin.rsplit_once('/').unwrap();
    let store = Store::connect(&format!("{base}/{name}")).await.unwrap();
    store.migrate().await.unwrap();
    check_lists(&store).await;
    store.close().await;
    server.pool.execute(format!("DROP DATABASE {name}").as_str()).await.unwrap();
}
