//! The account pages: sign in, sign out, and the account page with its password change.

use askama::Template;
use axum::{
    extract::State,
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
    Extension, Router,
};
use gfce_core::{allowed, Action, Email, Lang, NewPassword};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::{
    auth::{self, CsrfForm, Viewer, SESSION_COOKIE},
    error::{Reason, WebError},
    pages::{field_messages, render, FieldMessage, PageCtx},
    second_factor, AppState,
};

pub fn routes(lang: Lang) -> Router<AppState> {
    let p = |path: &str| format!("/{}{path}", lang.code());
    Router::new()
        .route(&p("/login"), get(login_form).post(login))
        .route(&p("/logout"), post(logout))
        .route(&p("/account"), get(account))
        .route(&p("/account/password"), post(change_password))
        .layer(Extension(lang))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    email: String,
    csrf_token: String,
}

/// The sign-in form. A visitor without a CSRF cookie gets a fresh one with the form.
async fn login_form(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    viewer: Viewer,
) -> Result<Response, WebError> {
    if viewer.session.is_some() {
        return Ok(Redirect::to(&ctx.href("/account")).into_response());
    }
    login_page(ctx, &state, &headers, StatusCode::OK, Vec::new(), String::new())
}

fn login_page(
    ctx: PageCtx,
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    errors: Vec<FieldMessage>,
    email: String,
) -> Result<Response, WebError> {
    let (csrf_token, new_cookie) = auth::form_csrf(state, None, headers);
    let page = render(&LoginTemplate { title: ctx.t("login-title"), errors, email, csrf_token, ctx })?;
    let mut response = (status, page).into_response();
    if let Some(cookie) = new_cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: String,
}

/// The throttling scope of the sign-ins to one account.
pub(crate) fn account_scope(email: &Email) -> String {
    format!("account:{}", email.as_str().to_lowercase())
}

/// The throttling scope of the sign-ins from one client address.
pub(crate) fn address_scope(address: &str) -> String {
    format!("address:{address}")
}

/// Checks the throttles for this account and address; `Err` with the seconds to wait.
pub(crate) async fn throttled(state: &AppState, scopes: &[(&str, i64)]) -> Result<(), WebError> {
    let now = OffsetDateTime::now_utc();
    for (scope, max) in scopes {
        let (failures, first) = state.store.login_failures_since(scope, now - auth::THROTTLE_WINDOW).await?;
        if failures >= *max {
            let free_at = first.map_or(now, |f| f + auth::THROTTLE_WINDOW);
            return Err(WebError::TooManyAttempts((free_at - now).whole_seconds().max(1) as u64));
        }
    }
    Ok(())
}

async fn login(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    submitted: CsrfForm<LoginForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, address, viewer } = submitted;
    let refuse = |ctx: PageCtx, email: String| {
        let errors = field_messages(&ctx, &[("email", Reason::LoginFailed)]);
        login_page(ctx, &state, &headers, StatusCode::UNAUTHORIZED, errors, email)
    };
    let Ok(email) = Email::parse(&form.email) else {
        return refuse(ctx, form.email);
    };
    let (account_scope, address_scope) = (account_scope(&email), address_scope(&address));
    throttled(
        &state,
        &[(&account_scope, auth::MAX_FAILURES_PER_ACCOUNT), (&address_scope, auth::MAX_FAILURES_PER_ADDRESS)],
    )
    .await?;
    let found = state.store.user_for_login(&email).await?;
    let hash = found.as_ref().map_or(auth::decoy_hash(), |(_, h)| h.as_str()).to_owned();
    let password = form.password;
    let matches = tokio::task::spawn_blocking(move || auth::verify_password(&hash, &password))
        .await
        .map_err(|e| WebError::Render(e.to_string()))?;
    let user = match found {
        Some((user, _)) if matches && !user.disabled => user,
        other => {
            state.store.record_login_failure(&[&account_scope, &address_scope]).await?;
            state.store.audit(other.map(|(u, _)| u.id), "login-failed", Some(email.as_str()), Some(&address)).await?;
            return refuse(ctx, email.as_str().to_owned());
        }
    };
    if state.store.second_factor(user.id).await?.is_some_and(|f| f.enabled()) {
        // The failures stay counted until the code is right too, or the password would buy
        // fresh guesses at the code.
        return second_factor::challenge(&ctx, &state, &user).await;
    }
    state.store.clear_login_failures(&account_scope, OffsetDateTime::now_utc() - auth::THROTTLE_WINDOW).await?;
    // A sign-in always starts a new session: whatever session the browser held before (another
    // account's, or one an attacker planted) ends here, and the new token is one it never saw.
    if let Some(previous) = &viewer.token_hash {
        state.store.delete_session(previous).await?;
    }
    let token = auth::random_token();
    state.store.create_session(&auth::token_digest(&token), user.id, &auth::random_token()).await?;
    state.store.audit(Some(user.id), "login", Some(email.as_str()), Some(&address)).await?;
    let mut response = Redirect::to(&ctx.href("/account")).into_response();
    let cookie = auth::set_cookie(&state, SESSION_COOKIE, &token, None);
    response.headers_mut().append(header::SET_COOKIE, cookie.parse().expect("a cookie of ASCII characters"));
    Ok(response)
}

