use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;

use crate::{
    rows::now,
    sql::{insert_rows, Value},
    Backend, StoreError,
};

/// What happened to a record.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Op {
    Insert,
    Update,
    Delete,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Insert => "insert",
            Op::Update => "update",
            Op::Delete => "delete",
        }
    }
}

/// Appends one entry to the change log, inside the caller's transaction, so that the entry exists
/// exactly when the change does.
pub(crate) async fn append(conn: &mut AnyConnection, entity: &str, entity_id: &str, op: Op) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO change_log (entity, entity_id, op, at) VALUES ($1, $2, $3, $4)")
        .bind(entity)
        .bind(entity_id)
        .bind(op.as_str())
        .bind(now())
        .execute(conn)
        .await?;
    Ok(())
}

/// Appends one entry per record, in the given order, with as few statements as possible.
pub(crate) async fn append_many(
    conn: &mut AnyConnection,
    entity: &str,
    changes: &[(String, Op)],
    at: &str,
) -> Result<(), StoreError> {
    let rows = changes
        .iter()
        .map(|(id, op)| vec![Value::from(entity), Value::Text(id.clone()), Value::from(op.as_str()), Value::from(at)])
        .collect();
    insert_rows(conn, "INSERT INTO change_log (entity, entity_id, op, at)", 4, rows, "").await?;
    Ok(())
}

/// The meta key of the database's own id.
const DATABASE_ID: &str = "database-id";

impl crate::Store {
    /// The sequence number of the latest change, 0 when nothing was ever written.
    pub async fn change_log_position(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS head FROM change_log").fetch_one(&self.pool).await?;
        Ok(sqlx::Row::try_get(&row, "head")?)
    }

    /// The point below which every change has become visible and no more will: a follower that
    /// has read every change from its previous horizon may start its next round from this one.
    /// Read it before reading the changes. On SQLite, where one transaction writes at a time, it
    /// is the next sequence number; on PostgreSQL, the oldest transaction still running.
    pub async fn change_horizon(&self) -> Result<i64, StoreError> {
        let sql = match self.backend {
            Backend::Sqlite => "SELECT COALESCE(MAX(seq), 0) + 1 AS horizon FROM change_log",
            Backend::Postgres => {
                "SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS BIGINT) AS horizon"
            }
        };
        let row = sqlx::query(sql).fetch_one(&self.pool).await?;
        Ok(sqlx::Row::try_get(&row, "horizon")?)
    }

    /// The changes at or past `horizon`, in the order they are to be applied, at most `limit`
    /// after `after` (the last change of the previous page, if any). Changes of transactions that
    /// are still running are not visible yet; they come in a later round, since their horizon is
    /// not passed until they end.
    pub async fn changes_from(
        &self,
        horizon: i64,
        after: Option<&Change>,
        limit: i64,
    ) -> Result<Vec<Change>, StoreError> {
        let rows = match self.backend {
            Backend::Sqlite => {
                sqlx::query(
                    "SELECT seq, seq AS tx, entity, entity_id, at FROM change_log \
                     WHERE seq >= $1 AND seq > $2 ORDER BY seq LIMIT $3",
                )
                .bind(horizon)
                .bind(after.map_or(0, |c| c.seq))
                .bind(limit)
                .fetch_all(&self.pool)
                .await?
            }
            Backend::Postgres => {
                // xid8 has no negative values: the page before the first starts at the horizon.
                let (tx, seq) = after.map_or((horizon, 0), |c| (c.tx, c.seq));
                sqlx::query(
                    "SELECT seq, CAST(CAST(tx AS TEXT) AS BIGINT) AS tx, entity, entity_id, at FROM change_log \
                     WHERE tx >= CAST(CAST($1 AS TEXT) AS xid8) \
                     AND (tx, seq) > (CAST(CAST($2 AS TEXT) AS xid8), $3) ORDER BY tx, seq LIMIT $4",
                )
                .bind(horizon)
                .bind(tx)
                .bind(seq)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?
            }
        };
        rows.iter().map(change_from_row).collect()
    }

    /// How many changes a follower at `horizon` has yet to read.
    pub async fn changes_pending(&self, horizon: i64) -> Result<i64, StoreError> {
        let sql = match self.backend {
            Backend::Sqlite => "SELECT COUNT(*) AS n FROM change_log WHERE seq >= $1",
            Backend::Postgres => "SELECT COUNT(*) AS n FROM change_log WHERE tx >= CAST(CAST($1 AS TEXT) AS xid8)",
        };
        let row = sqlx::query(sql).bind(horizon).fetch_one(&self.pool).await?;
        Ok(sqlx::Row::try_get(&row, "n")?)
    }

    /// This database's own id, made the first time it is asked for. A follower of the change log
    /// keeps it, so that it never takes another database's log for this one's.
    pub async fn database_id(&self) -> Result<String, StoreError> {
        sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
            .bind(DATABASE_ID)
            .bind(uuid::Uuid::new_v4().to_string())
            .execute(&self.pool)
            .await?;
        let row = sqlx::query("SELECT value FROM meta WHERE key = $1").bind(DATABASE_ID).fetch_one(&self.pool).await?;
        Ok(sqlx::Row::try_get(&row, "value")?)
    }

    /// The latest change, if any: a follower keeps it to recognise its database later.
    pub async fn latest_change(&self) -> Result<Option<Change>, StoreError> {
        let sql = match self.backend {
            Backend::Sqlite => "SELECT seq, seq AS tx, entity, entity_id, at FROM change_log ORDER BY seq DESC LIMIT 1",
            Backend::Postgres => {
                "SELECT seq, CAST(CAST(tx AS TEXT) AS BIGINT) AS tx, entity, entity_id, at FROM change_log \
                 ORDER BY seq DESC LIMIT 1"
            }
        };
        sqlx::query(sql).fetch_optional(&self.pool).await?.as_ref().map(change_from_row).transpose()
    }

    /// Whether the change log holds this change, as it was written: not when the database was
    /// restored from a backup older than it, nor when it is another database.
    pub async fn holds_change(&self, change: &Change) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT at FROM change_log WHERE seq = $1 AND entity = $2 AND entity_id = $3")
            .bind(change.seq)
            .bind(&change.entity)
            .bind(&change.entity_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(row) => sqlx::Row::try_get::<String, _>(&row, "at")? == change.at,
            None => false,
        })
    }
}

fn change_from_row(row: &sqlx::any::AnyRow) -> Result<Change, StoreError> {
    Ok(Change {
        seq: sqlx::Row::try_get(row, "seq")?,
        tx: sqlx::Row::try_get(row, "tx")?,
        entity: sqlx::Row::try_get(row, "entity")?,
        entity_id: sqlx::Row::try_get(row, "entity_id")?,
        at: sqlx::Row::try_get(row, "at")?,
    })
}

/// One entry of the change log: which record changed, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub seq: i64,
    /// The transaction that wrote it (PostgreSQL), or its sequence number again (SQLite).
    pub tx: i64,
    /// `actor`, `project`, `resource`, `event`, `country_fact` or `theme`.
    pub entity: String,
    pub entity_id: String,
    pub at: String,
}
