//! What the API answers with: every record and list as its JSON document describes it, with the
//! schemas the OpenAPI document publishes. Records are built from the core types here, so that
//! the handlers only fetch.

use std::collections::{BTreeMap, HashMap};

use gfce_core::{
    format_date,
    overlap::Overlap,
    reference::{Country, Region},
    Actor, ActorKind, Contribution, CountryFact, Event, FactKind, LocalizedText, Membership, Page, Percentage, Project,
    ProjectStatus, RegionLevel, Resource, ResourceKind, ResourceType, Role, Shares, Slug, Theme, ThemeFamily,
    Timestamp,
};
use serde::Serialize;
use utoipa::ToSchema;

/// A text in English, Vietnamese and other languages: `en` and `vi` are always there, null when
/// the text is not in that language; texts in other languages follow, keyed by their BCP 47 tag
/// (`"fr": "…"`, `"pt-BR": "…"`). At least one is not null.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct Text {
    pub en: Option<String>,
    pub vi: Option<String>,
    /// Texts in other languages by BCP 47 tag, in the order of the tags.
    #[serde(flatten, serialize_with = "in_order")]
    #[schema(value_type = HashMap<String, String>)]
    pub others: Vec<(String, String)>,
}

/// The other languages of a [`Text`] as members of its object, in their order.
fn in_order<S: serde::Serializer>(others: &[(String, String)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(others.iter().map(|(tag, text)| (tag, text)))
}

impl From<&LocalizedText> for Text {
    fn from(t: &LocalizedText) -> Self {
        Text {
            en: t.en().map(str::to_owned),
            vi: t.vi().map(str::to_owned),
            others: t.others().iter().map(|(tag, text)| (tag.to_string(), text.clone())).collect(),
        }
    }
}

/// Where a record's page is, in each language (paths on this server).
#[derive(Debug, Serialize, ToSchema)]
pub struct HtmlLinks {
    pub en: String,
    pub vi: String,
}

impl HtmlLinks {
    pub fn new(section: &str, slug: &Slug) -> Self {
        HtmlLinks { en: format!("/en/{section}/{slug}"), vi: format!("/vi/{section}/{slug}") }
    }
}

/// An organisation: a member or partner of the GFCE, or another actor (an implementer, a
/// university, a national CERT) with `membership` null.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActorItem {
    /// Stable UUID, the same on every instance.
    #[schema(value_type = super::schema::Uuid)]
    pub id: String,
    pub slug: String,
    pub kind: ActorKind,
    /// Null for an actor that has not joined the GFCE.
    pub membership: Option<Membership>,
    pub name: Text,
    pub short_name: Option<String>,
    /// ISO 3166-1 alpha-2: the country itself, or an organisation's seat where known.
    pub country: Option<String>,
    /// One of the 42 founding members of the Hague Declaration (16 April 2015).
    pub founding: bool,
    /// `YYYY-MM-DD`; null for an actor that has not joined.
    #[schema(format = Date)]
    pub joined_on: Option<String>,
    /// The organisation identifier used in IATI data.
    pub iati_ref: Option<String>,
    pub website: Option<String>,
    /// The name exactly as the source document lists it.
    pub listed_as: Option<String>,
    /// Theme ids.
    pub themes: Vec<String>,
    pub html: HtmlLinks,
}

impl From<&Actor> for ActorItem {
    fn from(m: &Actor) -> Self {
        ActorItem {
            id: m.id.to_string(),
            slug: m.slug.to_string(),
            kind: m.kind,
            membership: m.membership(),
            name: (&m.name).into(),
            short_name: m.short_name.clone(),
            country: m.country.map(String::from),
            founding: m.joined.is_some_and(|j| j.founding),
            joined_on: m.joined.map(|j| format_date(j.joined_on)),
            iati_ref: m.iati_ref.clone(),
            website: m.website.as_ref().map(ToString::to_string),
            listed_as: m.listed_as.clone(),
            themes: m.themes.iter().map(ToString::to_string).collect(),
            html: HtmlLinks::new(if m.joined.is_some() { "members" } else { "actors" }, &m.slug),
        }
    }
}

/// An event, such as one Global Conference on CyberSpace.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventItem {
    #[schema(value_type = super::schema::Uuid)]
    pub id: String,
    pub slug: String,
    /// The series id, e.g. `gccs`.
    pub series: String,
    pub name: Text,
    pub summary: Option<Text>,
    /// `YYYY-MM-DD`.
    #[schema(format = Date)]
    pub starts_on: String,
    /// `YYYY-MM-DD`.
    #[schema(format = Date)]
    pub ends_on: String,
    pub city: Text,
    /// ISO 3166-1 alpha-2 of the host country.
    pub country: String,
    pub url: Option<String>,
    /// Slugs of the organising actors.
    pub organisers: Vec<String>,
    /// Theme ids.
    pub themes: Vec<String>,
    pub html: HtmlLinks,
}

