//! Compression of answers: text (HTML, JSON, CSV, XML, Atom, CSS, SVG) is sent gzip- or
//! brotli-encoded when the client's `Accept-Encoding` allows, with `Vary: Accept-Encoding`.
//!
//! Left alone: answers under [`MIN_BYTES`], where the encoding's own overhead eats the gain;
//! formats that are compressed already or not text; and answers marked [`Uncompressed`].
//!
//! Compression and secrets (BREACH): an attacker who can watch the size of encrypted answers and
//! make a victim's browser send requests whose input the answer reflects can guess, byte by
//! byte, a secret the answer repeats unchanged. The one secret on every form, the CSRF token, is
//! therefore sent masked afresh in each answer (`access::csrf`). A page that shows other secrets
//! again and again (the mail outbox, with its unsent links) is marked [`Uncompressed`].

use axum::http::{header, Extensions, HeaderMap, StatusCode, Version};
use tower_http::compression::{
    predicate::{Predicate, SizeAbove},
    CompressionLayer,
};

/// Answers shorter than this are sent as they are.
pub const MIN_BYTES: u16 = 256;

/// Marks an answer never to be compressed, since it shows a secret that a compressed answer
/// would let be guessed (see the module's documentation).
#[derive(Debug, Clone, Copy)]
pub struct Uncompressed;

/// Whether an answer of this type is text that compresses well.
fn is_text(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    essence.starts_with("text/")
        || essence.ends_with("+json")
        || essence.ends_with("+xml")
        || matches!(essence.as_str(), "application/json" | "application/xml" | "application/javascript")
}

/// Whether an answer's kind allows compressing it, whatever its size.
fn compressible_kind(headers: &HeaderMap, extensions: &Extensions) -> bool {
    is_text(headers) && extensions.get::<Uncompressed>().is_none()
}

/// Whether an answer with these headers and a body of `len` bytes is one the compression layer
/// encodes, and so one that varies by `Accept-Encoding`: for answers that carry no body of their
/// own (304, HEAD), which must still say what the full answer varies by.
pub fn compressible(headers: &HeaderMap, extensions: &Extensions, len: u64) -> bool {
    len >= u64::from(MIN_BYTES) && compressible_kind(headers, extensions)
}

fn wanted(_: StatusCode, _: Version, headers: &HeaderMap, extensions: &Extensions) -> bool {
    compressible_kind(headers, extensions)
}

/// The layer that compresses answers: gzip and brotli (at tower-http's default qualities,
/// brotli's being 4, fast enough for answers made on each request).
pub fn layer() -> CompressionLayer<impl Predicate> {
    let wanted: fn(StatusCode, Version, &HeaderMap, &Extensions) -> bool = wanted;
    CompressionLayer::new().gzip(true).br(true).compress_when(SizeAbove::new(MIN_BYTES).and(wanted))
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn typed(content_type: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        headers
    }

    #[test]
    fn text_is_compressed_and_the_rest_is_not() {
        for text in [
            "text/html; charset=utf-8",
            "text/csv",
            "text/css; charset=utf-8",
            "application/json",
            "application/problem+json",
            "application/atom+xml; charset=utf-8",
            "Application/XML",
            "image/svg+xml",
        ] {
            assert!(compressible(&typed(text), &Extensions::new(), 4096), "{text}");
        }
        for other in ["image/png", "font/woff2", "application/zip", "application/octet-stream", "application/gzip"] {
            assert!(!compressible(&typed(other), &Extensions::new(), 4096), "{other}");
        }
        assert!(!compressible(&HeaderMap::new(), &Extensions::new(), 4096), "no type, no guess");
    }

    #[test]
    fn small_and_marked_answers_are_not() {
        let html = typed("text/html; charset=utf-8");
        assert!(!compressible(&html, &Extensions::new(), u64::from(MIN_BYTES) - 1));
        assert!(compressible(&html, &Extensions::new(), u64::from(MIN_BYTES)));
        let mut marked = Extensions::new();
        marked.insert(Uncompressed);
        assert!(!compressible(&html, &marked, 1 << 20));
    }
}
