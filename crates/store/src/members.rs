use std::collections::HashMap;

use gfce_core::{
    fold, CountryCode, Lang, Member, MemberKind, Membership, Page, PageRequest, RegionCode, Slug, ThemeId,
};
use sqlx::{any::AnyRow, AnyConnection, Row};
use uuid::Uuid;

use crate::{
    change_log::{self, Op},
    rows::{date_text, now, RowReader},
    sql::{like_contains, Conditions, Value},
    Store, StoreError,
};

/// Which members a list shows. Every field narrows the list; all `None` lists everyone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberFilter {
    pub kind: Option<MemberKind>,
    pub membership: Option<Membership>,
    pub founding: Option<bool>,
    /// A region, sub-region or intermediate region the member's country lies in.
    pub region: Option<RegionCode>,
    pub country: Option<CountryCode>,
    pub theme: Option<ThemeId>,
    /// Free text matched against the names in both languages, accents and case ignored.
    pub q: Option<String>,
}

impl MemberFilter {
    fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        if let Some(kind) = self.kind {
            let p = c.bind(Value::Text(kind.as_str().into()));
            c.push(format!("m.kind = {p}"));
        }
        if let Some(membership) = self.membership {
            let kinds: Vec<String> = membership.kinds().map(|k| c.bind(Value::Text(k.as_str().into()))).collect();
            c.push(format!("m.kind IN ({})", kinds.join(", ")));
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
            let p = c.bind(Value::Text(country.as_str().into()));
            c.push(format!("m.country = {p}"));
        }
        if let Some(theme) = &self.theme {
            let p = c.bind(Value::Text(theme.as_str().into()));
            c.push(format!("m.id IN (SELECT member_id FROM member_themes WHERE theme_id = {p})"));
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
    pub updated_at: String,
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
}

const MEMBER_COLUMNS: &str = "m.id, m.slug, m.kind, m.name_en, m.name_vi, m.short_name, m.country, m.founding, \
                              m.joined_on, m.website, m.listed_as";

impl Store {
    /// One page of the members that match `filter`, sorted by name in `lang`.
    pub async fn list_members(
        &self,
        filter: &MemberFilter,
        lang: Lang,
        page: PageRequest,
    ) -> Result<Page<Member>, StoreError> {
        let conditions = filter.conditions();
        let where_clause = conditions.where_clause();
        let count_sql = format!("SELECT COUNT(*) AS n FROM members m {where_clause}");
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
            "SELECT {MEMBER_COLUMNS} FROM members m {} ORDER BY {sort}, m.slug LIMIT {limit} OFFSET {offset}",
            paged.where_clause()
        );
        let rows = sqlx::query_with(&sql, paged.arguments()).fetch_all(&self.pool).await?;
        let items = self.members_from_rows(&rows).await?;
        Ok(Page { items, total: total as u64, request: page })
    }

    /// The member with this slug, if there is one.
    pub async fn member(&self, slug: &Slug) -> Result<Option<Member>, StoreError> {
        let sql = format!("SELECT {MEMBER_COLUMNS} FROM members m WHERE m.slug = $1");
        let rows = sqlx::query(&sql).bind(slug.as_str()).fetch_all(&self.pool).await?;
        Ok(self.members_from_rows(&rows).await?.pop())
    }

    /// The members matching `filter` most recently added or changed, newest first, with the time
    /// of that change (RFC 3339), for feeds.
    pub async fn recent_members(&self, filter: &MemberFilter, limit: u32) -> Result<Vec<Dated<Member>>, StoreError> {
        let mut conditions = filter.conditions();
        let where_clause = conditions.where_clause();
        let limit = conditions.bind(Value::Int(i64::from(limit)));
        let sql = format!(
            "SELECT {MEMBER_COLUMNS}, m.updated_at FROM members m {where_clause} \
             ORDER BY m.updated_at DESC, m.slug LIMIT {limit}"
        );
        let rows = sqlx::query_with(&sql, conditions.arguments()).fetch_all(&self.pool).await?;
        let members = self.members_from_rows(&rows).await?;
        rows.iter()
            .zip(members)
            .map(|(row, record)| {
                Ok(Dated { record, updated_at: RowReader::new(row, "member", "id").text("updated_at")? })
            })
            .collect()
    }

    /// The member with this id, if there is one.
    pub async fn member_by_id(&self, id: &Uuid) -> Result<Option<Member>, StoreError> {
        let sql = format!("SELECT {MEMBER_COLUMNS} FROM members m WHERE m.id = $1");
        let rows = sqlx::query(&sql).bind(id.to_string()).fetch_all(&self.pool).await?;
        Ok(self.members_from_rows(&rows).await?.pop())
    }

