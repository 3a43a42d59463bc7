//! Imports of files as publishers write them: the same activity twice, identifiers that make one
//! slug, files cut short or refused whole, six decimals, every status, codes that are not
//! organisation identifiers, texts in other languages, percentages, UTF-16. Each runs on a SQLite
//! file and, with `--ignored`, on a fresh PostgreSQL database.

use std::{
    path::{Path, PathBuf},
    process::{Command, Output},
    time::{Duration, Instant},
};

use gfce_core::exchange::iati;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::{
    common::{fresh_postgres_database, slugs, TestApp},
    on_both_databases,
};

const BIN: &str = env!("CARGO_BIN_EXE_gfce");

/// Declares each scenario on SQLite and, ignored unless asked for, on PostgreSQL.
macro_rules! on_both {
    ($($scenario:ident),* $(,)?) => {$(
        mod $scenario {
            #[test]
            fn sqlite() {
                super::$scenario(&super::Place::sqlite());
            }

            #[tokio::test]
            #[ignore = "needs PostgreSQL: set GFCE_TEST_POSTGRES_URL and run with --ignored"]
            async fn postgres() {
                super::$scenario(&super::Place::postgres().await);
            }
        }
    )*};
}

on_both!(
    an_activity_given_twice_is_refused_by_file_and_line,
    identifiers_that_make_one_slug_stay_apart,
    exit_codes_tell_what_was_written,
    what_publishers_write_reaches_the_database,
);

on_both_databases!(
    new_statuses_are_listed_searched_and_shown,
    texts_in_any_language_and_shares_reach_pages_api_search_and_exports
);

/// A database for `gfce` to import into, and a directory for the files.
struct Place {
    dir: TempDir,
    url: Option<String>,
}

impl Place {
    fn sqlite() -> Place {
        Place { dir: tempfile::tempdir().unwrap(), url: None }
    }

    async fn postgres() -> Place {
        Place { dir: tempfile::tempdir().unwrap(), url: Some(fresh_postgres_database().await) }
    }

    fn gfce(&self, args: &[&str]) -> Output {
        let mut command = Command::new(BIN);
        command.args(args).arg("--data-dir").arg(self.dir.path());
        if let Some(url) = &self.url {
            command.args(["--database-url", url]);
        }
        command.env_remove("GFCE_DATABASE_URL").env_remove("GFCE_DATA_DIR").output().expect("run gfce")
    }

    /// Runs `gfce import` on the files, named as given, with the options before them.
    fn import(&self, options: &[&str], files: &[&str]) -> Run {
        let paths: Vec<String> = files.iter().map(|f| self.path(f).to_string_lossy().into_owned()).collect();
        let mut args = vec!["import"];
        args.extend(options);
        args.extend(paths.iter().map(String::as_str));
        Run(self.gfce(&args))
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) {
        std::fs::write(self.path(name), contents).unwrap();
    }

    fn export(&self) -> Value {
        let out = self.gfce(&["export"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("a JSON dataset")
    }

    fn projects(&self) -> Vec<Value> {
        self.export()["projects"].as_array().unwrap().clone()
    }
}

/// What a run of `gfce` did.
struct Run(Output);

impl Run {
    fn ok(&self) -> bool {
        self.0.status.success()
    }

    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit {:?}\nstdout:\n{}\nstderr:\n{}", self.0.status.code(), self.stdout(), self.stderr())
    }
}

/// An activity of six lines, with a status and an English title; `inside` is one line.
fn activity(identifier: &str, inside: &str) -> String {
    format!(
        "  <iati-activity>\n    <iati-identifier>{identifier}</iati-identifier>\n    \
         <title><narrative xml:lang=\"en\">Activity {identifier}</narrative></title>\n    \
         <activity-status code=\"2\"/>\n    {inside}\n  </iati-activity>\n"
    )
}

/// An activity file; its first activity starts on line 2, each next one six lines further.
fn iati(activities: &[String]) -> String {
    format!("<iati-activities version=\"2.03\">\n{}</iati-activities>\n", activities.concat())
}

fn field<'a>(projects: &'a [Value], slug: &str) -> &'a Value {
    projects.iter().find(|p| p["slug"] == slug).unwrap_or_else(|| panic!("no project {slug}"))
}

