//! The account pages reached without signing in: registration and password reset by mail.
//!
//! Neither tells whether an address has an account. A registration for an address that has one
//! answers as a new one does ("check your mailbox") and sends the holder a notice instead; a reset
//! request answers the same whether or not the address exists. A reset link carries a random
//! 256-bit token of which the database keeps only the SHA-256 digest; it works once, for an
//! hour, and using it ends every session of the account and every other link sent to it. Both
//! requests are throttled per client address and per recipient, so that the site cannot be used
//! to flood a mailbox.

use askama::Template;
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::get,
    Extension, Router,
};
use fluent_bundle::FluentValue;
use gfce_core::{Email, Lang, NewPassword};
use gfce_store::{OutgoingMail, Registration, ResetToken, User};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

use crate::{
    account::throttled,
    auth::{self, CsrfForm, Viewer, SESSION_COOKIE},
    error::{Reason, WebError},
    pages::{field_messages, render, FieldMessage, PageCtx},
    AppState,
};

/// How long a reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(1);
/// Registrations and reset requests one client address may make per throttling window.
pub const MAX_MAIL_REQUESTS_PER_ADDRESS: i64 = 10;
/// Registrations and reset requests for one recipient per throttling window, whether or not
/// the address has an account, so that the answer tells nothing.
pub const MAX_MAIL_PER_RECIPIENT: i64 = 3;

/// The throttling scope of the mail requests for one address.
pub(crate) fn recipient_scope(email: &Email) -> String {
    format!("mail-to:{}", email.as_str().to_lowercase())
}

pub fn routes(lang: Lang) -> Router<AppState> {
    let p = |path: &str| format!("/{}{path}", lang.code());
    Router::new()
        .route(&p("/register"), get(register_form).post(register))
        .route(&p("/password-reset"), get(reset_request_form).post(request_reset))
        .route(&p("/password-reset/{token}"), get(reset_form).post(reset))
        .layer(Extension(lang))
}

pub(crate) fn with_cookie(mut response: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// A page that only says something: that mail is on its way, that a password was changed.
#[derive(Template)]
#[template(path = "notice.html")]
struct NoticeTemplate {
    ctx: PageCtx,
    title: String,
    body: String,
}

pub(crate) fn notice(ctx: PageCtx, title: &str, body: &str) -> Result<Response, WebError> {
    let page = render(&NoticeTemplate { title: ctx.t(title), body: ctx.t(body), ctx })?;
    Ok(page.into_response())
}

/// A message in `lang` from the Fluent files: `mail-{kind}-subject` and `mail-{kind}-body`, the
/// body with the argument `link`.
fn compose(state: &AppState, lang: Lang, kind: &str, to: &Email, link: &str) -> OutgoingMail {
    let args = [("link", FluentValue::from(link)), ("email", FluentValue::from(to.as_str()))];
    OutgoingMail {
        to: to.clone(),
        lang,
        subject: state.i18n.get(lang, &format!("mail-{kind}-subject")),
        body: state.i18n.get_args(lang, &format!("mail-{kind}-body"), &args),
    }
}

/// Notes a queued message in the log; without an SMTP server, with its text, so that whoever
/// runs a development instance can follow the links.
pub(crate) fn log_queued(state: &AppState, mail: &OutgoingMail) {
    if state.log_mail_bodies {
        tracing::info!(to = %mail.to, subject = %mail.subject, body = %mail.body, "mail queued (no SMTP server: not sent)");
    } else {
        tracing::info!(to = %mail.to, subject = %mail.subject, "mail queued");
    }
}

async fn hash(password: NewPassword) -> Result<String, WebError> {
    tokio::task::spawn_blocking(move || auth::hash_password(&password))
        .await
        .map_err(|e| WebError::Render(e.to_string()))
}

/// Parses a new password and its confirmation, adding the refusals to `errors`.
fn new_password(
    password: &str,
    confirmation: &str,
    email: Option<&Email>,
    errors: &mut Vec<(&'static str, Reason)>,
) -> Option<NewPassword> {
    let parsed = NewPassword::parse(password, email).map_err(|e| errors.push(("password", Reason::Parse(e)))).ok();
    if !auth::same_secret(password, confirmation) {
        errors.push(("confirmation", Reason::PasswordsDiffer));
    }
    parsed
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    email: String,
    csrf_token: String,
}

fn register_page(
    ctx: PageCtx,
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    errors: Vec<FieldMessage>,
    email: String,
) -> Result<Response, WebError> {
    let (csrf_token, cookie) = auth::form_csrf(state, None, headers);
    let page = render(&RegisterTemplate { title: ctx.t("register-title"), errors, email, csrf_token, ctx })?;
    Ok(with_cookie((status, page).into_response(), cookie))
}

async fn register_form(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    viewer: Viewer,
) -> Result<Response, WebError> {
    if viewer.session.is_some() {
        return Ok(Redirect::to(&ctx.href("/account")).into_response());
    }
    register_page(ctx, &state, &headers, StatusCode::OK, Vec::new(), String::new())
}

#[derive(Deserialize)]
struct RegisterForm {
    email: String,
    password: String,
    confirmation: String,
}

async fn register(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    submitted: CsrfForm<RegisterForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, viewer, address } = submitted;
    if viewer.session.is_some() {
        return Ok(Redirect::to(&ctx.href("/account")).into_response());
    }
    let mut errors = Vec::new();
    let email = Email::parse(&form.email).map_err(|e| errors.push(("email", Reason::Parse(e)))).ok();
    let password = new_password(&form.password, &form.confirmation, email.as_ref(), &mut errors);
    let (Some(email), Some(password), true) = (email, password, errors.is_empty()) else {
        let errors = field_messages(&ctx, &errors);
        return register_page(ctx, &state, &headers, StatusCode::BAD_REQUEST, errors, form.email);
    };
    let address_scope = format!("mail-request:{address}");
    let recipient_scope = recipient_scope(&email);
    throttled(&state, &[(&address_scope, MAX_MAIL_REQUESTS_PER_ADDRESS), (&recipient_scope, MAX_MAIL_PER_RECIPIENT)])
        .await?;
    state.store.record_login_failure(&[&address_scope, &recipient_scope]).await?;
    // The hash is made whether or not the address is taken, so the answer takes as long.
    let hash = hash(password).await?;
    let public = |path: &str| format!("{}{}", state.public_url, ctx.href(path));
    let welcome = compose(&state, ctx.lang, "welcome", &email, &public("/login"));
    let notice_mail = compose(&state, ctx.lang, "already-registered", &email, &public("/password-reset"));
    let outcome = state.store.register_user(&email, &hash, &welcome, &notice_mail, &address).await?;
    log_queued(&state, if matches!(outcome, Registration::Created(_)) { &welcome } else { &notice_mail });
    notice(ctx, "register-done-title", "register-done-body")
}

#[derive(Template)]
#[template(path = "password_reset.html")]
struct ResetRequestTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    email: String,
    csrf_token: String,
}

