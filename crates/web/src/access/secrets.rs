//! Secrets: password hashes, random tokens and the digests stored in their place.
//!
//! - Passwords are hashed with argon2id (the `argon2` crate's defaults, OWASP's recommended
//!   19 MiB, 2 passes), on a blocking thread since a hash takes tens of milliseconds, and only a
//!   few at once: each holds its 19 MiB while it runs, so a burst of sign-ins would otherwise
//!   take memory without bound. Those beyond wait their turn for a while, then are refused as
//!   busy (503 with `Retry-After`). A login for an unknown address still verifies against a
//!   fixed hash, so the answer takes as long either way and does not reveal which addresses have
//!   accounts.
//! - Session, reset, pending-sign-in and API tokens are 256 random bits; the database keeps only
//!   their SHA-256 digest, so a leaked database hands out nothing.

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        LazyLock,
    },
    time::Duration,
};

use gfce_core::NewPassword;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::http::WebError;

/// Hashes a new password with argon2id and a random salt, as a PHC string.
pub fn hash_password(password: &NewPassword) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .expect("argon2id with default parameters hashes any password")
        .to_string()
}

/// Whether `candidate` is the password behind `hash`. A malformed hash matches nothing.
pub fn verify_password(hash: &str, candidate: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(candidate.as_bytes(), &parsed).is_ok())
}

/// Password hashes and checks running at once, and those waiting for their turn.
struct Limiter {
    permits: Semaphore,
    /// How long a check waits for its turn before the request is refused as busy.
    wait: Duration,
    running: AtomicUsize,
    /// The most that ever ran at once, which the tests compare with the limit.
    peak: AtomicUsize,
}

impl Limiter {
    fn new(at_once: usize, wait: Duration) -> Self {
        Limiter { permits: Semaphore::new(at_once), wait, running: AtomicUsize::new(0), peak: AtomicUsize::new(0) }
    }

    /// Runs `work` off the threads that serve connections, once its turn comes.
    async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, WebError> {
        let permit = tokio::time::timeout(self.wait, self.permits.acquire())
            .await
            .map_err(|_| WebError::Busy(self.wait.as_secs().max(1)))?
            .map_err(|e| WebError::Fault(e.to_string()))?;
        let running = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(running, Ordering::SeqCst);
        metrics::gauge!("password_checks_running").set(running as f64);
        let done = tokio::task::spawn_blocking(work).await.map_err(|e| WebError::Fault(e.to_string()));
        let running = self.running.fetch_sub(1, Ordering::SeqCst) - 1;
        metrics::gauge!("password_checks_running").set(running as f64);
        drop(permit);
        done
    }
}

/// As many checks at once as there are cores (at least two), each waiting at most five seconds.
static CHECKS: LazyLock<Limiter> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    Limiter::new(cores.max(2), Duration::from_secs(5))
});

async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, WebError> {
    CHECKS.run(work).await
}

/// [`hash_password`], on a blocking thread.
pub async fn hash(password: NewPassword) -> Result<String, WebError> {
    blocking(move || hash_password(&password)).await
}

/// [`verify_password`], on a blocking thread.
pub async fn verify(hash: String, candidate: String) -> Result<bool, WebError> {
    blocking(move || verify_password(&hash, &candidate)).await
}

/// [`unusable_hash`], on a blocking thread.
pub async fn unusable() -> Result<String, WebError> {
    blocking(unusable_hash).await
}

/// A hash no password matches, verified against when the address is unknown so that a login
/// takes as long whether or not the account exists.
pub(crate) fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(unusable_hash)
}

/// The hash of a password nobody knows, for an account created for someone else (the contact of
/// an approved application) until its holder chooses one through the link mailed to them. It is
/// a real argon2id hash, so signing in to such an account takes as long as to any other.
pub fn unusable_hash() -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(&random_token().into_bytes(), &salt).expect("hashing a token").to_string()
}

/// 256 random bits from the operating system, as 64 hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest a token is stored under.
pub fn token_digest(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a token has the shape of [`random_token`]'s, so that others need no database lookup.
pub(crate) fn is_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Compares two secrets in time that does not depend on where they differ.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[tokio::test]
    async fn only_so_many_checks_run_at_once_and_the_rest_wait() {
        let limiter = Arc::new(Limiter::new(3, Duration::from_secs(30)));
        let checks: Vec<_> = (0..24)
            .map(|_| {
                let limiter = limiter.clone();
                tokio::spawn(async move { limiter.run(|| std::thread::sleep(Duration::from_millis(20))).await })
            })
            .collect();
        for check in checks {
            check.await.unwrap().unwrap();
        }
        assert_eq!(limiter.peak.load(Ordering::SeqCst), 3);
        assert_eq!(limiter.running.load(Ordering::SeqCst), 0);
    }

    #[tokio::test]
    async fn a_check_that_waits_too_long_is_refused_as_busy() {
        let limiter = Arc::new(Limiter::new(1, Duration::from_millis(50)));
        let slow = {
            let limiter = limiter.clone();
            tokio::spawn(async move { limiter.run(|| std::thread::sleep(Duration::from_millis(500))).await })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        let refused = limiter.run(|| ()).await.unwrap_err();
        assert!(matches!(refused, WebError::Busy(_)), "{refused:?}");
        assert_eq!(refused.status(), axum::http::StatusCode::SERVICE_UNAVAILABLE);
        slow.await.unwrap().unwrap();
    }
}
