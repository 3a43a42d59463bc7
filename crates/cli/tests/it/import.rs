//! `gfce import`, `gfce export` and `gfce demo-data` as a person runs them, on a SQLite file.

use std::{
    path::{Path, PathBuf},
    process::{Command, Output},
};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_gfce");

fn gfce(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("GFCE_DATABASE_URL")
        .env_remove("GFCE_DATA_DIR")
        .output()
        .expect("run gfce")
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/samples").join(name)
}

fn export(data_dir: &Path) -> Value {
    let out = gfce(data_dir, &["export"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("a JSON dataset")
}

fn project_slugs(data: &Value) -> Vec<String> {
    data["projects"].as_array().unwrap().iter().map(|p| p["slug"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn imports_iati_and_reimports_as_updates() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample("iati-sample.xml");
    let out = gfce(dir.path(), &["import", file.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout} {}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("5 projects"), "{stdout}");
    assert!(!stdout.contains("possibly overlapping"), "the sample's projects carry no themes: {stdout}");

    let data = export(dir.path());
    assert_eq!(project_slugs(&data).len(), 5);
    let cert = data["projects"].as_array().unwrap().iter().find(|p| p["iati_identifier"] == "XM-EXAMPLE-NCCF-2023-001");
    let cert = cert.expect("the Viet Nam CERT activity");
    assert_eq!(cert["countries"], serde_json::json!(["VN"]));
    assert!(cert["title"]["vi"].as_str().unwrap().starts_with("Phát triển"));
    assert!(!cert["participants"].as_array().unwrap().is_empty());
    let actors = data["actors"].as_array().unwrap().len();
    assert!(actors > 42, "the organisations became actors");

    // The same file again updates the same projects and actors.
    let again = gfce(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(again.status.success());
    let data = export(dir.path());
    assert_eq!(project_slugs(&data).len(), 5);
    assert_eq!(data["actors"].as_array().unwrap().len(), actors);
}

#[test]
fn an_invalid_row_writes_nothing_unless_told_to_skip_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(sample("iati-sample.xml")).unwrap();
    let first_status = text.find("<activity-status code=\"").expect("a status");
    let mut broken = text.clone();
    broken.replace_range(first_status..first_status + "<activity-status code=\"2".len(), "<activity-status code=\"9");
    let file = dir.path().join("broken.xml");
    std::fs::write(&file, broken).unwrap();

    let out = gfce(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error: broken.xml: iati-activity[1]"), "{stderr}");
    assert!(stderr.contains("activity-status"), "{stderr}");
    assert!(stderr.contains("1 row refused and 0 rows with warnings, so nothing was written"), "{stderr}");
    assert_eq!(project_slugs(&export(dir.path())).len(), 0);

    let skipping = gfce(dir.path(), &["import", "--skip-invalid", file.to_str().unwrap()]);
    assert!(skipping.status.success());
    let stdout = String::from_utf8_lossy(&skipping.stdout);
    assert!(stdout.contains("4 projects") && stdout.contains("1 row skipped, 0 rows with warnings"), "{stdout}");
    assert!(String::from_utf8_lossy(&skipping.stderr).contains("skipped: broken.xml: iati-activity[1]"));
}

#[test]
fn json_and_csv_round_trip_through_files() {
    let source = tempfile::tempdir().unwrap();
    let out = gfce(source.path(), &["demo-data", "--projects", "40"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let first = gfce(source.path(), &["export"]).stdout;

    let json_file = source.path().join("export.json");
    std::fs::write(&json_file, &first).unwrap();
    let copy = tempfile::tempdir().unwrap();
    let out = gfce(copy.path(), &["import", json_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("possibly overlapping: "), "imports point out duplicated effort: {stdout}");
    assert_eq!(String::from_utf8_lossy(&gfce(copy.path(), &["export"]).stdout), String::from_utf8_lossy(&first));

    let csv_dir = source.path().join("csv");
    let out = gfce(source.path(), &["export", "--format", "csv", "--output", csv_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let files: Vec<String> = ["actors", "projects", "resources", "events", "country_facts"]
        .iter()
        .map(|n| csv_dir.join(format!("{n}.csv")).to_string_lossy().into_owned())
        .collect();
    let from_csv = tempfile::tempdir().unwrap();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = gfce(from_csv.path(), &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let original: Value = serde_json::from_slice(&first).unwrap();
    let restored = export(from_csv.path());
    assert_eq!(project_slugs(&restored), project_slugs(&original));
    assert_eq!(restored["projects"][0]["title"], original["projects"][0]["title"]);
    assert_eq!(restored["projects"][0]["budget"], original["projects"][0]["budget"]);
}

#[test]
fn demo_data_is_deterministic_and_refuses_unknown_files() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        let out = gfce(dir.path(), &["demo-data", "--projects", "25", "--seed", "7"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let (da, db) = (export(a.path()), export(b.path()));
    assert_eq!(project_slugs(&da), project_slugs(&db));
    assert_eq!(da["projects"][3]["title"], db["projects"][3]["title"]);
    assert_eq!(project_slugs(&da).len(), 25);

    let odd = a.path().join("notes.txt");
    std::fs::write(&odd, "hello").unwrap();
    let out = gfce(a.path(), &["import", odd.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format"));
}

#[test]
fn user_accounts_from_the_command_line() {
    use std::io::Write;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let create = |args: &[&str], stdin: &str| {
        let mut child = Command::new(BIN)
            .args(["user", "create"])
            .args(args)
            .arg("--data-dir")
            .arg(dir.path())
            .env_remove("GFCE_DATABASE_URL")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let ok = create(&["--email", "secretariat@thegfce.example", "--role", "admin"], "a long passphrase for the hub\n");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let again = create(&["--email", "Secretariat@THEGFCE.example", "--role", "curator"], "another long passphrase\n");
    assert!(String::from_utf8_lossy(&again.stderr).contains("has an account already"));
    let weak =
        create(&["--email", "rep@example.org", "--role", "representative", "--member", "viet-nam"], "password123\n");
    assert!(String::from_utf8_lossy(&weak.stderr).contains("password"), "a weak password is refused");
    let rep = create(
        &["--email", "rep@example.org", "--role", "member-rep", "--member", "viet-nam"],
        "viet nam speaks here\n",
    );
    assert!(rep.status.success(), "{}", String::from_utf8_lossy(&rep.stderr));
    let unknown = create(
        &["--email", "x@example.org", "--role", "representative", "--member", "atlantis"],
        "long enough phrase\n",
    );
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no such member"));

    let list = gfce(dir.path(), &["user", "list"]);
    let listed = String::from_utf8_lossy(&list.stdout);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert!(listed.contains("rep@example.org\trepresentative for viet-nam"));
    assert!(!listed.contains("passphrase"), "no secret is printed");

    // The audit trail comes out whole, oldest first, without any secret.
    let out = gfce(dir.path(), &["export", "--audit"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let trail: Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = trail.as_array().unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["user-created", "user-created"], "{trail}");
    assert_eq!(entries[0]["subject"], "secretariat@thegfce.example");
    assert!(entries[0]["seq"].as_i64() < entries[1]["seq"].as_i64());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("passphrase"));
    let mixed = gfce(dir.path(), &["export", "--audit", "--format", "csv"]);
    assert!(!mixed.status.success(), "the audit trail is JSON only");
}
