use gfce_core::{exchange::Stamped, reference::ReferenceData};
use sqlx::{Acquire, AnyConnection};

use crate::{
    actors,
    change_log::{self, Op},
    events, facts, write, Store, StoreError,
};

/// The meta key whose presence says the reference data has been loaded.
const SEEDED_KEY: &str = "reference_data_loaded_at";
/// The meta key whose presence says the country facts have been loaded: they came with a later
/// version, so a database seeded before them gets them once, on its next start.
const FACTS_KEY: &str = "country_facts_loaded_at";

/// Claims a meta key; false when it was claimed before.
async fn claim(conn: &mut AnyConnection, key: &str) -> Result<bool, StoreError> {
    let claimed = sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
        .bind(key)
        .bind(crate::rows::now())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(claimed > 0)
}

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
        let mut tx = self.begin_write().await?;
        let conn = tx.acquire().await?;
        if !claim(conn, SEEDED_KEY).await? {
            if claim(conn, FACTS_KEY).await? {
                facts::upsert(conn, &data.facts).await?;
            }
            self.commit(tx).await?;
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
        let members: Vec<_> = data.members.iter().cloned().map(Stamped::new).collect();
        actors::upsert(conn, &members).await?;
        let actor_ids = write::actor_ids(conn).await?;
        let events: Vec<_> = data.events.iter().cloned().map(Stamped::new).collect();
        events::upsert(conn, &events, &actor_ids).await?;
        claim(conn, FACTS_KEY).await?;
        facts::upsert(conn, &data.facts).await?;
        self.commit(tx).await?;
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
