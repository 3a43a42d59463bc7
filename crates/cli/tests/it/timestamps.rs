//! Times are stored at one width, so that ordering by a time column as text orders by time, on
//! both databases: records written within one second list in the order they were written, and
//! times stored before at other widths are rewritten by the migration.

use gfce_core::exchange::json;
use gfce_store::ProjectFilter;

use crate::common::TestApp;
use crate::on_both_databases;

/// Three projects changed within one second, written as a file may carry their times: without
/// decimals, with one, with six. As text of varying width, `…05Z` sorts after `…05.3Z`.
fn dataset() -> String {
    let project = |n: u32, updated_at: &str| {
        format!(
            r#"{{"id": "7a4f8f0e-1b2c-4d5e-8f90-0a1b2c3d4f0{n}", "slug": "same-second-{n}",
                "title": {{"en": "Written in the same second, {n}"}}, "summary": null, "description": null,
                "status": "ongoing", "starts_on": null, "ends_on": null, "participants": [],
                "countries": ["VN"], "regions": [], "themes": [], "tags": [], "budget": null,
                "languages": [], "links": [], "iati_identifier": null, "source_url": null,
                "created_at": "2026-01-01T00:00:00Z", "updated_at": "{updated_at}"}}"#
        )
    };
    format!(
        r#"{{"format": "gfce-hub", "version": 1, "actors": [], "resources": [], "events": [], "country_facts": [],
             "projects": [{}, {}, {}]}}"#,
        project(1, "2026-01-01T00:00:05Z"),
        project(2, "2026-01-01T00:00:05.3Z"),
        project(3, "2026-01-01T00:00:05.000001Z"),
    )
}

on_both_databases!(records_written_within_one_second_list_in_time_order);
async fn records_written_within_one_second_list_in_time_order(app: TestApp) {
    let parsed = json::read(dataset().as_bytes(), "same-second.json").expect("a readable dataset");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    app.store.import(parsed.records, "same-second.json", Vec::new(), true, &|_| {}).await.unwrap();

    let recent = app.store.recent_projects(&ProjectFilter::default(), 3).await.unwrap();
    let slugs: Vec<&str> = recent.iter().map(|d| d.record.slug.as_str()).collect();
    assert_eq!(slugs, ["same-second-2", "same-second-3", "same-second-1"], "newest first, by the store");

    let (_, detail) = app.json("/api/v1/projects/same-second-1").await;
    assert_eq!(detail["updated_at"], "2026-01-01T00:00:05.000000Z", "stored at the one width");

    let (_, feed) = app.text("/feeds/countries/VN.atom").await;
    let at = |slug: &str| feed.find(&format!("/projects/{slug}")).unwrap_or_else(|| panic!("{slug} in {feed}"));
    assert!(at("same-second-2") < at("same-second-3") && at("same-second-3") < at("same-second-1"), "{feed}");
    assert!(feed.contains("<updated>2026-01-01T00:00:05.300000Z</updated>"), "{feed}");
}

/// What the migration that fixed the width does to every time column, run again on rows written
/// as earlier versions wrote them.
const REWRITE: &str = include_str!("../../../store/migrations/sqlite/0009_timestamps.sql");

on_both_databases!(times_stored_at_other_widths_are_rewritten);
async fn times_stored_at_other_widths_are_rewritten(app: TestApp) {
    assert_eq!(
        REWRITE,
        include_str!("../../../store/migrations/postgres/0009_timestamps.sql"),
        "the same statements on both databases"
    );
    let written = [
        ("w1", "2026-12-05T20:38:05Z", "2026-12-05T20:38:05.000000Z"),
        ("w2", "2026-12-05T20:38:05.3Z", "2026-12-05T20:38:05.300000Z"),
        ("w3", "2026-12-05T20:38:05.123456789Z", "2026-12-05T20:38:05.123456Z"),
        ("w4", "2026-12-05T20:38:05+00:00", "2026-12-05T20:38:05.000000Z"),
        ("w5", "2026-12-05T20:38:05.1+00:00", "2026-12-05T20:38:05.100000Z"),
        ("w6", "2026-12-05T20:38:05.654321Z", "2026-12-05T20:38:05.654321Z"),
    ];
    for (scope, at, _) in written {
        app.execute(&format!("INSERT INTO login_failures (scope, at) VALUES ('{scope}', '{at}')")).await;
    }
    let statements: String = REWRITE.lines().filter(|l| !l.starts_with("--")).collect::<Vec<_>>().join("\n");
    for statement in statements.split(';').filter(|s| s.contains("UPDATE")) {
        app.execute(statement).await;
    }
    let stored = app.texts("SELECT scope, at FROM login_failures ORDER BY at, scope", &["scope", "at"]).await;
    let stored: Vec<(&str, &str)> = stored.iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
    let mut expected: Vec<(&str, &str)> = written.iter().map(|(scope, _, rewritten)| (*scope, *rewritten)).collect();
    expected.sort_by_key(|(scope, at)| (*at, *scope));
    assert_eq!(stored, expected, "rewritten, and ordered by time as text");
}
