//! Accounts and permissions: e-mail addresses, the passwords people choose, roles, who is asking
//! and what they ask to do, and [`allowed`], the one place that decides every permission.
//!
//! # Who may do what
//!
//! | action | anonymous | registered | representative | curator | admin |
//! |---|---|---|---|---|---|
//! | `ReadPublished`, `Apply` | yes | yes | yes | yes | yes |
//! | `ChangeOwnPassword`, `ManageOwnTokens` | — | yes | yes | yes | yes |
//! | `ReadDraft` | — | — | its actor's drafts | yes | yes |
//! | `EditActorProfile` | — | — | its actor's profile | — | yes |
//! | `SubmitContent` | — | — | on behalf of its actor | — | yes |
//! | `Review`, `UseSecondFactor` | — | — | — | yes | yes |
//! | `ReadApplications`, `ManageMembership`, `ManageUsers`, `ReadAuditLog`, `ReadOutbox`, `ImportExport` | — | — | — | — | yes |
//!
//! A representative's actor is the one its account names; an account of any other role that
//! names an actor gains nothing by it, and a representative whose account names none has only the
//! rights of a registered user.

use std::{collections::HashSet, fmt, str::FromStr, sync::OnceLock};

use serde::{Deserialize, Serialize};
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
use uuid::Uuid;

use crate::{fold, named::named_enum, ParseError, Slug};

/// An e-mail address: `name@example.org`, `nguyen.van.a@bộ-ngoại-giao.vn`.
///
/// The local part is kept as typed, since only the receiving server knows whether its case
/// matters; it must be a dot-atom (RFC 5322 `atext` and, as RFC 6531 allows, letters and digits of
/// any script), so an address can be written into a mail header without quoting and never carries
/// a space, a control character or a header delimiter. The domain is NFC-normalised and
/// lower-cased: dot-separated labels of letters (of any script), digits and inner hyphens. A label
/// may not mix Latin letters with letters of another script, so `mіc.gov.vn` with a Cyrillic `і`
/// cannot pass for `mic.gov.vn` when an administrator decides whom to trust.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// The longest address SMTP can carry (RFC 5321).
    pub const MAX_LEN: usize = 254;
    pub const LOCAL_MAX_LEN: usize = 64;
    const LABEL_MAX_LEN: usize = 63;

    /// Accepts an address with surrounding spaces, which are dropped.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(ParseError::Empty);
        }
        let (local, domain) = s.split_once('@').ok_or(ParseError::Email)?;
        let domain = domain.nfc().collect::<String>().to_lowercase();
        if !is_local_part(local) || !is_domain(&domain) {
            return Err(ParseError::Email);
        }
        let email = format!("{local}@{domain}");
        if email.chars().count() > Self::MAX_LEN {
            return Err(ParseError::TooLong { max: Self::MAX_LEN });
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before the `@`, as typed.
    pub fn local_part(&self) -> &str {
        self.0.rsplit_once('@').expect("an e-mail address has an @").0
    }

    /// The part after the `@`, lower-case.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').expect("an e-mail address has an @").1
    }
}

fn is_local_part(local: &str) -> bool {
    let allowed = |c: char| {
        c.is_ascii_alphanumeric()
            || "!#$%&'*+-/=?^_`{|}~".contains(c)
            || (!c.is_ascii() && (c.is_alphanumeric() || is_combining_mark(c)))
    };
    local.chars().count() <= Email::LOCAL_MAX_LEN
        && local.split('.').all(|atom| !atom.is_empty() && atom.chars().all(allowed))
}

fn is_domain(domain: &str) -> bool {
    let allowed = |c: char| {
        c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || c == '-'
            || (!c.is_ascii() && (c.is_alphabetic() || is_combining_mark(c)))
    };
    let labels: Vec<&str> = domain.split('.').collect();
    let well_formed = labels.iter().all(|label| {
        !label.is_empty()
            && label.chars().count() <= Email::LABEL_MAX_LEN
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(allowed)
            && !mixes_latin_with_other_letters(label)
    });
    // No top-level domain is numeric, so this also keeps out IP addresses written without brackets.
    let top_level_named = labels.last().is_some_and(|tld| !tld.chars().all(|c| c.is_ascii_digit()));
    labels.len() >= 2 && well_formed && top_level_named
}

