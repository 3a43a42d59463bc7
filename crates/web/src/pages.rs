//! The HTML pages, under `/vi/…` and `/en/…`. Handlers build plain view models (all text already
//! translated and chosen by language) and askama templates only lay them out, auto-escaped.

use std::sync::Arc;

use askama::Template;
use axum::{
    extract::{FromRequestParts, OriginalUri, Path, State},
    http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
    Extension, Router,
};
use fluent_bundle::FluentValue;
use gfce_core::{
    allowed,
    reference::{self, EventSeries},
    Action, Actor, ActorKind, CountryCode, Event, Lang, LocalizedText, Membership, Page, RegionLevel, Slug, Theme,
    ThemeFamily,
};

use crate::{
    error::WebError,
    params::{or_refused, EventQuery, FieldError, MemberQuery, Params},
    AppState, I18n,
};

/// The page routes of one language, all under its prefix.
pub fn routes(lang: Lang) -> Router<AppState> {
    let prefix = format!("/{}", lang.code());
    Router::new()
        .route(&prefix, get(home))
        .route(&format!("{prefix}/"), get(home))
        .route(&format!("{prefix}/members"), get(members))
        .route(&format!("{prefix}/members/{{slug}}"), get(member))
        .route(&format!("{prefix}/events"), get(events))
        .route(&format!("{prefix}/events/{{slug}}"), get(event))
        .layer(Extension(lang))
}

/// `/`: sends the browser to its language's home page.
pub async fn root(headers: HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let lang = Lang::negotiate(accept);
    let mut response = Redirect::to(&format!("/{}", lang.code())).into_response();
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

/// What every page knows about its request: the language, the translations, the address.
pub struct PageCtx {
    pub lang: Lang,
    i18n: Arc<I18n>,
    /// The path without its language prefix, e.g. `/members`.
    rest: String,
    query: Option<String>,
    /// Who is signed in, for the header; `None` for visitors.
    pub signed_in: Option<SignedIn>,
}

/// The signed-in viewer as the header shows them: who, and the pages of their role.
pub struct SignedIn {
    pub email: String,
    pub contributes: bool,
    pub reviews: bool,
    pub csrf_token: String,
}

impl FromRequestParts<AppState> for PageCtx {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = parts.extensions.get::<Lang>().copied().ok_or(WebError::NotFound)?;
        let uri = parts.extensions.get::<OriginalUri>().map_or_else(|| parts.uri.clone(), |u| u.0.clone());
        let mut ctx = PageCtx::new(state, lang, uri.path(), uri.query());
        let viewer = crate::auth::Viewer::from_request_parts(parts, state).await?;
        ctx.signed_in = viewer.session.as_ref().map(|session| {
            let who = viewer.principal();
            let own = crate::curation::own_actor(&who);
            SignedIn {
                email: session.user.email.to_string(),
                contributes: allowed(&who, &Action::SubmitContent { on_behalf_of: own }),
                reviews: allowed(&who, &Action::Review),
                csrf_token: session.csrf_token.clone(),
            }
        });
        Ok(ctx)
    }
}

impl PageCtx {
    fn new(state: &AppState, lang: Lang, path: &str, query: Option<&str>) -> Self {
        let rest = path.strip_prefix(&format!("/{}", lang.code())).unwrap_or("").trim_end_matches('/').to_owned();
        PageCtx { lang, i18n: state.i18n.clone(), rest, query: query.map(str::to_owned), signed_in: None }
    }

    /// A translated message.
    pub fn t(&self, id: &str) -> String {
        self.i18n.get(self.lang, id)
    }

    /// A translated message whose id is made from data (a field's name), if there is one.
    pub fn t_known(&self, id: &str) -> Option<String> {
        self.i18n.has(self.lang, id).then(|| self.t(id))
    }

    /// A translated message with one numeric argument.
    pub fn t1(&self, id: &str, name: &str, value: i64) -> String {
        self.i18n.get_args(self.lang, id, &[(name, FluentValue::from(value))])
    }

    /// A translated message with text arguments.
    pub fn t_args(&self, id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = args.iter().map(|(k, v)| (*k, FluentValue::from(*v))).collect();
        self.i18n.get_args(self.lang, id, &args)
    }

