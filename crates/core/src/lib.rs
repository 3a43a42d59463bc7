//! Domain types and rules of GFCE Hub.
//!
//! Everything here is pure: no I/O, no clocks, no database. Input from the outside world is parsed
//! into these types once, at the edge (web handlers, importers, the CLI); inside, the types are
//! trusted. The reference data shipped with the platform (countries, regions, themes, the founding
//! members and the conference series) is embedded in the binary and parsed through the same types.
//!
//! Where to start reading: the records (`Actor`, `Project`, `Resource`, `Event`) and their rules in
//! `record.rs` and `actor.rs`; [`allowed`], the one place that decides what an account may do;
//! [`curation`], the workflow from draft to published; [`exchange`], the JSON, CSV and IATI
//! formats; [`reference`], the shipped data. Every other module is one type that parses: a code, a
//! slug, a text in several languages, a [`Timestamp`].

mod account;
mod actor;
mod application;
mod audit;
mod codes;
mod content;
pub mod curation;
mod error;
pub mod exchange;
mod fold;
mod form;
mod lang;
mod language_tag;
mod named;
pub mod overlap;
mod paging;
mod project_form;
mod record;
pub mod reference;
mod region;
mod resource_form;
pub mod second_factor;
mod share;
mod slug;
mod text;
mod theme;
mod timestamp;
mod token;

pub use account::{allowed, Action, Email, NewPassword, Principal, UserRole};
pub use actor::{stable_id, Actor, ActorKind, Joined, Membership};
pub use application::{ApplicationForm, ApplicationState, Endorsement, MembershipApplication, RejectionReason};
pub use audit::AuditAction;
pub use codes::{Amount, CurrencyCode, LanguageCode, Link, Money, Tag, WebUrl};
pub use content::{ContentType, ProjectStatus};
pub use error::ParseError;
pub use fold::fold;
pub use lang::Lang;
pub use language_tag::LanguageTag;
pub use paging::{Page, PageRequest};
pub use project_form::ProjectForm;
pub use record::{
    Contribution, CountryFact, Event, FactKind, Invalid, Project, Resource, ResourceKind, ResourceType, Role,
    DESCRIPTION_MAX, SUMMARY_MAX, TITLE_MAX,
};
pub use region::{CountryCode, RegionCode, RegionLevel};
pub use resource_form::ResourceForm;
pub use second_factor::{OneTimeCode, RecoveryCode, SecondFactorCode, TotpSecret};
pub use share::{Percentage, Shares};
pub use slug::Slug;
pub use text::LocalizedText;
pub use theme::{Theme, ThemeFamily, ThemeId};
pub use timestamp::Timestamp;
pub use token::{TokenLifetime, TokenName, TokenScope, TokenScopes};

/// Parses a calendar date written as `YYYY-MM-DD`.
pub fn parse_date(input: &str) -> Result<time::Date, ParseError> {
    time::Date::parse(input.trim(), time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| ParseError::Date)
}

/// Formats a calendar date as `YYYY-MM-DD`, the form used in storage and in the API.
pub fn format_date(date: time::Date) -> String {
    date.format(time::macros::format_description!("[year]-[month]-[day]")).expect("a calendar date always formats")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        let d = parse_date("2015-04-16").unwrap();
        assert_eq!(format_date(d), "2015-04-16");
        assert_eq!(parse_date("2015-02-30"), Err(ParseError::Date));
        assert_eq!(parse_date("16/04/2015"), Err(ParseError::Date));
    }
}
