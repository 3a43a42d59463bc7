//! Demonstration data: a realistic, bilingual dataset of any size, for trying the platform out and
//! for measuring it at scale.
//!
//! The same size and seed give the same dataset, byte for byte, on every platform and with every
//! build: the only source of chance is the ChaCha8 stream, read as raw words and turned into choices
//! by the integer arithmetic below (no floating point, no library sampling whose algorithm may
//! change, no hash-map order). Dates are placed relative to a fixed day, not today, for the same
//! reason. The records carry no timestamps: the importer stamps them.
//!
//! The words the records are made of are data, read once from `data/demo/` (the `words` module);
//! the choices among them are made here.

mod words;

use std::collections::{BTreeMap, HashSet};

use gfce_core::{
    exchange::{Dataset, Stamped},
    reference::{self, Country, ReferenceData},
    stable_id, Actor, ActorKind, Amount, Contribution, CountryCode, CurrencyCode, Lang, LanguageCode, Link,
    LocalizedText, Money, Project, ProjectStatus, RegionCode, Resource, ResourceKind, ResourceType, Role, Slug, Tag,
    ThemeId, WebUrl,
};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use time::{macros::date, Date};
use words::{fill, words, Activity, Deliverable, Topic};

/// The day statuses are judged against: a project is planned, ongoing or completed as seen from it.
const REFERENCE_DATE: Date = date!(2026 - 01 - 01);
const FIRST_DATE: Date = date!(2012 - 01 - 01);
const LAST_DATE: Date = date!(2029 - 12 - 31);
const FIRST_PUBLISHED: Date = date!(2014 - 01 - 01);

/// A dataset of `projects` projects with about `max(50, projects / 200)` implementing and partner
/// organisations and `max(20, projects / 100)` tools and publications, all made from `seed`.
///
/// Funders and some implementers are the shipped founding members, which the dataset refers to but
/// does not contain; events and country facts are left to the shipped reference data.
pub fn dataset(projects: usize, seed: u64) -> Dataset {
    let world = World::new(reference::shipped());
    // One stream per kind of record, so that the actors of a seed do not change with the number of
    // projects drawn after them.
    let actors = Actors::generate(&world, &mut Dice::new(seed, 0), (projects / 200).max(50));
    let mut project_dice = Dice::new(seed, 1);
    let mut taken = HashSet::new();
    let mut projects: Vec<Project> =
        (0..projects).map(|_| project(&world, &actors, &mut project_dice, &mut taken)).collect();
    let mut resource_dice = Dice::new(seed, 2);
    let mut taken = HashSet::new();
    let mut resources: Vec<Resource> = (0..(projects.len() / 100).max(20))
        .map(|_| resource(&world, &actors, &mut resource_dice, &mut taken))
        .collect();

    let mut actors = actors.list;
    actors.sort_by(|a, b| a.slug.cmp(&b.slug));
    projects.sort_by(|a, b| a.slug.cmp(&b.slug));
    resources.sort_by(|a, b| a.slug.cmp(&b.slug));
    Dataset {
        actors: actors.into_iter().map(Stamped::new).collect(),
        projects: projects.into_iter().map(Stamped::new).collect(),
        resources: resources.into_iter().map(Stamped::new).collect(),
        ..Dataset::default()
    }
}

/// The generator's only source of chance.
struct Dice(ChaCha8Rng);

impl Dice {
    fn new(seed: u64, stream: u64) -> Self {
        // The seed is laid out by hand rather than through `seed_from_u64`, whose expansion is the
        // library's to choose.
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed.to_le_bytes());
        let mut rng = ChaCha8Rng::from_seed(key);
        rng.set_stream(stream);
        Dice(rng)
    }

    /// A number in `0..n` (Lemire's multiply-shift; its bias, below n / 2⁶⁴, does not show).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.0.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + ((u128::from(self.0.next_u64()) * (high - low + 1) as u128) >> 64) as i64
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn day(&mut self, first: Date, last: Date) -> Date {
        let day = self.between(first.to_julian_day().into(), last.to_julian_day().into());
        Date::from_julian_day(day as i32).expect("a day between two dates is a date")
    }
}

/// Draws indexes of a list in proportion to their weights (each at least 1).
struct Weighted {
    cumulative: Vec<u64>,
}

impl Weighted {
    fn new(weights: impl IntoIterator<Item = u64>) -> Self {
        let mut total = 0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w.max(1);
                total
            })
            .collect();
        Weighted { cumulative }
    }

    fn draw(&self, dice: &mut Dice) -> usize {
        let total = *self.cumulative.last().expect("a weighted list is never empty");
        let ticket = dice.between(0, total as i64 - 1) as u64;
        self.cumulative.partition_point(|&c| c <= ticket)
    }
}

/// The shipped reference data, with the odds the generator draws from it.
struct World {
    data: &'static ReferenceData,
    countries: Weighted,
    /// The countries of each neighbourhood (see [`neighbourhood`]), as indexes of `data.countries`,
    /// with their odds.
    neighbourhoods: BTreeMap<RegionCode, (Vec<usize>, Weighted)>,
    funders: Weighted,
    /// The founding members that are organisations rather than countries.
    organisations: Vec<&'static Actor>,
}

/// Countries whose governments commonly fund capacity building abroad.
const DONORS: [&str; 16] =
    ["AU", "BE", "CA", "CH", "DE", "EE", "FI", "FR", "GB", "JP", "KR", "NL", "NO", "NZ", "SE", "US"];

