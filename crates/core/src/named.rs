//! Enums whose variants go by fixed names: in addresses, forms, the database and the exchange
//! formats. One macro writes the list of variants and the names, so that a variant cannot be left
//! out of either.

/// Declares an enum whose every variant has a name, written `Variant => "name"`, with
///
/// - `ALL`: every variant, in the order declared;
/// - `as_str`: the variant's name;
///
/// and, for each trait listed after the enum as `impl FromStr, Display;`:
///
/// - `FromStr`: the variant of that name exactly, or [`ParseError::NotAllowed`](crate::ParseError);
/// - `Display`: writes the name.
///
/// The enum keeps its attributes and doc comments, and its variants theirs. An enum that parses
/// otherwise leaves `FromStr` out of the list and writes its own.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident => $text:literal,)+
        }
        $(impl $($imp:ident),+;)?
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $name {
            /// Every variant, in the order declared.
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            /// The name of the variant.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        $($($crate::named::named_enum!(@impl $imp $name);)+)?
    };
    (@impl FromStr $name:ident) => {
        impl ::std::str::FromStr for $name {
            type Err = $crate::ParseError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL.into_iter().find(|v| v.as_str() == s).ok_or($crate::ParseError::NotAllowed)
            }
        }
    };
    (@impl Display $name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use named_enum;

#[cfg(test)]
mod tests {
    use std::{collections::HashSet, fmt::Debug, str::FromStr};

    use serde::{de::DeserializeOwned, Serialize};

    use crate::{
        curation::{RevisionState, Step},
        ActorKind, ApplicationState, ContentType, FactKind, Membership, ParseError, ProjectStatus, RegionLevel,
        ResourceKind, ResourceType, Role, ThemeFamily, TokenScope, UserRole,
    };

    /// Every variant has a name of its own.
    fn distinct<T: Copy + Debug>(all: &[T], name: fn(T) -> &'static str) {
        let names: HashSet<&str> = all.iter().map(|v| name(*v)).collect();
        assert_eq!(names.len(), all.len(), "{all:?}");
    }

    /// Every variant's name parses back to it.
    fn parses_back<T: Copy + Debug + PartialEq + FromStr<Err = ParseError>>(all: &[T], name: fn(T) -> &'static str) {
        distinct(all, name);
        for v in all {
            assert_eq!(name(*v).parse::<T>(), Ok(*v));
        }
    }

    /// Every variant's name is also its name in JSON, both ways.
    fn serde_agrees<T: Copy + Debug + PartialEq + FromStr<Err = ParseError> + Serialize + DeserializeOwned>(
        all: &[T],
        name: fn(T) -> &'static str,
    ) {
        parses_back(all, name);
        for v in all {
            let json = serde_json::to_string(v).unwrap();
            assert_eq!(json, format!("\"{}\"", name(*v)));
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *v);
        }
    }

    #[test]
    fn names_parse_back_and_match_serde() {
        serde_agrees(&ActorKind::ALL, ActorKind::as_str);
        serde_agrees(&Membership::ALL, Membership::as_str);
        serde_agrees(&ContentType::ALL, ContentType::as_str);
        serde_agrees(&ProjectStatus::ALL, ProjectStatus::as_str);
        serde_agrees(&Role::ALL, Role::as_str);
        serde_agrees(&ResourceType::ALL, ResourceType::as_str);
        serde_agrees(&ResourceKind::ALL, ResourceKind::as_str);
        serde_agrees(&FactKind::ALL, FactKind::as_str);
        serde_agrees(&UserRole::ALL, UserRole::as_str);
        serde_agrees(&ApplicationState::ALL, ApplicationState::as_str);
        serde_agrees(&RevisionState::ALL, RevisionState::as_str);
        serde_agrees(&RegionLevel::ALL, RegionLevel::as_str);
        serde_agrees(&ThemeFamily::ALL, ThemeFamily::as_str);
        parses_back(&TokenScope::ALL, TokenScope::as_str);
        distinct(&Step::ALL, Step::as_str);
    }
}
