//! The JSON API under `/api/v1`, and its OpenAPI 3.1 document at `/api/openapi.json`.
//!
//! Reads are open to anyone; a request may carry a personal API token (`access::bearer`), which
//! writes need. Errors are RFC 9457 problem documents in the client's language. The records
//! answered are in [`dto`]; each resource has its module.

pub mod directory;
pub mod dto;
pub mod knowledge;
pub mod revisions;
pub mod search;

use axum::{routing::get, Json, Router};
use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi,
};

use crate::http::{rate::Limit, AppState};

/// Every route of the API. Searches are under `search_limit`, shared with the search pages.
pub fn routes(search_limit: &Limit) -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/v1/members", get(directory::list_members))
        .route("/api/v1/members/{slug}", get(directory::get_member))
        .route("/api/v1/actors", get(directory::list_actors))
        .route("/api/v1/actors/{slug}", get(directory::get_actor))
        .route("/api/v1/events", get(directory::list_events))
        .route("/api/v1/events/{slug}", get(directory::get_event))
        .route("/api/v1/countries", get(directory::list_countries))
        .route("/api/v1/regions", get(directory::list_regions))
        .route("/api/v1/themes", get(directory::list_themes))
        .route("/api/v1/me", get(directory::me))
        .route("/api/v1/projects", get(knowledge::list_projects))
        .route("/api/v1/projects/{slug}", get(knowledge::get_project))
        .route("/api/v1/tools", get(knowledge::list_tools))
        .route("/api/v1/tools/{slug}", get(knowledge::get_tool))
        .route("/api/v1/publications", get(knowledge::list_publications))
        .route("/api/v1/publications/{slug}", get(knowledge::get_publication))
        .route("/api/v1/countries/{code}", get(knowledge::get_country))
        .route("/api/v1/export.json", get(knowledge::export))
        .merge(revisions::routes())
        .merge(search_limit.apply(Router::new().route("/api/v1/search", get(search::search))))
}

/// The `bearer` security scheme the operations that take a token refer to.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .bearer_format("gfce_ and 64 hex digits")
            .description(Some(
                "A personal API token, made on the account's token page (`/en/account/tokens`) or with \
                 `gfce token create`, sent as `Authorization: Bearer gfce_…`. Scopes: `read`, or `read write`.",
            ))
            .build();
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

#[derive(OpenApi)]
#[openapi(
    modifiers(&BearerScheme),
    info(
        title = "GFCE Hub API",
        version = "1",
        description = "Open data of GFCE Hub, the platform of the Global Forum on Cyber Expertise: members and \
                       partners, events, and the reference lists they use. Errors are RFC 9457 problem documents, \
                       in the language of the Accept-Language header (English or Vietnamese). Reading needs no \
                       credentials; a request may carry a personal API token as `Authorization: Bearer gfce_…` \
                       (the `bearer` scheme), and one that carries a bad token is refused with 401."
    ),
    paths(
        directory::list_members,
        directory::get_member,
        directory::list_actors,
        directory::get_actor,
        knowledge::list_projects,
        knowledge::get_project,
        knowledge::list_tools,
        knowledge::get_tool,
        knowledge::list_publications,
        knowledge::get_publication,
        knowledge::get_country,
        knowledge::export,
        directory::list_events,
        directory::get_event,
        directory::list_countries,
        directory::list_regions,
        directory::list_themes,
        search::search,
        directory::me
    ),
    tags(
        (name = "members", description = "Members and partners of the GFCE"),
        (name = "actors", description = "Every organisation: members, partners and other actors"),
        (name = "projects", description = "Capacity-building projects, with possibly overlapping ones"),
        (name = "resources", description = "Tools and publications"),
        (name = "countries", description = "Country profiles"),
        (name = "open data", description = "The whole dataset, for re-import elsewhere"),
        (name = "events", description = "Conferences and meetings"),
        (name = "reference", description = "Countries, regions and themes"),
        (name = "search", description = "One search over everything, with facets"),
        (name = "account", description = "The account of a personal API token"),
    )
)]
pub struct ApiDoc;

/// The whole document: reads, and the write API's curation paths.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi().merge_from(revisions::WriteDoc::openapi())
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}
