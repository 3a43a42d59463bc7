//! Parameters: the query string read as text, then parsed into core types, each failure naming
//! its parameter; and the path segments that name a record. The same parsing serves the JSON API
//! and the HTML pages, so both accept and refuse exactly the same input. The filters of each list
//! are in `queries`, which builds on these.

use axum::{
    extract::{FromRequestParts, Path, RawQuery},
    http::request::Parts,
};
use gfce_core::{PageRequest, ParseError, Slug};
use serde::{de::DeserializeOwned, Deserialize};
use uuid::Uuid;

use super::{Reason, WebError};

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

/// The refusals of a form parsed in core, as the fields' errors.
pub fn refusals(errors: Vec<(&'static str, ParseError)>) -> Vec<FieldError> {
    errors.into_iter().map(|(field, e)| (field, Reason::Parse(e))).collect()
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

pub(crate) fn parse_bool(value: &str) -> Result<bool, ParseError> {
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

/// The first refused parameter as the API's error, if any was refused.
pub fn first_error(errors: Vec<FieldError>) -> Result<(), WebError> {
    match errors.into_iter().next() {
        None => Ok(()),
        Some((param, reason)) => Err(WebError::InvalidParam { param, reason }),
    }
}

/// The slug of a record in the path (`/projects/{slug}`). One that cannot be a slug names
/// nothing: not found, like any other unknown slug.
pub struct SlugParam(pub Slug);

impl<S: Send + Sync> FromRequestParts<S> for SlugParam {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state).await.map_err(|_| WebError::NotFound)?;
        Slug::parse(&raw).map(SlugParam).map_err(|_| WebError::NotFound)
    }
}

/// The id of a revision, application or token in the path; one that is not a UUID names nothing.
pub struct IdParam(pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for IdParam {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state).await.map_err(|_| WebError::NotFound)?;
        Uuid::parse_str(&raw).map(IdParam).map_err(|_| WebError::NotFound)
    }
}

/// Which page of a list to show, for lists without filters.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    page: Option<String>,
    per_page: Option<String>,
}

impl PageQuery {
    pub fn request(&self) -> Result<PageRequest, WebError> {
        PageRequest::parse(given(&self.page), given(&self.per_page)).map_err(|(param, e)| WebError::invalid(param, e))
    }
}
