//! Possible overlaps between projects, answered from memory: every project's profile is kept in
//! an [`overlap::Landscape`] beside the index and follows the change log with it, so a project
//! page finds its overlaps among the projects of its places without reading hundreds of
//! candidates from the database on every view.

use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use gfce_core::{overlap, Project};
use gfce_store::Store;
use uuid::Uuid;

use crate::{SearchError, SearchIndex};

/// Projects read per query while loading.
const PAGE: i64 = 1000;

/// The landscape, once loaded; `None` until then.
#[derive(Debug, Default)]
pub(crate) struct Kept(RwLock<Option<overlap::Landscape>>);

impl Kept {
    fn read(&self) -> RwLockReadGuard<'_, Option<overlap::Landscape>> {
        self.0.read().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn replace(&self, landscape: overlap::Landscape) {
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = Some(landscape);
    }

    /// Keeps the projects as they are now and forgets those of `gone`; nothing before the
    /// landscape is loaded, since loading reads them as they are then.
    pub(crate) fn apply(&self, projects: &[&Project], gone: &[Uuid]) {
        if let Some(landscape) = self.0.write().unwrap_or_else(PoisonError::into_inner).as_mut() {
            gone.iter().for_each(|id| landscape.remove(*id));
            projects.iter().for_each(|p| landscape.insert(p));
        }
    }
}

impl SearchIndex {
    /// The projects that possibly overlap the one with this id, best first and at most `limit`,
    /// judged among its first `window` candidates by [`overlap::find`]. `None` until every project
    /// has been loaded, and for a project not yet seen: the caller then asks the store.
    pub fn overlaps(&self, id: Uuid, window: usize, limit: usize) -> Option<Vec<overlap::Overlap>> {
        self.landscape.read().as_ref()?.overlaps(id, window, limit)
    }

    /// Whether the projects' profiles are loaded.
    pub fn overlaps_loaded(&self) -> bool {
        self.landscape.read().is_some()
    }

    /// Reads every project's profile from the store, a page at a time. A rebuild does it on its
    /// way; an index that only catches up loads it once, before its first round.
    pub async fn load_overlaps(&self, store: &Store) -> Result<usize, SearchError> {
        let mut landscape = overlap::Landscape::new();
        let mut last = String::new();
        while let Some(page) = Some(store.projects_after(last.clone(), PAGE).await?).filter(|p| !p.is_empty()) {
            last = page[page.len() - 1].record.slug.to_string();
            page.iter().for_each(|p| landscape.insert(&p.record));
        }
        let count = landscape.len();
        self.landscape.replace(landscape);
        tracing::info!(projects = count, "project profiles loaded for overlaps");
        Ok(count)
    }
}
