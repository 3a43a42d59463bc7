use std::collections::HashMap;

use gfce_core::{exchange::Stamped, CountryCode, Event, Page, PageRequest, Role, Slug, WebUrl};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::{
    children::Children,
    read::{Order, Stored},
    rows::{date_text, RowReader},
    sql::{Conditions, Value},
    write::{self, Prepared, Table},
    Dated, Store, StoreError,
};

pub(crate) const EVENTS: Table = Table {
    name: "events",
    entity: "event",
    columns: &[
        "id",
        "slug",
        "series",
        "name_en",
        "name_vi",
        "summary_en",
        "summary_vi",
        "starts_on",
        "ends_on",
        "city_en",
        "city_vi",
        "country",
        "url",
        "created_at",
        "updated_at",
    ],
};

impl Stored for Event {
    const TABLE: &'static Table = &EVENTS;
    const ALIAS: &'static str = "e";
    const COLUMNS: &'static str = "e.id, e.slug, e.series, e.name_en, e.name_vi, e.summary_en, e.summary_vi, \
        e.starts_on, e.ends_on, e.city_en, e.city_vi, e.country, e.url, e.created_at, e.updated_at";

    fn from_row(r: &RowReader<'_>, ch: Children) -> Result<Event, StoreError> {
        Ok(Event {
            id: r.parsed("id", Uuid::parse_str)?,
            slug: r.parsed("slug", Slug::parse)?,
            series: r.parsed("series", Slug::parse)?,
            name: r.record_text("name", &ch)?,
            summary: r.opt_record_text("summary", &ch)?,
            starts_on: r.date("starts_on")?,
            ends_on: r.date("ends_on")?,
            city: r.record_text("city", &ch)?,
            country: r.parsed("country", CountryCode::parse)?,
            url: r.opt_parsed("url", WebUrl::parse)?,
            organisers: ch.contributions.into_iter().map(|c| c.actor).collect(),
            themes: ch.themes,
        })
    }
}

impl Store {
    /// One page of events, the most recent first, optionally of one series only.
    pub async fn list_events(&self, series: Option<&Slug>, page: PageRequest) -> Result<Page<Event>, StoreError> {
        let mut c = Conditions::default();
        c.equal("e.series", series.map(Slug::as_str));
        self.records_page(c, Order { sql: "e.starts_on DESC, e.slug", index: None }, page).await
    }

    /// The events most recently added or changed, optionally in one country, newest first.
    pub async fn recent_events(
        &self,
        country: Option<CountryCode>,
        limit: u32,
    ) -> Result<Vec<Dated<Event>>, StoreError> {
        self.recent_records(in_country(country), limit).await
    }

    /// The events held in a country, the latest first.
    pub async fn events_in(&self, country: CountryCode) -> Result<Vec<Event>, StoreError> {
        let events = self.records(&in_country(Some(country)), "ORDER BY e.starts_on DESC").await?;
        Ok(events.into_iter().map(|d| d.record).collect())
    }

    /// The event with this slug, if there is one.
    pub async fn event(&self, slug: &Slug) -> Result<Option<Event>, StoreError> {
        Ok(self.record_by_slug(slug).await?.map(|d| d.record))
    }
}

/// The events held in `country`, or all of them.
fn in_country(country: Option<CountryCode>) -> Conditions {
    let mut c = Conditions::default();
    c.equal("e.country", country.as_ref().map(CountryCode::as_str));
    c
}

pub(crate) fn prepare(stamped: &Stamped<Event>) -> Prepared {
    let e = &stamped.record;
    let id = e.id.to_string();
    let summary = e.summary.as_ref();
    let values = vec![
        Value::Text(id.clone()),
        e.slug.as_str().into(),
        e.series.as_str().into(),
        e.name.en().into(),
        e.name.vi().into(),
        summary.and_then(|s| s.en()).into(),
        summary.and_then(|s| s.vi()).into(),
        date_text(e.starts_on).into(),
        date_text(e.ends_on).into(),
        e.city.en().into(),
        e.city.vi().into(),
        e.country.as_str().into(),
        e.url.as_ref().map(|u| u.as_str()).into(),
    ];
    let children = Children {
        themes: e.themes.clone(),
        contributions: e
            .organisers
            .iter()
            .map(|actor| gfce_core::Contribution { actor: actor.clone(), role: Role::Organiser })
            .collect(),
        texts: Children::texts_of(&[("name", Some(&e.name)), ("summary", summary), ("city", Some(&e.city))]),
        ..Default::default()
    };
    Prepared::new(id, values, children, stamped)
}

pub(crate) async fn upsert(
    conn: &mut AnyConnection,
    events: &[Stamped<Event>],
    actor_ids: &HashMap<Slug, String>,
) -> Result<(), StoreError> {
    write::upsert(conn, &EVENTS, events.iter().map(prepare).collect(), actor_ids).await
}
