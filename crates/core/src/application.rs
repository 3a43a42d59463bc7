//! Membership applications: what an organisation sends to join the GFCE, and the states an
//! application passes through until the secretariat decides.
//!
//! An application is parsed once from the fields of the form, every bad field reported with its
//! name, so the web layer can show all of them at once and write nothing.

use serde::{Deserialize, Serialize};

use crate::{
    form::{keep, optional},
    named::named_enum,
    reference,
    text::bounded,
    ActorKind, CountryCode, Email, Invalid, LocalizedText, ParseError, ThemeId, WebUrl, TITLE_MAX,
};

/// The fields of an application as submitted: text as typed, a checkbox as whether it was ticked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationForm {
    pub kind: String,
    pub name_en: String,
    pub name_vi: String,
    pub country: String,
    pub website: String,
    pub contact_name: String,
    pub contact_email: String,
    pub motivation: String,
    pub themes: Vec<String>,
    pub endorse_hague: bool,
    pub endorse_framework: bool,
    pub endorse_delhi: bool,
    pub official_name: String,
    pub official_title: String,
}

/// The high-level official who endorses the founding documents on the organisation's behalf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endorsement {
    pub name: String,
    /// Their title or position: "Minister of Information and Communications".
    pub title: String,
}

/// An organisation's application to join the GFCE, with everything the secretariat needs to
/// decide and, on approval, to create the actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembershipApplication {
    /// A kind that can join; it decides whether the organisation becomes a member or a partner.
    pub kind: ActorKind,
    pub name: LocalizedText,
    /// The country itself (required for a country), or the organisation's seat.
    pub country: Option<CountryCode>,
    pub website: Option<WebUrl>,
    pub contact_name: String,
    pub contact_email: Email,
    pub motivation: String,
    pub themes: Vec<ThemeId>,
    /// Joining means endorsing the Hague Declaration (2015), the GFCE Framework and the Delhi
    /// Communiqué (2017); an application exists only with all three endorsed by this official.
    pub endorsed_by: Endorsement,
}

impl MembershipApplication {
    /// The longest motivation: a page or so, enough to explain, bounded for the reviewers.
    pub const MOTIVATION_MAX: usize = 4_000;
    /// The longest name of a person or a title.
    pub const PERSON_MAX: usize = 200;

    /// Parses the form, collecting every refusal with the name of its field.
    pub fn parse(form: &ApplicationForm) -> Result<Self, Vec<Invalid>> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let kind = keep(e, "kind", parse_kind(&form.kind));
        let name = keep(e, "name_en", parse_name(&form.name_en, &form.name_vi));
        let country = keep(e, "country", parse_country(&form.country, kind));
        let website = keep(e, "website", optional(&form.website, WebUrl::parse));
        let contact_name = keep(e, "contact_name", bounded(&form.contact_name, Self::PERSON_MAX));
        let contact_email = keep(e, "contact_email", Email::parse(&form.contact_email));
        let motivation = keep(e, "motivation", bounded(&form.motivation, Self::MOTIVATION_MAX));
        let themes = keep(e, "themes", parse_themes(&form.themes));
        let hague = keep(e, "endorse_hague", ticked(form.endorse_hague));
        let framework = keep(e, "endorse_framework", ticked(form.endorse_framework));
        let delhi = keep(e, "endorse_delhi", ticked(form.endorse_delhi));
        let official_name = keep(e, "official_name", bounded(&form.official_name, Self::PERSON_MAX));
        let official_title = keep(e, "official_title", bounded(&form.official_title, Self::PERSON_MAX));
        match (
            kind,
            name,
            country,
            website,
            contact_name,
            contact_email,
            motivation,
            themes,
            hague.and(framework).and(delhi),
            official_name,
            official_title,
        ) {
            (
                Some(kind),
                Some(name),
                Some(country),
                Some(website),
                Some(contact_name),
                Some(contact_email),
                Some(motivation),
                Some(themes),
                Some(()),
                Some(name_of_official),
                Some(title),
            ) => Ok(MembershipApplication {
                kind,
                name,
                country,
                website,
                contact_name,
                contact_email,
                motivation,
                themes,
                endorsed_by: Endorsement { name: name_of_official, title },
            }),
            _ => Err(errors),
        }
    }
}

/// The value, or `None` with the refusal noted against the field.
/// Only a kind that can join may apply: a government body or other organisation takes part
/// through its country.
fn parse_kind(input: &str) -> Result<ActorKind, ParseError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(ParseError::Empty);
    }
    input.parse::<ActorKind>().ok().filter(|k| k.membership().is_some()).ok_or(ParseError::NotAllowed)
}