impl From<&Event> for EventItem {
    fn from(e: &Event) -> Self {
        EventItem {
            id: e.id.to_string(),
            slug: e.slug.to_string(),
            series: e.series.to_string(),
            name: (&e.name).into(),
            summary: e.summary.as_ref().map(Text::from),
            starts_on: format_date(e.starts_on),
            ends_on: format_date(e.ends_on),
            city: (&e.city).into(),
            country: e.country.to_string(),
            url: e.url.as_ref().map(ToString::to_string),
            organisers: e.organisers.iter().map(ToString::to_string).collect(),
            themes: e.themes.iter().map(ToString::to_string).collect(),
            html: HtmlLinks::new("events", &e.slug),
        }
    }
}

/// An ISO 3166-1 country and where UN M49 places it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryItem {
    /// Alpha-2 code.
    pub code: String,
    pub alpha3: String,
    /// Numeric code, three digits.
    pub numeric: String,
    pub name: Text,
    /// M49 region, e.g. `142` (Asia).
    pub region: Option<String>,
    /// M49 sub-region, e.g. `035` (South-eastern Asia).
    pub sub_region: Option<String>,
    /// M49 intermediate region, e.g. `014` (Eastern Africa).
    pub intermediate_region: Option<String>,
}

impl From<&Country> for CountryItem {
    fn from(c: &Country) -> Self {
        CountryItem {
            code: c.code.to_string(),
            alpha3: c.alpha3.clone(),
            numeric: c.numeric.clone(),
            name: (&c.name).into(),
            region: c.region.map(String::from),
            sub_region: c.sub_region.map(String::from),
            intermediate_region: c.intermediate_region.map(String::from),
        }
    }
}

/// A UN M49 region, sub-region or intermediate region.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegionItem {
    pub code: String,
    pub parent: Option<String>,
    pub level: RegionLevel,
    pub name: Text,
}

impl From<&Region> for RegionItem {
    fn from(r: &Region) -> Self {
        RegionItem {
            code: r.code.to_string(),
            parent: r.parent.map(String::from),
            level: r.level,
            name: (&r.name).into(),
        }
    }
}

/// A theme of the taxonomy.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeItem {
    pub id: String,
    /// `hague-2015`: the areas the founding documents name; `delhi-2017`: GFCE's working-group themes.
    pub family: ThemeFamily,
    pub name: Text,
    pub description: Text,
    /// Themes of the other family this one overlaps.
    pub related: Vec<String>,
}

impl From<&Theme> for ThemeItem {
    fn from(t: &Theme) -> Self {
        ThemeItem {
            id: t.id.to_string(),
            family: t.family,
            name: (&t.name).into(),
            description: (&t.description).into(),
            related: t.related.iter().map(ToString::to_string).collect(),
        }
    }
}

/// A page of a list as the API answers it: the items and where they are in the whole list.
macro_rules! list_type {
    ($name:ident, $item:ty, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Serialize, ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// How many items match, over all pages.
            pub total: u64,
            pub page: u32,
            pub per_page: u32,
        }

        impl $name {
            pub fn from_page<T>(page: &Page<T>, item: impl Fn(&T) -> $item) -> Self {
                $name {
                    items: page.items.iter().map(item).collect(),
                    total: page.total,
                    page: page.request.page(),
                    per_page: page.request.per_page(),
                }
            }
        }
    };
}

pub(crate) use list_type;

list_type!(ActorList, ActorItem, "One page of actors.");
list_type!(ProjectList, ProjectItem, "One page of projects.");
list_type!(ResourceList, ResourceItem, "One page of tools or publications.");
list_type!(EventList, EventItem, "One page of events.");
list_type!(CountryList, CountryItem, "One page of countries.");
list_type!(RegionList, RegionItem, "One page of regions.");
list_type!(ThemeList, ThemeItem, "One page of themes.");

/// An actor's part in a record, with its name.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContributionItem {
    /// The actor's slug.
    pub actor: String,
    pub role: Role,
    /// Null if the actor could not be found (it was removed).
    pub name: Option<Text>,
}

