//! The child rows every kind of record shares: themes, beneficiary countries, regions and tags
//! (each with its share, where one is known), languages, links, the actors' contributions and the
//! texts in languages other than English and Vietnamese. They are read for many records at once
//! (a page, a batch for the search index) and written for many at once (an import), a statement
//! per table.

use std::collections::HashMap;

use gfce_core::{
    Contribution, CountryCode, LanguageCode, LanguageTag, Link, LocalizedText, Percentage, RegionCode, Role, Shares,
    Slug, Tag, ThemeId, WebUrl,
};
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
    /// The shares of some of the countries, regions and tags.
    pub shares: Shares,
    /// The texts in other languages: the record's field (`title`), the language and the text, each
    /// field's in its order.
    pub texts: Vec<(&'static str, LanguageTag, String)>,
}

impl Children {
    /// The texts in other languages of these fields of a record, for writing.
    pub(crate) fn texts_of(
        fields: &[(&'static str, Option<&LocalizedText>)],
    ) -> Vec<(&'static str, LanguageTag, String)> {
        fields
            .iter()
            .filter_map(|(field, text)| Some((*field, (*text)?)))
            .flat_map(|(field, text)| text.others().iter().map(move |(tag, t)| (field, tag.clone(), t.clone())))
            .collect()
    }

    /// The texts in other languages of one field, in order, for reading.
    pub(crate) fn others<'a>(&'a self, field: &'a str) -> impl Iterator<Item = (LanguageTag, String)> + 'a {
        self.texts.iter().filter(move |(f, ..)| *f == field).map(|(_, tag, text)| (tag.clone(), text.clone()))
    }
}

/// The fields whose texts may be kept in other languages, as the table names them.
const TEXT_FIELDS: [&str; 5] = ["title", "summary", "description", "name", "city"];

/// A stored share, if there is one.
fn share(r: &RowReader<'_>) -> Result<Option<Percentage>, StoreError> {
    let Some(hundredths) = r.row_opt_int("percentage_hundredths")? else { return Ok(None) };
    let hundredths = u16::try_from(hundredths).map_err(|e| r.corrupt(format!("percentage_hundredths: {e}")))?;
    Percentage::from_hundredths(hundredths).map(Some).map_err(|e| r.corrupt(format!("percentage_hundredths: {e}")))
}

fn hundredths(share: Option<&Percentage>) -> Value {
    Value::OptInt(share.map(|p| i64::from(p.hundredths())))
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
    let rows = fetch(
        "SELECT record_id, country, percentage_hundredths FROM record_countries WHERE record_id IN {ids} \
         ORDER BY position",
    )
    .await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let country = r.parsed("country", CountryCode::parse)?;
        let share = share(&r)?;
        let children = out.entry(r.id).or_default();
        children.countries.push(country);
        if let Some(share) = share {
            children.shares.countries.insert(country, share);
        }
    }
    let rows = fetch(
        "SELECT record_id, region, percentage_hundredths FROM record_regions WHERE record_id IN {ids} \
         ORDER BY position",
    )
    .await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let region = r.parsed("region", RegionCode::parse)?;
        let share = share(&r)?;
        let children = out.entry(r.id).or_default();
        children.regions.push(region);
        if let Some(share) = share {
            children.shares.regions.insert(region, share);
        }
    }
    let rows =
        fetch("SELECT record_id, language FROM record_languages WHERE record_id IN {ids} ORDER BY position").await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let language = r.parsed("language", LanguageCode::parse)?;
        out.entry(r.id).or_default().languages.push(language);
    }
    let rows = fetch(
        "SELECT record_id, tag, percentage_hundredths FROM record_tags WHERE record_id IN {ids} ORDER BY position",
    )
    .await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let tag = r.parsed("tag", Tag::parse)?;
        let share = share(&r)?;
        let children = out.entry(r.id).or_default();
        if let Some(share) = share {
            children.shares.tags.insert(tag.clone(), share);
        }
        children.tags.push(tag);
    }
    let rows =
        fetch("SELECT record_id, field, lang, text FROM record_texts WHERE record_id IN {ids} ORDER BY position")
            .await?;
    for row in &rows {
        let r = RowReader::new(row, entity, "record_id");
        let field = r.parsed("field", |f| TEXT_FIELDS.into_iter().find(|known| *known == f).ok_or("unknown field"))?;
        let text = (field, r.parsed("lang", LanguageTag::parse)?, r.text("text")?);
        out.entry(r.id).or_default().texts.push(text);
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
                .chain(["record_texts", "contributions"])
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
    /// Rows of a list whose items may have a share: the record, the item, its position, its share.
    fn shared<T>(
        records: &[(String, &Children)],
        pick: impl Fn(&Children) -> &[T],
        value: impl Fn(&T) -> Value,
        share: impl Fn(&Children, &T) -> Value,
    ) -> Vec<Vec<Value>> {
        records
            .iter()
            .flat_map(|(id, ch)| {
                let share = &share;
                let value = &value;
                pick(ch).iter().enumerate().map(move |(i, item)| {
                    vec![Value::Text(id.clone()), value(item), Value::Int(i as i64), share(ch, item)]
                })
            })
            .collect()
    }
    let themes: Vec<Vec<Value>> = records
        .iter()
        .flat_map(|(id, ch)| ch.themes.iter().map(|t| vec![Value::Text(id.clone()), Value::from(t.as_str())]))
        .collect();
    insert_rows(conn, "INSERT INTO record_themes (record_id, theme_id)", 2, themes, "").await?;
    let countries =
        shared(records, |c| &c.countries, |v| Value::from(v.as_str()), |ch, v| hundredths(ch.shares.countries.get(v)));
    let head = "INSERT INTO record_countries (record_id, country, position, percentage_hundredths)";
    insert_rows(conn, head, 4, countries, "").await?;
    let regions =
        shared(records, |c| &c.regions, |v| Value::Text(v.as_string()), |ch, v| hundredths(ch.shares.regions.get(v)));
    let head = "INSERT INTO record_regions (record_id, region, position, percentage_hundredths)";
    insert_rows(conn, head, 4, regions, "").await?;
    let languages = positioned(records, |c| &c.languages, |v| Value::from(v.as_str()));
    insert_rows(conn, "INSERT INTO record_languages (record_id, language, position)", 3, languages, "").await?;
    let tags = shared(records, |c| &c.tags, |v| Value::from(v.as_str()), |ch, v| hundredths(ch.shares.tags.get(v)));
    insert_rows(conn, "INSERT INTO record_tags (record_id, tag, position, percentage_hundredths)", 4, tags, "").await?;
    let texts: Vec<Vec<Value>> = records
        .iter()
        .flat_map(|(id, ch)| {
            ch.texts.iter().enumerate().map(|(i, (field, tag, text))| {
                vec![
                    Value::Text(id.clone()),
                    Value::from(*field),
                    Value::from(tag.as_str()),
                    Value::Int(i as i64),
                    Value::from(text.as_str()),
                ]
            })
        })
        .collect();
    insert_rows(conn, "INSERT INTO record_texts (record_id, field, lang, position, text)", 5, texts, "").await?;
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
