//! What every handler shares, and the limits that protect the server.

use std::{collections::HashMap, sync::Arc, time::Duration};

use gfce_core::{overlap, Project};
use gfce_search::{SearchIndex, SearchRequest, SearchResults};
use gfce_store::Store;
use metrics_exporter_prometheus::PrometheusHandle;

use super::{ops::metrics_handle, rate::Rate, I18n, WebError};

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub search: Arc<SearchIndex>,
    pub i18n: Arc<I18n>,
    pub metrics: PrometheusHandle,
    /// Where the site is reached from outside (`https://hub.example.org`), without a trailing
    /// slash: feeds and mail need absolute links, and the request's own Host header is not to be
    /// trusted.
    pub public_url: String,
    /// Whether a queued message's text is also written to the log: when no SMTP server is
    /// configured, the log and the outbox page are the only ways to read it.
    pub log_mail_bodies: bool,
    /// Answers kept for readers who are not signed in.
    pub pages: Arc<super::page_cache::PageCache>,
}

impl AppState {
    pub fn new(store: Store, search: Arc<SearchIndex>, public_url: &str) -> Self {
        AppState {
            store,
            search,
            i18n: Arc::new(I18n::new()),
            metrics: metrics_handle(),
            public_url: public_url.trim_end_matches('/').to_owned(),
            log_mail_bodies: false,
            pages: Arc::default(),
        }
    }

    /// Whether the site is reached over https, which decides `Secure` cookies and HSTS.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// Runs a search on a blocking thread: it reads index files, which must not hold up the
    /// threads that serve connections.
    pub async fn find(&self, request: SearchRequest) -> Result<SearchResults, WebError> {
        let index = self.search.clone();
        let results = tokio::task::spawn_blocking(move || index.search(&request))
            .await
            .map_err(|e| WebError::Search(e.into()))??;
        Ok(results)
    }
}

/// How many possibly overlapping projects a project shows, out of how many candidates.
const OVERLAPS_SHOWN: usize = 5;
const OVERLAP_CANDIDATES: usize = 500;

impl AppState {
    /// The projects that possibly duplicate the effort of `project`, the most alike first. The
    /// profiles the search index keeps answer; until it has loaded them, or for a project it has
    /// not seen yet, the store picks the candidates and core scores them by the same rule.
    pub async fn overlaps(&self, project: &Project) -> Result<Vec<(Project, overlap::Overlap)>, WebError> {
        if let Some(found) = self.search.overlaps(project.id, OVERLAP_CANDIDATES, OVERLAPS_SHOWN) {
            let ids: Vec<_> = found.iter().map(|o| o.id).collect();
            let mut by_id: HashMap<_, Project> =
                self.store.projects_by_ids(&ids).await?.into_iter().map(|d| (d.record.id, d.record)).collect();
            return Ok(found.into_iter().filter_map(|o| by_id.remove(&o.id).map(|p| (p, o))).collect());
        }
        let candidates = self.store.overlap_candidates(project, OVERLAP_CANDIDATES as u32).await?;
        let profiles: Vec<overlap::Profile> = candidates.iter().map(overlap::Profile::of).collect();
        let found = overlap::find(&overlap::Profile::of(project), &profiles, OVERLAPS_SHOWN);
        let mut by_id: HashMap<_, Project> = candidates.into_iter().map(|p| (p.id, p)).collect();
        Ok(found.into_iter().filter_map(|o| by_id.remove(&o.id).map(|p| (p, o))).collect())
    }
}

/// Limits that protect the server from slow, oversized or too many requests.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub request_timeout: Duration,
    pub body_bytes: usize,
    /// Searches (API and page) per client address.
    pub search: Rate,
    /// Requests that change state (every method but GET and HEAD) per client address.
    pub writes: Rate,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            request_timeout: Duration::from_secs(30),
            body_bytes: 1024 * 1024,
            search: Rate::per_minute(600),
            writes: Rate::per_minute(120),
        }
    }
}
