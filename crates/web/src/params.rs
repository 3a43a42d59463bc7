//! Query parameters: read as text, then parsed into core types, each failure naming its
//! parameter. The same parsing serves the JSON API and the HTML pages, so both accept and refuse
//! exactly the same input.

use axum::extract::{FromRequestParts, RawQuery};
use axum::http::request::Parts;
use gfce_core::{CountryCode, MemberKind, Membership, PageRequest, ParseError, RegionCode, Slug, ThemeId};
use gfce_store::{MemberFilter, Store};
use serde::{de::DeserializeOwned, Deserialize};
use utoipa::IntoParams;

use crate::error::{Reason, WebError};

/// A refused parameter: its name and why.
pub type FieldError = (&'static str, Reason);

/// Deserialises the query string into `T`; a string that cannot be read (invalid percent-encoding,
/// a parameter given twice) is refused as a whole.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Default> FromRequestParts<S> for Params<T> {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let RawQuery(raw) = RawQuery::from_request_parts(parts, state).await.unwrap_or(RawQuery(None));
        match raw {
            None => Ok(Params(T::default())),
            Some(raw) => serde_urlencoded::from_str(&raw)
                .map(Params)
                .map_err(|_| WebError::InvalidParam { param: "query", reason: Reason::Query }),
        }
    }
}

/// For pages: a query string that cannot be read becomes an error to show above an empty form,
/// not an error page.
pub fn or_refused<T: Default>(query: Result<Params<T>, WebError>) -> Result<(T, Vec<FieldError>), WebError> {
    match query {
        Ok(Params(q)) => Ok((q, Vec::new())),
        Err(WebError::InvalidParam { param, reason }) => Ok((T::default(), vec![(param, reason)])),
        Err(other) => Err(other),
    }
}

/// Treats an empty value (an HTML form's "any") as absent.
pub(crate) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

pub(crate) fn parse_field<T>(
    errors: &mut Vec<FieldError>,
    name: &'static str,
    value: &Option<String>,
    parse: impl FnOnce(&str) -> Result<T, ParseError>,
) -> Option<T> {
    let value = given(value)?;
    parse(value).map_err(|e| errors.push((name, Reason::Parse(e)))).ok()
}

/// Words a person typed to match names or texts: at most 200 characters, no control characters
/// (never part of a text, and PostgreSQL cannot even store NUL).
pub fn parse_free_text(value: &str) -> Result<String, ParseError> {
    if value.chars().count() > 200 {
        Err(ParseError::TooLong { max: 200 })
    } else if value.chars().any(char::is_control) {
        Err(ParseError::NotAllowed)
    } else {
        Ok(value.to_owned())
    }
}

fn parse_bool(value: &str) -> Result<bool, ParseError> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(ParseError::Bool),
    }
}

pub(crate) fn parse_page(
    errors: &mut Vec<FieldError>,
    page: &Option<String>,
    per_page: &Option<String>,
) -> PageRequest {
    PageRequest::parse(given(page), given(per_page)).unwrap_or_else(|(name, e)| {
        errors.push((name, Reason::Parse(e)));
        PageRequest::default()
    })
}

/// The filters of the members directory.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MemberQuery {
    /// `country`, `intergovernmental`, `international`, `company`, `ngo`, `academia`,
    /// `civil_society` or `technical`.
    pub kind: Option<String>,
    /// `member` or `partner`.
    pub membership: Option<String>,
    /// `true` for the 42 founding members of the Hague Declaration, `false` for the others.
    pub founding: Option<String>,
    /// A UN M49 region, sub-region or intermediate region code, e.g. `142` (Asia) or `035`
    /// (South-eastern Asia).
    pub region: Option<String>,
    /// An ISO 3166-1 alpha-2 code: the member country, or an organisation's seat.
    pub country: Option<String>,
    /// A theme id, as listed by `/api/v1/themes`.
    pub theme: Option<String>,
    /// Free text matched against names in English and Vietnamese; accents and case are ignored.
    pub q: Option<String>,
    /// Page number, from 1.
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    pub per_page: Option<String>,
}

impl MemberQuery {
    /// Parses every parameter; refused ones are reported and left out of the filter.
    pub async fn parse(&self, store: &Store) -> Result<(MemberFilter, PageRequest, Vec<FieldError>), WebError> {
        let mut errors = Vec::new();
        let mut filter = MemberFilter {
            kind: parse_field(&mut errors, "kind", &self.kind, str::parse),
            membership: parse_field(&mut errors, "membership", &self.membership, str::parse::<Membership>),
            founding: parse_field(&mut errors, "founding", &self.founding, parse_bool),
            region: parse_field(&mut errors, "region", &self.region, RegionCode::parse),
            country: parse_field(&mut errors, "country", &self.country, CountryCode::parse),
            theme: parse_field(&mut errors, "theme", &self.theme, ThemeId::parse),
            q: parse_field(&mut errors, "q", &self.q, parse_free_text),
        };
        if let Some(theme) = &filter.theme {
            if !store.theme_exists(theme).await? {
                errors.push(("theme", Reason::UnknownTheme));
                filter.theme = None;
            }
        }
        let page = parse_page(&mut errors, &self.page, &self.per_page);
        Ok((filter, page, errors))
    }

    /// The member kind picked, for checking its option in a form.
    pub fn kind_is(&self, kind: &MemberKind) -> bool {
        given(&self.kind) == Some(kind.as_str())
    }

    pub fn value<'a>(&'a self, field: &'a Option<String>) -> &'a str {
        given(field).unwrap_or("")
    }
}

/// The filters of the events list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// An event series id, e.g. `gccs` (Global Conference on CyberSpace).
    pub series: Option<String>,
    /// Page number, from 1.
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    pub per_page: Option<String>,
}

impl EventQuery {
    pub async fn parse(&self, store: &Store) -> Result<(Option<Slug>, PageRequest, Vec<FieldError>), WebError> {
        let mut errors = Vec::new();
        let mut series = parse_field(&mut errors, "series", &self.series, Slug::parse);
        if let Some(id) = &series {
            if !store.event_series().await?.iter().any(|s| &s.id == id) {
                errors.push(("series", Reason::UnknownSeries));
                series = None;
            }
        }
        let page = parse_page(&mut errors, &self.page, &self.per_page);
        Ok((series, page, errors))
    }
}

/// The first refused parameter as the API's error, if any was refused.
pub fn first_error(errors: Vec<FieldError>) -> Result<(), WebError> {
    match errors.into_iter().next() {
        None => Ok(()),
        Some((param, reason)) => Err(WebError::InvalidParam { param, reason }),
    }
}