/// A budget: an exact decimal amount and its ISO 4217 currency.
#[derive(Debug, Serialize, ToSchema)]
pub struct MoneyItem {
    /// Decimal, without thousands separators: `1500000`, `2500.5`.
    pub amount: String,
    pub currency: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkItem {
    pub url: String,
    pub label: Option<String>,
}

/// A capacity-building project or initiative.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectItem {
    #[schema(value_type = super::schema::Uuid)]
    pub id: String,
    pub slug: String,
    pub title: Text,
    pub summary: Option<Text>,
    /// Markdown.
    pub description: Option<Text>,
    pub status: ProjectStatus,
    /// `YYYY-MM-DD`.
    #[schema(format = Date)]
    pub starts_on: Option<String>,
    /// `YYYY-MM-DD`.
    #[schema(format = Date)]
    pub ends_on: Option<String>,
    /// Funders, implementers and partners, in order.
    pub participants: Vec<ContributionItem>,
    /// ISO 3166-1 alpha-2 codes of the countries that benefit.
    pub countries: Vec<String>,
    /// UN M49 codes of the regions that benefit as a whole.
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    pub tags: Vec<String>,
    pub shares: SharesItem,
    pub budget: Option<MoneyItem>,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    pub links: Vec<LinkItem>,
    pub iati_identifier: Option<String>,
    pub source_url: Option<String>,
    pub html: HtmlLinks,
}

/// The share of a project some of its countries, regions and tags (sectors, in IATI data) stand
/// for, in per cent from 0 to 100 with at most two decimals, where the source gives one. Each is
/// empty when none is known.
#[derive(Debug, Serialize, ToSchema)]
pub struct SharesItem {
    /// By ISO 3166-1 alpha-2 code: `{"VN": 60, "KH": 40}`.
    pub countries: BTreeMap<String, f64>,
    /// By UN M49 code.
    pub regions: BTreeMap<String, f64>,
    /// By tag.
    pub tags: BTreeMap<String, f64>,
}

impl From<&Shares> for SharesItem {
    fn from(s: &Shares) -> Self {
        fn of<K>(shares: &BTreeMap<K, Percentage>, key: impl Fn(&K) -> String) -> BTreeMap<String, f64> {
            shares.iter().map(|(k, p)| (key(k), f64::from(p.hundredths()) / 100.0)).collect()
        }
        SharesItem {
            countries: of(&s.countries, ToString::to_string),
            regions: of(&s.regions, ToString::to_string),
            tags: of(&s.tags, |t| t.as_str().to_owned()),
        }
    }
}

/// The actors records name, by slug, for the names their items carry.
pub type Names = HashMap<Slug, Actor>;

fn contributions(list: &[Contribution], names: &Names) -> Vec<ContributionItem> {
    list.iter()
        .map(|c| ContributionItem {
            actor: c.actor.to_string(),
            role: c.role,
            name: names.get(&c.actor).map(|a| Text::from(&a.name)),
        })
        .collect()
}

pub fn strings<T: ToString>(items: &[T]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}

impl ProjectItem {
    pub fn new(p: &Project, names: &Names) -> Self {
        ProjectItem {
            id: p.id.to_string(),
            slug: p.slug.to_string(),
            title: (&p.title).into(),
            summary: p.summary.as_ref().map(Text::from),
            description: p.description.as_ref().map(Text::from),
            status: p.status,
            starts_on: p.starts_on.map(format_date),
            ends_on: p.ends_on.map(format_date),
            participants: contributions(&p.participants, names),
            countries: strings(&p.countries),
            regions: strings(&p.regions),
            themes: strings(&p.themes),
            tags: p.tags.iter().map(|t| t.as_str().to_owned()).collect(),
            shares: (&p.shares).into(),
            budget: p
                .budget
                .as_ref()
                .map(|b| MoneyItem { amount: b.amount.as_str().to_owned(), currency: b.currency.to_string() }),
            languages: strings(&p.languages),
            links: p.links.iter().map(|l| LinkItem { url: l.url.to_string(), label: l.label.clone() }).collect(),
            iati_identifier: p.iati_identifier.clone(),
            source_url: p.source_url.as_ref().map(ToString::to_string),
            html: HtmlLinks::new("projects", &p.slug),
        }
    }
}

/// Why a project possibly overlaps with another.
#[derive(Debug, Serialize, ToSchema)]
pub struct OverlapReasons {
    /// Beneficiary countries both name.
    pub countries: Vec<String>,
    /// Regions one names that the other names or lies in.
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    /// The common period, `YYYY-MM-DD` each; null when a date is unknown.
    pub period: Option<[String; 2]>,
    /// 0 to 1: how alike the titles and summaries are.
    pub text_similarity: f64,
}

/// A project that possibly duplicates the effort of the one asked for.
#[derive(Debug, Serialize, ToSchema)]
pub struct OverlapItem {
    pub slug: String,
    pub title: Text,
    /// 0 to 1.
    pub score: f64,
    pub reasons: OverlapReasons,
    pub html: HtmlLinks,
}

