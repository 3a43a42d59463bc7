use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::{Lang, ParseError};

/// A text that exists in English, in Vietnamese, or in both.
///
/// At least one language is present and neither present text is blank. Reading it in a language
/// that is missing falls back to the other one, and says so, so that a page can mark the fallback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawLocalizedText")]
pub struct LocalizedText {
    pub(crate) en: Option<String>,
    pub(crate) vi: Option<String>,
}

#[derive(Deserialize)]
struct RawLocalizedText {
    en: Option<String>,
    vi: Option<String>,
}

impl TryFrom<RawLocalizedText> for LocalizedText {
    type Error = ParseError;
    fn try_from(raw: RawLocalizedText) -> Result<Self, Self::Error> {
        LocalizedText::new(raw.en, raw.vi)
    }
}

impl LocalizedText {
    /// Trims both texts; a blank one counts as missing; both missing is an error.
    pub fn new(en: Option<String>, vi: Option<String>) -> Result<Self, ParseError> {
        // NFC, so that text typed with combining accents matches text typed with precomposed ones.
        let clean = |t: Option<String>| {
            t.map(|s| {
                let s = s.trim();
                // Most text arrives already composed; checking is much cheaper than recomposing.
                if unicode_normalization::is_nfc(s) {
                    s.to_owned()
                } else {
                    s.nfc().collect::<String>()
                }
            })
            .filter(|s| !s.is_empty())
        };
        let (en, vi) = (clean(en), clean(vi));
        if en.is_none() && vi.is_none() {
            return Err(ParseError::NoText);
        }
        Ok(LocalizedText { en, vi })
    }

    /// The same text in both languages (a proper name such as "Microsoft").
    pub fn same(text: &str) -> Result<Self, ParseError> {
        Self::new(Some(text.to_owned()), Some(text.to_owned()))
    }

    /// The text in `lang`, or in the other language when `lang` is missing.
    pub fn get(&self, lang: Lang) -> &str {
        self.resolve(lang).0
    }

    /// The text to show for `lang` and the language it is actually written in.
    pub fn resolve(&self, lang: Lang) -> (&str, Lang) {
        match (lang, &self.en, &self.vi) {
            (Lang::En, Some(t), _) => (t, Lang::En),
            (Lang::Vi, _, Some(t)) => (t, Lang::Vi),
            (_, Some(t), None) => (t, Lang::En),
            (_, None, Some(t)) => (t, Lang::Vi),
            (_, None, None) => unreachable!("a LocalizedText always holds a text"),
        }
    }

    pub fn en(&self) -> Option<&str> {
        self.en.as_deref()
    }

    pub fn vi(&self) -> Option<&str> {
        self.vi.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_and_says_so() {
        let t = LocalizedText::new(Some("Netherlands".into()), None).unwrap();
        assert_eq!(t.resolve(Lang::Vi), ("Netherlands", Lang::En));
        let t = LocalizedText::new(Some("Netherlands".into()), Some("Hà Lan".into())).unwrap();
        assert_eq!(t.resolve(Lang::Vi), ("Hà Lan", Lang::Vi));
        assert_eq!(t.get(Lang::En), "Netherlands");
    }

    #[test]
    fn needs_a_text() {
        assert_eq!(LocalizedText::new(None, Some("   ".into())), Err(ParseError::NoText));
        let t = LocalizedText::new(Some(" x ".into()), Some("".into())).unwrap();
        assert_eq!((t.en(), t.vi()), (Some("x"), None));
        assert!(serde_json::from_str::<LocalizedText>(r#"{"en":"","vi":null}"#).is_err());
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"en":"x","vi":null}"#);
        let decomposed = LocalizedText::new(None, Some("Vie\u{302}\u{323}t Nam".into())).unwrap();
        assert_eq!(decomposed.vi(), Some("Việt Nam"));
    }
}
