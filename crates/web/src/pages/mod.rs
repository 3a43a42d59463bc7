//! The HTML pages, one module per area of the site. [`routes`] is the map of every page of one
//! language, without its `/vi` or `/en` prefix, which the router gives once for all of them.

pub mod account;
pub mod actors;
pub mod admin;
pub mod apply;
pub mod countries;
pub mod curation;
pub mod events;
pub mod feeds;
mod filters;
pub mod home;
mod mail;
pub mod members;
pub mod projects;
pub mod resources;
pub mod search;

use crate::http::{rate::Limit, AppState};
use axum::{
    routing::{get, post},
    Router,
};

/// Every page of one language. Searches are under `search_limit`, shared with the search API.
pub fn routes(search_limit: &Limit) -> Router<AppState> {
    let mut router = Router::new()
        .route("/", get(home::home))
        .route("/members", get(members::list))
        .route("/members/{slug}", get(members::page))
        .route("/events", get(events::list))
        .route("/events/{slug}", get(events::page))
        .route("/projects", get(projects::list))
        .route("/projects/{slug}", get(projects::page))
        .route("/tools", get(resources::tools))
        .route("/tools/{slug}", get(resources::tool))
        .route("/publications", get(resources::publications))
        .route("/publications/{slug}", get(resources::publication))
        .route("/actors/{slug}", get(actors::page))
        .route("/countries", get(countries::index))
        .route("/countries/{code}", get(countries::page))
        .route("/apply", get(apply::form).post(apply::submit))
        // Account.
        .route("/login", get(account::session::form).post(account::session::login))
        .route("/login/code", get(account::second_factor::code_form).post(account::second_factor::submit_code))
        .route("/logout", post(account::session::logout))
        .route("/account", get(account::password::page))
        .route("/account/password", post(account::password::change))
        .route("/register", get(account::register::form).post(account::register::submit))
        .route("/password-reset", get(account::reset::request_form).post(account::reset::request))
        .route("/password-reset/{token}", get(account::reset::form).post(account::reset::reset))
        .route("/account/second-factor", get(account::second_factor::settings))
        .route("/account/second-factor/start", post(account::second_factor::start))
        .route("/account/second-factor/qr.svg", get(account::second_factor::qr_code))
        .route("/account/second-factor/confirm", post(account::second_factor::confirm))
        .route("/account/second-factor/disable", post(account::second_factor::disable))
        .route("/account/tokens", get(account::tokens::page).post(account::tokens::create))
        .route("/account/tokens/{id}/revoke", post(account::tokens::revoke))
        // The secretariat.
        .route("/admin/applications", get(admin::applications::queue))
        .route("/admin/applications/{id}", get(admin::applications::page))
        .route("/admin/applications/{id}/approve", post(admin::applications::approve))
        .route("/admin/applications/{id}/reject", post(admin::applications::reject))
        .route("/admin/audit", get(admin::audit::page))
        .route("/admin/outbox", get(admin::outbox::page))
        // Curation.
        .route("/contributions", get(curation::queue::contributions))
        .route("/curation", get(curation::queue::review_queue))
        .route("/revisions/{id}", get(curation::revision::page))
        .route("/revisions/{id}/edit", get(curation::forms::edit_revision_form).post(curation::forms::edit_revision))
        .route("/revisions/{id}/{step}", post(curation::revision::take_step));
    // Projects, tools and publications each have their forms and steps.
    for kind in curation::forms::KINDS {
        router = router.merge(curation::forms::routes(kind));
    }
    router.merge(search_limit.apply(Router::new().route("/search", get(search::page))))
}
