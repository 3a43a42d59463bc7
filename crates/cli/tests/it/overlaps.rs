//! Possible overlaps answered from the profiles the search index keeps are those the store's
//! candidates give, on the demo data, on both databases: after catching up with the demo data
//! written into a running database, and after a rebuild.

use std::process::Command;

use gfce_core::overlap;
use gfce_search::SearchIndex;
use gfce_store::Store;

use crate::{common::TestApp, on_both_databases};

const BIN: &str = env!("CARGO_BIN_EXE_gfce");
const WINDOW: usize = 500;
const SHOWN: usize = 5;

on_both_databases!(overlaps_from_memory_are_the_store_rules);

async fn overlaps_from_memory_are_the_store_rules(app: TestApp) {
    let following = SearchIndex::in_memory().unwrap();
    following.rebuild(&app.store).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["demo-data", "--projects", "600", "--database-url", &app.url, "--data-dir"])
        .arg(dir.path())
        .env_remove("GFCE_DATABASE_URL")
        .env_remove("GFCE_DATA_DIR")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    following.catch_up(&app.store).await.unwrap();
    let rebuilt = SearchIndex::in_memory().unwrap();
    rebuilt.rebuild(&app.store).await.unwrap();

    let (mut projects, mut with_overlaps, mut last) = (0, 0, String::new());
    loop {
        let page = app.store.projects_after(last.clone(), 200).await.unwrap();
        let Some(tail) = page.last() else { break };
        last = tail.record.slug.to_string();
        for p in page {
            let expected = store_rule(&app.store, &p.record).await;
            assert_eq!(following.overlaps(p.record.id, WINDOW, SHOWN).as_ref(), Some(&expected), "{}", p.record.slug);
            assert_eq!(rebuilt.overlaps(p.record.id, WINDOW, SHOWN).as_ref(), Some(&expected), "{}", p.record.slug);
            projects += 1;
            with_overlaps += usize::from(!expected.is_empty());
        }
    }
    assert!(projects >= 600, "{projects} projects");
    assert!(with_overlaps > projects / 4, "only {with_overlaps} of {projects} projects have overlaps to compare");
}

/// What a project page showed before the profiles were kept: the store's first candidates, judged
/// by core.
async fn store_rule(store: &Store, project: &gfce_core::Project) -> Vec<overlap::Overlap> {
    let candidates = store.overlap_candidates(project, WINDOW as u32).await.unwrap();
    let profiles: Vec<overlap::Profile> = candidates.iter().map(overlap::Profile::of).collect();
    overlap::find(&overlap::Profile::of(project), &profiles, SHOWN)
}