    /// A date as the page's language writes it.
    pub fn date(&self, date: time::Date) -> String {
        self.i18n.date(self.lang, date)
    }

    fn t_str(&self, id: &str, name: &str, value: &str) -> String {
        self.i18n.get_args(self.lang, id, &[(name, FluentValue::from(value))])
    }

    pub fn style_href(&self) -> &'static str {
        crate::assets::STYLE_PATH
    }

    pub fn favicon_href(&self) -> &'static str {
        crate::assets::FAVICON_PATH
    }

    /// The feed of the latest additions, in the page's language.
    pub fn feed_href(&self) -> &'static str {
        match self.lang {
            Lang::En => "/feeds/latest.atom",
            Lang::Vi => "/feeds/latest.atom?lang=vi",
        }
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// A path of this site in the page's language.
    pub fn href(&self, path: &str) -> String {
        format!("/{}{path}", self.lang.code())
    }

    /// The same page in the other language, query kept.
    pub fn switch_href(&self) -> String {
        let mut href = format!("/{}{}", self.lang.other().code(), self.rest);
        if let Some(q) = self.query.as_deref().filter(|q| !q.is_empty()) {
            href.push('?');
            href.push_str(q);
        }
        href
    }

    pub fn switch_lang(&self) -> &'static str {
        self.lang.other().code()
    }

    /// Whether a navigation item is the current section, for `aria-current`.
    pub fn in_section(&self, section: &str) -> bool {
        if section.is_empty() {
            self.rest.is_empty()
        } else {
            self.rest == section || self.rest.starts_with(&format!("{section}/"))
        }
    }

    /// The query string of the request, without `?`.
    pub fn query_string(&self) -> &str {
        self.query.as_deref().unwrap_or("")
    }

    pub(crate) fn localized(&self, text: &LocalizedText) -> Localized {
        self.text(text)
    }

    fn text(&self, text: &LocalizedText) -> Localized {
        let (value, written_in) = text.resolve(self.lang);
        Localized { text: value.to_owned(), lang: (written_in != self.lang).then(|| written_in.code()) }
    }

    /// A plain summary-list row: a translated label and a value.
    fn row(&self, label: &str, value: String) -> SummaryRow {
        SummaryRow { label: self.t(label), value, href: None, external: false, lang: None }
    }

    fn country_name(&self, code: CountryCode) -> String {
        reference::shipped().country(code).map_or_else(|| code.to_string(), |c| c.name.get(self.lang).to_owned())
    }

    fn kind_label(&self, kind: ActorKind) -> String {
        self.t(&format!("kind-{}", kind.as_str()))
    }

    fn membership_label(&self, membership: Option<Membership>) -> String {
        self.t(&format!("membership-{}", membership.map_or("none", Membership::as_str)))
    }

    fn date_range(&self, start: time::Date, end: time::Date) -> String {
        self.i18n.date_range(self.lang, start, end)
    }
}

/// A text shown in the page's language, or in the other one (then `lang` says which, so the
/// element carries the right `lang` attribute and the page can say it fell back).
pub struct Localized {
    pub text: String,
    pub lang: Option<&'static str>,
}

/// An option of a `<select>`.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct OptGroup {
    pub label: String,
    pub options: Vec<Opt>,
}

/// One refused field, as the error summary lists it.
pub struct FieldMessage {
    pub field: &'static str,
    pub message: String,
}

/// A link: a breadcrumb, or a pointer to a related list.
pub struct Link {
    pub label: String,
    pub href: String,
}

pub struct Pagination {
    pub previous: Option<String>,
    pub next: Option<String>,
    pub status: String,
}

/// Every country as a choice, sorted by its name in the page's language.
pub(crate) fn country_options(lang: Lang, selected: impl Fn(&str) -> bool) -> Vec<Opt> {
    let mut options: Vec<Opt> = reference::shipped()
        .countries
        .iter()
        .map(|c| Opt {
            value: c.code.to_string(),
            label: c.name.get(lang).to_owned(),
            selected: selected(c.code.as_str()),
        })
        .collect();
    options.sort_by_cached_key(|o| gfce_core::fold(&o.label));
    options
}

