use std::{collections::BTreeMap, fmt};

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use crate::{CountryCode, ParseError, RegionCode, Tag};

/// A part of a whole, from 0 to 100 per cent with at most two decimals (`60`, `33.33`), as IATI
/// gives the share of a recipient country, region or sector. Kept in hundredths of a per cent, so
/// that it is exact; written in JSON as a number.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Percentage(u16);

impl Percentage {
    pub const MAX_HUNDREDTHS: u16 = 10_000;

    /// Reads a decimal written with a point (`60`, `12.5`, `+5`, `.5`, `100.00`); more than two
    /// decimals other than zeros, or a value above 100, is refused.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim();
        let s = s.strip_prefix('+').unwrap_or(s);
        let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
            return Err(ParseError::Percentage);
        }
        let fraction = fraction.trim_end_matches('0');
        let whole = whole.trim_start_matches('0');
        if fraction.len() > 2 || whole.len() > 3 {
            return Err(ParseError::Percentage);
        }
        let whole: u16 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| ParseError::Percentage)? };
        let fraction: u16 = format!("{fraction:0<2}").parse().map_err(|_| ParseError::Percentage)?;
        Self::from_hundredths(whole * 100 + fraction)
    }

    pub fn from_hundredths(hundredths: u16) -> Result<Self, ParseError> {
        if hundredths > Self::MAX_HUNDREDTHS {
            return Err(ParseError::Percentage);
        }
        Ok(Percentage(hundredths))
    }

    pub fn hundredths(self) -> u16 {
        self.0
    }

    /// The whole per cents and the decimals (none, one or two digits), for formatting in a
    /// language's convention.
    pub fn parts(self) -> (u16, String) {
        let fraction = format!("{:02}", self.0 % 100);
        (self.0 / 100, fraction.trim_end_matches('0').to_owned())
    }
}

impl fmt::Display for Percentage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.parts() {
            (whole, fraction) if fraction.is_empty() => write!(f, "{whole}"),
            (whole, fraction) => write!(f, "{whole}.{fraction}"),
        }
    }
}

impl fmt::Debug for Percentage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}%")
    }
}

impl Serialize for Percentage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            serializer.serialize_u16(self.0 / 100)
        } else {
            // A number of hundredths up to 10,000 divided by 100 prints back as its two decimals.
            serializer.serialize_f64(f64::from(self.0) / 100.0)
        }
    }
}

impl<'de> Deserialize<'de> for Percentage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        let hundredths = value * 100.0;
        // A decimal with two places is not exact in binary; anything further from a whole number
        // of hundredths than rounding explains has more decimals.
        if !(0.0..=f64::from(Self::MAX_HUNDREDTHS)).contains(&hundredths.round())
            || (hundredths - hundredths.round()).abs() > 1e-6
        {
            return Err(de::Error::custom(ParseError::Percentage));
        }
        Percentage::from_hundredths(hundredths.round() as u16).map_err(de::Error::custom)
    }
}

/// The share of a project each beneficiary country, region and tag (a sector) stands for, where
/// the source says. Each key is one of the project's countries, regions or tags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shares {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub countries: BTreeMap<CountryCode, Percentage>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub regions: BTreeMap<RegionCode, Percentage>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<Tag, Percentage>,
}

impl Shares {
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.regions.is_empty() && self.tags.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_decimals_up_to_two_places_from_0_to_100() {
        let read = |s: &str| Percentage::parse(s).map(|p| p.hundredths());
        assert_eq!(read("60"), Ok(6000));
        assert_eq!(read("33.33"), Ok(3333));
        assert_eq!(read("12.5"), Ok(1250));
        assert_eq!(read(" +5 "), Ok(500));
        assert_eq!(read(".5"), Ok(50));
        assert_eq!(read("5."), Ok(500));
        assert_eq!(read("100.00"), Ok(10_000));
        assert_eq!(read("007.250"), Ok(725));
        assert_eq!(read("0"), Ok(0));
        for bad in ["", ".", "-5", "100.01", "101", "1000", "33.333", "1,5", "sixty", "5%", "1e2"] {
            assert_eq!(Percentage::parse(bad), Err(ParseError::Percentage), "{bad:?}");
        }
    }

    #[test]
    fn writes_as_few_decimals_as_it_has() {
        let shown = ["60", "33.33", "12.5", "0.05", "100"].map(|s| Percentage::parse(s).unwrap().to_string());
        assert_eq!(shown, ["60", "33.33", "12.5", "0.05", "100"]);
        assert_eq!(Percentage::parse("12.5").unwrap().parts(), (12, "5".to_owned()));
    }

    #[test]
    fn json_is_a_number_that_reads_back() {
        for s in ["60", "33.33", "12.5", "0.01", "99.99", "100", "0"] {
            let p = Percentage::parse(s).unwrap();
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, s);
            assert_eq!(serde_json::from_str::<Percentage>(&json).unwrap(), p);
        }
        for bad in ["33.333", "100.5", "-1", "\"60\""] {
            assert!(serde_json::from_str::<Percentage>(bad).is_err(), "{bad}");
        }
        let shares: Shares = serde_json::from_str(r#"{"countries": {"VN": 60, "KH": 40}}"#).unwrap();
        assert_eq!(serde_json::to_string(&shares).unwrap(), r#"{"countries":{"KH":40,"VN":60}}"#);
        assert!(serde_json::from_str::<Shares>(r#"{"countries": {"XX": 60}}"#).is_err());
    }
}
