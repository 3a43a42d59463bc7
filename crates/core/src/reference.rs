//! The reference data shipped inside the binary: ISO 3166-1 countries with their UN M49 regions,
//! the theme taxonomy, the 42 founding members of the Hague Declaration and the Global Conference
//! on CyberSpace series.
//!
//! The files live in the workspace's `data/` folder; they are parsed once, through the domain
//! types, the first time anything asks for them.

use std::{
    collections::{BTreeMap, HashSet},
    sync::OnceLock,
};

use serde::Deserialize;

use crate::{
    actor::stable_id, parse_date, Actor, ActorKind, CountryCode, CountryFact, CurrencyCode, Event, FactKind, Joined,
    LanguageCode, LocalizedText, RegionCode, RegionLevel, Slug, Theme, ThemeFamily, ThemeId, WebUrl,
};

const COUNTRIES_CSV: &str = include_str!("../../../data/countries.csv");
const REGIONS_CSV: &str = include_str!("../../../data/regions.csv");
const THEMES_JSON: &str = include_str!("../../../data/themes.json");
const FOUNDING_JSON: &str = include_str!("../../../data/founding_members.json");
const EVENTS_JSON: &str = include_str!("../../../data/events.json");
const LANGUAGES_CSV: &str = include_str!("../../../data/languages.csv");
const CURRENCIES_CSV: &str = include_str!("../../../data/currencies.csv");
const COUNTRY_LANGUAGES_CSV: &str = include_str!("../../../data/country_languages.csv");
const COUNTRY_FACTS_JSON: &str = include_str!("../../../data/country_facts.json");

/// A country of ISO 3166-1 and where UN M49 places it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub code: CountryCode,
    pub alpha3: String,
    pub numeric: String,
    pub name: LocalizedText,
    pub region: Option<RegionCode>,
    pub sub_region: Option<RegionCode>,
    pub intermediate_region: Option<RegionCode>,
    /// Official or main national languages, most used first.
    pub languages: Vec<LanguageCode>,
}

impl Country {
    /// Every M49 area the country lies in, from the widest.
    pub fn regions(&self) -> impl Iterator<Item = RegionCode> + '_ {
        [self.region, self.sub_region, self.intermediate_region].into_iter().flatten()
    }
}

/// A UN M49 region, sub-region or intermediate region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub code: RegionCode,
    pub parent: Option<RegionCode>,
    pub level: RegionLevel,
    pub name: LocalizedText,
}

/// A series of events, such as the Global Conference on CyberSpace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSeries {
    pub id: Slug,
    pub name: LocalizedText,
}

/// An ISO 639-1 language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub code: LanguageCode,
    pub name: LocalizedText,
}

/// An active ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    pub code: CurrencyCode,
    pub name: LocalizedText,
    /// Digits after the decimal point in common use (0 for VND and JPY, 2 for EUR).
    pub minor_units: u8,
}

/// Everything the platform ships with.
#[derive(Debug)]
pub struct ReferenceData {
    pub countries: Vec<Country>,
    pub regions: Vec<Region>,
    pub themes: Vec<Theme>,
    pub series: Vec<EventSeries>,
    /// The 42 founding members.
    pub members: Vec<Actor>,
    pub events: Vec<Event>,
    /// Where the list of founding members comes from.
    pub founding_source: String,
    pub languages: Vec<Language>,
    pub currencies: Vec<Currency>,
    /// Key facts of national cyber-security capacity, each with its source.
    pub facts: Vec<CountryFact>,
    countries_by_code: BTreeMap<CountryCode, usize>,
    regions_by_code: BTreeMap<RegionCode, usize>,
    languages_by_code: BTreeMap<LanguageCode, usize>,
    currencies_by_code: BTreeMap<CurrencyCode, usize>,
}

impl ReferenceData {
    pub fn country(&self, code: CountryCode) -> Option<&Country> {
        self.countries_by_code.get(&code).map(|&i| &self.countries[i])
    }

    pub fn region(&self, code: RegionCode) -> Option<&Region> {
        self.regions_by_code.get(&code).map(|&i| &self.regions[i])
    }

    pub fn language(&self, code: LanguageCode) -> Option<&Language> {
        self.languages_by_code.get(&code).map(|&i| &self.languages[i])
    }

    pub fn currency(&self, code: CurrencyCode) -> Option<&Currency> {
        self.currencies_by_code.get(&code).map(|&i| &self.currencies[i])
    }
}

