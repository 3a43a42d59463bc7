//! `gfce user create`, `gfce user list` and `gfce user reset-second-factor`: accounts from the
//! command line, for the first administrator and for operators.

use std::io::{IsTerminal, Read};

use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use gfce_core::{AuditAction, Email, NewPassword, Slug, UserRole};
use gfce_web::access::secrets;

use crate::{config::DatabaseArgs, serve::open_seeded_store};

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is read from standard input when it is not a terminal;
    /// otherwise a strong one is generated and printed once.
    Create(CreateArgs),
    /// List the accounts.
    List(DatabaseArgs),
    /// Turn off an account's two-step sign-in, for someone who lost both their authenticator
    /// and their recovery codes: they sign in with the password alone and may set it up again.
    ResetSecondFactor(ResetSecondFactorArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[arg(long)]
    pub email: String,
    /// `admin`, `curator`, `member-rep` (or `representative`, with --member) or `registered`.
    #[arg(long)]
    pub role: String,
    /// The slug of the member or partner a representative speaks for.
    #[arg(long)]
    pub member: Option<String>,
}

#[derive(Debug, Args)]
pub struct ResetSecondFactorArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[arg(long)]
    pub email: String,
}

pub async fn run(command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Create(args) => create(args).await,
        UserCommand::List(args) => list(args).await,
        UserCommand::ResetSecondFactor(args) => reset_second_factor(args).await,
    }
}

async fn create(args: CreateArgs) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|e| anyhow::anyhow!("--email {e}"))?;
    // `member-rep` is what the secretariat calls a member's representative.
    let role = match args.role.trim() {
        "member-rep" => Ok(UserRole::Representative),
        other => other.parse::<UserRole>(),
    };
    let role = role.map_err(|e| anyhow::anyhow!("--role {e}: admin, curator, member-rep or registered"))?;
    let member = args.member.as_deref().map(Slug::parse).transpose().map_err(|e| anyhow::anyhow!("--member {e}"))?;
    if (role == UserRole::Representative) != member.is_some() {
        bail!("--member is needed for a representative, and only for one");
    }
    let (password, generated) = if std::io::stdin().is_terminal() {
        // 128 random bits in hex: strong, and easy to paste.
        (secrets::random_token()[..32].to_owned(), true)
    } else {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).context("could not read the password from standard input")?;
        (text.trim_end_matches(['\r', '\n']).to_owned(), false)
    };
    let password = NewPassword::parse(&password, Some(&email)).map_err(|e| anyhow::anyhow!("the password {e}"))?;
    let hash = secrets::hash_password(&password);
    let (store, _) = open_seeded_store(&args.database).await?;
    let user = match store.create_user(&email, &hash, role, member.as_ref()).await {
        Ok(user) => user,
        Err(gfce_store::StoreError::Taken(_)) => bail!("{email} has an account already"),
        Err(gfce_store::StoreError::UnknownActor(slug)) => bail!("--member {slug}: no such member or partner"),
        Err(e) => return Err(e).context("could not create the account"),
    };
    store.audit(None, AuditAction::UserCreated, Some(email.as_str()), Some(role.as_str())).await?;
    store.close().await;
    println!("created {} ({})", user.email.as_str(), role.as_str());
    if generated {
        println!("password (shown once): {}", password.expose());
    }
    Ok(())
}

async fn list(args: DatabaseArgs) -> anyhow::Result<()> {
    let (store, _) = open_seeded_store(&args).await?;
    for user in store.users().await? {
        let member = user.actor.as_ref().map(|s| format!(" for {s}")).unwrap_or_default();
        let disabled = if user.disabled { " (disabled)" } else { "" };
        println!("{}\t{}{member}{disabled}\tsince {}", user.email.as_str(), user.role.as_str(), user.created_at);
    }
    store.close().await;
    Ok(())
}

async fn reset_second_factor(args: ResetSecondFactorArgs) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|e| anyhow::anyhow!("--email {e}"))?;
    let (store, _) = open_seeded_store(&args.database).await?;
    let outcome = store.reset_second_factor(&email).await;
    store.close().await;
    match outcome.context("could not reset the second factor")? {
        None => bail!("{email} has no account"),
        Some(true) => println!("two-step sign-in turned off for {email}; its recovery codes no longer work"),
        Some(false) => println!("{email} did not use two-step sign-in; nothing changed"),
    }
    Ok(())
}