impl World {
    fn new(data: &'static ReferenceData) -> Self {
        let mut members: BTreeMap<RegionCode, Vec<usize>> = BTreeMap::new();
        for (i, country) in data.countries.iter().enumerate() {
            if let Some(area) = neighbourhood(country) {
                members.entry(area).or_default().push(i);
            }
        }
        let neighbourhoods = members
            .into_iter()
            .map(|(area, list)| {
                let odds = Weighted::new(list.iter().map(|&i| beneficiary_weight(&data.countries[i])));
                (area, (list, odds))
            })
            .collect();
        World {
            data,
            countries: Weighted::new(data.countries.iter().map(beneficiary_weight)),
            neighbourhoods,
            funders: Weighted::new(data.members.iter().map(|m| match (m.kind, m.country) {
                (ActorKind::Country, Some(c)) if DONORS.contains(&c.as_str()) => 6,
                (ActorKind::Country, _) => 1,
                _ => 3,
            })),
            organisations: data.members.iter().filter(|m| m.kind != ActorKind::Country).collect(),
        }
    }

    fn country(&self, dice: &mut Dice) -> &'static Country {
        &self.data.countries[self.countries.draw(dice)]
    }

    /// A country of the same neighbourhood as `country` (possibly itself).
    fn neighbour(&self, dice: &mut Dice, country: &Country) -> &'static Country {
        match neighbourhood(country).and_then(|area| self.neighbourhoods.get(&area)) {
            Some((list, odds)) => &self.data.countries[list[odds.draw(dice)]],
            None => self.country(dice),
        }
    }

    fn organisation(&self, dice: &mut Dice) -> &'static Actor {
        self.organisations[dice.below(self.organisations.len())]
    }

    fn funder(&self, dice: &mut Dice) -> &'static Actor {
        &self.data.members[self.funders.draw(dice)]
    }

    /// The themes of `ids` that the shipped taxonomy has.
    fn themes<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<ThemeId> {
        ids.into_iter()
            .filter_map(|id| self.data.themes.iter().find(|t| t.id.as_str() == id))
            .map(|t| t.id.clone())
            .collect()
    }
}

/// The narrowest M49 area a country lies in: the countries a regional project brings together.
fn neighbourhood(country: &Country) -> Option<RegionCode> {
    country.intermediate_region.or(country.sub_region)
}

/// Territories that ISO 3166-1 lists beside the states: they rarely receive capacity building of
/// their own.
const TERRITORIES: [&str; 51] = [
    "AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CW", "CX", "EH", "FK", "FO", "GF", "GG", "GI", "GL",
    "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "PF", "PM", "PN",
    "PR", "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "UM", "VG", "VI", "WF", "YT",
];

/// Capacity building goes mostly to developing regions, yet any country or territory may benefit.
fn beneficiary_weight(country: &Country) -> u64 {
    if TERRITORIES.contains(&country.code.as_str()) {
        return 1;
    }
    match country.sub_region.map(|r| r.to_string()).as_deref() {
        Some("202") => 120,
        Some("034" | "035") => 100,
        Some("015") => 80,
        Some("143" | "419") => 70,
        Some("054" | "057" | "061") => 60,
        Some("145" | "151") => 50,
        Some("030") => 40,
        Some("039") => 30,
        _ => 10,
    }
}

/// How often a draw may hit a name already used before the name is taken twice, with a numbered
/// slug: distinct names look real, but a very large dataset runs out of them.
const NAME_RETRIES: usize = 20;

/// The generated organisations, with an index by country.
struct Actors {
    list: Vec<Actor>,
    by_country: BTreeMap<CountryCode, Vec<usize>>,
}

impl Actors {
    fn generate(world: &World, dice: &mut Dice, count: usize) -> Self {
        let words = &words().actors;
        let kinds = Weighted::new(words.organisations.iter().map(|o| o.weight).chain([words.companies.weight]));
        let mut taken: HashSet<Slug> = world.data.members.iter().map(|m| m.slug.clone()).collect();
        let mut names = HashSet::new();
        let mut list = Vec::with_capacity(count);
        let mut by_country: BTreeMap<CountryCode, Vec<usize>> = BTreeMap::new();
        while list.len() < count {
            let mut draw = actor_draft(world, dice, &kinds);
            for _ in 0..NAME_RETRIES {
                if !names.contains(&draw.en) {
                    break;
                }
                draw = actor_draft(world, dice, &kinds);
            }
            names.insert(draw.en.clone());
            let slug = unique_slug(&Slug::from_name(&draw.en).expect("actor names have letters"), &mut taken);
            let website = dice
                .chance(70)
                .then(|| WebUrl::parse(&format!("https://example.org/actors/{slug}")).expect("a valid address"));
            by_country.entry(draw.country.code).or_default().push(list.len());
            list.push(Actor {
                id: stable_id("actor", &slug),
                slug,
                kind: draw.kind,
                name: text(draw.en, draw.vi),
                short_name: draw.short_name,
                country: Some(draw.country.code),
                joined: None,
                website,
                listed_as: None,
                iati_ref: None,
                themes: world.themes(draw.themes.iter().map(String::as_str)),
            });
        }
        Actors { list, by_country }
    }

