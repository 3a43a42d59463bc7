//! Duplicate-effort detection: the existing projects that possibly overlap a project being created
//! or imported, ranked, each with the reasons.
//!
//! Avoiding duplicated capacity-building effort is part of the GFCE's purpose, so the Hub points out
//! the projects that already work on the same themes in the same places at the same time. The store
//! narrows the candidates down to those of the same countries and regions; [`find`] judges each one
//! by the rules below, comparing [`Profile`]s rather than whole projects.
//!
//! # When a candidate is reported
//!
//! Only when all three of these hold, and never for the project itself (same id):
//!
//! - **Place**: they share a beneficiary place: a country both name, a region both name, or a place
//!   named by one lying inside a region named by the other, either way round. A project for Viet Nam
//!   meets one for South-eastern Asia (`035`), and that one meets one for Asia (`142`); projects for
//!   two countries of the same region do not meet.
//! - **Theme**: they share a theme.
//! - **Period**: their periods overlap, both end days included. A missing start is unknown and a
//!   missing end means ongoing, so either reaches as far as needed: a project without dates overlaps
//!   any period, while a project that ended before the other started does not.
//!
//! # Score
//!
//! `score = 3/8·text + 1/4·themes + 1/4·place + 1/8·period`, each part within 0..=1 and so the score
//! too; a copy of the project under another id scores 1.
//!
//! - **text**: the cosine similarity of the two word sets, |A ∩ B| / √(|A|·|B|). The words are those
//!   of the title and summary in every language, [folded](crate::fold()) so that accents and case do
//!   not matter ("An ninh mạng" and "an ninh mang" are the same words), without common English and
//!   Vietnamese function words and without one-letter words.
//! - **themes**: the Jaccard index of the themes, |A ∩ B| / |A ∪ B|.
//! - **place**: each place a project names counts 1 when the other names it too and ½ when it only
//!   lies inside, or contains, a place the other names; the sum over both projects is divided by the
//!   number of places they name.
//! - **period**: the share of the shorter period that both run in. A period with an open end is
//!   longer than any dated one; when both have one, the share cannot be measured and counts 1 when
//!   one period lies within the other, ½ otherwise.
//!
//! Ties are broken by id, so the same candidates always come back in the same order.

use std::{borrow::Borrow, cmp::Ordering, iter};

use time::Date;
use uuid::Uuid;

use crate::{fold, reference, CountryCode, Project, RegionCode, ThemeId};

mod landscape;

pub use landscape::Landscape;

// Every reported candidate already shares a place, a theme and a period, so the parts only grade
// how much. Alike titles and summaries tell best that two projects do the same work, so the text
// weighs most; the period weighs least because projects run for years and most of those of one
// country overlap in time anyway. Binary fractions summing to exactly 1 keep the floating-point
// score within 0..=1.
const TEXT_WEIGHT: f64 = 0.375;
const THEME_WEIGHT: f64 = 0.25;
const PLACE_WEIGHT: f64 = 0.25;
const PERIOD_WEIGHT: f64 = 0.125;

/// What a place named by one project counts when the other names it too, and when it only lies
/// inside or contains a place the other names: a national project is more likely to duplicate
/// another national one than a regional programme.
const SAME_PLACE: f64 = 1.0;
const NESTED_PLACE: f64 = 0.5;

// One-letter words (a, ở…) go by length. "an" is kept: folded, it is also the Vietnamese of
// "an ninh" (security) and "an toàn" (safety).
const ENGLISH_STOP_WORDS: [&str; 30] = [
    "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its", "of", "on",
    "or", "than", "that", "the", "their", "these", "this", "those", "to", "was", "were", "will", "with",
];
// Folded, since they are matched against folded words. Folding merges a few of them with content
// syllables (tại and tài, để and đề); the other syllables of such a compound still count.
const VIETNAMESE_STOP_WORDS: [&str; 26] = [
    "boi", "cac", "cho", "co", "cua", "cung", "de", "den", "duoc", "hoac", "khong", "la", "mot", "nay", "nham", "nhu",
    "nhung", "se", "tai", "theo", "thi", "trong", "tu", "va", "ve", "voi",
];

