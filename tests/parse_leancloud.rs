//! LeanCloud responses: REST errors, cloud functions, string codes, batches, region redirects.

mod common;

use cloud_errcodes::{BodyFormat as F, ErrorKind as K, LeanCloudError as L, ProviderError, leancloud};
use common::{case, parse, run};
use http::{HeaderMap, StatusCode};

#[test]
fn leancloud_fixtures() {
    run::<L>(&[
        case(
            "REST error",
            400,
            &[],
            br#"{"code": 137, "error": "A unique field was given a value that is already taken."}"#,
            Some(L::DuplicateValue),
            Some("137"),
            Some("A unique field was given a value that is already taken."),
            None,
            K::Conflict,
            F::Json,
        ),
        case(
            "live wording differs from the docs: the code decides, the message is kept",
            404,
            &[],
            br#"{"code":101,"error":"Class or object doesn't exists."}"#,
            Some(L::ObjectNotFound),
            Some("101"),
            Some("Class or object doesn't exists."),
            None,
            K::NotFound,
            F::Json,
        ),
        case(
            "cloud function: message instead of error",
            400,
            &[],
            br#"{"code": 142, "message": "Cloud Code validation failed. Error detail: bad title"}"#,
            Some(L::CloudValidationFailed),
            Some("142"),
            Some("Cloud Code validation failed. Error detail: bad title"),
            None,
            K::InvalidInput,
            F::Json,
        ),
        case(
            "code as a string, trailing newline",
            400,
            &[],
            b"{\"code\":\"1\",\"error\":\"Internal server error. No information available.\"}\n",
            Some(L::InternalServerError),
            Some("1"),
            Some("Internal server error. No information available."),
            None,
            K::Internal,
            F::Json,
        ),
        case(
            "code as a string outside the table",
            400,
            &[],
            b"{\"code\":\"400\",\"error\":\"bad request\"}\n",
            None,
            Some("400"),
            Some("bad request"),
            None,
            K::InvalidInput,
            F::Json,
        ),
        case(
            "multi-message code picks by message",
            400,
            &[],
            br#"{"code": 605, "error": "SMS sign not verified"}"#,
            Some(L::SmsSignNotVerified),
            Some("605"),
            Some("SMS sign not verified"),
            None,
            K::Configuration,
            F::Json,
        ),
        case(
            "multi-message code, unknown message: primary",
            403,
            &[],
            br#"{"code": 403, "error": "Forbidden to find by class permissions."}"#,
            Some(L::ForbiddenByClassPermissions),
            Some("403"),
            Some("Forbidden to find by class permissions."),
            None,
            K::PermissionDenied,
            F::Json,
        ),
        case(
            "error beats message whatever the order",
            429,
            &[],
            br#"{"message": "other", "error": "Too many requests.", "code": 429}"#,
            Some(L::TooManyRequests),
            Some("429"),
            Some("Too many requests."),
            None,
            K::RateLimited,
            F::Json,
        ),
        case(
            "region redirect: 410 without a code",
            410,
            &[],
            br#"{"error": "The app is in another region."}"#,
            None,
            None,
            Some("The app is in another region."),
            None,
            K::Configuration,
            F::Json,
        ),
        case(
            "Chinese message with \\u escapes",
            400,
            &[],
            br#"{"code": 219, "error": "\u767b\u5f55\u5931\u8d25\u6b21\u6570\u8d85\u8fc7\u9650\u5236"}"#,
            Some(L::TooManyLoginFailures),
            Some("219"),
            Some("登录失败次数超过限制"),
            None,
            K::RateLimited,
            F::Json,
        ),
        case(
            "LeanEngine 524 page",
            524,
            &[],
            b"<html><head><title>524 A Timeout Occurred</title></head><body></body></html>",
            None,
            None,
            Some("524 A Timeout Occurred"),
            None,
            K::Timeout,
            F::Html,
        ),
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
    // A cut batch keeps the items read before the cut.
    let cut = leancloud::parse_batch(br#"[{"success": {}}, {"error": {"code": 137}}, {"err"#);
    assert_eq!(cut.count(), 2);
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
    let items = leancloud::parse_batch(&body).count();
    assert_eq!(items, leancloud::MAX_BATCH_BODY / 2, "items past the limit are not returned");
}
