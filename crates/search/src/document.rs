//! Records as index documents.

use gfce_core::{reference, ContentType, CountryCode, Event, Lang, Member, MemberKind};
use tantivy::{schema::Facet, TantivyDocument};

use crate::schema::Fields;

pub(crate) fn key(content_type: ContentType, id: &str) -> String {
    format!("{}:{id}", content_type.as_str())
}

struct DocBuilder {
    doc: TantivyDocument,
    fields: Fields,
}

impl DocBuilder {
    fn new(fields: Fields, content_type: ContentType, id: &str, slug: &str) -> Self {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.key, key(content_type, id));
        doc.add_text(fields.content_type, content_type.as_str());
        doc.add_text(fields.slug, slug);
        doc.add_facet(fields.facets, Facet::from_path(["type", content_type.as_str()]));
        DocBuilder { doc, fields }
    }

    fn title(&mut self, en: Option<&str>, vi: Option<&str>) {
        if let Some(en) = en {
            self.doc.add_text(self.fields.title_en, en);
        }
        if let Some(vi) = vi {
            self.doc.add_text(self.fields.title_vi, vi);
        }
    }

    fn body(&mut self, lang: Lang, text: &str) {
        let field = match lang {
            Lang::En => self.fields.body_en,
            Lang::Vi => self.fields.body_vi,
        };
        self.doc.add_text(field, text);
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
}

pub(crate) fn member(fields: Fields, m: &Member) -> TantivyDocument {
    let mut d = DocBuilder::new(fields, ContentType::Member, &m.id.to_string(), m.slug.as_str());
    d.title(m.name.en(), m.name.vi());
    if let Some(short) = &m.short_name {
        d.body(Lang::En, short);
        d.body(Lang::Vi, short);
    }
    if let Some(listed) = &m.listed_as {
        d.body(Lang::Vi, listed);
    }
    if let Some(country) = m.country {
        d.place(country, m.kind == MemberKind::Country);
    }
    for theme in &m.themes {
        d.facet("theme", theme.as_str());
    }
    d.facet("year", &m.joined_on.year().to_string());
    d.doc
}

pub(crate) fn event(fields: Fields, e: &Event) -> TantivyDocument {
    let mut d = DocBuilder::new(fields, ContentType::Event, &e.id.to_string(), e.slug.as_str());
    d.title(e.name.en(), e.name.vi());
    if let Some(summary) = &e.summary {
        if let Some(en) = summary.en() {
            d.body(Lang::En, en);
        }
        if let Some(vi) = summary.vi() {
            d.body(Lang::Vi, vi);
        }
    }
    for lang in Lang::ALL {
        d.body(lang, e.city.get(lang));
    }
    d.place(e.country, false);
    d.facet("year", &e.starts_on.year().to_string());
    d.doc
}
