//! Membership applications over HTTP: applying (acknowledged by mail, refused field by field in
//! both languages, CSRF-protected), the administrators' queue, approval (the actor in the
//! directory and the search, the contact its representative with a link to choose a password)
//! and rejection, and decisions that come too late.

use std::time::{Duration, Instant};

use gfce_core::{ApplicationState, Email, NewPassword, UserRole};
use gfce_web::access::secrets;
use reqwest::{header, StatusCode};
use uuid::Uuid;

use crate::accounts::{hidden_token, Visit};
use crate::common::{slugs, TestApp};
use crate::on_both_databases;

on_both_databases!(
    an_application_is_acknowledged,
    bad_applications_name_every_field,
    applications_need_a_csrf_token,
    only_administrators_see_and_decide,
    approval_makes_a_member_and_its_representative,
    rejection_keeps_its_reason_and_decisions_are_final,
);

const CONTACT: &str = "lan@cyber-institute.example.vn";
const NAME: &str = "Hanoi Institute of Cyber Defence";
const SLUG: &str = "hanoi-institute-of-cyber-defence";
const ADMIN: &str = "secretariat@thegfce.example.org";
const CURATOR: &str = "curator@thegfce.example.org";
const PASSWORD: &str = "correct horse battery staple";

fn application(contact: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("kind", "academia"),
        ("name_en", NAME),
        ("name_vi", "Viện Phòng thủ Không gian mạng Hà Nội"),
        ("country", "VN"),
        ("website", "https://cyber-institute.example.vn"),
        ("contact_name", "Nguyễn Thị Lan"),
        ("contact_email", contact),
        ("motivation", "We train the staff of national CERTs across South-East Asia."),
        ("themes", "cybercrime"),
        ("themes", "culture-skills"),
        ("endorse_hague", "yes"),
        ("endorse_framework", "yes"),
        ("endorse_delhi", "yes"),
        ("official_name", "Trần Văn Bình"),
        ("official_title", "Director"),
    ]
}

async fn apply(visit: &mut Visit<'_>, lang: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let path = format!("/{lang}/apply");
    visit.submit(&path, &path, fields).await
}

async fn with_user(app: &TestApp, email: &str, role: UserRole) {
    let email = Email::parse(email).unwrap();
    let hash = secrets::hash_password(&NewPassword::parse(PASSWORD, Some(&email)).unwrap());
    app.store.create_user(&email, &hash, role, None).await.unwrap();
}

/// Signs in as a new administrator.
async fn administrator(app: &TestApp) -> Visit<'_> {
    with_user(app, ADMIN, UserRole::Admin).await;
    let mut visit = Visit::new(app);
    assert_eq!(visit.sign_in_as(ADMIN, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    visit
}

/// The ids of the applications in a state, oldest first.
async fn ids(app: &TestApp, state: ApplicationState) -> Vec<Uuid> {
    app.store.applications(Some(state)).await.unwrap().into_iter().map(|a| a.id).collect()
}

fn page_of(id: Uuid) -> String {
    format!("/en/admin/applications/{id}")
}

async fn an_application_is_acknowledged(app: TestApp) {
    let mut visit = Visit::new(&app);
    let form = visit.get("/en/apply").await;
    assert_eq!(form.status(), StatusCode::OK);
    let page = form.text().await.unwrap();
    assert!(page.contains("Hague Declaration") && page.contains("Delhi Communiqué"), "the endorsements are asked for");
    let sent = apply(&mut visit, "en", &application(CONTACT)).await;
    assert_eq!(sent.status(), StatusCode::OK);
    assert!(sent.text().await.unwrap().contains("Your application was sent"));

    let outbox = app.store.outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!((outbox[0].to.as_str(), outbox[0].subject.as_str()), (CONTACT, "Your application to join the GFCE"));
    assert!(!outbox[0].body.contains(NAME), "nothing typed is mailed to the unchecked address");

    let submitted = app.store.applications(Some(ApplicationState::Submitted)).await.unwrap();
    assert_eq!(submitted.len(), 1);
    let (stored, history) = app.store.application(submitted[0].id).await.unwrap().unwrap();
    assert_eq!(stored.application.themes.len(), 2);
    assert_eq!(stored.application.endorsed_by.title, "Director");
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].from, history[0].to, history[0].by), (None, ApplicationState::Submitted, None));
    let audited: Vec<String> =
        app.store.audit_log(5).await.unwrap().into_iter().map(|e| e.action.to_string()).collect();
    assert_eq!(audited, ["application-submitted"]);

    // In Vietnamese, the acknowledgement is in Vietnamese.
    let sent = apply(&mut visit, "vi", &application("binh@cyber-institute.example.vn")).await;
    assert_eq!(sent.status(), StatusCode::OK);
    assert_eq!(app.store.outbox(1).await.unwrap()[0].subject, "Đơn gia nhập GFCE của bạn");

    for (path, text) in [("/en/members", "Apply for membership"), ("/vi", "Nộp đơn để tổ chức của bạn gia nhập GFCE")]
    {
        let (status, page) = app.text(path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(text) && page.contains("/apply\""), "{path} links to the form");
    }
}

