//! Atom feeds (RFC 4287) of what was added or changed most recently: everything, per theme and
//! per country, in English or Vietnamese (`?lang=vi`).

use axum::{
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use gfce_core::{reference, ContentType, CountryCode, Lang, LocalizedText, ThemeId, Timestamp};
use gfce_store::{ActorFilter, Dated, ProjectFilter, ResourceFilter};
use quick_xml::{events::BytesText, Writer};
use serde::Deserialize;

use crate::http::{
    params::{parse_field, Params},
    AppState, WebError,
};

/// Entries per feed.
const ENTRIES: u32 = 50;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/feeds/latest.atom", get(latest))
        .route("/feeds/themes/{file}", get(by_theme))
        .route("/feeds/countries/{file}", get(by_country))
}

#[derive(Debug, Default, Deserialize)]
struct FeedQuery {
    lang: Option<String>,
}

impl FeedQuery {
    fn lang(&self) -> Result<Lang, WebError> {
        let mut errors = Vec::new();
        let lang = parse_field(&mut errors, "lang", &self.lang, str::parse::<Lang>);
        match errors.into_iter().next() {
            Some((param, reason)) => Err(WebError::InvalidParam { param, reason }),
            None => Ok(lang.unwrap_or(Lang::En)),
        }
    }
}

/// `name.atom` → `name`; anything else names no feed.
fn feed_name(file: Result<Path<String>, axum::extract::rejection::PathRejection>) -> Result<String, WebError> {
    file.ok().and_then(|Path(f)| f.strip_suffix(".atom").map(str::to_owned)).ok_or(WebError::NotFound)
}

struct Entry {
    /// The record's UUID: an entry id that stays the same across instances and slug changes.
    id: String,
    title: String,
    summary: Option<String>,
    updated: Timestamp,
    href: String,
    category: &'static str,
}

/// What a feed covers: everything, one theme, or one country.
#[derive(Default)]
struct Scope {
    theme: Option<ThemeId>,
    country: Option<CountryCode>,
}

async fn entries(state: &AppState, lang: Lang, scope: Scope) -> Result<Vec<Entry>, WebError> {
    let base = &state.public_url;
    let text = |t: &LocalizedText| t.get(lang).to_owned();
    let actors = ActorFilter { theme: scope.theme.clone(), country: scope.country, ..ActorFilter::default() };
    let mut entries: Vec<Entry> = state
        .store
        .recent_actors(&actors, ENTRIES)
        .await?
        .into_iter()
        .map(|Dated { record: m, updated_at, .. }| Entry {
            id: m.id.to_string(),
            title: text(&m.name),
            summary: m.country.and_then(|c| reference::shipped().country(c)).map(|c| c.name.get(lang).to_owned()),
            updated: updated_at,
            href: format!(
                "{base}/{}/{}/{}",
                lang.code(),
                if m.joined.is_some() { "members" } else { "actors" },
                m.slug
            ),
            category: if m.joined.is_some() { "member" } else { "actor" },
        })
        .collect();
    let projects = ProjectFilter { theme: scope.theme.clone(), country: scope.country, ..ProjectFilter::default() };
    entries.extend(state.store.recent_projects(&projects, ENTRIES).await?.into_iter().map(
        |Dated { record: p, updated_at, .. }| Entry {
            id: p.id.to_string(),
            title: text(&p.title),
            summary: p.summary.as_ref().map(text),
            updated: updated_at,
            href: format!("{base}/{}/projects/{}", lang.code(), p.slug),
            category: "project",
        },
    ));
    // Tools and publications are not tied to a country, so a country's feed leaves them out.
    if scope.country.is_none() {
        let resources = ResourceFilter { theme: scope.theme.clone(), ..ResourceFilter::default() };
        entries.extend(state.store.recent_resources(&resources, ENTRIES).await?.into_iter().map(
            |Dated { record: r, updated_at, .. }| {
                let kind = ContentType::from(r.resource_type);
                Entry {
                    id: r.id.to_string(),
                    title: text(&r.title),
                    summary: r.summary.as_ref().map(text),
                    updated: updated_at,
                    href: format!("{base}/{}/{}/{}", lang.code(), kind.section(), r.slug),
                    category: kind.as_str(),
                }
            },
        ));
    }
    // Events are filtered by country only; a theme's feed lists those that carry the theme.
    let events = state.store.recent_events(scope.country, ENTRIES).await?;
    entries.extend(
        events.into_iter().filter(|e| scope.theme.as_ref().is_none_or(|t| e.record.themes.contains(t))).map(
            |Dated { record: e, updated_at, .. }| Entry {
                id: e.id.to_string(),
                title: text(&e.name),
                summary: e.summary.as_ref().map(text),
                updated: updated_at,
                href: format!("{base}/{}/events/{}", lang.code(), e.slug),
                category: "event",
            },
        ),
    );
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.href.cmp(&b.href)));
    entries.truncate(ENTRIES as usize);
    Ok(entries)
}