/// The themes as choices, grouped by family (2015, 2017).
pub(crate) fn theme_groups(ctx: &PageCtx, themes: &[Theme], selected: impl Fn(&str) -> bool) -> Vec<OptGroup> {
    [ThemeFamily::Hague2015, ThemeFamily::Delhi2017]
        .iter()
        .map(|family| OptGroup {
            label: ctx.t(&format!("theme-family-{}", family.as_str())),
            options: themes
                .iter()
                .filter(|t| t.family == *family)
                .map(|t| Opt {
                    value: t.id.to_string(),
                    label: t.name.get(ctx.lang).to_owned(),
                    selected: selected(t.id.as_str()),
                })
                .collect(),
        })
        .collect()
}

/// A member as a line of the directory.
pub struct MemberCard {
    pub name: Localized,
    pub href: String,
    pub kind: String,
    pub membership: String,
    pub country: Option<String>,
    pub founding: bool,
}

/// An event as a line of a list.
pub struct EventCard {
    pub name: Localized,
    pub href: String,
    pub dates: String,
    pub place: String,
}

/// A row of a summary list: label, value, and a link when the value leads somewhere.
pub struct SummaryRow {
    pub label: String,
    pub value: String,
    pub href: Option<String>,
    pub external: bool,
    /// Set when the value is in another language than the page.
    pub lang: Option<&'static str>,
}

pub(crate) fn render(template: &impl Template) -> Result<Html<String>, WebError> {
    template.render().map(Html).map_err(|e| WebError::Render(e.to_string()))
}

fn member_card(ctx: &PageCtx, m: &Actor) -> MemberCard {
    MemberCard {
        name: ctx.text(&m.name),
        href: ctx.href(&format!("/members/{}", m.slug)),
        kind: ctx.kind_label(m.kind),
        membership: ctx.membership_label(m.membership()),
        // A country's own name already says where it is.
        country: m.country.filter(|_| m.kind != ActorKind::Country).map(|c| ctx.country_name(c)),
        founding: m.joined.is_some_and(|j| j.founding),
    }
}

fn event_card(ctx: &PageCtx, e: &Event) -> EventCard {
    EventCard {
        name: ctx.text(&e.name),
        href: ctx.href(&format!("/events/{}", e.slug)),
        dates: ctx.date_range(e.starts_on, e.ends_on),
        place: format!("{}, {}", ctx.text(&e.city).text, ctx.country_name(e.country)),
    }
}

pub(crate) fn field_messages(ctx: &PageCtx, errors: &[FieldError]) -> Vec<FieldMessage> {
    errors
        .iter()
        .map(|(field, reason)| FieldMessage {
            field,
            message: format!("{} {}", ctx.t(&format!("param-{field}")), reason.message(&ctx.i18n, ctx.lang)),
        })
        .collect()
}

