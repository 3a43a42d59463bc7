### GFCE Hub, English — Curation: contributions, revisions, the review queue and the record forms.

revision-state-draft = Draft
revision-state-submitted = Waiting for review
revision-state-returned = Returned for changes
revision-state-published = Published
revision-state-replaced = Replaced by a later revision
revision-state-discarded = Discarded
revision-state-withdrawn = Withdrawn

contributions-title = Your contributions
contributions-lead = Projects you or your colleagues are preparing, waiting for review, or have published. Nothing here is public until a curator publishes it.

curation-title = Review queue
curation-lead = Revisions submitted for review, the longest waiting first. Publish what is ready, or return it with a comment saying what to change.

revisions-empty = There is nothing here yet.
revisions-count = { $count ->
    [one] One revision
   *[other] { $count } revisions
}

record-edit-title = Edit “{ $title }”
record-history-title = Revisions of “{ $title }”
record-history-lead = Every revision of this record, the newest first. Only the published one is public.

revision-kind = Kind
revision-number = Revision
revision-owner = Submitted for
revision-author = Written by
revision-public-link = See the published version
revision-record-history = All revisions
revision-returned-heading = Returned by a curator
revision-changes = What this revision changes
revision-no-changes = This revision changes nothing in the published version.
revision-field = Field
revision-before = Published
revision-after = This revision
revision-your-steps = What you can do
revision-edit = Edit
revision-submit = Submit for review
revision-discard = Discard
revision-review = Review
revision-publish-lead = Publishing makes this revision the public record: in the pages, the API, search, feeds and exports.
revision-publish = Publish
revision-comment-hint = Say what the author should change before it can be published.
revision-return = Return for changes
revision-history = History
revision-history-started = Started as { $to }
revision-history-change = { $from } → { $to }

record-edit-link = Edit
record-history-link = Revisions
record-withdraw = Withdraw from publication
