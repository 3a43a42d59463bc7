//! Tools and publications: their lists, filtered, and their pages. The two share everything but
//! their section and words.

use std::collections::HashMap;

use askama::Template;
use axum::{
    extract::State,
    response::{Html, Response},
};
use gfce_core::{curation::Content, ResourceKind, ResourceType, Role, Slug};
use gfce_store::Dated;

use super::{
    curation::forms::{record_steps, RecordSteps},
    filters::{known_actor, ActorNote, Typed},
};
use crate::{
    access::Viewer,
    http::{
        params::{or_refused, Params, SlugParam},
        queries::ResourceQuery,
        AppState, WebError,
    },
    ui::{
        cards::{actor_href, resource_section, ResourceCard},
        render, render_checked,
        widgets::{
            labelled_messages, language_options, pagination, picked, region_groups, theme_groups, FieldMessage, Item,
            Link, Opt, OptGroup, Pagination, Row,
        },
        Localized, PageCtx,
    },
};

const LABELS: [(&str, &str); 6] = [
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

pub async fn tools(
    ctx: PageCtx,
    State(state): State<AppState>,
    query: Result<Params<ResourceQuery>, WebError>,
) -> Result<Response, WebError> {
    list(ResourceType::Tool, ctx, state, query).await
}

pub async fn publications(
    ctx: PageCtx,
    State(state): State<AppState>,
    query: Result<Params<ResourceQuery>, WebError>,
) -> Result<Response, WebError> {
    list(ResourceType::Publication, ctx, state, query).await
}

async fn list(
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
    let template = ResourcesTemplate {
        title: ctx.t(&format!("{}s-title", kind.as_str())),
        lead: ctx.t(&format!("{}s-lead", kind.as_str())),
        action: ctx.href(resource_section(kind)),
        errors: labelled_messages(&ctx, &errors, &LABELS),
        typed: Typed::of(&query.q, &query.actor, &None, &None),
        kinds: ResourceKind::ALL
            .iter()
            .map(|k| Opt {
                value: k.as_str().into(),
                label: ctx.resource_kind_label(*k),
                selected: picked(&query.kind, k.as_str()),
            })
            .collect(),
        regions: region_groups(ctx.lang, &query.region),
        themes: theme_groups(&ctx, &themes, |id| picked(&query.theme, id)),
        languages: language_options(ctx.lang, &query.language),
        actor: ActorNote::of(&ctx, actor),
        results: page.items.iter().map(|r| ResourceCard::of(&ctx, &themes, r)).collect(),
        count: ctx.t1("results-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        ctx,
    };
    render_checked(&template, !errors.is_empty())
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
    rows: Vec<Row>,
    steps: Option<RecordSteps>,
}

pub async fn tool(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    slug: SlugParam,
) -> Result<Html<String>, WebError> {
    page(ResourceType::Tool, ctx, state, viewer, slug).await
}

pub async fn publication(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    slug: SlugParam,
) -> Result<Html<String>, WebError> {
    page(ResourceType::Publication, ctx, state, viewer, slug).await
}

async fn page(
    kind: ResourceType,
    ctx: PageCtx,
    state: AppState,
    viewer: Viewer,
    SlugParam(slug): SlugParam,
) -> Result<Html<String>, WebError> {
    // A tool is not at a publication's address, nor the other way round.
    let Dated { record: r, updated_at, .. } =
        state.store.resource(&slug).await?.filter(|d| d.record.resource_type == kind).ok_or(WebError::NotFound)?;
    let steps = record_steps(&ctx, &state, &viewer, Content::Resource(r.clone())).await?;
    let themes = state.store.themes().await?;
    let slugs: Vec<&Slug> = r.contributors.iter().map(|c| &c.actor).collect();
    let actors = if slugs.is_empty() { HashMap::new() } else { state.store.actors_by_slugs(&slugs).await? };
    let list = resource_section(kind);
    let listed_with = |key: &str, value: &str| ctx.filtered(list, &[(key, value)]);
    let row = |label: &str, items: Vec<Item>| Row::new(&ctx, label, items);

    let mut rows = vec![row(
        "resource-kind",
        vec![Item::link(ctx.resource_kind_label(r.kind), listed_with("kind", r.kind.as_str()))],
    )];
    if let Some(day) = r.published_on {
        rows.push(Row::text(&ctx, "resource-published", ctx.date(day)));
    }
    if let Some(url) = &r.url {
        rows.push(row("resource-url", vec![Item::external(url, None)]));
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
            rows.push(row(label, items));
        }
    }
    if !r.themes.is_empty() {
        let items = r
            .themes
            .iter()
            .filter_map(|id| {
                ctx.theme_name(&themes, id).map(|n| Item::link(n.to_owned(), listed_with("theme", id.as_str())))
            })
            .collect();
        rows.push(row("resource-themes", items));
    }
    if !r.regions.is_empty() {
        let items =
            r.regions.iter().map(|c| Item::link(ctx.region_name(*c), listed_with("region", &c.as_string()))).collect();
        rows.push(row("resource-regions", items));
    }
    if !r.languages.is_empty() {
        let items = r
            .languages
            .iter()
            .map(|l| Item::link(ctx.language_name(*l), listed_with("language", l.as_str())))
            .collect();
        rows.push(row("resource-languages", items));
    }
    if let Some(source) = &r.source_url {
        rows.push(row("project-source", vec![Item::external(source, None)]));
    }
    rows.push(Row::text(&ctx, "last-updated", ctx.day(updated_at)));
    let name = ctx.localized(&r.title);
    render(&ResourceTemplate {
        title: name.text.clone(),
        caption: ctx.t(&format!("caption-{}", kind.as_str())),
        summary: r.summary.as_ref().map(|s| ctx.localized_near(s, &name)),
        crumbs: Link::crumbs(&ctx, Some((&format!("nav-{}s", kind.as_str()), list))),
        name,
        rows,
        steps,
        ctx,
    })
}
