//! The knowledge base: projects, tools and publications, events and country facts, and the
//! actors' part in them.

use std::{collections::HashSet, hash::Hash};

use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

use crate::{
    named::named_enum, reference, CountryCode, LanguageCode, Link, LocalizedText, Money, ParseError, ProjectStatus,
    RegionCode, Shares, Slug, Tag, ThemeId, WebUrl,
};

named_enum! {
    /// What an actor does in a project, a tool or publication, or an event.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum Role {
        /// Pays for a project.
        Funder => "funder",
        /// Carries a project out.
        Implementer => "implementer",
        /// Takes part in a project otherwise (an accountable or extending organisation in IATI terms).
        Partner => "partner",
        Author => "author",
        Publisher => "publisher",
        Organiser => "organiser",
    }
    impl FromStr;
}

impl Role {
    pub const PROJECT: [Role; 3] = [Role::Funder, Role::Implementer, Role::Partner];
    pub const RESOURCE: [Role; 2] = [Role::Author, Role::Publisher];
}

/// An actor's part in a record: who (by slug) and in which role.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Contribution {
    pub actor: Slug,
    pub role: Role,
}

/// A capacity-building project or initiative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub id: Uuid,
    pub slug: Slug,
    pub title: LocalizedText,
    pub summary: Option<LocalizedText>,
    /// Markdown; rendered without any raw HTML.
    pub description: Option<LocalizedText>,
    pub status: ProjectStatus,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    /// Funders, implementers and partners, in the order given.
    #[serde(default)]
    pub participants: Vec<Contribution>,
    /// The countries that benefit.
    #[serde(default)]
    pub countries: Vec<CountryCode>,
    /// The regions that benefit, as a whole.
    #[serde(default)]
    pub regions: Vec<RegionCode>,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// The share of the project some of its countries, regions and tags (sectors) stand for.
    #[serde(default, skip_serializing_if = "Shares::is_empty")]
    pub shares: Shares,
    pub budget: Option<Money>,
    #[serde(default)]
    pub languages: Vec<LanguageCode>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// The identifier of the IATI activity it was imported from, which a re-import updates.
    pub iati_identifier: Option<String>,
    /// Where the information comes from.
    pub source_url: Option<WebUrl>,
}

named_enum! {
    /// Whether a resource is a tool or a publication.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum ResourceType {
        Tool => "tool",
        Publication => "publication",
    }
    impl FromStr;
}

named_enum! {
    /// What sort of tool or publication a resource is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum ResourceKind {
        Guide => "guide",
        Framework => "framework",
        Toolkit => "toolkit",
        TrainingCourse => "training_course",
        Standard => "standard",
        Software => "software",
        Dataset => "dataset",
        Report => "report",
        Study => "study",
        PolicyPaper => "policy_paper",
    }
    impl FromStr;
}

/// A tool (guide, framework, toolkit, training course…) or a publication (report, study…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    pub id: Uuid,
    pub slug: Slug,
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
    pub kind: ResourceKind,
    pub title: LocalizedText,
    pub summary: Option<LocalizedText>,
    pub published_on: Option<Date>,
    pub url: Option<WebUrl>,
    /// Authors and publishers.
    #[serde(default)]
    pub contributors: Vec<Contribution>,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
    #[serde(default)]
    pub regions: Vec<RegionCode>,
    #[serde(default)]
    pub languages: Vec<LanguageCode>,
    pub source_url: Option<WebUrl>,
}

/// A conference or meeting, such as one Global Conference on CyberSpace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: Uuid,
    pub slug: Slug,
    /// The series it belongs to (`gccs`).
    pub series: Slug,
    pub name: LocalizedText,
    pub summary: Option<LocalizedText>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub city: LocalizedText,
    pub country: CountryCode,
    pub url: Option<WebUrl>,
    /// The actors that organise or host it.
    #[serde(default)]
    pub organisers: Vec<Slug>,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
}

named_enum! {
    /// The kinds of key fact a country profile shows.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum FactKind {
        /// A national cyber-security strategy.
        Strategy => "strategy",
        /// The national CERT or CSIRT.
        Cert => "cert",
        DataProtectionLaw => "data_protection_law",
        CybercrimeLaw => "cybercrime_law",
    }
    impl FromStr;
}

/// One key fact about a country, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryFact {
    pub country: CountryCode,
    pub kind: FactKind,
    pub title: LocalizedText,
    /// Adopted or established in.
    pub year: Option<i32>,
    pub source_url: WebUrl,
}

