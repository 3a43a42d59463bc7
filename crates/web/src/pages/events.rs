//! The events: the list, filtered by series, and an event's page.

use askama::Template;
use axum::{
    extract::State,
    response::{Html, Response},
};
use gfce_core::reference::EventSeries;

use crate::{
    http::{
        params::{or_refused, Params, SlugParam},
        queries::EventQuery,
        AppState, WebError,
    },
    ui::{
        cards::{actor_href, EventCard},
        render, render_checked,
        widgets::{field_messages, pagination, FieldMessage, Item, Link, Opt, Pagination, Row},
        Localized, PageCtx,
    },
};

#[derive(Template)]
#[template(path = "events.html")]
struct EventsTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    series: Vec<Opt>,
    results: Vec<EventCard>,
    count: String,
    pagination: Option<Pagination>,
}

pub async fn list(
    ctx: PageCtx,
    State(state): State<AppState>,
    query: Result<Params<EventQuery>, WebError>,
) -> Result<Response, WebError> {
    let (query, mut errors) = or_refused(query)?;
    let (series, page_request, parse_errors) = query.parse(&state.store).await?;
    errors.extend(parse_errors);
    let page = state.store.list_events(series.as_ref(), page_request).await?;
    let all_series: Vec<EventSeries> = state.store.event_series().await?;
    let template = EventsTemplate {
        title: ctx.t("events-title"),
        errors: field_messages(&ctx, &errors),
        series: all_series
            .iter()
            .map(|s| Opt {
                value: s.id.to_string(),
                label: s.name.get(ctx.lang).to_owned(),
                selected: series.as_ref() == Some(&s.id),
            })
            .collect(),
        results: page.items.iter().map(|e| EventCard::of(&ctx, e)).collect(),
        count: ctx.t1("results-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        ctx,
    };
    render_checked(&template, !errors.is_empty())
}

#[derive(Template)]
#[template(path = "event.html")]
struct EventTemplate {
    ctx: PageCtx,
    title: String,
    name: Localized,
    summary: Option<Localized>,
    crumbs: Vec<Link>,
    rows: Vec<Row>,
    founding_link: bool,
}

pub async fn page(
    ctx: PageCtx,
    State(state): State<AppState>,
    SlugParam(slug): SlugParam,
) -> Result<Html<String>, WebError> {
    let e = state.store.event(&slug).await?.ok_or(WebError::NotFound)?;
    let series = state.store.event_series().await?;
    let mut rows = Vec::new();
    if let Some(s) = series.iter().find(|s| s.id == e.series) {
        let href = ctx.filtered("/events", &[("series", s.id.as_str())]);
        rows.push(Row::new(&ctx, "event-series", vec![Item::link(s.name.get(ctx.lang).to_owned(), href)]));
    }
    rows.push(Row::text(&ctx, "event-dates", ctx.date_range(e.starts_on, e.ends_on)));
    rows.push(Row::text(
        &ctx,
        "event-place",
        format!("{}, {}", ctx.localized(&e.city).text, ctx.country_name(e.country)),
    ));
    let organisers = state.store.actors_by_slugs(&e.organisers.iter().collect::<Vec<_>>()).await?;
    for slug in &e.organisers {
        if let Some(a) = organisers.get(slug) {
            let item = Item::link(ctx.localized(&a.name).text, actor_href(&ctx, a));
            rows.push(Row::new(&ctx, "event-organiser", vec![item]));
        }
    }
    if !e.themes.is_empty() {
        let themes = state.store.themes().await?;
        let names: Vec<&str> =
            themes.iter().filter(|t| e.themes.contains(&t.id)).map(|t| t.name.get(ctx.lang)).collect();
        rows.push(Row::text(&ctx, "event-themes", names.join(", ")));
    }
    if let Some(url) = &e.url {
        rows.push(Row::new(&ctx, "event-website", vec![Item::external(url, None)]));
    }
    let name = ctx.localized(&e.name);
    render(&EventTemplate {
        title: name.text.clone(),
        summary: e.summary.as_ref().map(|s| ctx.localized_near(s, &name)),
        crumbs: Link::crumbs(&ctx, Some(("nav-events", "/events"))),
        name,
        rows,
        // The Hague Declaration that founded the GFCE was adopted at this conference.
        founding_link: e.slug.as_str() == "gccs-2015",
        ctx,
    })
}
