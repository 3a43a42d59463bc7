use std::collections::HashMap;

use gfce_core::{
    exchange::Stamped, fold, Actor, ActorKind, CountryCode, Joined, Lang, Membership, Page, PageRequest, RegionCode,
    Slug, ThemeId, WebUrl,
};
use sqlx::{any::AnyRow, AnyConnection, Row};
use uuid::Uuid;

use crate::{
    children::{self, Children},
    rows::{date_text, RowReader},
    sql::{in_list, like_contains, Conditions, Value},
    write::{self, Prepared, Table},
    Store, StoreError,
};

/// Which actors a list shows. Every field narrows the list; all `None` lists everyone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorFilter {
    pub kind: Option<ActorKind>,
    /// Members only, or partners only.
    pub membership: Option<Membership>,
    /// `Some(true)`: members and partners; `Some(false)`: actors that have not joined.
    pub joined: Option<bool>,
    pub founding: Option<bool>,
    /// A region, sub-region or intermediate region the actor's country lies in.
    pub region: Option<RegionCode>,
    pub country: Option<CountryCode>,
    pub theme: Option<ThemeId>,
    /// Free text matched against the names in both languages, accents and case ignored.
    pub q: Option<String>,
}

impl ActorFilter {
    /// Members and partners: the directory.
    pub fn directory() -> Self {
        ActorFilter { joined: Some(true), ..Default::default() }
    }

    fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        if let Some(kind) = self.kind {
            let p = c.bind(kind.as_str().into());
            c.push(format!("m.kind = {p}"));
        }
        if let Some(membership) = self.membership {
            let p = c.bind(membership.as_str().into());
            c.push(format!("m.membership = {p}"));
        }
        match self.joined {
            Some(true) => c.push("m.membership IS NOT NULL".into()),
            Some(false) => c.push("m.membership IS NULL".into()),
            None => {}
        }
        if let Some(founding) = self.founding {
            let p = c.bind(Value::Int(i64::from(founding)));
            c.push(format!("m.founding = {p}"));
        }
        if let Some(region) = self.region {
            let [a, b, d] = [(); 3].map(|_| c.bind(Value::Text(region.as_string())));
            c.push(format!(
                "m.country IN (SELECT code FROM countries WHERE region = {a} OR sub_region = {b} \
                 OR intermediate_region = {d})"
            ));
        }
        if let Some(country) = self.country {
            let p = c.bind(country.as_str().into());
            c.push(format!("m.country = {p}"));
        }
        if let Some(theme) = &self.theme {
            let p = c.bind(theme.as_str().into());
            c.push(format!("m.id IN (SELECT record_id FROM record_themes WHERE theme_id = {p})"));
        }
        if let Some(q) = self.q.as_deref().map(fold).filter(|q| !q.is_empty()) {
            let p = c.bind(Value::Text(like_contains(&q)));
            c.push(format!("m.search_text LIKE {p} ESCAPE '\\'"));
        }
        c
    }
}

/// A record with the time it was last written (RFC 3339, UTC).
#[derive(Debug, Clone, PartialEq)]
pub struct Dated<T> {
    pub record: T,
    pub created_at: String,
    pub updated_at: String,
}

impl<T> Dated<T> {
    /// The record with its timestamps, as the exchange formats carry it.
    pub fn stamped(self) -> gfce_core::exchange::Stamped<T> {
        gfce_core::exchange::Stamped {
            record: self.record,
            created_at: Some(self.created_at),
            updated_at: Some(self.updated_at),
        }
    }
}

/// The figures the home page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HomeCounts {
    pub members: i64,
    pub partners: i64,
    pub founding: i64,
    /// Countries that are members themselves.
    pub member_countries: i64,
    pub events: i64,
    pub projects: i64,
    pub resources: i64,
    pub actors: i64,
}

pub(crate) const ACTOR_COLUMNS: &str =
    "m.id, m.slug, m.kind, m.name_en, m.name_vi, m.short_name, m.country, m.membership, \
                             m.joined_on, m.founding, m.website, m.listed_as, m.iati_ref, m.created_at, m.updated_at";

pub(crate) const ACTORS: Table = Table {
    name: "actors",
    entity: "actor",
    columns: &[
        "id",
        "slug",
        "kind",
        "name_en",
        "name_vi",
        "short_name",
        "country",
        "membership",
        "joined_on",
        "founding",
        "website",
        "listed_as",
        "iati_ref",
        "search_text",
        "sort_en",
        "sort_vi",
        "created_at",
        "updated_at",
    ],
};