    /// Any organisation, preferably one that works on one of `themes`.
    fn any(&self, dice: &mut Dice, themes: &[ThemeId]) -> &Actor {
        let mut actor = dice.pick(&self.list);
        for _ in 0..3 {
            if actor.themes.iter().any(|t| themes.contains(t)) {
                break;
            }
            actor = dice.pick(&self.list);
        }
        actor
    }

    /// An organisation of one of `countries`, if there is one.
    fn local(&self, dice: &mut Dice, countries: &[CountryCode]) -> Option<&Actor> {
        let here = self.by_country.get(dice.pick(countries))?;
        Some(&self.list[*dice.pick(here)])
    }

    /// An implementer, author or partner: an organisation of one of `countries`, one that works on
    /// one of `themes`, or a founding organisation (ITU, Council of Europe, Microsoft…), in that
    /// order of likelihood.
    fn worker<'a>(
        &'a self,
        world: &'a World,
        dice: &mut Dice,
        countries: &[CountryCode],
        themes: &[ThemeId],
    ) -> &'a Actor {
        let roll = dice.below(100);
        let local = if roll < 45 && !countries.is_empty() { self.local(dice, countries) } else { None };
        match local {
            Some(actor) => actor,
            None if roll < 75 => self.any(dice, themes),
            None => world.organisation(dice),
        }
    }
}

struct ActorDraft {
    kind: ActorKind,
    en: String,
    vi: String,
    short_name: Option<String>,
    country: &'static Country,
    themes: &'static [String],
}

fn actor_draft(world: &World, dice: &mut Dice, kinds: &Weighted) -> ActorDraft {
    let words = &words().actors;
    let country = world.country(dice);
    match words.organisations.get(kinds.draw(dice)) {
        Some(o) => {
            let name_en = country.name.get(Lang::En);
            // "Philippines Computer Emergency Response Team", but "Ministry of Justice of the Philippines".
            let in_name =
                if o.name.en.starts_with("{country}") { name_en.to_owned() } else { country_in_sentence(name_en) };
            ActorDraft {
                kind: o.kind,
                en: fill(&o.name.en, &[("country", &in_name)]),
                vi: fill(&o.name.vi, &[("country", country.name.get(Lang::Vi))]),
                short_name: o.short_name.as_ref().map(|s| fill(s, &[("code", country.code.as_str())])),
                country,
                themes: &o.themes,
            }
        }
        None => {
            let c = &words.companies;
            let name = format!("{}{} {}", dice.pick(&c.first), dice.pick(&c.second), dice.pick(&c.business));
            ActorDraft {
                kind: ActorKind::Company,
                vi: name.clone(),
                en: name,
                short_name: None,
                country,
                themes: &c.themes,
            }
        }
    }
}

/// The currency a funder from a country budgets in, where it is not the euro or the dollar.
const NATIONAL_CURRENCIES: [(&str, &str); 18] = [
    ("GB", "GBP"),
    ("JP", "JPY"),
    ("VN", "VND"),
    ("US", "USD"),
    ("CH", "CHF"),
    ("NO", "NOK"),
    ("SE", "SEK"),
    ("AU", "AUD"),
    ("CA", "CAD"),
    ("KR", "KRW"),
    ("NZ", "NZD"),
    ("IN", "INR"),
    ("NL", "EUR"),
    ("DE", "EUR"),
    ("FR", "EUR"),
    ("BE", "EUR"),
    ("EE", "EUR"),
    ("FI", "EUR"),
];

/// Units of each currency per 100 euros, roughly: budgets only need to look plausible.
const PER_100_EUR: [(&str, u64); 13] = [
    ("EUR", 100),
    ("USD", 110),
    ("GBP", 85),
    ("JPY", 16_000),
    ("VND", 2_800_000),
    ("CHF", 95),
    ("NOK", 1_150),
    ("SEK", 1_130),
    ("AUD", 165),
    ("CAD", 150),
    ("KRW", 145_000),
    ("NZD", 180),
    ("INR", 9_000),
];

/// Funders whose country's currency is not known here budget in US dollars.
const FALLBACK_CURRENCY: &str = "USD";

/// Demo projects stand where most projects do; none is suspended or cancelled.
const DEMO_STATUSES: &str = "the demo makes only planned, ongoing and completed projects";

