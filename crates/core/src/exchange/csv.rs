//! CSV, one file per record type, for spreadsheets.
//!
//! Files are UTF-8 (a leading byte-order mark is accepted when reading) with a header row, quoted
//! as RFC 4180 says and written with CRLF line ends. The reader finds columns by their header, so
//! their order is free, optional columns may be left out and columns it does not know are ignored.
//!
//! Cells follow one set of conventions:
//!
//! - an empty cell is an absent value; spaces around a cell are ignored;
//! - several values in one cell are separated by `;` (`VN;KH`);
//! - a text in English and Vietnamese takes two columns, `<field>_en` and `<field>_vi`, either of
//!   which may be empty (not both, where the text is required);
//! - dates are written `YYYY-MM-DD`, booleans `true` or `false`;
//! - actors are named by their slugs, in one column per role;
//! - a link is `url` or `url|label`. When written, a label loses any `;` and `|`, a tag any `;`, and
//!   a `;` or `|` in an address is percent-encoded (`%3B`, `%7C`), so that the cell reads back;
//! - `id` is a UUID; left empty on import, it is derived from the type and the slug, so importing
//!   the same file twice updates rather than duplicates;
//! - `created_at` and `updated_at` are RFC 3339 times in UTC; left empty, they are the time of the
//!   import;
//! - a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a
//!   single quote before it (`'=HYPERLINK(…)`), so that a spreadsheet shows it as text rather than
//!   run it as a formula; so is a cell that starts with a quote followed by one of those or by
//!   another quote. When read, that one quote is taken off again, so every cell reads back as it
//!   was written. No column holds a negative number (amounts and years are positive), so no
//!   number carries the quote, and one that did would read back the same.
//!
//! A row that breaks a rule is reported with its line (the header is line 1) and column, and
//! skipped; a row whose id or slug repeats an earlier row's is reported and skipped too. A file
//! whose header cannot be read, names a column twice or lacks a required column is refused whole.

use std::{
    collections::{HashMap, HashSet},
    str::FromStr,
};

use ::csv::{ReaderBuilder, StringRecord, Terminator, Trim, WriterBuilder};
use time::Date;
use uuid::Uuid;

use super::{timestamp, Lines, Location, Parsed, Reason, RowError, Stamped};
use crate::{
    format_date, parse_date, stable_id, Actor, Amount, Contribution, CountryCode, CountryFact, CurrencyCode, Event,
    Invalid, Joined, LanguageCode, Link, LocalizedText, Money, ParseError, Project, RegionCode, Resource, Role, Slug,
    Tag, ThemeId, Timestamp, WebUrl, DESCRIPTION_MAX, SUMMARY_MAX, TITLE_MAX,
};

/// The columns of `actors.csv`, in the order they are written.
///
/// | column | required | content |
/// |---|---|---|
/// | `id` | | UUID; empty: derived from `slug` |
/// | `slug` | yes | `council-of-europe` |
/// | `kind` | yes | `country`, `intergovernmental`, `international`, `company`, `ngo`, `academia`, `civil_society`, `technical`, `government` or `other` |
/// | `name_en`, `name_vi` | one of them | the name in English and in Vietnamese |
/// | `short_name` | | a common abbreviation (`ITU`) |
/// | `country` | | ISO 3166-1 alpha-2 code of the country or of the seat (`VN`) |
/// | `joined_on` | | the date it joined the GFCE; empty if it has not |
/// | `founding` | | `true` for a signatory of the Hague Declaration; empty means `false` |
/// | `website` | | http or https address |
/// | `listed_as` | | the name exactly as a source document lists it |
/// | `iati_ref` | | IATI organisation identifier (`GB-GOV-1`) |
/// | `themes` | | theme ids, `;`-separated |
/// | `created_at`, `updated_at` | | RFC 3339 times in UTC |
pub const ACTOR_COLUMNS: [&str; 15] = [
    "id",
    "slug",
    "kind",
    "name_en",
    "name_vi",
    "short_name",
    "country",
    "joined_on",
    "founding",
    "website",
    "listed_as",
    "iati_ref",
    "themes",
    "created_at",
    "updated_at",
];
const ACTOR_REQUIRED: &[&[&str]] = &[&["slug"], &["kind"], &["name_en", "name_vi"]];

/// The columns of `projects.csv`, in the order they are written.
///
/// | column | required | content |
/// |---|---|---|
/// | `id` | | UUID; empty: derived from `slug` |
/// | `slug` | yes | `cert-development-viet-nam` |
/// | `title_en`, `title_vi` | one of them | at most 300 characters each |
/// | `summary_en`, `summary_vi` | | at most 2,000 characters each |
/// | `description_en`, `description_vi` | | Markdown, at most 50,000 characters each |
/// | `status` | yes | `planned`, `ongoing`, `suspended`, `completed` or `cancelled` |
/// | `starts_on`, `ends_on` | | dates; the end not before the start |
/// | `funders`, `implementers`, `partners` | | actor slugs, `;`-separated |
/// | `countries` | | ISO 3166-1 alpha-2 codes of the countries that benefit, `;`-separated |
/// | `regions` | | UN M49 codes of the regions that benefit as a whole (`035`), `;`-separated |
/// | `themes` | | theme ids, `;`-separated |
/// | `tags` | | free tags, `;`-separated |
/// | `budget_amount` | with `budget_currency` | decimal with a point and at most 18 decimals, no thousands separators (`250000.50`) |
/// | `budget_currency` | with `budget_amount` | ISO 4217 code (`EUR`) |
/// | `languages` | | ISO 639-1 codes, `;`-separated |
/// | `links` | | `url` or `url\|label`, `;`-separated |
/// | `iati_identifier` | | the IATI activity it was imported from |
/// | `source_url` | | where the information comes from |
/// | `created_at`, `updated_at` | | RFC 3339 times in UTC |
///
/// Within a role the actors keep their order; across roles they are read funders first, then
/// implementers, then partners.
pub const PROJECT_COLUMNS: [&str; 26] = [
    "id",
    "slug",
    "title_en",
    "title_vi",
    "summary_en",
    "summary_vi",
    "description_en",
    "description_vi",
    "status",
    "starts_on",
    "ends_on",
    "funders",
    "implementers",
    "partners",
    "countries",
    "regions",
    "themes",
    "tags",
    "budget_amount",
    "budget_currency",
    "languages",
    "links",
    "iati_identifier",
    "source_url",
    "created_at",
    "updated_at",
];
const PROJECT_REQUIRED: &[&[&str]] = &[&["slug"], &["title_en", "title_vi"], &["status"]];

