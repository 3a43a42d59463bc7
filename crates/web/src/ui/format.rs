//! How pages write what the data holds: the names of codes in the page's language, labels of
//! kinds and states, periods, amounts and short lists.

use fluent_bundle::FluentValue;
use gfce_core::{
    reference, ActorKind, CountryCode, Lang, LanguageCode, LanguageTag, Membership, Money, Percentage, ProjectStatus,
    RegionCode, ResourceKind, Role, Theme, ThemeId, Timestamp,
};
use time::Date;

use super::{Localized, PageCtx};

impl PageCtx {
    pub fn country_name(&self, code: CountryCode) -> String {
        reference::shipped().country(code).map_or_else(|| code.to_string(), |c| c.name.get(self.lang).to_owned())
    }

    pub fn region_name(&self, code: RegionCode) -> String {
        reference::shipped().region(code).map_or_else(|| code.as_string(), |r| r.name.get(self.lang).to_owned())
    }

    pub fn language_name(&self, code: LanguageCode) -> String {
        reference::shipped().language(code).map_or_else(|| code.to_string(), |l| l.name.get(self.lang).to_owned())
    }

    /// A language's name inside a sentence: Vietnamese writes "tiếng Việt" there, not "Tiếng
    /// Việt".
    pub fn language_in_sentence(&self, code: LanguageCode) -> String {
        let name = self.language_name(code);
        match (self.lang, name.strip_prefix("Tiếng ")) {
            (Lang::Vi, Some(rest)) => format!("tiếng {rest}"),
            _ => name,
        }
    }

    /// What a page says above a record's name shown in another language than the page's: that
    /// it is in the other of English and Vietnamese, or in its original language (named where the
    /// platform knows the language). `None` when it is in the page's language.
    pub fn fallback_notice(&self, shown: &Localized) -> Option<String> {
        let tag = shown.lang.as_deref()?;
        if tag == self.lang.other().code() {
            return Some(self.t("fallback-notice"));
        }
        let code = LanguageTag::parse(tag).ok().and_then(|t| LanguageCode::parse(t.language()).ok());
        let language = code.map_or_else(|| tag.to_owned(), |c| self.language_in_sentence(c));
        Some(self.t_args("fallback-notice-original", &[("language", &language)]))
    }

    /// A country, region or tag with the share of the project it stands for, when one is known:
    /// `Viet Nam (60%)`, `Việt Nam (33,33%)`.
    pub fn with_share(&self, name: String, share: Option<&Percentage>) -> String {
        let Some(share) = share else { return name };
        let (whole, fraction) = share.parts();
        let decimal = match self.lang {
            Lang::En => '.',
            Lang::Vi => ',',
        };
        let percent = if fraction.is_empty() { whole.to_string() } else { format!("{whole}{decimal}{fraction}") };
        self.t_args("project-share", &[("name", &name), ("percent", &percent)])
    }

    pub fn theme_name<'a>(&self, themes: &'a [Theme], id: &ThemeId) -> Option<&'a str> {
        themes.iter().find(|t| &t.id == id).map(|t| t.name.get(self.lang))
    }

    /// The names of these themes, in a sentence; `None` when there are none.
    pub fn theme_list(&self, themes: &[Theme], ids: &[ThemeId]) -> Option<String> {
        let names: Vec<&str> = ids.iter().filter_map(|id| self.theme_name(themes, id)).collect();
        (!names.is_empty()).then(|| names.join(", "))
    }

    pub fn kind_label(&self, kind: ActorKind) -> String {
        self.t(&format!("kind-{}", kind.as_str()))
    }

    pub fn membership_label(&self, membership: Option<Membership>) -> String {
        self.t(&format!("membership-{}", membership.map_or("none", Membership::as_str)))
    }

    pub fn status_label(&self, status: ProjectStatus) -> String {
        self.t(&format!("status-{}", status.as_str()))
    }

    pub fn resource_kind_label(&self, kind: ResourceKind) -> String {
        self.t(&format!("resource-kind-{}", kind.as_str()))
    }

    pub fn role_label(&self, role: Role) -> String {
        self.t(&format!("role-{}", role.as_str()))
    }

    /// A project's period, as far as it is known.
    pub fn period(&self, start: Option<Date>, end: Option<Date>) -> Option<String> {
        match (start, end) {
            (Some(start), Some(end)) => Some(self.date_range(start, end)),
            (Some(start), None) => Some(self.t_args("period-from", &[("date", &self.date(start))])),
            (None, Some(end)) => Some(self.t_args("period-until", &[("date", &self.date(end))])),
            (None, None) => None,
        }
    }

    /// The day (UTC) a moment falls on, as the page's language writes a date.
    pub fn day(&self, at: Timestamp) -> String {
        self.date(at.date())
    }

    /// A moment to the second, in UTC, as the secretariat's and curators' pages show when things
    /// happened: `2026-12-05 20:38:05 UTC`.
    pub fn moment(&self, at: Timestamp) -> String {
        let t = at.datetime();
        format!("{} {:02}:{:02}:{:02} UTC", gfce_core::format_date(t.date()), t.hour(), t.minute(), t.second())
    }

    /// An amount as the page's language writes it: "1,500,000.50" in English, "1.500.000,50" in
    /// Vietnamese; a fraction is padded to the currency's usual number of decimals.
    pub fn amount(&self, money: &Money) -> String {
        format_amount(money, self.lang)
    }

    /// The first `shown` names, and how many more there are.
    pub fn some_of(&self, names: &[String], shown: usize) -> Option<String> {
        some_of(self.i18n(), self.lang, names, shown)
    }

    /// A share from 0 to 1 as a whole percentage, in a message with the argument `percent`.
    pub fn percent(&self, id: &str, share: f64) -> String {
        self.i18n().get_args(self.lang, id, &[("percent", FluentValue::from((share * 100.0).round() as i64))])
    }
}

