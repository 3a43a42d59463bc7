# GFCE Hub — English

site-name = GFCE Hub
site-tagline = The global platform of the Global Forum on Cyber Expertise
skip-to-content = Skip to main content
nav-label = Main
nav-home = Home
nav-members = Members and partners
nav-events = Events
nav-api = Open data API
language-switch-label = Language
language-switch-to = Đọc bằng tiếng Việt
footer-about = GFCE Hub helps countries, organisations and companies share cyber-capacity-building knowledge for an open, free and secure cyberspace.
footer-openapi = API description (OpenAPI)
breadcrumbs-label = Breadcrumbs
fallback-notice = Not available in English; shown in Vietnamese.

home-title = Building cyber capacity together
home-lead = GFCE Hub is where countries, international organisations and companies share what they know about building cyber-security capacity: information security, preventing cybercrime, data protection and e-government. See who is doing what, where, and connect a country that needs help with those who can give it.
home-counts-heading = The community in figures
count-members = { $count ->
    [one] member
   *[other] members
}
count-partners = { $count ->
    [one] partner
   *[other] partners
}
count-founding = founding members
count-countries = { $count ->
    [one] member country
   *[other] member countries
}
count-events = { $count ->
    [one] event
   *[other] events
}
home-story-heading = How it began
home-story-p1 = The Global Forum on Cyber Expertise (GFCE) was launched at the Global Conference on CyberSpace 2015 in The Hague. Through the Hague Declaration of 16 April 2015, 42 countries, territories and international organisations became its founding members.
home-story-p2 = Viet Nam is one of them, and the only founding member from South-East Asia; the Ministry of Information and Communications represented the Government of Viet Nam at the conference.
home-story-p3 = Members share knowledge and experience so that those with less experience benefit from those with more — countries and companies alike — for an open, free and secure cyberspace.
home-story-quote = “In cyberspace, countries cannot act alone; they need to rely on other countries and stakeholders.”
home-story-quote-by = Bert Koenders, Minister of Foreign Affairs of the Netherlands, at the launch of the GFCE
home-founding-link = See the 42 founding members
home-areas-heading = Four areas of shared knowledge
home-events-heading = Latest events
home-events-all = All events

members-title = Members and partners
members-lead = GFCE members are countries, intergovernmental and international organisations and companies; its partners are NGOs, academia, civil society and the technical community.
filters-heading = Filter
filter-q = Name contains
filter-q-hint = Accents are optional: “viet nam” finds “Việt Nam”.
filter-kind = Kind
filter-membership = Membership
filter-founding = Founding member
filter-region = Region
filter-country = Country or seat
filter-theme = Theme
theme-family-hague-2015 = Areas of the founding documents (2015)
theme-family-delhi-2017 = GFCE working-group themes (2017)
filter-series = Series
filter-any = Any
filter-yes = Yes
filter-no = No
filter-apply = Apply filters
filter-clear = Clear filters
results-count = { $count ->
    [0] Nothing matches these filters.
    [one] 1 result
   *[other] { $count } results
}
results-label = Results
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-status = Page { $page } of { $pages }
error-summary-title = There is a problem

member-kind = Kind
member-membership = Membership
member-country = Country
member-seat = Seat
member-founding = Founding member
member-founding-yes = Yes — signatory of the Hague Declaration, 16 April 2015
member-joined = Joined
member-website = Website
member-listed-as = Listed in the source as
member-themes = Themes
member-short-name = Abbreviation
member-other-in-country = See all members and partners based in { $country }

kind-country = Country
kind-intergovernmental = Intergovernmental organisation
kind-international = International organisation
kind-company = Company
kind-ngo = Non-governmental organisation
kind-academia = Academia
kind-civil_society = Civil society
kind-technical = Technical community
membership-member = Member
membership-partner = Partner
kind-government = Government body
kind-other = Other organisation
membership-none = Not a member
founding-badge = Founding member

events-title = Events
events-lead = Conferences and meetings of the GFCE community, starting with the Global Conference on CyberSpace series in which the GFCE was founded.
event-series = Series
event-dates = Dates
event-place = Place
event-website = Website
event-organiser = Organised by
event-themes = Themes
event-founding-link = See the 42 founding members launched at this conference