/// The columns of `resources.csv` (tools and publications), in the order they are written.
///
/// | column | required | content |
/// |---|---|---|
/// | `id` | | UUID; empty: derived from `slug` |
/// | `slug` | yes | `national-cybersecurity-strategy-guide` |
/// | `type` | yes | `tool` or `publication` |
/// | `kind` | yes | `guide`, `framework`, `toolkit`, `training_course`, `standard`, `software`, `dataset`, `report`, `study` or `policy_paper` |
/// | `title_en`, `title_vi` | one of them | at most 300 characters each |
/// | `summary_en`, `summary_vi` | | at most 2,000 characters each |
/// | `published_on` | | date |
/// | `url` | | http or https address of the resource |
/// | `authors`, `publishers` | | actor slugs, `;`-separated |
/// | `themes` | | theme ids, `;`-separated |
/// | `regions` | | UN M49 codes, `;`-separated |
/// | `languages` | | ISO 639-1 codes, `;`-separated |
/// | `source_url` | | where the information comes from |
/// | `created_at`, `updated_at` | | RFC 3339 times in UTC |
pub const RESOURCE_COLUMNS: [&str; 18] = [
    "id",
    "slug",
    "type",
    "kind",
    "title_en",
    "title_vi",
    "summary_en",
    "summary_vi",
    "published_on",
    "url",
    "authors",
    "publishers",
    "themes",
    "regions",
    "languages",
    "source_url",
    "created_at",
    "updated_at",
];
const RESOURCE_REQUIRED: &[&[&str]] = &[&["slug"], &["type"], &["kind"], &["title_en", "title_vi"]];

/// The columns of `events.csv`, in the order they are written.
///
/// | column | required | content |
/// |---|---|---|
/// | `id` | | UUID; empty: derived from `slug` |
/// | `slug` | yes | `gccs-2015` |
/// | `series` | yes | the slug of the series (`gccs`) |
/// | `name_en`, `name_vi` | one of them | at most 300 characters each |
/// | `summary_en`, `summary_vi` | | at most 2,000 characters each |
/// | `starts_on`, `ends_on` | yes | dates; the end not before the start |
/// | `city_en`, `city_vi` | one of them | the host city |
/// | `country` | yes | ISO 3166-1 alpha-2 code |
/// | `url` | | http or https address |
/// | `organisers` | | actor slugs, `;`-separated |
/// | `themes` | | theme ids, `;`-separated |
/// | `created_at`, `updated_at` | | RFC 3339 times in UTC |
pub const EVENT_COLUMNS: [&str; 17] = [
    "id",
    "slug",
    "series",
    "name_en",
    "name_vi",
    "summary_en",
    "summary_vi",
    "starts_on",
    "ends_on",
    "city_en",
    "city_vi",
    "country",
    "url",
    "organisers",
    "themes",
    "created_at",
    "updated_at",
];
const EVENT_REQUIRED: &[&[&str]] = &[
    &["slug"],
    &["series"],
    &["name_en", "name_vi"],
    &["starts_on"],
    &["ends_on"],
    &["city_en", "city_vi"],
    &["country"],
];

/// The columns of `country_facts.csv`, in the order they are written. A country has at most one
/// fact of each kind.
///
/// | column | required | content |
/// |---|---|---|
/// | `country` | yes | ISO 3166-1 alpha-2 code |
/// | `kind` | yes | `strategy`, `cert`, `data_protection_law` or `cybercrime_law` |
/// | `title_en`, `title_vi` | one of them | the name of the strategy, body or law |
/// | `year` | | the year it was adopted or established, 1000 to 9999 |
/// | `source_url` | yes | http or https address of the source |
pub const COUNTRY_FACT_COLUMNS: [&str; 6] = ["country", "kind", "title_en", "title_vi", "year", "source_url"];
const COUNTRY_FACT_REQUIRED: &[&[&str]] = &[&["country"], &["kind"], &["title_en", "title_vi"], &["source_url"]];

/// The years a country fact may carry.
const YEARS: (u32, u32) = (1000, 9999);

