//! `gfce token create`: a personal API token from the command line, for a program set up by an
//! operator (a nightly export, a data pipeline).

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use gfce_core::{Email, TokenLifetime, TokenName, TokenScope, TokenScopes};
use gfce_web::access::IssuedToken;
use time::{Duration, OffsetDateTime};

use crate::{config::DatabaseArgs, serve::open_seeded_store};

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a personal API token for an account. The secret alone is printed to standard
    /// output, once: only its digest is stored.
    Create(CreateArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The address of the account the token acts for.
    #[arg(long)]
    pub email: String,
    /// What the token is for, as its holder will see it on the tokens page.
    #[arg(long, default_value = "Created on the command line")]
    pub name: String,
    /// `read`, or `write` (which reads too).
    #[arg(long, default_value = "read")]
    pub scope: String,
    /// Days until the token stops working (1 to 3650). Without it, the token works until it is
    /// revoked.
    #[arg(long)]
    pub expires_days: Option<u32>,
}

pub async fn run(command: TokenCommand) -> anyhow::Result<()> {
    match command {
        TokenCommand::Create(args) => create(args).await,
    }
}

async fn create(args: CreateArgs) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|e| anyhow::anyhow!("--email {e}"))?;
    let name = TokenName::parse(&args.name).map_err(|e| anyhow::anyhow!("--name {e}"))?;
    let scope: TokenScope = args.scope.parse().map_err(|e| anyhow::anyhow!("--scope {e}: read or write"))?;
    let lifetime =
        args.expires_days.map(TokenLifetime::of_days).transpose().map_err(|e| anyhow::anyhow!("--expires-days {e}"))?;
    let (store, _) = open_seeded_store(&args.database).await?;
    let Some(user) = store.user_by_email(&email).await? else {
        store.close().await;
        bail!("--email {email}: no account has this address (gfce user list shows them)");
    };
    if user.disabled {
        store.close().await;
        bail!("--email {email}: the account is disabled, so its tokens would not work");
    }
    let issued = IssuedToken::generate();
    let expires_at =
        lifetime.and_then(TokenLifetime::days).map(|d| OffsetDateTime::now_utc() + Duration::days(d.into()));
    let scopes = TokenScopes::granting(scope);
    let token = store
        .create_token(user.id, &name, &issued.digest, scopes, expires_at)
        .await
        .context("could not create the token")?;
    store.close().await;
    let until = token.expires_at.map_or_else(|| "until revoked".to_owned(), |at| format!("until {}", at.date()));
    eprintln!("created token {} \"{name}\" ({scopes}) for {email}, valid {until}; it is shown once:", token.id);
    println!("{}", issued.secret);
    Ok(())
}
