//! `gfce import`, `gfce export` and `gfce demo-data`: files in and out of the database.

use std::{
    collections::HashMap,
    io::{IsTerminal, Write},
    path::{Path, PathBuf},
};

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use gfce_core::{
    exchange::{self, csv, iati, json, Dataset, Parsed, RowError, Stamped},
    overlap, stable_id, Actor, Project, Slug,
};
use gfce_store::{ImportReport, Store};
use indicatif::{ProgressBar, ProgressStyle};

use crate::{config::DatabaseArgs, serve::open_seeded_store};

/// The formats `gfce import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// A GFCE Hub dataset (`gfce export --format json`).
    Json,
    /// One CSV file per type, named after it: actors.csv, projects.csv, resources.csv, events.csv,
    /// country_facts.csv.
    Csv,
    /// IATI activity XML, standard 2.03.
    Iati,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The files to read. Without --format, the extension decides: .json, .csv, .xml (IATI).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum)]
    pub format: Option<ImportFormat>,
    /// Write nothing at all if any row is invalid.
    #[arg(long)]
    pub strict: bool,
}

/// The formats `gfce export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    /// For JSON, a file (`-`, the default, is standard output); for CSV, a directory to write the
    /// files into.
    #[arg(long, short, default_value = "-")]
    pub output: PathBuf,
    /// Write the audit trail instead of the records: every entry, oldest first, as JSON.
    #[arg(long, conflicts_with = "format")]
    pub audit: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// How many projects to make.
    #[arg(long, default_value_t = 1000)]
    pub projects: usize,
    /// The same seed gives the same data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

fn format_of(path: &Path, given: Option<ImportFormat>) -> anyhow::Result<ImportFormat> {
    if let Some(f) = given {
        return Ok(f);
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("json") => Ok(ImportFormat::Json),
        Some("csv") => Ok(ImportFormat::Csv),
        Some("xml") => Ok(ImportFormat::Iati),
        _ => bail!("cannot tell the format of {}; give --format json, csv or iati", path.display()),
    }
}

