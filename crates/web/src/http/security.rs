//! What wraps every response: a request id and its log span, compression, entity tags and
//! `304 Not Modified`, the security headers, HSTS under https, answers that depend on who asks
//! kept out of caches, the body-size limit and the request timeout.

use axum::{
    extract::Request as AxumRequest,
    http::{header, HeaderMap, HeaderName, HeaderValue, Request, StatusCode},
    middleware::{self, Next},
    response::Response,
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

use super::{compress, conditional, Limits};

/// No inline script or style, nothing from elsewhere, no framing.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
     script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Browsers that once reached the site over https keep to https for a year, subdomains too.
const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

/// The site uses no camera, microphone, location, payment or such; pages cannot ask for them.
const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), \
     microphone=(), payment=(), usb=(), browsing-topics=()";

/// The cookies that make an answer depend on who asks.
const PERSONAL_COOKIES: [&str; 3] = ["gfce_session", "gfce_csrf", "gfce_pending"];

/// Whether the answer to a request with these headers may depend on who sent it: it carries a
/// credential (an API token) or one of the site's own cookies.
fn asked_by_someone(headers: &HeaderMap) -> bool {
    headers.contains_key(header::AUTHORIZATION)
        || headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).any(|cookies| {
            cookies
                .split(';')
                .filter_map(|pair| pair.trim().split_once('='))
                .any(|(name, _)| PERSONAL_COOKIES.contains(&name))
        })
}

/// Keeps answers that depend on who asks out of every cache: an answer to a request with a
/// credential or one of the site's cookies, or one that sets a cookie, is `no-store` (pages such
/// as the mail outbox show live password-reset links). Every page and API answer says it varies
/// by those headers, so that a shared cache never hands one person's answer to another.
async fn private_answers(request: AxumRequest, next: Next) -> Response {
    // The embedded assets are the same for everyone, and cached for a year.
    if request.uri().path().starts_with("/static/") {
        return next.run(request).await;
    }
    let personal = asked_by_someone(request.headers());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if personal || headers.contains_key(header::SET_COOKIE) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    headers.append(header::VARY, HeaderValue::from_static("Cookie, Authorization"));
    response
}

/// Open data (the API and the feeds) may be read by pages of other sites; the pages and their
/// assets only by this one.
async fn resource_policy(request: AxumRequest, next: Next) -> Response {
    let path = request.uri().path();
    let open = path.starts_with("/api/") || path.starts_with("/feeds/");
    let policy = HeaderValue::from_static(if open { "cross-origin" } else { "same-origin" });
    let mut response = next.run(request).await;
    response.headers_mut().insert(HeaderName::from_static("cross-origin-resource-policy"), policy);
    response
}

/// Whether a request id a client sent may be used as ours: short, and of letters, digits and a
/// few punctuation marks, so that it can go into logs and headers as it is.
fn well_formed_request_id(value: &HeaderValue) -> bool {
    let bytes = value.as_bytes();
    (1..=128).contains(&bytes.len()) && bytes.iter().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
}

/// Drops a client's request id that is not well formed, so that one of ours replaces it.
async fn sanitize_request_id(mut request: AxumRequest, next: Next) -> Response {
    let id = HeaderName::from_static("x-request-id");
    if request.headers().get_all(&id).iter().count() > 1
        || request.headers().get(&id).is_some_and(|v| !well_formed_request_id(v))
    {
        request.headers_mut().remove(&id);
    }
    next.run(request).await
}

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
///
/// From the outside in: the request id and the log span see every request as it came and every
/// answer as it leaves; compression encodes what the entity tags were computed on (so a tag names
/// the content, whatever its encoding); the tags are given after the headers below, since whether
/// an answer may be kept (`no-store`) is decided there. Error pages are made within the router,
/// so they are compressed like any other answer, and the metrics there count every request.
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
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(PERMISSIONS_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(middleware::from_fn(resource_policy))
        .layer(middleware::from_fn(private_answers))
        .option_layer(hsts);
    app.layer(
        ServiceBuilder::new()
            .layer(middleware::from_fn(sanitize_request_id))
            .layer(SetRequestIdLayer::new(x_request_id.clone(), MakeRequestUuid))
            .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                let request_id =
                    request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
                let uri = loggable_uri(request.uri());
                tracing::info_span!("request", method = %request.method(), %uri, request_id)
            }))
            .layer(PropagateRequestIdLayer::new(x_request_id))
            .layer(compress::layer())
            .layer(middleware::from_fn(conditional::answer))
            .layer(headers)
            .layer(RequestBodyLimitLayer::new(limits.body_bytes))
            .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_request_ids_are_taken() {
        for good in ["8f0c5d3e-1b2a-4c5d-9e8f-0a1b2c3d4e5f", "req.42", "a:b_c"] {
            assert!(well_formed_request_id(&HeaderValue::from_static(good)), "{good}");
        }
        let long = "x".repeat(129);
        for bad in ["", "two words", "<script>", "a\tb", long.as_str()] {
            assert!(!HeaderValue::from_str(bad).is_ok_and(|v| well_formed_request_id(&v)), "{bad:?}");
        }
    }

    #[test]
    fn the_site_s_cookies_and_tokens_make_an_answer_personal() {
        let headers = |pairs: &[(HeaderName, &str)]| {
            let mut map = HeaderMap::new();
            for (name, value) in pairs {
                map.append(name.clone(), HeaderValue::from_str(value).unwrap());
            }
            map
        };
        assert!(!asked_by_someone(&headers(&[])));
        assert!(!asked_by_someone(&headers(&[(header::COOKIE, "theme=dark; lang=vi")])));
        assert!(asked_by_someone(&headers(&[(header::COOKIE, "theme=dark; gfce_session=abc")])));
        assert!(asked_by_someone(&headers(&[(header::COOKIE, "gfce_csrf=abc")])));
        assert!(asked_by_someone(&headers(&[(header::AUTHORIZATION, "Bearer gfce_x")])));
    }

    #[test]
    fn reset_secrets_stay_out_of_the_log() {
        let uri = format!("/vi/password-reset/{}", "ab".repeat(32)).parse().unwrap();
        assert_eq!(loggable_uri(&uri), "/vi/password-reset/***");
        assert_eq!(loggable_uri(&"/en/projects?q=cert".parse().unwrap()), "/en/projects?q=cert");
        assert_eq!(loggable_uri(&"/en/password-reset".parse().unwrap()), "/en/password-reset");
    }
}