fn mixes_latin_with_other_letters(label: &str) -> bool {
    // Latin as far as letters go: ASCII, Latin-1, Latin Extended-A and -B, and Latin Extended
    // Additional, where the Vietnamese letters with two diacritics live.
    let is_latin = |c: char| matches!(c, '\u{0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}');
    let mut letters = label.chars().filter(|c| c.is_alphabetic());
    letters.clone().any(is_latin) && letters.any(|c| !is_latin(c))
}

impl FromStr for Email {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Email {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const COMMON_PASSWORDS: &str = include_str!("../../../data/common_passwords.txt");

/// The shipped list of the most common passwords, each in the form of [`comparison_key`].
fn common_passwords() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| COMMON_PASSWORDS.lines().collect())
}

/// A password someone has chosen for their account, checked against the rules of NIST SP 800-63B:
/// long enough, not a common or trivially guessable one and not made of the person's address.
///
/// The secret is kept exactly as typed: no trimming, no normalisation. It never appears in
/// `Debug` output and cannot be serialised; the one way to read it is [`NewPassword::expose`],
/// named so that every use is easy to find and audit.
pub struct NewPassword(String);

impl NewPassword {
    /// In Unicode scalar values, so a Vietnamese password is not held to a different length.
    pub const MIN_CHARS: usize = 12;
    /// Bounds the work of hashing whatever a client sends.
    pub const MAX_BYTES: usize = 1024;
    /// A password of fewer distinct characters (`abababababab`, `1212qwqw1212`) is a few keys struck
    /// over and over, however long it is.
    const MIN_DISTINCT: usize = 5;

    /// Checks `input` as the new password of the account with address `email`, if it has one yet.
    pub fn parse(input: &str, email: Option<&Email>) -> Result<Self, ParseError> {
        if input.len() > Self::MAX_BYTES {
            return Err(ParseError::TooLong { max: Self::MAX_BYTES });
        }
        if input.chars().count() < Self::MIN_CHARS {
            return Err(ParseError::PasswordTooShort { min: Self::MIN_CHARS });
        }
        let key = comparison_key(input);
        if is_guessable(&key) {
            return Err(ParseError::PasswordCommon);
        }
        if email.is_some_and(|email| mentions_mailbox(&key, email)) {
            return Err(ParseError::PasswordPersonal);
        }
        Ok(NewPassword(input.to_owned()))
    }

    /// The password itself, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// The form in which a password is compared with the common ones and with the address: folded
/// (lower-case, without diacritics), so `MậtKhẩu` is `matkhau`, and without spaces, so
/// `i love you` is `iloveyou`.
fn comparison_key(password: &str) -> String {
    fold(password).chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_guessable(key: &str) -> bool {
    key.chars().collect::<HashSet<_>>().len() < NewPassword::MIN_DISTINCT || is_sequence(key) || is_common(key)
}

/// `abcdefghijkl`, `987654321098`: each character follows the previous one in the alphabet or in
/// the digits (after 9 comes 0), all going up or all going down.
fn is_sequence(key: &str) -> bool {
    let successor = |c: char| match c {
        '0'..='8' | 'a'..='y' => char::from_u32(c as u32 + 1),
        '9' => Some('0'),
        _ => None,
    };
    let pairs = || key.chars().zip(key.chars().skip(1));
    pairs().all(|(a, b)| successor(a) == Some(b)) || pairs().all(|(a, b)| successor(b) == Some(a))
}

/// Whether the key is a common password, also once digits and symbols are taken off its end
/// (`password123!`) or its start (`2024dragon`): such additions are the first guesses of every
/// cracking tool.
fn is_common(key: &str) -> bool {
    let list = common_passwords();
    let not_letter = |c: char| !c.is_alphabetic();
    [key, key.trim_start_matches(not_letter)].into_iter().any(|start| {
        let last_letter_end = start.trim_end_matches(not_letter).len();
        (last_letter_end..=start.len())
            .filter(|&end| start.is_char_boundary(end))
            .any(|end| list.contains(&start[..end]))
    })
}

/// Whether the key contains the name of the person's mailbox: the local part of the address, also
/// without a `+tag` and without its dots, hyphens and underscores (`nguyen.van.an` in
/// `NguyenVanAn2024`). Names shorter than four characters are too likely to occur by chance.
fn mentions_mailbox(key: &str, email: &Email) -> bool {
    let local = email.local_part();
    let mailbox = local.split_once('+').map_or(local, |(mailbox, _tag)| mailbox);
    [local, mailbox].into_iter().map(fold).any(|name| {
        let joined: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
        [name, joined].iter().any(|n| n.chars().count() >= 4 && key.contains(n.as_str()))
    })
}

named_enum! {
    /// What an account may do; see the [module documentation](self) for the rules.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum UserRole {
        /// The GFCE secretariat.
        Admin => "admin",
        /// Reviews submitted content before it is published.
        Curator => "curator",
        /// Speaks for one member or partner.
        Representative => "representative",
        /// Has an account and nothing more, for instance while its membership application is pending.
        Registered => "registered",
    }
    impl FromStr;
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Anonymous,
    User {
        id: Uuid,
        role: UserRole,
        /// The actor a representative speaks for.
        actor: Option<Slug>,
    },
}

/// Everything that needs a permission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    ReadPublished,
    /// Read content not yet published, owned by an actor or by none.
    ReadDraft {
        owner_actor: Option<Slug>,
    },
    EditActorProfile {
        actor: Slug,
    },
    /// Submit content for review, on behalf of an actor or of no actor.
    SubmitContent {
        on_behalf_of: Option<Slug>,
    },
    /// Publish submitted content or return it to its author.
    Review,
    /// See the membership applications and their history: they carry the contacts' personal data.
    ReadApplications,
    /// Approve or reject membership applications.
    ManageMembership,
    ManageUsers,
    ReadAuditLog,
    ReadOutbox,
    ImportExport,
    ManageOwnTokens,
    ChangeOwnPassword,
    /// Submit a membership application.
    Apply,
    /// Set up or turn off a second factor for signing in. Offered to those who can change what
    /// the public reads: a stolen password should not be enough to publish in the GFCE's name.
    UseSecondFactor,
}

