//! Membership applications: submission, the secretariat's queue, and the decisions.
//!
//! Each state change is one transaction that also writes its history row, its audit entry and
//! its mail, so none of them exists without the others. A decision takes the application with a
//! conditional update (`… WHERE state = 'submitted'`), so of two administrators deciding at once
//! only one succeeds and the other is told it was decided already. An approval also creates the
//! actor through the one write path (so the change log carries it to the search index) and makes
//! the contact its representative.

use gfce_core::{
    exchange::Stamped, Actor, ActorKind, ApplicationState, AuditAction, CountryCode, Email, Endorsement, Joined, Lang,
    LocalizedText, MembershipApplication, RejectionReason, Slug, ThemeId, Timestamp, UserRole, WebUrl,
};
use sqlx::{any::AnyRow, AnyConnection};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::{
    accounts::{audit_on, email_key, insert_user},
    actors,
    mail::{enqueue, insert_reset},
    rows::{now, RowReader},
    tokens, OutgoingMail, Store, StoreError,
};

/// An application as stored, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredApplication {
    pub id: Uuid,
    pub state: ApplicationState,
    pub application: MembershipApplication,
    /// The language it was written in, which the mails about it are written in.
    pub lang: Lang,
    /// The actor its approval created.
    pub actor: Option<Slug>,
    pub submitted_at: Timestamp,
    pub updated_at: Timestamp,
}

/// One change of an application's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// `None` for the submission.
    pub from: Option<ApplicationState>,
    pub to: ApplicationState,
    /// Who made the change; `None` for a submission without an account.
    pub by: Option<Uuid>,
    pub at: Timestamp,
    pub reason: Option<String>,
}

/// The mails an approval may send: the decision always, and the account link (a one-time token,
/// stored as `token_hash`, that sets a password) to a contact whose address is not yet proven.
#[derive(Debug, Clone)]
pub struct ApprovalMail {
    pub decision: OutgoingMail,
    pub account: OutgoingMail,
    pub token_hash: String,
    pub token_expires_at: OffsetDateTime,
}

/// What a decision did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Approved: the actor created, and whether the contact was sent the link to choose a password.
    Approved {
        actor: Slug,
        link_sent: bool,
    },
    Rejected,
    /// The application was decided already (or meanwhile): nothing changed.
    NotSubmitted(ApplicationState),
    NotFound,
}

const APPLICATION_COLUMNS: &str = "p.id, p.state, p.kind, p.name_en, p.name_vi, p.country, p.website, \
     p.contact_name, p.contact_email, p.motivation, p.official_name, p.official_title, p.lang, \
     a.slug AS actor_slug, p.submitted_at, p.updated_at";

fn application_from_row(row: &AnyRow, themes: Vec<ThemeId>) -> Result<StoredApplication, StoreError> {
    let r = RowReader::new(row, "application", "id");
    let application = MembershipApplication {
        kind: r.parsed("kind", str::parse::<ActorKind>)?,
        name: r.localized("name")?,
        country: r.opt_parsed("country", CountryCode::parse)?,
        website: r.opt_parsed("website", WebUrl::parse)?,
        contact_name: r.text("contact_name")?,
        contact_email: r.parsed("contact_email", Email::parse)?,
        motivation: r.text("motivation")?,
        themes,
        endorsed_by: Endorsement { name: r.text("official_name")?, title: r.text("official_title")? },
    };
    Ok(StoredApplication {
        id: r.parsed("id", Uuid::parse_str)?,
        state: r.parsed("state", str::parse::<ApplicationState>)?,
        application,
        lang: r.parsed("lang", str::parse::<Lang>)?,
        actor: r.opt_parsed("actor_slug", Slug::parse)?,
        submitted_at: r.timestamp("submitted_at")?,
        updated_at: r.timestamp("updated_at")?,
    })
}