fn parse_name(en: &str, vi: &str) -> Result<LocalizedText, ParseError> {
    let name = LocalizedText::new(Some(en.to_owned()), Some(vi.to_owned()))?;
    if [name.en(), name.vi()].into_iter().flatten().any(|t| t.chars().count() > TITLE_MAX) {
        return Err(ParseError::TooLong { max: TITLE_MAX });
    }
    Ok(name)
}

/// A country applies as itself, so it must say which; an organisation may name its seat.
fn parse_country(input: &str, kind: Option<ActorKind>) -> Result<Option<CountryCode>, ParseError> {
    let country = optional(input, CountryCode::parse)?;
    if country.is_none() && kind == Some(ActorKind::Country) {
        return Err(ParseError::Empty);
    }
    Ok(country)
}

fn parse_themes(inputs: &[String]) -> Result<Vec<ThemeId>, ParseError> {
    let shipped = &reference::shipped().themes;
    let mut themes: Vec<ThemeId> = Vec::new();
    for input in inputs.iter().filter(|t| !t.trim().is_empty()) {
        let theme = ThemeId::parse(input).map_err(|_| ParseError::UnknownTheme)?;
        if !shipped.iter().any(|s| s.id == theme) {
            return Err(ParseError::UnknownTheme);
        }
        // A theme ticked twice (two families can list it) is still one interest.
        if !themes.contains(&theme) {
            themes.push(theme);
        }
    }
    Ok(themes)
}

fn ticked(checked: bool) -> Result<(), ParseError> {
    if checked {
        Ok(())
    } else {
        Err(ParseError::Unticked)
    }
}

named_enum! {
    /// Where an application stands. Only a submitted application can be decided, once.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ApplicationState {
        Submitted => "submitted",
        Approved => "approved",
        Rejected => "rejected",
    }
    impl FromStr, Display;
}

impl ApplicationState {
    /// Whether an application in this state may move to `to`: a decision is final.
    pub fn may_become(self, to: ApplicationState) -> bool {
        self == ApplicationState::Submitted && to != ApplicationState::Submitted
    }
}

/// Why an application was rejected, as the applicant is told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectionReason(String);

impl RejectionReason {
    pub const MAX: usize = 2_000;