async fn reset_request_page(
    ctx: PageCtx,
    state: &AppState,
    headers: &HeaderMap,
    viewer: &Viewer,
    status: StatusCode,
    errors: Vec<FieldMessage>,
    email: String,
) -> Result<Response, WebError> {
    let (csrf_token, cookie) = auth::form_csrf(state, viewer.session.as_ref(), headers);
    let page = render(&ResetRequestTemplate { title: ctx.t("reset-title"), errors, email, csrf_token, ctx })?;
    Ok(with_cookie((status, page).into_response(), cookie))
}

async fn reset_request_form(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    viewer: Viewer,
) -> Result<Response, WebError> {
    reset_request_page(ctx, &state, &headers, &viewer, StatusCode::OK, Vec::new(), String::new()).await
}

#[derive(Deserialize)]
struct ResetRequestForm {
    email: String,
}

async fn request_reset(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    submitted: CsrfForm<ResetRequestForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, viewer, address } = submitted;
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(e) => {
            let errors = field_messages(&ctx, &[("email", Reason::Parse(e))]);
            return reset_request_page(ctx, &state, &headers, &viewer, StatusCode::BAD_REQUEST, errors, form.email)
                .await;
        }
    };
    let address_scope = format!("mail-request:{address}");
    let recipient_scope = recipient_scope(&email);
    throttled(&state, &[(&address_scope, MAX_MAIL_REQUESTS_PER_ADDRESS), (&recipient_scope, MAX_MAIL_PER_RECIPIENT)])
        .await?;
    state.store.record_login_failure(&[&address_scope, &recipient_scope]).await?;
    let token = auth::random_token();
    let link = format!("{}{}", state.public_url, ctx.href(&format!("/password-reset/{token}")));
    let mail = compose(&state, ctx.lang, "reset", &email, &link);
    let expires_at = OffsetDateTime::now_utc() + RESET_LINK_LIFETIME;
    if state.store.start_password_reset(&email, &auth::token_digest(&token), expires_at, &mail, &address).await? {
        log_queued(&state, &mail);
    } else {
        state.store.audit(None, "password-reset-unknown-address", Some(email.as_str()), Some(&address)).await?;
    }
    notice(ctx, "reset-done-title", "reset-done-body")
}

