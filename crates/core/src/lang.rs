use std::{fmt, str::FromStr};

use crate::ParseError;

/// A language every page and every message of the platform exists in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// Every supported language, in the order the language switcher shows them.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The ISO 639-1 code, also the path prefix (`/vi/…`, `/en/…`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language's own name for itself, as shown in the language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Vi => "Tiếng Việt",
            Lang::En => "English",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// Picks the language a browser prefers from an `Accept-Language` header (RFC 9110 §12.5.4).
    ///
    /// Quality values are honoured, region subtags ignored (`vi-VN` is Vietnamese), `*` means any.
    /// English is the default: the platform's audience is global.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(Lang, u16)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let quality = parts.find_map(|p| p.trim().strip_prefix("q=")).map_or(Some(1000), parse_quality);
            let Some(quality) = quality else { continue };
            if quality == 0 {
                continue;
            }
            let primary = tag.split('-').next().unwrap_or("");
            let lang = match primary.to_ascii_lowercase().as_str() {
                "vi" => Lang::Vi,
                "en" | "*" => Lang::En,
                _ => continue,
            };
            if best.is_none_or(|(_, q)| quality > q) {
                best = Some((lang, quality));
            }
        }
        best.map_or(Lang::En, |(lang, _)| lang)
    }
}

/// Reads an HTTP quality value ("0.8", "1", "0.125") as thousandths; `None` if malformed.
fn parse_quality(q: &str) -> Option<u16> {
    let (whole, frac) = q.split_once('.').unwrap_or((q, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let frac_value = format!("{frac:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(frac_value),
        "1" if frac_value == 0 => Some(1000),
        _ => None,
    }
}

impl FromStr for Lang {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(ParseError::UnknownLanguage),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes() {
        assert_eq!("vi".parse::<Lang>(), Ok(Lang::Vi));
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert_eq!("fr".parse::<Lang>(), Err(ParseError::UnknownLanguage));
        assert_eq!("VI".parse::<Lang>(), Err(ParseError::UnknownLanguage));
    }

    #[test]
    fn negotiates_accept_language() {
        assert_eq!(Lang::negotiate("vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7"), Lang::Vi);
        assert_eq!(Lang::negotiate("en-GB,en;q=0.9,vi;q=0.8"), Lang::En);
        assert_eq!(Lang::negotiate("fr-FR,fr;q=0.9,vi;q=0.5"), Lang::Vi);
        assert_eq!(Lang::negotiate("fr-FR"), Lang::En);
        assert_eq!(Lang::negotiate(""), Lang::En);
        assert_eq!(Lang::negotiate("en;q=0.2, vi;q=0.3"), Lang::Vi);
        assert_eq!(Lang::negotiate("vi;q=0, en;q=0.1"), Lang::En);
        assert_eq!(Lang::negotiate("vi;q=abc, en;q=0.1"), Lang::En);
        assert_eq!(Lang::negotiate("*"), Lang::En);
        assert_eq!(Lang::negotiate("VI"), Lang::Vi);
    }

    #[test]
    fn other_swaps() {
        assert_eq!(Lang::Vi.other(), Lang::En);
        assert_eq!(Lang::En.other(), Lang::Vi);
    }
}
