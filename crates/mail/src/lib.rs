//! Mail delivery for GFCE Hub: takes messages from the store's outbox and sends them through an
//! SMTP server with lettre.
//!
//! Messages are never sent from a request: the request writes them to the outbox in its own
//! transaction, and [`spawn_sender`] delivers them. A message is claimed with a lease before it is
//! sent, so instances sharing a database never send it twice and a sender that dies mid-way leaves
//! it to the next once the lease runs out. A failed delivery is recorded (attempts, last error) and
//! tried again later, each wait twice the one before, until [`MAX_ATTEMPTS`]; the message then
//! stays in the outbox for an administrator to see.
//!
//! Where to start reading: [`spawn_sender`], then [`Mailer::send_once`].

use std::{sync::Arc, time::Duration};

use gfce_store::{QueuedMail, Store, StoreError};
use lettre::{
    message::{header::ContentType, Mailbox},
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use time::OffsetDateTime;

/// How long a sender holds a message it claimed; longer than any SMTP exchange may take.
const LEASE: time::Duration = time::Duration::minutes(5);
/// The attempts after which a message is left undelivered.
pub const MAX_ATTEMPTS: i64 = 10;
const FIRST_RETRY: time::Duration = time::Duration::seconds(30);
const LONGEST_RETRY: time::Duration = time::Duration::hours(1);

/// What can go wrong in mail delivery.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the SMTP URL is not valid: {0}")]
    Url(#[source] lettre::transport::smtp::Error),
    #[error("the sender address {0:?} is not valid: {1}")]
    From(String, #[source] lettre::address::AddressError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What [`Mailer::send_once`] did with the message it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Sent {
        id: i64,
    },
    /// Not delivered; recorded with the error and tried again later.
    Failed {
        id: i64,
        error: String,
    },
}

/// How long to wait before the next attempt, after `attempts` failed ones: 30 s, doubling each
/// time, at most an hour.
pub fn retry_delay(attempts: i64) -> time::Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(16);
    (FIRST_RETRY * 2_i32.pow(doublings)).min(LONGEST_RETRY)
}

/// An SMTP connection setting and the sender's address.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The transport holds the SMTP credentials.
        f.debug_struct("Mailer").field("from", &self.from.to_string()).finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for an SMTP URL (`smtp://user:password@host:587?tls=required`, or `smtps://…`
    /// for TLS from the first byte), sending as `from` (`GFCE Hub <noreply@example.org>`); every
    /// SMTP exchange gives up after `timeout`.
    pub fn new(smtp_url: &str, from: &str, timeout: Duration) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(MailError::Url)?
            .timeout(Some(timeout))
            .build();
        let from = from.parse().map_err(|e| MailError::From(from.to_owned(), e))?;
        Ok(Mailer { transport, from })
    }

    /// Claims the next message that is due and tries to deliver it; `None` when none is due.
    pub async fn send_once(&self, store: &Store) -> Result<Option<Delivery>, MailError> {
        let Some(mail) = store.claim_mail(LEASE, MAX_ATTEMPTS).await? else {
            return Ok(None);
        };
        match self.deliver(&mail).await {
            Ok(()) => {
                store.mail_sent(mail.id).await?;
                tracing::info!(id = mail.id, to = %mail.to, "mail sent");
                Ok(Some(Delivery::Sent { id: mail.id }))
            }
            Err(error) => {
                let retry_at = OffsetDateTime::now_utc() + retry_delay(mail.attempts);
                store.mail_failed(mail.id, &error, retry_at).await?;
                tracing::warn!(id = mail.id, to = %mail.to, attempts = mail.attempts, %error, "mail not sent");
                Ok(Some(Delivery::Failed { id: mail.id, error }))
            }
        }
    }

    async fn deliver(&self, mail: &QueuedMail) -> Result<(), String> {
        let to: Mailbox = mail.to.as_str().parse().map_err(|e| format!("recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| format!("message: {e}"))?;
        self.transport.send(message).await.map(drop).map_err(|e| e.to_string())
    }
}

/// Delivers the outbox in the background: everything due at once, then a look every `every`.
pub fn spawn_sender(mailer: Arc<Mailer>, store: Store, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match mailer.send_once(&store).await {
                Ok(Some(_)) => continue,
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, "could not read the outbox"),
            }
            tokio::time::sleep(every).await;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_longer_after_each_failure() {
        assert_eq!(retry_delay(1), time::Duration::seconds(30));
        assert_eq!(retry_delay(2), time::Duration::minutes(1));
        assert_eq!(retry_delay(4), time::Duration::minutes(4));
        assert_eq!(retry_delay(8), time::Duration::hours(1));
        assert_eq!(retry_delay(1000), time::Duration::hours(1));
        assert_eq!(retry_delay(0), time::Duration::seconds(30));
    }

    #[test]
    fn refuses_bad_settings() {
        assert!(matches!(
            Mailer::new("ftp://example.org", "a@example.org", Duration::from_secs(1)),
            Err(MailError::Url(_))
        ));
        assert!(matches!(
            Mailer::new("smtp://127.0.0.1:2525", "not an address", Duration::from_secs(1)),
            Err(MailError::From(..))
        ));
        assert!(Mailer::new("smtp://127.0.0.1:2525", "GFCE Hub <noreply@example.org>", Duration::from_secs(1)).is_ok());
    }
}
