### GFCE Hub, English — The secretariat's pages: membership applications, the audit log, the mail outbox.

outbox-title = Mail outbox
outbox-empty = No message has been written yet.
outbox-to = To
outbox-created = Written
outbox-status = Status
outbox-sent = Sent
outbox-pending = { $attempts ->
    [0] Waiting, not tried yet
    [one] Waiting, tried once
   *[other] Waiting, tried { $attempts } times
}
outbox-last-error = Last error

audit-title = Audit log
audit-lead = Every sign-in, account change, decision and reading of the outbox, newest first. Entries are only ever added, never changed.
audit-action = Action
audit-user = User
audit-from = From
audit-until = Until
audit-date-hint = A day written YYYY-MM-DD (UTC).
audit-at = Time (UTC)
audit-subject = Subject
audit-detail = Detail
audit-anonymous = (not signed in)

applications-title = Membership applications
applications-empty = No application in this state.

application-state = State
application-state-submitted = Submitted
application-state-approved = Approved
application-state-rejected = Rejected
application-actor = Member or partner
application-endorsement = Founding documents
application-endorsed-by = All three endorsed by { $name }, { $title }
application-submitted-at = Submitted
application-history = History
application-by-applicant = the applicant
application-decide = Decision
application-approve-lead = Approving adds the organisation to the members directory, joined today, and makes the contact its representative.
application-approve = Approve
application-reason-hint = The applicant is sent this reason.
application-reject = Reject

audit-changes = { $count ->
    [one] One field changed
   *[other] { $count } fields changed
}
audit-before = Before
audit-after = After
