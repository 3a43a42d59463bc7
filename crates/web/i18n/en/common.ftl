### GFCE Hub, English — Shared by every page: the frame, navigation, lists and forms, dates, and the names of kinds, roles, states and fields.

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
fallback-notice-original = Not available in English or Vietnamese; shown in the original language, { $language }.

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

back-home = Go to the home page

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
status-suspended = Suspended
status-cancelled = Cancelled

param-type = Type
param-status = Status
param-year = Year

nav-projects = Projects
nav-tools = Tools
nav-publications = Publications
nav-countries = Countries

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

param-actor = Organisation
param-language = Language
param-tag = Tag
param-order = Order

role-funder = Funder
role-implementer = Implementer
role-partner = Partner
role-author = Author
role-publisher = Publisher
role-organiser = Organiser

param-email = E-mail address
param-password = Password
param-current = Current password
param-new = New password

role-admin = Administrator (secretariat)
role-curator = Curator
role-representative = Representative of a member or partner
role-registered = Registered user

nav-login = Sign in

param-confirmation = Password again
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
param-published_on = Publication date
param-url = Web address
param-languages = Languages
param-code = Code from your app
param-recovery = Recovery code
