//! The knowledge hub's pages, under `/vi/…` and `/en/…` like the others: projects, tools and
//! publications, the actors that are not members, and the country profiles.
//!
//! As in [`crate::pages`], handlers build plain view models, every text already translated and
//! chosen by language, and the askama templates only lay them out, auto-escaped. The one piece of
//! markup not written by a template, a project's description, comes from [`crate::markdown`].

use std::collections::{HashMap, HashSet};

use askama::Template;
use axum::{
    extract::{rejection::PathRejection, Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
    Extension, Router,
};
use fluent_bundle::FluentValue;
use gfce_core::{
    curation::Content,
    overlap::{self, Overlap, Profile},
    reference::{self, Country, Region},
    Actor, ActorKind, CountryCode, Event, Lang, LanguageCode, Membership, Money, PageRequest, ParseError, Project,
    ProjectStatus, RegionCode, RegionLevel, Resource, ResourceKind, ResourceType, Role, Slug, Theme, ThemeId, WebUrl,
};
use gfce_store::{ActorFilter, Dated, ProjectFilter, ProjectOrder, ResourceFilter};
use time::Date;

use crate::{
    error::{Reason, WebError},
    markdown,
    pages::{
        country_options, pagination, render, theme_groups, EventCard, FieldMessage, Link, Localized, MemberCard, Opt,
        OptGroup, PageCtx, Pagination,
    },
    params::{given, or_refused, FieldError, Params, ProjectQuery, ResourceQuery},
    AppState, I18n,
};

/// The knowledge hub's routes of one language, all under its prefix.
pub fn routes(lang: Lang) -> Router<AppState> {
    let prefix = format!("/{}", lang.code());
    Router::new()
        .route(&format!("{prefix}/projects"), get(projects))
        .route(&format!("{prefix}/projects/{{slug}}"), get(project))
        .route(&format!("{prefix}/tools"), get(tools))
        .route(&format!("{prefix}/tools/{{slug}}"), get(tool))
        .route(&format!("{prefix}/publications"), get(publications))
        .route(&format!("{prefix}/publications/{{slug}}"), get(publication))
        .route(&format!("{prefix}/actors/{{slug}}"), get(actor))
        .route(&format!("{prefix}/countries"), get(countries))
        .route(&format!("{prefix}/countries/{{code}}"), get(country))
        .layer(Extension(lang))
}

// ---------------------------------------------------------------------------------------------
// View models shared by several pages.

/// One value of a detail row: a text, linked when it leads somewhere.
#[derive(Default)]
pub struct Item {
    pub text: String,
    pub href: Option<String>,
    /// A link to another site: it gets `rel="noopener noreferrer external"`.
    pub external: bool,
    /// Set when the text is in another language than the page.
    pub lang: Option<&'static str>,
    /// A code shown after the text, with its full name as a tooltip (a currency).
    pub abbr: Option<Abbr>,
}

pub struct Abbr {
    pub code: String,
    pub title: String,
}

impl Item {
    fn text(text: String) -> Item {
        Item { text, ..Item::default() }
    }

    fn link(text: String, href: String) -> Item {
        Item { text, href: Some(href), ..Item::default() }
    }

    fn external(url: &WebUrl, text: Option<String>) -> Item {
        Item {
            text: text.unwrap_or_else(|| url.to_string()),
            href: Some(url.to_string()),
            external: true,
            ..Item::default()
        }
    }

    fn localized(text: Localized, href: Option<String>) -> Item {
        Item { text: text.text, lang: text.lang, href, ..Item::default() }
    }
}

/// A row of a detail page's summary list; its value may be several items.
pub struct Row {
    pub label: String,
    pub items: Vec<Item>,
}

/// A project as a line of a list.
pub struct ProjectCard {
    pub title: Localized,
    pub href: String,
    pub status: String,
    pub period: Option<String>,
    /// The beneficiary countries and regions, the first few by name.
    pub places: Option<String>,
    pub themes: Option<String>,
    /// On an actor's page: its part in the project ("Funder, Implementer").
    pub roles: Option<String>,
}

/// A tool or publication as a line of a list.
pub struct ResourceCard {
    pub title: Localized,
    pub href: String,
    pub kind: String,
    pub published: Option<String>,
    pub themes: Option<String>,
    pub languages: Option<String>,
}

/// An organisation a list is narrowed to, named above the results.
pub struct ActorNote {
    pub name: Localized,
    pub href: String,
}

/// What was typed in a list's text fields, shown again as typed.
pub struct Typed {
    pub q: String,
    pub actor: String,
    pub tag: String,
    pub year: String,
}

impl Typed {
    fn of(q: &Option<String>, actor: &Option<String>, tag: &Option<String>, year: &Option<String>) -> Typed {
        let shown = |v: &Option<String>| v.as_deref().unwrap_or("").to_owned();
        Typed { q: shown(q), actor: shown(actor), tag: shown(tag), year: shown(year) }
    }
}

/// An actor's projects, tools and publications, as its page (member or not) lists them.
pub struct ActorWork {
    pub projects: Vec<ProjectCard>,
    pub projects_more: Option<Link>,
    pub tools: Vec<ResourceCard>,
    pub tools_more: Option<Link>,
    pub publications: Vec<ResourceCard>,
    pub publications_more: Option<Link>,
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

fn slug_of(slug: Result<Path<String>, PathRejection>) -> Result<Slug, WebError> {
    slug.ok().and_then(|Path(s)| Slug::parse(&s).ok()).ok_or(WebError::NotFound)
}

/// A permanent redirect (308) to `path` of this site in the page's language, the query kept.
pub(crate) fn moved(ctx: &PageCtx, path: &str) -> Response {
    let mut to = ctx.href(path);
    if !ctx.query_string().is_empty() {
        to.push('?');
        to.push_str(ctx.query_string());
    }
    Redirect::permanent(&to).into_response()
}

/// A list of this site narrowed by query parameters: `/en/projects?country=VN`.
fn filtered(ctx: &PageCtx, section: &str, pairs: &[(&str, &str)]) -> String {
    format!("{}?{}", ctx.href(section), serde_urlencoded::to_string(pairs).unwrap_or_default())
}

fn with_arg(i18n: &I18n, lang: Lang, id: &str, name: &str, value: String) -> String {
    i18n.get_args(lang, id, &[(name, FluentValue::from(value))])
}

fn country_name(lang: Lang, code: CountryCode) -> String {
    reference::shipped().country(code).map_or_else(|| code.to_string(), |c| c.name.get(lang).to_owned())
}

fn region_name(lang: Lang, code: RegionCode) -> String {
    reference::shipped().region(code).map_or_else(|| code.as_string(), |r| r.name.get(lang).to_owned())
}

fn language_name(lang: Lang, code: LanguageCode) -> String {
    reference::shipped().language(code).map_or_else(|| code.to_string(), |l| l.name.get(lang).to_owned())
}

/// A language's name inside a sentence: Vietnamese writes "tiếng Việt" there, not "Tiếng Việt".
fn language_in_sentence(lang: Lang, code: LanguageCode) -> String {
    let name = language_name(lang, code);
    match (lang, name.strip_prefix("Tiếng ")) {
        (Lang::Vi, Some(rest)) => format!("tiếng {rest}"),
        _ => name,
    }
}

fn theme_name<'a>(themes: &'a [Theme], id: &ThemeId, lang: Lang) -> Option<&'a str> {
    themes.iter().find(|t| &t.id == id).map(|t| t.name.get(lang))
}

