//! The page of an actor that has not joined (a ministry, a national CERT, an implementer named
//! in IATI data), and what every actor's page lists of its work, member or not.

use askama::Template;
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use gfce_core::{ActorKind, PageRequest, ResourceType, Slug};
use gfce_store::{ProjectFilter, ProjectOrder, ResourceFilter};

use crate::{
    http::{params::SlugParam, AppState, WebError},
    ui::{
        cards::{country_href, ProjectCard, ResourceCard},
        render,
        widgets::{Item, Link, Row},
        Localized, PageCtx,
    },
};

/// An actor's projects, tools and publications, as its page (member or not) lists them.
pub struct ActorWork {
    pub projects: Vec<ProjectCard>,
    pub projects_more: Option<Link>,
    pub tools: Vec<ResourceCard>,
    pub tools_more: Option<Link>,
    pub publications: Vec<ResourceCard>,
    pub publications_more: Option<Link>,
}

/// How many projects, tools and publications an actor's page lists before linking to the rest.
const WORK_SHOWN: u32 = 10;

/// An actor's projects, tools and publications, the first few of each with a link to all.
pub async fn actor_work(ctx: &PageCtx, state: &AppState, actor: &Slug) -> Result<ActorWork, WebError> {
    let themes = state.store.themes().await?;
    let first = PageRequest::new(1, WORK_SHOWN);
    let project_filter = ProjectFilter { actor: Some(actor.clone()), ..ProjectFilter::default() };
    let projects = state.store.list_projects(&project_filter, ProjectOrder::Newest, ctx.lang, first).await?;
    let by = |t| ResourceFilter { resource_type: Some(t), actor: Some(actor.clone()), ..ResourceFilter::default() };
    let tools = state.store.list_resources(&by(ResourceType::Tool), first).await?;
    let publications = state.store.list_resources(&by(ResourceType::Publication), first).await?;
    let more = |total: u64, shown: usize, list: &str, label: &str| {
        (total > shown as u64).then(|| Link {
            label: ctx.t1(label, "count", total as i64),
            href: ctx.filtered(list, &[("actor", actor.as_str())]),
        })
    };
    Ok(ActorWork {
        projects_more: more(projects.total, projects.items.len(), "/projects", "see-all-projects"),
        projects: projects.items.iter().map(|p| ProjectCard::of(ctx, &themes, p, Some(actor))).collect(),
        tools_more: more(tools.total, tools.items.len(), "/tools", "see-all-tools"),
        tools: tools.items.iter().map(|r| ResourceCard::of(ctx, &themes, r)).collect(),
        publications_more: more(publications.total, publications.items.len(), "/publications", "see-all-publications"),
        publications: publications.items.iter().map(|r| ResourceCard::of(ctx, &themes, r)).collect(),
    })
}

#[derive(Template)]
#[template(path = "actor.html")]
struct ActorTemplate {
    ctx: PageCtx,
    title: String,
    caption: String,
    name: Localized,
    crumbs: Vec<Link>,
    rows: Vec<Row>,
    work: ActorWork,
}

pub async fn page(
    ctx: PageCtx,
    State(state): State<AppState>,
    SlugParam(slug): SlugParam,
) -> Result<Response, WebError> {
    let a = state.store.actor(&slug).await?.ok_or(WebError::NotFound)?;
    if a.joined.is_some() {
        return Ok(ctx.moved(&format!("/members/{}", a.slug)));
    }
    let themes = state.store.themes().await?;
    let kind = ctx.kind_label(a.kind);
    let mut rows = vec![
        Row::text(&ctx, "member-kind", kind.clone()),
        Row::text(&ctx, "member-membership", ctx.t("membership-none")),
    ];
    if let Some(short) = &a.short_name {
        rows.push(Row::text(&ctx, "member-short-name", short.clone()));
    }
    if let Some(country) = a.country {
        let label = if a.kind == ActorKind::Country { "member-country" } else { "member-seat" };
        rows.push(Row::new(&ctx, label, vec![Item::link(ctx.country_name(country), country_href(&ctx, country))]));
    }
    if let Some(website) = &a.website {
        rows.push(Row::new(&ctx, "member-website", vec![Item::external(website, None)]));
    }
    if let Some(iati) = &a.iati_ref {
        rows.push(Row::text(&ctx, "actor-iati", iati.clone()));
    }
    if let Some(names) = ctx.theme_list(&themes, &a.themes) {
        rows.push(Row::text(&ctx, "member-themes", names));
    }
    let work = actor_work(&ctx, &state, &a.slug).await?;
    let name = ctx.localized(&a.name);
    let crumbs = Link::crumbs(&ctx, None);
    let page = ActorTemplate { title: name.text.clone(), caption: kind, name, crumbs, rows, work, ctx };
    Ok(render(&page)?.into_response())
}
