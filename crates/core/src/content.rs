use serde::{Deserialize, Serialize};

use crate::named::named_enum;

named_enum! {
    /// The kinds of record the platform's search covers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum ContentType {
        /// An actor that is a member or partner.
        Member => "member",
        /// Any other actor.
        Actor => "actor",
        Project => "project",
        Tool => "tool",
        Publication => "publication",
        Event => "event",
    }
    impl FromStr;
}

impl ContentType {
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

named_enum! {
    /// Where a project stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum ProjectStatus {
        Planned => "planned",
        Ongoing => "ongoing",
        /// Stopped for a time, to resume later.
        Suspended => "suspended",
        Completed => "completed",
        /// Stopped before it was completed, for good.
        Cancelled => "cancelled",
    }
    impl FromStr;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_exactly() {
        assert!("Member".parse::<ContentType>().is_err());
        assert!("done".parse::<ProjectStatus>().is_err());
    }
}
