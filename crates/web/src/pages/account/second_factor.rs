//! The second factor: setting it up and turning it off (`/account/second-factor`), and the code
//! asked for after the password at sign-in (`/login/code`).
//!
//! - Setting up draws a 160-bit secret and keeps it pending: the page shows it as a QR code (an
//!   SVG from its own address, so it works without JavaScript under the Content-Security-Policy)
//!   and as base32 text to type. A code from the app confirms it; then ten recovery codes are
//!   shown, once, and only their SHA-256 digests are kept. The account's other sessions end, since
//!   they were opened with the password alone.
//! - Turning it off takes the current password and a code (or a recovery code).
//! - At sign-in, a right password for an account with a second factor opens no session: it
//!   records a pending sign-in (the SHA-256 of a random token in the `gfce_pending` cookie,
//!   valid for five minutes) and asks for a code. Wrong codes count against the sign-in throttles
//!   of the account and the address, like wrong passwords. Only a right code, or an unused
//!   recovery code, turns the pending sign-in into a session, with a new token.

use askama::Template;
use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use gfce_core::{AuditAction, OneTimeCode, RecoveryCode, SecondFactorCode, TotpSecret};
use gfce_store::{SecondFactor, User};
use qrcode::{render::svg, EcLevel, QrCode};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{
    access::{
        can,
        csrf::{FormToken, NoFields},
        secrets, session,
        session::{cookie, set_cookie},
        throttle::SignIn,
        Allowed, CsrfForm,
    },
    http::{AppState, Reason, WebError},
    ui::{
        render, showing_secret,
        widgets::{field_messages, FieldMessage},
        with_cookie, PageCtx,
    },
};

/// The cookie of a sign-in that waits for its code.
pub const PENDING_COOKIE: &str = "gfce_pending";
/// How long a right password waits for its code.
pub const PENDING_LIFETIME: Duration = Duration::minutes(5);
/// The name authenticator apps show beside the account.
const ISSUER: &str = "GFCE Hub";

/// 160 random bits from the operating system.
fn new_secret() -> TotpSecret {
    let mut bytes = [0u8; TotpSecret::BYTES];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    TotpSecret::from_bytes(bytes)
}

fn new_recovery_codes() -> Vec<RecoveryCode> {
    (0..RecoveryCode::COUNT)
        .map(|_| {
            let mut bytes = [0u8; RecoveryCode::LEN];
            getrandom::fill(&mut bytes).expect("the operating system's random source");
            RecoveryCode::from_bytes(bytes)
        })
        .collect()
}

/// The QR code of an `otpauth://` address, as an SVG document.
pub fn qr_svg(uri: &str) -> String {
    QrCode::with_error_correction_level(uri.as_bytes(), EcLevel::M)
        .expect("an otpauth address fits in a QR code")
        .render::<svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build()
}

/// Whether `code` proves the second factor now, taking what it uses: the time step of an app's
/// code (so it is refused next time), or the recovery code.
async fn take_code(
    state: &AppState,
    user: Uuid,
    factor: &SecondFactor,
    code: &SecondFactorCode,
) -> Result<bool, WebError> {
    match code {
        SecondFactorCode::App(code) => {
            let now = OffsetDateTime::now_utc().unix_timestamp();
            match factor.secret.accepted_step(code, now, factor.last_step) {
                Some(step) => Ok(state.store.take_code_step(user, step).await?),
                None => Ok(false),
            }
        }
        SecondFactorCode::Recovery(code) => {
            Ok(state.store.take_recovery_code(user, &secrets::token_digest(code.expose())).await?)
        }
    }
}

/// Who may set up a second factor: curators and administrators.
type Holder = Allowed<can::UseSecondFactor>;

#[derive(Template)]
#[template(path = "account/second_factor.html")]
struct SettingsTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    csrf_token: String,
    /// When it was turned on, if it is on.
    enabled_since: Option<String>,
    /// How many recovery codes are left, as a sentence.
    codes_left: String,
    /// The pending secret in groups of four, to type into an app.
    pending_secret: Option<String>,
    /// Recovery codes made just now, shown this once.
    new_codes: Vec<String>,
    /// It was turned off just now.
    turned_off: bool,
}

#[derive(Default)]
struct Outcome {
    errors: Vec<FieldMessage>,
    new_codes: Vec<String>,
    turned_off: bool,
}

async fn settings_page(
    ctx: PageCtx,
    state: &AppState,
    me: &Holder,
    status: StatusCode,
    outcome: Outcome,
) -> Result<Response, WebError> {
    let factor = state.store.second_factor(me.id()).await?;
    let enabled_since = factor
        .as_ref()
        .and_then(|f| f.enabled_at)
        .map(|at| ctx.t_args("second-factor-on-since", &[("date", &ctx.date(at.date()))]));
    let page = render(&SettingsTemplate {
        title: ctx.t("second-factor-title"),
        errors: outcome.errors,
        csrf_token: me.csrf_token(),
        codes_left: ctx.t1("second-factor-codes-left", "count", factor.as_ref().map_or(0, |f| f.recovery_codes_left)),
        pending_secret: factor.as_ref().filter(|f| !f.enabled()).map(|f| f.secret.to_base32_grouped()),
        enabled_since,
        new_codes: outcome.new_codes,
        turned_off: outcome.turned_off,
        ctx,
    })?;
    Ok(showing_secret((status, page).into_response()))
}