impl Store {
    /// One page of the actors that match `filter`, sorted by name in `lang`.
    pub async fn list_actors(
        &self,
        filter: &ActorFilter,
        lang: Lang,
        page: PageRequest,
    ) -> Result<Page<Actor>, StoreError> {
        let conditions = filter.conditions();
        let where_clause = conditions.where_clause();
        let count_sql = format!("SELECT COUNT(*) AS n FROM actors m {where_clause}");
        let total: i64 =
            sqlx::query_with(&count_sql, conditions.arguments()).fetch_one(&self.pool).await?.try_get("n")?;
        let sort = match lang {
            Lang::En => "m.sort_en",
            Lang::Vi => "m.sort_vi",
        };
        let mut paged = conditions;
        let limit = paged.bind(Value::Int(i64::from(page.per_page())));
        let offset = paged.bind(Value::Int(page.offset() as i64));
        let sql = format!(
            "SELECT {ACTOR_COLUMNS} FROM actors m {} ORDER BY {sort}, m.slug LIMIT {limit} OFFSET {offset}",
            paged.where_clause()
        );
        let rows = sqlx::query_with(&sql, paged.arguments()).fetch_all(&self.pool).await?;
        let items = self.actors_from_rows(&rows).await?.into_iter().map(|d| d.record).collect();
        Ok(Page { items, total: total as u64, request: page })
    }

    /// The actor with this slug, if there is one.
    pub async fn actor(&self, slug: &Slug) -> Result<Option<Actor>, StoreError> {
        let sql = format!("SELECT {ACTOR_COLUMNS} FROM actors m WHERE m.slug = $1");
        let rows = sqlx::query(&sql).bind(slug.as_str()).fetch_all(&self.pool).await?;
        Ok(self.actors_from_rows(&rows).await?.pop().map(|d| d.record))
    }

    /// The actors with these ids that exist, with their last change.
    pub async fn actors_by_ids(&self, ids: &[Uuid]) -> Result<Vec<Dated<Actor>>, StoreError> {
        let mut c = Conditions::default();
        let list = in_list(&mut c, ids.iter().map(|id| Value::Text(id.to_string())));
        let sql = format!("SELECT {ACTOR_COLUMNS} FROM actors m WHERE m.id IN {list}");
        let rows = sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await?;
        self.actors_from_rows(&rows).await
    }

    /// The actors with these slugs, by slug; slugs without an actor are left out.
    pub async fn actors_by_slugs(&self, slugs: &[&Slug]) -> Result<HashMap<Slug, Actor>, StoreError> {
        let mut c = Conditions::default();
        let list = in_list(&mut c, slugs.iter().map(|s| Value::from(s.as_str())));
        let sql = format!("SELECT {ACTOR_COLUMNS} FROM actors m WHERE m.slug IN {list}");
        let rows = sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await?;
        Ok(self.actors_from_rows(&rows).await?.into_iter().map(|d| (d.record.slug.clone(), d.record)).collect())
    }

    /// The actors matching `filter` most recently added or changed, newest first, for feeds.
    pub async fn recent_actors(&self, filter: &ActorFilter, limit: u32) -> Result<Vec<Dated<Actor>>, StoreError> {
        let mut conditions = filter.conditions();
        let where_clause = conditions.where_clause();
        let limit = conditions.bind(Value::Int(i64::from(limit)));
        let sql = format!(
            "SELECT {ACTOR_COLUMNS} FROM actors m {where_clause} ORDER BY m.updated_at DESC, m.slug LIMIT {limit}"
        );
        let rows = sqlx::query_with(&sql, conditions.arguments()).fetch_all(&self.pool).await?;
        self.actors_from_rows(&rows).await
    }

