//! Per-address rate limits on the costly and the state-changing requests: searches, and every
//! request that is not a GET or HEAD. Sign-in has its own, stricter throttling in the database
//! (shared by every instance); these limits are per instance and in memory, to blunt a client
//! that floods one instance.

use std::{sync::Arc, time::Duration};

use axum::{body::Body, http::Method, response::IntoResponse, Router};
use governor::{clock::QuantaInstant, middleware::NoOpMiddleware};
use tower_governor::{
    governor::GovernorConfigBuilder, key_extractor::PeerIpKeyExtractor, GovernorError, GovernorLayer,
};

use super::WebError;

/// How many requests of a kind one address may make: `per_minute` on average, up to `burst` at
/// once. A `per_minute` of 0 turns the limit off (for load tests on one machine).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub per_minute: u32,
    pub burst: u32,
}

impl Rate {
    pub const OFF: Rate = Rate { per_minute: 0, burst: 0 };

    /// `n` a minute, a quarter of them at once: room for a person's bursts of clicks and a
    /// script's short batches, not for a flood.
    pub const fn per_minute(n: u32) -> Rate {
        Rate { per_minute: n, burst: if n / 4 > 0 { n / 4 } else { 1 } }
    }
}

/// A limit on one kind of request. Clones share their counts, so one limit can guard routes
/// mounted in several places (the search page in each language and the search API).
#[derive(Clone)]
pub struct Limit(Option<GovernorLayer<PeerIpKeyExtractor, NoOpMiddleware<QuantaInstant>, Body>>);

impl Limit {
    /// A limit of `rate` per client address; `methods` narrows it to those methods (`None`
    /// counts every request). Refusals are a 429 with `Retry-After`, rendered like every other
    /// error (a problem document under `/api/`, a page elsewhere, in the client's language).
    pub fn new(rate: Rate, methods: Option<Vec<Method>>) -> Limit {
        if rate.per_minute == 0 {
            return Limit(None);
        }
        let mut builder = GovernorConfigBuilder::default();
        builder
            .period(Duration::from_secs(60) / rate.per_minute)
            .burst_size(rate.burst.max(1))
            .key_extractor(PeerIpKeyExtractor);
        if let Some(methods) = methods {
            builder.methods(methods);
        }
        let Some(config) = builder.finish().map(Arc::new) else {
            tracing::error!(?rate, "rate limit not applied: the rate cannot be configured");
            return Limit(None);
        };
        let limiter = config.limiter().clone();
        // Addresses seen once would otherwise be remembered for ever.
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(60));
            loop {
                every.tick().await;
                limiter.retain_recent();
            }
        });
        Limit(Some(GovernorLayer::new(config).error_handler(|error| match error {
            GovernorError::TooManyRequests { wait_time, .. } => {
                WebError::TooManyAttempts(wait_time.max(1)).into_response()
            }
            // The server always knows the peer's address; without one, refuse rather than let
            // through.
            GovernorError::UnableToExtractKey | GovernorError::Other { .. } => WebError::Forbidden.into_response(),
        })))
    }

    /// `router` under this limit, unless it is off.
    pub fn apply<S: Clone + Send + Sync + 'static>(&self, router: Router<S>) -> Router<S> {
        match &self.0 {
            Some(layer) => router.layer(layer.clone()),
            None => router,
        }
    }
}

/// The methods that change state.
pub fn writes() -> Vec<Method> {
    vec![Method::POST, Method::PUT, Method::PATCH, Method::DELETE]
}
