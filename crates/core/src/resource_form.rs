//! The tool and publication form of the pages, parsed into a [`Resource`] with every refusal
//! named by its field. Like the project form, it keeps what it does not show (the contributors
//! other than the submitting actor, the regions, texts in languages other than English and
//! Vietnamese) from the record being edited.

use uuid::Uuid;

use crate::{
    form::{every, keep, optional, optional_text, text},
    parse_date,
    record::Invalid,
    Lang, LanguageCode, LocalizedText, Resource, ResourceKind, ResourceType, Slug, ThemeId, WebUrl,
};

/// The form's fields as submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResourceForm {
    pub slug: String,
    pub kind: String,
    pub title_en: String,
    pub title_vi: String,
    pub summary_en: String,
    pub summary_vi: String,
    pub published_on: String,
    pub url: String,
    pub themes: Vec<String>,
    /// ISO 639-1 codes separated by commas.
    pub languages: String,
    pub source_url: String,
}

impl ResourceForm {
    /// The form filled in with a tool or publication, to edit it.
    pub fn of(resource: &Resource) -> ResourceForm {
        let text = |t: Option<&LocalizedText>, vi: bool| {
            t.and_then(|t| if vi { t.vi() } else { t.en() }).unwrap_or_default().to_owned()
        };
        ResourceForm {
            slug: resource.slug.to_string(),
            kind: resource.kind.as_str().to_owned(),
            title_en: text(Some(&resource.title), false),
            title_vi: text(Some(&resource.title), true),
            summary_en: text(resource.summary.as_ref(), false),
            summary_vi: text(resource.summary.as_ref(), true),
            published_on: resource.published_on.map(crate::format_date).unwrap_or_default(),
            url: resource.url.as_ref().map(|u| u.as_str().to_owned()).unwrap_or_default(),
            themes: resource.themes.iter().map(|t| t.as_str().to_owned()).collect(),
            languages: resource.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", "),
            source_url: resource.source_url.as_ref().map(|u| u.as_str().to_owned()).unwrap_or_default(),
        }
    }

    /// Parses the form into the tool or publication with this id, taking what the form does not
    /// show from `kept`. The slug, when left empty, is made from the title.
    pub fn parse(
        &self,
        resource_type: ResourceType,
        id: Uuid,
        kept: Option<&Resource>,
    ) -> Result<Resource, Vec<Invalid>> {
        let mut errors: Vec<Invalid> = Vec::new();
        let e = &mut errors;
        let title = keep(e, "title_en", text(&self.title_en, &self.title_vi, kept.map(|r| &r.title)));
        let slug = if self.slug.trim().is_empty() {
            title.as_ref().and_then(|t| keep(e, "slug", Slug::from_name(t.get(Lang::En))))
        } else {
            keep(e, "slug", Slug::parse(&self.slug))
        };
        let kind = keep(e, "kind", self.kind.trim().parse::<ResourceKind>());
        let published_on = keep(e, "published_on", optional(&self.published_on, parse_date));
        let url = keep(e, "url", optional(&self.url, WebUrl::parse));
        let themes = keep(e, "themes", every(&self.themes, ThemeId::parse));
        let languages = self.languages.split(',').map(str::to_owned).collect::<Vec<_>>();
        let languages = keep(e, "languages", every(&languages, LanguageCode::parse));
        let source_url = keep(e, "source_url", optional(&self.source_url, WebUrl::parse));
        let (
            Some(title),
            Some(slug),
            Some(kind),
            Some(published_on),
            Some(url),
            Some(themes),
            Some(languages),
            Some(source_url),
        ) = (title, slug, kind, published_on, url, themes, languages, source_url)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let resource = Resource {
            id,
            slug,
            resource_type,
            kind,
            title,
            summary: optional_text(&self.summary_en, &self.summary_vi, kept.and_then(|r| r.summary.as_ref())),
            published_on,
            url,
            contributors: kept.map(|r| r.contributors.clone()).unwrap_or_default(),
            themes,
            regions: kept.map(|r| r.regions.clone()).unwrap_or_default(),
            languages,
            source_url,
        };
        resource.validate().map_err(|(field, e)| vec![(crate::form::form_field(field), e)])?;
        Ok(resource)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ParseError;

    fn form() -> ResourceForm {
        ResourceForm {
            kind: "guide".into(),
            title_en: "National CSIRT maturity guide".into(),
            title_vi: "Hướng dẫn đánh giá mức độ trưởng thành của CSIRT quốc gia".into(),
            summary_vi: "Hướng dẫn từng bước.".into(),
            published_on: "2026-10-01".into(),
            url: "https://example.org/csirt-guide.pdf".into(),
            themes: vec!["cert-cooperation".into()],
            languages: "en, VI".into(),
            ..ResourceForm::default()
        }
    }

    #[test]
    fn a_filled_form_becomes_a_tool() {
        let tool = form().parse(ResourceType::Tool, Uuid::nil(), None).unwrap();
        assert_eq!(tool.slug.as_str(), "national-csirt-maturity-guide");
        assert_eq!(tool.kind, ResourceKind::Guide);
        assert_eq!(tool.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>(), ["en", "vi"]);
        assert_eq!(ResourceForm::of(&tool).parse(ResourceType::Tool, Uuid::nil(), Some(&tool)).unwrap(), tool);
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = ResourceForm {
            kind: "poem".into(),
            title_en: String::new(),
            title_vi: " ".into(),
            published_on: "October 2026".into(),
            url: "javascript:alert(1)".into(),
            languages: "english".into(),
            ..form()
        };
        let fields: Vec<&str> =
            bad.parse(ResourceType::Publication, Uuid::nil(), None).unwrap_err().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["title_en", "kind", "published_on", "url", "languages"]);
        let theme = ResourceForm { themes: vec!["not-a-theme".into()], ..form() };
        assert_eq!(
            theme.parse(ResourceType::Tool, Uuid::nil(), None).unwrap_err(),
            vec![("themes", ParseError::UnknownTheme)]
        );
    }
}
