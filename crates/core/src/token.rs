//! Personal API tokens: what a token may do ([`TokenScopes`]), the name its holder gives it
//! ([`TokenName`]) and how long it works ([`TokenLifetime`]). The secret itself and its digest
//! are the web layer's business; these are the parts a person chooses.

use std::{fmt, str::FromStr};

use crate::{named::named_enum, ParseError};

named_enum! {
    /// One thing a token may be used for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum TokenScope {
        /// Read through the API what the token's account may read.
        Read => "read",
        /// Change through the API what the token's account may change.
        Write => "write",
    }
    impl Display;
}

// Written out rather than by `named_enum!`: a scope is typed by people and written by clients,
// so white space around it is ignored and a missing one is told apart from a wrong one.
impl FromStr for TokenScope {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() {
            return Err(ParseError::Empty);
        }
        TokenScope::ALL.into_iter().find(|scope| scope.as_str() == s).ok_or(ParseError::NotAllowed)
    }
}

/// The scopes a token holds: read alone, or read and write. Writing implies reading (a client
/// that changes a record must be able to see it), so these two are the only sets there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenScopes {
    write: bool,
}

impl TokenScopes {
    pub const READ: TokenScopes = TokenScopes { write: false };
    pub const READ_WRITE: TokenScopes = TokenScopes { write: true };

    /// The scopes a token gets when its holder asks for `scope`: `write` brings `read` along.
    pub fn granting(scope: TokenScope) -> Self {
        TokenScopes { write: scope == TokenScope::Write }
    }

    /// Parses scope names separated by spaces, as they are stored (`read`, `read write`) and as
    /// OAuth writes them; `write` alone means `read write`. A name given twice is refused, since
    /// it is more likely a mistake than a wish.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let mut seen: Vec<TokenScope> = Vec::new();
        for name in input.split_whitespace() {
            let scope: TokenScope = name.parse()?;
            if seen.contains(&scope) {
                return Err(ParseError::Duplicate);
            }
            seen.push(scope);
        }
        if seen.is_empty() {
            return Err(ParseError::Empty);
        }
        Ok(TokenScopes { write: seen.contains(&TokenScope::Write) })
    }

    pub fn allows(self, scope: TokenScope) -> bool {
        match scope {
            TokenScope::Read => true,
            TokenScope::Write => self.write,
        }
    }

    /// The scopes held, `read` first.
    pub fn scopes(self) -> Vec<TokenScope> {
        TokenScope::ALL.into_iter().filter(|s| self.allows(*s)).collect()
    }

    /// The stored form: `read` or `read write`.
    pub fn as_str(self) -> &'static str {
        if self.write {
            "read write"
        } else {
            "read"
        }
    }
}

impl FromStr for TokenScopes {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TokenScopes::parse(s)
    }
}

impl fmt::Display for TokenScopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name a person gives a token to recognise it later ("Data pipeline", "Báo cáo hằng tuần"):
/// trimmed, not empty, at most [`TokenName::MAX`] characters, without control characters (it is
/// shown in pages and written to the audit log on one line).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TokenName(String);

