//! What every page is drawn with: the page context (language, translations, address, who is
//! signed in), rendering, and the shared widgets, cards and formats the pages' view models are
//! made of.
//!
//! Handlers build plain view models, every text already translated and chosen by language, and
//! the askama templates only lay them out, auto-escaped. The one piece of markup not written by
//! a template, a project's description, comes from [`markdown`].

pub mod cards;
pub mod format;
pub mod markdown;
pub mod widgets;

use std::sync::Arc;

use askama::Template;
use axum::{
    extract::{FromRequestParts, OriginalUri},
    http::{header, request::Parts, HeaderValue, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
};
use fluent_bundle::FluentValue;
use gfce_core::{allowed, Action, Lang, LanguageTag, LocalizedText};

use crate::{
    access::{csrf, own_actor, Viewer},
    http::{assets, compress, AppState, I18n, WebError},
};
use widgets::{field_messages, FieldMessage};

/// What every page knows about its request: the language, the translations, the address.
pub struct PageCtx {
    pub lang: Lang,
    i18n: Arc<I18n>,
    /// The path without its language prefix, e.g. `/members`.
    rest: String,
    query: Option<String>,
    /// Who is signed in, for the header; `None` for visitors.
    pub signed_in: Option<AccountNav>,
}

/// The signed-in viewer as the header shows them: who, and the pages of their role.
pub struct AccountNav {
    pub email: String,
    pub contributes: bool,
    pub reviews: bool,
    pub csrf_token: String,
}

impl FromRequestParts<AppState> for PageCtx {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = parts.extensions.get::<Lang>().copied().ok_or(WebError::NotFound)?;
        let uri = parts.extensions.get::<OriginalUri>().map_or_else(|| parts.uri.clone(), |u| u.0.clone());
        let mut ctx = PageCtx::new(state.i18n.clone(), lang, uri.path(), uri.query());
        let viewer = Viewer::from_request_parts(parts, state).await?;
        ctx.signed_in = viewer.session.as_ref().map(|session| {
            let who = viewer.principal();
            AccountNav {
                email: session.user.email.to_string(),
                contributes: allowed(&who, &Action::SubmitContent { on_behalf_of: own_actor(&who) }),
                reviews: allowed(&who, &Action::Review),
                csrf_token: csrf::mask(&session.csrf_token),
            }
        });
        Ok(ctx)
    }
}

impl PageCtx {
    fn new(i18n: Arc<I18n>, lang: Lang, path: &str, query: Option<&str>) -> Self {
        let rest = path.strip_prefix(&format!("/{}", lang.code())).unwrap_or("").trim_end_matches('/').to_owned();
        PageCtx { lang, i18n, rest, query: query.map(str::to_owned), signed_in: None }
    }

    /// A translated message.
    pub fn t(&self, id: &str) -> String {
        self.i18n.get(self.lang, id)
    }

    /// A translated message whose id is made from data (a field's name), if there is one.
    pub fn t_known(&self, id: &str) -> Option<String> {
        self.i18n.has(self.lang, id).then(|| self.t(id))
    }

    /// A translated message with one numeric argument.
    pub fn t1(&self, id: &str, name: &str, value: i64) -> String {
        self.i18n.get_args(self.lang, id, &[(name, FluentValue::from(value))])
    }

    /// A translated message with text arguments.
    pub fn t_args(&self, id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = args.iter().map(|(k, v)| (*k, FluentValue::from(*v))).collect();
        self.i18n.get_args(self.lang, id, &args)
    }

    /// The translations, for what is said in another language than the page's (mail).
    pub fn i18n(&self) -> &I18n {
        &self.i18n
    }

    /// A date as the page's language writes it.
    pub fn date(&self, date: time::Date) -> String {
        self.i18n.date(self.lang, date)
    }

    /// A span of dates as the page's language writes it; a one-day span is one date.
    pub fn date_range(&self, start: time::Date, end: time::Date) -> String {
        self.i18n.date_range(self.lang, start, end)
    }