/// Writes `actors.csv`: the header, then one row per actor in the order given.
pub fn write_actors(actors: &[Stamped<Actor>]) -> Vec<u8> {
    write(
        &ACTOR_COLUMNS,
        actors.iter().map(|s| {
            let a = &s.record;
            [
                a.id.to_string(),
                a.slug.to_string(),
                a.kind.as_str().to_owned(),
                en(Some(&a.name)),
                vi(Some(&a.name)),
                optional(a.short_name.as_deref()),
                optional(a.country.as_ref().map(CountryCode::as_str)),
                a.joined.map(|j| format_date(j.joined_on)).unwrap_or_default(),
                a.joined.map(|j| j.founding.to_string()).unwrap_or_default(),
                optional(a.website.as_ref().map(WebUrl::as_str)),
                optional(a.listed_as.as_deref()),
                optional(a.iati_ref.as_deref()),
                list(&a.themes, ThemeId::as_str),
                stamp(s.created_at),
                stamp(s.updated_at),
            ]
        }),
    )
}

/// Reads `actors.csv`; see [`ACTOR_COLUMNS`].
pub fn read_actors(bytes: &[u8], file: &str) -> Result<Parsed<Vec<Stamped<Actor>>>, RowError> {
    read(bytes, file, &ACTOR_COLUMNS, ACTOR_REQUIRED, stamped_keys, |row| {
        let slug = row.required("slug", Slug::parse)?;
        let joined_on = row.optional("joined_on", parse_date)?;
        let founding = row.optional("founding", parse_bool)?;
        let joined = match (joined_on, founding) {
            (Some(joined_on), founding) => Some(Joined { joined_on, founding: founding.unwrap_or(false) }),
            (None, Some(true)) => return Err(("founding", Reason::Invalid(ParseError::NotAllowed))),
            (None, _) => None,
        };
        let actor = Actor {
            id: row.id("actor", &slug)?,
            kind: row.required("kind", FromStr::from_str)?,
            name: row.required_text(["name_en", "name_vi"], None)?,
            short_name: row.string("short_name"),
            country: row.optional("country", CountryCode::parse)?,
            joined,
            website: row.optional("website", WebUrl::parse)?,
            listed_as: row.string("listed_as"),
            iati_ref: row.string("iati_ref"),
            themes: row.list("themes", ThemeId::parse)?,
            slug,
        };
        checked(actor.validate())?;
        row.stamped(actor)
    })
}

/// Writes `projects.csv`: the header, then one row per project in the order given.
pub fn write_projects(projects: &[Stamped<Project>]) -> Vec<u8> {
    write(
        &PROJECT_COLUMNS,
        projects.iter().map(|s| {
            let p = &s.record;
            [
                p.id.to_string(),
                p.slug.to_string(),
                en(Some(&p.title)),
                vi(Some(&p.title)),
                en(p.summary.as_ref()),
                vi(p.summary.as_ref()),
                en(p.description.as_ref()),
                vi(p.description.as_ref()),
                p.status.as_str().to_owned(),
                date(p.starts_on),
                date(p.ends_on),
                actors(&p.participants, Role::Funder),
                actors(&p.participants, Role::Implementer),
                actors(&p.participants, Role::Partner),
                list(&p.countries, CountryCode::as_str),
                list(&p.regions, RegionCode::to_string),
                list(&p.themes, ThemeId::as_str),
                list(p.tags.iter().map(|t| t.as_str().replace(';', "")).filter(|t| !t.trim().is_empty()), |t| t),
                optional(p.budget.as_ref().map(|b| b.amount.as_str())),
                optional(p.budget.as_ref().map(|b| b.currency.as_str())),
                list(&p.languages, LanguageCode::as_str),
                list(&p.links, link),
                optional(p.iati_identifier.as_deref()),
                optional(p.source_url.as_ref().map(WebUrl::as_str)),
                stamp(s.created_at),
                stamp(s.updated_at),
            ]
        }),
    )
}

/// Reads `projects.csv`; see [`PROJECT_COLUMNS`].
pub fn read_projects(bytes: &[u8], file: &str) -> Result<Parsed<Vec<Stamped<Project>>>, RowError> {
    read(bytes, file, &PROJECT_COLUMNS, PROJECT_REQUIRED, stamped_keys, |row| {
        let slug = row.required("slug", Slug::parse)?;
        let mut participants = Vec::new();
        for (column, role) in
            [("funders", Role::Funder), ("implementers", Role::Implementer), ("partners", Role::Partner)]
        {
            let slugs = row.list(column, Slug::parse)?;
            participants.extend(slugs.into_iter().map(|actor| Contribution { actor, role }));
        }
        let budget = match (
            row.optional("budget_amount", Amount::parse)?,
            row.optional("budget_currency", CurrencyCode::parse)?,
        ) {
            (Some(amount), Some(currency)) => Some(Money { amount, currency }),
            (None, None) => None,
            (Some(_), None) => return Err(("budget_currency", Reason::Invalid(ParseError::Empty))),
            (None, Some(_)) => return Err(("budget_amount", Reason::Invalid(ParseError::Empty))),
        };
        let project = Project {
            id: row.id("project", &slug)?,
            title: row.required_text(["title_en", "title_vi"], Some(TITLE_MAX))?,
            summary: row.text(["summary_en", "summary_vi"], Some(SUMMARY_MAX))?,
            description: row.text(["description_en", "description_vi"], Some(DESCRIPTION_MAX))?,
            status: row.required("status", FromStr::from_str)?,
            starts_on: row.optional("starts_on", parse_date)?,
            ends_on: row.optional("ends_on", parse_date)?,
            participants,
            countries: row.list("countries", CountryCode::parse)?,
            regions: row.list("regions", RegionCode::parse)?,
            themes: row.list("themes", ThemeId::parse)?,
            tags: row.list("tags", Tag::parse)?,
            shares: Default::default(),
            budget,
            languages: row.list("languages", LanguageCode::parse)?,
            links: row.list("links", parse_link)?,
            iati_identifier: row.string("iati_identifier"),
            source_url: row.optional("source_url", WebUrl::parse)?,
            slug,
        };
        checked(project.validate())?;
        row.stamped(project)
    })
}

