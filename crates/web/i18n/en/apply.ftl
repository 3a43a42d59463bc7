### GFCE Hub, English — The membership application form.

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
