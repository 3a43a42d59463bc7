//! Personal API tokens: made and revoked on the account's tokens page (CSRF-protected, the
//! secret shown once and stored only as its digest), used as `Authorization: Bearer …` on the
//! JSON API, refused once revoked or expired, with a disabled account or in a malformed header,
//! and made with `gfce token create`.

use std::process::Command;

use gfce_core::{Email, NewPassword, TokenName, TokenScopes, UserRole};
use gfce_web::access::{secrets, IssuedToken};
use reqwest::{header, StatusCode};
use serde_json::Value;
use time::Duration;
use uuid::Uuid;

use crate::accounts::{hidden_token, Visit};
use crate::common::TestApp;
use crate::on_both_databases;

on_both_databases!(
    tokens_are_made_on_the_account_page_and_work_on_the_api,
    only_the_owner_revokes_a_token,
    expired_and_disabled_tokens_are_refused,
    malformed_credentials_are_refused,
    bad_token_forms_name_the_field,
    tokens_from_the_command_line,
);

const EMAIL: &str = "analyst@ncsc.example.org";
const OTHER: &str = "auditor@cert.example.org";
const PASSWORD: &str = "correct horse battery staple";
const TOKENS: &str = "/en/account/tokens";

async fn with_user(app: &TestApp, email: &str) -> Uuid {
    let email = Email::parse(email).unwrap();
    let hash = secrets::hash_password(&NewPassword::parse(PASSWORD, Some(&email)).unwrap());
    app.store.create_user(&email, &hash, UserRole::Registered, None).await.unwrap().id
}