/// Writes `resources.csv`: the header, then one row per tool or publication in the order given.
pub fn write_resources(resources: &[Stamped<Resource>]) -> Vec<u8> {
    write(
        &RESOURCE_COLUMNS,
        resources.iter().map(|s| {
            let r = &s.record;
            [
                r.id.to_string(),
                r.slug.to_string(),
                r.resource_type.as_str().to_owned(),
                r.kind.as_str().to_owned(),
                en(Some(&r.title)),
                vi(Some(&r.title)),
                en(r.summary.as_ref()),
                vi(r.summary.as_ref()),
                date(r.published_on),
                optional(r.url.as_ref().map(WebUrl::as_str)),
                actors(&r.contributors, Role::Author),
                actors(&r.contributors, Role::Publisher),
                list(&r.themes, ThemeId::as_str),
                list(&r.regions, RegionCode::to_string),
                list(&r.languages, LanguageCode::as_str),
                optional(r.source_url.as_ref().map(WebUrl::as_str)),
                stamp(s.created_at),
                stamp(s.updated_at),
            ]
        }),
    )
}

/// Reads `resources.csv`; see [`RESOURCE_COLUMNS`].
pub fn read_resources(bytes: &[u8], file: &str) -> Result<Parsed<Vec<Stamped<Resource>>>, RowError> {
    read(bytes, file, &RESOURCE_COLUMNS, RESOURCE_REQUIRED, stamped_keys, |row| {
        let slug = row.required("slug", Slug::parse)?;
        let mut contributors = Vec::new();
        for (column, role) in [("authors", Role::Author), ("publishers", Role::Publisher)] {
            let slugs = row.list(column, Slug::parse)?;
            contributors.extend(slugs.into_iter().map(|actor| Contribution { actor, role }));
        }
        let resource = Resource {
            id: row.id("resource", &slug)?,
            resource_type: row.required("type", FromStr::from_str)?,
            kind: row.required("kind", FromStr::from_str)?,
            title: row.required_text(["title_en", "title_vi"], Some(TITLE_MAX))?,
            summary: row.text(["summary_en", "summary_vi"], Some(SUMMARY_MAX))?,
            published_on: row.optional("published_on", parse_date)?,
            url: row.optional("url", WebUrl::parse)?,
            contributors,
            themes: row.list("themes", ThemeId::parse)?,
            regions: row.list("regions", RegionCode::parse)?,
            languages: row.list("languages", LanguageCode::parse)?,
            source_url: row.optional("source_url", WebUrl::parse)?,
            slug,
        };
        checked(resource.validate())?;
        row.stamped(resource)
    })
}

/// Writes `events.csv`: the header, then one row per event in the order given.
pub fn write_events(events: &[Stamped<Event>]) -> Vec<u8> {
    write(
        &EVENT_COLUMNS,
        events.iter().map(|s| {
            let e = &s.record;
            [
                e.id.to_string(),
                e.slug.to_string(),
                e.series.to_string(),
                en(Some(&e.name)),
                vi(Some(&e.name)),
                en(e.summary.as_ref()),
                vi(e.summary.as_ref()),
                format_date(e.starts_on),
                format_date(e.ends_on),
                en(Some(&e.city)),
                vi(Some(&e.city)),
                e.country.to_string(),
                optional(e.url.as_ref().map(WebUrl::as_str)),
                list(&e.organisers, Slug::as_str),
                list(&e.themes, ThemeId::as_str),
                stamp(s.created_at),
                stamp(s.updated_at),
            ]
        }),
    )
}

/// Reads `events.csv`; see [`EVENT_COLUMNS`].
pub fn read_events(bytes: &[u8], file: &str) -> Result<Parsed<Vec<Stamped<Event>>>, RowError> {
    read(bytes, file, &EVENT_COLUMNS, EVENT_REQUIRED, stamped_keys, |row| {
        let slug = row.required("slug", Slug::parse)?;
        let event = Event {
            id: row.id("event", &slug)?,
            series: row.required("series", Slug::parse)?,
            name: row.required_text(["name_en", "name_vi"], Some(TITLE_MAX))?,
            summary: row.text(["summary_en", "summary_vi"], Some(SUMMARY_MAX))?,
            starts_on: row.required("starts_on", parse_date)?,
            ends_on: row.required("ends_on", parse_date)?,
            city: row.required_text(["city_en", "city_vi"], None)?,
            country: row.required("country", CountryCode::parse)?,
            url: row.optional("url", WebUrl::parse)?,
            organisers: row.list("organisers", Slug::parse)?,
            themes: row.list("themes", ThemeId::parse)?,
            slug,
        };
        checked(event.validate())?;
        row.stamped(event)
    })
}

/// Writes `country_facts.csv`: the header, then one row per fact in the order given.
pub fn write_country_facts(facts: &[CountryFact]) -> Vec<u8> {
    write(
        &COUNTRY_FACT_COLUMNS,
        facts.iter().map(|f| {
            [
                f.country.to_string(),
                f.kind.as_str().to_owned(),
                en(Some(&f.title)),
                vi(Some(&f.title)),
                f.year.map(|y| y.to_string()).unwrap_or_default(),
                f.source_url.to_string(),
            ]
        }),
    )
}

