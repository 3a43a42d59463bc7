use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// The kinds of record the platform's search covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContentType {
    /// An actor that is a member or partner.
    Member,
    /// Any other actor.
    Actor,
    Project,
    Tool,
    Publication,
    Event,
}

impl ContentType {
    pub const ALL: [ContentType; 6] = [
        ContentType::Member,
        ContentType::Actor,
        ContentType::Project,
        ContentType::Tool,
        ContentType::Publication,
        ContentType::Event,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContentType::Member => "member",
            ContentType::Actor => "actor",
            ContentType::Project => "project",
            ContentType::Tool => "tool",
            ContentType::Publication => "publication",
            ContentType::Event => "event",
        }
    }

    /// The path segment of its pages: `/en/members/…`, `/en/projects/…`.
    pub fn section(self) -> &'static str {
        match self {
            ContentType::Member => "members",
            ContentType::Actor => "actors",
            ContentType::Project => "projects",
            ContentType::Tool => "tools",
            ContentType::Publication => "publications",
            ContentType::Event => "events",
        }
    }
}

impl From<crate::ResourceType> for ContentType {
    fn from(t: crate::ResourceType) -> Self {
        match t {
            crate::ResourceType::Tool => ContentType::Tool,
            crate::ResourceType::Publication => ContentType::Publication,
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
