//! The administrators' view of the audit log: every sign-in, account change and mail reading,
//! newest first, filtered by action, user and period.

use askama::Template;
use axum::{extract::State, response::Response};
use gfce_core::{
    curation::{diff, FieldChange},
    parse_date, AuditAction, Email, ParseError,
};
use gfce_store::{AuditEntry, AuditFilter};
use serde::Deserialize;

use crate::{
    access::{can, Allowed},
    http::{
        params::{or_refused, parse_field, parse_page, Params},
        AppState, Reason, WebError,
    },
    ui::{
        render_checked,
        widgets::{labelled_messages, pagination, FieldMessage, Opt, Pagination},
        PageCtx,
    },
};

/// The filters of the audit page, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuditQuery {
    action: Option<String>,
    user: Option<String>,
    from: Option<String>,
    until: Option<String>,
    page: Option<String>,
    per_page: Option<String>,
}

const LABELS: [(&str, &str); 4] =
    [("action", "audit-action"), ("user", "audit-user"), ("from", "audit-from"), ("until", "audit-until")];

struct AuditRow {
    seq: i64,
    at: String,
    who: String,
    action: String,
    subject: String,
    detail: String,
    /// For a write of a record: the fields it changed, from the record before and after.
    changes: Vec<FieldChange>,
    changes_label: String,
}

/// A content write's detail made readable: which record, and the fields that changed between the
/// record before and after (which the log keeps whole).
fn content_detail(ctx: &PageCtx, detail: &str) -> Option<(String, Vec<FieldChange>)> {
    let value: serde_json::Value = serde_json::from_str(detail).ok()?;
    let (kind, slug) = (value.get("kind")?.as_str()?, value.get("slug")?.as_str()?);
    let record = format!("{} {slug}", ctx.t(&format!("type-{kind}")));
    let (before, after) = (value.get("before").filter(|v| !v.is_null()), value.get("after").filter(|v| !v.is_null()));
    let changes = match (before, after) {
        (_, Some(after)) => diff(before, after),
        (Some(before), None) => diff(None, before)
            .into_iter()
            .map(|c| FieldChange { field: c.field, before: c.after, after: None })
            .collect(),
        (None, None) => Vec::new(),
    };
    let summary = match (value.get("from").and_then(|v| v.as_str()), value.get("to").and_then(|v| v.as_str())) {
        (Some(from), Some(to)) => format!(
            "{record}: {} → {}",
            ctx.t(&format!("revision-state-{from}")),
            ctx.t(&format!("revision-state-{to}"))
        ),
        _ => record,
    };
    let comment = value.get("comment").and_then(|v| v.as_str()).map(|c| format!(" — {c}")).unwrap_or_default();
    Some((format!("{summary}{comment}"), changes))
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    actions: Vec<Opt>,
    user: String,
    from: String,
    until: String,
    entries: Vec<AuditRow>,
    count: String,
    pagination: Option<Pagination>,
}

pub async fn page(
    ctx: PageCtx,
    State(state): State<AppState>,
    _: Allowed<can::ReadAuditLog>,
    query: Result<Params<AuditQuery>, WebError>,
) -> Result<Response, WebError> {
    let (query, mut errors) = or_refused(query)?;
    let filter = AuditFilter {
        action: parse_field(&mut errors, "action", &query.action, str::parse::<AuditAction>),
        user: parse_field(&mut errors, "user", &query.user, Email::parse),
        from: parse_field(&mut errors, "from", &query.from, parse_date),
        until: parse_field(&mut errors, "until", &query.until, parse_date),
    };
    if let (Some(from), Some(until)) = (filter.from, filter.until) {
        if until < from {
            errors.push(("until", Reason::Parse(ParseError::DateOrder)));
        }
    }
    let page_request = parse_page(&mut errors, &query.page, &query.per_page);
    let page = state.store.audit_page(&filter, page_request).await?;
    let entries = page.items.iter().map(|e| row(&ctx, e)).collect();
    let template = AuditTemplate {
        title: ctx.t("audit-title"),
        errors: labelled_messages(&ctx, &errors, &LABELS),
        // The actions the log holds, to choose among.
        actions: state
            .store
            .audit_actions()
            .await?
            .iter()
            .map(|a| Opt { value: a.to_string(), label: a.to_string(), selected: filter.action == Some(*a) })
            .collect(),
        user: query.user.clone().unwrap_or_default(),
        from: query.from.clone().unwrap_or_default(),
        until: query.until.clone().unwrap_or_default(),
        entries,
        count: ctx.t1("results-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        ctx,
    };
    render_checked(&template, !errors.is_empty())
}

fn row(ctx: &PageCtx, e: &AuditEntry) -> AuditRow {
    let row = AuditRow {
        seq: e.seq,
        at: ctx.moment(e.at),
        who: match (&e.user_email, e.user) {
            (Some(email), _) => email.clone(),
            (None, Some(id)) => id.to_string(),
            (None, None) => ctx.t("audit-anonymous"),
        },
        action: e.action.to_string(),
        subject: e.subject.clone().unwrap_or_default(),
        detail: e.detail.clone().unwrap_or_default(),
        changes: Vec::new(),
        changes_label: String::new(),
    };
    match e.detail.as_deref().and_then(|d| content_detail(ctx, d)) {
        Some((detail, changes)) => {
            let changes_label = ctx.t1("audit-changes", "count", changes.len() as i64);
            AuditRow { detail, changes, changes_label, ..row }
        }
        None => row,
    }
}