    /// Every actor's slug with its IATI organisation identifier, if any: what an importer needs to
    /// match organisations named in a file to the actors already here.
    pub async fn actor_keys(&self) -> Result<Vec<(Slug, Option<String>)>, StoreError> {
        let rows = sqlx::query("SELECT id, slug, iati_ref FROM actors").fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| {
                let r = RowReader::new(row, "actor", "id");
                Ok((r.parsed("slug", Slug::parse)?, r.opt_text("iati_ref")?))
            })
            .collect()
    }

    /// Adds or replaces an actor, with its themes, in one transaction that also logs the change.
    pub async fn save_actor(&self, actor: &Actor) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        write::upsert(&mut tx, &ACTORS, vec![prepare(&Stamped::new(actor.clone()))], &HashMap::new()).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn home_counts(&self) -> Result<HomeCounts, StoreError> {
        let sql = "SELECT \
               (SELECT COUNT(*) FROM actors WHERE membership = 'member') AS members, \
               (SELECT COUNT(*) FROM actors WHERE membership = 'partner') AS partners, \
               (SELECT COUNT(*) FROM actors WHERE founding = 1) AS founding, \
               (SELECT COUNT(DISTINCT country) FROM actors WHERE kind = 'country' AND membership IS NOT NULL) \
                 AS member_countries, \
               (SELECT COUNT(*) FROM events) AS events, \
               (SELECT COUNT(*) FROM projects) AS projects, \
               (SELECT COUNT(*) FROM resources) AS resources, \
               (SELECT COUNT(*) FROM actors WHERE membership IS NULL) AS actors";
        let row = sqlx::query(sql).fetch_one(&self.pool).await?;
        Ok(HomeCounts {
            members: row.try_get("members")?,
            partners: row.try_get("partners")?,
            founding: row.try_get("founding")?,
            member_countries: row.try_get("member_countries")?,
            events: row.try_get("events")?,
            projects: row.try_get("projects")?,
            resources: row.try_get("resources")?,
            actors: row.try_get("actors")?,
        })
    }

    /// Turns actor rows into actors, with their themes fetched in one more query.
    pub(crate) async fn actors_from_rows(&self, rows: &[AnyRow]) -> Result<Vec<Dated<Actor>>, StoreError> {
        let ids: Vec<String> = rows.iter().map(|r| r.try_get::<String, _>("id")).collect::<Result<_, _>>()?;
        let mut children = children::load(&self.pool, "actor", &ids).await?;
        rows.iter()
            .map(|row| {
                let r = RowReader::new(row, "actor", "id");
                let themes = children.remove(&r.id).unwrap_or_default().themes;
                Ok(Dated {
                    record: actor_from_row(&r, themes)?,
                    created_at: r.text("created_at")?,
                    updated_at: r.text("updated_at")?,
                })
            })
            .collect()
    }
}

fn actor_from_row(r: &RowReader<'_>, themes: Vec<ThemeId>) -> Result<Actor, StoreError> {
    let joined = match r.opt_text("joined_on")? {
        Some(_) => Some(Joined { joined_on: r.date("joined_on")?, founding: r.int("founding")? != 0 }),
        None => None,
    };
    let actor = Actor {
        id: r.parsed("id", Uuid::parse_str)?,
        slug: r.parsed("slug", Slug::parse)?,
        kind: r.parsed("kind", str::parse::<ActorKind>)?,
        name: r.localized("name")?,
        short_name: r.opt_text("short_name")?,
        country: r.opt_parsed("country", CountryCode::parse)?,
        joined,
        website: r.opt_parsed("website", WebUrl::parse)?,
        listed_as: r.opt_text("listed_as")?,
        iati_ref: r.opt_text("iati_ref")?,
        themes,
    };
    let stored_membership = r.opt_parsed("membership", str::parse::<Membership>)?;
    if stored_membership != actor.membership() {
        return Err(r.corrupt("membership does not follow from kind"));
    }
    Ok(actor)
}

/// The text the directory's free-text filter searches: every name of the actor, folded.
fn search_text(actor: &Actor) -> String {
    let names = [actor.name.en(), actor.name.vi(), actor.short_name.as_deref(), actor.listed_as.as_deref()];
    let mut text: Vec<String> = names.into_iter().flatten().map(fold).collect();
    text.push(actor.slug.as_str().replace('-', " "));
    text.join(" | ")
}

/// An actor as a row of [`ACTORS`].
pub(crate) fn prepare(stamped: &Stamped<Actor>) -> Prepared {
    let a = &stamped.record;
    let id = a.id.to_string();
    let values = vec![
        Value::Text(id.clone()),
        a.slug.as_str().into(),
        a.kind.as_str().into(),
        a.name.en().into(),
        a.name.vi().into(),
        a.short_name.as_deref().into(),
        a.country.map(|c| c.as_str().to_owned()).into(),
        a.membership().map(|m| m.as_str()).into(),
        a.joined.map(|j| date_text(j.joined_on)).into(),
        Value::Int(i64::from(a.joined.is_some_and(|j| j.founding))),
        a.website.as_ref().map(|w| w.as_str()).into(),
        a.listed_as.as_deref().into(),
        a.iati_ref.as_deref().into(),
        search_text(a).into(),
        fold(a.name.get(Lang::En)).into(),
        fold(a.name.get(Lang::Vi)).into(),
    ];
    let children = Children { themes: a.themes.clone(), ..Default::default() };
    Prepared::new(id, values, children, stamped)
}

/// Writes actors on the caller's transaction.
pub(crate) async fn upsert(conn: &mut AnyConnection, actors: &[Stamped<Actor>]) -> Result<(), StoreError> {
    write::upsert(conn, &ACTORS, actors.iter().map(prepare).collect(), &HashMap::new()).await
}
