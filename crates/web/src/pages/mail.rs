//! The mail pages send: written from the Fluent files in the language it is for, queued in the
//! outbox in the transaction of what causes it, and noted in the log.

use fluent_bundle::FluentValue;
use gfce_core::{Email, Lang};
use gfce_store::OutgoingMail;

use crate::http::AppState;

/// A message in `lang`: `mail-{kind}-subject` and `mail-{kind}-body`, the body with `args` and
/// the recipient's address as `email`.
pub fn compose(state: &AppState, lang: Lang, kind: &str, to: &Email, args: &[(&str, &str)]) -> OutgoingMail {
    let mut args: Vec<(&str, FluentValue<'_>)> = args.iter().map(|(k, v)| (*k, FluentValue::from(*v))).collect();
    args.push(("email", FluentValue::from(to.as_str())));
    OutgoingMail {
        to: to.clone(),
        lang,
        subject: state.i18n.get(lang, &format!("mail-{kind}-subject")),
        body: state.i18n.get_args(lang, &format!("mail-{kind}-body"), &args),
    }
}

/// Notes a queued message in the log; without an SMTP server, with its text, so that whoever
/// runs a development instance can follow the links.
pub fn log_queued(state: &AppState, mail: &OutgoingMail) {
    if state.log_mail_bodies {
        tracing::info!(to = %mail.to, subject = %mail.subject, body = %mail.body, "mail queued (no SMTP server: not sent)");
    } else {
        tracing::info!(to = %mail.to, subject = %mail.subject, "mail queued");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::I18n;

    /// Every message exists in both languages, keeps its paragraphs, and names what it should.
    #[test]
    fn messages_exist_in_both_languages() {
        let i18n = I18n::new();
        let args = [
            ("link", FluentValue::from("https://hub.example.org/x")),
            ("email", FluentValue::from("lan@example.org")),
            ("organisation", FluentValue::from("CERT-X")),
            ("reason", FluentValue::from("Out of scope.")),
        ];
        for lang in Lang::ALL {
            for kind in [
                "welcome",
                "already-registered",
                "reset",
                "application-received",
                "application-approved",
                "application-account",
                "application-rejected",
            ] {
                let body = i18n.get_args(lang, &format!("mail-{kind}-body"), &args);
                assert!(body.contains("\n\n"), "paragraphs kept: {body}");
                assert!(!i18n.get(lang, &format!("mail-{kind}-subject")).starts_with("mail-"));
                if ["welcome", "already-registered", "reset"].contains(&kind) {
                    assert!(body.contains("https://hub.example.org/x"), "{kind} in {lang:?}: {body}");
                    assert!(body.contains("lan@example.org"), "{kind} in {lang:?}: {body}");
                } else {
                    // The acknowledgement goes to an unchecked address: it repeats nothing typed.
                    let names = kind != "application-received";
                    assert_eq!(body.contains("CERT-X"), names, "{kind} in {lang:?}: {body}");
                }
            }
        }
    }
}
