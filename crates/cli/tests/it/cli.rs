//! The `gfce` binary as a person runs it.

use std::{
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, Stdio},
    time::Duration,
};

use serde_json::Value;

use crate::common::fresh_postgres_database;

const BIN: &str = env!("CARGO_BIN_EXE_gfce");

/// A `gfce serve` child process and the address it printed.
struct Server {
    child: Child,
    base: String,
    line: String,
}

impl Server {
    fn start(data_dir: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
            .arg(data_dir)
            .args(extra)
            .env_remove("GFCE_DATABASE_URL")
            .env_remove("GFCE_ADDR")
            .env_remove("GFCE_DATA_DIR")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start gfce serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).expect("read the start line");
        let base = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_owned();
        Server { child, base, line }
    }

    async fn json(&self, path: &str) -> Value {
        reqwest::get(format!("{}{path}", self.base)).await.unwrap().json().await.unwrap()
    }

    /// Sends SIGTERM and waits (bounded) for a clean exit.
    fn stop(mut self) -> std::process::ExitStatus {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
        for _ in 0..100 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        self.child.kill().ok();
        panic!("gfce serve did not stop within 10 s of SIGTERM");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.child.kill().ok();
            self.child.wait().ok();
        }
    }
}

#[tokio::test]
async fn serve_starts_with_nothing_configured_and_restarts_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("gfce-data");
    let server = Server::start(&data_dir, &[]);
    assert!(server.line.starts_with("GFCE Hub listening on http://127.0.0.1:"), "{}", server.line);
    assert!(server.line.contains("(SQLite)"), "{}", server.line);
    assert!(data_dir.join("gfce.db").exists());
    let members = server.json("/api/v1/members?founding=true").await;
    assert_eq!(members["total"], 42);
    let first_vn = server.json("/api/v1/members/viet-nam").await;
    assert!(data_dir.join("search-index").is_dir(), "the search index lives in the data directory");
    assert_eq!(server.json("/api/v1/search?q=viet%20nam").await["items"][0]["slug"], "viet-nam");
    assert!(server.stop().success(), "SIGTERM ends the server cleanly");

    let again = Server::start(&data_dir, &[]);
    assert_eq!(again.json("/api/v1/members").await["total"], 42);
    assert_eq!(again.json("/api/v1/members/viet-nam").await, first_vn, "a restart changes nothing");
    assert_eq!(again.json("/api/v1/events").await["total"], 4);
    assert_eq!(again.json("/api/v1/search").await["total"], 46, "the kept index is reused, not doubled");
    assert!(again.stop().success());
}

#[test]
fn reindex_rebuilds_the_search_index() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(BIN).args(["migrate", "--data-dir"]).arg(dir.path()).output().unwrap();
    assert!(output.status.success());
    // Reference data is loaded by `serve`; an index of an empty database is empty.
    let output = Command::new(BIN).args(["reindex", "--data-dir"]).arg(dir.path()).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "GFCE Hub search index rebuilt: 0 documents\n");
}

#[tokio::test]
async fn reindex_after_serve_indexes_everything() {
    let dir = tempfile::tempdir().unwrap();
    Server::start(dir.path(), &[]).stop();
    let output = Command::new(BIN).args(["reindex", "--data-dir"]).arg(dir.path()).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "GFCE Hub search index rebuilt: 46 documents\n");
    let server = Server::start(dir.path(), &[]);
    assert_eq!(server.json("/api/v1/search?q=budapest").await["items"][0]["slug"], "gccs-2012");
    assert!(server.stop().success());
}

#[tokio::test]
async fn migrate_reports_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(BIN).args(["migrate", "--data-dir"]).arg(dir.path()).output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("GFCE Hub database is up to date"), "{stdout}");
}

#[test]
fn bad_configuration_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(BIN)
        .args(["serve", "--database-url", "mysql://db/gfce", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("sqlite:// or postgres://"), "{stderr}");

    let output = Command::new(BIN).args(["serve", "--addr", "not-an-address"]).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8(output.stderr).unwrap().contains("--addr"));
}

#[test]
fn busy_port_is_explained() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(BIN).args(["serve", "--addr", &addr, "--data-dir"]).arg(dir.path()).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains(&format!("could not listen on {addr}")), "{stderr}");
}

#[test]
fn json_logs_are_json() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(BIN)
        .args(["--log-format", "json", "migrate", "--data-dir"])
        .arg(dir.path())
        .env("RUST_LOG", "debug")
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(!lines.is_empty(), "debug logging says something");
    for line in lines {
        let parsed: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert!(parsed["level"].is_string());
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL: set GFCE_TEST_POSTGRES_URL and run with --ignored"]
async fn serve_on_postgres() {
    let url = fresh_postgres_database().await;
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--database-url", &url]);
    assert!(server.line.contains("(PostgreSQL)"), "{}", server.line);
    assert!(!url.contains(":***@") && (!url.contains('@') || !server.line.contains(&url)), "the password is hidden");
    assert_eq!(server.json("/api/v1/members").await["total"], 42);
    assert!(server.stop().success());
}

/// A backup taken while the server runs, restored with it stopped: the site serves what the
/// backup holds, search included, since an index that saw later changes is rebuilt at start.
#[tokio::test]
async fn a_backup_restored_is_what_the_site_serves() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &[]);
    let backup = dir.path().join("backup.db");
    let output = Command::new(BIN).args(["backup", "--data-dir"]).arg(dir.path()).arg(&backup).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let again = Command::new(BIN).args(["backup", "--data-dir"]).arg(dir.path()).arg(&backup).output().unwrap();
    assert!(!again.status.success(), "a backup never overwrites a file");

    let later = dir.path().join("later.json");
    std::fs::write(
        &later,
        r#"{"format": "gfce-hub", "version": 1, "projects": [], "resources": [], "events": [], "country_facts": [],
            "actors": [{"id": "3f1b6f9e-29b4-4d8e-9a57-6a0b3c2d1e0f", "slug": "written-after-the-backup",
                        "kind": "other", "name": {"en": "Afterbackup institute"}, "short_name": null,
                        "country": null, "joined": null, "website": null, "listed_as": null, "iati_ref": null,
                        "themes": []}]}"#,
    )
    .unwrap();
    let output = Command::new(BIN).args(["import", "--data-dir"]).arg(dir.path()).arg(&later).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut total = 0;
    for _ in 0..50 {
        total = server.json("/api/v1/search?q=afterbackup").await["total"].as_u64().unwrap();
        if total == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(total, 1, "found while the server runs");
    assert!(server.stop().success());

    // Restoring: the backup takes the database's place, without the old write-ahead log.
    let database = dir.path().join("gfce.db");
    std::fs::copy(&backup, &database).unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("gfce.db{suffix}")));
    }
    let server = Server::start(dir.path(), &[]);
    assert_eq!(server.json("/api/v1/search?q=afterbackup").await["total"], 0, "what the backup lacks is not found");
    assert_eq!(server.json("/api/v1/search?q=viet+nam&type=member").await["total"], 1, "what it holds is");
    assert!(server.stop().success());
}
