//! Two-step sign-in over HTTP: setting it up with a code from an authenticator app, signing in
//! with the password and then a code or a recovery code, refusing replayed codes, throttling
//! wrong ones, turning it off, and an operator's reset from the command line.

use gfce_core::{Email, NewPassword, UserRole};
use gfce_web::access::{secrets, session, throttle};
use reqwest::{header, StatusCode};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::accounts::{hidden_token, set_cookie, Visit};
use crate::common::TestApp;
use crate::on_both_databases;

const ADMIN: &str = "secretariat@thegfce.example.org";
const PASSWORD: &str = "keys kept at the front desk";

async fn with_user(app: &TestApp, email: &str, role: UserRole, actor: Option<&str>) {
    let email = Email::parse(email).unwrap();
    let password = NewPassword::parse(PASSWORD, Some(&email)).unwrap();
    let actor = actor.map(|a| gfce_core::Slug::parse(a).unwrap());
    app.store.create_user(&email, &secrets::hash_password(&password), role, actor.as_ref()).await.unwrap();
}

async fn user_id(app: &TestApp, email: &str) -> uuid::Uuid {
    app.store.users().await.unwrap().into_iter().find(|u| u.email.as_str() == email).unwrap().id
}

/// The code an authenticator app shows now for this base32 secret.
fn app_code(secret: &str) -> String {
    code_at(secret, std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs())
}

fn code_at(secret: &str, unix_seconds: u64) -> String {
    let bytes = Secret::Encoded(secret.to_owned()).to_bytes().unwrap();
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes).unwrap().generate(unix_seconds)
}

/// A code of this secret that is not accepted now: from an hour ago.
fn stale_code(secret: &str) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let stale = code_at(secret, now - 3600);
    assert_ne!(stale, app_code(secret), "an hour-old code that happens to be today's");
    stale
}

/// As the passing of a minute and a half would: the last code accepted is three steps old, so
/// the code of the moment is new.
async fn let_time_pass(app: &TestApp) {
    app.execute("UPDATE second_factors SET last_step = last_step - 3").await;
}

/// The secret the enrolment page shows for typing, without its spaces.
fn shown_secret(page: &str) -> String {
    let start = page.find("id=\"secret-key\">").expect("the key in the page") + "id=\"secret-key\">".len();
    let end = start + page[start..].find("</code>").unwrap();
    page[start..end].chars().filter(|c| !c.is_whitespace()).collect()
}

/// The recovery codes the page shows once.
fn shown_recovery_codes(page: &str) -> Vec<String> {
    let list = &page[page.find("class=\"recovery-codes\"").expect("the recovery codes")..];
    let list = &list[..list.find("</ol>").unwrap()];
    list.split("<li><code>").skip(1).map(|item| item[..item.find("</code>").unwrap()].to_owned()).collect()
}

