//! Curation: revisions of projects, tools, publications and events, and the steps that take them
//! to the public tables.
//!
//! The workflow's rules are `gfce_core::curation`'s; this module makes each step atomic. A step
//! moves a revision only from a state the step applies to (`UPDATE … WHERE state IN …`), so two
//! curators deciding at once cannot both succeed; publishing writes the record through the same
//! upsert as an import, with its change-log entry, in the transaction that marks the revision
//! published. Every step appends to the revision's history and to the audit log, with the record
//! before and after for the steps that change it.

use std::collections::HashMap;

use gfce_core::{
    curation::{Content, ReturnComment, RevisionState, Step},
    exchange::Stamped,
    AuditAction, ContentType, LocalizedText, Page, PageRequest, ParseError, Slug, Timestamp,
};
use serde_json::{json, Value};
use sqlx::{any::AnyRow, AnyConnection, Row};
use uuid::Uuid;

use crate::{
    accounts::audit_on,
    change_log::{self, Op},
    children, events, projects, resources,
    rows::{now, RowReader},
    sql::{in_list, Conditions, Value as Bound},
    write::Table,
    Store, StoreError,
};

/// One revision of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub id: Uuid,
    pub record_id: Uuid,
    pub kind: ContentType,
    /// 1, 2, 3… for each record.
    pub number: i64,
    pub state: RevisionState,
    pub content: Content,
    /// The published record it was started from (as the JSON dataset writes it), if any.
    pub base: Option<Value>,
    /// The actor it is submitted for.
    pub owner: Option<Slug>,
    pub author: Option<Uuid>,
    /// The author's address as it is now.
    pub author_email: Option<String>,
    /// The curator's comment when it was last returned.
    pub comment: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub submitted_at: Option<Timestamp>,
}

impl Revision {
    pub fn title(&self) -> &LocalizedText {
        self.content.title()
    }
}

/// One change of a revision's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionEvent {
    pub from: Option<RevisionState>,
    pub to: RevisionState,
    pub user_email: Option<String>,
    pub at: Timestamp,
    pub comment: Option<String>,
}

/// Which revisions to list. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct RevisionFilter {
    pub states: Vec<RevisionState>,
    pub owner: Option<Slug>,
    pub author: Option<Uuid>,
    pub record: Option<Uuid>,
    /// Oldest submission first (a review queue) instead of the latest change first.
    pub queue_order: bool,
}

/// Why a step was not taken. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotFound,
    /// The revision is in a state the step does not apply to (decided meanwhile, perhaps).
    WrongState(RevisionState),
    /// Another record of the kind has the value of this field (a slug, which may also be on its
    /// way in a revision of another record, or an IATI identifier).
    Taken(&'static str),
    /// The record has a revision on its way already.
    InProgress(Uuid),
    /// The record names something the database does not hold: the field and why.
    Unknown(String, ParseError),
}

/// The answer of a step: the revision as it is now, or why nothing happened.
pub type Outcome<T> = Result<T, Refusal>;

const REVISION_COLUMNS: &str = "r.id, r.record_id, r.kind, r.number, r.state, r.document, r.base, r.owner_actor, \
     r.author_id, u.email AS author_email, r.comment, r.created_at, r.updated_at, r.submitted_at";

