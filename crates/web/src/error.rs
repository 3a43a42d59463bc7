//! The one error type of the web layer, mapped once to HTTP.
//!
//! Handlers return [`WebError`]. Its `IntoResponse` only sets the status and stashes the error in
//! the response; the [`render_errors`] middleware then writes the body the client can read: an
//! RFC 9457 problem document under `/api/`, an HTML page elsewhere, in the page's language (or the
//! `Accept-Language` of an API client).

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
    Json,
};
use fluent_bundle::FluentValue;
use gfce_core::{Lang, ParseError, TokenScope};
use gfce_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{pages, AppState};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No resource at this address (unknown path or slug).
    #[error("not found")]
    NotFound,
    /// A query parameter did not parse; `param` is its name as the client wrote it.
    #[error("invalid parameter {param}: {reason}")]
    InvalidParam { param: &'static str, reason: Reason },
    /// The database is unreachable; the client may retry.
    #[error("database unavailable: {0}")]
    Unavailable(#[source] StoreError),
    /// A fault of ours; logged, never shown in detail.
    #[error("internal error: {0}")]
    Internal(#[source] StoreError),
    /// The search index failed; a fault of ours.
    #[error("search failed: {0}")]
    Search(#[from] gfce_search::SearchError),
    /// A page template failed to render; a fault of ours too.
    #[error("template failed: {0}")]
    Render(String),
    /// A state-changing request without a valid CSRF token.
    #[error("forbidden")]
    Forbidden,
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
    /// A field of a submitted record (a path such as `budget.currency` in a JSON body) was
    /// refused.
    #[error("invalid field {field}: {reason}")]
    InvalidField { field: String, reason: Reason },
    /// A page that needs a signed-in viewer, asked for by a visitor who is not.
    #[error("sign-in required")]
    SignInRequired,
    /// A curation step that does not apply to the revision in its present state.
    #[error("revision is {0}")]
    WrongState(gfce_core::curation::RevisionState),
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

/// Why a parameter was refused: a parse error of the core types, or a check against the data.
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
    /// Another record of the kind has this slug already.
    #[error("is taken by another record")]
    SlugTaken,
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
            Reason::SlugTaken => "error-slug-taken",
            Reason::Syntax(_) => "error-syntax",
            Reason::WrongCode => "error-wrong-code",
        }
    }

    /// The reason in `lang`, as the end of a sentence that starts with the parameter's name.
    pub fn message(&self, i18n: &crate::I18n, lang: Lang) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = match self {
            Reason::Parse(e) => e.message_args().into_iter().map(|(k, v)| (k, FluentValue::from(v))).collect(),
            Reason::Syntax(text) => vec![("detail", FluentValue::from(text.as_str()))],
            _ => Vec::new(),
        };
        i18n.get_args(lang, self.message_id(), &args)
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

impl WebError {
    pub fn invalid(param: &'static str, error: ParseError) -> Self {
        WebError::InvalidParam { param, reason: Reason::Parse(error) }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::InvalidParam { .. } | WebError::InvalidField { .. } => StatusCode::BAD_REQUEST,
            WebError::SignInRequired => StatusCode::UNAUTHORIZED,
            WebError::WrongState(_) | WebError::InProgress(_) => StatusCode::CONFLICT,
            WebError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) | WebError::Search(_) | WebError::Render(_) => StatusCode::INTERNAL_SERVER_ERROR,
            WebError::Forbidden | WebError::NotPermitted | WebError::InsufficientScope(_) => StatusCode::FORBIDDEN,
            WebError::Unauthenticated | WebError::InvalidToken => StatusCode::UNAUTHORIZED,
            WebError::LinkGone => StatusCode::GONE,
            WebError::LinkUnknown => StatusCode::BAD_REQUEST,
            WebError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            WebError::AlreadyDecided => StatusCode::CONFLICT,
        }
    }
}

/// The error as it travels from a handler to [`render_errors`].
#[derive(Clone)]
struct Stashed(Arc<WebError>);

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match &self {
            WebError::Unavailable(e) => tracing::warn!(error = %e, "database unavailable"),
            WebError::Internal(e) => tracing::error!(error = %e, "request failed"),
            WebError::Render(e) => tracing::error!(error = %e, "page failed to render"),
            WebError::Search(e) => tracing::error!(error = %e, "search failed"),
            WebError::Forbidden => tracing::warn!("request refused: no valid CSRF token"),
            WebError::NotFound
            | WebError::InvalidParam { .. }
            | WebError::TooManyAttempts(_)
            | WebError::NotPermitted
            | WebError::LinkGone
            | WebError::LinkUnknown
            | WebError::AlreadyDecided
            | WebError::InvalidField { .. }
            | WebError::SignInRequired
            | WebError::WrongState(_)
            | WebError::InProgress(_)
            | WebError::Unauthenticated
            | WebError::InvalidToken
            | WebError::InsufficientScope(_) => {}
        }
        let mut response = self.status().into_response();
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