/// What a candidate has in common with the project.
#[derive(Debug, Clone, PartialEq)]
pub struct Reasons {
    /// The beneficiary countries both name.
    pub countries: Vec<CountryCode>,
    /// The beneficiary regions named by one that the other names too or has a place in (a country
    /// of one inside a region of the other).
    pub regions: Vec<RegionCode>,
    /// The themes both have.
    pub themes: Vec<ThemeId>,
    /// The period both run in, when its first and last days are known.
    pub period: Option<(Date, Date)>,
    /// How alike the titles and summaries are, within 0..=1.
    pub text_similarity: f64,
}

/// A project that possibly duplicates the effort of the one compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlap {
    pub id: Uuid,
    /// Within 0..=1; higher is more alike.
    pub score: f64,
    pub reasons: Reasons,
}

/// The regions a place lies in; M49 nests at most three deep.
type Enclosing = [Option<RegionCode>; 3];

/// A project reduced to what matters for comparison; cheap to build and to keep many of.
///
/// It keeps the id, the beneficiary countries and regions with the M49 regions each lies in, the
/// themes, the period and the words of the title and summary. Descriptions are left out: at up to
/// 50,000 characters each, their words would make the profiles of 100,000 projects heavy to keep,
/// and would drown the few words that say what a project does.
#[derive(Debug, Clone)]
pub struct Profile {
    id: Uuid,
    /// Sorted by code, distinct.
    countries: Vec<(CountryCode, Enclosing)>,
    /// Sorted by code, distinct.
    regions: Vec<(RegionCode, Enclosing)>,
    /// Sorted, distinct.
    themes: Vec<ThemeId>,
    period: Period,
    /// Distinct folded words, sorted and separated by single spaces: one allocation per profile
    /// however many words there are.
    words: Box<str>,
    word_count: usize,
}

impl Profile {
    /// Reduces `project`, placing its countries and regions in the shipped M49 regions.
    pub fn of(project: &Project) -> Profile {
        let mut countries: Vec<_> = project.countries.iter().map(|&c| (c, country_enclosing(c))).collect();
        countries.sort_unstable_by_key(|&(code, _)| code);
        countries.dedup_by_key(|&mut (code, _)| code);
        let mut regions: Vec<_> = project.regions.iter().map(|&r| (r, region_enclosing(r))).collect();
        regions.sort_unstable_by_key(|&(code, _)| code);
        regions.dedup_by_key(|&mut (code, _)| code);
        let mut themes = project.themes.clone();
        themes.sort_unstable();
        themes.dedup();
        let (start, end) = match (project.starts_on, project.ends_on) {
            // Validation rejects an end before the start; reading such dates in order keeps the
            // score within range for a project that was not validated.
            (Some(start), Some(end)) if end < start => (Some(end), Some(start)),
            dates => dates,
        };
        let (words, word_count) = word_set(project);
        Profile { id: project.id, countries, regions, themes, period: Period { start, end }, words, word_count }
    }

    /// The id of the project it was made of.
    pub fn id(&self) -> Uuid {
        self.id
    }

    fn names_country(&self, code: CountryCode) -> bool {
        self.countries.binary_search_by_key(&code, |&(c, _)| c).is_ok()
    }

    fn names_region(&self, code: RegionCode) -> bool {
        self.regions.binary_search_by_key(&code, |&(r, _)| r).is_ok()
    }

    /// Whether it names a region that `enclosing` holds, that is one around the place.
    fn names_region_around(&self, enclosing: &Enclosing) -> bool {
        enclosing.iter().flatten().any(|&r| self.names_region(r))
    }

    /// Whether a place it names lies inside `region`.
    fn has_place_in(&self, region: RegionCode) -> bool {
        let mut enclosings = self.countries.iter().map(|(_, e)| e).chain(self.regions.iter().map(|(_, e)| e));
        enclosings.any(|e| e.contains(&Some(region)))
    }

