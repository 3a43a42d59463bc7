//! Writing records: one upsert path for seeding, creating and importing, many records at a time.
//!
//! A record's row is inserted or, when its id is already there, updated in place; its child rows
//! are replaced; the change log gets one entry per record. Everything runs on the caller's
//! transaction, so a batch is written whole or not at all.

use std::collections::{HashMap, HashSet};

use gfce_core::{exchange::Stamped, Slug, Timestamp};
use sqlx::{AnyConnection, Row};

use crate::{
    change_log::{self, Op},
    children::{self, Children},
    rows::now,
    sql::{in_list, insert_rows, Conditions, Value},
    StoreError,
};

/// A table of records: its name, the change-log entity and its columns, `id` first and the
/// timestamps `created_at`, `updated_at` last.
pub(crate) struct Table {
    pub name: &'static str,
    pub entity: &'static str,
    pub columns: &'static [&'static str],
}

/// One record ready to write: its id, its column values in the table's order (without the
/// timestamps) and its children.
pub(crate) struct Prepared {
    pub id: String,
    pub values: Vec<Value>,
    pub children: Children,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

impl Prepared {
    pub(crate) fn new<T>(id: String, values: Vec<Value>, children: Children, stamped: &Stamped<T>) -> Self {
        Prepared { id, values, children, created_at: stamped.created_at, updated_at: stamped.updated_at }
    }
}

/// The ids among `ids` that `table` already holds.
pub(crate) async fn existing(
    conn: &mut AnyConnection,
    table: &str,
    ids: impl Iterator<Item = String>,
) -> Result<HashSet<String>, StoreError> {
    let ids: Vec<String> = ids.collect();
    let mut found = HashSet::new();
    for chunk in ids.chunks(1000) {
        let mut c = Conditions::default();
        let list = in_list(&mut c, chunk.iter().map(|id| Value::Text(id.clone())));
        let sql = format!("SELECT id FROM {table} WHERE id IN {list}");
        for row in sqlx::query_with(&sql, c.arguments()).fetch_all(&mut *conn).await? {
            found.insert(row.try_get::<String, _>("id")?);
        }
    }
    Ok(found)
}

/// Inserts or updates these records of `table`, replaces their children and logs each change.
pub(crate) async fn upsert(
    conn: &mut AnyConnection,
    table: &Table,
    records: Vec<Prepared>,
    actor_ids: &HashMap<Slug, String>,
) -> Result<(), StoreError> {
    if records.is_empty() {
        return Ok(());
    }
    let at = now();
    let present = existing(conn, table.name, records.iter().map(|r| r.id.clone())).await?;
    let replaced: Vec<String> = records.iter().filter(|r| present.contains(&r.id)).map(|r| r.id.clone()).collect();
    children::delete(conn, &replaced).await?;

    let columns = table.columns.join(", ");
    let updates: Vec<String> = table
        .columns
        .iter()
        .filter(|c| !matches!(**c, "id" | "created_at"))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    let head = format!("INSERT INTO {} ({columns})", table.name);
    let tail = format!("ON CONFLICT (id) DO UPDATE SET {}", updates.join(", "));
    let mut rows = Vec::with_capacity(records.len());
    let mut log = Vec::with_capacity(records.len());
    for r in &records {
        let mut values = r.values.clone();
        let created = r.created_at.map_or_else(|| at.clone(), |t| t.to_string());
        let updated = r.updated_at.map_or_else(|| created.clone(), |t| t.to_string());
        values.push(Value::Text(created));
        values.push(Value::Text(updated));
        debug_assert_eq!(values.len(), table.columns.len());
        rows.push(values);
        let op = if present.contains(&r.id) { Op::Update } else { Op::Insert };
        log.push((r.id.clone(), op));
    }
    insert_rows(conn, &head, table.columns.len(), rows, &tail).await?;
    // An update keeps a record's creation time, unless the input says when it was created (an
    // export being restored).
    for r in records.iter().filter(|r| present.contains(&r.id)) {
        if let Some(created) = r.created_at {
            sqlx::query(&format!("UPDATE {} SET created_at = $1 WHERE id = $2", table.name))
                .bind(created.to_string())
                .bind(&r.id)
                .execute(&mut *conn)
                .await?;
        }
    }
    let with_children: Vec<(String, &Children)> = records.iter().map(|r| (r.id.clone(), &r.children)).collect();
    children::insert(conn, &with_children, actor_ids).await?;
    change_log::append_many(conn, table.entity, &log, &at).await
}

/// Every actor's id by slug.
pub(crate) async fn actor_ids(conn: &mut AnyConnection) -> Result<HashMap<Slug, String>, StoreError> {
    let rows = sqlx::query("SELECT id, slug FROM actors").fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            let r = crate::rows::RowReader::new(row, "actor", "id");
            Ok((r.parsed("slug", Slug::parse)?, r.id.clone()))
        })
        .collect()
}