async fn bad_applications_name_every_field(app: TestApp) {
    let mut visit = Visit::new(&app);
    let bad: Vec<(&str, &str)> = vec![
        ("kind", "country"),
        ("name_en", " "),
        ("name_vi", ""),
        ("country", ""),
        ("website", "ftp://files.example.org"),
        ("contact_name", ""),
        ("contact_email", "not-an-address"),
        ("motivation", ""),
        ("themes", "astrology"),
        ("endorse_hague", "yes"),
        ("endorse_framework", "yes"),
        ("official_name", "Trần Văn Bình"),
        ("official_title", ""),
    ];
    let expected = [
        (
            "en",
            [
                "Name in English needs a text in at least one language",
                "Country or seat must not be empty",
                "Website must be a web address",
                "Contact person must not be empty",
                "e-mail address must be an e-mail address",
                "Motivation must not be empty",
                "Themes of interest is not a theme of the taxonomy",
                "We endorse the Delhi Communiqué on a GFCE Global Agenda for Cyber Capacity Building (2017) must be ticked",
                "Title or position of the endorsing official must not be empty",
            ],
        ),
        (
            "vi",
            [
                "Tên tiếng Anh",
                "Quốc gia",
                "Trang web",
                "Người liên hệ",
                "Địa chỉ thư điện tử của người liên hệ",
                "Lý do tham gia",
                "Chủ đề quan tâm",
                "Chúng tôi tán thành Thông cáo Delhi",
                "Chức danh hoặc chức vụ của quan chức tán thành",
            ],
        ),
    ];
    for (lang, messages) in expected {
        let refused = apply(&mut visit, lang, &bad).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{lang}");
        let page = refused.text().await.unwrap();
        let summary = &page[page.find("error-summary").expect("an error summary")..];
        let summary = &summary[..summary.find("</ul>").unwrap()];
        assert_eq!(summary.matches("<li>").count(), messages.len(), "{lang}: {summary}");
        for message in messages {
            assert!(summary.contains(message), "{lang}: {message} in {summary}");
        }
        assert!(page.contains("value=\"Trần Văn Bình\""), "the form is kept filled in");
        assert!(page.contains("name=\"endorse_hague\" value=\"yes\" required checked"), "ticks are kept");
    }
    let government: Vec<(&str, &str)> =
        application(CONTACT).into_iter().map(|(k, v)| if k == "kind" { (k, "government") } else { (k, v) }).collect();
    let refused = apply(&mut visit, "en", &government).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(
        refused.text().await.unwrap().contains("Kind is not one of the allowed values"),
        "it joins through its country"
    );
    let unendorsed: Vec<(&str, &str)> =
        application(CONTACT).into_iter().filter(|(k, _)| *k != "endorse_hague").collect();
    let refused = apply(&mut visit, "en", &unendorsed).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(refused.text().await.unwrap().contains("Hague Declaration on the GFCE (2015) must be ticked"));

    assert!(app.store.applications(None).await.unwrap().is_empty(), "nothing written");
    assert!(app.store.outbox(10).await.unwrap().is_empty(), "no mail written");
}

