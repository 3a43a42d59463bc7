//! One search over everything: `GET /api/v1/search` and the search page `/{vi,en}/search`.

use askama::Template;
use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::get,
    Extension, Json, Router,
};
use gfce_core::{reference, ContentType, CountryCode, Lang, ParseError, ProjectStatus, RegionCode, ThemeId};
use gfce_search::{FacetCount, Filters, Hit, SearchRequest, SearchResults, Snippet};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{
    api::Text,
    error::{Problem, Reason, WebError},
    pages::{Localized, PageCtx, Pagination},
    params::{first_error, given, or_refused, parse_field, parse_free_text, parse_page, FieldError, Params},
    AppState,
};

pub fn routes() -> Router<AppState> {
    let page =
        |lang: Lang| Router::new().route(&format!("/{}/search", lang.code()), get(search_page)).layer(Extension(lang));
    Router::new().route("/api/v1/search", get(search_api)).merge(page(Lang::Vi)).merge(page(Lang::En))
}

/// The parameters of a search.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words to find, in English or Vietnamese, with or without accents; empty browses everything.
    pub q: Option<String>,
    /// `member` or `event`.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub content_type: Option<String>,
    /// A theme id.
    pub theme: Option<String>,
    /// A UN M49 region, sub-region or intermediate region code.
    pub region: Option<String>,
    /// An ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// `planned`, `ongoing` or `completed` (projects).
    pub status: Option<String>,
    /// A year, e.g. `2015`.
    pub year: Option<String>,
    /// Page number, from 1.
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    pub per_page: Option<String>,
}

fn parse_year(value: &str) -> Result<i32, ParseError> {
    match value.parse::<i32>() {
        Ok(year) if (1900..=2100).contains(&year) => Ok(year),
        _ => Err(ParseError::OutOfRange { min: 1900, max: 2100 }),
    }
}

impl SearchQuery {
    async fn parse(&self, state: &AppState) -> Result<(SearchRequest, Vec<FieldError>), WebError> {
        let mut errors = Vec::new();
        let mut filters = Filters {
            content_type: parse_field(&mut errors, "type", &self.content_type, str::parse::<ContentType>),
            theme: parse_field(&mut errors, "theme", &self.theme, ThemeId::parse),
            region: parse_field(&mut errors, "region", &self.region, RegionCode::parse),
            country: parse_field(&mut errors, "country", &self.country, CountryCode::parse),
            status: parse_field(&mut errors, "status", &self.status, str::parse::<ProjectStatus>),
            year: parse_field(&mut errors, "year", &self.year, parse_year),
        };
        if let Some(theme) = &filters.theme {
            if !state.store.theme_exists(theme).await? {
                errors.push(("theme", Reason::UnknownTheme));
                filters.theme = None;
            }
        }
        let q = parse_field(&mut errors, "q", &self.q, parse_free_text).unwrap_or_default();
        let page = parse_page(&mut errors, &self.page, &self.per_page);
        Ok((SearchRequest { q, filters, page }, errors))
    }
}

async fn run(state: &AppState, request: SearchRequest) -> Result<SearchResults, WebError> {
    let index = state.search.clone();
    // Searching reads index files: keep it off the threads that serve connections.
    let results =
        tokio::task::spawn_blocking(move || index.search(&request)).await.map_err(|e| WebError::Search(e.into()))??;
    Ok(results)
}

/// A passage with the matched words marked, as character offsets `[start, end)`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SnippetItem {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

impl From<&Snippet> for SnippetItem {
    fn from(s: &Snippet) -> Self {
        let chars = |byte: usize| s.text[..byte].chars().count();
        SnippetItem {
            text: s.text.clone(),
            highlights: s.highlights.iter().map(|r| [chars(r.start), chars(r.end)]).collect(),
        }
    }
}

/// Passages in each language.
#[derive(Debug, Serialize, ToSchema)]
pub struct Snippets {
    pub en: SnippetItem,
    pub vi: SnippetItem,
}

