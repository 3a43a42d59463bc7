//! Keeping the index in step with the database: full rebuilds, and catching up on the change log.
//!
//! Each commit records the index's [`Mark`]: which database it follows, the horizon below which
//! every change has been applied, and the latest change applied. A round of catching up reads
//! the store's horizon first, then every change from the previous horizon on, applies them, and
//! moves to the horizon it read. No change is ever skipped, however long the transaction that
//! wrote it: until it ends, the horizon stays below it (`Store::change_horizon`).

use std::{
    collections::BTreeMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use gfce_core::{overlap, Slug};
use gfce_store::{Change, Store};
use serde::{Deserialize, Serialize};
use tantivy::{IndexWriter, TantivyDocument, Term};
use uuid::Uuid;

use crate::{
    document::{self, ActorNames},
    SearchError, SearchIndex,
};

/// Changes read per query.
const BATCH: i64 = 500;

/// Where the index stands, kept in the payload of each commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Mark {
    /// The id of the database the index was built from (`Store::database_id`).
    pub database: String,
    /// Every change below this horizon has been applied.
    pub horizon: i64,
    /// The latest change applied, which the database must still hold: one restored from an
    /// older backup, or another database, does not.
    pub last: Option<Change>,
}

/// Changes applied at or past the horizon, by sequence number, with their transaction: while a
/// long transaction keeps the horizon back, the changes committed after it are read again each
/// round and need not be applied again. They are forgotten once the horizon passes them.
#[derive(Debug, Default)]
pub(crate) struct Applied(Mutex<BTreeMap<i64, i64>>);

/// Records read per query while rebuilding.
const PAGE: i64 = 1000;

impl SearchIndex {
    /// Replaces the whole index with documents made from every record in the store, a page at a
    /// time so that memory stays flat however many records there are. Run it before following the
    /// change log (as `gfce serve` and `gfce reindex` do), not beside it.
    pub async fn rebuild(&self, store: &Store) -> Result<usize, SearchError> {
        // Read the horizon first: a change made while the records are read is then applied
        // again by the next catch-up rather than missed.
        let mark = Mark { database: store.database_id().await?, horizon: store.change_horizon().await?, last: None };
        let latest = store.latest_change().await?;
        let mut names = ActorNames::new();
        let mut docs = Vec::new();
        let mut last = String::new();
        while let Some(page) = Some(store.actors_after(last.clone(), PAGE).await?).filter(|p| !p.is_empty()) {
            last = page[page.len() - 1].record.slug.to_string();
            for a in page {
                docs.push(document::actor(self.fields, &a.record));
                names.insert(a.record.slug.clone(), a.record.name);
            }
        }
        self.writer().delete_all_documents()?;
        self.add(docs)?;
        let mut count = 0;
        let mut landscape = overlap::Landscape::new();
        let mut last = String::new();
        while let Some(page) = Some(store.projects_after(last.clone(), PAGE).await?).filter(|p| !p.is_empty()) {
            last = page[page.len() - 1].record.slug.to_string();
            count += page.len();
            page.iter().for_each(|p| landscape.insert(&p.record));
            self.add(page.iter().map(|p| document::project(self.fields, &p.record, &names)).collect())?;
        }
        self.landscape.replace(landscape);
        let mut last = String::new();
        while let Some(page) = Some(store.resources_after(last.clone(), PAGE).await?).filter(|p| !p.is_empty()) {
            last = page[page.len() - 1].record.slug.to_string();
            count += page.len();
            self.add(page.iter().map(|r| document::resource(self.fields, &r.record, &names)).collect())?;
        }
        let mut last = String::new();
        while let Some(page) = Some(store.events_after(last.clone(), PAGE).await?).filter(|p| !p.is_empty()) {
            last = page[page.len() - 1].record.slug.to_string();
            count += page.len();
            self.add(page.iter().map(|e| document::event(self.fields, &e.record, &names)).collect())?;
        }
        count += names.len();
        let horizon = mark.horizon;
        self.commit(&mut self.writer(), &Mark { last: latest, ..mark })?;
        self.applied.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
        self.changed();
        tracing::info!(documents = count, horizon, "search index rebuilt");
        Ok(count)
    }

    /// Whether the index follows this store's database and has seen nothing it no longer holds.
    /// One that does not (built from another database, or from this one before it was restored
    /// from an older backup) must be rebuilt: catching up would keep records that are gone.
    pub async fn follows(&self, store: &Store) -> Result<bool, SearchError> {
        let Some(mark) = self.mark() else { return Ok(false) };
        if mark.database != store.database_id().await? || mark.horizon > store.change_horizon().await? {
            return Ok(false);
        }
        Ok(match &mark.last {
            Some(change) => store.holds_change(change).await?,
            None => true,
        })
    }

    /// How many changes the index has yet to apply.
    pub async fn behind(&self, store: &Store) -> Result<i64, SearchError> {
        let horizon = self.mark().map_or(0, |m| m.horizon);
        Ok(store.changes_pending(horizon).await?)
    }

