//! The mail outbox, and what writes to it: registrations, password resets (and, in
//! `applications`, membership applications and their decisions).
//!
//! A message is written in the transaction of what causes it, so an account is never created
//! without its message, nor a message queued for a change that was rolled back; a sender then
//! takes messages from the outbox (see [`Store::claim_mail`]). The store decides no policy: the
//! caller gives the texts, the lease, the expiry times and the number of attempts.

use gfce_core::{AuditAction, Email, Lang, Timestamp, UserRole};
use sqlx::{any::AnyRow, AnyConnection, Row};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    accounts::{audit_on, email_key, insert_user, user_from_row, USER_COLUMNS},
    rows::{now, stamp, RowReader},
    Store, StoreError, User,
};

/// A message to queue, in the recipient's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: Email,
    pub lang: Lang,
    pub subject: String,
    pub body: String,
}

/// A message in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: i64,
    pub to: Email,
    pub lang: Lang,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    /// How many times a sender has taken the message, counting the current one.
    pub attempts: i64,
    pub last_error: Option<String>,
    pub next_attempt_at: Timestamp,
}

/// What a registration did; the visitor is told the same either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registration {
    Created(User),
    /// The address has an account already; its holder was sent a notice instead.
    AlreadyRegistered,
}

/// What a password-reset token is worth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResetToken {
    /// It may be used, by this user.
    Valid(User),
    Expired,
    Used,
    /// Never issued, or its user is gone or disabled.
    Unknown,
}

const MAIL_COLUMNS: &str =
    "id, recipient, lang, subject, body, created_at, sent_at, attempts, last_error, next_attempt_at";

fn mail_from_row(row: &AnyRow) -> Result<QueuedMail, StoreError> {
    let r = RowReader::new(row, "mail", "recipient");
    Ok(QueuedMail {
        id: r.int("id")?,
        to: r.parsed("recipient", Email::parse)?,
        lang: r.parsed("lang", str::parse::<Lang>)?,
        subject: r.text("subject")?,
        body: r.text("body")?,
        created_at: r.timestamp("created_at")?,
        sent_at: r.opt_timestamp("sent_at")?,
        attempts: r.int("attempts")?,
        last_error: r.opt_text("last_error")?,
        next_attempt_at: r.timestamp("next_attempt_at")?,
    })
}

