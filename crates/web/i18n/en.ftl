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
founding-badge = Founding member

events-title = Events
events-lead = Conferences and meetings of the GFCE community, starting with the Global Conference on CyberSpace series in which the GFCE was founded.
event-series = Series
event-dates = Dates
event-place = Place
event-website = Website
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
search-hint = Members and events, in English or Vietnamese; accents are optional.
search-facets-heading = Narrow the results
search-chosen = chosen — select to remove
type-member = Member or partner
type-event = Event
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
