//! The one error type of the web layer, and how each error answers.
//!
//! Handlers return [`WebError`]. Its `IntoResponse` logs it as [`WebError::answer`] says, sets
//! the status and stashes the error in the response; the [`render_errors`] middleware then writes
//! the body the client can read: an RFC 9457 problem document under `/api/`, an HTML page
//! elsewhere (drawn by the [`ErrorPage`] the pages give it), in the client's language. Both read
//! the same [`Answer`], so a status, a log level, a problem type and the words of a message are
//! each written down once. A page that needs a signed-in viewer, asked for with GET by a visitor
//! who is not, sends them to the sign-in page instead.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{header, HeaderName, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
    Json,
};
use fluent_bundle::FluentValue;
use gfce_core::{curation::RevisionState, Lang, ParseError, TokenScope};
use gfce_store::{Refusal, StoreError};
use serde::Serialize;
use tracing::Level;
use utoipa::ToSchema;

use super::{AppState, I18n};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No resource at this address (unknown path or slug).
    #[error("not found")]
    NotFound,
    /// A query parameter did not parse; `param` is its name as the client wrote it.
    #[error("invalid parameter {param}: {reason}")]
    InvalidParam { param: &'static str, reason: Reason },
    /// A field of a submitted record (a path such as `budget.currency` in a JSON body) was
    /// refused.
    #[error("invalid field {field}: {reason}")]
    InvalidField { field: String, reason: Reason },
    /// The database is unreachable; the client may retry.
    #[error("database unavailable: {0}")]
    Unavailable(#[source] StoreError),
    /// Too much at once (password checks waiting their turn); the client may retry after this
    /// many seconds.
    #[error("busy; retry after {0} s")]
    Busy(u64),
    /// A fault of the store; logged, never shown in detail.
    #[error("internal error: {0}")]
    Internal(#[source] StoreError),
    /// The search index failed; a fault of ours.
    #[error("search failed: {0}")]
    Search(#[from] gfce_search::SearchError),
    /// Any other fault of ours: a page or feed that failed to render, a background task that
    /// died.
    #[error("fault: {0}")]
    Fault(String),
    /// A state-changing request without a valid CSRF token.
    #[error("forbidden")]
    Forbidden,
    /// A method the path does not take; the router's `Allow` header names those it does.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// A page or step that needs a signed-in viewer, asked for by a visitor who is not.
    #[error("sign-in required")]
    SignInRequired,
    /// Signed in, but the account's role does not allow this.
    #[error("not permitted")]
    NotPermitted,
    /// A one-time link (a password reset) that was used already or has expired.
    #[error("link used or expired")]
    LinkGone,
    /// A one-time link that was never issued: mistyped, or cut short by a mail program.
    #[error("unknown link")]
    LinkUnknown,
    /// Too many failed logins, requests that send mail, searches or writes from one address; the
    /// client may try again after this many seconds.
    #[error("too many attempts; retry after {0} s")]
    TooManyAttempts(u64),
    /// A decision on a membership application that is no longer submitted: it was decided
    /// already, perhaps by someone else meanwhile.
    #[error("application decided already")]
    AlreadyDecided,
    /// A curation step that does not apply to the revision in its present state.
    #[error("revision is {0}")]
    WrongState(RevisionState),
    /// A new revision of a record that has one on its way already.
    #[error("revision {0} is in progress")]
    InProgress(uuid::Uuid),
    /// An API request that needs a token came without one (401, `WWW-Authenticate: Bearer`).
    #[error("API token required")]
    Unauthenticated,
    /// An `Authorization` header that is not `Bearer <token>`, or a token that is unknown,
    /// revoked or expired, or whose account is disabled (401, `error="invalid_token"`).
    #[error("invalid API token")]
    InvalidToken,
    /// A valid token without the scope the request needs (403, `error="insufficient_scope"`).
    #[error("API token lacks the {0} scope")]
    InsufficientScope(TokenScope),
}

/// Why a parameter or field was refused: a parse error of the core types, or a check against the
/// data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    #[error("{0}")]
    Parse(ParseError),
    #[error("unknown theme")]
    UnknownTheme,
    #[error("unknown series")]
    UnknownSeries,
    #[error("unreadable query string")]
    Query,
    /// The address and password of a sign-in do not match an account (which of them is wrong is
    /// not said).
    #[error("wrong address or password")]
    LoginFailed,
    #[error("wrong password")]
    WrongPassword,
    /// A password's confirmation is not the password.
    #[error("does not match the password")]
    PasswordsDiffer,
    /// Another record holds this value already (a slug, an IATI identifier).
    #[error("is taken by another record")]
    Taken,
    /// The input is not what the field takes (the text is the parser's).
    #[error("{0}")]
    Syntax(String),
    /// A second-factor code that is not the app's code of the moment, was used already, or is
    /// not an unused recovery code of the account.
    #[error("wrong or used code")]
    WrongCode,
}

impl Reason {
    fn message_id(&self) -> &'static str {
        match self {
            Reason::Parse(e) => e.message_id(),
            Reason::UnknownTheme => "error-unknown-theme",
            Reason::UnknownSeries => "error-unknown-series",
            Reason::Query => "error-query",
            Reason::LoginFailed => "error-login-failed",
            Reason::WrongPassword => "error-wrong-password",
            Reason::PasswordsDiffer => "error-passwords-differ",
            Reason::Taken => "error-taken",
            Reason::Syntax(_) => "error-syntax",
            Reason::WrongCode => "error-wrong-code",
        }
    }

    /// The reason in `lang`, as the end of a sentence that starts with the parameter's name.
    pub fn message(&self, i18n: &I18n, lang: Lang) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = match self {
            Reason::Parse(e) => e.message_args().into_iter().map(|(k, v)| (k, FluentValue::from(v))).collect(),
            Reason::Syntax(text) => vec![("detail", FluentValue::from(text.as_str()))],
            _ => Vec::new(),
        };
        i18n.get_args(lang, self.message_id(), &args)
    }
}

