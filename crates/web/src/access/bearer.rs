//! Personal API tokens on the JSON API: `Authorization: Bearer gfce_…` (RFC 6750).
//!
//! - A token's secret is `gfce_` and 64 hex digits (256 random bits); the store keeps only its
//!   SHA-256 digest, as for sessions, and its holder sees the secret once, when it is made.
//! - Under `/api/`, [`authenticate`] reads the `Authorization` header of every request before its
//!   handler runs, so a bad credential is refused alike on every route, reads included: no header
//!   is an anonymous caller; a header that is not `Bearer <token>`, or a token that is unknown,
//!   revoked or expired, or whose account is disabled, is a 401 with
//!   `WWW-Authenticate: Bearer error="invalid_token"`.
//! - Handlers take an [`ApiCaller`] (the one the middleware found, not looked up again) and ask
//!   it what the request needs: [`ApiCaller::for_write`] for a change, which is a 401 without a
//!   token and a 403 (`error="insufficient_scope", scope="write"`) for a read-only one; then
//!   `gfce_core::allowed` with its principal, as for pages.
//! - Cookies are never read here: a session does not authenticate the API, so a page on another
//!   site cannot make a browser write through it, and the API needs no CSRF tokens.

use axum::{
    extract::{FromRequestParts, Request, State},
    http::{header, request::Parts, HeaderMap},
    middleware::Next,
    response::{IntoResponse, Response},
};
use gfce_core::{Principal, TokenScope, TokenScopes};
use uuid::Uuid;

use super::secrets::{is_token, random_token, token_digest};
use crate::http::{AppState, WebError};

/// What every token's secret starts with, so that it can be told from other secrets (by a
/// person, or by a scanner looking for leaked credentials).
pub const TOKEN_PREFIX: &str = "gfce_";

/// A new token: the secret to show its holder once, and the digest the store keeps instead.
pub struct IssuedToken {
    pub secret: String,
    pub digest: String,
}

impl IssuedToken {
    pub fn generate() -> Self {
        let secret = format!("{TOKEN_PREFIX}{}", random_token());
        let digest = token_digest(&secret);
        IssuedToken { secret, digest }
    }
}

/// Who calls the API: anonymous (no `Authorization` header), or the account of a valid token,
/// with the token's scopes.
///
/// Take it as an extractor in any `/api/` handler. It never fails for a request that reached the
/// handler (the middleware refused bad credentials already); what the request needs is asked of
/// it: [`ApiCaller::for_write`] before a change, [`ApiCaller::token_holder`] where only a token's
/// holder may read, and `gfce_core::allowed(principal, action)` for the permission itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiCaller {
    pub principal: Principal,
    /// The token's account; `None` for an anonymous caller.
    pub user: Option<Uuid>,
    /// The token's scopes; `None` for an anonymous caller.
    pub scopes: Option<TokenScopes>,
}

impl ApiCaller {
    pub const ANONYMOUS: ApiCaller = ApiCaller { principal: Principal::Anonymous, user: None, scopes: None };

    /// For a write: 401 when no token was given, 403 when the token lacks the write scope.
    /// The principal it answers is then checked with `gfce_core::allowed` for the change itself.
    pub fn for_write(&self) -> Result<&Principal, WebError> {
        match self.scopes {
            None => Err(WebError::Unauthenticated),
            Some(scopes) if !scopes.allows(TokenScope::Write) => Err(WebError::InsufficientScope(TokenScope::Write)),
            Some(_) => Ok(&self.principal),
        }
    }

    /// The token's account and scopes, for what only a token's holder may read (its own
    /// account); 401 when no token was given.
    pub fn token_holder(&self) -> Result<(Uuid, TokenScopes), WebError> {
        self.user.zip(self.scopes).ok_or(WebError::Unauthenticated)
    }
}

/// The secret of an `Authorization` header: `Ok(None)` without one, the token of a
/// `Bearer <token>` header, and [`WebError::InvalidToken`] for anything else (another scheme, no
/// token, several headers, a token that cannot be one of ours).
fn presented_token(headers: &HeaderMap) -> Result<Option<&str>, WebError> {
    let mut values = headers.get_all(header::AUTHORIZATION).iter();
    let Some(value) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(WebError::InvalidToken);
    }
    let value = value.to_str().map_err(|_| WebError::InvalidToken)?;
    // The scheme is case-insensitive (RFC 9110, section 11.1); the token is taken as sent.
    let (scheme, token) = value.split_once(' ').ok_or(WebError::InvalidToken)?;
    let token = token.trim_start_matches(' ');
    if !scheme.eq_ignore_ascii_case("bearer") || !is_well_formed(token) {
        return Err(WebError::InvalidToken);
    }
    Ok(Some(token))
}

