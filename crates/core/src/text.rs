use std::fmt;

use serde::{
    de::{self, MapAccess, Visitor},
    ser::SerializeMap,
    Deserialize, Deserializer, Serialize, Serializer,
};
use unicode_normalization::UnicodeNormalization;

use crate::{Lang, LanguageTag, ParseError};

/// A text in English, in Vietnamese and in any other languages, each at most once.
///
/// At least one text is present and none is blank. A text whose tag is English or Vietnamese in
/// some region (`en-GB`) is the English or Vietnamese one; the others keep their tags and are kept
/// in the order of their tags, so that a text is the same however its languages were listed (a
/// JSON object's members have no order that every reader keeps). Reading it in English or
/// Vietnamese gives that language, else the other of the two, else the first other language, and
/// says which, so that a page can mark it.
///
/// In JSON it is an object keyed by language, `en` and `vi` always present (null when missing),
/// the others after them: `{"en": "…", "vi": null, "fr": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalizedText {
    pub(crate) en: Option<String>,
    pub(crate) vi: Option<String>,
    others: Vec<(LanguageTag, String)>,
}

/// Trimmed and in NFC, so that text typed with combining accents matches text typed with
/// precomposed ones; `None` when blank.
fn clean(text: &str) -> Result<Option<String>, ParseError> {
    let s = plain(text.trim())?;
    // Most text arrives already composed; checking is much cheaper than recomposing.
    let s = if unicode_normalization::is_nfc(s) { s.to_owned() } else { s.nfc().collect::<String>() };
    Ok(Some(s).filter(|s| !s.is_empty()))
}

/// `text` if it holds no control characters but line breaks and tabs. A NUL cannot be stored
/// in PostgreSQL at all, and the others are never typed: pasted by mistake, or an attempt to
/// confuse a log, a terminal or a spreadsheet.
pub(crate) fn plain(text: &str) -> Result<&str, ParseError> {
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        Err(ParseError::ControlCharacter)
    } else {
        Ok(text)
    }
}

/// A required plain text, trimmed, of at most `max` characters.
pub(crate) fn bounded(input: &str, max: usize) -> Result<String, ParseError> {
    let text = plain(input.trim())?;
    if text.is_empty() {
        Err(ParseError::Empty)
    } else if text.chars().count() > max {
        Err(ParseError::TooLong { max })
    } else {
        Ok(text.to_owned())
    }
}

impl LocalizedText {
    /// Trims both texts; a blank one counts as missing; both missing is an error.
    pub fn new(en: Option<String>, vi: Option<String>) -> Result<Self, ParseError> {
        let texts = [(LanguageTag::EN, en), (LanguageTag::VI, vi)];
        Self::from_texts(texts.into_iter().filter_map(|(tag, text)| Some((tag, text?))))
    }

    /// The texts with their languages. Blank ones count as missing; none left is
    /// [`ParseError::NoText`], and two in one language [`ParseError::Duplicate`].
    pub fn from_texts(texts: impl IntoIterator<Item = (LanguageTag, String)>) -> Result<Self, ParseError> {
        let mut text = LocalizedText { en: None, vi: None, others: Vec::new() };
        for (tag, value) in texts {
            let Some(value) = clean(&value)? else { continue };
            let slot = match tag.lang() {
                Some(Lang::En) => &mut text.en,
                Some(Lang::Vi) => &mut text.vi,
                None if text.others.iter().any(|(t, _)| *t == tag) => return Err(ParseError::Duplicate),
                None => {
                    text.others.push((tag, value));
                    continue;
                }
            };
            if slot.replace(value).is_some() {
                return Err(ParseError::Duplicate);
            }
        }
        if text.en.is_none() && text.vi.is_none() && text.others.is_empty() {
            return Err(ParseError::NoText);
        }
        text.others.sort_by(|(a, _), (b, _)| a.cmp(b));
        Ok(text)
    }

    /// The same text in both languages (a proper name such as "Microsoft").
    pub fn same(text: &str) -> Result<Self, ParseError> {
        Self::new(Some(text.to_owned()), Some(text.to_owned()))
    }

    /// The text to show for `lang`: see [`LocalizedText::resolve`].
    pub fn get(&self, lang: Lang) -> &str {
        self.resolve(lang).0
    }

    /// The text to show for `lang` and the language it is actually written in: `lang`, else the
    /// other of English and Vietnamese, else the other language whose tag sorts first.
    pub fn resolve(&self, lang: Lang) -> (&str, &LanguageTag) {
        self.resolve_near(lang, LanguageTag::of(lang))
    }