/// A found record.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchItem {
    #[serde(rename = "type")]
    pub content_type: ContentType,
    pub slug: String,
    pub title: Text,
    pub snippet: Snippets,
    pub score: f32,
    /// The record in the API.
    pub href: String,
}

impl From<&Hit> for SearchItem {
    fn from(h: &Hit) -> Self {
        SearchItem {
            content_type: h.content_type,
            href: format!("/api/v1/{}/{}", h.content_type.section(), h.slug),
            slug: h.slug.clone(),
            title: Text { en: h.title_en.clone(), vi: h.title_vi.clone() },
            snippet: Snippets { en: (&h.snippet_en).into(), vi: (&h.snippet_vi).into() },
            score: h.score,
        }
    }
}

/// One facet value and how many results have it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetItem {
    pub value: String,
    pub count: u64,
}

/// Counts of every facet over the results.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetsItem {
    #[serde(rename = "type")]
    pub content_type: Vec<FacetItem>,
    pub theme: Vec<FacetItem>,
    pub region: Vec<FacetItem>,
    pub country: Vec<FacetItem>,
    pub status: Vec<FacetItem>,
    pub year: Vec<FacetItem>,
}

fn facet_items(counts: &[FacetCount]) -> Vec<FacetItem> {
    counts.iter().map(|c| FacetItem { value: c.value.clone(), count: c.count }).collect()
}

/// One page of search results with the facet counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchList {
    pub items: Vec<SearchItem>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub facets: FacetsItem,
}

/// Search members and events, in English and Vietnamese.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchQuery),
    responses(
        (status = 200, description = "Results by relevance, with facet counts over all results", body = SearchList),
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem,
         content_type = "application/problem+json"),
    ))]
pub(crate) async fn search_api(
    State(state): State<AppState>,
    Params(query): Params<SearchQuery>,
) -> Result<Json<SearchList>, WebError> {
    let (request, errors) = query.parse(&state).await?;
    first_error(errors)?;
    let page = request.page;
    let results = run(&state, request).await?;
    let f = &results.facets;
    Ok(Json(SearchList {
        items: results.hits.iter().map(SearchItem::from).collect(),
        total: results.total,
        page: page.page(),
        per_page: page.per_page(),
        facets: FacetsItem {
            content_type: facet_items(&f.content_type),
            theme: facet_items(&f.theme),
            region: facet_items(&f.region),
            country: facet_items(&f.country),
            status: facet_items(&f.status),
            year: facet_items(&f.year),
        },
    }))
}

/// A part of a snippet: plain text, or a matched word.
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

pub struct ResultCard {
    pub title: Localized,
    pub href: String,
    pub kind: String,
    pub snippet: Vec<Piece>,
}

/// A facet value as a link that adds (or, when chosen, removes) it as a filter.
pub struct FacetLink {
    pub label: String,
    pub count: u64,
    pub href: String,
    pub chosen: bool,
}

pub struct FacetGroup {
    pub label: String,
    pub links: Vec<FacetLink>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchTemplate {
    ctx: PageCtx,
    title: String,
    q: String,
    errors: Vec<crate::pages::FieldMessage>,
    results: Vec<ResultCard>,
    count: String,
    facets: Vec<FacetGroup>,
    pagination: Option<Pagination>,
}

fn pieces(snippet: &Snippet) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in &snippet.highlights {
        if range.start > at {
            pieces.push(Piece { text: snippet.text[at..range.start].to_owned(), marked: false });
        }
        pieces.push(Piece { text: snippet.text[range.clone()].to_owned(), marked: true });
        at = range.end;
    }
    if at < snippet.text.len() {
        pieces.push(Piece { text: snippet.text[at..].to_owned(), marked: false });
    }
    pieces
}

