//! The home page, and `/`, which sends a browser to it in its language.

use askama::Template;
use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue},
    response::{Html, IntoResponse, Redirect, Response},
};
use gfce_core::{Lang, PageRequest, ThemeFamily};

use crate::{
    http::{AppState, WebError},
    ui::{cards::EventCard, render, PageCtx},
};

/// `/`: sends the browser to its language's home page.
pub async fn root(headers: HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let lang = Lang::negotiate(accept);
    let mut response = Redirect::to(&format!("/{}", lang.code())).into_response();
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomeTemplate {
    ctx: PageCtx,
    title: String,
    counts: Vec<(i64, String, String)>,
    areas: Vec<(String, String, String)>,
    events: Vec<EventCard>,
}

pub async fn home(ctx: PageCtx, State(state): State<AppState>) -> Result<Html<String>, WebError> {
    let counts = state.store.home_counts().await?;
    let themes = state.store.themes().await?;
    let latest = state.store.list_events(None, PageRequest::new(1, 3)).await?;
    let members_href = |query: &str| format!("{}?{query}", ctx.href("/members"));
    let counts = vec![
        (counts.members, ctx.t1("count-members", "count", counts.members), members_href("membership=member")),
        (counts.partners, ctx.t1("count-partners", "count", counts.partners), members_href("membership=partner")),
        (counts.founding, ctx.t("count-founding"), members_href("founding=true")),
        (
            counts.member_countries,
            ctx.t1("count-countries", "count", counts.member_countries),
            members_href("kind=country"),
        ),
        (counts.events, ctx.t1("count-events", "count", counts.events), ctx.href("/events")),
        (counts.projects, ctx.t1("count-projects", "count", counts.projects), ctx.href("/projects")),
    ];
    // The four areas the founding documents name; CERT cooperation was a topic of the conference.
    let areas = themes
        .iter()
        .filter(|t| t.family == ThemeFamily::Hague2015 && t.id.as_str() != "cert-cooperation")
        .map(|t| (t.name.get(ctx.lang).to_owned(), t.description.get(ctx.lang).to_owned(), t.id.to_string()))
        .collect();
    let events = latest.items.iter().map(|e| EventCard::of(&ctx, e)).collect();
    let title = ctx.t("home-title");
    render(&HomeTemplate { ctx, title, counts, areas, events })
}
