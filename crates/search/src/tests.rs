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
