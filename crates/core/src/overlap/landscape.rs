//! Every project's [`Profile`], indexed by the places they benefit, so that a project's possible
//! overlaps are found among the projects kept here without asking the database.
//!
//! The candidates are the same as the store's: the projects that name a country the project
//! names or has in one of its regions, or a region it names or one its countries lie in; that
//! share a theme with it; the first [`Landscape::overlaps`]'s `window` of them in the newest-first
//! order of lists ([`Project::newest_key`]). [`find`] then judges them as it judges the store's.
//! Walking the places' lists in that order and stopping at the window, a project's overlaps cost
//! the same however many projects there are.

use std::{
    collections::{btree_set, BTreeSet, HashMap},
    iter::Peekable,
    sync::Arc,
};

use uuid::Uuid;

use super::{find, Overlap, Profile};
use crate::{CountryCode, Project, RegionCode};

/// The projects kept, and for each place the projects that can meet a project of that place.
#[derive(Debug, Default)]
pub struct Landscape {
    projects: HashMap<Uuid, Kept>,
    places: HashMap<Place, BTreeSet<Listed>>,
}

#[derive(Debug)]
struct Kept {
    key: Arc<str>,
    profile: Profile,
}

/// A project where lists show it: by [`Project::newest_key`], unique, then the id.
type Listed = (Arc<str>, Uuid);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Place {
    /// The project names this country.
    Country(CountryCode),
    /// The project names a country that lies in this region.
    CountryIn(RegionCode),
    /// The project names this region.
    Region(RegionCode),
}

impl Landscape {
    pub fn new() -> Landscape {
        Landscape::default()
    }

    /// How many projects are kept.
    pub fn len(&self) -> usize {
        self.projects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.projects.is_empty()
    }

    /// Keeps `project` as it is now, in place of what was kept of it before.
    pub fn insert(&mut self, project: &Project) {
        self.remove(project.id);
        let kept = Kept { key: project.newest_key().into(), profile: Profile::of(project) };
        for place in listed_under(&kept.profile) {
            self.places.entry(place).or_default().insert((kept.key.clone(), project.id));
        }
        self.projects.insert(project.id, kept);
    }

    /// Forgets the project with this id, if it is kept.
    pub fn remove(&mut self, id: Uuid) {
        let Some(kept) = self.projects.remove(&id) else { return };
        for place in listed_under(&kept.profile) {
            if let Some(listed) = self.places.get_mut(&place) {
                listed.remove(&(kept.key.clone(), id));
                if listed.is_empty() {
                    self.places.remove(&place);
                }
            }
        }
    }

    /// The kept projects that possibly overlap the one with this id, best first and at most
    /// `limit`, judged among its first `window` candidates; `None` when it is not kept.
    pub fn overlaps(&self, id: Uuid, window: usize, limit: usize) -> Option<Vec<Overlap>> {
        let project = &self.projects.get(&id)?.profile;
        let mut lists: Vec<Peekable<btree_set::Iter<'_, Listed>>> =
            met_through(project).filter_map(|place| self.places.get(&place)).map(|l| l.iter().peekable()).collect();
        let mut candidates: Vec<&Profile> = Vec::with_capacity(window.min(self.projects.len()));
        while candidates.len() < window {
            // The next project in list order among all the places' lists; one listed under several
            // of them comes up once.
            let Some(next) = lists.iter_mut().filter_map(|l| l.peek().copied()).min().cloned() else { break };
            for list in &mut lists {
                if list.peek() == Some(&&next) {
                    list.next();
                }
            }
            let (_, other) = next;
            if other == id {
                continue;
            }
            if let Some(kept) = self.projects.get(&other) {
                if shares_theme(project, &kept.profile) {
                    candidates.push(&kept.profile);
                }
            }
        }
        Some(find(project, &candidates, limit))
    }
}

/// The places a project is listed under: what other projects find it through.
fn listed_under(p: &Profile) -> impl Iterator<Item = Place> + '_ {
    let countries = p.countries.iter().map(|&(c, _)| Place::Country(c));
    let around = p.countries.iter().flat_map(|(_, enclosing)| enclosing.iter().flatten().map(|&r| Place::CountryIn(r)));
    let regions = p.regions.iter().map(|&(r, _)| Place::Region(r));
    countries.chain(around).chain(regions)
}

/// The places whose projects may meet this one: its countries; the countries in its regions; its
/// regions; and the regions its countries lie in.
fn met_through(p: &Profile) -> impl Iterator<Item = Place> + '_ {
    let countries = p.countries.iter().map(|&(c, _)| Place::Country(c));
    let inside = p.regions.iter().map(|&(r, _)| Place::CountryIn(r));
    let regions = p.regions.iter().map(|&(r, _)| Place::Region(r));
    let around = p.countries.iter().flat_map(|(_, enclosing)| enclosing.iter().flatten().map(|&r| Place::Region(r)));
    countries.chain(inside).chain(regions).chain(around)
}

fn shares_theme(a: &Profile, b: &Profile) -> bool {
    a.themes.iter().any(|t| b.themes.binary_search(t).is_ok())
}
