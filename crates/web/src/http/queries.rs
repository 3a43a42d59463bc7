//! The filters of each list, API and page alike: every parameter read as text and parsed into
//! the store's filter, each refusal kept with its parameter's name so that the API can answer
//! the first and a page can list them all above its form, kept filled in.

use gfce_core::{
    ActorKind, ContentType, CountryCode, LanguageCode, Membership, PageRequest, ParseError, ProjectStatus, RegionCode,
    ResourceKind, Slug, Tag, ThemeId,
};
use gfce_search::{Filters, SearchRequest};
use gfce_store::{ActorFilter, ProjectFilter, ProjectOrder, ResourceFilter, Store};
use serde::Deserialize;
use utoipa::{
    openapi::schema::{Object, ObjectBuilder, Type},
    IntoParams,
};

use super::{
    params::{given, parse_bool, parse_field, parse_free_text, parse_page, FieldError},
    Reason, WebError,
};

/// The filters of the members directory.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MemberQuery {
    /// `country`, `intergovernmental`, `international`, `company`, `ngo`, `academia`,
    /// `civil_society` or `technical`.
    #[param(value_type = Option<ActorKind>)]
    pub kind: Option<String>,
    /// `member` or `partner`.
    #[param(value_type = Option<Membership>)]
    pub membership: Option<String>,
    /// `true` for the 42 founding members of the Hague Declaration, `false` for the others.
    #[param(value_type = Option<bool>)]
    pub founding: Option<String>,
    /// A UN M49 region, sub-region or intermediate region code, e.g. `142` (Asia) or `035`
    /// (South-eastern Asia).
    #[param(pattern = r"^[0-9]{3}$")]
    pub region: Option<String>,
    /// An ISO 3166-1 alpha-2 code: the member country, or an organisation's seat.
    #[param(pattern = r"^[A-Za-z]{2}$")]
    pub country: Option<String>,
    /// A theme id, as listed by `/api/v1/themes`.
    #[param(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub theme: Option<String>,
    /// Free text matched against names in English and Vietnamese; accents and case are ignored.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000)]
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    pub per_page: Option<String>,
}

impl MemberQuery {
    /// Parses every parameter; refused ones are reported and left out of the filter.
    pub async fn parse(&self, store: &Store) -> Result<(ActorFilter, PageRequest, Vec<FieldError>), WebError> {
        let mut errors = Vec::new();
        let mut filter = ActorFilter {
            joined: Some(true),
            kind: parse_field(&mut errors, "kind", &self.kind, str::parse::<ActorKind>),
            membership: parse_field(&mut errors, "membership", &self.membership, str::parse::<Membership>),
            founding: parse_field(&mut errors, "founding", &self.founding, parse_bool),
            region: parse_field(&mut errors, "region", &self.region, RegionCode::parse),
            country: parse_field(&mut errors, "country", &self.country, CountryCode::parse),
            theme: parse_field(&mut errors, "theme", &self.theme, ThemeId::parse),
            q: parse_field(&mut errors, "q", &self.q, parse_free_text),
        };
        filter.theme = known_theme(store, &mut errors, filter.theme.take()).await?;
        let page = parse_page(&mut errors, &self.page, &self.per_page);
        Ok((filter, page, errors))
    }