/// The public table a kind of content is kept in, and the kinds that share it.
fn family(kind: ContentType) -> (&'static Table, &'static [&'static str]) {
    match kind {
        ContentType::Project => (&projects::PROJECTS, &["project"]),
        ContentType::Tool | ContentType::Publication => (&resources::RESOURCES, &["tool", "publication"]),
        _ => (&events::EVENTS, &["event"]),
    }
}

fn revision_from_row(row: &AnyRow) -> Result<Revision, StoreError> {
    let r = RowReader::new(row, "revision", "id");
    let kind = r.parsed("kind", |k| ContentType::ALL.into_iter().find(|t| t.as_str() == k).ok_or("unknown kind"))?;
    let record_id = r.parsed("record_id", Uuid::parse_str)?;
    let document: Value = r.parsed("document", |s| serde_json::from_str(s))?;
    let content = Content::from_json(kind, document, record_id)
        .map_err(|(field, reason)| r.corrupt(format!("{field}: {reason}")))?;
    Ok(Revision {
        id: r.parsed("id", Uuid::parse_str)?,
        record_id,
        kind,
        number: r.int("number")?,
        state: r.parsed("state", str::parse::<RevisionState>)?,
        content,
        base: r.opt_parsed("base", |s| serde_json::from_str::<Value>(s))?,
        owner: r.opt_parsed("owner_actor", Slug::parse)?,
        author: r.opt_parsed("author_id", Uuid::parse_str)?,
        author_email: r.opt_text("author_email")?,
        comment: r.opt_text("comment")?,
        created_at: r.timestamp("created_at")?,
        updated_at: r.timestamp("updated_at")?,
        submitted_at: r.opt_timestamp("submitted_at")?,
    })
}

async fn load(conn: &mut AnyConnection, id: Uuid) -> Result<Option<Revision>, StoreError> {
    let sql =
        format!("SELECT {REVISION_COLUMNS} FROM revisions r LEFT JOIN users u ON u.id = r.author_id WHERE r.id = $1");
    let row = sqlx::query(&sql).bind(id.to_string()).fetch_optional(&mut *conn).await?;
    row.as_ref().map(revision_from_row).transpose()
}

/// The ids of the actors `content` names, or the first one the database does not hold; and for
/// an event, whether its series exists.
async fn references(conn: &mut AnyConnection, content: &Content) -> Result<Outcome<HashMap<Slug, String>>, StoreError> {
    let named = content.actors();
    let mut ids = HashMap::new();
    if !named.is_empty() {
        let mut c = Conditions::default();
        let list = in_list(&mut c, named.iter().map(|(_, slug)| Bound::Text(slug.to_string())));
        let sql = format!("SELECT id, slug FROM actors WHERE slug IN {list}");
        for row in sqlx::query_with(&sql, c.arguments()).fetch_all(&mut *conn).await? {
            let r = RowReader::new(&row, "actor", "id");
            ids.insert(r.parsed("slug", Slug::parse)?, r.id.clone());
        }
    }
    if let Some((field, _)) = named.iter().find(|(_, slug)| !ids.contains_key(*slug)) {
        return Ok(Err(Refusal::Unknown(field.clone(), ParseError::UnknownActor)));
    }
    if let Content::Event(event) = content {
        let series = sqlx::query("SELECT id FROM event_series WHERE id = $1")
            .bind(event.series.as_str())
            .fetch_optional(&mut *conn)
            .await?;
        if series.is_none() {
            return Ok(Err(Refusal::Unknown("series".into(), ParseError::NotAllowed)));
        }
    }
    Ok(Ok(ids))
}

/// The field whose value another record holds already, if any: the slug, taken by another record
/// of the family in the public table or on its way in a revision; or a project's IATI identifier,
/// which identifies one activity.
async fn taken(conn: &mut AnyConnection, content: &Content) -> Result<Option<&'static str>, StoreError> {
    let (table, kinds) = family(content.kind());
    let (slug, id) = (content.slug().to_string(), content.id().to_string());
    let public = sqlx::query(&format!("SELECT id FROM {} WHERE slug = $1 AND id <> $2", table.name))
        .bind(&slug)
        .bind(&id)
        .fetch_optional(&mut *conn)
        .await?;
    if public.is_some() {
        return Ok(Some("slug"));
    }
    if let Some(identifier) = match content {
        Content::Project(project) => project.iati_identifier.as_ref(),
        _ => None,
    } {
        let holder = sqlx::query("SELECT id FROM projects WHERE iati_identifier = $1 AND id <> $2")
            .bind(identifier)
            .bind(&id)
            .fetch_optional(&mut *conn)
            .await?;
        if holder.is_some() {
            return Ok(Some("iati_identifier"));
        }
    }
    let mut c = Conditions::default();
    let slug_at = c.bind(Bound::Text(slug));
    let id_at = c.bind(Bound::Text(id));
    let kinds = in_list(&mut c, kinds.iter().map(|k| Bound::from(*k)));
    let states =
        in_list(&mut c, RevisionState::ALL.into_iter().filter(|s| s.in_progress()).map(|s| Bound::from(s.as_str())));
    let sql = format!(
        "SELECT id FROM revisions WHERE slug = {slug_at} AND record_id <> {id_at} AND kind IN {kinds} AND state IN {states}"
    );
    Ok(sqlx::query_with(&sql, c.arguments()).fetch_optional(&mut *conn).await?.map(|_| "slug"))
}

