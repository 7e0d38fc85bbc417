//! LeanCloud responses: REST errors, cloud functions, string codes, batches, region redirects.

mod common;

use cloud_errcodes::{BodyFormat as F, ErrorKind as K, LeanCloudError as L, leancloud};
use common::{parse, run, t};
use http::{HeaderMap, StatusCode};

#[test]
fn leancloud_fixtures() {
    run::<L>(&[
        t!(name: "REST error", status: 400, headers: &[],
            body: br#"{"code": 137, "error": "A unique field was given a value that is already taken."}"#,
            code: Some(L::DuplicateValue), raw: Some("137"), message: Some("A unique field was given a value that is already taken."), request_id: None, kind: K::Conflict, format: F::Json),
        t!(name: "live wording differs from the docs: the code decides, the message is kept", status: 404, headers: &[],
            body: br#"{"code":101,"error":"Class or object doesn't exists."}"#,
            code: Some(L::ObjectNotFound), raw: Some("101"), message: Some("Class or object doesn't exists."), request_id: None, kind: K::NotFound, format: F::Json),
        t!(name: "cloud function: message instead of error", status: 400, headers: &[],
            body: br#"{"code": 142, "message": "Cloud Code validation failed. Error detail: bad title"}"#,
            code: Some(L::CloudValidationFailed), raw: Some("142"), message: Some("Cloud Code validation failed. Error detail: bad title"), request_id: None, kind: K::InvalidInput, format: F::Json),
        t!(name: "code as a string, trailing newline", status: 400, headers: &[],
            body: b"{\"code\":\"1\",\"error\":\"Internal server error. No information available.\"}\n",
            code: Some(L::InternalServerError), raw: Some("1"), message: Some("Internal server error. No information available."), request_id: None, kind: K::Internal, format: F::Json),
        t!(name: "code as a string outside the table", status: 400, headers: &[],
            body: b"{\"code\":\"402\",\"error\":\"bad request\"}\n",
            code: None, raw: Some("402"), message: Some("bad request"), request_id: None, kind: K::InvalidInput, format: F::Json),
        t!(name: "multi-message code picks by message", status: 400, headers: &[],
            body: br#"{"code": 605, "error": "SMS sign not verified"}"#,
            code: Some(L::SmsSignNotVerified), raw: Some("605"), message: Some("SMS sign not verified"), request_id: None, kind: K::Configuration, format: F::Json),
        t!(name: "multi-message code, unknown message: primary", status: 403, headers: &[],
            body: br#"{"code": 403, "error": "Forbidden to find by class permissions."}"#,
            code: Some(L::ForbiddenByClassPermissions), raw: Some("403"), message: Some("Forbidden to find by class permissions."), request_id: None, kind: K::PermissionDenied, format: F::Json),
        t!(name: "error beats message whatever the order", status: 429, headers: &[],
            body: br#"{"message": "other", "error": "Too many requests.", "code": 429}"#,
            code: Some(L::TooManyRequests), raw: Some("429"), message: Some("Too many requests."), request_id: None, kind: K::RateLimited, format: F::Json),
        t!(name: "region redirect: 410 without a code", status: 410, headers: &[],
            body: br#"{"error": "The app is in another region."}"#,
            code: None, raw: None, message: Some("The app is in another region."), request_id: None, kind: K::Configuration, format: F::Json),
        t!(name: "Chinese message with \\u escapes", status: 400, headers: &[],
            body: br#"{"code": 219, "error": "\u767b\u5f55\u5931\u8d25\u6b21\u6570\u8d85\u8fc7\u9650\u5236"}"#,
            code: Some(L::TooManyLoginFailures), raw: Some("219"), message: Some("登录失败次数超过限制"), request_id: None, kind: K::RateLimited, format: F::Json),
        // Bodies the SDK inside a LeanEngine app writes: npm leanengine 3.8.0 lib/leanengine.js
        // (JSON.stringify, no spaces) and PyPI leancloud 3.0.2 leancloud/engine/leanengine.py
        // (json.dumps, with spaces).
        t!(name: "LeanEngine (Node): no such cloud function, code 1 told apart by message", status: 404, headers: &[],
            body: br#"{"code":1,"error":"No such cloud function 'hello'"}"#,
            code: Some(L::CloudFunctionNotFound), raw: Some("1"), message: Some("No such cloud function 'hello'"), request_id: None, kind: K::NotFound, format: F::Json),
        t!(name: "LeanEngine (Node): hook key check", status: 401, headers: &[],
            body: br#"{"code":401,"error":"Hook key check failed, request from 10.0.0.7"}"#,
            code: Some(L::HookKeyCheckFailed), raw: Some("401"), message: Some("Hook key check failed, request from 10.0.0.7"), request_id: None, kind: K::Unauthenticated, format: F::Json),
        t!(name: "LeanEngine (Node): session token", status: 401, headers: &[],
            body: br#"{"code":211,"error":"Verify sessionToken failed, maybe login expired: Could not find user."}"#,
            code: Some(L::EngineSessionTokenInvalid), raw: Some("211"), message: Some("Verify sessionToken failed, maybe login expired: Could not find user."), request_id: None, kind: K::Unauthenticated, format: F::Json),
        t!(name: "LeanEngine (Node): timeout", status: 503, headers: &[],
            body: br#"{"code":124,"error":"The request timed out on the server."}"#,
            code: Some(L::EngineRequestTimeout), raw: Some("124"), message: Some("The request timed out on the server."), request_id: None, kind: K::Timeout, format: F::Json),
        t!(name: "LeanEngine (Python): uncaught exception", status: 500, headers: &[],
            body: br#"{"code": 141, "error": "Cloud Code script had an error."}"#,
            code: Some(L::EngineScriptError), raw: Some("141"), message: Some("Cloud Code script had an error."), request_id: None, kind: K::Internal, format: F::Json),
        t!(name: "LeanEngine (Python): no such hook", status: 404, headers: &[],
            body: br#"{"code": 404, "error": "cloud hook named 'beforeSave_Todo' not found."}"#,
            code: Some(L::EngineFunctionNotFound), raw: Some("404"), message: Some("cloud hook named 'beforeSave_Todo' not found."), request_id: None, kind: K::NotFound, format: F::Json),
        t!(name: "code 1 with the REST wording stays the primary", status: 500, headers: &[],
            body: br#"{"code":1,"error":"Internal server error. No information available."}"#,
            code: Some(L::InternalServerError), raw: Some("1"), message: Some("Internal server error. No information available."), request_id: None, kind: K::Internal, format: F::Json),
        // leancloud/avoscloud-code-command#129: what the command-line tool received when a
        // deploy failed; the error is an object with a code of its own.
        t!(name: "an error object in place of the message: kept as its JSON text", status: 400, headers: &[],
            body: "{\"code\":-1,\"error\":{\"code\":\"ECONNRESET\",\"name\":\"RequestError\"},\"action\":\"部署应用\"}".as_bytes(),
            code: Some(L::OtherCause), raw: Some("-1"), message: Some(r#"{"code":"ECONNRESET","name":"RequestError"}"#), request_id: None, kind: K::Other, format: F::Json),
        t!(name: "LeanEngine 524 page", status: 524, headers: &[],
            body: b"<html><head><title>524 A Timeout Occurred</title></head><body></body></html>",
            code: None, raw: None, message: Some("524 A Timeout Occurred"), request_id: None, kind: K::Timeout, format: F::Html),
    ]);
}

#[test]
fn an_empty_object_with_200_is_success() {
    assert!(L::check_parts(StatusCode::OK, &HeaderMap::new(), b"{}").is_ok());
    assert!(L::check_parts(StatusCode::CREATED, &HeaderMap::new(), br#"{"objectId": "x"}"#).is_ok());
    let err =
        L::check_parts(StatusCode::BAD_REQUEST, &HeaderMap::new(), br#"{"code": 107, "error": "x"}"#).unwrap_err();
    assert_eq!(err.code(), Some(L::MalformedJson));
    assert_eq!(parse::<L>(410, &[], b"").kind(), K::Configuration);
}

#[test]
fn batch_gives_one_result_per_item() {
    let body = br#"[
        {"success": {"objectId": "51c3ba67e4b0f0e851c16221", "createdAt": "2013-06-21T02:21:27.000Z"}},
        {"error": {"code": 137, "error": "A unique field was given a value that is already taken."}},
        {"success": {"error": {"code": 1}}},
        {"error": {"code": 9999, "error": "something new"}},
        {"error": {"code": 605, "error": "SMS sign not verified"}}
    ]"#;
    let items: Vec<_> = leancloud::parse_batch(body).collect();
    assert_eq!(items.len(), 5);
    assert!(items[0].is_ok());
    assert!(items[2].is_ok(), "an `error` key nested inside `success` is not a failure");
    let err = items[1].as_ref().unwrap_err();
    assert_eq!(
        (err.code(), err.http_status(), err.wire_status()),
        (Some(L::DuplicateValue), StatusCode::BAD_REQUEST, StatusCode::OK)
    );
    let err = items[3].as_ref().unwrap_err();
    assert_eq!((err.code(), err.raw_code().unwrap().as_str(), err.message()), (None, "9999", Some("something new")));
    assert_eq!(items[4].as_ref().unwrap_err().code(), Some(L::SmsSignNotVerified));

    assert_eq!(leancloud::parse_batch(b"").count(), 0);
    assert_eq!(leancloud::parse_batch(br#"{"code": 1}"#).count(), 0);
    // A cut batch keeps the items read before the cut, then says where it broke.
    let cut: Vec<_> = leancloud::parse_batch(br#"[{"success": {}}, {"error": {"code": 137}}, {"err"#).collect();
    assert_eq!(cut.len(), 3);
    assert!(cut[2].as_ref().is_err_and(|err| err.is_truncated()));
}

#[test]
fn batch_items_that_report_no_success_are_errors() {
    // Regression: `0`, `"x"`, `null`, `{}` and an `error` that is not an object were successes.
    let body = br#"[0, "x", null, {}, {"error": "busy"}, [], {"success": true}]"#;
    let items: Vec<_> = leancloud::parse_batch(body).collect();
    assert_eq!(items.len(), 7);
    for (i, item) in items[..6].iter().enumerate() {
        let err = item.as_ref().expect_err("not a reported success");
        assert_eq!((err.code(), err.raw_code(), err.kind()), (None, None, K::Other), "item {i}");
        assert_eq!(err.wire_status(), StatusCode::OK);
    }
    assert!(items[6].is_ok());
}

#[test]
fn batch_is_lazy_and_bounded() {
    // Regression: 4 MiB of `[0,0,...]` became 2 million results held at once (+213 MB). The
    // items are now parsed as they are asked for, and nothing past the read limit is read.
    let mut body = b"[".to_vec();
    while body.len() < leancloud::MAX_BATCH_BODY + 1024 {
        body.extend_from_slice(b"0,");
    }
    assert_eq!(leancloud::parse_batch(&body).take(3).count(), 3);
    let items: Vec<_> = leancloud::parse_batch(&body).collect();
    // The element the limit cuts may have gone on (`0` of `0123`): it is not an item (R1), and
    // where the array broke, one truncated error item says so (R15).
    assert_eq!(items.len(), leancloud::MAX_BATCH_BODY / 2, "items past the limit are not returned");
    let last = items.last().unwrap().as_ref().unwrap_err();
    assert!(last.is_truncated() && last.body_format() == F::PartialJson);
}

#[test]
fn negative_and_string_codes_resolve() {
    // The JavaScript SDK's catch-all (npm leancloud-storage 4.15.2, `AVError.OTHER_CAUSE`), as
    // an SDK relays it, and codes sent as strings.
    let err = parse::<L>(500, &[], br#"{"code": -1, "error": "Request has been terminated"}"#);
    assert_eq!((err.code(), err.code().map(|c| c.surface())), (Some(L::OtherCause), Some("sdk")));
    assert_eq!(parse::<L>(500, &[], br#"{"code": "-1", "error": "x"}"#).code(), Some(L::OtherCause));
    assert_eq!(parse::<L>(400, &[], br#"{"code": "137", "error": "x"}"#).code(), Some(L::DuplicateValue));
    assert_eq!(L::from_code(-1), Some(L::OtherCause));
    assert_eq!(" -1 ".parse::<L>(), Ok(L::OtherCause));
    assert_eq!(L::from_code(-2), None);
}

#[test]
fn realtime_frames_carry_their_text_under_reason() {
    // Frames of the realtime (IM) service, as leancloud/avoscloud-doc views/_im.njk describes
    // them: the code beside an upper-case reason.
    let err =
        parse::<L>(200, &[], br#"{"cmd": "session", "op": "closed", "code": 4111, "reason": "SESSION_CONFLICT"}"#);
    assert_eq!(err.code(), Some(L::SessionConflict));
    assert_eq!((err.message(), err.code().map(|c| c.surface())), (Some("SESSION_CONFLICT"), Some("realtime")));
    let err = parse::<L>(200, &[], br#"{"cmd": "error", "code": 4301, "reason": "CONVERSATION_API_FAILED", "appCode": 1, "detail": "upstream said no"}"#);
    assert_eq!((err.code(), err.kind()), (Some(L::ConversationApiFailed), K::Unavailable));
    // `error` still wins where a REST body has both.
    let err = parse::<L>(
        400,
        &[],
        br#"{"code": 137, "reason": "x", "error": "A unique field was given a value that is already taken."}"#,
    );
    assert_eq!(err.message(), Some("A unique field was given a value that is already taken."));
}
