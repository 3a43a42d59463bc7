use super::*;

#[test]
fn analyzer_folds_and_stems() {
    let mut analyzer = schema::analyzer();
    let mut tokens = Vec::new();
    let mut stream = analyzer.token_stream("Việt Nam ĐỨC Thụy Điển protecting networks");
    while let Some(t) = stream.next() {
        tokens.push(t.text.clone());
    }
    assert_eq!(tokens, ["viet", "nam", "duc", "thuy", "dien", "protect", "network"]);
}

#[test]
fn any_query_string_is_safe() {
    let index = SearchIndex::in_memory().unwrap();
    for q in [
        "",
        "\"",
        "title:x",
        "a AND OR NOT",
        "(((",
        "*",
        "~2",
        "\\",
        "' OR 1=1",
        "🛡️",
        "\u{0}",
        "+-&&||!(){}[]^\"~*?:\\/",
    ] {
        let request = SearchRequest { q: q.to_owned(), ..Default::default() };
        let results = index.search(&request).unwrap_or_else(|e| panic!("{q:?}: {e}"));
        assert_eq!(results.total, 0);
    }
}

/// Adds a document with a key, a title and these `/dimension/value` facets.
fn add(index: &SearchIndex, key: &str, title: &str, facets: &[(&str, &str)]) {
    let mut doc = tantivy::TantivyDocument::default();
    doc.add_text(index.fields.key, key);
    doc.add_text(index.fields.content_type, "project");
    doc.add_text(index.fields.slug, key);
    doc.add_text(index.fields.title_en, title);
    for (dimension, value) in facets {
        doc.add_facet(index.fields.facets, tantivy::schema::Facet::from_path([*dimension, *value]));
    }
    index.writer.lock().unwrap().add_document(doc).unwrap();
}

fn commit(index: &SearchIndex) {
    index.writer.lock().unwrap().commit().unwrap();
    index.reader.reload().unwrap();
}

fn count(facets: &[FacetCount]) -> Vec<(&str, u64)> {
    facets.iter().map(|f| (f.value.as_str(), f.count)).collect()
}

#[test]
fn facets_count_each_matching_record_once_across_segments() {
    let index = SearchIndex::in_memory().unwrap();
    let africa = [("region", "002"), ("region", "202")];
    // Two countries in the same regions: the record counts once in each region.
    add(
        &index,
        "a",
        "cyber training",
        &[("type", "project"), ("country", "KE"), ("country", "NG"), africa[0], africa[1]],
    );
    add(&index, "b", "cyber policy", &[("type", "project"), ("country", "KE"), africa[0], africa[1], ("year", "2020")]);
    commit(&index);
    add(&index, "c", "cyber training", &[("type", "project"), ("country", "VN"), ("region", "142"), ("year", "2020")]);
    add(&index, "d", "cyber training", &[("type", "event"), ("country", "KE"), africa[0]]);
    commit(&index);
    assert!(index.reader.searcher().segment_readers().len() >= 2, "the test needs two segments");

    let all = index.search(&SearchRequest::default()).unwrap();
    assert_eq!(all.total, 4);
    assert_eq!(count(&all.facets.content_type), [("project", 3), ("event", 1)]);
    assert_eq!(count(&all.facets.country), [("KE", 3), ("NG", 1), ("VN", 1)]);
    assert_eq!(count(&all.facets.region), [("002", 3), ("202", 2), ("142", 1)]);
    assert_eq!(count(&all.facets.year), [("2020", 2)]);

    let training = SearchRequest { q: "training".into(), ..Default::default() };
    let found = index.search(&training).unwrap();
    assert_eq!(found.total, 3);
    assert_eq!(count(&found.facets.country), [("KE", 2), ("NG", 1), ("VN", 1)]);

    // A deleted record no longer counts.
    index.writer.lock().unwrap().delete_term(tantivy::Term::from_field_text(index.fields.key, "a"));
    commit(&index);
    let found = index.search(&training).unwrap();
    assert_eq!(found.total, 2);
    assert_eq!(count(&found.facets.country), [("KE", 1), ("VN", 1)]);
    assert_eq!(count(&found.facets.region), [("002", 1), ("142", 1)]);
}
