//! Throttles that must hold across instances, so they count in the database: failed sign-ins
//! (and wrong second-factor codes) per account and per client address, and the requests that
//! make the site send mail (registration, password reset, membership applications) per client
//! address and per recipient, so that the site cannot be used to flood a mailbox. Past a limit,
//! a request is refused with 429 and `Retry-After`.

use std::net::SocketAddr;

use axum::{extract::ConnectInfo, http::request::Parts};
use gfce_core::Email;
use time::{Duration, OffsetDateTime};

use crate::http::{AppState, WebError};

/// How long a failure counts.
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// Failed sign-ins to one account per window.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failed sign-ins from one client address per window.
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
/// Requests that send mail one client address may make per window.
pub const MAX_MAIL_REQUESTS_PER_ADDRESS: i64 = 10;
/// Requests that send mail to one recipient per window, whether or not the address has an
/// account, so that the answer tells nothing.
pub const MAX_MAIL_PER_RECIPIENT: i64 = 3;

/// The client's address.
pub(crate) fn client_address(parts: &Parts) -> String {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string())
}

/// The sign-ins to one account and from one client address.
pub struct SignInScopes {
    account: String,
    address: String,
}

impl SignInScopes {
    pub fn new(email: &Email, address: &str) -> Self {
        SignInScopes {
            account: format!("account:{}", email.as_str().to_lowercase()),
            address: format!("address:{address}"),
        }
    }

    /// `Err` with the seconds to wait when either has failed too often.
    pub async fn check(&self, state: &AppState) -> Result<(), WebError> {
        throttled(state, &[(&self.account, MAX_FAILURES_PER_ACCOUNT), (&self.address, MAX_FAILURES_PER_ADDRESS)]).await
    }

    /// Counts a failure against both.
    pub async fn fail(&self, state: &AppState) -> Result<(), WebError> {
        Ok(state.store.record_login_failure(&[&self.account, &self.address]).await?)
    }

    /// Forgets the account's failures once its holder got in.
    pub async fn succeed(&self, state: &AppState) -> Result<(), WebError> {
        Ok(state.store.clear_login_failures(&self.account, OffsetDateTime::now_utc() - THROTTLE_WINDOW).await?)
    }
}

/// Counts a request that sends mail to `recipient` from `address`, or refuses it when either has
/// made too many.
pub async fn count_mail_request(state: &AppState, address: &str, recipient: &Email) -> Result<(), WebError> {
    let from = format!("mail-request:{address}");
    let to = format!("mail-to:{}", recipient.as_str().to_lowercase());
    throttled(state, &[(&from, MAX_MAIL_REQUESTS_PER_ADDRESS), (&to, MAX_MAIL_PER_RECIPIENT)]).await?;
    Ok(state.store.record_login_failure(&[&from, &to]).await?)
}

/// `Err` with the seconds to wait when a scope has reached its limit.
async fn throttled(state: &AppState, scopes: &[(&str, i64)]) -> Result<(), WebError> {
    let now = OffsetDateTime::now_utc();
    for (scope, max) in scopes {
        let (failures, first) = state.store.login_failures_since(scope, now - THROTTLE_WINDOW).await?;
        if failures >= *max {
            let free_at = first.map_or(now, |f| f + THROTTLE_WINDOW);
            return Err(WebError::TooManyAttempts((free_at - now).whole_seconds().max(1) as u64));
        }
    }
    Ok(())
}