/// Whether a token has the shape of our secrets, so that others need no database lookup.
fn is_well_formed(token: &str) -> bool {
    token.strip_prefix(TOKEN_PREFIX).is_some_and(is_token)
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(caller) = parts.extensions.get::<ApiCaller>() {
            return Ok(caller.clone());
        }
        let caller = match presented_token(&parts.headers)? {
            None => ApiCaller::ANONYMOUS,
            Some(token) => {
                let (user, scopes, _) =
                    state.store.user_for_token(&token_digest(token)).await?.ok_or(WebError::InvalidToken)?;
                ApiCaller {
                    principal: Principal::User { id: user.id, role: user.role, actor: user.actor },
                    user: Some(user.id),
                    scopes: Some(scopes),
                }
            }
        };
        parts.extensions.insert(caller.clone());
        Ok(caller)
    }
}

/// Checks the credentials of every request under `/api/` before its handler runs (and leaves
/// the [`ApiCaller`] for it); other paths are the pages', which go by their session cookie.
pub async fn authenticate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    match ApiCaller::from_request_parts(&mut parts, &state).await {
        Ok(_) => next.run(Request::from_parts(parts, body)).await,
        Err(refused) => refused.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use axum::{
        body::Body,
        http::{HeaderValue, StatusCode},
        middleware,
        routing::post,
        Router,
    };
    use gfce_core::{Email, TokenName, UserRole};
    use gfce_store::Store;
    use tower::ServiceExt;

    use super::*;
    use crate::http::error::{render_errors, ErrorPage};

    /// The API answers with problem documents; no page is drawn here.
    fn no_page(_: &AppState, _: &WebError, _: gfce_core::Lang) -> Response {
        axum::http::StatusCode::NOT_IMPLEMENTED.into_response()
    }

    fn headers(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(header::AUTHORIZATION, HeaderValue::from_str(v).unwrap());
        }
        headers
    }

    fn secret() -> String {
        format!("gfce_{}", "0123456789abcdef".repeat(4))
    }

    #[test]
    fn only_bearer_tokens_of_our_shape_are_taken() {
        let secret = secret();
        assert_eq!(presented_token(&headers(&[])).unwrap(), None);
        for good in [format!("Bearer {secret}"), format!("bearer {secret}"), format!("BEARER   {secret}")] {
            assert_eq!(presented_token(&headers(&[&good])).unwrap(), Some(secret.as_str()), "{good}");
        }
        let upper = secret.to_uppercase().replacen("GFCE_", "gfce_", 1);
        for bad in [
            String::new(),
            "Bearer".to_owned(),
            "Bearer ".to_owned(),
            format!("Basic {secret}"),
            format!("Bearer{secret}"),
            format!("Token {secret}"),
            format!("Bearer {}", &secret[5..]),
            format!("Bearer {}", &secret[..secret.len() - 1]),
            format!("Bearer {secret}0"),
            format!("Bearer {upper}"),
            format!("Bearer {secret} extra"),
            format!("Bearer gfce_{}", "g".repeat(64)),
        ] {
            assert!(matches!(presented_token(&headers(&[&bad])), Err(WebError::InvalidToken)), "{bad:?}");
        }
        let twice = format!("Bearer {secret}");
        assert!(matches!(presented_token(&headers(&[&twice, &twice])), Err(WebError::InvalidToken)));
    }

    #[test]
    fn issued_tokens_are_random_and_stored_as_their_digest() {
        let (a, b) = (IssuedToken::generate(), IssuedToken::generate());
        assert_ne!(a.secret, b.secret);
        assert!(is_well_formed(&a.secret), "{}", a.secret);
        assert_eq!(a.secret.len(), TOKEN_PREFIX.len() + 64);
        assert_eq!(a.digest, token_digest(&a.secret));
        assert_eq!(a.digest.len(), 64);
        assert!(!a.digest.contains(&a.secret[TOKEN_PREFIX.len()..]));
    }

    fn caller(scopes: Option<TokenScopes>) -> ApiCaller {
        let id = Uuid::from_u128(7);
        match scopes {
            None => ApiCaller::ANONYMOUS,
            Some(scopes) => ApiCaller {
                principal: Principal::User { id, role: UserRole::Registered, actor: None },
                user: Some(id),
                scopes: Some(scopes),
            },
        }
    }

    #[test]
    fn writes_need_a_token_with_the_write_scope() {
        assert!(matches!(caller(None).for_write(), Err(WebError::Unauthenticated)));
        let read = caller(Some(TokenScopes::READ)).for_write().unwrap_err();
        assert!(matches!(read, WebError::InsufficientScope(TokenScope::Write)));
        assert_eq!(read.status(), StatusCode::FORBIDDEN);
        let writer = caller(Some(TokenScopes::READ_WRITE));
        assert_eq!(writer.for_write().unwrap(), &writer.principal);
        assert_eq!(WebError::Unauthenticated.status(), StatusCode::UNAUTHORIZED);
        assert!(matches!(caller(None).token_holder(), Err(WebError::Unauthenticated)));
        assert_eq!(writer.token_holder().unwrap(), (Uuid::from_u128(7), TokenScopes::READ_WRITE));
    }

    /// A write route as the write API will have them, behind the same middleware as the real
    /// router: the answers a client gets, headers and problem documents included.
    #[tokio::test]
    async fn write_routes_answer_each_kind_of_caller() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("gfce.db").display());
        let store = Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        let email = Email::parse("analyst@cert.example.org").unwrap();
        let user = store
            .create_user(&email, &crate::access::secrets::unusable_hash(), UserRole::Registered, None)
            .await
            .unwrap();
        let name = TokenName::parse("probe").unwrap();
        let (reader, writer) = (IssuedToken::generate(), IssuedToken::generate());
        store.create_token(user.id, &name, &reader.digest, TokenScopes::READ, None).await.unwrap();
        store.create_token(user.id, &name, &writer.digest, TokenScopes::READ_WRITE, None).await.unwrap();

        let index = Arc::new(gfce_search::SearchIndex::in_memory().unwrap());
        let state = AppState::new(store, index, "http://127.0.0.1");
        let app = Router::new()
            .route(
                "/api/v1/probe",
                post(|caller: ApiCaller| async move { caller.for_write().map(|_| "written".to_owned()) }),
            )
            .layer(middleware::from_fn_with_state(state.clone(), authenticate))
            .layer(middleware::from_fn_with_state((state.clone(), no_page as ErrorPage), render_errors))
            .with_state(state);
        let send = |authorization: Option<String>| {
            let app = app.clone();
            async move {
                let mut request = Request::post("/api/v1/probe").header(header::ACCEPT_LANGUAGE, "vi");
                if let Some(a) = authorization {
                    request = request.header(header::AUTHORIZATION, a);
                }
                let response = app.oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
                let status = response.status();
                let challenge =
                    response.headers().get(header::WWW_AUTHENTICATE).map(|v| v.to_str().unwrap().to_owned());
                let body = axum::body::to_bytes(response.into_body(), 1 << 16).await.unwrap();
                (status, challenge, String::from_utf8(body.to_vec()).unwrap())
            }
        };

        let (status, challenge, body) = send(Some(format!("Bearer {}", writer.secret))).await;
        assert_eq!((status, challenge, body.as_str()), (StatusCode::OK, None, "written"));

        let (status, challenge, body) = send(Some(format!("Bearer {}", reader.secret))).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(challenge.as_deref(), Some(r#"Bearer error="insufficient_scope", scope="write""#));
        let problem: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(problem["type"], "urn:gfce-hub:problem:insufficient-scope");
        assert_eq!(problem["status"], 403);
        assert!(problem["detail"].as_str().unwrap().contains("write"), "{problem}");
        assert_eq!(problem["title"], "Mã truy cập thiếu quyền", "in the client's language");

        let (status, challenge, body) = send(None).await;
        assert_eq!((status, challenge.as_deref()), (StatusCode::UNAUTHORIZED, Some("Bearer")));
        assert!(body.contains("urn:gfce-hub:problem:token-required"), "{body}");

        let (status, challenge, _) = send(Some(format!("Bearer {}", IssuedToken::generate().secret))).await;
        assert_eq!((status, challenge.as_deref()), (StatusCode::UNAUTHORIZED, Some(r#"Bearer error="invalid_token""#)));
    }
}
