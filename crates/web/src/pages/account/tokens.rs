//! The account's personal API tokens page: the tokens with their state, a form to make one
//! (its secret shown once, on the page that answers the form), and a revoke button for each.
//!
//! The secret is in that one response only, which no cache may keep; the store has its digest.

use askama::Template;
use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use gfce_core::{TokenLifetime, TokenName, TokenScope, TokenScopes};
use gfce_store::ApiToken;
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

use crate::{
    access::{can, csrf::NoFields, Allowed, CsrfForm, IssuedToken},
    http::{
        params::{FieldError, IdParam},
        AppState, Reason, WebError,
    },
    ui::{
        render, showing_secret,
        widgets::{labelled_messages, FieldMessage, Opt},
        PageCtx,
    },
};

/// The form's fields, named by their labels in the error summary.
const LABELS: [(&str, &str); 3] = [("name", "tokens-name"), ("scope", "tokens-scope"), ("expires", "tokens-expires")];

/// Who may have tokens.
type Holder = Allowed<can::ManageOwnTokens>;

/// The form as typed; a field not sent at all is empty.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    expires: String,
}

/// A token as a row of the table.
struct TokenRow {
    name: String,
    scopes: String,
    created: String,
    last_used: String,
    expires: String,
    state: String,
    /// Whether it can still be revoked.
    active: bool,
    revoke_action: String,
}

/// The token just made, with the secret shown this once.
struct Created {
    heading: String,
    secret: String,
}

#[derive(Template)]
#[template(path = "account/tokens.html")]
struct TokensTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    created: Option<Created>,
    rows: Vec<TokenRow>,
    name: String,
    scopes: Vec<Opt>,
    lifetimes: Vec<Opt>,
    csrf_token: String,
}

fn scopes_label(ctx: &PageCtx, scopes: TokenScopes) -> String {
    ctx.t(if scopes.allows(TokenScope::Write) { "tokens-scope-write" } else { "tokens-scope-read" })
}

fn row(ctx: &PageCtx, token: &ApiToken, now: OffsetDateTime) -> TokenRow {
    let state = if token.revoked_at.is_some() {
        "tokens-state-revoked"
    } else if token.is_active(now) {
        "tokens-state-active"
    } else {
        "tokens-state-expired"
    };
    TokenRow {
        name: token.name.clone(),
        scopes: scopes_label(ctx, token.scopes),
        created: ctx.date(token.created_at.date()),
        last_used: token.last_used_at.map_or_else(|| ctx.t("tokens-never-used"), |at| ctx.date(at.date())),
        expires: token.expires_at.map_or_else(|| ctx.t("tokens-no-expiry"), |at| ctx.date(at.date())),
        state: ctx.t(state),
        active: token.is_active(now),
        revoke_action: ctx.href(&format!("/account/tokens/{}/revoke", token.id)),
    }
}

fn lifetime_label(ctx: &PageCtx, lifetime: TokenLifetime) -> String {
    match lifetime.days() {
        Some(days) => ctx.t1("tokens-expires-days", "days", i64::from(days)),
        None => ctx.t("tokens-expires-never"),
    }
}

async fn tokens_page(
    ctx: PageCtx,
    state: &AppState,
    me: &Holder,
    status: StatusCode,
    errors: &[FieldError],
    form: TokenForm,
    created: Option<Created>,
) -> Result<Response, WebError> {
    let now = OffsetDateTime::now_utc();
    let rows = state.store.tokens_of(me.id()).await?.iter().map(|t| row(&ctx, t, now)).collect();
    let chosen_scope = form.scope.trim();
    let scopes = TokenScope::ALL
        .into_iter()
        .map(|s| Opt {
            value: s.as_str().to_owned(),
            label: scopes_label(&ctx, TokenScopes::granting(s)),
            selected: chosen_scope == s.as_str() || (chosen_scope.is_empty() && s == TokenScope::Read),
        })
        .collect();
    let chosen_lifetime = form.expires.trim();
    let lifetimes = TokenLifetime::CHOICES
        .into_iter()
        .map(|l| Opt { value: l.as_str(), label: lifetime_label(&ctx, l), selected: chosen_lifetime == l.as_str() })
        .collect();
    let page = render(&TokensTemplate {
        title: ctx.t("tokens-title"),
        errors: labelled_messages(&ctx, errors, &LABELS),
        created,
        rows,
        name: form.name,
        scopes,
        lifetimes,
        csrf_token: me.csrf_token(),
        ctx,
    })?;
    // The page that shows a secret must not be kept by any cache; the others list the tokens.
    Ok(showing_secret((status, page).into_response()))
}

pub async fn page(ctx: PageCtx, State(state): State<AppState>, me: Holder) -> Result<Response, WebError> {
    tokens_page(ctx, &state, &me, StatusCode::OK, &[], TokenForm::default(), None).await
}

pub async fn create(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Holder,
    submitted: CsrfForm<TokenForm>,
) -> Result<Response, WebError> {
    let form = submitted.form;
    let mut errors: Vec<FieldError> = Vec::new();
    let mut field = |name: &'static str, e| errors.push((name, Reason::Parse(e)));
    let name = TokenName::parse(&form.name).map_err(|e| field("name", e)).ok();
    let scope = form.scope.parse::<TokenScope>().map_err(|e| field("scope", e)).ok();
    let lifetime = TokenLifetime::parse_choice(&form.expires).map_err(|e| field("expires", e)).ok();
    let (Some(name), Some(scope), Some(lifetime)) = (name, scope, lifetime) else {
        return tokens_page(ctx, &state, &me, StatusCode::BAD_REQUEST, &errors, form, None).await;
    };
    let issued = IssuedToken::generate();
    let expires_at = lifetime.days().map(|days| OffsetDateTime::now_utc() + Duration::days(i64::from(days)));
    let scopes = TokenScopes::granting(scope);
    state.store.create_token(me.id(), &name, &issued.digest, scopes, expires_at).await?;
    let heading = ctx.t_args("tokens-created-heading", &[("name", name.as_str())]);
    let created = Created { heading, secret: issued.secret };
    tokens_page(ctx, &state, &me, StatusCode::OK, &[], TokenForm::default(), Some(created)).await
}

pub async fn revoke(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Holder,
    IdParam(id): IdParam,
    _: CsrfForm<NoFields>,
) -> Result<Response, WebError> {
    // Revoking a token revoked already, or one that is not the viewer's, changes nothing; either
    // way the list shows how things stand.
    state.store.revoke_token(me.id(), id).await?;
    Ok(ctx.see("/account/tokens"))
}
