//! The forms through which representatives contribute projects, tools and publications: a new
//! record, a new revision of a published one, a draft changed; and, on a published record's page,
//! the steps its viewer may take (revise, see its revisions, withdraw).
//!
//! Each form is parsed once in core (`ProjectForm`, `ResourceForm`), every refused field named in
//! the page's language with the form kept filled in; what the store refuses (a slug taken, an
//! actor gone) is shown on the form the same way. Events are contributed through the API.

use askama::Template;
use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use gfce_core::{
    allowed,
    curation::{acting_for, Content, Step},
    Action, ContentType, CurrencyCode, ParseError, ProjectForm, ProjectStatus, ResourceForm, ResourceKind,
    ResourceType,
};
use gfce_store::{Refusal, Revision};
use uuid::Uuid;

use super::queue::history;
use crate::{
    access::{
        can,
        csrf::{self, NoFields},
        drafts::{may_contribute, readable, revisable},
        own_actor, Allowed, CsrfForm, Viewer,
    },
    http::{
        params::{refusals, IdParam, PageQuery, Params, SlugParam},
        AppState, WebError,
    },
    ui::{
        render,
        widgets::{country_options, field_messages, theme_groups, FieldMessage, Opt, OptGroup},
        PageCtx,
    },
};

/// The kinds contributed through the pages' forms; events are contributed through the API.
pub const KINDS: [ContentType; 3] = [ContentType::Project, ContentType::Tool, ContentType::Publication];

/// The fields of a submitted form, as sent: lists come as repeated fields.
type Fields = CsrfForm<Vec<(String, String)>>;

/// The forms and steps of one kind of record: a new one, a published one revised or withdrawn,
/// and its history.
pub fn routes(kind: ContentType) -> Router<AppState> {
    let section = kind.section();
    Router::new()
        .route(
            &format!("/contributions/new-{}", kind.as_str()),
            get(move |ctx: PageCtx, state: State<AppState>, me: Allowed<can::Contribute>| {
                new_form(kind, ctx, state, me)
            })
            .post(
                move |ctx: PageCtx, state: State<AppState>, me: Allowed<can::Contribute>, form: Fields| {
                    create(kind, ctx, state, me, form)
                },
            ),
        )
        .route(
            &format!("/{section}/{{slug}}/edit"),
            get(move |ctx: PageCtx, state: State<AppState>, viewer: Viewer, slug: SlugParam| {
                edit_published_form(kind, ctx, state, viewer, slug)
            })
            .post(move |ctx: PageCtx, state: State<AppState>, slug: SlugParam, form: Fields| {
                edit_published(kind, ctx, state, slug, form)
            }),
        )
        .route(
            &format!("/{section}/{{slug}}/withdraw"),
            post(
                move |ctx: PageCtx,
                      state: State<AppState>,
                      me: Allowed<can::Review>,
                      slug: SlugParam,
                      form: CsrfForm<NoFields>| { withdraw(kind, ctx, state, me, slug, form) },
            ),
        )
        .route(
            &format!("/{section}/{{slug}}/history"),
            get(
                move |ctx: PageCtx,
                      state: State<AppState>,
                      viewer: Viewer,
                      slug: SlugParam,
                      query: Params<PageQuery>| { history(kind, ctx, state, viewer, slug, query) },
            ),
        )
}

/// A record's form, as submitted or filled in from the record.
enum RecordForm {
    Project(ProjectForm),
    Resource(ResourceForm),
}

impl RecordForm {
    fn new(kind: ContentType) -> RecordForm {
        match kind {
            ContentType::Project => RecordForm::Project(ProjectForm {
                status: ProjectStatus::Planned.as_str().into(),
                ..ProjectForm::default()
            }),
            _ => RecordForm::Resource(ResourceForm::default()),
        }
    }

    /// The form's fields as submitted; lists come as repeated fields.
    fn submitted(kind: ContentType, fields: &[(String, String)]) -> RecordForm {
        let text = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
        let list = |name: &str| fields.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect();
        match kind {
            ContentType::Project => RecordForm::Project(ProjectForm {
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
            }),
            _ => RecordForm::Resource(ResourceForm {
                slug: text("slug"),
                kind: text("kind"),
                title_en: text("title_en"),
                title_vi: text("title_vi"),
                summary_en: text("summary_en"),
                summary_vi: text("summary_vi"),
                published_on: text("published_on"),
                url: text("url"),
                themes: list("themes"),
                languages: text("languages"),
                source_url: text("source_url"),
            }),
        }
    }

