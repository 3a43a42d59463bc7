//! Keeping the index in step with the database: full rebuilds, and catching up on the change log.

use std::{collections::BTreeSet, sync::Arc, time::Duration};

use gfce_core::Slug;
use gfce_store::{Change, Store};
use tantivy::{IndexWriter, TantivyDocument, Term};
use uuid::Uuid;

use crate::{
    document::{self, ActorNames},
    SearchError, SearchIndex,
};

/// How far back each catch-up looks again. On PostgreSQL a change's sequence number is taken
/// when its transaction writes, not when it commits, so a later number can become visible before
/// an earlier one; re-reading a window (and skipping what was already applied) catches those.
const WINDOW: i64 = 1000;
const BATCH: i64 = 500;

/// Applied sequence numbers within the window; the first catch-up after start re-applies the
/// window, which is harmless since applying a change is idempotent.
#[derive(Debug, Default)]
pub(crate) struct Recent(std::sync::Mutex<BTreeSet<i64>>);

/// Records read per query while rebuilding.
const PAGE: i64 = 1000;

impl SearchIndex {
    /// Replaces the whole index with documents made from every record in the store, a page at a
    /// time so that memory stays flat however many records there are. Run it before following the
    /// change log (as `gfce serve` and `gfce reindex` do), not beside it.
    pub async fn rebuild(&self, store: &Store) -> Result<usize, SearchError> {
        // Read the position first: a change made while the records are read is then applied
        // again by the next catch-up rather than missed.
        let head = store.change_log_position().await?;
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
        let mut last = String::new();
        while let Some(page) = Some(store.projects_after(last.clone(), PAGE).await?).filter(|p| !p.is_empty()) {
            last = page[page.len() - 1].record.slug.to_string();
            count += page.len();
            self.add(page.iter().map(|p| document::project(self.fields, &p.record, &names)).collect())?;
        }
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
        self.commit(&mut self.writer(), head)?;
        self.recent.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
        tracing::info!(documents = count, position = head, "search index rebuilt");
        Ok(count)
    }

    /// Applies the changes logged since the index's position; returns how many were applied.
    pub async fn catch_up(&self, store: &Store) -> Result<usize, SearchError> {
        let mut applied = 0;
        let mut after = (self.position() - WINDOW).max(0);
        loop {
            let changes = store.changes_since(after, BATCH).await?;
            let Some(last) = changes.last().map(|c| c.seq) else { break };
            let fresh: Vec<&Change> = {
                let recent = self.recent.0.lock().unwrap_or_else(|e| e.into_inner());
                changes.iter().filter(|c| !recent.contains(&c.seq)).collect()
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
                let position = self.position().max(last);
                self.commit(&mut writer, position)?;
                let mut recent = self.recent.0.lock().unwrap_or_else(|e| e.into_inner());
                recent.extend(fresh.iter().map(|c| c.seq));
                let floor = position - WINDOW;
                recent.retain(|seq| *seq > floor);
                applied += fresh.len();
            }
            after = last;
            if (changes.len() as i64) < BATCH {
                break;
            }
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
        let projects = store.projects_by_ids(&ids("project")).await?;
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

    /// Commits with the change-log position as payload and makes the commit visible to searches.
    fn commit(&self, writer: &mut IndexWriter, position: i64) -> Result<(), SearchError> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&position.to_string());
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
            match index.catch_up(&store).await {
                Ok(0) => {}
                Ok(n) => tracing::debug!(changes = n, "search index caught up"),
                Err(e) => tracing::warn!(error = %e, "search index could not catch up"),
            }
        }
    })
}
