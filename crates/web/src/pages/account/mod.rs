//! The account area: signing in and out (`session`), the account page and its password change
//! (`password`), registration (`register`), password reset by mail (`reset`), two-step sign-in
//! (`second_factor`) and personal API tokens (`tokens`).

pub mod password;
pub mod register;
pub mod reset;
pub mod second_factor;
pub mod session;
pub mod tokens;
