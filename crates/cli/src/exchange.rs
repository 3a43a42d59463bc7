//! `gfce import`, `gfce export` and `gfce demo-data`: files in and out of the database.

use std::{
    collections::HashSet,
    io::{IsTerminal, Write},
    path::{Path, PathBuf},
};

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use gfce_core::{
    exchange::{self, csv, iati, json, Dataset, Location, Parsed, RowError},
    overlap, Project,
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
    /// Write the valid rows and skip the invalid ones. Without it, one invalid row means nothing
    /// is written. A file that cannot be read whole (not well-formed, of another format) always
    /// means nothing is written.
    #[arg(long)]
    pub skip_invalid: bool,
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

/// What the files of an import gave: the records, the rows refused, the rows changed on the way,
/// and the files refused whole.
#[derive(Default)]
struct Read {
    data: Dataset,
    errors: Vec<RowError>,
    warnings: Vec<RowError>,
    refused: Vec<RowError>,
}

impl Read {
    /// Keeps the records and the reports of one file, or the reason it was refused.
    fn take<T>(&mut self, parsed: Result<Parsed<T>, RowError>, into: impl FnOnce(&mut Dataset, T)) {
        match parsed {
            Ok(parsed) => {
                into(&mut self.data, parsed.records);
                self.errors.extend(parsed.errors);
                self.warnings.extend(parsed.warnings);
            }
            Err(whole) => self.refused.push(whole),
        }
    }
}

/// Reads one CSV file, its type told by its name.
fn read_csv(path: &Path, bytes: &[u8], name: &str, read: &mut Read) -> anyhow::Result<()> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    match stem {
        "actors" => read.take(csv::read_actors(bytes, name), |d, r| d.actors.extend(r)),
        "projects" => read.take(csv::read_projects(bytes, name), |d, r| d.projects.extend(r)),
        "resources" => read.take(csv::read_resources(bytes, name), |d, r| d.resources.extend(r)),
        "events" => read.take(csv::read_events(bytes, name), |d, r| d.events.extend(r)),
        "country_facts" => read.take(csv::read_country_facts(bytes, name), |d, r| d.country_facts.extend(r)),
        _ => bail!(
            "{}: a CSV file must be named actors.csv, projects.csv, resources.csv, events.csv or country_facts.csv",
            path.display()
        ),
    }
    Ok(())
}

/// Reads a JSON dataset.
fn read_json(bytes: &[u8], name: &str, read: &mut Read) {
    read.take(json::read(bytes, name), |d, r| {
        d.actors.extend(r.actors);
        d.projects.extend(r.projects);
        d.resources.extend(r.resources);
        d.events.extend(r.events);
        d.country_facts.extend(r.country_facts);
    });
}

/// Reads an IATI file and turns its activities into projects and the organisations they name
/// into actors, matched with the database and the files read before it.
fn read_iati(bytes: &[u8], name: &str, merge: &mut iati::Merge, read: &mut Read) {
    let parsed = iati::read(bytes, name).map(|parsed| {
        let merged = merge.add(name, parsed.records);
        Parsed {
            records: merged.records,
            errors: parsed.errors.into_iter().chain(merged.errors).collect(),
            warnings: parsed.warnings.into_iter().chain(merged.warnings).collect(),
        }
    });
    read.take(parsed, |d, r| {
        d.actors.extend(r.actors);
        d.projects.extend(r.projects);
    });
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

/// How many rows these reports are about: several reports on one row count it once.
fn rows(reports: &[RowError]) -> usize {
    let row = |r: &RowError| match &r.location {
        // The reports on an activity name the lines of its parts; the activity is the row.
        Location::Element { path, .. } => path.clone(),
        other => other.to_string(),
    };
    reports.iter().map(|r| (r.file.as_str(), row(r))).collect::<HashSet<_>>().len()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Prints what was written, refused and changed. A refused row fails the run unless the run was
/// told to skip such rows, and then nothing was written.
fn print_report(report: &ImportReport, warnings: &[RowError], skip_invalid: bool) -> anyhow::Result<()> {
    let mut err = std::io::stderr().lock();
    let refused = if skip_invalid { "skipped" } else { "error" };
    for e in &report.errors {
        writeln!(err, "{refused}: {e}")?;
    }
    for w in warnings {
        writeln!(err, "warning: {w}")?;
    }
    let (errors, warned) = (rows(&report.errors), rows(warnings));
    let warned = plural(warned, "row with warnings", "rows with warnings");
    if errors > 0 && !skip_invalid {
        bail!(
            "{} refused and {warned}, so nothing was written (--skip-invalid writes the valid rows and skips the \
             others)",
            plural(errors, "row", "rows")
        );
    }
    let w = report.written;
    println!(
        "imported {} records: {} actors, {} projects, {} tools and publications, {} events, {} country facts; {} \
         skipped, {warned}",
        w.total(),
        w.actors,
        w.projects,
        w.resources,
        w.events,
        w.country_facts,
        plural(errors, "row", "rows"),
    );
    Ok(())
}

pub async fn import(args: ImportArgs) -> anyhow::Result<()> {
    let (store, _) = open_seeded_store(&args.database).await?;
    let mut read = Read::default();
    let mut merge: Option<iati::Merge> = None;
    let mut names = Vec::new();
    for path in &args.files {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let bytes = std::fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
        match format_of(path, args.format)? {
            ImportFormat::Json => read_json(&bytes, &name, &mut read),
            ImportFormat::Csv => read_csv(path, &bytes, &name, &mut read)?,
            ImportFormat::Iati => {
                if merge.is_none() {
                    let known =
                        iati::Known { projects: store.project_keys().await?, actors: store.actor_keys().await? };
                    merge = Some(iati::Merge::new(known));
                }
                read_iati(&bytes, &name, merge.as_mut().expect("set just above"), &mut read);
            }
        }
        names.push(name);
    }
    if !read.refused.is_empty() {
        store.close().await;
        let mut err = std::io::stderr().lock();
        for e in &read.refused {
            writeln!(err, "error: {e}")?;
        }
        bail!(
            "{}, so nothing was written",
            plural(read.refused.len(), "file could not be read", "files could not be read")
        );
    }
    let check: Vec<Project> = if read.data.projects.len() <= OVERLAP_CHECK_MAX {
        read.data.projects.iter().map(|p| p.record.clone()).collect()
    } else {
        Vec::new()
    };
    let report = write(&store, read.data, &names.join(", "), read.errors, !args.skip_invalid).await?;
    let written = print_report(&report, &read.warnings, args.skip_invalid);
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
    print_report(&report, &[], false)
}
