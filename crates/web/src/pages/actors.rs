//! The page of an actor that has not joined (a ministry, a national CERT, an implementer named
//! in IATI data), and what every actor's page lists of its work, member or not.

use askama::Template;
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use gfce_core::{Actor, ActorKind, Lang, PageRequest, ResourceType, Slug, Theme};
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
    let rows = profile_rows(&ctx, &a, &state.store.themes().await?);
    let work = actor_work(&ctx, &state, &a.slug).await?;
    let name = ctx.localized(&a.name);
    let crumbs = Link::crumbs(&ctx, None);
    let caption = ctx.kind_label(a.kind);
    let page = ActorTemplate { title: name.text.clone(), caption, name, crumbs, rows, work, ctx };
    Ok(render(&page)?.into_response())
}

/// What an actor's page says of it. A member's or partner's country leads to the directory's
/// others there, and its page tells when it joined; another actor's country leads to the
/// country's profile, and its page gives its IATI identifier.
pub fn profile_rows(ctx: &PageCtx, a: &Actor, themes: &[Theme]) -> Vec<Row> {
    let mut rows = vec![
        Row::text(ctx, "member-kind", ctx.kind_label(a.kind)),
        Row::text(ctx, "member-membership", ctx.membership_label(a.membership())),
    ];
    if let Some(short) = &a.short_name {
        rows.push(Row::text(ctx, "member-short-name", short.clone()));
    }
    if let Some(country) = a.country {
        let label = if a.kind == ActorKind::Country { "member-country" } else { "member-seat" };
        let href = match a.joined {
            Some(_) => ctx.filtered("/members", &[("country", country.as_str())]),
            None => country_href(ctx, country),
        };
        rows.push(Row::new(ctx, label, vec![Item::link(ctx.country_name(country), href)]));
    }
    if a.joined.is_some_and(|j| j.founding) {
        let href = ctx.filtered("/members", &[("founding", "true")]);
        rows.push(Row::new(ctx, "member-founding", vec![Item::link(ctx.t("member-founding-yes"), href)]));
    }
    if let Some(joined) = a.joined {
        rows.push(Row::text(ctx, "member-joined", ctx.date(joined.joined_on)));
    }
    if let Some(website) = &a.website {
        rows.push(Row::new(ctx, "member-website", vec![Item::external(website, None)]));
    }
    if let Some(listed) = &a.listed_as {
        // The founding list comes from Vietnamese sources.
        rows.push(Row::new(ctx, "member-listed-as", vec![Item::written_in(ctx, listed.clone(), Lang::Vi)]));
    }
    if let Some(iati) = a.iati_ref.as_ref().filter(|_| a.joined.is_none()) {
        rows.push(Row::text(ctx, "actor-iati", iati.clone()));
    }
    if let Some(names) = ctx.theme_list(themes, &a.themes) {
        rows.push(Row::text(ctx, "member-themes", names));
    }
    rows
}
