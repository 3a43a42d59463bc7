//! Secrets: password hashes, random tokens and the digests stored in their place.
//!
//! - Passwords are hashed with argon2id (the `argon2` crate's defaults, OWASP's recommended
//!   19 MiB, 2 passes), on a blocking thread since a hash takes tens of milliseconds, and only a
//!   few at once, each in working memory kept from one check to the next: memory stays what
//!   those few need however many sign-ins arrive, rather than growing with every thread that
//!   ever hashed. Those beyond wait their turn for a while, then are refused as busy (503 with
//!   `Retry-After`). A login for an unknown address still verifies against a fixed hash, so the
//!   answer takes as long either way and does not reveal which addresses have accounts.
//! - Session, reset, pending-sign-in and API tokens are 256 random bits; the database keeps only
//!   their SHA-256 digest, so a leaked database hands out nothing.

use argon2::{
    password_hash::{rand_core::OsRng, Output, ParamsString, PasswordHash, SaltString},
    Algorithm, Argon2, Block, Params, Version,
};
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        LazyLock, Mutex,
    },
    time::Duration,
};

use gfce_core::NewPassword;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::http::WebError;

/// Argon2's working memory: 19 MiB for the default parameters.
type Memory = Vec<Block>;

fn fresh_memory() -> Memory {
    vec![Block::default(); Params::default().block_count()]
}

/// Hashes a new password with argon2id and a random salt, as a PHC string.
pub fn hash_password(password: &NewPassword) -> String {
    hash_in(&mut fresh_memory(), password.expose().as_bytes())
}

/// Whether `candidate` is the password behind `hash`. A malformed hash matches nothing.
pub fn verify_password(hash: &str, candidate: &str) -> bool {
    verify_in(&mut fresh_memory(), hash, candidate.as_bytes())
}

fn hash_in(memory: &mut Memory, password: &[u8]) -> String {
    let argon2 = Argon2::default();
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.as_salt().decode_b64(&mut salt_bytes).expect("a generated salt decodes");
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    argon2
        .hash_password_into_with_memory(password, salt_bytes, &mut out, &mut memory[..])
        .expect("argon2id with default parameters hashes any password");
    PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::default().into()),
        params: ParamsString::try_from(argon2.params()).expect("default parameters are a valid PHC string"),
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).expect("the default output length")),
    }
    .to_string()
}

/// Checks `candidate` against `hash` with the parameters the hash names. Memory grows to what
/// they need (hashes written with stronger parameters than today's) and is kept so.
fn verify_in(memory: &mut Memory, hash: &str, candidate: &[u8]) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else { return false };
    let (Ok(algorithm), Ok(params)) = (Algorithm::try_from(parsed.algorithm), Params::try_from(&parsed)) else {
        return false;
    };
    let Ok(version) = parsed.version.map_or(Ok(Version::default()), Version::try_from) else { return false };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else { return false };
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
    let mut out = vec![0u8; expected.len()];
    Argon2::new(algorithm, version, params).hash_password_into_with_memory(candidate, salt, &mut out, &mut memory[..]).is_ok()
        // `Output` compares in constant time.
        && Output::new(&out).is_ok_and(|computed| computed == expected)
}

/// Password hashes and checks running at once, and those waiting for their turn.
struct Limiter {
    permits: Semaphore,
    /// Working memory of the checks that ran, for the next ones: no more than the permits.
    memories: Mutex<Vec<Memory>>,
    /// How long a check waits for its turn before the request is refused as busy.
    wait: Duration,
    running: AtomicUsize,
    /// The most that ever ran at once, which the tests compare with the limit.
    peak: AtomicUsize,
}

