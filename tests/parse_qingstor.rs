//! QingStor responses as the service and the nginx in front of it send them.

mod common;

use cloud_errcodes::{BodyFormat as F, ErrorKind as K, ProviderError, QingStorError as Q};
use common::{case, parse, run};

#[test]
fn qingstor_fixtures() {
    run::<Q>(&[
        case("documented body", 409, &[("x-qs-request-id", "aa08cf7a43f611e5")], br#"{"code": "bucket_not_empty", "message": "Bucket is not empty", "request_id": "aa08cf7a43f611e5", "url": "https://docs.qingcloud.com/qingstor/api/common/error_code.html"}"#,
            Some(Q::BucketNotEmpty), Some("bucket_not_empty"), Some("Bucket is not empty"), Some("aa08cf7a43f611e5"), K::Conflict, F::Json),
        case("the docs' own example: a code outside the table is kept raw", 400, &[], b"{\n  \"code\": \"bad_request\",\n  \"message\": \"Invalid argument(s) or invalid argument value(s)\",\n  \"request_id\": \"aa08cf7a43f611e5\",\n  \"url\": \"http://docs.qingcloud.com/qingstor/api/error_code.html\"\n}",
            None, Some("bad_request"), Some("Invalid argument(s) or invalid argument value(s)"), Some("aa08cf7a43f611e5"), K::InvalidInput, F::Json),
        case("header request id first, body second", 404, &[("X-QS-Request-ID", "header-id")], br#"{"code": "object_not_exists", "request_id": "body-id"}"#,
            Some(Q::ObjectNotExists), Some("object_not_exists"), None, Some("header-id"), K::NotFound, F::Json),
        case("body request id when no header", 404, &[], br#"{"request_id": "body-id", "code": "bucket_not_exists"}"#,
            Some(Q::BucketNotExists), Some("bucket_not_exists"), None, Some("body-id"), K::NotFound, F::Json),
        case("nginx: status only, empty body", 503, &[], b"",
            None, None, None, None, K::Unavailable, F::Empty),
        case("nginx: HEAD 404 with a request id header", 404, &[("x-qs-request-id", "r404")], b"",
            None, None, None, Some("r404"), K::NotFound, F::Empty),
        case("nginx 413 page", 413, &[], b"<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            None, None, Some("413 Request Entity Too Large"), None, K::PayloadTooLarge, F::Html),
        case("delinquent account", 402, &[], br#"{"code":"delinquent_account","message":"Your account is delinquent","request_id":"r1"}"#,
            Some(Q::DelinquentAccount), Some("delinquent_account"), Some("Your account is delinquent"), Some("r1"), K::Billing, F::Json),
        case("throttled fetch", 429, &[], br#"{"code":"fetch_throttled","message":"too many fetch requests"}"#,
            Some(Q::FetchThrottled), Some("fetch_throttled"), Some("too many fetch requests"), None, K::RateLimited, F::Json),
        case("escaped key and value", 416, &[], br#"{"c\u006fde": "invalid_range", "message": "Range \u0027bytes=9-1\u0027 is invalid"}"#,
            Some(Q::InvalidRange), Some("invalid_range"), Some("Range 'bytes=9-1' is invalid"), None, K::RangeNotSatisfiable, F::Json),
        case("case differs from the table: kept raw, not guessed", 409, &[], br#"{"code": "Bucket_Not_Empty"}"#,
            None, Some("Bucket_Not_Empty"), None, None, K::Conflict, F::Json),
        case("a code number where a string is expected", 500, &[], br#"{"code": 500, "message": "oops"}"#,
            None, Some("500"), Some("oops"), None, K::Internal, F::Json),
        case("truncated", 500, &[], br#"{"code": "internal_error", "message": "Internal Er"#,
            Some(Q::InternalError), Some("internal_error"), None, None, K::Internal, F::PartialJson),
    ]);
}

#[test]
fn url_is_kept_and_display_is_one_line() {
    let err = parse::<Q>(
        409,
        &[("x-qs-request-id", "aa08cf7a43f611e5")],
        br#"{"code": "bucket_not_empty", "message": "Bucket is not empty", "url": "https://docs.qingcloud.com/x"}"#,
    );
    assert_eq!(err.url(), Some("https://docs.qingcloud.com/x"));
    assert_eq!(
        err.to_string(),
        "qingstor bucket_not_empty: the bucket is not empty (HTTP 409, request aa08cf7a43f611e5)",
        "a known code shows our summary, whatever the server's wording"
    );
    assert!(!err.is_retryable());
    let err = parse::<Q>(503, &[], b"");
    assert!(err.is_retryable());
    assert_eq!(err.to_string(), "qingstor: Service Unavailable (HTTP 503)");
}

#[test]
fn check_decides_by_status() {
    let ok = http::Response::builder().status(200).body(&b"{}"[..]).unwrap();
    assert!(Q::check_response(&ok).is_ok());
    let failed = http::Response::builder().status(403).body(&br#"{"code": "permission_denied"}"#[..]).unwrap();
    assert_eq!(Q::check_response(&failed).unwrap_err().code(), Some(Q::PermissionDenied));
}

#[test]
fn display_escapes_every_field_from_the_server() {
    // Regression: the raw code and the request id were written unescaped.
    let cases: &[(&[u8], &str)] = &[
        (br#"{"code":"a\nb"}"#, r"qingstor a\nb: Conflict (HTTP 409)"),
        (br#"{"code":"\u001b[31mRED"}"#, r"qingstor \u{1b}[31mRED: Conflict (HTTP 409)"),
        (
            br#"{"request_id":"x\nINJECTED","message":"m\u2028n"}"#,
            r"qingstor: m\u{2028}n (HTTP 409, request x\nINJECTED)",
        ),
        (br#"{"code":"\u202eevil","message":"\t"}"#, r"qingstor \u{202e}evil: \t (HTTP 409)"),
    ];
    for (body, want) in cases {
        assert_eq!(parse::<Q>(409, &[], body).to_string(), *want);
    }
}

#[test]
fn display_is_capped_whatever_the_server_sent() {
    let message = "m".repeat(50_000);
    let id = "i".repeat(5_000);
    let body = format!(r#"{{"code": "{}", "message": "{message}", "request_id": "{id}"}}"#, "c".repeat(5000));
    let err = parse::<Q>(409, &[], body.as_bytes());
    assert_eq!(err.message().map(str::len), Some(50_000), "the accessor keeps it whole");
    let shown = err.to_string();
    assert!(shown.len() < 500, "{} bytes", shown.len());
    assert_eq!(shown.matches('…').count(), 3, "{shown}");
}

#[test]
fn header_values_are_capped() {
    // Regression: a 100 MB header value was copied whole.
    let huge = "r".repeat(1 << 20);
    let err = parse::<Q>(409, &[("x-qs-request-id", huge.as_str())], b"");
    assert_eq!(err.request_id().map(str::len), Some(cloud_errcodes::response::MAX_FIELD));
}

#[test]
fn debug_shows_the_fields_not_the_packing() {
    let err = parse::<Q>(409, &[], br#"{"code": "bucket_not_empty", "message": "m", "request_id": "r", "url": "u"}"#);
    let debug = format!("{err:?}");
    for part in [r#"message: Some("m")"#, r#"request_id: Some("r")"#, r#"url: Some("u")"#, "code: Some(BucketNotEmpty)"]
    {
        assert!(debug.contains(part), "{debug}");
    }
    assert!(!debug.contains("spans") && !debug.contains("buf"), "{debug}");
}

#[test]
fn retry_after_comes_from_the_header() {
    use std::time::Duration;
    let err = parse::<Q>(429, &[("retry-after", "30")], b"");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    let err = parse::<Q>(
        503,
        &[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"), ("date", "Wed, 21 Oct 2015 07:26:30 GMT")],
        b"",
    );
    assert_eq!(err.retry_after(), Some(Duration::from_secs(90)));
    assert_eq!(parse::<Q>(503, &[("retry-after", "soon")], b"").retry_after(), None);
    assert_eq!(parse::<Q>(503, &[], b"").retry_after(), None);
}

#[test]
fn an_api_error_can_be_built_from_a_code() {
    let err = cloud_errcodes::ApiError::from(Q::BucketNotEmpty);
    assert_eq!((err.code(), err.http_status().as_u16(), err.message()), (Some(Q::BucketNotEmpty), 409, None));
    assert_eq!(err.raw_code().map(|c| c.as_str()), Some("bucket_not_empty"));
    assert_eq!(err.to_string(), "qingstor bucket_not_empty: the bucket is not empty (HTTP 409)");
}

#[test]
fn parsing_the_same_response_twice_gives_equal_errors() {
    // Regression (fuzzing): a `Retry-After` date without a `Date` header was measured from the
    // clock at parse time, so two parses differed.
    let headers = [("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")];
    assert_eq!(parse::<Q>(503, &headers, b"busy"), parse::<Q>(503, &headers, b"busy"));
    assert_eq!(parse::<Q>(503, &headers, b"busy").retry_after(), Some(std::time::Duration::ZERO), "long past");
}

#[test]
fn a_header_that_is_not_text_is_not_kept() {
    // Regression (fuzzing): a value ending in a cut UTF-8 sequence lost its last byte silently.
    let mut headers = http::HeaderMap::new();
    headers.insert("x-qs-request-id", http::HeaderValue::from_bytes(b"aa08cf7a43f6=1e\xe7").unwrap());
    let err = Q::parse_parts(http::StatusCode::CONFLICT, &headers, br#"{"request_id": "from-body"}"#);
    assert_eq!(err.request_id(), Some("from-body"));
}
