//! The write API: projects, tools, publications and events created, revised, submitted,
//! published, returned, discarded and withdrawn through `/api/v1`, with a personal API token
//! (`Authorization: Bearer …`, write scope).
//!
//! It is the curation workflow of the pages, with the same rules: every change is a revision,
//! only a published revision is public, and who may take a step is decided by
//! `gfce_core::allowed` through the same helpers as the pages (`curation`). A body is the record
//! as the JSON dataset writes it (see `/api/v1/export.json`), without its `id`; a field it gets
//! wrong is a 400 naming the field's path (`budget.currency`, `participants[0].actor`).

use axum::{
    body::Bytes,
    extract::State,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post, put},
    Json, Router,
};
use gfce_core::{
    allowed,
    curation::{diff, Content, FieldChange, ReturnComment, RevisionState, Step},
    Action, ContentType, Page, PageRequest, Principal, Slug, Timestamp,
};
use gfce_store::{Revision, RevisionEvent, RevisionFilter};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, OpenApi, ToSchema};
use uuid::Uuid;

use super::{
    dto::Text,
    schema::{self, EventRecord, ProjectRecord, ResourceRecord},
};
use crate::{
    access::{
        drafts::{may_contribute, readable, revisable},
        own_actor, ApiCaller,
    },
    http::{
        params::{given, IdParam, Params, SlugParam},
        AppState, Problem, Reason, WebError,
    },
};

/// The write API's routes: the revisions and their steps, and for each kind of record its
/// creation, revision and withdrawal.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/revisions", get(list_revisions))
        .route("/api/v1/revisions/{id}", get(get_revision).put(update_revision).delete(discard_revision))
        .route("/api/v1/revisions/{id}/submit", post(submit_revision))
        .route("/api/v1/revisions/{id}/publish", post(publish_revision))
        .route("/api/v1/revisions/{id}/return", post(return_revision))
        .route("/api/v1/projects", post(create_project))
        .route("/api/v1/projects/{slug}", put(revise_project).delete(withdraw_project))
        .route("/api/v1/tools", post(create_tool))
        .route("/api/v1/tools/{slug}", put(revise_tool).delete(withdraw_tool))
        .route("/api/v1/publications", post(create_publication))
        .route("/api/v1/publications/{slug}", put(revise_publication).delete(withdraw_publication))
        .route("/api/v1/events", post(create_event))
        .route("/api/v1/events/{slug}", put(revise_event).delete(withdraw_event))
}

/// A change of a revision's state.
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryItem {
    pub from: Option<RevisionState>,
    pub to: RevisionState,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    /// The address of who took the step.
    pub by: Option<String>,
    pub comment: Option<String>,
}

/// One revision of a record, with the record as it would be published and what it changes in
/// the published version.
#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionView {
    #[schema(value_type = schema::Uuid)]
    pub id: String,
    /// The record's id, which stays the same from revision to revision.
    #[schema(value_type = schema::Uuid)]
    pub record_id: String,
    /// `project`, `tool`, `publication` or `event`.
    pub kind: ContentType,
    /// 1, 2, 3… for each record.
    pub number: i64,
    pub state: RevisionState,
    pub slug: String,
    pub title: Text,
    /// The actor (slug) it is submitted for.
    pub owner: Option<String>,
    /// The address of its author.
    pub author: Option<String>,
    /// The curator's comment, when returned.
    pub comment: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub submitted_at: Option<Timestamp>,
    #[schema(value_type = schema::Record)]
    pub record: Value,
    /// The fields that differ from the published version it was started from (all of them for
    /// a new record).
    pub changes: Vec<FieldChange>,
    pub history: Vec<HistoryItem>,
    /// The revision's page.
    pub html: String,
}

