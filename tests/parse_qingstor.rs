//! QingStor responses as the service and the nginx in front of it send them.

mod common;

use cloud_errcodes::{BodyFormat as F, ErrorKind as K, QingStorError as Q};
use common::{parse, run, t};

#[test]
fn qingstor_fixtures() {
    run::<Q>(&[
        t!(name: "documented body", status: 409, headers: &[("x-qs-request-id", "aa08cf7a43f611e5")],
            body: br#"{"code": "bucket_not_empty", "message": "Bucket is not empty", "request_id": "aa08cf7a43f611e5", "url": "https://docs.qingcloud.com/qingstor/api/common/error_code.html"}"#,
            code: Some(Q::BucketNotEmpty), raw: Some("bucket_not_empty"), message: Some("Bucket is not empty"), request_id: Some("aa08cf7a43f611e5"), kind: K::Conflict, format: F::Json),
        t!(name: "the docs' own example body: bad_request, beyond the table but known", status: 400, headers: &[],
            body: b"{\n  \"code\": \"bad_request\",\n  \"message\": \"Invalid argument(s) or invalid argument value(s)\",\n  \"request_id\": \"aa08cf7a43f611e5\",\n  \"url\": \"http://docs.qingcloud.com/qingstor/api/error_code.html\"\n}",
            code: Some(Q::BadRequest), raw: Some("bad_request"), message: Some("Invalid argument(s) or invalid argument value(s)"), request_id: Some("aa08cf7a43f611e5"), kind: K::InvalidInput, format: F::Json),
        // qingstor/qsctl#243 printed this error's fields (status, code, message, request id,
        // reference url) through the Go SDK; the body is those fields in the SDK's JSON shape.
        t!(name: "too_many_buckets as qsctl#243 reports it", status: 403, headers: &[],
            body: br#"{"code":"too_many_buckets","message":"You created too many buckets, please open ticket to apply more quota.","request_id":"79ceb23d7fae15f6","url":"http://docs.qingcloud.com/qingstor/api/common/error_code.html"}"#,
            code: Some(Q::TooManyBuckets), raw: Some("too_many_buckets"), message: Some("You created too many buckets, please open ticket to apply more quota."), request_id: Some("79ceb23d7fae15f6"), kind: K::QuotaExceeded, format: F::Json),
        t!(name: "header request id first, body second", status: 404, headers: &[("X-QS-Request-ID", "header-id")],
            body: br#"{"code": "object_not_exists", "request_id": "body-id"}"#,
            code: Some(Q::ObjectNotExists), raw: Some("object_not_exists"), message: None, request_id: Some("header-id"), kind: K::NotFound, format: F::Json),
        t!(name: "body request id when no header", status: 404, headers: &[],
            body: br#"{"request_id": "body-id", "code": "bucket_not_exists"}"#,
            code: Some(Q::BucketNotExists), raw: Some("bucket_not_exists"), message: None, request_id: Some("body-id"), kind: K::NotFound, format: F::Json),
        t!(name: "nginx: status only, empty body", status: 503, headers: &[],
            body: b"",
            code: None, raw: None, message: None, request_id: None, kind: K::Unavailable, format: F::Empty),
        t!(name: "nginx: HEAD 404 with a request id header", status: 404, headers: &[("x-qs-request-id", "r404")],
            body: b"",
            code: None, raw: None, message: None, request_id: Some("r404"), kind: K::NotFound, format: F::Empty),
        t!(name: "nginx 413 page", status: 413, headers: &[],
            body: b"<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            code: None, raw: None, message: Some("413 Request Entity Too Large"), request_id: None, kind: K::PayloadTooLarge, format: F::Html),
        t!(name: "delinquent account", status: 402, headers: &[],
            body: br#"{"code":"delinquent_account","message":"Your account is delinquent","request_id":"r1"}"#,
            code: Some(Q::DelinquentAccount), raw: Some("delinquent_account"), message: Some("Your account is delinquent"), request_id: Some("r1"), kind: K::Billing, format: F::Json),
        t!(name: "throttled fetch", status: 429, headers: &[],
            body: br#"{"code":"fetch_throttled","message":"too many fetch requests"}"#,
            code: Some(Q::FetchThrottled), raw: Some("fetch_throttled"), message: Some("too many fetch requests"), request_id: None, kind: K::RateLimited, format: F::Json),
        t!(name: "escaped key and value", status: 416, headers: &[],
            body: br#"{"c\u006fde": "invalid_range", "message": "Range \u0027bytes=9-1\u0027 is invalid"}"#,
            code: Some(Q::InvalidRange), raw: Some("invalid_range"), message: Some("Range 'bytes=9-1' is invalid"), request_id: None, kind: K::RangeNotSatisfiable, format: F::Json),
        t!(name: "case differs from the table: kept raw, not guessed", status: 409, headers: &[],
            body: br#"{"code": "Bucket_Not_Empty"}"#,
            code: None, raw: Some("Bucket_Not_Empty"), message: None, request_id: None, kind: K::Conflict, format: F::Json),
        t!(name: "a code number where a string is expected", status: 500, headers: &[],
            body: br#"{"code": 500, "message": "oops"}"#,
            code: None, raw: Some("500"), message: Some("oops"), request_id: None, kind: K::Internal, format: F::Json),
        t!(name: "truncated", status: 500, headers: &[],
            body: br#"{"code": "internal_error", "message": "Internal Er"#,
            code: Some(Q::InternalError), raw: Some("internal_error"), message: None, request_id: None, kind: K::Internal, format: F::PartialJson),
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
