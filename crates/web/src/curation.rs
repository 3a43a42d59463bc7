//! The curation pages: a representative's contributions, the project form, a revision's page
//! with what it changes, its history and the steps the viewer may take, the curators' queue, and
//! a published record's revision history.
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
    Action, ContentType, CurrencyCode, Lang, PageRequest, Principal, Project, ProjectForm, ProjectStatus, Slug,
};
use gfce_store::{Refusal, Revision, RevisionEvent, RevisionFilter};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    applications::gate,
    auth::{CsrfForm, Viewer},
    error::{Reason, WebError},
    pages::{
        country_options, field_messages, pagination, render, theme_groups, FieldMessage, Link, Opt, OptGroup, PageCtx,
        Pagination,
    },
    params::{given, FieldError, Params},
    AppState,
};

pub fn routes(lang: Lang) -> Router<AppState> {
    let p = |path: &str| format!("/{}{path}", lang.code());
    Router::new()
        .route(&p("/contributions"), get(contributions))
        .route(&p("/contributions/new-project"), get(new_project_form).post(create_project))
        .route(&p("/curation"), get(queue))
        .route(&p("/projects/{slug}/edit"), get(edit_published_form).post(edit_published))
        .route(&p("/projects/{slug}/withdraw"), post(withdraw_project))
        .route(&p("/projects/{slug}/history"), get(project_history))
        .route(&p("/revisions/{id}"), get(revision_page))
        .route(&p("/revisions/{id}/edit"), get(edit_revision_form).post(edit_revision))
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
struct RevisionRow {
    title: String,
    href: String,
    kind: String,
    state: RevisionState,
    state_label: String,
    meta: String,
}

fn revision_row(ctx: &PageCtx, r: &Revision) -> RevisionRow {
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
struct RevisionsTemplate {
    ctx: PageCtx,
    title: String,
    lead: String,
    rows: Vec<RevisionRow>,
    count: String,
    pagination: Option<Pagination>,
    can_create: bool,
}

/// Which page of a list to show.
#[derive(Debug, Default, Deserialize)]
struct PageQuery {
    page: Option<String>,
    per_page: Option<String>,
}

fn page_request(Params(query): Params<PageQuery>) -> Result<PageRequest, WebError> {
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
    let own_actor = match &who {
        Principal::User { actor, .. } => acting_for(&who, actor.as_ref(), None),
        Principal::Anonymous => None,
    };
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

#[derive(Template)]
#[template(path = "project_form.html")]
struct ProjectFormTemplate {
    ctx: PageCtx,
    title: String,
    action: String,
    errors: Vec<FieldMessage>,
    form: ProjectForm,
    statuses: Vec<Opt>,
    countries: Vec<Opt>,
    currencies: Vec<Opt>,
    themes: Vec<OptGroup>,
    csrf_token: String,
    /// Shown above the form when a published record is being revised.
    editing_published: bool,
}

/// Which project form page this is: its heading, where it posts, and whether it revises a
/// published record.
struct FormPage {
    title: String,
    action: String,
    editing_published: bool,
}

/// The project form, filled in with `form`; with `errors`, as a bad request.
async fn project_form_page(
    ctx: PageCtx,
    state: &AppState,
    viewer: &Viewer,
    page: FormPage,
    errors: Vec<FieldMessage>,
    form: ProjectForm,
) -> Result<Response, WebError> {
    let FormPage { title, action, editing_published } = page;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    let csrf_token = viewer.session.as_ref().map(|s| s.csrf_token.clone()).unwrap_or_default();
    let statuses = ProjectStatus::ALL
        .into_iter()
        .map(|s| Opt {
            value: s.as_str().into(),
            label: ctx.t(&format!("status-{}", s.as_str())),
            selected: form.status.trim() == s.as_str(),
        })
        .collect();
    let countries =
        country_options(ctx.lang, |code| form.countries.iter().any(|c| c.trim().eq_ignore_ascii_case(code)));
    let currencies = gfce_core::reference::shipped()
        .currencies
        .iter()
        .map(|c| Opt {
            value: c.code.as_str().to_owned(),
            label: format!("{} — {}", c.code.as_str(), c.name.get(ctx.lang)),
            selected: CurrencyCode::parse(&form.budget_currency).is_ok_and(|chosen| chosen == c.code),
        })
        .collect();
    let themes = theme_groups(&ctx, &state.store.themes().await?, |id| form.themes.iter().any(|v| v.trim() == id));
    let page = render(&ProjectFormTemplate {
        title,
        action,
        errors,
        form,
        statuses,
        countries,
        currencies,
        themes,
        csrf_token,
        editing_published,
        ctx,
    })?;
    Ok((status, page).into_response())
}

/// The form's fields as submitted; lists come as repeated fields.
fn project_form(fields: &[(String, String)]) -> ProjectForm {
    let text = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let list = |name: &str| fields.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect();
    ProjectForm {
        slug: text("slug"),
        title_en: text("title_en"),
        title_vi: text("title_vi"),
        summary_en: text("summary_en"),
        summary_vi: text("summary_vi"),
        description_en: text("description_en"),
        description_vi: text("description_vi"),
        status: text("status"),
        starts_on: text("starts_on"),
        ends_on: text("ends_on"),
        countries: list("countries"),
        themes: list("themes"),
        tags: text("tags"),
        budget_amount: text("budget_amount"),
        budget_currency: text("budget_currency"),
        source_url: text("source_url"),
    }
}

/// Whether the form asked to submit the revision for review straight away.
fn wants_submit(fields: &[(String, String)]) -> bool {
    fields.iter().any(|(k, v)| k == "intent" && v == "submit")
}

fn field_refusals(errors: Vec<(&'static str, gfce_core::ParseError)>) -> Vec<FieldError> {
    errors.into_iter().map(|(field, e)| (field, Reason::Parse(e))).collect()
}

/// A refusal of the store shown on the form it came from, when it is about a field of it.
fn form_refusal(ctx: &PageCtx, refusal: Refusal) -> Result<Vec<FieldMessage>, WebError> {
    match refused(refusal) {
        WebError::InvalidField { field, reason } => {
            let field = match field.as_str() {
                "slug" => "slug",
                _ => "title_en",
            };
            Ok(field_messages(ctx, &[(field, reason)]))
        }
        other => Err(other),
    }
}

/// The principal and user id of a signed-in viewer.
fn signed_in(viewer: &Viewer) -> Option<(Principal, Uuid)> {
    match viewer.principal() {
        who @ Principal::User { id, .. } => Some((who.clone(), id)),
        Principal::Anonymous => None,
    }
}

async fn new_project_form(ctx: PageCtx, State(state): State<AppState>, viewer: Viewer) -> Result<Response, WebError> {
    let who = viewer.principal();
    let own = own_actor(&who);
    if let Some(elsewhere) = gate(&ctx, &viewer, &Action::SubmitContent { on_behalf_of: own })? {
        return Ok(elsewhere);
    }
    let form = ProjectForm { status: ProjectStatus::Planned.as_str().into(), ..ProjectForm::default() };
    let (title, action) = (ctx.t("project-new-title"), ctx.href("/contributions/new-project"));
    project_form_page(ctx, &state, &viewer, FormPage { title, action, editing_published: false }, Vec::new(), form)
        .await
}

/// The actor a representative speaks for; none for anyone else.
fn own_actor(who: &Principal) -> Option<Slug> {
    match who {
        Principal::User { actor, .. } => acting_for(who, actor.as_ref(), None),
        Principal::Anonymous => None,
    }
}

async fn create_project(
    ctx: PageCtx,
    State(state): State<AppState>,
    submitted: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let CsrfForm { form: fields, viewer, .. } = submitted;
    let who = viewer.principal();
    let owner = own_actor(&who);
    if let Some(elsewhere) = gate(&ctx, &viewer, &Action::SubmitContent { on_behalf_of: owner.clone() })? {
        return Ok(elsewhere);
    }
    let Some((_, user)) = signed_in(&viewer) else { return Err(WebError::NotPermitted) };
    let form = project_form(&fields);
    let (title, action) = (ctx.t("project-new-title"), ctx.href("/contributions/new-project"));
    let mut content = match form.parse(Uuid::new_v4(), None) {
        Ok(project) => Content::Project(project),
        Err(errors) => {
            let errors = field_messages(&ctx, &field_refusals(errors));
            return project_form_page(
                ctx,
                &state,
                &viewer,
                FormPage { title, action, editing_published: false },
                errors,
                form,
            )
            .await;
        }
    };
    if let Some(actor) = &owner {
        content.include(actor);
    }
    let revision = match state.store.start_revision(&content, owner.as_ref(), user).await? {
        Ok(revision) => revision,
        Err(refusal) => {
            let errors = form_refusal(&ctx, refusal)?;
            return project_form_page(
                ctx,
                &state,
                &viewer,
                FormPage { title, action, editing_published: false },
                errors,
                form,
            )
            .await;
        }
    };
    after_save(&ctx, &state, &viewer, revision, wants_submit(&fields)).await
}

/// Submits a just-saved revision when asked to, then shows it.
async fn after_save(
    ctx: &PageCtx,
    state: &AppState,
    viewer: &Viewer,
    revision: Revision,
    submit: bool,
) -> Result<Response, WebError> {
    if submit {
        let Some((_, user)) = signed_in(viewer) else { return Err(WebError::NotPermitted) };
        state.store.advance(revision.id, Step::Submit, user, None).await?.map_err(refused)?;
    }
    Ok(Redirect::to(&ctx.href(&format!("/revisions/{}", revision.id))).into_response())
}

/// The published project to revise, and the actor the viewer would act for on it; refuses
/// viewers who may not revise it.
async fn published_project(state: &AppState, viewer: &Viewer, slug: &str) -> Result<(Project, Option<Slug>), WebError> {
    let slug = Slug::parse(slug).map_err(|_| WebError::NotFound)?;
    let Some(Content::Project(project)) = state.store.published(ContentType::Project, &slug).await? else {
        return Err(WebError::NotFound);
    };
    let owner = state.store.record_owner(project.id).await?;
    let record = Content::Project(project.clone());
    let who = viewer.principal();
    let acting = acting_for(&who, owner.as_ref(), Some(&record)).or(owner);
    if !allowed(&who, &Action::SubmitContent { on_behalf_of: acting.clone() }) {
        return Err(if who == Principal::Anonymous { WebError::SignInRequired } else { WebError::NotPermitted });
    }
    Ok((project, acting))
}

async fn edit_published_form(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let (project, _) = match published_project(&state, &viewer, &slug).await {
        Err(WebError::SignInRequired) => return Ok(Redirect::to(&ctx.href("/login")).into_response()),
        other => other?,
    };
    let title = ctx.t_args("project-edit-title", &[("title", project.title.get(ctx.lang))]);
    let action = ctx.href(&format!("/projects/{}/edit", project.slug));
    project_form_page(
        ctx,
        &state,
        &viewer,
        FormPage { title, action, editing_published: true },
        Vec::new(),
        ProjectForm::of(&project),
    )
    .await
}

async fn edit_published(
    ctx: PageCtx,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    submitted: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let CsrfForm { form: fields, viewer, .. } = submitted;
    let (project, owner) = published_project(&state, &viewer, &slug).await?;
    let Some((_, user)) = signed_in(&viewer) else { return Err(WebError::NotPermitted) };
    let form = project_form(&fields);
    let title = ctx.t_args("project-edit-title", &[("title", project.title.get(ctx.lang))]);
    let action = ctx.href(&format!("/projects/{}/edit", project.slug));
    let content = match form.parse(project.id, Some(&project)) {
        Ok(p) => Content::Project(p),
        Err(errors) => {
            let errors = field_messages(&ctx, &field_refusals(errors));
            return project_form_page(
                ctx,
                &state,
                &viewer,
                FormPage { title, action, editing_published: true },
                errors,
                form,
            )
            .await;
        }
    };
    let revision = match state.store.start_revision(&content, owner.as_ref(), user).await? {
        Ok(revision) => revision,
        Err(Refusal::InProgress(id)) => {
            return Ok(Redirect::to(&ctx.href(&format!("/revisions/{id}"))).into_response());
        }
        Err(refusal) => {
            let errors = form_refusal(&ctx, refusal)?;
            return project_form_page(
                ctx,
                &state,
                &viewer,
                FormPage { title, action, editing_published: true },
                errors,
                form,
            )
            .await;
        }
    };
    after_save(&ctx, &state, &viewer, revision, wants_submit(&fields)).await
}

/// The revision, if the viewer may read it; a visitor not signed in is sent to sign in.
async fn readable(state: &AppState, viewer: &Viewer, id: &str) -> Result<(Revision, Vec<RevisionEvent>), WebError> {
    let id = Uuid::parse_str(id).map_err(|_| WebError::NotFound)?;
    let Some((revision, history)) = state.store.revision(id).await? else { return Err(WebError::NotFound) };
    let who = viewer.principal();
    let authored = matches!(&who, Principal::User { id, .. } if Some(*id) == revision.author);
    if !authored && !allowed(&who, &Action::ReadDraft { owner_actor: revision.owner.clone() }) {
        return Err(if who == Principal::Anonymous { WebError::SignInRequired } else { WebError::NotPermitted });
    }
    Ok((revision, history))
}

/// Whether the viewer may edit, submit or discard the revision: act for its owner.
fn may_contribute(who: &Principal, revision: &Revision) -> bool {
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
    let (revision, history) = match readable(&state, &viewer, &id).await {
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

/// The project of an editable revision the viewer may change.
async fn editable_project(state: &AppState, viewer: &Viewer, id: &str) -> Result<(Revision, Project), WebError> {
    let (revision, _) = readable(state, viewer, id).await?;
    if !may_contribute(&viewer.principal(), &revision) {
        return Err(WebError::NotPermitted);
    }
    if !revision.state.editable() {
        return Err(WebError::WrongState(revision.state));
    }
    let Content::Project(project) = revision.content.clone() else { return Err(WebError::NotFound) };
    Ok((revision, project))
}

async fn edit_revision_form(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (revision, project) = match editable_project(&state, &viewer, &id).await {
        Err(WebError::SignInRequired) => return Ok(Redirect::to(&ctx.href("/login")).into_response()),
        other => other?,
    };
    let title = ctx.t_args("project-edit-title", &[("title", project.title.get(ctx.lang))]);
    let action = ctx.href(&format!("/revisions/{}/edit", revision.id));
    let form = ProjectForm::of(&project);
    project_form_page(
        ctx,
        &state,
        &viewer,
        FormPage { title, action, editing_published: revision.base.is_some() },
        Vec::new(),
        form,
    )
    .await
}

async fn edit_revision(
    ctx: PageCtx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    submitted: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let CsrfForm { form: fields, viewer, .. } = submitted;
    let (revision, project) = editable_project(&state, &viewer, &id).await?;
    let Some((_, user)) = signed_in(&viewer) else { return Err(WebError::NotPermitted) };
    let form = project_form(&fields);
    let title = ctx.t_args("project-edit-title", &[("title", project.title.get(ctx.lang))]);
    let action = ctx.href(&format!("/revisions/{}/edit", revision.id));
    let published = revision.base.is_some();
    let mut content = match form.parse(project.id, Some(&project)) {
        Ok(p) => Content::Project(p),
        Err(errors) => {
            let errors = field_messages(&ctx, &field_refusals(errors));
            return project_form_page(
                ctx,
                &state,
                &viewer,
                FormPage { title, action, editing_published: published },
                errors,
                form,
            )
            .await;
        }
    };
    if let Some(owner) = &revision.owner {
        content.include(owner);
    }
    let revised = match state.store.revise(revision.id, &content, user).await? {
        Ok(revised) => revised,
        Err(refusal) => {
            let errors = form_refusal(&ctx, refusal)?;
            return project_form_page(
                ctx,
                &state,
                &viewer,
                FormPage { title, action, editing_published: published },
                errors,
                form,
            )
            .await;
        }
    };
    after_save(&ctx, &state, &viewer, revised, wants_submit(&fields)).await
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
    let (revision, history) = readable(&state, &viewer, &id).await?;
    let who = viewer.principal();
    let permitted = match step {
        Step::Publish | Step::Return => allowed(&who, &Action::Review),
        _ => may_contribute(&who, &revision),
    };
    if !permitted {
        return Err(WebError::NotPermitted);
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

async fn withdraw_project(
    ctx: PageCtx,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    submitted: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let viewer = submitted.viewer;
    if !allowed(&viewer.principal(), &Action::Review) {
        return Err(WebError::NotPermitted);
    }
    let Some((_, user)) = signed_in(&viewer) else { return Err(WebError::NotPermitted) };
    let slug = Slug::parse(&slug).map_err(|_| WebError::NotFound)?;
    state.store.withdraw(ContentType::Project, &slug, user).await?.map_err(refused)?;
    Ok(Redirect::to(&ctx.href("/projects")).into_response())
}

/// Every revision of a published project, newest first, for those who may read its drafts.
async fn project_history(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    query: Params<PageQuery>,
) -> Result<Response, WebError> {
    let slug = Slug::parse(&slug).map_err(|_| WebError::NotFound)?;
    let Some(content) = state.store.published(ContentType::Project, &slug).await? else {
        return Err(WebError::NotFound);
    };
    let owner = state.store.record_owner(content.id()).await?;
    if let Some(elsewhere) = gate(&ctx, &viewer, &Action::ReadDraft { owner_actor: owner })? {
        return Ok(elsewhere);
    }
    let filter = RevisionFilter { record: Some(content.id()), ..RevisionFilter::default() };
    let page = state.store.revisions(&filter, page_request(query)?).await?;
    let page_html = render(&RevisionsTemplate {
        title: ctx.t_args("project-history-title", &[("title", content.title().get(ctx.lang))]),
        lead: ctx.t("project-history-lead"),
        rows: page.items.iter().map(|r| revision_row(&ctx, r)).collect(),
        count: ctx.t1("revisions-count", "count", page.total as i64),
        pagination: pagination(&ctx, &page),
        can_create: false,
        ctx,
    })?;
    Ok(page_html.into_response())
}

/// What a published project's page offers the viewer beyond reading it.
pub(crate) struct RecordSteps {
    pub edit: Option<String>,
    pub history: Option<String>,
    pub withdraw: Option<String>,
    pub csrf_token: String,
}

/// The steps the viewer may take on a published project: revise it, see its revisions,
/// withdraw it. `None` for anyone who may do none of them.
pub(crate) async fn project_steps(
    ctx: &PageCtx,
    state: &AppState,
    viewer: &Viewer,
    project: &Project,
) -> Result<Option<RecordSteps>, WebError> {
    let Some(session) = &viewer.session else { return Ok(None) };
    let who = viewer.principal();
    let owner = state.store.record_owner(project.id).await?;
    let record = Content::Project(project.clone());
    let acting = acting_for(&who, owner.as_ref(), Some(&record)).or(owner.clone());
    let path = |step: &str| ctx.href(&format!("/projects/{}/{step}", project.slug));
    let steps = RecordSteps {
        edit: allowed(&who, &Action::SubmitContent { on_behalf_of: acting }).then(|| path("edit")),
        history: allowed(&who, &Action::ReadDraft { owner_actor: owner }).then(|| path("history")),
        withdraw: allowed(&who, &Action::Review).then(|| path("withdraw")),
        csrf_token: session.csrf_token.clone(),
    };
    Ok((steps.edit.is_some() || steps.history.is_some() || steps.withdraw.is_some()).then_some(steps))
}
