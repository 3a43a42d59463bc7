use gfce_core::{CountryCode, CountryFact, FactKind, WebUrl};
use sqlx::{any::AnyRow, AnyConnection};

use crate::{
    change_log::{self, Op},
    rows::{now, RowReader},
    sql::{insert_rows, Value},
    Store, StoreError,
};

impl Store {
    /// The key facts about a country, in the order of [`FactKind::ALL`].
    pub async fn country_facts(&self, country: CountryCode) -> Result<Vec<CountryFact>, StoreError> {
        let rows = sqlx::query(
            "SELECT country, kind, title_en, title_vi, year, source_url FROM country_facts WHERE country = $1",
        )
        .bind(country.as_str())
        .fetch_all(&self.pool)
        .await?;
        let mut facts: Vec<CountryFact> = rows.iter().map(fact_from_row).collect::<Result<_, _>>()?;
        facts.sort_by_key(|f| f.kind);
        Ok(facts)
    }

    /// Every country fact, by country and kind.
    pub async fn all_country_facts(&self) -> Result<Vec<CountryFact>, StoreError> {
        let rows = sqlx::query("SELECT country, kind, title_en, title_vi, year, source_url FROM country_facts")
            .fetch_all(&self.pool)
            .await?;
        let mut facts: Vec<CountryFact> = rows.iter().map(fact_from_row).collect::<Result<_, _>>()?;
        facts.sort_by_key(|f| (f.country, f.kind));
        Ok(facts)
    }
}

fn fact_from_row(row: &AnyRow) -> Result<CountryFact, StoreError> {
    let r = RowReader::new(row, "country_fact", "country");
    Ok(CountryFact {
        country: r.parsed("country", CountryCode::parse)?,
        kind: r.parsed("kind", str::parse::<FactKind>)?,
        title: r.localized("title")?,
        year: r.row_opt_int("year")?.map(|y| y as i32),
        source_url: r.parsed("source_url", WebUrl::parse)?,
    })
}

/// Inserts or replaces facts (one per country and kind) on the caller's transaction.
pub(crate) async fn upsert(conn: &mut AnyConnection, facts: &[CountryFact]) -> Result<(), StoreError> {
    if facts.is_empty() {
        return Ok(());
    }
    let at = now();
    let rows = facts
        .iter()
        .map(|f| {
            vec![
                f.country.as_str().into(),
                f.kind.as_str().into(),
                f.title.en().into(),
                f.title.vi().into(),
                Value::OptInt(f.year.map(i64::from)),
                f.source_url.as_str().into(),
                Value::Text(at.clone()),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "INSERT INTO country_facts (country, kind, title_en, title_vi, year, source_url, updated_at)",
        7,
        rows,
        "ON CONFLICT (country, kind) DO UPDATE SET title_en = excluded.title_en, title_vi = excluded.title_vi, \
         year = excluded.year, source_url = excluded.source_url, updated_at = excluded.updated_at",
    )
    .await?;
    let changes: Vec<(String, Op)> =
        facts.iter().map(|f| (format!("{}:{}", f.country, f.kind.as_str()), Op::Update)).collect();
    change_log::append_many(conn, "country_fact", &changes, &at).await
}
