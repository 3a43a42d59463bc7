//! Accounts: users, sessions, failed logins and the audit log.
//!
//! The store keeps what the web layer hands it and decides nothing: password hashes (argon2id,
//! made by the caller), session token digests (SHA-256 of the cookie's token), and times. Times
//! here are written with a fixed width (microseconds, `Z`), so that they compare correctly as text
//! in both databases.

use gfce_core::{AuditAction, Email, Page, PageRequest, Slug, Timestamp, UserRole};
use sqlx::{any::AnyRow, Any, AnyConnection, Executor, Row};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    rows::{now, stamp, RowReader},
    sql::{in_list, Conditions, Value},
    Backend, Store, StoreError,
};

/// An attempt counted against a throttling scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// The attempt's row, to take it back.
    pub id: i64,
    /// The scope's attempts in the window, this one included.
    pub counted: i64,
    /// The earliest of them, from which the window's end is known.
    pub first: Option<OffsetDateTime>,
}

/// A person who can sign in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: Uuid,
    pub email: Email,
    pub role: UserRole,
    /// The actor a representative speaks for.
    pub actor: Option<Slug>,
    pub disabled: bool,
    pub created_at: Timestamp,
}

/// A signed-in session, with its user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: User,
    /// The token every state-changing form of this session must carry.
    pub csrf_token: String,
    pub created_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Its place in the log: entries are only ever appended.
    pub seq: i64,
    pub at: Timestamp,
    pub user: Option<Uuid>,
    /// The address of `user` as it is now (none for anonymous actions or a removed user).
    pub user_email: Option<String>,
    pub action: AuditAction,
    pub subject: Option<String>,
    pub detail: Option<String>,
}

pub(crate) const USER_COLUMNS: &str = "u.id, u.email, u.role, a.slug AS actor_slug, u.disabled, u.created_at";

pub(crate) fn user_from_row(row: &AnyRow) -> Result<User, StoreError> {
    let r = RowReader::new(row, "user", "id");
    Ok(User {
        id: r.parsed("id", Uuid::parse_str)?,
        email: r.parsed("email", Email::parse)?,
        role: r.parsed("role", str::parse::<UserRole>)?,
        actor: r.opt_parsed("actor_slug", Slug::parse)?,
        disabled: r.int("disabled")? != 0,
        created_at: r.timestamp("created_at")?,
    })
}

/// The key an address is looked up by: the whole address lower-cased.
pub(crate) fn email_key(email: &Email) -> String {
    email.as_str().to_lowercase()
}

/// Adds a user on the caller's transaction; see [`Store::create_user`].
pub(crate) async fn insert_user(
    tx: &mut AnyConnection,
    email: &Email,
    password_hash: &str,
    role: UserRole,
    actor: Option<&Slug>,
) -> Result<User, StoreError> {
    let taken = sqlx::query("SELECT id FROM users WHERE email_key = $1")
        .bind(email_key(email))
        .fetch_optional(&mut *tx)
        .await?;
    if taken.is_some() {
        return Err(StoreError::Taken("email"));
    }
    let actor_id: Option<String> = match actor {
        Some(slug) => Some(
            sqlx::query("SELECT id FROM actors WHERE slug = $1")
                .bind(slug.as_str())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| StoreError::UnknownActor(slug.to_string()))?
                .try_get("id")?,
        ),
        None => None,
    };
    let id = Uuid::new_v4();
    let at = Timestamp::from(OffsetDateTime::now_utc());
    sqlx::query(
        "INSERT INTO users (id, email, email_key, password_hash, role, actor_id, disabled, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8)",
    )
    .bind(id.to_string())
    .bind(email.as_str())
    .bind(email_key(email))
    .bind(password_hash)
    .bind(role.as_str())
    .bind(actor_id)
    .bind(at.to_string())
    .bind(at.to_string())
    .execute(&mut *tx)
    .await?;
    Ok(User { id, email: email.clone(), role, actor: actor.cloned(), disabled: false, created_at: at })
}

/// Appends to the audit log on the caller's connection or transaction.
pub(crate) async fn audit_on<'c, E: Executor<'c, Database = Any>>(
    executor: E,
    user: Option<Uuid>,
    action: AuditAction,
    subject: Option<&str>,
    detail: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_log (at, user_id, action, subject, detail) VALUES ($1, $2, $3, $4, $5)")
        .bind(now())
        .bind(user.map(|u| u.to_string()))
        .bind(action.as_str())
        .bind(subject)
        .bind(detail)
        .execute(executor)
        .await?;
    Ok(())
}

impl Store {
    /// Adds a user. Fails with [`StoreError::Taken`] when the address has an account already,
    /// and [`StoreError::UnknownActor`] when a representative's actor does not exist.
    pub async fn create_user(
        &self,
        email: &Email,
        password_hash: &str,
        role: UserRole,
        actor: Option<&Slug>,
    ) -> Result<User, StoreError> {
        let mut tx = self.begin_write().await?;
        let user = insert_user(&mut tx, email, password_hash, role, actor).await?;
        self.commit(tx).await?;
        Ok(user)
    }

