use std::collections::HashMap;

use gfce_core::{
    exchange::Stamped, fold, reference, Amount, CountryCode, CurrencyCode, Lang, LanguageCode, Money, Page,
    PageRequest, Project, ProjectStatus, RegionCode, Slug, Tag, ThemeId, WebUrl,
};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::{
    children::Children,
    read::{Order, Stored},
    rows::{date_text, RowReader},
    sql::{in_list, Conditions, Value},
    write::{self, Prepared, Table},
    Dated, Store, StoreError,
};

/// Which projects a list shows. Every field narrows the list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectFilter {
    pub status: Option<ProjectStatus>,
    /// Benefits this country, directly or as part of a region it lies in.
    pub country: Option<CountryCode>,
    /// Benefits this region, or a country in it.
    pub region: Option<RegionCode>,
    pub theme: Option<ThemeId>,
    /// Has this actor as funder, implementer or partner.
    pub actor: Option<Slug>,
    pub language: Option<LanguageCode>,
    pub tag: Option<Tag>,
    /// Runs at some time during this year.
    pub year: Option<i32>,
    /// Free text matched against titles and summaries in every language, accents and case ignored.
    pub q: Option<String>,
}

impl ProjectFilter {
    pub(crate) fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        c.equal("p.status", self.status.map(ProjectStatus::as_str));
        if let Some(country) = self.country {
            let p = c.bind(country.as_str().into());
            let regions = reference::shipped()
                .country(country)
                .map(|k| k.regions().map(|r| Value::Text(r.as_string())).collect::<Vec<_>>())
                .unwrap_or_default();
            let regions = in_list(&mut c, regions);
            c.push_either(
                format!(
                    "(p.id IN (SELECT record_id FROM record_countries WHERE country = {p}) \
                     OR p.id IN (SELECT record_id FROM record_regions WHERE region IN {regions}))"
                ),
                format!(
                    "(EXISTS (SELECT 1 FROM record_countries WHERE record_id = p.id AND country = {p}) \
                     OR EXISTS (SELECT 1 FROM record_regions WHERE record_id = p.id AND region IN {regions}))"
                ),
            );
        }
        if let Some(region) = self.region {
            let [a, b, d, e] = [(); 4].map(|_| c.bind(Value::Text(region.as_string())));
            c.push_either(
                format!(
                    "(p.id IN (SELECT record_id FROM record_regions WHERE region = {a}) \
                     OR p.id IN (SELECT rc.record_id FROM record_countries rc JOIN countries k ON k.code = rc.country \
                     WHERE k.region = {b} OR k.sub_region = {d} OR k.intermediate_region = {e}))"
                ),
                format!(
                    "(EXISTS (SELECT 1 FROM record_regions WHERE record_id = p.id AND region = {a}) \
                     OR EXISTS (SELECT 1 FROM record_countries rc JOIN countries k ON k.code = rc.country \
                     WHERE rc.record_id = p.id AND (k.region = {b} OR k.sub_region = {d} OR k.intermediate_region = {e})))"
                ),
            );
        }
        c.with_theme("p", self.theme.as_ref());
        c.with_contributor("p", self.actor.as_ref());
        c.with_languages("p", self.language.as_slice());
        c.with_tag("p", self.tag.as_ref());
        if let Some(year) = self.year {
            let last = c.bind(Value::Text(format!("{year:04}-12-31")));
            let first = c.bind(Value::Text(format!("{year:04}-01-01")));
            c.push(format!(
                "(p.starts_on IS NULL OR p.starts_on <= {last}) AND (p.ends_on IS NULL OR p.ends_on >= {first}) \
                 AND (p.starts_on IS NOT NULL OR p.ends_on IS NOT NULL)"
            ));
        }
        c.with_text("p", self.q.as_deref());
        c
    }
}

pub(crate) const PROJECTS: Table = Table {
    name: "projects",
    entity: "project",
    columns: &[
        "id",
        "slug",
        "title_en",
        "title_vi",
        "summary_en",
        "summary_vi",
        "description_en",
        "description_vi",
        "status",
        "starts_on",
        "ends_on",
        "budget_amount",
        "budget_currency",
        "iati_identifier",
        "source_url",
        "search_text",
        "sort_en",
        "sort_vi",
        "sort_newest",
        "created_at",
        "updated_at",
    ],
};

