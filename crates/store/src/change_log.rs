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