    /// The member kind picked, for checking its option in a form.
    pub fn kind_is(&self, kind: &ActorKind) -> bool {
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
    #[param(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub series: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000)]
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
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

/// Drops a theme that is not in the taxonomy, reporting it.
async fn known_theme(
    store: &Store,
    errors: &mut Vec<FieldError>,
    theme: Option<ThemeId>,
) -> Result<Option<ThemeId>, WebError> {
    match theme {
        Some(t) if !store.theme_exists(&t).await? => {
            errors.push(("theme", Reason::UnknownTheme));
            Ok(None)
        }
        other => Ok(other),
    }
}

fn parse_year(value: &str) -> Result<i32, ParseError> {
    value
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
        .ok_or(ParseError::OutOfRange { min: 1900, max: 2100 })
}

/// The orders of the projects list, by name.
const ORDERS: [(&str, ProjectOrder); 2] = [("newest", ProjectOrder::Newest), ("title", ProjectOrder::Title)];

fn parse_order(value: &str) -> Result<ProjectOrder, ParseError> {
    ORDERS.iter().find(|(name, _)| *name == value).map(|(_, order)| *order).ok_or(ParseError::NotAllowed)
}

/// The `order` parameter's schema: one of the orders' names.
fn orders() -> Object {
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(ORDERS.map(|(name, _)| name))).build()
}

/// The filters of the projects list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProjectQuery {
    /// `planned`, `ongoing`, `suspended`, `completed` or `cancelled`.
    #[param(value_type = Option<ProjectStatus>)]
    pub status: Option<String>,
    /// ISO 3166-1 alpha-2: projects that benefit this country, directly or through a region it lies in.
    #[param(pattern = r"^[A-Za-z]{2}$")]
    pub country: Option<String>,
    /// UN M49 code: projects that benefit this region or a country in it.
    #[param(pattern = r"^[0-9]{3}$")]
    pub region: Option<String>,
    /// A theme id, as listed by `/api/v1/themes`.
    #[param(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub theme: Option<String>,
    /// An actor's slug: projects it funds, implements or takes part in.
    #[param(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub actor: Option<String>,
    /// ISO 639-1 code of a working language.
    #[param(pattern = r"^[A-Za-z]{2}$")]
    pub language: Option<String>,
    /// A free tag, exactly.
    #[param(max_length = 100)]
    pub tag: Option<String>,
    /// Projects running at some time in this year.
    #[param(value_type = Option<i32>, minimum = 1900, maximum = 2100)]
    pub year: Option<String>,
    /// Free text matched against titles and summaries in both languages; accents and case are ignored.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// `newest` (latest start first, the default) or `title`.
    #[param(schema_with = orders)]
    pub order: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000)]
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    pub per_page: Option<String>,
}

impl ProjectQuery {
    /// Parses every parameter; refused ones are reported and left out of the filter.
    pub async fn parse(
        &self,
        store: &Store,
    ) -> Result<(ProjectFilter, ProjectOrder, PageRequest, Vec<FieldError>), WebError> {
        let mut errors = Vec::new();
        let theme = parse_field(&mut errors, "theme", &self.theme, ThemeId::parse);
        let filter = ProjectFilter {
            status: parse_field(&mut errors, "status", &self.status, str::parse::<ProjectStatus>),
            country: parse_field(&mut errors, "country", &self.country, CountryCode::parse),
            region: parse_field(&mut errors, "region", &self.region, RegionCode::parse),
            theme: known_theme(store, &mut errors, theme).await?,
            actor: parse_field(&mut errors, "actor", &self.actor, Slug::parse),
            language: parse_field(&mut errors, "language", &self.language, LanguageCode::parse),
            tag: parse_field(&mut errors, "tag", &self.tag, Tag::parse),
            year: parse_field(&mut errors, "year", &self.year, parse_year),
            q: parse_field(&mut errors, "q", &self.q, parse_free_text),
        };
        let order = parse_field(&mut errors, "order", &self.order, parse_order).unwrap_or_default();
        let page = parse_page(&mut errors, &self.page, &self.per_page);
        Ok((filter, order, page, errors))
    }
}

/// The filters of the lists of tools and of publications.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResourceQuery {
    /// `guide`, `framework`, `toolkit`, `training_course`, `standard`, `software`, `dataset`,
    /// `report`, `study` or `policy_paper`.
    #[param(value_type = Option<ResourceKind>)]
    pub kind: Option<String>,
    /// A theme id.
    #[param(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub theme: Option<String>,
    /// A UN M49 region code.
    #[param(pattern = r"^[0-9]{3}$")]
    pub region: Option<String>,
    /// ISO 639-1 code: available in this language.
    #[param(pattern = r"^[A-Za-z]{2}$")]
    pub language: Option<String>,
    /// An actor's slug: written or published by it.
    #[param(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub actor: Option<String>,
    /// Free text matched against titles and summaries; accents and case are ignored.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000)]
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    pub per_page: Option<String>,
}