/// The user a reset link is for, or why it cannot be used.
async fn reset_user(state: &AppState, token: &str) -> Result<(User, String), WebError> {
    // A token is 64 hex digits; anything else was never issued, and is not looked up.
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(WebError::LinkUnknown);
    }
    let digest = auth::token_digest(token);
    match state.store.password_reset(&digest).await? {
        ResetToken::Valid(user) => Ok((user, digest)),
        ResetToken::Expired | ResetToken::Used => Err(WebError::LinkGone),
        ResetToken::Unknown => Err(WebError::LinkUnknown),
    }
}

#[derive(Template)]
#[template(path = "password_reset_new.html")]
struct ResetTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    email: String,
    action: String,
    csrf_token: String,
}

/// The form for a new password; `csrf` as [`auth::form_csrf`] gives it.
fn reset_page(
    ctx: PageCtx,
    csrf: (String, Option<HeaderValue>),
    token: &str,
    user: &User,
    status: StatusCode,
    errors: Vec<FieldMessage>,
) -> Result<Response, WebError> {
    let (csrf_token, cookie) = csrf;
    let page = render(&ResetTemplate {
        title: ctx.t("reset-new-title"),
        errors,
        email: user.email.as_str().to_owned(),
        action: ctx.href(&format!("/password-reset/{token}")),
        csrf_token,
        ctx,
    })?;
    Ok(with_cookie((status, page).into_response(), cookie))
}

async fn reset_form(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    viewer: Viewer,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let (user, _) = reset_user(&state, &token).await?;
    let csrf = auth::form_csrf(&state, viewer.session.as_ref(), &headers);
    reset_page(ctx, csrf, &token, &user, StatusCode::OK, Vec::new())
}

#[derive(Deserialize)]
struct ResetForm {
    password: String,
    confirmation: String,
}

async fn reset(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    submitted: CsrfForm<ResetForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, viewer, .. } = submitted;
    let (user, digest) = reset_user(&state, &token).await?;
    let mut errors = Vec::new();
    let password = new_password(&form.password, &form.confirmation, Some(&user.email), &mut errors);
    let (Some(password), true) = (password, errors.is_empty()) else {
        let errors = field_messages(&ctx, &errors);
        let csrf = auth::form_csrf(&state, viewer.session.as_ref(), &headers);
        return reset_page(ctx, csrf, &token, &user, StatusCode::BAD_REQUEST, errors);
    };
    let hash = hash(password).await?;
    // Taken again atomically: another request with the same link may have used it meanwhile.
    match state.store.finish_password_reset(&digest, &hash).await? {
        ResetToken::Valid(_) => {}
        ResetToken::Expired | ResetToken::Used => return Err(WebError::LinkGone),
        ResetToken::Unknown => return Err(WebError::LinkUnknown),
    }
    let response = notice(ctx, "reset-complete-title", "reset-complete-body")?;
    let cookie = auth::set_cookie(&state, SESSION_COOKIE, "", Some(Duration::ZERO));
    Ok(with_cookie(response, Some(cookie.parse().expect("a cookie of ASCII characters"))))
}

#[cfg(test)]
mod tests {
    use gfce_core::ParseError;

    use super::*;

    #[test]
    fn a_confirmation_must_match() {
        let mut errors = Vec::new();
        assert!(new_password("a phrase nobody guesses", "a phrase nobody guesses", None, &mut errors).is_some());
        assert!(errors.is_empty());
        new_password("a phrase nobody guesses", "a phrase nobody guessed", None, &mut errors);
        assert_eq!(errors, [("confirmation", Reason::PasswordsDiffer)]);
        errors.clear();
        assert!(new_password("short", "short", None, &mut errors).is_none());
        assert_eq!(errors, [("password", Reason::Parse(ParseError::PasswordTooShort { min: 12 }))]);
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let i18n = crate::I18n::new();
        let to = Email::parse("an@example.org").unwrap();
        for lang in Lang::ALL {
            for kind in ["welcome", "already-registered", "reset"] {
                let body = i18n.get_args(
                    lang,
                    &format!("mail-{kind}-body"),
                    &[
                        ("link", FluentValue::from("https://hub.example.org/x")),
                        ("email", FluentValue::from(to.as_str())),
                    ],
                );
                assert!(body.contains("https://hub.example.org/x"), "{kind} in {lang:?}: {body}");
                assert!(body.contains("\n\n") && body.contains(to.as_str()), "paragraphs kept: {body}");
                assert!(!i18n.get(lang, &format!("mail-{kind}-subject")).starts_with("mail-"));
            }
        }
    }
}
