//! Reading records: the queries that actors, projects, tools and publications and events share —
//! a filtered page, one record by slug, several by id or slug, the latest changed, the next in
//! slug order — each followed by the records' child rows, a query per child table for all the
//! rows at once. A table's module says only what is its own: the columns, how a row becomes a
//! record, its filters and orders.

use gfce_core::{
    fold, Actor, Event, LanguageCode, Page, PageRequest, Project, Resource, Slug, Tag, ThemeId, Timestamp,
};
use sqlx::Row;
use uuid::Uuid;

use crate::{
    children::{self, Children},
    rows::RowReader,
    sql::{in_list, like_contains, Conditions, Value},
    write::Table,
    Backend, Store, StoreError,
};

/// A record with the times it was first and last written.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated<T> {
    pub record: T,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
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

/// A kind of record kept in a table of its own, with its children in the shared child tables.
pub(crate) trait Stored: Sized {
    /// The table it is written to.
    const TABLE: &'static Table;
    /// The alias of the table in every query, which qualifies the columns of [`Stored::COLUMNS`]
    /// and of a filter's conditions.
    const ALIAS: &'static str;
    /// The columns a record is read from.
    const COLUMNS: &'static str;

    /// The record from its row and its child rows.
    fn from_row(r: &RowReader<'_>, children: Children) -> Result<Self, StoreError>;
}

impl Store {
    /// The records whose rows meet `c`, with `tail` (an order, a limit) after the conditions.
    pub(crate) async fn records<T: Stored>(&self, c: &Conditions, tail: &str) -> Result<Vec<Dated<T>>, StoreError> {
        self.records_by_sql(&records_sql::<T>(c, tail), c).await
    }

    /// The records `sql` selects (the columns of [`Stored::COLUMNS`]), with the values of `c`.
    async fn records_by_sql<T: Stored>(&self, sql: &str, c: &Conditions) -> Result<Vec<Dated<T>>, StoreError> {
        let rows = sqlx::query_with(sql, c.arguments()).fetch_all(&self.pool).await?;
        let ids: Vec<String> = rows.iter().map(|r| r.try_get::<String, _>("id")).collect::<Result<_, _>>()?;
        let mut children = children::load(&self.pool, T::TABLE.entity, &ids).await?;
        rows.iter()
            .map(|row| {
                let r = RowReader::new(row, T::TABLE.entity, "id");
                let record = T::from_row(&r, children.remove(&r.id).unwrap_or_default())?;
                Ok(Dated { record, created_at: r.timestamp("created_at")?, updated_at: r.timestamp("updated_at")? })
            })
            .collect()
    }

    /// One page of the records that meet `c`, in the order `order`, with how many there are in
    /// all.
    pub(crate) async fn records_page<T: Stored>(
        &self,
        mut c: Conditions,
        order: Order,
        page: PageRequest,
    ) -> Result<Page<T>, StoreError> {
        let count_sql = format!("SELECT COUNT(*) AS n FROM {} {} {}", T::TABLE.name, T::ALIAS, c.where_clause());
        let total = self.count(&count_sql, &c).await?;
        let walk = match order.index {
            Some(index) if self.backend == Backend::Sqlite && c.is_filtered() && total > 0 => {
                let all =
                    self.count(&format!("SELECT COUNT(*) AS n FROM {}", T::TABLE.name), &Conditions::default()).await?;
                // Walking the order's index meets (offset + limit) matches after about that many
                // times all / total rows, each tested by a lookup; gathering the matches to sort
                // them reads each of the total rows whole, several times dearer. SQLite, counting
                // on neither, always gathers; PostgreSQL weighs both from its statistics.
                let wanted = page.offset() + u64::from(page.per_page());
                (total * total * WALK_COST_RATIO >= wanted * all).then_some(index)
            }
            _ => None,
        };
        let tail = page_tail(&mut c, order.sql, page);
        let items = match walk {
            Some(index) => self.records_by_sql(&walked_records_sql::<T>(&c, index, &tail), &c).await?,
            None => self.records(&c, &tail).await?,
        };
        Ok(Page { items: items.into_iter().map(|d| d.record).collect(), total, request: page })
    }

