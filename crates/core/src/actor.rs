use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

use crate::{named::named_enum, CountryCode, LocalizedText, ParseError, Slug, ThemeId, WebUrl};

named_enum! {
    /// What kind of body an actor is. For those that can join the GFCE the kind decides the
    /// membership: members are countries, intergovernmental and international organisations and
    /// companies; partners are NGOs, academia, civil society and the technical community. National
    /// public bodies (ministries, agencies, national CERTs) and other bodies take part in projects
    /// without a membership of their own: their country is the member.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum ActorKind {
        Country => "country",
        Intergovernmental => "intergovernmental",
        International => "international",
        Company => "company",
        Ngo => "ngo",
        Academia => "academia",
        CivilSociety => "civil_society",
        Technical => "technical",
        Government => "government",
        Other => "other",
    }
    impl FromStr;
}

impl ActorKind {
    /// The membership a body of this kind holds once it joins, or `None` if it cannot join.
    pub fn membership(self) -> Option<Membership> {
        match self {
            ActorKind::Country | ActorKind::Intergovernmental | ActorKind::International | ActorKind::Company => {
                Some(Membership::Member)
            }
            ActorKind::Ngo | ActorKind::Academia | ActorKind::CivilSociety | ActorKind::Technical => {
                Some(Membership::Partner)
            }
            ActorKind::Government | ActorKind::Other => None,
        }
    }
}

named_enum! {
    /// Whether an organisation takes part as a member or as a partner.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum Membership {
        Member => "member",
        Partner => "partner",
    }
    impl FromStr;
}

impl Membership {
    /// The kinds of body that take part with this membership.
    pub fn kinds(self) -> impl Iterator<Item = ActorKind> {
        ActorKind::ALL.into_iter().filter(move |k| k.membership() == Some(self))
    }
}

/// When and how an actor joined the GFCE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Joined {
    pub joined_on: Date,
    /// One of the 42 signatories of the Hague Declaration of 16 April 2015.
    pub founding: bool,
}

/// Any organisation that takes part in the GFCE's field: a member or partner, or a body that funds,
/// implements or writes without being one (a ministry, a university, a national CERT).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable across instances, so records can move between them without clashes.
    pub id: Uuid,
    pub slug: Slug,
    pub kind: ActorKind,
    pub name: LocalizedText,
    /// A common abbreviation (EU, ITU, OAS), if the body has one.
    pub short_name: Option<String>,
    /// The country itself, or an organisation's seat where known.
    pub country: Option<CountryCode>,
    /// Present when the actor is a member or partner; see [`Actor::membership`].
    pub joined: Option<Joined>,
    pub website: Option<WebUrl>,
    /// The name exactly as a source document lists it (the Vietnamese list of founding members).
    pub listed_as: Option<String>,
    /// The organisation identifier used in IATI data (`XM-DAC-7`, `GB-GOV-1`), if known.
    pub iati_ref: Option<String>,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
}

impl Actor {
    /// Member or partner, or `None` for an actor that has not joined.
    pub fn membership(&self) -> Option<Membership> {
        self.joined.and(self.kind.membership())
    }

    /// Checks what the types alone cannot: only a kind that can join may have joined; free
    /// texts hold no control characters.
    pub fn validate(&self) -> Result<(), (&'static str, ParseError)> {
        if self.joined.is_some() && self.kind.membership().is_none() {
            return Err(("joined", ParseError::NotAllowed));
        }
        for (field, text) in
            [("short_name", &self.short_name), ("listed_as", &self.listed_as), ("iati_ref", &self.iati_ref)]
        {
            if let Some(text) = text {
                crate::text::plain(text).map_err(|e| (field, e))?;
            }
        }
        Ok(())
    }
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
        assert_eq!(ActorKind::Country.membership(), Some(Membership::Member));
        assert_eq!(ActorKind::Company.membership(), Some(Membership::Member));
        assert_eq!(ActorKind::Academia.membership(), Some(Membership::Partner));
        assert_eq!(ActorKind::Government.membership(), None);
        assert_eq!(Membership::Partner.kinds().count(), 4);
        assert_eq!(Membership::Member.kinds().count(), 4);
    }

    #[test]
    fn kinds_parse_exactly() {
        assert_eq!("NGO".parse::<ActorKind>(), Err(ParseError::NotAllowed));
        assert_eq!("partner".parse::<Membership>(), Ok(Membership::Partner));
    }

    #[test]
    fn stable_ids_are_stable() {
        let slug = Slug::parse("viet-nam").unwrap();
        assert_eq!(stable_id("actor", &slug), stable_id("actor", &slug));
        assert_ne!(stable_id("actor", &slug), stable_id("event", &slug));
    }
}
