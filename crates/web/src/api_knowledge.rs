//! The knowledge base in the JSON API: actors, projects (with possibly overlapping ones), tools
//! and publications, country profiles, and the whole dataset for download.

use std::collections::HashMap;

use axum::{
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
    Json,
};
use gfce_core::{
    exchange::json, format_date, overlap, reference, Actor, Contribution, CountryCode, CountryFact, FactKind, Lang,
    Page, PageRequest, Project, ProjectStatus, Resource, ResourceKind, ResourceType, Role, Slug,
};
use gfce_store::{ActorFilter, ProjectFilter, ProjectOrder, ResourceFilter};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    api::{parse_slug, ActorItem, ActorList, CountryItem, EventItem, HtmlLinks, ProjectList, ResourceList, Text},
    error::{Problem, WebError},
    params::{first_error, ActorQuery, Params, ProjectQuery, ResourceQuery},
    AppState,
};

type SlugPath = Result<Path<String>, axum::extract::rejection::PathRejection>;

/// An actor's part in a record, with its name.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContributionItem {
    /// The actor's slug.
    pub actor: String,
    pub role: Role,
    /// Null if the actor could not be found (it was removed).
    pub name: Option<Text>,
}

/// A budget: an exact decimal amount and its ISO 4217 currency.
#[derive(Debug, Serialize, ToSchema)]
pub struct MoneyItem {
    /// Decimal, without thousands separators: `1500000`, `2500.5`.
    pub amount: String,
    pub currency: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkItem {
    pub url: String,
    pub label: Option<String>,
}

/// A capacity-building project or initiative.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectItem {
    pub id: String,
    pub slug: String,
    pub title: Text,
    pub summary: Option<Text>,
    /// Markdown.
    pub description: Option<Text>,
    pub status: ProjectStatus,
    /// `YYYY-MM-DD`.
    pub starts_on: Option<String>,
    /// `YYYY-MM-DD`.
    pub ends_on: Option<String>,
    /// Funders, implementers and partners, in order.
    pub participants: Vec<ContributionItem>,
    /// ISO 3166-1 alpha-2 codes of the countries that benefit.
    pub countries: Vec<String>,
    /// UN M49 codes of the regions that benefit as a whole.
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    pub tags: Vec<String>,
    pub budget: Option<MoneyItem>,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    pub links: Vec<LinkItem>,
    pub iati_identifier: Option<String>,
    pub source_url: Option<String>,
    pub html: HtmlLinks,
}

type Names = HashMap<Slug, Actor>;

fn contributions(list: &[Contribution], names: &Names) -> Vec<ContributionItem> {
    list.iter()
        .map(|c| ContributionItem {
            actor: c.actor.to_string(),
            role: c.role,
            name: names.get(&c.actor).map(|a| Text::from(&a.name)),
        })
        .collect()
}

fn strings<T: ToString>(items: &[T]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}

impl ProjectItem {
    fn new(p: &Project, names: &Names) -> Self {
        ProjectItem {
            id: p.id.to_string(),
            slug: p.slug.to_string(),
            title: (&p.title).into(),
            summary: p.summary.as_ref().map(Text::from),
            description: p.description.as_ref().map(Text::from),
            status: p.status,
            starts_on: p.starts_on.map(format_date),
            ends_on: p.ends_on.map(format_date),
            participants: contributions(&p.participants, names),
            countries: strings(&p.countries),
            regions: strings(&p.regions),
            themes: strings(&p.themes),
            tags: p.tags.iter().map(|t| t.as_str().to_owned()).collect(),
            budget: p
                .budget
                .as_ref()
                .map(|b| MoneyItem { amount: b.amount.as_str().to_owned(), currency: b.currency.to_string() }),
            languages: strings(&p.languages),
            links: p.links.iter().map(|l| LinkItem { url: l.url.to_string(), label: l.label.clone() }).collect(),
            iati_identifier: p.iati_identifier.clone(),
            source_url: p.source_url.as_ref().map(ToString::to_string),
            html: HtmlLinks::new("projects", &p.slug),
        }
    }
}

/// Why a project possibly overlaps with another.
#[derive(Debug, Serialize, ToSchema)]
pub struct OverlapReasons {
    /// Beneficiary countries both name.
    pub countries: Vec<String>,
    /// Regions one names that the other names or lies in.
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    /// The common period, `YYYY-MM-DD` each; null when a date is unknown.
    pub period: Option<[String; 2]>,
    /// 0 to 1: how alike the titles and summaries are.
    pub text_similarity: f64,
}

/// A project that possibly duplicates the effort of the one asked for.
#[derive(Debug, Serialize, ToSchema)]
pub struct OverlapItem {
    pub slug: String,
    pub title: Text,
    /// 0 to 1.
    pub score: f64,
    pub reasons: OverlapReasons,
    pub html: HtmlLinks,
}

