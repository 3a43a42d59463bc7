//! The secretariat's queue of membership applications, with an application's page, its history
//! and the approve and reject forms. The queue carries the contacts' personal data: only
//! administrators see it.
//!
//! A decision takes the application with an update conditioned on its state, so of two
//! decisions only the first counts and a late one is a 409 that changes nothing. Approval creates
//! the member or partner and makes the contact its representative, proving the address with a
//! one-time link to choose a password.

use askama::Template;
use axum::{
    extract::{RawQuery, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use gfce_core::{ApplicationState, MembershipApplication, RejectionReason};
use gfce_store::{ApprovalMail, Decision, HistoryEntry, StoredApplication};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{
    access::{can, csrf::NoFields, secrets, Allowed, CsrfForm},
    http::{params::IdParam, AppState, Reason, WebError},
    pages::mail::{compose, log_queued},
    ui::{
        render,
        widgets::{field_messages, FieldMessage, Item, Opt, Row},
        PageCtx,
    },
};

/// How long the link that lets a new representative choose a password works: longer than a
/// reset link, since it arrives unasked, perhaps while its recipient is away.
pub const ACCOUNT_LINK_LIFETIME: Duration = Duration::days(7);

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
#[template(path = "admin/applications.html")]
struct QueueTemplate {
    ctx: PageCtx,
    title: String,
    states: Vec<Opt>,
    rows: Vec<QueueRow>,
}

fn country_name(ctx: &PageCtx, a: &MembershipApplication) -> String {
    a.country.map(|code| ctx.country_name(code)).unwrap_or_default()
}

pub async fn queue(
    ctx: PageCtx,
    State(state): State<AppState>,
    _: Allowed<can::ReadApplications>,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
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
            kind: ctx.kind_label(s.application.kind),
            country: country_name(&ctx, &s.application),
            contact: s.application.contact_email.to_string(),
            submitted_at: ctx.moment(s.submitted_at),
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
#[template(path = "admin/application.html")]
struct ApplicationTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    rows: Vec<Row>,
    history: Vec<HistoryRow>,
    /// The decision forms are shown while the application is submitted.
    open: bool,
    approve_action: String,
    reject_action: String,
    reason: String,
    csrf_token: String,
}

async fn application_page(
    ctx: PageCtx,
    state: &AppState,
    csrf_token: String,
    id: Uuid,
    status: StatusCode,
    errors: Vec<FieldMessage>,
    reason: String,
) -> Result<Response, WebError> {
    let Some((stored, history)) = state.store.application(id).await? else {
        return Err(WebError::NotFound);
    };
    let rows = summary(&ctx, state, &stored).await?;
    let users = state.store.users().await?;
    let history = history
        .iter()
        .map(|h: &HistoryEntry| {
            let state_label = |s: ApplicationState| ctx.t(&format!("application-state-{}", s.as_str()));
            HistoryRow {
                at: ctx.moment(h.at),
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

/// The application's fields, each in a row.
async fn summary(ctx: &PageCtx, state: &AppState, stored: &StoredApplication) -> Result<Vec<Row>, WebError> {
    let a = &stored.application;
    let mut rows =
        vec![Row::text(ctx, "application-state", ctx.t(&format!("application-state-{}", stored.state.as_str())))];
    if let Some(slug) = &stored.actor {
        let item = Item::link(slug.to_string(), ctx.href(&format!("/members/{slug}")));
        rows.push(Row::new(ctx, "application-actor", vec![item]));
    }
    rows.push(Row::text(ctx, "param-kind", ctx.kind_label(a.kind)));
    rows.push(Row::text(ctx, "param-membership", ctx.membership_label(a.kind.membership())));
    for (label, name, lang) in
        [("param-name_en", a.name.en(), gfce_core::Lang::En), ("param-name_vi", a.name.vi(), gfce_core::Lang::Vi)]
    {
        if let Some(name) = name {
            rows.push(Row::new(ctx, label, vec![Item::written_in(ctx, name.to_owned(), lang)]));
        }
    }
    if a.country.is_some() {
        rows.push(Row::text(ctx, "param-country", country_name(ctx, a)));
    }
    if let Some(url) = &a.website {
        rows.push(Row::new(ctx, "param-website", vec![Item::external(url, None)]));
    }
    rows.push(Row::text(ctx, "param-contact_name", a.contact_name.clone()));
    rows.push(Row::text(ctx, "param-contact_email", a.contact_email.to_string()));
    rows.push(Row::text(ctx, "param-motivation", a.motivation.clone()));
    if !a.themes.is_empty() {
        let themes = state.store.themes().await?;
        let names: Vec<&str> =
            themes.iter().filter(|t| a.themes.contains(&t.id)).map(|t| t.name.get(ctx.lang)).collect();
        rows.push(Row::text(ctx, "param-themes", names.join(", ")));
    }
    let endorsement = ctx.t_args(
        "application-endorsed-by",
        &[("name", a.endorsed_by.name.as_str()), ("title", a.endorsed_by.title.as_str())],
    );
    rows.push(Row::text(ctx, "application-endorsement", endorsement));
    rows.push(Row::text(ctx, "application-submitted-at", ctx.moment(stored.submitted_at)));
    Ok(rows)
}

pub async fn page(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Allowed<can::ReadApplications>,
    IdParam(id): IdParam,
) -> Result<Response, WebError> {
    application_page(ctx, &state, me.csrf_token(), id, StatusCode::OK, Vec::new(), String::new()).await
}

/// The submitted application an administrator decides on; [`WebError::AlreadyDecided`] once it
/// is not submitted any more.
async fn decidable(state: &AppState, id: Uuid) -> Result<StoredApplication, WebError> {
    let (stored, _) = state.store.application(id).await?.ok_or(WebError::NotFound)?;
    if stored.state != ApplicationState::Submitted {
        return Err(WebError::AlreadyDecided);
    }
    Ok(stored)
}

fn back_to(ctx: &PageCtx, id: Uuid) -> Response {
    ctx.see(&format!("/admin/applications/{id}"))
}

/// Who decides.
type Decider = Allowed<can::ManageMembership>;

pub async fn approve(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Decider,
    IdParam(id): IdParam,
    _: CsrfForm<NoFields>,
) -> Result<Response, WebError> {
    let (by, stored) = (me.id(), decidable(&state, id).await?);
    let lang = stored.lang;
    let a = &stored.application;
    let token = secrets::random_token();
    let public = |path: &str| format!("{}/{}{path}", state.public_url, lang.code());
    let organisation = a.name.get(lang);
    let decision = compose(
        &state,
        lang,
        "application-approved",
        &a.contact_email,
        &[("organisation", organisation), ("link", &public("/login"))],
    );
    let account = compose(
        &state,
        lang,
        "application-account",
        &a.contact_email,
        &[("organisation", organisation), ("link", &public(&format!("/password-reset/{token}")))],
    );
    let unusable_hash = secrets::unusable().await?;
    let mail = ApprovalMail {
        decision,
        account,
        token_hash: secrets::token_digest(&token),
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

#[derive(serde::Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
}

pub async fn reject(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Decider,
    IdParam(id): IdParam,
    submitted: CsrfForm<RejectForm>,
) -> Result<Response, WebError> {
    let (by, stored) = (me.id(), decidable(&state, id).await?);
    let text = submitted.form.reason;
    let reason = match RejectionReason::parse(&text) {
        Ok(reason) => reason,
        Err(e) => {
            let errors = field_messages(&ctx, &[("reason", Reason::Parse(e))]);
            return application_page(ctx, &state, me.csrf_token(), stored.id, StatusCode::BAD_REQUEST, errors, text)
                .await;
        }
    };
    let lang = stored.lang;
    let a = &stored.application;
    let mail = compose(
        &state,
        lang,
        "application-rejected",
        &a.contact_email,
        &[("organisation", a.name.get(lang)), ("reason", reason.as_str())],
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