    /// Adds a member, with its themes, in one transaction that also logs the change.
    pub async fn create_member(&self, member: &Member) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        insert_member(&mut tx, member).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn home_counts(&self) -> Result<HomeCounts, StoreError> {
        let member_kinds: Vec<String> = Membership::Member.kinds().map(|k| format!("'{}'", k.as_str())).collect();
        let sql = format!(
            "SELECT \
               (SELECT COUNT(*) FROM members WHERE kind IN ({kinds})) AS members, \
               (SELECT COUNT(*) FROM members WHERE kind NOT IN ({kinds})) AS partners, \
               (SELECT COUNT(*) FROM members WHERE founding = 1) AS founding, \
               (SELECT COUNT(DISTINCT country) FROM members WHERE kind = 'country') AS member_countries, \
               (SELECT COUNT(*) FROM events) AS events",
            kinds = member_kinds.join(", ")
        );
        let row = sqlx::query(&sql).fetch_one(&self.pool).await?;
        Ok(HomeCounts {
            members: row.try_get("members")?,
            partners: row.try_get("partners")?,
            founding: row.try_get("founding")?,
            member_countries: row.try_get("member_countries")?,
            events: row.try_get("events")?,
        })
    }

    /// Turns member rows into members, with their themes fetched in one more query.
    async fn members_from_rows(&self, rows: &[AnyRow]) -> Result<Vec<Member>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<String> = rows.iter().map(|r| r.try_get::<String, _>("id")).collect::<Result<_, _>>()?;
        let mut themes = self.themes_of(&ids).await?;
        rows.iter().map(|row| member_from_row(row, themes.remove(&RowReader::new(row, "member", "id").id))).collect()
    }

    /// The themes of each of these members, in taxonomy order.
    async fn themes_of(&self, member_ids: &[String]) -> Result<HashMap<String, Vec<ThemeId>>, StoreError> {
        let mut c = Conditions::default();
        let placeholders: Vec<String> = member_ids.iter().map(|id| c.bind(Value::Text(id.clone()))).collect();
        let sql = format!(
            "SELECT mt.member_id, mt.theme_id FROM member_themes mt JOIN themes t ON t.id = mt.theme_id \
             WHERE mt.member_id IN ({}) ORDER BY t.position",
            placeholders.join(", ")
        );
        let mut themes: HashMap<String, Vec<ThemeId>> = HashMap::new();
        for row in sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await? {
            let r = RowReader::new(&row, "member", "member_id");
            let theme = r.parsed("theme_id", ThemeId::parse)?;
            themes.entry(r.id).or_default().push(theme);
        }
        Ok(themes)
    }
}

fn member_from_row(row: &AnyRow, themes: Option<Vec<ThemeId>>) -> Result<Member, StoreError> {
    let r = RowReader::new(row, "member", "id");
    Ok(Member {
        id: r.parsed("id", Uuid::parse_str)?,
        slug: r.parsed("slug", Slug::parse)?,
        kind: r.parsed("kind", str::parse::<MemberKind>)?,
        name: r.localized("name")?,
        short_name: r.opt_text("short_name")?,
        country: r.opt_parsed("country", CountryCode::parse)?,
        founding: r.int("founding")? != 0,
        joined_on: r.date("joined_on")?,
        website: r.opt_text("website")?,
        listed_as: r.opt_text("listed_as")?,
        themes: themes.unwrap_or_default(),
    })
}

/// The text the directory's free-text filter searches: every name of the member, folded.
fn search_text(member: &Member) -> String {
    let names = [member.name.en(), member.name.vi(), member.short_name.as_deref(), member.listed_as.as_deref()];
    let mut text: Vec<String> = names.into_iter().flatten().map(fold).collect();
    text.push(member.slug.as_str().replace('-', " "));
    text.join(" | ")
}

/// Inserts a member with its themes and logs the change, on the caller's transaction.
pub(crate) async fn insert_member(conn: &mut AnyConnection, member: &Member) -> Result<(), StoreError> {
    let at = now();
    let id = member.id.to_string();
    sqlx::query(
        "INSERT INTO members (id, slug, kind, name_en, name_vi, short_name, country, founding, joined_on, website, \
         listed_as, search_text, sort_en, sort_vi, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(&id)
    .bind(member.slug.as_str())
    .bind(member.kind.as_str())
    .bind(member.name.en())
    .bind(member.name.vi())
    .bind(member.short_name.as_deref())
    .bind(member.country.map(|c| c.as_str().to_owned()))
    .bind(i64::from(member.founding))
    .bind(date_text(member.joined_on))
    .bind(member.website.as_deref())
    .bind(member.listed_as.as_deref())
    .bind(search_text(member))
    .bind(fold(member.name.get(Lang::En)))
    .bind(fold(member.name.get(Lang::Vi)))
    .bind(&at)
    .bind(&at)
    .execute(&mut *conn)
    .await?;
    for theme in &member.themes {
        sqlx::query("INSERT INTO member_themes (member_id, theme_id) VALUES ($1, $2)")
            .bind(&id)
            .bind(theme.as_str())
            .execute(&mut *conn)
            .await?;
    }
    change_log::append(conn, "member", &id, Op::Insert).await
}
