//! What the lists of projects, tools and publications share besides the list layout: the
//! organisation a list is narrowed to, and the text fields shown again as typed.

use gfce_core::{Actor, ParseError, Slug};

use crate::{
    http::{params::FieldError, AppState, Reason, WebError},
    ui::{cards::actor_href, Localized, PageCtx},
};

/// An organisation a list is narrowed to, named above the results.
pub struct ActorNote {
    pub name: Localized,
    pub href: String,
}

impl ActorNote {
    pub fn of(ctx: &PageCtx, actor: Option<Actor>) -> Option<ActorNote> {
        actor.map(|a| ActorNote { href: actor_href(ctx, &a), name: ctx.localized(&a.name) })
    }
}

/// What was typed in a list's text fields, shown again as typed.
pub struct Typed {
    pub q: String,
    pub actor: String,
    pub tag: String,
    pub year: String,
}

impl Typed {
    pub fn of(q: &Option<String>, actor: &Option<String>, tag: &Option<String>, year: &Option<String>) -> Typed {
        let shown = |v: &Option<String>| v.as_deref().unwrap_or("").to_owned();
        Typed { q: shown(q), actor: shown(actor), tag: shown(tag), year: shown(year) }
    }
}

/// Checks that the organisation a list is narrowed to exists; an unknown one is refused and
/// the list is not narrowed.
pub async fn known_actor(
    state: &AppState,
    errors: &mut Vec<FieldError>,
    actor: &mut Option<Slug>,
) -> Result<Option<Actor>, WebError> {
    let Some(slug) = actor.as_ref() else { return Ok(None) };
    let found = state.store.actor(slug).await?;
    if found.is_none() {
        errors.push(("actor", Reason::Parse(ParseError::UnknownActor)));
        *actor = None;
    }
    Ok(found)
}