/// The longest title, summary and description accepted, in characters per language.
pub const TITLE_MAX: usize = 300;
pub const SUMMARY_MAX: usize = 2_000;
pub const DESCRIPTION_MAX: usize = 50_000;

/// A field that failed a rule, named as in the exchange formats.
pub type Invalid = (&'static str, ParseError);

fn max_len(field: &'static str, text: Option<&LocalizedText>, max: usize) -> Result<(), Invalid> {
    let Some(text) = text else { return Ok(()) };
    if text.texts().any(|(_, t)| t.chars().count() > max) {
        return Err((field, ParseError::TooLong { max }));
    }
    Ok(())
}

/// Free texts other than [`LocalizedText`]s hold no control characters (see `text::plain`).
fn plain<'a>(field: &'static str, texts: impl IntoIterator<Item = Option<&'a str>>) -> Result<(), Invalid> {
    texts.into_iter().flatten().try_for_each(|t| crate::text::plain(t).map(|_| ())).map_err(|e| (field, e))
}

/// Every share is of one of the record's own countries, regions or tags.
fn shares(p: &Project) -> Result<(), Invalid> {
    let Shares { countries, regions, tags } = &p.shares;
    if !countries.keys().all(|k| p.countries.contains(k)) {
        return Err(("shares.countries", ParseError::NotAllowed));
    }
    if !regions.keys().all(|r| p.regions.contains(r)) {
        return Err(("shares.regions", ParseError::NotAllowed));
    }
    if !tags.keys().all(|t| p.tags.contains(t)) {
        return Err(("shares.tags", ParseError::NotAllowed));
    }
    Ok(())
}

fn unique<T: Eq + Hash>(field: &'static str, items: impl IntoIterator<Item = T>) -> Result<(), Invalid> {
    let mut seen = HashSet::new();
    if items.into_iter().all(|i| seen.insert(i)) {
        Ok(())
    } else {
        Err((field, ParseError::Duplicate))
    }
}

fn known_themes(themes: &[ThemeId]) -> Result<(), Invalid> {
    let shipped = &reference::shipped().themes;
    if themes.iter().all(|t| shipped.iter().any(|s| &s.id == t)) {
        unique("themes", themes)
    } else {
        Err(("themes", ParseError::UnknownTheme))
    }
}

fn roles(field: &'static str, contributions: &[Contribution], allowed: &[Role]) -> Result<(), Invalid> {
    if contributions.iter().any(|c| !allowed.contains(&c.role)) {
        return Err((field, ParseError::NotAllowed));
    }
    unique(field, contributions)
}

fn date_order(start: Option<Date>, end: Option<Date>) -> Result<(), Invalid> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => Err(("ends_on", ParseError::DateOrder)),
        _ => Ok(()),
    }
}

impl Project {
    /// Its place in the newest-first order of lists as one ascending text, which a database
    /// index can walk and any two projects compare by: `0` and the start date with each digit d
    /// written 9 − d (later dates sort first), or `1` without a start date; then the slug, which
    /// makes the key unique.
    pub fn newest_key(&self) -> String {
        match self.starts_on {
            Some(d) => {
                let day = d.year() * 10_000 + i32::from(u8::from(d.month())) * 100 + i32::from(d.day());
                format!("0{:08}{}", 99_999_999 - day, self.slug)
            }
            None => format!("1{}", self.slug),
        }
    }

    /// Checks the rules the field types alone do not: lengths, date order, roles, no repeats,
    /// shares only of its own places and tags.
    pub fn validate(&self) -> Result<(), Invalid> {
        max_len("title", Some(&self.title), TITLE_MAX)?;
        max_len("summary", self.summary.as_ref(), SUMMARY_MAX)?;
        max_len("description", self.description.as_ref(), DESCRIPTION_MAX)?;
        date_order(self.starts_on, self.ends_on)?;
        roles("participants", &self.participants, &Role::PROJECT)?;
        unique("countries", &self.countries)?;
        unique("regions", &self.regions)?;
        known_themes(&self.themes)?;
        unique("tags", &self.tags)?;
        shares(self)?;
        plain("iati_identifier", [self.iati_identifier.as_deref()])?;
        plain("links", self.links.iter().map(|l| l.label.as_deref()))?;
        unique("languages", &self.languages)
    }

    /// The slugs of the actors in the given role, in order.
    pub fn actors(&self, role: Role) -> impl Iterator<Item = &Slug> {
        self.participants.iter().filter(move |c| c.role == role).map(|c| &c.actor)
    }
}

