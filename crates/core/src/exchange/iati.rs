//! IATI activity files (standard 2.03; 2.01 and 2.02 read the same) turned into projects, with the
//! organisations that take part in them.
//!
//! The file is read as a stream, one `iati-activity` at a time; UTF-16 with a byte-order mark is
//! decoded first, anything else is read as UTF-8. How an activity becomes a [`Project`]:
//!
//! - `iati-identifier` is kept as [`Project::iati_identifier`]; the slug is made from it
//!   (`GB-GOV-1-300123` becomes `gb-gov-1-300123`) and the id is `stable_id("iati", slug)`, so a
//!   re-import updates the same project ([`Merge`] keeps apart identifiers that make one slug);
//! - every `narrative` of `title` and `description` is kept in its language: its `xml:lang`, or
//!   else the activity's, or else the file's (`iati-activities/@xml:lang`), or else English. A
//!   language of English or Vietnamese in any region (`en-GB`) is that text of the project; any
//!   other (`fr`, `sv`, `pt-BR`) is kept under its tag. A narrative whose language is not a BCP 47
//!   tag of a language, a script and a region (`fr_FR`, `french`) is left out, and so is a second
//!   one in a language, each with a warning naming it;
//! - the description is the first general one (`@type` 1 or none), or else the first one about
//!   target groups or other matters (3, 4); an objectives description (2) becomes the summary,
//!   unless it is too long for one (a warning says so). Indentation is taken off each line of a
//!   description, since Markdown would read indented lines as code;
//! - `activity-status/@code`: 1 (pipeline) is planned, 2 (implementation) ongoing, 3
//!   (finalisation) and 4 (closed) completed, 5 cancelled and 6 suspended;
//! - `activity-date`: the actual start (2) or else the planned start (1), the actual end (4) or
//!   else the planned end (3);
//! - `participating-org`: `@role` 1 (funding) is a funder, 2 (accountable) and 3 (extending) are
//!   partners, 4 (implementing) an implementer. `@ref` is the organisation's identifier only when
//!   it is one (see [`is_organisation_identifier`]: `XM-DAC-41114`, `GB-COH-09506232`, `SE-0`);
//!   codes that are not (`51000`, `61`, `N/A`) are ignored. The name is its narrative (or else
//!   the identifier), the slug is made from the name (or else from the identifier), and the kind
//!   comes from `@type`; its narratives are its name, each in its language as a title's are. The
//!   same organisation twice in one role counts once;
//! - `recipient-country/@code` gives the countries; `recipient-region` in the UN M49 vocabulary
//!   (`@vocabulary` 2) gives a region, any other region (such as OECD DAC's, which has no M49
//!   equivalent) a tag `IATI region <code>`. Their `@percentage` is kept as the share of the
//!   country, region or tag ([`Project::shares`]); one that is not a number from 0 to 100 with at
//!   most two decimals is left out with a warning, and the country, region or tag kept;
//! - `budget`: the values (XML Schema decimals, kept to 18 decimals) are summed exactly, in the
//!   currency of the first budget (`value/@currency` or the activity's `@default-currency`);
//!   budgets in another currency are left out of the sum (with a warning). A revised budget
//!   (`@type` 2) replaces the original ones of the same period. When a value or currency cannot
//!   be read, the activity is kept without a budget rather than with part of one (with a warning);
//! - `sector` gives a tag: its narrative (the English one, else the Vietnamese, else the first), or
//!   `DAC <code>` in the OECD DAC vocabularies (1, 2, or none given), or `sector <code>`, with its
//!   `@percentage` as the tag's share as above; `tag` gives its narrative, or `tag <code>`;
//! - `document-link` gives a link labelled with its title.
//!
//! Other elements are ignored. An activity without an identifier, a title
//! or a valid status, or with a malformed date, or that breaks a project rule is an error: it is
//! reported and skipped. A bad `participating-org`, `recipient-country`, tag or document link is a
//! warning: it is reported and left out, and the activity is kept. Both name the activity
//! (`iati-activity[3]`, the third of the file) and the line of the element at fault.
//!
//! A file that is not well-formed XML (broken, or cut short), that nests elements more than
//! [`MAX_DEPTH`] deep, or that is not an IATI activity file is refused whole: one error names the
//! line, and none of its activities is kept.

use std::{
    borrow::Cow,
    collections::{BTreeMap, HashMap, HashSet},
};

use quick_xml::{
    escape::resolve_predefined_entity,
    events::{BytesStart, Event as Xml},
    Reader, XmlVersion,
};

use super::{Dataset, Lines, Location, Parsed, Reason, RowError, Stamped};
use crate::{
    parse_date, stable_id, Actor, ActorKind, Amount, Contribution, CountryCode, CurrencyCode, Lang, LanguageTag, Link,
    LocalizedText, Money, ParseError, Percentage, Project, ProjectStatus, RegionCode, Role, Shares, Slug, Tag, WebUrl,
};

/// How deep elements may nest, the root counting as one. IATI activity files go about eight
/// levels deep (`iati-activities/iati-activity/result/indicator/period/actual/comment/narrative`)
/// and extensions a few more; anything deeper is refused, so that a hostile file cannot make the
/// reading slow.
pub const MAX_DEPTH: usize = 32;

/// An IATI activity as a project, with the organisations it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// Lists each organisation by its slug in [`Project::participants`].
    pub project: Project,
    /// One entry per organisation and role, in the order of the file, so that a caller can create
    /// the actors it does not know yet.
    pub organisations: Vec<Organisation>,
    /// Where the activity is in its file: `iati-activity[3]` and the line it starts on.
    pub location: Location,
}

/// A `participating-org` of an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Its IATI organisation identifier (`GB-GOV-1`), if `@ref` is one.
    pub iati_ref: Option<String>,
    pub name: LocalizedText,
    pub kind: ActorKind,
    pub role: Role,
    pub slug: Slug,
    /// The line of its `participating-org`.
    pub line: u64,
}

/// Whether `code` is an IATI organisation identifier: the code of a registration agency (two
/// capital letters for its country, or `XM`, `XI` and the like, a hyphen, then the agency's own
/// capitals and digits: `XM-DAC`, `GB-COH`), a hyphen and the identifier the agency gives
/// (`XM-DAC-41114`, `GB-COH-09506232`); or the older form of a country and a number (`SE-0`,
/// `DE-1`). DAC codes (`51000`), other numbers (`61`) and placeholders (`N/A`) are not: several
/// organisations share each of them.
pub fn is_organisation_identifier(code: &str) -> bool {
    let Some((country, rest)) = code.split_once('-') else { return false };
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    match rest.split_once('-') {
        Some((agency, identifier)) => {
            !agency.is_empty()
                && agency.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && !identifier.is_empty()
                && !identifier.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()),
    }
}

/// Reads the activities of an IATI activity file. A file that cannot be read whole is one error,
/// and nothing of it is kept.
pub fn read(bytes: &[u8], file: &str) -> Result<Parsed<Vec<Activity>>, RowError> {
    let whole = |path: String, line: u64, field: &str, message: String| RowError {
        file: file.to_owned(),
        location: Location::Element { path, line },
        field: field.to_owned(),
        reason: Reason::Syntax(message),
    };
    let text = utf8(bytes).map_err(|(line, message)| whole("iati-activities".into(), line, "", message))?;
    let bytes: &[u8] = &text;
    let mut scan = Scan {
        reader: Reader::from_reader(bytes),
        lines: Lines::new(bytes),
        file,
        path: Vec::new(),
        file_lang: None,
        started: 0,
        current: None,
        capture: None,
        parsed: Parsed { records: Vec::new(), errors: Vec::new(), warnings: Vec::new() },
    };
    // An empty element then reads as a start and an end, so there is one way to see an element.
    scan.reader.config_mut().expand_empty_elements = true;
    match scan.run() {
        Ok(()) => Ok(scan.parsed),
        Err(fatal) => {
            let path = match &scan.current {
                Some(open) => format!("iati-activity[{}]", open.raw.index),
                None => "iati-activities".to_owned(),
            };
            let line = scan.lines.at(fatal.position);
            Err(whole(path, line, fatal.field, fatal.message))
        }
    }
}

/// The file as UTF-8. XML parsers must read UTF-16 too, which starts with a byte-order mark that
/// tells its byte order; it is decoded here. Anything else is left to the XML reader, which reads
/// UTF-8 (with or without its mark). A failure is the line it happens on and why.
fn utf8(bytes: &[u8]) -> Result<Cow<'_, [u8]>, (u64, String)> {
    let (big_endian, rest) = match bytes {
        [0xFE, 0xFF, rest @ ..] => (true, rest),
        [0xFF, 0xFE, rest @ ..] => (false, rest),
        _ => return Ok(Cow::Borrowed(bytes)),
    };
    let units = rest.chunks(2).map(|pair| match *pair {
        [a, b] if big_endian => Some(u16::from_be_bytes([a, b])),
        [a, b] => Some(u16::from_le_bytes([a, b])),
        _ => None,
    });
    let mut text = String::with_capacity(rest.len());
    let mut line = 1;
    for unit in char::decode_utf16(units.map_while(|u| u)) {
        let c = unit.map_err(|_| (line, "the file is UTF-16 but holds an unpaired surrogate here".to_owned()))?;
        line += u64::from(c == '\n');
        text.push(c);
    }
    if rest.len() % 2 == 1 {
        return Err((line, "the file is UTF-16 but ends in the middle of a character".to_owned()));
    }
    Ok(Cow::Owned(text.into_bytes()))
}

/// What ends the reading of a file: where, and why.
struct Fatal {
    position: u64,
    field: &'static str,
    message: String,
}

/// The activity being read and how deep in the document its element is.
struct Open {
    depth: usize,
    raw: RawActivity,
}

struct Scan<'a> {
    reader: Reader<&'a [u8]>,
    lines: Lines<'a>,
    file: &'a str,
    /// The names of the open elements, from the root.
    path: Vec<String>,
    /// The `xml:lang` of `iati-activities`, as written.
    file_lang: Option<String>,
    /// How many activities have begun.
    started: usize,
    current: Option<Open>,
    /// The text of the element being captured, and its depth.
    capture: Option<(usize, String)>,
    parsed: Parsed<Vec<Activity>>,
}

