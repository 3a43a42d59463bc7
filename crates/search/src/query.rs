//! Turning a request into a tantivy query, and the results into hits and facet counts.

use gfce_core::{fold, ContentType};
use tantivy::{
    collector::{Count, TopDocs},
    query::{AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery},
    schema::{Facet, Field, IndexRecordOption, Value},
    snippet::SnippetGenerator,
    Searcher, TantivyDocument, Term,
};

use crate::{facets::FacetCounter, schema, FacetCount, Facets, Hit, SearchError, SearchIndex, SearchRequest, Snippet};

/// Words at most this long are matched exactly; longer ones also with one typo, and from
/// `TWO_TYPOS_FROM` characters with two.
const ONE_TYPO_FROM: usize = 5;
const TWO_TYPOS_FROM: usize = 9;
const TITLE_BOOST: f32 = 3.0;
const FUZZY_BOOST: f32 = 0.5;
const SNIPPET_CHARS: usize = 180;

/// The analyzed words of a query: folded, split, stemmed, as the documents were.
fn words(q: &str) -> Vec<String> {
    let mut analyzer = schema::analyzer();
    let folded = fold(q);
    let mut stream = analyzer.token_stream(&folded);
    let mut words = Vec::new();
    while let Some(token) = stream.next() {
        if !words.contains(&token.text) {
            words.push(token.text.clone());
        }
    }
    words
}

/// One word, in any text field; titles weigh more, and long words tolerate typos.
///
/// A word the index knows is taken as meant: looking for near spellings walks the whole term
/// dictionary with an automaton, the costliest part of a search, and would mostly add noise. A
/// word the index does not know is probably mistyped, and is matched with one or two typos.
fn word_query(index: &SearchIndex, searcher: &Searcher, word: &str) -> Result<Box<dyn Query>, SearchError> {
    let f = index.fields;
    let fields: [(Field, f32); 6] = [
        (f.title_en, TITLE_BOOST),
        (f.title_vi, TITLE_BOOST),
        (f.title_other, TITLE_BOOST),
        (f.body_en, 1.0),
        (f.body_vi, 1.0),
        (f.body_other, 1.0),
    ];
    let mut known = false;
    for (field, _) in fields {
        known |= searcher.doc_freq(&Term::from_field_text(field, word))? > 0;
    }
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let length = word.chars().count();
    for (field, boost) in fields {
        let term = Term::from_field_text(field, word);
        let exact = TermQuery::new(term.clone(), IndexRecordOption::WithFreqsAndPositions);
        alternatives.push((Occur::Should, Box::new(BoostQuery::new(Box::new(exact), boost))));
        if !known && length >= ONE_TYPO_FROM {
            let distance = if length >= TWO_TYPOS_FROM { 2 } else { 1 };
            let fuzzy = FuzzyTermQuery::new(term, distance, true);
            alternatives.push((Occur::Should, Box::new(BoostQuery::new(Box::new(fuzzy), boost * FUZZY_BOOST))));
        }
    }
    Ok(Box::new(BooleanQuery::new(alternatives)))
}

fn facet_filter(index: &SearchIndex, dimension: &str, value: &str) -> Box<dyn Query> {
    let facet = Facet::from_path([dimension, value]);
    Box::new(TermQuery::new(Term::from_facet(index.fields.facets, &facet), IndexRecordOption::Basic))
}

pub(crate) fn run(index: &SearchIndex, request: &SearchRequest) -> Result<crate::SearchResults, SearchError> {
    let searcher = index.reader.searcher();
    let words = words(&request.q);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(words.len() + 6);
    for w in &words {
        clauses.push((Occur::Must, word_query(index, &searcher, w)?));
    }
    if clauses.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    let filters = &request.filters;
    let wanted = [
        ("type", filters.content_type.map(|t| t.as_str().to_owned())),
        ("theme", filters.theme.as_ref().map(ToString::to_string)),
        ("region", filters.region.map(|r| r.to_string())),
        ("country", filters.country.map(|c| c.to_string())),
        ("status", filters.status.map(|s| s.as_str().to_owned())),
        ("year", filters.year.map(|y| y.to_string())),
    ];
    for (dimension, value) in wanted {
        if let Some(value) = value {
            clauses.push((Occur::Must, facet_filter(index, dimension, &value)));
        }
    }
    let query = BooleanQuery::new(clauses);

    let page = request.page;
    let top = TopDocs::with_limit(page.per_page() as usize).and_offset(page.offset() as usize).order_by_score();
    let (top, total, facet_counts) =
        searcher.search(&query, &(top, Count, FacetCounter { ords: &index.facet_ords }))?;

    let f = index.fields;
    // Without words there is nothing to mark, and a snippet would come out empty anyway: making
    // one would only run the analyzer over every hit's text.
    let mut snippets = [f.body_en, f.body_vi].map(|field| {
        Some(&query).filter(|_| !words.is_empty()).map(|query| {
            SnippetGenerator::create(&searcher, query, field).map(|mut g| {
                g.set_max_num_chars(SNIPPET_CHARS);
                g
            })
        })
    });
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field: Field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_owned);
        let Some(content_type) = text(f.content_type).and_then(|t| t.parse::<ContentType>().ok()) else { continue };
        let [snippet_en, snippet_vi] = snippets.each_mut().map(|generator| match generator {
            Some(Ok(g)) => {
                let s = g.snippet_from_doc(&doc);
                Snippet { text: s.fragment().to_owned(), highlights: s.highlighted().to_vec() }
            }
            _ => Snippet::default(),
        });
        hits.push(Hit {
            content_type,
            slug: text(f.slug).unwrap_or_default(),
            title: text(f.title).and_then(|json| serde_json::from_str(&json).ok()),
            snippet_en,
            snippet_vi,
            score,
        });
    }

    let counts = |dimension: &str| -> Vec<FacetCount> {
        let mut counts: Vec<FacetCount> = facet_counts
            .iter()
            .filter(|((d, _), _)| d == dimension)
            .map(|((_, value), count)| FacetCount { value: value.clone(), count: *count })
            .collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        counts
    };
    let mut year = counts("year");
    year.sort_by(|a, b| b.value.cmp(&a.value));
    let facets = Facets {
        content_type: counts("type"),
        theme: counts("theme"),
        region: counts("region"),
        country: counts("country"),
        status: counts("status"),
        year,
    };
    Ok(crate::SearchResults { total: total as u64, hits, facets })
}
