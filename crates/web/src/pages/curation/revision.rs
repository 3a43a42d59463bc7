//! A revision's page: what it changes (a field-by-field diff against the published version,
//! named as the form names the fields), its history, and the steps the viewer may take —
//! submit, publish, return with a comment, discard — which the page's forms post to
//! `/revisions/{id}/{step}`.

use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use gfce_core::{
    allowed,
    curation::{diff, FieldChange, ReturnComment, RevisionState, Step},
    Action, ContentType, Slug,
};
use gfce_store::{Revision, RevisionEvent};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    access::{
        drafts::{may_contribute, readable},
        CsrfForm, Viewer,
    },
    http::{params::IdParam, AppState, Reason, WebError},
    ui::{
        render,
        widgets::{field_messages, FieldMessage, Link},
        PageCtx,
    },
};

/// A changed field as the diff table shows it: named as the form names it where the form has it,
/// by its path in the dataset otherwise (`participants[0].role`).
struct ChangeRow {
    label: Option<String>,
    field: String,
    before: Option<String>,
    after: Option<String>,
}

fn change_row(ctx: &PageCtx, change: FieldChange) -> ChangeRow {
    ChangeRow {
        label: ctx.t_known(&format!("param-{}", change.field.replace('.', "_"))),
        field: change.field,
        before: change.before,
        after: change.after,
    }
}

struct HistoryRow {
    change: String,
    at: String,
    by: String,
    comment: Option<String>,
}

#[derive(Template)]
#[template(path = "curation/revision.html")]
struct RevisionTemplate {
    ctx: PageCtx,
    /// The list the viewer came from: the review queue for a revision waiting for the viewer's
    /// review, their contributions for one they may change.
    back: Option<Link>,
    errors: Vec<FieldMessage>,
    /// What a curator typed as a comment that was refused.
    comment_typed: String,
    title: String,
    kind: String,
    number: i64,
    state: RevisionState,
    state_label: String,
    owner: Option<String>,
    author: Option<String>,
    comment: Option<String>,
    changes: Vec<ChangeRow>,
    history: Vec<HistoryRow>,
    public_href: Option<String>,
    record_history_href: Option<String>,
    edit_href: Option<String>,
    can_submit: bool,
    can_discard: bool,
    can_review: bool,
    csrf_token: String,
    base: String,
}

pub async fn page(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    IdParam(id): IdParam,
) -> Result<Response, WebError> {
    let (revision, history) = readable(&state, &viewer.principal(), id).await?;
    revision_view(ctx, &viewer, &revision, &history, RefusedComment::default())
}

/// A curator's comment the return step refused, shown again on the revision's page.
#[derive(Default)]
struct RefusedComment {
    errors: Vec<FieldMessage>,
    typed: String,
}

