//! The JSON API under `/api/v1`, and its OpenAPI 3.1 document at `/api/openapi.json`.

use axum::{
    extract::{Path, State},
    routing::get,
    Json, Router,
};
use gfce_core::{
    format_date,
    reference::{Country, Region},
    Actor, ActorKind, Event, LocalizedText, Membership, Page, PageRequest, RegionLevel, Slug, Theme, ThemeFamily,
    UserRole,
};
use serde::{Deserialize, Serialize};
use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    IntoParams, Modify, OpenApi, ToSchema,
};

use crate::{
    bearer::ApiCaller,
    error::{Problem, WebError},
    params::{first_error, EventQuery, MemberQuery, Params},
    AppState,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/v1/members", get(list_members))
        .route("/api/v1/members/{slug}", get(get_member))
        .route("/api/v1/actors", get(crate::api_knowledge::list_actors))
        .route("/api/v1/actors/{slug}", get(crate::api_knowledge::get_actor))
        .route("/api/v1/projects", get(crate::api_knowledge::list_projects))
        .route("/api/v1/projects/{slug}", get(crate::api_knowledge::get_project))
        .route("/api/v1/tools", get(crate::api_knowledge::list_tools))
        .route("/api/v1/tools/{slug}", get(crate::api_knowledge::get_tool))
        .route("/api/v1/publications", get(crate::api_knowledge::list_publications))
        .route("/api/v1/publications/{slug}", get(crate::api_knowledge::get_publication))
        .route("/api/v1/countries/{code}", get(crate::api_knowledge::get_country))
        .route("/api/v1/export.json", get(crate::api_knowledge::export))
        .route("/api/v1/events", get(list_events))
        .route("/api/v1/events/{slug}", get(get_event))
        .route("/api/v1/countries", get(list_countries))
        .route("/api/v1/regions", get(list_regions))
        .route("/api/v1/themes", get(list_themes))
        .route("/api/v1/me", get(me))
}

/// A text in English and Vietnamese; either may be null when only the other exists.
#[derive(Debug, Serialize, ToSchema)]
pub struct Text {
    pub en: Option<String>,
    pub vi: Option<String>,
}

impl From<&LocalizedText> for Text {
    fn from(t: &LocalizedText) -> Self {
        Text { en: t.en().map(str::to_owned), vi: t.vi().map(str::to_owned) }
    }
}

/// Where a record's page is, in each language (paths on this server).
#[derive(Debug, Serialize, ToSchema)]
pub struct HtmlLinks {
    pub en: String,
    pub vi: String,
}

impl HtmlLinks {
    pub(crate) fn new(section: &str, slug: &Slug) -> Self {
        HtmlLinks { en: format!("/en/{section}/{slug}"), vi: format!("/vi/{section}/{slug}") }
    }
}

/// An organisation: a member or partner of the GFCE, or another actor (an implementer, a
/// university, a national CERT) with `membership` null.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActorItem {
    /// Stable UUID, the same on every instance.
    pub id: String,
    pub slug: String,
    pub kind: ActorKind,
    /// Null for an actor that has not joined the GFCE.
    pub membership: Option<Membership>,
    pub name: Text,
    pub short_name: Option<String>,
    /// ISO 3166-1 alpha-2: the country itself, or an organisation's seat where known.
    pub country: Option<String>,
    /// One of the 42 founding members of the Hague Declaration (16 April 2015).
    pub founding: bool,
    /// `YYYY-MM-DD`; null for an actor that has not joined.
    pub joined_on: Option<String>,
    /// The organisation identifier used in IATI data.
    pub iati_ref: Option<String>,
    pub website: Option<String>,
    /// The name exactly as the source document lists it.
    pub listed_as: Option<String>,
    /// Theme ids.
    pub themes: Vec<String>,
    pub html: HtmlLinks,
}

