//! Registration, which never tells whether an address has an account: a registration for an
//! address that has one answers as a new one does ("check your mailbox") and sends the holder a
//! notice instead; the password is hashed either way, so the answer takes as long. It is
//! throttled per client address and per recipient, since it sends mail.

use askama::Template;
use axum::{extract::State, response::Response};
use gfce_core::{Email, NewPassword};
use gfce_store::Registration;
use serde::Deserialize;

use crate::{
    access::{csrf::FormToken, secrets, throttle, CsrfForm, Viewer},
    http::{params::FieldError, AppState, Reason, WebError},
    pages::mail::{compose, log_queued},
    ui::{
        notice, render_checked,
        widgets::{field_messages, FieldMessage},
        PageCtx,
    },
};

/// Parses a new password and its confirmation, adding the refusals to `errors`.
pub(super) fn new_password(
    password: &str,
    confirmation: &str,
    email: Option<&Email>,
    errors: &mut Vec<FieldError>,
) -> Option<NewPassword> {
    let parsed = NewPassword::parse(password, email).map_err(|e| errors.push(("password", Reason::Parse(e)))).ok();
    if !secrets::same_secret(password, confirmation) {
        errors.push(("confirmation", Reason::PasswordsDiffer));
    }
    parsed
}

#[derive(Template)]
#[template(path = "account/register.html")]
struct RegisterTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    email: String,
    csrf_token: String,
}

fn register_page(
    ctx: PageCtx,
    token: FormToken,
    errors: Vec<FieldMessage>,
    email: String,
) -> Result<Response, WebError> {
    let refused = !errors.is_empty();
    let page = RegisterTemplate { title: ctx.t("register-title"), errors, email, csrf_token: token.token.clone(), ctx };
    Ok(token.deliver(render_checked(&page, refused)?))
}

pub async fn form(ctx: PageCtx, viewer: Viewer, token: FormToken) -> Result<Response, WebError> {
    if viewer.session.is_some() {
        return Ok(ctx.see("/account"));
    }
    register_page(ctx, token, Vec::new(), String::new())
}

#[derive(Deserialize)]
pub struct RegisterForm {
    email: String,
    password: String,
    confirmation: String,
}

pub async fn submit(
    ctx: PageCtx,
    State(state): State<AppState>,
    token: FormToken,
    submitted: CsrfForm<RegisterForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, viewer, address } = submitted;
    if viewer.session.is_some() {
        return Ok(ctx.see("/account"));
    }
    let mut errors = Vec::new();
    let email = Email::parse(&form.email).map_err(|e| errors.push(("email", Reason::Parse(e)))).ok();
    let password = new_password(&form.password, &form.confirmation, email.as_ref(), &mut errors);
    let (Some(email), Some(password), true) = (email, password, errors.is_empty()) else {
        let errors = field_messages(&ctx, &errors);
        return register_page(ctx, token, errors, form.email);
    };
    throttle::count_mail_request(&state, &address, &email).await?;
    // The hash is made whether or not the address is taken, so the answer takes as long.
    let hash = secrets::hash(password).await?;
    let public = |path: &str| format!("{}{}", state.public_url, ctx.href(path));
    let welcome = compose(&state, ctx.lang, "welcome", &email, &[("link", &public("/login"))]);
    let notice_mail = compose(&state, ctx.lang, "already-registered", &email, &[("link", &public("/password-reset"))]);
    let outcome = state.store.register_user(&email, &hash, &welcome, &notice_mail, &address).await?;
    log_queued(&state, if matches!(outcome, Registration::Created(_)) { &welcome } else { &notice_mail });
    notice(ctx, "register-done-title", "register-done-body")
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
}
