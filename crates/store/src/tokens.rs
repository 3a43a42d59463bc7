//! Personal API tokens: created and revoked by their holders, looked up by the digest of the
//! secret a client sends as `Authorization: Bearer …`.
//!
//! Only the SHA-256 digest of a secret is stored (the web layer makes the secret and its digest),
//! so a leaked database hands out no tokens. A token is refused once revoked or expired, and while
//! its account is disabled; it is deleted with its account.
//!
//! A token is a credential of its own, not a copy of the password: changing or resetting the
//! password leaves it working, as it ends no other token. Its holder revokes it when it leaks.
//! The one exception is an approval that makes an unproven (registered) account a representative:
//! its tokens were made by whoever registered the address, so they are revoked with its sessions
//! (see [`revoke_all_on`]).

use gfce_core::{AuditAction, TokenName, TokenScopes};
use sqlx::{any::AnyRow, AnyConnection};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{
    accounts::{audit_on, user_from_row, User, USER_COLUMNS},
    rows::{now, stamp, RowReader},
    Store, StoreError,
};

/// A token's last use is written at most this often, not on every request.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// A personal API token as its holder sees it: everything but the secret, which is not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: Uuid,
    pub name: String,
    pub scopes: TokenScopes,
    pub created_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
    /// `None`: the token works until it is revoked.
    pub expires_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

impl ApiToken {
    /// Whether the token would be accepted at `now` (its account aside).
    pub fn is_active(&self, now: OffsetDateTime) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|end| end > now)
    }
}

const TOKEN_COLUMNS: &str = "t.id, t.name, t.scopes, t.created_at, t.last_used_at, t.expires_at, t.revoked_at";

fn token_from_row(row: &AnyRow) -> Result<ApiToken, StoreError> {
    let r = RowReader::new(row, "api_token", "id");
    Ok(ApiToken {
        id: r.parsed("id", Uuid::parse_str)?,
        name: r.text("name")?,
        scopes: r.parsed("scopes", TokenScopes::parse)?,
        created_at: r.moment("created_at")?,
        last_used_at: r.opt_moment("last_used_at")?,
        expires_at: r.opt_moment("expires_at")?,
        revoked_at: r.opt_moment("revoked_at")?,
    })
}

/// Revokes every active token of a user on the caller's transaction, and audits it (by `by`, on
/// `subject`, saying `why`) when there were any; the answer is how many were revoked.
pub(crate) async fn revoke_all_on(
    tx: &mut AnyConnection,
    by: Option<Uuid>,
    user: &str,
    subject: Option<&str>,
    why: &str,
) -> Result<u64, StoreError> {
    let revoked = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(now())
        .bind(user)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if revoked > 0 {
        let detail = format!("{revoked} revoked: {why}");
        audit_on(&mut *tx, by, AuditAction::TokensRevoked, subject, Some(&detail)).await?;
    }
    Ok(revoked)
}

impl Store {
    /// Adds a token for `user` under the digest of its secret, and audits `token-created` (the
    /// token's id, its name and scopes) in the same transaction. `expires_at` `None` makes a
    /// token that works until it is revoked.
    pub async fn create_token(
        &self,
        user: Uuid,
        name: &TokenName,
        token_hash: &str,
        scopes: TokenScopes,
        expires_at: Option<OffsetDateTime>,
    ) -> Result<ApiToken, StoreError> {
        let now = OffsetDateTime::now_utc();
        let token = ApiToken {
            id: Uuid::new_v4(),
            name: name.as_str().to_owned(),
            scopes,
            created_at: now,
            last_used_at: None,
            expires_at,
            revoked_at: None,
        };
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(token.id.to_string())
        .bind(user.to_string())
        .bind(name.as_str())
        .bind(token_hash)
        .bind(scopes.as_str())
        .bind(stamp(now))
        .bind(expires_at.map(stamp))
        .execute(&mut *tx)
        .await?;
        let detail = format!("{name} ({scopes})");
        audit_on(&mut *tx, Some(user), AuditAction::TokenCreated, Some(&token.id.to_string()), Some(&detail)).await?;
        self.commit(tx).await?;
        Ok(token)
    }

    /// The tokens of a user, revoked and expired ones too, newest first.
    pub async fn tokens_of(&self, user: Uuid) -> Result<Vec<ApiToken>, StoreError> {
        let sql =
            format!("SELECT {TOKEN_COLUMNS} FROM api_tokens t WHERE t.user_id = $1 ORDER BY t.created_at DESC, t.id");
        let rows = sqlx::query(&sql).bind(user.to_string()).fetch_all(&self.pool).await?;
        rows.iter().map(token_from_row).collect()
    }

    /// Revokes one of `user`'s own tokens and audits `token-revoked`. The answer says whether
    /// anything was revoked now: `false` for a token revoked already, another user's token or
    /// none at all, all of which are left as they are.
    pub async fn revoke_token(&self, user: Uuid, token: Uuid) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let revoked = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL RETURNING name",
        )
        .bind(now())
        .bind(token.to_string())
        .bind(user.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = revoked else {
            tx.rollback().await?;
            return Ok(false);
        };
        let name = RowReader::new(&row, "api_token", "name").text("name")?;
        audit_on(&mut *tx, Some(user), AuditAction::TokenRevoked, Some(&token.to_string()), Some(&name)).await?;
        self.commit(tx).await?;
        Ok(true)
    }

    /// Who the token with this digest speaks for, with its scopes and its id (not its secret), if
    /// the token is neither revoked nor expired and its account is not disabled. Notes the use,
    /// at most once a minute.
    pub async fn user_for_token(&self, token_hash: &str) -> Result<Option<(User, TokenScopes, Uuid)>, StoreError> {
        let now = OffsetDateTime::now_utc();
        let sql = format!(
            "SELECT {USER_COLUMNS}, t.id AS token_id, t.scopes, t.last_used_at \
             FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN actors a ON a.id = u.actor_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) \
             AND u.disabled = 0"
        );
        let Some(row) = sqlx::query(&sql).bind(token_hash).bind(stamp(now)).fetch_optional(&self.pool).await? else {
            return Ok(None);
        };
        let r = RowReader::new(&row, "api_token", "token_id");
        let token = r.parsed("token_id", Uuid::parse_str)?;
        let last_used = r.opt_moment("last_used_at")?;
        if last_used.is_none_or(|at| now - at >= TOUCH_EVERY) {
            // Conditioned again in the statement, so that requests arriving together write once.
            sqlx::query(
                "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at <= $3)",
            )
            .bind(stamp(now))
            .bind(token.to_string())
            .bind(stamp(now - TOUCH_EVERY))
            .execute(&self.pool)
            .await?;
        }
        Ok(Some((user_from_row(&row)?, r.parsed("scopes", TokenScopes::parse)?, token)))
    }
}
