//! Operations endpoints: liveness, readiness and Prometheus metrics, and the middleware that
//! measures every request.

use std::{sync::OnceLock, time::Instant};

use axum::{
    extract::{MatchedPath, Request, State},
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use super::AppState;

/// Liveness and readiness, on the site's own address for its load balancer.
pub fn routes() -> Router<AppState> {
    Router::new().route("/healthz", get(healthz)).route("/readyz", get(readyz))
}

/// The Prometheus metrics, for a listener of their own (`--metrics-addr`): they list every
/// route's counts, administration included, which is not the public's to read.
pub fn metrics_routes() -> Router<AppState> {
    Router::new().route("/metrics", get(metrics))
}

/// The process's metrics recorder, installed on first use. There is one per process, shared by
/// every router built in it (the tests build many).
pub fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("http_request_duration_seconds".into()),
                    &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0],
                )
                .expect("bucket list is not empty")
                .build_recorder();
            let handle = recorder.handle();
            // Another recorder may already be installed (by an embedding program); then ours only
            // renders what it records, which is nothing, and that is visible at /metrics.
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("a metrics recorder was already installed");
            }
            handle
        })
        .clone()
}

/// The process is up and serving.
async fn healthz() -> &'static str {
    "ok"
}

/// The database takes writes; a load balancer should send traffic here only when it does. A
/// database that answers reads but cannot commit (a read-only replica, a full disk, a SQLite file
/// deleted under the server) is not ready.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.store.check_writable().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

async fn metrics(State(state): State<AppState>) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render()).into_response()
}

/// The method as a label: the methods the site answers, and "other" for anything a client makes
/// up, so that no request can add a series.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// Counts every request and measures its latency. Every label comes from a closed set: the route
/// pattern (not the raw path, so slugs and junk paths add no series), the method, the status.
pub async fn track(request: Request, next: Next) -> Response {
    let route =
        request.extensions().get::<MatchedPath>().map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    // A HEAD is answered as a GET by the layers outside, which say so.
    let asked_with_head = request.extensions().get::<super::conditional::AskedWithHead>().is_some();
    let method = if asked_with_head { "HEAD" } else { method_label(request.method()) };
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    let labels = [("method", method.to_owned()), ("route", route), ("status", status)];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels).record(started.elapsed().as_secs_f64());
    response
}
