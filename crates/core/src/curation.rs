//! The curation workflow: how a project, tool, publication or event goes from a representative's
//! draft to the public record, one revision at a time.
//!
//! A revision holds the whole record as its author wants it. It starts as a **draft**, which its
//! author may change; **submitting** puts it in the curators' queue; a curator **publishes** it
//! (it becomes the public record, and the revision published before it is **replaced**) or
//! **returns** it with a comment, after which it may be changed and submitted again. A draft or
//! returned revision may be **discarded**; a published record may be **withdrawn** by a curator,
//! which removes it from the public tables while its revisions stay for the record. Only published revisions are ever public: the public
//! tables hold nothing else, so pages, API, search, feeds and exports need no filter of their own.
//!
//! Editing a published record starts a new revision from it, while the published one stays
//! visible until the new one is published. A record has at most one revision in progress.

use std::{collections::BTreeMap, str::FromStr};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::{
    exchange::{json, Reason},
    named::named_enum,
    ContentType, Contribution, Event, LocalizedText, ParseError, Principal, Project, Resource, ResourceType, Role,
    Slug, UserRole,
};

named_enum! {
    /// Where a revision is in the workflow.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum RevisionState {
        Draft => "draft",
        Submitted => "submitted",
        Returned => "returned",
        Published => "published",
        /// Published once, then replaced by a later revision.
        Replaced => "replaced",
        /// Given up before it was published.
        Discarded => "discarded",
        /// Published, then taken down with its record.
        Withdrawn => "withdrawn",
    }
    impl Display;
}

impl RevisionState {
    /// Still on its way: neither published nor given up. A record has at most one such revision.
    pub fn in_progress(self) -> bool {
        matches!(self, RevisionState::Draft | RevisionState::Submitted | RevisionState::Returned)
    }

    /// Whether its author may still change it.
    pub fn editable(self) -> bool {
        matches!(self, RevisionState::Draft | RevisionState::Returned)
    }

    /// The state `step` leads to from this one, or `None` when the step is not possible now.
    pub fn after(self, step: Step) -> Option<RevisionState> {
        use RevisionState::*;
        match (step, self) {
            (Step::Edit, Draft | Returned) => Some(Draft),
            (Step::Submit, Draft | Returned) => Some(Submitted),
            (Step::Publish, Submitted) => Some(Published),
            (Step::Return, Submitted) => Some(Returned),
            (Step::Discard, Draft | Returned) => Some(Discarded),
            (Step::Withdraw, Published) => Some(Withdrawn),
            _ => None,
        }
    }

    /// The states a revision may be in for `step` to apply.
    pub fn before(step: Step) -> Vec<RevisionState> {
        RevisionState::ALL.into_iter().filter(|s| s.after(step).is_some()).collect()
    }
}

// Written out rather than by `named_enum!`: a state given in a query string may come with white
// space around it.
impl FromStr for RevisionState {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RevisionState::ALL.into_iter().find(|state| state.as_str() == s.trim()).ok_or(ParseError::NotAllowed)
    }
}

named_enum! {
    /// A step of the workflow.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Step {
        Edit => "edit",
        Submit => "submit",
        Publish => "publish",
        Return => "return",
        Discard => "discard",
        /// Take a published record down.
        Withdraw => "withdraw",
    }
}

/// A curator's comment on a returned revision: what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnComment(String);

impl ReturnComment {
    pub const MAX: usize = 2000;

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        crate::text::bounded(input, Self::MAX).map(ReturnComment)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The record a revision holds: one of the four curated kinds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Boxed, as a project is by far the largest of the kinds.
    Project(Box<Project>),
    Resource(Resource),
    Event(Event),
}

/// Why a record sent by a client could not be read: the field (a path such as `budget.currency`,
/// empty for the whole body) and the reason.
pub type BadField = (String, Reason);

impl Content {
    /// The kinds the workflow curates.
    pub const KINDS: [ContentType; 4] =
        [ContentType::Project, ContentType::Tool, ContentType::Publication, ContentType::Event];

