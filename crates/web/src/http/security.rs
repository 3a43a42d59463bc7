//! What wraps every response: a request id and its log span, the security headers, HSTS under
//! https, the body-size limit and the request timeout.

use axum::{
    http::{header, HeaderName, HeaderValue, Request, StatusCode},
    Router,
};
use tower::ServiceBuilder;
use tower_http::{
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

use super::Limits;

/// No inline script or style, nothing from elsewhere, no framing.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
     script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Browsers that once reached the site over https keep to https for a year, subdomains too.
const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

/// The request's path and query as they may be logged: the secret of a password-reset link is
/// hidden, since logs are kept longer and read by more people than the link's owner.
fn loggable_uri(uri: &axum::http::Uri) -> String {
    let text = uri.to_string();
    match text.find("/password-reset/") {
        Some(at) => format!("{}/password-reset/***", &text[..at]),
        None => text,
    }
}

/// `app` with the layers every request passes through. `https` says whether the site is reached
/// over https: only then may it ask for https (as only then do cookies carry `Secure`).
pub fn wrap<S: Clone + Send + Sync + 'static>(app: Router<S>, https: bool, limits: &Limits) -> Router<S> {
    let x_request_id = HeaderName::from_static("x-request-id");
    let hsts = https.then(|| {
        SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        )
    });
    let headers = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .option_layer(hsts);
    app.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(x_request_id.clone(), MakeRequestUuid))
            .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                let request_id =
                    request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
                let uri = loggable_uri(request.uri());
                tracing::info_span!("request", method = %request.method(), %uri, request_id)
            }))
            .layer(PropagateRequestIdLayer::new(x_request_id))
            .layer(headers)
            .layer(RequestBodyLimitLayer::new(limits.body_bytes))
            .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout)),
    )
}

#[cfg(test)]
mod tests {
    use super::loggable_uri;

    #[test]
    fn reset_secrets_stay_out_of_the_log() {
        let uri = format!("/vi/password-reset/{}", "ab".repeat(32)).parse().unwrap();
        assert_eq!(loggable_uri(&uri), "/vi/password-reset/***");
        assert_eq!(loggable_uri(&"/en/projects?q=cert".parse().unwrap()), "/en/projects?q=cert");
        assert_eq!(loggable_uri(&"/en/password-reset".parse().unwrap()), "/en/password-reset");
    }
}