impl Limiter {
    fn new(at_once: usize, wait: Duration) -> Self {
        Limiter {
            permits: Semaphore::new(at_once),
            memories: Mutex::new(Vec::with_capacity(at_once)),
            wait,
            running: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }

    /// Runs `work` in working memory off the threads that serve connections, once its turn
    /// comes.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Memory) -> T + Send + 'static,
    ) -> Result<T, WebError> {
        let permit = tokio::time::timeout(self.wait, self.permits.acquire())
            .await
            .map_err(|_| WebError::Busy(self.wait.as_secs().max(1)))?
            .map_err(|e| WebError::Fault(e.to_string()))?;
        let running = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(running, Ordering::SeqCst);
        metrics::gauge!("password_checks_running").set(running as f64);
        let kept = self.memories.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop();
        let done = tokio::task::spawn_blocking(move || {
            let mut memory = kept.unwrap_or_else(fresh_memory);
            (work(&mut memory), memory)
        })
        .await
        .map_err(|e| WebError::Fault(e.to_string()))
        .map(|(result, memory)| {
            self.memories.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(memory);
            result
        });
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

/// [`hash_password`], on a blocking thread.
pub async fn hash(password: NewPassword) -> Result<String, WebError> {
    CHECKS.run(move |memory| hash_in(memory, password.expose().as_bytes())).await
}

/// [`verify_password`], on a blocking thread.
pub async fn verify(hash: String, candidate: String) -> Result<bool, WebError> {
    CHECKS.run(move |memory| verify_in(memory, &hash, candidate.as_bytes())).await
}

/// [`unusable_hash`], on a blocking thread.
pub async fn unusable() -> Result<String, WebError> {
    CHECKS.run(|memory| hash_in(memory, random_token().as_bytes())).await
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
    hash_in(&mut fresh_memory(), random_token().as_bytes())
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

    use argon2::{PasswordHasher, PasswordVerifier};

    use super::*;

    #[test]
    fn hashes_are_standard_argon2id_both_ways() {
        let password = NewPassword::parse("a phrase nobody guesses", None).unwrap();
        let ours = hash_password(&password);
        assert!(ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{ours}");
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(Argon2::default().verify_password(b"a phrase nobody guesses", &parsed).is_ok());

        let salt = SaltString::generate(&mut OsRng);
        let theirs = Argon2::default().hash_password(b"a phrase nobody guesses", &salt).unwrap().to_string();
        assert!(verify_password(&theirs, "a phrase nobody guesses"));
        assert!(!verify_password(&theirs, "a phrase nobody guesses!"));
        assert!(!verify_password(&ours, "A phrase nobody guesses"));
    }

    #[test]
    fn hashes_of_other_parameters_verify_and_malformed_ones_match_nothing() {
        let salt = SaltString::generate(&mut OsRng);
        let stronger = Params::new(32 * 1024, 3, 1, None).unwrap();
        let hash = Argon2::new(Algorithm::Argon2id, Version::V0x13, stronger)
            .hash_password(b"a phrase nobody guesses", &salt)
            .unwrap()
            .to_string();
        let mut memory = fresh_memory();
        assert!(verify_in(&mut memory, &hash, b"a phrase nobody guesses"));
        assert_eq!(memory.len(), 32 * 1024, "memory grows to what the parameters need");
        for malformed in
            ["", "plain text", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA", "$argon2id$v=99$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA"]
        {
            assert!(!verify_in(&mut memory, malformed, b""), "{malformed}");
        }
    }

    #[tokio::test]
    async fn only_so_many_checks_run_at_once_and_the_rest_wait() {
        let limiter = Arc::new(Limiter::new(3, Duration::from_secs(30)));
        let checks: Vec<_> = (0..24)
            .map(|_| {
                let limiter = limiter.clone();
                tokio::spawn(async move { limiter.run(|_| std::thread::sleep(Duration::from_millis(20))).await })
            })
            .collect();
        for check in checks {
            check.await.unwrap().unwrap();
        }
        assert_eq!(limiter.peak.load(Ordering::SeqCst), 3);
        assert_eq!(limiter.running.load(Ordering::SeqCst), 0);
        let kept = limiter.memories.lock().unwrap().len();
        assert!((1..=3).contains(&kept), "working memory is kept for no more than run at once: {kept}");
    }

    #[tokio::test]
    async fn a_check_that_waits_too_long_is_refused_as_busy() {
        let limiter = Arc::new(Limiter::new(1, Duration::from_millis(50)));
        let slow = {
            let limiter = limiter.clone();
            tokio::spawn(async move { limiter.run(|_| std::thread::sleep(Duration::from_millis(500))).await })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        let refused = limiter.run(|_| ()).await.unwrap_err();
        assert!(matches!(refused, WebError::Busy(_)), "{refused:?}");
        assert_eq!(refused.status(), axum::http::StatusCode::SERVICE_UNAVAILABLE);
        slow.await.unwrap().unwrap();
    }
}