impl Scan<'_> {
    fn run(&mut self) -> Result<(), Fatal> {
        loop {
            let at = self.reader.buffer_position();
            let event = self.reader.read_event().map_err(|e| Fatal {
                position: self.reader.error_position(),
                field: "",
                message: e.to_string(),
            })?;
            match event {
                Xml::Start(e) => self.start(&e, at)?,
                Xml::End(_) => self.end(),
                Xml::Text(t) => self.text(&t.xml10_content()),
                Xml::CData(t) => self.text(&t.xml10_content()),
                Xml::GeneralRef(r) if self.capture.is_some() => {
                    let unknown = || Fatal { position: at, field: "", message: format!("unknown entity &{};", &*r) };
                    let resolved = if r.is_char_ref() {
                        Cow::Owned(r.resolve_char_ref().ok().flatten().ok_or_else(unknown)?.to_string())
                    } else {
                        Cow::Borrowed(resolve_predefined_entity(&r).ok_or_else(unknown)?)
                    };
                    self.text(&resolved);
                }
                Xml::Eof => {
                    return match self.path.last() {
                        Some(open) => {
                            Err(Fatal { position: at, field: "", message: format!("the file ends before </{open}>") })
                        }
                        None => Ok(()),
                    };
                }
                _ => {}
            }
        }
    }

    fn start(&mut self, element: &BytesStart, at: u64) -> Result<(), Fatal> {
        let fatal = |field, message| Fatal { position: at, field, message };
        let name = element.local_name().as_ref().to_owned();
        let line = self.lines.at(at);
        if self.path.len() == MAX_DEPTH {
            return Err(fatal(
                "",
                format!(
                    "<{name}> is nested more than {MAX_DEPTH} elements deep, far deeper than IATI activity files go"
                ),
            ));
        }
        if self.path.is_empty() {
            if name != "iati-activities" {
                return Err(fatal("", format!("not an IATI activity file: the root element is <{name}>")));
            }
            let version = attribute(element, "version").map_err(|m| fatal("", m))?;
            if let Some(v) = version.filter(|v| !v.starts_with("2.")) {
                return Err(fatal("iati-activities/@version", format!("IATI version {v} is not supported, only 2.0x")));
            }
            self.file_lang = attribute(element, "xml:lang").map_err(|m| fatal("", m))?;
        }
        self.path.push(name);
        let depth = self.path.len();
        if let Some(open) = &mut self.current {
            let inner = self.path[open.depth..].join("/");
            if open.raw.start(&inner, element, line).map_err(|m| fatal("", m))? {
                self.capture = Some((depth, String::new()));
            }
        } else if self.path[depth - 1] == "iati-activity" {
            self.started += 1;
            let lang = attribute(element, "xml:lang").map_err(|m| fatal("", m))?;
            let lang = lang.or_else(|| self.file_lang.clone()).unwrap_or_else(|| "en".to_owned());
            let currency = attribute(element, "default-currency").map_err(|m| fatal("", m))?;
            let raw = RawActivity::new(self.started, line, lang, currency);
            self.current = Some(Open { depth, raw });
        }
        Ok(())
    }

    fn end(&mut self) {
        let depth = self.path.len();
        if let Some((_, text)) = self.capture.take_if(|(d, _)| *d == depth) {
            if let Some(open) = &mut self.current {
                open.raw.text(&self.path[open.depth..].join("/"), text);
            }
        }
        if let Some(open) = self.current.take_if(|open| open.depth == depth) {
            let (activity, problems) = open.raw.build();
            let path = format!("iati-activity[{}]", open.raw.index);
            let problems = problems.into_iter().map(|p| RowError {
                file: self.file.to_owned(),
                location: Location::Element { path: path.clone(), line: p.line },
                field: p.field.to_owned(),
                reason: p.reason,
            });
            // What an activity that is kept lacks is a warning; what makes one skipped, an error.
            match activity {
                Some(activity) => {
                    self.parsed.warnings.extend(problems);
                    self.parsed.records.push(activity);
                }
                None => self.parsed.errors.extend(problems),
            }
        }
        self.path.pop();
    }

    fn text(&mut self, text: &str) {
        if let Some((_, captured)) = &mut self.capture {
            captured.push_str(text);
        }
    }
}

/// The value of an attribute, trimmed; an empty one counts as missing.
fn attribute(element: &BytesStart, name: &str) -> Result<Option<String>, String> {
    let Some(attribute) = element.try_get_attribute(name).map_err(|e| e.to_string())? else { return Ok(None) };
    let value = attribute.normalized_value(XmlVersion::Implicit1_0).map_err(|e| e.to_string())?;
    Ok(Some(value.trim().to_owned()).filter(|v| !v.is_empty()))
}

/// A text of an activity in one language.
struct Narrative {
    /// Its `xml:lang` (or the activity's, or the file's), as written.
    lang: String,
    text: String,
    line: u64,
}

struct Described {
    kind: Option<String>,
    narratives: Vec<Narrative>,
}

struct RawDate {
    kind: Option<String>,
    iso_date: Option<String>,
    line: u64,
}

struct RawOrganisation {
    role: Option<String>,
    iati_ref: Option<String>,
    kind: Option<String>,
    narratives: Vec<Narrative>,
    line: u64,
}

struct RawBudget {
    kind: Option<String>,
    period_start: Option<String>,
    currency: Option<String>,
    value: String,
    line: u64,
}

/// A `sector`, `tag` or `recipient-region`: a code in a vocabulary, perhaps with narratives and
/// a percentage.
struct Coded {
    code: Option<String>,
    vocabulary: Option<String>,
    percentage: Option<String>,
    narratives: Vec<Narrative>,
    line: u64,
}

struct RawCountry {
    code: Option<String>,
    percentage: Option<String>,
    line: u64,
}

struct RawLink {
    url: Option<String>,
    titles: Vec<Narrative>,
    line: u64,
}

/// What an activity says, as written, before any of it is checked.
struct RawActivity {
    /// Counted from 1 in the file.
    index: usize,
    line: u64,
    /// The language of narratives without their own `xml:lang`, as written.
    lang: String,
    default_currency: Option<String>,
    identifier: Option<String>,
    titles: Vec<Narrative>,
    descriptions: Vec<Described>,
    status: Option<(Option<String>, u64)>,
    dates: Vec<RawDate>,
    organisations: Vec<RawOrganisation>,
    countries: Vec<RawCountry>,
    regions: Vec<Coded>,
    budgets: Vec<RawBudget>,
    sectors: Vec<Coded>,
    tags: Vec<Coded>,
    links: Vec<RawLink>,
}

/// Something wrong in an activity: the field as IATI names it, the line of its element, and why.
struct Problem {
    field: &'static str,
    line: u64,
    reason: Reason,
}

fn problem(field: &'static str, line: u64, error: ParseError) -> Problem {
    Problem { field, line, reason: Reason::Invalid(error) }
}

fn noted(field: &'static str, line: u64, what: String) -> Problem {
    Problem { field, line, reason: Reason::Syntax(what) }
}

impl RawActivity {
    fn new(index: usize, line: u64, lang: String, default_currency: Option<String>) -> Self {
        RawActivity {
            index,
            line,
            lang,
            default_currency,
            identifier: None,
            titles: Vec::new(),
            descriptions: Vec::new(),
            status: None,
            dates: Vec::new(),
            organisations: Vec::new(),
            countries: Vec::new(),
            regions: Vec::new(),
            budgets: Vec::new(),
            sectors: Vec::new(),
            tags: Vec::new(),
            links: Vec::new(),
        }
    }

    /// Notes an element that starts at `path` below the activity; says whether its text is wanted.
    fn start(&mut self, path: &str, element: &BytesStart, line: u64) -> Result<bool, String> {
        let attr = |name| attribute(element, name);
        let coded = || {
            Ok::<_, String>(Coded {
                code: attr("code")?,
                vocabulary: attr("vocabulary")?,
                percentage: attr("percentage")?,
                narratives: Vec::new(),
                line,
            })
        };
        match path {
            "iati-identifier" => return Ok(true),
            "description" => self.descriptions.push(Described { kind: attr("type")?, narratives: Vec::new() }),
            "activity-status" => self.status = Some((attr("code")?, line)),
            "activity-date" => self.dates.push(RawDate { kind: attr("type")?, iso_date: attr("iso-date")?, line }),
            "participating-org" => self.organisations.push(RawOrganisation {
                role: attr("role")?,
                iati_ref: attr("ref")?,
                kind: attr("type")?,
                narratives: Vec::new(),
                line,
            }),
            "recipient-country" => {
                self.countries.push(RawCountry { code: attr("code")?, percentage: attr("percentage")?, line })
            }
            "recipient-region" => self.regions.push(coded()?),
            "budget" => self.budgets.push(RawBudget {
                kind: attr("type")?,
                period_start: None,
                currency: None,
                value: String::new(),
                line,
            }),
            "budget/period-start" => {
                if let Some(budget) = self.budgets.last_mut() {
                    budget.period_start = attr("iso-date")?;
                }
            }
            "budget/value" => {
                if let Some(budget) = self.budgets.last_mut() {
                    budget.currency = attr("currency")?;
                    return Ok(true);
                }
            }
            "sector" => self.sectors.push(coded()?),
            "tag" => self.tags.push(coded()?),
            "document-link" => self.links.push(RawLink { url: attr("url")?, titles: Vec::new(), line }),
            _ => {
                if let Some(parent) = path.strip_suffix("/narrative") {
                    let lang = attr("xml:lang")?.unwrap_or_else(|| self.lang.clone());
                    if let Some(narratives) = self.narratives(parent) {
                        narratives.push(Narrative { lang, text: String::new(), line });
                        return Ok(true);
                    }
                }
            }
        }
        Ok(false)
    }

    /// Keeps the text of an element whose text [`RawActivity::start`] asked for.
    fn text(&mut self, path: &str, text: String) {
        match path {
            "iati-identifier" => self.identifier = Some(text),
            "budget/value" => {
                if let Some(budget) = self.budgets.last_mut() {
                    budget.value = text;
                }
            }
            _ => {
                let parent = path.strip_suffix("/narrative").unwrap_or_default();
                if let Some(narrative) = self.narratives(parent).and_then(|n| n.last_mut()) {
                    narrative.text = text;
                }
            }
        }
    }

    /// The narratives of the element at `path` below the activity, if it has any that are read.
    fn narratives(&mut self, path: &str) -> Option<&mut Vec<Narrative>> {
        match path {
            "title" => Some(&mut self.titles),
            "description" => self.descriptions.last_mut().map(|d| &mut d.narratives),
            "participating-org" => self.organisations.last_mut().map(|o| &mut o.narratives),
            "sector" => self.sectors.last_mut().map(|s| &mut s.narratives),
            "tag" => self.tags.last_mut().map(|t| &mut t.narratives),
            "document-link/title" => self.links.last_mut().map(|l| &mut l.titles),
            _ => None,
        }
    }