/// How an error answers, whatever the client reads it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub status: StatusCode,
    /// The level it is logged at: faults of ours are errors, what an operator should notice is a
    /// warning, a client's mistake is not logged.
    pub log: Option<Level>,
    /// The problem document's `type`: `about:blank` or a URN naming the kind of problem.
    pub problem_type: &'static str,
    /// The problem document's `title` and `detail` are the messages `problem-{problem}` and
    /// `problem-{problem}-detail`.
    pub problem: &'static str,
    /// An error page's heading and text are the messages `page-{page}-title` and
    /// `page-{page}-body` (when there is one).
    pub page: &'static str,
}

const fn answer(
    status: StatusCode,
    log: Option<Level>,
    problem_type: &'static str,
    problem: &'static str,
    page: &'static str,
) -> Answer {
    Answer { status, log, problem_type, problem, page }
}

const BLANK: &str = "about:blank";

impl WebError {
    pub fn invalid(param: &'static str, error: ParseError) -> Self {
        WebError::InvalidParam { param, reason: Reason::Parse(error) }
    }

    /// The one table of answers.
    pub fn answer(&self) -> Answer {
        use StatusCode as S;
        match self {
            WebError::NotFound => answer(S::NOT_FOUND, None, BLANK, "not-found", "not-found"),
            WebError::MethodNotAllowed => {
                answer(S::METHOD_NOT_ALLOWED, None, BLANK, "method-not-allowed", "method-not-allowed")
            }
            WebError::InvalidParam { .. } => answer(
                S::BAD_REQUEST,
                None,
                "urn:gfce-hub:problem:invalid-parameter",
                "invalid-parameter",
                "bad-request",
            ),
            WebError::InvalidField { .. } => {
                answer(S::BAD_REQUEST, None, "urn:gfce-hub:problem:invalid-field", "invalid-field", "bad-request")
            }
            WebError::Unavailable(_) => {
                answer(S::SERVICE_UNAVAILABLE, Some(Level::WARN), BLANK, "unavailable", "unavailable")
            }
            WebError::Busy(_) => answer(S::SERVICE_UNAVAILABLE, Some(Level::WARN), BLANK, "busy", "busy"),
            WebError::Internal(_) | WebError::Search(_) | WebError::Fault(_) => {
                answer(S::INTERNAL_SERVER_ERROR, Some(Level::ERROR), BLANK, "internal", "error")
            }
            WebError::Forbidden => answer(S::FORBIDDEN, Some(Level::WARN), BLANK, "forbidden", "forbidden"),
            WebError::SignInRequired => answer(S::UNAUTHORIZED, None, BLANK, "sign-in", "sign-in"),
            WebError::NotPermitted => answer(S::FORBIDDEN, None, BLANK, "not-permitted", "not-permitted"),
            WebError::LinkGone => answer(S::GONE, None, BLANK, "link-gone", "link-gone"),
            WebError::LinkUnknown => answer(S::BAD_REQUEST, None, BLANK, "link-unknown", "link-unknown"),
            WebError::TooManyAttempts(_) => answer(S::TOO_MANY_REQUESTS, None, BLANK, "throttled", "throttled"),
            WebError::AlreadyDecided => answer(S::CONFLICT, None, BLANK, "already-decided", "already-decided"),
            WebError::WrongState(_) => {
                answer(S::CONFLICT, None, "urn:gfce-hub:problem:wrong-state", "wrong-state", "wrong-state")
            }
            WebError::InProgress(_) => {
                answer(S::CONFLICT, None, "urn:gfce-hub:problem:revision-in-progress", "in-progress", "in-progress")
            }
            // Only the API asks for tokens; a page that meets these says what the API would.
            WebError::Unauthenticated => {
                answer(S::UNAUTHORIZED, None, "urn:gfce-hub:problem:token-required", "token-required", "token-refused")
            }
            WebError::InvalidToken => {
                answer(S::UNAUTHORIZED, None, "urn:gfce-hub:problem:invalid-token", "invalid-token", "token-refused")
            }
            WebError::InsufficientScope(_) => answer(
                S::FORBIDDEN,
                None,
                "urn:gfce-hub:problem:insufficient-scope",
                "insufficient-scope",
                "token-refused",
            ),
        }
    }

