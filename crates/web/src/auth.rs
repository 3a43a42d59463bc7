//! Signing in and out: password hashing, sessions in the database, CSRF tokens and login
//! throttling.
//!
//! - Passwords are hashed with argon2id (the `argon2` crate's defaults, OWASP's recommended
//!   19 MiB, 2 passes); a login for an unknown address still verifies against a fixed hash, so the
//!   answer takes as long either way and does not reveal which addresses have accounts.
//! - A session is a random 256-bit token in an `HttpOnly`, `SameSite=Lax` cookie (`Secure` when
//!   the public URL is https); the database keeps only its SHA-256 digest, so a leaked database
//!   does not hand out sessions. Sessions end after 2 hours idle or 12 hours in all.
//! - Every state-changing form carries a CSRF token: the session's own, or before signing in a
//!   random token also set in a cookie (double submit). [`CsrfForm`] checks it before a handler
//!   runs; a request without a valid one is refused with 403.
//! - Failed logins are counted per account and per client address over 15 minutes; past 5 (per
//!   account) or 20 (per address), logins are refused with 429 and `Retry-After`.

use std::net::SocketAddr;

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use axum::{
    extract::{ConnectInfo, FromRequest, FromRequestParts, Request},
    http::{header, request::Parts, HeaderMap, HeaderValue},
    Form,
};
use gfce_core::{NewPassword, Principal};
use gfce_store::Session;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::{error::WebError, AppState};

/// The session cookie.
pub const SESSION_COOKIE: &str = "gfce_session";
/// The cookie that carries the CSRF token of forms shown before signing in.
pub const CSRF_COOKIE: &str = "gfce_csrf";
/// The form field every state-changing form carries.
pub const CSRF_FIELD: &str = "csrf_token";

const IDLE_TIMEOUT: Duration = Duration::hours(2);
const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// A session's last use is written at most this often, not on every request.
const TOUCH_EVERY: Duration = Duration::minutes(1);
pub(crate) const THROTTLE_WINDOW: Duration = Duration::minutes(15);
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;

/// Hashes a new password with argon2id and a random salt, as a PHC string.
pub fn hash_password(password: &NewPassword) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .expect("argon2id with default parameters hashes any password")
        .to_string()
}

/// Whether `candidate` is the password behind `hash`. A malformed hash matches nothing.
pub fn verify_password(hash: &str, candidate: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(candidate.as_bytes(), &parsed).is_ok())
}

/// A hash no password matches, verified against when the address is unknown so that a login
/// takes as long whether or not the account exists.
pub(crate) fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(unusable_hash)
}

/// The hash of a password nobody knows, for an account created for someone else (the contact of
/// an approved application) until its holder chooses one through the link mailed to them. It is
/// a real argon2id hash, so signing in to such an account takes as long as to any other.
pub fn unusable_hash() -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(&random_token().into_bytes(), &salt).expect("hashing a token").to_string()
}

/// 256 random bits from the operating system, as 64 hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest a session token is stored under.
pub fn token_digest(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two secrets in time that does not depend on where they differ.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The value of a cookie in the request, if present.
pub(crate) fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value with the attributes every cookie of the site has.
pub(crate) fn set_cookie(state: &AppState, name: &str, value: &str, max_age: Option<Duration>) -> String {
    let secure = if state.public_url.starts_with("https://") { "; Secure" } else { "" };
    let age = max_age.map(|a| format!("; Max-Age={}", a.whole_seconds())).unwrap_or_default();
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax{secure}{age}")
}

/// The CSRF token for a form shown to a visitor: the session's when signed in, else the visitor's
/// `gfce_csrf` cookie, or a fresh token with the `Set-Cookie` value that gives it to them.
pub(crate) fn form_csrf(
    state: &AppState,
    session: Option<&Session>,
    headers: &HeaderMap,
) -> (String, Option<HeaderValue>) {
    if let Some(session) = session {
        return (session.csrf_token.clone(), None);
    }
    match cookie(headers, CSRF_COOKIE).filter(|t| t.len() == 64) {
        Some(existing) => (existing.to_owned(), None),
        None => {
            let token = random_token();
            let cookie = set_cookie(state, CSRF_COOKIE, &token, None);
            (token, Some(cookie.parse().expect("a cookie of ASCII characters")))
        }
    }
}

/// Who is asking: the signed-in session, if any. Reading it ends sessions that timed out.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub session: Option<Session>,
    /// The digest of the session token, to end or keep this session.
    pub token_hash: Option<String>,
}

impl Viewer {
    pub fn principal(&self) -> Principal {
        match &self.session {
            None => Principal::Anonymous,
            Some(s) => Principal::User { id: s.user.id, role: s.user.role, actor: s.user.actor.clone() },
        }
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(viewer) = parts.extensions.get::<Viewer>() {
            return Ok(viewer.clone());
        }
        let viewer = match cookie(&parts.headers, SESSION_COOKIE) {
            None => Viewer { session: None, token_hash: None },
            Some(token) => {
                let digest = token_digest(token);
                let now = OffsetDateTime::now_utc();
                match state.store.session(&digest).await? {
                    Some(s) if now - s.last_seen_at < IDLE_TIMEOUT && now - s.created_at < ABSOLUTE_TIMEOUT => {
                        if now - s.last_seen_at > TOUCH_EVERY {
                            state.store.touch_session(&digest).await?;
                        }
                        Viewer { session: Some(s), token_hash: Some(digest) }
                    }
                    Some(_) => {
                        state.store.delete_session(&digest).await?;
                        Viewer { session: None, token_hash: None }
                    }
                    None => Viewer { session: None, token_hash: None },
                }
            }
        };
        parts.extensions.insert(viewer.clone());
        Ok(viewer)
    }
}

/// The client's address, for throttling.
pub(crate) fn client_address(parts: &Parts) -> String {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string())
}

/// A submitted form whose CSRF token was checked: the session's token when signed in, else the
/// token of the `gfce_csrf` cookie.
pub struct CsrfForm<T> {
    pub form: T,
    pub viewer: Viewer,
    pub address: String,
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let viewer = Viewer::from_request_parts(&mut parts, state).await?;
        let address = client_address(&parts);
        let expected = match &viewer.session {
            Some(s) => Some(s.csrf_token.clone()),
            None => cookie(&parts.headers, CSRF_COOKIE).map(str::to_owned),
        };
        let req = Request::from_parts(parts, body);
        let Form(fields): Form<Vec<(String, String)>> =
            Form::from_request(req, state).await.map_err(|_| WebError::Forbidden)?;
        let given = fields.iter().find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v.as_str());
        match (expected, given) {
            (Some(e), Some(g)) if !e.is_empty() && same_secret(&e, g) => {}
            _ => return Err(WebError::Forbidden),
        }
        let form = serde_urlencoded::from_str(&serde_urlencoded::to_string(&fields).unwrap_or_default())
            .map_err(|_| WebError::InvalidParam { param: "form", reason: crate::error::Reason::Query })?;
        Ok(CsrfForm { form, viewer, address })
    }
}
