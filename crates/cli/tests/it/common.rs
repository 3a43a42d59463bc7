use std::{sync::Arc, time::Duration};

use gfce_search::{spawn_follower, SearchIndex};
use gfce_store::Store;
use gfce_web::{AppState, Limits};
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;
use sqlx::{Connection, Executor, Row};
use tempfile::TempDir;

/// Declares each scenario twice: on SQLite (always run) and on PostgreSQL (ignored unless asked
/// for, since it needs a server: `GFCE_TEST_POSTGRES_URL=postgres://… cargo test -- --ignored`).
#[macro_export]
macro_rules! on_both_databases {
    (unlimited: $($scenario:ident),* $(,)?) => {
        $(
            mod $scenario {
                #[tokio::test]
                async fn sqlite() {
                    super::$scenario($crate::common::TestApp::sqlite_unlimited().await).await;
                }

                #[tokio::test]
                #[ignore = "needs PostgreSQL: set GFCE_TEST_POSTGRES_URL and run with --ignored"]
                async fn postgres() {
                    super::$scenario($crate::common::TestApp::postgres_unlimited().await).await;
                }
            }
        )*
    };
    ($($scenario:ident),* $(,)?) => {
        $(
            mod $scenario {
                #[tokio::test]
                async fn sqlite() {
                    super::$scenario($crate::common::TestApp::sqlite().await).await;
                }

                #[tokio::test]
                #[ignore = "needs PostgreSQL: set GFCE_TEST_POSTGRES_URL and run with --ignored"]
                async fn postgres() {
                    super::$scenario($crate::common::TestApp::postgres().await).await;
                }
            }
        )*
    };
}

/// The URL of a PostgreSQL database the tests may create databases with.
pub fn postgres_admin_url() -> String {
    std::env::var("GFCE_TEST_POSTGRES_URL")
        .expect("GFCE_TEST_POSTGRES_URL must name a PostgreSQL server for the postgres tests")
}

/// Creates an empty PostgreSQL database for one test and returns its URL.
pub async fn fresh_postgres_database() -> String {
    let admin = postgres_admin_url();
    let name = format!("gfce_test_{}", uuid::Uuid::new_v4().simple());
    let mut conn = sqlx::PgConnection::connect(&admin).await.expect("connect to the PostgreSQL test server");
    conn.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create a test database");
    conn.close().await.ok();
    with_database(&admin, &name)
}

/// A copy of the PostgreSQL database at `url`, as a backup restored elsewhere would be; returns
/// its URL. Nobody may be connected to the database meanwhile.
pub async fn copy_postgres_database(url: &str) -> String {
    let admin = postgres_admin_url();
    let original = url.rsplit('/').next().unwrap().split('?').next().unwrap();
    let name = format!("gfce_test_{}", uuid::Uuid::new_v4().simple());
    let mut conn = sqlx::PgConnection::connect(&admin).await.expect("connect to the PostgreSQL test server");
    conn.execute(format!("CREATE DATABASE {name} TEMPLATE {original}").as_str()).await.expect("copy the database");
    conn.close().await.ok();
    with_database(&admin, &name)
}

/// The same server URL with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let server = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    }
}

/// A running server with its own database.
pub struct TestApp {
    pub base: String,
    /// The database URL, for a second instance on the same database.
    pub url: String,
    pub client: Client,
    pub store: Store,
    _data_dir: Option<TempDir>,
    server: tokio::task::JoinHandle<()>,
    follower: tokio::task::JoinHandle<()>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
        self.follower.abort();
    }
}

