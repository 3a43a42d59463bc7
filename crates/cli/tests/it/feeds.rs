use gfce_core::{parse_date, Actor, ActorKind, CountryCode, Joined, LocalizedText, Slug};
use reqwest::StatusCode;

use crate::{common::TestApp, on_both_databases};

on_both_databases!(latest_feed_in_both_languages, theme_and_country_feeds, feeds_escape_and_refuse);

async fn feed(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    assert_eq!(response.headers()["content-type"], "application/atom+xml; charset=utf-8");
    response.text().await.unwrap()
}

async fn latest_feed_in_both_languages(app: TestApp) {
    let en = feed(&app, "/feeds/latest.atom").await;
    assert!(en.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"
    ));
    assert_eq!(en.matches("<entry>").count(), 46, "42 members and 4 events");
    assert!(en.contains("<title>Viet Nam</title>"));
    assert!(en.contains(&format!("href=\"{}/en/members/viet-nam\"", app.base)), "absolute links");
    assert!(en.contains("<category term=\"event\"/>"));
    assert!(en.contains("<id>urn:uuid:"));
    let vi = feed(&app, "/feeds/latest.atom?lang=vi").await;
    assert!(vi.contains("xml:lang=\"vi\"") && vi.contains("<title>Việt Nam</title>"));
    assert!(vi.contains(&format!("<link rel=\"self\" href=\"{}/feeds/latest.atom?lang=vi\"/>", app.base)));
    let (_, home) = app.text("/vi").await;
    assert!(home.contains("type=\"application/atom+xml\""), "pages announce the feed");
}

async fn theme_and_country_feeds(app: TestApp) {
    let nl = feed(&app, "/feeds/countries/NL.atom").await;
    assert_eq!(nl.matches("<entry>").count(), 3, "the Netherlands, Europol and GCCS 2015");
    assert_eq!(feed(&app, "/feeds/countries/nl.atom").await.matches("<entry>").count(), 3);
    let theme = feed(&app, "/feeds/themes/cert-cooperation.atom?lang=vi").await;
    assert!(theme.contains("<title>GFCE Hub — Hợp tác giữa các tổ chức CERT</title>"));
    assert_eq!(theme.matches("<entry>").count(), 1, "GCCS 2015 carries the theme; no member has chosen it yet");
    let empty = feed(&app, "/feeds/themes/e-government.atom").await;
    assert!(empty.contains("<updated>1970-01-01T00:00:00Z</updated>"), "an empty feed is still valid Atom");
}

async fn feeds_escape_and_refuse(app: TestApp) {
    let slug = Slug::parse("angle-and-ampersand").unwrap();
    let member = Actor {
        id: gfce_core::stable_id("member", &slug),
        slug,
        kind: ActorKind::Ngo,
        name: LocalizedText::same("<script>alert(1)</script> & Partners").unwrap(),
        short_name: None,
        country: Some(CountryCode::parse("KE").unwrap()),
        joined: Some(Joined { joined_on: parse_date("2026-02-01").unwrap(), founding: false }),
        iati_ref: None,
        website: None,
        listed_as: None,
        themes: Vec::new(),
    };
    app.store.save_actor(&member).await.unwrap();
    let latest = feed(&app, "/feeds/latest.atom").await;
    assert!(latest.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Partners</title>"));
    assert!(!latest.contains("<script>"));
    assert!(latest.find("Partners").unwrap() < latest.find("Viet Nam").unwrap(), "newest first");
    for (path, status) in [
        ("/feeds/themes/no-such-theme.atom", StatusCode::NOT_FOUND),
        ("/feeds/themes/cert-cooperation.rss", StatusCode::NOT_FOUND),
        ("/feeds/countries/XX.atom", StatusCode::NOT_FOUND),
        ("/feeds/latest.atom?lang=fr", StatusCode::BAD_REQUEST),
    ] {
        assert_eq!(app.get(path).await.status(), status, "{path}");
    }
}
