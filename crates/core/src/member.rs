use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

use crate::{CountryCode, LocalizedText, ParseError, Slug, ThemeId};

/// What kind of body a member or partner is. The kind decides the membership: GFCE members are
/// countries, intergovernmental and international organisations and companies; its partners are
/// NGOs, academia, civil society and the technical community.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MemberKind {
    Country,
    Intergovernmental,
    International,
    Company,
    Ngo,
    Academia,
    CivilSociety,
    Technical,
}

impl MemberKind {
    pub const ALL: [MemberKind; 8] = [
        MemberKind::Country,
        MemberKind::Intergovernmental,
        MemberKind::International,
        MemberKind::Company,
        MemberKind::Ngo,
        MemberKind::Academia,
        MemberKind::CivilSociety,
        MemberKind::Technical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MemberKind::Country => "country",
            MemberKind::Intergovernmental => "intergovernmental",
            MemberKind::International => "international",
            MemberKind::Company => "company",
            MemberKind::Ngo => "ngo",
            MemberKind::Academia => "academia",
            MemberKind::CivilSociety => "civil_society",
            MemberKind::Technical => "technical",
        }
    }

    pub fn membership(self) -> Membership {
        match self {
            MemberKind::Country | MemberKind::Intergovernmental | MemberKind::International | MemberKind::Company => {
                Membership::Member
            }
            MemberKind::Ngo | MemberKind::Academia | MemberKind::CivilSociety | MemberKind::Technical => {
                Membership::Partner
            }
        }
    }
}

impl FromStr for MemberKind {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MemberKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or(ParseError::NotAllowed)
    }
}

/// Whether an organisation takes part as a member or as a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    Member,
    Partner,
}

impl Membership {
    pub const ALL: [Membership; 2] = [Membership::Member, Membership::Partner];

    pub fn as_str(self) -> &'static str {
        match self {
            Membership::Member => "member",
            Membership::Partner => "partner",
        }
    }

    /// The kinds of body that take part with this membership.
    pub fn kinds(self) -> impl Iterator<Item = MemberKind> {
        MemberKind::ALL.into_iter().filter(move |k| k.membership() == self)
    }
}

impl FromStr for Membership {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Membership::ALL.into_iter().find(|m| m.as_str() == s).ok_or(ParseError::NotAllowed)
    }
}

/// A member or partner of the GFCE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Stable across instances, so records can move between them without clashes.
    pub id: Uuid,
    pub slug: Slug,
    pub kind: MemberKind,
    pub name: LocalizedText,
    /// A common abbreviation (EU, ITU, OAS), if the body has one.
    pub short_name: Option<String>,
    /// The country itself, or an organisation's seat where known.
    pub country: Option<CountryCode>,
    /// One of the 42 signatories of the Hague Declaration of 16 April 2015.
    pub founding: bool,
    pub joined_on: Date,
    pub website: Option<String>,
    /// The name exactly as a source document lists it (the Vietnamese list of founding members).
    pub listed_as: Option<String>,
    pub themes: Vec<ThemeId>,
}

impl Member {
    pub fn membership(&self) -> Membership {
        self.kind.membership()
    }
}

/// A conference or meeting, such as one Global Conference on CyberSpace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: Uuid,
    pub slug: Slug,
    /// The series it belongs to (`gccs`).
    pub series: Slug,
    pub name: LocalizedText,
    pub summary: Option<LocalizedText>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub city: LocalizedText,
    pub country: CountryCode,
    pub url: Option<String>,
}

/// The namespace of GFCE Hub's name-based (version 5) UUIDs.
const ID_NAMESPACE: Uuid = Uuid::from_u128(0x6b1f_4c55_2f0a_4e1b_9d6a_1c5e_7a3b_0f42);

/// The stable id of a record that is known by its kind and slug: every instance that loads the
/// same reference data gives the same record the same id.
pub fn stable_id(entity: &str, slug: &Slug) -> Uuid {
    Uuid::new_v5(&ID_NAMESPACE, format!("{entity}:{slug}").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_decides_membership() {
        assert_eq!(MemberKind::Country.membership(), Membership::Member);
        assert_eq!(MemberKind::Company.membership(), Membership::Member);
        assert_eq!(MemberKind::Academia.membership(), Membership::Partner);
        assert_eq!(Membership::Partner.kinds().count(), 4);
        assert_eq!(Membership::Member.kinds().count(), 4);
    }

    #[test]
    fn kinds_round_trip() {
        for k in MemberKind::ALL {
            assert_eq!(k.as_str().parse::<MemberKind>(), Ok(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.as_str()));
        }
        assert_eq!("NGO".parse::<MemberKind>(), Err(ParseError::NotAllowed));
        assert_eq!("partner".parse::<Membership>(), Ok(Membership::Partner));
    }

    #[test]
    fn stable_ids_are_stable() {
        let slug = Slug::parse("viet-nam").unwrap();
        assert_eq!(stable_id("member", &slug), stable_id("member", &slug));
        assert_ne!(stable_id("member", &slug), stable_id("event", &slug));
    }
}
