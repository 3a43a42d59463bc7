//! Reading rows back into domain types. Data in the database was valid when written; if it no
//! longer parses (edited by hand, say), the row is reported as corrupt rather than shown wrong.

use gfce_core::{format_date, parse_date, LanguageTag, LocalizedText, ParseError, Timestamp};
use sqlx::{any::AnyRow, Row};
use time::{Date, OffsetDateTime};

use crate::{children::Children, StoreError};

/// Reads columns of one row of `entity`, turning every failure into [`StoreError::Corrupt`].
pub(crate) struct RowReader<'r> {
    pub(crate) row: &'r AnyRow,
    pub(crate) entity: &'static str,
    pub(crate) id: String,
}

impl<'r> RowReader<'r> {
    pub(crate) fn new(row: &'r AnyRow, entity: &'static str, id_column: &str) -> Self {
        let id = row.try_get::<String, _>(id_column).unwrap_or_default();
        RowReader { row, entity, id }
    }

    pub(crate) fn corrupt(&self, reason: impl std::fmt::Display) -> StoreError {
        StoreError::Corrupt { entity: self.entity, id: self.id.clone(), reason: reason.to_string() }
    }

    pub(crate) fn text(&self, column: &str) -> Result<String, StoreError> {
        self.row.try_get(column).map_err(|e| self.corrupt(format!("{column}: {e}")))
    }

    pub(crate) fn opt_text(&self, column: &str) -> Result<Option<String>, StoreError> {
        self.row.try_get(column).map_err(|e| self.corrupt(format!("{column}: {e}")))
    }

    pub(crate) fn int(&self, column: &str) -> Result<i64, StoreError> {
        self.row.try_get(column).map_err(|e| self.corrupt(format!("{column}: {e}")))
    }

    pub(crate) fn row_opt_int(&self, column: &str) -> Result<Option<i64>, StoreError> {
        self.row.try_get(column).map_err(|e| self.corrupt(format!("{column}: {e}")))
    }

    /// Parses a text column with a domain parser.
    pub(crate) fn parsed<T, E: std::fmt::Display>(
        &self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<T, StoreError> {
        let raw = self.text(column)?;
        parse(&raw).map_err(|e| self.corrupt(format!("{column} {raw:?}: {e}")))
    }

    pub(crate) fn opt_parsed<T, E: std::fmt::Display>(
        &self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<Option<T>, StoreError> {
        match self.opt_text(column)? {
            None => Ok(None),
            Some(raw) => parse(&raw).map(Some).map_err(|e| self.corrupt(format!("{column} {raw:?}: {e}"))),
        }
    }

    pub(crate) fn date(&self, column: &str) -> Result<Date, StoreError> {
        self.parsed(column, parse_date)
    }

    pub(crate) fn timestamp(&self, column: &str) -> Result<Timestamp, StoreError> {
        self.parsed(column, Timestamp::parse)
    }

    pub(crate) fn opt_timestamp(&self, column: &str) -> Result<Option<Timestamp>, StoreError> {
        self.opt_parsed(column, Timestamp::parse)
    }

    /// A stored time as a date and time, for what is computed with it (expiries, timeouts).
    pub(crate) fn moment(&self, column: &str) -> Result<OffsetDateTime, StoreError> {
        self.timestamp(column).map(Timestamp::datetime)
    }

    pub(crate) fn opt_moment(&self, column: &str) -> Result<Option<OffsetDateTime>, StoreError> {
        Ok(self.opt_timestamp(column)?.map(Timestamp::datetime))
    }

    /// Reads `<prefix>_en` and `<prefix>_vi` as one localized text.
    pub(crate) fn localized(&self, prefix: &str) -> Result<LocalizedText, StoreError> {
        let en = self.opt_text(&format!("{prefix}_en"))?;
        let vi = self.opt_text(&format!("{prefix}_vi"))?;
        LocalizedText::new(en, vi).map_err(|e| self.corrupt(format!("{prefix}: {e}")))
    }

    /// A record's text: `<field>_en` and `<field>_vi` with its texts in other languages, kept in
    /// the child rows.
    pub(crate) fn record_text(&self, field: &str, children: &Children) -> Result<LocalizedText, StoreError> {
        self.opt_record_text(field, children)?.ok_or_else(|| self.corrupt(format!("{field}: {}", ParseError::NoText)))
    }

    /// Like [`RowReader::record_text`], for a text that may be absent in every language.
    pub(crate) fn opt_record_text(
        &self,
        field: &str,
        children: &Children,
    ) -> Result<Option<LocalizedText>, StoreError> {
        let en = self.opt_text(&format!("{field}_en"))?.map(|t| (LanguageTag::EN, t));
        let vi = self.opt_text(&format!("{field}_vi"))?.map(|t| (LanguageTag::VI, t));
        match LocalizedText::from_texts(en.into_iter().chain(vi).chain(children.others(field))) {
            Ok(text) => Ok(Some(text)),
            Err(ParseError::NoText) => Ok(None),
            Err(e) => Err(self.corrupt(format!("{field}: {e}"))),
        }
    }
}

/// A time as every table stores it: a [`Timestamp`], whose one width sorts as text in both
/// databases as time does.
pub(crate) fn stamp(at: OffsetDateTime) -> String {
    Timestamp::from(at).to_string()
}

/// Now, as stored.
pub(crate) fn now() -> String {
    stamp(OffsetDateTime::now_utc())
}

pub(crate) fn date_text(date: Date) -> String {
    format_date(date)
}
