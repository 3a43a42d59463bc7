//! The secretariat's pages: membership applications and their decisions (`applications`), the
//! audit log (`audit`) and the mail outbox (`outbox`).

pub mod applications;
pub mod audit;
pub mod outbox;