impl RevisionView {
    fn new(revision: &Revision, history: &[RevisionEvent]) -> Self {
        let record = revision.content.to_json();
        RevisionView {
            id: revision.id.to_string(),
            record_id: revision.record_id.to_string(),
            kind: revision.kind,
            number: revision.number,
            state: revision.state,
            slug: revision.content.slug().to_string(),
            title: revision.title().into(),
            owner: revision.owner.as_ref().map(Slug::to_string),
            author: revision.author_email.clone(),
            comment: revision.comment.clone(),
            created_at: revision.created_at,
            updated_at: revision.updated_at,
            submitted_at: revision.submitted_at,
            changes: diff(revision.base.as_ref(), &record),
            record,
            history: history
                .iter()
                .map(|h| HistoryItem {
                    from: h.from,
                    to: h.to,
                    at: h.at,
                    by: h.user_email.clone(),
                    comment: h.comment.clone(),
                })
                .collect(),
            html: format!("/en/revisions/{}", revision.id),
        }
    }
}

super::dto::list_type!(RevisionList, RevisionView, "One page of revisions (each without its history).");

/// For an administrator: the actor a new record is submitted for.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OwnerQuery {
    /// The slug of an actor; representatives always submit for their own.
    #[param(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    on_behalf_of: Option<String>,
}

/// Which revisions to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RevisionQuery {
    /// Only revisions in this state (`draft`, `submitted`, `returned`, `published`, `replaced`,
    /// `discarded`, `withdrawn`); `submitted` lists the review queue, oldest first.
    #[param(value_type = Option<RevisionState>)]
    state: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000)]
    page: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    per_page: Option<String>,
}

/// The return of a revision: what its author should change.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReturnBody {
    // Missing is read as empty, so that it is refused naming the field rather than the body.
    #[serde(default)]
    #[schema(value_type = schema::Comment, required = true)]
    pub comment: String,
}

/// Reads a JSON body, naming what is wrong with it.
fn json_body(body: &Bytes) -> Result<Value, WebError> {
    serde_json::from_slice(body)
        .map_err(|e| WebError::InvalidField { field: String::new(), reason: Reason::Syntax(e.to_string()) })
}

/// Reads a record of `kind` with this id from a body.
fn record(kind: ContentType, body: &Bytes, id: Uuid) -> Result<Content, WebError> {
    Content::from_json(kind, json_body(body)?, id).map_err(|(field, reason)| WebError::InvalidField {
        field,
        reason: match reason {
            gfce_core::exchange::Reason::Invalid(e) => Reason::Parse(e),
            gfce_core::exchange::Reason::Syntax(text) => Reason::Syntax(text),
        },
    })
}

/// The caller's account id, for a write.
fn writer(caller: &ApiCaller) -> Result<(Principal, Uuid), WebError> {
    let who = caller.for_write()?.clone();
    let (user, _) = caller.token_holder()?;
    Ok((who, user))
}

const TOKEN_REFUSED: &str = "No token (`WWW-Authenticate: Bearer`), or one that is malformed, unknown, revoked or \
                             expired, or whose account is disabled (`WWW-Authenticate: Bearer error=\"invalid_token\"`)";

const WRITE_ERRORS: &str =
    "A read-only token (`WWW-Authenticate: Bearer error=\"insufficient_scope\"`), or an account \
                            whose role may not take the step";

/// Creates a draft of a new record: the first revision, not public until published.
async fn create(
    kind: ContentType,
    State(state): State<AppState>,
    caller: ApiCaller,
    Params(query): Params<OwnerQuery>,
    body: Bytes,
) -> Result<Response, WebError> {
    let (who, user) = writer(&caller)?;
    let requested = given(&query.on_behalf_of)
        .map(|s| Slug::parse(s).map_err(|e| WebError::invalid("on_behalf_of", e)))
        .transpose()?;
    let owner = match (own_actor(&who), requested) {
        (Some(own), Some(asked)) if own != asked => return Err(WebError::NotPermitted),
        (Some(own), _) => Some(own),
        (None, asked) => asked,
    };
    if !allowed(&who, &Action::SubmitContent { on_behalf_of: owner.clone() }) {
        return Err(WebError::NotPermitted);
    }
    start(&state, kind, &body, Uuid::new_v4(), owner, user).await
}

