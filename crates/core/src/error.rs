use thiserror::Error;

/// Why a piece of input could not become a domain value.
///
/// Each variant is a reason a person can act on; the web layer pairs it with the name of the field
/// or parameter and turns it into a translated message (the Fluent id is [`ParseError::message_id`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseError {
    #[error("must not be empty")]
    Empty,
    #[error("is too long (at most {max} characters)")]
    TooLong { max: usize },
    #[error("may contain only lower-case letters a-z, digits and single hyphens")]
    SlugSyntax,
    #[error("is not an ISO 3166-1 alpha-2 country code")]
    UnknownCountry,
    #[error("is not a UN M49 region or sub-region code")]
    UnknownRegion,
    #[error("is not a supported language (vi or en)")]
    UnknownLanguage,
    #[error("is not one of the allowed values")]
    NotAllowed,
    #[error("must be true or false")]
    Bool,
    #[error("must be a whole number between {min} and {max}")]
    OutOfRange { min: u32, max: u32 },
    #[error("must be a date written YYYY-MM-DD")]
    Date,
    #[error("must be an RFC 3339 time such as 2024-05-01T09:30:00Z")]
    Timestamp,
    #[error("needs a text in at least one language")]
    NoText,
    #[error("is not a BCP 47 language tag such as fr, pt-BR or zh-Hant")]
    LanguageTag,
    #[error("may be written in English or Vietnamese only")]
    EnglishOrVietnameseOnly,
    #[error("must be a percentage from 0 to 100 with at most two decimals")]
    Percentage,
    #[error("is not an ISO 639-1 language code")]
    UnknownLanguageCode,
    #[error("is not an active ISO 4217 currency code")]
    UnknownCurrency,
    #[error("must be a non-negative decimal amount such as 1500000 or 2500.50")]
    Amount,
    #[error("must be an http or https web address")]
    Url,
    #[error("must not be before the start date")]
    DateOrder,
    #[error("is given more than once")]
    Duplicate,
    #[error("must not contain control characters")]
    ControlCharacter,
    #[error("is not a theme of the taxonomy")]
    UnknownTheme,
    #[error("names no known actor")]
    UnknownActor,
    #[error("is not a valid e-mail address")]
    Email,
    #[error("is too short (at least {min} characters)")]
    PasswordTooShort { min: usize },
    #[error("is too common or too easy to guess")]
    PasswordCommon,
    #[error("contains the name of the e-mail address")]
    PasswordPersonal,
    #[error("must be ticked")]
    Unticked,
    #[error("must be the 6 digits of an authenticator app")]
    OneTimeCode,
    #[error("is not a recovery code (10 letters and digits)")]
    RecoveryCode,
    #[error("must be the 6 digits of an authenticator app or a recovery code")]
    SecondFactorCode,
}

impl ParseError {
    /// The Fluent message id that explains this error to a person.
    pub fn message_id(&self) -> &'static str {
        match self {
            ParseError::Empty => "error-empty",
            ParseError::TooLong { .. } => "error-too-long",
            ParseError::SlugSyntax => "error-slug",
            ParseError::UnknownCountry => "error-country",
            ParseError::UnknownRegion => "error-region",
            ParseError::UnknownLanguage => "error-language",
            ParseError::NotAllowed => "error-not-allowed",
            ParseError::Bool => "error-bool",
            ParseError::OutOfRange { .. } => "error-range",
            ParseError::Date => "error-date",
            ParseError::Timestamp => "error-timestamp",
            ParseError::NoText => "error-no-text",
            ParseError::LanguageTag => "error-language-tag",
            ParseError::EnglishOrVietnameseOnly => "error-english-or-vietnamese-only",
            ParseError::Percentage => "error-percentage",
            ParseError::UnknownLanguageCode => "error-language-code",
            ParseError::UnknownCurrency => "error-currency",
            ParseError::Amount => "error-amount",
            ParseError::Url => "error-url",
            ParseError::DateOrder => "error-date-order",
            ParseError::Duplicate => "error-duplicate",
            ParseError::ControlCharacter => "error-control-character",
            ParseError::UnknownTheme => "error-unknown-theme",
            ParseError::UnknownActor => "error-unknown-actor",
            ParseError::Email => "error-email",
            ParseError::PasswordTooShort { .. } => "error-password-short",
            ParseError::PasswordCommon => "error-password-common",
            ParseError::PasswordPersonal => "error-password-personal",
            ParseError::Unticked => "error-unticked",
            ParseError::OneTimeCode => "error-one-time-code",
            ParseError::RecoveryCode => "error-recovery-code",
            ParseError::SecondFactorCode => "error-second-factor-code",
        }
    }

    /// Numbers the message needs, as (Fluent variable, value).
    pub fn message_args(&self) -> Vec<(&'static str, i64)> {
        match self {
            ParseError::TooLong { max } => vec![("max", *max as i64)],
            ParseError::OutOfRange { min, max } => vec![("min", *min as i64), ("max", *max as i64)],
            ParseError::PasswordTooShort { min } => vec![("min", *min as i64)],
            _ => Vec::new(),
        }
    }
}