/// Links to the neighbouring pages of a list, keeping the other query parameters.
pub(crate) fn pagination<T>(ctx: &PageCtx, page: &Page<T>) -> Option<Pagination> {
    let pages = page.page_count();
    if pages <= 1 {
        return None;
    }
    let current = u64::from(page.request.page());
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(ctx.query.as_deref().unwrap_or("")).unwrap_or_default();
    let link = |n: u64| {
        let mut kept: Vec<(String, String)> = pairs.iter().filter(|(k, _)| k != "page").cloned().collect();
        kept.push(("page".into(), n.to_string()));
        format!("{}?{}", ctx.href(&ctx.rest), serde_urlencoded::to_string(kept).unwrap_or_default())
    };
    Some(Pagination {
        previous: (current > 1).then(|| link(current - 1)),
        next: (current < pages).then(|| link(current + 1)),
        status: ctx.i18n.get_args(
            ctx.lang,
            "pagination-status",
            &[("page", FluentValue::from(current)), ("pages", FluentValue::from(pages))],
        ),
    })
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

async fn home(ctx: PageCtx, State(state): State<AppState>) -> Result<Html<String>, WebError> {
    let counts = state.store.home_counts().await?;
    let themes = state.store.themes().await?;
    let latest = state.store.list_events(None, gfce_core::PageRequest::new(1, 3)).await?;
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
    let areas = themes
        .iter()
        .filter(|t| t.family == ThemeFamily::Hague2015 && t.id.as_str() != "cert-cooperation")
        .map(|t| (t.name.get(ctx.lang).to_owned(), t.description.get(ctx.lang).to_owned(), t.id.to_string()))
        .collect();
    let events = latest.items.iter().map(|e| event_card(&ctx, e)).collect();
    let title = ctx.t("home-title");
    render(&HomeTemplate { ctx, title, counts, areas, events })
}

#[derive(Template)]
#[template(path = "members.html")]
struct MembersTemplate {
    ctx: PageCtx,
    title: String,
    query: MemberQuery,
    errors: Vec<FieldMessage>,
    kinds: Vec<Opt>,
    memberships: Vec<Opt>,
    founding: Vec<Opt>,
    regions: Vec<OptGroup>,
    countries: Vec<Opt>,
    themes: Vec<OptGroup>,
    results: Vec<MemberCard>,
    count: String,
    pagination: Option<Pagination>,
}

async fn members(
    ctx: PageCtx,
    State(state): State<AppState>,
    query: Result<Params<MemberQuery>, WebError>,
) -> Result<Response, WebError> {
    let (query, mut errors) = or_refused(query)?;
    let (filter, page_request, parse_errors) = query.parse(&state.store).await?;
    errors.extend(parse_errors);
    let page = state.store.list_actors(&filter, ctx.lang, page_request).await?;
    let picked = |value: &Option<String>, candidate: &str| value.as_deref().map(str::trim) == Some(candidate);
    let kinds = ActorKind::ALL
        .iter()
        .map(|k| Opt { value: k.as_str().into(), label: ctx.kind_label(*k), selected: query.kind_is(k) })
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
    let data = reference::shipped();
    let regions = data
        .regions
        .iter()
        .filter(|r| r.level == RegionLevel::Region)
        .map(|top| {
            let within = |code| data.region(code).and_then(|r| r.parent);
            let mut options = vec![Opt {
                value: top.code.to_string(),
                label: top.name.get(ctx.lang).to_owned(),
                selected: picked(&query.region, &top.code.to_string()),
            }];
            for r in data
                .regions
                .iter()
                .filter(|r| r.parent == Some(top.code) || r.parent.and_then(within) == Some(top.code))
            {
                let indent = if r.level == RegionLevel::IntermediateRegion { "— — " } else { "— " };
                options.push(Opt {
                    value: r.code.to_string(),
                    label: format!("{indent}{}", r.name.get(ctx.lang)),
                    selected: picked(&query.region, &r.code.to_string()),
                });
            }
            OptGroup { label: top.name.get(ctx.lang).to_owned(), options }
        })
        .collect();
    let countries =
        country_options(ctx.lang, |code| query.country.as_deref().is_some_and(|v| v.trim().eq_ignore_ascii_case(code)));
    let themes = theme_groups(&ctx, &state.store.themes().await?, |id| picked(&query.theme, id));
    let template = MembersTemplate {
        title: ctx.t("members-title"),
        errors: field_messages(&ctx, &errors),
        results: page.items.iter().map(|m| member_card(&ctx, m)).collect(),
        count: ctx.t1("results-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        kinds,
        memberships,
        founding,
        regions,
        countries,
        themes,
        query,
        ctx,
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    Ok((status, render(&template)?).into_response())
}

#[derive(Template)]
#[template(path = "member.html")]
struct MemberTemplate {
    ctx: PageCtx,
    title: String,
    name: Localized,
    crumbs: Vec<Link>,
    rows: Vec<SummaryRow>,
    country_link: Option<Link>,
    work: crate::knowledge::ActorWork,
}

fn page_slug(slug: Result<Path<String>, axum::extract::rejection::PathRejection>) -> Result<Slug, WebError> {
    slug.ok().and_then(|Path(s)| Slug::parse(&s).ok()).ok_or(WebError::NotFound)
}

async fn member(
    ctx: PageCtx,
    State(state): State<AppState>,
    slug: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<Response, WebError> {
    let slug = page_slug(slug)?;
    let m = state.store.actor(&slug).await?.ok_or(WebError::NotFound)?;
    // Only members and partners are in the directory; other actors have their own pages.
    if m.joined.is_none() {
        return Ok(crate::knowledge::moved(&ctx, &format!("/actors/{}", m.slug)));
    }
    let themes = state.store.themes().await?;
    let name = ctx.text(&m.name);
    let row = |label: &str, value: String| ctx.row(label, value);
    let mut rows = vec![
        row("member-kind", ctx.kind_label(m.kind)),
        row("member-membership", ctx.membership_label(m.membership())),
    ];
    if let Some(short) = &m.short_name {
        rows.push(row("member-short-name", short.clone()));
    }
    if let Some(country) = m.country {
        let label = if m.kind == ActorKind::Country { "member-country" } else { "member-seat" };
        rows.push(SummaryRow {
            href: Some(format!("{}?country={country}", ctx.href("/members"))),
            ..row(label, ctx.country_name(country))
        });
    }
    if m.joined.is_some_and(|j| j.founding) {
        rows.push(SummaryRow {
            href: Some(format!("{}?founding=true", ctx.href("/members"))),
            ..row("member-founding", ctx.t("member-founding-yes"))
        });
    }
    if let Some(joined) = m.joined {
        rows.push(row("member-joined", ctx.i18n.date(ctx.lang, joined.joined_on)));
    }
    if let Some(website) = &m.website {
        rows.push(SummaryRow {
            href: Some(website.to_string()),
            external: true,
            ..row("member-website", website.to_string())
        });
    }
    if let Some(listed) = &m.listed_as {
        // The founding list comes from Vietnamese sources.
        let lang = (ctx.lang != Lang::Vi).then_some(Lang::Vi.code());
        rows.push(SummaryRow { lang, ..row("member-listed-as", listed.clone()) });
    }
    if !m.themes.is_empty() {
        let names: Vec<&str> = m
            .themes
            .iter()
            .filter_map(|id| themes.iter().find(|t| &t.id == id))
            .map(|t| t.name.get(ctx.lang))
            .collect();
        rows.push(row("member-themes", names.join(", ")));
    }
    let country_link = m.country.filter(|_| m.kind != ActorKind::Country).map(|c| Link {
        href: format!("{}?country={c}", ctx.href("/members")),
        label: ctx.t_str("member-other-in-country", "country", &ctx.country_name(c)),
    });
    let crumbs = vec![
        Link { label: ctx.t("nav-home"), href: ctx.href("") },
        Link { label: ctx.t("nav-members"), href: ctx.href("/members") },
    ];
    let work = crate::knowledge::actor_work(&ctx, &state, &m.slug).await?;
    let page = MemberTemplate { title: name.text.clone(), name, crumbs, rows, country_link, work, ctx };
    Ok(render(&page)?.into_response())
}

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

async fn events(
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
        results: page.items.iter().map(|e| event_card(&ctx, e)).collect(),
        count: ctx.t1("results-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        ctx,
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    Ok((status, render(&template)?).into_response())
}

#[derive(Template)]
#[template(path = "event.html")]
struct EventTemplate {
    ctx: PageCtx,
    title: String,
    name: Localized,
    summary: Option<Localized>,
    crumbs: Vec<Link>,
    rows: Vec<SummaryRow>,
    founding_link: bool,
}

async fn event(
    ctx: PageCtx,
    State(state): State<AppState>,
    slug: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<Html<String>, WebError> {
    let slug = page_slug(slug)?;
    let e = state.store.event(&slug).await?.ok_or(WebError::NotFound)?;
    let series = state.store.event_series().await?;
    let name = ctx.text(&e.name);
    let row = |label: &str, value: String| ctx.row(label, value);
    let mut rows = Vec::new();
    if let Some(s) = series.iter().find(|s| s.id == e.series) {
        rows.push(SummaryRow {
            href: Some(format!("{}?series={}", ctx.href("/events"), s.id)),
            ..row("event-series", s.name.get(ctx.lang).to_owned())
        });
    }
    rows.push(row("event-dates", ctx.date_range(e.starts_on, e.ends_on)));
    rows.push(row("event-place", format!("{}, {}", ctx.text(&e.city).text, ctx.country_name(e.country))));
    let organisers = state.store.actors_by_slugs(&e.organisers.iter().collect::<Vec<_>>()).await?;
    for slug in &e.organisers {
        if let Some(a) = organisers.get(slug) {
            let section = if a.joined.is_some() { "members" } else { "actors" };
            rows.push(SummaryRow {
                href: Some(ctx.href(&format!("/{section}/{slug}"))),
                ..row("event-organiser", ctx.text(&a.name).text)
            });
        }
    }
    if !e.themes.is_empty() {
        let themes = state.store.themes().await?;
        let names: Vec<&str> =
            themes.iter().filter(|t| e.themes.contains(&t.id)).map(|t| t.name.get(ctx.lang)).collect();
        rows.push(row("event-themes", names.join(", ")));
    }
    if let Some(url) = &e.url {
        rows.push(SummaryRow { href: Some(url.to_string()), external: true, ..row("event-website", url.to_string()) });
    }
    let crumbs = vec![
        Link { label: ctx.t("nav-home"), href: ctx.href("") },
        Link { label: ctx.t("nav-events"), href: ctx.href("/events") },
    ];
    // The Hague Declaration that founded the GFCE was adopted at this conference.
    let founding_link = e.slug.as_str() == "gccs-2015";
    render(&EventTemplate {
        title: name.text.clone(),
        summary: e.summary.as_ref().map(|s| ctx.text(s)),
        name,
        crumbs,
        rows,
        founding_link,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    ctx: PageCtx,
    title: String,
    body: String,
    errors: Vec<FieldMessage>,
}

/// The HTML page for an error, in `lang`.
pub fn error_page(state: &AppState, error: &WebError, lang: Lang) -> Response {
    let ctx = PageCtx::new(state, lang, &format!("/{}", lang.code()), None);
    let (title, body, errors) = match error {
        WebError::NotFound => (ctx.t("page-not-found-title"), ctx.t("page-not-found-body"), Vec::new()),
        WebError::InvalidParam { param, reason } => {
            let errors = field_messages(&ctx, &[(param, reason.clone())]);
            (ctx.t("page-bad-request-title"), String::new(), errors)
        }
        WebError::Unavailable(_) => (ctx.t("page-unavailable-title"), ctx.t("page-unavailable-body"), Vec::new()),
        WebError::Internal(_) | WebError::Search(_) | WebError::Render(_) => {
            (ctx.t("page-error-title"), ctx.t("page-error-body"), Vec::new())
        }
        WebError::Forbidden => (ctx.t("page-forbidden-title"), ctx.t("page-forbidden-body"), Vec::new()),
        WebError::TooManyAttempts(_) => (ctx.t("page-throttled-title"), ctx.t("page-throttled-body"), Vec::new()),
        WebError::NotPermitted => (ctx.t("page-not-permitted-title"), ctx.t("page-not-permitted-body"), Vec::new()),
        WebError::LinkGone => (ctx.t("page-link-gone-title"), ctx.t("page-link-gone-body"), Vec::new()),
        WebError::LinkUnknown => (ctx.t("page-link-unknown-title"), ctx.t("page-link-unknown-body"), Vec::new()),
        WebError::AlreadyDecided => {
            (ctx.t("page-already-decided-title"), ctx.t("page-already-decided-body"), Vec::new())
        }
        WebError::InvalidField { field, reason } => {
            let label = ctx.t_known(&format!("param-{field}")).unwrap_or_else(|| field.clone());
            let body = format!("{label} {}", reason.message(&ctx.i18n, ctx.lang));
            (ctx.t("page-bad-request-title"), body, Vec::new())
        }
        WebError::SignInRequired => (ctx.t("page-sign-in-title"), ctx.t("page-sign-in-body"), Vec::new()),
        WebError::WrongState(state) => {
            let state = ctx.t(&format!("revision-state-{state}"));
            (ctx.t("page-wrong-state-title"), ctx.t_args("page-wrong-state-body", &[("state", &state)]), Vec::new())
        }
        WebError::InProgress(_) => (ctx.t("page-in-progress-title"), ctx.t("page-in-progress-body"), Vec::new()),
        // Only the API asks for tokens; a page that meets these errors says what the API would.
        WebError::Unauthenticated | WebError::InvalidToken | WebError::InsufficientScope(_) => {
            (ctx.t("page-token-refused-title"), ctx.t("page-token-refused-body"), Vec::new())
        }
    };
    match (ErrorTemplate { ctx, title, body, errors }).render() {
        Ok(html) => Html(html).into_response(),
        // The error page itself failed: say so plainly rather than loop.
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response()
        }
    }
}
