//! Accounts over HTTP: signing in and out (CSRF tokens, session cookies, throttling), password
//! changes, registration, password reset by mail, the outbox and its delivery.

use std::time::Duration;

use gfce_core::{Email, NewPassword, UserRole};
use gfce_web::access::{csrf, secrets, session, throttle};
use reqwest::{header, StatusCode};

use crate::common::TestApp;
use crate::on_both_databases;

const EMAIL: &str = "officer@cert.example.org";
const PASSWORD: &str = "correct horse battery staple";

async fn with_account(app: &TestApp) {
    let email = Email::parse(EMAIL).unwrap();
    let password = NewPassword::parse(PASSWORD, Some(&email)).unwrap();
    app.store.create_user(&email, &secrets::hash_password(&password), UserRole::Curator, None).await.unwrap();
}

/// The value of a cookie set by a response.
pub(crate) fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

fn cookie_value(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().split_once('=').unwrap().1.to_owned()
}

/// The CSRF token of the first form on a page.
pub(crate) fn hidden_token(page: &str) -> String {
    let start = page.find("name=\"csrf_token\" value=\"").expect("a CSRF field") + 25;
    page[start..].split('"').next().unwrap().to_owned()
}

/// A browser's visit: the cookies it holds, sent back with every request.
pub(crate) struct Visit<'a> {
    app: &'a TestApp,
    cookies: Vec<(String, String)>,
}

impl<'a> Visit<'a> {
    pub(crate) fn new(app: &'a TestApp) -> Self {
        Visit { app, cookies: Vec::new() }
    }

    fn keep(&mut self, response: &reqwest::Response) {
        for name in [session::SESSION_COOKIE, csrf::CSRF_COOKIE, gfce_web::PENDING_COOKIE] {
            if let Some(c) = set_cookie(response, name) {
                self.cookies.retain(|(n, _)| n != name);
                let value = cookie_value(&c);
                if !value.is_empty() {
                    self.cookies.push((name.to_owned(), value));
                }
            }
        }
    }

    fn header(&self) -> String {
        self.cookies.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("; ")
    }

    pub(crate) async fn get(&mut self, path: &str) -> reqwest::Response {
        self.get_with(path, &[]).await
    }

    /// A GET with these headers besides the cookies.
    pub(crate) async fn get_with(&mut self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.app.client.get(format!("{}{path}", self.app.base)).header(header::COOKIE, self.header());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let r = request.send().await.unwrap();
        self.keep(&r);
        r
    }

    pub(crate) async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let r = self
            .app
            .client
            .post(format!("{}{path}", self.app.base))
            .header(header::COOKIE, self.header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        self.keep(&r);
        r
    }

    /// Signs in through the form; returns the response to the submission.
    async fn sign_in(&mut self, password: &str) -> reqwest::Response {
        self.sign_in_as(EMAIL, password).await
    }

    pub(crate) async fn sign_in_as(&mut self, email: &str, password: &str) -> reqwest::Response {
        let form = self.get("/en/login").await.text().await.unwrap();
        let token = hidden_token(&form);
        self.post("/en/login", &[("csrf_token", &token), ("email", email), ("password", password)]).await
    }

    /// Fetches a form and submits it with its CSRF token and these fields.
    pub(crate) async fn submit(&mut self, form_path: &str, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let form = self.get(form_path).await.text().await.unwrap();
        let token = hidden_token(&form);
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }
}

