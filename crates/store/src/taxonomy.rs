//! Countries, regions, themes and event series as the database holds them.

use gfce_core::{
    reference::{self, Country, EventSeries, Region},
    CountryCode, RegionCode, Slug, Theme, ThemeId,
};
use std::{
    collections::{HashMap, HashSet},
    sync::Arc,
};

use sqlx::{any::AnyRow, Row};

use crate::{rows::RowReader, Store, StoreError};

impl Store {
    /// How many projects benefit each country that some project benefits: directly, or as part of
    /// a region it lies in, as the projects list's country filter counts them. Made again only
    /// once the data has changed.
    pub async fn projects_per_country(&self) -> Result<Arc<HashMap<CountryCode, u64>>, StoreError> {
        self.kept_per_country(self.count_projects_per_country()).await
    }

    /// Counted as |direct ∪ regional| = |direct| + |regional| − |both| for each country: every
    /// part is a grouped count or a few rows per regional project, where the union itself would
    /// have to sort every (country, project) pair.
    async fn count_projects_per_country(&self) -> Result<HashMap<CountryCode, u64>, StoreError> {
        let direct = sqlx::query(
            "SELECT country, COUNT(*) AS projects FROM record_countries \
             WHERE record_id IN (SELECT id FROM projects) GROUP BY country",
        )
        .fetch_all(&self.pool)
        .await?;
        let regional = sqlx::query(
            "SELECT rr.region, rr.record_id, rc.country FROM record_regions rr \
             LEFT JOIN record_countries rc ON rc.record_id = rr.record_id \
             WHERE rr.record_id IN (SELECT id FROM projects)",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut by_region: HashMap<RegionCode, HashSet<String>> = HashMap::new();
        let mut named_with: HashMap<(CountryCode, RegionCode), HashSet<String>> = HashMap::new();
        for row in &regional {
            let r = RowReader::new(row, "project", "record_id");
            let region = r.parsed("region", RegionCode::parse)?;
            let record = r.text("record_id")?;
            if let Some(country) = r.opt_parsed("country", CountryCode::parse)? {
                named_with.entry((country, region)).or_default().insert(record.clone());
            }
            by_region.entry(region).or_default().insert(record);
        }
        let mut counts = HashMap::new();
        for row in &direct {
            let r = RowReader::new(row, "country", "country");
            let count = u64::try_from(r.int("projects")?).map_err(|e| r.corrupt(e))?;
            counts.insert(r.parsed("country", CountryCode::parse)?, count);
        }
        for country in &reference::shipped().countries {
            let regions: Vec<RegionCode> = country.regions().collect();
            let mut regional: HashSet<&String> = HashSet::new();
            let mut both: HashSet<&String> = HashSet::new();
            for region in &regions {
                regional.extend(by_region.get(region).into_iter().flatten());
                both.extend(named_with.get(&(country.code, *region)).into_iter().flatten());
            }
            let added = (regional.len() - both.len()) as u64;
            if added > 0 {
                *counts.entry(country.code).or_default() += added;
            }
        }
        Ok(counts)
    }

    /// Every country, sorted by its ISO code.
    pub async fn countries(&self) -> Result<Vec<Country>, StoreError> {
        let rows = sqlx::query(
            "SELECT code, alpha3, numeric_code, name_en, name_vi, region, sub_region, intermediate_region \
             FROM countries ORDER BY code",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let r = RowReader::new(row, "country", "code");
                let code = r.parsed("code", CountryCode::parse)?;
                Ok(Country {
                    code,
                    alpha3: r.text("alpha3")?,
                    numeric: r.text("numeric_code")?,
                    name: r.localized("name")?,
                    region: r.opt_parsed("region", RegionCode::parse)?,
                    sub_region: r.opt_parsed("sub_region", RegionCode::parse)?,
                    intermediate_region: r.opt_parsed("intermediate_region", RegionCode::parse)?,
                    // Languages are not editable, so they come from the shipped list.
                    languages: reference::shipped().country(code).map(|c| c.languages.clone()).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Every M49 region, sub-region and intermediate region, sorted by code.
    pub async fn regions(&self) -> Result<Vec<Region>, StoreError> {
        let rows = sqlx::query("SELECT code, parent, level, name_en, name_vi FROM regions ORDER BY code")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let r = RowReader::new(row, "region", "code");
                Ok(Region {
                    code: r.parsed("code", RegionCode::parse)?,
                    parent: r.opt_parsed("parent", RegionCode::parse)?,
                    level: r.parsed("level", str::parse)?,
                    name: r.localized("name")?,
                })
            })
            .collect()
    }

    /// The theme taxonomy, in its order, each theme with the themes it overlaps.
    pub async fn themes(&self) -> Result<Vec<Theme>, StoreError> {
        let relations = sqlx::query("SELECT theme_id, related_id FROM theme_relations ORDER BY theme_id, related_id")
            .fetch_all(&self.pool)
            .await?;
        let rows = sqlx::query(
            "SELECT id, family, position, name_en, name_vi, description_en, description_vi FROM themes \
             ORDER BY position, id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|row| theme_from_row(row, &relations)).collect()
    }

    /// Whether a theme with this id exists.
    pub async fn theme_exists(&self, id: &ThemeId) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT 1 AS found FROM themes WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }

    /// Every event series.
    pub async fn event_series(&self) -> Result<Vec<EventSeries>, StoreError> {
        let rows =
            sqlx::query("SELECT id, name_en, name_vi FROM event_series ORDER BY id").fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| {
                let r = RowReader::new(row, "event series", "id");
                Ok(EventSeries { id: r.parsed("id", Slug::parse)?, name: r.localized("name")? })
            })
            .collect()
    }
}

fn theme_from_row(row: &AnyRow, relations: &[AnyRow]) -> Result<Theme, StoreError> {
    let r = RowReader::new(row, "theme", "id");
    let related = relations
        .iter()
        .filter(|rel| rel.try_get::<String, _>("theme_id").is_ok_and(|t| t == r.id))
        .map(|rel| RowReader::new(rel, "theme", "theme_id").parsed("related_id", ThemeId::parse))
        .collect::<Result<_, _>>()?;
    Ok(Theme {
        id: r.parsed("id", ThemeId::parse)?,
        family: r.parsed("family", str::parse)?,
        position: r.int("position")?,
        name: r.localized("name")?,
        description: r.localized("description")?,
        related,
    })
}