fn project(world: &World, actors: &Actors, dice: &mut Dice, taken: &mut HashSet<Slug>) -> Project {
    let words = words();
    let and = &words.grammar.and;
    let topic = dice.pick(&words.topics);
    let activity = words.activity(dice.pick(&topic.activities).as_str());
    let status = match dice.below(100) {
        0..55 => ProjectStatus::Completed,
        55..85 => ProjectStatus::Ongoing,
        _ => ProjectStatus::Planned,
    };
    let (starts_on, ends_on) = dates(dice, status);

    let first = world.country(dice);
    let mut countries = vec![first];
    let wanted = 1 + usize::from(dice.chance(30)) + usize::from(dice.chance(25));
    while countries.len() < wanted {
        // Projects for several countries mostly bring neighbours together.
        let country = if dice.chance(70) { world.neighbour(dice, first) } else { world.country(dice) };
        if !countries.iter().any(|c| c.code == country.code) {
            countries.push(country);
        }
    }
    let codes: Vec<CountryCode> = countries.iter().map(|c| c.code).collect();
    let regions_of_first: Vec<RegionCode> = first.regions().collect();
    let region = (!regions_of_first.is_empty() && dice.chance(25)).then(|| *dice.pick(&regions_of_first));

    let region_as_place = region.filter(|r| {
        !activity.national
            && countries.len() > 1
            && countries.iter().all(|c| c.regions().any(|x| x == *r))
            && dice.chance(50)
    });
    let (place_en, place_vi) = match region_as_place.and_then(|r| world.data.region(r)) {
        Some(r) => (r.name.get(Lang::En).to_owned(), r.name.get(Lang::Vi).to_owned()),
        None => (
            listed(countries.iter().map(|c| country_in_sentence(c.name.get(Lang::En))), &and.en),
            listed(countries.iter().map(|c| c.name.get(Lang::Vi).to_owned()), &and.vi),
        ),
    };
    let title = |lang: Lang, place: &str| {
        capitalised(fill(activity.title.get(lang), &[("topic", topic.name.get(lang)), ("place", place)]))
    };
    let (title_en, title_vi) = (title(Lang::En, &place_en), title(Lang::Vi, &place_vi));

    let mut themes = world.themes([topic.themes[0].as_str()]);
    for extra in &topic.themes[1..] {
        if themes.len() < 3 && dice.chance(50) {
            themes.extend(world.themes([extra.as_str()]));
        }
    }
    if themes.len() < 3 && dice.chance(20) {
        let other = &dice.pick(&world.data.themes).id;
        if !themes.contains(other) {
            themes.push(other.clone());
        }
    }

    let mut participants: Vec<(&Actor, Role)> = Vec::new();
    for _ in 0..1 + usize::from(dice.chance(30)) {
        let funder = distinct(&participants, || world.funder(dice));
        participants.push((funder, Role::Funder));
    }
    for _ in 0..1 + usize::from(dice.chance(25)) {
        let implementer = distinct(&participants, || actors.worker(world, dice, &codes, &themes));
        participants.push((implementer, Role::Implementer));
    }
    if dice.chance(35) {
        let partner = distinct(&participants, || actors.worker(world, dice, &codes, &themes));
        participants.push((partner, Role::Partner));
    }

    let mut tags: Vec<Tag> = Vec::new();
    for _ in 0..dice.below(5) {
        let tag = Tag::parse(dice.pick(&words.projects.tags).as_str()).expect("the tags are valid");
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }

    let mut languages: Vec<LanguageCode> = LanguageCode::parse("en").ok().into_iter().collect();
    for language in countries.iter().filter_map(|c| c.languages.first()) {
        if !languages.contains(language) {
            languages.push(*language);
        }
    }

    let budget = dice.chance(70).then(|| budget(dice, participants[0].0)).flatten();
    let slug = numbered_slug(&Slug::from_name(&title_en).expect("titles have letters"), dice, taken);
    let link_count = dice.below(3);
    let labels = &words.projects.links;
    let links = [
        (format!("https://example.org/projects/{slug}"), &labels.page),
        (
            format!("https://example.com/reports/{slug}.pdf"),
            if status == ProjectStatus::Completed { &labels.final_report } else { &labels.concept_note },
        ),
    ]
    .into_iter()
    .take(link_count)
    .map(|(url, label)| Link { url: WebUrl::parse(&url).expect("a valid address"), label: Some(label.to_owned()) })
    .collect();

    let names = |role: Role, lang: Lang| {
        let in_role = participants.iter().filter(|(_, r)| *r == role);
        match lang {
            Lang::En => listed(in_role.map(|(a, _)| actor_in_sentence(a)), &and.en),
            Lang::Vi => listed(in_role.map(|(a, _)| a.name.get(Lang::Vi).to_owned()), &and.vi),
        }
    };
    let summary = |lang: Lang, place: &str| {
        let values = [
            ("place", place),
            ("topic", topic.name.get(lang)),
            ("means", activity.means.get(lang)),
            ("funders", &names(Role::Funder, lang)),
        ];
        fill(words.projects.summary.get(lang), &values)
    };
    let summary = text(summary(Lang::En, &place_en), summary(Lang::Vi, &place_vi));
    let story = Story {
        status,
        starts_on,
        ends_on,
        topic,
        activity,
        place: (&place_en, &place_vi),
        implementers: (names(Role::Implementer, Lang::En), names(Role::Implementer, Lang::Vi)),
        several_implementers: participants.iter().filter(|(_, r)| *r == Role::Implementer).count() > 1,
        funders: (names(Role::Funder, Lang::En), names(Role::Funder, Lang::Vi)),
    };

    Project {
        id: stable_id("project", &slug),
        slug,
        title: text(title_en, title_vi),
        summary: Some(summary),
        description: Some(description(dice, &story)),
        status,
        starts_on: Some(starts_on),
        ends_on,
        participants: participants
            .iter()
            .map(|(a, role)| Contribution { actor: a.slug.clone(), role: *role })
            .collect(),
        countries: codes,
        regions: region.into_iter().collect(),
        themes,
        tags,
        shares: Default::default(),
        budget,
        languages,
        links,
        iati_identifier: None,
        source_url: None,
    }
}