async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Visit<'a> {
    let mut visit = Visit::new(app);
    assert_eq!(visit.sign_in_as(email, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    visit
}

/// A GET of `/api/v1/me` with this `Authorization` header (none when `None`).
async fn me(app: &TestApp, authorization: Option<&str>, lang: &str) -> reqwest::Response {
    let mut request = app.client.get(format!("{}/api/v1/me", app.base)).header(header::ACCEPT_LANGUAGE, lang);
    if let Some(a) = authorization {
        request = request.header(header::AUTHORIZATION, a);
    }
    request.send().await.unwrap()
}

async fn me_with(app: &TestApp, secret: &str) -> reqwest::Response {
    me(app, Some(&format!("Bearer {secret}")), "en").await
}

/// A token's lifetime is measured from the moment it is stored, a little after the expiry was
/// chosen.
fn assert_about(lifetime: Duration, expected: Duration) {
    assert!((lifetime - expected).abs() < Duration::minutes(1), "{lifetime} is not about {expected}");
}

fn challenge(response: &reqwest::Response) -> Option<String> {
    response.headers().get(header::WWW_AUTHENTICATE).map(|v| v.to_str().unwrap().to_owned())
}

/// The secret a token page shows, once.
fn shown_secret(page: &str) -> String {
    let start = page.find("<code>gfce_").expect("the new token's secret") + "<code>".len();
    page[start..start + 5 + 64].to_owned()
}

/// Every stored value of every token row, as text.
async fn stored_token_rows(app: &TestApp) -> Vec<Vec<String>> {
    let columns =
        ["id", "user_id", "name", "token_hash", "scopes", "created_at", "last_used_at", "expires_at", "revoked_at"];
    app.texts(&format!("SELECT {} FROM api_tokens", columns.join(", ")), &columns).await
}

async fn tokens_are_made_on_the_account_page_and_work_on_the_api(app: TestApp) {
    let user = with_user(&app, EMAIL).await;
    let anonymous = Visit::new(&app).get(TOKENS).await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert_eq!(anonymous.headers()[header::LOCATION], "/en/login");

    let mut visit = signed_in(&app, EMAIL).await;
    let account = visit.get("/en/account").await.text().await.unwrap();
    assert!(account.contains(r#"href="/en/account/tokens""#), "the account page leads to the tokens");
    let page = visit.get(TOKENS).await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("You have no API tokens yet."), "{page}");
    let csrf = hidden_token(&page);

    let fields = [("name", "Nightly export"), ("scope", "write"), ("expires", "90")];
    let forged = visit.post(TOKENS, &fields).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "no CSRF token: refused");
    assert!(app.store.tokens_of(user).await.unwrap().is_empty(), "and nothing made");

    let mut with_csrf = vec![("csrf_token", csrf.as_str())];
    with_csrf.extend_from_slice(&fields);
    let made = visit.post(TOKENS, &with_csrf).await;
    assert_eq!(made.status(), StatusCode::OK);
    assert_eq!(made.headers()[header::CACHE_CONTROL], "no-store", "no cache keeps the secret");
    let page = made.text().await.unwrap();
    assert!(page.contains("it will not be shown again"), "{page}");
    let secret = shown_secret(&page);
    assert!(page.contains("Nightly export") && page.contains("Read and write") && page.contains("Active"));

    let tokens = app.store.tokens_of(user).await.unwrap();
    assert_eq!(tokens.len(), 1);
    let token = &tokens[0];
    assert_eq!((token.name.as_str(), token.scopes), ("Nightly export", TokenScopes::READ_WRITE));
    assert_about(token.expires_at.unwrap() - token.created_at, Duration::days(90));
    assert_eq!(token.last_used_at, None);

    // The database holds the digest, never the secret.
    let rows = stored_token_rows(&app).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][3], secrets::token_digest(&secret));
    let hex = &secret["gfce_".len()..];
    assert!(rows[0].iter().all(|value| !value.contains(hex)), "{rows:?}");
    let audit = app.store.audit_log(10).await.unwrap();
    assert!(audit.iter().all(|e| !e.detail.as_deref().unwrap_or_default().contains(hex)));
    let created = audit.iter().find(|e| e.action.as_str() == "token-created").expect("audited");
    assert_eq!(created.subject.as_deref(), Some(token.id.to_string().as_str()));
    assert_eq!(created.detail.as_deref(), Some("Nightly export (read write)"));

    let answer = me_with(&app, &secret).await;
    assert_eq!(answer.status(), StatusCode::OK);
    let body: Value = answer.json().await.unwrap();
    assert_eq!(
        body,
        serde_json::json!({"email": EMAIL, "role": "registered", "actor": null, "scopes": ["read", "write"]})
    );
    assert!(app.store.tokens_of(user).await.unwrap()[0].last_used_at.is_some(), "its use is noted");
    let reads = app.client.get(format!("{}/api/v1/members?per_page=1", app.base)).bearer_auth(&secret).send().await;
    assert_eq!(reads.unwrap().status(), StatusCode::OK, "a token reads the open data too");

    // A session cookie is not an API credential.
    let cookie_only = visit.get("/api/v1/me").await;
    assert_eq!(cookie_only.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(challenge(&cookie_only).as_deref(), Some("Bearer"));

    // Revoked on the page: refused from then on.
    let page = visit.get(TOKENS).await.text().await.unwrap();
    let revoke = format!("/en/account/tokens/{}/revoke", token.id);
    assert!(page.contains(&revoke), "a revoke button: {page}");
    assert!(!page.contains(&secret), "the secret is shown once");
    assert_eq!(visit.post(&revoke, &[]).await.status(), StatusCode::FORBIDDEN, "revoking needs the CSRF token");
    assert_eq!(me_with(&app, &secret).await.status(), StatusCode::OK);
    let revoked = visit.post(&revoke, &[("csrf_token", &csrf)]).await;
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    assert_eq!(revoked.headers()[header::LOCATION], TOKENS);
    let refused = me_with(&app, &secret).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(challenge(&refused).as_deref(), Some(r#"Bearer error="invalid_token""#));
    let page = visit.get(TOKENS).await.text().await.unwrap();
    assert!(page.contains("Revoked") && !page.contains(&revoke), "{page}");
    let again = visit.post(&revoke, &[("csrf_token", &csrf)]).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER, "revoking twice is harmless");
    let actions: Vec<String> =
        app.store.audit_log(10).await.unwrap().into_iter().map(|e| e.action.to_string()).collect();
    assert_eq!(actions.iter().filter(|a| *a == "token-revoked").count(), 1, "{actions:?}");

    let vi = visit.get("/vi/account/tokens").await.text().await.unwrap();
    assert!(vi.contains("Mã truy cập API") && vi.contains("Đã thu hồi") && vi.contains("Đọc và ghi"), "{vi}");
}

async fn only_the_owner_revokes_a_token(app: TestApp) {
    let owner = with_user(&app, EMAIL).await;
    with_user(&app, OTHER).await;
    let issued = IssuedToken::generate();
    let name = TokenName::parse("Dashboard").unwrap();
    let token = app.store.create_token(owner, &name, &issued.digest, TokenScopes::READ, None).await.unwrap();

    let mut other = signed_in(&app, OTHER).await;
    let page = other.get(TOKENS).await.text().await.unwrap();
    assert!(!page.contains("Dashboard"), "another user's tokens are not listed");
    let csrf = hidden_token(&page);
    let attempt = other.post(&format!("/en/account/tokens/{}/revoke", token.id), &[("csrf_token", &csrf)]).await;
    assert_eq!(attempt.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store.tokens_of(owner).await.unwrap()[0].revoked_at, None, "still the owner's");
    assert_eq!(me_with(&app, &issued.secret).await.status(), StatusCode::OK, "and still working");
    let actions: Vec<String> =
        app.store.audit_log(10).await.unwrap().into_iter().map(|e| e.action.to_string()).collect();
    assert!(!actions.iter().any(|a| a == "token-revoked"), "{actions:?}");
    assert!(!app.store.revoke_token(Uuid::new_v4(), token.id).await.unwrap(), "nobody else's either");
    let unknown = other.post("/en/account/tokens/not-a-token/revoke", &[("csrf_token", &csrf)]).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    assert!(app.store.revoke_token(owner, token.id).await.unwrap(), "the owner may");
    assert!(!app.store.revoke_token(owner, token.id).await.unwrap(), "once");
}

async fn expired_and_disabled_tokens_are_refused(app: TestApp) {
    let user = with_user(&app, EMAIL).await;
    let name = TokenName::parse("Short-lived").unwrap();
    let (expiring, kept) = (IssuedToken::generate(), IssuedToken::generate());
    let in_a_day = time::OffsetDateTime::now_utc() + Duration::days(1);
    let token = app.store.create_token(user, &name, &expiring.digest, TokenScopes::READ, Some(in_a_day)).await.unwrap();
    app.store.create_token(user, &name, &kept.digest, TokenScopes::READ, None).await.unwrap();
    assert_eq!(me_with(&app, &expiring.secret).await.status(), StatusCode::OK);

    app.execute(&format!("UPDATE api_tokens SET expires_at = '2000-01-01T00:00:00.000000Z' WHERE id = '{}'", token.id))
        .await;
    let expired = me_with(&app, &expiring.secret).await;
    assert_eq!(expired.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(challenge(&expired).as_deref(), Some(r#"Bearer error="invalid_token""#));
    let problem: Value = expired.json().await.unwrap();
    assert_eq!(problem["type"], "urn:gfce-hub:problem:invalid-token");
    let mut visit = signed_in(&app, EMAIL).await;
    let page = visit.get(TOKENS).await.text().await.unwrap();
    assert!(page.contains("Expired") && page.contains("Never (until revoked)"), "{page}");

    assert_eq!(me_with(&app, &kept.secret).await.status(), StatusCode::OK);
    app.execute(&format!("UPDATE users SET disabled = 1 WHERE id = '{user}'")).await;
    assert_eq!(me_with(&app, &kept.secret).await.status(), StatusCode::UNAUTHORIZED, "a disabled account's tokens");
    app.execute(&format!("UPDATE users SET disabled = 0 WHERE id = '{user}'")).await;
    assert_eq!(me_with(&app, &kept.secret).await.status(), StatusCode::OK);

    // A token is a credential of its own: a new password leaves it working.
    let csrf = hidden_token(&visit.get("/en/account").await.text().await.unwrap());
    let new = "a longer passphrase for the desk";
    let fields = [("csrf_token", csrf.as_str()), ("current", PASSWORD), ("new", new)];
    assert_eq!(visit.post("/en/account/password", &fields).await.status(), StatusCode::OK);
    assert_eq!(me_with(&app, &kept.secret).await.status(), StatusCode::OK);

    // Nor does a deleted account's token work.
    app.execute(&format!("DELETE FROM users WHERE id = '{user}'")).await;
    assert_eq!(me_with(&app, &kept.secret).await.status(), StatusCode::UNAUTHORIZED);
}

async fn malformed_credentials_are_refused(app: TestApp) {
    let anonymous = me(&app, None, "en").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(challenge(&anonymous).as_deref(), Some("Bearer"));
    let problem: Value = anonymous.json().await.unwrap();
    assert_eq!(
        (problem["type"].as_str(), problem["status"].as_u64()),
        (Some("urn:gfce-hub:problem:token-required"), Some(401))
    );

    let unknown = IssuedToken::generate().secret;
    for bad in [
        format!("Basic {}", "YWxhZGRpbjpvcGVuc2VzYW1l"),
        "Bearer".to_owned(),
        "Bearer not-a-token".to_owned(),
        format!("Bearer {}", &unknown["gfce_".len()..]),
        format!("Bearer {unknown}"),
    ] {
        let refused = me(&app, Some(&bad), "vi").await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED, "{bad}");
        assert_eq!(challenge(&refused).as_deref(), Some(r#"Bearer error="invalid_token""#), "{bad}");
        assert_eq!(refused.headers()[header::CONTENT_TYPE], "application/problem+json");
        let problem: Value = refused.json().await.unwrap();
        assert_eq!(problem["title"], "Mã truy cập API không hợp lệ", "in the client's language");
        assert_eq!(problem["instance"], "/api/v1/me");
    }
    // Every API route refuses a bad credential alike, reads included; none is needed to read.
    let read = app.client.get(format!("{}/api/v1/members", app.base)).bearer_auth(&unknown).send().await.unwrap();
    assert_eq!(read.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/v1/members").await.status(), StatusCode::OK);
    // Pages go by their session cookie and do not read the header.
    let page = app.client.get(format!("{}/en/members", app.base)).bearer_auth(&unknown).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);

    let (_, doc) = app.json("/api/openapi.json").await;
    let operation = &doc["paths"]["/api/v1/me"]["get"];
    assert_eq!(operation["security"], serde_json::json!([{"bearer": []}]));
    assert!(operation["responses"]["401"].is_object(), "{operation}");
    let scheme = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!((scheme["type"].as_str(), scheme["scheme"].as_str()), (Some("http"), Some("bearer")));
}

async fn bad_token_forms_name_the_field(app: TestApp) {
    let user = with_user(&app, EMAIL).await;
    let mut visit = signed_in(&app, EMAIL).await;
    let long = "x".repeat(101);
    for (lang, name, expected) in [
        ("en", "   ", "Token name must not be empty."),
        ("vi", "", "Tên mã không được để trống."),
        ("en", long.as_str(), "Token name is too long (at most 100 characters)."),
        ("vi", long.as_str(), "Tên mã quá dài (tối đa 100 ký tự)."),
    ] {
        let path = format!("/{lang}/account/tokens");
        let refused = visit.submit(&path, &path, &[("name", name), ("scope", "read"), ("expires", "30")]).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{lang} {name:?}");
        let page = refused.text().await.unwrap();
        assert!(page.contains(&format!(r##"<a href="#name">{expected}</a>"##)), "{expected}: {page}");
        assert!(page.contains(r#"value="read" checked"#), "the form is kept filled in");
    }
    let refused =
        visit.submit(TOKENS, TOKENS, &[("name", "Pipeline"), ("scope", "admin"), ("expires", "forever")]).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("Scope is not one of the allowed values.") && page.contains("Expires is not one of"),
        "{page}"
    );
    assert!(page.contains(r#"value="Pipeline""#));
    assert!(app.store.tokens_of(user).await.unwrap().is_empty(), "nothing made");
}

const BIN: &str = env!("CARGO_BIN_EXE_gfce");

fn gfce_token(app: &TestApp, data_dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(["token", "create", "--database-url", &app.url, "--data-dir"])
        .arg(data_dir)
        .args(args)
        .env_remove("GFCE_DATABASE_URL")
        .env_remove("GFCE_DATA_DIR")
        .output()
        .expect("run gfce")
}

async fn tokens_from_the_command_line(app: TestApp) {
    let user = with_user(&app, EMAIL).await;
    let dir = tempfile::tempdir().unwrap();
    let made = gfce_token(
        &app,
        dir.path(),
        &["--email", EMAIL, "--name", "Nightly export", "--scope", "write", "--expires-days", "30"],
    );
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let stdout = String::from_utf8(made.stdout).unwrap();
    let secret = stdout.trim_end();
    assert_eq!(stdout.lines().count(), 1, "the secret alone: {stdout}");
    assert!(secret.starts_with("gfce_") && secret.len() == 69, "{secret}");
    let body: Value = me_with(&app, secret).await.json().await.unwrap();
    assert_eq!((body["email"].as_str(), &body["scopes"]), (Some(EMAIL), &serde_json::json!(["read", "write"])));
    let tokens = app.store.tokens_of(user).await.unwrap();
    assert_eq!(tokens[0].name, "Nightly export");
    assert_about(tokens[0].expires_at.unwrap() - tokens[0].created_at, Duration::days(30));

    let read = gfce_token(&app, dir.path(), &["--email", EMAIL]);
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    let read_secret = String::from_utf8(read.stdout).unwrap().trim_end().to_owned();
    let body: Value = me_with(&app, &read_secret).await.json().await.unwrap();
    assert_eq!(body["scopes"], serde_json::json!(["read"]), "read by default");
    assert_eq!(app.store.tokens_of(user).await.unwrap()[0].expires_at, None, "until revoked by default");

    let unknown = gfce_token(&app, dir.path(), &["--email", "nobody@example.org"]);
    assert!(!unknown.status.success());
    let stderr = String::from_utf8(unknown.stderr).unwrap();
    assert!(stderr.contains("nobody@example.org: no account has this address"), "{stderr}");
    assert!(unknown.stdout.is_empty());
    for (args, expected) in [
        (["--email", EMAIL, "--scope", "admin"], "--scope is not one of the allowed values"),
        (["--email", EMAIL, "--expires-days", "0"], "--expires-days must be a whole number between 1 and 3650"),
        (["--email", EMAIL, "--name", " "], "--name must not be empty"),
    ] {
        let refused = gfce_token(&app, dir.path(), &args);
        assert!(!refused.status.success(), "{args:?}");
        let stderr = String::from_utf8(refused.stderr).unwrap();
        assert!(stderr.contains(expected), "{stderr}");
    }
    assert_eq!(app.store.tokens_of(user).await.unwrap().len(), 2, "the refused ones made nothing");
}