impl From<&Actor> for ActorItem {
    fn from(m: &Actor) -> Self {
        ActorItem {
            id: m.id.to_string(),
            slug: m.slug.to_string(),
            kind: m.kind,
            membership: m.membership(),
            name: (&m.name).into(),
            short_name: m.short_name.clone(),
            country: m.country.map(String::from),
            founding: m.joined.is_some_and(|j| j.founding),
            joined_on: m.joined.map(|j| format_date(j.joined_on)),
            iati_ref: m.iati_ref.clone(),
            website: m.website.as_ref().map(ToString::to_string),
            listed_as: m.listed_as.clone(),
            themes: m.themes.iter().map(ToString::to_string).collect(),
            html: HtmlLinks::new(if m.joined.is_some() { "members" } else { "actors" }, &m.slug),
        }
    }
}

/// An event, such as one Global Conference on CyberSpace.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventItem {
    pub id: String,
    pub slug: String,
    /// The series id, e.g. `gccs`.
    pub series: String,
    pub name: Text,
    pub summary: Option<Text>,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `YYYY-MM-DD`.
    pub ends_on: String,
    pub city: Text,
    /// ISO 3166-1 alpha-2 of the host country.
    pub country: String,
    pub url: Option<String>,
    /// Slugs of the organising actors.
    pub organisers: Vec<String>,
    /// Theme ids.
    pub themes: Vec<String>,
    pub html: HtmlLinks,
}

impl From<&Event> for EventItem {
    fn from(e: &Event) -> Self {
        EventItem {
            id: e.id.to_string(),
            slug: e.slug.to_string(),
            series: e.series.to_string(),
            name: (&e.name).into(),
            summary: e.summary.as_ref().map(Text::from),
            starts_on: format_date(e.starts_on),
            ends_on: format_date(e.ends_on),
            city: (&e.city).into(),
            country: e.country.to_string(),
            url: e.url.as_ref().map(ToString::to_string),
            organisers: e.organisers.iter().map(ToString::to_string).collect(),
            themes: e.themes.iter().map(ToString::to_string).collect(),
            html: HtmlLinks::new("events", &e.slug),
        }
    }
}

/// An ISO 3166-1 country and where UN M49 places it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryItem {
    /// Alpha-2 code.
    pub code: String,
    pub alpha3: String,
    /// Numeric code, three digits.
    pub numeric: String,
    pub name: Text,
    /// M49 region, e.g. `142` (Asia).
    pub region: Option<String>,
    /// M49 sub-region, e.g. `035` (South-eastern Asia).
    pub sub_region: Option<String>,
    /// M49 intermediate region, e.g. `014` (Eastern Africa).
    pub intermediate_region: Option<String>,
}

impl From<&Country> for CountryItem {
    fn from(c: &Country) -> Self {
        CountryItem {
            code: c.code.to_string(),
            alpha3: c.alpha3.clone(),
            numeric: c.numeric.clone(),
            name: (&c.name).into(),
            region: c.region.map(String::from),
            sub_region: c.sub_region.map(String::from),
            intermediate_region: c.intermediate_region.map(String::from),
        }
    }
}

/// A UN M49 region, sub-region or intermediate region.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegionItem {
    pub code: String,
    pub parent: Option<String>,
    pub level: RegionLevel,
    pub name: Text,
}

impl From<&Region> for RegionItem {
    fn from(r: &Region) -> Self {
        RegionItem {
            code: r.code.to_string(),
            parent: r.parent.map(String::from),
            level: r.level,
            name: (&r.name).into(),
        }
    }
}

/// A theme of the taxonomy.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeItem {
    pub id: String,
    /// `hague-2015`: the areas the founding documents name; `delhi-2017`: GFCE's working-group themes.
    pub family: ThemeFamily,
    pub name: Text,
    pub description: Text,
    /// Themes of the other family this one overlaps.
    pub related: Vec<String>,
}

impl From<&Theme> for ThemeItem {
    fn from(t: &Theme) -> Self {
        ThemeItem {
            id: t.id.to_string(),
            family: t.family,
            name: (&t.name).into(),
            description: (&t.description).into(),
            related: t.related.iter().map(ToString::to_string).collect(),
        }
    }
}

