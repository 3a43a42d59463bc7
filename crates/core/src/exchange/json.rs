//! The lossless JSON dataset: one document with every record, its fields as the domain types
//! serialize them.
//!
//! Each record is read on its own, so one bad record is reported and skipped while the others are
//! kept. Fields this build does not know are ignored, so that a dataset written by a later version
//! of the same layout still reads.

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{timestamp, Dataset, Location, Parsed, Reason, RowError, Stamped, FORMAT, VERSION};
use crate::{Actor, CountryFact, Event, Invalid, ParseError, Project, Resource, Timestamp};

/// Reads a dataset document.
///
/// A document that is not JSON (located at the line the parser names), not an object, or not of
/// this format and version is one error for the whole file. A bad record is a [`RowError`]
/// located at `projects[12]` whose field is the path inside the record (`budget.currency`,
/// `participants[0].role`). A record whose id or slug repeats an earlier one of its section is
/// reported and skipped.
pub fn read(bytes: &[u8], file: &str) -> Result<Parsed<Dataset>, RowError> {
    let whole =
        |location: Location, reason: Reason| RowError { file: file.to_owned(), location, field: String::new(), reason };
    let document: Value = serde_json::from_slice(bytes)
        .map_err(|e| whole(Location::Line(e.line() as u64), Reason::Syntax(e.to_string())))?;
    let Value::Object(mut document) = document else {
        return Err(whole(
            Location::Record("format".into()),
            Reason::Syntax("the document is not a JSON object".into()),
        ));
    };
    if document.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(whole(Location::Record("format".into()), Reason::Invalid(ParseError::NotAllowed)));
    }
    if document.get("version").and_then(Value::as_u64) != Some(u64::from(VERSION)) {
        return Err(whole(Location::Record("version".into()), Reason::Invalid(ParseError::NotAllowed)));
    }
    let mut reader = SectionReader { file, errors: Vec::new() };
    let mut section = |name: &str| {
        document.remove(name).map_or(Ok(Vec::new()), |value| match value {
            Value::Array(values) => Ok(values),
            Value::Null => Ok(Vec::new()),
            other => {
                Err(whole(Location::Record(name.into()), Reason::Syntax(format!("expected an array, found {other}"))))
            }
        })
    };
    let (actors, projects, resources, events, facts) = (
        section("actors")?,
        section("projects")?,
        section("resources")?,
        section("events")?,
        section("country_facts")?,
    );
    let records = Dataset {
        actors: reader.stamped("actors", actors),
        projects: reader.stamped("projects", projects),
        resources: reader.stamped("resources", resources),
        events: reader.stamped("events", events),
        country_facts: reader.plain("country_facts", facts),
        ..Dataset::default()
    };
    Ok(Parsed { records, errors: reader.errors, warnings: Vec::new() })
}

/// Writes a dataset as pretty-printed JSON (two-space indents) with a final newline, records in
/// the order given.
pub fn write(dataset: &Dataset) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(dataset).expect("a dataset always serializes");
    out.push(b'\n');
    out
}

/// A record type of the dataset: the rules its fields alone cannot check, and the keys no two
/// records of one section may share.
pub(crate) trait Record: DeserializeOwned {
    fn validate(&self) -> Result<(), Invalid>;
    /// Each key with the field it is reported on.
    fn keys(&self) -> Vec<(&'static str, String)>;
}

macro_rules! known_by_slug_and_id {
    ($($t:ty),*) => {$(
        impl Record for $t {
            fn validate(&self) -> Result<(), Invalid> {
                <$t>::validate(self)
            }
            fn keys(&self) -> Vec<(&'static str, String)> {
                vec![("slug", self.slug.to_string()), ("id", self.id.to_string())]
            }
        }
    )*};
}
known_by_slug_and_id!(Actor, Project, Resource, Event);

impl Record for CountryFact {
    fn validate(&self) -> Result<(), Invalid> {
        CountryFact::validate(self)
    }
    fn keys(&self) -> Vec<(&'static str, String)> {
        // A country has one fact of each kind.
        vec![("kind", format!("{} {}", self.country, self.kind.as_str()))]
    }
}

/// A bad field of one record: where inside the record, and why.
type Bad = (String, Reason);

struct SectionReader<'a> {
    file: &'a str,
    errors: Vec<RowError>,
}

