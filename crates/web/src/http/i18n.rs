//! Translations: every user-visible string lives in `i18n/{en,vi}/<area>.ftl` (Project Fluent),
//! one file per area of the site, all embedded in the binary and loaded into one bundle per
//! language. Both languages must hold the same message ids, area by area; a unit test checks
//! that, and that every id the templates use exists.

use fluent_bundle::{concurrent::FluentBundle, FluentArgs, FluentResource, FluentValue};
use gfce_core::Lang;
use time::Date;
use unic_langid::LanguageIdentifier;

/// The message files of each language, one per area.
macro_rules! areas {
    ($($area:literal),* $(,)?) => {
        const EN: &[(&str, &str)] = &[$(($area, include_str!(concat!("../../i18n/en/", $area, ".ftl")))),*];
        const VI: &[(&str, &str)] = &[$(($area, include_str!(concat!("../../i18n/vi/", $area, ".ftl")))),*];
    };
}

areas!("common", "errors", "knowledge", "apply", "account", "admin", "curation", "mail");

/// The message bundles of both languages.
pub struct I18n {
    en: FluentBundle<FluentResource>,
    vi: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("I18n")
    }
}

impl I18n {
    /// Loads the embedded messages.
    ///
    /// # Panics
    /// If a shipped Fluent file does not parse; the unit tests make sure it does.
    pub fn new() -> Self {
        I18n { en: bundle("en", EN), vi: bundle("vi", VI) }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::En => &self.en,
            Lang::Vi => &self.vi,
        }
    }

    /// The message `id` in `lang`. A missing id shows as the id itself (and is caught by tests).
    pub fn get(&self, lang: Lang, id: &str) -> String {
        self.format(lang, id, None)
    }

    /// Whether `id` is a message, for ids made from data (a field's name) that may have none.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// The message `id` in `lang` with named arguments.
    pub fn get_args(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(lang, id, Some(&fluent_args))
    }

    fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::error!(id, lang = lang.code(), "missing translation");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::error!(id, lang = lang.code(), ?errors, "translation failed to format");
        }
        text.into_owned()
    }

    /// A date as people write it in `lang`: "16 April 2015", "ngày 16 tháng 4 năm 2015".
    pub fn date(&self, lang: Lang, date: Date) -> String {
        let month = u8::from(date.month());
        let month_name = self.get(lang, &format!("month-{month}"));
        self.get_args(
            lang,
            "date",
            &[
                ("day", FluentValue::from(date.day())),
                ("month", FluentValue::from(month_name)),
                ("monthnum", FluentValue::from(month)),
                ("year", FluentValue::from(date.year())),
            ],
        )
    }

    /// A span of dates; a one-day span is one date.
    pub fn date_range(&self, lang: Lang, start: Date, end: Date) -> String {
        if start == end {
            return self.date(lang, start);
        }
        let (start, end) = (self.date(lang, start), self.date(lang, end));
        self.get_args(lang, "date-range", &[("start", FluentValue::from(start)), ("end", FluentValue::from(end))])
    }
}

impl Default for I18n {
    fn default() -> Self {
        Self::new()
    }
}

fn bundle(code: &str, files: &[(&str, &str)]) -> FluentBundle<FluentResource> {
    let langid: LanguageIdentifier = code.parse().expect("a valid language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Unicode isolation marks around arguments are for mixed-direction text; in HTML attributes
    // and plain-text API messages they only get in the way.
    bundle.set_use_isolating(false);
    for (area, source) in files {
        let resource = FluentResource::try_new((*source).to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{code}/{area}.ftl does not parse: {errors:?}"));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{code}/{area}.ftl repeats ids of another file: {errors:?}"));
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::{collections::BTreeSet, path::Path};

    /// The message ids of one file.
    fn ids(source: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source.to_owned()).expect("valid Fluent");
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_messages_in_each_area() {
        assert_eq!(EN.len(), VI.len());
        for ((area, en), (vi_area, vi)) in EN.iter().zip(VI) {
            assert_eq!(area, vi_area);
            let (en, vi) = (ids(en), ids(vi));
            let only_en: Vec<_> = en.difference(&vi).collect();
            let only_vi: Vec<_> = vi.difference(&en).collect();
            assert!(
                only_en.is_empty() && only_vi.is_empty(),
                "{area}: only in en: {only_en:?}; only in vi: {only_vi:?}"
            );
        }
    }

    fn templates(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                templates(&path, found);
            } else {
                found.push(path);
            }
        }
    }

    #[test]
    fn every_id_used_in_templates_exists() {
        let i18n = I18n::new();
        let mut files = Vec::new();
        templates(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/templates")), &mut files);
        assert!(files.len() > 40, "the templates are found: {files:?}");
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            for pattern in ["ctx.t(\"", "ctx.t1(\"", "ctx.t_args(\""] {
                for (i, _) in text.match_indices(pattern) {
                    let rest = &text[i + pattern.len()..];
                    let id = &rest[..rest.find('"').unwrap()];
                    assert!(
                        i18n.has(Lang::En, id) && i18n.has(Lang::Vi, id),
                        "{} uses unknown message {id}",
                        path.display()
                    );
                }
            }
        }
    }

    #[test]
    fn formats_dates_and_plurals() {
        let i18n = I18n::new();
        let d = Date::from_calendar_date(2015, time::Month::April, 16).unwrap();
        assert_eq!(i18n.date(Lang::En, d), "16 April 2015");
        assert_eq!(i18n.date(Lang::Vi, d), "ngày 16 tháng 4 năm 2015");
        let end = Date::from_calendar_date(2015, time::Month::April, 17).unwrap();
        assert_eq!(i18n.date_range(Lang::En, d, end), "16 April 2015 – 17 April 2015");
        let count = |lang, n: i64| i18n.get_args(lang, "results-count", &[("count", FluentValue::from(n))]);
        assert_eq!(count(Lang::En, 1), "1 result");
        assert_eq!(count(Lang::En, 42), "42 results");
        assert_eq!(count(Lang::Vi, 42), "42 kết quả");
        assert_eq!(count(Lang::Vi, 0), "Không có kết quả phù hợp với bộ lọc.");
    }
}
