//! The HTTP face of GFCE Hub: bilingual HTML pages, the JSON API with its OpenAPI document, and
//! the operations endpoints, as one axum router.
//!
//! Requests flow web → core → store: handlers parse what arrives into core types (failures become
//! [`WebError`]s naming the parameter), ask the store, and render.

mod account;
mod api;
mod api_knowledge;
mod assets;
pub mod auth;
mod error;
mod feeds;
mod i18n;
mod knowledge;
mod markdown;
mod ops;
mod pages;
mod params;
mod search;

use std::{sync::Arc, time::Duration};

use axum::{
    http::{header, HeaderName, HeaderValue, StatusCode},
    middleware,
    routing::get,
    Router,
};
use gfce_core::Lang;
use gfce_search::SearchIndex;
use gfce_store::Store;
use metrics_exporter_prometheus::PrometheusHandle;
use tower::ServiceBuilder;
use tower_http::{
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

pub use api::ApiDoc;
pub use error::{Problem, WebError};
pub use i18n::I18n;
pub use ops::metrics_handle;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub search: Arc<SearchIndex>,
    pub i18n: Arc<I18n>,
    pub metrics: PrometheusHandle,
    /// Where the site is reached from outside (`https://hub.example.org`), without a trailing
    /// slash: feeds need absolute links, and the request's own Host header is not to be trusted.
    pub public_url: String,
}

impl AppState {
    pub fn new(store: Store, search: Arc<SearchIndex>, public_url: &str) -> Self {
        AppState {
            store,
            search,
            i18n: Arc::new(I18n::new()),
            metrics: metrics_handle(),
            public_url: public_url.trim_end_matches('/').to_owned(),
        }
    }
}

/// Limits that protect the server from slow or oversized requests.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub request_timeout: Duration,
    pub body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { request_timeout: Duration::from_secs(30), body_bytes: 1024 * 1024 }
    }
}

const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
     script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The whole application: pages, API, operations endpoints and the middleware around them.
pub fn router(state: AppState, limits: Limits) -> Router {
    let x_request_id = HeaderName::from_static("x-request-id");
    let security_headers = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ));

    Router::new()
        .route("/", get(pages::root))
        .merge(pages::routes(Lang::Vi))
        .merge(account::routes(Lang::Vi))
        .merge(account::routes(Lang::En))
        .merge(pages::routes(Lang::En))
        .merge(knowledge::routes(Lang::Vi))
        .merge(knowledge::routes(Lang::En))
        .merge(api::routes())
        .merge(search::routes())
        .merge(feeds::routes())
        .merge(ops::routes())
        .merge(assets::routes())
        .fallback(|| async { WebError::NotFound })
        .method_not_allowed_fallback(|| async { StatusCode::METHOD_NOT_ALLOWED })
        .layer(middleware::from_fn_with_state(state.clone(), error::render_errors))
        .layer(middleware::from_fn(ops::track))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(x_request_id.clone(), MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                    let request_id =
                        request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
                    tracing::info_span!("request", method = %request.method(), uri = %request.uri(), request_id)
                }))
                .layer(PropagateRequestIdLayer::new(x_request_id))
                .layer(security_headers)
                .layer(RequestBodyLimitLayer::new(limits.body_bytes))
                .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout)),
        )
        .with_state(state)
}
