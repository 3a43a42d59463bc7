//! Curation: the lists of revisions (`queue`: a representative's contributions, the curators'
//! review queue, a record's history), a revision's page with what it changes and the steps the
//! viewer may take (`revision`), and the forms through which records are contributed and
//! revised, with the steps a published record's page offers (`forms`).
//!
//! Who may do what is `gfce_core::allowed`'s, asked through `access`: reading a revision is
//! `ReadDraft` for its owner, editing, submitting and discarding it `SubmitContent` for the actor
//! the viewer acts for, publishing, returning and withdrawing `Review`. The same checks guard
//! the write API.

pub mod forms;
pub mod queue;
pub mod revision;