async fn applications_need_a_csrf_token(app: TestApp) {
    let mut visit = Visit::new(&app);
    visit.get("/en/apply").await;
    let forged = visit.post("/en/apply", &application(CONTACT)).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let zeros = "0".repeat(64);
    let mut wrong = vec![("csrf_token", zeros.as_str())];
    wrong.extend(application(CONTACT));
    assert_eq!(visit.post("/en/apply", &wrong).await.status(), StatusCode::FORBIDDEN);
    assert!(app.store.applications(None).await.unwrap().is_empty());
    assert!(app.store.outbox(10).await.unwrap().is_empty());
}

async fn only_administrators_see_and_decide(app: TestApp) {
    let mut anonymous = Visit::new(&app);
    assert_eq!(apply(&mut anonymous, "en", &application(CONTACT)).await.status(), StatusCode::OK);
    let id = ids(&app, ApplicationState::Submitted).await[0];

    for path in ["/en/admin/applications".to_owned(), page_of(id)] {
        let away = anonymous.get(&path).await;
        assert_eq!(away.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(away.headers()[header::LOCATION], "/en/login");
    }
    let approve = format!("{}/approve", page_of(id));
    let away = anonymous.submit("/en/apply", &approve, &[]).await;
    assert_eq!(away.status(), StatusCode::UNAUTHORIZED, "a visitor is told to sign in");

    with_user(&app, CURATOR, UserRole::Curator).await;
    let mut curator = Visit::new(&app);
    assert_eq!(curator.sign_in_as(CURATOR, PASSWORD).await.status(), StatusCode::SEE_OTHER);
    for path in ["/en/admin/applications".to_owned(), page_of(id), "/vi/admin/applications".to_owned()] {
        assert_eq!(curator.get(&path).await.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let approved = curator.submit("/en/account", &approve, &[]).await;
    assert_eq!(approved.status(), StatusCode::FORBIDDEN);
    let reject = format!("{}/reject", page_of(id));
    let rejected = curator.submit("/en/account", &reject, &[("reason", "Not a cyber body.")]).await;
    assert_eq!(rejected.status(), StatusCode::FORBIDDEN);

    assert_eq!(ids(&app, ApplicationState::Submitted).await, [id], "nothing changed");
    assert_eq!(app.store.application(id).await.unwrap().unwrap().1.len(), 1);
    let (_, members) = app.json("/api/v1/members?q=cyber%20defence").await;
    assert!(slugs(&members).is_empty(), "no actor created: {members}");
}

/// The newest message to `to` with this subject.
async fn mail_to(app: &TestApp, to: &str, subject: &str) -> gfce_store::QueuedMail {
    let outbox = app.store.outbox(50).await.unwrap();
    outbox.into_iter().find(|m| m.to.as_str() == to && m.subject == subject).expect("a message")
}

async fn approval_makes_a_member_and_its_representative(app: TestApp) {
    let mut applicant = Visit::new(&app);
    assert_eq!(apply(&mut applicant, "en", &application(CONTACT)).await.status(), StatusCode::OK);
    let id = ids(&app, ApplicationState::Submitted).await[0];
    let mut admin = administrator(&app).await;

    let queue = admin.get("/en/admin/applications").await;
    assert_eq!(queue.status(), StatusCode::OK);
    assert!(queue.text().await.unwrap().contains(&page_of(id)));
    let approved_only = admin.get("/en/admin/applications?state=approved").await;
    assert!(!approved_only.text().await.unwrap().contains(&page_of(id)), "filtered by state");
    assert_eq!(admin.get("/en/admin/applications?state=bogus").await.status(), StatusCode::BAD_REQUEST);
    let page = admin.get(&page_of(id)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains(CONTACT) && page.contains("Trần Văn Bình, Director"), "the application in full");
    assert_eq!(admin.get(&format!("/en/admin/applications/{}", Uuid::new_v4())).await.status(), StatusCode::NOT_FOUND);

    let approved = admin.submit(&page_of(id), &format!("{}/approve", page_of(id)), &[]).await;
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    assert_eq!(approved.headers()[header::LOCATION], page_of(id).as_str());

    let (status, members) = app.json("/api/v1/members?q=cyber%20defence").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(slugs(&members), [SLUG]);
    let member = &members["items"][0];
    assert_eq!((member["membership"].as_str(), member["founding"].as_bool()), (Some("partner"), Some(false)));
    assert!(member["joined_on"].is_string() && member["themes"].as_array().unwrap().len() == 2, "{member}");
    let started = Instant::now();
    loop {
        let (_, found) = app.json("/api/v1/search?q=cyber%20defence").await;
        if slugs(&found).contains(&SLUG.to_owned()) {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "the search index follows: {found}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let users = app.store.users().await.unwrap();
    let contact = users.iter().find(|u| u.email.as_str() == CONTACT).expect("an account for the contact");
    assert_eq!((contact.role, contact.actor.as_ref().map(|s| s.as_str())), (UserRole::Representative, Some(SLUG)));
    let (stored, history) = app.store.application(id).await.unwrap().unwrap();
    assert_eq!((stored.state, stored.actor.map(|s| s.to_string())), (ApplicationState::Approved, Some(SLUG.into())));
    assert_eq!(
        history.last().map(|h| (h.from, h.to)),
        Some((Some(ApplicationState::Submitted), ApplicationState::Approved))
    );

    let decision = mail_to(&app, CONTACT, "Welcome to the GFCE").await;
    assert!(decision.body.contains(NAME), "{}", decision.body);
    let welcome = mail_to(&app, CONTACT, "Choose the password of your GFCE Hub account").await;
    let at = welcome.body.find("/en/password-reset/").expect("a link to choose a password");
    let link = welcome.body[at..].split_whitespace().next().unwrap().to_owned();
    let mut contact_visit = Visit::new(&app);
    assert_eq!(contact_visit.sign_in_as(CONTACT, PASSWORD).await.status(), StatusCode::UNAUTHORIZED, "no password yet");
    let form = contact_visit.get(&link).await;
    assert_eq!(form.status(), StatusCode::OK);
    let token = hidden_token(&form.text().await.unwrap());
    let chosen = "a kettle of green tea at dawn";
    let fields = [("csrf_token", token.as_str()), ("password", chosen), ("confirmation", chosen)];
    assert_eq!(contact_visit.post(&link, &fields).await.status(), StatusCode::OK);
    assert_eq!(contact_visit.sign_in_as(CONTACT, chosen).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(contact_visit.get(&link).await.status(), StatusCode::GONE, "the link works once");

    // A registered account with the contact's address becomes the representative of the second
    // actor of the same name (which gets a slug of its own), but registration never proved the
    // address: its password is replaced and the link goes to the mailbox.
    let existing = "analyst@cyber-institute.example.vn";
    with_user(&app, existing, UserRole::Registered).await;
    let unproven = app.store.user_by_email(&Email::parse(existing).unwrap()).await.unwrap().unwrap();
    let issued = gfce_web::access::IssuedToken::generate();
    let name = gfce_core::TokenName::parse("made before approval").unwrap();
    app.store.create_token(unproven.id, &name, &issued.digest, gfce_core::TokenScopes::READ_WRITE, None).await.unwrap();
    assert_eq!(apply(&mut applicant, "vi", &application(existing)).await.status(), StatusCode::OK);
    let second = ids(&app, ApplicationState::Submitted).await[0];
    let before = app.store.outbox(100).await.unwrap().len();
    let approved = admin.submit(&page_of(second), &format!("{}/approve", page_of(second)), &[]).await;
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    let users = app.store.users().await.unwrap();
    let analyst = users.iter().find(|u| u.email.as_str() == existing).unwrap();
    let second_slug = format!("{SLUG}-2");
    assert_eq!(
        (analyst.role, analyst.actor.as_ref().map(|s| s.to_string())),
        (UserRole::Representative, Some(second_slug))
    );
    let outbox = app.store.outbox(100).await.unwrap();
    assert_eq!(outbox.len(), before + 2, "the decision and the link");
    assert_eq!((outbox[0].to.as_str(), outbox[0].subject.as_str()), (existing, "Chào mừng đến với GFCE"));
    assert_eq!(outbox[1].subject, "Chọn mật khẩu cho tài khoản GFCE Hub của bạn");
    let mut analyst_visit = Visit::new(&app);
    let refused = analyst_visit.sign_in_as(existing, PASSWORD).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED, "the unproven password no longer works");
    let me = app.client.get(format!("{}/api/v1/me", app.base)).bearer_auth(&issued.secret).send().await.unwrap();
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED, "nor do the unproven account's API tokens");
    let revoked =
        app.store.audit_log(20).await.unwrap().into_iter().find(|e| e.action.as_str() == "tokens-revoked").unwrap();
    assert_eq!(revoked.subject.as_deref(), Some(existing));
}

async fn rejection_keeps_its_reason_and_decisions_are_final(app: TestApp) {
    let mut applicant = Visit::new(&app);
    assert_eq!(apply(&mut applicant, "vi", &application(CONTACT)).await.status(), StatusCode::OK);
    let id = ids(&app, ApplicationState::Submitted).await[0];
    let mut admin = administrator(&app).await;
    let (approve, reject) = (format!("{}/approve", page_of(id)), format!("{}/reject", page_of(id)));

    let unexplained = admin.submit(&page_of(id), &reject, &[("reason", "  ")]).await;
    assert_eq!(unexplained.status(), StatusCode::BAD_REQUEST);
    assert!(unexplained.text().await.unwrap().contains("Reason must not be empty"));
    assert_eq!(ids(&app, ApplicationState::Submitted).await, [id], "not rejected without a reason");

    let reason = "The institute is not yet accredited.";
    let rejected = admin.submit(&page_of(id), &reject, &[("reason", reason)]).await;
    assert_eq!(rejected.status(), StatusCode::SEE_OTHER);
    let (stored, history) = app.store.application(id).await.unwrap().unwrap();
    assert_eq!(stored.state, ApplicationState::Rejected);
    assert_eq!(history.len(), 2);
    let admin_id = app.store.users().await.unwrap().iter().find(|u| u.email.as_str() == ADMIN).unwrap().id;
    let last = &history[1];
    assert_eq!(
        (last.from, last.to, last.by),
        (Some(ApplicationState::Submitted), ApplicationState::Rejected, Some(admin_id))
    );
    assert_eq!(last.reason.as_deref(), Some(reason));
    let page = admin.get(&page_of(id)).await.text().await.unwrap();
    assert!(page.contains(reason) && page.contains(ADMIN), "the history shows who and why");
    let mail = &app.store.outbox(1).await.unwrap()[0];
    assert_eq!((mail.to.as_str(), mail.subject.as_str()), (CONTACT, "Đơn gia nhập GFCE của bạn"));
    assert!(mail.body.contains(reason), "{}", mail.body);
    let audited: Vec<String> =
        app.store.audit_log(1).await.unwrap().into_iter().map(|e| e.action.to_string()).collect();
    assert_eq!(audited, ["application-rejected"]);

    let mails = app.store.outbox(100).await.unwrap().len();
    let token = hidden_token(&admin.get("/en/account").await.text().await.unwrap());
    let late = admin.post(&approve, &[("csrf_token", &token)]).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    assert!(late.text().await.unwrap().contains("This application was decided already"));
    let late = admin.post(&reject.replacen("/en/", "/vi/", 1), &[("csrf_token", &token), ("reason", "again")]).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    assert!(late.text().await.unwrap().contains("Đơn này đã được quyết định"));

    let (stored, history) = app.store.application(id).await.unwrap().unwrap();
    assert_eq!((stored.state, history.len()), (ApplicationState::Rejected, 2), "nothing changed");
    assert_eq!(app.store.outbox(100).await.unwrap().len(), mails, "no mail");
    let (_, members) = app.json("/api/v1/members?q=cyber%20defence").await;
    assert!(slugs(&members).is_empty(), "no actor: {members}");
}
