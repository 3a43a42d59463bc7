### GFCE Hub, English — The public pages: home, members, events, projects, tools and publications, actors, countries, search, feeds.

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

search-title = Search
search-label = Search GFCE Hub
search-button = Search
search-hint = Members, organisations, projects, tools, publications and events, in English or Vietnamese; accents are optional.
search-facets-heading = Narrow the results
search-chosen = chosen — select to remove

feed-latest = latest additions and changes

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

order-newest = Latest start first
order-title = By title

list-of-actor = Showing only the work of

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
# A beneficiary country, region or tag with the share of the project it stands for.
project-share = { $name } ({ $percent }%)
project-languages = Working languages
project-links = Links
project-source = Source
project-iati = IATI identifier
project-description = Description

last-updated = Last updated

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

members-apply-link = Would your organisation like to join? Apply for membership or partnership.

home-apply-link = Apply for your organisation to join the GFCE

project-new-title = Submit a new project
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

tool-new-title = Submit a new tool

publication-new-title = Submit a new publication

resource-form-lead = Describe it in English, in Vietnamese, or both. Save it as a draft to finish later, or submit it: a curator reviews it before it is published.
resource-form-languages-hint = The languages it is available in, as ISO 639-1 codes separated by commas: en, vi, fr.
