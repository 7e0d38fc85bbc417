//! UpYun responses as servers, CDN edges and proxies really send them.

mod common;

use cloud_errcodes::{BodyFormat as F, ErrorKind as K, ProviderError, UpyunError as U};
use common::{case, parse, run};

const ID: &str = "11e4a729d24943409933a5e8314cd32e";

#[test]
fn upyun_fixtures() {
    run::<U>(&[
        case("documented body", 404, &[], br#"{"msg": "file or directory not found", "code": 40400001, "id": "11e4a729d24943409933a5e8314cd32e"}"#,
            Some(U::FileNotFound), Some("40400001"), Some("file or directory not found"), Some(ID), K::NotFound, F::Json),
        case("bucket full", 403, &[("x-request-id", ID)], br#"{"msg":"bucket is full","code":40300004,"id":"11e4a729d24943409933a5e8314cd32e"}"#,
            Some(U::BucketFull), Some("40300004"), Some("bucket is full"), Some(ID), K::QuotaExceeded, F::Json),
        case("HEAD 404: empty body, code and id in headers", 404, &[("x-error-code", "40400001"), ("x-request-id", "abc123")], b"",
            Some(U::FileNotFound), Some("40400001"), None, Some("abc123"), K::NotFound, F::Empty),
        case("CDN edge: code as a string, no id", 403, &[], br#"{"code": "40310002", "msg": "referer forbidden"}"#,
            None, Some("40310002"), Some("referer forbidden"), None, K::PermissionDenied, F::Json),
        case("CDN edge: known code as a string", 403, &[], br#"{"code": "40300004", "msg": "bucket is full"}"#,
            Some(U::BucketFull), Some("40300004"), Some("bucket is full"), None, K::QuotaExceeded, F::Json),
        case("nginx 413 page", 413, &[], b"<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            None, None, Some("413 Request Entity Too Large"), None, K::PayloadTooLarge, F::Html),
        case("502 page with doctype and entities", 502, &[], b"<!DOCTYPE html><HTML><HEAD><TITLE>502  Bad\n Gateway &amp; friends</TITLE></HEAD></HTML>",
            None, None, Some("502 Bad Gateway & friends"), None, K::Unavailable, F::Html),
        case("plain text", 503, &[], b"  Service Temporarily Unavailable\n",
            None, None, Some("Service Temporarily Unavailable"), None, K::Unavailable, F::Text),
        case("BOM, odd whitespace, keys reordered, extra fields", 401, &[], b"\xEF\xBB\xBF \r\n\t{ \"id\" :\"r1\" ,\n\"extra\": [1, {\"a\": null}], \"code\"\t: 40100005 , \"msg\":\"signature error\" , \"x\": true}\n",
            Some(U::SignatureMismatch), Some("40100005"), Some("signature error"), Some("r1"), K::Unauthenticated, F::Json),
        case("code as a float", 403, &[], br#"{"code": 40300004.0, "msg": "bucket is full"}"#,
            Some(U::BucketFull), Some("40300004.0"), Some("bucket is full"), None, K::QuotaExceeded, F::Json),
        case("code in exponent form", 403, &[], br#"{"code": 4.0300004e7}"#,
            Some(U::BucketFull), Some("4.0300004e7"), None, None, K::QuotaExceeded, F::Json),
        case("negative code", 400, &[], br#"{"code": -1, "msg": "bad"}"#,
            None, Some("-1"), Some("bad"), None, K::InvalidInput, F::Json),
        case("code out of range", 400, &[], br#"{"code": 99999999999999999999, "msg": "huge"}"#,
            None, Some("99999999999999999999"), Some("huge"), None, K::InvalidInput, F::Json),
        case("a code nested in data is not the code", 500, &[], br#"{"data": {"code": 40300004, "msg": "inner"}, "msg": "outer"}"#,
            None, None, Some("outer"), None, K::Internal, F::Json),
        case("null code", 500, &[], br#"{"code": null, "msg": "x"}"#,
            None, None, Some("x"), None, K::Internal, F::Json),
        case("string escapes", 400, &[], br#"{"msg": "a \"q\" \\ \/ \n \u4e2d \ud83d\ude00 end", "code": 40000000}"#,
            Some(U::StorageBadRequest), Some("40000000"), Some("a \"q\" \\ / \n 中 😀 end"), None, K::InvalidInput, F::Json),
        case("invalid escapes and UTF-8 replaced", 400, &[], b"{\"msg\": \"a\\xb \xff c \\ud800 d\", \"code\": 40000000}",
            Some(U::StorageBadRequest), Some("40000000"), Some("a\u{FFFD}b \u{FFFD} c \u{FFFD} d"), None, K::InvalidInput, F::Json),
        case("duplicate keys: the last wins", 403, &[], br#"{"code": 40300001, "msg": "first", "code": 40300004, "msg": "bucket is full"}"#,
            Some(U::BucketFull), Some("40300004"), Some("bucket is full"), None, K::QuotaExceeded, F::Json),
        case("msg beats message whatever the order", 403, &[], br#"{"message": "other", "msg": "bucket is full", "code": 40300004}"#,
            Some(U::BucketFull), Some("40300004"), Some("bucket is full"), None, K::QuotaExceeded, F::Json),
        case("truncated JSON keeps the complete fields", 403, &[], br#"{"msg": "bucket is full", "code": 40300004, "id": "11e4a7"#,
            Some(U::BucketFull), Some("40300004"), Some("bucket is full"), None, K::QuotaExceeded, F::PartialJson),
        case("broken JSON after the code", 429, &[], br#"{"code": 42900001 "msg": "too many requests"}"#,
            Some(U::TooManyRequests), Some("42900001"), None, None, K::RateLimited, F::PartialJson),
        case("a header id wins over the body", 404, &[("x-request-id", "from-header")], br#"{"code": 40400001, "id": "from-body"}"#,
            Some(U::FileNotFound), Some("40400001"), None, Some("from-header"), K::NotFound, F::Json),
        case("body code wins over the header code", 404, &[("x-error-code", "40400002")], br#"{"code": 40400001}"#,
            Some(U::FileNotFound), Some("40400001"), None, None, K::NotFound, F::Json),
        case("binary body", 500, &[], b"\x00\x01\xff\xfe\x89PNG",
            None, None, None, None, K::Internal, F::Unreadable),
        case("top-level array", 400, &[], br#"[{"code": 40300004}]"#,
            None, None, None, None, K::InvalidInput, F::Json),
        case("whitespace only", 599, &[], b" \r\n ",
            None, None, None, None, K::Timeout, F::Empty),
        case("unknown code keeps the raw value", 400, &[], br#"{"code": 40099999, "msg": "new thing"}"#,
            None, Some("40099999"), Some("new thing"), None, K::InvalidInput, F::Json),
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
    let err = parse::<U>(403, &[], br#"{"code": "40310002", "msg": "referer forbidden"}"#);
    assert_eq!(err.to_string(), "upyun 40310002: referer forbidden (HTTP 403)");
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