/// Whether `who` may do `action`: the one place that decides every permission (the rules are in the
/// [module documentation](self)).
///
/// Every action is named in the match below without a wildcard, so a new action does not compile
/// until its rule is written here, and each rule lists who is granted: everyone else is denied.
pub fn allowed(who: &Principal, action: &Action) -> bool {
    let role = match who {
        Principal::Anonymous => None,
        Principal::User { role, .. } => Some(*role),
    };
    let signed_in = role.is_some();
    let admin = role == Some(UserRole::Admin);
    let curator = role == Some(UserRole::Curator);
    let speaks_for = |actor: &Slug| matches!(who, Principal::User { role: UserRole::Representative, actor: Some(own), .. } if own == actor);
    match action {
        Action::ReadPublished | Action::Apply => true,
        Action::ChangeOwnPassword | Action::ManageOwnTokens => signed_in,
        Action::ReadDraft { owner_actor } => admin || curator || owner_actor.as_ref().is_some_and(speaks_for),
        Action::EditActorProfile { actor } => admin || speaks_for(actor),
        Action::SubmitContent { on_behalf_of } => admin || on_behalf_of.as_ref().is_some_and(speaks_for),
        Action::Review | Action::UseSecondFactor => admin || curator,
        Action::ReadApplications
        | Action::ManageMembership
        | Action::ManageUsers
        | Action::ReadAuditLog
        | Action::ReadOutbox
        | Action::ImportExport => admin,
    }
}

#[cfg(test)]
mod tests {
    use std::mem::discriminant;

    use proptest::{prelude::*, sample};

    use super::*;

    fn email(s: &str) -> Email {
        Email::parse(s).unwrap()
    }

    #[test]
    fn email_addresses_are_tidied() {
        let e = email("  Nguyen.Van.A@MOFA.Gov.VN ");
        assert_eq!(e.as_str(), "Nguyen.Van.A@mofa.gov.vn");
        assert_eq!((e.local_part(), e.domain()), ("Nguyen.Van.A", "mofa.gov.vn"));
        assert_eq!(email("an@BỘ-NGOẠI-GIAO.vn").as_str(), "an@bộ-ngoại-giao.vn");
        // The domain in decomposed form (as some keyboards type it) is stored composed.
        assert_eq!(email("an@bo\u{323}\u{302}.vn").domain(), "bộ.vn");
        assert_eq!(email("o'brien+gfce@cert.example.org").local_part(), "o'brien+gfce");
        assert_eq!(email("thư@xn--bcher-kva.example").as_str(), "thư@xn--bcher-kva.example");
        assert_eq!(email("a@b.c").as_str(), "a@b.c");
        assert_eq!(email("an@例え.jp").domain(), "例え.jp");
        assert_eq!(email("an@Пример.РФ").domain(), "пример.рф");
        assert_eq!("x@y.org".parse::<Email>(), Ok(email("x@y.org")));
        assert_eq!(email("x@y.org").to_string(), "x@y.org");
    }

