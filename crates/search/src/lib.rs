//! Search for GFCE Hub: one tantivy index over every searchable record, in Vietnamese and English
//! and the other languages texts are kept in (titles and bodies in those share a field of each).
//!
//! - The analyzer folds case and diacritics (Vietnamese included, đ/Đ → d) and stems English, so a
//!   query typed without accents finds the accented text and the reverse.
//! - Queries are built from the analyzed words, never parsed as a query language, so no input can
//!   be a syntax error. Every word must match (in any field); titles weigh more than bodies; longer
//!   words also match with one or two typos.
//! - Facets (type, theme, region, country, status, year) are counted over the matching records
//!   and double as filters.
//! - The index is derived data: [`SearchIndex::rebuild`] makes it again from the store, and
//!   [`SearchIndex::catch_up`] applies the store's change log since the last commit, whose mark
//!   (the database followed, its horizon, the latest change applied) is kept in the index's
//!   commit payload; [`SearchIndex::follows`] tells whether an index still belongs to a store.
//!
//! Where to start reading: [`SearchIndex`] (open, rebuild, catch up, search) and
//! [`spawn_follower`]; then `schema.rs` and `document.rs` for what a record becomes in the index,
//! `query.rs` for how a request becomes a query, and `facets.rs` for the counting.

mod document;
mod facets;
mod follow;
mod overlaps;
mod query;
mod schema;

use std::{
    path::Path,
    sync::{Arc, Mutex},
};

use gfce_core::{ContentType, CountryCode, LocalizedText, PageRequest, ProjectStatus, RegionCode, ThemeId};
use tantivy::{directory::MmapDirectory, Index, IndexReader, IndexWriter, ReloadPolicy};

pub use follow::spawn_follower;
use schema::Fields;

/// What can go wrong in the search layer. Queries themselves cannot fail on input.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index directory: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("reading the records to index: {0}")]
    Store(#[from] gfce_store::StoreError),
    #[error("the indexing task stopped: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// Narrows a search; every filter is also a facet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub content_type: Option<ContentType>,
    pub theme: Option<ThemeId>,
    pub region: Option<RegionCode>,
    pub country: Option<CountryCode>,
    pub status: Option<ProjectStatus>,
    pub year: Option<i32>,
}

/// A search: words (empty browses everything), filters and the page wanted.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub q: String,
    pub filters: Filters,
    pub page: PageRequest,
}

/// A found record.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub content_type: ContentType,
    pub slug: String,
    /// In every language it has; none for a document indexed without one.
    pub title: Option<LocalizedText>,
    pub snippet_en: Snippet,
    pub snippet_vi: Snippet,
    pub score: f32,
}

/// A passage of a record with the matched words marked: byte ranges into `text`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<std::ops::Range<usize>>,
}

/// One value of a facet and how many matching records have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// The counts of every facet over the matching records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub content_type: Vec<FacetCount>,
    pub theme: Vec<FacetCount>,
    pub region: Vec<FacetCount>,
    pub country: Vec<FacetCount>,
    pub status: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
}

#[derive(Debug, Clone)]
pub struct SearchResults {
    pub total: u64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// The index, its writer and a reader that sees the latest commit.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    applied: follow::Applied,
    facet_ords: Arc<facets::FacetOrds>,
    /// Every project's profile, for overlaps.
    landscape: overlaps::Kept,
    /// Bumped whenever the index applies changes.
    generation: std::sync::atomic::AtomicU64,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("mark", &self.mark()).finish()
    }
}

/// Memory for the writer's buffer: tantivy's minimum, ample for one record at a time.
const WRITER_MEMORY: usize = 15_000_000;

impl SearchIndex {
    /// Opens the index in `dir`, creating it if missing. An index written with another schema
    /// (an older version) is replaced by an empty one, which [`SearchIndex::catch_up`] then fills.
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        std::fs::create_dir_all(dir).map_err(|e| tantivy::TantivyError::IoError(std::sync::Arc::new(e)))?;
        let (schema, fields) = schema::build();
        let directory = MmapDirectory::open(dir)?;
        let index = match Index::open_or_create(directory, schema.clone()) {
            Ok(index) => index,
            Err(tantivy::TantivyError::SchemaError(reason)) => {
                tracing::warn!(%reason, "search index has another schema; starting it afresh");
                for entry in std::fs::read_dir(dir).map_err(|e| tantivy::TantivyError::IoError(e.into()))? {
                    let path = entry.map_err(|e| tantivy::TantivyError::IoError(e.into()))?.path();
                    let removed =
                        if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
                    removed.map_err(|e| tantivy::TantivyError::IoError(e.into()))?;
                }
                Index::create_in_dir(dir, schema)?
            }
            Err(other) => return Err(other.into()),
        };
        Self::with_index(index, fields)
    }

    /// An index in memory, for tests and tools.
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = schema::build();
        Self::with_index(Index::create_in_ram(schema), fields)
    }

    fn with_index(mut index: Index, fields: Fields) -> Result<Self, SearchError> {
        index.tokenizers().register(schema::ANALYZER, schema::analyzer());
        // A search visits the index's segments on one thread per core: a broad query on one
        // request otherwise waits for one core to count every segment's matches in turn.
        index.set_default_multithread_executor()?;
        let writer = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        let facet_ords = Arc::new(facets::FacetOrds::default());
        let warmer: Arc<dyn tantivy::Warmer> = facet_ords.clone();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .warmers(vec![Arc::downgrade(&warmer)])
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
            applied: follow::Applied::default(),
            facet_ords,
            landscape: overlaps::Kept::default(),
            generation: std::sync::atomic::AtomicU64::new(0),
        })
    }

    /// A number that changes whenever the index has applied changes to the records, its own
    /// process's or another's: what was read from the records before may be out of date.
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::Acquire)
    }

    fn changed(&self) {
        self.generation.fetch_add(1, std::sync::atomic::Ordering::Release);
    }

    /// Runs a search. Any query string is accepted.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        query::run(self, request)
    }
}

#[cfg(test)]
mod tests;
