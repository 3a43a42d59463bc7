//! Conditional requests (RFC 9110 §13): an entity tag on every answer a cache may keep, and
//! `304 Not Modified` without a body to a client that already holds it.
//!
//! - An answer to GET or HEAD with status 200 gets an `ETag` made from a digest of its body, unless
//!   it may not be kept (`Cache-Control: no-store`, as answers that depend on who asks are, or an
//!   answer that sets a cookie), its body is streamed (no known length: nothing is held in
//!   memory for it) or longer than [`MAX_TAGGED_BYTES`].
//! - The tag is weak (`W/"…"`). It is computed here, on the body before the compression layer
//!   outside encodes it, so the identity, gzip and brotli bytes share it. A strong tag promises
//!   the same bytes, which those three are not; a weak one promises the same meaning, which they
//!   have. `If-None-Match` is compared weakly anyway, so every variant revalidates, and nothing
//!   here serves ranges, the one use that needs a strong tag.
//! - `If-None-Match` (a list of tags, or `*`) is answered first; without it, `If-Modified-Since`
//!   is compared with the `Last-Modified` a handler set ([`Modified`]), to the second.
//! - A HEAD request is answered as the GET would be, body left out, so that it carries the same
//!   tag; the router only sees a GET (the metrics still count a HEAD, by [`AskedWithHead`]).

use std::time::SystemTime;

use axum::{
    body::{Body, HttpBody},
    extract::Request,
    http::{header, response::Parts, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use gfce_core::Timestamp;
use sha2::{Digest, Sha256};

use super::compress;

/// The longest body tagged: a digest of more would cost more time than revalidation saves.
pub const MAX_TAGGED_BYTES: u64 = 4 * 1024 * 1024;

/// Set on a HEAD request that the layers inside see as a GET, for those that count methods.
#[derive(Debug, Clone, Copy)]
pub struct AskedWithHead;

/// An answer with the time its content last changed, sent as `Last-Modified` for
/// `If-Modified-Since`. It is also `Cache-Control: no-cache` (unless it says otherwise): from
/// `Last-Modified` alone a cache may guess how long the answer stays fresh (a tenth of its age,
/// RFC 9111 §4.2.2) and serve an old record meanwhile; `no-cache` keeps caches asking first, as
/// they do for answers without it.
pub struct Modified<T> {
    pub at: Timestamp,
    pub answer: T,
}

impl<T: IntoResponse> IntoResponse for Modified<T> {
    fn into_response(self) -> Response {
        let mut response = self.answer.into_response();
        let headers = response.headers_mut();
        if let Ok(date) = HeaderValue::from_str(&httpdate::fmt_http_date(SystemTime::from(self.at.datetime()))) {
            headers.insert(header::LAST_MODIFIED, date);
        }
        if !headers.contains_key(header::CACHE_CONTROL) {
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        }
        response
    }
}

/// What a request asks to be told only if it changed.
struct Preconditions {
    /// The tags of `If-None-Match`, all its fields together.
    none_match: Option<String>,
    if_modified_since: Option<SystemTime>,
}

impl Preconditions {
    fn of(headers: &HeaderMap) -> Self {
        let fields: Vec<&str> = headers.get_all(header::IF_NONE_MATCH).iter().filter_map(|v| v.to_str().ok()).collect();
        let none_match = headers.contains_key(header::IF_NONE_MATCH).then(|| fields.join(","));
        // A field that is not one valid date is ignored, as RFC 9110 asks.
        let mut since = headers.get_all(header::IF_MODIFIED_SINCE).iter();
        let if_modified_since = match (since.next(), since.next()) {
            (Some(one), None) => one.to_str().ok().and_then(|d| httpdate::parse_http_date(d).ok()),
            _ => None,
        };
        Preconditions { none_match, if_modified_since }
    }

    /// Whether the client's copy, if it holds the answer tagged `tag` and last modified at
    /// `last_modified`, is current. `If-Modified-Since` counts only without `If-None-Match`.
    fn unchanged(&self, tag: &str, last_modified: Option<SystemTime>) -> bool {
        match (&self.none_match, self.if_modified_since, last_modified) {
            (Some(tags), _, _) => matches_any(tags, tag),
            (None, Some(since), Some(modified)) => modified <= since,
            _ => false,
        }
    }
}

/// The opaque part of an entity tag, `"…"`, without a weak mark.
fn opaque(tag: &str) -> &str {
    tag.strip_prefix("W/").unwrap_or(tag)
}

/// Whether an `If-None-Match` value is `*` or holds `tag`, compared weakly (only the opaque
/// parts). Tags may themselves hold commas, so the list is read tag by tag; reading stops at the
/// first malformed one.
fn matches_any(field: &str, tag: &str) -> bool {
    if field.trim() == "*" {
        return true;
    }
    let ours = opaque(tag);
    let mut rest = field;
    loop {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        if rest.is_empty() {
            return false;
        }
        let candidate = rest.strip_prefix("W/").unwrap_or(rest);
        let Some(inner) = candidate.strip_prefix('"') else { return false };
        let Some(end) = inner.find('"') else { return false };
        if candidate[..end + 2] == *ours {
            return true;
        }
        rest = &inner[end + 1..];
    }
}

/// The weak tag of a body: the first 128 bits of its SHA-256, in hex.
fn tag_of(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("W/\"{hex}\"")
}

/// Whether an answer may carry a tag: a 200 that caches may keep.
fn taggable(parts: &Parts) -> bool {
    let headers = &parts.headers;
    parts.status == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && !headers
            .get_all(header::CACHE_CONTROL)
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v.split(',').any(|d| d.trim().eq_ignore_ascii_case("no-store"))))
}