    pub fn status(&self) -> StatusCode {
        self.answer().status
    }

    /// The arguments of the error's messages, in `lang`.
    pub fn message_args(&self, i18n: &I18n, lang: Lang) -> Vec<(&'static str, String)> {
        match self {
            WebError::InvalidParam { param, reason } => {
                vec![("param", (*param).to_owned()), ("reason", reason.message(i18n, lang))]
            }
            WebError::InvalidField { field, reason } => {
                let shown = if field.is_empty() { i18n.get(lang, "problem-body") } else { field.clone() };
                vec![("field", shown), ("reason", reason.message(i18n, lang))]
            }
            WebError::WrongState(state) => vec![("state", i18n.get(lang, &format!("revision-state-{state}")))],
            WebError::InProgress(id) => vec![("revision", id.to_string())],
            WebError::InsufficientScope(scope) => vec![("scope", scope.as_str().to_owned())],
            _ => Vec::new(),
        }
    }

    /// Headers the answer carries besides its body: when to retry, and the RFC 6750 challenge of
    /// a refused API credential.
    pub fn headers(&self) -> Vec<(HeaderName, HeaderValue)> {
        match self {
            WebError::Unavailable(_) => vec![(header::RETRY_AFTER, HeaderValue::from_static("30"))],
            WebError::TooManyAttempts(seconds) | WebError::Busy(seconds) => {
                vec![(header::RETRY_AFTER, HeaderValue::from(*seconds))]
            }
            WebError::Unauthenticated => vec![(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))],
            WebError::InvalidToken => {
                vec![(header::WWW_AUTHENTICATE, HeaderValue::from_static(r#"Bearer error="invalid_token""#))]
            }
            WebError::InsufficientScope(scope) => {
                let challenge = format!(r#"Bearer error="insufficient_scope", scope="{scope}""#);
                vec![(header::WWW_AUTHENTICATE, HeaderValue::from_str(&challenge).expect("a scope name is ASCII"))]
            }
            _ => Vec::new(),
        }
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        if e.is_unavailable() {
            WebError::Unavailable(e)
        } else {
            WebError::Internal(e)
        }
    }
}

/// A curation step the store refused: a conflict with the workflow's state, or a field that
/// names something missing.
impl From<Refusal> for WebError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::NotFound => WebError::NotFound,
            Refusal::WrongState(state) => WebError::WrongState(state),
            Refusal::InProgress(id) => WebError::InProgress(id),
            Refusal::Taken(field) => WebError::InvalidField { field: field.into(), reason: Reason::Taken },
            Refusal::Unknown(field, e) => WebError::InvalidField { field, reason: Reason::Parse(e) },
        }
    }
}

/// The error as it travels from a handler to [`render_errors`].
#[derive(Clone)]
struct Stashed(Arc<WebError>);

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let answer = self.answer();
        match answer.log {
            Some(Level::ERROR) => tracing::error!(error = %self, "request failed"),
            Some(_) => tracing::warn!(error = %self, "request refused"),
            None => {}
        }
        let mut response = answer.status.into_response();
        response.extensions_mut().insert(Stashed(Arc::new(self)));
        response
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `about:blank`, or a URN naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The request path.
    pub instance: String,
    /// The query parameter that was refused, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// The field of the request body that was refused, when one was (`title`,
    /// `participants[0].actor`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Draws the HTML page of an error in a language; the pages' layer gives it, so that this module