/// How a list of projects is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ProjectOrder {
    /// The latest start first; projects without dates last.
    #[default]
    Newest,
    /// By title in the reader's language.
    Title,
}

impl ProjectOrder {
    /// Each order is the column list of an index, so that a list walks the index.
    pub(crate) fn sql(self, lang: Lang) -> Order {
        let (sql, index) = match (self, lang) {
            (ProjectOrder::Newest, _) => ("p.sort_newest", "projects_newest"),
            (ProjectOrder::Title, Lang::En) => ("p.sort_en, p.slug", "projects_sort_en"),
            (ProjectOrder::Title, Lang::Vi) => ("p.sort_vi, p.slug", "projects_sort_vi"),
        };
        Order { sql, index: Some(index) }
    }
}

impl Stored for Project {
    const TABLE: &'static Table = &PROJECTS;
    const ALIAS: &'static str = "p";
    const COLUMNS: &'static str = "p.id, p.slug, p.title_en, p.title_vi, p.summary_en, p.summary_vi, \
        p.description_en, p.description_vi, p.status, p.starts_on, p.ends_on, p.budget_amount, p.budget_currency, \
        p.iati_identifier, p.source_url, p.created_at, p.updated_at";

    fn from_row(r: &RowReader<'_>, ch: Children) -> Result<Project, StoreError> {
        let budget = match (
            r.opt_parsed("budget_amount", Amount::parse)?,
            r.opt_parsed("budget_currency", CurrencyCode::parse)?,
        ) {
            (Some(amount), Some(currency)) => Some(Money { amount, currency }),
            (None, None) => None,
            _ => return Err(r.corrupt("budget amount without currency")),
        };
        Ok(Project {
            id: r.parsed("id", Uuid::parse_str)?,
            slug: r.parsed("slug", Slug::parse)?,
            title: r.record_text("title", &ch)?,
            summary: r.opt_record_text("summary", &ch)?,
            description: r.opt_record_text("description", &ch)?,
            status: r.parsed("status", str::parse::<ProjectStatus>)?,
            starts_on: r.opt_parsed("starts_on", gfce_core::parse_date)?,
            ends_on: r.opt_parsed("ends_on", gfce_core::parse_date)?,
            participants: ch.contributions,
            countries: ch.countries,
            regions: ch.regions,
            themes: ch.themes,
            tags: ch.tags,
            shares: ch.shares,
            budget,
            languages: ch.languages,
            links: ch.links,
            iati_identifier: r.opt_text("iati_identifier")?,
            source_url: r.opt_parsed("source_url", WebUrl::parse)?,
        })
    }
}

impl Store {
    /// One page of the projects that match `filter`.
    pub async fn list_projects(
        &self,
        filter: &ProjectFilter,
        order: ProjectOrder,
        lang: Lang,
        page: PageRequest,
    ) -> Result<Page<Project>, StoreError> {
        self.records_page(filter.conditions(), order.sql(lang), page).await
    }

    /// The project with this slug, with its last change.
    pub async fn project(&self, slug: &Slug) -> Result<Option<Dated<Project>>, StoreError> {
        self.record_by_slug(slug).await
    }

    /// The projects matching `filter` most recently added or changed, newest first, for feeds.
    pub async fn recent_projects(&self, filter: &ProjectFilter, limit: u32) -> Result<Vec<Dated<Project>>, StoreError> {
        self.recent_records(filter.conditions(), limit).await
    }

