//! The curation forms refusing bad input over HTTP: a project form whose budget lacks its
//! currency, and a return without a usable comment, each explained on the page it came from,
//! in the page's language, with nothing written.

use gfce_core::{Email, NewPassword, Slug, UserRole};
use gfce_web::access::secrets;
use reqwest::{header, StatusCode};

use crate::accounts::Visit;
use crate::common::TestApp;
use crate::on_both_databases;

const REPRESENTATIVE: &str = "focal.point@mic.example.gov.vn";
const CURATOR: &str = "curator@gfce.example";
const PASSWORD: &str = "regional cooperation in cyber capacity";

async fn with_user(app: &TestApp, email: &str, role: UserRole, member: Option<&str>) {
    let email = Email::parse(email).unwrap();
    let password = NewPassword::parse(PASSWORD, Some(&email)).unwrap();
    let member = member.map(|m| Slug::parse(m).unwrap());
    app.store.create_user(&email, &secrets::hash_password(&password), role, member.as_ref()).await.unwrap();
}

async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Visit<'a> {
    let mut visit = Visit::new(app);
    assert_eq!(visit.sign_in_as(email, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    visit
}

const NEW_PROJECT: &str = "/vi/contributions/new-project";

fn project(budget_amount: &'static str, budget_currency: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("title_en", "National incident response exercise"),
        ("title_vi", "Diễn tập ứng cứu sự cố cấp quốc gia"),
        ("slug", "national-incident-response-exercise"),
        ("status", "planned"),
        ("countries", "VN"),
        ("budget_amount", budget_amount),
        ("budget_currency", budget_currency),
        ("intent", "submit"),
    ]
}

on_both_databases!(a_budget_without_its_currency_names_the_currency, a_return_needs_a_comment);

async fn a_budget_without_its_currency_names_the_currency(app: TestApp) {
    with_user(&app, REPRESENTATIVE, UserRole::Representative, Some("viet-nam")).await;
    let mut rep = signed_in(&app, REPRESENTATIVE).await;

    let refused = rep.submit(NEW_PROJECT, NEW_PROJECT, &project("1000000", "")).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains(r##"<a href="#budget_currency">Đơn vị tiền tệ của ngân sách không được để trống.</a>"##),
        "{page}"
    );
    assert!(!page.contains(r##"href="#budget_amount""##), "the amount is right: {page}");
    assert!(page.contains(r#"value="1000000""#), "the amount is kept");
    let contributions = rep.get("/vi/contributions").await.text().await.unwrap();
    assert!(contributions.contains("Chưa có gì ở đây."), "nothing was saved: {contributions}");

    let saved = rep.submit(NEW_PROJECT, NEW_PROJECT, &project("1000000", "VND")).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
}

async fn a_return_needs_a_comment(app: TestApp) {
    with_user(&app, REPRESENTATIVE, UserRole::Representative, Some("viet-nam")).await;
    with_user(&app, CURATOR, UserRole::Curator, None).await;
    let mut rep = signed_in(&app, REPRESENTATIVE).await;
    let submitted = rep.submit(NEW_PROJECT, NEW_PROJECT, &project("", "")).await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    let location = submitted.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let revision = location.strip_prefix("/vi").expect("the revision's page").to_owned();

    let mut curator = signed_in(&app, CURATOR).await;
    let (page, action) = (format!("/en{revision}"), format!("/en{revision}/return"));
    let blank = curator.submit(&page, &action, &[("comment", "  \n ")]).await;
    assert_eq!(blank.status(), StatusCode::BAD_REQUEST);
    let body = blank.text().await.unwrap();
    assert!(body.contains(r##"<a href="#comment">Comment for the author must not be empty.</a>"##), "{body}");
    assert!(body.contains("Waiting for review"), "still waiting: {body}");

    let long = "x".repeat(2001);
    let too_long = curator.submit(&page, &format!("/vi{revision}/return"), &[("comment", &long)]).await;
    assert_eq!(too_long.status(), StatusCode::BAD_REQUEST);
    let body = too_long.text().await.unwrap();
    assert!(body.contains("Nhận xét gửi tác giả quá dài (tối đa 2000 ký tự)."), "{body}");
    assert!(body.contains(&format!(">{long}</textarea>")), "the comment is kept");
    assert!(curator.get(&page).await.text().await.unwrap().contains("Waiting for review"), "not returned");

    let returned = curator.submit(&page, &action, &[("comment", "Please add a budget.")]).await;
    assert_eq!(returned.status(), StatusCode::SEE_OTHER);
    let again = curator.submit(&page, &action, &[("comment", "")]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "a returned revision cannot be returned");
    let shown = rep.get(&location).await.text().await.unwrap();
    assert!(shown.contains("Please add a budget."), "{shown}");
}
