//! What the audit log records: every action is one of these, written under its name.

use crate::{curation::Step, named::named_enum};

named_enum! {
    /// An action the audit log records.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum AuditAction {
        /// A sign-in, with the password (and the code, when the account has a second factor).
        Login => "login",
        /// A sign-in refused: unknown address, wrong password or disabled account.
        LoginFailed => "login-failed",
        Logout => "logout",
        /// An account created from the command line.
        UserCreated => "user-created",
        /// An account created by registering on the site.
        Registered => "registered",
        /// A registration for an address that has an account: its holder was told instead.
        RegistrationForExistingAccount => "registration-for-existing-account",
        PasswordChanged => "password-changed",
        PasswordResetRequested => "password-reset-requested",
        /// A reset asked for an address without an account: nothing was sent.
        PasswordResetUnknownAddress => "password-reset-unknown-address",
        /// A password chosen through a reset link.
        PasswordReset => "password-reset",
        SecondFactorEnabled => "second-factor-enabled",
        SecondFactorDisabled => "second-factor-disabled",
        /// The second factor turned off by an operator, for a lost device.
        SecondFactorReset => "second-factor-reset",
        /// A wrong code at sign-in, at setting up or at turning off.
        SecondFactorFailed => "second-factor-failed",
        RecoveryCodeUsed => "recovery-code-used",
        TokenCreated => "token-created",
        TokenRevoked => "token-revoked",
        /// Every token of an account revoked at once (an approval that proved its address).
        TokensRevoked => "tokens-revoked",
        /// The mail outbox read by an administrator.
        OutboxRead => "outbox-read",
        ApplicationSubmitted => "application-submitted",
        ApplicationApproved => "application-approved",
        ApplicationRejected => "application-rejected",
        /// The account of an approved application's contact, created for it.
        AccountCreated => "account-created",
        /// A contact's role changed to representative by an approval.
        RoleChanged => "role-changed",
        /// A contact who is an administrator or curator kept their role on an approval.
        RoleKept => "role-kept",
        RevisionStarted => "revision-started",
        RevisionEdited => "revision-edited",
        RevisionSubmitted => "revision-submit",
        RevisionPublished => "revision-publish",
        RevisionReturned => "revision-return",
        RevisionDiscarded => "revision-discard",
        RecordWithdrawn => "record-withdrawn",
    }
    impl FromStr, Display;
}

impl AuditAction {
    /// The action a curation step of a revision is recorded as; `None` for the steps recorded
    /// otherwise (editing, withdrawing a record).
    pub fn of_step(step: Step) -> Option<AuditAction> {
        match step {
            Step::Submit => Some(AuditAction::RevisionSubmitted),
            Step::Publish => Some(AuditAction::RevisionPublished),
            Step::Return => Some(AuditAction::RevisionReturned),
            Step::Discard => Some(AuditAction::RevisionDiscarded),
            Step::Edit | Step::Withdraw => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_read_back() {
        let names: std::collections::HashSet<&str> = AuditAction::ALL.iter().map(|a| a.as_str()).collect();
        assert_eq!(names.len(), AuditAction::ALL.len());
        for action in AuditAction::ALL {
            assert_eq!(action.as_str().parse::<AuditAction>(), Ok(action));
        }
        assert!("login-succeeded".parse::<AuditAction>().is_err());
    }

    #[test]
    fn steps_keep_the_names_they_were_recorded_under() {
        // The log is kept for ever: names written before must still read.
        assert_eq!(AuditAction::of_step(Step::Submit).map(AuditAction::as_str), Some("revision-submit"));
        assert_eq!(AuditAction::of_step(Step::Return).map(AuditAction::as_str), Some("revision-return"));
        assert_eq!(AuditAction::of_step(Step::Edit), None);
    }
}
