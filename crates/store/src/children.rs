//! The child rows every kind of record shares: themes, beneficiary countries, regions, languages,
//! tags, links and the actors' contributions. They are read for many records at once (a page, a
//! batch for the search index) and written for many at once (an import), a statement per table.

use std::collections::HashMap;

use gfce_core::{Contribution, CountryCode, LanguageCode, Link, RegionCode, Role, Slug, Tag, ThemeId, WebUrl};
use sqlx::{AnyConnection, AnyPool};

use crate::{
    rows::RowReader,
    sql::{in_list, insert_rows, Conditions, Value},
    StoreError,
};

/// Everything a record has in the child tables, each list in its stored order.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Children {
    pub themes: Vec<ThemeId>,
    pub countries: Vec<CountryCode>,
    pub regions: Vec<RegionCode>,
    pub languages: Vec<LanguageCode>,
    pub tags: Vec<Tag>,
    pub links: Vec<Link>,
    pub contributions: Vec<Contribution>,
}

/// Reads the children of these records of `entity` (named in corruption reports).
pub(crate) async fn load(
    pool: &AnyPool,
    entity: &'static str,
    ids: &[String],
) -> Result<HashMap<String, Children>, StoreError> {
    let mut out: HashMap<String, Children> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let fetch = |sql: &str| {
        let mut c = Conditions::default();
        let list = in_list(&mut c, ids.iter().map(|id| Value::Text(id.clone())));
        let sql = sql.replace("{ids}", &list);
        async move { sqlx::query_with(&sql, c.arguments()).fetch_all(pool).await }
    };

    let rows = fetch(
        "SELECT rt.record_id, rt.theme_id FROM record_themes rt JOIN themes t ON t.id = rt.theme_id \
         WHERE rt.record_id IN {ids} ORDER BY t.position",
    )
    .await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let theme = r.parsed("theme_id", ThemeId::parse)?;
        out.entry(r.id).or_default().themes.push(theme);
    }
    let rows =
        fetch("SELECT record_id, country FROM record_countries WHERE record_id IN {ids} ORDER BY position").await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let country = r.parsed("country", CountryCode::parse)?;
        out.entry(r.id).or_default().countries.push(country);
    }
    let rows = fetch("SELECT record_id, region FROM record_regions WHERE record_id IN {ids} ORDER BY position").await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let region = r.parsed("region", RegionCode::parse)?;
        out.entry(r.id).or_default().regions.push(region);
    }
    let rows =
        fetch("SELECT record_id, language FROM record_languages WHERE record_id IN {ids} ORDER BY position").await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let language = r.parsed("language", LanguageCode::parse)?;
        out.entry(r.id).or_default().languages.push(language);
    }
    let rows = fetch("SELECT record_id, tag FROM record_tags WHERE record_id IN {ids} ORDER BY position").await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let tag = r.parsed("tag", Tag::parse)?;
        out.entry(r.id).or_default().tags.push(tag);
    }
    let rows =
        fetch("SELECT record_id, url, label FROM record_links WHERE record_id IN {ids} ORDER BY position").await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let link = Link { url: r.parsed("url", WebUrl::parse)?, label: r.opt_text("label")? };
        out.entry(r.id).or_default().links.push(link);
    }
    let rows = fetch(
        "SELECT c.record_id, c.role, a.slug FROM contributions c JOIN actors a ON a.id = c.actor_id \
         WHERE c.record_id IN {ids} ORDER BY c.position",
    )
    .await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let contribution =
            Contribution { actor: r.parsed("slug", Slug::parse)?, role: r.parsed("role", str::parse::<Role>)? };
        out.entry(r.id).or_default().contributions.push(contribution);
    }
    Ok(out)
}

/// Removes every child row of these records.
pub(crate) async fn delete(conn: &mut AnyConnection, ids: &[String]) -> Result<(), StoreError> {
    for chunk in ids.chunks(1000) {
        for table in
            ["record_themes", "record_countries", "record_regions", "record_languages", "record_tags", "record_links"]
                .into_iter()
                .chain(["contributions"])
        {
            let mut c = Conditions::default();
            let list = in_list(&mut c, chunk.iter().map(|id| Value::Text(id.clone())));
            sqlx::query_with(&format!("DELETE FROM {table} WHERE record_id IN {list}"), c.arguments())
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// Writes the children of many records; `actor_ids` maps each contributing actor's slug to its id
/// (the caller has checked that every one is there).
pub(crate) async fn insert(
    conn: &mut AnyConnection,
    records: &[(String, &Children)],
    actor_ids: &HashMap<Slug, String>,
) -> Result<(), StoreError> {
    fn positioned<T>(
        records: &[(String, &Children)],
        pick: impl Fn(&Children) -> &[T],
        value: impl Fn(&T) -> Value,
    ) -> Vec<Vec<Value>> {
        records
            .iter()
            .flat_map(|(id, ch)| {
                pick(ch)
                    .iter()
                    .enumerate()
                    .map(|(i, item)| vec![Value::Text(id.clone()), value(item), Value::Int(i as i64)])
            })
            .collect()
    }
    let themes: Vec<Vec<Value>> = records
        .iter()
        .flat_map(|(id, ch)| ch.themes.iter().map(|t| vec![Value::Text(id.clone()), Value::from(t.as_str())]))
        .collect();
    insert_rows(conn, "INSERT INTO record_themes (record_id, theme_id)", 2, themes, "").await?;
    let countries = positioned(records, |c| &c.countries, |v| Value::from(v.as_str()));
    insert_rows(conn, "INSERT INTO record_countries (record_id, country, position)", 3, countries, "").await?;
    let regions = positioned(records, |c| &c.regions, |v| Value::Text(v.as_string()));
    insert_rows(conn, "INSERT INTO record_regions (record_id, region, position)", 3, regions, "").await?;
    let languages = positioned(records, |c| &c.languages, |v| Value::from(v.as_str()));
    insert_rows(conn, "INSERT INTO record_languages (record_id, language, position)", 3, languages, "").await?;
    let tags = positioned(records, |c| &c.tags, |v| Value::from(v.as_str()));
    insert_rows(conn, "INSERT INTO record_tags (record_id, tag, position)", 3, tags, "").await?;
    let links: Vec<Vec<Value>> = records
        .iter()
        .flat_map(|(id, ch)| {
            ch.links.iter().enumerate().map(|(i, l)| {
                vec![
                    Value::Text(id.clone()),
                    Value::Int(i as i64),
                    Value::from(l.url.as_str()),
                    Value::from(l.label.as_deref()),
                ]
            })
        })
        .collect();
    insert_rows(conn, "INSERT INTO record_links (record_id, position, url, label)", 4, links, "").await?;
    let mut contributions = Vec::new();
    for (id, ch) in records {
        for (i, c) in ch.contributions.iter().enumerate() {
            let actor = actor_ids.get(&c.actor).ok_or_else(|| StoreError::UnknownActor(c.actor.to_string()))?;
            contributions.push(vec![
                Value::Text(id.clone()),
                Value::Text(actor.clone()),
                Value::from(c.role.as_str()),
                Value::Int(i as i64),
            ]);
        }
    }
    insert_rows(conn, "INSERT INTO contributions (record_id, actor_id, role, position)", 4, contributions, "").await?;
    Ok(())
}