    /// The form filled in with a record; events have no form.
    fn of(content: &Content) -> Result<RecordForm, WebError> {
        match content {
            Content::Project(p) => Ok(RecordForm::Project(ProjectForm::of(p))),
            Content::Resource(r) => Ok(RecordForm::Resource(ResourceForm::of(r))),
            Content::Event(_) => Err(WebError::NotFound),
        }
    }

    /// The record of `kind` with this id, keeping what the form does not show from `kept`.
    fn parse(
        &self,
        kind: ContentType,
        id: Uuid,
        kept: Option<&Content>,
    ) -> Result<Content, Vec<(&'static str, ParseError)>> {
        match self {
            RecordForm::Project(form) => {
                let kept = match kept {
                    Some(Content::Project(p)) => Some(&**p),
                    _ => None,
                };
                form.parse(id, kept).map(|p| Content::Project(Box::new(p)))
            }
            RecordForm::Resource(form) => {
                let resource_type =
                    if kind == ContentType::Tool { ResourceType::Tool } else { ResourceType::Publication };
                let kept = match kept {
                    Some(Content::Resource(r)) => Some(r),
                    _ => None,
                };
                form.parse(resource_type, id, kept).map(Content::Resource)
            }
        }
    }
}

#[derive(Template)]
#[template(path = "curation/project_form.html")]
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

#[derive(Template)]
#[template(path = "curation/resource_form.html")]
struct ResourceFormTemplate {
    ctx: PageCtx,
    title: String,
    action: String,
    errors: Vec<FieldMessage>,
    form: ResourceForm,
    kinds: Vec<Opt>,
    themes: Vec<OptGroup>,
    csrf_token: String,
    editing_published: bool,
}

/// What a form page shows besides the form: where it is sent, its title and errors.
struct FormPage {
    status: StatusCode,
    title: String,
    action: String,
    errors: Vec<FieldMessage>,
    editing_published: bool,
}

async fn form_page(
    ctx: PageCtx,
    state: &AppState,
    csrf_token: String,
    page: FormPage,
    form: RecordForm,
) -> Result<Response, WebError> {
    let FormPage { status, title, action, errors, editing_published } = page;
    let all_themes = state.store.themes().await?;
    let html = match form {
        RecordForm::Project(form) => {
            let statuses = ProjectStatus::ALL
                .into_iter()
                .map(|s| Opt {
                    value: s.as_str().into(),
                    label: ctx.status_label(s),
                    selected: form.status.trim() == s.as_str(),
                })
                .collect();
            let countries =
                country_options(ctx.lang, |code| form.countries.iter().any(|c| c.trim().eq_ignore_ascii_case(code)));
            let chosen = CurrencyCode::parse(&form.budget_currency).ok();
            let currencies = gfce_core::reference::shipped()
                .currencies
                .iter()
                .map(|c| Opt {
                    value: c.code.as_str().to_owned(),
                    label: format!("{} — {}", c.code.as_str(), c.name.get(ctx.lang)),
                    selected: chosen == Some(c.code),
                })
                .collect();
            let themes = theme_groups(&ctx, &all_themes, |id| form.themes.iter().any(|v| v.trim() == id));
            render(&ProjectFormTemplate {
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
            })?
        }
        RecordForm::Resource(form) => {
            let kinds = ResourceKind::ALL
                .into_iter()
                .map(|k| Opt {
                    value: k.as_str().into(),
                    label: ctx.resource_kind_label(k),
                    selected: form.kind.trim() == k.as_str(),
                })
                .collect();
            let themes = theme_groups(&ctx, &all_themes, |id| form.themes.iter().any(|v| v.trim() == id));
            render(&ResourceFormTemplate {
                title,
                action,
                errors,
                form,
                kinds,
                themes,
                csrf_token,
                editing_published,
                ctx,
            })?
        }
    };
    Ok((status, html).into_response())
}

/// Whether the form asked to submit the revision for review straight away.
fn wants_submit(fields: &[(String, String)]) -> bool {
    fields.iter().any(|(k, v)| k == "intent" && v == "submit")
}

/// A refusal of the store shown on the form it came from, when it is about a field of it.
fn form_refusal(ctx: &PageCtx, refusal: Refusal) -> Result<Vec<FieldMessage>, WebError> {
    match WebError::from(refusal) {
        WebError::InvalidField { field, reason } => {
            let field = if field == "slug" { "slug" } else { "title_en" };
            Ok(field_messages(ctx, &[(field, reason)]))
        }
        other => Err(other),
    }
}