date = { $day } { $month } { $year }
date-range = { $start } – { $end }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

page-not-found-title = Page not found
page-not-found-body = There is no page at this address. If you typed it, check it; if you followed a link, it may be out of date.
page-error-title = Sorry, something went wrong
page-error-body = The service could not answer this request. Try again later.
page-unavailable-title = Service unavailable
page-unavailable-body = The service cannot reach its database right now. Try again in a few minutes.
page-bad-request-title = Check what you entered
back-home = Go to the home page

problem-not-found = Not found
problem-not-found-detail = Nothing exists at { $path }.
problem-invalid-parameter = Invalid parameter
problem-invalid-parameter-detail = The parameter “{ $param }” { $reason }
problem-internal = Internal error
problem-internal-detail = The service could not answer this request; the fault has been logged.
problem-unavailable = Service unavailable
problem-unavailable-detail = The database cannot be reached right now.
problem-bad-query = The query string could not be read.

error-empty = must not be empty.
error-too-long = is too long (at most { $max } characters).
error-slug = may contain only lower-case letters a–z, digits and single hyphens.
error-country = is not an ISO 3166-1 alpha-2 country code (for example VN or NL).
error-region = is not a UN M49 region or sub-region code (for example 142 or 035).
error-language = is not a supported language (vi or en).
error-not-allowed = is not one of the allowed values.
error-bool = must be true or false.
error-range = must be a whole number from { $min } to { $max }.
error-date = must be a date written YYYY-MM-DD.
error-no-text = needs a text in English or Vietnamese.
error-unknown-theme = is not a theme of the taxonomy.
error-unknown-series = is not an event series.
error-language-code = is not an ISO 639-1 language code (for example vi, en or fr).
error-currency = is not an active ISO 4217 currency code (for example EUR, USD or VND).
error-amount = must be a non-negative amount such as 1500000 or 2500.50, without thousands separators.
error-url = must be a web address starting with http:// or https://.
error-date-order = must not be before the start date.
error-duplicate = is given more than once.
error-unknown-actor = names no known organisation.
error-email = must be an e-mail address such as name@example.org.
error-password-short = is too short (at least { $min } characters).
error-password-common = is too common or too easy to guess. Choose a longer phrase that others would not think of.
error-password-personal = must not contain the part of your e-mail address before the @.
error-query = could not be read.

param-q = Name contains
param-kind = Kind
param-membership = Membership
param-founding = Founding member
param-region = Region
param-country = Country or seat
param-theme = Theme
param-series = Series
param-page = Page
param-per_page = Items per page
param-query = Query string

search-title = Search
search-label = Search GFCE Hub
search-button = Search
search-hint = Members, organisations, projects, tools, publications and events, in English or Vietnamese; accents are optional.
search-facets-heading = Narrow the results
search-chosen = chosen — select to remove
type-member = Member or partner
type-event = Event
type-actor = Other organisation
type-project = Project
type-tool = Tool
type-publication = Publication
filter-type = Type
filter-status = Status
filter-year = Year
status-planned = Planned
status-ongoing = Ongoing
status-completed = Completed
param-type = Type
param-status = Status
param-year = Year
feed-latest = latest additions and changes

# Knowledge hub: projects, tools, publications, actors, countries
nav-projects = Projects
nav-tools = Tools
nav-publications = Publications
nav-countries = Countries
count-projects = { $count ->
    [one] project
   *[other] projects
}
home-explore-heading = Explore the knowledge hub
home-explore-projects = Capacity-building projects: who funds and carries them out, where, on which themes, and which may overlap.
home-explore-tools = Guides, frameworks, toolkits, training courses and standards for building cyber capacity.
home-explore-publications = Reports, studies and policy papers on cyber capacity building.
home-explore-countries = A profile of every country: its strategy, CERT and laws, the organisations based there and the projects that benefit it.