    /// The project the activity describes, unless something it cannot do without is wrong, and
    /// the problems found either way.
    fn build(&self) -> (Option<Activity>, Vec<Problem>) {
        let mut skip = Vec::new();
        let mut notes = Vec::new();

        let identifier = self.identifier.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let slug = match identifier.map(Slug::from_name) {
            Some(Ok(slug)) => Some(slug),
            Some(Err(e)) => {
                skip.push(problem("iati-identifier", self.line, e));
                None
            }
            None => {
                skip.push(problem("iati-identifier", self.line, ParseError::Empty));
                None
            }
        };
        let title = localized(&self.titles, single_line, "title/narrative", &mut notes);
        if title.is_none() {
            skip.push(problem("title/narrative", self.line, ParseError::NoText));
        }
        let status = self.status(&mut skip);
        let (starts_on, ends_on) = self.dates(&mut skip);
        let (participants, organisations) = self.organisations(&mut notes);
        let (countries, country_shares) = self.countries(&mut notes);
        let (regions, region_shares, mut tags) = self.regions(&mut notes);
        self.tags(&mut tags, &mut notes);
        let budget = self.budget(&mut notes);
        let links = self.links(&mut notes);

        let (Some(slug), Some(title), Some(status), true) = (slug, title, status, skip.is_empty()) else {
            skip.extend(notes);
            skip.sort_by_key(|p| p.line);
            return (None, skip);
        };
        let mut description_of = |kinds: &[Option<&str>]| {
            let described = self.descriptions.iter().find(|d| {
                kinds.contains(&d.kind.as_deref()) && d.narratives.iter().any(|n| !n.text.trim().is_empty())
            })?;
            localized(&described.narratives, paragraphs, "description/narrative", &mut notes)
        };
        let summary = description_of(&[Some("2")]);
        let description = description_of(&[None, Some("1")]).or_else(|| description_of(&[Some("3"), Some("4")]));
        let mut project = Project {
            id: stable_id("iati", &slug),
            slug,
            title,
            summary,
            description,
            status,
            starts_on,
            ends_on,
            participants,
            countries,
            regions,
            themes: Vec::new(),
            shares: Shares { countries: country_shares, regions: region_shares, tags: tags.shares },
            tags: tags.tags,
            budget,
            languages: Vec::new(),
            links,
            iati_identifier: identifier.map(str::to_owned),
            source_url: None,
        };
        // Objectives are often longer than a summary may be; the project does without them then.
        if let Err(("summary", e)) = project.validate() {
            notes.push(problem("description/narrative", self.line, e));
            project.summary = None;
        }
        notes.sort_by_key(|p| p.line);
        if let Err((field, e)) = project.validate() {
            let field = match field {
                "title" => "title/narrative",
                "description" => "description/narrative",
                "ends_on" => "activity-date/@iso-date",
                other => other,
            };
            notes.push(problem(field, self.line, e));
            notes.sort_by_key(|p| p.line);
            return (None, notes);
        }
        let location = Location::Element { path: format!("iati-activity[{}]", self.index), line: self.line };
        (Some(Activity { project, organisations, location }), notes)
    }

    fn status(&self, skip: &mut Vec<Problem>) -> Option<ProjectStatus> {
        const FIELD: &str = "activity-status/@code";
        let Some((code, line)) = &self.status else {
            skip.push(problem(FIELD, self.line, ParseError::Empty));
            return None;
        };
        let status = match code.as_deref() {
            Some("1") => ProjectStatus::Planned,
            Some("2") => ProjectStatus::Ongoing,
            Some("3" | "4") => ProjectStatus::Completed,
            Some("5") => ProjectStatus::Cancelled,
            Some("6") => ProjectStatus::Suspended,
            Some(_) => {
                skip.push(problem(FIELD, *line, ParseError::NotAllowed));
                return None;
            }
            None => {
                skip.push(problem(FIELD, *line, ParseError::Empty));
                return None;
            }
        };
        Some(status)
    }

    /// The start and end, actual dates before planned ones. Dates of other types are ignored.
    fn dates(&self, skip: &mut Vec<Problem>) -> (Option<time::Date>, Option<time::Date>) {
        let mut by_type: [Option<time::Date>; 4] = [None; 4];
        for date in &self.dates {
            let parsed = match date.iso_date.as_deref().map(parse_date) {
                Some(Ok(parsed)) => parsed,
                Some(Err(e)) => {
                    skip.push(problem("activity-date/@iso-date", date.line, e));
                    continue;
                }
                None => {
                    skip.push(problem("activity-date/@iso-date", date.line, ParseError::Empty));
                    continue;
                }
            };
            let slot = match date.kind.as_deref() {
                Some("1") => 0,
                Some("2") => 1,
                Some("3") => 2,
                Some("4") => 3,
                _ => continue,
            };
            by_type[slot].get_or_insert(parsed);
        }
        let [planned_start, actual_start, planned_end, actual_end] = by_type;
        (actual_start.or(planned_start), actual_end.or(planned_end))
    }

    fn organisations(&self, notes: &mut Vec<Problem>) -> (Vec<Contribution>, Vec<Organisation>) {
        let mut organisations: Vec<Organisation> = Vec::new();
        let mut seen = HashSet::new();
        let (mut participants, mut listed) = (Vec::new(), HashSet::new());
        for raw in &self.organisations {
            let role = match raw.role.as_deref() {
                Some("1") => Role::Funder,
                Some("2" | "3") => Role::Partner,
                Some("4") => Role::Implementer,
                Some(_) => {
                    notes.push(problem("participating-org/@role", raw.line, ParseError::NotAllowed));
                    continue;
                }
                None => {
                    notes.push(problem("participating-org/@role", raw.line, ParseError::Empty));
                    continue;
                }
            };
            let identifier = raw.iati_ref.as_deref().filter(|r| is_organisation_identifier(r));
            let from_identifier = || identifier.and_then(|r| LocalizedText::new(Some(r.to_owned()), None).ok());
            let name = localized(&raw.narratives, single_line, "participating-org/narrative", notes);
            let Some(name) = name.or_else(from_identifier) else {
                notes.push(problem("participating-org/narrative", raw.line, ParseError::NoText));
                continue;
            };
            let slug = Slug::from_name(name.get(Lang::En)).or_else(|e| identifier.map_or(Err(e), Slug::from_name));
            let slug = match slug {
                Ok(slug) => slug,
                Err(e) => {
                    notes.push(problem("participating-org/narrative", raw.line, e));
                    continue;
                }
            };
            if !seen.insert((slug.clone(), role, identifier, name.clone())) {
                continue;
            }
            if listed.insert((slug.clone(), role)) {
                participants.push(Contribution { actor: slug.clone(), role });
            }
            let kind = organisation_kind(raw.kind.as_deref());
            let iati_ref = identifier.map(str::to_owned);
            organisations.push(Organisation { iati_ref, name, kind, role, slug, line: raw.line });
        }
        (participants, organisations)
    }

    /// The countries, with the shares given of them.
    fn countries(&self, notes: &mut Vec<Problem>) -> (Vec<CountryCode>, BTreeMap<CountryCode, Percentage>) {
        let (mut countries, mut shares) = (Vec::new(), BTreeMap::new());
        for raw in &self.countries {
            match CountryCode::parse(raw.code.as_deref().unwrap_or_default()) {
                Ok(country) if !countries.contains(&country) => {
                    countries.push(country);
                    if let Some(share) = share(&raw.percentage, "recipient-country/@percentage", raw.line, notes) {
                        shares.insert(country, share);
                    }
                }
                Ok(_) => {}
                Err(e) => notes.push(problem("recipient-country/@code", raw.line, e)),
            }
        }
        (countries, shares)
    }

    /// The M49 regions with their shares, and tags for the regions of other vocabularies.
    fn regions(&self, notes: &mut Vec<Problem>) -> (Vec<RegionCode>, BTreeMap<RegionCode, Percentage>, Tags) {
        let (mut regions, mut shares, mut tags) = (Vec::new(), BTreeMap::new(), Tags::default());
        const PERCENTAGE: &str = "recipient-region/@percentage";
        for region in &self.regions {
            let Some(code) = &region.code else { continue };
            let m49 = (region.vocabulary.as_deref() == Some("2"))
                .then(|| RegionCode::parse(&format!("{code:0>3}")).ok())
                .flatten();
            match m49 {
                Some(m49) if !regions.contains(&m49) => {
                    regions.push(m49);
                    if let Some(share) = share(&region.percentage, PERCENTAGE, region.line, notes) {
                        shares.insert(m49, share);
                    }
                }
                Some(_) => {}
                None => {
                    let share = share(&region.percentage, PERCENTAGE, region.line, notes);
                    tags.add(&format!("IATI region {code}"), share, "recipient-region/@code", region.line, notes);
                }
            }
        }
        (regions, shares, tags)
    }

    /// Adds the tags of the sectors and of the `tag` elements.
    fn tags(&self, tags: &mut Tags, notes: &mut Vec<Problem>) {
        for sector in &self.sectors {
            let dac = matches!(sector.vocabulary.as_deref(), None | Some("1" | "2"));
            let fallback = sector.code.as_ref().map(|c| if dac { format!("DAC {c}") } else { format!("sector {c}") });
            let share = share(&sector.percentage, "sector/@percentage", sector.line, notes);
            tags.coded(sector, fallback, share, ["sector/narrative", "sector/@code"], notes);
        }
        for tag in &self.tags {
            let fallback = tag.code.as_ref().map(|c| format!("tag {c}"));
            tags.coded(tag, fallback, None, ["tag/narrative", "tag/@code"], notes);
        }
    }

    /// The sum of the budgets in the currency of the first, unless some budget cannot be read:
    /// then the total is not known, and a part of it would mislead.
    fn budget(&self, notes: &mut Vec<Problem>) -> Option<Money> {
        const FIELD: &str = "budget/value";
        let revised: HashSet<Option<&str>> =
            self.budgets.iter().filter(|b| b.kind.as_deref() == Some("2")).map(|b| b.period_start.as_deref()).collect();
        let mut total: Option<(CurrencyCode, u128)> = None;
        let mut others: Vec<CurrencyCode> = Vec::new();
        let mut unread = false;
        for budget in &self.budgets {
            if budget.kind.as_deref() != Some("2") && revised.contains(&budget.period_start.as_deref()) {
                continue;
            }
            let currency = budget.currency.as_ref().or(self.default_currency.as_ref());
            let currency = match currency.map(|c| CurrencyCode::parse(c)) {
                Some(Ok(currency)) => currency,
                Some(Err(e)) => {
                    notes.push(problem("budget/value/@currency", budget.line, e));
                    unread = true;
                    continue;
                }
                None => {
                    notes.push(problem("budget/value/@currency", budget.line, ParseError::Empty));
                    unread = true;
                    continue;
                }
            };
            let units = match Amount::parse(&xsd_decimal(&budget.value)) {
                Ok(amount) => units(&amount),
                Err(e) => {
                    notes.push(problem(FIELD, budget.line, e));
                    unread = true;
                    continue;
                }
            };
            match &mut total {
                None => total = Some((currency, units)),
                Some((first, sum)) if *first == currency => match sum.checked_add(units) {
                    Some(more) => *sum = more,
                    None => unread = true,
                },
                Some(_) if !others.contains(&currency) => others.push(currency),
                Some(_) => {}
            }
        }
        let line = self.budgets.first().map_or(self.line, |b| b.line);
        if unread {
            notes.push(noted(
                FIELD,
                line,
                "the activity is kept without a budget, as not every value could be read".into(),
            ));
            return None;
        }
        let (currency, sum) = total?;
        if !others.is_empty() {
            let others = others.iter().map(CurrencyCode::as_str).collect::<Vec<_>>().join(", ");
            notes.push(noted(
                FIELD,
                line,
                format!("the budget is the sum of the budgets in {currency}; those in {others} are left out"),
            ));
        }
        match Amount::parse(&decimal(sum)) {
            Ok(amount) => Some(Money { amount, currency }),
            Err(e) => {
                notes.push(problem(FIELD, line, e));
                None
            }
        }
    }