    /// The sum, over the places it names, of what each counts against the places `other` names.
    fn place_matches(&self, other: &Profile) -> f64 {
        let countries = self.countries.iter().map(|(code, enclosing)| {
            if other.names_country(*code) {
                SAME_PLACE
            } else if other.names_region_around(enclosing) {
                NESTED_PLACE
            } else {
                0.0
            }
        });
        let regions = self.regions.iter().map(|(code, enclosing)| {
            if other.names_region(*code) {
                SAME_PLACE
            } else if other.names_region_around(enclosing) || other.has_place_in(*code) {
                NESTED_PLACE
            } else {
                0.0
            }
        });
        countries.chain(regions).sum()
    }

    /// The regions it names that `other` names too or has a place in.
    fn regions_met_by<'a>(&'a self, other: &'a Profile) -> impl Iterator<Item = RegionCode> + 'a {
        self.regions.iter().map(|&(r, _)| r).filter(|&r| other.names_region(r) || other.has_place_in(r))
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        self.words.split_ascii_whitespace()
    }
}

fn country_enclosing(code: CountryCode) -> Enclosing {
    let mut enclosing = [None; 3];
    if let Some(country) = reference::shipped().country(code) {
        iter::zip(&mut enclosing, country.regions()).for_each(|(slot, r)| *slot = Some(r));
    }
    enclosing
}

fn region_enclosing(code: RegionCode) -> Enclosing {
    let data = reference::shipped();
    let parent = |r: RegionCode| data.region(r).and_then(|region| region.parent);
    let mut enclosing = [None; 3];
    iter::zip(&mut enclosing, iter::successors(parent(code), |&r| parent(r))).for_each(|(slot, r)| *slot = Some(r));
    enclosing
}

/// The distinct words of the title and summary in every language, sorted and joined by spaces, and
/// how many there are.
fn word_set(project: &Project) -> (Box<str>, usize) {
    let mut folded = String::new();
    for text in iter::once(&project.title).chain(&project.summary) {
        for (_, t) in text.texts() {
            folded.push_str(&fold(t));
            folded.push(' ');
        }
    }
    let mut words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| is_content_word(w)).collect();
    words.sort_unstable();
    words.dedup();
    (words.join(" ").into_boxed_str(), words.len())
}

fn is_content_word(word: &str) -> bool {
    word.chars().nth(1).is_some() && !ENGLISH_STOP_WORDS.contains(&word) && !VIETNAMESE_STOP_WORDS.contains(&word)
}

/// Days from `start` to `end`, both included; a missing bound reaches indefinitely far.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Period {
    start: Option<Date>,
    end: Option<Date>,
}

impl Period {
    fn common(self, other: Period) -> Period {
        let end = match (self.end, other.end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (end, None) | (None, end) => end,
        };
        // `None` sorts first, so the later of two starts is the known one when there is one.
        Period { start: self.start.max(other.start), end }
    }

    fn is_empty(self) -> bool {
        matches!((self.start, self.end), (Some(start), Some(end)) if end < start)
    }

    fn within(self, other: Period) -> bool {
        self.common(other) == self
    }

    fn days(self) -> Option<i32> {
        Some(self.end?.to_julian_day() - self.start?.to_julian_day() + 1)
    }
}

/// The share of the shorter of two overlapping periods that both run in.
fn period_share(a: Period, b: Period) -> f64 {
    let shorter = match (a.days(), b.days()) {
        (Some(x), Some(y)) => x.min(y),
        (Some(days), None) | (None, Some(days)) => days,
        (None, None) => return if a.within(b) || b.within(a) { 1.0 } else { 0.5 },
    };
    // Lying within a dated period, the common one is dated too.
    a.common(b).days().map_or(0.0, |days| f64::from(days) / f64::from(shorter))
}

