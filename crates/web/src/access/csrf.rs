//! Every state-changing form carries a CSRF token: the session's own, or before signing in a
//! random token also set in a cookie (double submit). [`CsrfForm`] checks it before a handler
//! runs; a request without a valid one is refused with 403.
//!
//! Pages never show the token itself but [`mask`]ed afresh for each answer: a random pad and the
//! token XORed with it. Answers are compressed, and a secret repeated unchanged in compressed
//! answers that also reflect what a request sent (a search) can be guessed from their sizes
//! (BREACH); a masked token differs in every answer, so there is nothing to guess. A form sends
//! the masked token back, and [`CsrfForm`] unmasks it before comparing.

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

/// Bytes of a token, whose text is 64 hex digits.
const TOKEN_BYTES: usize = 32;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || !text.is_ascii() {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

/// The token as one answer shows it: a fresh random pad followed by the token XORed with it, in
/// hex (128 digits). Empty for no token (a visitor's page that shows no form).
pub fn mask(token: &str) -> String {
    let Some(secret) = unhex(token).filter(|s| s.len() == TOKEN_BYTES) else { return String::new() };
    let mut pad = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut pad).expect("the operating system's random source");
    let masked: Vec<u8> = pad.iter().zip(&secret).map(|(p, s)| p ^ s).collect();
    format!("{}{}", hex(&pad), hex(&masked))
}

/// The token a form sent back: masked as [`mask`] shows it, or as it is, as pages showed it
/// before tokens were masked (a form still open in a browser then still works).
fn unmask(given: &str) -> Option<String> {
    let bytes = unhex(given)?;
    match bytes.len() {
        TOKEN_BYTES => Some(given.to_ascii_lowercase()),
        n if n == 2 * TOKEN_BYTES => {
            let (pad, masked) = bytes.split_at(TOKEN_BYTES);
            Some(hex(&pad.iter().zip(masked).map(|(p, m)| p ^ m).collect::<Vec<u8>>()))
        }
        _ => None,
    }
}

/// Whether a form's `given` token proves the `expected` one.
fn proves(expected: &str, given: &str) -> bool {
    !expected.is_empty() && unmask(given).is_some_and(|token| same_secret(expected, &token))
}

/// The CSRF token a page's forms carry, masked for this answer: the session's when signed in,
/// else the visitor's `gfce_csrf` cookie, or a fresh token with the cookie that gives it to them.
pub struct FormToken {
    pub token: String,
    cookie: Option<HeaderValue>,
}

impl FormToken {
    fn of(state: &AppState, session: Option<&Session>, headers: &HeaderMap) -> FormToken {
        if let Some(session) = session {
            return FormToken { token: mask(&session.csrf_token), cookie: None };
        }
        match cookie(headers, CSRF_COOKIE).filter(|t| t.len() == 64) {
            Some(existing) => FormToken { token: mask(existing), cookie: None },
            None => {
                let token = random_token();
                let cookie = set_cookie(state, CSRF_COOKIE, &token, None);
                FormToken { token: mask(&token), cookie: Some(cookie) }
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
            (Some(e), Some(g)) if proves(&e, g) => {}
            _ => return Err(WebError::Forbidden),
        }
        let form = serde_urlencoded::from_str(&serde_urlencoded::to_string(&fields).unwrap_or_default())
            .map_err(|_| WebError::InvalidParam { param: "form", reason: Reason::Query })?;
        Ok(CsrfForm { form, viewer, address })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_answer_shows_the_token_masked_differently_and_each_proves_it() {
        let token = random_token();
        let (one, two) = (mask(&token), mask(&token));
        assert_eq!(one.len(), 128);
        assert_ne!(one, two, "a fresh pad each time");
        assert!(!one.contains(&token) && !two.contains(&token));
        assert!(proves(&token, &one) && proves(&token, &two));
        assert!(!proves(&random_token(), &one), "another token is not proved");
    }

    #[test]
    fn a_tampered_or_malformed_token_proves_nothing() {
        let token = random_token();
        let masked = mask(&token);
        for at in [0, 63, 64, 127] {
            let mut bytes = masked.clone().into_bytes();
            bytes[at] = if bytes[at] == b'0' { b'1' } else { b'0' };
            assert!(!proves(&token, &String::from_utf8(bytes).unwrap()), "digit {at} changed");
        }
        for bad in ["", "zz", &masked[..127], &masked[..126], &format!("{masked}00"), &"é".repeat(64)] {
            assert!(!proves(&token, bad), "{bad:?}");
        }
        assert!(!proves("", &mask("")), "no token, nothing to prove");
        assert_eq!(mask(""), "");
    }

    #[test]
    fn the_token_itself_is_still_taken() {
        let token = random_token();
        assert!(proves(&token, &token));
        assert!(proves(&token, &token.to_ascii_uppercase()));
        assert!(!proves(&token, &"0".repeat(64)));
    }
}
