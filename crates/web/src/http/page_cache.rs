//! Answers kept for people who are not signed in: the same page, list or API item is served
//! from memory until the records change, at the cost of a static file.
//!
//! Only what is the same for every anonymous reader is kept: a `GET` without cookies or
//! credentials, answered 200 with a body of known, bounded size, neither private nor setting a
//! cookie; searches are left to their own rate limit and the index. Everything kept is dropped
//! as soon as this process commits a write or the search index applies a change from the change
//! log (which also brings other processes' writes, within the index's follow interval). The
//! headers added around the handlers (security headers, request id) are added to each answer
//! anew; only what the handler produced is kept.

use std::{
    num::NonZeroUsize,
    sync::{Arc, Mutex, PoisonError},
};

use axum::{
    body::{to_bytes, Body, HttpBody},
    extract::{Request, State},
    http::{header, HeaderMap, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use lru::LruCache;

use super::{AppState, WebError};

/// The largest answer kept: a page or an API list, not an export.
const BODY_MAX: u64 = 512 * 1024;
/// The bytes of bodies kept at once; the least recently served go first.
const BYTES_MAX: usize = 32 * 1024 * 1024;
/// Answers kept at once, whatever their size.
const ENTRIES_MAX: usize = 8192;

/// The kept answers and the state of the data they were made from.
#[derive(Debug)]
pub struct PageCache(Mutex<Kept>);

#[derive(Debug)]
struct Kept {
    at: (u64, u64),
    answers: LruCache<String, Arc<Answer>>,
    bytes: usize,
}

#[derive(Debug)]
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: axum::body::Bytes,
}

impl Default for PageCache {
    fn default() -> Self {
        let entries = NonZeroUsize::new(ENTRIES_MAX).expect("a positive bound");
        PageCache(Mutex::new(Kept { at: (0, 0), answers: LruCache::new(entries), bytes: 0 }))
    }
}

impl PageCache {
    fn get(&self, at: (u64, u64), key: &str) -> Option<Arc<Answer>> {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if kept.at != at {
            kept.answers.clear();
            kept.bytes = 0;
            kept.at = at;
            return None;
        }
        kept.answers.get(key).cloned()
    }

    fn put(&self, at: (u64, u64), key: String, answer: Answer) {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        // Made from data that has changed since: not kept.
        if kept.at != at {
            return;
        }
        kept.bytes += answer.body.len();
        if let Some((_, old)) = kept.answers.push(key, Arc::new(answer)) {
            kept.bytes -= old.body.len();
        }
        while kept.bytes > BYTES_MAX {
            let Some((_, old)) = kept.answers.pop_lru() else { break };
            kept.bytes -= old.body.len();
        }
    }
}

/// Whether the request is one whose answer is the same for every anonymous reader.
fn keepable(req: &Request) -> bool {
    let path = req.uri().path();
    let public =
        ["/en/", "/vi/", "/api/v1/", "/feeds/"].iter().any(|p| path.starts_with(p)) || matches!(path, "/en" | "/vi");
    req.method() == Method::GET
        && public
        && !path.contains("/search")
        && !req.headers().contains_key(header::COOKIE)
        && !req.headers().contains_key(header::AUTHORIZATION)
}

/// Whether the answer may be kept and served to others.
fn shareable(res: &Response) -> bool {
    let private = res
        .headers()
        .get_all(header::CACHE_CONTROL)
        .iter()
        .any(|v| v.to_str().map_or(true, |v| v.contains("private") || v.contains("no-store")));
    res.status() == StatusCode::OK
        && !private
        && !res.headers().contains_key(header::SET_COOKIE)
        && res.body().size_hint().exact().is_some_and(|n| n <= BODY_MAX)
}

/// The middleware: serves a kept answer, or keeps the one the handlers give.
pub async fn serve(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !keepable(&req) {
        return next.run(req).await;
    }
    let key = req.uri().to_string();
    let at = (state.store.writes(), state.search.generation());
    if let Some(answer) = state.pages.get(at, &key) {
        let mut res = Response::new(Body::from(answer.body.clone()));
        *res.status_mut() = answer.status;
        *res.headers_mut() = answer.headers.clone();
        return res;
    }
    let res = next.run(req).await;
    if !shareable(&res) {
        return res;
    }
    let (parts, body) = res.into_parts();
    let bytes = match to_bytes(body, BODY_MAX as usize).await {
        Ok(bytes) => bytes,
        Err(e) => return WebError::Fault(format!("reading an answer to keep: {e}")).into_response(),
    };
    state.pages.put(at, key, Answer { status: parts.status, headers: parts.headers.clone(), body: bytes.clone() });
    Response::from_parts(parts, Body::from(bytes))
}
