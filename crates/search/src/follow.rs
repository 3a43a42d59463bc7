//! Keeping the index in step with the database: full rebuilds, and catching up on the change log.

use std::{collections::BTreeSet, sync::Arc, time::Duration};

use gfce_core::{ContentType, Lang, PageRequest};
use gfce_store::{Change, MemberFilter, Store};
use tantivy::{IndexWriter, Term};
use uuid::Uuid;

use crate::{document, SearchError, SearchIndex};

/// How far back each catch-up looks again. On PostgreSQL a change's sequence number is taken
/// when its transaction writes, not when it commits, so a later number can become visible before
/// an earlier one; re-reading a window (and skipping what was already applied) catches those.
const WINDOW: i64 = 1000;
const BATCH: i64 = 500;

/// Applied sequence numbers within the window; the first catch-up after start re-applies the
/// window, which is harmless since applying a change is idempotent.
#[derive(Debug, Default)]
pub(crate) struct Recent(std::sync::Mutex<BTreeSet<i64>>);

impl SearchIndex {
    /// Replaces the whole index with documents made from every record in the store.
    pub async fn rebuild(&self, store: &Store) -> Result<usize, SearchError> {
        // Read the position first: a change made while the records are read is then applied
        // again by the next catch-up rather than missed.
        let head = store.change_log_position().await?;
        let mut docs = Vec::new();
        for page in 1.. {
            let members = store.list_members(&MemberFilter::default(), Lang::En, PageRequest::new(page, 500)).await?;
            docs.extend(members.items.iter().map(|m| document::member(self.fields, m)));
            if u64::from(page) >= members.page_count() {
                break;
            }
        }
        for page in 1.. {
            let events = store.list_events(None, PageRequest::new(page, 500)).await?;
            docs.extend(events.items.iter().map(|e| document::event(self.fields, e)));
            if u64::from(page) >= events.page_count() {
                break;
            }
        }
        let count = docs.len();
        let mut writer = self.writer();
        writer.delete_all_documents()?;
        for doc in docs {
            writer.add_document(doc)?;
        }
        self.commit(&mut writer, head)?;
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
                let mut docs = Vec::with_capacity(fresh.len());
                for change in &fresh {
                    docs.push((change, self.document_for(store, change).await?));
                }
                let mut writer = self.writer();
                for (change, doc) in docs {
                    let Some(kind) = content_type(&change.entity) else { continue };
                    writer.delete_term(Term::from_field_text(self.fields.key, &document::key(kind, &change.entity_id)));
                    if let Some(doc) = doc {
                        writer.add_document(doc)?;
                    }
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

    /// The document a change leads to: the record as it is now, or `None` if it is gone (or
    /// not searchable).
    async fn document_for(
        &self,
        store: &Store,
        change: &Change,
    ) -> Result<Option<tantivy::TantivyDocument>, SearchError> {
        let Ok(id) = Uuid::parse_str(&change.entity_id) else { return Ok(None) };
        Ok(match content_type(&change.entity) {
            Some(ContentType::Member) => store.member_by_id(&id).await?.map(|m| document::member(self.fields, &m)),
            Some(ContentType::Event) => store.event_by_id(&id).await?.map(|e| document::event(self.fields, &e)),
            None => None,
        })
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

fn content_type(entity: &str) -> Option<ContentType> {
    entity.parse().ok()
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