projects-title = Projects
projects-lead = Cyber-capacity-building projects and initiatives: who funds and carries them out, where, on which themes and when.
tools-title = Tools
tools-lead = Guides, frameworks, toolkits, training courses, standards, software and data sets for building cyber capacity.
publications-title = Publications
publications-lead = Reports, studies and policy papers on cyber capacity building.
filter-text = Title or summary contains
filter-beneficiary = Beneficiary country
filter-language = Working language
filter-resource-language = Language
filter-resource-kind = Kind
filter-year-hint = Projects running at some time in this year, for example 2024.
filter-actor = Organisation
filter-actor-hint = The last part of the address of its page, for example netherlands.
filter-tag = Tag
filter-order = Order
order-newest = Latest start first
order-title = By title
list-of-actor = Showing only the work of
param-actor = Organisation
param-language = Language
param-tag = Tag
param-order = Order
card-places = Beneficiaries:
card-themes = Themes:
places-more = and { $count } more
period-from = From { $date }
period-until = Until { $date }

caption-project = Project
caption-tool = Tool
caption-publication = Publication
caption-country = Country profile
project-status = Status
project-start = Start
project-end = End
project-budget = Budget
project-funders = Funders
project-implementers = Implementers
project-partners = Partners
project-countries = Beneficiary countries
project-regions = Beneficiary regions
project-themes = Themes
project-tags = Tags
project-languages = Working languages
project-links = Links
project-source = Source
project-iati = IATI identifier
project-description = Description
last-updated = Last updated
role-funder = Funder
role-implementer = Implementer
role-partner = Partner
role-author = Author
role-publisher = Publisher
role-organiser = Organiser

overlap-heading = Possibly overlapping projects
overlap-lead = Projects that benefit the same places, share a theme and run at the same time as this one. Comparing them helps avoid duplicated effort.
overlap-none = No possibly overlapping project was found.
overlap-score = { $percent }% alike
overlap-countries = Both benefit { $names }
overlap-regions = Both reach { $names }
overlap-themes = Shared themes: { $names }
overlap-period = Both run during { $period }
overlap-period-open = Their periods overlap, with no common end date yet
overlap-text = Titles and summaries { $percent }% alike

resource-kind = Kind
resource-published = Published
resource-url = Web address
resource-authors = Authors
resource-publishers = Publishers
resource-themes = Themes
resource-regions = Regions
resource-languages = Languages
resource-kind-guide = Guide
resource-kind-framework = Framework
resource-kind-toolkit = Toolkit
resource-kind-training_course = Training course
resource-kind-standard = Standard
resource-kind-software = Software
resource-kind-dataset = Data set
resource-kind-report = Report
resource-kind-study = Study
resource-kind-policy_paper = Policy paper

actor-iati = IATI organisation identifier
work-projects-heading = Projects
work-tools-heading = Tools
work-publications-heading = Publications
see-all-projects = See all { $count } projects
see-all-tools = See all { $count } tools
see-all-publications = See all { $count } publications

countries-title = Countries
countries-lead = Every country and territory, grouped by UN M49 region. Each profile gathers its key facts, the organisations based there, the projects that benefit it and the events it has hosted.
countries-regions-heading = Regions
countries-no-region = Other territories
country-projects-count = { $count ->
    [one] 1 project
   *[other] { $count } projects
}
country-member-badge = GFCE member
country-name-other = Name in Vietnamese
country-codes = ISO 3166-1 codes
country-region = Region
country-languages = Languages
country-membership = GFCE membership
country-member-since = Member since { $date }
country-facts-heading = Key facts
country-facts-none = No key facts have been recorded for this country yet.
fact-strategy = National cyber-security strategy
fact-cert = National computer emergency response team (CERT)
fact-data_protection_law = Personal data protection law
fact-cybercrime_law = Cybercrime or cyber-security law
fact-source = Source: { $host }
country-actors-heading = Members and organisations based in { $country }
country-actors-none = No organisation based here has been recorded yet.
country-benefits-heading = Projects benefiting { $country }
country-projects-none = No project benefiting this country has been recorded yet.
country-funds-heading = Projects { $country } funds or carries out
country-tools-heading = Tools in { $languages }
country-tools-none = No tool in these languages has been recorded yet.
country-tools-all = All tools in { $language }
country-events-heading = Events hosted in { $country }

