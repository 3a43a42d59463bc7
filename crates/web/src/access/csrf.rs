//! Every state-changing form carries a CSRF token: the session's own, or before signing in a
//! random token also set in a cookie (double submit). [`CsrfForm`] checks it before a handler
//! runs; a request without a valid one is refused with 403.

use axum::{
    extract::{FromRequest, FromRequestParts, Request},
    http::{header, request::Parts, HeaderMap, HeaderValue},
    response::Response,
    Form,
};
use gfce_store::Session;
use serde::de::DeserializeOwned;

use super::{
    secrets::{random_token, same_secret},
    session::{cookie, set_cookie},
    throttle::client_address,
    Viewer,
};
use crate::http::{AppState, Reason, WebError};

/// The cookie that carries the CSRF token of forms shown before signing in.
pub const CSRF_COOKIE: &str = "gfce_csrf";
/// The form field every state-changing form carries.
pub const CSRF_FIELD: &str = "csrf_token";

/// The CSRF token a page's forms carry: the session's when signed in, else the visitor's
/// `gfce_csrf` cookie, or a fresh token with the cookie that gives it to them.
pub struct FormToken {
    pub token: String,
    cookie: Option<HeaderValue>,
}

impl FormToken {
    fn of(state: &AppState, session: Option<&Session>, headers: &HeaderMap) -> FormToken {
        if let Some(session) = session {
            return FormToken { token: session.csrf_token.clone(), cookie: None };
        }
        match cookie(headers, CSRF_COOKIE).filter(|t| t.len() == 64) {
            Some(existing) => FormToken { token: existing.to_owned(), cookie: None },
            None => {
                let token = random_token();
                let cookie = set_cookie(state, CSRF_COOKIE, &token, None);
                FormToken { token, cookie: Some(cookie) }
            }
        }
    }

    /// The page that shows the form, with the visitor's new cookie when one was made.
    pub fn deliver(self, mut page: Response) -> Response {
        if let Some(cookie) = self.cookie {
            page.headers_mut().append(header::SET_COOKIE, cookie);
        }
        page
    }
}

impl FromRequestParts<AppState> for FormToken {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let viewer = Viewer::from_request_parts(parts, state).await?;
        Ok(FormToken::of(state, viewer.session.as_ref(), &parts.headers))
    }
}

/// The fields of a form that carries nothing but its CSRF token: a button.
#[derive(Debug, serde::Deserialize)]
pub struct NoFields {}

/// A submitted form whose CSRF token was checked: the session's token when signed in, else the
/// token of the `gfce_csrf` cookie. It carries who sent it and from which address.
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
            .map_err(|_| WebError::InvalidParam { param: "form", reason: Reason::Query })?;
        Ok(CsrfForm { form, viewer, address })
    }
}
