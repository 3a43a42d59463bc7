//! Throttles that must hold across instances, so they count in the database.
//!
//! - **Sign-ins** (and second-factor codes) are counted per account *from one client address*
//!   (5 in 15 minutes), per client address (20), and per account from addresses that have not
//!   signed in to it in the last 30 days (100). Someone guessing from elsewhere therefore slows
//!   their own addresses down but never locks the holder out of their account from an address
//!   they use (OWASP's authentication guidance; NIST SP 800-63B limits failed attempts on one
//!   account to 100).
//! - **Requests that send mail** (registration, password reset, membership applications) are
//!   counted per client address (10) and per recipient (3), so that the site cannot be used to
//!   flood a mailbox.
//!
//! An attempt is counted *before* it is made (`Store::count_attempt`), so that attempts racing
//! each other cannot all pass: past a limit, a request is refused with 429 and `Retry-After`,
//! and its count taken back. A sign-in that succeeds takes its counts back too.

use std::net::SocketAddr;

use axum::{extract::ConnectInfo, http::request::Parts};
use gfce_core::Email;
use time::{Duration, OffsetDateTime};

use crate::http::{AppState, WebError};

/// How long an attempt counts.
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// Failed sign-ins to one account from one client address per window.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failed sign-ins from one client address per window, whatever the accounts.
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
/// Failed sign-ins to one account per window from addresses it was not signed in from lately.
pub const MAX_FAILURES_PER_ACCOUNT_ELSEWHERE: i64 = 100;
/// How long an address from which an account signed in stays one the account is known at.
const KNOWN_ADDRESS: Duration = Duration::days(30);
/// Requests that send mail one client address may make per window.
pub const MAX_MAIL_REQUESTS_PER_ADDRESS: i64 = 10;
/// Requests that send mail to one recipient per window, whether or not the address has an
/// account, so that the answer tells nothing.
pub const MAX_MAIL_PER_RECIPIENT: i64 = 3;

/// The client's address.
pub(crate) fn client_address(parts: &Parts) -> String {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string())
}

/// A sign-in being tried: its attempt counted against each of its scopes.
pub struct SignIn {
    account_here: String,
    ids: Vec<i64>,
}

impl SignIn {
    /// Counts a sign-in to the account at `email` from `address` before the password (or code)
    /// is checked; [`WebError::TooManyAttempts`] when a limit is passed.
    pub async fn attempt(state: &AppState, email: &Email, address: &str) -> Result<SignIn, WebError> {
        let account = email.as_str().to_lowercase();
        let account_here = format!("account:{account}:{address}");
        let mut scopes = vec![
            (account_here.clone(), MAX_FAILURES_PER_ACCOUNT),
            (format!("address:{address}"), MAX_FAILURES_PER_ADDRESS),
        ];
        let since = OffsetDateTime::now_utc() - KNOWN_ADDRESS;
        if !state.store.signed_in_from(email, address, since).await? {
            scopes.push((format!("account:{account}"), MAX_FAILURES_PER_ACCOUNT_ELSEWHERE));
        }
        let ids = count(state, &scopes).await?;
        Ok(SignIn { account_here, ids })
    }

    /// The sign-in failed: its counts stay.
    pub fn failed(self) {}

    /// The password was right but a code is still asked for: this attempt is not a failure, but
    /// the failures before it stay counted until the code is right too, or the password would
    /// buy fresh guesses at the code.
    pub async fn half_done(self, state: &AppState) -> Result<(), WebError> {
        Ok(state.store.forget_attempts(&self.ids).await?)
    }

    /// The holder got in: their counts from this address are forgotten, this attempt's too.
    pub async fn succeeded(self, state: &AppState) -> Result<(), WebError> {
        state.store.forget_attempts(&self.ids).await?;
        Ok(state.store.clear_attempts(&self.account_here, OffsetDateTime::now_utc() - THROTTLE_WINDOW).await?)
    }
}

/// Counts a request that sends mail to `recipient` from `address`, or refuses it when either has
/// made too many.
pub async fn count_mail_request(state: &AppState, address: &str, recipient: &Email) -> Result<(), WebError> {
    let from = (format!("mail-request:{address}"), MAX_MAIL_REQUESTS_PER_ADDRESS);
    let to = (format!("mail-to:{}", recipient.as_str().to_lowercase()), MAX_MAIL_PER_RECIPIENT);
    count(state, &[from, to]).await.map(|_| ())
}

/// Counts an attempt against each scope; past a scope's limit, takes the counts back and refuses
/// with the seconds until the scope's earliest attempt stops counting.
async fn count(state: &AppState, scopes: &[(String, i64)]) -> Result<Vec<i64>, WebError> {
    let now = OffsetDateTime::now_utc();
    let mut ids = Vec::with_capacity(scopes.len());
    let mut wait = None;
    for (scope, max) in scopes {
        let attempt = state.store.count_attempt(scope, now - THROTTLE_WINDOW).await?;
        ids.push(attempt.id);
        if attempt.counted > *max {
            let free_at = attempt.first.map_or(now, |f| f + THROTTLE_WINDOW);
            wait = Some((free_at - now).whole_seconds().max(1) as u64);
            break;
        }
    }
    match wait {
        Some(seconds) => {
            state.store.forget_attempts(&ids).await?;
            Err(WebError::TooManyAttempts(seconds))
        }
        None => Ok(ids),
    }
}
