//! `gfce`: the one binary of GFCE Hub. It parses arguments and wires the crates together;
//! everything else lives in the library crates.
//!
//! Where to start reading: `Command` below lists every command; `serve.rs` starts the server with
//! its search follower and mail sender; `exchange.rs` reads and writes files for import and
//! export; `demo.rs` generates demo content from the words in `data/demo/`.

mod config;
mod demo;
mod exchange;
mod serve;
mod telemetry;
mod tokens;
mod users;

use clap::{Parser, Subcommand};

use config::{DatabaseArgs, LogFormat, ServeArgs};

#[derive(Debug, Parser)]
#[command(
    name = "gfce",
    version,
    about = "GFCE Hub: the global platform of the Global Forum on Cyber Expertise",
    long_about = "GFCE Hub: the global platform of the Global Forum on Cyber Expertise.\n\n\
                  With no configuration it keeps its data in ./gfce-data (SQLite) and serves \
                  http://127.0.0.1:8080."
)]
struct Cli {
    /// How log lines are written to standard error.
    #[arg(long, env = "GFCE_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    log_format: LogFormat,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web site and the API (applies migrations and loads the reference data first).
    Serve(ServeArgs),
    /// Apply database migrations, then exit.
    Migrate(DatabaseArgs),
    /// Rebuild the search index from the database, then exit.
    Reindex(DatabaseArgs),
    /// Write a consistent copy of the SQLite database to a new file while the server runs.
    Backup(serve::BackupArgs),
    /// Import JSON datasets, CSV files or IATI activity XML; invalid rows are reported and skipped.
    Import(exchange::ImportArgs),
    /// Export everything as a JSON dataset or as CSV files.
    Export(exchange::ExportArgs),
    /// Fill the database with realistic, deterministic bilingual demo data.
    DemoData(exchange::DemoArgs),
    /// Manage accounts.
    #[command(subcommand)]
    User(users::UserCommand),
    /// Manage personal API tokens.
    #[command(subcommand)]
    Token(tokens::TokenCommand),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    telemetry::init(cli.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: could not start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve(args) => serve::run(args).await,
            Command::Migrate(args) => serve::migrate(args).await,
            Command::Reindex(args) => serve::reindex(args).await,
            Command::Backup(args) => serve::backup(args).await,
            Command::Import(args) => exchange::import(args).await,
            Command::Export(args) => exchange::export(args).await,
            Command::DemoData(args) => exchange::demo_data(args).await,
            Command::User(command) => users::run(command).await,
            Command::Token(command) => tokens::run(command).await,
        }
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