impl TokenName {
    pub const MAX: usize = 100;

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(ParseError::Empty);
        }
        if name.chars().count() > Self::MAX {
            return Err(ParseError::TooLong { max: Self::MAX });
        }
        if name.chars().any(char::is_control) {
            return Err(ParseError::NotAllowed);
        }
        Ok(TokenName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TokenName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How long a new token works: a number of days, or until it is revoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenLifetime {
    Days(u32),
    UntilRevoked,
}

impl TokenLifetime {
    /// What the token page offers, the default first.
    pub const CHOICES: [TokenLifetime; 4] =
        [TokenLifetime::Days(90), TokenLifetime::Days(30), TokenLifetime::Days(365), TokenLifetime::UntilRevoked];
    /// The longest a token with an end may be given (the command line takes any number of days
    /// up to this): ten years.
    pub const MAX_DAYS: u32 = 3650;

    /// One of the page's choices, as its form sends it: `30`, `90`, `365` or `never`.
    pub fn parse_choice(input: &str) -> Result<Self, ParseError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ParseError::Empty);
        }
        TokenLifetime::CHOICES.into_iter().find(|c| c.as_str() == input).ok_or(ParseError::NotAllowed)
    }

    /// Any number of days from 1 to [`TokenLifetime::MAX_DAYS`].
    pub fn of_days(days: u32) -> Result<Self, ParseError> {
        if (1..=Self::MAX_DAYS).contains(&days) {
            Ok(TokenLifetime::Days(days))
        } else {
            Err(ParseError::OutOfRange { min: 1, max: Self::MAX_DAYS })
        }
    }

    /// The days the token works, or `None` when it works until revoked.
    pub fn days(self) -> Option<u32> {
        match self {
            TokenLifetime::Days(days) => Some(days),
            TokenLifetime::UntilRevoked => None,
        }
    }

    /// The form's value for this choice.
    pub fn as_str(self) -> String {
        match self {
            TokenLifetime::Days(days) => days.to_string(),
            TokenLifetime::UntilRevoked => "never".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn scopes_parse_and_write_implies_read() {
        assert_eq!(TokenScopes::parse("read"), Ok(TokenScopes::READ));
        assert_eq!(TokenScopes::parse("write"), Ok(TokenScopes::READ_WRITE));
        assert_eq!(TokenScopes::parse("read write"), Ok(TokenScopes::READ_WRITE));
        assert_eq!(TokenScopes::parse("  write   read "), Ok(TokenScopes::READ_WRITE));
        assert_eq!(TokenScopes::parse(""), Err(ParseError::Empty));
        assert_eq!(TokenScopes::parse("   "), Err(ParseError::Empty));
        assert_eq!(TokenScopes::parse("admin"), Err(ParseError::NotAllowed));
        assert_eq!(TokenScopes::parse("read admin"), Err(ParseError::NotAllowed));
        assert_eq!(TokenScopes::parse("Read"), Err(ParseError::NotAllowed), "names are lower-case");
        assert_eq!(TokenScopes::parse("read,write"), Err(ParseError::NotAllowed));
        assert_eq!(TokenScopes::parse("read read"), Err(ParseError::Duplicate));
        assert_eq!(" write ".parse::<TokenScope>(), Ok(TokenScope::Write));
        assert_eq!("".parse::<TokenScope>(), Err(ParseError::Empty));
    }

    #[test]
    fn scopes_allow_what_they_hold() {
        assert!(TokenScopes::READ.allows(TokenScope::Read));
        assert!(!TokenScopes::READ.allows(TokenScope::Write));
        assert!(TokenScopes::READ_WRITE.allows(TokenScope::Read));
        assert!(TokenScopes::READ_WRITE.allows(TokenScope::Write));
        assert_eq!(TokenScopes::READ.scopes(), [TokenScope::Read]);
        assert_eq!(TokenScopes::READ_WRITE.scopes(), [TokenScope::Read, TokenScope::Write]);
        assert_eq!(TokenScopes::granting(TokenScope::Read), TokenScopes::READ);
        assert_eq!(TokenScopes::granting(TokenScope::Write), TokenScopes::READ_WRITE);
    }

    #[test]
    fn scopes_round_trip_through_their_stored_form() {
        for scopes in [TokenScopes::READ, TokenScopes::READ_WRITE] {
            assert_eq!(scopes.as_str().parse::<TokenScopes>(), Ok(scopes));
            assert_eq!(scopes.to_string(), scopes.as_str());
        }
        assert_eq!(TokenScopes::READ_WRITE.as_str(), "read write");
    }

    #[test]
    fn token_names_are_tidied_and_bounded() {
        assert_eq!(TokenName::parse("  Data pipeline ").unwrap().as_str(), "Data pipeline");
        assert_eq!(TokenName::parse("Báo cáo hằng tuần").unwrap().to_string(), "Báo cáo hằng tuần");
        assert_eq!(TokenName::parse(""), Err(ParseError::Empty));
        assert_eq!(TokenName::parse(" \t "), Err(ParseError::Empty));
        // Counted in characters, not bytes.
        assert!(TokenName::parse(&"đ".repeat(100)).is_ok());
        assert_eq!(TokenName::parse(&"đ".repeat(101)), Err(ParseError::TooLong { max: 100 }));
        assert_eq!(TokenName::parse("line one\nline two"), Err(ParseError::NotAllowed));
        assert_eq!(TokenName::parse("bell\u{7}"), Err(ParseError::NotAllowed));
    }

    #[test]
    fn lifetimes_are_the_pages_choices_or_bounded_days() {
        assert_eq!(TokenLifetime::parse_choice("30"), Ok(TokenLifetime::Days(30)));
        assert_eq!(TokenLifetime::parse_choice(" 90 "), Ok(TokenLifetime::Days(90)));
        assert_eq!(TokenLifetime::parse_choice("365"), Ok(TokenLifetime::Days(365)));
        assert_eq!(TokenLifetime::parse_choice("never"), Ok(TokenLifetime::UntilRevoked));
        assert_eq!(TokenLifetime::parse_choice("7"), Err(ParseError::NotAllowed));
        assert_eq!(TokenLifetime::parse_choice("forever"), Err(ParseError::NotAllowed));
        assert_eq!(TokenLifetime::parse_choice(""), Err(ParseError::Empty));
        for choice in TokenLifetime::CHOICES {
            assert_eq!(TokenLifetime::parse_choice(&choice.as_str()), Ok(choice));
        }
        assert_eq!(TokenLifetime::of_days(1), Ok(TokenLifetime::Days(1)));
        assert_eq!(TokenLifetime::of_days(3650).unwrap().days(), Some(3650));
        assert_eq!(TokenLifetime::of_days(0), Err(ParseError::OutOfRange { min: 1, max: 3650 }));
        assert_eq!(TokenLifetime::of_days(3651), Err(ParseError::OutOfRange { min: 1, max: 3650 }));
        assert_eq!(TokenLifetime::UntilRevoked.days(), None);
    }

    proptest! {
        #[test]
        fn parsed_scopes_always_include_read(text in "(read|write|admin| ){0,6}") {
            if let Ok(scopes) = TokenScopes::parse(&text) {
                prop_assert!(scopes.allows(TokenScope::Read));
                prop_assert_eq!(scopes.allows(TokenScope::Write), text.contains("write"));
                prop_assert!(!text.contains("admin"));
            }
        }

        #[test]
        fn accepted_token_names_keep_their_invariants(text in "\\PC{0,120}") {
            if let Ok(name) = TokenName::parse(&text) {
                prop_assert_eq!(name.as_str(), name.as_str().trim());
                prop_assert!(!name.as_str().is_empty());
                prop_assert!(name.as_str().chars().count() <= TokenName::MAX);
            }
        }
    }
}