impl Resource {
    pub fn validate(&self) -> Result<(), Invalid> {
        max_len("title", Some(&self.title), TITLE_MAX)?;
        max_len("summary", self.summary.as_ref(), SUMMARY_MAX)?;
        roles("contributors", &self.contributors, &Role::RESOURCE)?;
        known_themes(&self.themes)?;
        unique("regions", &self.regions)?;
        unique("languages", &self.languages)
    }
}

impl Event {
    pub fn validate(&self) -> Result<(), Invalid> {
        max_len("name", Some(&self.name), TITLE_MAX)?;
        max_len("summary", self.summary.as_ref(), SUMMARY_MAX)?;
        date_order(Some(self.starts_on), Some(self.ends_on))?;
        unique("organisers", &self.organisers)?;
        known_themes(&self.themes)
    }
}

impl CountryFact {
    /// A fact's title is kept in English and Vietnamese only, as the reference data it stands
    /// beside is.
    pub fn validate(&self) -> Result<(), Invalid> {
        if !self.title.others().is_empty() {
            return Err(("title", ParseError::EnglishOrVietnameseOnly));
        }
        max_len("title", Some(&self.title), TITLE_MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_date;

    pub(crate) fn project() -> Project {
        Project {
            id: Uuid::nil(),
            slug: Slug::parse("cert-training").unwrap(),
            title: LocalizedText::same("CERT training").unwrap(),
            summary: None,
            description: None,
            status: ProjectStatus::Ongoing,
            starts_on: Some(parse_date("2020-01-01").unwrap()),
            ends_on: Some(parse_date("2021-01-01").unwrap()),
            participants: vec![Contribution { actor: Slug::parse("netherlands").unwrap(), role: Role::Funder }],
            countries: vec![CountryCode::parse("VN").unwrap()],
            regions: vec![],
            themes: vec![],
            tags: vec![],
            shares: Shares::default(),
            budget: None,
            languages: vec![],
            links: vec![],
            iati_identifier: None,
            source_url: None,
        }
    }

    #[test]
    fn a_project_keeps_its_rules() {
        assert_eq!(project().validate(), Ok(()));
        let mut p = project();
        p.ends_on = Some(parse_date("2019-12-31").unwrap());
        assert_eq!(p.validate(), Err(("ends_on", ParseError::DateOrder)));
        let mut p = project();
        p.participants.push(Contribution { actor: Slug::parse("x").unwrap(), role: Role::Author });
        assert_eq!(p.validate(), Err(("participants", ParseError::NotAllowed)));
        let mut p = project();
        p.countries.push(CountryCode::parse("vn").unwrap());
        assert_eq!(p.validate(), Err(("countries", ParseError::Duplicate)));
        let mut p = project();
        p.themes.push(ThemeId::parse("no-such-theme").unwrap());
        assert_eq!(p.validate(), Err(("themes", ParseError::UnknownTheme)));
        let mut p = project();
        p.title = LocalizedText::same(&"x".repeat(TITLE_MAX + 1)).unwrap();
        assert_eq!(p.validate(), Err(("title", ParseError::TooLong { max: TITLE_MAX })));
        let mut p = project();
        let french = crate::LanguageTag::parse("fr").unwrap();
        p.title = LocalizedText::from_texts([(french, "x".repeat(TITLE_MAX + 1))]).unwrap();
        assert_eq!(p.validate(), Err(("title", ParseError::TooLong { max: TITLE_MAX })), "every language counts");
    }

    #[test]
    fn shares_are_of_the_projects_own_places_and_tags() {
        let sixty = crate::Percentage::parse("60").unwrap();
        let mut p = project();
        p.shares.countries.insert(CountryCode::parse("VN").unwrap(), sixty);
        assert_eq!(p.validate(), Ok(()));
        p.shares.countries.insert(CountryCode::parse("KH").unwrap(), sixty);
        assert_eq!(p.validate(), Err(("shares.countries", ParseError::NotAllowed)));
        let mut p = project();
        p.shares.regions.insert(RegionCode::parse("035").unwrap(), sixty);
        assert_eq!(p.validate(), Err(("shares.regions", ParseError::NotAllowed)));
        let mut p = project();
        p.shares.tags.insert(Tag::parse("DAC 15210").unwrap(), sixty);
        assert_eq!(p.validate(), Err(("shares.tags", ParseError::NotAllowed)));
        p.tags.push(Tag::parse("DAC 15210").unwrap());
        assert_eq!(p.validate(), Ok(()));
    }
}
