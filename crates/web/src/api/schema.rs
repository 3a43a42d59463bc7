//! The records the write API takes and a revision shows, as its OpenAPI document describes them:
//! one schema per kind (project, tool or publication, event), the JSON record shape
//! `gfce_core::exchange::json` reads and `/api/v1/export.json` writes; the `id` is the server's.
//!
//! The types here only describe: no value of them is ever made, and a body is read by the core's
//! reader, the one judge of what is accepted. They are written apart from the core's record types
//! so that the document can say what those types check only when parsing — the slug's pattern, the
//! lengths, the codes of the shipped lists, the amount's digits — and so that the core owes
//! nothing to the document. The limits and lists come from the core, so they move with it; a test
//! compares the properties with what the export writes.

use gfce_core::{curation::ReturnComment, reference, ProjectStatus, ResourceKind, ResourceType, Role};
use utoipa::{
    openapi::{
        schema::{
            AnyOfBuilder, Array, ArrayBuilder, Object, ObjectBuilder, OneOfBuilder, SchemaFormat, SchemaType, Type,
        },
        Ref, RefOr, Schema,
    },
    PartialSchema, ToSchema,
};

/// A doc comment's lines as one paragraph, for a schema's description.
fn paragraph(lines: &[&str]) -> String {
    lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
}

/// A schema written by hand, with the type's doc comment as its description.
macro_rules! described {
    ($(#[doc = $doc:literal])+ $name:ident => |$description:ident| $schema:expr) => {
        $(#[doc = $doc])+
        pub struct $name;

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                let $description = paragraph(&[$($doc),+]);
                $schema.into()
            }
        }

        impl ToSchema for $name {}
    };
}

fn string(description: String) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).description(Some(description))
}

fn one_of_codes(description: String, codes: impl IntoIterator<Item = String>) -> ObjectBuilder {
    string(description).enum_values(Some(codes))
}

described! {
    /// The record's readable identifier in addresses: lower-case ASCII letters and digits in
    /// groups joined by single hyphens (`viet-nam`).
    Slug => |d| string(d)
        .pattern(Some("^[a-z0-9]+(-[a-z0-9]+)*$"))
        .max_length(Some(gfce_core::Slug::MAX_LEN))
}

described! {
    /// An ISO 3166-1 alpha-2 country code, as `/api/v1/countries` lists them.
    CountryCode => |d| one_of_codes(d, reference::shipped().countries.iter().map(|c| c.code.to_string()))
}

described! {
    /// A UN M49 region, sub-region or intermediate region code of three digits, as
    /// `/api/v1/regions` lists them.
    RegionCode => |d| one_of_codes(d, reference::shipped().regions.iter().map(|r| String::from(r.code)))
}

described! {
    /// An ISO 639-1 language code.
    LanguageCode => |d| one_of_codes(d, reference::shipped().languages.iter().map(|l| l.code.to_string()))
}

described! {
    /// An active ISO 4217 currency code.
    CurrencyCode => |d| one_of_codes(d, reference::shipped().currencies.iter().map(|c| c.code.to_string()))
}

described! {
    /// An event series, e.g. `gccs` (the Global Conference on CyberSpace).
    SeriesId => |d| one_of_codes(d, reference::shipped().series.iter().map(|s| s.id.to_string()))
}

described! {
    /// A theme id, as `/api/v1/themes` lists them.
    ThemeId => |d| one_of_codes(d, reference::shipped().themes.iter().map(|t| t.id.to_string()))
}

described! {
    /// A free tag: 1 to 100 characters once its spaces are tidied, no control characters.
    Tag => |d| string(d)
        .min_length(Some(1))
        .max_length(Some(gfce_core::Tag::MAX_LEN))
        .pattern(Some(r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"))
}

described! {
    /// An absolute `http` or `https` address.
    WebUrl => |d| string(d)
        .format(Some(SchemaFormat::Custom("uri".into())))
        .pattern(Some("^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]"))
        .max_length(Some(gfce_core::WebUrl::MAX_LEN))
}

described! {
    /// A calendar date, `YYYY-MM-DD`.
    Date => |d| string(d).format(Some(SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Date)))
}

described! {
    /// A non-negative decimal amount written as a string, kept exactly: up to 15 digits before
    /// the point and 18 after, no thousands separators (`1500000`, `2500.5`).
    Amount => |d| string(d)
        .pattern(Some(format!(
            r"^[0-9]{{1,{}}}(\.[0-9]{{1,{}}})?$",
            gfce_core::Amount::MAX_WHOLE_DIGITS,
            gfce_core::Amount::MAX_DECIMALS
        )))
        .examples(["250000"])
}

/// A text in English and Vietnamese: `{"en": …, "vi": …}`, at least one of them present and not
/// blank, each at most `max` characters.
fn localized(description: String, max: Option<usize>) -> AnyOfBuilder {
    let text = |nullable: bool| {
        let kind =
            if nullable { SchemaType::from_iter([Type::String, Type::Null]) } else { SchemaType::new(Type::String) };
        let text = ObjectBuilder::new().schema_type(kind).max_length(max);
        if nullable {
            text
        } else {
            text.pattern(Some(r"\S"))
        }
    };
    let with = |present: &str, other: &str| {
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .property(present, text(false))
            .property(other, text(true))
            .required(present)
    };
    AnyOfBuilder::new().item(with("en", "vi")).item(with("vi", "en")).description(Some(description))
}

described! {
    /// A title or name in English and Vietnamese (`{"en": …, "vi": …}`): at least one present and
    /// not blank, at most 300 characters each.
    Title => |d| localized(d, Some(gfce_core::TITLE_MAX))
}

described! {
    /// A summary in English and Vietnamese: at least one present and not blank, at most 2,000
    /// characters each.
    Summary => |d| localized(d, Some(gfce_core::SUMMARY_MAX))
}

described! {
    /// A description in Markdown, in English and Vietnamese: at least one present and not blank,
    /// at most 50,000 characters each.
    Description => |d| localized(d, Some(gfce_core::DESCRIPTION_MAX))
}

described! {
    /// A text in English and Vietnamese: at least one present and not blank.
    LocalizedText => |d| localized(d, None)
}

/// An actor's part: the actor (the slug of an existing actor) and its role, from `roles`.
fn part(description: String, roles: &[Role]) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(description))
        .property("actor", Ref::from_schema_name(Slug::name()))
        .required("actor")
        .property("role", string("What the actor does.".into()).enum_values(Some(roles.iter().map(|r| r.as_str()))))
        .required("role")
}

