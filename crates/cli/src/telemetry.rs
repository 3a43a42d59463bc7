use tracing_subscriber::{fmt, EnvFilter};

use crate::config::LogFormat;

/// Sends log lines to standard error, filtered by `RUST_LOG` (default: info, and only warnings
/// from the SQL driver, whose per-query lines would drown the rest).
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).init(),
    }
}
