//! Small values with a standard behind them: languages (ISO 639-1), currencies (ISO 4217), money,
//! web addresses and free tags.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::{reference, ParseError};

/// An ISO 639-1 language code, lower-case (`vi`, `en`, `fr`). Only codes in the shipped list parse.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode([u8; 2]);

impl LanguageCode {
    /// Accepts the code in either case, surrounding spaces ignored.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let code = Self::syntax(input).ok_or(ParseError::UnknownLanguageCode)?;
        if reference::shipped().language(code).is_some() {
            Ok(code)
        } else {
            Err(ParseError::UnknownLanguageCode)
        }
    }

    pub(crate) fn syntax(input: &str) -> Option<Self> {
        match input.trim().as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Some(LanguageCode([a.to_ascii_lowercase(), b.to_ascii_lowercase()]))
            }
            _ => None,
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("language codes are ASCII")
    }
}

/// An active ISO 4217 currency code, upper-case (`EUR`, `VND`). Only codes in the shipped list parse.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CurrencyCode([u8; 3]);

impl CurrencyCode {
    /// Accepts the code in either case, surrounding spaces ignored.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let code = Self::syntax(input).ok_or(ParseError::UnknownCurrency)?;
        if reference::shipped().currency(code).is_some() {
            Ok(code)
        } else {
            Err(ParseError::UnknownCurrency)
        }
    }

    pub(crate) fn syntax(input: &str) -> Option<Self> {
        match input.trim().as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_alphabetic()) => {
                Some(CurrencyCode([a.to_ascii_uppercase(), b.to_ascii_uppercase(), c.to_ascii_uppercase()]))
            }
            _ => None,
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("currency codes are ASCII")
    }
}

macro_rules! code_traits {
    ($t:ty) => {
        impl FromStr for $t {
            type Err = ParseError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }
        impl TryFrom<String> for $t {
            type Error = ParseError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }
        impl From<$t> for String {
            fn from(c: $t) -> String {
                c.as_str().to_owned()
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
code_traits!(LanguageCode);
code_traits!(CurrencyCode);

/// A non-negative amount of money written in decimal, kept exactly as a canonical text
/// (`1500000`, `2500.5`): budgets are shown and exchanged, never computed with, so no rounding
/// may creep in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Amount(String);

impl Amount {
    /// The most digits an amount has before its point.
    pub const MAX_WHOLE_DIGITS: usize = 15;
    /// The most digits an amount has after its point: as many as an XML Schema decimal must be
    /// able to hold in all, so that a value published with six decimals (as IATI publishers do)
    /// is kept exactly.
    pub const MAX_DECIMALS: usize = 18;

    /// Up to [`Amount::MAX_WHOLE_DIGITS`] digits before the point and [`Amount::MAX_DECIMALS`]
    /// after; thousands separators are not accepted, since `1,500` means different things in
    /// English and Vietnamese.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim();
        let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || (s.contains('.') && fraction.is_empty()) {
            return Err(ParseError::Amount);
        }
        let whole = whole.trim_start_matches('0');
        let fraction = fraction.trim_end_matches('0');
        if whole.len() > Self::MAX_WHOLE_DIGITS || fraction.len() > Self::MAX_DECIMALS {
            return Err(ParseError::Amount);
        }
        let whole = if whole.is_empty() { "0" } else { whole };
        Ok(Amount(if fraction.is_empty() { whole.to_owned() } else { format!("{whole}.{fraction}") }))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The whole units and the fraction digits, for formatting in a language's convention.
    pub fn parts(&self) -> (&str, &str) {
        self.0.split_once('.').unwrap_or((&self.0, ""))
    }
}

impl TryFrom<String> for Amount {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Amount> for String {
    fn from(a: Amount) -> String {
        a.0
    }
}

/// An amount in a currency: a project's budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub amount: Amount,
    pub currency: CurrencyCode,
}

/// An absolute `http` or `https` address, at most 2,000 characters. Other schemes (`javascript:`,
/// `data:`, `file:`) never parse, so a stored link is always safe to put in a page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WebUrl(String);

impl WebUrl {
    pub const MAX_LEN: usize = 2000;

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(ParseError::Empty);
        }
        if s.len() > Self::MAX_LEN {
            return Err(ParseError::TooLong { max: Self::MAX_LEN });
        }
        let url = url::Url::parse(s).map_err(|_| ParseError::Url)?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
            return Err(ParseError::Url);
        }
        Ok(WebUrl(url.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for WebUrl {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<WebUrl> for String {
    fn from(u: WebUrl) -> String {
        u.0
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A link with an optional label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Link {
    pub url: WebUrl,
    pub label: Option<String>,
}

/// A free tag (`capacity building`, `IATI sector 15130`): trimmed, inner spaces collapsed, NFC,
/// 1 to 100 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Tag(String);

impl Tag {
    pub const MAX_LEN: usize = 100;

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        use unicode_normalization::UnicodeNormalization;
        let s: String = input.split_whitespace().collect::<Vec<_>>().join(" ").nfc().collect();
        if s.is_empty() {
            return Err(ParseError::Empty);
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(ParseError::TooLong { max: Self::MAX_LEN });
        }
        if s.chars().any(char::is_control) {
            return Err(ParseError::ControlCharacter);
        }
        Ok(Tag(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Tag {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Tag> for String {
    fn from(t: Tag) -> String {
        t.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_shipped_lists() {
        assert_eq!(LanguageCode::parse(" VI ").unwrap().as_str(), "vi");
        assert_eq!(LanguageCode::parse("xx"), Err(ParseError::UnknownLanguageCode));
        assert_eq!(LanguageCode::parse("vie"), Err(ParseError::UnknownLanguageCode));
        assert_eq!(CurrencyCode::parse("vnd").unwrap().as_str(), "VND");
        assert_eq!(CurrencyCode::parse("ABC"), Err(ParseError::UnknownCurrency));
        assert_eq!(serde_json::to_string(&CurrencyCode::parse("EUR").unwrap()).unwrap(), "\"EUR\"");
    }

    #[test]
    fn amounts_are_canonical() {
        assert_eq!(Amount::parse("001500000.00").unwrap().as_str(), "1500000");
        assert_eq!(Amount::parse("2500.50").unwrap().as_str(), "2500.5");
        assert_eq!(Amount::parse("0.0").unwrap().as_str(), "0");
        assert_eq!(Amount::parse("2500.5").unwrap().parts(), ("2500", "5"));
        assert_eq!(Amount::parse("4600000.123456").unwrap().as_str(), "4600000.123456", "six decimals, exactly");
        assert_eq!(Amount::parse("1.000000000000000001").unwrap().parts(), ("1", "000000000000000001"));
        for bad in ["", "-5", "1,500", "1.", ".5", "1e6", "1.0000000000000000001", "1234567890123456"] {
            assert_eq!(Amount::parse(bad), Err(ParseError::Amount), "{bad}");
        }
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(WebUrl::parse(" https://www.thegfce.org ").unwrap().as_str(), "https://www.thegfce.org/");
        for bad in ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "//evil.example", "www.x.org"] {
            assert_eq!(WebUrl::parse(bad), Err(ParseError::Url), "{bad}");
        }
        assert_eq!(WebUrl::parse(""), Err(ParseError::Empty));
    }

    #[test]
    fn tags_are_tidied() {
        assert_eq!(Tag::parse("  capacity \n building ").unwrap().as_str(), "capacity building");
        assert_eq!(Tag::parse(" "), Err(ParseError::Empty));
        assert_eq!(Tag::parse("a\u{7}b"), Err(ParseError::ControlCharacter));
    }
}