/// A project with the projects that possibly overlap with it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectDetail {
    #[serde(flatten)]
    pub project: ProjectItem,
    /// Last change, RFC 3339.
    pub updated_at: String,
    /// Projects with a shared beneficiary place, a shared theme and an overlapping period, the most
    /// alike first.
    pub possibly_overlapping: Vec<OverlapItem>,
}

/// How many overlapping projects a project shows, and how many candidates are scored for them.
const OVERLAPS_SHOWN: usize = 5;
const OVERLAP_CANDIDATES: u32 = 500;

/// The projects that possibly overlap with `project`, scored in core.
pub(crate) async fn overlaps(
    state: &AppState,
    project: &Project,
) -> Result<Vec<(Project, overlap::Overlap)>, WebError> {
    let candidates = state.store.overlap_candidates(project, OVERLAP_CANDIDATES).await?;
    let profiles: Vec<overlap::Profile> = candidates.iter().map(overlap::Profile::of).collect();
    let found = overlap::find(&overlap::Profile::of(project), &profiles, OVERLAPS_SHOWN);
    let mut by_id: HashMap<_, Project> = candidates.into_iter().map(|p| (p.id, p)).collect();
    Ok(found.into_iter().filter_map(|o| by_id.remove(&o.id).map(|p| (p, o))).collect())
}

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
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_project(State(state): State<AppState>, slug: SlugPath) -> Result<Json<ProjectDetail>, WebError> {
    let slug = parse_slug(slug)?;
    let dated = state.store.project(&slug).await?.ok_or(WebError::NotFound)?;
    let project = &dated.record;
    let names = names_of(&state, actors_in(std::iter::once(project.participants.as_slice()))).await?;
    let possibly_overlapping = overlaps(&state, project)
        .await?
        .into_iter()
        .map(|(p, o)| OverlapItem {
            slug: p.slug.to_string(),
            title: (&p.title).into(),
            score: o.score,
            reasons: OverlapReasons {
                countries: strings(&o.reasons.countries),
                regions: strings(&o.reasons.regions),
                themes: strings(&o.reasons.themes),
                period: o.reasons.period.map(|(a, b)| [format_date(a), format_date(b)]),
                text_similarity: o.reasons.text_similarity,
            },
            html: HtmlLinks::new("projects", &p.slug),
        })
        .collect();
    Ok(Json(ProjectDetail {
        project: ProjectItem::new(project, &names),
        updated_at: dated.updated_at,
        possibly_overlapping,
    }))
}

/// A tool or a publication.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResourceItem {
    pub id: String,
    pub slug: String,
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
    pub kind: ResourceKind,
    pub title: Text,
    pub summary: Option<Text>,
    /// `YYYY-MM-DD`.
    pub published_on: Option<String>,
    pub url: Option<String>,
    /// Authors and publishers.
    pub contributors: Vec<ContributionItem>,
    pub themes: Vec<String>,
    pub regions: Vec<String>,
    pub languages: Vec<String>,
    pub source_url: Option<String>,
    pub html: HtmlLinks,
}

impl ResourceItem {
    fn new(r: &Resource, names: &Names) -> Self {
        ResourceItem {
            id: r.id.to_string(),
            slug: r.slug.to_string(),
            resource_type: r.resource_type,
            kind: r.kind,
            title: (&r.title).into(),
            summary: r.summary.as_ref().map(Text::from),
            published_on: r.published_on.map(format_date),
            url: r.url.as_ref().map(ToString::to_string),
            contributors: contributions(&r.contributors, names),
            themes: strings(&r.themes),
            regions: strings(&r.regions),
            languages: strings(&r.languages),
            source_url: r.source_url.as_ref().map(ToString::to_string),
            html: HtmlLinks::new(gfce_core::ContentType::from(r.resource_type).section(), &r.slug),
        }
    }
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
    slug: SlugPath,
    resource_type: ResourceType,
) -> Result<Json<ResourceItem>, WebError> {
    let slug = parse_slug(slug)?;
    let dated = state.store.resource(&slug).await?.filter(|r| r.record.resource_type == resource_type);
    let resource = dated.ok_or(WebError::NotFound)?.record;
    let names = names_of(&state, actors_in(std::iter::once(resource.contributors.as_slice()))).await?;
    Ok(Json(ResourceItem::new(&resource, &names)))
}