/// Queues a message on the caller's transaction, to be sent at once.
pub(crate) async fn enqueue(tx: &mut AnyConnection, mail: &OutgoingMail) -> Result<(), StoreError> {
    let at = now();
    sqlx::query(
        "INSERT INTO mail (recipient, lang, subject, body, created_at, attempts, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, 0, $6)",
    )
    .bind(mail.to.as_str())
    .bind(mail.lang.code())
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(&at)
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Issues a one-time password link to a user on the caller's transaction: only the token's
/// digest is stored.
pub(crate) async fn insert_reset(
    tx: &mut AnyConnection,
    user_id: &str,
    token_hash: &str,
    expires_at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(user_id)
        .bind(now())
        .bind(stamp(expires_at))
        .execute(&mut *tx)
        .await?;
    Ok(())
}

impl Store {
    /// Registers an account with the role of a registered user and queues `welcome` to it; if the
    /// address has an account already, queues `notice` to its holder instead and changes nothing
    /// else. Both cases are audited with the client's `address`.
    pub async fn register_user(
        &self,
        email: &Email,
        password_hash: &str,
        welcome: &OutgoingMail,
        notice: &OutgoingMail,
        address: &str,
    ) -> Result<Registration, StoreError> {
        let mut tx = self.begin_write().await?;
        let outcome = match insert_user(&mut tx, email, password_hash, UserRole::Registered, None).await {
            Ok(user) => {
                enqueue(&mut tx, welcome).await?;
                audit_on(&mut *tx, Some(user.id), AuditAction::Registered, Some(email.as_str()), Some(address)).await?;
                Registration::Created(user)
            }
            Err(StoreError::Taken(_)) => {
                enqueue(&mut tx, notice).await?;
                audit_on(
                    &mut *tx,
                    None,
                    AuditAction::RegistrationForExistingAccount,
                    Some(email.as_str()),
                    Some(address),
                )
                .await?;
                Registration::AlreadyRegistered
            }
            Err(e) => return Err(e),
        };
        self.commit(tx).await?;
        Ok(outcome)
    }

    /// Issues a password-reset token (stored as `token_hash`) to the enabled account with this
    /// address, if there is one, and queues `mail` with it. Returns whether there was one; when
    /// not, nothing is written.
    pub async fn start_password_reset(
        &self,
        email: &Email,
        token_hash: &str,
        expires_at: OffsetDateTime,
        mail: &OutgoingMail,
        address: &str,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let user = sqlx::query("SELECT id FROM users WHERE email_key = $1 AND disabled = 0")
            .bind(email_key(email))
            .fetch_optional(&mut *tx)
            .await?;
        let Some(user) = user else {
            return Ok(false);
        };
        let user_id: String = user.try_get("id")?;
        insert_reset(&mut tx, &user_id, token_hash, expires_at).await?;
        enqueue(&mut tx, mail).await?;
        let user = Uuid::parse_str(&user_id).ok();
        audit_on(&mut *tx, user, AuditAction::PasswordResetRequested, Some(email.as_str()), Some(address)).await?;
        self.commit(tx).await?;
        Ok(true)
    }

    /// What the password-reset token with this digest is worth now.
    pub async fn password_reset(&self, token_hash: &str) -> Result<ResetToken, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, r.expires_at, r.used_at FROM password_resets r \
             JOIN users u ON u.id = r.user_id LEFT JOIN actors a ON a.id = u.actor_id \
             WHERE r.token_hash = $1 AND u.disabled = 0"
        );
        let Some(row) = sqlx::query(&sql).bind(token_hash).fetch_optional(&self.pool).await? else {
            return Ok(ResetToken::Unknown);
        };
        let r = RowReader::new(&row, "password_reset", "id");
        if r.opt_text("used_at")?.is_some() {
            Ok(ResetToken::Used)
        } else if r.moment("expires_at")? <= OffsetDateTime::now_utc() {
            Ok(ResetToken::Expired)
        } else {
            Ok(ResetToken::Valid(user_from_row(&row)?))
        }
    }

    /// Uses a password-reset token: sets the new password hash, ends every session of the user
    /// and makes every other outstanding reset token of the user unusable, in one transaction.
    /// The user's API tokens keep working: each is a credential of its own, revoked on its own. The
    /// token is taken atomically, so of two requests with one token only one succeeds; the
    /// answer is what the token was worth, [`ResetToken::Valid`] when it was used now.
    pub async fn finish_password_reset(&self, token_hash: &str, password_hash: &str) -> Result<ResetToken, StoreError> {
        let now = now();
        let mut tx = self.begin_write().await?;
        let taken = sqlx::query(
            "UPDATE password_resets SET used_at = $1 \
             WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
             AND user_id IN (SELECT id FROM users WHERE disabled = 0) RETURNING user_id",
        )
        .bind(&now)
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(taken) = taken else {
            tx.rollback().await?;
            return self.password_reset(token_hash).await;
        };
        let user_id: String = taken.try_get("user_id")?;
        sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(&now)
            .bind(&user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(&user_id).execute(&mut *tx).await?;
        sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
            .bind(&now)
            .bind(&user_id)
            .execute(&mut *tx)
            .await?;
        let sql = format!("SELECT {USER_COLUMNS} FROM users u LEFT JOIN actors a ON a.id = u.actor_id WHERE u.id = $1");
        let user = user_from_row(&sqlx::query(&sql).bind(&user_id).fetch_one(&mut *tx).await?)?;
        audit_on(&mut *tx, Some(user.id), AuditAction::PasswordReset, Some(user.email.as_str()), None).await?;
        self.commit(tx).await?;
        Ok(ResetToken::Valid(user))
    }

    /// The latest messages of the outbox, newest first.
    pub async fn outbox(&self, limit: i64) -> Result<Vec<QueuedMail>, StoreError> {
        let sql = format!("SELECT {MAIL_COLUMNS} FROM mail ORDER BY id DESC LIMIT $1");
        let rows = sqlx::query(&sql).bind(limit).fetch_all(&self.pool).await?;
        rows.iter().map(mail_from_row).collect()
    }

    /// Takes the oldest message that is due, unsent, not held by another sender and tried fewer
    /// than `max_attempts` times, holding it for `lease` and counting the attempt.
    ///
    /// The claim is one statement that re-checks in its outer condition what the inner one chose
    /// by, so when instances share a PostgreSQL database and two pick the same message, the second
    /// finds it held once the first commits and takes nothing; SQLite runs writes one at a time.
    pub async fn claim_mail(&self, lease: time::Duration, max_attempts: i64) -> Result<Option<QueuedMail>, StoreError> {
        let now = OffsetDateTime::now_utc();
        let sql = format!(
            "UPDATE mail SET claimed_until = $1, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM mail WHERE sent_at IS NULL AND attempts < $3 AND next_attempt_at <= $2 \
                         AND (claimed_until IS NULL OR claimed_until <= $2) ORDER BY id LIMIT 1) \
             AND sent_at IS NULL AND attempts < $3 AND (claimed_until IS NULL OR claimed_until <= $2) \
             RETURNING {MAIL_COLUMNS}"
        );
        let row = sqlx::query(&sql)
            .bind(stamp(now + lease))
            .bind(stamp(now))
            .bind(max_attempts)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(mail_from_row).transpose()
    }

    /// Notes that a claimed message was delivered.
    pub async fn mail_sent(&self, id: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE mail SET sent_at = $1, claimed_until = NULL, last_error = NULL WHERE id = $2")
            .bind(now())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Notes that delivering a claimed message failed, and when to try again.
    pub async fn mail_failed(&self, id: i64, error: &str, retry_at: OffsetDateTime) -> Result<(), StoreError> {
        sqlx::query("UPDATE mail SET claimed_until = NULL, last_error = $1, next_attempt_at = $2 WHERE id = $3")
            .bind(error)
            .bind(stamp(retry_at))
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
