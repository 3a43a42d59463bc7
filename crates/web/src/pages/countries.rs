//! The countries: the index by UN M49 region, and a country's profile — its names, codes,
//! languages and membership, key facts with their sources, the actors based there, the projects
//! that benefit it and that it funds, tools in its languages and the events it hosted.

use std::collections::HashSet;

use askama::Template;
use axum::{
    extract::{Path, State},
    response::{Html, IntoResponse, Response},
};
use gfce_core::{
    reference::{Country, Region},
    ActorKind, CountryCode, Page, PageRequest, Project, RegionCode, RegionLevel, ResourceType, Slug,
};
use gfce_store::{ActorFilter, ProjectFilter, ProjectOrder, ResourceFilter};

use crate::{
    http::{AppState, WebError},
    ui::{
        cards::{actor_href, country_href, ActorCard, EventCard, ProjectCard, ResourceCard},
        render,
        widgets::{Item, Link, Row},
        Localized, PageCtx,
    },
};

/// A country as a line of the index.
pub struct CountryLink {
    pub name: String,
    pub href: String,
    /// The country is itself a member of the GFCE.
    pub member: bool,
    /// How many projects benefit the country ("3 projects"), when any do, and the list of them.
    pub projects: Option<String>,
    pub projects_href: String,
}

/// The countries of one sub-region (or of a region without sub-regions).
pub struct CountryGroup {
    pub id: String,
    pub name: Option<String>,
    pub countries: Vec<CountryLink>,
}

/// An M49 region of the index.
pub struct RegionSection {
    pub id: String,
    pub name: String,
    pub groups: Vec<CountryGroup>,
}

#[derive(Template)]
#[template(path = "countries.html")]
struct CountriesTemplate {
    ctx: PageCtx,
    title: String,
    regions: Vec<RegionSection>,
}

fn region_anchor(code: Option<RegionCode>) -> String {
    code.map_or_else(|| "region-other".to_owned(), |c| format!("region-{}", c.as_string()))
}

pub async fn index(ctx: PageCtx, State(state): State<AppState>) -> Result<Html<String>, WebError> {
    let all = state.store.countries().await?;
    let regions = state.store.regions().await?;
    let member_filter = ActorFilter { kind: Some(ActorKind::Country), joined: Some(true), ..ActorFilter::default() };
    let all_members = PageRequest::new(1, PageRequest::MAX_PER_PAGE);
    let members: HashSet<CountryCode> = state
        .store
        .list_actors(&member_filter, ctx.lang, all_members)
        .await?
        .items
        .iter()
        .filter_map(|a| a.country)
        .collect();
    let projects = state.store.projects_per_country().await?;
    let lang = ctx.lang;
    let links = |countries: Vec<&Country>| {
        let mut links: Vec<CountryLink> = countries
            .into_iter()
            .map(|c| CountryLink {
                name: c.name.get(lang).to_owned(),
                href: country_href(&ctx, c.code),
                member: members.contains(&c.code),
                projects: projects
                    .get(&c.code)
                    .map(|&n| ctx.t1("country-projects-count", "count", i64::try_from(n).unwrap_or(i64::MAX))),
                projects_href: ctx.href(&format!("/projects?country={}", c.code)),
            })
            .collect();
        links.sort_by_cached_key(|l| gfce_core::fold(&l.name));
        links
    };
    let mut tops: Vec<&Region> = regions.iter().filter(|r| r.level == RegionLevel::Region).collect();
    tops.sort_by_cached_key(|r| gfce_core::fold(r.name.get(lang)));
    let mut sections: Vec<RegionSection> = tops
        .into_iter()
        .map(|top| {
            let mut subs: Vec<&Region> =
                regions.iter().filter(|r| r.level == RegionLevel::SubRegion && r.parent == Some(top.code)).collect();
            subs.sort_by_cached_key(|r| gfce_core::fold(r.name.get(lang)));
            let mut groups: Vec<CountryGroup> = subs
                .into_iter()
                .map(|sub| CountryGroup {
                    id: region_anchor(Some(sub.code)),
                    name: Some(sub.name.get(lang).to_owned()),
                    countries: links(all.iter().filter(|c| c.sub_region == Some(sub.code)).collect()),
                })
                .collect();
            let direct: Vec<&Country> =
                all.iter().filter(|c| c.region == Some(top.code) && c.sub_region.is_none()).collect();
            if !direct.is_empty() {
                groups.insert(
                    0,
                    CountryGroup {
                        id: format!("{}-direct", region_anchor(Some(top.code))),
                        name: None,
                        countries: links(direct),
                    },
                );
            }
            groups.retain(|g| !g.countries.is_empty());
            RegionSection { id: region_anchor(Some(top.code)), name: top.name.get(lang).to_owned(), groups }
        })
        .filter(|s| !s.groups.is_empty())
        .collect();
    let elsewhere: Vec<&Country> = all.iter().filter(|c| c.region.is_none()).collect();
    if !elsewhere.is_empty() {
        sections.push(RegionSection {
            id: region_anchor(None),
            name: ctx.t("countries-no-region"),
            groups: vec![CountryGroup { id: "region-other-all".into(), name: None, countries: links(elsewhere) }],
        });
    }
    render(&CountriesTemplate { title: ctx.t("countries-title"), regions: sections, ctx })
}

