//! The project form of the pages: the fields a representative fills in, parsed into a
//! [`Project`] with every refusal named by its field.
//!
//! The form covers what a person writes about a project; what it does not show (participants
//! other than the submitting actor, regions, languages, links, the IATI identifier, the shares of
//! the countries and tags still listed, texts in languages other than English and Vietnamese) is
//! kept from the record being edited, so editing through the form never loses what an import
//! brought.

use uuid::Uuid;

use crate::{
    form::{every, form_field, keep, optional, optional_text, text},
    parse_date,
    record::Invalid,
    Amount, CountryCode, CurrencyCode, Lang, LocalizedText, Money, ParseError, Project, ProjectStatus, Shares, Slug,
    Tag, ThemeId, WebUrl,
};

/// The project form's fields as submitted: text as typed, lists as chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectForm {
    pub slug: String,
    pub title_en: String,
    pub title_vi: String,
    pub summary_en: String,
    pub summary_vi: String,
    pub description_en: String,
    pub description_vi: String,
    pub status: String,
    pub starts_on: String,
    pub ends_on: String,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    /// Separated by commas.
    pub tags: String,
    pub budget_amount: String,
    pub budget_currency: String,
    pub source_url: String,
}

/// The shares of the record being edited, of the countries and tags the form still lists.
fn shares_kept(kept: &Shares, countries: &[CountryCode], tags: &[Tag]) -> Shares {
    Shares {
        countries: kept.countries.iter().filter(|(c, _)| countries.contains(c)).map(|(c, p)| (*c, *p)).collect(),
        regions: kept.regions.clone(),
        tags: kept.tags.iter().filter(|(t, _)| tags.contains(t)).map(|(t, p)| (t.clone(), *p)).collect(),
    }
}

fn text_pair(en: Option<&str>, vi: Option<&str>) -> (String, String) {
    (en.unwrap_or_default().to_owned(), vi.unwrap_or_default().to_owned())
}

impl ProjectForm {
    /// The form filled in with a project, to edit it.
    pub fn of(project: &Project) -> ProjectForm {
        let pair = |t: Option<&LocalizedText>| text_pair(t.and_then(|t| t.en()), t.and_then(|t| t.vi()));
        let (title_en, title_vi) = pair(Some(&project.title));
        let (summary_en, summary_vi) = pair(project.summary.as_ref());
        let (description_en, description_vi) = pair(project.description.as_ref());
        ProjectForm {
            slug: project.slug.to_string(),
            title_en,
            title_vi,
            summary_en,
            summary_vi,
            description_en,
            description_vi,
            status: project.status.as_str().to_owned(),
            starts_on: project.starts_on.map(crate::format_date).unwrap_or_default(),
            ends_on: project.ends_on.map(crate::format_date).unwrap_or_default(),
            countries: project.countries.iter().map(|c| c.as_str().to_owned()).collect(),
            themes: project.themes.iter().map(|t| t.as_str().to_owned()).collect(),
            tags: project.tags.iter().map(Tag::as_str).collect::<Vec<_>>().join(", "),
            budget_amount: project.budget.as_ref().map(|m| m.amount.as_str().to_owned()).unwrap_or_default(),
            budget_currency: project.budget.as_ref().map(|m| m.currency.as_str().to_owned()).unwrap_or_default(),
            source_url: project.source_url.as_ref().map(|u| u.as_str().to_owned()).unwrap_or_default(),
        }
    }

    /// Parses the form into the project with this id, taking what the form does not show from
    /// `kept` (the record being edited). The slug, when left empty, is made from the title.
    pub fn parse(&self, id: Uuid, kept: Option<&Project>) -> Result<Project, Vec<Invalid>> {
        let mut errors: Vec<Invalid> = Vec::new();
        let e = &mut errors;
        let title = keep(e, "title_en", text(&self.title_en, &self.title_vi, kept.map(|p| &p.title)));
        let slug = if self.slug.trim().is_empty() {
            title.as_ref().and_then(|t| keep(e, "slug", Slug::from_name(t.get(Lang::En))))
        } else {
            keep(e, "slug", Slug::parse(&self.slug))
        };
        let summary = optional_text(&self.summary_en, &self.summary_vi, kept.and_then(|p| p.summary.as_ref()));
        let description =
            optional_text(&self.description_en, &self.description_vi, kept.and_then(|p| p.description.as_ref()));
        let status = keep(e, "status", self.status.trim().parse::<ProjectStatus>());
        let starts_on = keep(e, "starts_on", optional(&self.starts_on, parse_date));
        let ends_on = keep(e, "ends_on", optional(&self.ends_on, parse_date));
        let countries = keep(e, "countries", every(&self.countries, CountryCode::parse));
        let themes = keep(e, "themes", every(&self.themes, ThemeId::parse));
        let tags = keep(e, "tags", every(&self.tags.split(',').map(str::to_owned).collect::<Vec<_>>(), Tag::parse));
        let budget = self.budget().map_err(|invalid| e.push(invalid)).ok();
        let source_url = keep(e, "source_url", optional(&self.source_url, WebUrl::parse));
        let (Some(title), Some(slug), Some(status), Some(starts_on), Some(ends_on)) =
            (title, slug, status, starts_on, ends_on)
        else {
            return Err(errors);
        };
        let (Some(countries), Some(themes), Some(tags), Some(budget), Some(source_url)) =
            (countries, themes, tags, budget, source_url)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let shares = kept.map(|p| shares_kept(&p.shares, &countries, &tags)).unwrap_or_default();
        let project = Project {
            id,
            slug,
            title,
            summary,
            description,
            status,
            starts_on,
            ends_on,
            participants: kept.map(|p| p.participants.clone()).unwrap_or_default(),
            countries,
            regions: kept.map(|p| p.regions.clone()).unwrap_or_default(),
            themes,
            tags,
            shares,
            budget,
            languages: kept.map(|p| p.languages.clone()).unwrap_or_default(),
            links: kept.map(|p| p.links.clone()).unwrap_or_default(),
            iati_identifier: kept.and_then(|p| p.iati_identifier.clone()),
            source_url,
        };
        project.validate().map_err(|(field, e)| vec![(form_field(field), e)])?;
        Ok(project)
    }