    fn links(&self, notes: &mut Vec<Problem>) -> Vec<Link> {
        let mut links = Vec::new();
        for link in &self.links {
            match WebUrl::parse(link.url.as_deref().unwrap_or_default()) {
                Ok(url) => {
                    let label = label(&link.titles);
                    links.push(Link { url, label });
                }
                Err(e) => notes.push(problem("document-link/@url", link.line, e)),
            }
        }
        links
    }
}

/// A text in every language its narratives are in. A narrative whose
/// language is not a well-formed tag, or that repeats a language, is left out with a note.
fn localized(
    narratives: &[Narrative],
    tidy: fn(&str) -> String,
    field: &'static str,
    notes: &mut Vec<Problem>,
) -> Option<LocalizedText> {
    let mut texts: Vec<(LanguageTag, String)> = Vec::new();
    for narrative in narratives.iter().filter(|n| !n.text.trim().is_empty()) {
        let Ok(tag) = LanguageTag::parse(&narrative.lang) else {
            let what = format!("is in “{}”, which is not a BCP 47 language tag, so it is left out", narrative.lang);
            notes.push(noted(field, narrative.line, what));
            continue;
        };
        let language = |t: &LanguageTag| t.lang().map_or_else(|| t.as_str().to_owned(), |l| l.code().to_owned());
        if texts.iter().any(|(kept, _)| language(kept) == language(&tag)) {
            let what = format!("is a second narrative in {}, so it is left out", language(&tag));
            notes.push(noted(field, narrative.line, what));
            continue;
        }
        texts.push((tag, tidy(&narrative.text)));
    }
    LocalizedText::from_texts(texts).ok()
}

/// A label that has no language of its own (a tag, a link's title): the English narrative, else
/// the Vietnamese, else the first.
fn label(narratives: &[Narrative]) -> Option<String> {
    let usable = || narratives.iter().filter(|n| !n.text.trim().is_empty());
    let is = |lang: Lang| move |n: &&Narrative| LanguageTag::parse(&n.lang).is_ok_and(|t| t.lang() == Some(lang));
    let chosen = usable().find(is(Lang::En)).or_else(|| usable().find(is(Lang::Vi))).or_else(|| usable().next());
    chosen.map(|n| single_line(&n.text))
}

/// The share an `@percentage` gives, if there is one and it can be read; one that cannot is
/// noted and left out.
fn share(percentage: &Option<String>, field: &'static str, line: u64, notes: &mut Vec<Problem>) -> Option<Percentage> {
    match Percentage::parse(percentage.as_deref()?) {
        Ok(share) => Some(share),
        Err(e) => {
            notes.push(problem(field, line, e));
            None
        }
    }
}

/// A title or name on one line, whatever the layout of the file.
fn single_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A description with the file's indentation taken off each line.
fn paragraphs(text: &str) -> String {
    text.lines().map(str::trim).collect::<Vec<_>>().join("\n")
}

/// The tags of an activity, each once, in the order first given, with the first share given of
/// each.
#[derive(Default)]
struct Tags {
    tags: Vec<Tag>,
    seen: HashSet<Tag>,
    shares: BTreeMap<Tag, Percentage>,
}

impl Tags {
    /// Adds a tag from a sector or `tag` element: its narrative, or else `fallback`. `fields` name
    /// the narrative and the code, for the report.
    fn coded(
        &mut self,
        coded: &Coded,
        fallback: Option<String>,
        share: Option<Percentage>,
        fields: [&'static str; 2],
        notes: &mut Vec<Problem>,
    ) {
        let (text, field) = match (label(&coded.narratives), fallback) {
            (Some(name), _) => (name, fields[0]),
            (None, Some(fallback)) => (fallback, fields[1]),
            (None, None) => return,
        };
        self.add(&text, share, field, coded.line, notes);
    }

    fn add(&mut self, text: &str, share: Option<Percentage>, field: &'static str, line: u64, notes: &mut Vec<Problem>) {
        match Tag::parse(text) {
            Ok(tag) => {
                if let Some(share) = share {
                    self.shares.entry(tag.clone()).or_insert(share);
                }
                if self.seen.insert(tag.clone()) {
                    self.tags.push(tag);
                }
            }
            Err(e) => notes.push(problem(field, line, e)),
        }
    }
}

/// The kind of actor an IATI OrganisationType code stands for.
fn organisation_kind(code: Option<&str>) -> ActorKind {
    match code {
        Some("10" | "11" | "15") => ActorKind::Government,
        Some("21" | "22" | "23" | "24" | "60") => ActorKind::Ngo,
        Some("40") => ActorKind::Intergovernmental,
        Some("70" | "71" | "72" | "73") => ActorKind::Company,
        Some("80") => ActorKind::Academia,
        _ => ActorKind::Other,
    }
}

/// An XML Schema decimal as [`Amount`] reads one: without a leading `+`, and with a digit on each
/// side of its point (`.5` is `0.5`, `5.` is `5`).
fn xsd_decimal(value: &str) -> String {
    let value = value.trim();
    let value = value.strip_prefix('+').unwrap_or(value);
    let value = value.strip_suffix('.').unwrap_or(value);
    if value.starts_with('.') {
        format!("0{value}")
    } else {
        value.to_owned()
    }
}

/// One unit of an amount, in the smallest fraction an [`Amount`] holds.
const SCALE: u128 = 10u128.pow(Amount::MAX_DECIMALS as u32);

/// An amount in the smallest fraction an [`Amount`] holds, so that sums are exact.
fn units(amount: &Amount) -> u128 {
    let (whole, fraction) = amount.parts();
    let whole: u128 = whole.parse().expect("an amount has at most 15 whole digits");
    let fraction: u128 = format!("{fraction:0<width$}", width = Amount::MAX_DECIMALS)
        .parse()
        .expect("an amount has at most as many decimals as the scale");
    whole * SCALE + fraction
}

/// Units of the smallest fraction written as a decimal.
fn decimal(units: u128) -> String {
    format!("{}.{:0width$}", units / SCALE, units % SCALE, width = Amount::MAX_DECIMALS)
}

/// What the database holds already, that the activities of an import are matched against.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// The slug of every project, with the identifier of the activity it was imported from.
    pub projects: Vec<(Slug, Option<String>)>,
    /// The slug of every actor, with its IATI organisation identifier.
    pub actors: Vec<(Slug, Option<String>)>,
}

/// Turns the activities of the files of one import into projects and actors, file after file,
/// so that records from several files and from the database stay apart where they are apart and
/// meet where they are one:
///
/// - an activity whose identifier an earlier activity of the import had is an error that names
///   both, and the later copy is left out;
/// - an activity the database holds (by identifier) keeps its project's slug; any other takes the
///   slug made from its identifier, unless another project has that slug (`…2008/190-916` and
///   `…2008-190-916` make the same one): then the first free of that slug followed by `-2`, `-3`…,
///   with a warning;
/// - an organisation with an identifier is the actor with that identifier, in the database or
///   made earlier in the import. Any other is the actor whose slug its name makes, unless that
///   actor has another identifier: two organisations of one name with different identifiers are
///   kept apart, the later under a slug made from its name and identifier, with a warning. Two
///   different names taken as one actor because they make one slug are reported as a warning. An
///   organisation that matches no actor becomes a new one.
#[derive(Debug)]
pub struct Merge {
    /// The project slugs taken, in the database or by this import, with the identifier of each.
    project_slugs: HashMap<Slug, Option<String>>,
    /// The activity identifiers the database holds, with their project's slug.
    identifiers: HashMap<String, Slug>,
    /// The activity identifiers read so far, with the file and place of each.
    read: HashMap<String, (String, Location)>,
    /// The actor slugs taken, in the database or by this import, with the identifier of each.
    actor_slugs: HashMap<Slug, Option<String>>,
    /// The actors by organisation identifier.
    actor_identifiers: HashMap<String, Slug>,
    /// The first name this import gave each actor it matched by name or made.
    names: HashMap<Slug, String>,
    /// The other names already reported for an actor.
    renamed: HashSet<(Slug, String)>,
    /// For each slug made twice, the number to try next after it.
    suffixes: HashMap<Slug, u64>,
}

impl Merge {
    pub fn new(known: Known) -> Self {
        let identifiers = known.projects.iter().filter_map(|(s, i)| Some((i.clone()?, s.clone()))).collect();
        // Codes stored as identifiers before only identifiers were kept are not identifiers.
        let actor_slugs: HashMap<Slug, Option<String>> = known
            .actors
            .into_iter()
            .map(|(slug, code)| (slug, code.filter(|c| is_organisation_identifier(c))))
            .collect();
        let actor_identifiers = actor_slugs.iter().filter_map(|(s, i)| Some((i.clone()?, s.clone()))).collect();
        Merge {
            project_slugs: known.projects.into_iter().collect(),
            identifiers,
            read: HashMap::new(),
            actor_slugs,
            actor_identifiers,
            names: HashMap::new(),
            renamed: HashSet::new(),
            suffixes: HashMap::new(),
        }
    }

    /// The projects and the new actors of the activities [`read`] from `file`, with the
    /// activities left out as errors and the changes made as warnings.
    pub fn add(&mut self, file: &str, activities: Vec<Activity>) -> Parsed<Dataset> {
        let mut merged = Parsed { records: Dataset::default(), errors: Vec::new(), warnings: Vec::new() };
        for activity in activities {
            let Activity { mut project, organisations, location } = activity;
            let row = |line: u64, field: &str, what: String| RowError {
                file: file.to_owned(),
                location: match &location {
                    Location::Element { path, .. } => Location::Element { path: path.clone(), line },
                    other => other.clone(),
                },
                field: field.to_owned(),
                reason: Reason::Syntax(what),
            };
            let line = match &location {
                Location::Element { line, .. } => *line,
                _ => 0,
            };
            if let Some(identifier) = project.iati_identifier.clone() {
                if let Some((first_file, first)) = self.read.get(&identifier) {
                    let what = format!("{identifier} is also the identifier of {first_file}: {first}, which is kept");
                    merged.errors.push(row(line, "iati-identifier", what));
                    continue;
                }
                self.read.insert(identifier.clone(), (file.to_owned(), location.clone()));
                let slug = match self.identifiers.get(&identifier) {
                    Some(slug) => slug.clone(),
                    None => {
                        let made = project.slug.clone();
                        let taken =
                            |s: &Slug| self.project_slugs.get(s).is_some_and(|i| i.as_ref() != Some(&identifier));
                        let slug = free_slug(&mut self.suffixes, &made, taken);
                        if slug != made {
                            let holder = match self.project_slugs.get(&made) {
                                Some(Some(other)) => format!("the activity {other}"),
                                _ => "another project".to_owned(),
                            };
                            let what =
                                format!("{identifier} makes the slug {made}, which {holder} has; this one is {slug}");
                            merged.warnings.push(row(line, "iati-identifier", what));
                        }
                        slug
                    }
                };
                self.project_slugs.insert(slug.clone(), Some(identifier));
                project.id = stable_id("iati", &slug);
                project.slug = slug;
            }
            let (mut participants, mut listed) = (Vec::new(), HashSet::new());
            for org in &organisations {
                let actor = self.actor(org, &mut merged, &|line, field, what| row(line, field, what));
                let participant = Contribution { actor, role: org.role };
                if listed.insert(participant.clone()) {
                    participants.push(participant);
                }
            }
            project.participants = participants;
            merged.records.projects.push(Stamped::new(project));
        }
        merged
    }