on_both_databases!(sign_in_and_out);
async fn sign_in_and_out(app: TestApp) {
    with_account(&app).await;
    let mut visit = Visit::new(&app);
    let form = visit.get("/en/login").await;
    assert_eq!(form.status(), StatusCode::OK);
    let csrf = set_cookie(&form, csrf::CSRF_COOKIE).expect("a CSRF cookie before signing in");
    assert!(csrf.contains("HttpOnly") && csrf.contains("SameSite=Lax"), "{csrf}");

    let forged = visit.post("/en/login", &[("email", EMAIL), ("password", PASSWORD)]).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "no CSRF token: refused");
    let zeros = "0".repeat(64);
    let wrong_token =
        visit.post("/en/login", &[("csrf_token", &zeros), ("email", EMAIL), ("password", PASSWORD)]).await;
    assert_eq!(wrong_token.status(), StatusCode::FORBIDDEN);

    let wrong = visit.sign_in("not the password at all").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert!(wrong.text().await.unwrap().contains("or password is not right"));

    let ok = visit.sign_in(PASSWORD).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(ok.headers()[header::LOCATION], "/en/account");
    let session = set_cookie(&ok, session::SESSION_COOKIE).expect("a session cookie");
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Lax") && !session.contains("Secure"),
        "{session}"
    );

    let account = visit.get("/vi/account").await;
    assert_eq!(account.status(), StatusCode::OK);
    let page = account.text().await.unwrap();
    assert!(page.contains(EMAIL) && page.contains("Người biên tập"), "the account page in Vietnamese");
    let token = hidden_token(&page);
    let stored: Vec<String> =
        app.store.audit_log(10).await.unwrap().into_iter().map(|e| e.action.to_string()).collect();
    assert_eq!(stored, ["login", "login-failed"]);

    let out = visit.post("/en/logout", &[("csrf_token", &token)]).await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let after = visit.get("/en/account").await;
    assert_eq!(after.status(), StatusCode::SEE_OTHER, "signed out");
    assert_eq!(after.headers()[header::LOCATION], "/en/login");
}

on_both_databases!(failed_logins_are_throttled);
async fn failed_logins_are_throttled(app: TestApp) {
    with_account(&app).await;
    let mut visit = Visit::new(&app);
    for _ in 0..throttle::MAX_FAILURES_PER_ACCOUNT {
        assert_eq!(visit.sign_in("wrong password, surely").await.status(), StatusCode::UNAUTHORIZED);
    }
    let blocked = visit.sign_in(PASSWORD).await;
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS, "even the right password waits");
    let retry: u64 = blocked.headers()[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry), "{retry}");
}