/// Signs in (with the password alone, before a second factor), sets one up and returns the
/// secret and the recovery codes.
async fn enrol(visit: &mut Visit<'_>, email: &str) -> (String, Vec<String>) {
    assert_eq!(visit.sign_in_as(email, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let started = visit.submit("/en/account/second-factor", "/en/account/second-factor/start", &[]).await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let page = visit.get("/en/account/second-factor").await.text().await.unwrap();
    let secret = shown_secret(&page);
    let code = app_code(&secret);
    let done = visit.submit("/en/account/second-factor", "/en/account/second-factor/confirm", &[("code", &code)]).await;
    assert_eq!(done.status(), StatusCode::OK);
    let codes = shown_recovery_codes(&done.text().await.unwrap());
    (secret, codes)
}

/// Signs in with the password and returns the response to the code, or recovery code, given
/// as `field`.
async fn sign_in_with(visit: &mut Visit<'_>, field: &str, code: &str) -> reqwest::Response {
    let password = visit.sign_in_as(ADMIN, PASSWORD).await;
    assert_eq!(password.status(), StatusCode::SEE_OTHER);
    assert_eq!(password.headers()[header::LOCATION], "/en/login/code");
    visit.submit("/en/login/code", "/en/login/code", &[(field, code)]).await
}

async fn actions(app: &TestApp, newest: u32) -> Vec<String> {
    app.store.audit_log(newest).await.unwrap().into_iter().map(|e| e.action.to_string()).collect()
}

on_both_databases!(setting_up_is_confirmed_by_a_code);
async fn setting_up_is_confirmed_by_a_code(app: TestApp) {
    with_user(&app, ADMIN, UserRole::Admin, None).await;
    let id = user_id(&app, ADMIN).await;
    let mut other_session = Visit::new(&app);
    assert_eq!(other_session.sign_in_as(ADMIN, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let mut visit = Visit::new(&app);
    assert_eq!(visit.sign_in_as(ADMIN, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let account = visit.get("/en/account").await.text().await.unwrap();
    assert!(account.contains("href=\"/en/account/second-factor\"") && account.contains("Set up two-step sign-in"));

    let page = visit.get("/en/account/second-factor").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(!page.contains("secret-key"), "no secret before asking for one");
    let token = hidden_token(&page);
    let forged = visit.post("/en/account/second-factor/start", &[]).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "no CSRF token");
    assert!(app.store.second_factor(id).await.unwrap().is_none());
    let started = visit.post("/en/account/second-factor/start", &[("csrf_token", &token)]).await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    assert_eq!(started.headers()[header::LOCATION], "/en/account/second-factor");

    let page = visit.get("/en/account/second-factor").await;
    assert_eq!(page.headers()[header::CACHE_CONTROL], "no-store");
    let page = page.text().await.unwrap();
    let secret = shown_secret(&page);
    assert_eq!(secret.len(), 32, "160 bits in base32: {secret}");
    assert!(page.contains("src=\"/en/account/second-factor/qr.svg\""));
    assert!(page.contains("inputmode=\"numeric\"") && page.contains("autocomplete=\"one-time-code\""));
    let qr = visit.get("/en/account/second-factor/qr.svg").await;
    assert_eq!(qr.status(), StatusCode::OK);
    assert_eq!(qr.headers()[header::CONTENT_TYPE], "image/svg+xml");
    assert_eq!(qr.headers()[header::CACHE_CONTROL], "no-store");
    assert!(qr.text().await.unwrap().contains("<svg"));

    let wrong = stale_code(&secret);
    let refused = visit.post("/en/account/second-factor/confirm", &[("csrf_token", &token), ("code", &wrong)]).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains("Code from your app is not right"), "the field is named in English");
    assert_eq!(shown_secret(&refused), secret, "the same secret is kept to try again");
    let vi = visit.post("/vi/account/second-factor/confirm", &[("csrf_token", &token), ("code", &wrong)]).await;
    assert_eq!(vi.status(), StatusCode::BAD_REQUEST);
    assert!(vi.text().await.unwrap().contains("Mã từ ứng dụng không đúng"), "the field is named in Vietnamese");
    let typo = visit.post("/en/account/second-factor/confirm", &[("csrf_token", &token), ("code", "12a456")]).await;
    assert_eq!(typo.status(), StatusCode::BAD_REQUEST);
    assert!(typo.text().await.unwrap().contains("Code from your app must be the 6 digits"));
    let code = app_code(&secret);
    let forged = visit.post("/en/account/second-factor/confirm", &[("code", &code)]).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "no CSRF token");
    let pending = app.store.second_factor(id).await.unwrap().expect("a pending secret");
    assert!(!pending.enabled(), "nothing enabled by refused codes");
    assert_eq!(actions(&app, 2).await, ["second-factor-failed", "second-factor-failed"]);

    let done = visit.post("/en/account/second-factor/confirm", &[("csrf_token", &token), ("code", &code)]).await;
    assert_eq!(done.status(), StatusCode::OK);
    assert_eq!(done.headers()[header::CACHE_CONTROL], "no-store");
    let done = done.text().await.unwrap();
    let codes = shown_recovery_codes(&done);
    assert_eq!(codes.len(), 10, "{done}");
    assert!(codes.iter().all(|c| c.len() == 11 && c.as_bytes()[5] == b'-'), "{codes:?}");
    let enabled = app.store.second_factor(id).await.unwrap().unwrap();
    assert!(enabled.enabled());
    assert_eq!(enabled.recovery_codes_left, 10);
    assert_eq!(actions(&app, 1).await, ["second-factor-enabled"]);

    let again = visit.get("/en/account/second-factor").await.text().await.unwrap();
    assert!(again.contains("You have 10 unused recovery codes") && !again.contains(&codes[0]), "shown once");
    assert!(!again.contains(&secret) && !again.contains("secret-key"), "the secret is not shown any more");
    assert_eq!(visit.get("/en/account/second-factor/qr.svg").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(visit.get("/en/account").await.status(), StatusCode::OK, "this session goes on");
    let ended = other_session.get("/en/account").await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER, "sessions opened with the password alone end");
}

on_both_databases!(signing_in_takes_the_code_afterwards);
async fn signing_in_takes_the_code_afterwards(app: TestApp) {
    with_user(&app, ADMIN, UserRole::Admin, None).await;
    let (secret, _) = enrol(&mut Visit::new(&app), ADMIN).await;
    let_time_pass(&app).await;

    let mut visit = Visit::new(&app);
    let password = visit.sign_in_as(ADMIN, PASSWORD).await;
    assert_eq!(password.status(), StatusCode::SEE_OTHER);
    assert_eq!(password.headers()[header::LOCATION], "/en/login/code");
    assert!(set_cookie(&password, session::SESSION_COOKIE).is_none(), "no session for the password alone");
    let pending = set_cookie(&password, gfce_web::PENDING_COOKIE).expect("a pending sign-in");
    assert!(pending.contains("HttpOnly") && pending.contains("SameSite=Lax") && pending.contains("Max-Age=300"));
    let account = visit.get("/en/account").await;
    assert_eq!(account.status(), StatusCode::SEE_OTHER, "not signed in yet");
    assert_eq!(account.headers()[header::LOCATION], "/en/login");

    let form = visit.get("/vi/login/code").await;
    assert_eq!(form.status(), StatusCode::OK);
    let form = form.text().await.unwrap();
    assert!(form.contains("Nhập mã của bạn") && form.contains("for=\"code\"") && form.contains("for=\"recovery\""));
    assert!(form.contains("inputmode=\"numeric\"") && form.contains("autocomplete=\"one-time-code\""));
    let code = app_code(&secret);
    let forged = visit.post("/en/login/code", &[("code", &code)]).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "no CSRF token");
    let wrong = visit.submit("/en/login/code", "/en/login/code", &[("code", &stale_code(&secret))]).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert!(wrong.text().await.unwrap().contains("Code from your app is not right"));
    assert_eq!(actions(&app, 1).await, ["second-factor-failed"]);

    let ok = visit.submit("/en/login/code", "/en/login/code", &[("code", &code)]).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(ok.headers()[header::LOCATION], "/en/account");
    let session = set_cookie(&ok, session::SESSION_COOKIE).expect("a session now");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    assert!(set_cookie(&ok, gfce_web::PENDING_COOKIE).unwrap().contains("Max-Age=0"), "the pending cookie goes");
    let account = visit.get("/en/account").await;
    assert_eq!(account.status(), StatusCode::OK);
    assert!(account.text().await.unwrap().contains("Two-step sign-in is on"));
    assert_eq!(actions(&app, 1).await, ["login"]);
    assert_eq!(visit.get("/en/login/code").await.status(), StatusCode::SEE_OTHER, "the pending sign-in is used up");

    let mut replay = Visit::new(&app);
    let replayed = sign_in_with(&mut replay, "code", &code).await;
    assert_eq!(replayed.status(), StatusCode::UNAUTHORIZED, "a code is accepted once");
    assert!(set_cookie(&replayed, session::SESSION_COOKIE).is_none());
    let_time_pass(&app).await;
    let fresh = replay.submit("/en/login/code", "/en/login/code", &[("code", &app_code(&secret))]).await;
    assert_eq!(fresh.status(), StatusCode::SEE_OTHER, "the next code works");

    let mut slow = Visit::new(&app);
    assert_eq!(slow.sign_in_as(ADMIN, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    app.execute("UPDATE pending_logins SET expires_at = '2000-01-01T00:00:00.000000Z'").await;
    let_time_pass(&app).await;
    let late = slow.get("/en/login/code").await;
    assert_eq!(late.status(), StatusCode::SEE_OTHER, "a pending sign-in lasts five minutes");
    assert_eq!(late.headers()[header::LOCATION], "/en/login");
    let token = hidden_token(&slow.get("/en/login").await.text().await.unwrap());
    let late = slow.post("/en/login/code", &[("csrf_token", &token), ("code", &app_code(&secret))]).await;
    assert_eq!(late.status(), StatusCode::SEE_OTHER);
    assert!(set_cookie(&late, session::SESSION_COOKIE).is_none(), "an expired sign-in opens no session");
    let left: Vec<String> = actions(&app, 1).await;
    assert_eq!(left, ["login"], "nothing more was audited");
}

on_both_databases!(recovery_codes_work_once);
async fn recovery_codes_work_once(app: TestApp) {
    with_user(&app, ADMIN, UserRole::Admin, None).await;
    let (_, codes) = enrol(&mut Visit::new(&app), ADMIN).await;

    let mut visit = Visit::new(&app);
    let ok = sign_in_with(&mut visit, "recovery", &codes[0]).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(ok.headers()[header::LOCATION], "/en/account");
    assert_eq!(actions(&app, 2).await, ["recovery-code-used", "login"]);
    let page = visit.get("/en/account/second-factor").await.text().await.unwrap();
    assert!(page.contains("You have 9 unused recovery codes"), "{page}");

    let mut again = Visit::new(&app);
    let reused = sign_in_with(&mut again, "recovery", &codes[0]).await;
    assert_eq!(reused.status(), StatusCode::UNAUTHORIZED, "a recovery code works once");
    assert!(reused.text().await.unwrap().contains("Recovery code is not right, or has been used already"));
    let typo = again.submit("/en/login/code", "/en/login/code", &[("recovery", "not-a-code")]).await;
    assert_eq!(typo.status(), StatusCode::BAD_REQUEST);
    assert!(typo.text().await.unwrap().contains("Recovery code must be one of the codes"));
    // As typed on a phone: upper case, without the hyphen.
    let typed = codes[1].replace('-', "").to_uppercase();
    let other = again.submit("/en/login/code", "/en/login/code", &[("recovery", &typed)]).await;
    assert_eq!(other.status(), StatusCode::SEE_OTHER, "another one does");
    let id = user_id(&app, ADMIN).await;
    assert_eq!(app.store.second_factor(id).await.unwrap().unwrap().recovery_codes_left, 8);
}

on_both_databases!(wrong_codes_are_throttled);
async fn wrong_codes_are_throttled(app: TestApp) {
    with_user(&app, ADMIN, UserRole::Admin, None).await;
    let (secret, _) = enrol(&mut Visit::new(&app), ADMIN).await;
    let_time_pass(&app).await;
    let mut visit = Visit::new(&app);
    let wrong = stale_code(&secret);
    assert_eq!(sign_in_with(&mut visit, "code", &wrong).await.status(), StatusCode::UNAUTHORIZED);
    for _ in 1..throttle::MAX_FAILURES_PER_ACCOUNT {
        let refused = visit.submit("/en/login/code", "/en/login/code", &[("code", &wrong)]).await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    }
    let blocked = visit.submit("/en/login/code", "/en/login/code", &[("code", &app_code(&secret))]).await;
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS, "even the right code waits");
    let retry: u64 = blocked.headers()[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry), "{retry}");
    let mut fresh = Visit::new(&app);
    let password = fresh.sign_in_as(ADMIN, PASSWORD).await;
    assert_eq!(password.status(), StatusCode::TOO_MANY_REQUESTS, "and so does the password");
    let id = user_id(&app, ADMIN).await;
    let factor = app.store.second_factor(id).await.unwrap().unwrap();
    assert!(factor.last_step.is_some());
    let failures =
        app.store.audit_log(20).await.unwrap().iter().filter(|e| e.action.as_str() == "second-factor-failed").count();
    assert_eq!(failures as i64, throttle::MAX_FAILURES_PER_ACCOUNT);
}

on_both_databases!(turning_off_takes_the_password_and_a_code);
async fn turning_off_takes_the_password_and_a_code(app: TestApp) {
    with_user(&app, ADMIN, UserRole::Admin, None).await;
    let mut visit = Visit::new(&app);
    let (secret, codes) = enrol(&mut visit, ADMIN).await;
    let_time_pass(&app).await;
    let page = visit.get("/en/account/second-factor").await.text().await.unwrap();
    let token = hidden_token(&page);
    let code = app_code(&secret);
    let path = "/en/account/second-factor/disable";

    let forged = visit.post(path, &[("current", PASSWORD), ("code", &code)]).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "no CSRF token");
    let no_password =
        visit.post(path, &[("csrf_token", &token), ("current", "not my password"), ("code", &code)]).await;
    assert_eq!(no_password.status(), StatusCode::BAD_REQUEST);
    assert!(no_password.text().await.unwrap().contains("Current password is not right"));
    let no_code =
        visit.post(path, &[("csrf_token", &token), ("current", PASSWORD), ("code", &stale_code(&secret))]).await;
    assert_eq!(no_code.status(), StatusCode::BAD_REQUEST);
    assert!(no_code.text().await.unwrap().contains("Code from your app is not right"));
    let vi = visit.post("/vi/account/second-factor/disable", &[("csrf_token", &token), ("current", PASSWORD)]).await;
    assert_eq!(vi.status(), StatusCode::BAD_REQUEST);
    assert!(vi.text().await.unwrap().contains("Mã từ ứng dụng không được để trống"), "a missing code is named");
    let id = user_id(&app, ADMIN).await;
    assert!(app.store.second_factor(id).await.unwrap().unwrap().enabled(), "still on");

    let off = visit.post(path, &[("csrf_token", &token), ("current", PASSWORD), ("code", &codes[3])]).await;
    assert_eq!(off.status(), StatusCode::OK, "a recovery code does too");
    assert!(off.text().await.unwrap().contains("Two-step sign-in is off"));
    assert!(app.store.second_factor(id).await.unwrap().is_none());
    assert_eq!(actions(&app, 1).await, ["second-factor-disabled"]);
    let mut later = Visit::new(&app);
    let password = later.sign_in_as(ADMIN, PASSWORD).await;
    assert_eq!(password.status(), StatusCode::SEE_OTHER);
    assert_eq!(password.headers()[header::LOCATION], "/en/account", "the password alone again");
}

on_both_databases!(only_curators_and_administrators_use_a_second_factor);
async fn only_curators_and_administrators_use_a_second_factor(app: TestApp) {
    let anonymous = app.get("/en/account/second-factor").await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert_eq!(anonymous.headers()[header::LOCATION], "/en/login");
    for (email, role, actor) in [
        ("reader@example.org", UserRole::Registered, None),
        ("focal.point@mic.gov.vn", UserRole::Representative, Some("viet-nam")),
    ] {
        with_user(&app, email, role, actor).await;
        let mut visit = Visit::new(&app);
        assert_eq!(visit.sign_in_as(email, PASSWORD).await.status(), StatusCode::SEE_OTHER);
        let account = visit.get("/en/account").await.text().await.unwrap();
        assert!(!account.contains("/account/second-factor"), "{email}: no link");
        let token = hidden_token(&account);
        let page = visit.get("/vi/account/second-factor").await;
        assert_eq!(page.status(), StatusCode::FORBIDDEN, "{email}");
        assert!(page.text().await.unwrap().contains("Bạn không được xem trang này"));
        let start = visit.post("/en/account/second-factor/start", &[("csrf_token", &token)]).await;
        assert_eq!(start.status(), StatusCode::FORBIDDEN, "{email}");
        assert_eq!(visit.get("/en/account/second-factor/qr.svg").await.status(), StatusCode::FORBIDDEN);
        assert!(app.store.second_factor(user_id(&app, email).await).await.unwrap().is_none());
    }
    with_user(&app, "editor@thegfce.example.org", UserRole::Curator, None).await;
    let mut curator = Visit::new(&app);
    assert_eq!(curator.sign_in_as("editor@thegfce.example.org", PASSWORD).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(curator.get("/en/account/second-factor").await.status(), StatusCode::OK);
}

on_both_databases!(an_operator_resets_a_lost_second_factor);
async fn an_operator_resets_a_lost_second_factor(app: TestApp) {
    with_user(&app, ADMIN, UserRole::Admin, None).await;
    enrol(&mut Visit::new(&app), ADMIN).await;
    let data_dir = tempfile::tempdir().unwrap();
    let gfce = |email: &str| {
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_gfce"));
        command
            .args(["user", "reset-second-factor", "--email", email, "--database-url", &app.url, "--data-dir"])
            .arg(data_dir.path())
            .env_remove("GFCE_DATABASE_URL")
            .env_remove("GFCE_DATA_DIR");
        async move { command.output().await }
    };
    let reset = gfce("Secretariat@THEGFCE.example.org").await.unwrap();
    assert!(reset.status.success(), "{}", String::from_utf8_lossy(&reset.stderr));
    assert!(String::from_utf8_lossy(&reset.stdout).contains("two-step sign-in turned off"));
    assert_eq!(actions(&app, 1).await, ["second-factor-reset"]);
    let mut visit = Visit::new(&app);
    let password = visit.sign_in_as(ADMIN, PASSWORD).await;
    assert_eq!(password.headers()[header::LOCATION], "/en/account", "the password alone opens the account");

    let again = gfce(ADMIN).await.unwrap();
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("nothing changed"));
    let unknown = gfce("nobody@example.org").await.unwrap();
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("has no account"));
    let bad = gfce("not an address").await.unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--email"));
}