/// Reads one CSV file into the dataset, its type told by its name.
fn read_csv(
    path: &Path,
    bytes: &[u8],
    name: &str,
    data: &mut Dataset,
    errors: &mut Vec<RowError>,
) -> anyhow::Result<()> {
    fn take<T>(parsed: Parsed<Vec<T>>, into: &mut Vec<T>, errors: &mut Vec<RowError>) {
        into.extend(parsed.records);
        errors.extend(parsed.errors);
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    match stem {
        "actors" => take(csv::read_actors(bytes, name), &mut data.actors, errors),
        "projects" => take(csv::read_projects(bytes, name), &mut data.projects, errors),
        "resources" => take(csv::read_resources(bytes, name), &mut data.resources, errors),
        "events" => take(csv::read_events(bytes, name), &mut data.events, errors),
        "country_facts" => take(csv::read_country_facts(bytes, name), &mut data.country_facts, errors),
        _ => bail!(
            "{}: a CSV file must be named actors.csv, projects.csv, resources.csv, events.csv or country_facts.csv",
            path.display()
        ),
    }
    Ok(())
}

/// Turns IATI activities into projects, and the organisations they name into actors: an
/// organisation already here (by IATI identifier, then by slug) is reused, any other is created.
fn read_iati(bytes: &[u8], name: &str, keys: &mut Keys, data: &mut Dataset, errors: &mut Vec<RowError>) {
    let parsed = iati::read(bytes, name);
    errors.extend(parsed.errors);
    for activity in parsed.records {
        let mut project = activity.project;
        let mut renamed: HashMap<Slug, Slug> = HashMap::new();
        for org in activity.organisations {
            let existing = org.iati_ref.as_ref().and_then(|r| keys.by_ref.get(r)).cloned();
            let slug = match existing {
                Some(slug) => slug,
                None if keys.slugs.contains_key(&org.slug) => org.slug.clone(),
                None => {
                    let actor = Actor {
                        id: stable_id("actor", &org.slug),
                        slug: org.slug.clone(),
                        kind: org.kind,
                        name: org.name.clone(),
                        short_name: None,
                        country: None,
                        joined: None,
                        website: None,
                        listed_as: None,
                        iati_ref: org.iati_ref.clone(),
                        themes: Vec::new(),
                    };
                    if let Some(r) = &org.iati_ref {
                        keys.by_ref.insert(r.clone(), org.slug.clone());
                    }
                    keys.slugs.insert(org.slug.clone(), ());
                    data.actors.push(Stamped::new(actor));
                    org.slug.clone()
                }
            };
            renamed.insert(org.slug, slug);
        }
        for c in &mut project.participants {
            if let Some(slug) = renamed.get(&c.actor) {
                c.actor = slug.clone();
            }
        }
        // Two organisations of a file can turn out to be one actor here; keep it once per role.
        let mut seen = std::collections::HashSet::new();
        project.participants.retain(|c| seen.insert((c.actor.clone(), c.role)));
        data.projects.push(Stamped::new(project));
    }
}

/// The actors already known, for matching organisations named in IATI files.
struct Keys {
    by_ref: HashMap<String, Slug>,
    slugs: HashMap<Slug, ()>,
}

/// A progress bar on a terminal, nothing otherwise (logs and CI output stay clean).
fn progress_bar(total: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{spinner} writing {bar:40} {pos}/{len} records ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Imports of up to this many projects are checked for possibly overlapping projects.
const OVERLAP_CHECK_MAX: usize = 1_000;

/// Reports, for each newly written project, the existing projects that possibly duplicate its
/// effort (each pair once).
async fn report_overlaps(store: &Store, projects: &[Project]) -> anyhow::Result<()> {
    let mut seen = std::collections::HashSet::new();
    for project in projects {
        let candidates = store.overlap_candidates(project, 500).await?;
        let profiles: Vec<overlap::Profile> = candidates.iter().map(overlap::Profile::of).collect();
        for found in overlap::find(&overlap::Profile::of(project), &profiles, 3) {
            let Some(other) = candidates.iter().find(|c| c.id == found.id) else { continue };
            let pair = if project.slug < other.slug {
                (project.slug.clone(), other.slug.clone())
            } else {
                (other.slug.clone(), project.slug.clone())
            };
            if seen.insert(pair) {
                println!(
                    "possibly overlapping: {} and {} ({:.0}% alike)",
                    project.slug,
                    other.slug,
                    found.score * 100.0
                );
            }
        }
    }
    Ok(())
}

async fn write(
    store: &Store,
    data: Dataset,
    name: &str,
    errors: Vec<RowError>,
    strict: bool,
) -> anyhow::Result<ImportReport> {
    let bar = progress_bar(data.len());
    let report = store
        .import(data, name, errors, strict, &|n| bar.set_position(n as u64))
        .await
        .context("could not write the records")?;
    bar.finish_and_clear();
    Ok(report)
}

fn print_report(report: &ImportReport, strict: bool) -> anyhow::Result<()> {
    let mut err = std::io::stderr().lock();
    for e in &report.errors {
        writeln!(err, "skipped: {e}")?;
    }
    let w = report.written;
    println!(
        "imported {} records: {} actors, {} projects, {} tools and publications, {} events, {} country facts; {} rows \
         skipped",
        w.total(),
        w.actors,
        w.projects,
        w.resources,
        w.events,
        w.country_facts,
        report.errors.len()
    );
    if strict && !report.errors.is_empty() {
        bail!("{} invalid rows; --strict, so nothing was written", report.errors.len());
    }
    Ok(())
}

pub async fn import(args: ImportArgs) -> anyhow::Result<()> {
    let (store, _) = open_seeded_store(&args.database).await?;
    let mut data = Dataset::default();
    let mut errors = Vec::new();
    let mut keys: Option<Keys> = None;
    let mut names = Vec::new();
    for path in &args.files {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let bytes = std::fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
        match format_of(path, args.format)? {
            ImportFormat::Json => match json::read(&bytes, &name) {
                Ok(parsed) => {
                    let d = parsed.records;
                    data.actors.extend(d.actors);
                    data.projects.extend(d.projects);
                    data.resources.extend(d.resources);
                    data.events.extend(d.events);
                    data.country_facts.extend(d.country_facts);
                    errors.extend(parsed.errors);
                }
                Err(whole) => errors.push(whole),
            },
            ImportFormat::Csv => read_csv(path, &bytes, &name, &mut data, &mut errors)?,
            ImportFormat::Iati => {
                if keys.is_none() {
                    let known = store.actor_keys().await?;
                    keys = Some(Keys {
                        by_ref: known.iter().filter_map(|(s, r)| Some((r.clone()?, s.clone()))).collect(),
                        slugs: known.into_iter().map(|(s, _)| (s, ())).collect(),
                    });
                }
                let keys = keys.as_mut().expect("set just above");
                read_iati(&bytes, &name, keys, &mut data, &mut errors);
            }
        }
        names.push(name);
    }
    let check: Vec<Project> = if data.projects.len() <= OVERLAP_CHECK_MAX {
        data.projects.iter().map(|p| p.record.clone()).collect()
    } else {
        Vec::new()
    };
    let report = write(&store, data, &names.join(", "), errors, args.strict).await?;
    let written = print_report(&report, args.strict);
    if written.is_ok() && report.written.projects > 0 {
        report_overlaps(&store, &check).await?;
    }
    store.close().await;
    written
}

/// Writes `bytes` to the file, or to standard output for `-`.
fn write_out(output: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    if output.as_os_str() == "-" {
        std::io::stdout().lock().write_all(bytes)?;
    } else {
        std::fs::write(output, bytes).with_context(|| format!("could not write {}", output.display()))?;
    }
    Ok(())
}

/// The audit trail as a JSON array, one object per entry.
async fn export_audit(store: &Store, output: &std::path::Path) -> anyhow::Result<()> {
    let trail = store.audit_trail().await.context("could not read the audit log")?;
    let entries: Vec<serde_json::Value> = trail
        .iter()
        .map(|e| {
            serde_json::json!({
                "seq": e.seq, "at": e.at, "user_id": e.user, "user_email": e.user_email,
                "action": e.action.as_str(), "subject": e.subject, "detail": e.detail,
            })
        })
        .collect();
    let mut bytes = serde_json::to_vec_pretty(&entries)?;
    bytes.push(b'\n');
    write_out(output, &bytes)?;
    eprintln!("exported {} audit entries", entries.len());
    Ok(())
}

pub async fn export(args: ExportArgs) -> anyhow::Result<()> {
    let (store, _) = open_seeded_store(&args.database).await?;
    if args.audit {
        let exported = export_audit(&store, &args.output).await;
        store.close().await;
        return exported;
    }
    let data = store.export().await.context("could not read the records")?;
    store.close().await;
    match args.format {
        ExportFormat::Json => write_out(&args.output, &json::write(&data))?,
        ExportFormat::Csv => {
            let dir = &args.output;
            std::fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
            let files: [(&str, Vec<u8>); 5] = [
                ("actors.csv", csv::write_actors(&data.actors)),
                ("projects.csv", csv::write_projects(&data.projects)),
                ("resources.csv", csv::write_resources(&data.resources)),
                ("events.csv", csv::write_events(&data.events)),
                ("country_facts.csv", csv::write_country_facts(&data.country_facts)),
            ];
            for (name, bytes) in files {
                let path = dir.join(name);
                std::fs::write(&path, bytes).with_context(|| format!("could not write {}", path.display()))?;
            }
        }
    }
    eprintln!("exported {} records", data.len());
    Ok(())
}

pub async fn demo_data(args: DemoArgs) -> anyhow::Result<()> {
    let (store, _) = open_seeded_store(&args.database).await?;
    let data = crate::demo::dataset(args.projects, args.seed);
    debug_assert_eq!(data.format, exchange::FORMAT);
    let report = write(&store, data, "demo data", Vec::new(), true).await?;
    store.close().await;
    print_report(&report, true)
}
