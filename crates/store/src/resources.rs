use std::collections::HashMap;

use gfce_core::{
    exchange::Stamped, fold, Lang, LanguageCode, Page, PageRequest, RegionCode, Resource, ResourceKind, ResourceType,
    Slug, ThemeId, WebUrl,
};
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
        c.equal("r.type", self.resource_type.map(ResourceType::as_str));
        c.equal("r.kind", self.kind.map(ResourceKind::as_str));
        c.with_theme("r", self.theme.as_ref());
        if let Some(region) = self.region {
            let p = c.bind(Value::Text(region.as_string()));
            c.push(format!("r.id IN (SELECT record_id FROM record_regions WHERE region = {p})"));
        }
        c.with_languages("r", &self.languages);
        c.with_contributor("r", self.actor.as_ref());
        c.with_text("r", self.q.as_deref());
        c
    }
}

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

impl Stored for Resource {
    const TABLE: &'static Table = &RESOURCES;
    const ALIAS: &'static str = "r";
    const COLUMNS: &'static str = "r.id, r.slug, r.type, r.kind, r.title_en, r.title_vi, r.summary_en, \
        r.summary_vi, r.published_on, r.url, r.source_url, r.created_at, r.updated_at";

    fn from_row(r: &RowReader<'_>, ch: Children) -> Result<Resource, StoreError> {
        Ok(Resource {
            id: r.parsed("id", Uuid::parse_str)?,
            slug: r.parsed("slug", Slug::parse)?,
            resource_type: r.parsed("type", str::parse::<ResourceType>)?,
            kind: r.parsed("kind", str::parse::<ResourceKind>)?,
            title: r.record_text("title", &ch)?,
            summary: r.opt_record_text("summary", &ch)?,
            published_on: r.opt_parsed("published_on", gfce_core::parse_date)?,
            url: r.opt_parsed("url", WebUrl::parse)?,
            contributors: ch.contributions,
            themes: ch.themes,
            regions: ch.regions,
            languages: ch.languages,
            source_url: r.opt_parsed("source_url", WebUrl::parse)?,
        })
    }
}

impl Store {
    /// One page of the tools and publications that match `filter`, the latest first.
    pub async fn list_resources(
        &self,
        filter: &ResourceFilter,
        page: PageRequest,
    ) -> Result<Page<Resource>, StoreError> {
        self.records_page(
            filter.conditions(),
            Order { sql: "r.published_on IS NULL, r.published_on DESC, r.slug", index: None },
            page,
        )
        .await
    }

    /// The tool or publication with this slug.
    pub async fn resource(&self, slug: &Slug) -> Result<Option<Dated<Resource>>, StoreError> {
        self.record_by_slug(slug).await
    }

    /// The resources most recently added or changed, newest first, for feeds.
    pub async fn recent_resources(
        &self,
        filter: &ResourceFilter,
        limit: u32,
    ) -> Result<Vec<Dated<Resource>>, StoreError> {
        self.recent_records(filter.conditions(), limit).await
    }
}

pub(crate) fn prepare(stamped: &Stamped<Resource>) -> Prepared {
    let r = &stamped.record;
    let id = r.id.to_string();
    let texts = [Some(&r.title), r.summary.as_ref()];
    let search: Vec<String> = texts.into_iter().flatten().flat_map(|t| t.texts().map(|(_, t)| fold(t))).collect();
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
        texts: Children::texts_of(&[("title", Some(&r.title)), ("summary", r.summary.as_ref())]),
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
