use sqlx::AnyConnection;

use crate::{rows::now, StoreError};

/// What happened to a record.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Op {
    Insert,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Insert => "insert",
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

impl crate::Store {
    /// The sequence number of the latest change, 0 when nothing was ever written. An index that
    /// has seen changes up to this number is current.
    pub async fn change_log_position(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS head FROM change_log").fetch_one(&self.pool).await?;
        Ok(sqlx::Row::try_get(&row, "head")?)
    }
}