/// Writes the body of every error response, in the client's language and format.
pub async fn render_errors(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let lang = request_lang(&request);
    let is_api = path.starts_with("/api/");
    let mut response = next.run(request).await;
    let Some(Stashed(error)) = response.extensions_mut().remove::<Stashed>() else {
        return response;
    };
    let status = error.status();
    let mut rendered = if is_api {
        problem_response(&state, &error, lang, &path)
    } else {
        pages::error_page(&state, &error, lang).into_response()
    };
    *rendered.status_mut() = status;
    match *error {
        WebError::Unavailable(_) => {
            rendered.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        }
        WebError::TooManyAttempts(seconds) => {
            rendered.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        _ => {}
    }
    if let Some(challenge) = bearer_challenge(&error) {
        rendered.headers_mut().insert(header::WWW_AUTHENTICATE, challenge);
    }
    rendered
}

/// The RFC 6750 challenge of a refused API credential: none given, a bad one, or one that lacks
/// a scope.
fn bearer_challenge(error: &WebError) -> Option<HeaderValue> {
    match error {
        WebError::Unauthenticated => Some(HeaderValue::from_static("Bearer")),
        WebError::InvalidToken => Some(HeaderValue::from_static(r#"Bearer error="invalid_token""#)),
        WebError::InsufficientScope(scope) => {
            let challenge = format!(r#"Bearer error="insufficient_scope", scope="{scope}""#);
            Some(HeaderValue::from_str(&challenge).expect("a scope name is ASCII"))
        }
        _ => None,
    }
}

/// The language of a request: the path's `/vi/` or `/en/` prefix, else what the client accepts.
pub fn request_lang(request: &Request) -> Lang {
    let first = request.uri().path().trim_start_matches('/').split('/').next().unwrap_or_default();
    first.parse().unwrap_or_else(|_| {
        let accept = request.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
        Lang::negotiate(accept)
    })
}

fn problem_response(state: &AppState, error: &WebError, lang: Lang, path: &str) -> Response {
    let i18n = &state.i18n;
    let mut field = None;
    let (kind, title, detail, param) = match error {
        WebError::NotFound => (
            "about:blank",
            i18n.get(lang, "problem-not-found"),
            i18n.get_args(lang, "problem-not-found-detail", &[("path", FluentValue::from(path))]),
            None,
        ),
        WebError::InvalidParam { param, reason } => (
            "urn:gfce-hub:problem:invalid-parameter",
            i18n.get(lang, "problem-invalid-parameter"),
            i18n.get_args(
                lang,
                "problem-invalid-parameter-detail",
                &[("param", FluentValue::from(*param)), ("reason", FluentValue::from(reason.message(i18n, lang)))],
            ),
            Some((*param).to_owned()),
        ),
        WebError::Unavailable(_) => {
            ("about:blank", i18n.get(lang, "problem-unavailable"), i18n.get(lang, "problem-unavailable-detail"), None)
        }
        WebError::Internal(_) | WebError::Search(_) | WebError::Render(_) => {
            ("about:blank", i18n.get(lang, "problem-internal"), i18n.get(lang, "problem-internal-detail"), None)
        }
        WebError::Forbidden => {
            ("about:blank", i18n.get(lang, "problem-forbidden"), i18n.get(lang, "problem-forbidden-detail"), None)
        }
        WebError::TooManyAttempts(_) => {
            ("about:blank", i18n.get(lang, "problem-throttled"), i18n.get(lang, "problem-throttled-detail"), None)
        }
        WebError::NotPermitted => (
            "about:blank",
            i18n.get(lang, "problem-not-permitted"),
            i18n.get(lang, "problem-not-permitted-detail"),
            None,
        ),
        WebError::LinkGone => {
            ("about:blank", i18n.get(lang, "problem-link-gone"), i18n.get(lang, "problem-link-gone-detail"), None)
        }
        WebError::LinkUnknown => {
            ("about:blank", i18n.get(lang, "problem-link-unknown"), i18n.get(lang, "problem-link-unknown-detail"), None)
        }
        WebError::AlreadyDecided => (
            "about:blank",
            i18n.get(lang, "problem-already-decided"),
            i18n.get(lang, "problem-already-decided-detail"),
            None,
        ),
        WebError::InvalidField { field: name, reason } => {
            field = Some(name.clone());
            let shown = if name.is_empty() { i18n.get(lang, "problem-body") } else { name.clone() };
            (
                "urn:gfce-hub:problem:invalid-field",
                i18n.get(lang, "problem-invalid-field"),
                i18n.get_args(
                    lang,
                    "problem-invalid-field-detail",
                    &[("field", FluentValue::from(shown)), ("reason", FluentValue::from(reason.message(i18n, lang)))],
                ),
                None,
            )
        }
        WebError::SignInRequired => {
            ("about:blank", i18n.get(lang, "problem-sign-in"), i18n.get(lang, "problem-sign-in-detail"), None)
        }
        WebError::WrongState(state) => (
            "urn:gfce-hub:problem:wrong-state",
            i18n.get(lang, "problem-wrong-state"),
            i18n.get_args(
                lang,
                "problem-wrong-state-detail",
                &[("state", FluentValue::from(i18n.get(lang, &format!("revision-state-{state}"))))],
            ),
            None,
        ),
        WebError::InProgress(id) => (
            "urn:gfce-hub:problem:revision-in-progress",
            i18n.get(lang, "problem-in-progress"),
            i18n.get_args(lang, "problem-in-progress-detail", &[("revision", FluentValue::from(id.to_string()))]),
            None,
        ),
        WebError::Unauthenticated => (
            "urn:gfce-hub:problem:token-required",
            i18n.get(lang, "problem-token-required"),
            i18n.get(lang, "problem-token-required-detail"),
            None,
        ),
        WebError::InvalidToken => (
            "urn:gfce-hub:problem:invalid-token",
            i18n.get(lang, "problem-invalid-token"),
            i18n.get(lang, "problem-invalid-token-detail"),
            None,
        ),
        WebError::InsufficientScope(scope) => (
            "urn:gfce-hub:problem:insufficient-scope",
            i18n.get(lang, "problem-insufficient-scope"),
            i18n.get_args(lang, "problem-insufficient-scope-detail", &[("scope", FluentValue::from(scope.as_str()))]),
            None,
        ),
    };
    let problem = Problem {
        kind: kind.to_owned(),
        title,
        status: error.status().as_u16(),
        detail,
        instance: path.to_owned(),
        param,
        field,
    };
    let mut response = Json(problem).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    response
}