# Accounts
problem-forbidden = Forbidden
problem-forbidden-detail = The form was not sent from this site or has expired; reload the page and try again.
problem-throttled = Too many requests
problem-throttled-detail = Too many requests, failed sign-ins or mail requests came from here in a short time; wait and try again later.
page-forbidden-title = This form has expired
page-forbidden-body = The form was not sent from this site or is too old. Go back, reload the page and try again.
page-throttled-title = Too many requests
page-throttled-body = Too many requests, failed sign-ins or requests to send mail came from your address in a short time. Wait a little before trying again.
login-title = Sign in
login-submit = Sign in
logout-submit = Sign out
account-title = Your account
account-role = Role
account-password-heading = Change your password
account-password-hint = At least 12 characters. Avoid common passwords and your e-mail address; a phrase of several words is easy to remember and hard to guess.
account-password-submit = Change password
account-password-changed = Your password has been changed. Your other sessions have been signed out.
param-email = E-mail address
param-password = Password
param-current = Current password
param-new = New password
error-login-failed = or password is not right.
error-wrong-password = is not right.
role-admin = Administrator (secretariat)
role-curator = Curator
role-representative = Representative of a member or partner
role-registered = Registered user
nav-login = Sign in
login-forgot = Forgot your password?
login-register = Create an account
param-confirmation = Password again
error-passwords-differ = does not match the password.
register-title = Create an account
register-lead = An account lets you follow the work of the GFCE and, once your organisation is a member or partner, speak for it. You will receive a message at the address you give.
register-submit = Create account
register-have-account = Already have an account? Sign in
register-done-title = Check your mailbox
register-done-body = A message is on its way to the address you gave, telling you what to do next. If it does not arrive within a few minutes, look in your spam folder.
reset-title = Reset your password
reset-lead = Give the address of your account. If it has one, a message with a link to choose a new password is on its way; the link works once, for one hour.
reset-submit = Send the link
reset-done-title = Check your mailbox
reset-done-body = If this address has an account, a message with a link to choose a new password is on its way to it. The link works once, for one hour.
reset-new-title = Choose a new password
reset-new-submit = Set the new password
reset-complete-title = Your password has been changed
reset-complete-body = Every session of your account has been signed out. Sign in with your new password.
page-link-gone-title = This link can no longer be used
page-link-gone-body = A password-reset link works once, for one hour. Ask for a new one on the password-reset page.
page-link-unknown-title = This link is not right
page-link-unknown-body = The link is not one we sent, or it was cut short by your mail program. Copy the whole link from the message, or ask for a new one on the password-reset page.
problem-link-gone = Link no longer valid
problem-link-gone-detail = The link has been used already or has expired.
problem-link-unknown = Unknown link
problem-link-unknown-detail = The link is not one this site sent.
page-not-permitted-title = You may not see this page
page-not-permitted-body = Your account's role does not give access to this page. Ask the GFCE secretariat if you think it should.
problem-not-permitted = Not permitted
problem-not-permitted-detail = Your account's role does not allow this.
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
mail-welcome-subject = Your GFCE Hub account
mail-welcome-body =
    Hello,

    An account on GFCE Hub, the platform of the Global Forum on Cyber Expertise, has been created for { $email }. Sign in here:

    { $link }

    If you did not create it, someone else gave your address. Choose a new password with "Forgot your password?" on the sign-in page, and tell the GFCE secretariat.

    GFCE Hub
mail-already-registered-subject = Someone tried to register your address on GFCE Hub
mail-already-registered-body =
    Hello,

    Someone asked to create an account on GFCE Hub for { $email }, but this address has an account already, so nothing was changed.

    If it was you and you have forgotten your password, choose a new one here:

    { $link }

    If it was not you, you need do nothing.

    GFCE Hub