/// Start and end consistent with `status` as seen from [`REFERENCE_DATE`], within 2012–2029; some
/// ongoing projects have no end date yet.
fn dates(dice: &mut Dice, status: ProjectStatus) -> (Date, Option<Date>) {
    let days = |d: Date| i64::from(d.to_julian_day());
    let date = |day: i64| Date::from_julian_day(day as i32).expect("a day within 2012–2029 is a date");
    let length = dice.between(180, 1825);
    let reference = days(REFERENCE_DATE);
    match status {
        ProjectStatus::Completed => {
            let end = dice.between(days(FIRST_DATE) + length, reference - 1);
            (date(end - length), Some(date(end)))
        }
        ProjectStatus::Ongoing => {
            let start = dice.between((reference - length).max(days(FIRST_DATE)), reference);
            let end = end_by_2029(dice, start, length, reference);
            (date(start), (!dice.chance(8)).then(|| date(end)))
        }
        ProjectStatus::Planned => {
            let start = dice.between(reference + 1, reference + 730);
            (date(start), Some(date(end_by_2029(dice, start, length, start + 180))))
        }
        ProjectStatus::Suspended | ProjectStatus::Cancelled => unreachable!("{DEMO_STATUSES}"),
    }
}

/// The last day of a project of `length` days from `start`, or, when that would be after 2029, a
/// day from `earliest` to the end of 2029 (rather than all such projects ending on 31 December).
fn end_by_2029(dice: &mut Dice, start: i64, length: i64, earliest: i64) -> i64 {
    let last = i64::from(LAST_DATE.to_julian_day());
    if start + length <= last {
        start + length
    } else {
        dice.between(earliest, last)
    }
}

/// A budget in the first funder's currency, rounded as budgets are; `None` when no currency fits
/// the shipped list.
fn budget(dice: &mut Dice, funder: &Actor) -> Option<Money> {
    let national = funder
        .country
        .and_then(|c| NATIONAL_CURRENCIES.iter().find(|(country, _)| *country == c.as_str()))
        .map_or(FALLBACK_CURRENCY, |(_, currency)| *currency);
    let currency_code = if dice.chance(20) { FALLBACK_CURRENCY } else { national };
    let &(code, rate) = [currency_code, "EUR", FALLBACK_CURRENCY]
        .into_iter()
        .find_map(|code| PER_100_EUR.iter().find(|(c, _)| *c == code).filter(|_| CurrencyCode::parse(code).is_ok()))?;
    let thousand_euros = match dice.below(10) {
        0..4 => dice.between(10, 50) * 5,
        4..8 => dice.between(5, 50) * 50,
        _ => dice.between(10, 48) * 250,
    } as u64;
    let amount = round_budget(thousand_euros * 1000 * rate / 100);
    Some(Money {
        amount: Amount::parse(&amount.to_string()).expect("a whole number is an amount"),
        currency: CurrencyCode::parse(code).expect("checked above"),
    })
}

/// Three significant digits, and never finer than a thousand.
fn round_budget(amount: u64) -> u64 {
    let mut unit = 1000;
    while amount / unit >= 1000 {
        unit *= 10;
    }
    (amount + unit / 2) / unit * unit
}

/// What a project's description tells, in both languages.
struct Story<'a> {
    status: ProjectStatus,
    starts_on: Date,
    ends_on: Option<Date>,
    topic: &'a Topic,
    activity: &'a Activity,
    place: (&'a str, &'a str),
    implementers: (String, String),
    several_implementers: bool,
    funders: (String, String),
}

/// A heading, a paragraph and a bullet list of results, in Markdown without HTML.
fn description(dice: &mut Dice, story: &Story) -> LocalizedText {
    let words = &words().projects;
    let wording = &words.description;
    let work = match (story.status, story.several_implementers) {
        (ProjectStatus::Completed, _) => &wording.work.completed,
        (ProjectStatus::Ongoing, false) => &wording.work.ongoing_one,
        (ProjectStatus::Ongoing, true) => &wording.work.ongoing_several,
        (ProjectStatus::Planned, _) => &wording.work.planned,
        (ProjectStatus::Suspended | ProjectStatus::Cancelled, _) => unreachable!("{DEMO_STATUSES}"),
    };
    let results =
        if story.status == ProjectStatus::Completed { &wording.results.achieved } else { &wording.results.expected };
    let start = story.starts_on.year().to_string();
    let end = story.ends_on.map(|end| end.year().to_string());
    let opening = |lang: Lang, implementers: &str, place: &str, funders: &str| {
        let period = match &end {
            Some(end) => fill(wording.period.closed.get(lang), &[("start", &start), ("end", end)]),
            None => fill(wording.period.open.get(lang), &[("start", &start)]),
        };
        let values = [
            ("implementers", implementers),
            ("work", work.get(lang)),
            ("topic", story.topic.name.get(lang)),
            ("place", place),
            ("means", story.activity.means.get(lang)),
            ("period", &period),
            ("funders", funders),
        ];
        let overview = fill(wording.overview.get(lang), &values);
        format!("## {}\n\n{overview}\n\n{}\n\n", wording.heading.get(lang), results.get(lang))
    };
    // Inside an English sentence most organisations are "the …", which opens this one.
    let mut en = opening(Lang::En, &capitalised(story.implementers.0.clone()), story.place.0, &story.funders.0);
    let mut vi = opening(Lang::Vi, &story.implementers.1, story.place.1, &story.funders.1);
    let fitting: Vec<&Deliverable> = words
        .deliverables
        .iter()
        .filter(|d| d.activities.is_empty() || d.activities.contains(&story.activity.id))
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < 3 {
        let pick = dice.below(fitting.len());
        if !chosen.contains(&pick) {
            chosen.push(pick);
        }
    }
    for deliverable in chosen.into_iter().map(|i| fitting[i]) {
        let n = (dice.between(2, 12) * 5).to_string();
        let item = |lang: Lang| {
            format!("- {}\n", fill(deliverable.text.get(lang), &[("n", &n), ("topic", story.topic.name.get(lang))]))
        };
        en.push_str(&item(Lang::En));
        vi.push_str(&item(Lang::Vi));
    }
    text(en, vi)
}