fn an_activity_given_twice_is_refused_by_file_and_line(place: &Place) {
    let vn = "<recipient-country code=\"VN\"/>";
    place.write(
        "a.xml",
        iati(&[
            activity("XM-EXAMPLE-DUP", vn),
            activity("XM-EXAMPLE-DUP", &format!("{vn}<recipient-country code=\"KH\"/>")),
            activity("XM-EXAMPLE-OTHER", vn),
        ]),
    );
    place.write("b.xml", iati(&[activity("XM-EXAMPLE-DUP", vn)]));

    let run = place.import(&[], &["a.xml", "b.xml"]);
    assert!(!run.ok(), "{run}");
    let stderr = run.stderr();
    for line in [
        "error: a.xml: iati-activity[2] (line 8): iati-identifier: XM-EXAMPLE-DUP is also the identifier of a.xml: \
         iati-activity[1] (line 2), which is kept",
        "error: b.xml: iati-activity[1] (line 2): iati-identifier: XM-EXAMPLE-DUP is also the identifier of a.xml: \
         iati-activity[1] (line 2), which is kept",
        "2 rows refused and 0 rows with warnings, so nothing was written",
    ] {
        assert!(stderr.contains(line), "{line}\n{run}");
    }
    assert!(!stderr.contains("UNIQUE") && !stderr.contains("duplicate key"), "{run}");
    assert!(place.projects().is_empty());

    let run = place.import(&["--skip-invalid"], &["a.xml", "b.xml"]);
    assert!(run.ok(), "{run}");
    assert!(run.stdout().contains("2 projects"), "{run}");
    assert!(run.stdout().contains("2 rows skipped, 0 rows with warnings"), "{run}");
    assert!(run.stderr().contains("skipped: a.xml: iati-activity[2] (line 8)"), "{run}");
    let projects = place.projects();
    assert_eq!(projects.len(), 2);
    assert_eq!(field(&projects, "xm-example-dup")["countries"], json!(["VN"]), "the first copy is the one kept");

    // The same records twice in JSON (two copies of one export) are refused by name, not by the
    // database.
    let export = place.gfce(&["export"]).stdout;
    place.write("one.json", &export);
    place.write("two.json", &export);
    let run = place.import(&[], &["one.json", "two.json"]);
    assert!(!run.ok(), "{run}");
    assert!(run.stderr().contains("projects[slug=xm-example-dup]: slug: is given more than once"), "{run}");
    assert!(!run.stderr().contains("UNIQUE") && !run.stderr().contains("duplicate key"), "{run}");
    let run = place.import(&["--skip-invalid"], &["one.json", "two.json"]);
    assert!(run.ok(), "{run}");
    assert_eq!(place.projects().len(), 2);
}

fn identifiers_that_make_one_slug_stay_apart(place: &Place) {
    place.write("slugs.xml", iati(&[activity("XM-EXAMPLE-2008/190-916", ""), activity("XM-EXAMPLE-2008-190-916", "")]));
    let run = place.import(&[], &["slugs.xml"]);
    assert!(run.ok(), "{run}");
    assert!(run.stdout().contains("2 projects"), "{run}");
    assert!(run.stdout().contains("0 rows skipped, 1 row with warnings"), "{run}");
    assert!(
        run.stderr().contains(
            "warning: slugs.xml: iati-activity[2] (line 8): iati-identifier: XM-EXAMPLE-2008-190-916 makes the slug \
             xm-example-2008-190-916, which the activity XM-EXAMPLE-2008/190-916 has; this one is \
             xm-example-2008-190-916-2"
        ),
        "{run}"
    );
    // Imported again, each activity finds its own project: nothing to warn about.
    let run = place.import(&[], &["slugs.xml"]);
    assert!(run.ok(), "{run}");
    assert!(run.stdout().contains("0 rows skipped, 0 rows with warnings"), "{run}");
    let projects = place.projects();
    let pairs: Vec<(&str, &str)> =
        projects.iter().map(|p| (p["slug"].as_str().unwrap(), p["iati_identifier"].as_str().unwrap())).collect();
    assert_eq!(
        pairs,
        [
            ("xm-example-2008-190-916", "XM-EXAMPLE-2008/190-916"),
            ("xm-example-2008-190-916-2", "XM-EXAMPLE-2008-190-916")
        ],
        "a re-import updates each in place"
    );

    // The second alone, retitled, updates its own project and not the other.
    let retitled = iati(&[activity("XM-EXAMPLE-2008-190-916", "")]).replace("Activity XM", "Retitled XM");
    place.write("second.xml", retitled);
    let run = place.import(&[], &["second.xml"]);
    assert!(run.ok() && !run.stderr().contains("warning"), "{run}");
    let projects = place.projects();
    assert_eq!(projects.len(), 2);
    assert_eq!(field(&projects, "xm-example-2008-190-916")["title"]["en"], "Activity XM-EXAMPLE-2008/190-916");
    assert_eq!(field(&projects, "xm-example-2008-190-916-2")["title"]["en"], "Retitled XM-EXAMPLE-2008-190-916");
}

