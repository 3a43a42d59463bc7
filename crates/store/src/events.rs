use gfce_core::{CountryCode, Event, Page, PageRequest, Slug};
use sqlx::{any::AnyRow, AnyConnection, Row};
use uuid::Uuid;

use crate::{
    change_log::{self, Op},
    rows::{date_text, now, RowReader},
    sql::{Conditions, Value},
    Dated, Store, StoreError,
};

const EVENT_COLUMNS: &str = "id, slug, series, name_en, name_vi, summary_en, summary_vi, starts_on, ends_on, \
                             city_en, city_vi, country, url";

impl Store {
    /// One page of events, the most recent first, optionally of one series only.
    pub async fn list_events(&self, series: Option<&Slug>, page: PageRequest) -> Result<Page<Event>, StoreError> {
        let mut c = Conditions::default();
        if let Some(series) = series {
            let p = c.bind(Value::Text(series.as_str().into()));
            c.push(format!("series = {p}"));
        }
        let where_clause = c.where_clause();
        let count_sql = format!("SELECT COUNT(*) AS n FROM events {where_clause}");
        let total: i64 = sqlx::query_with(&count_sql, c.arguments()).fetch_one(&self.pool).await?.try_get("n")?;
        let limit = c.bind(Value::Int(i64::from(page.per_page())));
        let offset = c.bind(Value::Int(page.offset() as i64));
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events {where_clause} ORDER BY starts_on DESC, slug LIMIT {limit} \
             OFFSET {offset}"
        );
        let rows = sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await?;
        let items = rows.iter().map(event_from_row).collect::<Result<_, _>>()?;
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
            let p = c.bind(Value::Text(country.as_str().into()));
            c.push(format!("country = {p}"));
        }
        let where_clause = c.where_clause();
        let limit = c.bind(Value::Int(i64::from(limit)));
        let sql = format!(
            "SELECT {EVENT_COLUMNS}, updated_at FROM events {where_clause} ORDER BY updated_at DESC, slug LIMIT {limit}"
        );
        let rows = sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| {
                Ok(Dated {
                    record: event_from_row(row)?,
                    updated_at: RowReader::new(row, "event", "id").text("updated_at")?,
                })
            })
            .collect()
    }

    /// The event with this id, if there is one.
    pub async fn event_by_id(&self, id: &Uuid) -> Result<Option<Event>, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1");
        let row = sqlx::query(&sql).bind(id.to_string()).fetch_optional(&self.pool).await?;
        row.as_ref().map(event_from_row).transpose()
    }

    /// The event with this slug, if there is one.
    pub async fn event(&self, slug: &Slug) -> Result<Option<Event>, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE slug = $1");
        let row = sqlx::query(&sql).bind(slug.as_str()).fetch_optional(&self.pool).await?;
        row.as_ref().map(event_from_row).transpose()
    }
}

fn event_from_row(row: &AnyRow) -> Result<Event, StoreError> {
    let r = RowReader::new(row, "event", "id");
    Ok(Event {
        id: r.parsed("id", Uuid::parse_str)?,
        slug: r.parsed("slug", Slug::parse)?,
        series: r.parsed("series", Slug::parse)?,
        name: r.localized("name")?,
        summary: r.opt_localized("summary")?,
        starts_on: r.date("starts_on")?,
        ends_on: r.date("ends_on")?,
        city: r.localized("city")?,
        country: r.parsed("country", CountryCode::parse)?,
        url: r.opt_text("url")?,
    })
}

/// Inserts an event and logs the change, on the caller's transaction.
pub(crate) async fn insert_event(conn: &mut AnyConnection, event: &Event) -> Result<(), StoreError> {
    let at = now();
    let id = event.id.to_string();
    let summary = event.summary.as_ref();
    sqlx::query(
        "INSERT INTO events (id, slug, series, name_en, name_vi, summary_en, summary_vi, starts_on, ends_on, \
         city_en, city_vi, country, url, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )
    .bind(&id)
    .bind(event.slug.as_str())
    .bind(event.series.as_str())
    .bind(event.name.en())
    .bind(event.name.vi())
    .bind(summary.and_then(|s| s.en()))
    .bind(summary.and_then(|s| s.vi()))
    .bind(date_text(event.starts_on))
    .bind(date_text(event.ends_on))
    .bind(event.city.en())
    .bind(event.city.vi())
    .bind(event.country.as_str())
    .bind(event.url.as_deref())
    .bind(&at)
    .bind(&at)
    .execute(&mut *conn)
    .await?;
    change_log::append(conn, "event", &id, Op::Insert).await
}