    /// Projects that could overlap with `project`: they benefit one of its places (a country, or a
    /// region containing or contained in one) and share a theme. The scoring is the caller's.
    pub async fn overlap_candidates(&self, project: &Project, limit: u32) -> Result<Vec<Project>, StoreError> {
        if project.themes.is_empty() || (project.countries.is_empty() && project.regions.is_empty()) {
            return Ok(Vec::new());
        }
        let data = reference::shipped();
        let mut c = Conditions::default();
        let mut regions: Vec<RegionCode> = project.regions.clone();
        regions.extend(project.countries.iter().filter_map(|k| data.country(*k)).flat_map(|k| k.regions()));
        regions.sort_unstable_by_key(RegionCode::as_string);
        regions.dedup();
        let mut countries: Vec<CountryCode> = project.countries.clone();
        countries.extend(
            data.countries.iter().filter(|k| k.regions().any(|r| project.regions.contains(&r))).map(|k| k.code),
        );
        countries.sort_unstable();
        countries.dedup();
        let countries = in_list(&mut c, countries.iter().map(|k| Value::from(k.as_str())));
        let regions = in_list(&mut c, regions.iter().map(|r| Value::Text(r.as_string())));
        let themes = in_list(&mut c, project.themes.iter().map(|t| Value::from(t.as_str())));
        let this = c.bind(Value::Text(project.id.to_string()));
        let limit = c.bind(Value::Int(i64::from(limit)));
        c.push(format!("p.id <> {this}"));
        c.push(format!(
            "(p.id IN (SELECT record_id FROM record_countries WHERE country IN {countries}) \
             OR p.id IN (SELECT record_id FROM record_regions WHERE region IN {regions}))"
        ));
        c.push(format!("p.id IN (SELECT record_id FROM record_themes WHERE theme_id IN {themes})"));
        let tail = format!("ORDER BY p.sort_newest LIMIT {limit}");
        Ok(self.records::<Project>(&c, &tail).await?.into_iter().map(|d| d.record).collect())
    }
}

/// The text the list's free-text filter searches: titles and summaries in every language, folded.
fn search_text(p: &Project) -> String {
    let texts = [Some(&p.title), p.summary.as_ref()];
    let parts: Vec<String> = texts.into_iter().flatten().flat_map(|t| t.texts().map(|(_, t)| fold(t))).collect();
    parts.join(" | ")
}

pub(crate) fn prepare(stamped: &Stamped<Project>) -> Prepared {
    let p = &stamped.record;
    let id = p.id.to_string();
    let values = vec![
        Value::Text(id.clone()),
        p.slug.as_str().into(),
        p.title.en().into(),
        p.title.vi().into(),
        p.summary.as_ref().and_then(|s| s.en()).into(),
        p.summary.as_ref().and_then(|s| s.vi()).into(),
        p.description.as_ref().and_then(|s| s.en()).into(),
        p.description.as_ref().and_then(|s| s.vi()).into(),
        p.status.as_str().into(),
        p.starts_on.map(date_text).into(),
        p.ends_on.map(date_text).into(),
        p.budget.as_ref().map(|b| b.amount.as_str()).into(),
        p.budget.as_ref().map(|b| b.currency.as_str()).into(),
        p.iati_identifier.as_deref().into(),
        p.source_url.as_ref().map(|u| u.as_str()).into(),
        search_text(p).into(),
        fold(p.title.get(Lang::En)).into(),
        fold(p.title.get(Lang::Vi)).into(),
        p.newest_key().into(),
    ];
    let children = Children {
        themes: p.themes.clone(),
        countries: p.countries.clone(),
        regions: p.regions.clone(),
        languages: p.languages.clone(),
        tags: p.tags.clone(),
        links: p.links.clone(),
        contributions: p.participants.clone(),
        shares: p.shares.clone(),
        texts: Children::texts_of(&[
            ("title", Some(&p.title)),
            ("summary", p.summary.as_ref()),
            ("description", p.description.as_ref()),
        ]),
    };
    Prepared::new(id, values, children, stamped)
}

/// Writes projects on the caller's transaction; every participant must be among `actor_ids`.
pub(crate) async fn upsert(
    conn: &mut AnyConnection,
    projects: &[Stamped<Project>],
    actor_ids: &HashMap<Slug, String>,
) -> Result<(), StoreError> {
    write::upsert(conn, &PROJECTS, projects.iter().map(prepare).collect(), actor_ids).await
}
