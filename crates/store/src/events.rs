use std::collections::HashMap;

use gfce_core::{exchange::Stamped, CountryCode, Event, Page, PageRequest, Role, Slug, WebUrl};
use sqlx::{any::AnyRow, AnyConnection, Row};
use uuid::Uuid;

use crate::{
    children::{self, Children},
    rows::{date_text, RowReader},
    sql::{in_list, Conditions, Value},
    write::{self, Prepared, Table},
    Dated, Store, StoreError,
};

pub(crate) const EVENT_COLUMNS: &str =
    "e.id, e.slug, e.series, e.name_en, e.name_vi, e.summary_en, e.summary_vi, e.starts_on, \
                             e.ends_on, e.city_en, e.city_vi, e.country, e.url, e.created_at, e.updated_at";

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

impl Store {
    /// One page of events, the most recent first, optionally of one series only.
    pub async fn list_events(&self, series: Option<&Slug>, page: PageRequest) -> Result<Page<Event>, StoreError> {
        let mut c = Conditions::default();
        if let Some(series) = series {
            let p = c.bind(series.as_str().into());
            c.push(format!("e.series = {p}"));
        }
        let where_clause = c.where_clause();
        let count_sql = format!("SELECT COUNT(*) AS n FROM events e {where_clause}");
        let total: i64 = sqlx::query_with(&count_sql, c.arguments()).fetch_one(&self.pool).await?.try_get("n")?;
        let limit = c.bind(Value::Int(i64::from(page.per_page())));
        let offset = c.bind(Value::Int(page.offset() as i64));
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e {where_clause} ORDER BY e.starts_on DESC, e.slug LIMIT {limit} \
             OFFSET {offset}"
        );
        let rows = sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await?;
        let items = self.events_from_rows(&rows).await?.into_iter().map(|d| d.record).collect();
        Ok(Page { items, total: total as u64, request: page })
    }

    /// The events most recently added or changed, optionally in one country, newest first.
    pub async fn recent_events(
        &self,
        country: Option<CountryCode>,
        limit: u32,
    ) -> Result<Vec<Dated<Event>>, StoreError> {
        let mut c = Conditions::default();
        if let Some(country) = country {
            let p = c.bind(country.as_str().into());
            c.push(format!("e.country = {p}"));
        }
        let where_clause = c.where_clause();
        let limit = c.bind(Value::Int(i64::from(limit)));
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e {where_clause} ORDER BY e.updated_at DESC, e.slug LIMIT {limit}"
        );
        let rows = sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await?;
        self.events_from_rows(&rows).await
    }

    /// The events held in a country, the latest first.
    pub async fn events_in(&self, country: CountryCode) -> Result<Vec<Event>, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.country = $1 ORDER BY e.starts_on DESC");
        let rows = sqlx::query(&sql).bind(country.as_str()).fetch_all(&self.pool).await?;
        Ok(self.events_from_rows(&rows).await?.into_iter().map(|d| d.record).collect())
    }

    pub async fn events_by_ids(&self, ids: &[Uuid]) -> Result<Vec<Dated<Event>>, StoreError> {
        let mut c = Conditions::default();
        let list = in_list(&mut c, ids.iter().map(|id| Value::Text(id.to_string())));
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN {list}");
        let rows = sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await?;
        self.events_from_rows(&rows).await
    }

    /// The event with this slug, if there is one.
    pub async fn event(&self, slug: &Slug) -> Result<Option<Event>, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.slug = $1");
        let rows = sqlx::query(&sql).bind(slug.as_str()).fetch_all(&self.pool).await?;
        Ok(self.events_from_rows(&rows).await?.pop().map(|d| d.record))
    }

    pub(crate) async fn events_from_rows(&self, rows: &[AnyRow]) -> Result<Vec<Dated<Event>>, StoreError> {
        let ids: Vec<String> = rows.iter().map(|r| r.try_get::<String, _>("id")).collect::<Result<_, _>>()?;
        let mut children = children::load(&self.pool, "event", &ids).await?;
        rows.iter()
            .map(|row| {
                let r = RowReader::new(row, "event", "id");
                let ch = children.remove(&r.id).unwrap_or_default();
                let record = Event {
                    id: r.parsed("id", Uuid::parse_str)?,
                    slug: r.parsed("slug", Slug::parse)?,
                    series: r.parsed("series", Slug::parse)?,
                    name: r.localized("name")?,
                    summary: r.opt_localized("summary")?,
                    starts_on: r.date("starts_on")?,
                    ends_on: r.date("ends_on")?,
                    city: r.localized("city")?,
                    country: r.parsed("country", CountryCode::parse)?,
                    url: r.opt_parsed("url", WebUrl::parse)?,
                    organisers: ch.contributions.into_iter().map(|c| c.actor).collect(),
                    themes: ch.themes,
                };
                Ok(Dated { record, created_at: r.text("created_at")?, updated_at: r.text("updated_at")? })
            })
            .collect()
    }
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
