use sqlx::AnyConnection;

use crate::{
    rows::now,
    sql::{insert_rows, Value},
    StoreError,
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

impl crate::Store {
    /// The sequence number of the latest change, 0 when nothing was ever written. An index that
    /// has seen changes up to this number is current.
    pub async fn change_log_position(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS head FROM change_log").fetch_one(&self.pool).await?;
        Ok(sqlx::Row::try_get(&row, "head")?)
    }
}

/// One entry of the change log: which record changed, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    /// `actor`, `project`, `resource`, `event`, `country_fact` or `theme`.
    pub entity: String,
    pub entity_id: String,
}

impl crate::Store {
    /// The changes after `after`, oldest first, at most `limit` of them.
    pub async fn changes_since(&self, after: i64, limit: i64) -> Result<Vec<Change>, StoreError> {
        let rows = sqlx::query("SELECT seq, entity, entity_id FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2")
            .bind(after)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(Change {
                    seq: sqlx::Row::try_get(row, "seq")?,
                    entity: sqlx::Row::try_get(row, "entity")?,
                    entity_id: sqlx::Row::try_get(row, "entity_id")?,
                })
            })
            .collect()
    }
}
