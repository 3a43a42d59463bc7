//! The knowledge base in the JSON API: projects (with the ones that possibly overlap), tools
//! and publications, country profiles, and the whole dataset for download.

use axum::{
    extract::{rejection::PathRejection, Path, State},
    http::header,
    response::{IntoResponse, Response},
    Json,
};
use gfce_core::{
    exchange::json, reference, ActorKind, Contribution, CountryCode, Lang, Page, PageRequest, ResourceType, Slug,
    Timestamp,
};
use gfce_store::{ActorFilter, ProjectFilter, ProjectOrder, ResourceFilter};

use super::dto::{
    strings, ActorItem, CountryProfile, EventItem, FactItem, Names, OverlapItem, ProjectDetail, ProjectItem,
    ProjectList, ProjectSample, ResourceItem, ResourceList, ResourceSample,
};
use crate::http::{
    conditional::Modified,
    params::{first_error, Params, SlugParam},
    queries::{ProjectQuery, ResourceQuery},
    AppState, Problem, WebError,
};

/// The actors these contributions name. A plain function, so that no iterator is held across an
/// await (which would make the handler's future not `Send`).
fn actors_in<'a>(lists: impl Iterator<Item = &'a [Contribution]>) -> Vec<&'a Slug> {
    lists.flat_map(|l| l.iter().map(|c| &c.actor)).collect()
}

async fn names_of(state: &AppState, mut slugs: Vec<&Slug>) -> Result<Names, WebError> {
    slugs.sort_unstable();
    slugs.dedup();
    Ok(state.store.actors_by_slugs(&slugs).await?)
}

/// When an answer about one record last changed: the latest of the record's own last write and
/// those of the actors and projects it shows. Asked after those were read, so that it is never
/// older than what the answer shows. A project that stops overlapping is no longer named, so only
/// the answer's `ETag` notices that.
async fn last_change(
    state: &AppState,
    own: Timestamp,
    actors: &[&Slug],
    projects: &[&Slug],
) -> Result<Timestamp, WebError> {
    let others = [state.store.actors_written(actors).await?, state.store.projects_written(projects).await?];
    Ok(others.into_iter().flatten().fold(own, Timestamp::max))
}

/// List projects.
#[utoipa::path(get, path = "/api/v1/projects", tag = "projects", params(ProjectQuery),
    responses(
        (status = 200, body = ProjectList),
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem,
         content_type = "application/problem+json"),
    ))]
pub async fn list_projects(
    State(state): State<AppState>,
    Params(query): Params<ProjectQuery>,
) -> Result<Json<ProjectList>, WebError> {
    let (filter, order, page, errors) = query.parse(&state.store).await?;
    first_error(errors)?;
    let projects = state.store.list_projects(&filter, order, Lang::En, page).await?;
    let names = names_of(&state, actors_in(projects.items.iter().map(|p| p.participants.as_slice()))).await?;
    Ok(Json(ProjectList::from_page(&projects, |p| ProjectItem::new(p, &names))))
}

/// One project, with the projects that possibly overlap with it and why.
#[utoipa::path(get, path = "/api/v1/projects/{slug}", tag = "projects",
    params(("slug" = String, Path, description = "The project's slug")),
    responses(
        (status = 200, body = ProjectDetail),
        (status = 404, description = "No record has this slug", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_project(
    State(state): State<AppState>,
    SlugParam(slug): SlugParam,
) -> Result<Modified<Json<ProjectDetail>>, WebError> {
    let dated = state.store.project(&slug).await?.ok_or(WebError::NotFound)?;
    let project = &dated.record;
    let actors = actors_in(std::iter::once(project.participants.as_slice()));
    let names = names_of(&state, actors.clone()).await?;
    let overlaps = state.overlaps(project).await?;
    let overlapping: Vec<&Slug> = overlaps.iter().map(|(p, _)| &p.slug).collect();
    let at = last_change(&state, dated.updated_at, &actors, &overlapping).await?;
    let answer = Json(ProjectDetail {
        project: ProjectItem::new(project, &names),
        updated_at: dated.updated_at,
        possibly_overlapping: overlaps.iter().map(|(p, o)| OverlapItem::new(p, o)).collect(),
    });
    Ok(Modified { at, answer })
}

async fn list_resources(
    state: AppState,
    query: ResourceQuery,
    resource_type: ResourceType,
) -> Result<Json<ResourceList>, WebError> {
    let (mut filter, page, errors) = query.parse(&state.store).await?;
    first_error(errors)?;
    filter.resource_type = Some(resource_type);
    let resources = state.store.list_resources(&filter, page).await?;
    let names = names_of(&state, actors_in(resources.items.iter().map(|r| r.contributors.as_slice()))).await?;
    Ok(Json(ResourceList::from_page(&resources, |r| ResourceItem::new(r, &names))))
}

async fn get_resource(
    state: AppState,
    slug: Slug,
    resource_type: ResourceType,
) -> Result<Modified<Json<ResourceItem>>, WebError> {
    let dated = state.store.resource(&slug).await?.filter(|r| r.record.resource_type == resource_type);
    let dated = dated.ok_or(WebError::NotFound)?;
    let actors = actors_in(std::iter::once(dated.record.contributors.as_slice()));
    let names = names_of(&state, actors.clone()).await?;
    let at = last_change(&state, dated.updated_at, &actors, &[]).await?;
    Ok(Modified { at, answer: Json(ResourceItem::new(&dated.record, &names)) })
}

/// The list and item handlers of one resource type, each documented at its own path.
#[rustfmt::skip] // rustfmt would indent the attributes' arguments as if they were code.
macro_rules! resource_handlers {
    (
        $kind:expr,
        $list:ident, $list_path:literal, $list_doc:literal,
        $get:ident, $get_path:literal, $get_doc:literal, $slug_doc:literal
    ) => {
        #[doc = $list_doc]
        #[utoipa::path(get, path = $list_path, tag = "resources", params(ResourceQuery),
            responses(
                (status = 200, body = ResourceList),
                (status = 400, description = "A parameter is malformed; `param` names it", body = Problem, content_type = "application/problem+json"),
            ))]
        pub async fn $list(
            State(state): State<AppState>,
            Params(query): Params<ResourceQuery>,
        ) -> Result<Json<ResourceList>, WebError> {
            list_resources(state, query, $kind).await
        }

        #[doc = $get_doc]
        #[utoipa::path(get, path = $get_path, tag = "resources",
            params(("slug" = String, Path, description = $slug_doc)),
            responses(
                (status = 200, body = ResourceItem),
                (status = 404, description = "No record has this slug", body = Problem, content_type = "application/problem+json"),
            ))]
        pub async fn $get(
            State(state): State<AppState>,
            SlugParam(slug): SlugParam,
        ) -> Result<Modified<Json<ResourceItem>>, WebError> {
            get_resource(state, slug, $kind).await
        }
    };
}