macro_rules! list_type {
    ($name:ident, $item:ty, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Serialize, ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// How many items match, over all pages.
            pub total: u64,
            pub page: u32,
            pub per_page: u32,
        }

        impl $name {
            pub(crate) fn from_page<T>(page: &Page<T>, item: impl Fn(&T) -> $item) -> Self {
                $name {
                    items: page.items.iter().map(item).collect(),
                    total: page.total,
                    page: page.request.page(),
                    per_page: page.request.per_page(),
                }
            }
        }
    };
}

list_type!(ActorList, ActorItem, "One page of actors.");
list_type!(ProjectList, crate::api_knowledge::ProjectItem, "One page of projects.");
list_type!(ResourceList, crate::api_knowledge::ResourceItem, "One page of tools or publications.");
list_type!(EventList, EventItem, "One page of events.");
list_type!(CountryList, CountryItem, "One page of countries.");
list_type!(RegionList, RegionItem, "One page of regions.");
list_type!(ThemeList, ThemeItem, "One page of themes.");

/// Paging of the short reference lists, which by default fit on one page.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReferencePaging {
    /// Page number, from 1.
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 500: the whole list).
    pub per_page: Option<String>,
}

impl ReferencePaging {
    /// Cuts one page out of a whole list.
    fn page<T>(&self, all: Vec<T>) -> Result<Page<T>, WebError> {
        let per_page = self.per_page.clone().or_else(|| Some(PageRequest::MAX_PER_PAGE.to_string()));
        let request = PageRequest::parse(self.page.as_deref().filter(|s| !s.is_empty()), per_page.as_deref())
            .map_err(|(param, e)| WebError::invalid(param, e))?;
        let total = all.len() as u64;
        let items =
            all.into_iter().skip(request.offset() as usize).take(request.per_page() as usize).collect::<Vec<_>>();
        Ok(Page { items, total, request })
    }
}

pub(crate) fn parse_slug(
    slug: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<Slug, WebError> {
    // A slug that cannot exist names nothing: not found, like any other unknown slug.
    slug.ok().and_then(|Path(s)| Slug::parse(&s).ok()).ok_or(WebError::NotFound)
}

/// List members and partners.
#[utoipa::path(get, path = "/api/v1/members", tag = "members", params(MemberQuery),
    responses(
        (status = 200, description = "One page of members, sorted by English name", body = ActorList),
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem,
         content_type = "application/problem+json"),
    ))]
async fn list_members(
    State(state): State<AppState>,
    Params(query): Params<MemberQuery>,
) -> Result<Json<ActorList>, WebError> {
    let (filter, page, errors) = query.parse(&state.store).await?;
    first_error(errors)?;
    let members = state.store.list_actors(&filter, gfce_core::Lang::En, page).await?;
    Ok(Json(ActorList::from_page(&members, |x| ActorItem::from(x))))
}

/// One member or partner.
#[utoipa::path(get, path = "/api/v1/members/{slug}", tag = "members",
    params(("slug" = String, Path, description = "The member's slug, e.g. `viet-nam`")),
    responses(
        (status = 200, body = ActorItem),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
async fn get_member(
    State(state): State<AppState>,
    slug: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<Json<ActorItem>, WebError> {
    let slug = parse_slug(slug)?;
    let member = state.store.actor(&slug).await?.filter(|a| a.joined.is_some()).ok_or(WebError::NotFound)?;
    Ok(Json((&member).into()))
}

/// List events, the most recent first.
#[utoipa::path(get, path = "/api/v1/events", tag = "events", params(EventQuery),
    responses(
        (status = 200, body = EventList),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    ))]
async fn list_events(
    State(state): State<AppState>,
    Params(query): Params<EventQuery>,
) -> Result<Json<EventList>, WebError> {
    let (series, page, errors) = query.parse(&state.store).await?;
    first_error(errors)?;
    let events = state.store.list_events(series.as_ref(), page).await?;
    Ok(Json(EventList::from_page(&events, |x| EventItem::from(x))))
}

