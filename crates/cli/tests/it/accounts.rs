//! Signing in and out over HTTP: CSRF tokens, session cookies, throttling, password changes.

use gfce_core::{Email, NewPassword, UserRole};
use gfce_web::auth;
use reqwest::{header, StatusCode};

use crate::common::TestApp;
use crate::on_both_databases;

const EMAIL: &str = "officer@cert.example.org";
const PASSWORD: &str = "correct horse battery staple";

async fn with_account(app: &TestApp) {
    let email = Email::parse(EMAIL).unwrap();
    let password = NewPassword::parse(PASSWORD, Some(&email)).unwrap();
    app.store.create_user(&email, &auth::hash_password(&password), UserRole::Curator, None).await.unwrap();
}

/// The value of a cookie set by a response.
fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
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

fn hidden_token(page: &str) -> String {
    let start = page.find("name=\"csrf_token\" value=\"").expect("a CSRF field") + 25;
    page[start..start + 64].to_owned()
}

/// A browser's visit: the cookies it holds, sent back with every request.
struct Visit<'a> {
    app: &'a TestApp,
    cookies: Vec<(String, String)>,
}

impl<'a> Visit<'a> {
    fn new(app: &'a TestApp) -> Self {
        Visit { app, cookies: Vec::new() }
    }

    fn keep(&mut self, response: &reqwest::Response) {
        for name in [auth::SESSION_COOKIE, auth::CSRF_COOKIE] {
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

    async fn get(&mut self, path: &str) -> reqwest::Response {
        let r = self.app.client.get(format!("{}{path}", self.app.base)).header(header::COOKIE, self.header()).send();
        let r = r.await.unwrap();
        self.keep(&r);
        r
    }

    async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
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
        let form = self.get("/en/login").await.text().await.unwrap();
        let token = hidden_token(&form);
        self.post("/en/login", &[("csrf_token", &token), ("email", EMAIL), ("password", password)]).await
    }
}

on_both_databases!(sign_in_and_out);
async fn sign_in_and_out(app: TestApp) {
    with_account(&app).await;
    let mut visit = Visit::new(&app);
    let form = visit.get("/en/login").await;
    assert_eq!(form.status(), StatusCode::OK);
    let csrf = set_cookie(&form, auth::CSRF_COOKIE).expect("a CSRF cookie before signing in");
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
    let session = set_cookie(&ok, auth::SESSION_COOKIE).expect("a session cookie");
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Lax") && !session.contains("Secure"),
        "{session}"
    );

    let account = visit.get("/vi/account").await;
    assert_eq!(account.status(), StatusCode::OK);
    let page = account.text().await.unwrap();
    assert!(page.contains(EMAIL) && page.contains("Người biên tập"), "the account page in Vietnamese");
    let token = hidden_token(&page);
    let stored: Vec<String> = app.store.audit_log(10).await.unwrap().into_iter().map(|e| e.action).collect();
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
    for _ in 0..auth::MAX_FAILURES_PER_ACCOUNT {
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
