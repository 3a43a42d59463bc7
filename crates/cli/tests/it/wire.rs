//! Bytes on the wire: answers compressed as the client accepts (and left alone when small, not
//! text, or showing a secret), entity tags and `304 Not Modified` on pages, API lists and items,
//! feeds and exports, `Last-Modified` on API items, and CSRF tokens masked afresh in each answer.

use std::{io::Read, time::Duration};

use reqwest::{header, Method, Response, StatusCode};
use serde_json::{json, Value};

use crate::{
    accounts::{hidden_token, Visit},
    common::TestApp,
    concurrency::{admin_token, project},
    on_both_databases,
};

on_both_databases!(
    text_is_compressed_as_the_client_accepts,
    pages_and_open_data_are_tagged_and_revalidated,
    api_items_say_when_they_changed,
    forms_carry_a_fresh_token_each_time,
);

const ADMIN: &str = "secretariat@thegfce.example.org";
const PASSWORD: &str = "correct horse battery staple";
const SLUG: &str = "wire-project";

async fn get(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> Response {
    let mut request = app.client.get(format!("{}{path}", app.base));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

/// Every `Vary` of an answer, as one lower-case list.
fn vary(response: &Response) -> String {
    let values: Vec<&str> = response.headers().get_all(header::VARY).iter().map(|v| v.to_str().unwrap()).collect();
    values.join(", ").to_ascii_lowercase()
}

fn named(response: &Response, name: header::HeaderName) -> Option<&str> {
    response.headers().get(name).map(|v| v.to_str().unwrap())
}

fn decode(encoding: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    match encoding {
        "gzip" => flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap(),
        "br" => brotli::Decompressor::new(bytes, 4096).read_to_end(&mut out).unwrap(),
        other => panic!("unexpected encoding {other}"),
    };
    out
}

async fn text_is_compressed_as_the_client_accepts(app: TestApp) {
    for (path, encoding) in [
        ("/en/members", "gzip"),
        ("/vi/members", "br"),
        ("/api/v1/members?per_page=500", "gzip"),
        ("/api/v1/countries", "br"),
        ("/feeds/latest.atom", "gzip"),
        ("/api/v1/export.json", "br"),
        ("/api/openapi.json", "gzip"),
    ] {
        let plain = get(&app, path, &[]).await;
        assert_eq!(plain.status(), StatusCode::OK, "{path}");
        assert!(named(&plain, header::CONTENT_ENCODING).is_none(), "{path}: nothing accepted, nothing encoded");
        assert!(vary(&plain).contains("accept-encoding"), "{path}: {}", vary(&plain));
        let plain_tag = named(&plain, header::ETAG).map(str::to_owned);
        let plain = plain.bytes().await.unwrap();

        let packed = get(&app, path, &[("accept-encoding", encoding)]).await;
        assert_eq!(named(&packed, header::CONTENT_ENCODING), Some(encoding), "{path}");
        let packed_vary = vary(&packed);
        assert!(packed_vary.contains("accept-encoding") && packed_vary.contains("cookie"), "{path}: {packed_vary}");
        assert_eq!(named(&packed, header::ETAG).map(str::to_owned), plain_tag, "{path}: one tag for every encoding");
        let packed = packed.bytes().await.unwrap();
        assert!(packed.len() < plain.len(), "{path}: {} of {} bytes", packed.len(), plain.len());
        assert_eq!(decode(encoding, &packed), plain, "{path}: the same content");
    }

    let both = get(&app, "/en/projects", &[("accept-encoding", "gzip, br")]).await;
    assert!(matches!(named(&both, header::CONTENT_ENCODING), Some("gzip" | "br")));
    for refused in ["identity", "gzip;q=0, br;q=0", "compress"] {
        let plain = get(&app, "/en/members", &[("accept-encoding", refused)]).await;
        assert!(named(&plain, header::CONTENT_ENCODING).is_none(), "{refused}");
    }

    let small = get(&app, "/healthz", &[("accept-encoding", "gzip")]).await;
    assert!(named(&small, header::CONTENT_ENCODING).is_none(), "a tiny answer is sent as it is");
    assert!(!vary(&small).contains("accept-encoding"), "and does not vary by encoding");
    assert_eq!(small.text().await.unwrap(), "ok");

    let missing = get(&app, "/en/no-such-page", &[("accept-encoding", "gzip")]).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(named(&missing, header::CONTENT_ENCODING), Some("gzip"), "error pages are compressed too");
    let problem = get(&app, "/api/v1/members?per_page=x", &[("accept-encoding", "gzip")]).await;
    assert_eq!(problem.status(), StatusCode::BAD_REQUEST);
    assert!(named(&problem, header::CONTENT_ENCODING).is_none(), "a short problem document is sent as it is");
    assert_eq!(problem.json::<Value>().await.unwrap()["param"], "per_page");

    // Pages that show a secret again and again (the outbox's links) are never compressed.
    admin_token(&app).await;
    let mut admin = Visit::new(&app);
    assert_eq!(admin.sign_in_as(ADMIN, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let account = admin.get_with("/en/account", &[("accept-encoding", "gzip")]).await;
    assert_eq!(named(&account, header::CONTENT_ENCODING), Some("gzip"), "a signed-in page is compressed");
    let outbox = admin.get_with("/en/admin/outbox", &[("accept-encoding", "gzip")]).await;
    assert_eq!(outbox.status(), StatusCode::OK);
    assert!(named(&outbox, header::CONTENT_ENCODING).is_none(), "the outbox is not");
    assert_eq!(named(&outbox, header::CACHE_CONTROL), Some("no-store"));
}

/// Creates (or revises, when it exists) a project through the API, then submits and publishes it.
async fn publish(app: &TestApp, token: &str, record: Value, revise: bool) {
    let send = |method: Method, path: String, body: Option<&Value>| {
        let mut request = app.client.request(method, format!("{}{path}", app.base)).bearer_auth(token);
        if let Some(body) = body {
            request = request.json(body);
        }
        async move {
            let response = request.send().await.unwrap();
            let status = response.status();
            let body: Value = response.json().await.unwrap_or(Value::Null);
            assert!(status.is_success(), "{status}: {body}");
            body
        }
    };
    let revision = if revise {
        send(Method::PUT, format!("/api/v1/projects/{SLUG}"), Some(&record)).await
    } else {
        send(Method::POST, "/api/v1/projects".into(), Some(&record)).await
    };
    let id = revision["id"].as_str().expect("a revision").to_owned();
    for step in ["submit", "publish"] {
        send(Method::POST, format!("/api/v1/revisions/{id}/{step}"), None).await;
    }
}

/// The tag of an answer to a GET, which must have one.
async fn tag_of(app: &TestApp, path: &str) -> String {
    let response = get(app, path, &[]).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let tag = named(&response, header::ETAG).unwrap_or_else(|| panic!("{path} has a tag")).to_owned();
    assert!(tag.starts_with("W/\"") && tag.ends_with('"'), "{path}: a weak tag, {tag}");
    tag
}

async fn pages_and_open_data_are_tagged_and_revalidated(app: TestApp) {
    let token = admin_token(&app).await;
    publish(&app, &token, project(SLUG), false).await;
    let item = format!("/api/v1/projects/{SLUG}");
    let page = format!("/en/projects/{SLUG}");
    let paths =
        ["/en/members", page.as_str(), "/api/v1/projects", item.as_str(), "/feeds/latest.atom", "/api/v1/export.json"];
    let mut before = Vec::new();
    for path in paths {
        let tag = tag_of(&app, path).await;
        assert_eq!(tag, tag_of(&app, path).await, "{path}: the same answer, the same tag");

        let current = get(&app, path, &[("if-none-match", &tag)]).await;
        assert_eq!(current.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(named(&current, header::ETAG), Some(tag.as_str()), "{path}: a 304 names the tag");
        assert!(vary(&current).contains("accept-encoding") && vary(&current).contains("cookie"), "{path}");
        assert!(named(&current, header::CONTENT_TYPE).is_none(), "{path}: a 304 describes no body");
        assert!(current.headers().contains_key("x-content-type-options"), "{path}: security headers stay");
        assert!(current.bytes().await.unwrap().is_empty(), "{path}");

        let strong = tag.trim_start_matches("W/");
        for field in [format!("\"elsewhere\", {strong}"), "*".to_owned(), format!("W/\"a,b\",{tag}")] {
            let matched = get(&app, path, &[("if-none-match", &field)]).await;
            assert_eq!(matched.status(), StatusCode::NOT_MODIFIED, "{path}: {field}");
        }
        let packed = get(&app, path, &[("if-none-match", &tag), ("accept-encoding", "br")]).await;
        assert_eq!(packed.status(), StatusCode::NOT_MODIFIED, "{path}: the tag holds for every encoding");
        let other = get(&app, path, &[("if-none-match", "W/\"0000\"")]).await;
        assert_eq!(other.status(), StatusCode::OK, "{path}");
        assert!(!other.bytes().await.unwrap().is_empty());

        let full = get(&app, path, &[]).await.bytes().await.unwrap();
        let head = app.client.head(format!("{}{path}", app.base)).send().await.unwrap();
        assert_eq!(head.status(), StatusCode::OK, "{path}");
        assert_eq!(named(&head, header::ETAG), Some(tag.as_str()), "{path}: HEAD tags as GET does");
        assert_eq!(named(&head, header::CONTENT_LENGTH), Some(full.len().to_string().as_str()), "{path}");
        let head = app.client.head(format!("{}{path}", app.base)).header("if-none-match", &tag).send().await;
        assert_eq!(head.unwrap().status(), StatusCode::NOT_MODIFIED, "{path}");
        before.push(tag);
    }

    let mut changed = project(SLUG);
    changed["title"]["en"] = json!("Rewritten for the wire");
    publish(&app, &token, changed, true).await;
    for (path, old) in paths.iter().zip(&before) {
        let again = get(&app, path, &[("if-none-match", old)]).await;
        if *path == "/en/members" {
            assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path} does not show projects");
            continue;
        }
        assert_eq!(again.status(), StatusCode::OK, "{path} changed with the project");
        assert_ne!(named(&again, header::ETAG), Some(old.as_str()), "{path}");
    }

    // Answers no cache may keep carry no tag and are never 304.
    let tag = &before[2];
    let with_token = app
        .client
        .get(format!("{}/api/v1/projects", app.base))
        .bearer_auth(&token)
        .header("if-none-match", tag)
        .send()
        .await
        .unwrap();
    assert_eq!(with_token.status(), StatusCode::OK);
    assert_eq!(named(&with_token, header::CACHE_CONTROL), Some("no-store"));
    assert!(named(&with_token, header::ETAG).is_none());
    let fresh_visitor = get(&app, "/en/login", &[]).await;
    assert!(fresh_visitor.headers().contains_key(header::SET_COOKIE));
    assert!(named(&fresh_visitor, header::ETAG).is_none(), "an answer that sets a cookie");
    let mut admin = Visit::new(&app);
    assert_eq!(admin.sign_in_as(ADMIN, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let signed_in = admin.get("/en/members").await;
    assert_eq!(named(&signed_in, header::CACHE_CONTROL), Some("no-store"), "pages stay private");
    assert!(named(&signed_in, header::ETAG).is_none());
    let missing = get(&app, "/api/v1/projects/no-such-project", &[("if-none-match", "*")]).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND, "`*` matches only what exists");
    let posted = app.client.post(format!("{}/en/login", app.base)).header("if-none-match", "*").send().await;
    assert_eq!(posted.unwrap().status(), StatusCode::FORBIDDEN, "conditions are for reads");
}

/// The `Last-Modified` of a GET, which must have one.
async fn last_modified(app: &TestApp, path: &str) -> String {
    let response = get(app, path, &[]).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    named(&response, header::LAST_MODIFIED).unwrap_or_else(|| panic!("{path} says when it changed")).to_owned()
}

async fn api_items_say_when_they_changed(app: TestApp) {
    let token = admin_token(&app).await;
    publish(&app, &token, project(SLUG), false).await;
    let item = format!("/api/v1/projects/{SLUG}");
    for path in [item.as_str(), "/api/v1/members/viet-nam", "/api/v1/actors/viet-nam", "/api/v1/events/gccs-2015"] {
        let modified = last_modified(&app, path).await;
        assert!(modified.ends_with(" GMT"), "{path}: an HTTP date, {modified}");
        let cache_control = get(&app, path, &[]).await.headers()[header::CACHE_CONTROL].clone();
        assert_eq!(cache_control, "no-cache", "{path}: no cache guesses a freshness from the date");
        let current = get(&app, path, &[("if-modified-since", &modified)]).await;
        assert_eq!(current.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(named(&current, header::LAST_MODIFIED), Some(modified.as_str()), "{path}");
        let old = get(&app, path, &[("if-modified-since", "Sat, 01 Jan 2000 00:00:00 GMT")]).await;
        assert_eq!(old.status(), StatusCode::OK, "{path}");
        let tag_decides = get(&app, path, &[("if-modified-since", &modified), ("if-none-match", "W/\"0000\"")]).await;
        assert_eq!(tag_decides.status(), StatusCode::OK, "{path}: If-None-Match comes first");
        let bad_date = get(&app, path, &[("if-modified-since", "yesterday")]).await;
        assert_eq!(bad_date.status(), StatusCode::OK, "{path}: a date that is not one is ignored");
    }
    let lists = get(&app, "/api/v1/projects", &[]).await;
    assert!(named(&lists, header::LAST_MODIFIED).is_none(), "lists are revalidated by their tag");

    let before = last_modified(&app, &item).await;
    // HTTP dates count whole seconds.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let mut changed = project(SLUG);
    changed["summary"] = json!({"en": "Now with a summary", "vi": null});
    publish(&app, &token, changed, true).await;
    let stale = get(&app, &item, &[("if-modified-since", &before)]).await;
    assert_eq!(stale.status(), StatusCode::OK, "changed since");
    let after = named(&stale, header::LAST_MODIFIED).unwrap().to_owned();
    assert_ne!(after, before);
    assert_eq!(get(&app, &item, &[("if-modified-since", &after)]).await.status(), StatusCode::NOT_MODIFIED);

    // An answer changes when a record it shows does: here the name of a participating actor.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let mut joined = project(SLUG);
    joined["participants"] = json!([{"actor": "microsoft", "role": "funder"}]);
    publish(&app, &token, joined, true).await;
    let with_actor = last_modified(&app, &item).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    app.execute(
        "UPDATE actors SET name_en = 'Microsoft Corporation', updated_at = '2099-01-01T00:00:00.000000Z' \
         WHERE slug = 'microsoft'",
    )
    .await;
    let renamed = get(&app, &item, &[("if-modified-since", &with_actor)]).await;
    assert_eq!(renamed.status(), StatusCode::OK, "the actor's change counts");
    assert_eq!(named(&renamed, header::LAST_MODIFIED), Some("Thu, 01 Jan 2099 00:00:00 GMT"));
}

async fn forms_carry_a_fresh_token_each_time(app: TestApp) {
    let mut visitor = Visit::new(&app);
    let first = hidden_token(&visitor.get("/en/login").await.text().await.unwrap());
    let second = hidden_token(&visitor.get("/en/login").await.text().await.unwrap());
    assert_eq!((first.len(), second.len()), (128, 128), "{first} {second}");
    assert_ne!(first, second, "each answer masks the token afresh");
    let gzip = visitor.get_with("/en/login", &[("accept-encoding", "gzip")]).await;
    assert_eq!(named(&gzip, header::CONTENT_ENCODING), Some("gzip"));

    admin_token(&app).await;
    let mut tampered = first.clone().into_bytes();
    tampered[100] = if tampered[100] == b'a' { b'b' } else { b'a' };
    let tampered = String::from_utf8(tampered).unwrap();
    let refused =
        visitor.post("/en/login", &[("csrf_token", &tampered), ("email", ADMIN), ("password", PASSWORD)]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "a tampered token proves nothing");
    let signed_in =
        visitor.post("/en/login", &[("csrf_token", &first), ("email", ADMIN), ("password", PASSWORD)]).await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER, "an older answer's token still proves it");

    let page = visitor.get("/en/account").await.text().await.unwrap();
    let again = visitor.get("/en/account").await.text().await.unwrap();
    assert_ne!(hidden_token(&page), hidden_token(&again), "signed in too");
    let out = visitor.post("/en/logout", &[("csrf_token", &hidden_token(&page))]).await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
}