    /// Applies every change from the index's horizon on; returns how many were applied.
    pub async fn catch_up(&self, store: &Store) -> Result<usize, SearchError> {
        let Some(mark) = self.mark() else { return Ok(0) };
        // The horizon is read before the changes, so that every change below it is visible to
        // the reads that follow.
        let horizon = store.change_horizon().await?;
        let mut last = mark.last.clone();
        let mut applied = 0;
        let mut after: Option<Change> = None;
        loop {
            let changes = store.changes_from(mark.horizon, after.as_ref(), BATCH).await?;
            let Some(tail) = changes.last().cloned() else { break };
            let fresh: Vec<&Change> = {
                let done = self.applied.0.lock().unwrap_or_else(|e| e.into_inner());
                changes.iter().filter(|c| !done.contains_key(&c.seq)).collect()
            };
            if !fresh.is_empty() {
                let docs = self.documents_for(store, &fresh).await?;
                let mut writer = self.writer();
                for change in &fresh {
                    writer.delete_term(Term::from_field_text(
                        self.fields.key,
                        &document::key(&change.entity, &change.entity_id),
                    ));
                }
                for doc in docs {
                    writer.add_document(doc)?;
                }
                if let Some(newest) = fresh.iter().max_by_key(|c| c.seq) {
                    if last.as_ref().is_none_or(|l| newest.seq > l.seq) {
                        last = Some((*newest).clone());
                    }
                }
                // Until the round is over, the mark keeps the old horizon: a round cut short
                // starts again from there.
                self.commit(&mut writer, &Mark { last: last.clone(), ..mark.clone() })?;
                self.applied.0.lock().unwrap_or_else(|e| e.into_inner()).extend(fresh.iter().map(|c| (c.seq, c.tx)));
                self.changed();
                applied += fresh.len();
            }
            let full = changes.len() as i64 == BATCH;
            after = Some(tail);
            if !full {
                break;
            }
        }
        if horizon != mark.horizon {
            self.commit(&mut self.writer(), &Mark { horizon, last, ..mark })?;
            self.applied.0.lock().unwrap_or_else(|e| e.into_inner()).retain(|_, tx| *tx >= horizon);
        }
        Ok(applied)
    }

    /// The documents a batch of changes leads to: each changed record as it is now. Records that
    /// are gone (or not searchable, such as country facts) give none.
    async fn documents_for(&self, store: &Store, changes: &[&Change]) -> Result<Vec<TantivyDocument>, SearchError> {
        let ids = |entity: &str| -> Vec<Uuid> {
            let mut ids: Vec<Uuid> = changes
                .iter()
                .filter(|c| c.entity == entity)
                .filter_map(|c| Uuid::parse_str(&c.entity_id).ok())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let actors = store.actors_by_ids(&ids("actor")).await?;
        let project_ids = ids("project");
        let projects = store.projects_by_ids(&project_ids).await?;
        let gone: Vec<Uuid> =
            project_ids.iter().filter(|id| !projects.iter().any(|p| p.record.id == **id)).copied().collect();
        self.landscape.apply(&projects.iter().map(|p| &p.record).collect::<Vec<_>>(), &gone);
        let resources = store.resources_by_ids(&ids("resource")).await?;
        let events = store.events_by_ids(&ids("event")).await?;

        let mut wanted: Vec<&Slug> =
            projects.iter().flat_map(|p| p.record.participants.iter().map(|c| &c.actor)).collect();
        wanted.extend(resources.iter().flat_map(|r| r.record.contributors.iter().map(|c| &c.actor)));
        wanted.extend(events.iter().flat_map(|e| e.record.organisers.iter()));
        wanted.sort_unstable();
        wanted.dedup();
        let names: ActorNames = store.actors_by_slugs(&wanted).await?.into_iter().map(|(s, a)| (s, a.name)).collect();

        let mut docs: Vec<TantivyDocument> = actors.iter().map(|a| document::actor(self.fields, &a.record)).collect();
        docs.extend(projects.iter().map(|p| document::project(self.fields, &p.record, &names)));
        docs.extend(resources.iter().map(|r| document::resource(self.fields, &r.record, &names)));
        docs.extend(events.iter().map(|e| document::event(self.fields, &e.record, &names)));
        Ok(docs)
    }

    /// Adds documents under the writer's lock, taken only for as long as that takes.
    fn add(&self, docs: Vec<TantivyDocument>) -> Result<(), SearchError> {
        let writer = self.writer();
        for doc in docs {
            writer.add_document(doc)?;
        }
        Ok(())
    }

    fn writer(&self) -> std::sync::MutexGuard<'_, IndexWriter> {
        self.writer.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Where the last commit left the index; `None` for a new index, or one whose payload is
    /// not a mark (written by an earlier version).
    pub(crate) fn mark(&self) -> Option<Mark> {
        self.index.load_metas().ok()?.payload.and_then(|p| serde_json::from_str(&p).ok())
    }

    /// Commits with the mark as payload and makes the commit visible to searches.
    fn commit(&self, writer: &mut IndexWriter, mark: &Mark) -> Result<(), SearchError> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&serde_json::to_string(mark).expect("a mark always serializes"));
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }
}

/// Keeps the index current by catching up on the change log every `every`, until the task is
/// aborted. Failures (the database briefly away) are logged and retried on the next round.
pub fn spawn_follower(index: Arc<SearchIndex>, store: Store, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            if !index.overlaps_loaded() {
                if let Err(e) = index.load_overlaps(&store).await {
                    tracing::warn!(error = %e, "project profiles could not be loaded for overlaps");
                }
            }
            match index.catch_up(&store).await {
                Ok(0) => {}
                Ok(n) => tracing::debug!(changes = n, "search index caught up"),
                Err(e) => tracing::warn!(error = %e, "search index could not catch up"),
            }
        }
    })
}