/// A key fact of a country profile.
pub struct FactLine {
    pub kind: String,
    pub title: Localized,
    pub year: Option<i32>,
    pub source: String,
    pub source_label: String,
}

/// A list of a country profile with its heading, the first items and a link to the rest.
pub struct Listing<T> {
    pub heading: String,
    pub items: Vec<T>,
    pub more: Vec<Link>,
}

#[derive(Template)]
#[template(path = "country.html")]
struct CountryTemplate {
    ctx: PageCtx,
    title: String,
    crumbs: Vec<Link>,
    rows: Vec<Row>,
    facts: Vec<FactLine>,
    actors: Listing<ActorCard>,
    benefiting: Listing<ProjectCard>,
    funded: Option<Listing<ProjectCard>>,
    tools: Option<Listing<ResourceCard>>,
    events: Listing<EventCard>,
}

/// How many projects, actors and tools a country profile lists before linking to the rest.
const PROFILE_PROJECTS: u32 = 20;
const PROFILE_ACTORS: u32 = 100;
const PROFILE_TOOLS: u32 = 10;

pub async fn page(ctx: PageCtx, State(state): State<AppState>, Path(raw): Path<String>) -> Result<Response, WebError> {
    let code = CountryCode::parse(&raw).map_err(|_| WebError::NotFound)?;
    // One address per country: `/countries/vn` is `/countries/VN`.
    if raw != code.as_str() {
        return Ok(ctx.moved(&format!("/countries/{code}")));
    }
    let country = state.store.countries().await?.into_iter().find(|c| c.code == code).ok_or(WebError::NotFound)?;
    let themes = state.store.themes().await?;
    let lang = ctx.lang;
    let name = country.name.get(lang).to_owned();
    let heading = |id: &str| ctx.t_args(id, &[("country", &name)]);

    let based = ActorFilter { country: Some(code), ..ActorFilter::default() };
    let actors = state.store.list_actors(&based, lang, PageRequest::new(1, PROFILE_ACTORS)).await?;
    // The country's own actor: it funds and implements projects as the country.
    let own = actors.items.iter().find(|a| a.kind == ActorKind::Country);

    let first = PageRequest::new(1, PROFILE_PROJECTS);
    let benefits = ProjectFilter { country: Some(code), ..ProjectFilter::default() };
    let benefiting = state.store.list_projects(&benefits, ProjectOrder::Newest, lang, first).await?;
    let funded = match own {
        Some(a) => {
            let by = ProjectFilter { actor: Some(a.slug.clone()), ..ProjectFilter::default() };
            Some((a, state.store.list_projects(&by, ProjectOrder::Newest, lang, first).await?))
        }
        None => None,
    };
    let tools = if country.languages.is_empty() {
        None
    } else {
        let filter = ResourceFilter {
            resource_type: Some(ResourceType::Tool),
            languages: country.languages.clone(),
            ..ResourceFilter::default()
        };
        Some(state.store.list_resources(&filter, PageRequest::new(1, PROFILE_TOOLS)).await?)
    };
    let events = state.store.events_in(code).await?;
    let facts = state.store.country_facts(code).await?;

    // The summary list: names, codes, regions, languages, membership.
    let row = |label: &str, items: Vec<Item>| Row::new(&ctx, label, items);
    let other = lang.other();
    let mut rows = vec![
        row(
            "country-name-other",
            vec![Item { lang: Some(other.code().to_owned()), ..Item::text(country.name.get(other).to_owned()) }],
        ),
        row("country-codes", vec![Item::text(format!("{} · {} · {}", country.code, country.alpha3, country.numeric))]),
    ];
    let areas: Vec<Item> = country
        .regions()
        .map(|r| Item::link(ctx.region_name(r), format!("{}#{}", ctx.href("/countries"), region_anchor(Some(r)))))
        .collect();
    if !areas.is_empty() {
        rows.push(row("country-region", areas));
    }
    if !country.languages.is_empty() {
        rows.push(row(
            "country-languages",
            country.languages.iter().map(|l| Item::text(ctx.language_name(*l))).collect(),
        ));
    }
    let membership = match own.filter(|a| a.joined.is_some()) {
        Some(a) => {
            let joined = a.joined.map(|j| ctx.date(j.joined_on)).unwrap_or_default();
            let mut items =
                vec![Item::link(ctx.t_args("country-member-since", &[("date", &joined)]), actor_href(&ctx, a))];
            if a.joined.is_some_and(|j| j.founding) {
                items.push(Item::link(ctx.t("founding-badge"), format!("{}?founding=true", ctx.href("/members"))));
            }
            items
        }
        None => vec![Item::text(ctx.t("membership-none"))],
    };
    rows.push(row("country-membership", membership));

    let facts = facts
        .iter()
        .map(|f| {
            let host = f.source_url.as_str().split("://").nth(1).and_then(|rest| rest.split('/').next()).unwrap_or("");
            FactLine {
                kind: ctx.t(&format!("fact-{}", f.kind.as_str())),
                title: ctx.localized(&f.title),
                year: f.year,
                source: f.source_url.to_string(),
                source_label: ctx.t_args("fact-source", &[("host", host.trim_start_matches("www."))]),
            }
        })
        .collect();

    let code_text = code.to_string();
    let actors_listing = Listing {
        heading: heading("country-actors-heading"),
        more: if actors.total > actors.items.len() as u64 {
            vec![Link {
                label: ctx.t_args("member-other-in-country", &[("country", &name)]),
                href: ctx.filtered("/members", &[("country", &code_text)]),
            }]
        } else {
            Vec::new()
        },
        items: actors.items.iter().map(|a| ActorCard::of(&ctx, a, false)).collect(),
    };
    let project_listing = |heading: String, page: &Page<Project>, key: &str, value: &str, of: Option<&Slug>| Listing {
        heading,
        more: if page.total > page.items.len() as u64 {
            vec![Link {
                label: ctx.t1("see-all-projects", "count", page.total as i64),
                href: ctx.filtered("/projects", &[(key, value)]),
            }]
        } else {
            Vec::new()
        },
        items: page.items.iter().map(|p| ProjectCard::of(&ctx, &themes, p, of)).collect(),
    };
    let benefiting = project_listing(heading("country-benefits-heading"), &benefiting, "country", &code_text, None);
    let funded = funded.as_ref().filter(|(_, page)| !page.items.is_empty()).map(|(a, page)| {
        project_listing(heading("country-funds-heading"), page, "actor", a.slug.as_str(), Some(&a.slug))
    });
    let tools = tools.map(|page| {
        let names: Vec<String> = country.languages.iter().map(|l| ctx.language_in_sentence(*l)).collect();
        Listing {
            heading: ctx.t_args("country-tools-heading", &[("languages", &names.join(", "))]),
            items: page.items.iter().map(|r| ResourceCard::of(&ctx, &themes, r)).collect(),
            // One link per language, since the list filters by one.
            more: country
                .languages
                .iter()
                .map(|l| Link {
                    label: ctx.t_args("country-tools-all", &[("language", &ctx.language_in_sentence(*l))]),
                    href: ctx.filtered("/tools", &[("language", l.as_str())]),
                })
                .collect(),
        }
    });
    let events = Listing {
        heading: heading("country-events-heading"),
        items: events.iter().map(|e| EventCard::of(&ctx, e)).collect(),
        more: Vec::new(),
    };
    let crumbs = Link::crumbs(&ctx, Some(("nav-countries", "/countries")));
    let page = CountryTemplate {
        title: name,
        crumbs,
        rows,
        facts,
        actors: actors_listing,
        benefiting,
        funded,
        tools,
        events,
        ctx,
    };
    Ok(render(&page)?.into_response())
}
