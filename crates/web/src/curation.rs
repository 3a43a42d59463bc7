//! The curation pages: a representative's contributions, a revision's page with what it changes,
//! its history and the steps the viewer may take, and the curators' queue. The forms are in
//! `contribute`.
//!
//! Who may do what is `gfce_core::allowed`'s: reading a revision is [`Action::ReadDraft`] for its
//! owner, editing, submitting and discarding it [`Action::SubmitContent`] for the actor the viewer
//! acts for ([`acting_for`]), publishing, returning and withdrawing [`Action::Review`]. The same
//! checks guard the write API (`api_write`).

use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
    Extension, Router,
};
use gfce_core::{
    allowed,
    curation::{acting_for, diff, Content, FieldChange, ReturnComment, RevisionState, Step},
    Action, ContentType, Lang, PageRequest, Principal, Slug,
};
use gfce_store::{Refusal, Revision, RevisionEvent, RevisionFilter};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    applications::gate,
    auth::{CsrfForm, Viewer},
    error::{Reason, WebError},
    pages::{field_messages, pagination, render, FieldMessage, Link, PageCtx, Pagination},
    params::{given, Params},
    AppState,
};

pub fn routes(lang: Lang) -> Router<AppState> {
    let p = |path: &str| format!("/{}{path}", lang.code());
    Router::new()
        .route(&p("/contributions"), get(contributions))
        .route(&p("/curation"), get(queue))
        .route(&p("/revisions/{id}"), get(revision_page))
        .route(&p("/revisions/{id}/{step}"), post(take_step))
        .layer(Extension(lang))
}

/// How a refused step reads to the client: a conflict with the workflow's state, or a field
/// that names something missing.
pub(crate) fn refused(refusal: Refusal) -> WebError {
    match refusal {
        Refusal::NotFound => WebError::NotFound,
        Refusal::WrongState(state) => WebError::WrongState(state),
        Refusal::InProgress(id) => WebError::InProgress(id),
        Refusal::SlugTaken => WebError::InvalidField { field: "slug".into(), reason: Reason::SlugTaken },
        Refusal::Unknown(field, e) => WebError::InvalidField { field, reason: Reason::Parse(e) },
    }
}

/// A revision as a line of a list.
pub(crate) struct RevisionRow {
    title: String,
    href: String,
    kind: String,
    state: RevisionState,
    state_label: String,
    meta: String,
}

pub(crate) fn revision_row(ctx: &PageCtx, r: &Revision) -> RevisionRow {
    let owner = r.owner.as_ref().map(Slug::to_string).unwrap_or_default();
    let meta = [Some(r.updated_at.get(..10).unwrap_or(&r.updated_at).to_owned()), Some(owner), r.author_email.clone()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    RevisionRow {
        title: r.title().get(ctx.lang).to_owned(),
        href: ctx.href(&format!("/revisions/{}", r.id)),
        kind: ctx.t(&format!("type-{}", r.kind.as_str())),
        state: r.state,
        state_label: ctx.t(&format!("revision-state-{}", r.state.as_str())),
        meta,
    }
}

#[derive(Template)]
#[template(path = "revisions.html")]
pub(crate) struct RevisionsTemplate {
    pub ctx: PageCtx,
    pub title: String,
    pub lead: String,
    pub rows: Vec<RevisionRow>,
    pub count: String,
    pub pagination: Option<Pagination>,
    /// Offers the forms for new contributions.
    pub can_create: bool,
}

/// Which page of a list to show.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageQuery {
    page: Option<String>,
    per_page: Option<String>,
}

pub(crate) fn page_request(Params(query): Params<PageQuery>) -> Result<PageRequest, WebError> {
    PageRequest::parse(given(&query.page), given(&query.per_page)).map_err(|(param, e)| WebError::invalid(param, e))
}

