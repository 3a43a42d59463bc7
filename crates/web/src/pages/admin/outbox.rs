//! The administrators' view of the mail outbox: what was sent, what waits and why.
//!
//! Without an SMTP server this is where messages can be read. A message's text is shown only
//! while it is unsent, since a sent one may carry a link that is its recipient's alone; each
//! reading is audited.

use askama::Template;
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use gfce_core::AuditAction;

use crate::{
    access::{can, Allowed},
    http::{AppState, WebError},
    ui::{render, showing_secret, PageCtx},
};

/// The messages the page lists, newest first.
const SHOWN: i64 = 200;

struct MailRow {
    created_at: String,
    to: String,
    subject: String,
    status: String,
    last_error: Option<String>,
    body: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxTemplate {
    ctx: PageCtx,
    title: String,
    messages: Vec<MailRow>,
}

pub async fn page(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Allowed<can::ReadOutbox>,
) -> Result<Response, WebError> {
    let messages = state.store.outbox(SHOWN).await?;
    state.store.audit(Some(me.id()), AuditAction::OutboxRead, None, None).await?;
    let messages = messages
        .into_iter()
        .map(|m| MailRow {
            status: match &m.sent_at {
                Some(at) => format!("{} {}", ctx.t("outbox-sent"), ctx.moment(*at)),
                None => ctx.t1("outbox-pending", "attempts", m.attempts),
            },
            body: m.sent_at.is_none().then_some(m.body),
            created_at: ctx.moment(m.created_at),
            to: m.to.to_string(),
            subject: m.subject,
            last_error: m.last_error,
        })
        .collect();
    let page = render(&OutboxTemplate { title: ctx.t("outbox-title"), messages, ctx })?;
    Ok(showing_secret(page.into_response()))
}