/// Submits a just-saved revision when asked to, then shows it.
async fn after_save(
    ctx: &PageCtx,
    state: &AppState,
    user: Uuid,
    revision: Revision,
    submit: bool,
) -> Result<Response, WebError> {
    if submit {
        state.store.advance(revision.id, Step::Submit, user, None).await??;
    }
    Ok(ctx.see(&format!("/revisions/{}", revision.id)))
}

fn new_page(ctx: &PageCtx, kind: ContentType, status: StatusCode, errors: Vec<FieldMessage>) -> FormPage {
    FormPage {
        status,
        title: ctx.t(&format!("{}-new-title", kind.as_str())),
        action: ctx.href(&format!("/contributions/new-{}", kind.as_str())),
        errors,
        editing_published: false,
    }
}

async fn new_form(
    kind: ContentType,
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Allowed<can::Contribute>,
) -> Result<Response, WebError> {
    let page = new_page(&ctx, kind, StatusCode::OK, Vec::new());
    form_page(ctx, &state, me.csrf_token(), page, RecordForm::new(kind)).await
}

async fn create(
    kind: ContentType,
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Allowed<can::Contribute>,
    submitted: Fields,
) -> Result<Response, WebError> {
    let fields = submitted.form;
    let owner = own_actor(&me.principal);
    let form = RecordForm::submitted(kind, &fields);
    let mut content = match form.parse(kind, Uuid::new_v4(), None) {
        Ok(content) => content,
        Err(errors) => {
            let page = new_page(&ctx, kind, StatusCode::BAD_REQUEST, field_messages(&ctx, &refusals(errors)));
            return form_page(ctx, &state, me.csrf_token(), page, form).await;
        }
    };
    if let Some(actor) = &owner {
        content.include(actor);
    }
    match state.store.start_revision(&content, owner.as_ref(), me.id()).await? {
        Ok(revision) => after_save(&ctx, &state, me.id(), revision, wants_submit(&fields)).await,
        Err(refusal) => {
            let page = new_page(&ctx, kind, StatusCode::BAD_REQUEST, form_refusal(&ctx, refusal)?);
            form_page(ctx, &state, me.csrf_token(), page, form).await
        }
    }
}

fn edit_page(
    ctx: &PageCtx,
    content: &Content,
    action: String,
    status: StatusCode,
    errors: Vec<FieldMessage>,
    published: bool,
) -> FormPage {
    FormPage {
        status,
        title: ctx.t_args("record-edit-title", &[("title", content.title().get(ctx.lang))]),
        action,
        errors,
        editing_published: published,
    }
}

async fn edit_published_form(
    kind: ContentType,
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    SlugParam(slug): SlugParam,
) -> Result<Response, WebError> {
    let (record, _) = revisable(&state, &viewer.principal(), kind, &slug).await?;
    let action = ctx.href(&format!("/{}/{}/edit", kind.section(), record.slug()));
    let page = edit_page(&ctx, &record, action, StatusCode::OK, Vec::new(), true);
    form_page(ctx, &state, viewer.csrf_token(), page, RecordForm::of(&record)?).await
}

async fn edit_published(
    kind: ContentType,
    ctx: PageCtx,
    State(state): State<AppState>,
    SlugParam(slug): SlugParam,
    submitted: Fields,
) -> Result<Response, WebError> {
    let CsrfForm { form: fields, viewer, .. } = submitted;
    let (record, owner) = revisable(&state, &viewer.principal(), kind, &slug).await?;
    let me = viewer.signed_in()?;
    let form = RecordForm::submitted(kind, &fields);
    let action = ctx.href(&format!("/{}/{}/edit", kind.section(), record.slug()));
    let mut content = match form.parse(kind, record.id(), Some(&record)) {
        Ok(content) => content,
        Err(errors) => {
            let errors = field_messages(&ctx, &refusals(errors));
            let page = edit_page(&ctx, &record, action, StatusCode::BAD_REQUEST, errors, true);
            return form_page(ctx, &state, me.csrf_token(), page, form).await;
        }
    };
    if let Some(actor) = &owner {
        content.include(actor);
    }
    match state.store.start_revision(&content, owner.as_ref(), me.id()).await? {
        Ok(revision) => after_save(&ctx, &state, me.id(), revision, wants_submit(&fields)).await,
        // One revision of a record at a time: the form leads to the one on its way.
        Err(Refusal::InProgress(id)) => Ok(ctx.see(&format!("/revisions/{id}"))),
        Err(refusal) => {
            let page = edit_page(&ctx, &record, action, StatusCode::BAD_REQUEST, form_refusal(&ctx, refusal)?, true);
            form_page(ctx, &state, me.csrf_token(), page, form).await
        }
    }
}