    /// Every user, by address.
    pub async fn users(&self) -> Result<Vec<User>, StoreError> {
        let sql =
            format!("SELECT {USER_COLUMNS} FROM users u LEFT JOIN actors a ON a.id = u.actor_id ORDER BY u.email_key");
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter().map(user_from_row).collect()
    }

    /// The user with this address, with the password hash to check a login against.
    pub async fn user_for_login(&self, email: &Email) -> Result<Option<(User, String)>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, u.password_hash FROM users u LEFT JOIN actors a ON a.id = u.actor_id \
             WHERE u.email_key = $1"
        );
        let row = sqlx::query(&sql).bind(email_key(email)).fetch_optional(&self.pool).await?;
        row.map(|row| Ok((user_from_row(&row)?, row.try_get("password_hash")?))).transpose()
    }

    /// The user with this id.
    pub async fn user(&self, id: Uuid) -> Result<Option<User>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u LEFT JOIN actors a ON a.id = u.actor_id WHERE u.id = $1");
        let row = sqlx::query(&sql).bind(id.to_string()).fetch_optional(&self.pool).await?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// The user with this address.
    pub async fn user_by_email(&self, email: &Email) -> Result<Option<User>, StoreError> {
        Ok(self.user_for_login(email).await?.map(|(user, _)| user))
    }

    /// The password hash of a user, to check a password change against.
    pub async fn password_hash(&self, user: Uuid) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT password_hash FROM users WHERE id = $1")
            .bind(user.to_string())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.try_get("password_hash")).transpose()?)
    }

    /// Replaces a user's password hash and ends every other session of that user. The user's API
    /// tokens keep working: each is a credential of its own, revoked on its own.
    pub async fn set_password(&self, user: Uuid, hash: &str, keep_session: Option<&str>) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(hash)
            .bind(now())
            .bind(user.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user.to_string())
            .bind(keep_session.unwrap_or_default())
            .execute(&mut *tx)
            .await?;
        self.commit(tx).await?;
        Ok(())
    }

    /// Starts a session for a user.
    pub async fn create_session(&self, token_hash: &str, user: Uuid, csrf_token: &str) -> Result<(), StoreError> {
        let at = now();
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user.to_string())
        .bind(csrf_token)
        .bind(&at)
        .bind(&at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The session with this token digest, if it exists and its user is not disabled.
    pub async fn session(&self, token_hash: &str) -> Result<Option<Session>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, s.csrf_token, s.created_at AS session_created, s.last_seen_at \
             FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN actors a ON a.id = u.actor_id \
             WHERE s.token_hash = $1 AND u.disabled = 0"
        );
        let Some(row) = sqlx::query(&sql).bind(token_hash).fetch_optional(&self.pool).await? else {
            return Ok(None);
        };
        let r = RowReader::new(&row, "session", "id");
        Ok(Some(Session {
            user: user_from_row(&row)?,
            csrf_token: r.text("csrf_token")?,
            created_at: r.moment("session_created")?,
            last_seen_at: r.moment("last_seen_at")?,
        }))
    }

    /// Notes that a session was used now.
    pub async fn touch_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now())
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends a session.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&self.pool).await?;
        Ok(())
    }

    /// Counts an attempt against a throttling scope before it is made: the attempt is written,
    /// then the scope's attempts since `since` are counted, this one included. Attempts on one
    /// scope are counted one at a time (SQLite: the write lock; PostgreSQL: a lock on the scope
    /// held until commit), so racing attempts each see exactly those counted before them: no
    /// more pass a limit than it allows, and none is refused for attempts counted after it.
    pub async fn count_attempt(&self, scope: &str, since: OffsetDateTime) -> Result<Attempt, StoreError> {
        let mut tx = self.begin_write().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))").bind(scope).execute(&mut *tx).await?;
        }
        let row = sqlx::query("INSERT INTO login_failures (scope, at) VALUES ($1, $2) RETURNING id")
            .bind(scope)
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
        let id = RowReader::new(&row, "login_failure", "id").int("id")?;
        let row =
            sqlx::query("SELECT COUNT(*) AS n, MIN(at) AS first FROM login_failures WHERE scope = $1 AND at >= $2")
                .bind(scope)
                .bind(stamp(since))
                .fetch_one(&mut *tx)
                .await?;
        let r = RowReader::new(&row, "login_failure", "first");
        let attempt = Attempt { id, counted: r.int("n")?, first: r.opt_moment("first")? };
        self.commit(tx).await?;
        Ok(attempt)
    }

    /// Takes counted attempts back: those refused before they were made, or that succeeded.
    pub async fn forget_attempts(&self, ids: &[i64]) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut c = Conditions::default();
        let ids = in_list(&mut c, ids.iter().map(|id| Value::Int(*id)));
        sqlx::query_with(&format!("DELETE FROM login_failures WHERE id IN {ids}"), c.arguments())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets a scope's attempts (its holder got in) and every attempt before `before`, which
    /// no longer counts anywhere.
    pub async fn clear_attempts(&self, scope: &str, before: OffsetDateTime) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM login_failures WHERE scope = $1 OR at < $2")
            .bind(scope)
            .bind(stamp(before))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Whether the account with this address signed in from this client address since `since`,
    /// as the audit log records sign-ins.
    pub async fn signed_in_from(
        &self,
        email: &Email,
        address: &str,
        since: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM audit_log a JOIN users u ON u.id = a.user_id \
             WHERE a.action = $1 AND u.email_key = $2 AND a.detail = $3 AND a.at >= $4",
        )
        .bind(AuditAction::Login.as_str())
        .bind(email_key(email))
        .bind(address)
        .bind(stamp(since))
        .fetch_one(&self.pool)
        .await?;
        Ok(RowReader::new(&row, "audit_log", "n").int("n")? > 0)
    }

    /// Appends to the audit log.
    pub async fn audit(
        &self,
        user: Option<Uuid>,
        action: AuditAction,
        subject: Option<&str>,
        detail: Option<&str>,
    ) -> Result<(), StoreError> {
        audit_on(&self.pool, user, action, subject, detail).await
    }

    /// The newest `limit` audit entries (at most a page's worth), newest first.
    pub async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        let page = PageRequest::new(1, limit);
        Ok(self.audit_page(&AuditFilter::default(), page).await?.items)
    }

    /// The audit entries that match `filter`, newest first, a page at a time.
    pub async fn audit_page(&self, filter: &AuditFilter, page: PageRequest) -> Result<Page<AuditEntry>, StoreError> {
        let conditions = filter.conditions();
        let count_sql = format!("SELECT COUNT(*) AS n FROM audit_log a {}", conditions.where_clause());
        let total: i64 =
            sqlx::query_with(&count_sql, conditions.arguments()).fetch_one(&self.pool).await?.try_get("n")?;
        let mut paged = conditions;
        let limit = paged.bind(Value::Int(i64::from(page.per_page())));
        let offset = paged.bind(Value::Int(page.offset() as i64));
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_log a LEFT JOIN users u ON u.id = a.user_id {} \
             ORDER BY a.seq DESC LIMIT {limit} OFFSET {offset}",
            paged.where_clause()
        );
        let rows = sqlx::query_with(&sql, paged.arguments()).fetch_all(&self.pool).await?;
        let items = rows.iter().map(audit_from_row).collect::<Result<_, _>>()?;
        Ok(Page { items, total: total as u64, request: page })
    }

    /// Every audit entry, oldest first, for an export of the trail.
    pub async fn audit_trail(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let sql =
            format!("SELECT {AUDIT_COLUMNS} FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ORDER BY a.seq");
        sqlx::query(&sql).fetch_all(&self.pool).await?.iter().map(audit_from_row).collect()
    }

    /// The kinds of action the log holds, for choosing among them.
    pub async fn audit_actions(&self) -> Result<Vec<AuditAction>, StoreError> {
        let rows = sqlx::query("SELECT DISTINCT action FROM audit_log ORDER BY action").fetch_all(&self.pool).await?;
        rows.iter().map(|row| RowReader::new(row, "audit_log", "action").parsed("action", str::parse)).collect()
    }
}