    #[test]
    fn malformed_email_addresses_are_refused() {
        for bad in [
            "plain",
            "@example.org",
            "name@",
            "a@b@example.org",
            "name@localhost",
            "name@example",
            "name@192.168.0.1",
            "name@[192.168.0.1]",
            "name@example.org.",
            "name@.example.org",
            "name@exa..mple.org",
            "name@-example.org",
            "name@example-.org",
            "name@exa_mple.org",
            "name@exa mple.org",
            "na me@example.org",
            "name\r\nBcc: x@evil.example@example.org",
            "na\u{7}me@example.org",
            "na\u{202e}me@example.org",
            ".name@example.org",
            "name.@example.org",
            "na..me@example.org",
            "\"na me\"@example.org",
            "a,b@example.org",
            "<a>@example.org",
            "a;b@example.org",
            "a\\b@example.org",
            "name@exa😀mple.org",
            "name@m\u{456}c.gov.vn",
            "name@g\u{43e}v.vn",
        ] {
            assert_eq!(Email::parse(bad), Err(ParseError::Email), "{bad:?}");
        }
        assert_eq!(Email::parse("   "), Err(ParseError::Empty));
        let local_too_long = format!("{}@example.org", "a".repeat(65));
        assert_eq!(Email::parse(&local_too_long), Err(ParseError::Email));
        let label_too_long = format!("a@{}.org", "b".repeat(64));
        assert_eq!(Email::parse(&label_too_long), Err(ParseError::Email));
        let longest = format!("{}@{}.{}.{}.{}", "a".repeat(64), "b".repeat(63), "c".repeat(63), "d".repeat(57), "org");
        assert_eq!(longest.len(), Email::MAX_LEN);
        assert!(Email::parse(&longest).is_ok());
        let too_long = format!("{}@{}.{}.{}.{}", "a".repeat(64), "b".repeat(63), "c".repeat(63), "d".repeat(58), "org");
        assert_eq!(Email::parse(&too_long), Err(ParseError::TooLong { max: Email::MAX_LEN }));
    }