    /// Reads a record of `kind` as the JSON dataset writes it, with `id` as its id whatever the
    /// document says: a new record gets a fresh id, a revision keeps its record's. A tool or
    /// publication takes its type from `kind`.
    pub fn from_json(kind: ContentType, mut value: Value, id: Uuid) -> Result<Content, BadField> {
        let Value::Object(fields) = &mut value else {
            return Err((String::new(), Reason::Syntax("the body is not a JSON object".into())));
        };
        fields.insert("id".into(), Value::String(id.to_string()));
        match kind {
            ContentType::Tool | ContentType::Publication => {
                let resource_type =
                    if kind == ContentType::Tool { ResourceType::Tool } else { ResourceType::Publication };
                fields.insert("type".into(), serde_json::to_value(resource_type).expect("a type serializes"));
            }
            _ => {}
        }
        match kind {
            ContentType::Project => json::record::<Project>(value).map(|p| Content::Project(Box::new(p))),
            ContentType::Tool | ContentType::Publication => json::record::<Resource>(value).map(Content::Resource),
            ContentType::Event => json::record::<Event>(value).map(Content::Event),
            ContentType::Member | ContentType::Actor => Err(("kind".into(), Reason::Invalid(ParseError::NotAllowed))),
        }
    }

    /// The record as the JSON dataset writes it.
    pub fn to_json(&self) -> Value {
        match self {
            Content::Project(p) => serde_json::to_value(p),
            Content::Resource(r) => serde_json::to_value(r),
            Content::Event(e) => serde_json::to_value(e),
        }
        .expect("a record always serializes")
    }

    pub fn kind(&self) -> ContentType {
        match self {
            Content::Project(_) => ContentType::Project,
            Content::Resource(r) => r.resource_type.into(),
            Content::Event(_) => ContentType::Event,
        }
    }

    pub fn id(&self) -> Uuid {
        match self {
            Content::Project(p) => p.id,
            Content::Resource(r) => r.id,
            Content::Event(e) => e.id,
        }
    }

    pub fn slug(&self) -> &Slug {
        match self {
            Content::Project(p) => &p.slug,
            Content::Resource(r) => &r.slug,
            Content::Event(e) => &e.slug,
        }
    }

    pub fn title(&self) -> &LocalizedText {
        match self {
            Content::Project(p) => &p.title,
            Content::Resource(r) => &r.title,
            Content::Event(e) => &e.name,
        }
    }

    /// Every actor the record names, with the field it is named in.
    pub fn actors(&self) -> Vec<(String, &Slug)> {
        match self {
            Content::Project(p) => {
                p.participants.iter().enumerate().map(|(i, c)| (format!("participants[{i}].actor"), &c.actor)).collect()
            }
            Content::Resource(r) => {
                r.contributors.iter().enumerate().map(|(i, c)| (format!("contributors[{i}].actor"), &c.actor)).collect()
            }
            Content::Event(e) => {
                e.organisers.iter().enumerate().map(|(i, a)| (format!("organisers[{i}]"), a)).collect()
            }
        }
    }

    /// Whether `actor` takes part in the record.
    pub fn names(&self, actor: &Slug) -> bool {
        self.actors().iter().any(|(_, a)| *a == actor)
    }

    /// Makes sure the actor a revision is submitted for takes part in the record: as an
    /// implementer of a project, a publisher of a tool or publication, an organiser of an event.
    pub fn include(&mut self, actor: &Slug) {
        if self.names(actor) {
            return;
        }
        match self {
            Content::Project(p) => p.participants.push(Contribution { actor: actor.clone(), role: Role::Implementer }),
            Content::Resource(r) => r.contributors.push(Contribution { actor: actor.clone(), role: Role::Publisher }),
            Content::Event(e) => e.organisers.push(actor.clone()),
        }
    }
}

/// The actor a person acts for on a record: a representative acts for their own actor when it is
/// the owner of the record's revisions or takes part in the record; an administrator acts for the
/// owner (or for no actor). Anyone else acts for nobody, and [`crate::allowed`] then refuses
/// [`crate::Action::SubmitContent`] to all but administrators.
pub fn acting_for(who: &Principal, owner: Option<&Slug>, record: Option<&Content>) -> Option<Slug> {
    match who {
        Principal::User { role: UserRole::Representative, actor: Some(own), .. } => {
            let takes_part = owner == Some(own) || owner.is_none() && record.is_some_and(|r| r.names(own));
            takes_part.then(|| own.clone())
        }
        Principal::User { role: UserRole::Admin, .. } => owner.cloned(),
        _ => None,
    }
}