mail-reset-subject = Choose a new GFCE Hub password
mail-reset-body =
    Hello,

    Someone asked to reset the password of the GFCE Hub account { $email }. To choose a new password, open this link within one hour:

    { $link }

    The link works once. Using it signs out every session of your account.

    If you did not ask for this, ignore this message: your password stays as it is.

    GFCE Hub
account-administration-heading = Administration
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
error-unticked = must be ticked: joining the GFCE means endorsing it.
page-already-decided-title = This application was decided already
page-already-decided-body = The application has been approved or rejected, perhaps by someone else a moment ago, so nothing was changed. Open it again to see its decision.
problem-already-decided = Decided already
problem-already-decided-detail = The application is no longer waiting for a decision; nothing was changed.
members-apply-link = Would your organisation like to join? Apply for membership or partnership.
home-apply-link = Apply for your organisation to join the GFCE
apply-title = Apply to join the GFCE
apply-lead = Countries, intergovernmental and international organisations and companies join as members; NGOs, academia, civil society and the technical community as partners. The GFCE secretariat reads every application and answers by e-mail.
apply-organisation-heading = Your organisation
apply-choose = Choose…
apply-name-hint = Give the name in English, in Vietnamese, or in both.
apply-country-hint = A country applying says which country it is; an organisation may name the country of its seat.
apply-motivation-hint = Why would your organisation like to join, and what would it bring? At most 4,000 characters.
apply-contact-heading = Contact
apply-endorsement-heading = Endorsement of the founding documents
apply-endorsement-lead = Members and partners endorse the documents that founded the GFCE and guide its work. A high-level official of your organisation endorses them on its behalf.
apply-submit = Send the application
apply-done-title = Your application was sent
apply-done-body = Thank you. We have sent an acknowledgement to the contact's e-mail address; the GFCE secretariat will answer there once it has decided.
param-name_en = Name in English
param-name_vi = Name in Vietnamese
param-website = Website
param-contact_name = Contact person
param-contact_email = Contact's e-mail address
param-motivation = Motivation
param-themes = Themes of interest
param-endorse_hague = We endorse the Hague Declaration on the GFCE (2015)
param-endorse_framework = We endorse the GFCE Framework
param-endorse_delhi = We endorse the Delhi Communiqué on a GFCE Global Agenda for Cyber Capacity Building (2017)
param-official_name = Name of the endorsing official
param-official_title = Title or position of the endorsing official
param-state = State
param-reason = Reason
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
mail-application-received-subject = Your application to join the GFCE
mail-application-received-body =
    Hello,

    Thank you for your organisation's application to join the Global Forum on Cyber Expertise. The GFCE secretariat will read it and write to you at this address once it has decided.

    If you did not send this application, please tell the GFCE secretariat.

    GFCE Hub
mail-application-approved-subject = Welcome to the GFCE
mail-application-approved-body =
    Hello,

    The GFCE secretariat has approved the application of { $organisation }: it is now listed among the members and partners of the GFCE, and this address is its representative on GFCE Hub.

    You can sign in here:

    { $link }

    GFCE Hub
mail-application-account-subject = Choose the password of your GFCE Hub account
mail-application-account-body =
    Hello,

    The GFCE Hub account { $email } now represents { $organisation }. To choose its password, open this link within seven days:

    { $link }

    Until then the account cannot be signed in to: the link proves that this mailbox is yours. It works once; if it has expired, ask for a new one with "Forgot your password?" on the sign-in page.

    GFCE Hub
mail-application-rejected-subject = Your application to join the GFCE
mail-application-rejected-body =
    Hello,

    The GFCE secretariat has considered the application of { $organisation } and cannot accept it, for this reason:

    { $reason }

    You may write to the secretariat with any question, or apply again later.

    GFCE Hub

