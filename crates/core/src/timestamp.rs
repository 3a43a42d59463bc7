//! A moment in time as the platform records it: in UTC, to the microsecond, and always written
//! the same way.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{format_description::well_known::Rfc3339, macros::format_description, Date, OffsetDateTime, UtcOffset};

use crate::ParseError;

/// A moment in UTC, to the microsecond, written as RFC 3339 text of one fixed width:
/// `2015-04-16T09:30:00.000000Z`. Both databases store it as that text, so ordering by the
/// column orders by time: with a varying number of decimals, `…05Z` would sort after `…05.3Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// The width of every written timestamp.
    pub const WIDTH: usize = 27;

    /// Parses any RFC 3339 time (any offset, any number of decimals), keeping the moment in UTC;
    /// what lies below a microsecond is dropped.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        OffsetDateTime::parse(text.trim(), &Rfc3339).map(Timestamp::from).map_err(|_| ParseError::Timestamp)
    }

    /// The moment as a date and time in UTC.
    pub fn datetime(self) -> OffsetDateTime {
        self.0
    }

    /// The day (UTC) the moment falls on.
    pub fn date(self) -> Date {
        self.0.date()
    }
}

impl From<OffsetDateTime> for Timestamp {
    fn from(at: OffsetDateTime) -> Self {
        let at = at.to_offset(UtcOffset::UTC);
        let micros = at.nanosecond() / 1_000 * 1_000;
        Timestamp(at.replace_nanosecond(micros).expect("fewer nanoseconds than a second holds"))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self
            .0
            .format(format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z"))
            .map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

impl FromStr for Timestamp {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::parse(s)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn every_moment_is_written_at_one_width() {
        for (given, written) in [
            ("2026-12-05T20:38:05Z", "2026-12-05T20:38:05.000000Z"),
            ("2026-12-05T20:38:05.3Z", "2026-12-05T20:38:05.300000Z"),
            ("2026-12-05T20:38:05.123456789Z", "2026-12-05T20:38:05.123456Z"),
            ("2026-12-06T03:38:05+07:00", "2026-12-05T20:38:05.000000Z"),
            ("2026-12-05T20:38:05.000001+00:00", "2026-12-05T20:38:05.000001Z"),
        ] {
            let t = Timestamp::parse(given).unwrap();
            assert_eq!(t.to_string(), written, "{given}");
            assert_eq!(t.to_string().len(), Timestamp::WIDTH);
            assert_eq!(Timestamp::parse(written), Ok(t), "reads back");
        }
        for bad in ["", "2026-12-05", "2026-12-05 20:38:05", "yesterday", "2026-13-05T20:38:05Z"] {
            assert_eq!(Timestamp::parse(bad), Err(ParseError::Timestamp), "{bad:?}");
        }
    }

    #[test]
    fn json_carries_the_written_form() {
        let t = Timestamp::parse("2015-04-16T09:30:00Z").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"2015-04-16T09:30:00.000000Z\"");
        assert_eq!(serde_json::from_str::<Timestamp>("\"2015-04-16T09:30:00Z\"").unwrap(), t);
        assert!(serde_json::from_str::<Timestamp>("\"16 April 2015\"").is_err());
    }

    proptest! {
        /// Text order is time order, within one second too: the reason for one width.
        #[test]
        fn text_order_is_time_order(a in 0i64..4_000_000_000_000_000, b in 0i64..4_000_000_000_000_000) {
            let at = |micros: i64| {
                Timestamp::from(OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1_000).unwrap())
            };
            let (a, b) = (at(a), at(b));
            prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
        }

        #[test]
        fn the_same_second_sorts_by_its_fraction(second in 0i64..4_000_000_000, x in 0u32..1_000_000, y in 0u32..1_000_000) {
            let at = |micros: u32| {
                Timestamp::from(
                    OffsetDateTime::from_unix_timestamp(second).unwrap().replace_microsecond(micros).unwrap(),
                )
            };
            prop_assert_eq!(x.cmp(&y), at(x).to_string().cmp(&at(y).to_string()));
        }
    }
}
