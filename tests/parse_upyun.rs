//! UpYun responses as servers, CDN edges and proxies really send them.

mod common;

use cloud_errcodes::{BodyFormat as F, ErrorKind as K, UpyunError as U};
use common::{parse, run, t};

const ID: &str = "11e4a729d24943409933a5e8314cd32e";

#[test]
fn upyun_fixtures() {
    run::<U>(&[
        // The purge API (purge.upyun.com; upyun/docs@2b8454e sources/api/purge.md) answers with
        // a status and a text reason, no code: kept as the message, classified by status.
        t!(name: "purge API: a text reason, no code", status: 401, headers: &[],
            body: b"Sign error",
            code: None, raw: None, message: Some("Sign error"), request_id: None, kind: K::Unauthenticated, format: F::Text),
        t!(name: "documented body", status: 404, headers: &[],
            body: br#"{"msg": "file or directory not found", "code": 40400001, "id": "11e4a729d24943409933a5e8314cd32e"}"#,
            code: Some(U::FileNotFound), raw: Some("40400001"), message: Some("file or directory not found"), request_id: Some(ID), kind: K::NotFound, format: F::Json),
        t!(name: "bucket full", status: 403, headers: &[("x-request-id", ID)],
            body: br#"{"msg":"bucket is full","code":40300004,"id":"11e4a729d24943409933a5e8314cd32e"}"#,
            code: Some(U::BucketFull), raw: Some("40300004"), message: Some("bucket is full"), request_id: Some(ID), kind: K::QuotaExceeded, format: F::Json),
        t!(name: "HEAD 404: empty body, code and id in headers", status: 404, headers: &[("x-error-code", "40400001"), ("x-request-id", "abc123")],
            body: b"",
            code: Some(U::FileNotFound), raw: Some("40400001"), message: None, request_id: Some("abc123"), kind: K::NotFound, format: F::Empty),
        t!(name: "CDN edge: code as a string, no id", status: 403, headers: &[("x-error-code", "40310002")],
            body: br#"{"code": "40310002", "msg": "region is forbidden"}"#,
            code: Some(U::CdnRegionForbidden), raw: Some("40310002"), message: Some("region is forbidden"), request_id: None, kind: K::PermissionDenied, format: F::Json),
        t!(name: "CDN edge: templated origin code (503xx004, origin class 02)", status: 503, headers: &[],
            body: br#"{"code": "50302004", "msg": "connection refused"}"#,
            code: Some(U::CdnOriginRefused), raw: Some("50302004"), message: Some("connection refused"), request_id: None, kind: K::Network, format: F::Json),
        t!(name: "CDN edge: a templated code whose 00 form is a storage code, told apart by message", status: 503, headers: &[],
            body: br#"{"code": "50300001", "msg": "resolve domain failed"}"#,
            code: Some(U::CdnOriginResolveFailed), raw: Some("50300001"), message: Some("resolve domain failed"), request_id: None, kind: K::Network, format: F::Json),
        t!(name: "CDN edge: an edge rule answering 404", status: 404, headers: &[],
            body: br#"{"code": "40410999", "msg": "edge rule triggered"}"#,
            code: Some(U::CdnEdgeRuleTriggered), raw: Some("40410999"), message: Some("edge rule triggered"), request_id: None, kind: K::PermissionDenied, format: F::Json),
        t!(name: "CDN edge: known code as a string", status: 403, headers: &[],
            body: br#"{"code": "40300004", "msg": "bucket is full"}"#,
            code: Some(U::BucketFull), raw: Some("40300004"), message: Some("bucket is full"), request_id: None, kind: K::QuotaExceeded, format: F::Json),
        t!(name: "nginx 413 page", status: 413, headers: &[],
            body: b"<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            code: None, raw: None, message: Some("413 Request Entity Too Large"), request_id: None, kind: K::PayloadTooLarge, format: F::Html),
        t!(name: "502 page with doctype and entities", status: 502, headers: &[],
            body: b"<!DOCTYPE html><HTML><HEAD><TITLE>502  Bad\n Gateway &amp; friends</TITLE></HEAD></HTML>",
            code: None, raw: None, message: Some("502 Bad Gateway & friends"), request_id: None, kind: K::Unavailable, format: F::Html),
        t!(name: "plain text", status: 503, headers: &[],
            body: b"  Service Temporarily Unavailable\n",
            code: None, raw: None, message: Some("Service Temporarily Unavailable"), request_id: None, kind: K::Unavailable, format: F::Text),
        t!(name: "BOM, odd whitespace, keys reordered, extra fields", status: 401, headers: &[],
            body: b"\xEF\xBB\xBF \r\n\t{ \"id\" :\"r1\" ,\n\"extra\": [1, {\"a\": null}], \"code\"\t: 40100005 , \"msg\":\"signature error\" , \"x\": true}\n",
            code: Some(U::SignatureMismatch), raw: Some("40100005"), message: Some("signature error"), request_id: Some("r1"), kind: K::Unauthenticated, format: F::Json),
        t!(name: "code as a float", status: 403, headers: &[],
            body: br#"{"code": 40300004.0, "msg": "bucket is full"}"#,
            code: Some(U::BucketFull), raw: Some("40300004.0"), message: Some("bucket is full"), request_id: None, kind: K::QuotaExceeded, format: F::Json),
        t!(name: "code in exponent form", status: 403, headers: &[],
            body: br#"{"code": 4.0300004e7}"#,
            code: Some(U::BucketFull), raw: Some("4.0300004e7"), message: None, request_id: None, kind: K::QuotaExceeded, format: F::Json),
        t!(name: "negative code", status: 400, headers: &[],
            body: br#"{"code": -1, "msg": "bad"}"#,
            code: None, raw: Some("-1"), message: Some("bad"), request_id: None, kind: K::InvalidInput, format: F::Json),
        t!(name: "code out of range", status: 400, headers: &[],
            body: br#"{"code": 99999999999999999999, "msg": "huge"}"#,
            code: None, raw: Some("99999999999999999999"), message: Some("huge"), request_id: None, kind: K::InvalidInput, format: F::Json),
        t!(name: "a code nested in data is not the code", status: 500, headers: &[],
            body: br#"{"data": {"code": 40300004, "msg": "inner"}, "msg": "outer"}"#,
            code: None, raw: None, message: Some("outer"), request_id: None, kind: K::Internal, format: F::Json),
        t!(name: "null code", status: 500, headers: &[],
            body: br#"{"code": null, "msg": "x"}"#,
            code: None, raw: None, message: Some("x"), request_id: None, kind: K::Internal, format: F::Json),
        t!(name: "string escapes", status: 400, headers: &[],
            body: br#"{"msg": "a \"q\" \\ \/ \n \u4e2d \ud83d\ude00 end", "code": 40000000}"#,
            code: Some(U::StorageBadRequest), raw: Some("40000000"), message: Some("a \"q\" \\ / \n 中 😀 end"), request_id: None, kind: K::InvalidInput, format: F::Json),
        t!(name: "invalid escapes and UTF-8 replaced", status: 400, headers: &[],
            body: b"{\"msg\": \"a\\xb \xff c \\ud800 d\", \"code\": 40000000}",
            code: Some(U::StorageBadRequest), raw: Some("40000000"), message: Some("a\u{FFFD}b \u{FFFD} c \u{FFFD} d"), request_id: None, kind: K::InvalidInput, format: F::Json),
        t!(name: "duplicate keys: the last wins", status: 403, headers: &[],
            body: br#"{"code": 40300001, "msg": "first", "code": 40300004, "msg": "bucket is full"}"#,
            code: Some(U::BucketFull), raw: Some("40300004"), message: Some("bucket is full"), request_id: None, kind: K::QuotaExceeded, format: F::Json),
        t!(name: "msg beats message whatever the order", status: 403, headers: &[],
            body: br#"{"message": "other", "msg": "bucket is full", "code": 40300004}"#,
            code: Some(U::BucketFull), raw: Some("40300004"), message: Some("bucket is full"), request_id: None, kind: K::QuotaExceeded, format: F::Json),
        t!(name: "truncated JSON keeps the complete fields", status: 403, headers: &[],
            body: br#"{"msg": "bucket is full", "code": 40300004, "id": "11e4a7"#,
            code: Some(U::BucketFull), raw: Some("40300004"), message: Some("bucket is full"), request_id: None, kind: K::QuotaExceeded, format: F::PartialJson),
        t!(name: "broken JSON after the code", status: 429, headers: &[],
            body: br#"{"code": 42900001 "msg": "too many requests"}"#,
            code: Some(U::TooManyRequests), raw: Some("42900001"), message: None, request_id: None, kind: K::RateLimited, format: F::PartialJson),
        t!(name: "a header id wins over the body", status: 404, headers: &[("x-request-id", "from-header")],
            body: br#"{"code": 40400001, "id": "from-body"}"#,
            code: Some(U::FileNotFound), raw: Some("40400001"), message: None, request_id: Some("from-header"), kind: K::NotFound, format: F::Json),
        t!(name: "body code wins over the header code", status: 404, headers: &[("x-error-code", "40400002")],
            body: br#"{"code": 40400001}"#,
            code: Some(U::FileNotFound), raw: Some("40400001"), message: None, request_id: None, kind: K::NotFound, format: F::Json),
        t!(name: "binary body", status: 500, headers: &[],
            body: b"\x00\x01\xff\xfe\x89PNG",
            code: None, raw: None, message: None, request_id: None, kind: K::Internal, format: F::Unreadable),
        t!(name: "top-level array", status: 400, headers: &[],
            body: br#"[{"code": 40300004}]"#,
            code: None, raw: None, message: None, request_id: None, kind: K::InvalidInput, format: F::Json),
        t!(name: "whitespace only", status: 599, headers: &[],
            body: b" \r\n ",
            code: None, raw: None, message: None, request_id: None, kind: K::Timeout, format: F::Empty),
        t!(name: "unknown code keeps the raw value", status: 400, headers: &[],
            body: br#"{"code": 40099999, "msg": "new thing"}"#,
            code: None, raw: Some("40099999"), message: Some("new thing"), request_id: None, kind: K::InvalidInput, format: F::Json),
    ]);
}

#[test]
fn display_has_code_message_status_and_request_id() {
    let err = parse::<U>(
        403,
        &[],
        br#"{"msg": "bucket is full", "code": 40300004, "id": "11e4a729d24943409933a5e8314cd32e"}"#,
    );
    assert_eq!(err.to_string(), "upyun 40300004: bucket is full (HTTP 403, request 11e4a729d24943409933a5e8314cd32e)");
    let err = parse::<U>(404, &[("x-error-code", "40400001")], b"");
    assert_eq!(err.to_string(), "upyun 40400001: file or directory not found (HTTP 404)");
    let err = parse::<U>(502, &[], b"");
    assert_eq!(err.to_string(), "upyun: Bad Gateway (HTTP 502)");
    let err = parse::<U>(403, &[], br#"{"code": "40399999", "msg": "something new"}"#);
    assert_eq!(err.to_string(), "upyun 40399999: something new (HTTP 403)");
    // A templated CDN code shows the digits the response had.
    let err = parse::<U>(503, &[], br#"{"code": "50302004", "msg": "connection refused"}"#);
    assert_eq!(err.to_string(), "upyun 50302004: connection refused (HTTP 503)");
}

#[test]
fn huge_bodies_are_read_to_a_bound_and_say_so() {
    let mut body = br#"{"msg": "bucket is full", "code": 40300004, "data": ""#.to_vec();
    body.resize(8 << 20, b'a');
    let err = parse::<U>(403, &[], &body);
    assert!(err.is_truncated());
    assert_eq!(err.code(), Some(U::BucketFull));
    assert_eq!(err.body_format(), cloud_errcodes::BodyFormat::PartialJson);
    let small = parse::<U>(403, &[], br#"{"code": 40300004}"#);
    assert!(!small.is_truncated());
    // A long message is kept up to the bound, never more.
    let mut body = br#"{"msg": ""#.to_vec();
    body.resize(1 << 20, b'm');
    let err = parse::<U>(500, &[], &body);
    assert_eq!(err.message(), None, "the message string was cut: not a complete field");
}

#[test]
fn check_decides_by_status() {
    use http::StatusCode;
    let headers = http::HeaderMap::new();
    assert!(U::check_parts(StatusCode::OK, &headers, b"").is_ok());
    assert!(U::check_parts(StatusCode::NO_CONTENT, &headers, b"").is_ok());
    let err = U::check_parts(StatusCode::FORBIDDEN, &headers, br#"{"code": 40300004}"#).unwrap_err();
    assert_eq!(err.code(), Some(U::BucketFull));
    let response = http::Response::builder().status(404).header("x-error-code", "40400001").body(Vec::new()).unwrap();
    assert_eq!(U::parse_response(&response).code(), Some(U::FileNotFound));
    assert!(U::check_response(&response).is_err());
}

#[test]
fn a_title_of_ampersands_is_read_in_linear_time() {
    // Regression: every `&` searched the rest of the title for `;` (~110 ms per 64 KiB page).
    let mut page = b"<title>".to_vec();
    page.resize(cloud_errcodes::response::MAX_BODY, b'&');
    let err = parse::<U>(502, &[], &page);
    assert_eq!(err.body_format(), F::Html);
    assert_eq!(err.message().map(str::len), Some(page.len() - "<title>".len()));
}

#[test]
fn a_text_body_ending_in_a_partial_character_keeps_it() {
    // Regression: a whole body whose last character is incomplete lost it, as if cut.
    let err = parse::<U>(503, &[], b"busy \xe4\xb8");
    assert_eq!((err.body_format(), err.message()), (F::Text, Some("busy \u{FFFD}")));
    // A body cut by the read limit drops the character the cut split.
    let mut long = vec![b'a'; cloud_errcodes::response::MAX_BODY - 1];
    long.extend_from_slice("中".as_bytes());
    let err = parse::<U>(503, &[], &long);
    assert!(err.is_truncated());
    assert_eq!(err.message().map(str::len), Some(cloud_errcodes::response::MAX_BODY - 1));
}

#[test]
fn older_wordings_and_renumbered_codes_resolve_by_message() {
    // As servers answered before the errno page changed (upyun/docs sources/api/errno.md).
    let err = parse::<U>(503, &[], br#"{"code": 50300041, "msg": "connect to database error", "id": "r"}"#);
    assert_eq!(err.code(), Some(U::TaskDbConnectFailed));
    let err = parse::<U>(400, &[], br#"{"code": 40011059, "msg": "file md5 not match"}"#);
    assert_eq!((err.code(), err.kind()), (Some(U::Md5MismatchBefore2017), K::InvalidInput));
    let err = parse::<U>(400, &[], br#"{"code": 40011059, "msg": "file already upload"}"#);
    assert_eq!((err.code(), err.kind()), (Some(U::FileAlreadyUploaded), K::Conflict));
    let err = parse::<U>(400, &[], br#"{"code": 40011059}"#);
    assert_eq!(err.code(), Some(U::FileAlreadyUploaded), "no message: the current meaning");
}

#[test]
fn cdn_codes_that_reuse_storage_numbers() {
    // The CDN edge table (upyun/docs sources/cdn/config.md) reuses two storage numbers.
    assert_eq!(U::from_code(40010030), Some(U::InvalidAvBitrateHeader), "the storage meaning is primary");
    assert_eq!(U::from_code_and_message(40010030, "multiple Content-Type header"), Some(U::CdnMultipleContentType));
    assert_eq!(U::from_code_and_message(40310007, "cyclic request"), Some(U::CdnCyclicRequest));
    // Templates: each `x` any digit; the template itself reads back too.
    for class in 0..=4 {
        assert_eq!(U::from_code(50401003 + class * 1000), Some(U::CdnOriginReadTimeout), "504{class:02}003");
    }
    assert_eq!("504xx003".parse::<U>(), Ok(U::CdnOriginReadTimeout));
    assert_eq!(U::CdnOriginReadTimeout.code_str(), "504xx003");
    assert_eq!(U::from_code(50401099), None);
    assert_eq!(U::from_code(20010999), Some(U::CdnEdgeRuleTriggered));
    // Regression (fuzzing, `from_str`): a shorter number is no template's code.
    assert_eq!(U::from_code(10999), None);
    assert!("\n10999".parse::<U>().is_err());
}