described! {
    /// A funder, implementer or partner of a project: the slug of an existing actor and its role.
    Participant => |d| part(d, &Role::PROJECT)
}

described! {
    /// An author or publisher of a tool or publication: the slug of an existing actor and its role.
    Contributor => |d| part(d, &Role::RESOURCE)
}

described! {
    /// A budget: a decimal amount as a string and its currency.
    Money => |d| ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(d))
        .property("amount", Ref::from_schema_name(Amount::name()))
        .required("amount")
        .property("currency", Ref::from_schema_name(CurrencyCode::name()))
        .required("currency")
}

described! {
    /// A link with an optional label.
    Link => |d| ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(d))
        .property("url", Ref::from_schema_name(WebUrl::name()))
        .required("url")
        .property("label", ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Null])))
}

/// A list in which no item repeats. Missing means empty: every list of a record is optional.
fn unique<T: ToSchema>(description: &str) -> Array {
    ArrayBuilder::new()
        .items(Ref::from_schema_name(T::name()))
        .unique_items(true)
        .description(Some(description))
        .build()
}

/// The lists of the records, each with what it holds (a list's schema is written by hand, so
/// its description is given here rather than by the field's doc comment).
macro_rules! lists {
    ($($name:ident: $item:ty = $doc:literal;)*) => {
        $(fn $name() -> Array { unique::<$item>($doc) })*
    };
}

lists! {
    participants: Participant = "Funders, implementers and partners, in order. The actor the record is submitted \
        for is added as an implementer when it takes no part.";
    beneficiary_countries: CountryCode = "The countries that benefit.";
    beneficiary_regions: RegionCode = "The regions that benefit as a whole.";
    themes: ThemeId = "The themes it is about.";
    tags: Tag = "Free tags.";
    working_languages: LanguageCode = "Its working languages.";
    contributors: Contributor = "Authors and publishers. The actor the record is submitted for is added as a \
        publisher when it takes no part.";
    regions: RegionCode = "The regions it is about.";
    languages: LanguageCode = "The languages it is available in.";
    organisers: Slug = "The slugs of the actors that organise or host it. The actor the record is submitted for \
        is added when missing.";
}

/// A list of links; links may repeat.
fn links() -> Array {
    ArrayBuilder::new().items(Ref::from_schema_name(Link::name())).description(Some("Links about it.")).build()
}

described! {
    /// A stable id, a UUID.
    Uuid => |d| string(d).format(Some(SchemaFormat::Custom("uuid".into())))
}

// The fields the server sets, which a write need not send, are read-only; their schemas are
// written here since a field that refers to a named schema cannot say so.

fn record_id() -> Object {
    string(
        "The record's stable id. A write needs none: a new record gets one, and a revision keeps its record's.".into(),
    )
    .format(Some(SchemaFormat::Custom("uuid".into())))
    .read_only(Some(true))
    .build()
}

fn resource_type() -> Object {
    string("Set by the address a write is sent to (`/api/v1/tools` or `/api/v1/publications`).".into())
        .enum_values(Some(ResourceType::ALL.map(ResourceType::as_str)))
        .read_only(Some(true))
        .build()
}

