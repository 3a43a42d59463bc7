//! The second factor: each user's authenticator secret (pending until a first code confirms it),
//! their recovery codes, and the sign-ins that passed the password and wait for a code.
//!
//! As with the rest of the accounts, the store decides nothing: the web layer checks codes and
//! hands over the time step a code was for, or the digest of a recovery code. What must hold
//! across instances is decided here by conditioned updates: a step is taken only if it is later
//! than the last one taken, a recovery code only if unused, a pending sign-in only once.

use gfce_core::{AuditAction, Email, TotpSecret};
use sqlx::{AnyConnection, Row};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{
    accounts::{audit_on, email_key, user_from_row, USER_COLUMNS},
    rows::{now, stamp, RowReader},
    Store, StoreError, User,
};

/// A user's second factor as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecondFactor {
    pub secret: TotpSecret,
    /// When a first code confirmed it; until then it is pending and asks for nothing at sign-in.
    pub enabled_at: Option<OffsetDateTime>,
    /// The last time step whose code was accepted.
    pub last_step: Option<i64>,
    /// Recovery codes not used yet.
    pub recovery_codes_left: i64,
}

impl SecondFactor {
    pub fn enabled(&self) -> bool {
        self.enabled_at.is_some()
    }
}

/// A sign-in that passed the password and waits for the second factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingLogin {
    pub user: User,
    pub expires_at: OffsetDateTime,
}

async fn delete_second_factor(tx: &mut AnyConnection, user: &str) -> Result<u64, StoreError> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM pending_logins WHERE user_id = $1").bind(user).execute(&mut *tx).await?;
    let removed = sqlx::query("DELETE FROM second_factors WHERE user_id = $1")
        .bind(user)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    Ok(removed)
}

impl Store {
    /// The second factor of a user, enabled or pending, if they have begun to set one up.
    pub async fn second_factor(&self, user: Uuid) -> Result<Option<SecondFactor>, StoreError> {
        let row = sqlx::query(
            "SELECT f.secret, f.enabled_at, f.last_step, \
             (SELECT COUNT(*) FROM recovery_codes c WHERE c.user_id = f.user_id AND c.used_at IS NULL) AS codes_left \
             FROM second_factors f WHERE f.user_id = $1",
        )
        .bind(user.to_string())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let r = RowReader::new(&row, "second_factor", "user_id");
        Ok(Some(SecondFactor {
            secret: r.parsed("secret", TotpSecret::parse)?,
            enabled_at: r.opt_moment("enabled_at")?,
            last_step: r.row_opt_int("last_step")?,
            recovery_codes_left: r.int("codes_left")?,
        }))
    }

    /// Keeps a new pending secret for a user, in place of any pending one. Returns false, and
    /// changes nothing, when the user's second factor is enabled already.
    pub async fn start_second_factor(&self, user: Uuid, secret: &TotpSecret) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let enabled = sqlx::query("SELECT 1 AS one FROM second_factors WHERE user_id = $1 AND enabled_at IS NOT NULL")
            .bind(user.to_string())
            .fetch_optional(&mut *tx)
            .await?;
        if enabled.is_some() {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query("DELETE FROM second_factors WHERE user_id = $1").bind(user.to_string()).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO second_factors (user_id, secret, created_at) VALUES ($1, $2, $3)")
            .bind(user.to_string())
            .bind(secret.to_base32())
            .bind(now())
            .execute(&mut *tx)
            .await?;
        self.commit(tx).await?;
        Ok(true)
    }

    /// Enables a user's pending second factor with the step of the code that confirmed it and
    /// the digests of new recovery codes (replacing any older ones), ends the user's other
    /// sessions (they were opened with the password alone) and audits it, in one transaction.
    /// Returns false, changing nothing, when the secret is not the pending one any more (it was
    /// enabled or started over meanwhile).
    pub async fn enable_second_factor(
        &self,
        user: &User,
        secret: &TotpSecret,
        step: i64,
        recovery_digests: &[String],
        keep_session: &str,
    ) -> Result<bool, StoreError> {
        let id = user.id.to_string();
        let now = now();
        let mut tx = self.begin_write().await?;
        let enabled = sqlx::query(
            "UPDATE second_factors SET enabled_at = $1, last_step = $2 \
             WHERE user_id = $3 AND secret = $4 AND enabled_at IS NULL",
        )
        .bind(&now)
        .bind(step)
        .bind(&id)
        .bind(secret.to_base32())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if enabled == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(&id).execute(&mut *tx).await?;
        for digest in recovery_digests {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(&id)
                .bind(digest)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(&id)
            .bind(keep_session)
            .execute(&mut *tx)
            .await?;
        audit_on(&mut *tx, Some(user.id), AuditAction::SecondFactorEnabled, Some(user.email.as_str()), None).await?;
        self.commit(tx).await?;
        Ok(true)
    }

    /// Removes a user's second factor, its recovery codes and pending sign-ins, and audits it
    /// with `action`, in one transaction. Returns whether there was one.
    pub async fn disable_second_factor(&self, user: &User, action: AuditAction) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let removed = delete_second_factor(&mut tx, &user.id.to_string()).await?;
        if removed == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        audit_on(&mut *tx, Some(user.id), action, Some(user.email.as_str()), None).await?;
        self.commit(tx).await?;
        Ok(true)
    }