/// One field that differs between two versions of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    /// The field's path, as in the JSON dataset (`title.vi`, `budget.amount`, `themes`).
    pub field: String,
    /// Its value before, written out; `None` when it was not set.
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The fields that differ from `before` (none: every field of `after` is new) to `after`, in
/// path order. Objects are compared field by field; a list of plain values is one value,
/// written with commas; a list of objects is compared item by item (`participants[1].role`).
pub fn diff(before: Option<&Value>, after: &Value) -> Vec<FieldChange> {
    let mut old = BTreeMap::new();
    if let Some(before) = before {
        flatten(String::new(), before, &mut old);
    }
    let mut new = BTreeMap::new();
    flatten(String::new(), after, &mut new);
    let mut fields: Vec<&String> = old.keys().chain(new.keys()).filter(|f| *f != "id").collect();
    fields.sort();
    fields.dedup();
    fields
        .into_iter()
        .filter_map(|field| {
            let (b, a) = (old.get(field).cloned(), new.get(field).cloned());
            (b != a).then(|| FieldChange { field: field.clone(), before: b, after: a })
        })
        .collect()
}

fn flatten(path: String, value: &Value, out: &mut BTreeMap<String, String>) {
    let join = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    match value {
        Value::Null => {}
        Value::Object(fields) => {
            for (key, v) in fields {
                flatten(join(key), v, out);
            }
        }
        Value::Array(items) if items.iter().any(|i| i.is_object() || i.is_array()) => {
            for (i, item) in items.iter().enumerate() {
                flatten(format!("{path}[{i}]"), item, out);
            }
        }
        Value::Array(items) if items.is_empty() => {}
        Value::Array(items) => {
            out.insert(path, items.iter().map(plain).collect::<Vec<_>>().join(", "));
        }
        other => {
            out.insert(path, plain(other));
        }
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn project(value: Value) -> Result<Content, BadField> {
        Content::from_json(ContentType::Project, value, Uuid::nil())
    }

    #[test]
    fn the_workflow_allows_only_its_steps() {
        use RevisionState::*;
        assert_eq!(Draft.after(Step::Submit), Some(Submitted));
        assert_eq!(Returned.after(Step::Submit), Some(Submitted));
        assert_eq!(Returned.after(Step::Edit), Some(Draft));
        assert_eq!(Submitted.after(Step::Publish), Some(Published));
        assert_eq!(Submitted.after(Step::Return), Some(Returned));
        assert_eq!(Draft.after(Step::Discard), Some(Discarded));
        // Nothing skips the review, nothing changes what is under review or was decided.
        assert_eq!(Draft.after(Step::Publish), None);
        assert_eq!(Submitted.after(Step::Edit), None);
        assert_eq!(Submitted.after(Step::Discard), None);
        assert_eq!(Published.after(Step::Withdraw), Some(Withdrawn));
        for done in [Replaced, Discarded, Withdrawn] {
            for step in Step::ALL {
                assert_eq!(done.after(step), None, "{done} {}", step.as_str());
            }
        }
        assert_eq!(RevisionState::before(Step::Publish), vec![Submitted]);
        assert_eq!(RevisionState::before(Step::Submit), vec![Draft, Returned]);
        assert!(Draft.in_progress() && Returned.in_progress() && Submitted.in_progress());
        assert!([Published, Replaced, Discarded, Withdrawn].iter().all(|s| !s.in_progress()));
        assert_eq!(" returned ".parse::<RevisionState>(), Ok(Returned));
        assert_eq!("live".parse::<RevisionState>(), Err(ParseError::NotAllowed));
    }

    #[test]
    fn return_comments_must_say_something() {
        assert_eq!(ReturnComment::parse("  "), Err(ParseError::Empty));
        assert_eq!(ReturnComment::parse(&"x".repeat(2001)), Err(ParseError::TooLong { max: 2000 }));
        assert_eq!(ReturnComment::parse(" Thêm ngân sách. ").unwrap().as_str(), "Thêm ngân sách.");
    }

    #[test]
    fn records_are_read_with_their_bad_field_named() {
        let good = json!({
            "id": "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "slug": "cert-training", "title": {"en": "CERT training"}, "summary": null, "description": null,
            "status": "planned", "starts_on": null, "ends_on": null, "participants": [], "countries": ["VN"],
            "regions": [], "themes": [], "tags": [], "budget": null, "languages": [], "links": [],
            "iati_identifier": null, "source_url": null
        });
        let content = project(good.clone()).unwrap();
        assert_eq!(content.id(), Uuid::nil(), "the id given wins over the document's");
        assert_eq!(content.kind(), ContentType::Project);
        assert_eq!(content.slug().as_str(), "cert-training");

        let mut bad = good.clone();
        bad["countries"] = json!(["XX"]);
        assert_eq!(project(bad).unwrap_err(), ("countries[0]".to_owned(), Reason::Invalid(ParseError::UnknownCountry)));
        let mut bad = good.clone();
        bad.as_object_mut().unwrap().remove("title");
        assert_eq!(project(bad).unwrap_err().0, "title");
        let mut bad = good;
        bad["starts_on"] = json!("2026-05-01");
        bad["ends_on"] = json!("2026-01-01");
        assert_eq!(project(bad).unwrap_err(), ("ends_on".to_owned(), Reason::Invalid(ParseError::DateOrder)));
        assert_eq!(project(json!([1])).unwrap_err().0, "");
        assert!(Content::from_json(ContentType::Member, json!({}), Uuid::nil()).is_err());
    }

    #[test]
    fn a_tool_takes_its_type_from_its_kind() {
        let value = json!({
            "slug": "csirt-guide", "kind": "guide", "title": {"vi": "Hướng dẫn CSIRT"}, "summary": null,
            "published_on": null, "url": null, "contributors": [], "themes": [], "regions": [], "languages": [],
            "source_url": null, "type": "publication"
        });
        let tool = Content::from_json(ContentType::Tool, value.clone(), Uuid::nil()).unwrap();
        assert_eq!(tool.kind(), ContentType::Tool);
        let publication = Content::from_json(ContentType::Publication, value, Uuid::nil()).unwrap();
        assert_eq!(publication.kind(), ContentType::Publication);
    }

    #[test]
    fn the_owner_takes_part_in_what_it_submits() {
        let mut content = project(json!({
            "slug": "p", "title": {"en": "P"}, "summary": null, "description": null, "status": "planned",
            "starts_on": null, "ends_on": null,
            "participants": [{"actor": "jica", "role": "funder"}], "countries": [], "regions": [], "themes": [],
            "tags": [], "budget": null, "languages": [], "links": [], "iati_identifier": null, "source_url": null
        }))
        .unwrap();
        let vncert = Slug::parse("vncert").unwrap();
        content.include(&vncert);
        content.include(&vncert);
        let Content::Project(p) = &content else { unreachable!() };
        assert_eq!(p.participants.len(), 2);
        assert_eq!(p.participants[1], Contribution { actor: vncert.clone(), role: Role::Implementer });
        assert_eq!(content.actors()[1].0, "participants[1].actor");

        let rep = |actor: &str| Principal::User {
            id: Uuid::nil(),
            role: UserRole::Representative,
            actor: Some(Slug::parse(actor).unwrap()),
        };
        let jica = Slug::parse("jica").unwrap();
        assert_eq!(acting_for(&rep("vncert"), None, Some(&content)), Some(vncert.clone()));
        assert_eq!(acting_for(&rep("vncert"), Some(&jica), Some(&content)), None, "another actor owns it");
        assert_eq!(acting_for(&rep("vncert"), Some(&vncert), None), Some(vncert.clone()));
        assert_eq!(acting_for(&rep("itu"), None, Some(&content)), None);
        let admin = Principal::User { id: Uuid::nil(), role: UserRole::Admin, actor: None };
        assert_eq!(acting_for(&admin, Some(&jica), None), Some(jica));
        assert_eq!(acting_for(&admin, None, Some(&content)), None);
        let curator = Principal::User { id: Uuid::nil(), role: UserRole::Curator, actor: None };
        assert_eq!(acting_for(&curator, Some(&vncert), None), None);
        assert_eq!(acting_for(&Principal::Anonymous, Some(&vncert), None), None);
    }

    #[test]
    fn diffs_name_each_changed_field() {
        let before = json!({"id": "1", "title": {"en": "CERT training", "vi": null}, "themes": ["cybercrime"],
            "participants": [{"actor": "jica", "role": "funder"}], "budget": null});
        let after = json!({"id": "2", "title": {"en": "CERT training", "vi": "Đào tạo CERT"},
            "themes": ["cybercrime", "cert"], "participants": [{"actor": "jica", "role": "implementer"}],
            "budget": {"amount": "1000", "currency": "EUR"}});
        let changes = diff(Some(&before), &after);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["budget.amount", "budget.currency", "participants[0].role", "themes", "title.vi"]);
        assert_eq!(changes[2].before.as_deref(), Some("funder"));
        assert_eq!(changes[3].after.as_deref(), Some("cybercrime, cert"));
        assert_eq!(
            changes[4],
            FieldChange { field: "title.vi".into(), before: None, after: Some("Đào tạo CERT".into()) }
        );
        assert!(diff(Some(&after), &after).is_empty());
        assert_eq!(diff(None, &after).len(), 7, "every field set is new");
    }
}
