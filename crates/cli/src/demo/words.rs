//! The words demonstration data is made of, in English and Vietnamese: names, titles, phrases and
//! sentences with `{placeholders}`. They are data files shipped with the reference data
//! (`data/demo/`), embedded in the binary and read once; the choices among them are the
//! generator's.

use std::sync::LazyLock;

use gfce_core::{ActorKind, Lang, ResourceKind};
use serde::Deserialize;

const ACTORS_JSON: &str = include_str!("../../../../data/demo/actors.json");
const TOPICS_JSON: &str = include_str!("../../../../data/demo/topics.json");
const PROJECTS_JSON: &str = include_str!("../../../../data/demo/projects.json");
const RESOURCES_JSON: &str = include_str!("../../../../data/demo/resources.json");
const GRAMMAR_JSON: &str = include_str!("../../../../data/demo/grammar.json");

/// A text in English and in Vietnamese.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Bilingual {
    pub en: String,
    pub vi: String,
}

impl Bilingual {
    pub(super) fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Vi => &self.vi,
        }
    }
}

/// Everything in `data/demo/`.
#[derive(Debug)]
pub(super) struct Words {
    pub actors: ActorWords,
    pub topics: Vec<Topic>,
    pub projects: ProjectWords,
    pub resources: ResourceWords,
    pub grammar: Grammar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ActorWords {
    pub organisations: Vec<Organisation>,
    pub companies: Companies,
}

/// A kind of organisation found in many countries.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Organisation {
    pub kind: ActorKind,
    /// `{country}` stands for the country's name.
    pub name: Bilingual,
    /// `{code}` stands for the country's ISO code.
    pub short_name: Option<String>,
    pub themes: Vec<String>,
    /// How often it is drawn, against the other organisations and the companies.
    pub weight: u64,
}

/// Companies have made-up brand names, the same in both languages: a first and a second part run
/// together, then the line of business ("Bluegate Security").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Companies {
    pub weight: u64,
    pub first: Vec<String>,
    pub second: Vec<String>,
    pub business: Vec<String>,
    pub themes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicList {
    topics: Vec<Topic>,
}

/// What a project or a resource is about, with the themes it belongs to (the first always) and
/// the activities whose titles read well with it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Topic {
    pub name: Bilingual,
    pub themes: Vec<String>,
    pub activities: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ProjectWords {
    pub activities: Vec<Activity>,
    pub deliverables: Vec<Deliverable>,
    pub tags: Vec<String>,
    /// `{place}`, `{topic}`, `{means}` and `{funders}` to fill.
    pub summary: Bilingual,
    pub description: DescriptionWords,
    pub links: LinkLabels,
}

/// What a project does.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Activity {
    pub id: String,
    /// The project's title, with `{topic}` and `{place}` to fill.
    pub title: Bilingual,
    /// How the activity is named inside a sentence.
    pub means: Bilingual,
    /// Whether the title speaks of a single nation, so that a region cannot stand for the place.
    pub national: bool,
}

/// Something a project delivers (`{n}` is a number and `{topic}` the topic), and the activities
/// that deliver it (every one when empty). Each activity has at least three.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Deliverable {
    pub text: Bilingual,
    pub activities: Vec<String>,
}

/// The wording of a project's description.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DescriptionWords {
    pub heading: Bilingual,
    /// `{implementers}`, `{work}`, `{topic}`, `{place}`, `{means}`, `{period}` and `{funders}` to
    /// fill.
    pub overview: Bilingual,
    pub work: Work,
    pub results: Results,
    pub period: Period,
}

/// The verb of the overview, by the project's status and, in English, by how many implement it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Work {
    pub completed: Bilingual,
    pub ongoing_one: Bilingual,
    pub ongoing_several: Bilingual,
    pub planned: Bilingual,
}

/// What the list of deliverables is called: results a completed project achieved, or those
/// another one expects.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Results {
    pub achieved: Bilingual,
    pub expected: Bilingual,
}

/// When the project runs: `{start}` and `{end}` years, or from `{start}` on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Period {
    pub closed: Bilingual,
    pub open: Bilingual,
}