fn exit_codes_tell_what_was_written(place: &Place) {
    let good = iati(&[activity("XM-EXAMPLE-GOOD", "")]);
    place.write("good.xml", &good);
    let two = iati(&[activity("XM-EXAMPLE-1", ""), activity("XM-EXAMPLE-2", "")]);
    place.write("cut.xml", &two[..two.find("XM-EXAMPLE-2").unwrap()]);
    let deep = "<x>".repeat(5_000);
    place.write("deep.xml", iati(&[activity("XM-EXAMPLE-DEEP", &deep)]));

    // A file that is not well-formed writes nothing, not even with --skip-invalid, and nor do the
    // files read with it.
    for options in [&[][..], &["--skip-invalid"][..]] {
        let run = place.import(options, &["good.xml", "cut.xml"]);
        assert!(!run.ok(), "{run}");
        assert!(run.stderr().contains("error: cut.xml: iati-activity[2] (line 9): the file ends before"), "{run}");
        assert!(run.stderr().contains("1 file could not be read, so nothing was written"), "{run}");
        assert!(!run.stdout().contains("imported"), "{run}");
        let run = place.import(options, &["deep.xml"]);
        assert!(!run.ok(), "{run}");
        assert!(run.stderr().contains("deep.xml: iati-activity[1] (line 6): <x> is nested more than 32"), "{run}");
        assert!(place.projects().is_empty());
    }

    // Files refused whole, as CSV or JSON.
    place.write("projects.csv", "slug,title_en\r\ncert-vn,CERT\r\n");
    let run = place.import(&["--skip-invalid"], &["projects.csv"]);
    assert!(!run.ok(), "{run}");
    assert!(run.stderr().contains("error: projects.csv: line 1: status: the header has no column status"), "{run}");
    place.write("other.json", r#"{"format": "something-else", "version": 1}"#);
    let run = place.import(&["--skip-invalid"], &["other.json"]);
    assert!(!run.ok(), "{run}");
    assert!(run.stderr().contains("error: other.json: format: is not one of the allowed values"), "{run}");

    // CSV errors name the line of the row, CRLF or not.
    place.write("projects.csv", "slug,title_en,status\r\nok,OK,ongoing\r\nbad,Bad,someday\r\n");
    let run = place.import(&[], &["projects.csv"]);
    assert!(!run.ok(), "{run}");
    assert!(run.stderr().contains("error: projects.csv: line 3: status: is not one of the allowed values"), "{run}");
    assert!(place.projects().is_empty(), "one refused row, so nothing was written");

    // Warnings are not refusals: the row is written and the run succeeds.
    place.write("warned.xml", iati(&[activity("XM-EXAMPLE-WARNED", "<recipient-country code=\"XX\"/>")]));
    let run = place.import(&[], &["warned.xml", "good.xml"]);
    assert!(run.ok(), "{run}");
    assert!(run.stdout().contains("imported 2 records: 0 actors, 2 projects"), "{run}");
    assert!(run.stdout().contains("0 rows skipped, 1 row with warnings"), "{run}");
    assert!(
        run.stderr().contains(
            "warning: warned.xml: iati-activity[1] (line 6): recipient-country/@code: is not an ISO 3166-1 alpha-2 \
             country code"
        ),
        "{run}"
    );
    assert_eq!(place.projects().len(), 2);
}

/// Two activities as a Swedish and a French publisher might write them, in one UTF-16 file.
const PUBLISHERS: &str = r#"<?xml version="1.0" encoding="UTF-16"?>
<iati-activities version="2.03">
  <iati-activity xml:lang="sv" default-currency="SEK">
    <iati-identifier>SE-0-SE-6-5400012301</iati-identifier>
    <title>
      <narrative>Cybersäkerhet i Östafrika</narrative>
      <narrative xml:lang="en">Cyber security in East Africa</narrative>
    </title>
    <participating-org ref="SE-0" role="1" type="10">
      <narrative xml:lang="en">Swedish International Development Cooperation Agency</narrative>
    </participating-org>
    <participating-org ref="51000" role="4" type="80"><narrative xml:lang="en">Umeå University</narrative></participating-org>
    <activity-status code="5"/>
    <recipient-country code="KE"/>
    <budget type="1"><period-start iso-date="2023-01-01"/><value value-date="2023-01-01">1533333.333333</value></budget>
    <budget type="1"><period-start iso-date="2024-01-01"/><value value-date="2024-01-01">3066666.666667</value></budget>
  </iati-activity>
  <iati-activity xml:lang="fr" default-currency="XDR">
    <iati-identifier>XM-EXAMPLE-FR-1</iati-identifier>
    <title><narrative>Renforcement de la cybersécurité au Sénégal</narrative></title>
    <participating-org ref="51000" role="4" type="40"><narrative xml:lang="en">Institute of Examples</narrative></participating-org>
    <activity-status code="6"/>
    <recipient-country code="SN"/>
    <budget><value value-date="2024-01-01">250000.5</value></budget>
  </iati-activity>
</iati-activities>
"#;

fn utf16le(text: &str) -> Vec<u8> {
    [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect()
}

fn what_publishers_write_reaches_the_database(place: &Place) {
    place.write("publishers.xml", utf16le(PUBLISHERS));
    let run = place.import(&[], &["publishers.xml"]);
    assert!(run.ok(), "{run}");
    assert!(run.stdout().contains("2 projects"), "{run}");
    assert!(run.stdout().contains("0 rows skipped, 0 rows with warnings"), "{run}");
    let data = place.export();
    let projects = data["projects"].as_array().unwrap();
    let sweden = field(projects, "se-0-se-6-5400012301");
    assert_eq!(sweden["status"], "cancelled");
    assert_eq!(sweden["budget"], json!({"amount": "4600000", "currency": "SEK"}));
    assert_eq!(
        sweden["title"],
        json!({"en": "Cyber security in East Africa", "vi": null, "sv": "Cybersäkerhet i Östafrika"})
    );
    let france = field(projects, "xm-example-fr-1");
    assert_eq!(france["status"], "suspended");
    assert_eq!(france["budget"], json!({"amount": "250000.5", "currency": "XDR"}));
    assert_eq!(france["languages"], json!([]));
    assert_eq!(france["title"], json!({"en": null, "vi": null, "fr": "Renforcement de la cybersécurité au Sénégal"}));

    let actors = data["actors"].as_array().unwrap();
    let actor = |slug: &str| actors.iter().find(|a| a["slug"] == slug).unwrap_or_else(|| panic!("no actor {slug}"));
    assert_eq!(actor("swedish-international-development-cooperation-agency")["iati_ref"], "SE-0");
    assert_eq!(actor("umea-university")["iati_ref"], Value::Null, "51000 is no identifier");
    assert_eq!(actor("institute-of-examples")["iati_ref"], Value::Null);
    let implementers = |p: &Value| p["participants"].as_array().unwrap().iter().map(|c| c["actor"].clone()).collect();
    let sweden: Vec<Value> = implementers(sweden);
    assert!(sweden.contains(&json!("umea-university")) && !sweden.contains(&json!("institute-of-examples")));
    assert_eq!(implementers(france), vec![json!("institute-of-examples")]);

    // Imported again, nothing doubles.
    let run = place.import(&[], &["publishers.xml"]);
    assert!(run.ok(), "{run}");
    let again = place.export();
    assert_eq!(
        (again["projects"].as_array().unwrap().len(), again["actors"].as_array().unwrap().len()),
        (2, actors.len())
    );
}

/// Suspended and cancelled projects, as an import writes them, in the API, search and pages.
async fn new_statuses_are_listed_searched_and_shown(app: TestApp) {
    let text = PUBLISHERS.replace("encoding=\"UTF-16\"", "encoding=\"UTF-8\"");
    let parsed = iati::read(text.as_bytes(), "publishers.xml").unwrap();
    let known = iati::Known {
        projects: app.store.project_keys().await.unwrap(),
        actors: app.store.actor_keys().await.unwrap(),
    };
    let merged = iati::Merge::new(known).add("publishers.xml", parsed.records);
    assert_eq!(merged.errors, []);
    let report = app.store.import(merged.records, "publishers.xml", Vec::new(), true, &|_| {}).await.unwrap();
    assert_eq!(report.written.projects, 2, "{:?}", report.errors);

    let (status, cancelled) = app.json("/api/v1/projects?status=cancelled").await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(slugs(&cancelled), ["se-0-se-6-5400012301"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    let suspended = loop {
        let (status, found) = app.json("/api/v1/search?status=suspended").await;
        assert_eq!(status, StatusCode::OK, "{found}");
        if found["total"] == 1 || Instant::now() > deadline {
            break found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(slugs(&suspended), ["xm-example-fr-1"], "{suspended}");
    let (_, everything) = app.json("/api/v1/search?type=project").await;
    let statuses: Vec<(&str, u64)> = everything["facets"]["status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["value"].as_str().unwrap(), f["count"].as_u64().unwrap()))
        .collect();
    assert!(statuses.contains(&("cancelled", 1)) && statuses.contains(&("suspended", 1)), "{statuses:?}");

    for (path, label) in [
        ("/en/projects/se-0-se-6-5400012301", "Cancelled"),
        ("/vi/projects/xm-example-fr-1", "Tạm dừng"),
        ("/en/projects?status=suspended", "Suspended"),
        ("/en/search?type=project", "Cancelled"),
    ] {
        let (status, page) = app.text(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(page.contains(label), "{path} shows {label}");
    }
}

/// A Swedish publisher's file, Swedish by default, with an English, a Swedish and a French title
/// on one activity and a French-only one on another; percentages of countries, a region and
/// sectors, one of them unreadable.
const LANGUAGES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" xml:lang="sv">
  <iati-activity default-currency="SEK">
    <iati-identifier>SE-0-SE-6-5400077701</iati-identifier>
    <title>
      <narrative xml:lang="en">Cyber resilience in the Mekong region</narrative>
      <narrative>Cyberresiliens i Mekongregionen</narrative>
      <narrative xml:lang="fr">Cyber-résilience dans la région du Mékong</narrative>
    </title>
    <description><narrative>Utbildning av nationella incidentteam.</narrative></description>
    <activity-status code="2"/>
    <recipient-country code="VN" percentage="60"/>
    <recipient-country code="KH" percentage="33.33"/>
    <recipient-country code="LA" percentage="6,67"/>
    <recipient-region code="035" vocabulary="2" percentage="100"/>
    <sector vocabulary="1" code="15210" percentage="75.5"/>
    <sector vocabulary="1" code="22040" percentage="24.5"/>
  </iati-activity>
  <iati-activity xml:lang="fr" default-currency="EUR">
    <iati-identifier>FR-6-CYBER-SN-2024</iati-identifier>
    <title><narrative>Renforcement de la cybersécurité au Sénégal</narrative></title>
    <description>
      <narrative>Appui au centre national de réponse aux incidents.</narrative>
      <narrative xml:lang="es">Apoyo al centro nacional de respuesta a incidentes.</narrative>
    </description>
    <participating-org role="4" type="80"><narrative>Université Cheikh Anta Diop</narrative></participating-org>
    <activity-status code="2"/>
    <recipient-country code="SN"/>
  </iati-activity>
</iati-activities>
"#;

/// Texts in Swedish, French and Spanish and shares of countries, regions and sectors, from an
/// import to the database, the API, the pages in both languages, search, and an export that
/// another database reads back into the same document.
async fn texts_in_any_language_and_shares_reach_pages_api_search_and_exports(app: TestApp) {
    let parsed = iati::read(LANGUAGES.as_bytes(), "languages.xml").unwrap();
    let warnings: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["languages.xml: iati-activity[1] (line 14): recipient-country/@percentage: must be a percentage from 0 to \
          100 with at most two decimals"]
    );
    let known = iati::Known {
        projects: app.store.project_keys().await.unwrap(),
        actors: app.store.actor_keys().await.unwrap(),
    };
    let merged = iati::Merge::new(known).add("languages.xml", parsed.records);
    let report = app.store.import(merged.records, "languages.xml", Vec::new(), true, &|_| {}).await.unwrap();
    assert_eq!(report.written.projects, 2, "{:?}", report.errors);

    // The database: English and Vietnamese in the record's columns, the others in record_texts,
    // the shares beside the countries, regions and tags.
    let mekong = "se-0-se-6-5400077701";
    let senegal = "fr-6-cyber-sn-2024";
    let rows = app
        .texts(
            "SELECT p.slug, t.field, t.lang, t.text FROM record_texts t JOIN projects p ON p.id = t.record_id \
             ORDER BY p.slug, t.field, t.position",
            &["slug", "field", "lang", "text"],
        )
        .await;
    let expected = [
        [senegal, "description", "es", "Apoyo al centro nacional de respuesta a incidentes."],
        [senegal, "description", "fr", "Appui au centre national de réponse aux incidents."],
        [senegal, "title", "fr", "Renforcement de la cybersécurité au Sénégal"],
        [mekong, "description", "sv", "Utbildning av nationella incidentteam."],
        [mekong, "title", "fr", "Cyber-résilience dans la région du Mékong"],
        [mekong, "title", "sv", "Cyberresiliens i Mekongregionen"],
    ];
    assert_eq!(rows, expected.map(|row| row.map(str::to_owned)));
    let columns = app
        .texts(
            &format!("SELECT title_en, title_vi FROM projects WHERE slug IN ('{senegal}', '{mekong}') ORDER BY slug"),
            &["title_en", "title_vi"],
        )
        .await;
    assert_eq!(
        columns,
        [vec![String::new(), String::new()], vec!["Cyber resilience in the Mekong region".into(), String::new()]]
    );
    let shares = app
        .texts(
            "SELECT country AS code, CAST(percentage_hundredths AS TEXT) AS share FROM record_countries \
             UNION ALL SELECT region AS code, CAST(percentage_hundredths AS TEXT) AS share FROM record_regions \
             UNION ALL SELECT tag AS code, CAST(percentage_hundredths AS TEXT) AS share FROM record_tags \
             ORDER BY code",
            &["code", "share"],
        )
        .await;
    let expected = [
        ["035", "10000"],
        ["DAC 15210", "7550"],
        ["DAC 22040", "2450"],
        ["KH", "3333"],
        ["LA", ""],
        ["SN", ""],
        ["VN", "6000"],
    ];
    assert_eq!(shares, expected.map(|row| row.map(str::to_owned)));

    // The API's document.
    let (status, project) = app.json(&format!("/api/v1/projects/{mekong}")).await;
    assert_eq!(status, StatusCode::OK, "{project}");
    assert_eq!(
        project["title"],
        json!({
            "en": "Cyber resilience in the Mekong region",
            "vi": null,
            "fr": "Cyber-résilience dans la région du Mékong",
            "sv": "Cyberresiliens i Mekongregionen"
        })
    );
    assert_eq!(
        project["shares"],
        json!({
            "countries": {"KH": 33.33, "VN": 60.0},
            "regions": {"035": 100.0},
            "tags": {"DAC 15210": 75.5, "DAC 22040": 24.5}
        })
    );
    assert_eq!(project["countries"], json!(["VN", "KH", "LA"]));
    let (_, french) = app.json(&format!("/api/v1/projects/{senegal}")).await;
    assert_eq!(french["title"], json!({"en": null, "vi": null, "fr": "Renforcement de la cybersécurité au Sénégal"}));
    assert_eq!(french["shares"], json!({"countries": {}, "regions": {}, "tags": {}}));

    // The pages: Vietnamese or English, else the original, marked with its language.
    let (status, page) = app.text(&format!("/vi/projects/{senegal}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"<h1 lang="fr">Renforcement de la cybersécurité au Sénégal</h1>"#), "{page}");
    assert!(page.contains("đang hiển thị bản gốc bằng tiếng Pháp"), "{page}");
    assert!(page.contains(r#"<div class="prose" lang="fr"><p>Appui au centre national"#), "{page}");
    let (_, page) = app.text(&format!("/en/projects/{senegal}")).await;
    assert!(page.contains(r#"<h1 lang="fr">Renforcement de la cybersécurité au Sénégal</h1>"#), "{page}");
    assert!(page.contains("shown in the original language, French."), "{page}");
    let (_, page) = app.text(&format!("/en/projects/{mekong}")).await;
    assert!(page.contains("<h1>Cyber resilience in the Mekong region</h1>"), "{page}");
    assert!(page.contains(r#"<div class="prose" lang="sv">"#), "{page}");
    for shown in
        ["Viet Nam (60%)", "Cambodia (33.33%)", ">Lao People", "South-eastern Asia (100%)", "DAC 15210 (75.5%)"]
    {
        assert!(page.contains(shown), "{shown}\n{page}");
    }
    let (_, page) = app.text(&format!("/vi/projects/{mekong}")).await;
    assert!(page.contains(r#"<h1 lang="en">Cyber resilience in the Mekong region</h1>"#), "{page}");
    assert!(page.contains("Chưa có bản tiếng Việt; đang hiển thị bản tiếng Anh."), "{page}");
    for shown in ["Việt Nam (60%)", "Campuchia (33,33%)", "DAC 15210 (75,5%)"] {
        assert!(page.contains(shown), "{shown}\n{page}");
    }
    let (_, list) = app.text("/vi/projects?q=renforcement").await;
    assert!(list.contains(r#"lang="fr">Renforcement de la cybersécurité au Sénégal</a>"#), "{list}");

    // Search finds a project by a word of its French title, and of its Spanish description.
    for (q, slug) in [("renforcement", senegal), ("respuesta", senegal), ("résilience", mekong)] {
        let deadline = Instant::now() + Duration::from_secs(10);
        let found = loop {
            let (status, found) = app.json(&format!("/api/v1/search?q={q}")).await;
            assert_eq!(status, StatusCode::OK, "{found}");
            // Until the index has caught up, an unknown word matches near spellings elsewhere.
            if slugs(&found).contains(&slug.to_owned()) || Instant::now() > deadline {
                break found;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert_eq!(slugs(&found), [slug], "{q}: {found}");
    }
    let (_, found) = app.json("/api/v1/search?q=renforcement").await;
    assert_eq!(found["items"][0]["title"]["fr"], "Renforcement de la cybersécurité au Sénégal");
    let (_, page) = app.text("/en/search?q=renforcement").await;
    assert!(page.contains(r#"lang="fr">Renforcement de la cybersécurité au Sénégal</a>"#), "{page}");

    // An export reads back into another database as the same document, byte for byte.
    let source = Place { dir: tempfile::tempdir().unwrap(), url: Some(app.url.clone()) };
    let first = source.gfce(&["export"]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let text = String::from_utf8_lossy(&first.stdout);
    assert!(text.contains(r#""fr": "Renforcement de la cybersécurité au Sénégal""#), "{text}");
    assert!(text.contains(r#""VN": 60"#), "{text}");
    let copy = if app.url.starts_with("postgres") { Place::postgres().await } else { Place::sqlite() };
    copy.write("export.json", &first.stdout);
    let run = copy.import(&[], &["export.json"]);
    assert!(run.ok(), "{run}");
    let again = copy.gfce(&["export"]);
    assert_eq!(String::from_utf8_lossy(&again.stdout), text);
}

#[test]
fn fixtures_keep_their_shape() {
    // The line numbers the scenarios above name depend on these.
    let file = iati(&[activity("A", "x"), activity("B", "y")]);
    let lines: Vec<&str> = file.lines().collect();
    assert_eq!((lines[1], lines[7]), ("  <iati-activity>", "  <iati-activity>"));
    assert_eq!(lines[5], "    x");
    assert!(Path::new(BIN).exists());
}