/// The viewer's contributions: a representative's are all revisions for its actor (colleagues
/// share them), anyone else's those they wrote.
async fn contributions(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    query: Params<PageQuery>,
) -> Result<Response, WebError> {
    let who = viewer.principal();
    let own_actor = own_actor(&who);
    if let Some(elsewhere) = gate(&ctx, &viewer, &Action::SubmitContent { on_behalf_of: own_actor.clone() })? {
        return Ok(elsewhere);
    }
    let Principal::User { id, .. } = who else { return Err(WebError::NotPermitted) };
    let filter = match own_actor {
        Some(actor) => RevisionFilter { owner: Some(actor), ..RevisionFilter::default() },
        None => RevisionFilter { author: Some(id), ..RevisionFilter::default() },
    };
    let page = state.store.revisions(&filter, page_request(query)?).await?;
    let page_html = render(&RevisionsTemplate {
        title: ctx.t("contributions-title"),
        lead: ctx.t("contributions-lead"),
        rows: page.items.iter().map(|r| revision_row(&ctx, r)).collect(),
        count: ctx.t1("revisions-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        can_create: true,
        ctx,
    })?;
    Ok(page_html.into_response())
}

/// The curators' queue: submitted revisions, oldest first.
async fn queue(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    query: Params<PageQuery>,
) -> Result<Response, WebError> {
    if let Some(elsewhere) = gate(&ctx, &viewer, &Action::Review)? {
        return Ok(elsewhere);
    }
    let filter =
        RevisionFilter { states: vec![RevisionState::Submitted], queue_order: true, ..RevisionFilter::default() };
    let page = state.store.revisions(&filter, page_request(query)?).await?;
    let page_html = render(&RevisionsTemplate {
        title: ctx.t("curation-title"),
        lead: ctx.t("curation-lead"),
        rows: page.items.iter().map(|r| revision_row(&ctx, r)).collect(),
        count: ctx.t1("revisions-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        can_create: false,
        ctx,
    })?;
    Ok(page_html.into_response())
}

/// For a state-changing request: [`WebError::SignInRequired`] for a visitor who is not signed
/// in, [`WebError::NotPermitted`] for an account whose role does not allow `action`.
pub(crate) fn require(who: &Principal, action: &Action) -> Result<(), WebError> {
    match (allowed(who, action), who) {
        (true, _) => Ok(()),
        (false, Principal::Anonymous) => Err(WebError::SignInRequired),
        (false, _) => Err(WebError::NotPermitted),
    }
}

/// The principal and user id of a signed-in viewer.
pub(crate) fn signed_in(viewer: &Viewer) -> Option<(Principal, Uuid)> {
    match viewer.principal() {
        who @ Principal::User { id, .. } => Some((who.clone(), id)),
        Principal::Anonymous => None,
    }
}

/// The actor a representative speaks for; none for anyone else.
pub(crate) fn own_actor(who: &Principal) -> Option<Slug> {
    match who {
        Principal::User { actor, .. } => acting_for(who, actor.as_ref(), None),
        Principal::Anonymous => None,
    }
}

/// The published record of `kind` to revise, and the actor `who` would act for on it: the
/// owner of its revisions, or the representative's own actor when it takes part in a record no
/// revision owns. Refuses those who may not revise it.
pub(crate) async fn revisable(
    state: &AppState,
    who: &Principal,
    kind: ContentType,
    slug: &str,
) -> Result<(Content, Option<Slug>), WebError> {
    let slug = Slug::parse(slug).map_err(|_| WebError::NotFound)?;
    let Some(record) = state.store.published(kind, &slug).await? else { return Err(WebError::NotFound) };
    let owner = state.store.record_owner(record.id()).await?;
    let acting = acting_for(who, owner.as_ref(), Some(&record)).or(owner);
    if !allowed(who, &Action::SubmitContent { on_behalf_of: acting.clone() }) {
        return Err(if *who == Principal::Anonymous { WebError::SignInRequired } else { WebError::NotPermitted });
    }
    Ok((record, acting))
}

/// The revision, if `who` may read it: its owner's representatives, its author, curators and
/// administrators. [`WebError::SignInRequired`] for a visitor not signed in.
pub(crate) async fn readable(
    state: &AppState,
    who: &Principal,
    id: &str,
) -> Result<(Revision, Vec<RevisionEvent>), WebError> {
    let id = Uuid::parse_str(id).map_err(|_| WebError::NotFound)?;
    let Some((revision, history)) = state.store.revision(id).await? else { return Err(WebError::NotFound) };
    let authored = matches!(&who, Principal::User { id, .. } if Some(*id) == revision.author);
    if !authored && !allowed(who, &Action::ReadDraft { owner_actor: revision.owner.clone() }) {
        return Err(if *who == Principal::Anonymous { WebError::SignInRequired } else { WebError::NotPermitted });
    }
    Ok((revision, history))
}

/// Whether `who` may edit, submit or discard the revision: act for its owner.
pub(crate) fn may_contribute(who: &Principal, revision: &Revision) -> bool {
    let acting = acting_for(who, revision.owner.as_ref(), None).or(revision.owner.clone());
    allowed(who, &Action::SubmitContent { on_behalf_of: acting })
}

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
#[template(path = "revision.html")]
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

async fn revision_page(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (revision, history) = match readable(&state, &viewer.principal(), &id).await {
        Err(WebError::SignInRequired) => return Ok(Redirect::to(&ctx.href("/login")).into_response()),
        other => other?,
    };
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
            at: h.at.get(..16).unwrap_or(&h.at).replace('T', " "),
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
        csrf_token: viewer.session.as_ref().map(|s| s.csrf_token.clone()).unwrap_or_default(),
        base: ctx.href(&format!("/revisions/{}", revision.id)),
        ctx,
    })?;
    Ok((status, page).into_response())
}

/// Submit, publish, return (with a comment) or discard, from the revision's page.
async fn take_step(
    ctx: PageCtx,
    State(state): State<AppState>,
    Path((id, step)): Path<(String, String)>,
    submitted: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let CsrfForm { form: fields, viewer, .. } = submitted;
    let step = match step.as_str() {
        "submit" => Step::Submit,
        "publish" => Step::Publish,
        "return" => Step::Return,
        "discard" => Step::Discard,
        _ => return Err(WebError::NotFound),
    };
    let who = viewer.principal();
    let (revision, history) = readable(&state, &who, &id).await?;
    match step {
        Step::Publish | Step::Return => require(&who, &Action::Review)?,
        _ if may_contribute(&who, &revision) => {}
        _ => return Err(WebError::NotPermitted),
    }
    let Some((_, user)) = signed_in(&viewer) else { return Err(WebError::NotPermitted) };
    let comment = if step == Step::Return {
        let text = fields.iter().find(|(k, _)| k == "comment").map(|(_, v)| v.as_str()).unwrap_or_default();
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
    state.store.advance(revision.id, step, user, comment.as_ref()).await?.map_err(refused)?;
    Ok(Redirect::to(&ctx.href(&format!("/revisions/{}", revision.id))).into_response())
}