    pub fn style_href(&self) -> &'static str {
        assets::STYLE_PATH
    }

    pub fn favicon_href(&self) -> &'static str {
        assets::FAVICON_PATH
    }

    /// The feed of the latest additions, in the page's language.
    pub fn feed_href(&self) -> &'static str {
        match self.lang {
            Lang::En => "/feeds/latest.atom",
            Lang::Vi => "/feeds/latest.atom?lang=vi",
        }
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// A path of this site in the page's language.
    pub fn href(&self, path: &str) -> String {
        format!("/{}{path}", self.lang.code())
    }

    /// A list of this site narrowed by query parameters: `/en/projects?country=VN`.
    pub fn filtered(&self, section: &str, pairs: &[(&str, &str)]) -> String {
        format!("{}?{}", self.href(section), serde_urlencoded::to_string(pairs).unwrap_or_default())
    }

    /// The same page in the other language, query kept.
    pub fn switch_href(&self) -> String {
        let mut href = format!("/{}{}", self.lang.other().code(), self.rest);
        if let Some(q) = self.query.as_deref().filter(|q| !q.is_empty()) {
            href.push('?');
            href.push_str(q);
        }
        href
    }

    pub fn switch_lang(&self) -> &'static str {
        self.lang.other().code()
    }

    /// Whether a navigation item is the current section, for `aria-current`.
    pub fn in_section(&self, section: &str) -> bool {
        if section.is_empty() {
            self.rest.is_empty()
        } else {
            self.rest == section || self.rest.starts_with(&format!("{section}/"))
        }
    }

    /// The path of the page without its language prefix.
    pub fn path(&self) -> &str {
        &self.rest
    }

    /// The query string of the request, without `?`.
    pub fn query_string(&self) -> &str {
        self.query.as_deref().unwrap_or("")
    }

    /// A text in the page's language, or else in the other one, or else in the first other
    /// language it has, marked with the language it is in.
    pub fn localized(&self, text: &LocalizedText) -> Localized {
        self.shown(text.resolve(self.lang))
    }

    /// A text of a record whose name is shown as `name`: like [`PageCtx::localized`], but in the
    /// name's language rather than another when neither English nor Vietnamese is there.
    pub fn localized_near(&self, text: &LocalizedText, name: &Localized) -> Localized {
        match name.lang.as_deref().and_then(|l| LanguageTag::parse(l).ok()) {
            Some(near) => self.shown(text.resolve_near(self.lang, &near)),
            None => self.localized(text),
        }
    }

    fn shown(&self, (text, written_in): (&str, &LanguageTag)) -> Localized {
        let lang = (written_in.lang() != Some(self.lang)).then(|| written_in.to_string());
        Localized { text: text.to_owned(), lang }
    }

    /// A permanent redirect (308) to `path` of this site in the page's language, the query kept.
    pub fn moved(&self, path: &str) -> Response {
        let mut to = self.href(path);
        if !self.query_string().is_empty() {
            to.push('?');
            to.push_str(self.query_string());
        }
        Redirect::permanent(&to).into_response()
    }

    /// After a form: see the page at `path` of this site in the page's language (303).
    pub fn see(&self, path: &str) -> Response {
        Redirect::to(&self.href(path)).into_response()
    }
}

/// A text shown in the page's language, or in another one (then `lang` says which, a BCP 47 tag,
/// so the element carries the right `lang` attribute and the page can say it fell back).
pub struct Localized {
    pub text: String,
    pub lang: Option<String>,
}

/// A page, rendered.
pub fn render(template: &impl Template) -> Result<Html<String>, WebError> {
    template.render().map(Html).map_err(|e| WebError::Fault(e.to_string()))
}

/// A page of a list or form: 400 when something typed was refused (and is explained above the
/// form), 200 otherwise.
pub fn render_checked(template: &impl Template, refused: bool) -> Result<Response, WebError> {
    let status = if refused { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    Ok((status, render(template)?).into_response())
}

/// `response` with a cookie set, if there is one to set.
pub fn with_cookie(mut response: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// An answer that shows a secret (a second factor's, recovery codes, a new API token, the mail
/// outbox's links): not to be kept by the browser or a proxy, nor compressed, since a secret shown
/// again and again in compressed answers that reflect the request (every page's query string, in
/// its language link) can be guessed from their sizes (BREACH).
pub fn showing_secret(mut response: Response) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response.extensions_mut().insert(compress::Uncompressed);
    response
}

/// A page that only says something: that mail is on its way, that a password was changed.
#[derive(Template)]
#[template(path = "ui/notice.html")]
struct NoticeTemplate {
    ctx: PageCtx,
    title: String,
    body: String,
}

/// The page that says `body` under the heading `title` (message ids).
pub fn notice(ctx: PageCtx, title: &str, body: &str) -> Result<Response, WebError> {
    let page = render(&NoticeTemplate { title: ctx.t(title), body: ctx.t(body), ctx })?;
    Ok(page.into_response())
}

#[derive(Template)]
#[template(path = "ui/error.html")]
struct ErrorTemplate {
    ctx: PageCtx,
    title: String,
    body: String,
    errors: Vec<FieldMessage>,
}

/// The HTML page for an error, in `lang`: the [`crate::http::error::ErrorPage`] of the site.
pub fn error_page(state: &AppState, error: &WebError, lang: Lang) -> Response {
    let ctx = PageCtx::new(state.i18n.clone(), lang, &format!("/{}", lang.code()), None);
    let page = error.answer().page;
    let title = ctx.t(&format!("page-{page}-title"));
    let (body, errors) = match error {
        WebError::InvalidParam { param, reason } => (String::new(), field_messages(&ctx, &[(param, reason.clone())])),
        WebError::InvalidField { field, reason } => {
            let label = ctx.t_known(&format!("param-{field}")).unwrap_or_else(|| field.clone());
            (format!("{label} {}", reason.message(&ctx.i18n, ctx.lang)), Vec::new())
        }
        _ => {
            let args = error.message_args(&ctx.i18n, lang);
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            (ctx.t_args(&format!("page-{page}-body"), &args), Vec::new())
        }
    };
    match (ErrorTemplate { ctx, title, body, errors }).render() {
        Ok(html) => Html(html).into_response(),
        // The error page itself failed: say so plainly rather than loop.
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response()
        }
    }
}

#[cfg(test)]
impl PageCtx {
    /// The context of a page at `path` for a visitor, for unit tests.
    pub fn for_test(lang: Lang, path: &str) -> Self {
        PageCtx::new(Arc::new(I18n::new()), lang, path, None)
    }
}