    pub(crate) async fn record_by_slug<T: Stored>(&self, slug: &Slug) -> Result<Option<Dated<T>>, StoreError> {
        Ok(self.records_where_in("slug", [Value::from(slug.as_str())]).await?.pop())
    }

    /// The records whose `column` holds one of `values`.
    pub(crate) async fn records_where_in<T: Stored>(
        &self,
        column: &str,
        values: impl IntoIterator<Item = Value>,
    ) -> Result<Vec<Dated<T>>, StoreError> {
        let mut c = Conditions::default();
        let list = in_list(&mut c, values);
        c.push(format!("{}.{column} IN {list}", T::ALIAS));
        self.records(&c, "").await
    }

    /// Up to `limit` of the records that meet `c`, the most recently added or changed first.
    pub(crate) async fn recent_records<T: Stored>(
        &self,
        mut c: Conditions,
        limit: u32,
    ) -> Result<Vec<Dated<T>>, StoreError> {
        let limit = c.bind(Value::Int(i64::from(limit)));
        let a = T::ALIAS;
        self.records(&c, &format!("ORDER BY {a}.updated_at DESC, {a}.slug LIMIT {limit}")).await
    }

    /// When the last written of the records with these slugs was written; `None` if none exists.
    pub(crate) async fn last_written<T: Stored>(&self, slugs: &[&Slug]) -> Result<Option<Timestamp>, StoreError> {
        if slugs.is_empty() {
            return Ok(None);
        }
        let mut c = Conditions::default();
        let list = in_list(&mut c, slugs.iter().map(|s| Value::from(s.as_str())));
        c.push(format!("slug IN {list}"));
        let sql = format!("SELECT MAX(updated_at) AS at FROM {} {}", T::TABLE.name, c.where_clause());
        let row = sqlx::query_with(&sql, c.arguments()).fetch_one(&self.pool).await?;
        RowReader::new(&row, T::TABLE.entity, "at").opt_timestamp("at")
    }

    /// Up to `limit` records whose slug sorts after `after`, in slug order: for reading everything
    /// a page at a time (exports, index rebuilds).
    pub(crate) async fn records_after<T: Stored>(
        &self,
        after: String,
        limit: i64,
    ) -> Result<Vec<Dated<T>>, StoreError> {
        let mut c = Conditions::default();
        let (after, limit) = (c.bind(Value::Text(after)), c.bind(Value::Int(limit)));
        let a = T::ALIAS;
        c.push(format!("{a}.slug > {after}"));
        self.records(&c, &format!("ORDER BY {a}.slug LIMIT {limit}")).await
    }
}

/// How a list is ordered: the `ORDER BY` list, and the index whose leading columns it is, which
/// a list may walk in order rather than sort what it found.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Order {
    pub sql: &'static str,
    pub index: Option<&'static str>,
}

/// How many times dearer reading a matching row whole to sort it is than stepping over a row of
/// an index to test it.
const WALK_COST_RATIO: u64 = 8;

/// The query for the records of type `T` whose rows meet `c`, with `tail` after the conditions.
pub(crate) fn records_sql<T: Stored>(c: &Conditions, tail: &str) -> String {
    format!("SELECT {} FROM {} {} {} {tail}", T::COLUMNS, T::TABLE.name, T::ALIAS, c.where_clause())
}

/// The same, walking `index` (SQLite) and testing each row it meets.
pub(crate) fn walked_records_sql<T: Stored>(c: &Conditions, index: &str, tail: &str) -> String {
    let (columns, table, alias, conditions) = (T::COLUMNS, T::TABLE.name, T::ALIAS, c.row_where_clause());
    format!("SELECT {columns} FROM {table} {alias} INDEXED BY {index} {conditions} {tail}")
}

/// The order and the bounds of one page of a list.
pub(crate) fn page_tail(c: &mut Conditions, order_by: &str, page: PageRequest) -> String {
    let limit = c.bind(Value::Int(i64::from(page.per_page())));
    let offset = c.bind(Value::Int(page.offset() as i64));
    format!("ORDER BY {order_by} LIMIT {limit} OFFSET {offset}")
}

