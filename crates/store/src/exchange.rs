//! Importing a dataset into the database and exporting it back out.
//!
//! An import is checked against the database before anything is written (slugs taken by other
//! records, actors that do not exist, unknown event series), then written in one transaction: a
//! failure half-way leaves the database as it was.

use std::collections::{HashMap, HashSet};

use gfce_core::{
    exchange::{Dataset, Location, Reason, RowError, Stamped},
    Actor, Event, ParseError, Project, Resource, Slug,
};
use sqlx::{AnyConnection, Row};

use crate::{actors, events, facts, projects, read::Stored, resources, rows::RowReader, write, Store, StoreError};

/// How many records of each kind an import wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub actors: usize,
    pub projects: usize,
    pub resources: usize,
    pub events: usize,
    pub country_facts: usize,
}

impl ImportCounts {
    pub fn total(&self) -> usize {
        self.actors + self.projects + self.resources + self.events + self.country_facts
    }
}

/// What an import did: what it wrote and the rows it skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub written: ImportCounts,
    pub errors: Vec<RowError>,
}

/// Records written per step; the progress callback hears after each.
const STEP: usize = 2_000;

/// SQLite's page cache while importing (negative: in KiB), and its default.
const IMPORT_CACHE: &str = "PRAGMA cache_size = -262144";
const DEFAULT_CACHE: &str = "PRAGMA cache_size = -2000";

fn problem(file: &str, section: &str, slug: &Slug, field: &str, error: ParseError) -> RowError {
    RowError {
        file: file.to_owned(),
        location: Location::Record(format!("{section}[slug={slug}]")),
        field: field.to_owned(),
        reason: Reason::Invalid(error),
    }
}

/// The slugs (and IATI identifiers) a table holds, with the id holding each.
async fn taken(conn: &mut AnyConnection, sql: &str) -> Result<HashMap<String, String>, StoreError> {
    let rows = sqlx::query(sql).fetch_all(&mut *conn).await?;
    rows.iter().map(|r| Ok((r.try_get::<String, _>("k")?, r.try_get::<String, _>("id")?))).collect()
}

/// Drops the records whose slug (or other unique key) another record already holds, in the
/// database or earlier in the same dataset. A record given twice (the same id twice, from two
/// files) is dropped the second time too: written twice in one statement, it would fail there.
fn keep_unique<T>(
    records: &mut Vec<Stamped<T>>,
    taken: &mut HashMap<String, String>,
    key: impl Fn(&T) -> Option<String>,
    identity: impl Fn(&T) -> (String, Slug),
    (file, section, field): (&str, &str, &str),
    errors: &mut Vec<RowError>,
) {
    let mut claimed = HashSet::new();
    records.retain(|s| {
        let Some(k) = key(&s.record) else { return true };
        let (id, slug) = identity(&s.record);
        let held_by_another = taken.get(&k).is_some_and(|holder| *holder != id);
        if held_by_another || claimed.contains(&k) {
            errors.push(problem(file, section, &slug, field, ParseError::Duplicate));
            return false;
        }
        taken.insert(k.clone(), id);
        claimed.insert(k);
        true
    });
}