impl TestApp {
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary data directory");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("gfce.db").display());
        Self::start(&url, Some(dir)).await
    }

    pub async fn postgres() -> Self {
        let url = fresh_postgres_database().await;
        Self::start(&url, None).await
    }

    /// Another instance on the same database, with its own search index.
    pub async fn on_same_database(url: &str) -> Self {
        Self::start(url, None).await
    }

    /// An instance on SQLite that takes `public_url` as the address people reach it at.
    pub async fn sqlite_behind(public_url: &str) -> Self {
        let dir = tempfile::tempdir().expect("temporary data directory");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("gfce.db").display());
        Self::start_behind(&url, Some(dir), Some(public_url)).await
    }

    /// An instance on SQLite with these limits instead of the defaults.
    pub async fn sqlite_limited(limits: Limits) -> Self {
        let dir = tempfile::tempdir().expect("temporary data directory");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("gfce.db").display());
        Self::start_with(&url, Some(dir), None, limits).await
    }

    /// Without per-address rate limits, for scenarios that send more writes from one address in
    /// a minute than any person would.
    pub async fn sqlite_unlimited() -> Self {
        Self::sqlite_limited(Self::unlimited()).await
    }

    pub async fn postgres_unlimited() -> Self {
        let url = fresh_postgres_database().await;
        Self::start_with(&url, None, None, Self::unlimited()).await
    }

    fn unlimited() -> Limits {
        Limits { search: gfce_web::Rate::OFF, writes: gfce_web::Rate::OFF, ..Limits::default() }
    }

    async fn start(url: &str, data_dir: Option<TempDir>) -> Self {
        Self::start_behind(url, data_dir, None).await
    }

    async fn start_behind(url: &str, data_dir: Option<TempDir>, public_url: Option<&str>) -> Self {
        Self::start_with(url, data_dir, public_url, Limits::default()).await
    }

    async fn start_with(url: &str, data_dir: Option<TempDir>, public_url: Option<&str>, limits: Limits) -> Self {
        let store = Store::connect(url).await.expect("connect");
        store.migrate().await.expect("migrate");
        store.seed_reference(gfce_core::reference::shipped()).await.expect("seed");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a loopback port");
        let addr = listener.local_addr().unwrap();
        let index = Arc::new(SearchIndex::in_memory().expect("search index"));
        index.rebuild(&store).await.expect("index the reference data");
        let follower = spawn_follower(index.clone(), store.clone(), Duration::from_millis(100));
        let public_url = public_url.map_or_else(|| format!("http://{addr}"), str::to_owned);
        let app = gfce_web::router(AppState::new(store.clone(), index, &public_url), limits);
        let server = tokio::spawn(async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
                .await
                .expect("serve");
        });
        let client = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .unwrap();
        TestApp {
            base: format!("http://{addr}"),
            url: url.to_owned(),
            client,
            store,
            _data_dir: data_dir,
            server,
            follower,
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(format!("{}{path}", self.base)).send().await.expect("request")
    }

    pub async fn get_lang(&self, path: &str, accept_language: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .header("Accept-Language", accept_language)
            .send()
            .await
            .expect("request")
    }

    /// Runs a statement on the database directly, as an operator (or the passing of time) would.
    pub async fn execute(&self, sql: &str) {
        sqlx::any::install_default_drivers();
        let mut conn = sqlx::AnyConnection::connect(&self.url).await.expect("connect to the test database");
        conn.execute(sql).await.expect("run the statement");
        conn.close().await.ok();
    }

    /// The text columns of a query's rows, read on the database directly (a missing value is
    /// empty).
    pub async fn texts(&self, sql: &str, columns: &[&str]) -> Vec<Vec<String>> {
        sqlx::any::install_default_drivers();
        let mut conn = sqlx::AnyConnection::connect(&self.url).await.expect("connect to the test database");
        let rows = sqlx::query(sql).fetch_all(&mut conn).await.expect("run the query");
        conn.close().await.ok();
        rows.iter()
            .map(|r| columns.iter().map(|c| r.try_get::<Option<String>, _>(*c).unwrap().unwrap_or_default()).collect())
            .collect()
    }

    /// Status and JSON body of a GET.
    pub async fn json(&self, path: &str) -> (StatusCode, Value) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.json().await.expect("a JSON body"))
    }

    /// Status and text body of a GET.
    pub async fn text(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        (response.status(), response.text().await.expect("a text body"))
    }
}

/// The slugs of a list response, in order.
pub fn slugs(list: &Value) -> Vec<String> {
    list["items"].as_array().expect("items").iter().map(|m| m["slug"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn replaces_the_database_name() {
    assert_eq!(with_database("postgres://u:p@h:5432/postgres", "x"), "postgres://u:p@h:5432/x");
    assert_eq!(with_database("postgres://u@h/postgres?sslmode=disable", "x"), "postgres://u@h/x?sslmode=disable");
    assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
}
