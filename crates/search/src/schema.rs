use tantivy::{
    schema::{FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING},
    tokenizer::{AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer},
};

/// The name the analyzer is registered under.
pub(crate) const ANALYZER: &str = "gfce";

/// Words: split on non-alphanumerics, lower-cased, diacritics folded (ệ → e, đ → d), English
/// stems. The same chain analyses documents and queries.
pub(crate) fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// `type:uuid`, unique; the term that replaces or deletes a record's document.
    pub key: Field,
    pub content_type: Field,
    pub slug: Field,
    pub title_en: Field,
    pub title_vi: Field,
    /// Titles in any other language, all in one field: a query has no language to pick one by.
    pub title_other: Field,
    /// The title in every language as its JSON object, stored only, for showing a hit.
    pub title: Field,
    pub body_en: Field,
    pub body_vi: Field,
    pub body_other: Field,
    /// `/type/…`, `/theme/…`, `/region/…`, `/country/…`, `/status/…`, `/year/…`.
    pub facets: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // Bodies in English and Vietnamese are stored for their snippets.
    let text = words.clone().set_stored();
    let fields = Fields {
        key: builder.add_text_field("key", STRING | STORED),
        content_type: builder.add_text_field("type", STRING | STORED),
        slug: builder.add_text_field("slug", STORED),
        title_en: builder.add_text_field("title_en", words.clone()),
        title_vi: builder.add_text_field("title_vi", words.clone()),
        title_other: builder.add_text_field("title_other", words.clone()),
        title: builder.add_text_field("title", STORED),
        body_en: builder.add_text_field("body_en", text.clone()),
        body_vi: builder.add_text_field("body_vi", text),
        body_other: builder.add_text_field("body_other", words),
        facets: builder.add_facet_field(crate::facets::FIELD, FacetOptions::default()),
    };
    (builder.build(), fields)
}