/// needs no templates.
pub type ErrorPage = fn(&AppState, &WebError, Lang) -> Response;

/// Writes the body of every error response, in the client's language and format.
pub async fn render_errors(
    State((state, page)): State<(AppState, ErrorPage)>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let lang = request_lang(&request);
    let is_api = path.starts_with("/api/");
    let reads = matches!(*request.method(), Method::GET | Method::HEAD);
    let mut response = next.run(request).await;
    let Some(Stashed(error)) = response.extensions_mut().remove::<Stashed>() else {
        return response;
    };
    // The router names the methods a path takes on its 405s.
    let allow = response.headers_mut().remove(header::ALLOW);
    if !is_api && reads && matches!(*error, WebError::SignInRequired) {
        return Redirect::to(&format!("/{}/login", lang.code())).into_response();
    }
    let mut rendered =
        if is_api { problem_response(&state.i18n, &error, lang, &path) } else { page(&state, &error, lang) };
    *rendered.status_mut() = error.status();
    for (name, value) in error.headers() {
        rendered.headers_mut().insert(name, value);
    }
    if let Some(allow) = allow {
        rendered.headers_mut().insert(header::ALLOW, allow);
    }
    rendered
}

/// The language of a request: the path's `/vi/` or `/en/` prefix, else what the client accepts.
pub fn request_lang(request: &Request) -> Lang {
    let first = request.uri().path().trim_start_matches('/').split('/').next().unwrap_or_default();
    first.parse().unwrap_or_else(|_| {
        let accept = request.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
        Lang::negotiate(accept)
    })
}

/// The problem document of `error`, in `lang`, for a request to `path`.
fn problem_response(i18n: &I18n, error: &WebError, lang: Lang, path: &str) -> Response {
    let answer = error.answer();
    let mut args = error.message_args(i18n, lang);
    args.push(("path", path.to_owned()));
    let args: Vec<(&str, FluentValue<'_>)> = args.iter().map(|(k, v)| (*k, FluentValue::from(v.as_str()))).collect();
    let problem = Problem {
        kind: answer.problem_type.to_owned(),
        title: i18n.get(lang, &format!("problem-{}", answer.problem)),
        status: answer.status.as_u16(),
        detail: i18n.get_args(lang, &format!("problem-{}-detail", answer.problem), &args),
        instance: path.to_owned(),
        param: match error {
            WebError::InvalidParam { param, .. } => Some((*param).to_owned()),
            _ => None,
        },
        field: match error {
            WebError::InvalidField { field, .. } => Some(field.clone()),
            _ => None,
        },
    };
    let mut response = Json(problem).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every answer names messages that exist in both languages, so no error shows a bare id.
    #[test]
    fn every_answer_has_its_messages() {
        let i18n = I18n::new();
        let errors = [
            WebError::NotFound,
            WebError::MethodNotAllowed,
            WebError::invalid("page", ParseError::NotAllowed),
            WebError::InvalidField { field: "title".into(), reason: Reason::Taken },
            WebError::Fault("x".into()),
            WebError::Busy(5),
            WebError::Forbidden,
            WebError::SignInRequired,
            WebError::NotPermitted,
            WebError::LinkGone,
            WebError::LinkUnknown,
            WebError::TooManyAttempts(3),
            WebError::AlreadyDecided,
            WebError::WrongState(RevisionState::Published),
            WebError::InProgress(uuid::Uuid::nil()),
            WebError::Unauthenticated,
            WebError::InvalidToken,
            WebError::InsufficientScope(TokenScope::Write),
        ];
        for lang in Lang::ALL {
            for error in &errors {
                let a = error.answer();
                for id in [
                    format!("problem-{}", a.problem),
                    format!("problem-{}-detail", a.problem),
                    format!("page-{}-title", a.page),
                ] {
                    assert!(i18n.has(lang, &id), "{error:?}: {id} missing in {lang:?}");
                }
            }
        }
    }

    #[test]
    fn faults_of_ours_are_logged_as_errors_and_hide_their_detail() {
        let fault = WebError::Fault("template exploded".into());
        assert_eq!(fault.answer().log, Some(Level::ERROR));
        assert_eq!(fault.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(fault.message_args(&I18n::new(), Lang::En).is_empty());
        assert_eq!(WebError::Forbidden.answer().log, Some(Level::WARN));
        assert_eq!(WebError::NotFound.answer().log, None);
    }
}