    /// For an operator: removes the second factor of the account with this address, audited as
    /// `second-factor-reset`. `None` when there is no such account, else whether it had one.
    pub async fn reset_second_factor(&self, email: &Email) -> Result<Option<bool>, StoreError> {
        let mut tx = self.begin_write().await?;
        let Some(row) = sqlx::query("SELECT id FROM users WHERE email_key = $1")
            .bind(email_key(email))
            .fetch_optional(&mut *tx)
            .await?
        else {
            tx.rollback().await?;
            return Ok(None);
        };
        let id: String = row.try_get("id")?;
        let removed = delete_second_factor(&mut tx, &id).await?;
        if removed > 0 {
            let user = Uuid::parse_str(&id).ok();
            audit_on(&mut *tx, user, AuditAction::SecondFactorReset, Some(email.as_str()), None).await?;
        }
        self.commit(tx).await?;
        Ok(Some(removed > 0))
    }

    /// Takes a time step for a user's enabled second factor: true only if the step is later than
    /// the last one taken, so a code is accepted once, whichever instance sees it.
    pub async fn take_code_step(&self, user: Uuid, step: i64) -> Result<bool, StoreError> {
        let taken = sqlx::query(
            "UPDATE second_factors SET last_step = $1 \
             WHERE user_id = $2 AND enabled_at IS NOT NULL AND (last_step IS NULL OR last_step < $1)",
        )
        .bind(step)
        .bind(user.to_string())
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(taken > 0)
    }

    /// Uses one of a user's recovery codes by its digest: true only if it was theirs and unused.
    pub async fn take_recovery_code(&self, user: Uuid, digest: &str) -> Result<bool, StoreError> {
        let taken = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(now())
        .bind(user.to_string())
        .bind(digest)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(taken > 0)
    }

    /// Records a sign-in that passed the password, until `expires_at`; expired ones of anyone
    /// are removed on the way.
    pub async fn create_pending_login(
        &self,
        token_hash: &str,
        user: Uuid,
        expires_at: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let now = now();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM pending_logins WHERE expires_at <= $1").bind(&now).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO pending_logins (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user.to_string())
            .bind(&now)
            .bind(stamp(expires_at))
            .execute(&mut *tx)
            .await?;
        self.commit(tx).await?;
        Ok(())
    }

    /// The pending sign-in with this token digest, if it has not expired and its user is not
    /// disabled. An expired one is removed.
    pub async fn pending_login(&self, token_hash: &str) -> Result<Option<PendingLogin>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, p.expires_at FROM pending_logins p JOIN users u ON u.id = p.user_id \
             LEFT JOIN actors a ON a.id = u.actor_id WHERE p.token_hash = $1 AND u.disabled = 0"
        );
        let Some(row) = sqlx::query(&sql).bind(token_hash).fetch_optional(&self.pool).await? else {
            return Ok(None);
        };
        let r = RowReader::new(&row, "pending_login", "id");
        let expires_at = r.moment("expires_at")?;
        if expires_at <= OffsetDateTime::now_utc() {
            self.delete_pending_login(token_hash).await?;
            return Ok(None);
        }
        Ok(Some(PendingLogin { user: user_from_row(&row)?, expires_at }))
    }

    /// Ends a pending sign-in.
    pub async fn delete_pending_login(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM pending_logins WHERE token_hash = $1").bind(token_hash).execute(&self.pool).await?;
        Ok(())
    }

    /// Turns a pending sign-in into a session with a new token, and audits the sign-in, in one
    /// transaction. Returns false, creating nothing, when the pending sign-in was used or removed
    /// meanwhile.
    pub async fn finish_pending_login(
        &self,
        pending_hash: &str,
        session_hash: &str,
        csrf_token: &str,
        user: &User,
        address: &str,
    ) -> Result<bool, StoreError> {
        let now = now();
        let mut tx = self.begin_write().await?;
        let taken =
            sqlx::query("DELETE FROM pending_logins WHERE token_hash = $1 AND user_id = $2 AND expires_at > $3")
                .bind(pending_hash)
                .bind(user.id.to_string())
                .bind(&now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if taken == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(session_hash)
        .bind(user.id.to_string())
        .bind(csrf_token)
        .bind(&now)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        audit_on(&mut *tx, Some(user.id), AuditAction::Login, Some(user.email.as_str()), Some(address)).await?;
        self.commit(tx).await?;
        Ok(true)
    }
}
