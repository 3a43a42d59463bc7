use thiserror::Error;

/// What can go wrong in the store.
///
/// Bad input never reaches here: the web layer parses it into domain types first. A `StoreError`
/// is an operational fault (the database is down, a migration failed) or data in the database
/// that no longer parses, and the web layer answers it with a 500 or 503 and logs it.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the database URL must start with sqlite:// or postgres://")]
    UnsupportedUrl,
    #[error("could not connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored {entity} {id} is invalid: {reason}")]
    Corrupt { entity: &'static str, id: String, reason: String },
    /// A record names an actor the database does not hold; importers check first, so this is a
    /// fault of the caller.
    #[error("no actor with the slug {0}")]
    UnknownActor(String),
    /// A unique value (an e-mail address) that another record holds.
    #[error("the {0} is taken")]
    Taken(&'static str),
    /// The SQLite database file was deleted or replaced under a running server.
    #[error("the database file {0} was deleted or replaced")]
    FileGone(String),
    /// Something this database does not do, and why.
    #[error("{0}")]
    Unsupported(&'static str),
}

/// The codes of a database too busy to answer in time, which a later try may not meet: SQLite's
/// busy and locked codes (after its busy timeout, 5 s), PostgreSQL's lock timeout, deadlock,
/// serialisation failure, too many connections and shutdown.
const BUSY: [&str; 10] = ["5", "6", "261", "517", "773", "55P03", "40P01", "40001", "53300", "57P01"];

impl StoreError {
    /// Whether the database could not be reached (as opposed to a fault in what was asked of it);
    /// the client may retry later.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Connect(_) | StoreError::FileGone(_) => true,
            StoreError::Database(sqlx::Error::Database(e)) => {
                e.code().is_some_and(|code| BUSY.contains(&code.as_ref()))
            }
            StoreError::Database(e) => {
                matches!(e, sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_))
            }
            _ => false,
        }
    }
}
