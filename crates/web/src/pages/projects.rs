//! The projects: the list, filtered, and a project's page with the projects that possibly
//! duplicate its effort and why.

use std::collections::HashMap;

use askama::Template;
use axum::{
    extract::State,
    response::{Html, Response},
};
use gfce_core::{curation::Content, overlap::Overlap, reference, ProjectStatus, Role, Slug, Theme};
use gfce_store::Dated;

use super::{
    curation::forms::{record_steps, RecordSteps},
    filters::{known_actor, ActorNote, Typed},
};
use crate::{
    access::Viewer,
    http::{
        params::{or_refused, Params, SlugParam},
        queries::ProjectQuery,
        AppState, WebError,
    },
    ui::{
        cards::{actor_href, country_href, ProjectCard},
        markdown, render, render_checked,
        widgets::{
            country_options, labelled_messages, language_options, pagination, picked, picked_code, region_groups,
            theme_groups, Abbr, FieldMessage, Item, Link, Opt, OptGroup, Pagination, Row,
        },
        Localized, PageCtx,
    },
};

/// The label of each field of the projects form, which also names it in the error summary.
const LABELS: [(&str, &str); 10] = [
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
    action: String,
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

pub async fn list(
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
    let by_title = picked(&query.order, "title");
    let template = ProjectsTemplate {
        title: ctx.t("projects-title"),
        action: ctx.href("/projects"),
        errors: labelled_messages(&ctx, &errors, &LABELS),
        typed: Typed::of(&query.q, &query.actor, &query.tag, &query.year),
        statuses: ProjectStatus::ALL
            .iter()
            .map(|s| Opt {
                value: s.as_str().into(),
                label: ctx.status_label(*s),
                selected: picked(&query.status, s.as_str()),
            })
            .collect(),
        countries: country_options(ctx.lang, |code| picked_code(&query.country, code)),
        regions: region_groups(ctx.lang, &query.region),
        themes: theme_groups(&ctx, &themes, |id| picked(&query.theme, id)),
        languages: language_options(ctx.lang, &query.language),
        orders: vec![
            Opt { value: "newest".into(), label: ctx.t("order-newest"), selected: !by_title },
            Opt { value: "title".into(), label: ctx.t("order-title"), selected: by_title },
        ],
        actor: ActorNote::of(&ctx, actor),
        results: page.items.iter().map(|p| ProjectCard::of(&ctx, &themes, p, filter.actor.as_ref())).collect(),
        count: ctx.t1("results-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        ctx,
    };
    render_checked(&template, !errors.is_empty())
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
    pub lang: Option<String>,
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
    rows: Vec<Row>,
    overlaps: Vec<OverlapCard>,
    steps: Option<RecordSteps>,
}

pub async fn page(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    SlugParam(slug): SlugParam,
) -> Result<Html<String>, WebError> {
    let Dated { record: p, updated_at, .. } = state.store.project(&slug).await?.ok_or(WebError::NotFound)?;
    let steps = record_steps(&ctx, &state, &viewer, Content::Project(Box::new(p.clone()))).await?;
    let themes = state.store.themes().await?;
    let slugs: Vec<&Slug> = p.participants.iter().map(|c| &c.actor).collect();
    let actors = if slugs.is_empty() { HashMap::new() } else { state.store.actors_by_slugs(&slugs).await? };
    let overlaps = state.overlaps(&p).await?;
    let projects_with = |key: &str, value: &str| ctx.filtered("/projects", &[(key, value)]);
    let row = |label: &str, items: Vec<Item>| Row::new(&ctx, label, items);

    let mut rows = vec![row(
        "project-status",
        vec![Item::link(ctx.status_label(p.status), projects_with("status", p.status.as_str()))],
    )];
    if let Some(start) = p.starts_on {
        rows.push(Row::text(&ctx, "project-start", ctx.date(start)));
    }
    if let Some(end) = p.ends_on {
        rows.push(Row::text(&ctx, "project-end", ctx.date(end)));
    }
    if let Some(budget) = &p.budget {
        let currency = reference::shipped().currency(budget.currency);
        let abbr = Abbr {
            code: budget.currency.to_string(),
            title: currency.map_or_else(|| budget.currency.to_string(), |c| c.name.get(ctx.lang).to_owned()),
        };
        rows.push(row("project-budget", vec![Item { abbr: Some(abbr), ..Item::text(ctx.amount(budget)) }]));
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
            rows.push(row(label, items));
        }
    }
    if !p.countries.is_empty() {
        let items = p
            .countries
            .iter()
            .map(|c| {
                Item::link(ctx.with_share(ctx.country_name(*c), p.shares.countries.get(c)), country_href(&ctx, *c))
            })
            .collect();
        rows.push(row("project-countries", items));
    }
    if !p.regions.is_empty() {
        let items = p
            .regions
            .iter()
            .map(|r| {
                let name = ctx.with_share(ctx.region_name(*r), p.shares.regions.get(r));
                Item::link(name, projects_with("region", &r.as_string()))
            })
            .collect();
        rows.push(row("project-regions", items));
    }
    if !p.themes.is_empty() {
        let items = p
            .themes
            .iter()
            .filter_map(|id| {
                ctx.theme_name(&themes, id).map(|name| Item::link(name.to_owned(), projects_with("theme", id.as_str())))
            })
            .collect();
        rows.push(row("project-themes", items));
    }
    if !p.tags.is_empty() {
        let items = p
            .tags
            .iter()
            .map(|t| {
                let name = ctx.with_share(t.as_str().to_owned(), p.shares.tags.get(t));
                Item::link(name, projects_with("tag", t.as_str()))
            })
            .collect();
        rows.push(row("project-tags", items));
    }
    if !p.languages.is_empty() {
        let items = p
            .languages
            .iter()
            .map(|l| Item::link(ctx.language_name(*l), projects_with("language", l.as_str())))
            .collect();
        rows.push(row("project-languages", items));
    }
    if !p.links.is_empty() {
        rows.push(row("project-links", p.links.iter().map(|l| Item::external(&l.url, l.label.clone())).collect()));
    }
    if let Some(source) = &p.source_url {
        rows.push(row("project-source", vec![Item::external(source, None)]));
    }
    if let Some(iati) = &p.iati_identifier {
        rows.push(Row::text(&ctx, "project-iati", iati.clone()));
    }
    rows.push(Row::text(&ctx, "last-updated", ctx.day(updated_at)));

    let overlaps = overlaps
        .iter()
        .map(|(other, o)| OverlapCard {
            title: ctx.localized(&other.title),
            href: ctx.href(&format!("/projects/{}", other.slug)),
            score: ctx.percent("overlap-score", o.score),
            reasons: overlap_reasons(&ctx, &themes, o),
        })
        .collect();

    let name = ctx.localized(&p.title);
    render(&ProjectTemplate {
        title: name.text.clone(),
        summary: p.summary.as_ref().map(|s| ctx.localized_near(s, &name)),
        description: p.description.as_ref().map(|d| {
            let text = ctx.localized_near(d, &name);
            Prose { html: markdown::to_html(&text.text), lang: text.lang }
        }),
        crumbs: Link::crumbs(&ctx, Some(("nav-projects", "/projects"))),
        name,
        rows,
        overlaps,
        steps,
        ctx,
    })
}

/// What a possibly overlapping project shares with the one shown, in words.
fn overlap_reasons(ctx: &PageCtx, themes: &[Theme], o: &Overlap) -> Vec<String> {
    let r = &o.reasons;
    let mut reasons = Vec::new();
    if !r.countries.is_empty() {
        let names: Vec<String> = r.countries.iter().map(|c| ctx.country_name(*c)).collect();
        reasons.push(ctx.t_args("overlap-countries", &[("names", &names.join(", "))]));
    }
    if !r.regions.is_empty() {
        let names: Vec<String> = r.regions.iter().map(|c| ctx.region_name(*c)).collect();
        reasons.push(ctx.t_args("overlap-regions", &[("names", &names.join(", "))]));
    }
    if let Some(names) = ctx.theme_list(themes, &r.themes) {
        reasons.push(ctx.t_args("overlap-themes", &[("names", &names)]));
    }
    reasons.push(match r.period {
        Some((start, end)) => ctx.t_args("overlap-period", &[("period", &ctx.date_range(start, end))]),
        None => ctx.t("overlap-period-open"),
    });
    reasons.push(ctx.percent("overlap-text", r.text_similarity));
    reasons
}
