use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use anyhow::Context;
use gfce_search::{spawn_follower, SearchIndex};
use gfce_store::{SeedOutcome, Store};
use gfce_web::{AppState, Limits, Rate};
use tokio::net::TcpListener;

use crate::config::{default_mail_from, redact, DatabaseArgs, ServeArgs};

/// How often each instance looks at the change log for writes to index (its own and others').
const FOLLOW_EVERY: Duration = Duration::from_millis(500);
/// How often the mail sender looks for messages that are due, once the outbox is empty.
const SEND_EVERY: Duration = Duration::from_secs(5);
/// How long one SMTP exchange may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// How often the SQLite write-ahead log is emptied into the database file, for the writes of other
/// processes (an import) as much as this one's.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(300);
/// How many changes behind an index may be at start and still be caught up rather than rebuilt.
const REBUILD_BEYOND: i64 = 20_000;

/// Checkpoints the database every [`CHECKPOINT_EVERY`] until aborted; a failure is logged and
/// the next round tries again.
fn spawn_checkpoints(store: Store) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(CHECKPOINT_EVERY);
        ticker.tick().await;
        loop {
            ticker.tick().await;
            if let Err(e) = store.checkpoint().await {
                tracing::warn!(error = %e, "could not checkpoint the database");
            }
        }
    })
}

fn open_index(data_dir: &std::path::Path) -> anyhow::Result<Arc<SearchIndex>> {
    let dir = data_dir.join("search-index");
    let index =
        SearchIndex::open(&dir).with_context(|| format!("could not open the search index in {}", dir.display()))?;
    Ok(Arc::new(index))
}

async fn open_store(args: &DatabaseArgs) -> anyhow::Result<(Store, String)> {
    let (data_dir, url) = args.resolve()?;
    let store = Store::connect(&url).await.with_context(|| format!("could not open the database {}", redact(&url)))?;
    store.migrate().await.context("could not apply the database migrations")?;
    let place = match store.backend() {
        gfce_store::Backend::Sqlite if args.database_url.is_none() => format!("{} (SQLite)", data_dir.display()),
        backend => format!("{} ({}), files in {}", redact(&url), backend.name(), data_dir.display()),
    };
    Ok((store, place))
}

/// Opens the store with the reference data loaded, as every command that reads or writes
/// records needs it.
pub async fn open_seeded_store(args: &DatabaseArgs) -> anyhow::Result<(Store, String)> {
    let (store, place) = open_store(args).await?;
    store.seed_reference(gfce_core::reference::shipped()).await.context("could not load the reference data")?;
    Ok((store, place))
}

pub async fn migrate(args: DatabaseArgs) -> anyhow::Result<()> {
    let (store, place) = open_store(&args).await?;
    store.close().await;
    println!("GFCE Hub database is up to date: {place}");
    Ok(())
}

pub async fn reindex(args: DatabaseArgs) -> anyhow::Result<()> {
    let (store, _) = open_store(&args).await?;
    let (data_dir, _) = args.resolve()?;
    let index = open_index(&data_dir)?;
    let count = index.rebuild(&store).await.context("could not rebuild the search index")?;
    store.close().await;
    println!("GFCE Hub search index rebuilt: {count} documents");
    Ok(())
}

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    /// The file to write; it must not exist. Restore by stopping the server and putting the file
    /// in place of the database (see the operations guide).
    file: std::path::PathBuf,
}

pub async fn backup(args: BackupArgs) -> anyhow::Result<()> {
    anyhow::ensure!(!args.file.exists(), "{} exists already; a backup is written to a new file", args.file.display());
    let (store, _) = open_store(&args.database).await?;
    store.backup(&args.file).await.with_context(|| format!("could not write the backup {}", args.file.display()))?;
    store.close().await;
    println!("GFCE Hub database copied to {}", args.file.display());
    Ok(())
}

pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let (store, place) = open_store(&args.database).await?;
    if store.seed_reference(gfce_core::reference::shipped()).await.context("could not load the reference data")?
        == SeedOutcome::AlreadyPresent
    {
        tracing::debug!("reference data already present");
    }
    let (data_dir, _) = args.database.resolve()?;
    let index = open_index(&data_dir)?;
    // An index is built from scratch when it does not follow this database (a new one, another
    // database's, or one that has seen changes a database restored from an older backup no
    // longer holds), and when it is far behind (after a large import: a rebuild reads records a
    // page at a time, cheaper than replaying each change); otherwise it catches up on what
    // changed meanwhile.
    let follows = index.follows(&store).await.context("could not compare the search index with the database")?;
    if !follows || index.behind(&store).await.context("could not read the change log")? > REBUILD_BEYOND {
        index.rebuild(&store).await.context("could not build the search index")?;
    } else {
        index.catch_up(&store).await.context("could not bring the search index up to date")?;
    }
    let follower = spawn_follower(index.clone(), store.clone(), FOLLOW_EVERY);
    let checkpoints = spawn_checkpoints(store.clone());
    let listener = TcpListener::bind(args.addr).await.with_context(|| format!("could not listen on {}", args.addr))?;
    let addr = listener.local_addr().context("could not read the listening address")?;
    let limits = Limits {
        request_timeout: Duration::from_secs(args.request_timeout.max(1)),
        search: Rate::per_minute(args.search_rate_limit),
        writes: Rate::per_minute(args.write_rate_limit),
        ..Limits::default()
    };
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{addr}"));
    let mut state = AppState::new(store.clone(), index, &public_url);
    state.log_mail_bodies = args.smtp_url.is_none();
    let sender = match &args.smtp_url {
        Some(smtp_url) => {
            let from = args.mail_from.clone().unwrap_or_else(|| default_mail_from(&public_url));
            let mailer = gfce_mail::Mailer::new(smtp_url, &from, SMTP_TIMEOUT).context("could not set up mail")?;
            tracing::info!(smtp = %redact(smtp_url), %from, "sending mail");
            Some(gfce_mail::spawn_sender(Arc::new(mailer), store.clone(), SEND_EVERY))
        }
        None => {
            tracing::info!("no SMTP server: mail waits in the outbox (/en/admin/outbox) and is written to the log");
            None
        }
    };
    let metrics = match args.metrics_addr {
        Some(metrics_addr) => {
            let listener = TcpListener::bind(metrics_addr)
                .await
                .with_context(|| format!("could not listen for metrics on {metrics_addr}"))?;
            let router = gfce_web::metrics_router(state.clone());
            tracing::info!(addr = %metrics_addr, "serving metrics");
            Some(tokio::spawn(async move { axum::serve(listener, router).await }))
        }
        None => None,
    };
    let app = gfce_web::router(state, limits);

    println!("GFCE Hub listening on http://{addr} — data in {place}");
    tracing::info!(%addr, startup_ms = started.elapsed().as_millis() as u64, "ready");

    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("the server failed")?;
    follower.abort();
    checkpoints.abort();
    if let Some(sender) = sender {
        sender.abort();
    }
    if let Some(metrics) = metrics {
        metrics.abort();
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM; requests in flight are then finished before exit.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => tracing::info!("interrupted; shutting down"),
        () = terminate => tracing::info!("terminated; shutting down"),
    }
}
