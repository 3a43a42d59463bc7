//! Storage for GFCE Hub: all the SQL, for SQLite and PostgreSQL through one code path.
//!
//! The store speaks sqlx's `Any` driver, so every query is written once, with `$n` placeholders
//! that both databases understand; the schema keeps to types both share (text, 64-bit integers).
//! Every write runs in a transaction that also appends to the change log, which the search
//! indexer follows.
//!
//! Where to start reading: [`Store`] (connecting, migrating, loading the reference data), then
//! `write.rs`, the one path by which records are inserted or updated with their children and
//! their change-log entries, and `read.rs`, the one reader of records with their children. Each
//! other module is one aggregate: actors, projects, resources, events, accounts and sessions,
//! tokens, the second factor, mail, applications, curation, imports and exports. Times are
//! written as [`gfce_core::Timestamp`] text, of one width, so that they order as text.

mod accounts;
mod actors;
mod applications;
mod change_log;
mod children;
mod counts;
mod curation;
mod error;
mod events;
mod exchange;
mod facts;
mod file;
mod mail;
#[cfg(test)]
mod plans;
mod projects;
mod read;
mod reference;
mod resources;
mod rows;
mod second_factor;
mod sql;
mod taxonomy;
mod tokens;
mod write;

use std::{
    str::FromStr,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};

use sqlx::{
    any::{AnyPoolOptions, AnyRow},
    Any, AnyConnection, AnyPool, Connection, Executor, Transaction,
};

pub use accounts::{Attempt, AuditEntry, AuditFilter, Session, User};
pub use actors::{ActorFilter, HomeCounts};
pub use applications::{ApprovalMail, Decision, HistoryEntry, StoredApplication};
pub use change_log::Change;
pub use curation::{Outcome, Refusal, Revision, RevisionEvent, RevisionFilter};
pub use error::StoreError;
pub use exchange::{ImportCounts, ImportReport};
pub use mail::{OutgoingMail, QueuedMail, Registration, ResetToken};
pub use projects::{ProjectFilter, ProjectOrder};
pub use read::Dated;
pub use reference::SeedOutcome;
pub use resources::ResourceFilter;
pub use second_factor::{PendingLogin, SecondFactor};
pub use tokens::ApiToken;

/// Which database a store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Tells the backend from a database URL (`sqlite://…`, `postgres://…`, `postgresql://…`).
    pub fn of_url(url: &str) -> Result<Backend, StoreError> {
        let scheme = url.split_once(':').map(|(s, _)| s).unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Backend::Sqlite),
            "postgres" | "postgresql" => Ok(Backend::Postgres),
            _ => Err(StoreError::UnsupportedUrl),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// How a write transaction begins on SQLite: taking the write lock at once, so that a writer
/// waits its turn under the busy timeout. A deferred transaction takes it at its first write, and
/// one that read before another writer committed cannot take it at all (`SQLITE_BUSY_SNAPSHOT`):
/// it fails at once, the busy timeout notwithstanding.
const SQLITE_WRITE: &str = "BEGIN IMMEDIATE";

/// Begins a transaction that writes on a connection of its own (an import's).
pub(crate) async fn begin_write(conn: &mut AnyConnection) -> Result<Transaction<'_, Any>, StoreError> {
    Ok(if conn.backend_name().eq_ignore_ascii_case("sqlite") {
        conn.begin_with(SQLITE_WRITE).await?
    } else {
        conn.begin().await?
    })
}

/// A handle to the database, cheap to clone and share between requests.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// The SQLite file, checked before and after each write.
    file: Option<file::DatabaseFile>,
    /// List counts kept until the data changes.
    counts: Arc<counts::Counts>,
    /// Writes this process has committed.
    writes: Arc<AtomicU64>,
}

impl Store {
    /// Connects to the database the URL names. A SQLite file is created if missing and put in WAL
    /// mode, so readers never wait for the writer.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let backend = Backend::of_url(url)?;
        sqlx::any::install_default_drivers();
        let options = sqlx::any::AnyConnectOptions::from_str(url).map_err(StoreError::Connect)?;
        let max_connections = match backend {
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // Per connection: SQLite forgets these when a connection closes.
                        // After a checkpoint, a WAL grown past the limit is cut back to it rather
                        // than kept at its largest (an import's hundreds of MiB) until shutdown.
                        conn.execute(
                            "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; \
                             PRAGMA journal_size_limit = 67108864;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(StoreError::Connect)?;
        if backend == Backend::Sqlite {
            // WAL is a property of the database file, kept once set.
            sqlx::query("PRAGMA journal_mode = WAL").fetch_all(&pool).await?;
        }
        let file = file::DatabaseFile::of_url(url);
        Ok(Store { pool, backend, file, counts: Arc::default(), writes: Arc::default() })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Brings the schema up to date; migrations already applied are skipped.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("migrations/sqlite").run(&self.pool).await?,
            Backend::Postgres => sqlx::migrate!("migrations/postgres").run(&self.pool).await?,
        }
        Ok(())
    }

    /// A transaction that writes; see [`begin_write`]. Its commit is [`Store::commit`].
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Any>, StoreError> {
        self.check_file()?;
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with(SQLITE_WRITE).await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// Commits a write and makes sure it reached the database: a SQLite file deleted or replaced
    /// meanwhile took it into a file nobody will read, which the caller must not acknowledge.
    pub(crate) async fn commit(&self, tx: Transaction<'static, Any>) -> Result<(), StoreError> {
        tx.commit().await?;
        self.wrote();
        self.check_file()
    }

    fn wrote(&self) {
        self.writes.fetch_add(1, Ordering::Release);
    }

    /// How many writes this process has committed through this store (and its clones): what it
    /// shows may have changed whenever the number does. Writes of other processes are seen
    /// through the change log.
    pub fn writes(&self) -> u64 {
        self.writes.load(Ordering::Acquire)
    }

    fn check_file(&self) -> Result<(), StoreError> {
        self.file.as_ref().map_or(Ok(()), file::DatabaseFile::check)
    }

    /// Answers whether the database can take a write now: the SQLite file is the one opened,
    /// and a write commits (neither a read-only database nor a full disk refuses it).
    pub async fn check_writable(&self) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO meta (key, value) VALUES ('ready', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(rows::now())
        .execute(&mut *tx)
        .await?;
        self.commit(tx).await
    }

    /// Writes a consistent copy of a SQLite database to `path`, which must not exist, while the
    /// database stays in use (`VACUUM INTO`). PostgreSQL has its own tools for this (`pg_dump`),
    /// so there it is [`StoreError::Unsupported`].
    pub async fn backup(&self, path: &std::path::Path) -> Result<(), StoreError> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Unsupported("a backup of a PostgreSQL database is made with pg_dump"));
        }
        let path = path.to_str().ok_or(StoreError::Unsupported("the backup's path must be UTF-8"))?;
        sqlx::query("VACUUM INTO $1").bind(path).execute(&self.pool).await?;
        Ok(())
    }

    /// Copies what the SQLite write-ahead log holds into the database file and empties the log,
    /// as far as no reader still needs it; nothing to do on PostgreSQL. SQLite does it by itself
    /// as the log grows, but only partly while readers are busy, and keeps the file at its largest.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").fetch_all(&self.pool).await?;
        }
        Ok(())
    }

    /// Answers whether the database can be reached and queried.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let _: AnyRow = sqlx::query("SELECT 1").fetch_one(&self.pool).await?;
        Ok(())
    }

    /// Closes every connection, waiting for those in use to be returned.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