on_both_databases!(passwords_are_changed_with_the_current_one);
async fn passwords_are_changed_with_the_current_one(app: TestApp) {
    with_account(&app).await;
    let mut visit = Visit::new(&app);
    assert_eq!(visit.sign_in(PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let token = hidden_token(&visit.get("/en/account").await.text().await.unwrap());
    let new = "a longer passphrase for the secretariat";

    let wrong = visit.post("/en/account/password", &[("csrf_token", &token), ("current", "nope"), ("new", new)]).await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    let weak_fields = [("csrf_token", token.as_str()), ("current", PASSWORD), ("new", "password1234")];
    let weak = visit.post("/en/account/password", &weak_fields).await;
    assert_eq!(weak.status(), StatusCode::BAD_REQUEST);
    assert!(weak.text().await.unwrap().contains("New password"), "the error names the field");

    let fields = [("csrf_token", token.as_str()), ("current", PASSWORD), ("new", new)];
    assert_eq!(visit.post("/en/account/password", &fields).await.status(), StatusCode::OK);
    let mut other = Visit::new(&app);
    assert_eq!(other.sign_in(PASSWORD).await.status(), StatusCode::UNAUTHORIZED, "the old password is gone");
    assert_eq!(other.sign_in(new).await.status(), StatusCode::SEE_OTHER);
}

const NEWCOMER: &str = "analyst@ncsc.example.org";
const NEWCOMER_PASSWORD: &str = "tea on the veranda at dusk";

async fn register(visit: &mut Visit<'_>, lang: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let path = format!("/{lang}/register");
    visit.submit(&path, &path, fields).await
}

on_both_databases!(registration_creates_a_registered_user);
async fn registration_creates_a_registered_user(app: TestApp) {
    let mut visit = Visit::new(&app);
    let form = visit.get("/vi/register").await;
    assert_eq!(form.status(), StatusCode::OK);
    assert!(form.text().await.unwrap().contains("Nhập lại mật khẩu"));
    let fields = [("email", NEWCOMER), ("password", NEWCOMER_PASSWORD), ("confirmation", NEWCOMER_PASSWORD)];
    let done = register(&mut visit, "en", &fields).await;
    assert_eq!(done.status(), StatusCode::OK);
    assert!(done.text().await.unwrap().contains("Check your mailbox"));

    let users = app.store.users().await.unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!((users[0].email.as_str(), users[0].role), (NEWCOMER, UserRole::Registered));
    let outbox = app.store.outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!((outbox[0].to.as_str(), outbox[0].subject.as_str()), (NEWCOMER, "Your GFCE Hub account"));
    assert!(outbox[0].body.contains(&format!("{}/en/login", app.base)), "{}", outbox[0].body);
    let actions: Vec<String> =
        app.store.audit_log(10).await.unwrap().into_iter().map(|e| e.action.to_string()).collect();
    assert_eq!(actions, ["registered"]);

    let mut again = Visit::new(&app);
    assert_eq!(again.sign_in_as(NEWCOMER, NEWCOMER_PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let account = again.get("/en/account").await.text().await.unwrap();
    assert!(account.contains("Registered user"));
}

on_both_databases!(registration_refuses_bad_input);
async fn registration_refuses_bad_input(app: TestApp) {
    let mut visit = Visit::new(&app);
    let bad = [("email", "not an address"), ("password", "password1234"), ("confirmation", "something else")];
    let en = register(&mut visit, "en", &bad).await;
    assert_eq!(en.status(), StatusCode::BAD_REQUEST);
    let page = en.text().await.unwrap();
    for named in ["E-mail address", "Password is too common", "Password again does not match"] {
        assert!(page.contains(named), "{named} in the English page");
    }
    assert!(page.contains("value=\"not an address\""), "the form keeps what was typed");
    let vi = register(&mut visit, "vi", &bad).await;
    assert_eq!(vi.status(), StatusCode::BAD_REQUEST);
    let page = vi.text().await.unwrap();
    for named in ["Địa chỉ thư điện tử", "Mật khẩu", "Nhập lại mật khẩu không khớp"] {
        assert!(page.contains(named), "{named} in the Vietnamese page");
    }
    let short = [("email", NEWCOMER), ("password", "short"), ("confirmation", "short")];
    let page = register(&mut visit, "en", &short).await.text().await.unwrap();
    assert!(page.contains("Password is too short"), "{page}");
    let mine = [("email", NEWCOMER), ("password", "analyst-of-2025!"), ("confirmation", "analyst-of-2025!")];
    assert_eq!(register(&mut visit, "en", &mine).await.status(), StatusCode::BAD_REQUEST, "the address in it");

    let fields = [("email", NEWCOMER), ("password", NEWCOMER_PASSWORD), ("confirmation", NEWCOMER_PASSWORD)];
    let forged = visit.post("/en/register", &fields).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "no CSRF token");

    assert!(app.store.users().await.unwrap().is_empty(), "no account written");
    assert!(app.store.outbox(10).await.unwrap().is_empty(), "no mail written");
}

on_both_databases!(registering_a_taken_address_reveals_nothing);
async fn registering_a_taken_address_reveals_nothing(app: TestApp) {
    with_account(&app).await;
    let mut visit = Visit::new(&app);
    let fresh = [("email", NEWCOMER), ("password", NEWCOMER_PASSWORD), ("confirmation", NEWCOMER_PASSWORD)];
    let new_account = register(&mut visit, "en", &fresh).await;
    let (new_status, new_page) = (new_account.status(), new_account.text().await.unwrap());
    let taken = [("email", EMAIL), ("password", NEWCOMER_PASSWORD), ("confirmation", NEWCOMER_PASSWORD)];
    let existing = register(&mut visit, "en", &taken).await;
    assert_eq!(existing.status(), new_status);
    assert_eq!(existing.text().await.unwrap(), new_page, "the same answer either way");

    assert_eq!(app.store.users().await.unwrap().len(), 2);
    let notice = &app.store.outbox(1).await.unwrap()[0];
    assert_eq!(notice.to.as_str(), EMAIL);
    assert!(notice.subject.contains("tried to register"), "{}", notice.subject);
    let mut holder = Visit::new(&app);
    assert_eq!(holder.sign_in(PASSWORD).await.status(), StatusCode::SEE_OTHER, "the password is unchanged");
}

/// The reset link of the newest message in the outbox.
async fn reset_link(app: &TestApp) -> String {
    let mail = &app.store.outbox(1).await.unwrap()[0];
    let at = mail.body.find("/password-reset/").expect("a reset link");
    let start = mail.body[..at].rfind(&app.base).expect("an absolute link") + app.base.len();
    mail.body[start..at + "/password-reset/".len() + 64].to_owned()
}

async fn request_reset(visit: &mut Visit<'_>, email: &str) -> reqwest::Response {
    visit.submit("/en/password-reset", "/en/password-reset", &[("email", email)]).await
}

on_both_databases!(passwords_are_reset_by_mail);
async fn passwords_are_reset_by_mail(app: TestApp) {
    with_account(&app).await;
    let mut signed_in = Visit::new(&app);
    assert_eq!(signed_in.sign_in(PASSWORD).await.status(), StatusCode::SEE_OTHER);

    let mut visit = Visit::new(&app);
    let known = request_reset(&mut visit, EMAIL).await;
    assert_eq!(known.status(), StatusCode::OK);
    let known_page = known.text().await.unwrap();
    let unknown = request_reset(&mut visit, "nobody@example.org").await;
    assert_eq!(unknown.status(), StatusCode::OK);
    assert_eq!(unknown.text().await.unwrap(), known_page, "the same answer whether or not the address exists");
    assert_eq!(app.store.outbox(10).await.unwrap().len(), 1, "mail only to an existing account");
    let older = reset_link(&app).await;
    assert_eq!(request_reset(&mut visit, EMAIL).await.status(), StatusCode::OK);
    let link = reset_link(&app).await;
    assert_ne!(link, older);
    let mail = &app.store.outbox(1).await.unwrap()[0];
    assert_eq!((mail.to.as_str(), mail.subject.as_str()), (EMAIL, "Choose a new GFCE Hub password"));

    let form = visit.get(&link).await;
    assert_eq!(form.status(), StatusCode::OK);
    let token = hidden_token(&form.text().await.unwrap());
    let new = "a brand new phrase for the desk";
    let forged = visit.post(&link, &[("password", new), ("confirmation", new)]).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "no CSRF token");
    let weak = visit.post(&link, &[("csrf_token", &token), ("password", "qwertyuiop12"), ("confirmation", "x")]).await;
    assert_eq!(weak.status(), StatusCode::BAD_REQUEST);
    let page = weak.text().await.unwrap();
    assert!(page.contains("Password is too common") && page.contains("Password again"), "{page}");
    let done = visit.post(&link, &[("csrf_token", &token), ("password", new), ("confirmation", new)]).await;
    assert_eq!(done.status(), StatusCode::OK);
    assert!(done.text().await.unwrap().contains("Your password has been changed"));

    let mut other = Visit::new(&app);
    assert_eq!(other.sign_in(PASSWORD).await.status(), StatusCode::UNAUTHORIZED, "the old password is gone");
    assert_eq!(other.sign_in(new).await.status(), StatusCode::SEE_OTHER, "the new one works");
    let ended = signed_in.get("/en/account").await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER, "the sessions from before were ended");

    let reused = visit.get(&link).await;
    assert_eq!(reused.status(), StatusCode::GONE, "a link works once");
    assert!(reused.text().await.unwrap().contains("This link can no longer be used"));
    let again = visit.post(&link, &[("csrf_token", &token), ("password", new), ("confirmation", new)]).await;
    assert_eq!(again.status(), StatusCode::GONE);
    assert_eq!(visit.get(&older).await.status(), StatusCode::GONE, "the other links were cancelled");
    let actions: Vec<String> =
        app.store.audit_log(3).await.unwrap().into_iter().map(|e| e.action.to_string()).collect();
    assert_eq!(actions, ["login", "login-failed", "password-reset"]);
}

on_both_databases!(expired_and_unknown_reset_links_are_refused);
async fn expired_and_unknown_reset_links_are_refused(app: TestApp) {
    with_account(&app).await;
    let mut visit = Visit::new(&app);
    assert_eq!(request_reset(&mut visit, EMAIL).await.status(), StatusCode::OK);
    let link = reset_link(&app).await;
    let token = hidden_token(&visit.get(&link).await.text().await.unwrap());
    app.execute("UPDATE password_resets SET expires_at = '2000-01-01T00:00:00.000000Z'").await;

    let expired = visit.get(&link).await;
    assert_eq!(expired.status(), StatusCode::GONE);
    assert!(expired.text().await.unwrap().contains("works once, for one hour"));
    let vi = visit.get(&link.replacen("/en/", "/vi/", 1)).await;
    assert_eq!(vi.status(), StatusCode::GONE);
    assert!(vi.text().await.unwrap().contains("Liên kết này không còn dùng được"));
    let new = "a brand new phrase for the desk";
    let posted = visit.post(&link, &[("csrf_token", &token), ("password", new), ("confirmation", new)]).await;
    assert_eq!(posted.status(), StatusCode::GONE);
    let mut other = Visit::new(&app);
    assert_eq!(other.sign_in(PASSWORD).await.status(), StatusCode::SEE_OTHER, "the password is unchanged");

    let unknown = visit.get(&format!("/en/password-reset/{}", "0".repeat(64))).await;
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    assert!(unknown.text().await.unwrap().contains("This link is not right"));
    let cut_short = visit.get(&link[..link.len() - 10]).await;
    assert_eq!(cut_short.status(), StatusCode::BAD_REQUEST);
    let vi = visit.get("/vi/password-reset/abc").await;
    assert_eq!(vi.status(), StatusCode::BAD_REQUEST);
    assert!(vi.text().await.unwrap().contains("Liên kết này không đúng"));
}

on_both_databases!(the_outbox_is_for_administrators);
async fn the_outbox_is_for_administrators(app: TestApp) {
    with_account(&app).await;
    let admin_email = Email::parse("secretariat@thegfce.example.org").unwrap();
    let admin_password = NewPassword::parse("keys kept at the front desk", Some(&admin_email)).unwrap();
    let hash = secrets::hash_password(&admin_password);
    app.store.create_user(&admin_email, &hash, UserRole::Admin, None).await.unwrap();
    let mut visit = Visit::new(&app);
    assert_eq!(request_reset(&mut visit, EMAIL).await.status(), StatusCode::OK);

    let anonymous = visit.get("/en/admin/outbox").await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert_eq!(anonymous.headers()[header::LOCATION], "/en/login");
    assert_eq!(visit.sign_in(PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let curator = visit.get("/vi/admin/outbox").await;
    assert_eq!(curator.status(), StatusCode::FORBIDDEN);
    assert!(curator.text().await.unwrap().contains("Bạn không được xem trang này"));

    let mut admin = Visit::new(&app);
    let signed_in = admin.sign_in_as(admin_email.as_str(), admin_password.expose()).await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let page = admin.get("/en/admin/outbox").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("Choose a new GFCE Hub password") && page.contains(EMAIL), "{page}");
    assert!(page.contains("Waiting, not tried yet") && page.contains("/en/password-reset/"), "unsent: its text shows");
    let vi = admin.get("/vi/admin/outbox").await.text().await.unwrap();
    assert!(vi.contains("Hộp thư đi"));
}

on_both_databases!(the_audit_log_is_browsed_by_administrators);
async fn the_audit_log_is_browsed_by_administrators(app: TestApp) {
    with_account(&app).await;
    let admin_email = Email::parse("secretariat@thegfce.example.org").unwrap();
    let admin_password = NewPassword::parse("keys kept at the front desk", Some(&admin_email)).unwrap();
    let hash = secrets::hash_password(&admin_password);
    app.store.create_user(&admin_email, &hash, UserRole::Admin, None).await.unwrap();
    let mut curator = Visit::new(&app);
    assert_eq!(curator.sign_in("not the password at all").await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(curator.sign_in(PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let refused = curator.get("/en/admin/audit").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "a curator may not read the audit log");
    assert!(!curator.get("/en/account").await.text().await.unwrap().contains("/en/admin/audit"));
    let anonymous = Visit::new(&app).get("/en/admin/audit").await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);

    let mut admin = Visit::new(&app);
    assert_eq!(admin.sign_in_as(admin_email.as_str(), admin_password.expose()).await.status(), StatusCode::SEE_OTHER);
    let account = admin.get("/en/account").await.text().await.unwrap();
    assert!(account.contains(r#"href="/en/admin/audit""#), "the account page leads administrators to it");
    let page = admin.get("/en/admin/audit").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("Audit log") && page.contains(EMAIL) && page.contains("secretariat@thegfce.example.org"));
    assert!(page.contains("<code>login-failed</code>") && page.contains("<code>login</code>"), "{page}");

    // Filters: by action, by user, by period; they combine.
    let failed = admin.get("/en/admin/audit?action=login-failed").await.text().await.unwrap();
    assert!(failed.contains("<code>login-failed</code>") && !failed.contains("<code>login</code>"), "{failed}");
    let by_admin = admin.get("/en/admin/audit?user=secretariat%40thegfce.example.org").await.text().await.unwrap();
    assert!(by_admin.contains("<code>login</code>") && !by_admin.contains(EMAIL), "{by_admin}");
    let future = admin.get("/en/admin/audit?from=2100-01-01").await.text().await.unwrap();
    assert!(!future.contains("<code>login</code>"), "nothing happened after 2100");

    // Bad filters are named, in the page's language, and change nothing.
    let before = app.store.audit_log(500).await.unwrap().len();
    let bad = admin.get("/vi/admin/audit?from=hôm-qua&user=not-an-address&action=drop-table").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let bad = bad.text().await.unwrap();
    for field in ["Từ ngày", "Người dùng", "Hành động"] {
        assert!(bad.contains(&format!(r#">{field} "#)), "{field} is named: {bad}");
    }
    let order = admin.get("/en/admin/audit?from=2026-02-01&until=2026-01-01").await;
    assert_eq!(order.status(), StatusCode::BAD_REQUEST);
    assert!(order.text().await.unwrap().contains("Until must not be before the start date."));
    assert_eq!(app.store.audit_log(500).await.unwrap().len(), before, "reading the log writes nothing");
}

on_both_databases!(undeliverable_mail_stays_in_the_outbox);
async fn undeliverable_mail_stays_in_the_outbox(app: TestApp) {
    with_account(&app).await;
    let mut visit = Visit::new(&app);
    assert_eq!(request_reset(&mut visit, EMAIL).await.status(), StatusCode::OK);
    // A port nothing listens on: bound and let go at once.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let smtp_url = format!("smtp://127.0.0.1:{port}");
    let mailer =
        gfce_mail::Mailer::new(&smtp_url, "GFCE Hub <noreply@hub.example.org>", Duration::from_secs(2)).unwrap();

    let delivery = mailer.send_once(&app.store).await.unwrap();
    assert!(matches!(delivery, Some(gfce_mail::Delivery::Failed { .. })), "{delivery:?}");
    let mail = &app.store.outbox(1).await.unwrap()[0];
    assert_eq!((mail.attempts, mail.sent_at), (1, None));
    assert!(mail.last_error.as_deref().is_some_and(|e| !e.is_empty()), "the error is recorded");
    assert!(mail.next_attempt_at > mail.created_at, "tried again later");
    assert_eq!(mailer.send_once(&app.store).await.unwrap(), None, "not due again yet");

    app.execute("UPDATE mail SET next_attempt_at = '2000-01-01T00:00:00.000000Z'").await;
    assert!(mailer.send_once(&app.store).await.unwrap().is_some(), "due again");
    assert_eq!(app.store.outbox(1).await.unwrap()[0].attempts, 2);
}

on_both_databases!(a_claimed_message_is_not_taken_twice);
async fn a_claimed_message_is_not_taken_twice(app: TestApp) {
    with_account(&app).await;
    let mut visit = Visit::new(&app);
    assert_eq!(request_reset(&mut visit, EMAIL).await.status(), StatusCode::OK);
    let second = gfce_store::Store::connect(&app.url).await.unwrap();
    let lease = time::Duration::minutes(5);
    let (a, b) = tokio::join!(app.store.claim_mail(lease, 10), second.claim_mail(lease, 10));
    let claimed = [a.unwrap(), b.unwrap()].into_iter().flatten().count();
    assert_eq!(claimed, 1, "two senders, one message: one claim");
    assert!(app.store.claim_mail(lease, 10).await.unwrap().is_none(), "held while the lease runs");
    app.execute("UPDATE mail SET claimed_until = '2000-01-01T00:00:00.000000Z'").await;
    assert!(second.claim_mail(lease, 10).await.unwrap().is_some(), "a lapsed lease frees it");
}

#[tokio::test]
async fn https_sites_ask_for_https() {
    let app = TestApp::sqlite_behind("https://hub.example.org").await;
    for path in ["/en/login", "/api/v1/members", "/en/no-such-page"] {
        let response = app.get(path).await;
        let hsts = response.headers().get(header::STRICT_TRANSPORT_SECURITY).map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(hsts.as_deref(), Some("max-age=31536000; includeSubDomains"), "{path}");
    }
    let csrf = set_cookie(&app.get("/en/login").await, csrf::CSRF_COOKIE).unwrap();
    assert!(csrf.contains("Secure"), "{csrf}");
    let plain = TestApp::sqlite().await;
    assert!(plain.get("/en/login").await.headers().get(header::STRICT_TRANSPORT_SECURITY).is_none());
}

on_both_databases!(mail_requests_are_throttled_per_recipient);
async fn mail_requests_are_throttled_per_recipient(app: TestApp) {
    with_account(&app).await;
    let mut visit = Visit::new(&app);
    for email in [EMAIL, "nobody@example.org"] {
        for _ in 0..gfce_web::MAX_MAIL_PER_RECIPIENT {
            assert_eq!(request_reset(&mut visit, email).await.status(), StatusCode::OK);
        }
        let blocked = request_reset(&mut visit, email).await;
        assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS, "{email}: alike whether or not it exists");
        assert!(blocked.headers().contains_key(header::RETRY_AFTER));
    }
    let fields = [("email", EMAIL), ("password", NEWCOMER_PASSWORD), ("confirmation", NEWCOMER_PASSWORD)];
    let registration = register(&mut visit, "en", &fields).await;
    assert_eq!(registration.status(), StatusCode::TOO_MANY_REQUESTS, "registrations count for the recipient too");
    assert_eq!(app.store.outbox(10).await.unwrap().len(), 3, "a mailbox is not flooded");
}

on_both_databases!(signing_in_starts_a_new_session);
async fn signing_in_starts_a_new_session(app: TestApp) {
    with_account(&app).await;
    let second = Email::parse("second@example.org").unwrap();
    let hash = secrets::hash_password(&NewPassword::parse(PASSWORD, Some(&second)).unwrap());
    app.store.create_user(&second, &hash, UserRole::Registered, None).await.unwrap();

    // A session token planted in the browser before sign-in is not the one it gets after.
    let planted = "ab".repeat(32);
    let mut visit = Visit::new(&app);
    visit.cookies.push((session::SESSION_COOKIE.to_owned(), planted.clone()));
    let signed = visit.sign_in(PASSWORD).await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let first = cookie_value(&set_cookie(&signed, session::SESSION_COOKIE).expect("a new session cookie"));
    assert_ne!(first, planted, "the session id changes at sign-in");
    let mut attacker = Visit::new(&app);
    attacker.cookies.push((session::SESSION_COOKIE.to_owned(), planted));
    assert_eq!(attacker.get("/en/account").await.status(), StatusCode::SEE_OTHER, "the planted token signs nobody in");

    // Signing in again, as someone else, ends the session held before.
    // (Signed in, the sign-in page leads to the account page; its form's token is the session's.)
    let token = hidden_token(&visit.get("/en/account").await.text().await.unwrap());
    let again = visit
        .post("/en/login", &[("csrf_token", &token), ("email", "second@example.org"), ("password", PASSWORD)])
        .await;
    let renewed = cookie_value(&set_cookie(&again, session::SESSION_COOKIE).expect("another session cookie"));
    assert_ne!(renewed, first);
    let mut old = Visit::new(&app);
    old.cookies.push((session::SESSION_COOKIE.to_owned(), first));
    assert_eq!(old.get("/en/account").await.status(), StatusCode::SEE_OTHER, "the earlier session ended");
    let page = visit.get("/en/account").await.text().await.unwrap();
    assert!(page.contains("second@example.org"));
}