impl Store {
    /// Checks `data` against the database and writes every record that passes, in one
    /// transaction. With `strict`, any error (including `earlier`, the rows the file parser
    /// already rejected) means nothing is written. `progress` hears the number of records written
    /// so far.
    pub async fn import(
        &self,
        data: Dataset,
        file: &str,
        earlier: Vec<RowError>,
        strict: bool,
        progress: &(dyn Fn(usize) + Sync),
    ) -> Result<ImportReport, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let sqlite = self.backend == crate::Backend::Sqlite;
        if sqlite {
            // A large import touches far more pages than SQLite's default cache (2 MiB) holds,
            // and every page that does not fit is written to the WAL again and again before the
            // commit. The connection goes back to the pool afterwards, with the default again.
            sqlx::query(IMPORT_CACHE).execute(&mut *conn).await?;
        }
        let report = Self::import_on(&mut conn, data, file, earlier, strict, progress).await;
        self.wrote();
        if sqlite {
            sqlx::query(DEFAULT_CACHE).execute(&mut *conn).await?;
        }
        drop(conn);
        // The whole import went through the log; it goes into the database file now rather than
        // at some later commit, and the log back to its usual size.
        self.checkpoint().await?;
        report
    }

    async fn import_on(
        conn: &mut AnyConnection,
        mut data: Dataset,
        file: &str,
        earlier: Vec<RowError>,
        strict: bool,
        progress: &(dyn Fn(usize) + Sync),
    ) -> Result<ImportReport, StoreError> {
        let mut errors = earlier;
        let mut tx = crate::begin_write(conn).await?;

        let mut actor_slugs = taken(&mut tx, "SELECT slug AS k, id FROM actors").await?;
        let mut actor_refs = taken(&mut tx, "SELECT iati_ref AS k, id FROM actors WHERE iati_ref IS NOT NULL").await?;
        let ident = |id: &uuid::Uuid, slug: &Slug| (id.to_string(), slug.clone());
        keep_unique(
            &mut data.actors,
            &mut actor_slugs,
            |a| Some(a.slug.to_string()),
            |a| ident(&a.id, &a.slug),
            (file, "actors", "slug"),
            &mut errors,
        );
        keep_unique(
            &mut data.actors,
            &mut actor_refs,
            |a| a.iati_ref.clone(),
            |a| ident(&a.id, &a.slug),
            (file, "actors", "iati_ref"),
            &mut errors,
        );
        let known_actors: HashSet<String> = actor_slugs.keys().cloned().collect();
        let unknown_actor = |slugs: &mut dyn Iterator<Item = &Slug>| {
            let mut unknown = false;
            for s in slugs {
                unknown |= !known_actors.contains(s.as_str());
            }
            unknown
        };

        let mut project_slugs = taken(&mut tx, "SELECT slug AS k, id FROM projects").await?;
        let mut project_iati =
            taken(&mut tx, "SELECT iati_identifier AS k, id FROM projects WHERE iati_identifier IS NOT NULL").await?;
        keep_unique(
            &mut data.projects,
            &mut project_slugs,
            |p| Some(p.slug.to_string()),
            |p| ident(&p.id, &p.slug),
            (file, "projects", "slug"),
            &mut errors,
        );
        keep_unique(
            &mut data.projects,
            &mut project_iati,
            |p| p.iati_identifier.clone(),
            |p| ident(&p.id, &p.slug),
            (file, "projects", "iati_identifier"),
            &mut errors,
        );
        data.projects.retain(|p| {
            let bad = unknown_actor(&mut p.record.participants.iter().map(|c| &c.actor));
            if bad {
                errors.push(problem(file, "projects", &p.record.slug, "participants", ParseError::UnknownActor));
            }
            !bad
        });

        let mut resource_slugs = taken(&mut tx, "SELECT slug AS k, id FROM resources").await?;
        keep_unique(
            &mut data.resources,
            &mut resource_slugs,
            |r| Some(r.slug.to_string()),
            |r| ident(&r.id, &r.slug),
            (file, "resources", "slug"),
            &mut errors,
        );
        data.resources.retain(|r| {
            let bad = unknown_actor(&mut r.record.contributors.iter().map(|c| &c.actor));
            if bad {
                errors.push(problem(file, "resources", &r.record.slug, "contributors", ParseError::UnknownActor));
            }
            !bad
        });

        let mut event_slugs = taken(&mut tx, "SELECT slug AS k, id FROM events").await?;
        let series: HashSet<String> =
            taken(&mut tx, "SELECT id AS k, id FROM event_series").await?.into_keys().collect();
        keep_unique(
            &mut data.events,
            &mut event_slugs,
            |e| Some(e.slug.to_string()),
            |e| ident(&e.id, &e.slug),
            (file, "events", "slug"),
            &mut errors,
        );
        data.events.retain(|e| {
            if !series.contains(e.record.series.as_str()) {
                errors.push(problem(file, "events", &e.record.slug, "series", ParseError::NotAllowed));
                return false;
            }
            let bad = unknown_actor(&mut e.record.organisers.iter());
            if bad {
                errors.push(problem(file, "events", &e.record.slug, "organisers", ParseError::UnknownActor));
            }
            !bad
        });

        let mut facts = HashSet::new();
        data.country_facts.retain(|f| {
            let fresh = facts.insert((f.country, f.kind));
            if !fresh {
                errors.push(RowError {
                    file: file.to_owned(),
                    location: Location::Record(format!("country_facts[{} {}]", f.country, f.kind.as_str())),
                    field: "kind".to_owned(),
                    reason: Reason::Invalid(ParseError::Duplicate),
                });
            }
            fresh
        });

        if strict && !errors.is_empty() {
            tx.rollback().await?;
            return Ok(ImportReport { written: ImportCounts::default(), errors });
        }

        let mut written = ImportCounts::default();
        for chunk in data.actors.chunks(STEP) {
            actors::upsert(&mut tx, chunk).await?;
            written.actors += chunk.len();
            progress(written.total());
        }
        let actor_ids = write::actor_ids(&mut tx).await?;
        for chunk in data.projects.chunks(STEP) {
            projects::upsert(&mut tx, chunk, &actor_ids).await?;
            written.projects += chunk.len();
            progress(written.total());
        }
        for chunk in data.resources.chunks(STEP) {
            resources::upsert(&mut tx, chunk, &actor_ids).await?;
            written.resources += chunk.len();
            progress(written.total());
        }
        for chunk in data.events.chunks(STEP) {
            events::upsert(&mut tx, chunk, &actor_ids).await?;
            written.events += chunk.len();
            progress(written.total());
        }
        facts::upsert(&mut tx, &data.country_facts).await?;
        written.country_facts = data.country_facts.len();
        progress(written.total());
        tx.commit().await?;
        Ok(ImportReport { written, errors })
    }

    /// The slug of every project, with the identifier of the IATI activity it was imported from,
    /// for matching the activities of an import.
    pub async fn project_keys(&self) -> Result<Vec<(Slug, Option<String>)>, StoreError> {
        let rows = sqlx::query("SELECT id, slug, iati_identifier FROM projects").fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| {
                let r = RowReader::new(row, "project", "id");
                Ok((r.parsed("slug", Slug::parse)?, r.opt_text("iati_identifier")?))
            })
            .collect()
    }

    /// Everything beyond the shipped reference data (and the shipped records as they are now),
    /// each kind sorted by slug, facts by country and kind.
    pub async fn export(&self) -> Result<Dataset, StoreError> {
        Ok(Dataset {
            actors: self.everything(|a: &Actor| &a.slug).await?,
            projects: self.everything(|p: &Project| &p.slug).await?,
            resources: self.everything(|r: &Resource| &r.slug).await?,
            events: self.everything(|e: &Event| &e.slug).await?,
            country_facts: self.all_country_facts().await?,
            ..Dataset::default()
        })
    }

    /// Every record of one kind, read a page at a time in slug order.
    async fn everything<T: Stored>(&self, slug: impl Fn(&T) -> &Slug) -> Result<Vec<Stamped<T>>, StoreError> {
        let mut all = Vec::new();
        let mut last = String::new();
        loop {
            let page = self.records_after::<T>(last.clone(), EXPORT_PAGE).await?;
            let Some(tail) = page.last() else { break };
            last = slug(&tail.record).as_str().to_owned();
            all.extend(page.into_iter().map(crate::Dated::stamped));
        }
        Ok(all)
    }
}

/// Records read per query while exporting.
const EXPORT_PAGE: i64 = 1_000;
