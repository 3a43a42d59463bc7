//! Sign-ins at once, on both databases: attempts are counted before the password is checked, so
//! racing them passes no more than the limit; password checks run a few at a time whatever
//! arrives; and failures from elsewhere never lock an account's holder out at an address they
//! sign in from.

use std::sync::Arc;

use gfce_core::{AuditAction, Email, NewPassword, UserRole};
use gfce_web::{
    access::{
        csrf, secrets,
        throttle::{SignIn, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ACCOUNT_ELSEWHERE},
    },
    AppState, WebError,
};
use reqwest::{header, StatusCode};

use crate::accounts::hidden_token;
use crate::common::TestApp;
use crate::on_both_databases;

const HOLDER: &str = "secretariat@thegfce.example.org";
const PASSWORD: &str = "correct horse battery staple";

async fn holder(app: &TestApp) {
    let email = Email::parse(HOLDER).unwrap();
    let hash = secrets::hash_password(&NewPassword::parse(PASSWORD, Some(&email)).unwrap());
    app.store.create_user(&email, &hash, UserRole::Admin, None).await.unwrap();
}

/// `count` sign-ins sent at once with one browser's CSRF cookie and token; their statuses.
async fn at_once(app: &TestApp, email: &str, password: &str, count: usize) -> Vec<StatusCode> {
    let form = app.get("/en/login").await;
    let cookie = crate::accounts::set_cookie(&form, csrf::CSRF_COOKIE).unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let token = hidden_token(&form.text().await.unwrap());
    let body = serde_urlencoded::to_string([("csrf_token", token.as_str()), ("email", email), ("password", password)])
        .unwrap();
    let sign_ins: Vec<_> = (0..count)
        .map(|_| {
            let request = app
                .client
                .post(format!("{}/en/login", app.base))
                .header(header::COOKIE, cookie.clone())
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(body.clone());
            tokio::spawn(async move { request.send().await.unwrap().status() })
        })
        .collect();
    let mut statuses = Vec::new();
    for sign_in in sign_ins {
        statuses.push(sign_in.await.unwrap());
    }
    statuses
}

on_both_databases!(unlimited: racing_sign_ins_pass_no_more_than_the_limit);
async fn racing_sign_ins_pass_no_more_than_the_limit(app: TestApp) {
    holder(&app).await;
    let statuses = at_once(&app, HOLDER, "not the password at all", 30).await;
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!(checked + refused, 30, "each is checked or refused, none fails: {statuses:?}");
    assert!(checked as i64 <= MAX_FAILURES_PER_ACCOUNT, "{checked} passwords checked: {statuses:?}");
    let failures = app.store.audit_log(100).await.unwrap();
    let failures = failures.iter().filter(|e| e.action == AuditAction::LoginFailed).count();
    assert_eq!(failures, checked, "a refused attempt checks no password");
}

on_both_databases!(unlimited: a_burst_of_sign_ins_is_answered_without_a_fault);
async fn a_burst_of_sign_ins_is_answered_without_a_fault(app: TestApp) {
    holder(&app).await;
    // Unknown addresses are checked against a decoy hash, as long as a real one takes.
    let statuses: Vec<StatusCode> = futures_of(&app, 40).await;
    for status in &statuses {
        assert!(
            [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS, StatusCode::SERVICE_UNAVAILABLE].contains(status),
            "{statuses:?}"
        );
    }
}

/// Sign-ins at once to `count` different unknown accounts.
async fn futures_of(app: &TestApp, count: usize) -> Vec<StatusCode> {
    let mut statuses = Vec::new();
    let mut waiting = Vec::new();
    for n in 0..count {
        let email = format!("nobody{n}@example.org");
        let app_base = app.base.clone();
        let client = app.client.clone();
        let form = client.get(format!("{app_base}/en/login")).send().await.unwrap();
        let cookie = crate::accounts::set_cookie(&form, csrf::CSRF_COOKIE).unwrap();
        let cookie = cookie.split(';').next().unwrap().to_owned();
        let token = hidden_token(&form.text().await.unwrap());
        let body =
            serde_urlencoded::to_string([("csrf_token", token.as_str()), ("email", &email), ("password", "guess")])
                .unwrap();
        waiting.push(tokio::spawn(async move {
            client
                .post(format!("{app_base}/en/login"))
                .header(header::COOKIE, cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    for w in waiting {
        statuses.push(w.await.unwrap());
    }
    statuses
}

on_both_databases!(unlimited: failures_elsewhere_never_lock_the_holder_out);
async fn failures_elsewhere_never_lock_the_holder_out(app: TestApp) {
    holder(&app).await;
    let email = Email::parse(HOLDER).unwrap();
    let index = Arc::new(gfce_search::SearchIndex::in_memory().unwrap());
    let state = AppState::new(app.store.clone(), index, &app.base);

    // The holder signs in from their own address (this test's, 127.0.0.1) once.
    let mut visit = crate::accounts::Visit::new(&app);
    assert_eq!(visit.sign_in_as(HOLDER, PASSWORD).await.status(), StatusCode::SEE_OTHER);

    // Someone guesses from one address: locked out there after the limit.
    for _ in 0..MAX_FAILURES_PER_ACCOUNT {
        SignIn::attempt(&state, &email, "198.51.100.7").await.unwrap().failed();
    }
    let refused = SignIn::attempt(&state, &email, "198.51.100.7").await;
    assert!(matches!(refused, Err(WebError::TooManyAttempts(_))), "the guesser's address waits");

    // Then from many addresses, past the limit on the account from elsewhere.
    let mut made = MAX_FAILURES_PER_ACCOUNT;
    'guessing: for n in 1..=100 {
        for _ in 0..MAX_FAILURES_PER_ACCOUNT {
            if made > MAX_FAILURES_PER_ACCOUNT_ELSEWHERE {
                break 'guessing;
            }
            if SignIn::attempt(&state, &email, &format!("203.0.113.{n}")).await.is_ok() {
                made += 1;
            }
        }
    }
    let stranger = SignIn::attempt(&state, &email, "192.0.2.200").await;
    assert!(matches!(stranger, Err(WebError::TooManyAttempts(_))), "a new address waits too");

    // The holder, from the address they use, is not locked out.
    let mut visit = crate::accounts::Visit::new(&app);
    assert_eq!(visit.sign_in_as(HOLDER, PASSWORD).await.status(), StatusCode::SEE_OTHER, "the holder gets in");
}
