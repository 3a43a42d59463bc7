//! Signing in and out.
//!
//! A sign-in is throttled per account and per client address before the password is checked;
//! a login for an unknown address verifies against a decoy hash, so that the answer takes as
//! long and tells nothing. A right password for an account with a second factor opens no
//! session but asks for a code (`second_factor`).

use askama::Template;
use axum::{
    extract::State,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use gfce_core::{AuditAction, Email};
use serde::Deserialize;

use super::second_factor;
use crate::{
    access::{
        csrf::{FormToken, NoFields},
        secrets, session,
        throttle::SignIn,
        CsrfForm, Viewer,
    },
    http::{AppState, Reason, WebError},
    ui::{
        render,
        widgets::{field_messages, FieldMessage},
        PageCtx,
    },
};

#[derive(Template)]
#[template(path = "account/login.html")]
struct LoginTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    email: String,
    csrf_token: String,
}

/// The sign-in form; a visitor who is signed in already is sent to their account.
pub async fn form(ctx: PageCtx, viewer: Viewer, token: FormToken) -> Result<Response, WebError> {
    if viewer.session.is_some() {
        return Ok(ctx.see("/account"));
    }
    login_page(ctx, token, StatusCode::OK, Vec::new(), String::new())
}

fn login_page(
    ctx: PageCtx,
    token: FormToken,
    status: StatusCode,
    errors: Vec<FieldMessage>,
    email: String,
) -> Result<Response, WebError> {
    let csrf_token = token.token.clone();
    let page = render(&LoginTemplate { title: ctx.t("login-title"), errors, email, csrf_token, ctx })?;
    Ok(token.deliver((status, page).into_response()))
}

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
}

pub async fn login(
    ctx: PageCtx,
    State(state): State<AppState>,
    token: FormToken,
    submitted: CsrfForm<LoginForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, address, viewer } = submitted;
    let refuse = |ctx: PageCtx, email: String| {
        let errors = field_messages(&ctx, &[("email", Reason::LoginFailed)]);
        login_page(ctx, token, StatusCode::UNAUTHORIZED, errors, email)
    };
    let Ok(email) = Email::parse(&form.email) else {
        return refuse(ctx, form.email);
    };
    let attempt = SignIn::attempt(&state, &email, &address).await?;
    let found = state.store.user_for_login(&email).await?;
    let hash = found.as_ref().map_or(secrets::decoy_hash(), |(_, h)| h.as_str()).to_owned();
    let matches = secrets::verify(hash, form.password).await?;
    let user = match found {
        Some((user, _)) if matches && !user.disabled => user,
        other => {
            attempt.failed();
            state
                .store
                .audit(other.map(|(u, _)| u.id), AuditAction::LoginFailed, Some(email.as_str()), Some(&address))
                .await?;
            return refuse(ctx, email.as_str().to_owned());
        }
    };
    if state.store.second_factor(user.id).await?.is_some_and(|f| f.enabled()) {
        attempt.half_done(&state).await?;
        return second_factor::challenge(&ctx, &state, &user).await;
    }
    attempt.succeeded(&state).await?;
    let cookie = session::start(&state, user.id, viewer.token_hash.as_deref()).await?;
    state.store.audit(Some(user.id), AuditAction::Login, Some(email.as_str()), Some(&address)).await?;
    let mut response = ctx.see("/account");
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

pub async fn logout(
    ctx: PageCtx,
    State(state): State<AppState>,
    submitted: CsrfForm<NoFields>,
) -> Result<Response, WebError> {
    if let (Some(digest), Some(session)) = (&submitted.viewer.token_hash, &submitted.viewer.session) {
        state.store.delete_session(digest).await?;
        state.store.audit(Some(session.user.id), AuditAction::Logout, Some(session.user.email.as_str()), None).await?;
    }
    let mut response = ctx.see("");
    response.headers_mut().append(header::SET_COOKIE, session::end(&state));
    Ok(response)
}
