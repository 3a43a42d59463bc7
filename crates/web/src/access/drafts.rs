//! Who may see and change what is not public yet, for pages and API alike: reading a revision is
//! [`Action::ReadDraft`] for its owner's representatives (and its author, curators and
//! administrators); editing, submitting and discarding it, or revising a published record, is
//! [`Action::SubmitContent`] for the actor the viewer acts for ([`acting_for`]).

use gfce_core::{
    allowed,
    curation::{acting_for, Content},
    Action, ContentType, Principal, Slug,
};
use gfce_store::{Revision, RevisionEvent};
use uuid::Uuid;

use super::require;
use crate::http::{AppState, WebError};

/// The published record of `kind` to revise, and the actor `who` would act for on it: the
/// owner of its revisions, or the representative's own actor when it takes part in a record no
/// revision owns. Refuses those who may not revise it.
pub async fn revisable(
    state: &AppState,
    who: &Principal,
    kind: ContentType,
    slug: &Slug,
) -> Result<(Content, Option<Slug>), WebError> {
    let Some(record) = state.store.published(kind, slug).await? else { return Err(WebError::NotFound) };
    let owner = state.store.record_owner(record.id()).await?;
    let acting = acting_for(who, owner.as_ref(), Some(&record)).or(owner);
    require(who, &Action::SubmitContent { on_behalf_of: acting.clone() })?;
    Ok((record, acting))
}

/// The revision with its history, if `who` may read it: its owner's representatives, its
/// author, curators and administrators.
pub async fn readable(state: &AppState, who: &Principal, id: Uuid) -> Result<(Revision, Vec<RevisionEvent>), WebError> {
    let Some((revision, history)) = state.store.revision(id).await? else { return Err(WebError::NotFound) };
    let authored = matches!(&who, Principal::User { id, .. } if Some(*id) == revision.author);
    if !authored {
        require(who, &Action::ReadDraft { owner_actor: revision.owner.clone() })?;
    }
    Ok((revision, history))
}

/// Whether `who` may edit, submit or discard the revision: act for its owner.
pub fn may_contribute(who: &Principal, revision: &Revision) -> bool {
    let acting = acting_for(who, revision.owner.as_ref(), None).or(revision.owner.clone());
    allowed(who, &Action::SubmitContent { on_behalf_of: acting })
}
