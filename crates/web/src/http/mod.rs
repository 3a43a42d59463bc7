//! HTTP plumbing every other part uses and which knows neither pages nor the API: the shared
//! state, the one error type and how each error answers, query parameters, translations,
//! security headers, compression and conditional requests, rate limits, the operations endpoints
//! and the embedded assets.

pub mod assets;
pub mod compress;
pub mod conditional;
pub mod error;
pub mod i18n;
pub mod ops;
pub mod page_cache;
pub mod params;
pub mod queries;
pub mod rate;
pub mod security;
mod state;

pub use error::{Problem, Reason, WebError};
pub use i18n::I18n;
pub use state::{AppState, Limits};