resource_handlers!(
    ResourceType::Tool,
    list_tools,
    "/api/v1/tools",
    "List tools: guides, frameworks, toolkits, training courses, standards…",
    get_tool,
    "/api/v1/tools/{slug}",
    "One tool.",
    "The tool's slug"
);
resource_handlers!(
    ResourceType::Publication,
    list_publications,
    "/api/v1/publications",
    "List publications: reports, studies, policy papers…",
    get_publication,
    "/api/v1/publications/{slug}",
    "One publication.",
    "The publication's slug"
);

/// Items shown per list of a country profile.
const SAMPLE: u32 = 20;

async fn project_sample(state: &AppState, filter: ProjectFilter, all: String) -> Result<ProjectSample, WebError> {
    let page = state.store.list_projects(&filter, ProjectOrder::Newest, Lang::En, PageRequest::new(1, SAMPLE)).await?;
    let names = names_of(state, actors_in(page.items.iter().map(|p| p.participants.as_slice()))).await?;
    Ok(ProjectSample {
        total: page.total,
        items: page.items.iter().map(|p| ProjectItem::new(p, &names)).collect(),
        all,
    })
}

/// How many actors based in a country its profile lists.
const PROFILE_ACTORS: u32 = 200;

/// A country profile.
#[utoipa::path(get, path = "/api/v1/countries/{code}", tag = "countries",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-2 code", example = "VN")),
    responses(
        (status = 200, body = CountryProfile),
        (status = 404, description = "No country has this code", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_country(
    State(state): State<AppState>,
    code: Result<Path<String>, PathRejection>,
) -> Result<Json<CountryProfile>, WebError> {
    // A segment that is not even text (bad percent-encoding) names no country either.
    let Ok(Path(code)) = code else { return Err(WebError::NotFound) };
    let code = CountryCode::parse(&code).map_err(|_| WebError::NotFound)?;
    let country = reference::shipped().country(code).ok_or(WebError::NotFound)?;
    let facts = state.store.country_facts(code).await?;
    let based = ActorFilter { country: Some(code), ..ActorFilter::default() };
    let actors = state.store.list_actors(&based, Lang::En, PageRequest::new(1, PROFILE_ACTORS)).await?;
    let own_actor = actors.items.iter().find(|a| a.kind == ActorKind::Country);
    let benefiting = project_sample(
        &state,
        ProjectFilter { country: Some(code), ..ProjectFilter::default() },
        format!("/api/v1/projects?country={code}"),
    )
    .await?;
    let involved = match own_actor {
        Some(actor) => {
            let all = format!("/api/v1/projects?actor={}", actor.slug);
            project_sample(&state, ProjectFilter { actor: Some(actor.slug.clone()), ..ProjectFilter::default() }, all)
                .await?
        }
        None => ProjectSample { total: 0, items: Vec::new(), all: String::new() },
    };
    let resources = if country.languages.is_empty() {
        Page { items: Vec::new(), total: 0, request: PageRequest::new(1, SAMPLE) }
    } else {
        let filter = ResourceFilter { languages: country.languages.clone(), ..ResourceFilter::default() };
        state.store.list_resources(&filter, PageRequest::new(1, SAMPLE)).await?
    };
    let names = names_of(&state, actors_in(resources.items.iter().map(|r| r.contributors.as_slice()))).await?;
    let events = state.store.events_in(code).await?;
    Ok(Json(CountryProfile {
        country: country.into(),
        languages: strings(&country.languages),
        facts: facts.iter().map(FactItem::from).collect(),
        actors: actors.items.iter().map(ActorItem::from).collect(),
        benefiting,
        involved,
        resources_in_its_languages: ResourceSample {
            total: resources.total,
            items: resources.items.iter().map(|r| ResourceItem::new(r, &names)).collect(),
        },
        events: events.iter().map(EventItem::from).collect(),
    }))
}

/// The whole dataset: every actor, project, tool, publication, event and country fact, in the
/// format `gfce import` reads back.
#[utoipa::path(get, path = "/api/v1/export.json", tag = "open data",
    responses((status = 200, description = "A GFCE Hub dataset (format `gfce-hub`, version 1)",
               content_type = "application/json")))]
pub async fn export(State(state): State<AppState>) -> Result<Response, WebError> {
    let data = state.store.export().await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"gfce-hub-export.json\""),
        ],
        json::write(&data),
    )
        .into_response())
}