const AUDIT_COLUMNS: &str = "a.seq, a.at, a.user_id, u.email AS user_email, a.action, a.subject, a.detail";

fn audit_from_row(row: &AnyRow) -> Result<AuditEntry, StoreError> {
    let r = RowReader::new(row, "audit_log", "seq");
    Ok(AuditEntry {
        seq: r.int("seq")?,
        at: r.timestamp("at")?,
        user: r.opt_parsed("user_id", Uuid::parse_str)?,
        user_email: r.opt_text("user_email")?,
        action: r.parsed("action", str::parse)?,
        subject: r.opt_text("subject")?,
        detail: r.opt_text("detail")?,
    })
}

/// Which audit entries to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub action: Option<AuditAction>,
    /// Entries by the user with this address.
    pub user: Option<Email>,
    /// Entries on or after this day, and on or before that one (UTC).
    pub from: Option<time::Date>,
    pub until: Option<time::Date>,
}

impl AuditFilter {
    fn conditions(&self) -> Conditions {
        let mut c = Conditions::default();
        if let Some(action) = self.action {
            let p = c.bind(Value::Text(action.as_str().to_owned()));
            c.push(format!("a.action = {p}"));
        }
        if let Some(user) = &self.user {
            let p = c.bind(Value::Text(email_key(user)));
            c.push(format!("a.user_id IN (SELECT id FROM users WHERE email_key = {p})"));
        }
        // Stamps are RFC 3339 UTC text, which sorts as time does.
        if let Some(from) = self.from {
            let p = c.bind(Value::Text(from.to_string()));
            c.push(format!("a.at >= {p}"));
        }
        if let Some(until) = self.until.and_then(|d| d.next_day()) {
            let p = c.bind(Value::Text(until.to_string()));
            c.push(format!("a.at < {p}"));
        }
        c
    }
}
