//! The directory in the JSON API: members and partners, every actor, events, the reference
//! lists (countries, regions, themes), and the account of a personal API token.

use axum::{extract::State, Json};
use gfce_core::{Lang, Page, PageRequest, UserRole};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::dto::{
    ActorItem, ActorList, CountryItem, CountryList, EventItem, EventList, RegionItem, RegionList, ThemeItem, ThemeList,
};
use crate::{
    access::ApiCaller,
    http::{
        conditional::Modified,
        params::{first_error, given, Params, SlugParam},
        queries::{ActorQuery, EventQuery, MemberQuery},
        AppState, Problem, WebError,
    },
};

/// Paging of the short reference lists, which by default fit on one page.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReferencePaging {
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000)]
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 500: the whole list).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    pub per_page: Option<String>,
}

impl ReferencePaging {
    /// Cuts one page out of a whole list. An empty parameter is the default, as on every list.
    fn page<T>(&self, all: Vec<T>) -> Result<Page<T>, WebError> {
        let whole = PageRequest::MAX_PER_PAGE.to_string();
        let per_page = given(&self.per_page).unwrap_or(&whole);
        let request =
            PageRequest::parse(given(&self.page), Some(per_page)).map_err(|(param, e)| WebError::invalid(param, e))?;
        let total = all.len() as u64;
        let items =
            all.into_iter().skip(request.offset() as usize).take(request.per_page() as usize).collect::<Vec<_>>();
        Ok(Page { items, total, request })
    }
}

/// List members and partners.
#[utoipa::path(get, path = "/api/v1/members", tag = "members", params(MemberQuery),
    responses(
        (status = 200, description = "One page of members, sorted by English name", body = ActorList),
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem,
         content_type = "application/problem+json"),
    ))]
pub async fn list_members(
    State(state): State<AppState>,
    Params(query): Params<MemberQuery>,
) -> Result<Json<ActorList>, WebError> {
    let (filter, page, errors) = query.parse(&state.store).await?;
    first_error(errors)?;
    let members = state.store.list_actors(&filter, Lang::En, page).await?;
    Ok(Json(ActorList::from_page(&members, |x| ActorItem::from(x))))
}

/// One member or partner.
#[utoipa::path(get, path = "/api/v1/members/{slug}", tag = "members",
    params(("slug" = String, Path, description = "The member's slug", example = "viet-nam")),
    responses(
        (status = 200, body = ActorItem),
        (status = 404, description = "No record has this slug", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_member(
    State(state): State<AppState>,
    SlugParam(slug): SlugParam,
) -> Result<Modified<Json<ActorItem>>, WebError> {
    let member = state.store.actor(&slug).await?.filter(|a| a.joined.is_some()).ok_or(WebError::NotFound)?;
    let at = state.store.actors_written(&[&slug]).await?.ok_or(WebError::NotFound)?;
    Ok(Modified { at, answer: Json((&member).into()) })
}

/// List every actor: members, partners and the other organisations projects name.
#[utoipa::path(get, path = "/api/v1/actors", tag = "actors", params(ActorQuery),
    responses(
        (status = 200, body = ActorList),
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_actors(
    State(state): State<AppState>,
    Params(query): Params<ActorQuery>,
) -> Result<Json<ActorList>, WebError> {
    let (filter, page, errors) = query.parse();
    first_error(errors)?;
    let actors = state.store.list_actors(&filter, Lang::En, page).await?;
    Ok(Json(ActorList::from_page(&actors, |a| ActorItem::from(a))))
}

/// One actor, member or not.
#[utoipa::path(get, path = "/api/v1/actors/{slug}", tag = "actors",
    params(("slug" = String, Path, description = "The actor's slug", example = "viet-nam")),
    responses(
        (status = 200, body = ActorItem),
        (status = 404, description = "No record has this slug", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_actor(
    State(state): State<AppState>,
    SlugParam(slug): SlugParam,
) -> Result<Modified<Json<ActorItem>>, WebError> {
    let actor = state.store.actor(&slug).await?.ok_or(WebError::NotFound)?;
    let at = state.store.actors_written(&[&slug]).await?.ok_or(WebError::NotFound)?;
    Ok(Modified { at, answer: Json((&actor).into()) })
}

/// List events, the most recent first.
#[utoipa::path(get, path = "/api/v1/events", tag = "events", params(EventQuery),
    responses(
        (status = 200, body = EventList),
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_events(
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
    params(("slug" = String, Path, description = "The event's slug", example = "gccs-2015")),
    responses(
        (status = 200, body = EventItem),
        (status = 404, description = "No record has this slug", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_event(
    State(state): State<AppState>,
    SlugParam(slug): SlugParam,
) -> Result<Modified<Json<EventItem>>, WebError> {
    let event = state.store.event(&slug).await?.ok_or(WebError::NotFound)?;
    let at = state.store.events_written(&[&slug]).await?.ok_or(WebError::NotFound)?;
    Ok(Modified { at, answer: Json((&event).into()) })
}

/// List the ISO 3166-1 countries with their UN M49 regions.
#[utoipa::path(get, path = "/api/v1/countries", tag = "reference", params(ReferencePaging),
    responses(
        (status = 200, body = CountryList),
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_countries(
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
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_regions(
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
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_themes(
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
pub async fn me(State(state): State<AppState>, caller: ApiCaller) -> Result<Json<MeItem>, WebError> {
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