/// Starts a revision of the record of `kind` the body holds, with this id, for `owner` (who takes
/// part in it); 201 with the revision.
async fn start(
    state: &AppState,
    kind: ContentType,
    body: &Bytes,
    id: Uuid,
    owner: Option<Slug>,
    user: Uuid,
) -> Result<Response, WebError> {
    let mut content = record(kind, body, id)?;
    if let Some(actor) = &owner {
        content.include(actor);
    }
    let revision = state.store.start_revision(&content, owner.as_ref(), user).await??;
    let mut response = (StatusCode::CREATED, Json(RevisionView::new(&revision, &[]))).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/revisions/{}", revision.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Starts a new revision of a published record; the published version stays public until the
/// new one is published.
async fn revise_published(
    kind: ContentType,
    State(state): State<AppState>,
    caller: ApiCaller,
    SlugParam(slug): SlugParam,
    body: Bytes,
) -> Result<Response, WebError> {
    let (who, user) = writer(&caller)?;
    let (published, owner) = revisable(&state, &who, kind, &slug).await?;
    start(&state, kind, &body, published.id(), owner, user).await
}

/// Takes a published record down (curators and administrators).
async fn withdraw(
    kind: ContentType,
    State(state): State<AppState>,
    caller: ApiCaller,
    SlugParam(slug): SlugParam,
) -> Result<StatusCode, WebError> {
    let (who, user) = writer(&caller)?;
    if !allowed(&who, &Action::Review) {
        return Err(WebError::NotPermitted);
    }
    state.store.withdraw(kind, &slug, user).await??;
    Ok(StatusCode::NO_CONTENT)
}

/// The creation, revision and withdrawal of one kind of record, each documented at its own path
/// with the schema of the kind's record, so that a client or a fuzzer knows what to send where.
#[rustfmt::skip] // rustfmt would indent the attributes' arguments as if they were code.
macro_rules! record_writes {
    (
        $kind:expr, $body:ty, $what:literal,
        $create:ident, $list_path:literal,
        $revise:ident, $withdraw:ident, $item_path:literal
    ) => {
        #[doc = concat!("Creates a draft of a new ", $what, ": the first revision, not public until published.")]
        #[utoipa::path(post, path = $list_path, tag = "curation", params(OwnerQuery),
            request_body(content = $body, description = "The record as the JSON dataset writes it, without `id`"),
            security(("bearer" = ["write"])),
            responses(
                (status = 201, body = RevisionView, description = "The draft",
                 headers(("Location" = String, description = "The revision's address"))),
                (status = 400, description = "A field is refused; `field` names its path", body = Problem,
                 content_type = "application/problem+json"),
                (status = 401, description = TOKEN_REFUSED, body = Problem, content_type = "application/problem+json"),
                (status = 403, description = WRITE_ERRORS, body = Problem, content_type = "application/problem+json"),
            ))]
        async fn $create(
            state: State<AppState>,
            caller: ApiCaller,
            query: Params<OwnerQuery>,
            body: Bytes,
        ) -> Result<Response, WebError> {
            create($kind, state, caller, query, body).await
        }

        #[doc = concat!("Starts a new revision of a published ", $what, "; the published version stays public \
                         until the new one is published.")]
        #[utoipa::path(put, path = $item_path, tag = "curation",
            params(("slug" = String, Path, description = "The published record's slug")),
            request_body(content = $body, description = "The whole record as it should become, without `id`"),
            security(("bearer" = ["write"])),
            responses(
                (status = 201, body = RevisionView, description = "The new revision, a draft",
                 headers(("Location" = String, description = "The revision's address"))),
                (status = 400, description = "A field is refused; `field` names its path", body = Problem,
                 content_type = "application/problem+json"),
                (status = 401, description = TOKEN_REFUSED, body = Problem, content_type = "application/problem+json"),
                (status = 403, description = WRITE_ERRORS, body = Problem, content_type = "application/problem+json"),
                (status = 404, description = "No published record of this kind has the slug", body = Problem,
                 content_type = "application/problem+json"),
                (status = 409, description = "The record has a revision on its way already; change that one",
                 body = Problem, content_type = "application/problem+json"),
            ))]
        async fn $revise(
            state: State<AppState>,
            caller: ApiCaller,
            slug: SlugParam,
            body: Bytes,
        ) -> Result<Response, WebError> {
            revise_published($kind, state, caller, slug, body).await
        }

        #[doc = concat!("Takes a published ", $what, " down (curators and administrators).")]
        #[utoipa::path(delete, path = $item_path, tag = "curation",
            params(("slug" = String, Path, description = "The published record's slug")),
            security(("bearer" = ["write"])),
            responses(
                (status = 204, description = "Withdrawn: gone from pages, API, search, feeds and exports; its \
                                              revisions stay"),
                (status = 401, description = TOKEN_REFUSED, body = Problem, content_type = "application/problem+json"),
                (status = 403, description = WRITE_ERRORS, body = Problem, content_type = "application/problem+json"),
                (status = 404, description = "No published record of this kind has the slug", body = Problem,
                 content_type = "application/problem+json"),
            ))]
        async fn $withdraw(state: State<AppState>, caller: ApiCaller, slug: SlugParam) -> Result<StatusCode, WebError> {
            withdraw($kind, state, caller, slug).await
        }
    };
}