## Curation
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
project-new-title = Submit a new project
record-edit-title = Edit “{ $title }”
record-history-title = Revisions of “{ $title }”
record-history-lead = Every revision of this record, the newest first. Only the published one is public.
project-form-lead = Describe the project in English, in Vietnamese, or both. Save it as a draft to finish later, or submit it: a curator reviews it before it is published.
project-form-published-lead = Your changes become a new revision. The published project stays as it is, visible to everyone, until a curator publishes the new revision.
project-form-languages-hint = Give the title in at least one language; the other language falls back to it.
project-form-slug-hint = The project's address, such as cert-training-2027: lower-case letters, digits and hyphens. Leave it empty to make it from the title.
project-form-markdown-hint = Descriptions may use Markdown (headings, lists, links, emphasis). HTML is shown as text, and only web and e-mail links are kept.
project-form-countries-hint = The countries that benefit. Hold Ctrl (or ⌘) to choose several.
project-form-tags-hint = Free keywords, separated by commas.
project-form-budget-hint = Digits with an optional decimal point, without thousands separators: 250000 or 1500.50.
project-form-submit = Save and submit for review
project-form-save = Save as draft
param-slug = Address (slug)
param-title_en = Title in English
param-title_vi = Title in Vietnamese
param-summary_en = Summary in English
param-summary_vi = Summary in Vietnamese
param-description_en = Description in English
param-description_vi = Description in Vietnamese
param-starts_on = Start date
param-ends_on = End date
param-countries = Beneficiary countries
param-tags = Tags
param-budget_amount = Budget
param-budget_currency = Budget currency
param-source_url = Source of the information
param-comment = Comment for the author
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
error-slug-taken = is used by another record already; choose another.
error-syntax = is not what this field takes: { $detail }
problem-body = The request body
problem-invalid-field = Invalid field
problem-invalid-field-detail = { $field } { $reason }
problem-sign-in = Sign-in required
problem-sign-in-detail = This needs a signed-in account.
problem-wrong-state = Not possible now
problem-wrong-state-detail = The revision is { $state }, so this step does not apply to it; nothing was changed.
problem-in-progress = A revision is in progress
problem-in-progress-detail = The record has a revision on its way already ({ $revision }); change that one instead.
page-sign-in-title = Please sign in
page-sign-in-body = This page needs a signed-in account.
page-wrong-state-title = This is not possible now
page-wrong-state-body = The revision is { $state }, perhaps since a moment ago, so nothing was changed. Open it again to see where it stands.
page-in-progress-title = A revision is in progress
page-in-progress-body = This record has a revision on its way already. Open your contributions to continue it.
account-nav-label = Your account
signed-in-as = Signed in as { $email }
audit-changes = { $count ->
    [one] One field changed
   *[other] { $count } fields changed
}
audit-before = Before
audit-after = After
tool-new-title = Submit a new tool
publication-new-title = Submit a new publication
resource-form-lead = Describe it in English, in Vietnamese, or both. Save it as a draft to finish later, or submit it: a curator reviews it before it is published.
resource-form-languages-hint = The languages it is available in, as ISO 639-1 codes separated by commas: en, vi, fr.
param-published_on = Publication date
param-url = Web address
param-languages = Languages
problem-token-required = API token required
problem-token-required-detail = This request needs a personal API token, sent as “Authorization: Bearer gfce_…”.
problem-invalid-token = Invalid API token
problem-invalid-token-detail = The Authorization header is not “Bearer” and a token of this site, or the token is unknown, revoked or expired, or its account is disabled.
problem-insufficient-scope = API token lacks a scope
problem-insufficient-scope-detail = The token does not have the “{ $scope }” scope this request needs; create a token with that scope.
page-token-refused-title = An API token is needed
page-token-refused-body = This address answers requests that carry a valid personal API token with the right scope.
account-tokens-lead = Programs that use the JSON API on your behalf sign in with a personal API token.
account-tokens-link = Manage your API tokens
tokens-title = API tokens
tokens-lead = A personal API token lets a program use the JSON API with your account's rights: send it as “Authorization: Bearer …”. Treat it like a password; revoke a token you no longer use or that may have leaked. Changing your password does not end your tokens.
tokens-list-heading = Your tokens
tokens-empty = You have no API tokens yet.
tokens-name = Token name
tokens-name-hint = What the token is for, so that you can tell it apart later. At most 100 characters.
tokens-scope = Scope
tokens-scope-read = Read
tokens-scope-write = Read and write
tokens-expires = Expires
tokens-expires-days = { $days ->
    [one] After { $days } day
   *[other] After { $days } days
}
tokens-expires-never = Never (until revoked)
tokens-created = Created
tokens-last-used = Last used
tokens-state = State
tokens-actions = Actions
tokens-state-active = Active
tokens-state-expired = Expired
tokens-state-revoked = Revoked
tokens-never-used = Never
tokens-no-expiry = Never
tokens-revoke = Revoke
tokens-create-heading = Create a token
tokens-create-submit = Create token
tokens-created-heading = Your new token “{ $name }”
tokens-created-warning = Copy the token now and keep it somewhere safe: it will not be shown again. Only a hash of it is stored, so nobody, the secretariat included, can show it to you later.
tokens-created-usage = Send it with every API request in this header:
# Second factor (two-step sign-in)
second-factor-title = Two-step sign-in
second-factor-on-since = Two-step sign-in has been on since { $date }: after your password, signing in asks for a code from your authenticator app.
second-factor-codes-left = { $count ->
    [one] You have 1 unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
second-factor-off-lead = With two-step sign-in your password alone does not open your account: you also enter the six-digit code that an authenticator app on your phone shows (FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator, for example). Then a stolen password cannot be used to publish in the GFCE's name.
second-factor-start = Set up two-step sign-in
second-factor-setup-lead = Two-step sign-in is not on yet. Add your account to your authenticator app, then enter the code it shows.
second-factor-scan-heading = 1. Add your account to the app
second-factor-scan-lead = In your authenticator app, choose to add an account and scan this QR code.
second-factor-qr-alt = QR code with your account's key for an authenticator app
second-factor-key-lead = If you cannot scan it, type this key into the app instead:
second-factor-key-hint = If the app asks, choose a time-based code: 6 digits, a new one every 30 seconds (SHA-1).
second-factor-confirm-heading = 2. Enter the code the app shows
second-factor-confirm-hint = Six digits; the app shows a new code every 30 seconds.
second-factor-confirm-submit = Turn on two-step sign-in
second-factor-start-over-lead = Added it on the wrong device, or lost the key? Start again with a new one.
second-factor-start-over = Start again with a new key
second-factor-turned-on = Two-step sign-in is on. Your other sessions have been signed out.
second-factor-codes-heading = Your recovery codes
second-factor-codes-lead = If you lose your phone, sign in with one of these codes instead of the app's code; each works once. Print them or keep them in a password manager now: they are shown only this once.
second-factor-codes-done = I have saved them: back to my account
second-factor-disable-heading = Turn off two-step sign-in
second-factor-disable-lead = Your account will then be protected by your password alone. To turn it off, give your password and a code.
second-factor-disable-code-hint = The six digits your app shows, or one of your recovery codes.
second-factor-disable-submit = Turn off two-step sign-in
second-factor-turned-off = Two-step sign-in is off. Signing in now asks only for your password.
second-factor-back = Back to your account
param-code = Code from your app
param-recovery = Recovery code
error-wrong-code = is not right, or has been used already.
error-one-time-code = must be the 6 digits your authenticator app shows.
error-recovery-code = must be one of the codes of 10 letters and digits you saved when you set up two-step sign-in.
error-second-factor-code = must be the 6 digits your authenticator app shows, or one of your recovery codes.
login-code-title = Enter your code
login-code-lead = Your password was right. This account uses two-step sign-in: open your authenticator app and enter the code it shows for GFCE Hub.
login-code-hint = Six digits; the app shows a new code every 30 seconds.
login-code-submit = Continue
login-recovery-heading = No access to your app?
login-recovery-hint = One of the recovery codes you saved when you set up two-step sign-in, such as 7k3m9-q2xvb. Each works once.
login-recovery-submit = Sign in with a recovery code
login-code-restart = Start signing in again
account-second-factor-on = Two-step sign-in is on.
account-second-factor-off = Two-step sign-in is off: your password alone opens your account.
account-second-factor-manage = Manage two-step sign-in
account-second-factor-set-up = Set up two-step sign-in