fn render(state: &AppState, lang: Lang, self_path: &str, title: &str, entries: &[Entry]) -> Result<Response, WebError> {
    let base = &state.public_url;
    let self_href = match lang {
        Lang::En => format!("{base}{self_path}"),
        Lang::Vi => format!("{base}{self_path}?lang=vi"),
    };
    // An empty feed still needs an `updated`: the epoch says "nothing yet".
    let updated = entries.first().map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |e| e.updated.to_string());
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let written = writer
        .create_element("feed")
        .with_attribute(("xmlns", "http://www.w3.org/2005/Atom"))
        .with_attribute(("xml:lang", lang.code()))
        .write_inner_content(|w| {
            w.create_element("id").write_text_content(BytesText::new(&self_href))?;
            w.create_element("title").write_text_content(BytesText::new(title))?;
            w.create_element("updated").write_text_content(BytesText::new(&updated))?;
            w.create_element("link")
                .with_attribute(("rel", "self"))
                .with_attribute(("href", self_href.as_str()))
                .write_empty()?;
            let home = format!("{base}/{}", lang.code());
            w.create_element("link")
                .with_attribute(("rel", "alternate"))
                .with_attribute(("type", "text/html"))
                .with_attribute(("href", home.as_str()))
                .write_empty()?;
            w.create_element("author").write_inner_content(|w| {
                w.create_element("name").write_text_content(BytesText::new(&state.i18n.get(lang, "site-name")))?;
                Ok(())
            })?;
            for e in entries {
                w.create_element("entry").write_inner_content(|w| {
                    w.create_element("id").write_text_content(BytesText::new(&format!("urn:uuid:{}", e.id)))?;
                    w.create_element("title").write_text_content(BytesText::new(&e.title))?;
                    w.create_element("updated").write_text_content(BytesText::new(&e.updated.to_string()))?;
                    w.create_element("link")
                        .with_attribute(("rel", "alternate"))
                        .with_attribute(("type", "text/html"))
                        .with_attribute(("href", e.href.as_str()))
                        .write_empty()?;
                    w.create_element("category").with_attribute(("term", e.category)).write_empty()?;
                    if let Some(summary) = &e.summary {
                        w.create_element("summary").write_text_content(BytesText::new(summary))?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        });
    written.map_err(|e| WebError::Fault(e.to_string()))?;
    let mut body = br#"<?xml version="1.0" encoding="utf-8"?>"#.to_vec();
    body.push(b'\n');
    body.extend(writer.into_inner());
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], body).into_response())
}

async fn latest(State(state): State<AppState>, Params(query): Params<FeedQuery>) -> Result<Response, WebError> {
    let lang = query.lang()?;
    let entries = entries(&state, lang, Scope::default()).await?;
    let title = format!("{} — {}", state.i18n.get(lang, "site-name"), state.i18n.get(lang, "feed-latest"));
    render(&state, lang, "/feeds/latest.atom", &title, &entries)
}

async fn by_theme(
    State(state): State<AppState>,
    file: Result<Path<String>, axum::extract::rejection::PathRejection>,
    Params(query): Params<FeedQuery>,
) -> Result<Response, WebError> {
    let lang = query.lang()?;
    let id = ThemeId::parse(&feed_name(file)?).map_err(|_| WebError::NotFound)?;
    let theme = state.store.themes().await?.into_iter().find(|t| t.id == id).ok_or(WebError::NotFound)?;
    let entries = entries(&state, lang, Scope { theme: Some(id.clone()), country: None }).await?;
    let title = format!("{} — {}", state.i18n.get(lang, "site-name"), theme.name.get(lang));
    render(&state, lang, &format!("/feeds/themes/{id}.atom"), &title, &entries)
}

async fn by_country(
    State(state): State<AppState>,
    file: Result<Path<String>, axum::extract::rejection::PathRejection>,
    Params(query): Params<FeedQuery>,
) -> Result<Response, WebError> {
    let lang = query.lang()?;
    let code = CountryCode::parse(&feed_name(file)?).map_err(|_| WebError::NotFound)?;
    let name = reference::shipped().country(code).map_or_else(|| code.to_string(), |c| c.name.get(lang).to_owned());
    let entries = entries(&state, lang, Scope { theme: None, country: Some(code) }).await?;
    let title = format!("{} — {name}", state.i18n.get(lang, "site-name"));
    render(&state, lang, &format!("/feeds/countries/{code}.atom"), &title, &entries)
}
