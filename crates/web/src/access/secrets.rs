//! Secrets: password hashes, random tokens and the digests stored in their place.
//!
//! - Passwords are hashed with argon2id (the `argon2` crate's defaults, OWASP's recommended
//!   19 MiB, 2 passes), on a blocking thread since a hash takes tens of milliseconds. A login for
//!   an unknown address still verifies against a fixed hash, so the answer takes as long either
//!   way and does not reveal which addresses have accounts.
//! - Session, reset, pending-sign-in and API tokens are 256 random bits; the database keeps only
//!   their SHA-256 digest, so a leaked database hands out nothing.

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use gfce_core::NewPassword;
use sha2::{Digest, Sha256};

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

/// Runs a password hash or check off the threads that serve connections.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, WebError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| WebError::Fault(e.to_string()))
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
