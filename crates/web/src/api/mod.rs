//! The JSON API under `/api/v1`, and its OpenAPI 3.1 document at `/api/openapi.json`.
//!
//! Reads are open to anyone; a request may carry a personal API token (`access::bearer`), which
//! writes need. Errors are RFC 9457 problem documents in the client's language. The records
//! answered are in [`dto`]; each resource has its module.

pub mod directory;
pub mod dto;
pub mod knowledge;
pub mod revisions;
pub mod schema;
pub mod search;

use axum::{routing::get, Json, Router};
use utoipa::{
    openapi::{
        header::{Header, HeaderBuilder},
        path::Operation,
        response::ResponseBuilder,
        security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
        Content, Object, Ref, RefOr, Type,
    },
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

/// The answers of the layers every API request passes before its handler, added to each operation
/// here since no handler gives them: a bad token is refused on every route (401), and every write
/// and every search is under a per-address rate limit (429). Open reads are tagged (`ETag`) and
/// answered 304 to a client whose copy is current (`http::conditional`); the items whose handlers
/// say when they changed (the paths ending in `/{slug}`) also carry `Last-Modified`.
struct Layers;

impl Layers {
    fn header(description: &str) -> Header {
        HeaderBuilder::new().schema(Object::with_type(Type::String)).description(Some(description)).build()
    }

    fn etag() -> Header {
        Self::header(
            "A weak entity tag of the answer, the same whatever its encoding: send it back as \
             `If-None-Match` to be answered 304 while it is current. Not sent to a request with a token, \
             whose answers are not stored.",
        )
    }

    fn last_modified() -> Header {
        Self::header(
            "When the record, or a record the answer shows, last changed (an HTTP date): send it back as \
             `If-Modified-Since` to be answered 304 while it is current.",
        )
    }

    /// Tags on an open read's answers, and the 304 that answers a current copy.
    fn conditional(operation: &mut Operation, dated: bool) {
        let mut not_modified = ResponseBuilder::new()
            .description("Not Modified: the copy named by `If-None-Match` or `If-Modified-Since` is current")
            .header("ETag", Self::etag());
        if let Some(RefOr::T(ok)) = operation.responses.responses.get_mut("200") {
            ok.headers.insert("ETag".to_owned(), Self::etag());
            if dated {
                ok.headers.insert("Last-Modified".to_owned(), Self::last_modified());
                not_modified = not_modified.header("Last-Modified", Self::last_modified());
            }
        }
        operation.responses.responses.entry("304".to_owned()).or_insert_with(|| not_modified.build().into());
    }

    fn problem(description: &str) -> utoipa::openapi::Response {
        ResponseBuilder::new()
            .description(description)
            .content("application/problem+json", Content::new(Some(Ref::from_schema_name("Problem"))))
            .build()
    }

    fn add(operation: &mut Operation, status: &str, description: &str) {
        operation.responses.responses.entry(status.to_owned()).or_insert_with(|| Self::problem(description).into());
    }
}

impl Modify for Layers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            if let Some(read) = item.get.as_mut().filter(|op| op.security.is_none()) {
                Self::conditional(read, path.ends_with("/{slug}"));
            }
            let reads = [&mut item.get, &mut item.head, &mut item.options, &mut item.trace];
            let writes = [&mut item.post, &mut item.put, &mut item.patch, &mut item.delete];
            for (limited, operation) in reads
                .into_iter()
                .map(|op| (path == "/api/v1/search", op))
                .chain(writes.into_iter().map(|op| (true, op)))
            {
                let Some(operation) = operation else { continue };
                Self::add(
                    operation,
                    "401",
                    "The `Authorization` header is not `Bearer <token>`, or the token is unknown, revoked or \
                     expired, or its account is disabled (`WWW-Authenticate: Bearer error=\"invalid_token\"`)",
                );
                if limited {
                    Self::add(
                        operation,
                        "429",
                        "Too many requests of this kind from this address; retry after \
                                                 `Retry-After` seconds",
                    );
                }
            }
        }
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
        directory::me,
        openapi
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
        (name = "document", description = "This document"),
    )
)]
pub struct ApiDoc;

/// The whole document: reads, and the write API's curation paths, with the answers of the layers
/// around them.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut document = ApiDoc::openapi().merge_from(revisions::WriteDoc::openapi());
    Layers.modify(&mut document);
    document
}

/// The OpenAPI 3.1 document of the API.
#[utoipa::path(get, path = "/api/openapi.json", tag = "document",
    responses((status = 200, description = "This document", body = Object)))]
async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}