/// The revision's page; with a refused comment, that comment and why, as a bad request.
fn revision_view(
    ctx: PageCtx,
    viewer: &Viewer,
    revision: &Revision,
    history: &[RevisionEvent],
    refused_comment: RefusedComment,
) -> Result<Response, WebError> {
    let who = viewer.principal();
    let contribute = may_contribute(&who, revision);
    let review = allowed(&who, &Action::Review);
    let section = revision.kind.section();
    let slug = revision.content.slug().clone();
    let public =
        matches!(revision.state, RevisionState::Published) || revision.base.is_some() && revision.state.in_progress();
    let history = history
        .iter()
        .map(|h| HistoryRow {
            change: match h.from {
                None => ctx.t_args("revision-history-started", &[("to", &ctx.t(&format!("revision-state-{}", h.to)))]),
                Some(from) => ctx.t_args(
                    "revision-history-change",
                    &[
                        ("from", &ctx.t(&format!("revision-state-{from}"))),
                        ("to", &ctx.t(&format!("revision-state-{}", h.to))),
                    ],
                ),
            },
            at: ctx.moment(h.at),
            by: h.user_email.clone().unwrap_or_default(),
            comment: h.comment.clone(),
        })
        .collect();
    let base = revision.base.as_ref();
    let changes = diff(base, &revision.content.to_json()).into_iter().map(|c| change_row(&ctx, c)).collect();
    let can_review = review && revision.state == RevisionState::Submitted;
    let back = match (can_review, contribute, review) {
        (false, true, _) => Some(("/contributions", "contributions-title")),
        (true, _, _) | (false, false, true) => Some(("/curation", "curation-title")),
        (false, false, false) => None,
    }
    .map(|(path, label)| Link { label: ctx.t(label), href: ctx.href(path) });
    let status = if refused_comment.errors.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    let page = render(&RevisionTemplate {
        back,
        errors: refused_comment.errors,
        comment_typed: refused_comment.typed,
        title: revision.title().get(ctx.lang).to_owned(),
        kind: ctx.t(&format!("type-{}", revision.kind.as_str())),
        number: revision.number,
        state: revision.state,
        state_label: ctx.t(&format!("revision-state-{}", revision.state.as_str())),
        owner: revision.owner.as_ref().map(Slug::to_string),
        author: revision.author_email.clone(),
        comment: revision.comment.clone().filter(|_| revision.state == RevisionState::Returned),
        changes,
        history,
        public_href: public.then(|| ctx.href(&format!("/{section}/{slug}"))),
        record_history_href: (revision.kind == ContentType::Project)
            .then(|| ctx.href(&format!("/projects/{slug}/history"))),
        edit_href: (contribute && revision.state.editable() && revision.kind == ContentType::Project)
            .then(|| ctx.href(&format!("/revisions/{}/edit", revision.id))),
        can_submit: contribute && revision.state.after(Step::Submit).is_some(),
        can_discard: contribute && revision.state.after(Step::Discard).is_some(),
        can_review,
        csrf_token: viewer.csrf_token(),
        base: ctx.href(&format!("/revisions/{}", revision.id)),
        ctx,
    })?;
    Ok((status, page).into_response())
}

#[derive(Deserialize)]
pub struct StepForm {
    #[serde(default)]
    comment: String,
}

/// Submit, publish, return (with a comment) or discard, from the revision's page.
pub async fn take_step(
    ctx: PageCtx,
    State(state): State<AppState>,
    Path((id, step)): Path<(String, String)>,
    submitted: CsrfForm<StepForm>,
) -> Result<Response, WebError> {
    let CsrfForm { form, viewer, .. } = submitted;
    let id = Uuid::parse_str(&id).map_err(|_| WebError::NotFound)?;
    let step = match step.as_str() {
        "submit" => Step::Submit,
        "publish" => Step::Publish,
        "return" => Step::Return,
        "discard" => Step::Discard,
        _ => return Err(WebError::NotFound),
    };
    let who = viewer.principal();
    let (revision, history) = readable(&state, &who, id).await?;
    match step {
        Step::Publish | Step::Return => viewer.require(&Action::Review)?,
        _ if may_contribute(&who, &revision) => {}
        _ => return Err(WebError::NotPermitted),
    }
    let user = viewer.signed_in()?.id();
    let comment = if step == Step::Return {
        let text = form.comment.as_str();
        match ReturnComment::parse(text) {
            Ok(comment) => Some(comment),
            Err(_) if revision.state.after(Step::Return).is_none() => return Err(WebError::WrongState(revision.state)),
            Err(e) => {
                let errors = field_messages(&ctx, &[("comment", Reason::Parse(e))]);
                let refused_comment = RefusedComment { errors, typed: text.to_owned() };
                return revision_view(ctx, &viewer, &revision, &history, refused_comment);
            }
        }
    } else {
        None
    };
    state.store.advance(revision.id, step, user, comment.as_ref()).await??;
    Ok(ctx.see(&format!("/revisions/{}", revision.id)))
}
