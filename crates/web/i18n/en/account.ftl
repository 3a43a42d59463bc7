### GFCE Hub, English — Accounts: signing in and out, the account page, registration, password reset, two-step sign-in, API tokens.

login-title = Sign in
login-submit = Sign in

logout-submit = Sign out

account-title = Your account
account-role = Role
account-password-heading = Change your password
account-password-hint = At least 12 characters. Avoid common passwords and your e-mail address; a phrase of several words is easy to remember and hard to guess.
account-password-submit = Change password
account-password-changed = Your password has been changed. Your other sessions have been signed out.

login-forgot = Forgot your password?
login-register = Create an account

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

account-administration-heading = Administration
account-nav-label = Your account

signed-in-as = Signed in as { $email }

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