#[derive(Deserialize)]
struct Nothing {}

async fn logout(
    ctx: PageCtx,
    State(state): State<AppState>,
    submitted: CsrfForm<Nothing>,
) -> Result<Response, WebError> {
    if let (Some(digest), Some(session)) = (&submitted.viewer.token_hash, &submitted.viewer.session) {
        state.store.delete_session(digest).await?;
        state.store.audit(Some(session.user.id), "logout", Some(session.user.email.as_str()), None).await?;
    }
    let mut response = Redirect::to(&ctx.href("")).into_response();
    let cookie = auth::set_cookie(&state, SESSION_COOKIE, "", Some(time::Duration::ZERO));
    response.headers_mut().append(header::SET_COOKIE, cookie.parse().expect("a cookie of ASCII characters"));
    Ok(response)
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountTemplate {
    ctx: PageCtx,
    title: String,
    email: String,
    role: String,
    errors: Vec<FieldMessage>,
    changed: bool,
    csrf_token: String,
    /// The secretariat's pages, for those who may see them.
    administration: bool,
    /// The personal API tokens page, for those who may have tokens.
    tokens: bool,
    /// Whether the account may use a second factor, and whether it does.
    second_factor_offered: bool,
    second_factor_on: bool,
}

async fn account_page(
    ctx: PageCtx,
    state: &AppState,
    viewer: &Viewer,
    status: StatusCode,
    errors: Vec<FieldMessage>,
    changed: bool,
) -> Result<Response, WebError> {
    let Some(session) = &viewer.session else {
        return Ok(Redirect::to(&ctx.href("/login")).into_response());
    };
    let second_factor_offered = allowed(&viewer.principal(), &Action::UseSecondFactor);
    let second_factor_on = state.store.second_factor(session.user.id).await?.is_some_and(|f| f.enabled());
    let page = render(&AccountTemplate {
        title: ctx.t("account-title"),
        email: session.user.email.as_str().to_owned(),
        role: ctx.t(&format!("role-{}", session.user.role.as_str())),
        errors,
        changed,
        csrf_token: session.csrf_token.clone(),
        administration: allowed(&viewer.principal(), &Action::ReadAuditLog),
        tokens: allowed(&viewer.principal(), &Action::ManageOwnTokens),
        second_factor_offered,
        second_factor_on,
        ctx,
    })?;
    Ok((status, page).into_response())
}

async fn account(ctx: PageCtx, State(state): State<AppState>, viewer: Viewer) -> Result<Response, WebError> {
    account_page(ctx, &state, &viewer, StatusCode::OK, Vec::new(), false).await
}

#[derive(Deserialize)]
struct PasswordForm {
    current: String,
    new: String,
}

async fn change_password(
    ctx: PageCtx,
    State(state): State<AppState>,
    submitted: CsrfForm<PasswordForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, viewer, .. } = submitted;
    let Some(session) = &viewer.session else {
        return Ok(Redirect::to(&ctx.href("/login")).into_response());
    };
    let user = &session.user;
    let hash = state.store.password_hash(user.id).await?.unwrap_or_default();
    let current = form.current;
    let current_ok = tokio::task::spawn_blocking(move || auth::verify_password(&hash, &current))
        .await
        .map_err(|e| WebError::Render(e.to_string()))?;
    if !current_ok {
        let errors = field_messages(&ctx, &[("current", Reason::WrongPassword)]);
        return account_page(ctx, &state, &viewer, StatusCode::BAD_REQUEST, errors, false).await;
    }
    let new = match NewPassword::parse(&form.new, Some(&user.email)) {
        Ok(p) => p,
        Err(e) => {
            let errors = field_messages(&ctx, &[("new", Reason::Parse(e))]);
            return account_page(ctx, &state, &viewer, StatusCode::BAD_REQUEST, errors, false).await;
        }
    };
    let hash = tokio::task::spawn_blocking(move || auth::hash_password(&new))
        .await
        .map_err(|e| WebError::Render(e.to_string()))?;
    state.store.set_password(user.id, &hash, viewer.token_hash.as_deref()).await?;
    state.store.audit(Some(user.id), "password-changed", Some(user.email.as_str()), None).await?;
    account_page(ctx, &state, &viewer, StatusCode::OK, Vec::new(), true).await
}