    /// Like [`LocalizedText::resolve`], but among the other languages `near` first: the language
    /// another text of the same record is shown in, so that a title and its description shown in
    /// neither English nor Vietnamese are shown in one language where they can be.
    pub fn resolve_near(&self, lang: Lang, near: &LanguageTag) -> (&str, &LanguageTag) {
        let of = |l: Lang| {
            let text = match l {
                Lang::En => &self.en,
                Lang::Vi => &self.vi,
            };
            text.as_deref().map(|t| (t, LanguageTag::of(l)))
        };
        let other = |wanted: Option<&LanguageTag>| {
            self.others.iter().find(|(tag, _)| wanted.is_none_or(|w| w == tag)).map(|(tag, t)| (t.as_str(), tag))
        };
        of(lang)
            .or_else(|| of(lang.other()))
            .or_else(|| other(Some(near)))
            .or_else(|| other(None))
            .expect("a LocalizedText always holds a text")
    }

    pub fn en(&self) -> Option<&str> {
        self.en.as_deref()
    }

    pub fn vi(&self) -> Option<&str> {
        self.vi.as_deref()
    }

    /// The texts in languages other than English and Vietnamese, in the order of their tags.
    pub fn others(&self) -> &[(LanguageTag, String)] {
        &self.others
    }

    /// Every text with its language: English, Vietnamese, then the others.
    pub fn texts(&self) -> impl Iterator<Item = (&LanguageTag, &str)> {
        let en = self.en.as_deref().map(|t| (&LanguageTag::EN, t));
        let vi = self.vi.as_deref().map(|t| (&LanguageTag::VI, t));
        en.into_iter().chain(vi).chain(self.others.iter().map(|(tag, t)| (tag, t.as_str())))
    }
}

