//! Records as index documents.

use std::collections::HashMap;

use gfce_core::{
    reference, Actor, ActorKind, ContentType, CountryCode, Event, Lang, LocalizedText, Project, RegionCode, Resource,
    Slug,
};
use tantivy::{schema::Facet, TantivyDocument};

use crate::schema::Fields;

/// The unique key of a record's document: the change-log entity and the record's id. An actor
/// keeps its key when it joins (and its type changes from `actor` to `member`).
pub(crate) fn key(entity: &str, id: &str) -> String {
    format!("{entity}:{id}")
}

/// The names of the actors the documents mention, by slug.
pub(crate) type ActorNames = HashMap<Slug, LocalizedText>;

/// Years a project with these dates runs in, at most 50 of them (an open end runs to its start's
/// year, so that a project without an end date is not counted in every future year).
fn years(start: Option<time::Date>, end: Option<time::Date>) -> Vec<i32> {
    match (start, end) {
        (Some(s), Some(e)) => (s.year()..=e.year()).take(50).collect(),
        (Some(d), None) | (None, Some(d)) => vec![d.year()],
        (None, None) => Vec::new(),
    }
}

struct DocBuilder {
    doc: TantivyDocument,
    fields: Fields,
}

impl DocBuilder {
    fn new(fields: Fields, entity: &str, content_type: ContentType, id: &str, slug: &str) -> Self {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.key, key(entity, id));
        doc.add_text(fields.content_type, content_type.as_str());
        doc.add_text(fields.slug, slug);
        doc.add_facet(fields.facets, Facet::from_path(["type", content_type.as_str()]));
        DocBuilder { doc, fields }
    }

    fn title(&mut self, text: &LocalizedText) {
        for (lang, title) in text.texts() {
            let field = match lang.lang() {
                Some(Lang::En) => self.fields.title_en,
                Some(Lang::Vi) => self.fields.title_vi,
                None => self.fields.title_other,
            };
            self.doc.add_text(field, title);
        }
        let json = serde_json::to_string(text).expect("a text always serializes");
        self.doc.add_text(self.fields.title, json);
    }

    fn body(&mut self, lang: Lang, text: &str) {
        let field = match lang {
            Lang::En => self.fields.body_en,
            Lang::Vi => self.fields.body_vi,
        };
        self.doc.add_text(field, text);
    }

    /// A text in whichever languages it has.
    fn localized(&mut self, text: Option<&LocalizedText>) {
        let Some(text) = text else { return };
        for (lang, body) in text.texts() {
            match lang.lang() {
                Some(lang) => self.body(lang, body),
                None => self.doc.add_text(self.fields.body_other, body),
            }
        }
    }

    /// A name that is the same in every language (a tag, an abbreviation).
    fn everywhere(&mut self, text: &str) {
        self.body(Lang::En, text);
        self.body(Lang::Vi, text);
    }

    fn facet(&mut self, dimension: &str, value: &str) {
        self.doc.add_facet(self.fields.facets, Facet::from_path([dimension, value]));
    }

    /// The country and its regions as facets, and (unless the record is the country itself,
    /// already named in its title) the country's names in both bodies.
    fn place(&mut self, country: CountryCode, named_in_title: bool) {
        self.facet("country", country.as_str());
        if let Some(c) = reference::shipped().country(country) {
            if !named_in_title {
                for lang in Lang::ALL {
                    self.body(lang, c.name.get(lang));
                }
            }
            for region in c.regions() {
                self.facet("region", &region.to_string());
            }
        }
    }

    fn region(&mut self, region: RegionCode) {
        self.facet("region", &region.to_string());
        if let Some(r) = reference::shipped().region(region) {
            for lang in Lang::ALL {
                self.body(lang, r.name.get(lang));
            }
        }
    }

    fn actors<'a>(&mut self, slugs: impl Iterator<Item = &'a Slug>, names: &ActorNames) {
        for slug in slugs {
            self.localized(names.get(slug));
        }
    }

    fn themes(&mut self, themes: &[gfce_core::ThemeId]) {
        for theme in themes {
            self.facet("theme", theme.as_str());
        }
    }
}

pub(crate) fn actor(fields: Fields, a: &Actor) -> TantivyDocument {
    let content_type = if a.membership().is_some() { ContentType::Member } else { ContentType::Actor };
    let mut d = DocBuilder::new(fields, "actor", content_type, &a.id.to_string(), a.slug.as_str());
    d.title(&a.name);
    if let Some(short) = &a.short_name {
        d.everywhere(short);
    }
    if let Some(listed) = &a.listed_as {
        d.body(Lang::Vi, listed);
    }
    if let Some(country) = a.country {
        d.place(country, a.kind == ActorKind::Country);
    }
    d.themes(&a.themes);
    if let Some(joined) = a.joined {
        d.facet("year", &joined.joined_on.year().to_string());
    }
    d.doc
}

pub(crate) fn project(fields: Fields, p: &Project, names: &ActorNames) -> TantivyDocument {
    let mut d = DocBuilder::new(fields, "project", ContentType::Project, &p.id.to_string(), p.slug.as_str());
    d.title(&p.title);
    d.localized(p.summary.as_ref());
    d.localized(p.description.as_ref());
    for tag in &p.tags {
        d.everywhere(tag.as_str());
    }
    d.actors(p.participants.iter().map(|c| &c.actor), names);
    for country in &p.countries {
        d.place(*country, false);
    }
    for region in &p.regions {
        d.region(*region);
    }
    d.themes(&p.themes);
    d.facet("status", p.status.as_str());
    for year in years(p.starts_on, p.ends_on) {
        d.facet("year", &year.to_string());
    }
    d.doc
}

pub(crate) fn resource(fields: Fields, r: &Resource, names: &ActorNames) -> TantivyDocument {
    let content_type = ContentType::from(r.resource_type);
    let mut d = DocBuilder::new(fields, "resource", content_type, &r.id.to_string(), r.slug.as_str());
    d.title(&r.title);
    d.localized(r.summary.as_ref());
    d.actors(r.contributors.iter().map(|c| &c.actor), names);
    for region in &r.regions {
        d.region(*region);
    }
    d.themes(&r.themes);
    if let Some(date) = r.published_on {
        d.facet("year", &date.year().to_string());
    }
    d.doc
}

pub(crate) fn event(fields: Fields, e: &Event, names: &ActorNames) -> TantivyDocument {
    let mut d = DocBuilder::new(fields, "event", ContentType::Event, &e.id.to_string(), e.slug.as_str());
    d.title(&e.name);
    d.localized(e.summary.as_ref());
    d.localized(Some(&e.city));
    d.actors(e.organisers.iter(), names);
    d.place(e.country, false);
    d.themes(&e.themes);
    d.facet("year", &e.starts_on.year().to_string());
    d.doc
}