/// One event.
#[utoipa::path(get, path = "/api/v1/events/{slug}", tag = "events",
    params(("slug" = String, Path, description = "The event's slug, e.g. `gccs-2015`")),
    responses(
        (status = 200, body = EventItem),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
async fn get_event(
    State(state): State<AppState>,
    slug: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<Json<EventItem>, WebError> {
    let slug = parse_slug(slug)?;
    let event = state.store.event(&slug).await?.ok_or(WebError::NotFound)?;
    Ok(Json((&event).into()))
}

/// List the ISO 3166-1 countries with their UN M49 regions.
#[utoipa::path(get, path = "/api/v1/countries", tag = "reference", params(ReferencePaging),
    responses(
        (status = 200, body = CountryList),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    ))]
async fn list_countries(
    State(state): State<AppState>,
    Params(paging): Params<ReferencePaging>,
) -> Result<Json<CountryList>, WebError> {
    let page = paging.page(state.store.countries().await?)?;
    Ok(Json(CountryList::from_page(&page, |x| CountryItem::from(x))))
}

/// List the UN M49 regions, sub-regions and intermediate regions.
#[utoipa::path(get, path = "/api/v1/regions", tag = "reference", params(ReferencePaging),
    responses(
        (status = 200, body = RegionList),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    ))]
async fn list_regions(
    State(state): State<AppState>,
    Params(paging): Params<ReferencePaging>,
) -> Result<Json<RegionList>, WebError> {
    let page = paging.page(state.store.regions().await?)?;
    Ok(Json(RegionList::from_page(&page, |x| RegionItem::from(x))))
}

/// List the themes of the taxonomy.
#[utoipa::path(get, path = "/api/v1/themes", tag = "reference", params(ReferencePaging),
    responses(
        (status = 200, body = ThemeList),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    ))]
async fn list_themes(
    State(state): State<AppState>,
    Params(paging): Params<ReferencePaging>,
) -> Result<Json<ThemeList>, WebError> {
    let page = paging.page(state.store.themes().await?)?;
    Ok(Json(ThemeList::from_page(&page, |x| ThemeItem::from(x))))
}

/// The account a personal API token speaks for.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeItem {
    pub email: String,
    pub role: UserRole,
    /// The slug of the member or partner a representative speaks for.
    pub actor: Option<String>,
    /// What the token may do: `["read"]`, or `["read", "write"]` (writing implies reading).
    pub scopes: Vec<String>,
}

/// The account of the token the request carries.
#[utoipa::path(get, path = "/api/v1/me", tag = "account", security(("bearer" = [])),
    responses(
        (status = 200, body = MeItem),
        (status = 401, description = "No token (`WWW-Authenticate: Bearer`), or one that is malformed, unknown, \
         revoked or expired, or whose account is disabled (`WWW-Authenticate: Bearer error=\"invalid_token\"`)",
         body = Problem, content_type = "application/problem+json"),
    ))]
async fn me(State(state): State<AppState>, caller: ApiCaller) -> Result<Json<MeItem>, WebError> {
    let (id, scopes) = caller.token_holder()?;
    // The account was found with the token a moment ago; one removed meanwhile has no token.
    let user = state.store.user(id).await?.ok_or(WebError::InvalidToken)?;
    Ok(Json(MeItem {
        email: user.email.as_str().to_owned(),
        role: user.role,
        actor: user.actor.map(|a| a.to_string()),
        scopes: scopes.scopes().iter().map(|s| s.as_str().to_owned()).collect(),
    }))
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
        list_members,
        get_member,
        crate::api_knowledge::list_actors,
        crate::api_knowledge::get_actor,
        crate::api_knowledge::list_projects,
        crate::api_knowledge::get_project,
        crate::api_knowledge::list_tools,
        crate::api_knowledge::get_tool,
        crate::api_knowledge::list_publications,
        crate::api_knowledge::get_publication,
        crate::api_knowledge::get_country,
        crate::api_knowledge::export,
        list_events,
        get_event,
        list_countries,
        list_regions,
        list_themes,
        crate::search::search_api,
        me
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
    ApiDoc::openapi().merge_from(crate::api_write::WriteDoc::openapi())
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}
