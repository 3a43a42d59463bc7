//! Membership applications: the form anyone may send, and the secretariat's queue, with an
//! application's page, its history and the approve and reject forms.
//!
//! The form is parsed once into a [`MembershipApplication`]; every refused field is listed in
//! the page's language, the form kept filled in, nothing written. An application sends mail to
//! whatever address it names, so it is throttled like registration, per client address and per
//! recipient. The queue carries the contacts' personal data: only administrators see it.

use askama::Template;
use axum::{
    extract::{Path, RawQuery, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
    Extension, Router,
};
use fluent_bundle::FluentValue;
use gfce_core::{
    allowed, reference, Action, ActorKind, ApplicationForm, ApplicationState, Email, Lang, MembershipApplication,
    ParseError, Principal, RejectionReason,
};
use gfce_store::{ApprovalMail, Decision, HistoryEntry, OutgoingMail, StoredApplication};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{
    account::throttled,
    auth::{self, CsrfForm, Viewer},
    error::{Reason, WebError},
    pages::{country_options, field_messages, render, theme_groups, FieldMessage, Opt, OptGroup, PageCtx, SummaryRow},
    params::FieldError,
    signup::{log_queued, notice, recipient_scope, with_cookie, MAX_MAIL_PER_RECIPIENT, MAX_MAIL_REQUESTS_PER_ADDRESS},
    AppState,
};

/// How long the link that lets a new representative choose a password works: longer than a
/// reset link, since it arrives unasked, perhaps while its recipient is away.
pub const ACCOUNT_LINK_LIFETIME: Duration = Duration::days(7);

pub fn routes(lang: Lang) -> Router<AppState> {
    let p = |path: &str| format!("/{}{path}", lang.code());
    Router::new()
        .route(&p("/apply"), get(apply_form).post(apply))
        .route(&p("/admin/applications"), get(queue))
        .route(&p("/admin/applications/{id}"), get(application))
        .route(&p("/admin/applications/{id}/approve"), post(approve))
        .route(&p("/admin/applications/{id}/reject"), post(reject))
        .layer(Extension(lang))
}

fn to_login(ctx: &PageCtx) -> Response {
    Redirect::to(&ctx.href("/login")).into_response()
}

/// Whether the viewer may go on: `Ok(None)` if so, a redirect to the sign-in page for a visitor
/// who is not signed in, and [`WebError::NotPermitted`] for an account whose role does not allow
/// `action`.
pub(crate) fn gate(ctx: &PageCtx, viewer: &Viewer, action: &Action) -> Result<Option<Response>, WebError> {
    let who = viewer.principal();
    if allowed(&who, action) {
        Ok(None)
    } else if who == Principal::Anonymous {
        Ok(Some(to_login(ctx)))
    } else {
        Err(WebError::NotPermitted)
    }
}

/// A message in `lang` from the Fluent files: `mail-{kind}-subject` and `mail-{kind}-body`.
fn compose(state: &AppState, lang: Lang, kind: &str, to: &Email, args: &[(&str, FluentValue<'_>)]) -> OutgoingMail {
    OutgoingMail {
        to: to.clone(),
        lang,
        subject: state.i18n.get(lang, &format!("mail-{kind}-subject")),
        body: state.i18n.get_args(lang, &format!("mail-{kind}-body"), args),
    }
}

/// The form's fields as submitted; a checkbox counts as ticked when it is sent at all.
fn application_form(fields: &[(String, String)]) -> ApplicationForm {
    let text = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let ticked = |name: &str| fields.iter().any(|(k, _)| k == name);
    ApplicationForm {
        kind: text("kind"),
        name_en: text("name_en"),
        name_vi: text("name_vi"),
        country: text("country"),
        website: text("website"),
        contact_name: text("contact_name"),
        contact_email: text("contact_email"),
        motivation: text("motivation"),
        themes: fields.iter().filter(|(k, _)| k == "themes").map(|(_, v)| v.clone()).collect(),
        endorse_hague: ticked("endorse_hague"),
        endorse_framework: ticked("endorse_framework"),
        endorse_delhi: ticked("endorse_delhi"),
        official_name: text("official_name"),
        official_title: text("official_title"),
    }
}

fn refusals(errors: Vec<(&'static str, ParseError)>) -> Vec<FieldError> {
    errors.into_iter().map(|(field, e)| (field, Reason::Parse(e))).collect()
}

#[derive(Template)]
#[template(path = "apply.html")]
struct ApplyTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    form: ApplicationForm,
    kinds: Vec<Opt>,
    countries: Vec<Opt>,
    themes: Vec<OptGroup>,
    csrf_token: String,
}

async fn apply_page(
    ctx: PageCtx,
    state: &AppState,
    headers: &HeaderMap,
    viewer: &Viewer,
    status: StatusCode,
    errors: Vec<FieldMessage>,
    form: ApplicationForm,
) -> Result<Response, WebError> {
    let (csrf_token, cookie) = auth::form_csrf(state, viewer.session.as_ref(), headers);
    let kinds = ActorKind::ALL
        .into_iter()
        .filter(|k| k.membership().is_some())
        .map(|k| Opt {
            value: k.as_str().into(),
            label: ctx.t(&format!("kind-{}", k.as_str())),
            selected: form.kind.trim() == k.as_str(),
        })
        .collect();
    let countries = country_options(ctx.lang, |code| form.country.trim().eq_ignore_ascii_case(code));
    let themes = theme_groups(&ctx, &state.store.themes().await?, |id| form.themes.iter().any(|v| v.trim() == id));
    let page = render(&ApplyTemplate {
        title: ctx.t("apply-title"),
        errors,
        form,
        kinds,
        countries,
        themes,
        csrf_token,
        ctx,
    })?;
    Ok(with_cookie((status, page).into_response(), cookie))
}

async fn apply_form(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    viewer: Viewer,
) -> Result<Response, WebError> {
    if let Some(elsewhere) = gate(&ctx, &viewer, &Action::Apply)? {
        return Ok(elsewhere);
    }
    apply_page(ctx, &state, &headers, &viewer, StatusCode::OK, Vec::new(), ApplicationForm::default()).await
}

async fn apply(
    ctx: PageCtx,
    State(state): State<AppState>,
    headers: HeaderMap,
    submitted: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let CsrfForm { form: fields, viewer, address } = submitted;
    if let Some(elsewhere) = gate(&ctx, &viewer, &Action::Apply)? {
        return Ok(elsewhere);
    }
    let form = application_form(&fields);
    let application = match MembershipApplication::parse(&form) {
        Ok(application) => application,
        Err(errors) => {
            let errors = field_messages(&ctx, &refusals(errors));
            return apply_page(ctx, &state, &headers, &viewer, StatusCode::BAD_REQUEST, errors, form).await;
        }
    };
    let address_scope = format!("mail-request:{address}");
    let recipient_scope = recipient_scope(&application.contact_email);
    throttled(&state, &[(&address_scope, MAX_MAIL_REQUESTS_PER_ADDRESS), (&recipient_scope, MAX_MAIL_PER_RECIPIENT)])
        .await?;
    state.store.record_login_failure(&[&address_scope, &recipient_scope]).await?;
    // The acknowledgement goes to an address nobody has checked yet, so it repeats nothing the
    // applicant typed: the site must not carry someone's text to a stranger's mailbox.
    let acknowledgement = compose(&state, ctx.lang, "application-received", &application.contact_email, &[]);
    let by = viewer.session.as_ref().map(|s| s.user.id);
    state.store.submit_application(&application, ctx.lang, by, &acknowledgement, &address).await?;
    log_queued(&state, &acknowledgement);
    notice(ctx, "apply-done-title", "apply-done-body")
}

/// A line of the queue.
struct QueueRow {
    name: String,
    href: String,
    kind: String,
    country: String,
    contact: String,
    submitted_at: String,
    state: String,
}

#[derive(Template)]
#[template(path = "applications.html")]
struct QueueTemplate {
    ctx: PageCtx,
    title: String,
    states: Vec<Opt>,
    rows: Vec<QueueRow>,
}

fn country_name(ctx: &PageCtx, a: &MembershipApplication) -> String {
    a.country
        .map(|code| {
            reference::shipped().country(code).map_or_else(|| code.to_string(), |c| c.name.get(ctx.lang).into())
        })
        .unwrap_or_default()
}

async fn queue(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    if let Some(elsewhere) = gate(&ctx, &viewer, &Action::ReadApplications)? {
        return Ok(elsewhere);
    }
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.as_deref().unwrap_or(""))
        .map_err(|_| WebError::InvalidParam { param: "query", reason: Reason::Query })?;
    let wanted = pairs.iter().find(|(k, _)| k == "state").map(|(_, v)| v.trim()).filter(|v| !v.is_empty());
    let filter = wanted.map(str::parse::<ApplicationState>).transpose().map_err(|e| WebError::invalid("state", e))?;
    let applications = state.store.applications(filter).await?;
    let states = ApplicationState::ALL
        .into_iter()
        .map(|s| Opt {
            value: s.as_str().into(),
            label: ctx.t(&format!("application-state-{}", s.as_str())),
            selected: filter == Some(s),
        })
        .collect();
    let rows = applications
        .iter()
        .map(|s| QueueRow {
            name: s.application.name.get(ctx.lang).to_owned(),
            href: ctx.href(&format!("/admin/applications/{}", s.id)),
            kind: ctx.t(&format!("kind-{}", s.application.kind.as_str())),
            country: country_name(&ctx, &s.application),
            contact: s.application.contact_email.to_string(),
            submitted_at: s.submitted_at.clone(),
            state: ctx.t(&format!("application-state-{}", s.state.as_str())),
        })
        .collect();
    let page = render(&QueueTemplate { title: ctx.t("applications-title"), states, rows, ctx })?;
    Ok(page.into_response())
}

/// A change of state as the application's page lists it.
struct HistoryRow {
    at: String,
    change: String,
    by: String,
    reason: Option<String>,
}

#[derive(Template)]
#[template(path = "application.html")]
struct ApplicationTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    rows: Vec<SummaryRow>,
    history: Vec<HistoryRow>,
    /// The decision forms are shown while the application is submitted.
    open: bool,
    approve_action: String,
    reject_action: String,
    reason: String,
    csrf_token: String,
}

fn parse_id(id: &str) -> Result<Uuid, WebError> {
    Uuid::parse_str(id).map_err(|_| WebError::NotFound)
}

async fn application_page(
    ctx: PageCtx,
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
    status: StatusCode,
    errors: Vec<FieldMessage>,
    reason: String,
) -> Result<Response, WebError> {
    let Some((stored, history)) = state.store.application(id).await? else {
        return Err(WebError::NotFound);
    };
    let csrf_token = viewer.session.as_ref().map(|s| s.csrf_token.clone()).unwrap_or_default();
    let rows = summary(&ctx, state, &stored).await?;
    let users = state.store.users().await?;
    let history = history
        .iter()
        .map(|h: &HistoryEntry| {
            let state_label = |s: ApplicationState| ctx.t(&format!("application-state-{}", s.as_str()));
            HistoryRow {
                at: h.at.clone(),
                change: match h.from {
                    Some(from) => format!("{} → {}", state_label(from), state_label(h.to)),
                    None => state_label(h.to),
                },
                by: h
                    .by
                    .and_then(|id| users.iter().find(|u| u.id == id))
                    .map_or_else(|| ctx.t("application-by-applicant"), |u| u.email.to_string()),
                reason: h.reason.clone(),
            }
        })
        .collect();
    let page = render(&ApplicationTemplate {
        title: stored.application.name.get(ctx.lang).to_owned(),
        errors,
        rows,
        history,
        open: stored.state == ApplicationState::Submitted,
        approve_action: ctx.href(&format!("/admin/applications/{id}/approve")),
        reject_action: ctx.href(&format!("/admin/applications/{id}/reject")),
        reason,
        csrf_token,
        ctx,
    })?;
    Ok((status, page).into_response())
}

fn plain(ctx: &PageCtx, label: &str, value: String) -> SummaryRow {
    SummaryRow { label: ctx.t(label), value, href: None, external: false, lang: None }
}

/// The application's fields, each in a row.
async fn summary(ctx: &PageCtx, state: &AppState, stored: &StoredApplication) -> Result<Vec<SummaryRow>, WebError> {
    let a = &stored.application;
    let mut rows =
        vec![plain(ctx, "application-state", ctx.t(&format!("application-state-{}", stored.state.as_str())))];
    if let Some(slug) = &stored.actor {
        rows.push(SummaryRow {
            href: Some(ctx.href(&format!("/members/{slug}"))),
            ..plain(ctx, "application-actor", slug.to_string())
        });
    }
    rows.push(plain(ctx, "param-kind", ctx.t(&format!("kind-{}", a.kind.as_str()))));
    let membership = a.kind.membership().map_or("none", |m| m.as_str());
    rows.push(plain(ctx, "param-membership", ctx.t(&format!("membership-{membership}"))));
    for (label, name, lang) in [("param-name_en", a.name.en(), "en"), ("param-name_vi", a.name.vi(), "vi")] {
        if let Some(name) = name {
            rows.push(SummaryRow { lang: (lang != ctx.code()).then_some(lang), ..plain(ctx, label, name.to_owned()) });
        }
    }
    if a.country.is_some() {
        rows.push(plain(ctx, "param-country", country_name(ctx, a)));
    }
    if let Some(url) = &a.website {
        rows.push(SummaryRow {
            href: Some(url.to_string()),
            external: true,
            ..plain(ctx, "param-website", url.to_string())
        });
    }
    rows.push(plain(ctx, "param-contact_name", a.contact_name.clone()));
    rows.push(plain(ctx, "param-contact_email", a.contact_email.to_string()));
    rows.push(plain(ctx, "param-motivation", a.motivation.clone()));
    if !a.themes.is_empty() {
        let themes = state.store.themes().await?;
        let names: Vec<&str> =
            themes.iter().filter(|t| a.themes.contains(&t.id)).map(|t| t.name.get(ctx.lang)).collect();
        rows.push(plain(ctx, "param-themes", names.join(", ")));
    }
    let endorsement = ctx.t_args(
        "application-endorsed-by",
        &[("name", a.endorsed_by.name.as_str()), ("title", a.endorsed_by.title.as_str())],
    );
    rows.push(plain(ctx, "application-endorsement", endorsement));
    rows.push(plain(ctx, "application-submitted-at", stored.submitted_at.clone()));
    Ok(rows)
}

async fn application(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    if let Some(elsewhere) = gate(&ctx, &viewer, &Action::ReadApplications)? {
        return Ok(elsewhere);
    }
    let id = parse_id(&id)?;
    application_page(ctx, &state, &viewer, id, StatusCode::OK, Vec::new(), String::new()).await
}

/// The administrator deciding and the submitted application they decide on, or `None` for a
/// visitor who is not signed in.
async fn decidable(
    ctx: &PageCtx,
    state: &AppState,
    viewer: &Viewer,
    id: &str,
) -> Result<Option<(Uuid, StoredApplication)>, WebError> {
    let (Some(session), None) = (&viewer.session, gate(ctx, viewer, &Action::ManageMembership)?) else {
        return Ok(None);
    };
    let (stored, _) = state.store.application(parse_id(id)?).await?.ok_or(WebError::NotFound)?;
    if stored.state != ApplicationState::Submitted {
        return Err(WebError::AlreadyDecided);
    }
    Ok(Some((session.user.id, stored)))
}

fn back_to(ctx: &PageCtx, id: Uuid) -> Response {
    Redirect::to(&ctx.href(&format!("/admin/applications/{id}"))).into_response()
}

async fn approve(
    ctx: PageCtx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    submitted: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let Some((by, stored)) = decidable(&ctx, &state, &submitted.viewer, &id).await? else {
        return Ok(to_login(&ctx));
    };
    let lang = stored.lang;
    let a = &stored.application;
    let token = auth::random_token();
    let public = |path: &str| format!("{}/{}{path}", state.public_url, lang.code());
    let decision = compose(
        &state,
        lang,
        "application-approved",
        &a.contact_email,
        &[("organisation", FluentValue::from(a.name.get(lang))), ("link", FluentValue::from(public("/login")))],
    );
    let account = compose(
        &state,
        lang,
        "application-account",
        &a.contact_email,
        &[
            ("organisation", FluentValue::from(a.name.get(lang))),
            ("email", FluentValue::from(a.contact_email.as_str())),
            ("link", FluentValue::from(public(&format!("/password-reset/{token}")))),
        ],
    );
    let unusable_hash =
        tokio::task::spawn_blocking(auth::unusable_hash).await.map_err(|e| WebError::Render(e.to_string()))?;
    let mail = ApprovalMail {
        decision,
        account,
        token_hash: auth::token_digest(&token),
        token_expires_at: OffsetDateTime::now_utc() + ACCOUNT_LINK_LIFETIME,
    };
    let today = OffsetDateTime::now_utc().date();
    match state.store.approve_application(stored.id, by, today, &unusable_hash, &mail).await? {
        Decision::Approved { link_sent, .. } => {
            log_queued(&state, &mail.decision);
            if link_sent {
                log_queued(&state, &mail.account);
            }
            Ok(back_to(&ctx, stored.id))
        }
        Decision::NotFound => Err(WebError::NotFound),
        Decision::Rejected | Decision::NotSubmitted(_) => Err(WebError::AlreadyDecided),
    }
}

async fn reject(
    ctx: PageCtx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    submitted: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let Some((by, stored)) = decidable(&ctx, &state, &submitted.viewer, &id).await? else {
        return Ok(to_login(&ctx));
    };
    let text = submitted.form.iter().find(|(k, _)| k == "reason").map(|(_, v)| v.clone()).unwrap_or_default();
    let reason = match RejectionReason::parse(&text) {
        Ok(reason) => reason,
        Err(e) => {
            let errors = field_messages(&ctx, &[("reason", Reason::Parse(e))]);
            let viewer = &submitted.viewer;
            return application_page(ctx, &state, viewer, stored.id, StatusCode::BAD_REQUEST, errors, text).await;
        }
    };
    let lang = stored.lang;
    let a = &stored.application;
    let mail = compose(
        &state,
        lang,
        "application-rejected",
        &a.contact_email,
        &[("organisation", FluentValue::from(a.name.get(lang))), ("reason", FluentValue::from(reason.as_str()))],
    );
    match state.store.reject_application(stored.id, by, &reason, &mail).await? {
        Decision::Rejected => {
            log_queued(&state, &mail);
            Ok(back_to(&ctx, stored.id))
        }
        Decision::NotFound => Err(WebError::NotFound),
        Decision::Approved { .. } | Decision::NotSubmitted(_) => Err(WebError::AlreadyDecided),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkboxes_count_when_sent_and_themes_repeat() {
        let fields: Vec<(String, String)> = [
            ("kind", "ngo"),
            ("themes", "cybercrime"),
            ("themes", "data-protection"),
            ("endorse_hague", "yes"),
            ("endorse_delhi", ""),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let form = application_form(&fields);
        assert_eq!(form.kind, "ngo");
        assert_eq!(form.themes, ["cybercrime", "data-protection"]);
        assert!(form.endorse_hague && form.endorse_delhi && !form.endorse_framework);
        assert_eq!(form.name_en, "");
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let i18n = crate::I18n::new();
        for lang in Lang::ALL {
            for kind in ["application-received", "application-approved", "application-account", "application-rejected"]
            {
                let body = i18n.get_args(
                    lang,
                    &format!("mail-{kind}-body"),
                    &[
                        ("organisation", FluentValue::from("CERT-X")),
                        ("email", FluentValue::from("lan@example.org")),
                        ("link", FluentValue::from("https://hub.example.org/x")),
                        ("reason", FluentValue::from("Out of scope.")),
                    ],
                );
                assert!(body.contains("\n\n"), "paragraphs kept: {body}");
                let names = kind != "application-received";
                assert_eq!(body.contains("CERT-X"), names, "{kind} in {lang:?}: {body}");
                assert!(!i18n.get(lang, &format!("mail-{kind}-subject")).starts_with("mail-"));
            }
        }
    }
}
