use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::{named::named_enum, reference, ParseError};

/// An officially assigned ISO 3166-1 alpha-2 country code, upper-case (`VN`, `NL`).
///
/// Only codes in the shipped ISO 3166-1 list parse, so holding one means the country exists.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Accepts the code in either case, surrounding spaces ignored.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let code = Self::syntax(input).ok_or(ParseError::UnknownCountry)?;
        if reference::shipped().country(code).is_some() {
            Ok(code)
        } else {
            Err(ParseError::UnknownCountry)
        }
    }

    /// Two ASCII letters, upper-cased; whether the code is assigned is the caller's question.
    pub(crate) fn syntax(input: &str) -> Option<Self> {
        match input.trim().as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Some(CountryCode([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => None,
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("country codes are ASCII")
    }
}

impl FromStr for CountryCode {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for CountryCode {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.as_str().to_owned()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({})", self.as_str())
    }
}

/// A UN M49 geographic region, sub-region or intermediate region (`142` Asia, `035`
/// South-eastern Asia, `014` Eastern Africa). Only codes in the shipped M49 list parse.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegionCode(u16);

impl RegionCode {
    /// Accepts exactly three digits, as M49 writes its codes.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let code = Self::syntax(input).ok_or(ParseError::UnknownRegion)?;
        if reference::shipped().region(code).is_some() {
            Ok(code)
        } else {
            Err(ParseError::UnknownRegion)
        }
    }

    pub(crate) fn syntax(input: &str) -> Option<Self> {
        let input = input.trim();
        if input.len() == 3 && input.bytes().all(|b| b.is_ascii_digit()) {
            input.parse().ok().map(RegionCode)
        } else {
            None
        }
    }

    /// The code with its leading zeros, as M49 writes it.
    pub fn as_string(&self) -> String {
        format!("{:03}", self.0)
    }
}

impl FromStr for RegionCode {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for RegionCode {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<RegionCode> for String {
    fn from(c: RegionCode) -> String {
        c.as_string()
    }
}

impl fmt::Display for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

impl fmt::Debug for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegionCode({:03})", self.0)
    }
}

named_enum! {
    /// Where a code sits in the M49 hierarchy.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum RegionLevel {
        Region => "region",
        SubRegion => "sub_region",
        IntermediateRegion => "intermediate_region",
    }
    impl FromStr;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_country_codes() {
        assert_eq!(CountryCode::parse("vn").unwrap().as_str(), "VN");
        assert_eq!(CountryCode::parse(" NL ").unwrap().to_string(), "NL");
        assert_eq!(CountryCode::parse("XX"), Err(ParseError::UnknownCountry));
        assert_eq!(CountryCode::parse("VNM"), Err(ParseError::UnknownCountry));
        assert_eq!(CountryCode::parse("V1"), Err(ParseError::UnknownCountry));
        assert_eq!(CountryCode::parse("Vi\u{ea}"), Err(ParseError::UnknownCountry));
        // Kosovo's XK is user-assigned, not ISO 3166-1.
        assert_eq!(CountryCode::parse("XK"), Err(ParseError::UnknownCountry));
    }

    #[test]
    fn parses_region_codes() {
        assert_eq!(RegionCode::parse("035").unwrap().to_string(), "035");
        assert_eq!(RegionCode::parse("142").unwrap().as_string(), "142");
        assert_eq!(RegionCode::parse("35"), Err(ParseError::UnknownRegion));
        assert_eq!(RegionCode::parse("999"), Err(ParseError::UnknownRegion));
        assert_eq!(RegionCode::parse("asia"), Err(ParseError::UnknownRegion));
        assert_eq!(RegionCode::parse("+35"), Err(ParseError::UnknownRegion));
    }

    #[test]
    fn serde_goes_through_parsing() {
        let c: CountryCode = serde_json::from_str("\"kr\"").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"KR\"");
        assert!(serde_json::from_str::<CountryCode>("\"ZZ\"").is_err());
        assert!(serde_json::from_str::<RegionCode>("\"1000\"").is_err());
    }
}