record_writes!(
    ContentType::Project,
    ProjectRecord,
    "project",
    create_project,
    "/api/v1/projects",
    revise_project,
    withdraw_project,
    "/api/v1/projects/{slug}"
);
record_writes!(
    ContentType::Tool,
    ResourceRecord,
    "tool",
    create_tool,
    "/api/v1/tools",
    revise_tool,
    withdraw_tool,
    "/api/v1/tools/{slug}"
);
record_writes!(
    ContentType::Publication,
    ResourceRecord,
    "publication",
    create_publication,
    "/api/v1/publications",
    revise_publication,
    withdraw_publication,
    "/api/v1/publications/{slug}"
);
record_writes!(
    ContentType::Event,
    EventRecord,
    "event",
    create_event,
    "/api/v1/events",
    revise_event,
    withdraw_event,
    "/api/v1/events/{slug}"
);

/// The revisions the caller may read: a representative's actor's, or for curators and
/// administrators every one (`state=submitted` is the review queue).
#[utoipa::path(get, path = "/api/v1/revisions", tag = "curation", params(RevisionQuery),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, body = RevisionList),
        (status = 400, description = "A parameter is malformed; `param` names it", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = TOKEN_REFUSED, body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account may read no drafts", body = Problem, content_type = "application/problem+json"),
    ))]
async fn list_revisions(
    State(state): State<AppState>,
    caller: ApiCaller,
    Params(query): Params<RevisionQuery>,
) -> Result<Json<RevisionList>, WebError> {
    let (user, _) = caller.token_holder()?;
    let who = &caller.principal;
    let states = given(&query.state)
        .map(|s| s.parse::<RevisionState>().map_err(|e| WebError::invalid("state", e)))
        .transpose()?
        .into_iter()
        .collect::<Vec<_>>();
    let page = PageRequest::parse(given(&query.page), given(&query.per_page))
        .map_err(|(param, e)| WebError::invalid(param, e))?;
    let queue_order = states == [RevisionState::Submitted];
    let filter = if allowed(who, &Action::Review) {
        RevisionFilter { states, queue_order, ..RevisionFilter::default() }
    } else if let Some(actor) = own_actor(who) {
        RevisionFilter { states, owner: Some(actor), queue_order, ..RevisionFilter::default() }
    } else if allowed(who, &Action::SubmitContent { on_behalf_of: None }) {
        RevisionFilter { states, author: Some(user), queue_order, ..RevisionFilter::default() }
    } else {
        return Err(WebError::NotPermitted);
    };
    let found: Page<Revision> = state.store.revisions(&filter, page).await?;
    Ok(Json(RevisionList::from_page(&found, |r| RevisionView::new(r, &[]))))
}

/// An API caller without a token is told that a token is needed, not that a page wants a
/// signed-in account.
fn unauthenticated(error: WebError) -> WebError {
    match error {
        WebError::SignInRequired => WebError::Unauthenticated,
        other => other,
    }
}