/// What a list of any kind of record may be narrowed by: its child rows and its folded search
/// text. `record` is the alias of the record's table; without a value nothing is added.
impl Conditions {
    pub(crate) fn with_theme(&mut self, record: &str, theme: Option<&ThemeId>) {
        self.with_child(record, "record_themes", "theme_id", theme.map(ThemeId::as_str));
    }

    pub(crate) fn with_tag(&mut self, record: &str, tag: Option<&Tag>) {
        self.with_child(record, "record_tags", "tag", tag.map(Tag::as_str));
    }

    fn with_child(&mut self, record: &str, table: &str, column: &str, value: Option<&str>) {
        if let Some(value) = value {
            let p = self.bind(value.into());
            self.push_member(record, table, &format!("{column} = {p}"));
        }
    }

    /// The record has a row in the child `table` (keyed by `record_id`) that meets `condition`.
    fn push_member(&mut self, record: &str, table: &str, condition: &str) {
        self.push_either(
            format!("{record}.id IN (SELECT record_id FROM {table} WHERE {condition})"),
            format!("EXISTS (SELECT 1 FROM {table} WHERE record_id = {record}.id AND {condition})"),
        );
    }

    /// Available in one of `languages`.
    pub(crate) fn with_languages(&mut self, record: &str, languages: &[LanguageCode]) {
        if !languages.is_empty() {
            let list = in_list(self, languages.iter().map(|l| Value::from(l.as_str())));
            self.push_member(record, "record_languages", &format!("language IN {list}"));
        }
    }

    /// The actor takes part in it, in any role.
    pub(crate) fn with_contributor(&mut self, record: &str, actor: Option<&Slug>) {
        if let Some(actor) = actor {
            let p = self.bind(actor.as_str().into());
            self.push_member(record, "contributions", &format!("actor_id IN (SELECT id FROM actors WHERE slug = {p})"));
        }
    }

    /// The text is found in its search text, accents and case ignored.
    pub(crate) fn with_text(&mut self, record: &str, q: Option<&str>) {
        if let Some(q) = q.map(fold).filter(|q| !q.is_empty()) {
            let p = self.bind(Value::Text(like_contains(&q)));
            self.push(format!("{record}.search_text LIKE {p} ESCAPE '\\'"));
        }
    }
}

/// Declares the readers whose signature is the same for every kind of record, under the kind's
/// own names: by ids (the search index catching up) and after a slug (reading them all a page at
/// a time).
macro_rules! by_ids_and_after {
    ($($t:ty: $by_ids:ident, $after:ident;)+) => {$(
        impl Store {
            /// The records with these ids that exist, with their last change.
            pub async fn $by_ids(&self, ids: &[Uuid]) -> Result<Vec<Dated<$t>>, StoreError> {
                self.records_where_in("id", ids.iter().map(|id| Value::Text(id.to_string()))).await
            }

            /// Up to `limit` records whose slug sorts after `after`, in slug order.
            pub async fn $after(&self, after: String, limit: i64) -> Result<Vec<Dated<$t>>, StoreError> {
                self.records_after(after, limit).await
            }
        }
    )+};
}

by_ids_and_after! {
    Actor: actors_by_ids, actors_after;
    Project: projects_by_ids, projects_after;
    Resource: resources_by_ids, resources_after;
    Event: events_by_ids, events_after;
}

/// When records were last written, for the `Last-Modified` of answers that show them: an answer
/// made of several records changes when any of them does.
impl Store {
    /// When the last written of the actors with these slugs was written; `None` if none exists.
    pub async fn actors_written(&self, slugs: &[&Slug]) -> Result<Option<Timestamp>, StoreError> {
        self.last_written::<Actor>(slugs).await
    }

    /// When the last written of the projects with these slugs was written; `None` if none exists.
    pub async fn projects_written(&self, slugs: &[&Slug]) -> Result<Option<Timestamp>, StoreError> {
        self.last_written::<Project>(slugs).await
    }

    /// When the last written of the events with these slugs was written; `None` if none exists.
    pub async fn events_written(&self, slugs: &[&Slug]) -> Result<Option<Timestamp>, StoreError> {
        self.last_written::<Event>(slugs).await
    }
}
