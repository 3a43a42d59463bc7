//! What the pages' forms share: fields come as typed text, each parsed on its own so that every
//! refusal is collected with its field's name.

use crate::{record::Invalid, LanguageTag, LocalizedText, ParseError};

/// The parsed value, or `None` with the refusal added to `errors`.
pub(crate) fn keep<T>(errors: &mut Vec<Invalid>, field: &'static str, result: Result<T, ParseError>) -> Option<T> {
    result.map_err(|e| errors.push((field, e))).ok()
}

/// A field that may be left empty.
pub(crate) fn optional<T>(input: &str, parse: impl Fn(&str) -> Result<T, ParseError>) -> Result<Option<T>, ParseError> {
    let input = input.trim();
    if input.is_empty() {
        Ok(None)
    } else {
        parse(input).map(Some)
    }
}

/// A text from its English and Vietnamese fields, with the texts in other languages of `kept` (the
/// text being edited), which a form does not show and so must not lose.
pub(crate) fn text(en: &str, vi: &str, kept: Option<&LocalizedText>) -> Result<LocalizedText, ParseError> {
    let pair = [(LanguageTag::EN, en.to_owned()), (LanguageTag::VI, vi.to_owned())];
    let others = kept.into_iter().flat_map(|k| k.others().iter().cloned());
    LocalizedText::from_texts(pair.into_iter().chain(others))
}

/// Like [`text`], for a text that may be left empty in every language.
pub(crate) fn optional_text(en: &str, vi: &str, kept: Option<&LocalizedText>) -> Option<LocalizedText> {
    text(en, vi, kept).ok()
}

/// Every non-blank value parsed, in order.
pub(crate) fn every<T>(values: &[String], parse: impl Fn(&str) -> Result<T, ParseError>) -> Result<Vec<T>, ParseError> {
    values.iter().filter(|v| !v.trim().is_empty()).map(|v| parse(v)).collect()
}

/// The form field a record's rule (`Project::validate`, `Resource::validate`) is about: the
/// record's bilingual texts are two fields in a form, the English one first.
pub(crate) fn form_field(field: &'static str) -> &'static str {
    match field {
        "title" => "title_en",
        "summary" => "summary_en",
        "description" => "description_en",
        other => other,
    }
}