async fn search_page(
    ctx: PageCtx,
    State(state): State<AppState>,
    query: Result<Params<SearchQuery>, WebError>,
) -> Result<Response, WebError> {
    let (query, mut errors) = or_refused(query)?;
    let (request, parse_errors) = query.parse(&state).await?;
    errors.extend(parse_errors);
    let page_request = request.page;
    let results = run(&state, request).await?;
    let themes = state.store.themes().await?;
    let lang = ctx.lang;

    let results_cards = results
        .hits
        .iter()
        .map(|h| {
            let title = gfce_core::LocalizedText::new(h.title_en.clone(), h.title_vi.clone())
                .map(|t| ctx.localized(&t))
                .unwrap_or(Localized { text: h.slug.clone(), lang: None });
            let snippet = match lang {
                Lang::En if !h.snippet_en.text.is_empty() => &h.snippet_en,
                Lang::Vi if !h.snippet_vi.text.is_empty() => &h.snippet_vi,
                Lang::En => &h.snippet_vi,
                Lang::Vi => &h.snippet_en,
            };
            ResultCard {
                title,
                href: ctx.href(&format!("/{}/{}", h.content_type.section(), h.slug)),
                kind: ctx.t(&format!("type-{}", h.content_type.as_str())),
                snippet: pieces(snippet),
            }
        })
        .collect();

    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(ctx.query_string()).unwrap_or_default();
    let link = |param: &str, value: &str| {
        let chosen = pairs.iter().any(|(k, v)| k == param && v == value);
        let mut kept: Vec<(String, String)> =
            pairs.iter().filter(|(k, _)| k != param && k != "page").cloned().collect();
        if !chosen {
            kept.push((param.to_owned(), value.to_owned()));
        }
        (format!("{}?{}", ctx.href("/search"), serde_urlencoded::to_string(kept).unwrap_or_default()), chosen)
    };
    let data = reference::shipped();
    let label_for = |dimension: &str, value: &str| -> String {
        match dimension {
            "type" => ctx.t(&format!("type-{value}")),
            "theme" => {
                themes.iter().find(|t| t.id.as_str() == value).map_or(value.to_owned(), |t| t.name.get(lang).to_owned())
            }
            "region" => RegionCode::parse(value)
                .ok()
                .and_then(|r| data.region(r))
                .map_or(value.to_owned(), |r| r.name.get(lang).to_owned()),
            "country" => CountryCode::parse(value)
                .ok()
                .and_then(|c| data.country(c))
                .map_or(value.to_owned(), |c| c.name.get(lang).to_owned()),
            "status" => ctx.t(&format!("status-{value}")),
            _ => value.to_owned(),
        }
    };
    let f = &results.facets;
    let dimensions: [(&str, &str, &[FacetCount]); 6] = [
        ("type", "filter-type", &f.content_type),
        ("theme", "filter-theme", &f.theme),
        ("region", "filter-region", &f.region),
        ("country", "filter-country", &f.country),
        ("status", "filter-status", &f.status),
        ("year", "filter-year", &f.year),
    ];
    let facets = dimensions
        .iter()
        .filter(|(_, _, counts)| !counts.is_empty())
        .map(|(dimension, label, counts)| FacetGroup {
            label: ctx.t(label),
            links: counts
                .iter()
                .take(15)
                .map(|c| {
                    let (href, chosen) = link(dimension, &c.value);
                    FacetLink { label: label_for(dimension, &c.value), count: c.count, href, chosen }
                })
                .collect(),
        })
        .collect();
    let page = gfce_core::Page::<()> { items: Vec::new(), total: results.total, request: page_request };
    let template = SearchTemplate {
        title: ctx.t("search-title"),
        q: given(&query.q).unwrap_or("").to_owned(),
        errors: crate::pages::field_messages(&ctx, &errors),
        results: results_cards,
        count: ctx.t1("results-count", "count", results.total as i64),
        facets,
        pagination: crate::pages::pagination(&ctx, &page),
        ctx,
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    let html = template.render().map_err(|e| WebError::Render(e.to_string()))?;
    Ok((status, axum::response::Html(html)).into_response())
}
