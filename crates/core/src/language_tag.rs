use std::{borrow::Cow, fmt};

use serde::{Deserialize, Serialize};

use crate::{Lang, ParseError};

/// The language a text is written in, as a BCP 47 tag of the form `language[-script][-region]`
/// (`fr`, `pt-BR`, `zh-Hant`, `es-419`), written in its normal case: lower-case language,
/// title-case script, upper-case region.
///
/// A parser of that subset rather than a crate for the whole of RFC 5646: the texts the platform
/// keeps (IATI narratives, API and dataset keys) name a language and at most a script and a
/// region, a tag with variants, extensions or private-use parts names nothing a page can mark
/// better than its language does, and the subset's rules fit in a few lines that also normalise
/// the case, which a validating crate would leave to the caller.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageTag(Cow<'static, str>);

impl LanguageTag {
    pub const EN: LanguageTag = LanguageTag(Cow::Borrowed("en"));
    pub const VI: LanguageTag = LanguageTag(Cow::Borrowed("vi"));

    /// Accepts a language of two or three letters (ISO 639), then optionally a script of four
    /// letters (ISO 15924) and a region of two letters (ISO 3166-1) or three digits (UN M49), in
    /// any case, separated by hyphens; surrounding spaces are ignored.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let mut parts = input.trim().split('-');
        let letters =
            |s: &str, lengths: &[usize]| lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic());
        let language = parts.next().filter(|l| letters(l, &[2, 3])).ok_or(ParseError::LanguageTag)?;
        let mut tag = language.to_ascii_lowercase();
        let mut next = parts.next();
        if let Some(script) = next.filter(|s| letters(s, &[4])) {
            tag.push('-');
            tag.push_str(&script[..1].to_ascii_uppercase());
            tag.push_str(&script[1..].to_ascii_lowercase());
            next = parts.next();
        }
        if let Some(region) = next {
            let digits = region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit());
            if !letters(region, &[2]) && !digits {
                return Err(ParseError::LanguageTag);
            }
            tag.push('-');
            tag.push_str(&region.to_ascii_uppercase());
        }
        if parts.next().is_some() {
            return Err(ParseError::LanguageTag);
        }
        Ok(LanguageTag(Cow::Owned(tag)))
    }

    /// The tag of a language the platform's pages exist in.
    pub fn of(lang: Lang) -> &'static LanguageTag {
        match lang {
            Lang::En => &Self::EN,
            Lang::Vi => &Self::VI,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The language alone: `pt` of `pt-BR`.
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or_default()
    }

    /// English or Vietnamese, whatever the script or region (`en-GB` is English).
    pub fn lang(&self) -> Option<Lang> {
        self.language().parse().ok()
    }
}

impl TryFrom<String> for LanguageTag {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<LanguageTag> for String {
    fn from(t: LanguageTag) -> String {
        t.0.into_owned()
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LanguageTag({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_normalises_language_script_and_region() {
        let tag = |s: &str| LanguageTag::parse(s).map(|t| t.to_string());
        assert_eq!(tag("fr"), Ok("fr".into()));
        assert_eq!(tag(" SV "), Ok("sv".into()));
        assert_eq!(tag("pt-br"), Ok("pt-BR".into()));
        assert_eq!(tag("ZH-HANT-tw"), Ok("zh-Hant-TW".into()));
        assert_eq!(tag("sr-latn"), Ok("sr-Latn".into()));
        assert_eq!(tag("es-419"), Ok("es-419".into()));
        assert_eq!(tag("fil"), Ok("fil".into()));
        for bad in
            ["", "f", "french", "fr_FR", "fr-", "-fr", "fr-FRA", "fr-1", "fr-Latn-FR-x", "de-DE-1996", "é", "fr FR"]
        {
            assert_eq!(LanguageTag::parse(bad), Err(ParseError::LanguageTag), "{bad:?}");
        }
    }

    #[test]
    fn knows_english_and_vietnamese_in_any_region() {
        assert_eq!(LanguageTag::parse("en-GB").unwrap().lang(), Some(Lang::En));
        assert_eq!(LanguageTag::parse("VI").unwrap().lang(), Some(Lang::Vi));
        assert_eq!(LanguageTag::parse("fr-CA").unwrap().lang(), None);
        assert_eq!(LanguageTag::parse("pt-BR").unwrap().language(), "pt");
        assert_eq!(LanguageTag::of(Lang::Vi), &LanguageTag::parse("vi").unwrap());
        assert_eq!(serde_json::from_str::<LanguageTag>("\"zh-hans\"").unwrap().as_str(), "zh-Hans");
    }
}
