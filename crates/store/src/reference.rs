use gfce_core::reference::ReferenceData;
use sqlx::Acquire;

use crate::{
    change_log::{self, Op},
    events::insert_event,
    members::insert_member,
    Store, StoreError,
};

/// The meta key whose presence says the reference data has been loaded.
const SEEDED_KEY: &str = "reference_data_loaded_at";

/// What loading the reference data did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    /// The database was empty and now holds the reference data.
    Loaded { countries: usize, members: usize, events: usize },
    /// The reference data was loaded before; nothing was changed.
    AlreadyPresent,
}

impl Store {
    /// Loads the shipped reference data into a database that has never had it, in one transaction.
    ///
    /// A database that had it is left alone, even if records were since edited or removed, so a
    /// restart never undoes an administrator's work. Two instances starting together on one
    /// PostgreSQL are safe: the marker row is claimed first, and the loser finds it taken.
    pub async fn seed_reference(&self, data: &ReferenceData) -> Result<SeedOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let conn = tx.acquire().await?;
        let claimed = sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
            .bind(SEEDED_KEY)
            .bind(crate::rows::now())
            .execute(&mut *conn)
            .await?
            .rows_affected();
        if claimed == 0 {
            return Ok(SeedOutcome::AlreadyPresent);
        }

        // Parents before children: regions come sorted by level in the shipped file, but sorting
        // here keeps the foreign keys satisfied whatever the file's order.
        let mut regions: Vec<_> = data.regions.iter().collect();
        regions.sort_by_key(|r| r.level as u8);
        for r in regions {
            sqlx::query("INSERT INTO regions (code, parent, level, name_en, name_vi) VALUES ($1, $2, $3, $4, $5)")
                .bind(r.code.as_string())
                .bind(r.parent.map(|p| p.as_string()))
                .bind(r.level.as_str())
                .bind(r.name.en())
                .bind(r.name.vi())
                .execute(&mut *conn)
                .await?;
        }
        for c in &data.countries {
            sqlx::query(
                "INSERT INTO countries (code, alpha3, numeric_code, name_en, name_vi, region, sub_region, \
                 intermediate_region) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(c.code.as_str())
            .bind(&c.alpha3)
            .bind(&c.numeric)
            .bind(c.name.en())
            .bind(c.name.vi())
            .bind(c.region.map(|r| r.as_string()))
            .bind(c.sub_region.map(|r| r.as_string()))
            .bind(c.intermediate_region.map(|r| r.as_string()))
            .execute(&mut *conn)
            .await?;
        }
        for t in &data.themes {
            sqlx::query(
                "INSERT INTO themes (id, family, position, name_en, name_vi, description_en, description_vi) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(t.id.as_str())
            .bind(t.family.as_str())
            .bind(t.position)
            .bind(t.name.en())
            .bind(t.name.vi())
            .bind(t.description.en())
            .bind(t.description.vi())
            .execute(&mut *conn)
            .await?;
            change_log::append(conn, "theme", t.id.as_str(), Op::Insert).await?;
        }
        for t in &data.themes {
            for related in &t.related {
                sqlx::query("INSERT INTO theme_relations (theme_id, related_id) VALUES ($1, $2)")
                    .bind(t.id.as_str())
                    .bind(related.as_str())
                    .execute(&mut *conn)
                    .await?;
            }
        }
        for s in &data.series {
            sqlx::query("INSERT INTO event_series (id, name_en, name_vi) VALUES ($1, $2, $3)")
                .bind(s.id.as_str())
                .bind(s.name.en())
                .bind(s.name.vi())
                .execute(&mut *conn)
                .await?;
        }
        for e in &data.events {
            insert_event(conn, e).await?;
        }
        for m in &data.members {
            insert_member(conn, m).await?;
        }
        tx.commit().await?;
        tracing::info!(
            countries = data.countries.len(),
            members = data.members.len(),
            events = data.events.len(),
            "reference data loaded"
        );
        Ok(SeedOutcome::Loaded {
            countries: data.countries.len(),
            members: data.members.len(),
            events: data.events.len(),
        })
    }
}
