//! OpenList/AList responses: HTTP 200 bodies whose `code` is the real status.

mod common;

use cloud_errcodes::{BodyFormat as F, ErrorKind as K, OpenListError as O};
use common::{parse, run, t};
use http::{HeaderMap, StatusCode};

#[test]
fn openlist_fixtures() {
    run::<O>(&[
        t!(name: "200 with an error body", status: 200, headers: &[],
            body: br#"{"code": 500, "message": "failed get objs: failed to list objs: query fail [61008]", "data": null}"#,
            code: Some(O::QueryFail61008), raw: Some("500"), message: Some("failed get objs: failed to list objs: query fail [61008]"), request_id: None, kind: K::Unsupported, format: F::Json),
        t!(name: "lowercase token error", status: 200, headers: &[],
            body: br#"{"code":401,"message":"token is expired","data":null}"#,
            code: Some(O::TokenExpired), raw: Some("401"), message: Some("token is expired"), request_id: None, kind: K::Unauthenticated, format: F::Json),
        t!(name: "msg instead of message, data an object", status: 200, headers: &[],
            body: br#"{"code": 500, "msg": "TooManyRequests", "data": {"code": 200, "message": "inner"}}"#,
            code: Some(O::TooManyRequests), raw: Some("500"), message: Some("TooManyRequests"), request_id: None, kind: K::RateLimited, format: F::Json),
        t!(name: "Go's \\u003c escapes are decoded before matching", status: 200, headers: &[],
            body: br#"{"code":500,"message":"failed link: \u003chtml\u003e Request failed with status code 413 \u0026 more","data":null}"#,
            code: Some(O::RequestEntityTooLarge), raw: Some("500"), message: Some("failed link: <html> Request failed with status code 413 & more"), request_id: None, kind: K::PayloadTooLarge, format: F::Json),
        t!(name: "202 is an error too", status: 200, headers: &[],
            body: br#"{"code": 202, "message": "search not available", "data": null}"#,
            code: Some(O::SearchNotAvailable), raw: Some("202"), message: Some("search not available"), request_id: None, kind: K::Configuration, format: F::Json),
        t!(name: "unknown message: raw text kept, kind from the body status", status: 200, headers: &[],
            body: br#"{"code": 500, "message": "failed to frobnicate the widget", "data": null}"#,
            code: None, raw: Some("500"), message: Some("failed to frobnicate the widget"), request_id: None, kind: K::Internal, format: F::Json),
        t!(name: "a server message (internal/errs/object.go)", status: 200, headers: &[],
            body: br#"{"code": 500, "message": "object not found", "data": null}"#,
            code: Some(O::ObjectNotFound), raw: Some("500"), message: Some("object not found"), request_id: None, kind: K::NotFound, format: F::Json),
        t!(name: "download route: HTML page with the real status", status: 404, headers: &[],
            body: b"<!doctype html><html><head><title>404 Not Found</title></head><body>not found</body></html>",
            code: None, raw: None, message: Some("404 Not Found"), request_id: None, kind: K::NotFound, format: F::Html),
        t!(name: "body code that is not a status keeps the HTTP one", status: 200, headers: &[],
            body: br#"{"code": 70000, "message": "weird"}"#,
            code: None, raw: Some("70000"), message: Some("weird"), request_id: None, kind: K::Other, format: F::Json),
        t!(name: "a log line in a message", status: 200, headers: &[],
            body: br#"{"code": 500, "message": "ERRO[2025-08-12 02:48:46] failed to start: listen tcp :5244: bind: address already in use", "data": null}"#,
            code: Some(O::PortInUse), raw: Some("500"), message: Some("ERRO[2025-08-12 02:48:46] failed to start: listen tcp :5244: bind: address already in use"), request_id: None, kind: K::Configuration, format: F::Json),
    ]);
}

#[test]
fn body_code_is_the_status_and_wire_status_is_kept() {
    let err = parse::<O>(
        200,
        &[],
        br#"{"code": 500, "message": "failed get objs: failed to list objs: query fail [61008]", "data": null}"#,
    );
    assert_eq!(err.http_status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(err.wire_status(), StatusCode::OK);
    assert_eq!(
        err.to_string(),
        "openlist query_fail_61008: the driver cannot sort this listing (HTTP 500)",
        "a known symptom shows our summary, as for every provider"
    );
    assert_eq!(err.message(), Some("failed get objs: failed to list objs: query fail [61008]"));
    // Body codes that are no HTTP status leave the wire status in charge.
    for body in [&br#"{"code": 99, "message": "x"}"#[..], br#"{"code": 1000, "message": "x"}"#, br#"{"code": -500}"#] {
        assert_eq!(parse::<O>(200, &[], body).http_status(), StatusCode::OK, "{}", String::from_utf8_lossy(body));
    }
    let err = parse::<O>(200, &[], br#"{"code": 401.0, "message": "token is invalidated"}"#);
    assert_eq!(err.http_status(), StatusCode::UNAUTHORIZED);
}

#[test]
fn check_reads_success_from_the_body() {
    let h = HeaderMap::new();
    assert!(
        O::check_parts(StatusCode::OK, &h, br#"{"code": 200, "message": "success", "data": {"content": []}}"#).is_ok()
    );
    assert!(O::check_parts(StatusCode::OK, &h, b"binary file contents").is_ok(), "a download is a success");
    assert!(O::check_parts(StatusCode::OK, &h, br#"{"name": "no code at all"}"#).is_ok());
    assert!(O::check_parts(StatusCode::OK, &h, br#"{"data": {"code": 500}, "code": 200}"#).is_ok());
    // Only OpenList's envelope (`code` and `message`) is judged by its code: a downloaded JSON
    // file with a `code` key of its own is a success.
    for body in [&br#"{"code": 1, "name": "config.json"}"#[..], br#"{"code": 500}"#, br#"{"code": "500", "data": 1}"#] {
        assert!(O::check_parts(StatusCode::OK, &h, body).is_ok(), "{}", String::from_utf8_lossy(body));
    }
    for body in [
        &br#"{"code": 500, "message": "x"}"#[..],
        br#"{"message": "x", "code": 202}"#,
        br#"{"code": "500", "message": "x", "data": null}"#,
        br#"{"code": "+200", "message": "success"}"#,
    ] {
        assert!(O::check_parts(StatusCode::OK, &h, body).is_err(), "{}", String::from_utf8_lossy(body));
    }
    // Interim answers and 304 are no failures, for every provider.
    for status in [StatusCode::CONTINUE, StatusCode::NOT_MODIFIED] {
        assert!(O::check_parts(status, &h, b"").is_ok(), "{status}");
    }
    assert!(O::check_parts(StatusCode::NOT_FOUND, &h, b"<html></html>").is_err());
}