/// The reference data embedded in this binary.
///
/// # Panics
/// If the embedded files are inconsistent; the unit tests of this module make sure they are not.
pub fn shipped() -> &'static ReferenceData {
    static DATA: OnceLock<ReferenceData> = OnceLock::new();
    DATA.get_or_init(|| parse().unwrap_or_else(|e| panic!("the shipped reference data is invalid: {e}")))
}

fn parse() -> Result<ReferenceData, String> {
    let regions = parse_regions()?;
    let regions_by_code: BTreeMap<_, _> = regions.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
    let languages = parse_languages()?;
    let languages_by_code: BTreeMap<_, _> = languages.iter().enumerate().map(|(i, l)| (l.code, i)).collect();
    let currencies = parse_currencies()?;
    let currencies_by_code: BTreeMap<_, _> = currencies.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
    let mut countries = parse_countries(&regions_by_code)?;
    add_country_languages(&mut countries, &languages_by_code)?;
    let countries_by_code: BTreeMap<_, _> = countries.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
    let known_country = |code: &str| -> Result<CountryCode, String> {
        CountryCode::syntax(code)
            .filter(|c| countries_by_code.contains_key(c))
            .ok_or_else(|| format!("unknown country {code}"))
    };

    let themes = parse_themes()?;
    let (series, events) = parse_events(&known_country)?;
    let (founding_source, members) = parse_founding(&known_country, &countries, &countries_by_code)?;
    let facts = parse_facts(&known_country)?;
    for e in &events {
        if let Some(o) = e.organisers.iter().find(|o| !members.iter().any(|m| &m.slug == *o)) {
            return Err(format!("event {} organised by unknown {o}", e.slug));
        }
    }

    Ok(ReferenceData {
        countries,
        regions,
        themes,
        series,
        members,
        events,
        founding_source,
        languages,
        currencies,
        facts,
        countries_by_code,
        regions_by_code,
        languages_by_code,
        currencies_by_code,
    })
}

fn region_syntax(code: &str) -> Result<Option<RegionCode>, String> {
    if code.is_empty() {
        return Ok(None);
    }
    RegionCode::syntax(code).map(Some).ok_or_else(|| format!("bad M49 code {code:?}"))
}

fn parse_regions() -> Result<Vec<Region>, String> {
    #[derive(Deserialize)]
    struct Row {
        code: String,
        parent: String,
        level: String,
        name_en: String,
        name_vi: String,
    }
    let mut regions = Vec::new();
    for row in csv::Reader::from_reader(REGIONS_CSV.as_bytes()).deserialize::<Row>() {
        let row = row.map_err(|e| e.to_string())?;
        regions.push(Region {
            code: region_syntax(&row.code)?.ok_or("region without code")?,
            parent: region_syntax(&row.parent)?,
            level: row.level.parse().map_err(|_| format!("bad level {}", row.level))?,
            name: LocalizedText::new(Some(row.name_en), Some(row.name_vi)).map_err(|e| e.to_string())?,
        });
    }
    Ok(regions)
}

fn parse_countries(regions: &BTreeMap<RegionCode, usize>) -> Result<Vec<Country>, String> {
    #[derive(Deserialize)]
    struct Row {
        alpha2: String,
        alpha3: String,
        numeric: String,
        name_en: String,
        name_vi: String,
        region: String,
        sub_region: String,
        intermediate_region: String,
    }
    let mut countries = Vec::new();
    for row in csv::Reader::from_reader(COUNTRIES_CSV.as_bytes()).deserialize::<Row>() {
        let row = row.map_err(|e| e.to_string())?;
        let code = CountryCode::syntax(&row.alpha2).ok_or_else(|| format!("bad alpha-2 {}", row.alpha2))?;
        let area = |s: &str| -> Result<Option<RegionCode>, String> {
            let code = region_syntax(s)?;
            match code {
                Some(c) if !regions.contains_key(&c) => Err(format!("{}: unknown region {s}", row.alpha2)),
                _ => Ok(code),
            }
        };
        countries.push(Country {
            code,
            region: area(&row.region)?,
            sub_region: area(&row.sub_region)?,
            intermediate_region: area(&row.intermediate_region)?,
            alpha3: row.alpha3,
            numeric: row.numeric,
            name: LocalizedText::new(Some(row.name_en), Some(row.name_vi)).map_err(|e| e.to_string())?,
            languages: Vec::new(),
        });
    }
    Ok(countries)
}

