//! The members directory: the members and partners of the GFCE, filtered, and a member's page.

use askama::Template;
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use gfce_core::{ActorKind, Membership};

use super::actors::{actor_work, profile_rows, ActorWork};
use crate::{
    http::{
        params::{given, or_refused, Params, SlugParam},
        queries::MemberQuery,
        AppState, WebError,
    },
    ui::{
        cards::ActorCard,
        render, render_checked,
        widgets::{
            country_options, field_messages, pagination, picked, region_groups, theme_groups, FieldMessage, Link, Opt,
            OptGroup, Pagination, Row,
        },
        Localized, PageCtx,
    },
};

#[derive(Template)]
#[template(path = "members.html")]
struct MembersTemplate {
    ctx: PageCtx,
    title: String,
    action: String,
    typed_q: String,
    errors: Vec<FieldMessage>,
    kinds: Vec<Opt>,
    memberships: Vec<Opt>,
    founding: Vec<Opt>,
    regions: Vec<OptGroup>,
    countries: Vec<Opt>,
    themes: Vec<OptGroup>,
    results: Vec<ActorCard>,
    count: String,
    pagination: Option<Pagination>,
}

pub async fn list(
    ctx: PageCtx,
    State(state): State<AppState>,
    query: Result<Params<MemberQuery>, WebError>,
) -> Result<Response, WebError> {
    let (query, mut errors) = or_refused(query)?;
    let (filter, page_request, parse_errors) = query.parse(&state.store).await?;
    errors.extend(parse_errors);
    let page = state.store.list_actors(&filter, ctx.lang, page_request).await?;
    let kinds = ActorKind::ALL
        .iter()
        .map(|k| Opt { value: k.as_str().into(), label: ctx.kind_label(*k), selected: picked(&query.kind, k.as_str()) })
        .collect();
    let memberships = Membership::ALL
        .iter()
        .map(|m| Opt {
            value: m.as_str().into(),
            label: ctx.membership_label(Some(*m)),
            selected: picked(&query.membership, m.as_str()),
        })
        .collect();
    let founding = [("true", "filter-yes"), ("false", "filter-no")]
        .iter()
        .map(|(v, label)| Opt { value: (*v).into(), label: ctx.t(label), selected: picked(&query.founding, v) })
        .collect();
    let countries =
        country_options(ctx.lang, |code| query.country.as_deref().is_some_and(|v| v.trim().eq_ignore_ascii_case(code)));
    let themes = theme_groups(&ctx, &state.store.themes().await?, |id| picked(&query.theme, id));
    let template = MembersTemplate {
        title: ctx.t("members-title"),
        action: ctx.href("/members"),
        typed_q: given(&query.q).unwrap_or("").to_owned(),
        errors: field_messages(&ctx, &errors),
        results: page.items.iter().map(|m| ActorCard::of(&ctx, m, true)).collect(),
        count: ctx.t1("results-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        kinds,
        memberships,
        founding,
        regions: region_groups(ctx.lang, &query.region),
        countries,
        themes,
        ctx,
    };
    render_checked(&template, !errors.is_empty())
}

#[derive(Template)]
#[template(path = "member.html")]
struct MemberTemplate {
    ctx: PageCtx,
    title: String,
    name: Localized,
    crumbs: Vec<Link>,
    rows: Vec<Row>,
    country_link: Option<Link>,
    work: ActorWork,
}

pub async fn page(
    ctx: PageCtx,
    State(state): State<AppState>,
    SlugParam(slug): SlugParam,
) -> Result<Response, WebError> {
    let m = state.store.actor(&slug).await?.ok_or(WebError::NotFound)?;
    // Only members and partners are in the directory; other actors have their own pages.
    if m.joined.is_none() {
        return Ok(ctx.moved(&format!("/actors/{}", m.slug)));
    }
    let rows = profile_rows(&ctx, &m, &state.store.themes().await?);
    let country_link = m.country.filter(|_| m.kind != ActorKind::Country).map(|c| Link {
        href: ctx.filtered("/members", &[("country", c.as_str())]),
        label: ctx.t_args("member-other-in-country", &[("country", &ctx.country_name(c))]),
    });
    let crumbs = Link::crumbs(&ctx, Some(("nav-members", "/members")));
    let work = actor_work(&ctx, &state, &m.slug).await?;
    let name = ctx.localized(&m.name);
    let page = MemberTemplate { title: name.text.clone(), name, crumbs, rows, country_link, work, ctx };
    Ok(render(&page)?.into_response())
}