    #[test]
    fn email_addresses_are_strings_in_json() {
        let e = email("Lan@Example.ORG");
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"Lan@example.org\"");
        assert_eq!(serde_json::from_str::<Email>("\" Lan@example.org\"").unwrap(), e);
        assert!(serde_json::from_str::<Email>("\"not an address\"").is_err());
    }

    fn password(s: &str) -> Result<NewPassword, ParseError> {
        NewPassword::parse(s, None)
    }

    #[test]
    fn good_passwords_are_kept_as_typed() {
        for good in [
            "correct horse battery staple",
            "  Tr0ub4dor&3 plus  ",
            "Hồ Gươm sáng sớm 2015",
            "mùa thu Hà Nội",
            "Xq7#mB2!vL9p",
            "dragonfly ink kettle",
        ] {
            assert_eq!(password(good).map(|p| p.expose().to_owned()), Ok(good.to_owned()), "{good}");
        }
    }

    #[test]
    fn passwords_need_twelve_characters_and_at_most_a_kilobyte() {
        assert_eq!(password("").err(), Some(ParseError::PasswordTooShort { min: 12 }));
        assert_eq!(password("Xq7#mB2!vL9").err(), Some(ParseError::PasswordTooShort { min: 12 }));
        // Twelve characters, though more bytes: length is counted in characters.
        assert!(password("Ấn Độ Hà Lan").is_ok());
        assert!(password(&"Xq7#mB2!vL9p".repeat(85)).is_ok());
        assert_eq!(password(&"Xq7#mB2!vL9p".repeat(86)).err(), Some(ParseError::TooLong { max: 1024 }));
    }

    #[test]
    fn common_and_trivial_passwords_are_refused() {
        for common in [
            "Password123!",
            "password1234",
            "PASSWORD!!!!!!",
            "2024!qwertyuiop",
            "123456789012",
            "210987654321",
            "abcdefghijklmn",
            "Dragon1234567",
            "I love you 1234",
            "iloveyou2024!",
            "MậtKhẩu2024!!",
            "Anh yêu em 123456",
            "matkhau@12345",
            "vietnam123456",
            "Saigon!!!!!!1975",
            "1qaz2wsx3edc4rfv",
            "p@ssw0rd12345",
            "aaaaaaaaaaaa",
            "            ",
            "abababababab",
            "1212qwqw1212",
            "passpasspass",
            "19901990199019",
        ] {
            assert_eq!(password(common).map(|p| p.expose().to_owned()), Err(ParseError::PasswordCommon), "{common}");
        }
    }

    #[test]
    fn passwords_must_not_contain_the_mailbox_name() {
        let lan = email("Nguyen.Thi.Lan+gfce@mic.gov.vn");
        let personal = |p: &str| NewPassword::parse(p, Some(&lan)).map(|p| p.expose().to_owned());
        assert_eq!(personal("my nguyen.thi.lan secret"), Err(ParseError::PasswordPersonal));
        assert_eq!(personal("NguyenThiLan-2024"), Err(ParseError::PasswordPersonal));
        assert_eq!(personal("Nguyễn Thị Lan ở Hà Nội"), Err(ParseError::PasswordPersonal));
        assert_eq!(personal("x nguyen.thi.lan+gfce y"), Err(ParseError::PasswordPersonal));
        assert!(personal("Lan's kettle sings at dawn").is_ok());
        // A name shorter than four characters occurs in too many good passwords to be refused.
        let an = email("an@mic.gov.vn");
        assert!(NewPassword::parse("an owl at dawn sings", Some(&an)).is_ok());
        assert!(NewPassword::parse("an owl at dawn sings", None).is_ok());
    }

    #[test]
    fn passwords_never_show_in_debug_output() {
        let p = password("correct horse battery staple").unwrap();
        assert_eq!(format!("{p:?}"), "NewPassword(***)");
        assert_eq!(format!("{:?}", Ok::<_, ()>(p)), "Ok(NewPassword(***))");
    }

    #[test]
    fn the_common_password_list_is_folded_and_without_duplicates() {
        let lines: Vec<&str> = COMMON_PASSWORDS.lines().collect();
        assert!(lines.len() >= 1000, "{} passwords", lines.len());
        assert_eq!(common_passwords().len(), lines.len(), "duplicates in the list");
        for line in lines {
            assert!(line.chars().count() >= 4, "{line:?} is too short to be worth listing");
            assert_eq!(comparison_key(line), line, "{line:?} is not in comparison form");
        }
        for expected in ["123456", "password", "qwerty", "iloveyou", "matkhau", "anhyeuem", "vietnam", "hanoi"] {
            assert!(common_passwords().contains(expected), "{expected}");
        }
    }

    #[test]
    fn roles_parse_exactly() {
        assert_eq!("Admin".parse::<UserRole>(), Err(ParseError::NotAllowed));
        assert_eq!("member".parse::<UserRole>(), Err(ParseError::NotAllowed));
    }

    fn slug(s: &str) -> Slug {
        Slug::parse(s).unwrap()
    }

    fn user(role: UserRole, actor: Option<&str>) -> Principal {
        Principal::User { id: Uuid::from_u128(7), role, actor: actor.map(slug) }
    }

    const OWN: &str = "viet-nam";
    const OTHER: &str = "council-of-europe";

    /// Every action with every kind of target: the representative's own actor, another, none.
    fn expected_permissions() -> Vec<(Action, [bool; 5])> {
        let (own, other) = (slug(OWN), slug(OTHER));
        //                                                                     anon   registered  repr.  curator admin
        vec![
            (Action::ReadPublished, [true, true, true, true, true]),
            (Action::Apply, [true, true, true, true, true]),
            (Action::ChangeOwnPassword, [false, true, true, true, true]),
            (Action::ManageOwnTokens, [false, true, true, true, true]),
            (Action::ReadDraft { owner_actor: Some(own.clone()) }, [false, false, true, true, true]),
            (Action::ReadDraft { owner_actor: Some(other.clone()) }, [false, false, false, true, true]),
            (Action::ReadDraft { owner_actor: None }, [false, false, false, true, true]),
            (Action::EditActorProfile { actor: own.clone() }, [false, false, true, false, true]),
            (Action::EditActorProfile { actor: other.clone() }, [false, false, false, false, true]),
            (Action::SubmitContent { on_behalf_of: Some(own) }, [false, false, true, false, true]),
            (Action::SubmitContent { on_behalf_of: Some(other) }, [false, false, false, false, true]),
            (Action::SubmitContent { on_behalf_of: None }, [false, false, false, false, true]),
            (Action::Review, [false, false, false, true, true]),
            (Action::UseSecondFactor, [false, false, false, true, true]),
            (Action::ReadApplications, [false, false, false, false, true]),
            (Action::ManageMembership, [false, false, false, false, true]),
            (Action::ManageUsers, [false, false, false, false, true]),
            (Action::ReadAuditLog, [false, false, false, false, true]),
            (Action::ReadOutbox, [false, false, false, false, true]),
            (Action::ImportExport, [false, false, false, false, true]),
        ]
    }

    /// How many rows of the table each action needs; naming every variant without a wildcard makes
    /// a new action fail to compile here until it has its rows.
    fn rows_needed(action: &Action) -> usize {
        match action {
            Action::ReadDraft { .. } | Action::SubmitContent { .. } => 3,
            Action::EditActorProfile { .. } => 2,
            Action::ReadPublished
            | Action::Review
            | Action::ReadApplications
            | Action::ManageMembership
            | Action::ManageUsers
            | Action::ReadAuditLog
            | Action::ReadOutbox
            | Action::ImportExport
            | Action::ManageOwnTokens
            | Action::ChangeOwnPassword
            | Action::Apply
            | Action::UseSecondFactor => 1,
        }
    }

    #[test]
    fn permissions_follow_the_table() {
        let principals = [
            ("anonymous", Principal::Anonymous),
            ("registered", user(UserRole::Registered, None)),
            ("representative", user(UserRole::Representative, Some(OWN))),
            ("curator", user(UserRole::Curator, None)),
            ("admin", user(UserRole::Admin, None)),
        ];
        let table = expected_permissions();
        for (action, expected) in &table {
            let rows = table.iter().filter(|(a, _)| discriminant(a) == discriminant(action)).count();
            assert_eq!(rows, rows_needed(action), "rows for {action:?}");
            for ((name, who), expected) in principals.iter().zip(expected) {
                assert_eq!(allowed(who, action), *expected, "{name} {action:?}");
            }
        }
    }

    #[test]
    fn only_representatives_speak_for_an_actor() {
        let claims = [
            (user(UserRole::Registered, Some(OWN)), user(UserRole::Registered, None)),
            (user(UserRole::Curator, Some(OWN)), user(UserRole::Curator, None)),
            (user(UserRole::Representative, None), user(UserRole::Registered, None)),
        ];
        for (action, _) in expected_permissions() {
            for (who, same_as) in &claims {
                assert_eq!(allowed(who, &action), allowed(same_as, &action), "{who:?} {action:?}");
            }
        }
    }

    fn any_slug() -> impl Strategy<Value = Slug> {
        sample::select(vec![OWN, OTHER, "itu", "oas", "cert-vn"]).prop_map(slug)
    }

    fn any_action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::ReadPublished),
            proptest::option::of(any_slug()).prop_map(|owner_actor| Action::ReadDraft { owner_actor }),
            any_slug().prop_map(|actor| Action::EditActorProfile { actor }),
            proptest::option::of(any_slug()).prop_map(|on_behalf_of| Action::SubmitContent { on_behalf_of }),
            Just(Action::Review),
            Just(Action::ReadApplications),
            Just(Action::ManageMembership),
            Just(Action::ManageUsers),
            Just(Action::ReadAuditLog),
            Just(Action::ReadOutbox),
            Just(Action::ImportExport),
            Just(Action::ManageOwnTokens),
            Just(Action::ChangeOwnPassword),
            Just(Action::Apply),
            Just(Action::UseSecondFactor),
        ]
    }

    fn any_user_with(role: impl Strategy<Value = UserRole>) -> impl Strategy<Value = Principal> {
        (any::<u128>(), role, proptest::option::of(any_slug())).prop_map(|(id, role, actor)| Principal::User {
            id: Uuid::from_u128(id),
            role,
            actor,
        })
    }

    /// Addresses of the shapes people have: dotted names, tags, Vietnamese letters, upper case,
    /// surrounding spaces.
    fn any_email_text() -> impl Strategy<Value = String> {
        let local = "[A-Za-z0-9ăâđêôơưạảấầẩẫậ_%+'-]{1,20}(\\.[a-z0-9_-]{1,10}){0,2}";
        let label = "[A-Za-z0-9ăâđêôơưạảấầẩẫậ]([A-Za-z0-9ăâđêôơư-]{0,20}[A-Za-z0-9])?";
        let tld = "[A-Za-z]{2,6}";
        (" {0,2}", local, proptest::collection::vec(label, 1..4), tld, " {0,2}").prop_map(
            |(before, local, labels, tld, after)| format!("{before}{local}@{}.{tld}{after}", labels.join(".")),
        )
    }

    fn any_common_variant() -> impl Strategy<Value = String> {
        let list: Vec<&'static str> = common_passwords().iter().copied().collect();
        (sample::select(list), any::<bool>(), "[0-9!@#$%^&*.]{0,10}").prop_map(|(word, shout, tail)| {
            let word = if shout { word.to_uppercase() } else { word.to_owned() };
            format!("{word}{tail}")
        })
    }

    proptest! {
        #[test]
        fn email_addresses_round_trip_through_json(text in any_email_text()) {
            let e = Email::parse(&text).unwrap();
            prop_assert_eq!(e.as_str(), e.as_str().trim());
            let json = serde_json::to_string(&e).unwrap();
            prop_assert_eq!(serde_json::from_str::<Email>(&json).unwrap(), e.clone());
            prop_assert_eq!(Email::parse(e.as_str()).unwrap(), e);
        }

        #[test]
        fn accepted_email_addresses_keep_their_invariants(text in "\\PC{0,40}") {
            if let Ok(e) = Email::parse(&text) {
                prop_assert_eq!(e.as_str().matches('@').count(), 1);
                prop_assert!(e.as_str().chars().count() <= Email::MAX_LEN);
                prop_assert!(!e.as_str().chars().any(|c| c.is_whitespace() || c.is_control()));
                prop_assert_eq!(e.domain(), e.domain().to_lowercase());
            }
        }

        #[test]
        fn accepted_passwords_are_long_and_uncommon(text in "\\PC{0,24}") {
            if let Ok(p) = NewPassword::parse(&text, None) {
                prop_assert_eq!(p.expose(), text.as_str());
                prop_assert!(p.expose().chars().count() >= NewPassword::MIN_CHARS);
                prop_assert!(!common_passwords().contains(comparison_key(p.expose()).as_str()));
            }
        }

        #[test]
        fn common_passwords_with_digits_and_symbols_added_are_refused(text in any_common_variant()) {
            let refused = NewPassword::parse(&text, None).unwrap_err();
            let expected = matches!(refused, ParseError::PasswordCommon | ParseError::PasswordTooShort { .. });
            prop_assert!(expected, "{:?}", refused);
        }

        #[test]
        fn anonymous_may_only_read_published_content_and_apply(action in any_action()) {
            let expected = matches!(action, Action::ReadPublished | Action::Apply);
            prop_assert_eq!(allowed(&Principal::Anonymous, &action), expected);
        }

        #[test]
        fn admins_may_do_everything(who in any_user_with(Just(UserRole::Admin)), action in any_action()) {
            prop_assert!(allowed(&who, &action));
        }

        #[test]
        fn representatives_gain_only_for_their_own_actor(
            who in any_user_with(Just(UserRole::Representative)),
            action in any_action(),
        ) {
            let own = match &who {
                Principal::User { actor, .. } => actor.clone(),
                Principal::Anonymous => None,
            };
            let target = match &action {
                Action::ReadDraft { owner_actor: target } | Action::SubmitContent { on_behalf_of: target } => target.clone(),
                Action::EditActorProfile { actor } => Some(actor.clone()),
                _ => None,
            };
            let registered = user(UserRole::Registered, None);
            if allowed(&who, &action) && !allowed(&registered, &action) {
                prop_assert!(own.is_some() && own == target, "{who:?} {action:?}");
            }
        }
    }
}