fn resource(world: &World, actors: &Actors, dice: &mut Dice, taken: &mut HashSet<Slug>) -> Resource {
    let kind = *dice.pick(&ResourceKind::ALL);
    let resource_type = match kind {
        ResourceKind::Report | ResourceKind::Study | ResourceKind::PolicyPaper => ResourceType::Publication,
        _ => ResourceType::Tool,
    };
    let words = words();
    let topic = dice.pick(&words.topics);
    let audience = dice.pick(&words.resources.audiences);
    let region = dice.pick(&world.data.regions);
    let published_on = dice.day(FIRST_PUBLISHED, REFERENCE_DATE.previous_day().expect("2025-12-31 exists"));
    let year = published_on.year().to_string();
    let version = format!("{}.{}", dice.between(1, 3), dice.below(5));
    let wording = words.kind(kind);
    let title = |lang: Lang| {
        let values = [
            ("topic", topic.name.get(lang)),
            ("audience", audience.get(lang)),
            ("region", region.name.get(lang)),
            ("year", &year),
            ("version", &version),
        ];
        capitalised(fill(wording.title.get(lang), &values))
    };
    let (title_en, title_vi) = (title(Lang::En), title(Lang::Vi));
    let about_region = title_en.contains(region.name.get(Lang::En));

    let mut themes = world.themes([topic.themes[0].as_str()]);
    if let Some(second) = topic.themes.get(1).filter(|_| dice.chance(50)) {
        themes.extend(world.themes([second.as_str()]));
    }
    let mut contributors: Vec<(&Actor, Role)> = Vec::new();
    for _ in 0..1 + usize::from(dice.chance(35)) {
        let author = distinct(&contributors, || actors.worker(world, dice, &[], &themes));
        contributors.push((author, Role::Author));
    }
    if dice.chance(60) {
        let publisher = if dice.chance(50) { world.organisation(dice) } else { contributors[0].0 };
        contributors.push((publisher, Role::Publisher));
    }
    let author = contributors[0].0;

    let regions = if about_region || dice.chance(20) { vec![region.code] } else { Vec::new() };
    let languages = [("en", 100), ("vi", 40), ("fr", 15)]
        .into_iter()
        .filter(|(_, percent)| dice.chance(*percent))
        .filter_map(|(code, _)| LanguageCode::parse(code).ok())
        .collect();

    let slug = numbered_slug(&Slug::from_name(&title_en).expect("titles have letters"), dice, taken);
    let section = match resource_type {
        ResourceType::Tool => "tools",
        ResourceType::Publication => "publications",
    };
    let summary = |lang: Lang, author: &str| {
        let values = [
            ("kind", wording.called.get(lang)),
            ("topic", topic.name.get(lang)),
            ("audience", audience.get(lang)),
            ("author", author),
        ];
        fill(words.resources.summary.get(lang), &values)
    };
    let summary = text(summary(Lang::En, &actor_in_sentence(author)), summary(Lang::Vi, author.name.get(Lang::Vi)));
    Resource {
        id: stable_id("resource", &slug),
        url: Some(WebUrl::parse(&format!("https://example.org/{section}/{slug}")).expect("a valid address")),
        slug,
        resource_type,
        kind,
        title: text(title_en, title_vi),
        summary: Some(summary),
        published_on: Some(published_on),
        contributors: contributors
            .iter()
            .map(|(a, role)| Contribution { actor: a.slug.clone(), role: *role })
            .collect(),
        themes,
        regions,
        languages,
        source_url: None,
    }
}

/// Draws until the actor is not yet among `chosen`.
fn distinct<'a>(chosen: &[(&Actor, Role)], mut draw: impl FnMut() -> &'a Actor) -> &'a Actor {
    loop {
        let actor = draw();
        if !chosen.iter().any(|(c, _)| c.slug == actor.slug) {
            return actor;
        }
    }
}

