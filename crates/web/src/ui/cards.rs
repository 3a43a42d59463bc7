//! Records as the lines of a list: the same card wherever a record is listed.

use gfce_core::{Actor, ActorKind, CountryCode, Event, Project, Resource, ResourceType, Slug, Theme};

use super::{Localized, PageCtx};

/// Where an actor's page is: members and partners are in the directory, others are not.
pub fn actor_href(ctx: &PageCtx, actor: &Actor) -> String {
    let section = if actor.joined.is_some() { "members" } else { "actors" };
    ctx.href(&format!("/{section}/{}", actor.slug))
}

pub fn country_href(ctx: &PageCtx, code: CountryCode) -> String {
    ctx.href(&format!("/countries/{code}"))
}

/// The section of a resource type's pages.
pub fn resource_section(kind: ResourceType) -> &'static str {
    match kind {
        ResourceType::Tool => "/tools",
        ResourceType::Publication => "/publications",
    }
}

/// An organisation as a line of a list.
pub struct ActorCard {
    pub name: Localized,
    pub href: String,
    pub kind: String,
    pub membership: String,
    /// Where it is, when the list does not say it already.
    pub country: Option<String>,
    pub founding: bool,
}

impl ActorCard {
    /// The card of `actor`; `with_country` names its country (a country's own name already says
    /// where it is).
    pub fn of(ctx: &PageCtx, actor: &Actor, with_country: bool) -> ActorCard {
        ActorCard {
            name: ctx.localized(&actor.name),
            href: actor_href(ctx, actor),
            kind: ctx.kind_label(actor.kind),
            membership: ctx.membership_label(actor.membership()),
            country: actor
                .country
                .filter(|_| with_country && actor.kind != ActorKind::Country)
                .map(|c| ctx.country_name(c)),
            founding: actor.joined.is_some_and(|j| j.founding),
        }
    }
}

/// An event as a line of a list.
pub struct EventCard {
    pub name: Localized,
    pub href: String,
    pub dates: String,
    pub place: String,
}

impl EventCard {
    pub fn of(ctx: &PageCtx, e: &Event) -> EventCard {
        EventCard {
            name: ctx.localized(&e.name),
            href: ctx.href(&format!("/events/{}", e.slug)),
            dates: ctx.date_range(e.starts_on, e.ends_on),
            place: format!("{}, {}", ctx.localized(&e.city).text, ctx.country_name(e.country)),
        }
    }
}

/// A project as a line of a list.
pub struct ProjectCard {
    pub title: Localized,
    pub href: String,
    pub status: String,
    pub period: Option<String>,
    /// The beneficiary countries and regions, the first few by name.
    pub places: Option<String>,
    pub themes: Option<String>,
    /// On an actor's page: its part in the project ("Funder, Implementer").
    pub roles: Option<String>,
}

impl ProjectCard {
    /// The card of `p`; `of` names the actor whose part in it the card tells.
    pub fn of(ctx: &PageCtx, themes: &[Theme], p: &Project, of: Option<&Slug>) -> ProjectCard {
        let places: Vec<String> = p
            .countries
            .iter()
            .map(|c| ctx.country_name(*c))
            .chain(p.regions.iter().map(|r| ctx.region_name(*r)))
            .collect();
        let roles: Vec<String> = of
            .map(|slug| p.participants.iter().filter(|c| &c.actor == slug).map(|c| ctx.role_label(c.role)).collect())
            .unwrap_or_default();
        ProjectCard {
            title: ctx.localized(&p.title),
            href: ctx.href(&format!("/projects/{}", p.slug)),
            status: ctx.status_label(p.status),
            period: ctx.period(p.starts_on, p.ends_on),
            places: ctx.some_of(&places, 6),
            themes: ctx.theme_list(themes, &p.themes),
            roles: (!roles.is_empty()).then(|| roles.join(", ")),
        }
    }
}

/// A tool or publication as a line of a list.
pub struct ResourceCard {
    pub title: Localized,
    pub href: String,
    pub kind: String,
    pub published: Option<String>,
    pub themes: Option<String>,
    pub languages: Option<String>,
}

impl ResourceCard {
    pub fn of(ctx: &PageCtx, themes: &[Theme], r: &Resource) -> ResourceCard {
        let languages: Vec<String> = r.languages.iter().map(|l| ctx.language_name(*l)).collect();
        ResourceCard {
            title: ctx.localized(&r.title),
            href: ctx.href(&format!("{}/{}", resource_section(r.resource_type), r.slug)),
            kind: ctx.resource_kind_label(r.kind),
            published: r.published_on.map(|d| ctx.date(d)),
            themes: ctx.theme_list(themes, &r.themes),
            languages: (!languages.is_empty()).then(|| languages.join(", ")),
        }
    }
}
