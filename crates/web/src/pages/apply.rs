//! The membership application form, which anyone may send.
//!
//! The form is parsed once into a [`MembershipApplication`]; every refused field is listed in
//! the page's language, the form kept filled in, nothing written. An application sends mail to
//! whatever address it names, so it is throttled like registration, per client address and per
//! recipient. The secretariat decides on it at `/admin/applications`.

use askama::Template;
use axum::{extract::State, response::Response};
use gfce_core::{Action, ActorKind, ApplicationForm, MembershipApplication};

use super::mail::{compose, log_queued};
use crate::{
    access::{csrf::FormToken, throttle, CsrfForm, Viewer},
    http::{params::refusals, AppState, WebError},
    ui::{
        notice, render_checked,
        widgets::{country_options, field_messages, theme_groups, FieldMessage, Opt, OptGroup},
        PageCtx,
    },
};

/// The form's fields as submitted; a checkbox counts as ticked when it is sent at all.
fn application_form(fields: &[(String, String)]) -> ApplicationForm {
    let text = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let ticked = |name: &str| fields.iter().any(|(k, _)| k == name);
    ApplicationForm {
        kind: text("kind"),
        name_en: text("name_en"),
        name_vi: text("name_vi"),
        country: text("country"),
        website: text("website"),
        contact_name: text("contact_name"),
        contact_email: text("contact_email"),
        motivation: text("motivation"),
        themes: fields.iter().filter(|(k, _)| k == "themes").map(|(_, v)| v.clone()).collect(),
        endorse_hague: ticked("endorse_hague"),
        endorse_framework: ticked("endorse_framework"),
        endorse_delhi: ticked("endorse_delhi"),
        official_name: text("official_name"),
        official_title: text("official_title"),
    }
}

#[derive(Template)]
#[template(path = "apply.html")]
struct ApplyTemplate {
    ctx: PageCtx,
    title: String,
    errors: Vec<FieldMessage>,
    form: ApplicationForm,
    kinds: Vec<Opt>,
    countries: Vec<Opt>,
    themes: Vec<OptGroup>,
    csrf_token: String,
}

async fn apply_page(
    ctx: PageCtx,
    state: &AppState,
    token: FormToken,
    errors: Vec<FieldMessage>,
    form: ApplicationForm,
) -> Result<Response, WebError> {
    let kinds = ActorKind::ALL
        .into_iter()
        .filter(|k| k.membership().is_some())
        .map(|k| Opt { value: k.as_str().into(), label: ctx.kind_label(k), selected: form.kind.trim() == k.as_str() })
        .collect();
    let countries = country_options(ctx.lang, |code| form.country.trim().eq_ignore_ascii_case(code));
    let themes = theme_groups(&ctx, &state.store.themes().await?, |id| form.themes.iter().any(|v| v.trim() == id));
    let refused = !errors.is_empty();
    let csrf_token = token.token.clone();
    let page = ApplyTemplate { title: ctx.t("apply-title"), errors, form, kinds, countries, themes, csrf_token, ctx };
    Ok(token.deliver(render_checked(&page, refused)?))
}

pub async fn form(
    ctx: PageCtx,
    State(state): State<AppState>,
    viewer: Viewer,
    token: FormToken,
) -> Result<Response, WebError> {
    viewer.require(&Action::Apply)?;
    apply_page(ctx, &state, token, Vec::new(), ApplicationForm::default()).await
}

pub async fn submit(
    ctx: PageCtx,
    State(state): State<AppState>,
    token: FormToken,
    submitted: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let CsrfForm { form: fields, viewer, address } = submitted;
    viewer.require(&Action::Apply)?;
    let form = application_form(&fields);
    let application = match MembershipApplication::parse(&form) {
        Ok(application) => application,
        Err(errors) => {
            let errors = field_messages(&ctx, &refusals(errors));
            return apply_page(ctx, &state, token, errors, form).await;
        }
    };
    throttle::count_mail_request(&state, &address, &application.contact_email).await?;
    // The acknowledgement goes to an address nobody has checked yet, so it repeats nothing the
    // applicant typed: the site must not carry someone's text to a stranger's mailbox.
    let acknowledgement = compose(&state, ctx.lang, "application-received", &application.contact_email, &[]);
    let by = viewer.session.as_ref().map(|s| s.user.id);
    state.store.submit_application(&application, ctx.lang, by, &acknowledgement, &address).await?;
    log_queued(&state, &acknowledgement);
    notice(ctx, "apply-done-title", "apply-done-body")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkboxes_count_when_sent_and_themes_repeat() {
        let fields: Vec<(String, String)> = [
            ("kind", "ngo"),
            ("themes", "cybercrime"),
            ("themes", "data-protection"),
            ("endorse_hague", "yes"),
            ("endorse_delhi", ""),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let form = application_form(&fields);
        assert_eq!(form.kind, "ngo");
        assert_eq!(form.themes, ["cybercrime", "data-protection"]);
        assert!(form.endorse_hague && form.endorse_delhi && !form.endorse_framework);
        assert_eq!(form.name_en, "");
    }
}