impl ResourceQuery {
    pub async fn parse(&self, store: &Store) -> Result<(ResourceFilter, PageRequest, Vec<FieldError>), WebError> {
        let mut errors = Vec::new();
        let theme = parse_field(&mut errors, "theme", &self.theme, ThemeId::parse);
        let filter = ResourceFilter {
            resource_type: None,
            kind: parse_field(&mut errors, "kind", &self.kind, str::parse::<ResourceKind>),
            theme: known_theme(store, &mut errors, theme).await?,
            region: parse_field(&mut errors, "region", &self.region, RegionCode::parse),
            languages: parse_field(&mut errors, "language", &self.language, LanguageCode::parse).into_iter().collect(),
            actor: parse_field(&mut errors, "actor", &self.actor, Slug::parse),
            q: parse_field(&mut errors, "q", &self.q, parse_free_text),
        };
        let page = parse_page(&mut errors, &self.page, &self.per_page);
        Ok((filter, page, errors))
    }
}

/// The filters of the list of all actors.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActorQuery {
    /// An actor kind: `country`, `intergovernmental`, `international`, `company`, `ngo`,
    /// `academia`, `civil_society`, `technical`, `government` or `other`.
    #[param(value_type = Option<ActorKind>)]
    pub kind: Option<String>,
    /// `true`: members and partners only; `false`: actors that have not joined.
    #[param(value_type = Option<bool>)]
    pub joined: Option<String>,
    /// ISO 3166-1 alpha-2 code of the actor's country or seat.
    #[param(pattern = r"^[A-Za-z]{2}$")]
    pub country: Option<String>,
    /// Free text matched against names; accents and case are ignored.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000)]
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    pub per_page: Option<String>,
}

impl ActorQuery {
    pub fn parse(&self) -> (ActorFilter, PageRequest, Vec<FieldError>) {
        let mut errors = Vec::new();
        let filter = ActorFilter {
            kind: parse_field(&mut errors, "kind", &self.kind, str::parse::<ActorKind>),
            joined: parse_field(&mut errors, "joined", &self.joined, parse_bool),
            country: parse_field(&mut errors, "country", &self.country, CountryCode::parse),
            q: parse_field(&mut errors, "q", &self.q, parse_free_text),
            ..ActorFilter::default()
        };
        let page = parse_page(&mut errors, &self.page, &self.per_page);
        (filter, page, errors)
    }
}

/// The parameters of a search.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words to find, in English or Vietnamese, with or without accents; empty browses everything.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// `member`, `actor`, `project`, `tool`, `publication` or `event`.
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = Option<ContentType>)]
    pub content_type: Option<String>,
    /// A theme id.
    #[param(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub theme: Option<String>,
    /// A UN M49 region, sub-region or intermediate region code.
    #[param(pattern = r"^[0-9]{3}$")]
    pub region: Option<String>,
    /// An ISO 3166-1 alpha-2 code.
    #[param(pattern = r"^[A-Za-z]{2}$")]
    pub country: Option<String>,
    /// `planned`, `ongoing`, `suspended`, `completed` or `cancelled` (projects).
    #[param(value_type = Option<ProjectStatus>)]
    pub status: Option<String>,
    /// A year, e.g. `2015`.
    #[param(value_type = Option<i32>, minimum = 1900, maximum = 2100)]
    pub year: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000)]
    pub page: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    pub per_page: Option<String>,
}

impl SearchQuery {
    pub async fn parse(&self, store: &Store) -> Result<(SearchRequest, Vec<FieldError>), WebError> {
        let mut errors = Vec::new();
        let mut filters = Filters {
            content_type: parse_field(&mut errors, "type", &self.content_type, str::parse::<ContentType>),
            theme: parse_field(&mut errors, "theme", &self.theme, ThemeId::parse),
            region: parse_field(&mut errors, "region", &self.region, RegionCode::parse),
            country: parse_field(&mut errors, "country", &self.country, CountryCode::parse),
            status: parse_field(&mut errors, "status", &self.status, str::parse::<ProjectStatus>),
            year: parse_field(&mut errors, "year", &self.year, parse_year),
        };
        filters.theme = known_theme(store, &mut errors, filters.theme.take()).await?;
        let q = parse_field(&mut errors, "q", &self.q, parse_free_text).unwrap_or_default();
        let page = parse_page(&mut errors, &self.page, &self.per_page);
        Ok((SearchRequest { q, filters, page }, errors))
    }
}