/// A capacity-building project or initiative, as a write takes it and a revision shows it.
/// Missing lists are empty and missing optional values null; other fields, such as the times the
/// export adds, are ignored.
#[derive(ToSchema)]
#[schema(example = json!({
    "slug": "cert-training-asean-2027",
    "title": {"en": "Incident response training for ASEAN CERTs", "vi": "Đào tạo ứng cứu sự cố cho các CERT ASEAN"},
    "summary": {"en": "Three courses in Hanoi for the national CERTs of ASEAN.", "vi": null},
    "status": "planned", "starts_on": "2027-03-01", "ends_on": "2027-09-30",
    "participants": [{"actor": "netherlands", "role": "funder"}],
    "countries": ["VN", "LA"], "regions": [], "themes": ["cert-cooperation"], "tags": ["incident response"],
    "budget": {"amount": "250000", "currency": "EUR"}, "languages": ["en", "vi"], "links": []
}))]
pub struct ProjectRecord {
    #[schema(schema_with = record_id, required = false)]
    pub id: Uuid,
    pub slug: Slug,
    pub title: Title,
    pub summary: Option<Summary>,
    pub description: Option<Description>,
    pub status: ProjectStatus,
    pub starts_on: Option<Date>,
    /// Not before `starts_on`.
    pub ends_on: Option<Date>,
    #[schema(schema_with = participants, required = false)]
    pub participants: Vec<Participant>,
    #[schema(schema_with = beneficiary_countries, required = false)]
    pub countries: Vec<CountryCode>,
    #[schema(schema_with = beneficiary_regions, required = false)]
    pub regions: Vec<RegionCode>,
    #[schema(schema_with = themes, required = false)]
    pub themes: Vec<ThemeId>,
    #[schema(schema_with = tags, required = false)]
    pub tags: Vec<Tag>,
    pub budget: Option<Money>,
    #[schema(schema_with = working_languages, required = false)]
    pub languages: Vec<LanguageCode>,
    #[schema(schema_with = links, required = false)]
    pub links: Vec<Link>,
    /// The identifier of the IATI activity it comes from.
    pub iati_identifier: Option<String>,
    /// Where the information comes from.
    pub source_url: Option<WebUrl>,
}

/// A tool (guide, framework, toolkit, training course…) or a publication (report, study…), as a
/// write takes it and a revision shows it. Missing lists are empty and missing optional values
/// null; other fields are ignored.
#[derive(ToSchema)]
#[schema(example = json!({
    "slug": "national-cert-handbook",
    "kind": "guide",
    "title": {"en": "Handbook for a national CERT", "vi": null},
    "published_on": "2026-05-01",
    "url": "https://www.example.org/cert-handbook",
    "contributors": [{"actor": "european-union", "role": "publisher"}],
    "themes": ["cert-cooperation"], "regions": [], "languages": ["en"]
}))]
pub struct ResourceRecord {
    #[schema(schema_with = record_id, required = false)]
    pub id: Uuid,
    #[schema(rename = "type", schema_with = resource_type, required = false)]
    pub resource_type: ResourceType,
    pub slug: Slug,
    pub kind: ResourceKind,
    pub title: Title,
    pub summary: Option<Summary>,
    pub published_on: Option<Date>,
    pub url: Option<WebUrl>,
    #[schema(schema_with = contributors, required = false)]
    pub contributors: Vec<Contributor>,
    #[schema(schema_with = themes, required = false)]
    pub themes: Vec<ThemeId>,
    #[schema(schema_with = regions, required = false)]
    pub regions: Vec<RegionCode>,
    #[schema(schema_with = languages, required = false)]
    pub languages: Vec<LanguageCode>,
    /// Where the information comes from.
    pub source_url: Option<WebUrl>,
}

/// A conference or meeting, as a write takes it and a revision shows it. Missing lists are empty
/// and missing optional values null; other fields are ignored.
#[derive(ToSchema)]
#[schema(example = json!({
    "slug": "gccs-2027",
    "series": "gccs",
    "name": {"en": "Global Conference on CyberSpace 2027", "vi": null},
    "starts_on": "2027-11-02", "ends_on": "2027-11-03",
    "city": {"en": "Hanoi", "vi": "Hà Nội"}, "country": "VN",
    "organisers": ["viet-nam"], "themes": []
}))]
pub struct EventRecord {
    #[schema(schema_with = record_id, required = false)]
    pub id: Uuid,
    pub slug: Slug,
    /// The series it belongs to.
    pub series: SeriesId,
    pub name: Title,
    pub summary: Option<Summary>,
    pub starts_on: Date,
    /// Not before `starts_on`.
    pub ends_on: Date,
    /// The host city.
    pub city: LocalizedText,
    /// The host country.
    pub country: CountryCode,
    pub url: Option<WebUrl>,
    #[schema(schema_with = organisers, required = false)]
    pub organisers: Vec<Slug>,
    #[schema(schema_with = themes, required = false)]
    pub themes: Vec<ThemeId>,
}

described! {
    /// A record of whichever kind, as the JSON dataset writes it: a revision's record, which a
    /// change of the revision replaces with one of the same kind.
    Record => |d| OneOfBuilder::new()
        .item(Ref::from_schema_name(ProjectRecord::name()))
        .item(Ref::from_schema_name(ResourceRecord::name()))
        .item(Ref::from_schema_name(EventRecord::name()))
        .description(Some(d))
}

described! {
    /// What the author of a returned revision should change: not blank, at most 2,000 characters.
    Comment => |d| string(d).pattern(Some(r"\S")).max_length(Some(ReturnComment::MAX))
}