fn theme_list(themes: &[Theme], ids: &[ThemeId], lang: Lang) -> Option<String> {
    let names: Vec<&str> = ids.iter().filter_map(|id| theme_name(themes, id, lang)).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn status_label(ctx: &PageCtx, status: ProjectStatus) -> String {
    ctx.t(&format!("status-{}", status.as_str()))
}

fn kind_label(ctx: &PageCtx, kind: ResourceKind) -> String {
    ctx.t(&format!("resource-kind-{}", kind.as_str()))
}

fn role_label(ctx: &PageCtx, role: Role) -> String {
    ctx.t(&format!("role-{}", role.as_str()))
}

/// Where an actor's page is: members and partners are in the directory, others are not.
fn actor_href(ctx: &PageCtx, actor: &Actor) -> String {
    let section = if actor.joined.is_some() { "members" } else { "actors" };
    ctx.href(&format!("/{section}/{}", actor.slug))
}

fn country_href(ctx: &PageCtx, code: CountryCode) -> String {
    ctx.href(&format!("/countries/{code}"))
}

/// The section of a resource type's pages.
fn section(kind: ResourceType) -> &'static str {
    match kind {
        ResourceType::Tool => "/tools",
        ResourceType::Publication => "/publications",
    }
}

/// A project's period, as far as it is known.
fn period(i18n: &I18n, lang: Lang, start: Option<Date>, end: Option<Date>) -> Option<String> {
    match (start, end) {
        (Some(start), Some(end)) => Some(i18n.date_range(lang, start, end)),
        (Some(start), None) => Some(with_arg(i18n, lang, "period-from", "date", i18n.date(lang, start))),
        (None, Some(end)) => Some(with_arg(i18n, lang, "period-until", "date", i18n.date(lang, end))),
        (None, None) => None,
    }
}

/// The day of a stored RFC 3339 timestamp, as people write it.
fn day_of(i18n: &I18n, lang: Lang, timestamp: &str) -> Option<String> {
    timestamp.get(..10).and_then(|d| gfce_core::parse_date(d).ok()).map(|d| i18n.date(lang, d))
}

/// An amount as `lang` writes it: "1,500,000.50" in English, "1.500.000,50" in Vietnamese; a
/// fraction is padded to the currency's usual number of decimals.
fn format_amount(money: &Money, lang: Lang) -> String {
    let (whole, fraction) = money.amount.parts();
    let (group, decimal) = match lang {
        Lang::En => (',', '.'),
        Lang::Vi => ('.', ','),
    };
    let mut out = String::with_capacity(whole.len() * 4 / 3 + fraction.len() + 4);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        let minor = reference::shipped().currency(money.currency).map_or(0, |c| usize::from(c.minor_units));
        out.push(decimal);
        out.push_str(fraction);
        out.extend(std::iter::repeat_n('0', minor.saturating_sub(fraction.len())));
    }
    out
}

/// The first `shown` names, and how many more there are.
fn some_of(i18n: &I18n, lang: Lang, names: &[String], shown: usize) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    let mut text = names[..names.len().min(shown)].join(", ");
    let more = names.len().saturating_sub(shown);
    if more > 0 {
        text.push(' ');
        text.push_str(&i18n.get_args(lang, "places-more", &[("count", FluentValue::from(more as i64))]));
    }
    Some(text)
}

fn percent(share: f64) -> i64 {
    (share * 100.0).round() as i64
}