/// A revision the viewer may change, still editable, of a kind with a form.
async fn editable(state: &AppState, viewer: &Viewer, id: Uuid) -> Result<Revision, WebError> {
    let who = viewer.principal();
    let (revision, _) = readable(state, &who, id).await?;
    if !may_contribute(&who, &revision) {
        return Err(WebError::NotPermitted);
    }
    if !revision.state.editable() {
        return Err(WebError::WrongState(revision.state));
    }
    if !KINDS.contains(&revision.kind) {
        return Err(WebError::NotFound);
    }
    Ok(revision)
}

pub async fn edit_revision_form(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    IdParam(id): IdParam,
) -> Result<Response, WebError> {
    let revision = editable(&state, &viewer, id).await?;
    let action = ctx.href(&format!("/revisions/{}/edit", revision.id));
    let page = edit_page(&ctx, &revision.content, action, StatusCode::OK, Vec::new(), revision.base.is_some());
    form_page(ctx, &state, viewer.csrf_token(), page, RecordForm::of(&revision.content)?).await
}

pub async fn edit_revision(
    ctx: PageCtx,
    State(state): State<AppState>,
    IdParam(id): IdParam,
    submitted: Fields,
) -> Result<Response, WebError> {
    let CsrfForm { form: fields, viewer, .. } = submitted;
    let revision = editable(&state, &viewer, id).await?;
    let me = viewer.signed_in()?;
    let form = RecordForm::submitted(revision.kind, &fields);
    let action = ctx.href(&format!("/revisions/{}/edit", revision.id));
    let published = revision.base.is_some();
    let mut content = match form.parse(revision.kind, revision.record_id, Some(&revision.content)) {
        Ok(content) => content,
        Err(errors) => {
            let errors = field_messages(&ctx, &refusals(errors));
            let page = edit_page(&ctx, &revision.content, action, StatusCode::BAD_REQUEST, errors, published);
            return form_page(ctx, &state, me.csrf_token(), page, form).await;
        }
    };
    if let Some(owner) = &revision.owner {
        content.include(owner);
    }
    match state.store.revise(revision.id, &content, me.id()).await? {
        Ok(revised) => after_save(&ctx, &state, me.id(), revised, wants_submit(&fields)).await,
        Err(refusal) => {
            let errors = form_refusal(&ctx, refusal)?;
            let page = edit_page(&ctx, &revision.content, action, StatusCode::BAD_REQUEST, errors, published);
            form_page(ctx, &state, me.csrf_token(), page, form).await
        }
    }
}

async fn withdraw(
    kind: ContentType,
    ctx: PageCtx,
    State(state): State<AppState>,
    me: Allowed<can::Review>,
    SlugParam(slug): SlugParam,
    _: CsrfForm<NoFields>,
) -> Result<Response, WebError> {
    state.store.withdraw(kind, &slug, me.id()).await??;
    Ok(ctx.see(&format!("/{}", kind.section())))
}

/// What a published record's page offers the viewer beyond reading it.
pub(crate) struct RecordSteps {
    pub edit: Option<String>,
    pub history: Option<String>,
    pub withdraw: Option<String>,
    pub csrf_token: String,
}

/// The steps the viewer may take on a published project, tool or publication: revise it, see
/// its revisions, withdraw it. `None` for anyone who may do none of them.
pub(crate) async fn record_steps(
    ctx: &PageCtx,
    state: &AppState,
    viewer: &Viewer,
    record: Content,
) -> Result<Option<RecordSteps>, WebError> {
    let Some(session) = &viewer.session else { return Ok(None) };
    let who = viewer.principal();
    let owner = state.store.record_owner(record.id()).await?;
    let acting = acting_for(&who, owner.as_ref(), Some(&record)).or(owner.clone());
    let path = |step: &str| ctx.href(&format!("/{}/{}/{step}", record.kind().section(), record.slug()));
    let steps = RecordSteps {
        edit: allowed(&who, &Action::SubmitContent { on_behalf_of: acting }).then(|| path("edit")),
        history: allowed(&who, &Action::ReadDraft { owner_actor: owner }).then(|| path("history")),
        withdraw: allowed(&who, &Action::Review).then(|| path("withdraw")),
        csrf_token: csrf::mask(&session.csrf_token),
    };
    Ok((steps.edit.is_some() || steps.history.is_some() || steps.withdraw.is_some()).then_some(steps))
}