/// The revision, for a caller who may read it.
async fn visible(state: &AppState, caller: &ApiCaller, id: Uuid) -> Result<(Revision, Vec<RevisionEvent>), WebError> {
    readable(state, &caller.principal, id).await.map_err(unauthenticated)
}

#[utoipa::path(get, path = "/api/v1/revisions/{id}", tag = "curation",
    params(("id" = schema::Uuid, Path, description = "The revision's id")),
    security(("bearer" = ["read"])),
    responses(
        (status = 200, body = RevisionView),
        (status = 401, description = TOKEN_REFUSED, body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account may not read this revision", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No revision has this id", body = Problem, content_type = "application/problem+json"),
    ))]
async fn get_revision(
    State(state): State<AppState>,
    caller: ApiCaller,
    IdParam(id): IdParam,
) -> Result<Json<RevisionView>, WebError> {
    let (revision, history) = visible(&state, &caller, id).await?;
    Ok(Json(RevisionView::new(&revision, &history)))
}

/// Replaces the record of a draft or returned revision (which becomes a draft again).
#[utoipa::path(put, path = "/api/v1/revisions/{id}", tag = "curation",
    params(("id" = schema::Uuid, Path, description = "The revision's id")),
    request_body(content = schema::Record, description = "The whole record as it should become, of the revision's \
        kind, without `id`"),
    security(("bearer" = ["write"])),
    responses(
        (status = 200, body = RevisionView),
        (status = 400, description = "A field is refused; `field` names its path", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = TOKEN_REFUSED, body = Problem, content_type = "application/problem+json"),
        (status = 403, description = WRITE_ERRORS, body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No revision has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The revision is under review or decided", body = Problem, content_type = "application/problem+json"),
    ))]
async fn update_revision(
    State(state): State<AppState>,
    caller: ApiCaller,
    IdParam(id): IdParam,
    body: Bytes,
) -> Result<Json<RevisionView>, WebError> {
    let (who, user) = writer(&caller)?;
    let (revision, _) = visible(&state, &caller, id).await?;
    if !may_contribute(&who, &revision) {
        return Err(WebError::NotPermitted);
    }
    let mut content = record(revision.kind, &body, revision.record_id)?;
    if let Some(owner) = &revision.owner {
        content.include(owner);
    }
    let revised = state.store.revise(revision.id, &content, user).await??;
    let (revised, history) = state.store.revision(revised.id).await?.ok_or(WebError::NotFound)?;
    Ok(Json(RevisionView::new(&revised, &history)))
}

/// Takes a step, checked as the pages check it.
async fn take(
    state: &AppState,
    caller: &ApiCaller,
    id: Uuid,
    step: Step,
    comment: Option<ReturnComment>,
) -> Result<Json<RevisionView>, WebError> {
    let (who, user) = writer(caller)?;
    let (revision, _) = visible(state, caller, id).await?;
    let permitted = match step {
        Step::Publish | Step::Return => allowed(&who, &Action::Review),
        _ => may_contribute(&who, &revision),
    };
    if !permitted {
        return Err(WebError::NotPermitted);
    }
    state.store.advance(revision.id, step, user, comment.as_ref()).await??;
    let (revision, history) = state.store.revision(revision.id).await?.ok_or(WebError::NotFound)?;
    Ok(Json(RevisionView::new(&revision, &history)))
}

/// A step that takes no body, documented at its own path: what the answer means when it is taken
/// (`$done`), and when the revision's state does not allow it (`$conflict`).
macro_rules! step {
    ($name:ident, $method:ident, $path:literal, $step:expr, $done:literal, $conflict:literal $(, ($($extra:tt)*))*) => {
        #[utoipa::path($method, path = $path, tag = "curation",
            params(("id" = schema::Uuid, Path, description = "The revision's id")),
            security(("bearer" = ["write"])),
            responses(
                (status = 200, body = RevisionView, description = $done),
                $(($($extra)*),)*
                (status = 401, description = TOKEN_REFUSED, body = Problem, content_type = "application/problem+json"),
                (status = 403, description = WRITE_ERRORS, body = Problem, content_type = "application/problem+json"),
                (status = 404, description = "No revision has this id", body = Problem, content_type = "application/problem+json"),
                (status = 409, description = $conflict, body = Problem, content_type = "application/problem+json"),
            ))]
        async fn $name(
            State(state): State<AppState>,
            caller: ApiCaller,
            IdParam(id): IdParam,
        ) -> Result<Json<RevisionView>, WebError> {
            take(&state, &caller, id, $step, None).await
        }
    };
}

