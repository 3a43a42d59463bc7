//! How many records a list holds, kept until the data changes: counting the matches of a filter
//! reads every matching row (tens of thousands for a country or a theme), while the page of rows
//! shown walks an index and stops.
//!
//! A kept count is good for as long as the change log stands where it stood when it was counted:
//! every write of a record appends to it. On PostgreSQL a transaction may commit a change below the
//! latest one seen, so the oldest transaction still running is part of where the log stands too.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, MutexGuard},
};

use gfce_core::CountryCode;
use sqlx::Row;

use crate::{sql::Conditions, Backend, Store, StoreError};

/// Distinct lists kept at once; past it they are all forgotten, which only costs a recount.
const KEPT_MAX: usize = 4096;

#[derive(Debug, Default)]
pub(crate) struct Counts(Mutex<Kept>);

#[derive(Debug, Default)]
struct Kept {
    /// Where the change log stood when the counts were made.
    at: Option<(i64, i64)>,
    counts: HashMap<String, u64>,
    per_country: Option<Arc<HashMap<CountryCode, u64>>>,
}

impl Counts {
    /// What is kept, emptied first if the change log no longer stands at `at`.
    fn at(&self, at: (i64, i64)) -> MutexGuard<'_, Kept> {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if kept.at != Some(at) {
            *kept = Kept { at: Some(at), ..Kept::default() };
        }
        kept
    }
}

impl Store {
    /// The number of rows `count_sql` (a `SELECT COUNT(*) AS n …` with the conditions of `c`)
    /// counts, recounted only once the data has changed.
    pub(crate) async fn count(&self, count_sql: &str, c: &Conditions) -> Result<u64, StoreError> {
        let at = self.change_log_stands().await?;
        let key = format!("{count_sql}\u{0}{}", c.key());
        if let Some(&n) = self.counts.at(at).counts.get(&key) {
            return Ok(n);
        }
        let n: i64 = sqlx::query_with(count_sql, c.arguments()).fetch_one(&self.pool).await?.try_get("n")?;
        let n = u64::try_from(n).unwrap_or_default();
        // Should the log have moved on meanwhile, the next request sees it and starts afresh.
        let mut kept = self.counts.at(at);
        if kept.counts.len() >= KEPT_MAX {
            kept.counts.clear();
        }
        kept.counts.insert(key, n);
        Ok(n)
    }

    /// `count` for the projects per country of the countries index, made by `make` when the data
    /// has changed since it was last made.
    pub(crate) async fn kept_per_country<F>(&self, make: F) -> Result<Arc<HashMap<CountryCode, u64>>, StoreError>
    where
        F: std::future::Future<Output = Result<HashMap<CountryCode, u64>, StoreError>>,
    {
        let at = self.change_log_stands().await?;
        if let Some(kept) = self.counts.at(at).per_country.clone() {
            return Ok(kept);
        }
        let made = Arc::new(make.await?);
        self.counts.at(at).per_country = Some(made.clone());
        Ok(made)
    }

    /// Where the change log stands: its latest change and, on PostgreSQL, the oldest transaction
    /// still running. Both are read from indexes or the snapshot, never by scanning.
    async fn change_log_stands(&self) -> Result<(i64, i64), StoreError> {
        let sql = match self.backend {
            Backend::Sqlite => "SELECT COALESCE(MAX(seq), 0) AS head, 0 AS running FROM change_log",
            Backend::Postgres => {
                "SELECT COALESCE((SELECT MAX(seq) FROM change_log), 0) AS head, \
                 CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS BIGINT) AS running"
            }
        };
        let row = sqlx::query(sql).fetch_one(&self.pool).await?;
        Ok((row.try_get("head")?, row.try_get("running")?))
    }
}