/// An application with its themes, on the caller's connection or transaction.
async fn load(conn: &mut AnyConnection, id: Uuid) -> Result<Option<StoredApplication>, StoreError> {
    let sql = format!(
        "SELECT {APPLICATION_COLUMNS} FROM applications p LEFT JOIN actors a ON a.id = p.actor_id WHERE p.id = $1"
    );
    let Some(row) = sqlx::query(&sql).bind(id.to_string()).fetch_optional(&mut *conn).await? else {
        return Ok(None);
    };
    let themes = sqlx::query("SELECT theme_id FROM application_themes WHERE application_id = $1 ORDER BY position")
        .bind(id.to_string())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| RowReader::new(row, "application", "theme_id").parsed("theme_id", ThemeId::parse))
        .collect::<Result<Vec<_>, _>>()?;
    application_from_row(&row, themes).map(Some)
}

async fn record_history(
    tx: &mut AnyConnection,
    id: Uuid,
    from: Option<ApplicationState>,
    to: ApplicationState,
    by: Option<Uuid>,
    at: &str,
    reason: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO application_history (application_id, from_state, to_state, user_id, at, reason) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_string())
    .bind(from.map(ApplicationState::as_str))
    .bind(to.as_str())
    .bind(by.map(|u| u.to_string()))
    .bind(at)
    .bind(reason)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Takes a submitted application for a decision on the caller's transaction, or tells where it