/// The page of a refusal: what was wrong with which field.
async fn refused(
    ctx: PageCtx,
    state: &AppState,
    me: &Holder,
    errors: &[(&'static str, Reason)],
) -> Result<Response, WebError> {
    let outcome = Outcome { errors: field_messages(&ctx, errors), ..Outcome::default() };
    settings_page(ctx, state, me, StatusCode::BAD_REQUEST, outcome).await
}

pub async fn settings(ctx: PageCtx, State(state): State<AppState>, me: Holder) -> Result<Response, WebError> {
    settings_page(ctx, &state, &me, StatusCode::OK, Outcome::default()).await
}

/// Draws a new pending secret (starting over if one was pending already).
pub async fn start(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Holder,
    _: CsrfForm<NoFields>,
) -> Result<Response, WebError> {
    state.store.start_second_factor(me.id(), &new_secret()).await?;
    Ok(ctx.see("/account/second-factor"))
}

/// The QR code of the pending secret; 404 when none is pending.
pub async fn qr_code(State(state): State<AppState>, me: Holder) -> Result<Response, WebError> {
    let factor = state.store.second_factor(me.id()).await?;
    let Some(pending) = factor.filter(|f| !f.enabled()) else {
        return Err(WebError::NotFound);
    };
    let svg = qr_svg(&pending.secret.otpauth_uri(ISSUER, me.user().email.as_str()));
    let response = ([(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"))], svg).into_response();
    Ok(showing_secret(response))
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    code: String,
}

/// Enables the pending secret once a code from the app proves the app has it.
pub async fn confirm(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Holder,
    submitted: CsrfForm<ConfirmForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, address, .. } = submitted;
    let user = me.user();
    let Some(pending) = state.store.second_factor(user.id).await?.filter(|f| !f.enabled()) else {
        return Ok(ctx.see("/account/second-factor"));
    };
    let code = match OneTimeCode::parse(&form.code) {
        Ok(code) => code,
        Err(e) => return refused(ctx, &state, &me, &[("code", Reason::Parse(e))]).await,
    };
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let Some(step) = pending.secret.accepted_step(&code, now, None) else {
        state
            .store
            .audit(Some(user.id), AuditAction::SecondFactorFailed, Some(user.email.as_str()), Some(&address))
            .await?;
        return refused(ctx, &state, &me, &[("code", Reason::WrongCode)]).await;
    };
    let codes = new_recovery_codes();
    let digests: Vec<String> = codes.iter().map(|c| secrets::token_digest(c.expose())).collect();
    if !state.store.enable_second_factor(user, &pending.secret, step, &digests, &me.token_hash).await? {
        return Ok(ctx.see("/account/second-factor"));
    }
    let outcome = Outcome { new_codes: codes.iter().map(RecoveryCode::display).collect(), ..Outcome::default() };
    settings_page(ctx, &state, &me, StatusCode::OK, outcome).await
}

#[derive(Deserialize)]
pub struct DisableForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    code: String,
}

/// Turns the second factor off, with the current password and a code. Failures count against
/// the sign-in throttles: together the two are what signing in takes.
pub async fn disable(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Holder,
    submitted: CsrfForm<DisableForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, address, .. } = submitted;
    let user = me.user();
    let Some(factor) = state.store.second_factor(user.id).await?.filter(SecondFactor::enabled) else {
        return Ok(ctx.see("/account/second-factor"));
    };
    let code = match SecondFactorCode::parse(&form.code) {
        Ok(code) => code,
        Err(e) => return refused(ctx, &state, &me, &[("code", Reason::Parse(e))]).await,
    };
    let attempt = SignIn::attempt(&state, &user.email, &address).await?;
    let hash = state.store.password_hash(user.id).await?.unwrap_or_default();
    let refusal = if !secrets::verify(hash, form.current).await? {
        Some(("current", Reason::WrongPassword))
    } else if !take_code(&state, user.id, &factor, &code).await? {
        Some(("code", Reason::WrongCode))
    } else {
        None
    };
    if let Some(refusal) = refusal {
        attempt.failed();
        state
            .store
            .audit(Some(user.id), AuditAction::SecondFactorFailed, Some(user.email.as_str()), Some(&address))
            .await?;
        return refused(ctx, &state, &me, &[refusal]).await;
    }
    attempt.succeeded(&state).await?;
    state.store.disable_second_factor(user, AuditAction::SecondFactorDisabled).await?;
    settings_page(ctx, &state, &me, StatusCode::OK, Outcome { turned_off: true, ..Outcome::default() }).await
}

/// Answers a right password for an account with a second factor: a pending sign-in instead of a
/// session, and the way to the code form.
pub(super) async fn challenge(ctx: &PageCtx, state: &AppState, user: &User) -> Result<Response, WebError> {
    let token = secrets::random_token();
    let expires_at = OffsetDateTime::now_utc() + PENDING_LIFETIME;
    state.store.create_pending_login(&secrets::token_digest(&token), user.id, expires_at).await?;
    let cookie = set_cookie(state, PENDING_COOKIE, &token, Some(PENDING_LIFETIME));
    Ok(with_cookie(ctx.see("/login/code"), Some(cookie)))
}

#[derive(Template)]
#[template(path = "account/login_code.html")]
struct CodeTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    csrf_token: String,
}

fn code_page(
    ctx: PageCtx,
    token: FormToken,
    status: StatusCode,
    errors: Vec<FieldMessage>,
) -> Result<Response, WebError> {
    let csrf_token = token.token.clone();
    let page = render(&CodeTemplate { title: ctx.t("login-code-title"), errors, csrf_token, ctx })?;
    Ok(token.deliver((status, page).into_response()))
}

/// The pending sign-in of this request, with its token digest.
async fn pending(state: &AppState, headers: &HeaderMap) -> Result<Option<(String, User)>, WebError> {
    let Some(token) = cookie(headers, PENDING_COOKIE).filter(|t| t.len() == 64) else {
        return Ok(None);
    };
    let digest = secrets::token_digest(token);
    Ok(state.store.pending_login(&digest).await?.map(|p| (digest, p.user)))
}

/// The form for the code; without a pending sign-in, the sign-in starts again.
pub async fn code_form(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    token: FormToken,
) -> Result<Response, WebError> {
    if pending(&state, &headers).await?.is_none() {
        return Ok(ctx.see("/login"));
    }
    code_page(ctx, token, StatusCode::OK, Vec::new())
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: Option<String>,
    recovery: Option<String>,
}

pub async fn submit_code(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    token: FormToken,
    submitted: CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, address, .. } = submitted;
    let Some((pending_hash, user)) = pending(&state, &headers).await? else {
        return Ok(ctx.see("/login"));
    };
    let Some(factor) = state.store.second_factor(user.id).await?.filter(SecondFactor::enabled) else {
        // Reset meanwhile by an operator: the password alone no longer opens a session either
        // way, so the sign-in starts again.
        state.store.delete_pending_login(&pending_hash).await?;
        return Ok(ctx.see("/login"));
    };
    let recovery = form.recovery.filter(|r| !r.trim().is_empty());
    let (field, parsed) = match &recovery {
        Some(text) => ("recovery", RecoveryCode::parse(text).map(SecondFactorCode::Recovery)),
        None => ("code", OneTimeCode::parse(form.code.as_deref().unwrap_or_default()).map(SecondFactorCode::App)),
    };
    let code = match parsed {
        Ok(code) => code,
        Err(e) => {
            let errors = field_messages(&ctx, &[(field, Reason::Parse(e))]);
            return code_page(ctx, token, StatusCode::BAD_REQUEST, errors);
        }
    };
    let attempt = SignIn::attempt(&state, &user.email, &address).await?;
    if !take_code(&state, user.id, &factor, &code).await? {
        attempt.failed();
        state
            .store
            .audit(Some(user.id), AuditAction::SecondFactorFailed, Some(user.email.as_str()), Some(&address))
            .await?;
        let errors = field_messages(&ctx, &[(field, Reason::WrongCode)]);
        return code_page(ctx, token, StatusCode::UNAUTHORIZED, errors);
    }
    let token = secrets::random_token();
    let session_hash = secrets::token_digest(&token);
    if !state
        .store
        .finish_pending_login(&pending_hash, &session_hash, &secrets::random_token(), &user, &address)
        .await?
    {
        return Ok(ctx.see("/login"));
    }
    if matches!(code, SecondFactorCode::Recovery(_)) {
        state
            .store
            .audit(Some(user.id), AuditAction::RecoveryCodeUsed, Some(user.email.as_str()), Some(&address))
            .await?;
    }
    attempt.succeeded(&state).await?;
    let mut response = ctx.see("/account");
    for cookie in [
        set_cookie(&state, session::SESSION_COOKIE, &token, None),
        set_cookie(&state, PENDING_COOKIE, "", Some(Duration::ZERO)),
    ] {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_a_plain_svg_image() {
        let secret = TotpSecret::from_bytes(*b"12345678901234567890");
        let svg = qr_svg(&secret.otpauth_uri(ISSUER, "officer@cert.example.org"));
        assert!(svg.starts_with("<?xml") && svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
        assert!(svg.ends_with("</svg>"));
        // Nothing a Content-Security-Policy without inline styles or scripts would block.
        for forbidden in ["style", "<script", "href", "on"] {
            assert!(!svg.contains(&format!(" {forbidden}")), "{forbidden} in {svg}");
        }
    }

    #[test]
    fn recovery_codes_are_ten_and_different() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        let distinct: std::collections::HashSet<String> = codes.iter().map(RecoveryCode::display).collect();
        assert_eq!(distinct.len(), 10);
        assert!(codes.iter().all(|c| RecoveryCode::parse(&c.display()).as_ref() == Ok(c)));
        assert_ne!(new_secret(), new_secret());
    }
}