    /// The slug of the actor an organisation is, made when it is new.
    fn actor(
        &mut self,
        org: &Organisation,
        merged: &mut Parsed<Dataset>,
        row: &dyn Fn(u64, &str, String) -> RowError,
    ) -> Slug {
        if let Some(slug) = org.iati_ref.as_ref().and_then(|i| self.actor_identifiers.get(i)) {
            return slug.clone();
        }
        let name = org.name.get(Lang::En).to_owned();
        match (self.actor_slugs.get(&org.slug), &org.iati_ref) {
            (None, _) => self.make(org, org.slug.clone(), merged),
            (Some(Some(other)), Some(identifier)) => {
                let other = other.clone();
                let made = Slug::from_name(&format!("{name} {identifier}")).unwrap_or_else(|_| org.slug.clone());
                let slug = free_slug(&mut self.suffixes, &made, |s| self.actor_slugs.contains_key(s));
                let what = format!(
                    "{identifier} is not the identifier of the actor {}, {other}, so this organisation is the actor {slug}",
                    org.slug
                );
                merged.warnings.push(row(org.line, "participating-org/@ref", what));
                self.make(org, slug, merged)
            }
            (Some(_), identifier) => {
                if let Some(identifier) = identifier {
                    self.actor_slugs.insert(org.slug.clone(), Some(identifier.clone()));
                    self.actor_identifiers.insert(identifier.clone(), org.slug.clone());
                }
                match self.names.get(&org.slug) {
                    Some(first) if *first != name => {
                        if self.renamed.insert((org.slug.clone(), name.clone())) {
                            let what = format!(
                                "“{name}” and “{first}” make the same slug, so both are taken to be the actor {}",
                                org.slug
                            );
                            merged.warnings.push(row(org.line, "participating-org/narrative", what));
                        }
                    }
                    Some(_) => {}
                    None => {
                        self.names.insert(org.slug.clone(), name);
                    }
                }
                org.slug.clone()
            }
        }
    }

    fn make(&mut self, org: &Organisation, slug: Slug, merged: &mut Parsed<Dataset>) -> Slug {
        merged.records.actors.push(Stamped::new(Actor {
            id: stable_id("actor", &slug),
            slug: slug.clone(),
            kind: org.kind,
            name: org.name.clone(),
            short_name: None,
            country: None,
            joined: None,
            website: None,
            listed_as: None,
            iati_ref: org.iati_ref.clone(),
            themes: Vec::new(),
        }));
        self.actor_slugs.insert(slug.clone(), org.iati_ref.clone());
        if let Some(identifier) = &org.iati_ref {
            self.actor_identifiers.insert(identifier.clone(), slug.clone());
        }
        self.names.insert(slug.clone(), org.name.get(Lang::En).to_owned());
        slug
    }
}