/// How many items two sorted sequences of distinct items have in common.
fn common_count<T: Ord>(a: impl IntoIterator<Item = T>, b: impl IntoIterator<Item = T>) -> usize {
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    let mut count = 0;
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.cmp(y) {
            Ordering::Less => {
                a.next();
            }
            Ordering::Greater => {
                b.next();
            }
            Ordering::Equal => {
                count += 1;
                a.next();
                b.next();
            }
        }
    }
    count
}

fn text_similarity(a: &Profile, b: &Profile) -> f64 {
    if a.word_count == 0 || b.word_count == 0 {
        return 0.0;
    }
    common_count(a.words(), b.words()) as f64 / (a.word_count as f64 * b.word_count as f64).sqrt()
}

/// The parts of the score of a reported candidate.
struct Parts {
    text: f64,
    themes: f64,
    place: f64,
    period: f64,
}

impl Parts {
    fn score(&self) -> f64 {
        TEXT_WEIGHT * self.text + THEME_WEIGHT * self.themes + PLACE_WEIGHT * self.place + PERIOD_WEIGHT * self.period
    }
}

/// The parts of the score when `candidate` is to be reported against `project`, without allocating.
fn compare(project: &Profile, candidate: &Profile) -> Option<Parts> {
    if project.id == candidate.id || project.period.common(candidate.period).is_empty() {
        return None;
    }
    let common_themes = common_count(&project.themes, &candidate.themes);
    if common_themes == 0 {
        return None;
    }
    let place_matches = project.place_matches(candidate) + candidate.place_matches(project);
    if place_matches <= 0.0 {
        return None;
    }
    let named = project.countries.len() + project.regions.len() + candidate.countries.len() + candidate.regions.len();
    let all_themes = project.themes.len() + candidate.themes.len() - common_themes;
    Some(Parts {
        text: text_similarity(project, candidate),
        themes: common_themes as f64 / all_themes as f64,
        place: place_matches / named as f64,
        period: period_share(project.period, candidate.period),
    })
}

fn reasons(project: &Profile, candidate: &Profile, text_similarity: f64) -> Reasons {
    let countries = project.countries.iter().map(|&(c, _)| c).filter(|&c| candidate.names_country(c)).collect();
    let mut regions: Vec<_> = project.regions_met_by(candidate).chain(candidate.regions_met_by(project)).collect();
    regions.sort_unstable();
    regions.dedup();
    let themes = project.themes.iter().filter(|t| candidate.themes.binary_search(t).is_ok()).cloned().collect();
    let common = project.period.common(candidate.period);
    Reasons { countries, regions, themes, period: common.start.zip(common.end), text_similarity }
}