fn parse_languages() -> Result<Vec<Language>, String> {
    #[derive(Deserialize)]
    struct Row {
        code: String,
        name_en: String,
        name_vi: String,
    }
    csv::Reader::from_reader(LANGUAGES_CSV.as_bytes())
        .deserialize::<Row>()
        .map(|row| {
            let row = row.map_err(|e| format!("languages.csv: {e}"))?;
            Ok(Language {
                code: LanguageCode::syntax(&row.code).ok_or_else(|| format!("bad language code {}", row.code))?,
                name: LocalizedText::new(Some(row.name_en), Some(row.name_vi)).map_err(|e| e.to_string())?,
            })
        })
        .collect()
}

fn parse_currencies() -> Result<Vec<Currency>, String> {
    #[derive(Deserialize)]
    struct Row {
        code: String,
        name_en: String,
        name_vi: String,
        minor_units: u8,
    }
    csv::Reader::from_reader(CURRENCIES_CSV.as_bytes())
        .deserialize::<Row>()
        .map(|row| {
            let row = row.map_err(|e| format!("currencies.csv: {e}"))?;
            Ok(Currency {
                code: CurrencyCode::syntax(&row.code).ok_or_else(|| format!("bad currency code {}", row.code))?,
                name: LocalizedText::new(Some(row.name_en), Some(row.name_vi)).map_err(|e| e.to_string())?,
                minor_units: row.minor_units,
            })
        })
        .collect()
}

fn add_country_languages(countries: &mut [Country], languages: &BTreeMap<LanguageCode, usize>) -> Result<(), String> {
    #[derive(Deserialize)]
    struct Row {
        alpha2: String,
        languages: String,
    }
    for row in csv::Reader::from_reader(COUNTRY_LANGUAGES_CSV.as_bytes()).deserialize::<Row>() {
        let row = row.map_err(|e| format!("country_languages.csv: {e}"))?;
        let country = countries
            .iter_mut()
            .find(|c| c.code.as_str() == row.alpha2)
            .ok_or_else(|| format!("country_languages.csv: unknown country {}", row.alpha2))?;
        country.languages = row
            .languages
            .split_whitespace()
            .map(|l| {
                LanguageCode::syntax(l)
                    .filter(|code| languages.contains_key(code))
                    .ok_or_else(|| format!("{}: unknown language {l}", row.alpha2))
            })
            .collect::<Result<_, _>>()?;
    }
    Ok(())
}

fn parse_facts(known_country: &dyn Fn(&str) -> Result<CountryCode, String>) -> Result<Vec<CountryFact>, String> {
    #[derive(Deserialize)]
    struct File {
        facts: Vec<RawFact>,
    }
    #[derive(Deserialize)]
    struct RawFact {
        country: String,
        kind: FactKind,
        title: LocalizedText,
        year: Option<i32>,
        source_url: String,
    }
    let file: File = serde_json::from_str(COUNTRY_FACTS_JSON).map_err(|e| format!("country_facts.json: {e}"))?;
    let mut seen = HashSet::new();
    file.facts
        .into_iter()
        .map(|f| {
            let country = known_country(&f.country)?;
            if !seen.insert((country, f.kind)) {
                return Err(format!("country_facts.json: {} {} twice", f.country, f.kind.as_str()));
            }
            let source_url =
                WebUrl::parse(&f.source_url).map_err(|e| format!("country_facts.json: {}: {e}", f.source_url))?;
            Ok(CountryFact { country, kind: f.kind, title: f.title, year: f.year, source_url })
        })
        .collect()
}

fn parse_themes() -> Result<Vec<Theme>, String> {
    #[derive(Deserialize)]
    struct File {
        themes: Vec<RawTheme>,
    }
    #[derive(Deserialize)]
    struct RawTheme {
        id: ThemeId,
        family: ThemeFamily,
        name: LocalizedText,
        description: LocalizedText,
        related: Vec<ThemeId>,
    }
    let file: File = serde_json::from_str(THEMES_JSON).map_err(|e| format!("themes.json: {e}"))?;
    let ids: HashSet<_> = file.themes.iter().map(|t| t.id.clone()).collect();
    file.themes
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            if let Some(missing) = t.related.iter().find(|r| !ids.contains(*r)) {
                return Err(format!("theme {} relates to unknown {missing}", t.id));
            }
            Ok(Theme {
                id: t.id,
                family: t.family,
                position: i as i64,
                name: t.name,
                description: t.description,
                related: t.related,
            })
        })
        .collect()
}