fn format_amount(money: &Money, lang: Lang) -> String {
    let (whole, fraction) = money.amount.parts();
    let (group, decimal) = match lang {
        Lang::En => (',', '.'),
        Lang::Vi => ('.', ','),
    };
    let mut out = String::with_capacity(whole.len() * 4 / 3 + fraction.len() + 4);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        let minor = reference::shipped().currency(money.currency).map_or(0, |c| usize::from(c.minor_units));
        out.push(decimal);
        out.push_str(fraction);
        out.extend(std::iter::repeat_n('0', minor.saturating_sub(fraction.len())));
    }
    out
}

fn some_of(i18n: &crate::http::I18n, lang: Lang, names: &[String], shown: usize) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    let mut text = names[..names.len().min(shown)].join(", ");
    let more = names.len().saturating_sub(shown);
    if more > 0 {
        text.push(' ');
        text.push_str(&i18n.get_args(lang, "places-more", &[("count", FluentValue::from(more as i64))]));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use gfce_core::{Amount, CurrencyCode};

    use super::*;
    use crate::http::I18n;

    fn money(amount: &str, currency: &str) -> Money {
        Money { amount: Amount::parse(amount).unwrap(), currency: CurrencyCode::parse(currency).unwrap() }
    }

    #[test]
    fn amounts_follow_each_language() {
        assert_eq!(format_amount(&money("1500000", "EUR"), Lang::En), "1,500,000");
        assert_eq!(format_amount(&money("1500000", "EUR"), Lang::Vi), "1.500.000");
        assert_eq!(format_amount(&money("2500.5", "EUR"), Lang::En), "2,500.50");
        assert_eq!(format_amount(&money("2500.5", "EUR"), Lang::Vi), "2.500,50");
        assert_eq!(format_amount(&money("999", "VND"), Lang::Vi), "999");
        assert_eq!(format_amount(&money("0.125", "USD"), Lang::En), "0.125");
        assert_eq!(format_amount(&money("123456789012345", "VND"), Lang::En), "123,456,789,012,345");
    }

    #[test]
    fn vietnamese_language_names_read_inside_a_sentence() {
        let vi = LanguageCode::parse("vi").unwrap();
        assert_eq!(PageCtx::for_test(Lang::Vi, "/vi").language_in_sentence(vi), "tiếng Việt");
        assert_eq!(PageCtx::for_test(Lang::En, "/en").language_in_sentence(vi), "Vietnamese");
    }

    #[test]
    fn long_lists_of_places_are_cut() {
        let i18n = I18n::new();
        let names: Vec<String> = ["A", "B", "C"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(some_of(&i18n, Lang::En, &names, 6).as_deref(), Some("A, B, C"));
        assert_eq!(some_of(&i18n, Lang::En, &names, 2).as_deref(), Some("A, B and 1 more"));
        assert_eq!(some_of(&i18n, Lang::Vi, &names, 1).as_deref(), Some("A và 2 nơi khác"));
        assert_eq!(some_of(&i18n, Lang::En, &[], 2), None);
    }
}
