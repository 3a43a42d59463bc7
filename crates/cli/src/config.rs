use std::{net::SocketAddr, path::PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Where the data lives.
#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// Directory for the platform's data: the SQLite database (unless --database-url says
    /// otherwise) and, later, the search index. Created if missing.
    #[arg(long, env = "GFCE_DATA_DIR", default_value = "gfce-data")]
    pub data_dir: PathBuf,

    /// sqlite://PATH or postgres://USER:PASSWORD@HOST/DB. Default: a SQLite file in the data
    /// directory.
    #[arg(long, env = "GFCE_DATABASE_URL")]
    pub database_url: Option<String>,
}

impl DatabaseArgs {
    /// Creates the data directory and returns its absolute path with the database URL to use.
    pub fn resolve(&self) -> anyhow::Result<(PathBuf, String)> {
        std::fs::create_dir_all(&self.data_dir)
            .with_context(|| format!("could not create the data directory {}", self.data_dir.display()))?;
        let data_dir = std::fs::canonicalize(&self.data_dir)
            .with_context(|| format!("could not open the data directory {}", self.data_dir.display()))?;
        let url = match &self.database_url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}?mode=rwc", data_dir.join("gfce.db").display()),
        };
        Ok((data_dir, url))
    }
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,

    /// Address and port to listen on. Port 0 picks a free port (the line printed at start says
    /// which).
    #[arg(long, env = "GFCE_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// The address people and feed readers reach the site at, e.g. https://hub.example.org (used
    /// for absolute links). Default: http:// and the listening address.
    #[arg(long, env = "GFCE_PUBLIC_URL", value_parser = parse_public_url)]
    pub public_url: Option<String>,

    /// Seconds a request may take before it is answered 408.
    #[arg(long, env = "GFCE_REQUEST_TIMEOUT", default_value_t = 30)]
    pub request_timeout: u64,

    /// Searches one client address may make a minute (a quarter of them at once); 0: no limit.
    #[arg(long, env = "GFCE_SEARCH_RATE_LIMIT", default_value_t = 600)]
    pub search_rate_limit: u32,

    /// Requests that change something (forms, API writes) one client address may make a minute
    /// (a quarter of them at once); 0: no limit.
    #[arg(long, env = "GFCE_WRITE_RATE_LIMIT", default_value_t = 120)]
    pub write_rate_limit: u32,

    /// Address and port the Prometheus metrics are served on (`/metrics`), apart from the site,
    /// e.g. 127.0.0.1:9090. Without it, metrics are not served.
    #[arg(long, env = "GFCE_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,

    /// The SMTP server mail is sent through: smtp://USER:PASSWORD@HOST:587?tls=required
    /// (STARTTLS), or smtps://USER:PASSWORD@HOST:465 (TLS). Without it, mail waits in the outbox,
    /// where administrators can read it, and its text is written to the log.
    #[arg(long, env = "GFCE_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// The sender of the platform's mail. Default: GFCE Hub <noreply@HOST>, with the host of the
    /// public URL.
    #[arg(long, env = "GFCE_MAIL_FROM")]
    pub mail_from: Option<String>,
}

/// The sender mail comes from unless --mail-from says otherwise.
pub fn default_mail_from(public_url: &str) -> String {
    let rest = public_url.split_once("://").map_or(public_url, |(_, rest)| rest);
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    format!("GFCE Hub <noreply@{host}>")
}

fn parse_public_url(value: &str) -> Result<String, String> {
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => {
            Ok(value.trim_end_matches('/').to_owned())
        }
        _ => Err("must be an http:// or https:// address, such as https://hub.example.org".to_owned()),
    }
}

/// The database URL as it may be printed: a PostgreSQL password is hidden.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn public_urls_are_http() {
        assert_eq!(super::parse_public_url("https://hub.example.org/").unwrap(), "https://hub.example.org");
        assert!(super::parse_public_url("hub.example.org").is_err());
        assert!(super::parse_public_url("javascript:alert(1)").is_err());
        assert!(super::parse_public_url("https://").is_err());
    }

    #[test]
    fn mail_comes_from_the_public_host() {
        assert_eq!(super::default_mail_from("https://hub.example.org"), "GFCE Hub <noreply@hub.example.org>");
        assert_eq!(super::default_mail_from("http://hub.example.org:8080/x"), "GFCE Hub <noreply@hub.example.org>");
    }

    #[test]
    fn hides_passwords() {
        assert_eq!(redact("postgres://gfce:secret@127.0.0.1/gfce"), "postgres://gfce:***@127.0.0.1/gfce");
        assert_eq!(redact("postgres://gfce@127.0.0.1/gfce"), "postgres://gfce@127.0.0.1/gfce");
        assert_eq!(redact("sqlite:///data/gfce.db"), "sqlite:///data/gfce.db");
    }
}
