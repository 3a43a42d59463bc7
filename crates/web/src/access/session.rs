//! Sessions: a random 256-bit token in an `HttpOnly`, `SameSite=Lax` cookie (`Secure` when the
//! public URL is https), of which the database keeps only the SHA-256 digest. Sessions live in
//! the database, so every instance shares them, and end after 2 hours idle or 12 hours in all.

use axum::{
    extract::FromRequestParts,
    http::{header, request::Parts, HeaderMap, HeaderValue},
};
use gfce_store::Session;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::{
    secrets::{random_token, token_digest},
    Viewer,
};
use crate::http::{AppState, WebError};

/// The session cookie.
pub const SESSION_COOKIE: &str = "gfce_session";

const IDLE_TIMEOUT: Duration = Duration::hours(2);
const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// A session's last use is written at most this often, not on every request.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// The value of a cookie in the request, if present.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value with the attributes every cookie of the site has; `max_age` of zero
/// removes the cookie.
pub fn set_cookie(state: &AppState, name: &str, value: &str, max_age: Option<Duration>) -> HeaderValue {
    let secure = if state.is_https() { "; Secure" } else { "" };
    let age = max_age.map(|a| format!("; Max-Age={}", a.whole_seconds())).unwrap_or_default();
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax{secure}{age}")
        .parse()
        .expect("a cookie of ASCII characters")
}

/// A new session for `user`, with the cookie that carries it. A sign-in always starts a new
/// session: whatever session the browser held before (another account's, or one an attacker
/// planted) ends here, and the new token is one it never saw.
pub async fn start(state: &AppState, user: Uuid, previous: Option<&str>) -> Result<HeaderValue, WebError> {
    if let Some(previous) = previous {
        state.store.delete_session(previous).await?;
    }
    let token = random_token();
    state.store.create_session(&token_digest(&token), user, &random_token()).await?;
    Ok(set_cookie(state, SESSION_COOKIE, &token, None))
}

/// The cookie that removes the session cookie.
pub fn end(state: &AppState) -> HeaderValue {
    set_cookie(state, SESSION_COOKIE, "", Some(Duration::ZERO))
}

/// The session a request carries, if it is one the store knows and has not timed out; one that
/// has is ended.
async fn read(parts: &Parts, state: &AppState) -> Result<Option<(Session, String)>, WebError> {
    let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let digest = token_digest(token);
    let now = OffsetDateTime::now_utc();
    match state.store.session(&digest).await? {
        Some(s) if now - s.last_seen_at < IDLE_TIMEOUT && now - s.created_at < ABSOLUTE_TIMEOUT => {
            if now - s.last_seen_at > TOUCH_EVERY {
                state.store.touch_session(&digest).await?;
            }
            Ok(Some((s, digest)))
        }
        Some(_) => {
            state.store.delete_session(&digest).await?;
            Ok(None)
        }
        None => Ok(None),
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = WebError;

    /// Read once per request: later extractors find it in the request's extensions.
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(viewer) = parts.extensions.get::<Viewer>() {
            return Ok(viewer.clone());
        }
        let viewer = match read(parts, state).await? {
            Some((session, digest)) => Viewer { session: Some(session), token_hash: Some(digest) },
            None => Viewer::default(),
        };
        parts.extensions.insert(viewer.clone());
        Ok(viewer)
    }
}
