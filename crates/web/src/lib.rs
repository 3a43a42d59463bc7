//! The HTTP face of GFCE Hub: bilingual HTML pages, the JSON API with its OpenAPI document, the
//! Atom feeds and the operations endpoints, as one axum router.
//!
//! Requests flow web → core → store: handlers parse what arrives into core types (failures
//! become [`WebError`]s naming the parameter), ask the store or the search index, and render.
//!
//! Where to start reading: [`router`] is the map of every address. The modules are layered, and
//! each may use only those before it:
//!
//! ```text
//! http  ←  access  ←  ui  ←  pages
//! http  ←  access  ←  api
//! ```
//!
//! - [`http`]: the shared state, the one error type and its answers, parameters, translations,
//!   security headers, rate limits, operations, assets.
//! - [`access`]: who is asking (a session, an API token) and whether they may.
//! - [`ui`]: the page context, rendering and the widgets pages share.
//! - [`pages`]: the HTML pages, one module per area of the site.
//! - [`api`]: the JSON API, one module per resource, and its OpenAPI document.
//!
//! `api` never uses `ui` or `pages`, and nothing uses this root module; a unit test holds the
//! layers to this rule.

pub mod access;
pub mod api;
pub mod http;
pub mod pages;
pub mod ui;

use axum::{middleware, routing::get, Extension, Router};
use gfce_core::Lang;

pub use access::throttle::MAX_MAIL_PER_RECIPIENT;
pub use api::ApiDoc;
pub use http::{
    error::ErrorPage,
    rate::{Limit, Rate},
    AppState, I18n, Limits, Problem, WebError,
};
pub use pages::account::second_factor::{PENDING_COOKIE, PENDING_LIFETIME};

/// The whole application: pages in each language, API, feeds, operations endpoints, assets, and
/// the middleware around them.
pub fn router(state: AppState, limits: Limits) -> Router {
    let search = Limit::new(limits.search, None);
    let mut app = Router::new().route("/", get(pages::home::root));
    for lang in Lang::ALL {
        let prefix = format!("/{}", lang.code());
        app = app
            .nest(&prefix, pages::routes(&search).layer(Extension(lang)))
            // A nested router's `/` answers its prefix alone; the home page is at both.
            .route(&format!("{prefix}/"), get(pages::home::home).layer(Extension(lang)));
    }
    let app = app
        .merge(api::routes(&search))
        .merge(pages::feeds::routes())
        .merge(http::ops::routes())
        .merge(http::assets::routes())
        .fallback(|| async { WebError::NotFound })
        .method_not_allowed_fallback(|| async { WebError::MethodNotAllowed })
        .layer(middleware::from_fn_with_state(state.clone(), http::page_cache::serve))
        // Inside the limit on writes, so that a flood of writes with made-up tokens is cut off
        // before it reaches the database.
        .layer(middleware::from_fn_with_state(state.clone(), access::bearer::authenticate));
    let app = Limit::new(limits.writes, Some(http::rate::writes()))
        .apply(app)
        .layer(middleware::from_fn_with_state((state.clone(), ui::error_page as ErrorPage), http::error::render_errors))
        .layer(middleware::from_fn(http::ops::track));
    http::security::wrap(app, state.is_https(), &limits).with_state(state)
}

/// The Prometheus metrics of this process, to be served on a listener of their own.
pub fn metrics_router(state: AppState) -> Router {
    http::ops::metrics_routes().with_state(state)
}