impl OverlapItem {
    pub fn new(p: &Project, o: &Overlap) -> Self {
        OverlapItem {
            slug: p.slug.to_string(),
            title: (&p.title).into(),
            score: o.score,
            reasons: OverlapReasons {
                countries: strings(&o.reasons.countries),
                regions: strings(&o.reasons.regions),
                themes: strings(&o.reasons.themes),
                period: o.reasons.period.map(|(a, b)| [format_date(a), format_date(b)]),
                text_similarity: o.reasons.text_similarity,
            },
            html: HtmlLinks::new("projects", &p.slug),
        }
    }
}

/// A project with the projects that possibly overlap with it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectDetail {
    #[serde(flatten)]
    pub project: ProjectItem,
    /// Last change, RFC 3339 in UTC.
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
    /// Projects with a shared beneficiary place, a shared theme and an overlapping period, the most
    /// alike first.
    pub possibly_overlapping: Vec<OverlapItem>,
}

/// A tool or a publication.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResourceItem {
    #[schema(value_type = super::schema::Uuid)]
    pub id: String,
    pub slug: String,
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
    pub kind: ResourceKind,
    pub title: Text,
    pub summary: Option<Text>,
    /// `YYYY-MM-DD`.
    #[schema(format = Date)]
    pub published_on: Option<String>,
    pub url: Option<String>,
    /// Authors and publishers.
    pub contributors: Vec<ContributionItem>,
    pub themes: Vec<String>,
    pub regions: Vec<String>,
    pub languages: Vec<String>,
    pub source_url: Option<String>,
    pub html: HtmlLinks,
}

impl ResourceItem {
    pub fn new(r: &Resource, names: &Names) -> Self {
        ResourceItem {
            id: r.id.to_string(),
            slug: r.slug.to_string(),
            resource_type: r.resource_type,
            kind: r.kind,
            title: (&r.title).into(),
            summary: r.summary.as_ref().map(Text::from),
            published_on: r.published_on.map(format_date),
            url: r.url.as_ref().map(ToString::to_string),
            contributors: contributions(&r.contributors, names),
            themes: strings(&r.themes),
            regions: strings(&r.regions),
            languages: strings(&r.languages),
            source_url: r.source_url.as_ref().map(ToString::to_string),
            html: HtmlLinks::new(gfce_core::ContentType::from(r.resource_type).section(), &r.slug),
        }
    }
}

/// A key fact about a country, with its source.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactItem {
    pub kind: FactKind,
    pub title: Text,
    pub year: Option<i32>,
    pub source_url: String,
}

impl From<&CountryFact> for FactItem {
    fn from(f: &CountryFact) -> Self {
        FactItem { kind: f.kind, title: (&f.title).into(), year: f.year, source_url: f.source_url.to_string() }
    }
}

/// The first page of a longer list, and how long the list is.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectSample {
    pub total: u64,
    pub items: Vec<ProjectItem>,
    /// The API query that lists them all.
    pub all: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResourceSample {
    pub total: u64,
    pub items: Vec<ResourceItem>,
}

/// Everything the platform knows about one country.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryProfile {
    pub country: CountryItem,
    /// ISO 639-1 codes of its official or main languages.
    pub languages: Vec<String>,
    /// National strategy, CERT, data-protection and cybercrime laws, with sources.
    pub facts: Vec<FactItem>,
    /// Members, partners and other actors based there.
    pub actors: Vec<ActorItem>,
    /// Projects that benefit it (directly or through a region).
    pub benefiting: ProjectSample,
    /// Projects the country itself funds, implements or takes part in, as a member.
    pub involved: ProjectSample,
    /// Tools and publications in its languages.
    pub resources_in_its_languages: ResourceSample,
    /// Events it hosted.
    pub events: Vec<EventItem>,
}

#[cfg(test)]
mod tests {
    use gfce_core::LanguageTag;

    use super::*;

    #[test]
    fn texts_in_other_languages_follow_english_and_vietnamese_and_the_schema_allows_them() {
        let texts = [("vi", "An ninh mạng"), ("sv", "Cybersäkerhet"), ("fr", "Cybersécurité")];
        let text =
            LocalizedText::from_texts(texts.map(|(l, t)| (LanguageTag::parse(l).unwrap(), t.to_owned()))).unwrap();
        let json = serde_json::to_string(&Text::from(&text)).unwrap();
        assert_eq!(json, r#"{"en":null,"vi":"An ninh mạng","fr":"Cybersécurité","sv":"Cybersäkerhet"}"#);
        assert_eq!(json, serde_json::to_string(&text).unwrap(), "the API writes a text as the dataset does");

        let document = serde_json::to_value(super::super::document()).unwrap();
        let schema = &document["components"]["schemas"]["Text"];
        assert_eq!(schema["additionalProperties"]["type"], "string", "{schema:#}");
        assert_eq!(schema["properties"]["en"]["type"], serde_json::json!(["string", "null"]));
    }
}