/// List tools: guides, frameworks, toolkits, training courses, standards…
#[utoipa::path(get, path = "/api/v1/tools", tag = "resources", params(ResourceQuery),
    responses(
        (status = 200, body = ResourceList),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_tools(
    State(state): State<AppState>,
    Params(query): Params<ResourceQuery>,
) -> Result<Json<ResourceList>, WebError> {
    list_resources(state, query, ResourceType::Tool).await
}

/// One tool.
#[utoipa::path(get, path = "/api/v1/tools/{slug}", tag = "resources",
    params(("slug" = String, Path, description = "The tool's slug")),
    responses(
        (status = 200, body = ResourceItem),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_tool(State(state): State<AppState>, slug: SlugPath) -> Result<Json<ResourceItem>, WebError> {
    get_resource(state, slug, ResourceType::Tool).await
}

/// List publications: reports, studies, policy papers…
#[utoipa::path(get, path = "/api/v1/publications", tag = "resources", params(ResourceQuery),
    responses(
        (status = 200, body = ResourceList),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_publications(
    State(state): State<AppState>,
    Params(query): Params<ResourceQuery>,
) -> Result<Json<ResourceList>, WebError> {
    list_resources(state, query, ResourceType::Publication).await
}

/// One publication.
#[utoipa::path(get, path = "/api/v1/publications/{slug}", tag = "resources",
    params(("slug" = String, Path, description = "The publication's slug")),
    responses(
        (status = 200, body = ResourceItem),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_publication(State(state): State<AppState>, slug: SlugPath) -> Result<Json<ResourceItem>, WebError> {
    get_resource(state, slug, ResourceType::Publication).await
}

/// List every actor: members, partners and the other organisations projects name.
#[utoipa::path(get, path = "/api/v1/actors", tag = "actors", params(ActorQuery),
    responses(
        (status = 200, body = ActorList),
        (status = 400, body = Problem, content_type = "application/problem+json"),
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
    params(("slug" = String, Path, description = "The actor's slug")),
    responses(
        (status = 200, body = ActorItem),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_actor(State(state): State<AppState>, slug: SlugPath) -> Result<Json<ActorItem>, WebError> {
    let slug = parse_slug(slug)?;
    let actor = state.store.actor(&slug).await?.ok_or(WebError::NotFound)?;
    Ok(Json((&actor).into()))
}

/// A key fact about a country, with its source.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactItem {
    pub kind: FactKind,
    pub title: Text,
    pub year: Option<i32>,
    pub source_url: String,
}

impl From<&CountryFact> for FactItem {
    fn from(f: &CountryFact) -> Self {
        FactItem { kind: f.kind, title: (&f.title).into(), year: f.year, source_url: f.source_url.to_string() }
    }
}

/// The first page of a longer list, and how long the list is.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectSample {
    pub total: u64,
    pub items: Vec<ProjectItem>,
    /// The API query that lists them all.
    pub all: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResourceSample {
    pub total: u64,
    pub items: Vec<ResourceItem>,
}

/// Everything the platform knows about one country.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryProfile {
    pub country: CountryItem,
    /// ISO 639-1 codes of its official or main languages.
    pub languages: Vec<String>,
    /// National strategy, CERT, data-protection and cybercrime laws, with sources.
    pub facts: Vec<FactItem>,
    /// Members, partners and other actors based there.
    pub actors: Vec<ActorItem>,
    /// Projects that benefit it (directly or through a region).
    pub benefiting: ProjectSample,
    /// Projects the country itself funds, implements or takes part in, as a member.
    pub involved: ProjectSample,
    /// Tools and publications in its languages.
    pub resources_in_its_languages: ResourceSample,
    /// Events it hosted.
    pub events: Vec<EventItem>,
}

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

/// The data of a country profile, for the API and the page.
pub(crate) struct Profile {
    pub facts: Vec<CountryFact>,
    pub actors: Page<Actor>,
    pub own_actor: Option<Actor>,
}

pub(crate) async fn profile_basics(state: &AppState, code: CountryCode) -> Result<Profile, WebError> {
    let facts = state.store.country_facts(code).await?;
    let filter = ActorFilter { country: Some(code), ..ActorFilter::default() };
    let actors = state.store.list_actors(&filter, Lang::En, PageRequest::new(1, 200)).await?;
    let own_actor = actors.items.iter().find(|a| a.kind == gfce_core::ActorKind::Country).cloned();
    Ok(Profile { facts, actors, own_actor })
}

/// A country profile.
#[utoipa::path(get, path = "/api/v1/countries/{code}", tag = "countries",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-2 code, e.g. `VN`")),
    responses(
        (status = 200, body = CountryProfile),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_country(State(state): State<AppState>, code: SlugPath) -> Result<Json<CountryProfile>, WebError> {
    let code = code.ok().and_then(|Path(c)| CountryCode::parse(&c).ok()).ok_or(WebError::NotFound)?;
    let country = reference::shipped().country(code).ok_or(WebError::NotFound)?;
    let basics = profile_basics(&state, code).await?;
    let benefiting = project_sample(
        &state,
        ProjectFilter { country: Some(code), ..ProjectFilter::default() },
        format!("/api/v1/projects?country={code}"),
    )
    .await?;
    let involved = match &basics.own_actor {
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
        facts: basics.facts.iter().map(FactItem::from).collect(),
        actors: basics.actors.items.iter().map(ActorItem::from).collect(),
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
