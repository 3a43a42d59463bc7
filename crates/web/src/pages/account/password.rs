//! The account page: who is signed in, with which role, the pages their role opens, and the
//! form to change the password.

use askama::Template;
use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use gfce_core::{allowed, Action, AuditAction, NewPassword};
use serde::Deserialize;

use crate::{
    access::{secrets, CsrfForm, SignedIn},
    http::{AppState, Reason, WebError},
    ui::{
        render,
        widgets::{field_messages, FieldMessage},
        PageCtx,
    },
};

#[derive(Template)]
#[template(path = "account/account.html")]
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
    me: &SignedIn,
    status: StatusCode,
    errors: Vec<FieldMessage>,
    changed: bool,
) -> Result<Response, WebError> {
    let who = &me.principal;
    let second_factor_on = state.store.second_factor(me.id()).await?.is_some_and(|f| f.enabled());
    let page = render(&AccountTemplate {
        title: ctx.t("account-title"),
        email: me.user().email.as_str().to_owned(),
        role: ctx.t(&format!("role-{}", me.user().role.as_str())),
        errors,
        changed,
        csrf_token: me.csrf_token(),
        administration: allowed(who, &Action::ReadAuditLog),
        tokens: allowed(who, &Action::ManageOwnTokens),
        second_factor_offered: allowed(who, &Action::UseSecondFactor),
        second_factor_on,
        ctx,
    })?;
    Ok((status, page).into_response())
}

pub async fn page(ctx: PageCtx, State(state): State<AppState>, me: SignedIn) -> Result<Response, WebError> {
    account_page(ctx, &state, &me, StatusCode::OK, Vec::new(), false).await
}

#[derive(Deserialize)]
pub struct PasswordForm {
    current: String,
    new: String,
}

pub async fn change(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: SignedIn,
    submitted: CsrfForm<PasswordForm>,
) -> Result<Response, WebError> {
    let form = submitted.form;
    let user = me.user();
    let hash = state.store.password_hash(user.id).await?.unwrap_or_default();
    if !secrets::verify(hash, form.current).await? {
        let errors = field_messages(&ctx, &[("current", Reason::WrongPassword)]);
        return account_page(ctx, &state, &me, StatusCode::BAD_REQUEST, errors, false).await;
    }
    let new = match NewPassword::parse(&form.new, Some(&user.email)) {
        Ok(p) => p,
        Err(e) => {
            let errors = field_messages(&ctx, &[("new", Reason::Parse(e))]);
            return account_page(ctx, &state, &me, StatusCode::BAD_REQUEST, errors, false).await;
        }
    };
    let hash = secrets::hash(new).await?;
    state.store.set_password(user.id, &hash, Some(&me.token_hash)).await?;
    state.store.audit(Some(user.id), AuditAction::PasswordChanged, Some(user.email.as_str()), None).await?;
    account_page(ctx, &state, &me, StatusCode::OK, Vec::new(), true).await
}