step!(
    submit_revision,
    post,
    "/api/v1/revisions/{id}/submit",
    Step::Submit,
    "Submitted: in the curators' queue",
    "Not a draft or returned revision"
);
step!(
    publish_revision,
    post,
    "/api/v1/revisions/{id}/publish",
    Step::Publish,
    "Published: the public record, in pages, API, search, feeds and exports",
    "Not a submitted revision (decided already, perhaps)",
    (
        status = 400,
        description = "The record names an actor that no longer exists, or its slug was taken meanwhile",
        body = Problem,
        content_type = "application/problem+json"
    )
);
step!(
    discard_revision,
    delete,
    "/api/v1/revisions/{id}",
    Step::Discard,
    "Discarded; it stays in the record's history",
    "Not a draft or returned revision"
);

#[utoipa::path(post, path = "/api/v1/revisions/{id}/return", tag = "curation",
    params(("id" = schema::Uuid, Path, description = "The revision's id")),
    request_body = ReturnBody,
    security(("bearer" = ["write"])),
    responses(
        (status = 200, body = RevisionView, description = "Returned to its author with the comment"),
        (status = 400, description = "No comment, or one over 2,000 characters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = TOKEN_REFUSED, body = Problem, content_type = "application/problem+json"),
        (status = 403, description = WRITE_ERRORS, body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No revision has this id", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a submitted revision", body = Problem, content_type = "application/problem+json"),
    ))]
async fn return_revision(
    State(state): State<AppState>,
    caller: ApiCaller,
    IdParam(id): IdParam,
    body: Bytes,
) -> Result<Json<RevisionView>, WebError> {
    caller.for_write()?;
    let body: ReturnBody = serde_json::from_slice(&body)
        .map_err(|e| WebError::InvalidField { field: "comment".into(), reason: Reason::Syntax(e.to_string()) })?;
    let comment = ReturnComment::parse(&body.comment)
        .map_err(|e| WebError::InvalidField { field: "comment".into(), reason: Reason::Parse(e) })?;
    take(&state, &caller, id, Step::Return, Some(comment)).await
}

/// The write API's part of the OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    paths(
        create_project,
        revise_project,
        withdraw_project,
        create_tool,
        revise_tool,
        withdraw_tool,
        create_publication,
        revise_publication,
        withdraw_publication,
        create_event,
        revise_event,
        withdraw_event,
        list_revisions,
        get_revision,
        update_revision,
        submit_revision,
        publish_revision,
        return_revision,
        discard_revision
    ),
    // The records' parts are written by hand (`schema`), so they name the parts they refer to
    // rather than gathering them; every one is listed here.
    components(schemas(
        RevisionView,
        RevisionList,
        HistoryItem,
        ReturnBody,
        ProjectRecord,
        ResourceRecord,
        EventRecord,
        schema::Record,
        schema::Uuid,
        schema::Slug,
        schema::CountryCode,
        schema::SeriesId,
        schema::RegionCode,
        schema::LanguageCode,
        schema::CurrencyCode,
        schema::ThemeId,
        schema::Tag,
        schema::WebUrl,
        schema::Date,
        schema::Amount,
        schema::Title,
        schema::Summary,
        schema::Description,
        schema::LocalizedText,
        schema::Participant,
        schema::Contributor,
        schema::Money,
        schema::Link,
        schema::Comment
    )),
    tags((name = "curation", description = "Contributing and reviewing projects, tools, publications and events: \
        every change is a revision, public only once a curator publishes it. Needs a personal API token \
        (`Authorization: Bearer …`) with the write scope for changes."))
)]
pub struct WriteDoc;
