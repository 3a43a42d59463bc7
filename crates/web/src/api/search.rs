//! One search over everything in the JSON API: `GET /api/v1/search`, with snippets whose matched
//! words are marked and facet counts over all results.

use axum::{extract::State, Json};
use gfce_core::ContentType;
use gfce_search::{FacetCount, Hit, Snippet};
use serde::Serialize;
use utoipa::ToSchema;

use super::dto::Text;
use crate::http::{
    params::{first_error, Params},
    queries::SearchQuery,
    AppState, Problem, WebError,
};

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
            title: h.title.as_ref().map(Text::from).unwrap_or_default(),
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

/// Search everything — members, actors, projects, tools, publications and events — in English
/// and Vietnamese.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchQuery),
    responses(
        (status = 200, description = "Results by relevance, with facet counts over all results", body = SearchList),
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem,
         content_type = "application/problem+json"),
    ))]
pub async fn search(
    State(state): State<AppState>,
    Params(query): Params<SearchQuery>,
) -> Result<Json<SearchList>, WebError> {
    let (request, errors) = query.parse(&state.store).await?;
    first_error(errors)?;
    let page = request.page;
    let results = state.find(request).await?;
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