/// "A", "A and B", "A, B and C".
fn listed(items: impl Iterator<Item = String>, conjunction: &str) -> String {
    let items: Vec<String> = items.collect();
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {conjunction} {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// How an actor is named inside an English sentence: "the Netherlands", "the Council of Europe",
/// "the University of Technology of Kenya", but "Kenya" and "Microsoft".
fn actor_in_sentence(actor: &Actor) -> String {
    let name = actor.name.get(Lang::En);
    match actor.kind {
        ActorKind::Company => name.to_owned(),
        ActorKind::Country => country_in_sentence(name),
        _ => format!("the {name}"),
    }
}

/// Country names as the shipped list spells them, with "the" where English needs it.
fn country_in_sentence(name: &str) -> String {
    let with_the = &words().grammar.countries_with_the;
    if with_the.iter().any(|p| name.starts_with(p.as_str())) || name.ends_with("Islands") {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

fn capitalised(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

fn text(en: String, vi: String) -> LocalizedText {
    LocalizedText::new(Some(en), Some(vi)).expect("generated texts are never blank")
}

/// `base` if it is free, else `base-2`, `base-3`…
fn unique_slug(base: &Slug, taken: &mut HashSet<Slug>) -> Slug {
    let mut slug = base.clone();
    let mut n = 1;
    while !taken.insert(slug.clone()) {
        n += 1;
        slug = with_suffix(base, &n.to_string());
    }
    slug
}

/// `base` with a short random number that makes it free; the numbers get longer only if the
/// short ones run out.
fn numbered_slug(base: &Slug, dice: &mut Dice, taken: &mut HashSet<Slug>) -> Slug {
    let mut tries = 0u32;
    loop {
        let low = 1000 * 10i64.pow(tries / 16);
        let slug = with_suffix(base, &dice.between(low, low * 10 - 1).to_string());
        if taken.insert(slug.clone()) {
            return slug;
        }
        tries += 1;
    }
}

/// `base-suffix`, with whole words of `base` dropped from the end as needed to stay within the
/// longest slug.
fn with_suffix(base: &Slug, suffix: &str) -> Slug {
    let room = Slug::MAX_LEN - 1 - suffix.len();
    let mut stem = base.as_str();
    while stem.len() > room {
        stem = stem.rsplit_once('-').map_or(&stem[..room], |(head, _)| head);
    }
    Slug::parse(&format!("{stem}-{suffix}")).expect("a slug with a suffix is a slug")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Dataset {
        dataset(2_000, 7)
    }

    #[test]
    fn the_same_inputs_give_the_same_bytes() {
        let (a, b) = (small(), small());
        assert_eq!(a, b);
        assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
        assert_ne!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&dataset(2_000, 8)).unwrap());
    }

    #[test]
    fn counts_follow_the_size() {
        let d = small();
        assert_eq!((d.actors.len(), d.projects.len(), d.resources.len()), (50, 2_000, 20));
        assert!(d.events.is_empty() && d.country_facts.is_empty());
        let d = dataset(0, 1);
        assert_eq!((d.actors.len(), d.projects.len(), d.resources.len()), (50, 0, 20));
    }

    #[test]
    fn every_record_is_valid_and_bilingual() {
        let d = small();
        for a in &d.actors {
            assert_eq!(a.record.validate(), Ok(()), "{}", a.record.slug);
            assert!(a.record.joined.is_none() && a.record.country.is_some());
            assert!(a.record.name.en().is_some() && a.record.name.vi().is_some());
            let short_name = a.record.short_name.as_deref();
            assert!(![a.record.name.en(), a.record.name.vi(), short_name]
                .into_iter()
                .flatten()
                .any(|t| t.contains('{')));
            assert_eq!(a.record.id, stable_id("actor", &a.record.slug));
        }
        for p in &d.projects {
            let p = &p.record;
            assert_eq!(p.validate(), Ok(()), "{}", p.slug);
            assert_eq!(p.id, stable_id("project", &p.slug));
            for t in [&p.title, p.summary.as_ref().unwrap(), p.description.as_ref().unwrap()] {
                assert!(t.en().is_some() && t.vi().is_some() && t.en() != t.vi(), "{}", p.slug);
                assert!(![t.en(), t.vi()].into_iter().flatten().any(|t| t.contains('{')), "unfilled: {}", p.slug);
            }
            let description = p.description.as_ref().unwrap();
            assert!(description.en().unwrap().starts_with("## ") && description.en().unwrap().contains("\n- "));
            assert!(!description.en().unwrap().contains('<') && !description.vi().unwrap().contains('<'));
            assert!((1..=3).contains(&p.countries.len()) && (1..=3).contains(&p.themes.len()) && p.tags.len() <= 4);
            assert!((1..=2).contains(&p.actors(Role::Funder).count()));
            assert!((1..=2).contains(&p.actors(Role::Implementer).count()));
            assert!(p.links.len() <= 2 && p.source_url.is_none());
            assert!(p.links.iter().all(|l| l.url.as_str().starts_with("https://example.")));
            assert_eq!(p.languages.first().map(LanguageCode::as_str), Some("en"));
            let first_regions: Vec<_> = reference::shipped().country(p.countries[0]).unwrap().regions().collect();
            assert!(p.regions.iter().all(|r| first_regions.contains(r)));
        }
        for r in &d.resources {
            let r = &r.record;
            assert_eq!(r.validate(), Ok(()), "{}", r.slug);
            assert!(r.title.en().is_some() && r.title.vi().is_some() && r.title.en() != r.title.vi());
            for t in [&r.title, r.summary.as_ref().unwrap()] {
                assert!(![t.en(), t.vi()].into_iter().flatten().any(|t| t.contains('{')), "unfilled: {}", r.slug);
            }
            assert!((1..=2).contains(&r.themes.len()) && !r.contributors.is_empty());
            assert!(r.url.as_ref().unwrap().as_str().starts_with("https://example.org/"));
            assert!(r.published_on.unwrap() < REFERENCE_DATE);
        }
    }

    #[test]
    fn slugs_and_ids_are_unique_and_sorted() {
        let d = small();
        let members: HashSet<&Slug> = reference::shipped().members.iter().map(|m| &m.slug).collect();
        assert!(d.actors.iter().all(|a| !members.contains(&a.record.slug)));
        let slugs = |s: Vec<&Slug>| {
            assert!(s.windows(2).all(|w| w[0] < w[1]), "sorted and without repeats");
        };
        slugs(d.actors.iter().map(|a| &a.record.slug).collect());
        slugs(d.projects.iter().map(|p| &p.record.slug).collect());
        slugs(d.resources.iter().map(|r| &r.record.slug).collect());
        let ids: HashSet<_> = d
            .actors
            .iter()
            .map(|a| a.record.id)
            .chain(d.projects.iter().map(|p| p.record.id))
            .chain(d.resources.iter().map(|r| r.record.id))
            .collect();
        assert_eq!(ids.len(), d.actors.len() + d.projects.len() + d.resources.len());
    }

    #[test]
    fn statuses_agree_with_the_dates() {
        let d = small();
        for p in &d.projects {
            let p = &p.record;
            let start = p.starts_on.unwrap();
            assert!(start >= FIRST_DATE && p.ends_on.is_none_or(|e| e <= LAST_DATE && e >= start), "{}", p.slug);
            match p.status {
                ProjectStatus::Completed => assert!(p.ends_on.unwrap() < REFERENCE_DATE, "{}", p.slug),
                ProjectStatus::Ongoing => {
                    assert!(start <= REFERENCE_DATE && p.ends_on.is_none_or(|e| e >= REFERENCE_DATE), "{}", p.slug)
                }
                ProjectStatus::Planned => assert!(start > REFERENCE_DATE, "{}", p.slug),
                ProjectStatus::Suspended | ProjectStatus::Cancelled => panic!("{DEMO_STATUSES}: {}", p.slug),
            }
        }
        for status in [ProjectStatus::Planned, ProjectStatus::Ongoing, ProjectStatus::Completed] {
            assert!(d.projects.iter().any(|p| p.record.status == status));
        }
    }

    #[test]
    fn every_contributor_exists() {
        let d = small();
        let known: HashSet<&Slug> = d
            .actors
            .iter()
            .map(|a| &a.record.slug)
            .chain(reference::shipped().members.iter().map(|m| &m.slug))
            .collect();
        let contributions = d
            .projects
            .iter()
            .flat_map(|p| &p.record.participants)
            .chain(d.resources.iter().flat_map(|r| &r.record.contributors));
        for c in contributions {
            assert!(known.contains(&c.actor), "{}", c.actor);
        }
        let members: HashSet<&Slug> = reference::shipped().members.iter().map(|m| &m.slug).collect();
        assert!(d.projects.iter().all(|p| p.record.actors(Role::Funder).all(|f| members.contains(f))));
    }

    #[test]
    fn budgets_look_real() {
        let d = small();
        let budgets: Vec<&Money> = d.projects.iter().filter_map(|p| p.record.budget.as_ref()).collect();
        assert!((1_200..=1_600).contains(&budgets.len()), "about 70% have a budget: {}", budgets.len());
        for m in &budgets {
            let (whole, fraction) = m.amount.parts();
            assert!(fraction.is_empty() && whole.ends_with("000"), "{}", m.amount.as_str());
            if m.currency.as_str() == "VND" {
                assert!(whole.len() >= 10, "VND budgets run into billions: {whole}");
            }
        }
        assert!(budgets.iter().any(|m| m.currency.as_str() == "EUR"));
    }

    #[test]
    fn every_activity_has_three_deliverables() {
        let words = words();
        for activity in words.topics.iter().flat_map(|t| &t.activities) {
            let fitting = words
                .projects
                .deliverables
                .iter()
                .filter(|d| d.activities.is_empty() || d.activities.contains(activity));
            assert!(fitting.count() >= 3, "{activity}");
        }
    }

    #[test]
    fn slugs_fit_with_any_suffix() {
        let words = Slug::parse(&format!("{}-words", "a".repeat(90))).unwrap();
        assert_eq!(with_suffix(&words, "1234").as_str(), format!("{}-1234", "a".repeat(90)));
        let one_word = Slug::parse(&"a".repeat(100)).unwrap();
        assert_eq!(with_suffix(&one_word, "1234").as_str(), format!("{}-1234", "a".repeat(95)));
        let mut taken = HashSet::new();
        let base = Slug::parse("kenya-cert").unwrap();
        assert_eq!(unique_slug(&base, &mut taken).as_str(), "kenya-cert");
        assert_eq!(unique_slug(&base, &mut taken).as_str(), "kenya-cert-2");
        assert_eq!(round_budget(1_234_567), 1_230_000);
        assert_eq!(round_budget(23_450), 23_000);
        assert_eq!(listed(["A", "B", "C"].map(String::from).into_iter(), "và"), "A, B và C");
        assert_eq!(country_in_sentence("Philippines"), "the Philippines");
        assert_eq!(country_in_sentence("Cook Islands"), "the Cook Islands");
        assert_eq!(country_in_sentence("Kenya"), "Kenya");
    }

    /// 20,000 rather than 100,000 projects keeps the suite quick in debug builds (100,000 take about
    /// 13 s there); the work per project is the same.
    #[test]
    fn a_large_dataset_is_generated() {
        let d = dataset(20_000, 1);
        assert_eq!((d.actors.len(), d.projects.len(), d.resources.len()), (100, 20_000, 200));
    }
}
