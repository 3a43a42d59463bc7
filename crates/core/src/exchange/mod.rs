//! Open data in and out: the lossless JSON dataset, CSV (one file per type) and IATI activity XML.
//!
//! Everything here turns bytes into domain records (or records into bytes) without touching the
//! database: a bad row becomes a [`RowError`] that names where it is, the field and the reason, and
//! the rest of the file is still read. Writing what was read is the caller's business.

pub mod csv;
pub mod iati;
pub mod json;
#[cfg(test)]
mod robustness;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Actor, CountryFact, Event, ParseError, Project, Resource, Timestamp};

/// The value of [`Dataset::format`].
pub const FORMAT: &str = "gfce-hub";
/// The version of the dataset layout this build writes and reads.
pub const VERSION: u32 = 1;

/// Everything the platform holds beyond its shipped reference data, as one document.
///
/// Export, then import into an empty database, then export again gives the same document: records
/// are in a fixed order (by slug; facts by country and kind) and carry their own timestamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub format: String,
    pub version: u32,
    pub actors: Vec<Stamped<Actor>>,
    pub projects: Vec<Stamped<Project>>,
    /// Tools and publications.
    pub resources: Vec<Stamped<Resource>>,
    pub events: Vec<Stamped<Event>>,
    pub country_facts: Vec<CountryFact>,
}

impl Default for Dataset {
    fn default() -> Self {
        Dataset {
            format: FORMAT.to_owned(),
            version: VERSION,
            actors: Vec::new(),
            projects: Vec::new(),
            resources: Vec::new(),
            events: Vec::new(),
            country_facts: Vec::new(),
        }
    }
}

impl Dataset {
    /// How many records it holds, facts included.
    pub fn len(&self) -> usize {
        self.actors.len() + self.projects.len() + self.resources.len() + self.events.len() + self.country_facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A record with the times it was created and last changed (RFC 3339, UTC). Absent on import,
/// they are set to the time of the import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stamped<T> {
    #[serde(flatten)]
    pub record: T,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

impl<T> Stamped<T> {
    pub fn new(record: T) -> Self {
        Stamped { record, created_at: None, updated_at: None }
    }
}

/// Where in an input a bad row is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    /// A line of a CSV file (the header is line 1).
    Line(u64),
    /// An element of an XML file: its path and the line it starts on (`iati-activity[3]`, 57).
    Element { path: String, line: u64 },
    /// A record of a JSON dataset (`projects[12]`).
    Record(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(n) => write!(f, "line {n}"),
            Location::Element { path, line } => write!(f, "{path} (line {line})"),
            Location::Record(path) => f.write_str(path),
        }
    }
}

/// Why a row could not be read: a domain rule, or the input's own syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Invalid(ParseError),
    /// The file itself is malformed here (bad CSV quoting, broken XML, wrong JSON type), or the
    /// row is at odds with another (an identifier given twice); the text says how.
    Syntax(String),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Invalid(e) => e.fmt(f),
            Reason::Syntax(s) => f.write_str(s),
        }
    }
}

/// One bad row of an input, or one thing changed in a row on its way in: which file, where in
/// it, which field, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The file name as the user gave it (or `-` for standard input).
    pub file: String,
    pub location: Location,
    /// The field as named in the format (`budget_currency`, `recipient-country/@code`); empty
    /// when the whole row is unreadable.
    pub field: String,
    pub reason: Reason,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}: {}", self.file, self.location, self.reason)
        } else {
            write!(f, "{}: {}: {}: {}", self.file, self.location, self.field, self.reason)
        }
    }
}

/// What reading an input gave: the good records, the bad rows and what was changed in the good.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    pub records: T,
    /// Rows refused: none of each is kept.
    pub errors: Vec<RowError>,
    /// Rows kept with a part left out or changed, which each says.
    pub warnings: Vec<RowError>,
}

/// Turns byte positions of an input into line numbers (the first line is 1), counting on from the
/// position asked for last, so that asking in order reads the input once.
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    counted: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Lines { bytes, counted: 0, line: 1 }
    }

    /// The line of the byte at `position`: one more than the line feeds before it, so that CRLF
    /// and LF files count alike.
    pub(crate) fn at(&mut self, position: u64) -> u64 {
        let position = usize::try_from(position).unwrap_or(usize::MAX).min(self.bytes.len());
        if position < self.counted {
            (self.counted, self.line) = (0, 1);
        }
        self.line += self.bytes[self.counted..position].iter().filter(|&&b| b == b'\n').count() as u64;
        self.counted = position;
        self.line
    }
}

/// What a record's creation or change time must look like.
const TIMESTAMP: &str = "must be an RFC 3339 time in UTC such as 2024-05-01T09:30:00Z";

/// Reads a record's creation or change time, which the formats write in UTC.
fn timestamp(value: &str) -> Result<Timestamp, Reason> {
    use time::{format_description::well_known::Rfc3339, OffsetDateTime};
    match OffsetDateTime::parse(value.trim(), &Rfc3339) {
        Ok(t) if t.offset().is_utc() => Ok(Timestamp::from(t)),
        _ => Err(Reason::Syntax(TIMESTAMP.to_owned())),
    }
}