/// `slug` if it is free, or else the first free of `slug-2`, `slug-3`… (shortened to fit). The
/// number to try next for each slug is kept in `next`, so that many names making one slug do not
/// each try every number again.
fn free_slug(next: &mut HashMap<Slug, u64>, slug: &Slug, taken: impl Fn(&Slug) -> bool) -> Slug {
    if !taken(slug) {
        return slug.clone();
    }
    let n = next.entry(slug.clone()).or_insert(2);
    loop {
        let suffix = format!("-{n}");
        *n += 1;
        let keep = slug.as_str().len().min(Slug::MAX_LEN - suffix.len());
        let stem = slug.as_str()[..keep].trim_end_matches('-');
        if let Ok(candidate) = Slug::parse(&format!("{stem}{suffix}")) {
            if !taken(&candidate) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A funding activity as a UK government department publishes one.
    const UK: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2024-03-01T00:00:00Z">
  <iati-activity xml:lang="en" default-currency="GBP" last-updated-datetime="2024-02-20T12:00:00Z">
    <iati-identifier>GB-GOV-1-300123</iati-identifier>
    <reporting-org ref="GB-GOV-1" type="10"><narrative>Foreign, Commonwealth and Development Office</narrative></reporting-org>
    <title>
      <narrative>Cyber Security Capacity Building
        in South-East Asia</narrative>
    </title>
    <description type="3"><narrative>Government officials.</narrative></description>
    <description type="1">
      <narrative>
        Support to the national CERTs of Viet Nam and Cambodia.

            Incident-handling exercises &amp; mentoring &#x2014; twice a year.
      </narrative>
    </description>
    <description type="2"><narrative>Stronger national incident response.</narrative></description>
    <participating-org ref="GB-GOV-1" role="1" type="10"><narrative>Foreign, Commonwealth and Development Office</narrative></participating-org>
    <participating-org ref="GB-GOV-1" role="1" type="10"><narrative>Foreign, Commonwealth and Development Office</narrative></participating-org>
    <participating-org ref="XM-DAC-41114" role="4" type="40"><narrative>United Nations Development Programme</narrative></participating-org>
    <participating-org role="4" type="80"><narrative xml:lang="fr">Université de l'Exemple</narrative></participating-org>
    <participating-org role="9" type="80"><narrative>Nobody</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2022-04-01"/>
    <activity-date type="2" iso-date="2022-05-16"/>
    <activity-date type="3" iso-date="2025-03-31"/>
    <recipient-country code="VN" percentage="60"/>
    <recipient-country code="KH" percentage="40"/>
    <recipient-region code="789" vocabulary="1"/>
    <sector vocabulary="1" code="15210"/>
    <sector vocabulary="1" code="22040"><narrative>Information and communication technology (ICT)</narrative></sector>
    <tag vocabulary="99" code="CYBER"><narrative>cyber capacity building</narrative></tag>
    <budget type="1" status="2">
      <period-start iso-date="2022-04-01"/><period-end iso-date="2023-03-31"/>
      <value currency="GBP" value-date="2022-04-01">1250000.50</value>
    </budget>
    <budget type="1" status="2">
      <period-start iso-date="2023-04-01"/><period-end iso-date="2024-03-31"/>
      <value value-date="2023-04-01">980000.25</value>
    </budget>
    <budget type="2" status="2">
      <period-start iso-date="2023-04-01"/><period-end iso-date="2024-03-31"/>
      <value value-date="2023-10-01">1000000</value>
    </budget>
    <budget type="1" status="1">
      <period-start iso-date="2024-04-01"/><period-end iso-date="2025-03-31"/>
      <value currency="USD" value-date="2024-04-01">500000</value>
    </budget>
    <document-link format="text/html" url="https://example.org/projects/GB-GOV-1-300123">
      <title><narrative>Programme page</narrative></title>
      <category code="A01"/>
    </document-link>
    <document-link format="application/pdf" url="ftp://files.example.org/annual-review.pdf">
      <title><narrative>Annual review</narrative></title>
    </document-link>
  </iati-activity>
</iati-activities>
"#;

    /// An activity written in Vietnamese first.
    const VI: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" xml:lang="vi">
  <iati-activity default-currency="VND">
    <iati-identifier>XM-EXAMPLE-VN-0042</iati-identifier>
    <title>
      <narrative>Tăng cường năng lực ứng cứu sự cố an toàn thông tin mạng</narrative>
      <narrative xml:lang="en-GB">Strengthening cyber incident response capacity</narrative>
    </title>
    <description>
      <narrative xml:lang="vi">Đào tạo cán bộ ứng cứu sự cố cho các bộ, ngành.</narrative>
    </description>
    <participating-org role="1" type="15"><narrative xml:lang="vi">Bộ Thông tin và Truyền thông</narrative></participating-org>
    <participating-org role="3" type="21" ref="XM-EXAMPLE-NGO-7"/>
    <activity-status code="1"/>
    <activity-date type="1" iso-date="2025-01-01"/>
    <activity-date type="3" iso-date="2026-12-31"/>
    <recipient-country code="vn"/>
    <recipient-region code="35" vocabulary="2"/>
    <sector vocabulary="2" code="220"/>
    <tag code="SDG-16"/>
    <budget><value value-date="2025-01-01">5000000000</value></budget>
  </iati-activity>
</iati-activities>
"#;

    fn located(errors: &[RowError]) -> Vec<(String, &str)> {
        errors.iter().map(|e| (e.location.to_string(), e.field.as_str())).collect()
    }

    #[test]
    fn reads_a_funding_activity() {
        let parsed = read(UK.as_bytes(), "uk.xml").unwrap();
        assert_eq!(parsed.errors, []);
        assert_eq!(
            located(&parsed.warnings),
            [
                ("iati-activity[1] (line 23)".to_owned(), "participating-org/@role"),
                ("iati-activity[1] (line 34)".to_owned(), "budget/value"),
                ("iati-activity[1] (line 54)".to_owned(), "document-link/@url"),
            ]
        );
        assert_eq!(
            parsed.warnings[1].reason.to_string(),
            "the budget is the sum of the budgets in GBP; those in USD are left out"
        );
        assert_eq!(parsed.warnings[2].reason, Reason::Invalid(ParseError::Url));
        assert_eq!(parsed.records[0].location, Location::Element { path: "iati-activity[1]".into(), line: 3 });
        let [activity] = &parsed.records[..] else { panic!("one activity") };
        let p = &activity.project;
        assert_eq!(p.iati_identifier.as_deref(), Some("GB-GOV-1-300123"));
        assert_eq!(p.slug.as_str(), "gb-gov-1-300123");
        assert_eq!(p.id, stable_id("iati", &Slug::parse("gb-gov-1-300123").unwrap()));
        assert_eq!((p.title.en(), p.title.vi()), (Some("Cyber Security Capacity Building in South-East Asia"), None));
        let description = p.description.as_ref().unwrap();
        assert_eq!(
            description.en(),
            Some("Support to the national CERTs of Viet Nam and Cambodia.\n\nIncident-handling exercises & mentoring — twice a year.")
        );
        assert_eq!(p.summary.as_ref().unwrap().en(), Some("Stronger national incident response."));
        assert_eq!(p.status, ProjectStatus::Ongoing);
        assert_eq!(p.starts_on, Some(parse_date("2022-05-16").unwrap()), "the actual start wins");
        assert_eq!(p.ends_on, Some(parse_date("2025-03-31").unwrap()), "the planned end, as there is no actual one");
        let participants: Vec<(&str, Role)> = p.participants.iter().map(|c| (c.actor.as_str(), c.role)).collect();
        assert_eq!(
            participants,
            [
                ("foreign-commonwealth-and-development-office", Role::Funder),
                ("united-nations-development-programme", Role::Implementer),
                ("universite-de-l-exemple", Role::Implementer),
            ]
        );
        let orgs: Vec<(Option<&str>, (&str, &str), ActorKind)> = activity
            .organisations
            .iter()
            .map(|o| {
                let (name, lang) = o.name.resolve(Lang::En);
                (o.iati_ref.as_deref(), (name, lang.as_str()), o.kind)
            })
            .collect();
        assert_eq!(
            orgs,
            [
                (Some("GB-GOV-1"), ("Foreign, Commonwealth and Development Office", "en"), ActorKind::Government),
                (Some("XM-DAC-41114"), ("United Nations Development Programme", "en"), ActorKind::Intergovernmental),
                (None, ("Université de l'Exemple", "fr"), ActorKind::Academia),
            ]
        );
        let countries: Vec<&str> = p.countries.iter().map(CountryCode::as_str).collect();
        assert_eq!(countries, ["VN", "KH"]);
        assert!(p.regions.is_empty());
        assert_eq!(
            p.tags.iter().map(Tag::as_str).collect::<Vec<_>>(),
            [
                "IATI region 789",
                "DAC 15210",
                "Information and communication technology (ICT)",
                "cyber capacity building"
            ]
        );
        let budget = p.budget.as_ref().unwrap();
        assert_eq!((budget.amount.as_str(), budget.currency.as_str()), ("2250000.5", "GBP"));
        assert_eq!(
            p.links,
            [Link {
                url: WebUrl::parse("https://example.org/projects/GB-GOV-1-300123").unwrap(),
                label: Some("Programme page".into())
            }]
        );
        assert!(p.themes.is_empty() && p.languages.is_empty() && p.source_url.is_none());
    }

    #[test]
    fn reads_vietnamese_narratives() {
        let parsed = read(VI.as_bytes(), "vi.xml").unwrap();
        assert_eq!((parsed.errors, parsed.warnings), (vec![], vec![]));
        let p = &parsed.records[0].project;
        assert_eq!(p.title.vi(), Some("Tăng cường năng lực ứng cứu sự cố an toàn thông tin mạng"));
        assert_eq!(p.title.en(), Some("Strengthening cyber incident response capacity"));
        let description = p.description.as_ref().unwrap();
        assert_eq!(
            (description.en(), description.vi()),
            (None, Some("Đào tạo cán bộ ứng cứu sự cố cho các bộ, ngành."))
        );
        assert_eq!(p.summary, None);
        assert_eq!(p.status, ProjectStatus::Planned);
        assert_eq!((p.starts_on, p.ends_on), (parse_date("2025-01-01").ok(), parse_date("2026-12-31").ok()));
        let orgs: Vec<_> = parsed.records[0]
            .organisations
            .iter()
            .map(|o| (o.slug.as_str(), o.name.en(), o.name.vi(), o.kind, o.role))
            .collect();
        assert_eq!(
            orgs,
            [
                (
                    "bo-thong-tin-va-truyen-thong",
                    None,
                    Some("Bộ Thông tin và Truyền thông"),
                    ActorKind::Government,
                    Role::Funder
                ),
                ("xm-example-ngo-7", Some("XM-EXAMPLE-NGO-7"), None, ActorKind::Ngo, Role::Partner),
            ]
        );
        assert_eq!(p.countries, [CountryCode::parse("VN").unwrap()]);
        assert_eq!(p.regions, [RegionCode::parse("035").unwrap()]);
        assert_eq!(p.tags.iter().map(Tag::as_str).collect::<Vec<_>>(), ["DAC 220", "tag SDG-16"]);
        let budget = p.budget.as_ref().unwrap();
        assert_eq!((budget.amount.as_str(), budget.currency.as_str()), ("5000000000", "VND"));
    }

    fn activity(identifier: &str, inside: &str) -> String {
        format!(
            "  <iati-activity>\n    <iati-identifier>{identifier}</iati-identifier>\n    \
             <title><narrative>Activity {identifier}</narrative></title>\n{inside}\n  </iati-activity>\n"
        )
    }

    fn file(activities: &[String]) -> String {
        format!("<iati-activities version=\"2.03\">\n{}</iati-activities>\n", activities.concat())
    }

    #[test]
    fn a_bad_activity_is_reported_and_skipped() {
        let ok = "    <activity-status code=\"2\"/>";
        let xml = file(&[
            activity("XM-EXAMPLE-1", ok),
            activity("XM-EXAMPLE-2", "    <activity-status code=\"9\"/>"),
            activity("XM-EXAMPLE-3", &format!("{ok}\n    <activity-date type=\"2\" iso-date=\"2024-02-30\"/>")),
            activity("", ok),
            "  <iati-activity>\n    <iati-identifier>XM-EXAMPLE-5</iati-identifier>\n    <title/>\n  </iati-activity>\n".into(),
            activity("XM-EXAMPLE-6", &format!("{ok}\n    <recipient-country code=\"XK\"/>")),
            activity(
                "XM-EXAMPLE-7",
                &format!("{ok}\n    <activity-date type=\"2\" iso-date=\"2024-02-01\"/><activity-date type=\"4\" iso-date=\"2023-01-01\"/>"),
            ),
        ]);
        let parsed = read(xml.as_bytes(), "mixed.xml").unwrap();
        let errors: Vec<(String, &str, String)> =
            parsed.errors.iter().map(|e| (e.location.to_string(), e.field.as_str(), e.reason.to_string())).collect();
        let expected: Vec<(String, &str, String)> = vec![
            ("iati-activity[2] (line 10)".into(), "activity-status/@code", "is not one of the allowed values".into()),
            (
                "iati-activity[3] (line 16)".into(),
                "activity-date/@iso-date",
                "must be a date written YYYY-MM-DD".into(),
            ),
            ("iati-activity[4] (line 18)".into(), "iati-identifier", "must not be empty".into()),
            ("iati-activity[5] (line 23)".into(), "title/narrative", ParseError::NoText.to_string()),
            ("iati-activity[5] (line 23)".into(), "activity-status/@code", "must not be empty".into()),
            (
                "iati-activity[7] (line 33)".into(),
                "activity-date/@iso-date",
                "must not be before the start date".into(),
            ),
        ];
        assert_eq!(errors, expected);
        // A bad country is left out, and the activity kept.
        assert_eq!(located(&parsed.warnings), [("iati-activity[6] (line 31)".to_owned(), "recipient-country/@code")]);
        let kept: Vec<&str> = parsed.records.iter().filter_map(|a| a.project.iati_identifier.as_deref()).collect();
        assert_eq!(kept, ["XM-EXAMPLE-1", "XM-EXAMPLE-6"]);
    }

    #[test]
    fn objectives_too_long_for_a_summary_are_left_out() {
        let objectives =
            format!("    <description type=\"2\"><narrative>{}</narrative></description>", "x".repeat(2001));
        let xml = file(&[activity("XM-EXAMPLE-1", &format!("    <activity-status code=\"2\"/>\n{objectives}"))]);
        let parsed = read(xml.as_bytes(), "long.xml").unwrap();
        assert_eq!(located(&parsed.warnings), [("iati-activity[1] (line 2)".to_owned(), "description/narrative")]);
        assert_eq!(parsed.warnings[0].reason, Reason::Invalid(ParseError::TooLong { max: crate::SUMMARY_MAX }));
        assert_eq!(parsed.records[0].project.summary, None);
    }

    #[test]
    fn broken_xml_refuses_the_whole_file() {
        let ok = "    <activity-status code=\"2\"/>";
        let broken = "  <iati-activity>\n    <title><narrative>Unclosed</title>\n  </iati-activity>\n";
        let xml = file(&[activity("XM-EXAMPLE-1", ok), activity("XM-EXAMPLE-2", ok), broken.into()]);
        let error = read(xml.as_bytes(), "broken.xml").unwrap_err();
        assert_eq!(error.location, Location::Element { path: "iati-activity[3]".into(), line: 13 });
        assert!(matches!(&error.reason, Reason::Syntax(s) if s.contains("narrative")), "{error}");

        // A file cut short is refused whole too, rather than read up to where it stops.
        let truncated = &xml[..xml.find("  <iati-activity>\n    <title>").unwrap()];
        let error = read(truncated.as_bytes(), "truncated.xml").unwrap_err();
        assert_eq!(error.reason, Reason::Syntax("the file ends before </iati-activities>".into()));
        assert_eq!(
            error.to_string(),
            "truncated.xml: iati-activities (line 12): the file ends before </iati-activities>"
        );
        let cut_in_an_activity = &xml[..xml.find("XM-EXAMPLE-2").unwrap()];
        let error = read(cut_in_an_activity.as_bytes(), "cut.xml").unwrap_err();
        assert_eq!(error.location, Location::Element { path: "iati-activity[2]".into(), line: 8 });
    }

    #[test]
    fn only_iati_activity_files_are_read() {
        let error = read(b"<iati-organisations version=\"2.03\"/>", "orgs.xml").unwrap_err();
        assert!(matches!(&error.reason, Reason::Syntax(s) if s.contains("<iati-organisations>")));
        let error = read(b"<iati-activities version=\"1.05\"></iati-activities>", "old.xml").unwrap_err();
        assert_eq!(error.field, "iati-activities/@version");
        let parsed = read("\u{feff}<iati-activities version=\"2.03\"></iati-activities>".as_bytes(), "empty.xml");
        let parsed = parsed.unwrap();
        assert_eq!((parsed.records.len(), parsed.errors.len()), (0, 0));
    }

    #[test]
    fn the_sample_file_reads_without_errors() {
        let sample = include_str!("../../../../data/samples/iati-sample.xml");
        let parsed = read(sample.as_bytes(), "iati-sample.xml").unwrap();
        assert_eq!((parsed.errors, parsed.warnings), (vec![], vec![]));
        assert_eq!(parsed.records.len(), 5);
        let budgets: Vec<String> = parsed
            .records
            .iter()
            .map(|a| a.project.budget.as_ref().map(|b| format!("{} {}", b.amount.as_str(), b.currency)).unwrap())
            .collect();
        assert_eq!(budgets, ["1315000.5 EUR", "1350000 USD", "275000 GBP", "765500.75 AUD", "950000 EUR"]);
        let west_africa = &parsed.records[1].project;
        assert_eq!(west_africa.regions, [RegionCode::parse("011").unwrap()]);
        assert_eq!(west_africa.status, ProjectStatus::Completed);
        assert_eq!(west_africa.ends_on, parse_date("2024-09-30").ok());
        let asean = &parsed.records[2].project;
        assert_eq!(asean.title.vi(), Some("Đào tạo ngoại giao an ninh mạng cho các nước ASEAN"));
        assert_eq!(asean.status, ProjectStatus::Planned);
    }

    #[test]
    fn sums_are_exact() {
        let total = ["0.1", "0.2", "999999999999999.000000000000000001"]
            .iter()
            .map(|v| units(&Amount::parse(v).unwrap()))
            .sum::<u128>();
        assert_eq!(decimal(total), "999999999999999.300000000000000001");
        assert_eq!(Amount::parse(&decimal(units(&Amount::parse("0.1").unwrap()) * 3)).unwrap().as_str(), "0.3");
        assert_eq!(["+5", ".5", "5.", " 5 "].map(xsd_decimal), ["5", "0.5", "5", "5"]);
    }

    /// An activity as a Swedish agency publishes one: Swedish and English narratives, budgets with
    /// six decimals, organisations named by DAC codes rather than identifiers.
    const SE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity xml:lang="sv" default-currency="SEK">
    <iati-identifier>SE-0-SE-6-5400012301-KEN-15210</iati-identifier>
    <title>
      <narrative>Cybersäkerhet i Östafrika</narrative>
      <narrative xml:lang="en">Cyber security in East Africa</narrative>
    </title>
    <description type="1">
      <narrative>Stöd till nationella incidentteam.</narrative>
      <narrative xml:lang="en">Support to national incident response teams.</narrative>
    </description>
    <participating-org ref="SE-0" role="1" type="10"><narrative xml:lang="en">Sida</narrative></participating-org>
    <participating-org ref="51000" role="4" type="80"><narrative xml:lang="en">Umeå University</narrative></participating-org>
    <participating-org ref="51000" role="4" type="21"><narrative xml:lang="en">Stockholm Resilience Institute</narrative></participating-org>
    <participating-org ref="N/A" role="2" type="10"/>
    <activity-status code="5"/>
    <recipient-country code="KE"/>
    <budget type="1"><period-start iso-date="2023-01-01"/><value value-date="2023-01-01">1533333.333333</value></budget>
    <budget type="1"><period-start iso-date="2024-01-01"/><value value-date="2024-01-01">3066666.666667</value></budget>
  </iati-activity>
  <iati-activity default-currency="XDR">
    <iati-identifier>XM-EXAMPLE-SUSPENDED</iati-identifier>
    <title><narrative xml:lang="en">Suspended work</narrative></title>
    <activity-status code="6"/>
    <budget><value>+.5</value></budget>
    <budget><value>250000.</value></budget>
  </iati-activity>
</iati-activities>
"#;

    #[test]
    fn six_decimal_budgets_xdr_and_every_status_are_read() {
        let parsed = read(SE.as_bytes(), "se.xml").unwrap();
        assert_eq!(parsed.errors, []);
        let [sida, suspended] = &parsed.records[..] else { panic!("two activities: {parsed:?}") };
        let budget = sida.project.budget.as_ref().unwrap();
        assert_eq!((budget.amount.as_str(), budget.currency.as_str()), ("4600000", "SEK"));
        assert_eq!(sida.project.status, ProjectStatus::Cancelled);
        assert_eq!(sida.project.title.en(), Some("Cyber security in East Africa"));
        assert!(sida.project.languages.is_empty(), "a Swedish title beside an English one is not kept");
        let budget = suspended.project.budget.as_ref().unwrap();
        assert_eq!((budget.amount.as_str(), budget.currency.as_str()), ("250000.5", "XDR"));
        assert_eq!(suspended.project.status, ProjectStatus::Suspended);
        let statuses: Vec<ProjectStatus> = ["1", "2", "3", "4", "5", "6"]
            .iter()
            .map(|code| {
                let xml = file(&[activity("XM-EXAMPLE-1", &format!("<activity-status code=\"{code}\"/>"))]);
                read(xml.as_bytes(), "status.xml").unwrap().records[0].project.status
            })
            .collect();
        use ProjectStatus::*;
        assert_eq!(statuses, [Planned, Ongoing, Completed, Completed, Cancelled, Suspended]);
    }

    #[test]
    fn an_unreadable_budget_leaves_none_rather_than_a_part() {
        let budgets = "<activity-status code=\"2\"/>\n\
                       <budget><value currency=\"USD\">4600000</value></budget>\n\
                       <budget><value currency=\"USD\">1,000</value></budget>";
        let xml = file(&[activity("XM-EXAMPLE-1", budgets)]);
        let parsed = read(xml.as_bytes(), "budget.xml").unwrap();
        assert_eq!(parsed.records[0].project.budget, None);
        let warnings: Vec<(String, String)> =
            parsed.warnings.iter().map(|w| (w.location.to_string(), w.reason.to_string())).collect();
        assert_eq!(
            warnings,
            [
                (
                    "iati-activity[1] (line 6)".into(),
                    "the activity is kept without a budget, as not every value could be read".into()
                ),
                ("iati-activity[1] (line 7)".into(), ParseError::Amount.to_string()),
            ]
        );
    }

    #[test]
    fn only_organisation_identifiers_identify() {
        for identifier in ["XM-DAC-41114", "GB-COH-09506232", "GB-GOV-1", "SE-0", "DE-1", "XI-IATI-EC_INTPA"] {
            assert!(is_organisation_identifier(identifier), "{identifier}");
        }
        for code in ["51000", "61", "N/A", "", "XM-DAC", "XM-DAC-", "gb-coh-1", "GBR-COH-1", "GB-COH-1 2", "SE-"] {
            assert!(!is_organisation_identifier(code), "{code}");
        }
        let parsed = read(SE.as_bytes(), "se.xml").unwrap();
        let orgs: Vec<(&str, Option<&str>)> =
            parsed.records[0].organisations.iter().map(|o| (o.slug.as_str(), o.iati_ref.as_deref())).collect();
        assert_eq!(
            orgs,
            [("sida", Some("SE-0")), ("umea-university", None), ("stockholm-resilience-institute", None)],
            "two organisations that share a DAC code stay two, and a code is no name"
        );
        assert_eq!(
            located(&parsed.warnings),
            [("iati-activity[1] (line 16)".to_owned(), "participating-org/narrative")]
        );
    }

    /// Activities as a Swedish and a French publisher write them: the file's language is Swedish,
    /// one activity French; narratives in English beside others, none beside others; percentages
    /// on countries, regions and sectors, one of them unreadable; narratives whose language is not
    /// a tag, and a second narrative in one language.
    const SV_FR: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" xml:lang="sv">
  <iati-activity default-currency="SEK">
    <iati-identifier>SE-0-SE-6-5400099901</iati-identifier>
    <title>
      <narrative>Cybersäkerhet i Västafrika</narrative>
      <narrative xml:lang="en">Cyber security in West Africa</narrative>
      <narrative xml:lang="fr">Cybersécurité en Afrique de l'Ouest</narrative>
    </title>
    <description type="1">
      <narrative>Stöd till nationella incidentteam.</narrative>
      <narrative xml:lang="fr_FR">Appui aux équipes nationales.</narrative>
    </description>
    <participating-org ref="SE-0" role="1" type="10"><narrative xml:lang="en">Sida</narrative></participating-org>
    <activity-status code="2"/>
    <recipient-country code="SN" percentage="60"/>
    <recipient-country code="CI" percentage="33.33"/>
    <recipient-country code="ML" percentage="six"/>
    <recipient-region code="011" vocabulary="2" percentage="6.67"/>
    <recipient-region code="289" vocabulary="1" percentage="100"/>
    <sector vocabulary="1" code="15210" percentage="75.5"/>
    <sector vocabulary="1" code="22040" percentage="24.5"/>
    <sector vocabulary="1" code="15110" percentage="100.01"/>
  </iati-activity>
  <iati-activity xml:lang="fr" default-currency="EUR">
    <iati-identifier>FR-6-CYBER-2024</iati-identifier>
    <title><narrative>Renforcement de la cybersécurité au Sénégal</narrative></title>
    <description>
      <narrative>Appui au CERT national sénégalais.</narrative>
      <narrative xml:lang="ES">Apoyo al CERT nacional de Senegal.</narrative>
      <narrative xml:lang="fr">Deuxième description.</narrative>
    </description>
    <participating-org role="4" type="80"><narrative>Université Cheikh Anta Diop</narrative></participating-org>
    <activity-status code="2"/>
    <recipient-country code="SN"/>
  </iati-activity>
  <iati-activity>
    <iati-identifier>SE-0-NO-LANGUAGE</iati-identifier>
    <title><narrative xml:lang="svenska">Ingen</narrative></title>
    <activity-status code="2"/>
  </iati-activity>
</iati-activities>
"#;

    fn tag(s: &str) -> LanguageTag {
        LanguageTag::parse(s).unwrap()
    }

    fn texts(text: &LocalizedText) -> Vec<(&str, &str)> {
        text.texts().map(|(l, t)| (l.as_str(), t)).collect()
    }

    #[test]
    fn every_narrative_is_kept_in_its_language() {
        let parsed = read(SV_FR.as_bytes(), "sv-fr.xml").unwrap();
        let [swedish, french] = &parsed.records[..] else { panic!("two activities kept: {parsed:?}") };
        let p = &swedish.project;
        assert_eq!(
            texts(&p.title),
            [
                ("en", "Cyber security in West Africa"),
                ("fr", "Cybersécurité en Afrique de l'Ouest"),
                ("sv", "Cybersäkerhet i Västafrika")
            ],
            "a narrative without xml:lang is in the file's language"
        );
        assert_eq!(texts(p.description.as_ref().unwrap()), [("sv", "Stöd till nationella incidentteam.")]);
        assert!(p.languages.is_empty());

        let p = &french.project;
        assert_eq!(
            (p.title.en(), p.title.vi(), p.title.resolve(Lang::Vi)),
            (None, None, ("Renforcement de la cybersécurité au Sénégal", &tag("fr"))),
            "a French-only title is French, not English"
        );
        assert_eq!(
            texts(p.description.as_ref().unwrap()),
            [("es", "Apoyo al CERT nacional de Senegal."), ("fr", "Appui au CERT national sénégalais.")]
        );
        assert_eq!(
            texts(&french.organisations[0].name),
            [("fr", "Université Cheikh Anta Diop")],
            "an organisation's name keeps its language too"
        );
        assert_eq!(french.organisations[0].slug.as_str(), "universite-cheikh-anta-diop");

        let warnings: Vec<(String, &str, String)> =
            parsed.warnings.iter().map(|w| (w.location.to_string(), w.field.as_str(), w.reason.to_string())).collect();
        let percentage = ParseError::Percentage.to_string();
        assert_eq!(
            warnings,
            [
                (
                    "iati-activity[1] (line 12)".into(),
                    "description/narrative",
                    "is in “fr_FR”, which is not a BCP 47 language tag, so it is left out".into()
                ),
                ("iati-activity[1] (line 18)".into(), "recipient-country/@percentage", percentage.clone()),
                ("iati-activity[1] (line 23)".into(), "sector/@percentage", percentage),
                (
                    "iati-activity[2] (line 31)".into(),
                    "description/narrative",
                    "is a second narrative in fr, so it is left out".into()
                ),
            ]
        );
        let errors: Vec<(String, &str, String)> =
            parsed.errors.iter().map(|e| (e.location.to_string(), e.field.as_str(), e.reason.to_string())).collect();
        assert_eq!(
            errors,
            [
                ("iati-activity[3] (line 37)".into(), "title/narrative", ParseError::NoText.to_string()),
                (
                    "iati-activity[3] (line 39)".into(),
                    "title/narrative",
                    "is in “svenska”, which is not a BCP 47 language tag, so it is left out".into()
                ),
            ]
        );
    }

    #[test]
    fn percentages_are_kept_as_shares_and_a_bad_one_leaves_its_place() {
        let parsed = read(SV_FR.as_bytes(), "sv-fr.xml").unwrap();
        let p = &parsed.records[0].project;
        let codes: Vec<&str> = p.countries.iter().map(CountryCode::as_str).collect();
        assert_eq!(codes, ["SN", "CI", "ML"], "a country with an unreadable percentage is kept");
        let countries: Vec<(&str, String)> =
            p.shares.countries.iter().map(|(c, s)| (c.as_str(), s.to_string())).collect();
        assert_eq!(countries, [("CI", "33.33".to_owned()), ("SN", "60".to_owned())]);
        assert_eq!(p.regions, [RegionCode::parse("011").unwrap()]);
        assert_eq!(p.shares.regions.values().map(ToString::to_string).collect::<Vec<_>>(), ["6.67"]);
        assert_eq!(
            p.tags.iter().map(Tag::as_str).collect::<Vec<_>>(),
            ["IATI region 289", "DAC 15210", "DAC 22040", "DAC 15110"]
        );
        let tags: Vec<(&str, String)> = p.shares.tags.iter().map(|(t, s)| (t.as_str(), s.to_string())).collect();
        assert_eq!(
            tags,
            [("DAC 15210", "75.5".into()), ("DAC 22040", "24.5".into()), ("IATI region 289", "100".into())]
        );
        assert_eq!(p.validate(), Ok(()));
        assert!(parsed.records[1].project.shares.is_empty(), "no percentage, no share");
    }

    #[test]
    fn nesting_deeper_than_iati_goes_is_refused_at_once() {
        let depth = 10_000;
        let xml = format!(
            "<iati-activities version=\"2.03\">\n<iati-activity>\n{}{}\n</iati-activity>\n</iati-activities>",
            "<x>\n".repeat(depth),
            "</x>".repeat(depth)
        );
        let error = read(xml.as_bytes(), "deep.xml").unwrap_err();
        assert_eq!(error.location, Location::Element { path: "iati-activity[1]".into(), line: MAX_DEPTH as u64 + 1 });
        assert!(error.to_string().contains("<x> is nested more than 32 elements deep"), "{error}");
        let shallow = file(&[activity(
            "XM-EXAMPLE-1",
            &format!("<activity-status code=\"2\"/>{}{}", "<x>".repeat(29), "</x>".repeat(29)),
        )]);
        assert_eq!(read(shallow.as_bytes(), "shallow.xml").unwrap().records.len(), 1);
    }

    #[test]
    fn utf16_files_are_read_as_their_text() {
        let text = VI.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        let expected = read(VI.as_bytes(), "vi.xml").unwrap();
        let little: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let big: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(read(&little, "vi.xml").unwrap(), expected);
        assert_eq!(read(&big, "vi.xml").unwrap(), expected);

        let cut = read(&little[..little.len() - 1], "cut.xml").unwrap_err();
        // The last line feed is the character cut in half.
        let last = VI.lines().count() as u64;
        assert_eq!(cut.location, Location::Element { path: "iati-activities".into(), line: last });
        assert!(cut.to_string().ends_with("the file is UTF-16 but ends in the middle of a character"), "{cut}");
        let mut lone = little[..20].to_vec();
        lone.extend(0xD800u16.to_le_bytes());
        assert!(read(&lone, "lone.xml").unwrap_err().to_string().contains("unpaired surrogate"));
    }

    fn known(projects: &[(&str, Option<&str>)], actors: &[(&str, Option<&str>)]) -> Known {
        let pairs = |list: &[(&str, Option<&str>)]| {
            list.iter().map(|(s, i)| (Slug::parse(s).unwrap(), i.map(str::to_owned))).collect()
        };
        Known { projects: pairs(projects), actors: pairs(actors) }
    }

    fn slugs<T>(records: &[Stamped<T>], slug: fn(&T) -> &Slug) -> Vec<&str> {
        records.iter().map(|r| slug(&r.record).as_str()).collect()
    }

    #[test]
    fn an_identifier_read_twice_is_an_error_naming_both() {
        let ok = "<activity-status code=\"2\"/><recipient-country code=\"VN\"/>";
        let first = file(&[activity("XM-EXAMPLE-1", ok), activity("XM-EXAMPLE-2", ok)]);
        let second = file(&[activity("XM-EXAMPLE-3", ok), activity("XM-EXAMPLE-1", ok), activity("XM-EXAMPLE-3", ok)]);
        let mut merge = Merge::new(Known::default());
        let a = merge.add("a.xml", read(first.as_bytes(), "a.xml").unwrap().records);
        let b = merge.add("b.xml", read(second.as_bytes(), "b.xml").unwrap().records);
        assert_eq!((a.errors.len(), a.records.projects.len()), (0, 2));
        let errors: Vec<String> = b.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [
                "b.xml: iati-activity[2] (line 7): iati-identifier: XM-EXAMPLE-1 is also the identifier of a.xml: \
                 iati-activity[1] (line 2), which is kept",
                "b.xml: iati-activity[3] (line 12): iati-identifier: XM-EXAMPLE-3 is also the identifier of b.xml: \
                 iati-activity[1] (line 2), which is kept",
            ]
        );
        assert_eq!(slugs(&b.records.projects, |p| &p.slug), ["xm-example-3"]);
    }

    #[test]
    fn identifiers_that_make_one_slug_stay_apart() {
        let ok = "<activity-status code=\"2\"/>";
        let xml = file(&[
            activity("XM-EXAMPLE-2008/190-916", ok),
            activity("XM-EXAMPLE-2008-190-916", ok),
            activity("XM-EXAMPLE-OLD", ok),
            activity("XM-EXAMPLE-MOVED", ok),
        ]);
        let database =
            known(&[("xm-example-old", Some("XM-OTHER/OLD")), ("xm-example-moved-2", Some("XM-EXAMPLE-MOVED"))], &[]);
        let mut merge = Merge::new(database);
        let merged = merge.add("slugs.xml", read(xml.as_bytes(), "slugs.xml").unwrap().records);
        assert_eq!(merged.errors, []);
        let projects = &merged.records.projects;
        assert_eq!(
            slugs(projects, |p| &p.slug),
            ["xm-example-2008-190-916", "xm-example-2008-190-916-2", "xm-example-old-2", "xm-example-moved-2"],
            "the database's project of an identifier keeps its slug"
        );
        assert!(projects.iter().all(|p| p.record.id == stable_id("iati", &p.record.slug)));
        let warnings: Vec<String> = merged.warnings.iter().map(|w| w.reason.to_string()).collect();
        assert_eq!(
            warnings,
            [
                "XM-EXAMPLE-2008-190-916 makes the slug xm-example-2008-190-916, which the activity \
                 XM-EXAMPLE-2008/190-916 has; this one is xm-example-2008-190-916-2",
                "XM-EXAMPLE-OLD makes the slug xm-example-old, which the activity XM-OTHER/OLD has; this one is \
                 xm-example-old-2",
            ]
        );
        let long = Slug::parse(&"a".repeat(100)).unwrap();
        let mut next = HashMap::new();
        assert_eq!(free_slug(&mut next, &long, |s| *s == long).as_str(), format!("{}-2", "a".repeat(98)));
        assert_eq!(free_slug(&mut next, &long, |s| *s == long).as_str(), format!("{}-3", "a".repeat(98)));
    }

    #[test]
    fn organisations_meet_by_identifier_and_by_name_and_say_so() {
        let org = |r: Option<&str>, role: u8, name: &str| {
            let r = r.map(|r| format!(" ref=\"{r}\"")).unwrap_or_default();
            format!("<participating-org{r} role=\"{role}\"><narrative>{name}</narrative></participating-org>")
        };
        let status = "<activity-status code=\"2\"/>";
        let xml = file(&[
            activity(
                "XM-EXAMPLE-1",
                &[
                    status.to_owned(),
                    org(Some("XM-DAC-41114"), 4, "UNDP"),
                    org(Some("51000"), 4, "Université de l'Exemple"),
                    org(Some("GB-GOV-1"), 1, "Ministry of Foreign Affairs"),
                ]
                .concat(),
            ),
            activity(
                "XM-EXAMPLE-2",
                &[
                    status.to_owned(),
                    org(Some("XM-DAC-41114"), 4, "United Nations Development Programme"),
                    org(Some("61"), 4, "Universite de l Exemple"),
                    org(Some("ES-DIR3-E00130502"), 1, "Ministry of Foreign Affairs"),
                    org(None, 3, "Netherlands"),
                ]
                .concat(),
            ),
        ]);
        let database = known(&[], &[("netherlands", None), ("undp-old", Some("51000"))]);
        let mut merge = Merge::new(database);
        let merged = merge.add("orgs.xml", read(xml.as_bytes(), "orgs.xml").unwrap().records);
        let actors: Vec<(&str, Option<&str>)> =
            merged.records.actors.iter().map(|a| (a.record.slug.as_str(), a.record.iati_ref.as_deref())).collect();
        assert_eq!(
            actors,
            [
                ("undp", Some("XM-DAC-41114")),
                ("universite-de-l-exemple", None),
                ("ministry-of-foreign-affairs", Some("GB-GOV-1")),
                ("ministry-of-foreign-affairs-es-dir3-e00130502", Some("ES-DIR3-E00130502")),
            ]
        );
        let participants: Vec<Vec<&str>> = merged
            .records
            .projects
            .iter()
            .map(|p| p.record.participants.iter().map(|c| c.actor.as_str()).collect())
            .collect();
        assert_eq!(
            participants,
            [
                vec!["undp", "universite-de-l-exemple", "ministry-of-foreign-affairs"],
                vec!["undp", "universite-de-l-exemple", "ministry-of-foreign-affairs-es-dir3-e00130502", "netherlands"],
            ]
        );
        let warnings: Vec<(String, &str, String)> =
            merged.warnings.iter().map(|w| (w.location.to_string(), w.field.as_str(), w.reason.to_string())).collect();
        assert_eq!(
            warnings,
            [
                (
                    "iati-activity[2] (line 10)".into(),
                    "participating-org/narrative",
                    "“Universite de l Exemple” and “Université de l'Exemple” make the same slug, so both are taken to \
                     be the actor universite-de-l-exemple"
                        .into()
                ),
                (
                    "iati-activity[2] (line 10)".into(),
                    "participating-org/@ref",
                    "ES-DIR3-E00130502 is not the identifier of the actor ministry-of-foreign-affairs, GB-GOV-1, so \
                     this organisation is the actor ministry-of-foreign-affairs-es-dir3-e00130502"
                        .into()
                ),
            ]
        );
    }
}
