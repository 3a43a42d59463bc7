//! The search page: one search over everything, in Vietnamese and English, with facets that
//! narrow it and a snippet of each result with the matched words marked.

use askama::Template;
use axum::{extract::State, response::Response};
use gfce_core::{CountryCode, Lang, Page, RegionCode};
use gfce_search::{FacetCount, Snippet};

use crate::{
    http::{
        params::{given, or_refused, Params},
        queries::SearchQuery,
        AppState, WebError,
    },
    ui::{
        render_checked,
        widgets::{field_messages, pagination, FieldMessage, Pagination},
        Localized, PageCtx,
    },
};

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
    action: String,
    q: String,
    errors: Vec<FieldMessage>,
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

pub async fn page(
    ctx: PageCtx,
    State(state): State<AppState>,
    query: Result<Params<SearchQuery>, WebError>,
) -> Result<Response, WebError> {
    let (query, mut errors) = or_refused(query)?;
    let (request, parse_errors) = query.parse(&state.store).await?;
    errors.extend(parse_errors);
    let page_request = request.page;
    let results = state.find(request).await?;
    let themes = state.store.themes().await?;
    let lang = ctx.lang;

    let results_cards = results
        .hits
        .iter()
        .map(|h| {
            let title =
                h.title.as_ref().map(|t| ctx.localized(t)).unwrap_or(Localized { text: h.slug.clone(), lang: None });
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
    let label_for = |dimension: &str, value: &str| -> String {
        match dimension {
            "type" => ctx.t(&format!("type-{value}")),
            "theme" => {
                themes.iter().find(|t| t.id.as_str() == value).map_or(value.to_owned(), |t| t.name.get(lang).to_owned())
            }
            "region" => RegionCode::parse(value).map_or(value.to_owned(), |r| ctx.region_name(r)),
            "country" => CountryCode::parse(value).map_or(value.to_owned(), |c| ctx.country_name(c)),
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
    let page = Page::<()> { items: Vec::new(), total: results.total, request: page_request };
    let template = SearchTemplate {
        title: ctx.t("search-title"),
        action: ctx.href("/search"),
        q: given(&query.q).unwrap_or("").to_owned(),
        errors: field_messages(&ctx, &errors),
        results: results_cards,
        count: ctx.t1("results-count", "count", results.total as i64),
        facets,
        pagination: pagination(&ctx, &page),
        ctx,
    };
    render_checked(&template, !errors.is_empty())
}