impl Serialize for LocalizedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2 + self.others.len()))?;
        map.serialize_entry("en", &self.en)?;
        map.serialize_entry("vi", &self.vi)?;
        for (tag, text) in &self.others {
            map.serialize_entry(tag.as_str(), text)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for LocalizedText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Texts;

        impl<'de> Visitor<'de> for Texts {
            type Value = LocalizedText;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of texts keyed by language")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut texts = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let tag = LanguageTag::parse(&key).map_err(de::Error::custom)?;
                    if let Some(text) = map.next_value::<Option<String>>()? {
                        texts.push((tag, text));
                    }
                }
                LocalizedText::from_texts(texts).map_err(de::Error::custom)
            }
        }

        deserializer.deserialize_map(Texts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_but_line_breaks_kept() {
        assert_eq!(LocalizedText::new(Some("a\u{0}b".into()), None), Err(ParseError::ControlCharacter));
        assert_eq!(LocalizedText::new(None, Some("chữ\u{1b}[31m".into())), Err(ParseError::ControlCharacter));
        let kept = LocalizedText::new(Some("First line.\r\n\tSecond line.".into()), None).unwrap();
        assert_eq!(kept.texts().next().unwrap().1, "First line.\r\n\tSecond line.");
        assert_eq!(bounded("  a comment\u{7f} ", 100), Err(ParseError::ControlCharacter));
        assert_eq!(bounded("  a comment ", 100).as_deref(), Ok("a comment"));
    }

    fn tag(s: &str) -> LanguageTag {
        LanguageTag::parse(s).unwrap()
    }

    #[test]
    fn falls_back_and_says_so() {
        let t = LocalizedText::new(Some("Netherlands".into()), None).unwrap();
        assert_eq!(t.resolve(Lang::Vi), ("Netherlands", &LanguageTag::EN));
        let t = LocalizedText::new(Some("Netherlands".into()), Some("Hà Lan".into())).unwrap();
        assert_eq!(t.resolve(Lang::Vi), ("Hà Lan", &LanguageTag::VI));
        assert_eq!(t.get(Lang::En), "Netherlands");
    }

    #[test]
    fn falls_back_to_english_or_vietnamese_before_the_first_other_language() {
        let texts = [(tag("sv"), "Cybersäkerhet"), (tag("fr"), "Cybersécurité"), (tag("vi"), "An ninh mạng")];
        let t = LocalizedText::from_texts(texts.map(|(l, s)| (l, s.to_owned()))).unwrap();
        assert_eq!(t.resolve(Lang::Vi), ("An ninh mạng", &LanguageTag::VI));
        assert_eq!(t.resolve(Lang::En), ("An ninh mạng", &LanguageTag::VI));
        let others = [(tag("sv"), "Cybersäkerhet"), (tag("fr"), "Cybersécurité")];
        let t = LocalizedText::from_texts(others.clone().map(|(l, s)| (l, s.to_owned()))).unwrap();
        assert_eq!(t.resolve(Lang::En), ("Cybersécurité", &tag("fr")), "the first by tag, however given");
        assert_eq!(t.resolve(Lang::Vi).1.as_str(), "fr");
        assert_eq!((t.en(), t.vi()), (None, None));
        let all: Vec<&str> = t.texts().map(|(l, _)| l.as_str()).collect();
        assert_eq!(all, ["fr", "sv"]);
        let reversed = LocalizedText::from_texts(others.into_iter().rev().map(|(l, s)| (l, s.to_owned()))).unwrap();
        assert_eq!(reversed, t);
    }

    #[test]
    fn near_a_language_prefers_it_among_the_others() {
        let texts = [(tag("es"), "Apoyo"), (tag("fr"), "Appui")];
        let t = LocalizedText::from_texts(texts.map(|(l, s)| (l, s.to_owned()))).unwrap();
        assert_eq!(t.resolve(Lang::Vi), ("Apoyo", &tag("es")));
        assert_eq!(t.resolve_near(Lang::Vi, &tag("fr")), ("Appui", &tag("fr")));
        assert_eq!(t.resolve_near(Lang::Vi, &tag("de")), ("Apoyo", &tag("es")));
        let english = LocalizedText::from_texts([(tag("en"), "Support".to_owned()), (tag("fr"), "Appui".to_owned())]);
        assert_eq!(english.unwrap().resolve_near(Lang::Vi, &tag("fr")), ("Support", &LanguageTag::EN));
    }

    #[test]
    fn needs_a_text() {
        assert_eq!(LocalizedText::new(None, Some("   ".into())), Err(ParseError::NoText));
        let t = LocalizedText::new(Some(" x ".into()), Some("".into())).unwrap();
        assert_eq!((t.en(), t.vi()), (Some("x"), None));
        assert!(serde_json::from_str::<LocalizedText>(r#"{"en":"","vi":null}"#).is_err());
        assert!(serde_json::from_str::<LocalizedText>(r#"{"en":null,"fr":"  "}"#).is_err());
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"en":"x","vi":null}"#);
        let decomposed = LocalizedText::new(None, Some("Vie\u{302}\u{323}t Nam".into())).unwrap();
        assert_eq!(decomposed.vi(), Some("Việt Nam"));
        let blank_other = [(tag("fr"), " \n ".to_owned())];
        assert_eq!(LocalizedText::from_texts(blank_other), Err(ParseError::NoText));
    }

    #[test]
    fn one_text_per_language() {
        let twice = [(tag("fr"), "a".to_owned()), (tag("FR"), "b".to_owned())];
        assert_eq!(LocalizedText::from_texts(twice), Err(ParseError::Duplicate));
        let english_twice = [(tag("en"), "a".to_owned()), (tag("en-GB"), "b".to_owned())];
        assert_eq!(LocalizedText::from_texts(english_twice), Err(ParseError::Duplicate));
        let regions = [(tag("pt-PT"), "a".to_owned()), (tag("pt-BR"), "b".to_owned())];
        assert_eq!(LocalizedText::from_texts(regions).unwrap().others().len(), 2);
        let british = LocalizedText::from_texts([(tag("en-gb"), "Colour".to_owned())]).unwrap();
        assert_eq!(british.en(), Some("Colour"), "English of any region is the English text");
        assert!(serde_json::from_str::<LocalizedText>(r#"{"fr":"a","fr-fr":"b","FR":"c"}"#).is_err());
    }

    #[test]
    fn json_keeps_other_languages_and_reads_back() {
        let json = r#"{"en":null,"vi":"An ninh mạng","fr":"Cybersécurité","sv":"Cybersäkerhet","zh-Hant":"網絡安全"}"#;
        let t: LocalizedText = serde_json::from_str(json).unwrap();
        assert_eq!(t.others().iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(), ["fr", "sv", "zh-Hant"]);
        assert_eq!(serde_json::to_string(&t).unwrap(), json);
        let shuffled = r#"{"zh-Hant":"網絡安全","sv":"Cybersäkerhet","vi":"An ninh mạng","fr":"Cybersécurité"}"#;
        assert_eq!(serde_json::to_string(&serde_json::from_str::<LocalizedText>(shuffled).unwrap()).unwrap(), json);
        let lower: LocalizedText = serde_json::from_str(r#"{"zh-hant":"網絡安全"}"#).unwrap();
        assert_eq!(serde_json::to_string(&lower).unwrap(), r#"{"en":null,"vi":null,"zh-Hant":"網絡安全"}"#);
        let error = serde_json::from_str::<LocalizedText>(r#"{"en":"x","french":"y"}"#).unwrap_err();
        assert!(error.to_string().starts_with(&ParseError::LanguageTag.to_string()), "{error}");
    }

    #[test]
    fn json_written_before_other_languages_reads_unchanged() {
        for json in [r#"{"en":"x","vi":null}"#, r#"{"en":null,"vi":"y"}"#, r#"{"en":"x","vi":"y"}"#] {
            let t: LocalizedText = serde_json::from_str(json).unwrap();
            assert!(t.others().is_empty());
            assert_eq!(serde_json::to_string(&t).unwrap(), json);
        }
        let only_vi: LocalizedText = serde_json::from_str(r#"{"vi":"y"}"#).unwrap();
        assert_eq!(only_vi, LocalizedText::new(None, Some("y".into())).unwrap());
    }
}