    /// A rejection always says why: an empty reason is refused.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        bounded(input, Self::MAX).map(RejectionReason)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> ApplicationForm {
        ApplicationForm {
            kind: "academia".into(),
            name_en: " Hanoi University of Science and Technology ".into(),
            name_vi: "Đại học Bách khoa Hà Nội".into(),
            country: "vn".into(),
            website: "https://hust.edu.vn".into(),
            contact_name: "Nguyễn Thị Lan".into(),
            contact_email: "lan@hust.edu.vn".into(),
            motivation: "We train the CERT staff of the region.".into(),
            themes: vec!["culture-skills".into(), "".into()],
            endorse_hague: true,
            endorse_framework: true,
            endorse_delhi: true,
            official_name: "Prof. Trần Văn B".into(),
            official_title: "Rector".into(),
        }
    }

    fn refused(form: &ApplicationForm) -> Vec<Invalid> {
        MembershipApplication::parse(form).unwrap_err()
    }

    #[test]
    fn a_good_application_is_tidied() {
        let a = MembershipApplication::parse(&good()).unwrap();
        assert_eq!(a.kind, ActorKind::Academia);
        assert_eq!(a.name.en(), Some("Hanoi University of Science and Technology"));
        assert_eq!(a.country.map(|c| c.to_string()), Some("VN".to_owned()));
        assert_eq!(a.contact_email.as_str(), "lan@hust.edu.vn");
        assert_eq!(a.themes.len(), 1, "blank theme values are ignored");
        assert_eq!(a.endorsed_by, Endorsement { name: "Prof. Trần Văn B".into(), title: "Rector".into() });
        let only_vi = ApplicationForm { name_en: " ".into(), website: "".into(), themes: vec![], ..good() };
        let a = MembershipApplication::parse(&only_vi).unwrap();
        assert_eq!((a.name.en(), a.website, a.themes.len()), (None, None, 0));
    }

    #[test]
    fn every_bad_field_is_named() {
        let form = ApplicationForm {
            kind: "government".into(),
            name_en: "".into(),
            name_vi: "  ".into(),
            country: "XX".into(),
            website: "ftp://example.org".into(),
            contact_name: "".into(),
            contact_email: "not an address".into(),
            motivation: "x".repeat(MembershipApplication::MOTIVATION_MAX + 1),
            themes: vec!["astrology".into()],
            endorse_hague: false,
            endorse_framework: false,
            endorse_delhi: false,
            official_name: "".into(),
            official_title: "".into(),
        };
        assert_eq!(
            refused(&form),
            vec![
                ("kind", ParseError::NotAllowed),
                ("name_en", ParseError::NoText),
                ("country", ParseError::UnknownCountry),
                ("website", ParseError::Url),
                ("contact_name", ParseError::Empty),
                ("contact_email", ParseError::Email),
                ("motivation", ParseError::TooLong { max: MembershipApplication::MOTIVATION_MAX }),
                ("themes", ParseError::UnknownTheme),
                ("endorse_hague", ParseError::Unticked),
                ("endorse_framework", ParseError::Unticked),
                ("endorse_delhi", ParseError::Unticked),
                ("official_name", ParseError::Empty),
                ("official_title", ParseError::Empty),
            ]
        );
    }

    #[test]
    fn only_kinds_that_can_join_may_apply() {
        for kind in ActorKind::ALL {
            let form = ApplicationForm { kind: kind.as_str().into(), ..good() };
            assert_eq!(MembershipApplication::parse(&form).is_ok(), kind.membership().is_some(), "{kind:?}");
        }
        assert_eq!(refused(&ApplicationForm { kind: "".into(), ..good() }), [("kind", ParseError::Empty)]);
        assert_eq!(refused(&ApplicationForm { kind: "Country".into(), ..good() }), [("kind", ParseError::NotAllowed)]);
    }

    #[test]
    fn a_country_must_say_which() {
        let country = ApplicationForm { kind: "country".into(), country: "".into(), ..good() };
        assert_eq!(refused(&country), [("country", ParseError::Empty)]);
        let seatless = ApplicationForm { kind: "ngo".into(), country: "".into(), ..good() };
        assert_eq!(MembershipApplication::parse(&seatless).unwrap().country, None);
    }

    #[test]
    fn each_founding_document_must_be_endorsed_by_a_named_official() {
        let no_delhi = ApplicationForm { endorse_delhi: false, ..good() };
        assert_eq!(refused(&no_delhi), [("endorse_delhi", ParseError::Unticked)]);
        let no_title = ApplicationForm { official_title: " ".into(), ..good() };
        assert_eq!(refused(&no_title), [("official_title", ParseError::Empty)]);
        let long = ApplicationForm { official_name: "n".repeat(201), ..good() };
        assert_eq!(refused(&long), [("official_name", ParseError::TooLong { max: 200 })]);
    }

    #[test]
    fn names_and_themes_are_bounded_and_known() {
        let long = ApplicationForm { name_vi: "đ".repeat(TITLE_MAX + 1), ..good() };
        assert_eq!(refused(&long), [("name_en", ParseError::TooLong { max: TITLE_MAX })]);
        let twice =
            ApplicationForm { themes: vec!["cybercrime".into(), "cybercrime".into(), "Not A Slug".into()], ..good() };
        assert_eq!(refused(&twice), [("themes", ParseError::UnknownTheme)]);
        let twice = ApplicationForm { themes: vec!["cybercrime".into(), "cybercrime".into()], ..good() };
        assert_eq!(MembershipApplication::parse(&twice).unwrap().themes.len(), 1);
    }

    #[test]
    fn a_decision_is_final() {
        use ApplicationState::*;
        assert!(Submitted.may_become(Approved) && Submitted.may_become(Rejected));
        for from in [Approved, Rejected] {
            for to in ApplicationState::ALL {
                assert!(!from.may_become(to), "{from} → {to}");
            }
        }
        assert!(!Submitted.may_become(Submitted));
        assert_eq!("Approved".parse::<ApplicationState>(), Err(ParseError::NotAllowed));
    }

    #[test]
    fn a_rejection_says_why() {
        assert_eq!(RejectionReason::parse("  "), Err(ParseError::Empty));
        assert_eq!(RejectionReason::parse(&"x".repeat(2_001)), Err(ParseError::TooLong { max: 2_000 }));
        assert_eq!(RejectionReason::parse(" Not a cyber body. ").unwrap().as_str(), "Not a cyber body.");
    }
}
