use std::time::{Duration, Instant};

use anyhow::Context;
use gfce_store::{SeedOutcome, Store};
use gfce_web::{AppState, Limits};
use tokio::net::TcpListener;

use crate::config::{redact, DatabaseArgs, ServeArgs};

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

pub async fn migrate(args: DatabaseArgs) -> anyhow::Result<()> {
    let (store, place) = open_store(&args).await?;
    store.close().await;
    println!("GFCE Hub database is up to date: {place}");
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
    let listener = TcpListener::bind(args.addr).await.with_context(|| format!("could not listen on {}", args.addr))?;
    let addr = listener.local_addr().context("could not read the listening address")?;
    let limits = Limits { request_timeout: Duration::from_secs(args.request_timeout.max(1)), ..Limits::default() };
    let app = gfce_web::router(AppState::new(store.clone()), limits);

    println!("GFCE Hub listening on http://{addr} — data in {place}");
    tracing::info!(%addr, startup_ms = started.elapsed().as_millis() as u64, "ready");

    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await.context("the server failed")?;
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
