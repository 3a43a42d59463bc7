//! Password reset by mail, which never tells whether an address has an account: a request
//! answers the same whether or not the address exists. The link carries a random 256-bit token
//! of which the database keeps only the SHA-256 digest; it works once, for an hour, and using it
//! ends every session of the account and every other link sent to it. Requests are throttled
//! per client address and per recipient, so that the site cannot be used to flood a mailbox.

use askama::Template;
use axum::{
    extract::{Path, State},
    http::header,
    response::Response,
};
use gfce_core::{AuditAction, Email};
use gfce_store::{ResetToken, User};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

use super::register::new_password;
use crate::{
    access::{csrf::FormToken, secrets, session, throttle, CsrfForm},
    http::{AppState, Reason, WebError},
    pages::mail::{compose, log_queued},
    ui::{
        notice, render_checked,
        widgets::{field_messages, FieldMessage},
        PageCtx,
    },
};

/// How long a reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(1);

#[derive(Template)]
#[template(path = "account/password_reset.html")]
struct ResetRequestTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    email: String,
    csrf_token: String,
}

fn request_page(
    ctx: PageCtx,
    token: FormToken,
    errors: Vec<FieldMessage>,
    email: String,
) -> Result<Response, WebError> {
    let refused = !errors.is_empty();
    let page =
        ResetRequestTemplate { title: ctx.t("reset-title"), errors, email, csrf_token: token.token.clone(), ctx };
    Ok(token.deliver(render_checked(&page, refused)?))
}

pub async fn request_form(ctx: PageCtx, token: FormToken) -> Result<Response, WebError> {
    request_page(ctx, token, Vec::new(), String::new())
}

#[derive(Deserialize)]
pub struct ResetRequestForm {
    email: String,
}

pub async fn request(
    ctx: PageCtx,
    State(state): State<AppState>,
    token: FormToken,
    submitted: CsrfForm<ResetRequestForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, address, .. } = submitted;
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(e) => {
            let errors = field_messages(&ctx, &[("email", Reason::Parse(e))]);
            return request_page(ctx, token, errors, form.email);
        }
    };
    throttle::count_mail_request(&state, &address, &email).await?;
    let token = secrets::random_token();
    let link = format!("{}{}", state.public_url, ctx.href(&format!("/password-reset/{token}")));
    let mail = compose(&state, ctx.lang, "reset", &email, &[("link", &link)]);
    let expires_at = OffsetDateTime::now_utc() + RESET_LINK_LIFETIME;
    if state.store.start_password_reset(&email, &secrets::token_digest(&token), expires_at, &mail, &address).await? {
        log_queued(&state, &mail);
    } else {
        state.store.audit(None, AuditAction::PasswordResetUnknownAddress, Some(email.as_str()), Some(&address)).await?;
    }
    notice(ctx, "reset-done-title", "reset-done-body")
}

/// The user a reset link is for, with the digest of its token, or why it cannot be used.
async fn reset_user(state: &AppState, token: &str) -> Result<(User, String), WebError> {
    // A token is 64 hex digits; anything else was never issued, and is not looked up.
    if !secrets::is_token(token) {
        return Err(WebError::LinkUnknown);
    }
    let digest = secrets::token_digest(token);
    match state.store.password_reset(&digest).await? {
        ResetToken::Valid(user) => Ok((user, digest)),
        ResetToken::Expired | ResetToken::Used => Err(WebError::LinkGone),
        ResetToken::Unknown => Err(WebError::LinkUnknown),
    }
}

#[derive(Template)]
#[template(path = "account/password_reset_new.html")]
struct ResetTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    email: String,
    action: String,
    csrf_token: String,
}

/// The form for a new password, sent to the address of the link's `secret`.
fn reset_page(
    ctx: PageCtx,
    token: FormToken,
    secret: &str,
    user: &User,
    errors: Vec<FieldMessage>,
) -> Result<Response, WebError> {
    let refused = !errors.is_empty();
    let page = ResetTemplate {
        title: ctx.t("reset-new-title"),
        errors,
        email: user.email.as_str().to_owned(),
        action: ctx.href(&format!("/password-reset/{secret}")),
        csrf_token: token.token.clone(),
        ctx,
    };
    Ok(token.deliver(render_checked(&page, refused)?))
}

pub async fn form(
    ctx: PageCtx,
    State(state): State<AppState>,
    token: FormToken,
    Path(secret): Path<String>,
) -> Result<Response, WebError> {
    let (user, _) = reset_user(&state, &secret).await?;
    reset_page(ctx, token, &secret, &user, Vec::new())
}

#[derive(Deserialize)]
pub struct ResetForm {
    password: String,
    confirmation: String,
}

pub async fn reset(
    ctx: PageCtx,
    State(state): State<AppState>,
    token: FormToken,
    Path(secret): Path<String>,
    submitted: CsrfForm<ResetForm>,
) -> Result<Response, WebError> {
    let form = submitted.form;
    let (user, digest) = reset_user(&state, &secret).await?;
    let mut errors = Vec::new();
    let password = new_password(&form.password, &form.confirmation, Some(&user.email), &mut errors);
    let (Some(password), true) = (password, errors.is_empty()) else {
        let errors = field_messages(&ctx, &errors);
        return reset_page(ctx, token, &secret, &user, errors);
    };
    let hash = secrets::hash(password).await?;
    // Taken again atomically: another request with the same link may have used it meanwhile.
    match state.store.finish_password_reset(&digest, &hash).await? {
        ResetToken::Valid(_) => {}
        ResetToken::Expired | ResetToken::Used => return Err(WebError::LinkGone),
        ResetToken::Unknown => return Err(WebError::LinkUnknown),
    }
    let mut response = notice(ctx, "reset-complete-title", "reset-complete-body")?;
    response.headers_mut().append(header::SET_COOKIE, session::end(&state));
    Ok(response)
}