/// Reads `country_facts.csv`; see [`COUNTRY_FACT_COLUMNS`].
pub fn read_country_facts(bytes: &[u8], file: &str) -> Result<Parsed<Vec<CountryFact>>, RowError> {
    let keys = |f: &CountryFact| vec![("kind", format!("{} {}", f.country, f.kind.as_str()))];
    read(bytes, file, &COUNTRY_FACT_COLUMNS, COUNTRY_FACT_REQUIRED, keys, |row| {
        Ok(CountryFact {
            country: row.required("country", CountryCode::parse)?,
            kind: row.required("kind", FromStr::from_str)?,
            title: row.required_text(["title_en", "title_vi"], None)?,
            year: row.optional("year", parse_year)?,
            source_url: row.required("source_url", WebUrl::parse)?,
        })
    })
}

/// A bad cell: its column, and why.
type Bad = (&'static str, Reason);

fn invalid(column: &'static str) -> impl FnOnce(ParseError) -> Bad {
    move |e| (column, Reason::Invalid(e))
}

/// Names the column of a rule the record's own check found broken.
fn checked(result: Result<(), Invalid>) -> Result<(), Bad> {
    result.map_err(|(field, e)| (if field == "joined" { "joined_on" } else { field }, Reason::Invalid(e)))
}

fn stamped_keys<T: HasKeys>(s: &Stamped<T>) -> Vec<(&'static str, String)> {
    vec![("slug", s.record.slug().to_string()), ("id", s.record.id().to_string())]
}

/// The records known by an id and a slug.
trait HasKeys {
    fn id(&self) -> Uuid;
    fn slug(&self) -> &Slug;
}

macro_rules! has_keys {
    ($($t:ty),*) => {$(
        impl HasKeys for $t {
            fn id(&self) -> Uuid {
                self.id
            }
            fn slug(&self) -> &Slug {
                &self.slug
            }
        }
    )*};
}
has_keys!(Actor, Project, Resource, Event);

/// One data row, its cells found by column name.
struct Row<'a> {
    /// The columns of the record type, to catch a misspelt name in this module.
    columns: &'a [&'static str],
    header: &'a HashMap<String, usize>,
    record: &'a StringRecord,
}

