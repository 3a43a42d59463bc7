//! The SQLite database file a store opened. Deleted or replaced under a running server, it would
//! go on taking writes into a file nobody will read again: writes are refused then, and the
//! server says it is not ready.

use std::path::PathBuf;

use crate::StoreError;

/// The file, and which file it was when opened.
#[derive(Debug, Clone)]
pub(crate) struct DatabaseFile {
    path: PathBuf,
    identity: Identity,
}

type Identity = (u64, u64);

#[cfg(unix)]
fn identity(path: &std::path::Path) -> std::io::Result<Identity> {
    use std::os::unix::fs::MetadataExt;
    let metadata = std::fs::metadata(path)?;
    Ok((metadata.dev(), metadata.ino()))
}

/// Elsewhere a file is known only by its path.
#[cfg(not(unix))]
fn identity(path: &std::path::Path) -> std::io::Result<Identity> {
    std::fs::metadata(path).map(|_| (0, 0))
}

impl DatabaseFile {
    /// The file a `sqlite://PATH?…` URL names, once it exists; `None` for an in-memory database.
    pub(crate) fn of_url(url: &str) -> Option<DatabaseFile> {
        let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
        let path = rest.split('?').next().unwrap_or_default();
        if path.is_empty() || path == ":memory:" {
            return None;
        }
        let path = PathBuf::from(path);
        let identity = identity(&path).ok()?;
        Some(DatabaseFile { path, identity })
    }

    /// Whether the file at the path is still the one opened.
    pub(crate) fn check(&self) -> Result<(), StoreError> {
        match identity(&self.path) {
            Ok(now) if now == self.identity => Ok(()),
            _ => Err(StoreError::FileGone(self.path.display().to_string())),
        }
    }
}