/// The candidates that possibly overlap `project`, best first and at most `limit` of them, by the
/// rules of the [module](crate::overlap).
///
/// The candidates are usually those the store found for the same countries and regions, but any
/// list works. The time taken grows linearly with their number, and comparing allocates nothing:
/// only the candidates returned get their reasons built.
pub fn find<P: Borrow<Profile>>(project: &Profile, candidates: &[P], limit: usize) -> Vec<Overlap> {
    struct Found {
        score: f64,
        text: f64,
        index: usize,
    }
    let mut found: Vec<Found> = candidates
        .iter()
        .enumerate()
        .filter_map(|(index, c)| {
            compare(project, c.borrow()).map(|parts| Found { score: parts.score(), text: parts.text, index })
        })
        .collect();
    // The index settles ties between candidates given twice, so that the order never depends on
    // the sort.
    let ranking = |a: &Found, b: &Found| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| candidates[a.index].borrow().id.cmp(&candidates[b.index].borrow().id))
            .then(a.index.cmp(&b.index))
    };
    if limit < found.len() {
        // Only the best `limit` need sorting; setting them apart first keeps the whole linear.
        if let Some(last) = limit.checked_sub(1) {
            found.select_nth_unstable_by(last, ranking);
        }
        found.truncate(limit);
    }
    found.sort_unstable_by(ranking);
    found
        .into_iter()
        .map(|f| {
            let candidate = candidates[f.index].borrow();
            Overlap { id: candidate.id, score: f.score, reasons: reasons(project, candidate, f.text) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::{collections::BTreeSet, slice};

    use proptest::{collection, option, prelude::*, sample};

    use super::*;
    use crate::{parse_date, LocalizedText, ProjectStatus, Slug};

    fn day(date: &str) -> Date {
        parse_date(date).unwrap()
    }

    fn countries(codes: &[&str]) -> Vec<CountryCode> {
        codes.iter().map(|c| CountryCode::parse(c).unwrap()).collect()
    }

    fn regions(codes: &[&str]) -> Vec<RegionCode> {
        codes.iter().map(|r| RegionCode::parse(r).unwrap()).collect()
    }

    fn themes(ids: &[&str]) -> Vec<ThemeId> {
        ids.iter().map(|t| ThemeId::parse(t).unwrap()).collect()
    }

    fn text(en: Option<&str>, vi: Option<&str>) -> LocalizedText {
        LocalizedText::new(en.map(str::to_owned), vi.map(str::to_owned)).unwrap()
    }

    /// A CERT training in Viet Nam for 2020 and 2021.
    fn project(id: u128) -> Project {
        Project {
            id: Uuid::from_u128(id),
            slug: Slug::parse("cert-training").unwrap(),
            title: text(Some("CERT training for Viet Nam"), Some("Đào tạo CERT cho Việt Nam")),
            summary: Some(text(Some("Incident response exercises"), Some("Diễn tập ứng cứu sự cố"))),
            description: None,
            status: ProjectStatus::Ongoing,
            starts_on: Some(day("2020-01-01")),
            ends_on: Some(day("2021-12-31")),
            participants: vec![],
            countries: countries(&["VN"]),
            regions: vec![],
            themes: themes(&["cert-cooperation"]),
            tags: vec![],
            shares: Default::default(),
            budget: None,
            languages: vec![],
            links: vec![],
            iati_identifier: None,
            source_url: None,
        }
    }

    fn overlaps(project: &Project, candidates: &[Project]) -> Vec<Overlap> {
        let candidates: Vec<_> = candidates.iter().map(Profile::of).collect();
        find(&Profile::of(project), &candidates, usize::MAX)
    }

    fn ids(found: &[Overlap]) -> Vec<u128> {
        found.iter().map(|o| o.id.as_u128()).collect()
    }

    #[test]
    fn a_copy_under_another_id_scores_one_with_every_reason() {
        let mut a = project(1);
        a.regions = regions(&["035"]);
        a.themes = themes(&["culture-skills", "cert-cooperation"]);
        let b = Project { id: Uuid::from_u128(2), ..a.clone() };
        let expected = Overlap {
            id: b.id,
            score: 1.0,
            reasons: Reasons {
                countries: countries(&["VN"]),
                regions: regions(&["035"]),
                themes: themes(&["cert-cooperation", "culture-skills"]),
                period: Some((day("2020-01-01"), day("2021-12-31"))),
                text_similarity: 1.0,
            },
        };
        assert_eq!(overlaps(&a, &[b]), [expected]);
    }

    #[test]
    fn another_country_is_not_reported() {
        let mut b = project(2);
        b.countries = countries(&["TH"]);
        assert!(overlaps(&project(1), &[b]).is_empty());
    }

    #[test]
    fn the_same_country_without_a_shared_theme_is_not_reported() {
        let mut b = project(2);
        b.themes = themes(&["data-protection", "cybercrime"]);
        assert!(overlaps(&project(1), &[b]).is_empty());
    }

    #[test]
    fn disjoint_periods_are_not_reported() {
        let mut before = project(2);
        (before.starts_on, before.ends_on) = (Some(day("2018-01-01")), Some(day("2019-12-31")));
        before.status = ProjectStatus::Completed;
        let mut after = project(3);
        (after.starts_on, after.ends_on) = (Some(day("2022-01-01")), None);
        assert!(overlaps(&project(1), &[before, after]).is_empty());

        let mut touching = project(4);
        (touching.starts_on, touching.ends_on) = (Some(day("2021-12-31")), Some(day("2022-12-31")));
        let found = overlaps(&project(1), &[touching]);
        assert_eq!(found[0].reasons.period, Some((day("2021-12-31"), day("2021-12-31"))));
    }

    #[test]
    fn open_ended_dates_overlap() {
        let with_dates = |id, starts_on: Option<&str>, ends_on: Option<&str>| Project {
            starts_on: starts_on.map(day),
            ends_on: ends_on.map(day),
            ..project(id)
        };
        let undated = with_dates(2, None, None);
        let ongoing = with_dates(3, Some("2019-06-01"), None);
        let start_unknown = with_dates(4, None, Some("2020-06-30"));
        let found = overlaps(&project(1), &[undated, ongoing, start_unknown]);
        let periods: Vec<_> = found.iter().map(|o| (o.id.as_u128(), o.reasons.period)).collect();
        let dated = Some((day("2020-01-01"), day("2021-12-31")));
        assert_eq!(periods, [(2, dated), (3, dated), (4, Some((day("2020-01-01"), day("2020-06-30"))))]);

        // Ongoing both: they overlap from the later start on, with no known last day.
        let found = overlaps(&with_dates(1, Some("2020-01-01"), None), &[with_dates(2, Some("2023-01-01"), None)]);
        assert_eq!(found[0].reasons.period, None);
    }

    #[test]
    fn reversed_dates_are_read_in_order() {
        let mut reversed = project(2);
        (reversed.starts_on, reversed.ends_on) = (reversed.ends_on, reversed.starts_on);
        let found = overlaps(&project(1), &[reversed]);
        assert_eq!(found[0].score, 1.0);
    }

    #[test]
    fn a_country_inside_a_region_counts_either_way() {
        let regional = |id, codes: &[&str]| Project { countries: vec![], regions: regions(codes), ..project(id) };
        let found = overlaps(&project(1), &[regional(2, &["035"]), regional(3, &["150"]), project(4)]);
        assert_eq!(ids(&found), [4, 2], "a national project ranks above a regional one");
        assert!(found[1].reasons.countries.is_empty());
        assert_eq!(found[1].reasons.regions, regions(&["035"]));
        assert_eq!(ids(&overlaps(&regional(2, &["035"]), &[project(1)])), [1]);

        let found = overlaps(&regional(1, &["035"]), &[regional(2, &["142"])]);
        assert_eq!(found[0].reasons.regions, regions(&["142"]));
    }

    #[test]
    fn text_similarity_ignores_accents_case_and_stop_words() {
        let a = Project {
            title: text(None, Some("Đào tạo về an ninh mạng cho các doanh nghiệp")),
            summary: None,
            ..project(1)
        };
        let b = Project { title: text(Some("DAO TAO AN NINH MANG, DOANH NGHIEP"), None), summary: None, ..project(2) };
        assert_eq!(overlaps(&a, &[b])[0].reasons.text_similarity, 1.0);

        let a = Project {
            title: text(Some("The CERT training of Việt Nam"), Some("và đào tạo an ninh mạng")),
            summary: None,
            ..project(1)
        };
        assert_eq!(&*Profile::of(&a).words, "an cert dao mang nam ninh tao training viet");
        for word in ENGLISH_STOP_WORDS.iter().chain(&VIETNAMESE_STOP_WORDS) {
            assert_eq!(fold(word), *word, "stop words are matched folded");
        }
    }

    #[test]
    fn the_project_itself_is_not_reported() {
        assert_eq!(ids(&overlaps(&project(1), &[project(1), project(2)])), [2]);
    }

    #[test]
    fn the_limit_caps_a_list_ordered_by_score_then_id() {
        let mut other_words = project(2);
        other_words.title = text(Some("Regional CERT maturity assessment"), None);
        let mut candidates = vec![project(5), other_words, project(3), project(4)];
        assert_eq!(ids(&overlaps(&project(1), &candidates)), [3, 4, 5, 2]);
        candidates.reverse();
        assert_eq!(ids(&overlaps(&project(1), &candidates)), [3, 4, 5, 2]);

        let profiles: Vec<_> = candidates.iter().map(Profile::of).collect();
        let project = Profile::of(&project(1));
        assert_eq!(ids(&find(&project, &profiles, 2)), [3, 4]);
        assert!(find(&project, &profiles, 0).is_empty());
    }

    const COUNTRY_POOL: [&str; 5] = ["VN", "TH", "SG", "NL", "GB"];
    const REGION_POOL: [&str; 4] = ["035", "142", "150", "154"];
    const THEME_POOL: [&str; 4] = ["cert-cooperation", "cybercrime", "data-protection", "standards"];
    const WORD_POOL: [&str; 12] = [
        "An ninh mạng",
        "an ninh mang",
        "CERT",
        "training",
        "đào tạo",
        "the",
        "và",
        "policy",
        "chính sách",
        "dữ liệu",
        "Data",
        "incident",
    ];

    prop_compose! {
        fn any_project()(
            id in 0u128..4,
            countries in sample::subsequence(COUNTRY_POOL.to_vec(), 0..=2),
            regions in sample::subsequence(REGION_POOL.to_vec(), 0..=2),
            themes in sample::subsequence(THEME_POOL.to_vec(), 0..=3),
            first in option::of(0i64..1500),
            second in option::of(0i64..1500),
            title in collection::vec(sample::select(WORD_POOL.to_vec()), 1..5),
            summary in collection::vec(sample::select(WORD_POOL.to_vec()), 0..5),
        ) -> Project {
            let on = |days: i64| day("2018-01-01") + time::Duration::days(days);
            let (starts_on, ends_on) = match (first, second) {
                (Some(a), Some(b)) => (Some(on(a.min(b))), Some(on(a.max(b)))),
                (a, b) => (a.map(on), b.map(on)),
            };
            Project {
                countries: self::countries(&countries),
                regions: self::regions(&regions),
                themes: self::themes(&themes),
                starts_on,
                ends_on,
                title: text(Some(title.join(" ").as_str()), None),
                summary: (!summary.is_empty()).then(|| text(None, Some(summary.join(" ").as_str()))),
                ..project(id)
            }
        }
    }

    /// The countries a project benefits, its regions spelled out.
    fn area(project: &Project) -> BTreeSet<CountryCode> {
        let data = reference::shipped();
        let in_regions = data.countries.iter().filter(|c| c.regions().any(|r| project.regions.contains(&r)));
        project.countries.iter().copied().chain(in_regions.map(|c| c.code)).collect()
    }

    /// The store's rule written plainly: the projects that name a country of the project's area
    /// or a region it names or its countries lie in, sharing a theme, the first `window` of them
    /// in list order, judged by `find`.
    fn store_rule(project: &Project, all: &[Project], window: usize) -> Vec<Overlap> {
        let data = reference::shipped();
        let mut regions: BTreeSet<RegionCode> = project.regions.iter().copied().collect();
        regions.extend(project.countries.iter().filter_map(|c| data.country(*c)).flat_map(|c| c.regions()));
        let area = area(project);
        let mut candidates: Vec<&Project> = all
            .iter()
            .filter(|q| q.id != project.id)
            .filter(|q| q.countries.iter().any(|c| area.contains(c)) || q.regions.iter().any(|r| regions.contains(r)))
            .filter(|q| q.themes.iter().any(|t| project.themes.contains(t)))
            .collect();
        candidates.sort_by_key(|q| (q.newest_key(), q.id));
        let profiles: Vec<Profile> = candidates.iter().take(window).map(|q| Profile::of(q)).collect();
        find(&Profile::of(project), &profiles, 5)
    }

    fn score(project: &Project, candidate: &Project) -> Option<f64> {
        overlaps(project, slice::from_ref(candidate)).first().map(|o| o.score)
    }

    proptest! {
        #[test]
        fn scores_stay_within_zero_and_one(a in any_project(), b in any_project()) {
            for found in overlaps(&a, &[b]) {
                prop_assert!((0.0..=1.0).contains(&found.score));
                prop_assert!((0.0..=1.0).contains(&found.reasons.text_similarity));
            }
        }

        #[test]
        fn comparing_is_symmetric(a in any_project(), b in any_project()) {
            let ab = overlaps(&a, slice::from_ref(&b));
            let ba = overlaps(&b, slice::from_ref(&a));
            prop_assert_eq!(ab.len(), ba.len());
            for (ab, ba) in ab.iter().zip(&ba) {
                prop_assert_eq!(ab.score.to_bits(), ba.score.to_bits());
                prop_assert_eq!(&ab.reasons, &ba.reasons);
            }
        }

        #[test]
        fn reported_exactly_when_a_place_a_theme_and_a_period_are_shared(a in any_project(), b in any_project()) {
            let shares_place = !area(&a).is_disjoint(&area(&b));
            let shares_theme = a.themes.iter().any(|t| b.themes.contains(t));
            let ended_before = |x: &Project, y: &Project| matches!((x.ends_on, y.starts_on), (Some(e), Some(s)) if e < s);
            let shares_period = !ended_before(&a, &b) && !ended_before(&b, &a);
            let expected = a.id != b.id && shares_place && shares_theme && shares_period;
            prop_assert_eq!(score(&a, &b).is_some(), expected);
        }

        #[test]
        fn adding_a_shared_theme_never_lowers_the_score(
            mut a in any_project(),
            mut b in any_project(),
            theme in sample::select(THEME_POOL.to_vec()),
        ) {
            let before = score(&a, &b);
            let theme = ThemeId::parse(theme).unwrap();
            for p in [&mut a, &mut b] {
                if !p.themes.contains(&theme) {
                    p.themes.push(theme.clone());
                }
            }
            if let Some(before) = before {
                prop_assert!(score(&a, &b).is_some_and(|after| after >= before));
            }
        }

        #[test]
        fn the_landscape_finds_what_the_store_rule_finds(
            projects in collection::vec(any_project(), 1..40),
            gone in collection::vec(any::<prop::sample::Index>(), 0..5),
            window in 1usize..12,
        ) {
            let mut projects: Vec<Project> = projects
                .into_iter()
                .enumerate()
                .map(|(i, p)| Project {
                    id: Uuid::from_u128(i as u128 + 1),
                    slug: Slug::parse(&format!("p-{}", i % 7)).unwrap(),
                    ..p
                })
                .collect();
            let mut landscape = Landscape::new();
            for p in &projects {
                landscape.insert(p);
            }
            // Forgetting some and keeping changed versions of others leaves it as if built anew.
            for index in gone {
                let p = projects.remove(index.index(projects.len()));
                landscape.remove(p.id);
                if projects.is_empty() {
                    break;
                }
            }
            if let Some(first) = projects.first_mut() {
                first.regions = self::regions(&["142"]);
                landscape.insert(first);
            }
            prop_assert_eq!(landscape.len(), projects.len());
            for p in &projects {
                let expected = store_rule(p, &projects, window);
                prop_assert_eq!(landscape.overlaps(p.id, window, 5), Some(expected));
            }
        }

        #[test]
        fn results_are_ranked_and_capped(
            project in any_project(),
            candidates in collection::vec(any_project(), 0..12),
            limit in 0usize..6,
        ) {
            let profiles: Vec<_> = candidates.iter().map(Profile::of).collect();
            let project = Profile::of(&project);
            let all = find(&project, &profiles, usize::MAX);
            for pair in all.windows(2) {
                let order = pair[0].score.total_cmp(&pair[1].score).then(pair[1].id.cmp(&pair[0].id));
                prop_assert!(order.is_ge(), "{:?} before {:?}", pair[0], pair[1]);
            }
            let capped = find(&project, &profiles, limit);
            prop_assert_eq!(capped.as_slice(), &all[..limit.min(all.len())]);
        }
    }
}
