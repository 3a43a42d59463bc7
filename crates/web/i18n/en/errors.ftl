### GFCE Hub, English — Errors: the error pages, the API's problem documents, and why a field or parameter was refused.

page-not-found-title = Page not found
page-not-found-body = There is no page at this address. If you typed it, check it; if you followed a link, it may be out of date.
page-method-not-allowed-title = Not possible here
page-method-not-allowed-body = This address does not take that kind of request. Go back and use the links and forms of the page.
page-error-title = Sorry, something went wrong
page-error-body = The service could not answer this request. Try again later.
page-unavailable-title = Service unavailable
page-unavailable-body = The service cannot reach its database right now. Try again in a few minutes.
page-busy-title = Too busy right now
page-busy-body = Many people are signing in at this moment. Wait a few seconds and try again.
page-bad-request-title = Check what you entered

problem-not-found = Not found
problem-not-found-detail = Nothing exists at { $path }.
problem-method-not-allowed = Method not allowed
problem-method-not-allowed-detail = { $path } does not take this method; the Allow header names those it takes.
problem-invalid-parameter = Invalid parameter
problem-invalid-parameter-detail = The parameter “{ $param }” { $reason }
problem-internal = Internal error
problem-internal-detail = The service could not answer this request; the fault has been logged.
problem-unavailable = Service unavailable
problem-unavailable-detail = The database cannot be reached right now.
problem-busy = Too busy
problem-busy-detail = Too many requests of this kind are being handled at once; try again after the time Retry-After gives.
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
error-timestamp = must be a time written as RFC 3339, such as 2024-05-01T09:30:00Z.
error-no-text = needs a text in at least one language.
error-language-tag = is not a BCP 47 language tag (for example fr, pt-BR or zh-Hant).
error-english-or-vietnamese-only = may be written in English or Vietnamese only.
error-percentage = must be a percentage from 0 to 100 with at most two decimals.
error-unknown-theme = is not a theme of the taxonomy.
error-unknown-series = is not an event series.
error-language-code = is not an ISO 639-1 language code (for example vi, en or fr).
error-currency = is not an active ISO 4217 currency code (for example EUR, USD or VND).
error-amount = must be a non-negative amount such as 1500000 or 2500.50, without thousands separators.
error-url = must be a web address starting with http:// or https://.
error-date-order = must not be before the start date.
error-duplicate = is given more than once.
error-control-character = must not contain control characters (such as NUL); check what was pasted.
error-unknown-actor = names no known organisation.
error-email = must be an e-mail address such as name@example.org.
error-password-short = is too short (at least { $min } characters).
error-password-common = is too common or too easy to guess. Choose a longer phrase that others would not think of.
error-password-personal = must not contain the part of your e-mail address before the @.
error-query = could not be read.

problem-forbidden = Forbidden
problem-forbidden-detail = The form was not sent from this site or has expired; reload the page and try again.
problem-throttled = Too many requests
problem-throttled-detail = Too many requests, failed sign-ins or mail requests came from here in a short time; wait and try again later.

page-forbidden-title = This form has expired
page-forbidden-body = The form was not sent from this site or is too old. Go back, reload the page and try again.
page-throttled-title = Too many requests
page-throttled-body = Too many requests, failed sign-ins or requests to send mail came from your address in a short time. Wait a little before trying again.

error-login-failed = or password is not right.
error-wrong-password = is not right.
error-passwords-differ = does not match the password.

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

error-unticked = must be ticked: joining the GFCE means endorsing it.

page-already-decided-title = This application was decided already
page-already-decided-body = The application has been approved or rejected, perhaps by someone else a moment ago, so nothing was changed. Open it again to see its decision.

problem-already-decided = Decided already
problem-already-decided-detail = The application is no longer waiting for a decision; nothing was changed.

error-taken = is used by another record already; choose another.
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

problem-token-required = API token required
problem-token-required-detail = This request needs a personal API token, sent as “Authorization: Bearer gfce_…”.
problem-invalid-token = Invalid API token
problem-invalid-token-detail = The Authorization header is not “Bearer” and a token of this site, or the token is unknown, revoked or expired, or its account is disabled.
problem-insufficient-scope = API token lacks a scope
problem-insufficient-scope-detail = The token does not have the “{ $scope }” scope this request needs; create a token with that scope.

page-token-refused-title = An API token is needed
page-token-refused-body = This address answers requests that carry a valid personal API token with the right scope.

error-wrong-code = is not right, or has been used already.
error-one-time-code = must be the 6 digits your authenticator app shows.
error-recovery-code = must be one of the codes of 10 letters and digits you saved when you set up two-step sign-in.
error-second-factor-code = must be the 6 digits your authenticator app shows, or one of your recovery codes.
