//! What the pages' forms share: fields come as typed text, each parsed on its own so that every
//! refusal is collected with its field's name.

use crate::{record::Invalid, LocalizedText, ParseError};

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

/// A text in English and/or Vietnamese that may be left empty in both.
pub(crate) fn optional_text(en: &str, vi: &str) -> Option<LocalizedText> {
    LocalizedText::new(Some(en.to_owned()), Some(vi.to_owned())).ok()
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
