//! The lists of revisions: a representative's contributions, the curators' review queue, and
//! every revision of a published record.

use askama::Template;
use axum::{
    extract::State,
    response::{IntoResponse, Response},
};
use gfce_core::{curation::RevisionState, Action, ContentType, Page, Slug};
use gfce_store::{Revision, RevisionFilter};

use crate::{
    access::{can, own_actor, Allowed, Viewer},
    http::{
        params::{PageQuery, Params, SlugParam},
        AppState, WebError,
    },
    ui::{
        render,
        widgets::{pagination, Pagination},
        PageCtx,
    },
};

/// A revision as a line of a list.
pub struct RevisionRow {
    title: String,
    href: String,
    kind: String,
    state: RevisionState,
    state_label: String,
    meta: String,
}

fn revision_row(ctx: &PageCtx, r: &Revision) -> RevisionRow {
    let owner = r.owner.as_ref().map(Slug::to_string).unwrap_or_default();
    let meta = [Some(ctx.day(r.updated_at)), Some(owner), r.author_email.clone()]
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
#[template(path = "curation/revisions.html")]
struct RevisionsTemplate {
    ctx: PageCtx,
    title: String,
    lead: String,
    rows: Vec<RevisionRow>,
    count: String,
    pagination: Option<Pagination>,
    /// Offers the forms for new contributions.
    can_create: bool,
}

/// A page of revisions under `title` and `lead` (the page's words).
fn revisions_page(
    ctx: PageCtx,
    title: String,
    lead: &str,
    page: &Page<Revision>,
    can_create: bool,
) -> Result<Response, WebError> {
    let html = render(&RevisionsTemplate {
        lead: ctx.t(lead),
        rows: page.items.iter().map(|r| revision_row(&ctx, r)).collect(),
        count: ctx.t1("revisions-count", "count", page.total as i64),
        pagination: pagination(&ctx, page),
        title,
        can_create,
        ctx,
    })?;
    Ok(html.into_response())
}

/// The viewer's contributions: a representative's are all revisions for its actor (colleagues
/// share them), anyone else's those they wrote.
pub async fn contributions(
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Allowed<can::Contribute>,
    Params(query): Params<PageQuery>,
) -> Result<Response, WebError> {
    let filter = match own_actor(&me.principal) {
        Some(actor) => RevisionFilter { owner: Some(actor), ..RevisionFilter::default() },
        None => RevisionFilter { author: Some(me.id()), ..RevisionFilter::default() },
    };
    let page = state.store.revisions(&filter, query.request()?).await?;
    let title = ctx.t("contributions-title");
    revisions_page(ctx, title, "contributions-lead", &page, true)
}

/// The curators' queue: submitted revisions, oldest first.
pub async fn review_queue(
    ctx: PageCtx,
    State(state): State<AppState>,
    _: Allowed<can::Review>,
    Params(query): Params<PageQuery>,
) -> Result<Response, WebError> {
    let filter =
        RevisionFilter { states: vec![RevisionState::Submitted], queue_order: true, ..RevisionFilter::default() };
    let page = state.store.revisions(&filter, query.request()?).await?;
    let title = ctx.t("curation-title");
    revisions_page(ctx, title, "curation-lead", &page, false)
}

/// Every revision of a published record, newest first, for those who may read its drafts.
pub async fn history(
    kind: ContentType,
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    SlugParam(slug): SlugParam,
    Params(query): Params<PageQuery>,
) -> Result<Response, WebError> {
    let Some(content) = state.store.published(kind, &slug).await? else { return Err(WebError::NotFound) };
    let owner = state.store.record_owner(content.id()).await?;
    viewer.require(&Action::ReadDraft { owner_actor: owner })?;
    let filter = RevisionFilter { record: Some(content.id()), ..RevisionFilter::default() };
    let page = state.store.revisions(&filter, query.request()?).await?;
    let title = ctx.t_args("record-history-title", &[("title", content.title().get(ctx.lang))]);
    revisions_page(ctx, title, "record-history-lead", &page, false)
}
