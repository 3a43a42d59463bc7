use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// The kinds of record the platform's search covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContentType {
    Member,
    Event,
}

impl ContentType {
    pub const ALL: [ContentType; 2] = [ContentType::Member, ContentType::Event];

    pub fn as_str(self) -> &'static str {
        match self {
            ContentType::Member => "member",
            ContentType::Event => "event",
        }
    }

    /// The path segment of its pages: `/en/members/…`, `/en/events/…`.
    pub fn section(self) -> &'static str {
        match self {
            ContentType::Member => "members",
            ContentType::Event => "events",
        }
    }
}

impl FromStr for ContentType {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ContentType::ALL.into_iter().find(|t| t.as_str() == s).ok_or(ParseError::NotAllowed)
    }
}

/// Where a project stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Planned,
    Ongoing,
    Completed,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 3] = [ProjectStatus::Planned, ProjectStatus::Ongoing, ProjectStatus::Completed];

    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::Ongoing => "ongoing",
            ProjectStatus::Completed => "completed",
        }
    }
}

impl FromStr for ProjectStatus {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProjectStatus::ALL.into_iter().find(|t| t.as_str() == s).ok_or(ParseError::NotAllowed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for t in ContentType::ALL {
            assert_eq!(t.as_str().parse::<ContentType>(), Ok(t));
        }
        for s in ProjectStatus::ALL {
            assert_eq!(s.as_str().parse::<ProjectStatus>(), Ok(s));
        }
        assert!("Member".parse::<ContentType>().is_err());
        assert!("done".parse::<ProjectStatus>().is_err());
    }
}