async fn record_history(
    conn: &mut AnyConnection,
    revision: Uuid,
    from: Option<RevisionState>,
    to: RevisionState,
    by: Uuid,
    at: &str,
    comment: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO revision_history (revision_id, from_state, to_state, user_id, at, comment) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(revision.to_string())
    .bind(from.map(RevisionState::as_str))
    .bind(to.as_str())
    .bind(by.to_string())
    .bind(at)
    .bind(comment)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What the audit log says a record was before and is after a step.
fn before_after(
    kind: ContentType,
    slug: &Slug,
    revision: Option<Uuid>,
    before: Option<&Value>,
    after: Option<&Value>,
) -> String {
    json!({ "kind": kind.as_str(), "slug": slug.as_str(), "revision": revision, "before": before, "after": after })
        .to_string()
}

/// Writes a published record into its public table.
async fn write_public(
    conn: &mut AnyConnection,
    content: &Content,
    actor_ids: &HashMap<Slug, String>,
) -> Result<(), StoreError> {
    match content {
        Content::Project(p) => projects::upsert(conn, &[Stamped::new((**p).clone())], actor_ids).await,
        Content::Resource(r) => resources::upsert(conn, &[Stamped::new(r.clone())], actor_ids).await,
        Content::Event(e) => events::upsert(conn, &[Stamped::new(e.clone())], actor_ids).await,
    }
}

impl Store {
    /// The published record with this id, as the JSON dataset writes it.
    pub async fn published_document(&self, kind: ContentType, id: Uuid) -> Result<Option<Value>, StoreError> {
        let value = match kind {
            ContentType::Project => self.projects_by_ids(&[id]).await?.pop().map(|d| serde_json::to_value(d.record)),
            ContentType::Tool | ContentType::Publication => {
                self.resources_by_ids(&[id]).await?.pop().map(|d| serde_json::to_value(d.record))
            }
            _ => self.events_by_ids(&[id]).await?.pop().map(|d| serde_json::to_value(d.record)),
        };
        Ok(value.map(|v| v.expect("a record always serializes")))
    }

    /// The published record of this kind with this slug.
    pub async fn published(&self, kind: ContentType, slug: &Slug) -> Result<Option<Content>, StoreError> {
        Ok(match kind {
            ContentType::Project => self.project(slug).await?.map(|d| Content::Project(Box::new(d.record))),
            ContentType::Tool | ContentType::Publication => self
                .resource(slug)
                .await?
                .filter(|d| ContentType::from(d.record.resource_type) == kind)
                .map(|d| Content::Resource(d.record)),
            ContentType::Event => self.event(slug).await?.map(Content::Event),
            ContentType::Member | ContentType::Actor => None,
        })
    }

    /// The actor the record's latest revision was submitted for: who owns it in the workflow.
    pub async fn record_owner(&self, record: Uuid) -> Result<Option<Slug>, StoreError> {
        let row = sqlx::query("SELECT owner_actor FROM revisions WHERE record_id = $1 ORDER BY number DESC LIMIT 1")
            .bind(record.to_string())
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => RowReader::new(&row, "revision", "owner_actor").opt_parsed("owner_actor", Slug::parse),
            None => Ok(None),
        }
    }

    /// Starts a revision of `content`'s record as a draft by `author` for `owner`: the first of a
    /// new record, or the next of a published one (which stays public meanwhile).
    pub async fn start_revision(
        &self,
        content: &Content,
        owner: Option<&Slug>,
        author: Uuid,
    ) -> Result<Outcome<Revision>, StoreError> {
        let base = self.published_document(content.kind(), content.id()).await?;
        let at = now();
        let mut tx = self.begin_write().await?;
        let record = content.id().to_string();
        let open = sqlx::query(
            "SELECT id FROM revisions WHERE record_id = $1 AND state IN ('draft', 'submitted', 'returned')",
        )
        .bind(&record)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = open {
            let id = RowReader::new(&row, "revision", "id").parsed("id", Uuid::parse_str)?;
            return Ok(Err(Refusal::InProgress(id)));
        }
        if let Err(refusal) = references(&mut tx, content).await? {
            return Ok(Err(refusal));
        }
        if let Some(field) = taken(&mut tx, content).await? {
            return Ok(Err(Refusal::Taken(field)));
        }
        let number: i64 = sqlx::query("SELECT COALESCE(MAX(number), 0) + 1 AS n FROM revisions WHERE record_id = $1")
            .bind(&record)
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
        let id = Uuid::new_v4();
        let document = content.to_json();
        sqlx::query(
            "INSERT INTO revisions (id, record_id, kind, number, state, slug, title_en, title_vi, document, base, \
             owner_actor, author_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(id.to_string())
        .bind(&record)
        .bind(content.kind().as_str())
        .bind(number)
        .bind(RevisionState::Draft.as_str())
        .bind(content.slug().as_str())
        .bind(content.title().en())
        .bind(content.title().vi())
        .bind(document.to_string())
        .bind(base.as_ref().map(Value::to_string))
        .bind(owner.map(Slug::as_str))
        .bind(author.to_string())
        .bind(&at)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        record_history(&mut tx, id, None, RevisionState::Draft, author, &at, None).await?;
        let detail = before_after(content.kind(), content.slug(), Some(id), base.as_ref(), Some(&document));
        audit_on(&mut *tx, Some(author), AuditAction::RevisionStarted, Some(&record), Some(&detail)).await?;
        let revision = load(&mut tx, id).await?.expect("the revision just written");
        self.commit(tx).await?;
        Ok(Ok(revision))
    }

    /// Replaces the content of a draft or returned revision (which becomes a draft again).
    pub async fn revise(&self, id: Uuid, content: &Content, by: Uuid) -> Result<Outcome<Revision>, StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let Some(current) = load(&mut tx, id).await? else { return Ok(Err(Refusal::NotFound)) };
        if current.state.after(Step::Edit).is_none() {
            return Ok(Err(Refusal::WrongState(current.state)));
        }
        if let Err(refusal) = references(&mut tx, content).await? {
            return Ok(Err(refusal));
        }
        if let Some(field) = taken(&mut tx, content).await? {
            return Ok(Err(Refusal::Taken(field)));
        }
        let document = content.to_json();
        let changed = sqlx::query(
            "UPDATE revisions SET state = $1, slug = $2, title_en = $3, title_vi = $4, document = $5, updated_at = $6 \
             WHERE id = $7 AND state IN ('draft', 'returned')",
        )
        .bind(RevisionState::Draft.as_str())
        .bind(content.slug().as_str())
        .bind(content.title().en())
        .bind(content.title().vi())
        .bind(document.to_string())
        .bind(&at)
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() == 0 {
            return Ok(Err(Refusal::WrongState(current.state)));
        }
        if current.state != RevisionState::Draft {
            record_history(&mut tx, id, Some(current.state), RevisionState::Draft, by, &at, None).await?;
        }
        let before = current.content.to_json();
        let detail = before_after(content.kind(), content.slug(), Some(id), Some(&before), Some(&document));
        audit_on(&mut *tx, Some(by), AuditAction::RevisionEdited, Some(&current.record_id.to_string()), Some(&detail))
            .await?;
        let revision = load(&mut tx, id).await?.expect("the revision just written");
        self.commit(tx).await?;
        Ok(Ok(revision))
    }

    /// Submits, publishes, returns (with `comment`) or discards a revision. Publishing writes its
    /// record into the public table, where the search index, feeds and exports find it, and marks
    /// the revision published before it replaced.
    pub async fn advance(
        &self,
        id: Uuid,
        step: Step,
        by: Uuid,
        comment: Option<&ReturnComment>,
    ) -> Result<Outcome<Revision>, StoreError> {
        // The public record a publication replaces, for the audit entry, is read before the write
        // lock is taken: reading through the pool while holding it would wait for connections
        // that may all be waiting for the lock.
        let before = match step {
            Step::Publish => match load(&mut *self.pool.acquire().await?, id).await? {
                Some(r) => self.published_document(r.kind, r.record_id).await?,
                None => None,
            },
            _ => None,
        };
        let at = now();
        let mut tx = self.begin_write().await?;
        let Some(current) = load(&mut tx, id).await? else { return Ok(Err(Refusal::NotFound)) };
        let Some(next) = current.state.after(step).filter(|_| step != Step::Edit && step != Step::Withdraw) else {
            return Ok(Err(Refusal::WrongState(current.state)));
        };
        let mut c = Conditions::default();
        let next_at = c.bind(Bound::from(next.as_str()));
        let at_at = c.bind(Bound::Text(at.clone()));
        let comment_at = c.bind(Bound::from(comment.map(ReturnComment::as_str)));
        let id_at = c.bind(Bound::Text(id.to_string()));
        let from = in_list(&mut c, RevisionState::before(step).into_iter().map(|s| Bound::from(s.as_str())));
        let submitted = if step == Step::Submit { format!(", submitted_at = {at_at}") } else { String::new() };
        let kept_comment = if step == Step::Return { format!(", comment = {comment_at}") } else { String::new() };
        let sql = format!(
            "UPDATE revisions SET state = {next_at}, updated_at = {at_at}{submitted}{kept_comment} WHERE id = {id_at} AND state IN {from}"
        );
        if sqlx::query_with(&sql, c.arguments()).execute(&mut *tx).await?.rows_affected() == 0 {
            return Ok(Err(Refusal::WrongState(current.state)));
        }
        let record = current.record_id.to_string();
        let kind = current.kind;
        let slug = current.content.slug().clone();
        let detail = if step == Step::Publish {
            let actor_ids = match references(&mut tx, &current.content).await? {
                Ok(ids) => ids,
                Err(refusal) => return Ok(Err(refusal)),
            };
            if let Some(field) = taken(&mut tx, &current.content).await? {
                return Ok(Err(Refusal::Taken(field)));
            }
            sqlx::query(
                "UPDATE revisions SET state = $1, updated_at = $2 WHERE record_id = $3 AND state = $4 AND id <> $5",
            )
            .bind(RevisionState::Replaced.as_str())
            .bind(&at)
            .bind(&record)
            .bind(RevisionState::Published.as_str())
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
            write_public(&mut tx, &current.content, &actor_ids).await?;
            before_after(kind, &slug, Some(id), before.as_ref(), Some(&current.content.to_json()))
        } else {
            json!({ "kind": kind.as_str(), "slug": slug.as_str(), "revision": id, "from": current.state, "to": next,
                    "comment": comment.map(ReturnComment::as_str) })
            .to_string()
        };
        record_history(&mut tx, id, Some(current.state), next, by, &at, comment.map(ReturnComment::as_str)).await?;
        let action = AuditAction::of_step(step).expect("the steps taken here are audited under their own names");
        audit_on(&mut *tx, Some(by), action, Some(&record), Some(&detail)).await?;
        let revision = load(&mut tx, id).await?.expect("the revision just written");
        self.commit(tx).await?;
        Ok(Ok(revision))
    }

    /// Takes a published record down: it leaves the public table (and so the pages, API, search,
    /// feeds and exports), its published revision is marked withdrawn and one on its way is
    /// discarded; the revisions stay, with their history.
    pub async fn withdraw(&self, kind: ContentType, slug: &Slug, by: Uuid) -> Result<Outcome<Uuid>, StoreError> {
        let Some(content) = self.published(kind, slug).await? else { return Ok(Err(Refusal::NotFound)) };
        let before = content.to_json();
        let (table, _) = family(kind);
        let record = content.id().to_string();
        let at = now();
        let mut tx = self.begin_write().await?;
        children::delete(&mut tx, std::slice::from_ref(&record)).await?;
        let gone =
            sqlx::query(&format!("DELETE FROM {} WHERE id = $1", table.name)).bind(&record).execute(&mut *tx).await?;
        if gone.rows_affected() == 0 {
            return Ok(Err(Refusal::NotFound));
        }
        change_log::append(&mut tx, table.entity, &record, Op::Delete).await?;
        let rows = sqlx::query("SELECT id, state FROM revisions WHERE record_id = $1 AND state IN ('published', 'draft', 'submitted', 'returned')")
            .bind(&record)
            .fetch_all(&mut *tx)
            .await?;
        for row in &rows {
            let r = RowReader::new(row, "revision", "id");
            let (revision, state) = (r.parsed("id", Uuid::parse_str)?, r.parsed("state", str::parse::<RevisionState>)?);
            let next =
                if state == RevisionState::Published { RevisionState::Withdrawn } else { RevisionState::Discarded };
            sqlx::query("UPDATE revisions SET state = $1, updated_at = $2 WHERE id = $3")
                .bind(next.as_str())
                .bind(&at)
                .bind(revision.to_string())
                .execute(&mut *tx)
                .await?;
            record_history(&mut tx, revision, Some(state), next, by, &at, None).await?;
        }
        let detail = before_after(kind, slug, None, Some(&before), None);
        audit_on(&mut *tx, Some(by), AuditAction::RecordWithdrawn, Some(&record), Some(&detail)).await?;
        self.commit(tx).await?;
        Ok(Ok(content.id()))
    }

    /// A revision with its history, oldest change first.
    pub async fn revision(&self, id: Uuid) -> Result<Option<(Revision, Vec<RevisionEvent>)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let Some(revision) = load(&mut conn, id).await? else { return Ok(None) };
        let rows = sqlx::query(
            "SELECT h.seq, h.from_state, h.to_state, u.email, h.at, h.comment FROM revision_history h \
             LEFT JOIN users u ON u.id = h.user_id WHERE h.revision_id = $1 ORDER BY h.seq",
        )
        .bind(id.to_string())
        .fetch_all(&mut *conn)
        .await?;
        let history = rows
            .iter()
            .map(|row| {
                let r = RowReader::new(row, "revision_history", "seq");
                Ok(RevisionEvent {
                    from: r.opt_parsed("from_state", str::parse::<RevisionState>)?,
                    to: r.parsed("to_state", str::parse::<RevisionState>)?,
                    user_email: r.opt_text("email")?,
                    at: r.timestamp("at")?,
                    comment: r.opt_text("comment")?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some((revision, history)))
    }

    /// The revisions that match `filter`, a page at a time.
    pub async fn revisions(&self, filter: &RevisionFilter, page: PageRequest) -> Result<Page<Revision>, StoreError> {
        let mut c = Conditions::default();
        if !filter.states.is_empty() {
            let states = in_list(&mut c, filter.states.iter().map(|s| Bound::from(s.as_str())));
            c.push(format!("r.state IN {states}"));
        }
        if let Some(owner) = &filter.owner {
            let at = c.bind(Bound::Text(owner.to_string()));
            c.push(format!("r.owner_actor = {at}"));
        }
        if let Some(author) = filter.author {
            let at = c.bind(Bound::Text(author.to_string()));
            c.push(format!("r.author_id = {at}"));
        }
        if let Some(record) = filter.record {
            let at = c.bind(Bound::Text(record.to_string()));
            c.push(format!("r.record_id = {at}"));
        }
        let count_sql = format!("SELECT COUNT(*) AS n FROM revisions r {}", c.where_clause());
        let total: i64 = sqlx::query_with(&count_sql, c.arguments()).fetch_one(&self.pool).await?.try_get("n")?;
        let limit = c.bind(Bound::Int(i64::from(page.per_page())));
        let offset = c.bind(Bound::Int(page.offset() as i64));
        let order = if filter.queue_order { "r.submitted_at, r.id" } else { "r.updated_at DESC, r.number DESC, r.id" };
        let sql = format!(
            "SELECT {REVISION_COLUMNS} FROM revisions r LEFT JOIN users u ON u.id = r.author_id {} ORDER BY {order} \
             LIMIT {limit} OFFSET {offset}",
            c.where_clause()
        );
        let rows = sqlx::query_with(&sql, c.arguments()).fetch_all(&self.pool).await?;
        let items = rows.iter().map(revision_from_row).collect::<Result<_, _>>()?;
        Ok(Page { items, total: total as u64, request: page })
    }
}
