use std::collections::HashMap;

use gfce_core::{
    exchange::Stamped, fold, Lang, LanguageCode, Page, PageRequest, RegionCode, Resource, ResourceKind, ResourceType,
    Slug, ThemeId, WebUrl,
};
use sqlx::{any::AnyRow, AnyConnection, Row};
use uuid::Uuid;

use crate::{
    children::{self, Children},
    rows::{date_text, RowReader},
    sql::{in_list, like_contains, Conditions, Value},
    write::{self, Prepared, Table},
    Dated, Store, StoreError,
};

/// Which tools and publications a list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceFilter {
    pub resource_type: Option<ResourceType>,
    pub kind: Option<ResourceKind>,
    pub theme: Option<ThemeId>,
    pub region: Option<RegionCode>,
    /// Available in one of these languages.
    pub languages: Vec<LanguageCode>,
    /// Written or published by this actor.
    pub actor: Option<Slug>,
    pub q: Option<String>,
}

impl ResourceFilter {
    fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        if let Some(t) = self.resource_type {
            let p = c.bind(t.as_str().into());
            c.push(format!("r.type = {p}"));
        }
        if let Some(kind) = self.kind {
            let p = c.bind(kind.as_str().into());
            c.push(format!("r.kind = {p}"));
        }
        if let Some(theme) = &self.theme {
            let p = c.bind(theme.as_str().into());
            c.push(format!("r.id IN (SELECT record_id FROM record_themes WHERE theme_id = {p})"));
        }
        if let Some(region) = self.region {
            let p = c.bind(Value::Text(region.as_string()));
            c.push(format!("r.id IN (SELECT record_id FROM record_regions WHERE region = {p})"));
        }
        if !self.languages.is_empty() {
            let list = in_list(&mut c, self.languages.iter().map(|l| Value::from(l.as_str())));
            c.push(format!("r.id IN (SELECT record_id FROM record_languages WHERE language IN {list})"));
        }
        if let Some(actor) = &self.actor {
            let p = c.bind(actor.as_str().into());
            c.push(format!(
                "r.id IN (SELECT c.record_id FROM contributions c JOIN actors a ON a.id = c.actor_id WHERE a.slug = {p})"
            ));
        }
        if let Some(q) = self.q.as_deref().map(fold).filter(|q| !q.is_empty()) {
            let p = c.bind(Value::Text(like_contains(&q)));
            c.push(format!("r.search_text LIKE {p} ESCAPE '\\'"));
        }
        c
    }
}

pub(crate) const RESOURCE_COLUMNS: &str =
    "r.id, r.slug, r.type, r.kind, r.title_en, r.title_vi, r.summary_en, r.summary_vi, \
     r.published_on, r.url, r.source_url, r.created_at, r.updated_at";

pub(crate) const RESOURCES: Table = Table {
    name: "resources",
    entity: "resource",
    columns: &[
        "id",
        "slug",
        "type",
        "kind",
        "title_en",
        "title_vi",
        "summary_en",
        "summary_vi",
        "published_on",
        "url",
        "source_url",
        "search_text",
        "sort_en",
        "sort_vi",
        "created_at",
        "updated_at",
    ],
};

impl Store {
    /// One page of the tools and publications that match `filter`, the latest first.
    pub async fn list_resources(
        &self,
        filter: &ResourceFilter,
        page: PageRequest,
    ) -> Result<Page<Resource>, StoreError> {
        let conditions = filter.conditions();
        let where_clause = conditions.where_clause();
        let count_sql = format!("SELECT COUNT(*) AS n FROM resources r {where_clause}");
        let total: i64 =
            sqlx::query_with(&count_sql, conditions.arguments()).fetch_one(&self.pool).await?.try_get("n")?;
        let mut paged = conditions;
        let limit = paged.bind(Value::Int(i64::from(page.per_page())));
        let offset = paged.bind(Value::Int(page.offset() as i64));
        let sql = format!(
            "SELECT {RESOURCE_COLUMNS} FROM resources r {} ORDER BY r.published_on IS NULL, r.published_on DESC, \
             r.slug LIMIT {limit} OFFSET {offset}",
            paged.where_clause()
        );
        let rows = sqlx::query_with(&sql, paged.arguments()).fetch_all(&self.pool).await?;
        let items = self.resources_from_rows(&rows).await?.into_iter().map(|d| d.record).collect();
        Ok(Page { items, total: total as u64, request: page })
    }