/// stands when it is not submitted. The update holds the row until the transaction ends, so a
/// second decision waits and then finds it decided.
async fn take_submitted(tx: &mut AnyConnection, id: Uuid, at: &str) -> Result<Option<Decision>, StoreError> {
    let taken = sqlx::query("UPDATE applications SET updated_at = $1 WHERE id = $2 AND state = $3 RETURNING id")
        .bind(at)
        .bind(id.to_string())
        .bind(ApplicationState::Submitted.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    if taken.is_some() {
        return Ok(None);
    }
    let row = sqlx::query("SELECT id, state FROM applications WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await?;
    Ok(Some(match row {
        Some(row) => {
            let r = RowReader::new(&row, "application", "id");
            Decision::NotSubmitted(r.parsed("state", str::parse::<ApplicationState>)?)
        }
        None => Decision::NotFound,
    }))
}

/// A slug for the new actor made from its name, with `-2`, `-3`… added while it is taken.
async fn free_slug(tx: &mut AnyConnection, name: &LocalizedText) -> Result<Slug, StoreError> {
    // A name of letters that fold to nothing ASCII (Chinese, Arabic) still needs a slug.
    let base = Slug::from_name(name.get(Lang::En))
        .or_else(|_| Slug::from_name(name.get(Lang::Vi)))
        .unwrap_or_else(|_| Slug::parse("member").expect("a well-formed slug"));
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            base.clone()
        } else {
            let suffix = format!("-{n}");
            let stem: String = base.as_str().chars().take(Slug::MAX_LEN - suffix.len()).collect();
            Slug::parse(&format!("{}{suffix}", stem.trim_end_matches('-')))
                .expect("a slug's characters with a number appended form a slug")
        };
        let taken = sqlx::query("SELECT id FROM actors WHERE slug = $1")
            .bind(candidate.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_none() {
            return Ok(candidate);
        }
        n += 1;
    }
}

impl Store {
    /// Stores a submitted application with its first history row, queues the acknowledgement to
    /// its contact and audits it, in one transaction. `by` is the signed-in submitter, if any.
    pub async fn submit_application(
        &self,
        application: &MembershipApplication,
        lang: Lang,
        by: Option<Uuid>,
        acknowledgement: &OutgoingMail,
        address: &str,
    ) -> Result<Uuid, StoreError> {
        let id = Uuid::new_v4();
        let at = now();
        let a = application;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO applications (id, state, kind, name_en, name_vi, country, website, contact_name, \
             contact_email, motivation, official_name, official_title, lang, submitted_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(id.to_string())
        .bind(ApplicationState::Submitted.as_str())
        .bind(a.kind.as_str())
        .bind(a.name.en())
        .bind(a.name.vi())
        .bind(a.country.map(|c| c.as_str().to_owned()))
        .bind(a.website.as_ref().map(|w| w.as_str().to_owned()))
        .bind(&a.contact_name)
        .bind(a.contact_email.as_str())
        .bind(&a.motivation)
        .bind(&a.endorsed_by.name)
        .bind(&a.endorsed_by.title)
        .bind(lang.code())
        .bind(&at)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        for (position, theme) in a.themes.iter().enumerate() {
            sqlx::query("INSERT INTO application_themes (application_id, theme_id, position) VALUES ($1, $2, $3)")
                .bind(id.to_string())
                .bind(theme.as_str())
                .bind(position as i64)
                .execute(&mut *tx)
                .await?;
        }
        record_history(&mut tx, id, None, ApplicationState::Submitted, by, &at, None).await?;
        enqueue(&mut tx, acknowledgement).await?;
        let subject = id.to_string();
        audit_on(&mut *tx, by, AuditAction::ApplicationSubmitted, Some(&subject), Some(address)).await?;
        self.commit(tx).await?;
        Ok(id)
    }

    /// The applications in `state` (all of them for `None`), oldest first: the queue.
    pub async fn applications(&self, state: Option<ApplicationState>) -> Result<Vec<StoredApplication>, StoreError> {
        let sql = format!(
            "SELECT {APPLICATION_COLUMNS} FROM applications p LEFT JOIN actors a ON a.id = p.actor_id \
             WHERE $1 = '' OR p.state = $1 ORDER BY p.submitted_at, p.id"
        );
        let rows = sqlx::query(&sql).bind(state.map_or("", ApplicationState::as_str)).fetch_all(&self.pool).await?;
        // The queue shows no themes; they are read for one application at a time.
        rows.iter().map(|row| application_from_row(row, Vec::new())).collect()
    }

    /// One application with its themes and its history, oldest change first.
    pub async fn application(&self, id: Uuid) -> Result<Option<(StoredApplication, Vec<HistoryEntry>)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let Some(application) = load(&mut conn, id).await? else {
            return Ok(None);
        };
        let history = sqlx::query(
            "SELECT application_id, from_state, to_state, user_id, at, reason FROM application_history \
             WHERE application_id = $1 ORDER BY seq",
        )
        .bind(id.to_string())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| {
            let r = RowReader::new(row, "application", "application_id");
            Ok(HistoryEntry {
                from: r.opt_parsed("from_state", str::parse::<ApplicationState>)?,
                to: r.parsed("to_state", str::parse::<ApplicationState>)?,
                by: r.opt_parsed("user_id", Uuid::parse_str)?,
                at: r.timestamp("at")?,
                reason: r.opt_text("reason")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some((application, history)))
    }

    /// Approves a submitted application, in one transaction: creates the actor (joined on
    /// `joined_on`, not founding, its membership following from its kind) through the write path
    /// that logs the change; makes the contact its representative; records the history, queues
    /// the decision and audits it. An application not submitted is left as it is.
    ///
    /// The contact becomes the representative by its address, so the address must be proven
    /// before the role can be used. Without an account, one is created with `unusable_hash` (a
    /// hash of a secret nobody holds) and sent the one-time link of `mail`. A registered account
    /// was never proven (registration does not confirm addresses): it takes the role, but its
    /// password is replaced with `unusable_hash`, its sessions end and its API tokens are revoked
    /// (whoever registered the address made them), and the link goes to the address, so only the
    /// holder of the mailbox can use it. A representative (who proved the address, or was created
    /// by an administrator) takes the new actor as it is; an
    /// administrator's or curator's account keeps its own role, since an approval must never take
    /// rights away, and that is audited.
    pub async fn approve_application(
        &self,
        id: Uuid,
        by: Uuid,
        joined_on: Date,
        unusable_hash: &str,
        mail: &ApprovalMail,
    ) -> Result<Decision, StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        if let Some(outcome) = take_submitted(&mut tx, id, &at).await? {
            tx.rollback().await?;
            return Ok(outcome);
        }
        let Some(stored) = load(&mut tx, id).await? else {
            return Ok(Decision::NotFound);
        };
        let a = stored.application;
        let slug = free_slug(&mut tx, &a.name).await?;
        let actor = Actor {
            id: Uuid::new_v4(),
            slug: slug.clone(),
            kind: a.kind,
            name: a.name.clone(),
            short_name: None,
            country: a.country,
            joined: Some(Joined { joined_on, founding: false }),
            website: a.website.clone(),
            listed_as: None,
            iati_ref: None,
            themes: a.themes.clone(),
        };
        actors::upsert(&mut tx, &[Stamped::new(actor.clone())]).await?;
        sqlx::query("UPDATE applications SET state = $1, actor_id = $2 WHERE id = $3")
            .bind(ApplicationState::Approved.as_str())
            .bind(actor.id.to_string())
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;

        let existing = sqlx::query("SELECT id, role FROM users WHERE email_key = $1")
            .bind(email_key(&a.contact_email))
            .fetch_optional(&mut *tx)
            .await?;
        let subject = id.to_string();
        let contact = Some(a.contact_email.as_str());
        let representative = format!("representative of {slug}");
        let unproven = match existing {
            Some(row) => {
                let r = RowReader::new(&row, "user", "id");
                let user = r.id.clone();
                match r.parsed("role", str::parse::<UserRole>)? {
                    role @ (UserRole::Registered | UserRole::Representative) => {
                        sqlx::query("UPDATE users SET role = $1, actor_id = $2, updated_at = $3 WHERE id = $4")
                            .bind(UserRole::Representative.as_str())
                            .bind(actor.id.to_string())
                            .bind(&at)
                            .bind(&user)
                            .execute(&mut *tx)
                            .await?;
                        audit_on(&mut *tx, Some(by), AuditAction::RoleChanged, contact, Some(&representative)).await?;
                        if role == UserRole::Registered {
                            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                                .bind(unusable_hash)
                                .bind(&user)
                                .execute(&mut *tx)
                                .await?;
                            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                                .bind(&user)
                                .execute(&mut *tx)
                                .await?;
                            tokens::revoke_all_on(&mut tx, Some(by), &user, contact, "the address was not proven")
                                .await?;
                            Some(user)
                        } else {
                            None
                        }
                    }
                    role @ (UserRole::Admin | UserRole::Curator) => {
                        let detail = format!("kept role {} instead of {representative}", role.as_str());
                        audit_on(&mut *tx, Some(by), AuditAction::RoleKept, contact, Some(&detail)).await?;
                        None
                    }
                }
            }
            None => {
                let user = insert_user(&mut tx, &a.contact_email, unusable_hash, UserRole::Representative, Some(&slug))
                    .await?;
                audit_on(&mut *tx, Some(by), AuditAction::AccountCreated, contact, Some(&representative)).await?;
                Some(user.id.to_string())
            }
        };
        if let Some(user) = &unproven {
            insert_reset(&mut tx, user, &mail.token_hash, mail.token_expires_at).await?;
            enqueue(&mut tx, &mail.account).await?;
        }
        record_history(&mut tx, id, Some(ApplicationState::Submitted), ApplicationState::Approved, Some(by), &at, None)
            .await?;
        enqueue(&mut tx, &mail.decision).await?;
        audit_on(&mut *tx, Some(by), AuditAction::ApplicationApproved, Some(&subject), Some(slug.as_str())).await?;
        self.commit(tx).await?;
        Ok(Decision::Approved { actor: slug, link_sent: unproven.is_some() })
    }

    /// Rejects a submitted application with its reason, records the history, queues `mail` and
    /// audits it, in one transaction. An application not submitted is left as it is.
    pub async fn reject_application(
        &self,
        id: Uuid,
        by: Uuid,
        reason: &RejectionReason,
        mail: &OutgoingMail,
    ) -> Result<Decision, StoreError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        if let Some(outcome) = take_submitted(&mut tx, id, &at).await? {
            tx.rollback().await?;
            return Ok(outcome);
        }
        sqlx::query("UPDATE applications SET state = $1 WHERE id = $2")
            .bind(ApplicationState::Rejected.as_str())
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        record_history(
            &mut tx,
            id,
            Some(ApplicationState::Submitted),
            ApplicationState::Rejected,
            Some(by),
            &at,
            Some(reason.as_str()),
        )
        .await?;
        enqueue(&mut tx, mail).await?;
        let subject = id.to_string();
        audit_on(&mut *tx, Some(by), AuditAction::ApplicationRejected, Some(&subject), Some(reason.as_str())).await?;
        self.commit(tx).await?;
        Ok(Decision::Rejected)
    }
}