impl SectionReader<'_> {
    fn stamped<T: Record>(&mut self, section: &str, values: Vec<Value>) -> Vec<Stamped<T>> {
        let read = |value: Value| {
            let created_at = stamp(&value, "created_at")?;
            let updated_at = stamp(&value, "updated_at")?;
            Ok(Stamped { record: record(value)?, created_at, updated_at })
        };
        self.section(section, values, read, |s: &Stamped<T>| s.record.keys())
    }

    fn plain<T: Record>(&mut self, section: &str, values: Vec<Value>) -> Vec<T> {
        self.section(section, values, record, T::keys)
    }

    /// Reads each value with `read`, reporting bad ones and those whose keys repeat an earlier one.
    fn section<R>(
        &mut self,
        section: &str,
        values: Vec<Value>,
        read: impl Fn(Value) -> Result<R, Bad>,
        keys: impl Fn(&R) -> Vec<(&'static str, String)>,
    ) -> Vec<R> {
        let mut seen = HashSet::new();
        let mut records = Vec::with_capacity(values.len());
        for (i, value) in values.into_iter().enumerate() {
            let read = read(value).and_then(|r| match keys(&r).into_iter().find(|key| seen.contains(key)) {
                Some((field, _)) => Err((field.to_owned(), Reason::Invalid(ParseError::Duplicate))),
                None => Ok(r),
            });
            match read {
                Ok(r) => {
                    seen.extend(keys(&r));
                    records.push(r);
                }
                Err((field, reason)) => self.errors.push(RowError {
                    file: self.file.to_owned(),
                    location: Location::Record(format!("{section}[{i}]")),
                    field,
                    reason,
                }),
            }
        }
        records
    }
}

/// A creation or change time of a record, checked to be RFC 3339 in UTC.
fn stamp(value: &Value, field: &str) -> Result<Option<Timestamp>, Bad> {
    match value.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => timestamp(s).map(Some).map_err(|reason| (field.to_owned(), reason)),
        Some(other) => Err((field.to_owned(), Reason::Syntax(format!("expected a string, found {other}")))),
    }
}

/// Deserializes one record and checks its rules. The timestamps of a stamped record are fields
/// the record type does not know, so they are ignored here like any other.
pub(crate) fn record<T: Record>(value: Value) -> Result<T, Bad> {
    let record: T = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.into_inner().to_string();
        let path = if path == "." { String::new() } else { path };
        (field(path, &message), reason(message))
    })?;
    record.validate().map_err(|(field, e)| (field.to_owned(), Reason::Invalid(e)))?;
    Ok(record)
}

/// The field an error is about: serde reports a missing field at the object that lacks it.
fn field(path: String, message: &str) -> String {
    let missing = message.strip_prefix("missing field `").and_then(|rest| rest.strip_suffix('`'));
    match missing {
        Some(name) if path.is_empty() => name.to_owned(),
        Some(name) => format!("{path}.{name}"),
        None => path,
    }
}

fn reason(message: String) -> Reason {
    parse_error(&message).map_or(Reason::Syntax(message), Reason::Invalid)
}

