use reqwest::StatusCode;

use crate::{common::TestApp, on_both_databases};

on_both_databases!(
    root_picks_the_language,
    home_speaks_both_languages,
    language_switch_keeps_the_page,
    directory_filters,
    directory_explains_bad_filters,
    member_and_event_pages,
    unknown_pages_are_404_in_the_right_language,
    output_is_escaped,
    security_headers_on_every_response,
);

async fn root_picks_the_language(app: TestApp) {
    for (accept, target) in
        [("vi-VN,vi;q=0.9,en;q=0.5", "/vi"), ("en-GB,en;q=0.9", "/en"), ("fr-FR", "/en"), ("", "/en")]
    {
        let response = app.get_lang("/", accept).await;
        assert!(response.status().is_redirection(), "{accept}");
        assert_eq!(response.headers()["location"], target, "{accept}");
        assert_eq!(response.headers()["vary"], "Accept-Language");
    }
}

async fn home_speaks_both_languages(app: TestApp) {
    let (status, vi) = app.text("/vi").await;
    assert_eq!(status, StatusCode::OK);
    assert!(vi.contains("<html lang=\"vi\">"));
    assert!(vi.contains("Việt Nam là một trong số đó"));
    assert!(
        vi.contains("<span class=\"count-number\">42</span> <span class=\"count-label\">thành viên sáng lập</span>")
    );
    assert!(vi.contains("<span class=\"count-number\">29</span>"));
    assert!(vi.contains("Hội nghị toàn cầu về không gian mạng 2015 (La Hay)"));
    assert!(vi.contains("href=\"/en\""), "switches to the English home page");

    let (_, en) = app.text("/en/").await;
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("Viet Nam is one of them, and the only founding member from South-East Asia"));
    assert!(en.contains("<span class=\"count-number\">4</span> <span class=\"count-label\">events</span>"));
    assert!(en.contains("Global Conference on CyberSpace 2015 (The Hague)"));
    for area in ["Information security", "Preventing and fighting cybercrime", "Data protection", "E-government"] {
        assert!(en.contains(area), "{area}");
    }
}

async fn language_switch_keeps_the_page(app: TestApp) {
    let (_, en) = app.text("/en/members?kind=country&region=150").await;
    assert!(en.contains("href=\"/vi/members?kind=country&#38;region=150\""));
    let (_, vi) = app.text("/vi/members/viet-nam").await;
    assert!(vi.contains("href=\"/en/members/viet-nam\""));
    let (_, event) = app.text("/en/events/gccs-2013").await;
    assert!(event.contains("href=\"/vi/events/gccs-2013\""));
}

async fn directory_filters(app: TestApp) {
    let (status, page) = app.text("/vi/members?region=035").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(">1 kết quả<"));
    assert!(page.contains(">Việt Nam</a>"));
    assert!(page.contains("<option value=\"035\" selected>"), "the form keeps the choice");

    let (_, page) = app.text("/en/members?q=thuy%20si").await;
    assert!(page.contains(">1 result<"), "accents are optional in Vietnamese names too");
    assert!(page.contains(">Switzerland</a>"));

    let (_, page) = app.text("/en/members?kind=company").await;
    assert!(page.contains(">6 results<"));
    let (_, page) = app.text("/en/members?membership=partner").await;
    assert!(page.contains("Nothing matches these filters."));

    let (_, page) = app.text("/en/members?per_page=10&kind=country").await;
    assert!(page.contains("Page 1 of 3"));
    assert!(page.contains("href=\"/en/members?per_page=10&#38;kind=country&#38;page=2\""));
    let (_, last) = app.text("/en/members?per_page=10&kind=country&page=3").await;
    assert!(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""));
}

async fn directory_explains_bad_filters(app: TestApp) {
    let (status, page) = app.text("/en/members?region=999&country=ZZ").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("There is a problem"));
    assert!(page.contains("<a href=\"#region\">Region is not a UN M49 region or sub-region code"));
    assert!(page.contains("<a href=\"#country\">Country or seat is not an ISO 3166-1 alpha-2 country code"));
    assert!(page.contains("<form"), "the form is still there to correct");

    let (status, page) = app.text("/vi/members?founding=maybe").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Có lỗi cần sửa"));
    assert!(page.contains("Thành viên sáng lập phải là true hoặc false."));

    let (status, page) = app.text("/en/events?series=none").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Series is not an event series."));
}

async fn member_and_event_pages(app: TestApp) {
    let (status, page) = app.text("/vi/members/viet-nam").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<h1>Việt Nam</h1>"));
    assert!(page.contains("Có — đã ký Tuyên bố Hague ngày 16/4/2015"));
    assert!(page.contains("ngày 16 tháng 4 năm 2015"));
    assert!(page.contains("aria-label=\"Đường dẫn\""), "breadcrumbs");

    let (_, page) = app.text("/en/members/council-of-europe").await;
    assert!(page.contains("<h1>Council of Europe</h1>"));
    assert!(page.contains("<dt>Seat</dt>"));
    let (_, vn) = app.text("/en/members/viet-nam").await;
    assert!(vn.contains("<span lang=\"vi\">Việt Nam</span>"), "the Vietnamese source name is marked as Vietnamese");
    assert!(page.contains("href=\"https://www.coe.int/\" rel=\"noopener noreferrer external\""));
    assert!(page.contains("See all members and partners based in France"));

    let (status, page) = app.text("/en/events/gccs-2015").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("16 April 2015 – 17 April 2015"));
    assert!(page.contains("The Hague, Netherlands (Kingdom of the)"));
    assert!(page.contains("/en/members?founding=true"));
    assert!(page.contains("<dt>Organised by</dt>"), "organisers are shown");
    assert!(page.contains("href=\"/en/members/netherlands\""));
    assert!(page.contains("<dt>Themes</dt>") && page.contains("CERT cooperation"), "themes are shown");

    let (_, events) = app.text("/vi/events").await;
    assert!(events.contains(">4 kết quả<"));
    assert!(events.contains("Luân Đôn, Vương quốc Anh"));
}

async fn unknown_pages_are_404_in_the_right_language(app: TestApp) {
    let (status, page) = app.text("/vi/members/khong-co").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("<html lang=\"vi\">") && page.contains("Không tìm thấy trang"));
    let (status, page) = app.text("/en/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Page not found"));
    let response = app.get_lang("/no-such-page", "vi").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(response.text().await.unwrap().contains("Không tìm thấy trang"));
    let (status, _) = app.text("/fr/members").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn output_is_escaped(app: TestApp) {
    let probe = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
    let url = format!("{}/en/members", app.base);
    let page = app.client.get(&url).query(&[("q", probe)]).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("<script>alert(1)"));
    assert!(!page.contains("<img src=x"));
    assert!(page.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    let response = app.client.get(&url).query(&[("kind", probe)]).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = response.text().await.unwrap();
    assert!(!page.contains("<script>alert(1)") && !page.contains("<img src=x"));
    // The switcher keeps the query, escaped.
    let vi = app.client.get(format!("{}/vi/members", app.base)).query(&[("q", probe)]).send().await.unwrap();
    assert!(!vi.text().await.unwrap().contains("<img src=x"));
}

async fn security_headers_on_every_response(app: TestApp) {
    for path in ["/en", "/api/v1/members", "/api/v1/members/nobody", "/healthz", "/vi/nothing"] {
        let response = app.get(path).await;
        let h = response.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert!(h.contains_key("referrer-policy"), "{path}");
        assert!(h.contains_key("x-request-id"), "{path}");
    }
}
