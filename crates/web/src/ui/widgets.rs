//! The pieces pages share: choices of a form, the error summary, links, pagination and the rows
//! of a summary list.

use fluent_bundle::FluentValue;
use gfce_core::{
    reference::{self, Region},
    Lang, Page, RegionLevel, Theme, ThemeFamily, WebUrl,
};

use super::{Localized, PageCtx};
use crate::http::params::{given, FieldError};

/// An option of a `<select>`, or a checkbox.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct OptGroup {
    pub label: String,
    pub options: Vec<Opt>,
}

/// Whether a form's value is `candidate`, as typed (an empty value is no choice).
pub fn picked(value: &Option<String>, candidate: &str) -> bool {
    given(value) == Some(candidate)
}

/// Country and language codes parse in either case, so they are picked in either case too.
pub fn picked_code(value: &Option<String>, code: &str) -> bool {
    given(value).is_some_and(|v| v.eq_ignore_ascii_case(code))
}

/// Options sorted by their label as people look for it: accents and case aside.
fn sorted(mut options: Vec<Opt>) -> Vec<Opt> {
    options.sort_by_cached_key(|o| gfce_core::fold(&o.label));
    options
}

/// Every country as a choice, sorted by its name in the page's language.
pub fn country_options(lang: Lang, selected: impl Fn(&str) -> bool) -> Vec<Opt> {
    sorted(
        reference::shipped()
            .countries
            .iter()
            .map(|c| Opt {
                value: c.code.to_string(),
                label: c.name.get(lang).to_owned(),
                selected: selected(c.code.as_str()),
            })
            .collect(),
    )
}

/// Every language as a choice, sorted by its name in the page's language.
pub fn language_options(lang: Lang, value: &Option<String>) -> Vec<Opt> {
    sorted(
        reference::shipped()
            .languages
            .iter()
            .map(|l| Opt {
                value: l.code.to_string(),
                label: l.name.get(lang).to_owned(),
                selected: picked_code(value, l.code.as_str()),
            })
            .collect(),
    )
}

/// The M49 regions, each with its sub-regions and intermediate regions indented below it.
pub fn region_groups(lang: Lang, value: &Option<String>) -> Vec<OptGroup> {
    let data = reference::shipped();
    let within = |code| data.region(code).and_then(|r| r.parent);
    data.regions
        .iter()
        .filter(|r| r.level == RegionLevel::Region)
        .map(|top| {
            let option = |r: &Region, indent: &str| Opt {
                value: r.code.as_string(),
                label: format!("{indent}{}", r.name.get(lang)),
                selected: picked(value, &r.code.as_string()),
            };
            let mut options = vec![option(top, "")];
            for r in data
                .regions
                .iter()
                .filter(|r| r.parent == Some(top.code) || r.parent.and_then(within) == Some(top.code))
            {
                options.push(option(r, if r.level == RegionLevel::IntermediateRegion { "— — " } else { "— " }));
            }
            OptGroup { label: top.name.get(lang).to_owned(), options }
        })
        .collect()
}

/// The themes as choices, grouped by family (2015, 2017).
pub fn theme_groups(ctx: &PageCtx, themes: &[Theme], selected: impl Fn(&str) -> bool) -> Vec<OptGroup> {
    [ThemeFamily::Hague2015, ThemeFamily::Delhi2017]
        .iter()
        .map(|family| OptGroup {
            label: ctx.t(&format!("theme-family-{}", family.as_str())),
            options: themes
                .iter()
                .filter(|t| t.family == *family)
                .map(|t| Opt {
                    value: t.id.to_string(),
                    label: t.name.get(ctx.lang).to_owned(),
                    selected: selected(t.id.as_str()),
                })
                .collect(),
        })
        .collect()
}

/// One refused field, as the error summary lists it.
pub struct FieldMessage {
    pub field: &'static str,
    pub message: String,
}

/// The refused fields of a form, each named by its label on that form: the message id `labels`
/// gives it, else `param-{field}`.
pub fn labelled_messages(ctx: &PageCtx, errors: &[FieldError], labels: &[(&str, &str)]) -> Vec<FieldMessage> {
    errors
        .iter()
        .map(|(field, reason)| {
            let label = labels
                .iter()
                .find(|(f, _)| f == field)
                .map_or_else(|| ctx.t(&format!("param-{field}")), |(_, id)| ctx.t(id));
            FieldMessage { field, message: format!("{label} {}", reason.message(ctx.i18n(), ctx.lang)) }
        })
        .collect()
}

