//! The HTTP face of GFCE Hub: bilingual HTML pages, the JSON API with its OpenAPI document, and
//! the operations endpoints, as one axum router.
//!
//! Requests flow web → core → store: handlers parse what arrives into core types (failures become
//! [`WebError`]s naming the parameter), ask the store, and render.

mod account;
mod api;
mod api_knowledge;
mod api_write;
mod applications;
mod assets;
mod audit;
pub mod auth;
pub mod bearer;
mod contribute;
mod curation;
mod error;
mod feeds;
mod i18n;
mod knowledge;
mod markdown;
mod ops;
mod outbox;
mod pages;
mod params;
mod rate;
mod search;
mod second_factor;
mod signup;
mod tokens;

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
pub use bearer::ApiCaller;
pub use error::{Problem, WebError};
pub use i18n::I18n;
pub use ops::metrics_handle;
pub use rate::Rate;
pub use second_factor::{PENDING_COOKIE, PENDING_LIFETIME};
pub use signup::{MAX_MAIL_PER_RECIPIENT, MAX_MAIL_REQUESTS_PER_ADDRESS, RESET_LINK_LIFETIME};

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
    /// Whether a queued message's text is also written to the log: when no SMTP server is
    /// configured, the log and the outbox page are the only ways to read it.
    pub log_mail_bodies: bool,
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
        }
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

/// Browsers that once reached the site over https keep to https for a year, subdomains too.
const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

/// The request's path and query as they may be logged: the secret of a password-reset link is
/// hidden, since logs are kept longer and read by more people than the link's owner.
fn loggable_uri(uri: &axum::http::Uri) -> String {
    let text = uri.to_string();
    match text.find("/password-reset/") {
        Some(at) => format!("{}/password-reset/***", &text[..at]),
        None => text,
    }
}

const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
     script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The whole application: pages, API, operations endpoints and the middleware around them.
pub fn router(state: AppState, limits: Limits) -> Router {
    let x_request_id = HeaderName::from_static("x-request-id");
    // Only a site reached over https may ask for https; the public URL says which it is, as it
    // does for the cookies' `Secure`.
    let hsts = state.public_url.starts_with("https://").then(|| {
        SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        )
    });
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
        ))
        .option_layer(hsts);

    let app = Router::new()
        .route("/", get(pages::root))
        .merge(pages::routes(Lang::Vi))
        .merge(account::routes(Lang::Vi))
        .merge(account::routes(Lang::En))
        .merge(second_factor::routes(Lang::Vi))
        .merge(second_factor::routes(Lang::En))
        .merge(signup::routes(Lang::Vi))
        .merge(signup::routes(Lang::En))
        .merge(outbox::routes(Lang::Vi))
        .merge(outbox::routes(Lang::En))
        .merge(tokens::routes(Lang::Vi))
        .merge(tokens::routes(Lang::En))
        .merge(audit::routes(Lang::Vi))
        .merge(audit::routes(Lang::En))
        .merge(applications::routes(Lang::Vi))
        .merge(applications::routes(Lang::En))
        .merge(curation::routes(Lang::Vi))
        .merge(curation::routes(Lang::En))
        .merge(contribute::routes(Lang::Vi))
        .merge(contribute::routes(Lang::En))
        .merge(pages::routes(Lang::En))
        .merge(knowledge::routes(Lang::Vi))
        .merge(knowledge::routes(Lang::En))
        .merge(api::routes())
        .merge(api_write::routes())
        .merge(rate::limit(search::routes(), limits.search, None))
        .merge(feeds::routes())
        .merge(ops::routes())
        .merge(assets::routes())
        .fallback(|| async { WebError::NotFound })
        .method_not_allowed_fallback(|| async { StatusCode::METHOD_NOT_ALLOWED })
        // Inside the limit on writes, so that a flood of writes with made-up tokens is cut off
        // before it reaches the database.
        .layer(middleware::from_fn_with_state(state.clone(), bearer::authenticate));
    rate::limit(app, limits.writes, Some(rate::writes()))
        .layer(middleware::from_fn_with_state(state.clone(), error::render_errors))
        .layer(middleware::from_fn(ops::track))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(x_request_id.clone(), MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                    let request_id =
                        request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
                    let uri = loggable_uri(request.uri());
                    tracing::info_span!("request", method = %request.method(), %uri, request_id)
                }))
                .layer(PropagateRequestIdLayer::new(x_request_id))
                .layer(security_headers)
                .layer(RequestBodyLimitLayer::new(limits.body_bytes))
                .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout)),
        )
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::loggable_uri;

    #[test]
    fn reset_secrets_stay_out_of_the_log() {
        let uri = format!("/vi/password-reset/{}", "ab".repeat(32)).parse().unwrap();
        assert_eq!(loggable_uri(&uri), "/vi/password-reset/***");
        assert_eq!(loggable_uri(&"/en/projects?q=cert".parse().unwrap()), "/en/projects?q=cert");
        assert_eq!(loggable_uri(&"/en/password-reset".parse().unwrap()), "/en/password-reset");
    }
}
