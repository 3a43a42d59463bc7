//! Who is asking, and whether they may.
//!
//! - A page handler takes [`Viewer`] when anyone may ask (it knows whether someone is signed in),
//!   [`SignedIn`] when only an account may, and [`Allowed<R>`] when only an account whose role
//!   allows what [`can`] names may. A visitor who is not signed in is refused with
//!   [`WebError::SignInRequired`], which a page asked for with GET answers by sending them to the
//!   sign-in page; an account whose role does not allow it gets [`WebError::NotPermitted`]. No
//!   handler writes either by hand.
//! - Where the permission depends on the record (a revision's owner, a published record's
//!   contributors), [`Viewer::require`] and the helpers of [`drafts`] ask `gfce_core::allowed`,
//!   the one place that decides.
//! - An API handler takes [`ApiCaller`], the account of the request's personal API token.
//! - Forms are checked for their CSRF token by [`CsrfForm`].

pub mod bearer;
pub mod csrf;
pub mod drafts;
pub mod secrets;
pub mod session;
pub mod throttle;

use std::{marker::PhantomData, ops::Deref};

use axum::{extract::FromRequestParts, http::request::Parts};
pub use bearer::{ApiCaller, IssuedToken};
pub use csrf::CsrfForm;
use gfce_core::{allowed, curation::acting_for, Action, Principal, Slug};
use gfce_store::{Session, User};
use uuid::Uuid;

use crate::http::{AppState, WebError};

/// Who is asking: the signed-in session, if any. Reading it ends sessions that timed out.
#[derive(Debug, Clone, Default)]
pub struct Viewer {
    pub session: Option<Session>,
    /// The digest of the session token, to end or keep this session.
    pub token_hash: Option<String>,
}

impl Viewer {
    pub fn principal(&self) -> Principal {
        match &self.session {
            None => Principal::Anonymous,
            Some(s) => Principal::User { id: s.user.id, role: s.user.role, actor: s.user.actor.clone() },
        }
    }

    /// Whether the viewer may take `action`: [`WebError::SignInRequired`] for a visitor who is
    /// not signed in, [`WebError::NotPermitted`] for an account whose role does not allow it.
    pub fn require(&self, action: &Action) -> Result<(), WebError> {
        require(&self.principal(), action)
    }

    /// The signed-in viewer, or [`WebError::SignInRequired`].
    pub fn signed_in(&self) -> Result<SignedIn, WebError> {
        match (&self.session, &self.token_hash) {
            (Some(session), Some(token_hash)) => {
                Ok(SignedIn { principal: self.principal(), session: session.clone(), token_hash: token_hash.clone() })
            }
            _ => Err(WebError::SignInRequired),
        }
    }

    /// The CSRF token for the forms of a page shown to a signed-in viewer, masked for this
    /// answer; empty for a visitor, whose forms take theirs from [`csrf::FormToken`].
    pub fn csrf_token(&self) -> String {
        self.session.as_ref().map(|s| csrf::mask(&s.csrf_token)).unwrap_or_default()
    }
}

/// Whether `who` may take `action`, as [`Viewer::require`] answers it.
pub fn require(who: &Principal, action: &Action) -> Result<(), WebError> {
    match (allowed(who, action), who) {
        (true, _) => Ok(()),
        (false, Principal::Anonymous) => Err(WebError::SignInRequired),
        (false, _) => Err(WebError::NotPermitted),
    }
}

/// The actor a representative speaks for; none for anyone else.
pub fn own_actor(who: &Principal) -> Option<Slug> {
    match who {
        Principal::User { actor, .. } => acting_for(who, actor.as_ref(), None),
        Principal::Anonymous => None,
    }
}

/// A signed-in viewer.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session: Session,
    /// The digest of the session token, to end or keep this session.
    pub token_hash: String,
    pub principal: Principal,
}

impl SignedIn {
    pub fn user(&self) -> &User {
        &self.session.user
    }

    pub fn id(&self) -> Uuid {
        self.session.user.id
    }

    /// Whether the account may take `action`; [`WebError::NotPermitted`] if not.
    pub fn require(&self, action: &Action) -> Result<(), WebError> {
        require(&self.principal, action)
    }

    /// The CSRF token for the forms of a page, masked for this answer.
    pub fn csrf_token(&self) -> String {
        csrf::mask(&self.session.csrf_token)
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Viewer::from_request_parts(parts, state).await?.signed_in()
    }
}

/// What an [`Allowed`] viewer may do, named by a type of [`can`].
pub trait Requirement: Send + Sync + 'static {
    /// The action `who` must be allowed.
    fn action(who: &Principal) -> Action;
}

/// A signed-in viewer whose role allows `R`'s action.
#[derive(Debug, Clone)]
pub struct Allowed<R>(pub SignedIn, PhantomData<R>);

impl<R> Deref for Allowed<R> {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.0
    }
}

impl<R: Requirement> FromRequestParts<AppState> for Allowed<R> {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let viewer = Viewer::from_request_parts(parts, state).await?;
        let who = viewer.principal();
        require(&who, &R::action(&who))?;
        Ok(Allowed(viewer.signed_in()?, PhantomData))
    }
}

/// The requirements of [`Allowed`].
pub mod can {
    use gfce_core::{Action, Principal};

    use super::{own_actor, Requirement};

    macro_rules! requirements {
        ($($(#[$doc:meta])* $name:ident => |$who:ident| $action:expr;)*) => {$(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy)]
            pub struct $name;

            impl Requirement for $name {
                fn action($who: &Principal) -> Action {
                    $action
                }
            }
        )*};
    }

    requirements! {
        /// Contribute records for the actor one speaks for (or, for the secretariat, any).
        Contribute => |who| Action::SubmitContent { on_behalf_of: own_actor(who) };
        /// Publish, return and withdraw records.
        Review => |_who| Action::Review;
        /// Read the audit log.
        ReadAuditLog => |_who| Action::ReadAuditLog;
        /// Read the mail outbox.
        ReadOutbox => |_who| Action::ReadOutbox;
        /// Read membership applications.
        ReadApplications => |_who| Action::ReadApplications;
        /// Approve or reject membership applications.
        ManageMembership => |_who| Action::ManageMembership;
        /// Protect the account with a second factor.
        UseSecondFactor => |_who| Action::UseSecondFactor;
        /// Make and revoke one's personal API tokens.
        ManageOwnTokens => |_who| Action::ManageOwnTokens;
    }
}