/// The refused fields of a form, each named by `param-{field}`.
pub fn field_messages(ctx: &PageCtx, errors: &[FieldError]) -> Vec<FieldMessage> {
    labelled_messages(ctx, errors, &[])
}

/// A link: a breadcrumb, or a pointer to a related list.
pub struct Link {
    pub label: String,
    pub href: String,
}

impl Link {
    /// The breadcrumbs of a page: home, then the page's section (a message id and a path).
    pub fn crumbs(ctx: &PageCtx, section: Option<(&str, &str)>) -> Vec<Link> {
        let mut crumbs = vec![Link { label: ctx.t("nav-home"), href: ctx.href("") }];
        if let Some((label, path)) = section {
            crumbs.push(Link { label: ctx.t(label), href: ctx.href(path) });
        }
        crumbs
    }
}

pub struct Pagination {
    pub previous: Option<String>,
    pub next: Option<String>,
    pub status: String,
}

/// Links to the neighbouring pages of a list, keeping the other query parameters.
pub fn pagination<T>(ctx: &PageCtx, page: &Page<T>) -> Option<Pagination> {
    let pages = page.page_count();
    if pages <= 1 {
        return None;
    }
    let current = u64::from(page.request.page());
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(ctx.query_string()).unwrap_or_default();
    let link = |n: u64| {
        let mut kept: Vec<(String, String)> = pairs.iter().filter(|(k, _)| k != "page").cloned().collect();
        kept.push(("page".into(), n.to_string()));
        format!("{}?{}", ctx.href(ctx.path()), serde_urlencoded::to_string(kept).unwrap_or_default())
    };
    Some(Pagination {
        previous: (current > 1).then(|| link(current - 1)),
        next: (current < pages).then(|| link(current + 1)),
        status: ctx.i18n().get_args(
            ctx.lang,
            "pagination-status",
            &[("page", FluentValue::from(current)), ("pages", FluentValue::from(pages))],
        ),
    })
}

/// A row of a summary list: a label and its value, which may be several items.
pub struct Row {
    pub label: String,
    pub items: Vec<Item>,
}

impl Row {
    /// A row labelled by the message `label`.
    pub fn new(ctx: &PageCtx, label: &str, items: Vec<Item>) -> Row {
        Row { label: ctx.t(label), items }
    }

    /// A row with one plain text.
    pub fn text(ctx: &PageCtx, label: &str, text: String) -> Row {
        Row::new(ctx, label, vec![Item::text(text)])
    }
}

/// One value of a row: a text, linked when it leads somewhere.
#[derive(Default)]
pub struct Item {
    pub text: String,
    pub href: Option<String>,
    /// A link to another site: it gets `rel="noopener noreferrer external"`.
    pub external: bool,
    /// Set when the text is in another language than the page.
    pub lang: Option<String>,
    /// A code shown after the text, with its full name as a tooltip (a currency).
    pub abbr: Option<Abbr>,
}

pub struct Abbr {
    pub code: String,
    pub title: String,
}

impl Item {
    pub fn text(text: String) -> Item {
        Item { text, ..Item::default() }
    }

    pub fn link(text: String, href: String) -> Item {
        Item { text, href: Some(href), ..Item::default() }
    }

    /// A link to another site, shown as its address unless a text is given.
    pub fn external(url: &WebUrl, text: Option<String>) -> Item {
        Item {
            text: text.unwrap_or_else(|| url.to_string()),
            href: Some(url.to_string()),
            external: true,
            ..Item::default()
        }
    }

    pub fn localized(text: Localized, href: Option<String>) -> Item {
        Item { text: text.text, lang: text.lang, href, ..Item::default() }
    }

    /// A text written in `lang`, marked so when the page is in the other language.
    pub fn written_in(ctx: &PageCtx, text: String, lang: Lang) -> Item {
        Item { text, lang: (lang != ctx.lang).then(|| lang.code().to_owned()), ..Item::default() }
    }
}