/// The labels of a project's links, which are in English only.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LinkLabels {
    pub page: String,
    pub final_report: String,
    pub concept_note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ResourceWords {
    /// Who reads a tool or publication.
    pub audiences: Vec<Bilingual>,
    pub kinds: Vec<KindWords>,
    /// `{kind}`, `{topic}`, `{audience}` and `{author}` to fill.
    pub summary: Bilingual,
}

/// A resource kind's title, with `{topic}`, `{audience}`, `{region}`, `{year}` and `{version}`
/// to fill, and what the kind is called.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct KindWords {
    pub kind: ResourceKind,
    pub title: Bilingual,
    pub called: Bilingual,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Grammar {
    /// The word that joins the last two items of a list.
    pub and: Bilingual,
    /// How the country names that English puts "the" before begin, as the shipped list spells
    /// them; names ending in "Islands" take it too.
    pub countries_with_the: Vec<String>,
}

impl Words {
    /// The activity with this id; every id in the files names one, as [`words`] makes sure.
    pub(super) fn activity(&self, id: &str) -> &Activity {
        self.projects.activities.iter().find(|a| a.id == id).expect("activities are checked when the words are read")
    }

    pub(super) fn kind(&self, kind: ResourceKind) -> &KindWords {
        self.resources
            .kinds
            .iter()
            .find(|k| k.kind == kind)
            .expect("resource kinds are checked when the words are read")
    }
}

/// The words embedded in this binary.
///
/// # Panics
/// If a file does not parse or names an activity that is not there, or a resource kind has no
/// words; the unit tests make sure none of that happens.
pub(super) fn words() -> &'static Words {
    static WORDS: LazyLock<Words> =
        LazyLock::new(|| parse().unwrap_or_else(|e| panic!("the shipped demonstration words are invalid: {e}")));
    &WORDS
}

fn parse() -> Result<Words, String> {
    fn json<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))
    }
    let words = Words {
        actors: json("actors.json", ACTORS_JSON)?,
        topics: json::<TopicList>("topics.json", TOPICS_JSON)?.topics,
        projects: json("projects.json", PROJECTS_JSON)?,
        resources: json("resources.json", RESOURCES_JSON)?,
        grammar: json("grammar.json", GRAMMAR_JSON)?,
    };
    let named = words
        .topics
        .iter()
        .flat_map(|t| &t.activities)
        .chain(words.projects.deliverables.iter().flat_map(|d| &d.activities));
    if let Some(unknown) = named.into_iter().find(|id| !words.projects.activities.iter().any(|a| &a.id == *id)) {
        return Err(format!("no activity {unknown}"));
    }
    if let Some(kind) = ResourceKind::ALL.into_iter().find(|k| !words.resources.kinds.iter().any(|w| w.kind == *k)) {
        return Err(format!("no words for resources of kind {}", kind.as_str()));
    }
    Ok(words)
}

/// `template` with each `{name}` among `values` replaced by its value, in one pass, so that a
/// value is never read as a template itself; other braces are left as they are.
pub(super) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let value = from_brace[1..]
            .split_once('}')
            .and_then(|(name, after)| values.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, after)));
        match value {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            None => {
                out.push('{');
                rest = &from_brace[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_parse_and_none_is_empty() {
        let w = parse().unwrap();
        assert!(!w.actors.organisations.is_empty() && w.actors.organisations.iter().all(|o| o.weight > 0));
        let c = &w.actors.companies;
        assert!(![&c.first, &c.second, &c.business, &c.themes].iter().any(|list| list.is_empty()));
        assert!(!w.topics.is_empty() && w.topics.iter().all(|t| !t.themes.is_empty() && !t.activities.is_empty()));
        assert!(!w.projects.activities.is_empty() && !w.projects.deliverables.is_empty());
        assert!(!w.projects.tags.is_empty() && !w.resources.audiences.is_empty());
        assert!(!w.grammar.countries_with_the.is_empty());
        assert_eq!(w.resources.kinds.len(), ResourceKind::ALL.len());
    }

    #[test]
    fn fills_placeholders_once() {
        assert_eq!(fill("{a} and {b}", &[("a", "{b}"), ("b", "B")]), "{b} and B");
        assert_eq!(fill("{n},000 {x} {", &[("n", "5")]), "5,000 {x} {");
        assert_eq!(fill("", &[]), "");
    }
}