/// One refused field of a list's form, named by its label on that form.
pub(crate) fn refused(ctx: &PageCtx, i18n: &I18n, errors: &[FieldError], labels: &[(&str, &str)]) -> Vec<FieldMessage> {
    errors
        .iter()
        .map(|(field, reason)| {
            let label = labels
                .iter()
                .find(|(f, _)| f == field)
                .map_or_else(|| ctx.t(&format!("param-{field}")), |(_, id)| ctx.t(id));
            FieldMessage { field, message: format!("{label} {}", reason.message(i18n, ctx.lang)) }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The options of the filter forms.

fn picked(value: &Option<String>, candidate: &str) -> bool {
    given(value) == Some(candidate)
}

/// Country and language codes parse in either case, so they are picked in either case too.
fn picked_code(value: &Option<String>, code: &str) -> bool {
    given(value).is_some_and(|v| v.eq_ignore_ascii_case(code))
}

fn language_options(lang: Lang, value: &Option<String>) -> Vec<Opt> {
    let mut options: Vec<Opt> = reference::shipped()
        .languages
        .iter()
        .map(|l| Opt {
            value: l.code.to_string(),
            label: l.name.get(lang).to_owned(),
            selected: picked_code(value, l.code.as_str()),
        })
        .collect();
    options.sort_by_cached_key(|o| gfce_core::fold(&o.label));
    options
}

/// The M49 regions, each with its sub-regions and intermediate regions indented below it.
fn region_groups(lang: Lang, value: &Option<String>) -> Vec<OptGroup> {
    let data = reference::shipped();
    let within = |code| data.region(code).and_then(|r| r.parent);
    data.regions
        .iter()
        .filter(|r| r.level == RegionLevel::Region)
        .map(|top| {
            let option = |r: &Region, indent: &str| Opt {
                value: r.code.as_string(),
                label: format!("{indent}{}", r.name.get(lang)),
                selected: picked(value, &r.code.as_string()),
            };
            let mut options = vec![option(top, "")];
            for r in data
                .regions
                .iter()
                .filter(|r| r.parent == Some(top.code) || r.parent.and_then(within) == Some(top.code))
            {
                options.push(option(r, if r.level == RegionLevel::IntermediateRegion { "— — " } else { "— " }));
            }
            OptGroup { label: top.name.get(lang).to_owned(), options }
        })
        .collect()
}

/// Checks that the organisation a list is narrowed to exists; an unknown one is refused.
async fn known_actor(
    state: &AppState,
    errors: &mut Vec<FieldError>,
    actor: &mut Option<Slug>,
) -> Result<Option<Actor>, WebError> {
    let Some(slug) = actor.as_ref() else { return Ok(None) };
    let found = state.store.actor(slug).await?;
    if found.is_none() {
        errors.push(("actor", Reason::Parse(ParseError::UnknownActor)));
        *actor = None;
    }
    Ok(found)
}

fn actor_note(ctx: &PageCtx, actor: Option<Actor>) -> Option<ActorNote> {
    actor.map(|a| ActorNote { href: actor_href(ctx, &a), name: ctx.localized(&a.name) })
}

// ---------------------------------------------------------------------------------------------
// Cards.

fn project_card(ctx: &PageCtx, i18n: &I18n, themes: &[Theme], p: &Project, of: Option<&Slug>) -> ProjectCard {
    let lang = ctx.lang;
    let places: Vec<String> = p
        .countries
        .iter()
        .map(|c| country_name(lang, *c))
        .chain(p.regions.iter().map(|r| region_name(lang, *r)))
        .collect();
    let roles: Vec<String> = of
        .map(|slug| p.participants.iter().filter(|c| &c.actor == slug).map(|c| role_label(ctx, c.role)).collect())
        .unwrap_or_default();
    ProjectCard {
        title: ctx.localized(&p.title),
        href: ctx.href(&format!("/projects/{}", p.slug)),
        status: status_label(ctx, p.status),
        period: period(i18n, lang, p.starts_on, p.ends_on),
        places: some_of(i18n, lang, &places, 6),
        themes: theme_list(themes, &p.themes, lang),
        roles: (!roles.is_empty()).then(|| roles.join(", ")),
    }
}

fn resource_card(ctx: &PageCtx, i18n: &I18n, themes: &[Theme], r: &Resource) -> ResourceCard {
    let languages: Vec<String> = r.languages.iter().map(|l| language_name(ctx.lang, *l)).collect();
    ResourceCard {
        title: ctx.localized(&r.title),
        href: ctx.href(&format!("{}/{}", section(r.resource_type), r.slug)),
        kind: kind_label(ctx, r.kind),
        published: r.published_on.map(|d| i18n.date(ctx.lang, d)),
        themes: theme_list(themes, &r.themes, ctx.lang),
        languages: (!languages.is_empty()).then(|| languages.join(", ")),
    }
}

fn actor_card(ctx: &PageCtx, a: &Actor) -> MemberCard {
    MemberCard {
        name: ctx.localized(&a.name),
        href: actor_href(ctx, a),
        kind: ctx.t(&format!("kind-{}", a.kind.as_str())),
        membership: ctx.t(&format!("membership-{}", a.membership().map_or("none", Membership::as_str))),
        country: None,
        founding: a.joined.is_some_and(|j| j.founding),
    }
}

fn event_card(ctx: &PageCtx, i18n: &I18n, e: &Event) -> EventCard {
    EventCard {
        name: ctx.localized(&e.name),
        href: ctx.href(&format!("/events/{}", e.slug)),
        dates: i18n.date_range(ctx.lang, e.starts_on, e.ends_on),
        place: format!("{}, {}", ctx.localized(&e.city).text, country_name(ctx.lang, e.country)),
    }
}

/// How many projects, tools and publications an actor's page lists before linking to the rest.
const WORK_SHOWN: u32 = 10;

/// An actor's projects, tools and publications, the first few of each with a link to all.
pub(crate) async fn actor_work(ctx: &PageCtx, state: &AppState, actor: &Slug) -> Result<ActorWork, WebError> {
    let themes = state.store.themes().await?;
    let first = PageRequest::new(1, WORK_SHOWN);
    let i18n = &state.i18n;
    let project_filter = ProjectFilter { actor: Some(actor.clone()), ..ProjectFilter::default() };
    let projects = state.store.list_projects(&project_filter, ProjectOrder::Newest, ctx.lang, first).await?;
    let by = |t| ResourceFilter { resource_type: Some(t), actor: Some(actor.clone()), ..ResourceFilter::default() };
    let tools = state.store.list_resources(&by(ResourceType::Tool), first).await?;
    let publications = state.store.list_resources(&by(ResourceType::Publication), first).await?;
    let more = |total: u64, shown: usize, list: &str, label: &str| {
        (total > shown as u64).then(|| Link {
            label: ctx.t1(label, "count", total as i64),
            href: filtered(ctx, list, &[("actor", actor.as_str())]),
        })
    };
    Ok(ActorWork {
        projects_more: more(projects.total, projects.items.len(), "/projects", "see-all-projects"),
        projects: projects.items.iter().map(|p| project_card(ctx, i18n, &themes, p, Some(actor))).collect(),
        tools_more: more(tools.total, tools.items.len(), "/tools", "see-all-tools"),
        tools: tools.items.iter().map(|r| resource_card(ctx, i18n, &themes, r)).collect(),
        publications_more: more(publications.total, publications.items.len(), "/publications", "see-all-publications"),
        publications: publications.items.iter().map(|r| resource_card(ctx, i18n, &themes, r)).collect(),
    })
}

// ---------------------------------------------------------------------------------------------
// Projects.

/// The label of each field of the projects form, which also names it in the error summary.
const PROJECT_LABELS: [(&str, &str); 10] = [
    ("q", "filter-text"),
    ("status", "filter-status"),
    ("country", "filter-beneficiary"),
    ("region", "filter-region"),
    ("theme", "filter-theme"),
    ("actor", "filter-actor"),
    ("language", "filter-language"),
    ("tag", "filter-tag"),
    ("year", "filter-year"),
    ("order", "filter-order"),
];

#[derive(Template)]
#[template(path = "projects.html")]
struct ProjectsTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    typed: Typed,
    statuses: Vec<Opt>,
    countries: Vec<Opt>,
    regions: Vec<OptGroup>,
    themes: Vec<OptGroup>,
    languages: Vec<Opt>,
    orders: Vec<Opt>,
    actor: Option<ActorNote>,
    results: Vec<ProjectCard>,
    count: String,
    pagination: Option<Pagination>,
}

async fn projects(
    ctx: PageCtx,
    State(state): State<AppState>,
    query: Result<Params<ProjectQuery>, WebError>,
) -> Result<Response, WebError> {
    let (query, mut errors) = or_refused(query)?;
    let (mut filter, order, page_request, parse_errors) = query.parse(&state.store).await?;
    errors.extend(parse_errors);
    let actor = known_actor(&state, &mut errors, &mut filter.actor).await?;
    let page = state.store.list_projects(&filter, order, ctx.lang, page_request).await?;
    let themes = state.store.themes().await?;
    let i18n = &state.i18n;
    let lang = ctx.lang;
    let by_title = picked(&query.order, "title");
    let template = ProjectsTemplate {
        title: ctx.t("projects-title"),
        errors: refused(&ctx, i18n, &errors, &PROJECT_LABELS),
        typed: Typed::of(&query.q, &query.actor, &query.tag, &query.year),
        statuses: ProjectStatus::ALL
            .iter()
            .map(|s| Opt {
                value: s.as_str().into(),
                label: status_label(&ctx, *s),
                selected: picked(&query.status, s.as_str()),
            })
            .collect(),
        countries: country_options(lang, |code| picked_code(&query.country, code)),
        regions: region_groups(lang, &query.region),
        themes: theme_groups(&ctx, &themes, |id| picked(&query.theme, id)),
        languages: language_options(lang, &query.language),
        orders: vec![
            Opt { value: "newest".into(), label: ctx.t("order-newest"), selected: !by_title },
            Opt { value: "title".into(), label: ctx.t("order-title"), selected: by_title },
        ],
        actor: actor_note(&ctx, actor),
        results: page.items.iter().map(|p| project_card(&ctx, i18n, &themes, p, filter.actor.as_ref())).collect(),
        count: ctx.t1("results-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        ctx,
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    Ok((status, render(&template)?).into_response())
}

/// A project the one shown possibly duplicates, and why.
pub struct OverlapCard {
    pub title: Localized,
    pub href: String,
    pub score: String,
    pub reasons: Vec<String>,
}

/// A description rendered from Markdown, and its language when not the page's.
pub struct Prose {
    pub html: String,
    pub lang: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "project.html")]
struct ProjectTemplate {
    ctx: PageCtx,
    title: String,
    name: Localized,
    summary: Option<Localized>,
    description: Option<Prose>,
    crumbs: Vec<Link>,
    details: Vec<Row>,
    overlaps: Vec<OverlapCard>,
    steps: Option<crate::contribute::RecordSteps>,
}

/// How many possibly overlapping projects a project's page shows, out of how many candidates.
const OVERLAPS_SHOWN: usize = 5;
const OVERLAP_CANDIDATES: u32 = 500;

async fn project(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: crate::auth::Viewer,
    slug: Result<Path<String>, PathRejection>,
) -> Result<Html<String>, WebError> {
    let slug = slug_of(slug)?;
    let Dated { record: p, updated_at, .. } = state.store.project(&slug).await?.ok_or(WebError::NotFound)?;
    let steps = crate::contribute::record_steps(&ctx, &state, &viewer, Content::Project(p.clone())).await?;
    let themes = state.store.themes().await?;
    let slugs: Vec<&Slug> = p.participants.iter().map(|c| &c.actor).collect();
    let actors = if slugs.is_empty() { HashMap::new() } else { state.store.actors_by_slugs(&slugs).await? };
    let candidates = state.store.overlap_candidates(&p, OVERLAP_CANDIDATES).await?;
    let i18n = &state.i18n;
    let lang = ctx.lang;
    let row = |label: &str, items: Vec<Item>| Row { label: ctx.t(label), items };
    let projects_with = |key: &str, value: &str| filtered(&ctx, "/projects", &[(key, value)]);

    let mut details = vec![row(
        "project-status",
        vec![Item::link(status_label(&ctx, p.status), projects_with("status", p.status.as_str()))],
    )];
    if let Some(start) = p.starts_on {
        details.push(row("project-start", vec![Item::text(i18n.date(lang, start))]));
    }
    if let Some(end) = p.ends_on {
        details.push(row("project-end", vec![Item::text(i18n.date(lang, end))]));
    }
    if let Some(budget) = &p.budget {
        let currency = reference::shipped().currency(budget.currency);
        let abbr = Abbr {
            code: budget.currency.to_string(),
            title: currency.map_or_else(|| budget.currency.to_string(), |c| c.name.get(lang).to_owned()),
        };
        details.push(row("project-budget", vec![Item { abbr: Some(abbr), ..Item::text(format_amount(budget, lang)) }]));
    }
    for (role, label) in [
        (Role::Funder, "project-funders"),
        (Role::Implementer, "project-implementers"),
        (Role::Partner, "project-partners"),
    ] {
        let items: Vec<Item> = p
            .actors(role)
            .map(|slug| match actors.get(slug) {
                Some(a) => Item::localized(ctx.localized(&a.name), Some(actor_href(&ctx, a))),
                None => Item::text(slug.to_string()),
            })
            .collect();
        if !items.is_empty() {
            details.push(row(label, items));
        }
    }
    if !p.countries.is_empty() {
        let items = p.countries.iter().map(|c| Item::link(country_name(lang, *c), country_href(&ctx, *c))).collect();
        details.push(row("project-countries", items));
    }
    if !p.regions.is_empty() {
        let items = p
            .regions
            .iter()
            .map(|r| Item::link(region_name(lang, *r), projects_with("region", &r.as_string())))
            .collect();
        details.push(row("project-regions", items));
    }
    if !p.themes.is_empty() {
        let items = p
            .themes
            .iter()
            .filter_map(|id| {
                theme_name(&themes, id, lang)
                    .map(|name| Item::link(name.to_owned(), projects_with("theme", id.as_str())))
            })
            .collect();
        details.push(row("project-themes", items));
    }
    if !p.tags.is_empty() {
        let items =
            p.tags.iter().map(|t| Item::link(t.as_str().to_owned(), projects_with("tag", t.as_str()))).collect();
        details.push(row("project-tags", items));
    }
    if !p.languages.is_empty() {
        let items = p
            .languages
            .iter()
            .map(|l| Item::link(language_name(lang, *l), projects_with("language", l.as_str())))
            .collect();
        details.push(row("project-languages", items));
    }
    if !p.links.is_empty() {
        details.push(row("project-links", p.links.iter().map(|l| Item::external(&l.url, l.label.clone())).collect()));
    }
    if let Some(source) = &p.source_url {
        details.push(row("project-source", vec![Item::external(source, None)]));
    }
    if let Some(iati) = &p.iati_identifier {
        details.push(row("project-iati", vec![Item::text(iati.clone())]));
    }
    if let Some(day) = day_of(i18n, lang, &updated_at) {
        details.push(row("last-updated", vec![Item::text(day)]));
    }

    let profiles: Vec<Profile> = candidates.iter().map(Profile::of).collect();
    let overlaps = overlap::find(&Profile::of(&p), &profiles, OVERLAPS_SHOWN)
        .iter()
        .filter_map(|o| {
            let other = candidates.iter().find(|c| c.id == o.id)?;
            Some(OverlapCard {
                title: ctx.localized(&other.title),
                href: ctx.href(&format!("/projects/{}", other.slug)),
                score: i18n.get_args(lang, "overlap-score", &[("percent", FluentValue::from(percent(o.score)))]),
                reasons: overlap_reasons(&ctx, i18n, &themes, o),
            })
        })
        .collect();

    let name = ctx.localized(&p.title);
    let crumbs = vec![
        Link { label: ctx.t("nav-home"), href: ctx.href("") },
        Link { label: ctx.t("nav-projects"), href: ctx.href("/projects") },
    ];
    render(&ProjectTemplate {
        title: name.text.clone(),
        summary: p.summary.as_ref().map(|s| ctx.localized(s)),
        description: p.description.as_ref().map(|d| {
            let text = ctx.localized(d);
            Prose { html: markdown::to_html(&text.text), lang: text.lang }
        }),
        name,
        crumbs,
        details,
        overlaps,
        steps,
        ctx,
    })
}

/// What a possibly overlapping project shares with the one shown, in words.
fn overlap_reasons(ctx: &PageCtx, i18n: &I18n, themes: &[Theme], o: &Overlap) -> Vec<String> {
    let lang = ctx.lang;
    let r = &o.reasons;
    let mut reasons = Vec::new();
    if !r.countries.is_empty() {
        let names: Vec<String> = r.countries.iter().map(|c| country_name(lang, *c)).collect();
        reasons.push(with_arg(i18n, lang, "overlap-countries", "names", names.join(", ")));
    }
    if !r.regions.is_empty() {
        let names: Vec<String> = r.regions.iter().map(|c| region_name(lang, *c)).collect();
        reasons.push(with_arg(i18n, lang, "overlap-regions", "names", names.join(", ")));
    }
    if let Some(names) = theme_list(themes, &r.themes, lang) {
        reasons.push(with_arg(i18n, lang, "overlap-themes", "names", names));
    }
    reasons.push(match r.period {
        Some((start, end)) => with_arg(i18n, lang, "overlap-period", "period", i18n.date_range(lang, start, end)),
        None => ctx.t("overlap-period-open"),
    });
    reasons.push(i18n.get_args(lang, "overlap-text", &[("percent", FluentValue::from(percent(r.text_similarity)))]));
    reasons
}

// ---------------------------------------------------------------------------------------------
// Tools and publications.

const RESOURCE_LABELS: [(&str, &str); 6] = [
    ("q", "filter-text"),
    ("kind", "filter-resource-kind"),
    ("theme", "filter-theme"),
    ("region", "filter-region"),
    ("language", "filter-resource-language"),
    ("actor", "filter-actor"),
];

#[derive(Template)]
#[template(path = "resources.html")]
struct ResourcesTemplate {
    ctx: PageCtx,
    title: String,
    lead: String,
    action: String,
    errors: Vec<FieldMessage>,
    typed: Typed,
    kinds: Vec<Opt>,
    regions: Vec<OptGroup>,
    themes: Vec<OptGroup>,
    languages: Vec<Opt>,
    actor: Option<ActorNote>,
    results: Vec<ResourceCard>,
    count: String,
    pagination: Option<Pagination>,
}

async fn tools(
    ctx: PageCtx,
    State(state): State<AppState>,
    query: Result<Params<ResourceQuery>, WebError>,
) -> Result<Response, WebError> {
    resource_list(ResourceType::Tool, ctx, state, query).await
}

async fn publications(
    ctx: PageCtx,
    State(state): State<AppState>,
    query: Result<Params<ResourceQuery>, WebError>,
) -> Result<Response, WebError> {
    resource_list(ResourceType::Publication, ctx, state, query).await
}

async fn resource_list(
    kind: ResourceType,
    ctx: PageCtx,
    state: AppState,
    query: Result<Params<ResourceQuery>, WebError>,
) -> Result<Response, WebError> {
    let (query, mut errors) = or_refused(query)?;
    let (mut filter, page_request, parse_errors) = query.parse(&state.store).await?;
    errors.extend(parse_errors);
    filter.resource_type = Some(kind);
    let actor = known_actor(&state, &mut errors, &mut filter.actor).await?;
    let page = state.store.list_resources(&filter, page_request).await?;
    let themes = state.store.themes().await?;
    let i18n = &state.i18n;
    let lang = ctx.lang;
    let template = ResourcesTemplate {
        title: ctx.t(&format!("{}s-title", kind.as_str())),
        lead: ctx.t(&format!("{}s-lead", kind.as_str())),
        action: ctx.href(section(kind)),
        errors: refused(&ctx, i18n, &errors, &RESOURCE_LABELS),
        typed: Typed::of(&query.q, &query.actor, &None, &None),
        kinds: ResourceKind::ALL
            .iter()
            .map(|k| Opt {
                value: k.as_str().into(),
                label: kind_label(&ctx, *k),
                selected: picked(&query.kind, k.as_str()),
            })
            .collect(),
        regions: region_groups(lang, &query.region),
        themes: theme_groups(&ctx, &themes, |id| picked(&query.theme, id)),
        languages: language_options(lang, &query.language),
        actor: actor_note(&ctx, actor),
        results: page.items.iter().map(|r| resource_card(&ctx, i18n, &themes, r)).collect(),
        count: ctx.t1("results-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        ctx,
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    Ok((status, render(&template)?).into_response())
}

#[derive(Template)]
#[template(path = "resource.html")]
struct ResourceTemplate {
    ctx: PageCtx,
    title: String,
    caption: String,
    name: Localized,
    summary: Option<Localized>,
    crumbs: Vec<Link>,
    details: Vec<Row>,
    steps: Option<crate::contribute::RecordSteps>,
}

async fn tool(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: crate::auth::Viewer,
    slug: Result<Path<String>, PathRejection>,
) -> Result<Html<String>, WebError> {
    resource_page(ResourceType::Tool, ctx, state, viewer, slug).await
}

async fn publication(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: crate::auth::Viewer,
    slug: Result<Path<String>, PathRejection>,
) -> Result<Html<String>, WebError> {
    resource_page(ResourceType::Publication, ctx, state, viewer, slug).await
}

async fn resource_page(
    kind: ResourceType,
    ctx: PageCtx,
    state: AppState,
    viewer: crate::auth::Viewer,
    slug: Result<Path<String>, PathRejection>,
) -> Result<Html<String>, WebError> {
    let slug = slug_of(slug)?;
    // A tool is not at a publication's address, nor the other way round.
    let Dated { record: r, updated_at, .. } =
        state.store.resource(&slug).await?.filter(|d| d.record.resource_type == kind).ok_or(WebError::NotFound)?;
    let steps = crate::contribute::record_steps(&ctx, &state, &viewer, Content::Resource(r.clone())).await?;
    let themes = state.store.themes().await?;
    let slugs: Vec<&Slug> = r.contributors.iter().map(|c| &c.actor).collect();
    let actors = if slugs.is_empty() { HashMap::new() } else { state.store.actors_by_slugs(&slugs).await? };
    let i18n = &state.i18n;
    let lang = ctx.lang;
    let list = section(kind);
    let row = |label: &str, items: Vec<Item>| Row { label: ctx.t(label), items };
    let listed_with = |key: &str, value: &str| filtered(&ctx, list, &[(key, value)]);

    let mut details =
        vec![row("resource-kind", vec![Item::link(kind_label(&ctx, r.kind), listed_with("kind", r.kind.as_str()))])];
    if let Some(day) = r.published_on {
        details.push(row("resource-published", vec![Item::text(i18n.date(lang, day))]));
    }
    if let Some(url) = &r.url {
        details.push(row("resource-url", vec![Item::external(url, None)]));
    }
    for (role, label) in [(Role::Author, "resource-authors"), (Role::Publisher, "resource-publishers")] {
        let items: Vec<Item> = r
            .contributors
            .iter()
            .filter(|c| c.role == role)
            .map(|c| match actors.get(&c.actor) {
                Some(a) => Item::localized(ctx.localized(&a.name), Some(actor_href(&ctx, a))),
                None => Item::text(c.actor.to_string()),
            })
            .collect();
        if !items.is_empty() {
            details.push(row(label, items));
        }
    }
    if !r.themes.is_empty() {
        let items = r
            .themes
            .iter()
            .filter_map(|id| {
                theme_name(&themes, id, lang).map(|n| Item::link(n.to_owned(), listed_with("theme", id.as_str())))
            })
            .collect();
        details.push(row("resource-themes", items));
    }
    if !r.regions.is_empty() {
        let items = r
            .regions
            .iter()
            .map(|c| Item::link(region_name(lang, *c), listed_with("region", &c.as_string())))
            .collect();
        details.push(row("resource-regions", items));
    }
    if !r.languages.is_empty() {
        let items = r
            .languages
            .iter()
            .map(|l| Item::link(language_name(lang, *l), listed_with("language", l.as_str())))
            .collect();
        details.push(row("resource-languages", items));
    }
    if let Some(source) = &r.source_url {
        details.push(row("project-source", vec![Item::external(source, None)]));
    }
    if let Some(day) = day_of(i18n, lang, &updated_at) {
        details.push(row("last-updated", vec![Item::text(day)]));
    }
    let name = ctx.localized(&r.title);
    let crumbs = vec![
        Link { label: ctx.t("nav-home"), href: ctx.href("") },
        Link { label: ctx.t(&format!("nav-{}s", kind.as_str())), href: ctx.href(list) },
    ];
    render(&ResourceTemplate {
        title: name.text.clone(),
        caption: ctx.t(&format!("caption-{}", kind.as_str())),
        summary: r.summary.as_ref().map(|s| ctx.localized(s)),
        name,
        crumbs,
        details,
        steps,
        ctx,
    })
}

// ---------------------------------------------------------------------------------------------
// Actors that are not members.

#[derive(Template)]
#[template(path = "actor.html")]
struct ActorTemplate {
    ctx: PageCtx,
    title: String,
    caption: String,
    name: Localized,
    crumbs: Vec<Link>,
    details: Vec<Row>,
    work: ActorWork,
}

async fn actor(
    ctx: PageCtx,
    State(state): State<AppState>,
    slug: Result<Path<String>, PathRejection>,
) -> Result<Response, WebError> {
    let slug = slug_of(slug)?;
    let a = state.store.actor(&slug).await?.ok_or(WebError::NotFound)?;
    if a.joined.is_some() {
        return Ok(moved(&ctx, &format!("/members/{}", a.slug)));
    }
    let themes = state.store.themes().await?;
    let lang = ctx.lang;
    let row = |label: &str, items: Vec<Item>| Row { label: ctx.t(label), items };
    let kind = ctx.t(&format!("kind-{}", a.kind.as_str()));
    let mut details = vec![
        row("member-kind", vec![Item::text(kind.clone())]),
        row("member-membership", vec![Item::text(ctx.t("membership-none"))]),
    ];
    if let Some(short) = &a.short_name {
        details.push(row("member-short-name", vec![Item::text(short.clone())]));
    }
    if let Some(country) = a.country {
        let label = if a.kind == ActorKind::Country { "member-country" } else { "member-seat" };
        details.push(row(label, vec![Item::link(country_name(lang, country), country_href(&ctx, country))]));
    }
    if let Some(website) = &a.website {
        details.push(row("member-website", vec![Item::external(website, None)]));
    }
    if let Some(iati) = &a.iati_ref {
        details.push(row("actor-iati", vec![Item::text(iati.clone())]));
    }
    if let Some(names) = theme_list(&themes, &a.themes, lang) {
        details.push(row("member-themes", vec![Item::text(names)]));
    }
    let work = actor_work(&ctx, &state, &a.slug).await?;
    let name = ctx.localized(&a.name);
    let crumbs = vec![Link { label: ctx.t("nav-home"), href: ctx.href("") }];
    let page = ActorTemplate { title: name.text.clone(), caption: kind, name, crumbs, details, work, ctx };
    Ok(render(&page)?.into_response())
}

// ---------------------------------------------------------------------------------------------
// Countries.

/// A country as a line of the index.
pub struct CountryLink {
    pub name: String,
    pub href: String,
    /// The country is itself a member of the GFCE.
    pub member: bool,
    /// How many projects benefit the country ("3 projects"), when any do, and the list of them.
    pub projects: Option<String>,
    pub projects_href: String,
}

/// The countries of one sub-region (or of a region without sub-regions).
pub struct CountryGroup {
    pub id: String,
    pub name: Option<String>,
    pub countries: Vec<CountryLink>,
}

/// An M49 region of the index.
pub struct RegionSection {
    pub id: String,
    pub name: String,
    pub groups: Vec<CountryGroup>,
}

#[derive(Template)]
#[template(path = "countries.html")]
struct CountriesTemplate {
    ctx: PageCtx,
    title: String,
    regions: Vec<RegionSection>,
}

fn region_anchor(code: Option<RegionCode>) -> String {
    code.map_or_else(|| "region-other".to_owned(), |c| format!("region-{}", c.as_string()))
}

async fn countries(ctx: PageCtx, State(state): State<AppState>) -> Result<Html<String>, WebError> {
    let all = state.store.countries().await?;
    let regions = state.store.regions().await?;
    let member_filter = ActorFilter { kind: Some(ActorKind::Country), joined: Some(true), ..ActorFilter::default() };
    let all_members = PageRequest::new(1, PageRequest::MAX_PER_PAGE);
    let members: HashSet<CountryCode> = state
        .store
        .list_actors(&member_filter, ctx.lang, all_members)
        .await?
        .items
        .iter()
        .filter_map(|a| a.country)
        .collect();
    let projects = state.store.projects_per_country().await?;
    let lang = ctx.lang;
    let links = |countries: Vec<&Country>| {
        let mut links: Vec<CountryLink> = countries
            .into_iter()
            .map(|c| CountryLink {
                name: c.name.get(lang).to_owned(),
                href: country_href(&ctx, c.code),
                member: members.contains(&c.code),
                projects: projects
                    .get(&c.code)
                    .map(|&n| ctx.t1("country-projects-count", "count", i64::try_from(n).unwrap_or(i64::MAX))),
                projects_href: ctx.href(&format!("/projects?country={}", c.code)),
            })
            .collect();
        links.sort_by_cached_key(|l| gfce_core::fold(&l.name));
        links
    };
    let mut tops: Vec<&Region> = regions.iter().filter(|r| r.level == RegionLevel::Region).collect();
    tops.sort_by_cached_key(|r| gfce_core::fold(r.name.get(lang)));
    let mut sections: Vec<RegionSection> = tops
        .into_iter()
        .map(|top| {
            let mut subs: Vec<&Region> =
                regions.iter().filter(|r| r.level == RegionLevel::SubRegion && r.parent == Some(top.code)).collect();
            subs.sort_by_cached_key(|r| gfce_core::fold(r.name.get(lang)));
            let mut groups: Vec<CountryGroup> = subs
                .into_iter()
                .map(|sub| CountryGroup {
                    id: region_anchor(Some(sub.code)),
                    name: Some(sub.name.get(lang).to_owned()),
                    countries: links(all.iter().filter(|c| c.sub_region == Some(sub.code)).collect()),
                })
                .collect();
            let direct: Vec<&Country> =
                all.iter().filter(|c| c.region == Some(top.code) && c.sub_region.is_none()).collect();
            if !direct.is_empty() {
                groups.insert(
                    0,
                    CountryGroup {
                        id: format!("{}-direct", region_anchor(Some(top.code))),
                        name: None,
                        countries: links(direct),
                    },
                );
            }
            groups.retain(|g| !g.countries.is_empty());
            RegionSection { id: region_anchor(Some(top.code)), name: top.name.get(lang).to_owned(), groups }
        })
        .filter(|s| !s.groups.is_empty())
        .collect();
    let elsewhere: Vec<&Country> = all.iter().filter(|c| c.region.is_none()).collect();
    if !elsewhere.is_empty() {
        sections.push(RegionSection {
            id: region_anchor(None),
            name: ctx.t("countries-no-region"),
            groups: vec![CountryGroup { id: "region-other-all".into(), name: None, countries: links(elsewhere) }],
        });
    }
    render(&CountriesTemplate { title: ctx.t("countries-title"), regions: sections, ctx })
}

/// A key fact of a country profile.
pub struct FactLine {
    pub kind: String,
    pub title: Localized,
    pub year: Option<i32>,
    pub source: String,
    pub source_label: String,
}

/// A list of a country profile with its heading, the first items and a link to the rest.
pub struct Listing<T> {
    pub heading: String,
    pub items: Vec<T>,
    pub more: Vec<Link>,
}

#[derive(Template)]
#[template(path = "country.html")]
struct CountryTemplate {
    ctx: PageCtx,
    title: String,
    crumbs: Vec<Link>,
    details: Vec<Row>,
    facts: Vec<FactLine>,
    actors: Listing<MemberCard>,
    benefiting: Listing<ProjectCard>,
    funded: Option<Listing<ProjectCard>>,
    tools: Option<Listing<ResourceCard>>,
    events: Listing<EventCard>,
}

/// How many projects, actors and tools a country profile lists before linking to the rest.
const PROFILE_PROJECTS: u32 = 20;
const PROFILE_ACTORS: u32 = 100;
const PROFILE_TOOLS: u32 = 10;

async fn country(
    ctx: PageCtx,
    State(state): State<AppState>,
    code: Result<Path<String>, PathRejection>,
) -> Result<Response, WebError> {
    let Ok(Path(raw)) = code else { return Err(WebError::NotFound) };
    let code = CountryCode::parse(&raw).map_err(|_| WebError::NotFound)?;
    // One address per country: `/countries/vn` is `/countries/VN`.
    if raw != code.as_str() {
        return Ok(moved(&ctx, &format!("/countries/{code}")));
    }
    let country = state.store.countries().await?.into_iter().find(|c| c.code == code).ok_or(WebError::NotFound)?;
    let themes = state.store.themes().await?;
    let i18n = &state.i18n;
    let lang = ctx.lang;
    let name = country.name.get(lang).to_owned();
    let heading = |id: &str| with_arg(i18n, lang, id, "country", name.clone());

    let based = ActorFilter { country: Some(code), ..ActorFilter::default() };
    let actors = state.store.list_actors(&based, lang, PageRequest::new(1, PROFILE_ACTORS)).await?;
    // The country's own actor: it funds and implements projects as the country.
    let own = actors.items.iter().find(|a| a.kind == ActorKind::Country);

    let first = PageRequest::new(1, PROFILE_PROJECTS);
    let benefits = ProjectFilter { country: Some(code), ..ProjectFilter::default() };
    let benefiting = state.store.list_projects(&benefits, ProjectOrder::Newest, lang, first).await?;
    let funded = match own {
        Some(a) => {
            let by = ProjectFilter { actor: Some(a.slug.clone()), ..ProjectFilter::default() };
            Some((a, state.store.list_projects(&by, ProjectOrder::Newest, lang, first).await?))
        }
        None => None,
    };
    let tools = if country.languages.is_empty() {
        None
    } else {
        let filter = ResourceFilter {
            resource_type: Some(ResourceType::Tool),
            languages: country.languages.clone(),
            ..ResourceFilter::default()
        };
        Some(state.store.list_resources(&filter, PageRequest::new(1, PROFILE_TOOLS)).await?)
    };
    let events = state.store.events_in(code).await?;
    let facts = state.store.country_facts(code).await?;

    // The summary list: names, codes, regions, languages, membership.
    let row = |label: &str, items: Vec<Item>| Row { label: ctx.t(label), items };
    let other = lang.other();
    let mut details = vec![
        row(
            "country-name-other",
            vec![Item { lang: Some(other.code()), ..Item::text(country.name.get(other).to_owned()) }],
        ),
        row("country-codes", vec![Item::text(format!("{} · {} · {}", country.code, country.alpha3, country.numeric))]),
    ];
    let areas: Vec<Item> = country
        .regions()
        .map(|r| Item::link(region_name(lang, r), format!("{}#{}", ctx.href("/countries"), region_anchor(Some(r)))))
        .collect();
    if !areas.is_empty() {
        details.push(row("country-region", areas));
    }
    if !country.languages.is_empty() {
        details.push(row(
            "country-languages",
            country.languages.iter().map(|l| Item::text(language_name(lang, *l))).collect(),
        ));
    }
    let membership = match own.filter(|a| a.joined.is_some()) {
        Some(a) => {
            let joined = a.joined.map(|j| i18n.date(lang, j.joined_on)).unwrap_or_default();
            let mut items =
                vec![Item::link(with_arg(i18n, lang, "country-member-since", "date", joined), actor_href(&ctx, a))];
            if a.joined.is_some_and(|j| j.founding) {
                items.push(Item::link(ctx.t("founding-badge"), format!("{}?founding=true", ctx.href("/members"))));
            }
            items
        }
        None => vec![Item::text(ctx.t("membership-none"))],
    };
    details.push(row("country-membership", membership));

    let facts = facts
        .iter()
        .map(|f| {
            let host = f.source_url.as_str().split("://").nth(1).and_then(|rest| rest.split('/').next()).unwrap_or("");
            FactLine {
                kind: ctx.t(&format!("fact-{}", f.kind.as_str())),
                title: ctx.localized(&f.title),
                year: f.year,
                source: f.source_url.to_string(),
                source_label: with_arg(i18n, lang, "fact-source", "host", host.trim_start_matches("www.").to_owned()),
            }
        })
        .collect();

    let code_text = code.to_string();
    let actors_listing = Listing {
        heading: heading("country-actors-heading"),
        more: if actors.total > actors.items.len() as u64 {
            vec![Link {
                label: with_arg(i18n, lang, "member-other-in-country", "country", name.clone()),
                href: filtered(&ctx, "/members", &[("country", &code_text)]),
            }]
        } else {
            Vec::new()
        },
        items: actors.items.iter().map(|a| actor_card(&ctx, a)).collect(),
    };
    let project_listing =
        |heading: String, page: &gfce_core::Page<Project>, key: &str, value: &str, of: Option<&Slug>| Listing {
            heading,
            more: if page.total > page.items.len() as u64 {
                vec![Link {
                    label: ctx.t1("see-all-projects", "count", page.total as i64),
                    href: filtered(&ctx, "/projects", &[(key, value)]),
                }]
            } else {
                Vec::new()
            },
            items: page.items.iter().map(|p| project_card(&ctx, i18n, &themes, p, of)).collect(),
        };
    let benefiting = project_listing(heading("country-benefits-heading"), &benefiting, "country", &code_text, None);
    let funded = funded.as_ref().filter(|(_, page)| !page.items.is_empty()).map(|(a, page)| {
        project_listing(heading("country-funds-heading"), page, "actor", a.slug.as_str(), Some(&a.slug))
    });
    let tools = tools.map(|page| {
        let names: Vec<String> = country.languages.iter().map(|l| language_in_sentence(lang, *l)).collect();
        Listing {
            heading: with_arg(i18n, lang, "country-tools-heading", "languages", names.join(", ")),
            items: page.items.iter().map(|r| resource_card(&ctx, i18n, &themes, r)).collect(),
            // One link per language, since the list filters by one.
            more: country
                .languages
                .iter()
                .map(|l| Link {
                    label: with_arg(i18n, lang, "country-tools-all", "language", language_in_sentence(lang, *l)),
                    href: filtered(&ctx, "/tools", &[("language", l.as_str())]),
                })
                .collect(),
        }
    });
    let events = Listing {
        heading: heading("country-events-heading"),
        items: events.iter().map(|e| event_card(&ctx, i18n, e)).collect(),
        more: Vec::new(),
    };
    let crumbs = vec![
        Link { label: ctx.t("nav-home"), href: ctx.href("") },
        Link { label: ctx.t("nav-countries"), href: ctx.href("/countries") },
    ];
    let page = CountryTemplate {
        title: name,
        crumbs,
        details,
        facts,
        actors: actors_listing,
        benefiting,
        funded,
        tools,
        events,
        ctx,
    };
    Ok(render(&page)?.into_response())
}

#[cfg(test)]
mod tests {
    use gfce_core::{Amount, CurrencyCode};

    use super::*;

    fn money(amount: &str, currency: &str) -> Money {
        Money { amount: Amount::parse(amount).unwrap(), currency: CurrencyCode::parse(currency).unwrap() }
    }

    #[test]
    fn amounts_follow_each_language() {
        assert_eq!(format_amount(&money("1500000", "EUR"), Lang::En), "1,500,000");
        assert_eq!(format_amount(&money("1500000", "EUR"), Lang::Vi), "1.500.000");
        assert_eq!(format_amount(&money("2500.5", "EUR"), Lang::En), "2,500.50");
        assert_eq!(format_amount(&money("2500.5", "EUR"), Lang::Vi), "2.500,50");
        assert_eq!(format_amount(&money("999", "VND"), Lang::Vi), "999");
        assert_eq!(format_amount(&money("0.125", "USD"), Lang::En), "0.125");
        assert_eq!(format_amount(&money("123456789012345", "VND"), Lang::En), "123,456,789,012,345");
    }

    #[test]
    fn vietnamese_language_names_read_inside_a_sentence() {
        let vi = LanguageCode::parse("vi").unwrap();
        assert_eq!(language_in_sentence(Lang::Vi, vi), "tiếng Việt");
        assert_eq!(language_in_sentence(Lang::En, vi), "Vietnamese");
    }

    #[test]
    fn long_lists_of_places_are_cut() {
        let i18n = I18n::new();
        let names: Vec<String> = ["A", "B", "C"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(some_of(&i18n, Lang::En, &names, 6).as_deref(), Some("A, B, C"));
        assert_eq!(some_of(&i18n, Lang::En, &names, 2).as_deref(), Some("A, B and 1 more"));
        assert_eq!(some_of(&i18n, Lang::Vi, &names, 1).as_deref(), Some("A và 2 nơi khác"));
        assert_eq!(some_of(&i18n, Lang::En, &[], 2), None);
    }
}
