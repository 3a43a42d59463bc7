use std::collections::HashMap;

use gfce_core::{
    exchange::Stamped, fold, Actor, ActorKind, CountryCode, Joined, Lang, Membership, Page, PageRequest, RegionCode,
    Slug, ThemeId, WebUrl,
};
use sqlx::{AnyConnection, Row};
use uuid::Uuid;

use crate::{
    children::Children,
    read::{Order, Stored},
    rows::{date_text, RowReader},
    sql::{Conditions, Value},
    write::{self, Prepared, Table},
    Dated, Store, StoreError,
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
    /// Free text matched against the names in every language, accents and case ignored.
    pub q: Option<String>,
}

impl ActorFilter {
    /// Members and partners: the directory.
    pub fn directory() -> Self {
        ActorFilter { joined: Some(true), ..Default::default() }
    }

    pub(crate) fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        c.equal("m.kind", self.kind.map(ActorKind::as_str));
        c.equal("m.membership", self.membership.map(Membership::as_str));
        match self.joined {
            Some(true) => c.push("m.membership IS NOT NULL".into()),
            Some(false) => c.push("m.membership IS NULL".into()),
            None => {}
        }
        c.equal("m.founding", self.founding.map(i64::from));
        if let Some(region) = self.region {
            let [a, b, d] = [(); 3].map(|_| c.bind(Value::Text(region.as_string())));
            c.push(format!(
                "m.country IN (SELECT code FROM countries WHERE region = {a} OR sub_region = {b} \
                 OR intermediate_region = {d})"
            ));
        }
        c.equal("m.country", self.country.as_ref().map(CountryCode::as_str));
        c.with_theme("m", self.theme.as_ref());
        c.with_text("m", self.q.as_deref());
        c
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

impl Stored for Actor {
    const TABLE: &'static Table = &ACTORS;
    const ALIAS: &'static str = "m";
    const COLUMNS: &'static str = "m.id, m.slug, m.kind, m.name_en, m.name_vi, m.short_name, m.country, \
        m.membership, m.joined_on, m.founding, m.website, m.listed_as, m.iati_ref, m.created_at, m.updated_at";

    fn from_row(r: &RowReader<'_>, ch: Children) -> Result<Actor, StoreError> {
        let joined = match r.opt_text("joined_on")? {
            Some(_) => Some(Joined { joined_on: r.date("joined_on")?, founding: r.int("founding")? != 0 }),
            None => None,
        };
        let actor = Actor {
            id: r.parsed("id", Uuid::parse_str)?,
            slug: r.parsed("slug", Slug::parse)?,
            kind: r.parsed("kind", str::parse::<ActorKind>)?,
            name: r.record_text("name", &ch)?,
            short_name: r.opt_text("short_name")?,
            country: r.opt_parsed("country", CountryCode::parse)?,
            joined,
            website: r.opt_parsed("website", WebUrl::parse)?,
            listed_as: r.opt_text("listed_as")?,
            iati_ref: r.opt_text("iati_ref")?,
            themes: ch.themes,
        };
        let stored_membership = r.opt_parsed("membership", str::parse::<Membership>)?;
        if stored_membership != actor.membership() {
            return Err(r.corrupt("membership does not follow from kind"));
        }
        Ok(actor)
    }
}

/// The `ORDER BY` list of the directory: the column list of an index, so that a list walks it.
pub(crate) fn actor_order(lang: Lang) -> Order {
    match lang {
        Lang::En => Order { sql: "m.sort_en, m.slug", index: Some("actors_sort_en") },
        Lang::Vi => Order { sql: "m.sort_vi, m.slug", index: Some("actors_sort_vi") },
    }
}

impl Store {
    /// One page of the actors that match `filter`, sorted by name in `lang`.
    pub async fn list_actors(
        &self,
        filter: &ActorFilter,
        lang: Lang,
        page: PageRequest,
    ) -> Result<Page<Actor>, StoreError> {
        self.records_page(filter.conditions(), actor_order(lang), page).await
    }

    /// The actor with this slug, if there is one.
    pub async fn actor(&self, slug: &Slug) -> Result<Option<Actor>, StoreError> {
        Ok(self.record_by_slug(slug).await?.map(|d| d.record))
    }

    /// The actors with these slugs, by slug; slugs without an actor are left out.
    pub async fn actors_by_slugs(&self, slugs: &[&Slug]) -> Result<HashMap<Slug, Actor>, StoreError> {
        let actors = self.records_where_in::<Actor>("slug", slugs.iter().map(|s| Value::from(s.as_str()))).await?;
        Ok(actors.into_iter().map(|d| (d.record.slug.clone(), d.record)).collect())
    }

    /// The actors matching `filter` most recently added or changed, newest first, for feeds.
    pub async fn recent_actors(&self, filter: &ActorFilter, limit: u32) -> Result<Vec<Dated<Actor>>, StoreError> {
        self.recent_records(filter.conditions(), limit).await
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
        let mut tx = self.begin_write().await?;
        write::upsert(&mut tx, &ACTORS, vec![prepare(&Stamped::new(actor.clone()))], &HashMap::new()).await?;
        self.commit(tx).await?;
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
}

/// The text the directory's free-text filter searches: every name of the actor, folded.
fn search_text(actor: &Actor) -> String {
    let names = actor.name.texts().map(|(_, t)| t);
    let others = [actor.short_name.as_deref(), actor.listed_as.as_deref()].into_iter().flatten();
    let mut text: Vec<String> = names.chain(others).map(fold).collect();
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
    let children = Children {
        themes: a.themes.clone(),
        texts: Children::texts_of(&[("name", Some(&a.name))]),
        ..Default::default()
    };
    Prepared::new(id, values, children, stamped)
}

/// Writes actors on the caller's transaction.
pub(crate) async fn upsert(conn: &mut AnyConnection, actors: &[Stamped<Actor>]) -> Result<(), StoreError> {
    write::upsert(conn, &ACTORS, actors.iter().map(prepare).collect(), &HashMap::new()).await
}