/// The [`ParseError`] whose text `message` is. Domain types deserialize through `try_from`, and
/// serde keeps only the text of their error; reading it back keeps the reason translatable.
fn parse_error(message: &str) -> Option<ParseError> {
    use ParseError::*;
    let plain = [
        Empty,
        SlugSyntax,
        UnknownCountry,
        UnknownRegion,
        UnknownLanguage,
        NotAllowed,
        Bool,
        Date,
        Timestamp,
        NoText,
        LanguageTag,
        EnglishOrVietnameseOnly,
        Percentage,
        UnknownLanguageCode,
        UnknownCurrency,
        Amount,
        Url,
        DateOrder,
        Duplicate,
        ControlCharacter,
        UnknownTheme,
        UnknownActor,
        Email,
        PasswordCommon,
        PasswordPersonal,
        Unticked,
        OneTimeCode,
        RecoveryCode,
        SecondFactorCode,
    ];
    if let Some(e) = plain.into_iter().find(|e| e.to_string() == message) {
        return Some(e);
    }
    // The variants that carry numbers are recognised by printing a candidate with the numbers of
    // the message and comparing, so the wording lives only in the error type.
    let numbers: Vec<usize> = message
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let candidates = match numbers[..] {
        [n] => vec![TooLong { max: n }, PasswordTooShort { min: n }],
        [min, max] => vec![OutOfRange { min: u32::try_from(min).ok()?, max: u32::try_from(max).ok()? }],
        _ => return None,
    };
    candidates.into_iter().find(|candidate| candidate.to_string() == message)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::{
        parse_date, stable_id, ActorKind, Amount, Contribution, CountryCode, CurrencyCode, FactKind, Joined,
        LanguageCode, Link, LocalizedText, Money, ProjectStatus, ResourceKind, ResourceType, Role, Slug, Tag, ThemeId,
        WebUrl,
    };

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    fn text(en: &str, vi: &str) -> LocalizedText {
        LocalizedText::new(Some(en.into()), Some(vi.into())).unwrap()
    }

    pub(in crate::exchange) fn project(name: &str) -> Project {
        Project {
            id: stable_id("project", &slug(name)),
            slug: slug(name),
            title: text("CERT development in Viet Nam", "Phát triển CERT tại Việt Nam"),
            summary: Some(LocalizedText::new(Some("Training incident handlers.".into()), None).unwrap()),
            description: Some(text("## Goals\n\nA national CERT, \"24/7\".", "## Mục tiêu\n\nMột CERT quốc gia.")),
            status: ProjectStatus::Ongoing,
            starts_on: Some(parse_date("2022-03-01").unwrap()),
            ends_on: Some(parse_date("2024-02-29").unwrap()),
            participants: vec![
                Contribution { actor: slug("netherlands"), role: Role::Funder },
                Contribution { actor: slug("vncert"), role: Role::Implementer },
            ],
            countries: vec![CountryCode::parse("VN").unwrap()],
            regions: vec![],
            themes: vec![ThemeId::parse("cert-cooperation").unwrap()],
            tags: vec![Tag::parse("incident response").unwrap(), Tag::parse("ứng cứu sự cố").unwrap()],
            shares: Default::default(),
            budget: Some(Money {
                amount: Amount::parse("250000.50").unwrap(),
                currency: CurrencyCode::parse("EUR").unwrap(),
            }),
            languages: vec![LanguageCode::parse("vi").unwrap()],
            links: vec![
                Link {
                    url: WebUrl::parse("https://example.org/report").unwrap(),
                    label: Some("Final report, 2024".into()),
                },
                Link { url: WebUrl::parse("https://example.org/a?b=c").unwrap(), label: None },
            ],
            iati_identifier: Some("XM-EXAMPLE-1".into()),
            source_url: None,
        }
    }

    /// One record of each type, with most fields filled.
    pub(in crate::exchange) fn dataset() -> Dataset {
        let actor = Actor {
            id: stable_id("actor", &slug("vncert")),
            slug: slug("vncert"),
            kind: ActorKind::Government,
            name: text("Viet Nam Computer Emergency Response Team", "Trung tâm Ứng cứu khẩn cấp máy tính Việt Nam"),
            short_name: Some("VNCERT".into()),
            country: Some(CountryCode::parse("VN").unwrap()),
            joined: None,
            website: None,
            listed_as: None,
            iati_ref: None,
            themes: vec![],
        };
        let resource = Resource {
            id: stable_id("resource", &slug("csirt-guide")),
            slug: slug("csirt-guide"),
            resource_type: ResourceType::Tool,
            kind: ResourceKind::Guide,
            title: text("Setting up a CSIRT", "Thành lập CSIRT"),
            summary: None,
            published_on: Some(parse_date("2019-06-01").unwrap()),
            url: Some(WebUrl::parse("https://example.org/csirt").unwrap()),
            contributors: vec![
                Contribution { actor: slug("vncert"), role: Role::Author },
                Contribution { actor: slug("netherlands"), role: Role::Publisher },
            ],
            themes: vec![],
            regions: vec![],
            languages: vec![LanguageCode::parse("en").unwrap()],
            source_url: None,
        };
        let event = Event {
            id: stable_id("event", &slug("cyber-week-2023")),
            slug: slug("cyber-week-2023"),
            series: slug("cyber-week"),
            name: text("Cyber Week 2023", "Tuần lễ An ninh mạng 2023"),
            summary: None,
            starts_on: parse_date("2023-10-02").unwrap(),
            ends_on: parse_date("2023-10-04").unwrap(),
            city: text("Hanoi", "Hà Nội"),
            country: CountryCode::parse("VN").unwrap(),
            url: None,
            organisers: vec![slug("vncert")],
            themes: vec![],
        };
        let fact = CountryFact {
            country: CountryCode::parse("VN").unwrap(),
            kind: FactKind::CybercrimeLaw,
            title: text("Law on Cybersecurity", "Luật An ninh mạng"),
            year: Some(2018),
            source_url: WebUrl::parse("https://example.org/law").unwrap(),
        };
        let member = Actor {
            id: stable_id("member", &slug("netherlands")),
            slug: slug("netherlands"),
            kind: ActorKind::Country,
            name: text("Netherlands", "Hà Lan"),
            country: Some(CountryCode::parse("NL").unwrap()),
            joined: Some(Joined { joined_on: parse_date("2015-04-16").unwrap(), founding: true }),
            short_name: None,
            ..actor.clone()
        };
        let mut actor = Stamped::new(actor);
        actor.created_at = Some(Timestamp::parse("2024-01-02T03:04:05Z").unwrap());
        actor.updated_at = Some(Timestamp::parse("2024-02-03T04:05:06Z").unwrap());
        Dataset {
            actors: vec![Stamped::new(member), actor],
            projects: vec![Stamped::new(project("vn-cert"))],
            resources: vec![Stamped::new(resource)],
            events: vec![Stamped::new(event)],
            country_facts: vec![fact],
            ..Dataset::default()
        }
    }

    #[test]
    fn round_trips() {
        let dataset = dataset();
        let bytes = write(&dataset);
        assert!(bytes.starts_with(b"{\n  \"format\": \"gfce-hub\""));
        assert!(bytes.ends_with(b"}\n"));
        assert!(
            String::from_utf8_lossy(&bytes).contains(r#""starts_on": "2022-03-01""#),
            "dates are written YYYY-MM-DD"
        );
        let parsed = read(&bytes, "data.json").unwrap();
        assert_eq!(parsed.errors, []);
        assert_eq!(parsed.records, dataset);
    }

    #[test]
    fn other_languages_and_shares_round_trip_and_old_documents_read_unchanged() {
        let old = write(&dataset());
        assert!(!String::from_utf8_lossy(&old).contains("shares"), "no shares, no key");
        let mut dataset = dataset();
        let p = &mut dataset.projects[0].record;
        let french = |s: &str| (crate::LanguageTag::parse("fr").unwrap(), s.to_owned());
        p.title = LocalizedText::from_texts([french("Développement du CERT au Viet Nam")]).unwrap();
        p.shares.countries.insert(CountryCode::parse("VN").unwrap(), crate::Percentage::parse("62.5").unwrap());
        let bytes = write(&dataset);
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.contains(
                r#""title": {
        "en": null,
        "vi": null,
        "fr": "Développement du CERT au Viet Nam"
      },"#
            ),
            "{text}"
        );
        assert!(
            text.contains(
                r#""shares": {
        "countries": {
          "VN": 62.5
        }
      },"#
            ),
            "{text}"
        );
        let parsed = read(&bytes, "data.json").unwrap();
        assert_eq!((parsed.errors, &parsed.records), (vec![], &dataset));
        assert_eq!(write(&parsed.records), bytes);

        let mut document: Value = serde_json::from_slice(&bytes).unwrap();
        document["projects"][0]["shares"]["countries"]["KH"] = 10.into();
        document["projects"][0]["title"]["FR"] = "Encore".into();
        document["country_facts"][0]["title"]["fr"] = "Stratégie".into();
        let parsed = read(&serde_json::to_vec(&document).unwrap(), "data.json").unwrap();
        let errors: Vec<(String, &str, &Reason)> =
            parsed.errors.iter().map(|e| (e.location.to_string(), e.field.as_str(), &e.reason)).collect();
        assert_eq!(
            errors,
            [
                ("projects[0]".to_owned(), "title", &Reason::Invalid(ParseError::Duplicate)),
                ("country_facts[0]".to_owned(), "title", &Reason::Invalid(ParseError::EnglishOrVietnameseOnly)),
            ]
        );
        document["projects"][0]["title"].as_object_mut().unwrap().remove("FR");
        let parsed = read(&serde_json::to_vec(&document).unwrap(), "data.json").unwrap();
        assert_eq!(parsed.errors[0].field, "shares.countries", "a share of a country the project does not list");
        assert_eq!(parsed.errors[0].reason, Reason::Invalid(ParseError::NotAllowed));
    }

    #[test]
    fn a_bad_record_is_reported_and_the_others_kept() {
        let mut dataset = dataset();
        dataset.projects.push(Stamped::new(project("second")));
        dataset.projects.push(Stamped::new(project("third")));
        let mut document: Value = serde_json::from_slice(&write(&dataset)).unwrap();
        document["projects"][1]["budget"]["currency"] = "XYZ".into();
        document["projects"][2]["participants"][0]["role"] = "sponsor".into();
        document["projects"][0]["a_field_of_a_later_version"] = true.into();
        let parsed = read(&serde_json::to_vec(&document).unwrap(), "data.json").unwrap();
        let located: Vec<(String, &str)> =
            parsed.errors.iter().map(|e| (e.location.to_string(), e.field.as_str())).collect();
        assert_eq!(
            located,
            [("projects[1]".to_owned(), "budget.currency"), ("projects[2]".to_owned(), "participants[0].role")]
        );
        assert_eq!(parsed.errors[0].reason, Reason::Invalid(ParseError::UnknownCurrency));
        assert!(matches!(parsed.errors[1].reason, Reason::Syntax(ref s) if s.starts_with("unknown variant `sponsor`")));
        assert_eq!(parsed.records.projects, dataset.projects[..1]);
        assert_eq!(parsed.records.actors, dataset.actors);
        assert_eq!(parsed.records.country_facts.len(), 1);
    }

    #[test]
    fn rules_repeats_and_stamps_are_checked() {
        let mut dataset = dataset();
        let mut late = project("late");
        late.starts_on = Some(parse_date("2025-01-01").unwrap());
        let mut twin = project("twin");
        twin.id = dataset.projects[0].record.id;
        let odd = Stamped::new(project("odd-stamp"));
        let mut namesake = project("vn-cert");
        namesake.id = uuid::Uuid::nil();
        dataset.projects.extend([Stamped::new(late), Stamped::new(twin), odd, Stamped::new(namesake)]);
        dataset.projects.extend([Stamped::new(project("untitled")), Stamped::new(project("long"))]);
        let mut document: Value = serde_json::from_slice(&write(&dataset)).unwrap();
        // The formats write times in UTC, and read only those.
        document["projects"][3]["updated_at"] = serde_json::json!("2024-01-02T03:04:05+07:00");
        document["projects"][5].as_object_mut().unwrap().remove("title");
        document["projects"][6]["title"] = serde_json::json!({"en": "x".repeat(301)});
        let parsed = read(&serde_json::to_vec(&document).unwrap(), "-").unwrap();
        let errors: Vec<(String, &str, String)> =
            parsed.errors.iter().map(|e| (e.location.to_string(), e.field.as_str(), e.reason.to_string())).collect();
        assert_eq!(
            errors,
            [
                ("projects[1]".into(), "ends_on", "must not be before the start date".into()),
                ("projects[2]".into(), "id", "is given more than once".into()),
                ("projects[3]".into(), "updated_at", super::super::TIMESTAMP.into()),
                ("projects[4]".into(), "slug", "is given more than once".into()),
                ("projects[5]".into(), "title", "missing field `title`".into()),
                ("projects[6]".into(), "title", "is too long (at most 300 characters)".into()),
            ]
        );
        assert_eq!(parsed.errors[5].reason, Reason::Invalid(ParseError::TooLong { max: 300 }));
        assert_eq!(parsed.records.projects, dataset.projects[..1]);
    }

    #[test]
    fn the_format_and_version_are_checked() {
        let bad = |json: &str| read(json.as_bytes(), "x.json").unwrap_err();
        let e = bad(r#"{"format": "something-else", "version": 1}"#);
        assert_eq!(
            (e.location, e.reason),
            (Location::Record("format".into()), Reason::Invalid(ParseError::NotAllowed))
        );
        let e = bad(r#"{"format": "gfce-hub", "version": 2}"#);
        assert_eq!(e.location, Location::Record("version".into()));
        let e = bad(r#"[1, 2]"#);
        assert_eq!(e.location, Location::Record("format".into()));
        let e = bad(r#"{"format": "gfce-hub", "version": 1, "projects": {}}"#);
        assert_eq!(e.location, Location::Record("projects".into()));
        let empty = read(br#"{"format": "gfce-hub", "version": 1}"#, "x.json").unwrap();
        assert_eq!((empty.records, empty.errors), (Dataset::default(), vec![]));
    }

    #[test]
    fn optional_lists_may_be_left_out() {
        let id = uuid::Uuid::nil();
        let bare = |fields: Value| -> Value {
            let mut v = serde_json::json!({"id": id, "slug": "x", "title": {"en": "X"}, "name": {"en": "X"}});
            v.as_object_mut().unwrap().extend(fields.as_object().unwrap().clone());
            v
        };
        let project: Project = record(bare(serde_json::json!({"status": "ongoing"}))).unwrap();
        assert!(project.participants.is_empty() && project.countries.is_empty() && project.regions.is_empty());
        assert!(project.themes.is_empty() && project.tags.is_empty() && project.languages.is_empty());
        assert!(project.links.is_empty() && project.budget.is_none() && project.summary.is_none());
        let resource: Resource = record(bare(serde_json::json!({"type": "tool", "kind": "guide"}))).unwrap();
        assert!(resource.contributors.is_empty() && resource.regions.is_empty() && resource.languages.is_empty());
        let event = serde_json::json!({"series": "gccs", "starts_on": "2015-04-16", "ends_on": "2015-04-17",
                                       "city": {"en": "The Hague"}, "country": "NL"});
        let event: Event = record(bare(event)).unwrap();
        assert!(event.organisers.is_empty() && event.themes.is_empty());
        let actor: Actor = record(bare(serde_json::json!({"kind": "ngo"}))).unwrap();
        assert!(actor.themes.is_empty());
        // Given, a list is still checked.
        let bad = record::<Project>(bare(serde_json::json!({"status": "ongoing", "tags": "one"})));
        assert_eq!(bad.unwrap_err().0, "tags");
    }

    #[test]
    fn malformed_json_is_one_error() {
        let e = read(b"{\"format\": \"gfce-hub\",\n  \"version\": 1,,\n}", "x.json").unwrap_err();
        assert_eq!(e.location, Location::Line(2));
        assert!(matches!(e.reason, Reason::Syntax(ref s) if s.contains("line 2 column")), "{e}");
    }

    #[test]
    fn parse_errors_are_recognised_by_their_text() {
        use ParseError::*;
        let every = [
            Empty,
            TooLong { max: 7 },
            SlugSyntax,
            UnknownCountry,
            UnknownRegion,
            UnknownLanguage,
            NotAllowed,
            Bool,
            OutOfRange { min: 1, max: 12 },
            Date,
            Timestamp,
            NoText,
            LanguageTag,
            EnglishOrVietnameseOnly,
            Percentage,
            UnknownLanguageCode,
            UnknownCurrency,
            Amount,
            Url,
            DateOrder,
            Duplicate,
            ControlCharacter,
            UnknownTheme,
            UnknownActor,
            Email,
            PasswordTooShort { min: 12 },
            PasswordCommon,
            PasswordPersonal,
            Unticked,
            OneTimeCode,
            RecoveryCode,
            SecondFactorCode,
        ];
        for e in every {
            // A new variant stops this match from compiling: add it above, and to `parse_error`.
            match e {
                Empty
                | TooLong { .. }
                | SlugSyntax
                | UnknownCountry
                | UnknownRegion
                | UnknownLanguage
                | NotAllowed
                | Bool
                | OutOfRange { .. }
                | Date
                | Timestamp
                | NoText
                | LanguageTag
                | EnglishOrVietnameseOnly
                | Percentage
                | UnknownLanguageCode
                | UnknownCurrency
                | Amount
                | Url
                | DateOrder
                | Duplicate
                | ControlCharacter
                | UnknownTheme
                | UnknownActor
                | Email
                | PasswordTooShort { .. }
                | PasswordCommon
                | PasswordPersonal
                | Unticked
                | OneTimeCode
                | RecoveryCode
                | SecondFactorCode => {}
            }
            assert_eq!(parse_error(&e.to_string()), Some(e));
        }
        assert_eq!(parse_error("invalid type: integer `5`, expected a string"), None);
        assert_eq!(parse_error("expected 3 items, found 4"), None);
    }
}