fn last_modified(headers: &HeaderMap) -> Option<SystemTime> {
    headers.get(header::LAST_MODIFIED).and_then(|v| v.to_str().ok()).and_then(|d| httpdate::parse_http_date(d).ok())
}

/// The answer without its body, as HEAD and 304 are sent: it still says what the full answer
/// would vary by, including the encoding the compression layer would have chosen.
fn without_body(mut parts: Parts, len: Option<u64>) -> Response {
    if len.is_some_and(|len| compress::compressible(&parts.headers, &parts.extensions, len)) {
        parts.headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if parts.status == StatusCode::NOT_MODIFIED {
        // A 304 describes no body: the client keeps the one it has, with its type and length.
        for name in [header::CONTENT_TYPE, header::CONTENT_LENGTH, header::CONTENT_ENCODING, header::CONTENT_LANGUAGE] {
            parts.headers.remove(name);
        }
    } else if let Some(len) = len {
        parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    }
    Response::from_parts(parts, Body::empty())
}

/// The middleware: tags what may be tagged, and answers 304 to a client whose copy is current.
pub async fn answer(mut request: Request, next: Next) -> Response {
    let head = match *request.method() {
        Method::GET => false,
        Method::HEAD => true,
        _ => return next.run(request).await,
    };
    let preconditions = Preconditions::of(request.headers());
    if head {
        *request.method_mut() = Method::GET;
        request.extensions_mut().insert(AskedWithHead);
    }
    let (mut parts, body) = next.run(request).await.into_parts();
    let len = body.size_hint().exact();
    if !taggable(&parts) || len.is_none_or(|len| len > MAX_TAGGED_BYTES) {
        return if head { without_body(parts, len) } else { Response::from_parts(parts, body) };
    }
    let bytes = match axum::body::to_bytes(body, MAX_TAGGED_BYTES as usize).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::error!(error = %e, "reading an answer's body to tag it");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let tag = tag_of(&bytes);
    parts.headers.insert(header::ETAG, HeaderValue::from_str(&tag).expect("hex digits in quotes"));
    let len = Some(bytes.len() as u64);
    if preconditions.unchanged(&tag, last_modified(&parts.headers)) {
        parts.status = StatusCode::NOT_MODIFIED;
        return without_body(parts, len);
    }
    if head {
        return without_body(parts, len);
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    /// Seconds since the epoch, the resolution of HTTP dates.
    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    const TAG: &str = "W/\"0123abcd\"";

    #[test]
    fn if_none_match_is_read_tag_by_tag_and_compared_weakly() {
        for holds in [
            "W/\"0123abcd\"",
            "\"0123abcd\"",
            "\"other\", W/\"0123abcd\"",
            "\"a,b\",\"0123abcd\"",
            " ,\t\"x\" ,W/\"0123abcd\"",
            "*",
            " * ",
        ] {
            assert!(matches_any(holds, TAG), "{holds}");
        }
        for lacks in
            ["", "\"0123abcde\"", "W/\"0123abc\"", "0123abcd", "\"0123abcd", "W/ \"0123abcd\"", "*x", "\"x\", *"]
        {
            assert!(!matches_any(lacks, TAG), "{lacks}");
        }
    }

    #[test]
    fn if_modified_since_counts_only_without_if_none_match() {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_MODIFIED_SINCE, HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"));
        let since = at(784111777);
        let only_date = Preconditions::of(&headers);
        assert!(only_date.unchanged(TAG, Some(since)));
        assert!(only_date.unchanged(TAG, Some(since - Duration::from_secs(1))));
        assert!(!only_date.unchanged(TAG, Some(since + Duration::from_secs(1))));
        assert!(!only_date.unchanged(TAG, None), "no date to compare with");

        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"other\""));
        assert!(!Preconditions::of(&headers).unchanged(TAG, Some(since)), "the tag decides");

        let mut obsolete = HeaderMap::new();
        obsolete.insert(header::IF_MODIFIED_SINCE, HeaderValue::from_static("Sunday, 06-Nov-94 08:49:37 GMT"));
        assert!(Preconditions::of(&obsolete).unchanged(TAG, Some(since)), "RFC 850 dates are read too");
        let mut bad = HeaderMap::new();
        bad.insert(header::IF_MODIFIED_SINCE, HeaderValue::from_static("yesterday"));
        assert!(!Preconditions::of(&bad).unchanged(TAG, Some(since)));
        bad.insert(header::IF_MODIFIED_SINCE, HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"));
        bad.append(header::IF_MODIFIED_SINCE, HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"));
        assert!(!Preconditions::of(&bad).unchanged(TAG, Some(since)), "two dates are not one");
    }

    #[test]
    fn tags_are_weak_and_follow_the_body() {
        let tag = tag_of(b"<html>one</html>");
        assert!(tag.starts_with("W/\"") && tag.ends_with('"') && tag.len() == 36, "{tag}");
        assert_eq!(tag, tag_of(b"<html>one</html>"));
        assert_ne!(tag, tag_of(b"<html>two</html>"));
    }
}
