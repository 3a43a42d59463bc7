use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::{fold, ParseError};

/// The stable, readable identifier of a record in URLs: `viet-nam`, `council-of-europe`.
///
/// Lower-case ASCII letters and digits in groups joined by single hyphens, at most 100 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub const MAX_LEN: usize = 100;

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        if input.is_empty() {
            return Err(ParseError::Empty);
        }
        if input.len() > Self::MAX_LEN {
            return Err(ParseError::TooLong { max: Self::MAX_LEN });
        }
        let well_formed = input
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if well_formed {
            Ok(Slug(input.to_owned()))
        } else {
            Err(ParseError::SlugSyntax)
        }
    }

    /// Makes a slug from a name in any language: "Bộ Thông tin và Truyền thông" becomes
    /// `bo-thong-tin-va-truyen-thong`. Fails only when nothing of the name is left.
    pub fn from_name(name: &str) -> Result<Self, ParseError> {
        let folded = fold(name);
        let mut slug = String::with_capacity(folded.len());
        for word in folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            if slug.len() + word.len() + 1 > Self::MAX_LEN {
                break;
            }
            if !slug.is_empty() {
                slug.push('-');
            }
            slug.push_str(word);
        }
        Self::parse(&slug)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Slug {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Slug {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_slugs() {
        assert!(Slug::parse("viet-nam").is_ok());
        assert!(Slug::parse("gccs-2015").is_ok());
        assert_eq!(Slug::parse(""), Err(ParseError::Empty));
        assert_eq!(Slug::parse("Viet-Nam"), Err(ParseError::SlugSyntax));
        assert_eq!(Slug::parse("viet--nam"), Err(ParseError::SlugSyntax));
        assert_eq!(Slug::parse("-viet"), Err(ParseError::SlugSyntax));
        assert_eq!(Slug::parse("viet-"), Err(ParseError::SlugSyntax));
        assert_eq!(Slug::parse("việt"), Err(ParseError::SlugSyntax));
        assert_eq!(Slug::parse("a/b"), Err(ParseError::SlugSyntax));
        assert_eq!(Slug::parse(&"a".repeat(101)), Err(ParseError::TooLong { max: 100 }));
    }

    #[test]
    fn makes_slugs_from_names() {
        assert_eq!(Slug::from_name("Bộ Thông tin và Truyền thông").unwrap().as_str(), "bo-thong-tin-va-truyen-thong");
        assert_eq!(Slug::from_name("Côte d’Ivoire").unwrap().as_str(), "cote-d-ivoire");
        assert_eq!(Slug::from_name("  Đức!! ").unwrap().as_str(), "duc");
        assert_eq!(Slug::from_name("!!!"), Err(ParseError::Empty));
        assert!(Slug::from_name(&"word ".repeat(60)).unwrap().as_str().len() <= Slug::MAX_LEN);
    }
}