    /// The tool or publication with this slug.
    pub async fn resource(&self, slug: &Slug) -> Result<Option<Dated<Resource>>, StoreError> {
        let sql = format!("SELECT {RESOURCE_COLUMNS} FROM resources r WHERE r.slug = $1");
        let rows = sqlx::query(&sql).bind(slug.as_str()).fetch_all(&self.pool).await?;
        Ok(self.resources_from_rows(&rows).await?.pop())
    }

    pub async fn resources_by_ids(&self, ids: &[Uuid]) -> Result<Vec<Dated<Resource>>, StoreError> {
        let mut c = Conditions::default();
        let list = in_list(&mut c, ids.iter().map(|id| Value::Text(id.to_string())));
        let sql = format!("SELECT {RESOURCE_COLUMNS} FROM resources r WHERE r.id IN {list}");
        let rows = sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await?;
        self.resources_from_rows(&rows).await
    }

    /// The resources most recently added or changed, newest first, for feeds.
    pub async fn recent_resources(
        &self,
        filter: &ResourceFilter,
        limit: u32,
    ) -> Result<Vec<Dated<Resource>>, StoreError> {
        let mut c = filter.conditions();
        let where_clause = c.where_clause();
        let limit = c.bind(Value::Int(i64::from(limit)));
        let sql = format!(
            "SELECT {RESOURCE_COLUMNS} FROM resources r {where_clause} ORDER BY r.updated_at DESC, r.slug LIMIT {limit}"
        );
        let rows = sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await?;
        self.resources_from_rows(&rows).await
    }

    pub(crate) async fn resources_from_rows(&self, rows: &[AnyRow]) -> Result<Vec<Dated<Resource>>, StoreError> {
        let ids: Vec<String> = rows.iter().map(|r| r.try_get::<String, _>("id")).collect::<Result<_, _>>()?;
        let mut children = children::load(&self.pool, "resource", &ids).await?;
        rows.iter()
            .map(|row| {
                let r = RowReader::new(row, "resource", "id");
                let ch = children.remove(&r.id).unwrap_or_default();
                let record = Resource {
                    id: r.parsed("id", Uuid::parse_str)?,
                    slug: r.parsed("slug", Slug::parse)?,
                    resource_type: r.parsed("type", str::parse::<ResourceType>)?,
                    kind: r.parsed("kind", str::parse::<ResourceKind>)?,
                    title: r.localized("title")?,
                    summary: r.opt_localized("summary")?,
                    published_on: r.opt_parsed("published_on", gfce_core::parse_date)?,
                    url: r.opt_parsed("url", WebUrl::parse)?,
                    contributors: ch.contributions,
                    themes: ch.themes,
                    regions: ch.regions,
                    languages: ch.languages,
                    source_url: r.opt_parsed("source_url", WebUrl::parse)?,
                };
                Ok(Dated { record, created_at: r.text("created_at")?, updated_at: r.text("updated_at")? })
            })
            .collect()
    }
}

pub(crate) fn prepare(stamped: &Stamped<Resource>) -> Prepared {
    let r = &stamped.record;
    let id = r.id.to_string();
    let texts = [Some(&r.title), r.summary.as_ref()];
    let search: Vec<String> = texts.into_iter().flatten().flat_map(|t| [t.en(), t.vi()]).flatten().map(fold).collect();
    let values = vec![
        Value::Text(id.clone()),
        r.slug.as_str().into(),
        r.resource_type.as_str().into(),
        r.kind.as_str().into(),
        r.title.en().into(),
        r.title.vi().into(),
        r.summary.as_ref().and_then(|s| s.en()).into(),
        r.summary.as_ref().and_then(|s| s.vi()).into(),
        r.published_on.map(date_text).into(),
        r.url.as_ref().map(|u| u.as_str()).into(),
        r.source_url.as_ref().map(|u| u.as_str()).into(),
        search.join(" | ").into(),
        fold(r.title.get(Lang::En)).into(),
        fold(r.title.get(Lang::Vi)).into(),
    ];
    let children = Children {
        themes: r.themes.clone(),
        regions: r.regions.clone(),
        languages: r.languages.clone(),
        contributions: r.contributors.clone(),
        ..Default::default()
    };
    Prepared::new(id, values, children, stamped)
}

pub(crate) async fn upsert(
    conn: &mut AnyConnection,
    resources: &[Stamped<Resource>],
    actor_ids: &HashMap<Slug, String>,
) -> Result<(), StoreError> {
    write::upsert(conn, &RESOURCES, resources.iter().map(prepare).collect(), actor_ids).await
}
