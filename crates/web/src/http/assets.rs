//! Static assets, embedded in the binary and served with long cache lifetimes: their URLs carry a
//! version, so a new release never meets a stale copy.

use axum::{
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};

use super::AppState;

const STYLE_CSS: &str = include_str!("../../static/style.css");
const FAVICON_SVG: &str = include_str!("../../static/favicon.svg");

/// The versioned path of the stylesheet, for templates.
pub const STYLE_PATH: &str = concat!("/static/", env!("CARGO_PKG_VERSION"), "/style.css");
pub const FAVICON_PATH: &str = concat!("/static/", env!("CARGO_PKG_VERSION"), "/favicon.svg");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(STYLE_PATH, get(|| async { asset("text/css; charset=utf-8", STYLE_CSS) }))
        .route(FAVICON_PATH, get(|| async { asset("image/svg+xml", FAVICON_SVG) }))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")], body)
        .into_response()
}