fn parse_events(
    known_country: &dyn Fn(&str) -> Result<CountryCode, String>,
) -> Result<(Vec<EventSeries>, Vec<Event>), String> {
    #[derive(Deserialize)]
    struct File {
        series: Vec<RawSeries>,
        events: Vec<RawEvent>,
    }
    #[derive(Deserialize)]
    struct RawSeries {
        id: Slug,
        name: LocalizedText,
    }
    #[derive(Deserialize)]
    struct RawEvent {
        slug: Slug,
        series: Slug,
        name: LocalizedText,
        summary: Option<LocalizedText>,
        starts_on: String,
        ends_on: String,
        city: LocalizedText,
        country: String,
        url: Option<WebUrl>,
        #[serde(default)]
        organisers: Vec<Slug>,
        #[serde(default)]
        themes: Vec<ThemeId>,
    }
    let file: File = serde_json::from_str(EVENTS_JSON).map_err(|e| format!("events.json: {e}"))?;
    let series: Vec<EventSeries> = file.series.into_iter().map(|s| EventSeries { id: s.id, name: s.name }).collect();
    let events = file
        .events
        .into_iter()
        .map(|e| {
            if !series.iter().any(|s| s.id == e.series) {
                return Err(format!("event {} in unknown series {}", e.slug, e.series));
            }
            let starts_on = parse_date(&e.starts_on).map_err(|_| format!("event {}: bad start", e.slug))?;
            let ends_on = parse_date(&e.ends_on).map_err(|_| format!("event {}: bad end", e.slug))?;
            if ends_on < starts_on {
                return Err(format!("event {} ends before it starts", e.slug));
            }
            Ok(Event {
                id: stable_id("event", &e.slug),
                country: known_country(&e.country)?,
                slug: e.slug,
                series: e.series,
                name: e.name,
                summary: e.summary,
                starts_on,
                ends_on,
                city: e.city,
                url: e.url,
                organisers: e.organisers,
                themes: e.themes,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok((series, events))
}

fn parse_founding(
    known_country: &dyn Fn(&str) -> Result<CountryCode, String>,
    countries: &[Country],
    countries_by_code: &BTreeMap<CountryCode, usize>,
) -> Result<(String, Vec<Actor>), String> {
    #[derive(Deserialize)]
    struct File {
        source: String,
        joined_on: String,
        members: Vec<RawMember>,
    }
    #[derive(Deserialize)]
    struct RawMember {
        slug: Slug,
        kind: ActorKind,
        country: String,
        listed_as: String,
        name: Option<RawName>,
        short_name: Option<String>,
        website: Option<WebUrl>,
    }
    #[derive(Deserialize)]
    struct RawName {
        en: Option<String>,
        vi: Option<String>,
    }
    let file: File = serde_json::from_str(FOUNDING_JSON).map_err(|e| format!("founding_members.json: {e}"))?;
    let joined_on = parse_date(&file.joined_on).map_err(|_| "founding members: bad date".to_owned())?;
    let members = file
        .members
        .into_iter()
        .map(|m| {
            let country = known_country(&m.country)?;
            // A country that is a member is named as the country is, unless the file says otherwise
            // for one language; an organisation must be named in the file.
            let listed_name = countries_by_code.get(&country).map(|&i| &countries[i].name);
            let (en, vi) = match (m.kind, m.name) {
                (ActorKind::Country, name) => {
                    let name = name.unwrap_or(RawName { en: None, vi: None });
                    let base = listed_name.ok_or("country without a name")?;
                    (name.en.or(base.en.clone()), name.vi.or(base.vi.clone()))
                }
                (_, Some(name)) => (name.en, name.vi),
                (_, None) => return Err(format!("organisation {} has no name", m.slug)),
            };
            // Founding members keep the ids they were first given, as members.
            Ok(Actor {
                id: stable_id("member", &m.slug),
                name: LocalizedText::new(en, vi).map_err(|e| format!("{}: {e}", m.slug))?,
                slug: m.slug,
                kind: m.kind,
                short_name: m.short_name,
                country: Some(country),
                joined: Some(Joined { joined_on, founding: true }),
                website: m.website,
                listed_as: Some(m.listed_as),
                iati_ref: None,
                themes: Vec::new(),
            })
        })
        .collect::<Result<_, _>>()?;
    Ok((file.source, members))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lang, Membership};

    #[test]
    fn countries_are_iso_3166_1() {
        let data = shipped();
        assert_eq!(data.countries.len(), 249);
        let alpha3: HashSet<_> = data.countries.iter().map(|c| &c.alpha3).collect();
        assert_eq!(alpha3.len(), 249);
        let vn = data.country(CountryCode::parse("VN").unwrap()).unwrap();
        assert_eq!((vn.alpha3.as_str(), vn.numeric.as_str()), ("VNM", "704"));
        assert_eq!(vn.name.get(Lang::Vi), "Việt Nam");
        let regions: Vec<String> = vn.regions().map(|r| r.to_string()).collect();
        assert_eq!(regions, ["142", "035"]);
    }

    #[test]
    fn every_region_has_its_parent() {
        let data = shipped();
        for r in &data.regions {
            match (r.level, r.parent) {
                (RegionLevel::Region, None) => {}
                (RegionLevel::SubRegion, Some(p)) => assert_eq!(data.region(p).unwrap().level, RegionLevel::Region),
                (RegionLevel::IntermediateRegion, Some(p)) => {
                    assert_eq!(data.region(p).unwrap().level, RegionLevel::SubRegion)
                }
                _ => panic!("region {} is misplaced", r.code),
            }
        }
    }

    #[test]
    fn founding_members_are_the_42_of_the_hague_declaration() {
        let data = shipped();
        let members = &data.members;
        assert_eq!(members.len(), 42);
        let founded = Joined { joined_on: parse_date("2015-04-16").unwrap(), founding: true };
        assert!(members.iter().all(|m| m.joined == Some(founded)));
        let mut sorted: Vec<String> =
            members.iter().filter(|m| m.kind == ActorKind::Country).map(|m| m.country.unwrap().to_string()).collect();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            [
                "AR", "AU", "BD", "BE", "CA", "CH", "CL", "DE", "EE", "FI", "FR", "GB", "HU", "IL", "IN", "JP", "KE",
                "KR", "MA", "MX", "NL", "NO", "NZ", "RO", "SE", "SN", "TR", "US", "VN"
            ]
        );
        let organisations: Vec<_> = members.iter().filter(|m| m.kind != ActorKind::Country).collect();
        assert_eq!(organisations.len(), 13);
        assert!(members.iter().all(|m| m.membership() == Some(Membership::Member)));
        // The Vietnamese source list, in its order and spelling.
        let listed: Vec<&str> = members.iter().map(|m| m.listed_as.as_deref().unwrap()).collect();
        assert_eq!(&listed[..3], ["Anh", "Argentina", "Ấn Độ"]);
        assert_eq!(listed[28], "Việt Nam");
        assert_eq!(listed[41], "Vodafone");
        let slugs: HashSet<_> = members.iter().map(|m| &m.slug).collect();
        assert_eq!(slugs.len(), 42);
        let vn = members.iter().find(|m| m.slug.as_str() == "viet-nam").unwrap();
        assert_eq!((vn.name.get(Lang::En), vn.name.get(Lang::Vi)), ("Viet Nam", "Việt Nam"));
        let us = members.iter().find(|m| m.slug.as_str() == "united-states").unwrap();
        assert_eq!((us.name.get(Lang::En), us.name.get(Lang::Vi)), ("United States", "Hoa Kỳ"));
    }

    #[test]
    fn gccs_series_has_the_four_conferences() {
        let data = shipped();
        let hosts: Vec<(i32, &str, &str)> =
            data.events.iter().map(|e| (e.starts_on.year(), e.city.get(Lang::En), e.country.as_str())).collect();
        assert_eq!(
            hosts,
            [(2011, "London", "GB"), (2012, "Budapest", "HU"), (2013, "Seoul", "KR"), (2015, "The Hague", "NL")]
        );
        assert!(data.events.iter().all(|e| e.series.as_str() == "gccs"));
        assert_eq!(data.events[3].organisers[0].as_str(), "netherlands");
    }

    #[test]
    fn languages_currencies_and_facts() {
        let data = shipped();
        let vn = data.country(CountryCode::parse("VN").unwrap()).unwrap();
        assert_eq!(vn.languages, [LanguageCode::parse("vi").unwrap()]);
        assert!(data.countries.iter().all(|c| !c.languages.is_empty()), "every country has a language");
        let vnd = data.currency(CurrencyCode::parse("VND").unwrap()).unwrap();
        assert_eq!((vnd.minor_units, vnd.name.get(Lang::Vi)), (0, "Đồng Việt Nam"));
        assert_eq!(data.language(LanguageCode::parse("vi").unwrap()).unwrap().name.get(Lang::Vi), "Tiếng Việt");
        assert!(data.facts.iter().any(|f| f.country.as_str() == "VN" && f.kind == FactKind::Cert));
    }

    #[test]
    fn themes_carry_both_families() {
        let data = shipped();
        let founding: Vec<&str> =
            data.themes.iter().filter(|t| t.family == ThemeFamily::Hague2015).map(|t| t.id.as_str()).collect();
        assert_eq!(
            founding,
            ["information-security", "cybercrime-prevention", "data-protection", "e-government", "cert-cooperation"]
        );
        assert_eq!(data.themes.iter().filter(|t| t.family == ThemeFamily::Delhi2017).count(), 5);
    }
}