    /// The budget, or the refusal of the one of its two fields that is wrong (the amount first).
    fn budget(&self) -> Result<Option<Money>, Invalid> {
        match (self.budget_amount.trim(), self.budget_currency.trim()) {
            ("", "") => Ok(None),
            ("", _) => Err(("budget_amount", ParseError::Amount)),
            (_, "") => Err(("budget_currency", ParseError::Empty)),
            (amount, currency) => {
                let amount = Amount::parse(amount).map_err(|e| ("budget_amount", e))?;
                let currency = CurrencyCode::parse(currency).map_err(|e| ("budget_currency", e))?;
                Ok(Some(Money { amount, currency }))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProjectForm {
        ProjectForm {
            title_en: "Incident response training for ASEAN CERTs".into(),
            title_vi: "Đào tạo ứng cứu sự cố cho các CERT ASEAN".into(),
            summary_vi: "Ba khóa học tại Hà Nội.".into(),
            description_en: "**Three** courses.".into(),
            status: "planned".into(),
            starts_on: "2027-03-01".into(),
            ends_on: "2027-09-30".into(),
            countries: vec!["VN".into(), "la".into()],
            themes: vec!["cert-cooperation".into()],
            tags: " incident response,  , CERT ".into(),
            budget_amount: "250000".into(),
            budget_currency: "eur".into(),
            ..ProjectForm::default()
        }
    }

    #[test]
    fn a_filled_form_becomes_a_project() {
        let p = form().parse(Uuid::nil(), None).unwrap();
        assert_eq!(p.slug.as_str(), "incident-response-training-for-asean-certs");
        assert_eq!(p.title.vi(), Some("Đào tạo ứng cứu sự cố cho các CERT ASEAN"));
        assert_eq!(p.summary.as_ref().and_then(|s| s.en()), None);
        assert_eq!(p.countries.iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["VN", "LA"]);
        assert_eq!(p.tags.iter().map(Tag::as_str).collect::<Vec<_>>(), ["incident response", "CERT"]);
        assert_eq!(p.budget.as_ref().map(|m| m.currency.as_str()), Some("EUR"));
        assert_eq!(ProjectForm::of(&p).parse(Uuid::nil(), Some(&p)).unwrap(), p, "the form round-trips");
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = ProjectForm {
            slug: "Not a slug!".into(),
            title_en: " ".into(),
            title_vi: String::new(),
            status: "finished".into(),
            starts_on: "01/03/2027".into(),
            countries: vec!["XX".into()],
            themes: vec!["hacking".into()],
            budget_amount: "1,000".into(),
            budget_currency: "EUR".into(),
            source_url: "javascript:alert(1)".into(),
            ..form()
        };
        let fields: Vec<&str> = bad.parse(Uuid::nil(), None).unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["title_en", "slug", "status", "starts_on", "countries", "budget_amount", "source_url"]);
        let reversed = ProjectForm { starts_on: "2027-09-30".into(), ends_on: "2027-03-01".into(), ..form() };
        assert_eq!(reversed.parse(Uuid::nil(), None).unwrap_err(), vec![("ends_on", ParseError::DateOrder)]);
        let currency_only = ProjectForm { budget_amount: String::new(), ..form() };
        assert_eq!(currency_only.parse(Uuid::nil(), None).unwrap_err(), vec![("budget_amount", ParseError::Amount)]);
        let amount_only = ProjectForm { budget_currency: String::new(), ..form() };
        assert_eq!(amount_only.parse(Uuid::nil(), None).unwrap_err(), vec![("budget_currency", ParseError::Empty)]);
        let unknown_theme = ProjectForm { themes: vec!["not-a-theme".into()], ..form() };
        assert_eq!(unknown_theme.parse(Uuid::nil(), None).unwrap_err()[0].0, "themes");
    }
}
