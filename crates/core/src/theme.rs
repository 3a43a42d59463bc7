use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::{named::named_enum, LocalizedText, ParseError, Slug};

/// The identifier of a theme of the taxonomy (`data-protection`, `cybercrime`).
///
/// Themes are data that administrators can extend, so a well-formed id is not proof that the theme
/// exists: the store answers that.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ThemeId(Slug);

impl ThemeId {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        Slug::parse(input.trim()).map(ThemeId)
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl FromStr for ThemeId {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for ThemeId {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<ThemeId> for String {
    fn from(t: ThemeId) -> String {
        t.0.into()
    }
}

impl fmt::Display for ThemeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

named_enum! {
    /// The family a theme belongs to: the four areas of the 2015 founding documents (with CERT
    /// cooperation), or the five themes of GFCE's working groups since the Delhi Communiqué (2017).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    pub enum ThemeFamily {
        #[serde(rename = "hague-2015")]
        Hague2015 => "hague-2015",
        #[serde(rename = "delhi-2017")]
        Delhi2017 => "delhi-2017",
    }
    impl FromStr;
}

/// A theme of the taxonomy, with the themes of the other family it overlaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: ThemeId,
    pub family: ThemeFamily,
    pub position: i64,
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub related: Vec<ThemeId>,
}