impl Row<'_> {
    /// The cell of a column, empty when the file has no such column.
    fn cell(&self, column: &'static str) -> &str {
        debug_assert!(self.columns.contains(&column), "{column} is not a documented column");
        self.header.get(column).and_then(|&i| self.record.get(i)).map_or("", unguard)
    }

    fn string(&self, column: &'static str) -> Option<String> {
        Some(self.cell(column).to_owned()).filter(|s| !s.is_empty())
    }

    fn optional<T>(
        &self,
        column: &'static str,
        parse: impl FnOnce(&str) -> Result<T, ParseError>,
    ) -> Result<Option<T>, Bad> {
        match self.cell(column) {
            "" => Ok(None),
            cell => parse(cell).map(Some).map_err(invalid(column)),
        }
    }

    fn required<T>(&self, column: &'static str, parse: impl FnOnce(&str) -> Result<T, ParseError>) -> Result<T, Bad> {
        self.optional(column, parse)?.ok_or((column, Reason::Invalid(ParseError::Empty)))
    }

    /// The `;`-separated values of a cell; a value given twice is an error.
    fn list<T: Eq + std::hash::Hash + Clone>(
        &self,
        column: &'static str,
        parse: impl Fn(&str) -> Result<T, ParseError>,
    ) -> Result<Vec<T>, Bad> {
        let (mut values, mut seen) = (Vec::new(), HashSet::new());
        for part in self.cell(column).split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let value = parse(part).map_err(invalid(column))?;
            if !seen.insert(value.clone()) {
                return Err((column, Reason::Invalid(ParseError::Duplicate)));
            }
            values.push(value);
        }
        Ok(values)
    }

    /// A text from its English and Vietnamese columns, each at most `max` characters.
    fn text(&self, columns: [&'static str; 2], max: Option<usize>) -> Result<Option<LocalizedText>, Bad> {
        let [en, vi] = columns.map(|c| self.string(c));
        if en.is_none() && vi.is_none() {
            return Ok(None);
        }
        if let Some(max) = max {
            let too_long = |text: &Option<String>| text.as_ref().is_some_and(|t| t.chars().count() > max);
            if let Some(column) = columns.into_iter().zip([&en, &vi]).find_map(|(c, t)| too_long(t).then_some(c)) {
                return Err((column, Reason::Invalid(ParseError::TooLong { max })));
            }
        }
        LocalizedText::new(en, vi).map(Some).map_err(invalid(columns[0]))
    }

    fn required_text(&self, columns: [&'static str; 2], max: Option<usize>) -> Result<LocalizedText, Bad> {
        self.text(columns, max)?.ok_or((columns[0], Reason::Invalid(ParseError::NoText)))
    }

    /// The record's id, or the stable one of its type and slug when the cell is empty.
    fn id(&self, entity: &str, slug: &Slug) -> Result<Uuid, Bad> {
        match self.cell("id") {
            "" => Ok(stable_id(entity, slug)),
            cell => Uuid::parse_str(cell).map_err(|e| ("id", Reason::Syntax(e.to_string()))),
        }
    }

    fn stamped<T>(&self, record: T) -> Result<Stamped<T>, Bad> {
        let stamp = |column| match self.cell(column) {
            "" => Ok(None),
            cell => timestamp(cell).map(Some).map_err(|reason| (column, reason)),
        };
        Ok(Stamped { record, created_at: stamp("created_at")?, updated_at: stamp("updated_at")? })
    }
}

/// Reads the rows of one file with `parse`, reporting bad rows and rows whose keys repeat an
/// earlier row's.
fn read<T>(
    bytes: &[u8],
    file: &str,
    columns: &[&'static str],
    required: &[&[&str]],
    keys: impl Fn(&T) -> Vec<(&'static str, String)>,
    parse: impl Fn(&Row) -> Result<T, Bad>,
) -> Result<Parsed<Vec<T>>, RowError> {
    let error = |line: u64, field: &str, reason: Reason| RowError {
        file: file.to_owned(),
        location: Location::Line(line),
        field: field.to_owned(),
        reason,
    };
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = ReaderBuilder::new().trim(Trim::All).from_reader(bytes);
    let header = reader.headers().map_err(|e| error(1, "", Reason::Syntax(e.to_string())))?.clone();
    let mut index = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        if index.insert(name.to_owned(), i).is_some() {
            return Err(error(1, name, Reason::Invalid(ParseError::Duplicate)));
        }
    }
    if let Some(missing) = required.iter().find(|any| !any.iter().any(|c| index.contains_key(*c))) {
        let what = format!("the header has no column {}", missing.join(" or "));
        return Err(error(1, missing[0], Reason::Syntax(what)));
    }

    // The reader's own line numbers run one short in files with CRLF line ends, so lines are
    // counted here from the bytes.
    let mut lines = Lines::new(bytes);
    let mut line_of = |position: Option<&::csv::Position>| {
        // With CRLF, a record's position can be the line feed that ends the line before it; a
        // record never starts with a line end, so any there are skipped.
        position.map_or(0, |p| {
            let start = usize::try_from(p.byte()).unwrap_or(usize::MAX).min(bytes.len());
            let ends = bytes[start..].iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
            lines.at((start + ends) as u64)
        })
    };
    let mut seen = HashSet::new();
    let mut parsed = Parsed { records: Vec::new(), errors: Vec::new(), warnings: Vec::new() };
    for result in reader.records() {
        let record = match result {
            Ok(record) => record,
            Err(e) => {
                let line = line_of(e.position());
                parsed.errors.push(error(line, "", Reason::Syntax(e.to_string())));
                continue;
            }
        };
        let line = line_of(record.position());
        let row = Row { columns, header: &index, record: &record };
        let read = parse(&row).and_then(|r| match keys(&r).into_iter().find(|key| seen.contains(key)) {
            Some((field, _)) => Err((field, Reason::Invalid(ParseError::Duplicate))),
            None => Ok(r),
        });
        match read {
            Ok(r) => {
                seen.extend(keys(&r));
                parsed.records.push(r);
            }
            Err((field, reason)) => parsed.errors.push(error(line, field, reason)),
        }
    }
    Ok(parsed)
}

fn write<const N: usize>(columns: &[&str; N], rows: impl Iterator<Item = [String; N]>) -> Vec<u8> {
    const IN_MEMORY: &str = "writing CSV to memory cannot fail";
    let mut writer = WriterBuilder::new().terminator(Terminator::CRLF).from_writer(Vec::new());
    writer.write_record(columns).expect(IN_MEMORY);
    for row in rows {
        writer.write_record(row.iter().map(|cell| guard(cell).into_owned())).expect(IN_MEMORY);
    }
    writer.into_inner().expect(IN_MEMORY)
}

/// The characters that make a spreadsheet read a cell as a formula when it starts with one (as
/// OWASP lists them for CSV injection).
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell read from a file starts with the quote [`guard`] puts before a cell.
fn guarded(cell: &str) -> bool {
    cell.strip_prefix('\'').is_some_and(|rest| rest.starts_with(FORMULA) || rest.starts_with('\''))
}

/// A cell as written: one that a spreadsheet would take for a formula (`=HYPERLINK(…)`, `@SUM`,
/// `-2+3`) gets a single quote before it, which spreadsheets show as text. So does one that
/// starts with such a quote already, so that [`unguard`] gives back every cell as it was.
fn guard(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA) || guarded(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A cell as read: without the quote [`guard`] adds.
fn unguard(cell: &str) -> &str {
    if guarded(cell) {
        &cell[1..]
    } else {
        cell
    }
}

fn en(text: Option<&LocalizedText>) -> String {
    optional(text.and_then(LocalizedText::en))
}

fn vi(text: Option<&LocalizedText>) -> String {
    optional(text.and_then(LocalizedText::vi))
}

fn optional(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

fn stamp(at: Option<Timestamp>) -> String {
    at.map(|t| t.to_string()).unwrap_or_default()
}

fn date(date: Option<Date>) -> String {
    date.map(format_date).unwrap_or_default()
}

fn list<T, S: AsRef<str>>(items: impl IntoIterator<Item = T>, show: impl Fn(T) -> S) -> String {
    items.into_iter().map(|i| show(i).as_ref().to_owned()).collect::<Vec<_>>().join(";")
}

fn actors(contributions: &[Contribution], role: Role) -> String {
    list(contributions.iter().filter(|c| c.role == role), |c| c.actor.as_str())
}

fn link(link: &Link) -> String {
    let url = link.url.as_str().replace(';', "%3B").replace('|', "%7C");
    match &link.label {
        Some(label) => format!("{url}|{}", label.replace([';', '|'], "")),
        None => url,
    }
}

fn parse_link(cell: &str) -> Result<Link, ParseError> {
    let (url, label) = cell.split_once('|').unwrap_or((cell, ""));
    let label = Some(label.trim().to_owned()).filter(|l| !l.is_empty());
    Ok(Link { url: WebUrl::parse(url)?, label })
}

fn parse_bool(cell: &str) -> Result<bool, ParseError> {
    match cell {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(ParseError::Bool),
    }
}

fn parse_year(cell: &str) -> Result<i32, ParseError> {
    let (min, max) = YEARS;
    cell.parse::<u32>()
        .ok()
        .filter(|y| (min..=max).contains(y))
        .and_then(|y| i32::try_from(y).ok())
        .ok_or(ParseError::OutOfRange { min, max })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::json::tests::{dataset, project};
    use crate::ProjectStatus;

    fn located(errors: &[RowError]) -> Vec<(String, &str, String)> {
        errors.iter().map(|e| (e.location.to_string(), e.field.as_str(), e.reason.to_string())).collect()
    }

    #[test]
    fn every_type_round_trips() {
        let data = dataset();
        let actors = read_actors(&write_actors(&data.actors), "actors.csv").unwrap();
        assert_eq!((actors.records, actors.errors), (data.actors, vec![]));
        let projects = read_projects(&write_projects(&data.projects), "projects.csv").unwrap();
        assert_eq!((projects.records, projects.errors), (data.projects, vec![]));
        let resources = read_resources(&write_resources(&data.resources), "resources.csv").unwrap();
        assert_eq!((resources.records, resources.errors), (data.resources, vec![]));
        let events = read_events(&write_events(&data.events), "events.csv").unwrap();
        assert_eq!((events.records, events.errors), (data.events, vec![]));
        let facts = read_country_facts(&write_country_facts(&data.country_facts), "country_facts.csv").unwrap();
        assert_eq!((facts.records, facts.errors), (data.country_facts, vec![]));
    }

    #[test]
    fn cells_follow_the_conventions() {
        let mut p = project("vn-cert");
        p.description = None;
        p.links[0].label = Some("Report; part 1|2".into());
        let bytes = write_projects(&[Stamped::new(p)]);
        let text = String::from_utf8(bytes).unwrap();
        let mut lines = text.split("\r\n");
        assert_eq!(lines.next().unwrap(), PROJECT_COLUMNS.join(","));
        assert_eq!(
            lines.next().unwrap(),
            "42cd0e51-b547-5439-934e-ebda67fa813b,vn-cert,CERT development in Viet Nam,Phát triển CERT tại Việt Nam,\
             Training incident handlers.,,,,ongoing,2022-03-01,2024-02-29,netherlands,vncert,,VN,,cert-cooperation,\
             incident response;ứng cứu sự cố,250000.5,EUR,vi,https://example.org/report|Report part 12;https://example.org/a?b=c,\
             XM-EXAMPLE-1,,,"
        );
        assert_eq!(lines.collect::<Vec<_>>(), [""]);
        assert_eq!(write_events(&[]), (EVENT_COLUMNS.join(",") + "\r\n").into_bytes(), "the header is always written");
    }

    #[test]
    fn a_bad_row_is_reported_with_its_line_and_column() {
        let csv = "\u{feff}slug,title_en,title_vi,status,countries,funders,an_unknown_column\n\
                   cert-vn,CERT Viet Nam,CERT Việt Nam,ongoing,VN,netherlands,x\n\
                   bad-country,Bad,,planned,VN;XX,,\n\
                   \"two-lines\",\"Two\nlines\",,completed, kh ; la ,,\n\
                   cert-vn,Again,,planned,,,\n\
                   no-title,,,planned,,,\n\
                   short,row\n";
        let parsed = read_projects(csv.as_bytes(), "projects.csv").unwrap();
        let errors = located(&parsed.errors);
        assert_eq!(errors[0], ("line 3".into(), "countries", "is not an ISO 3166-1 alpha-2 country code".into()));
        assert_eq!(parsed.errors[0].reason, Reason::Invalid(ParseError::UnknownCountry));
        assert_eq!(errors[1], ("line 6".into(), "slug", "is given more than once".into()));
        assert_eq!(errors[2], ("line 7".into(), "title_en", ParseError::NoText.to_string()));
        assert_eq!((errors[3].0.as_str(), errors[3].1), ("line 8", ""));
        assert_eq!(errors.len(), 4);
        let slugs: Vec<&str> = parsed.records.iter().map(|p| p.record.slug.as_str()).collect();
        assert_eq!(slugs, ["cert-vn", "two-lines"]);
        let two = &parsed.records[1].record;
        assert_eq!(two.id, stable_id("project", &two.slug), "an empty id is derived from the slug");
        assert_eq!(two.title.en(), Some("Two\nlines"));
        assert_eq!(two.status, ProjectStatus::Completed);
        let countries: Vec<&str> = two.countries.iter().map(CountryCode::as_str).collect();
        assert_eq!(countries, ["KH", "LA"]);
        assert_eq!(parsed.records[0].record.participants[0].role, Role::Funder);
    }

    #[test]
    fn cells_go_through_the_domain_rules() {
        let csv = "slug,title_en,status,starts_on,ends_on,budget_amount,budget_currency,themes,id,created_at\n\
                   a,A,ongoing,2024-01-01,2023-01-01,,,,,\n\
                   b,B,ongoing,,,1500,,,,\n\
                   c,C,ongoing,,,,,no-such-theme,,\n\
                   d,D,someday,,,,,,,\n\
                   e,E,ongoing,,,,,,not-a-uuid,\n\
                   f,F,ongoing,,,,,,,2024-01-01 10:00\n\
                   g,G,ongoing,,,\"1,500\",VND,,,\n\
                   h,H,ongoing,,,,,,,2024-01-01T10:00:00Z\n";
        let parsed = read_projects(csv.as_bytes(), "projects.csv").unwrap();
        let fields: Vec<(&Location, &str)> = parsed.errors.iter().map(|e| (&e.location, e.field.as_str())).collect();
        let expected = ["ends_on", "budget_currency", "themes", "status", "id", "created_at", "budget_amount"];
        let lines: Vec<Location> = (2..).take(expected.len()).map(Location::Line).collect();
        assert_eq!(fields, lines.iter().zip(expected).collect::<Vec<_>>());
        assert_eq!(parsed.records.len(), 1);
        assert_eq!(parsed.records[0].created_at.map(|t| t.to_string()).as_deref(), Some("2024-01-01T10:00:00.000000Z"));

        let csv = "slug,kind,name_vi,joined_on,founding\n\
                   bo-cong-an,government,Bộ Công an,2020-01-01,\n\
                   x,company,X,,true\n\
                   y,company,Y,2016-05-01,yes\n\
                   z,company,Z,2016-05-01,\n";
        let parsed = read_actors(csv.as_bytes(), "actors.csv").unwrap();
        let fields: Vec<&str> = parsed.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["joined_on", "founding", "founding"]);
        assert_eq!(parsed.errors[2].reason, Reason::Invalid(ParseError::Bool));
        let z = &parsed.records[0].record;
        assert_eq!((z.name.vi(), z.joined.map(|j| j.founding)), (Some("Z"), Some(false)));

        let csv = "country,kind,title_en,year,source_url\nVN,cert,VNCERT,20188,https://vncert.vn\n";
        let parsed = read_country_facts(csv.as_bytes(), "country_facts.csv").unwrap();
        assert_eq!(parsed.errors[0].reason, Reason::Invalid(ParseError::OutOfRange { min: 1000, max: 9999 }));
    }

    #[test]
    fn a_header_without_a_required_column_refuses_the_file() {
        let error = read_projects(b"slug,title_en\ncert-vn,CERT\n", "projects.csv").unwrap_err();
        assert_eq!(located(&[error]), [("line 1".into(), "status", "the header has no column status".into())]);
        let error = read_events(b"slug,series,starts_on,ends_on,country,name_en\n", "events.csv").unwrap_err();
        assert_eq!(error.reason.to_string(), "the header has no column city_en or city_vi");
        let error = read_actors(b"slug,kind,name_en,slug\n", "actors.csv").unwrap_err();
        assert_eq!((error.field.as_str(), &error.reason), ("slug", &Reason::Invalid(ParseError::Duplicate)));
        assert_eq!(read_country_facts(b"", "empty.csv").unwrap_err().field, "country");
    }

    #[test]
    fn lines_are_counted_alike_with_crlf_and_lf() {
        let rows =
            ["slug,title_en,status", "a,A,ongoing", "\"b\",\"B,\nsecond line\",ongoing", "c,C,someday", "d", "e,E,x"];
        for end in ["\n", "\r\n"] {
            let csv = rows.join(end).replace('\n', end).replace("\r\r", "\r") + end;
            let parsed = read_projects(csv.as_bytes(), "projects.csv").unwrap();
            let lines: Vec<String> = parsed.errors.iter().map(|e| e.location.to_string()).collect();
            assert_eq!(lines, ["line 5", "line 6", "line 7"], "line ends {end:?}");
        }
    }

    #[test]
    fn formulas_are_written_as_text_and_read_back_as_written() {
        let mut p = project("vn-cert");
        let formulas = [
            "=HYPERLINK(\"https://evil.example\",\"click\")",
            "=cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "+84 24 3943 0000",
            "-2+3",
            "'=already quoted",
            "''",
            "'plain",
        ];
        p.tags = formulas.iter().map(|f| Tag::parse(f).unwrap()).collect();
        p.title = LocalizedText::new(Some("=1+1".into()), Some("\t@vi".into())).unwrap();
        p.summary = Some(LocalizedText::new(Some("- a Markdown list".into()), None).unwrap());
        let bytes = write_projects(&[Stamped::new(p.clone())]);
        let text = String::from_utf8(bytes.clone()).unwrap();
        let row = text.split("\r\n").nth(1).unwrap();
        assert!(row.contains(",'=1+1,'@vi,'- a Markdown list,"), "{row}");
        assert!(row.contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\");=cmd|"), "{row}");
        let read = read_projects(&bytes, "projects.csv").unwrap();
        assert_eq!(read.errors, []);
        assert_eq!(read.records[0].record, p);
        assert_eq!(read.records[0].record.tags[0].as_str(), formulas[0]);

        for (cell, guarded) in [("=x", "'=x"), ("'=x", "''=x"), ("'x", "'x"), ("x=", "x="), ("", ""), ("\r", "'\r")] {
            assert_eq!(guard(cell), guarded);
            assert_eq!(unguard(&guard(cell)), cell);
        }
    }
}
