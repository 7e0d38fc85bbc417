//! Regressions of the reliability report of 2026-11-26 (issue #20), one test per defect, each
//! with the bytes that showed it.

use cloud_errcodes::{
    LeanCloudError, OpenListError, ParseResponse, UpyunError,
    http::{HeaderMap, StatusCode},
    response::MAX_BODY,
};

fn parse<E: ParseResponse>(status: u16, body: &[u8]) -> cloud_errcodes::ApiError<E> {
    E::parse_parts(StatusCode::from_u16(status).unwrap(), &HeaderMap::new(), body)
}

/// R1: a number that runs to the end of a cut body is not the code.
#[test]
fn r1_a_number_cut_by_the_end_of_the_body_is_no_code() {
    let whole = br#"{"code":137,"error":"A unique field was given a value that is already taken."}"#;
    assert_eq!(parse::<LeanCloudError>(400, whole).code(), Some(LeanCloudError::DuplicateValue));
    for cut in 1..whole.len() {
        let err = parse::<LeanCloudError>(400, &whole[..cut]);
        assert!(err.code().is_none() || err.code() == Some(LeanCloudError::DuplicateValue), "cut {cut}: {err:?}");
        assert!(err.raw_code().is_none_or(|raw| raw.as_str() == "137"), "cut {cut}: {err:?}");
    }
    let err = parse::<LeanCloudError>(400, br#"{"code":1"#);
    assert_eq!((err.code(), err.raw_code()), (None, None));
    let err = parse::<UpyunError>(403, br#"{"msg":"bucket is full","code":4030"#);
    assert_eq!((err.raw_code(), err.message()), (None, Some("bucket is full")));

    // A valid body whose read limit falls inside `40300004` (serde_json reads 40300004).
    let head = r#"{"msg":""#;
    let tail = r#"","id":"r1","code":40300004}"#;
    let filler = MAX_BODY - head.len() - tail.find("40300004").unwrap() - 4;
    let body = format!("{head}{}{tail}", "x".repeat(filler));
    assert_eq!(&body[MAX_BODY - 4..MAX_BODY], "4030");
    let err = parse::<UpyunError>(403, body.as_bytes());
    assert!(err.is_truncated());
    assert_eq!((err.raw_code(), err.request_id()), (None, Some("r1")), "{err:?}");
    // OpenList's `check_parts` waits for a code that may go on: judged on what is whole.
    let body = br#"{"message":"success","code":2"#;
    assert!(OpenListError::parse_parts(StatusCode::OK, &HeaderMap::new(), body).raw_code().is_none());
}

/// R2: OpenList's `check_*` reads the message under the keys the parser reads (`msg` too).
#[test]
fn r2_openlist_check_reads_msg_as_the_parser_does() {
    // The crate's own fixture body (tests/parse_openlist.rs, "msg instead of message").
    let body = br#"{"code": 500, "msg": "TooManyRequests", "data": {"code": 200, "message": "inner"}}"#;
    let err = OpenListError::check_parts(StatusCode::OK, &HeaderMap::new(), body).unwrap_err();
    assert_eq!(err.code(), Some(OpenListError::TooManyRequests));
    let err =
        OpenListError::check_parts(StatusCode::OK, &HeaderMap::new(), br#"{"code":401,"msg":"token is expired"}"#)
            .unwrap_err();
    assert_eq!(err.code(), Some(OpenListError::TokenExpired));
    // A 200 envelope with `msg` is a success, as with `message`.
    assert!(OpenListError::check_parts(StatusCode::OK, &HeaderMap::new(), br#"{"code":200,"msg":"success"}"#).is_ok());
}

/// R3: an OpenList failure fails `check_*` whatever the length of its message.
#[test]
fn r3_openlist_check_fails_a_failure_whose_message_is_longer_than_the_limit() {
    for len in [10, MAX_BODY - 40, MAX_BODY, 70_000] {
        for key in ["message", "msg"] {
            let body = format!(r#"{{"code":500,"{key}":"failed get objs: {}","data":null}}"#, "x".repeat(len));
            let parsed = OpenListError::parse_parts(StatusCode::OK, &HeaderMap::new(), body.as_bytes());
            let checked = OpenListError::check_parts(StatusCode::OK, &HeaderMap::new(), body.as_bytes());
            assert_eq!(checked.err().as_ref(), Some(&parsed), "{key}, message of {len} bytes");
            assert_eq!(parsed.http_status(), StatusCode::INTERNAL_SERVER_ERROR);
        }
    }
}

/// R12: leading zeros and `-0` are no code, for the parser as for `FromStr`.
#[test]
fn r12_the_parser_and_from_str_agree_on_leading_zeros_and_minus_zero() {
    fn agree<E: ParseResponse + std::str::FromStr>(text: &str) -> Option<E> {
        let from_str = text.parse::<E>().ok();
        let as_string = parse::<E>(400, format!(r#"{{"code":"{text}"}}"#).as_bytes()).code();
        assert_eq!(as_string, from_str, "{text:?} as a JSON string");
        // As a JSON number (invalid JSON for leading zeros, which a server may still send).
        if !text.trim().is_empty() && text.trim().bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            let as_number = parse::<E>(400, format!(r#"{{"code":{}}}"#, text.trim()).as_bytes()).code();
            assert_eq!(as_number, from_str, "{text:?} as a JSON number");
        }
        from_str
    }
    for text in ["040300004", "0040300004", "00", "-040300004"] {
        assert_eq!(agree::<UpyunError>(text), None, "{text:?}");
    }
    assert_eq!(agree::<UpyunError>("40300004"), Some(UpyunError::BucketFull));
    assert_eq!(agree::<UpyunError>(" 40300004 "), Some(UpyunError::BucketFull));
    for text in ["-0", "0137", "+137", "-01", "00"] {
        assert_eq!(agree::<LeanCloudError>(text), None, "{text:?}");
    }
    assert_eq!(agree::<LeanCloudError>("0"), LeanCloudError::from_code(0));
    assert_eq!(agree::<LeanCloudError>("137"), Some(LeanCloudError::DuplicateValue));
    assert_eq!(agree::<LeanCloudError>("-1"), Some(LeanCloudError::OtherCause));
    // Floats as JSON writes them still name a code; `-0.0` does not.
    assert_eq!(parse::<LeanCloudError>(400, br#"{"code":1.37e2}"#).code(), Some(LeanCloudError::DuplicateValue));
    assert_eq!(parse::<LeanCloudError>(400, br#"{"code":-0.0}"#).code(), None);
    assert_eq!(parse::<LeanCloudError>(400, br#"{"code":00.0}"#).code(), None);
}

/// R10: `Display` escapes invisible characters as it does bidirectional overrides.
#[test]
fn r10_display_escapes_invisible_characters() {
    let invisible = [
        '\u{200E}',
        '\u{200F}',
        '\u{061C}', // LRM, RLM, ALM
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{2060}',
        '\u{FEFF}', // zero width
        '\u{00AD}',
        '\u{3164}',
        '\u{115F}',
        '\u{FFA0}', // soft hyphen, Hangul fillers
        '\u{E0001}',
        '\u{E0041}',
        '\u{E007F}', // tag characters: invisible ASCII
        '\u{202E}',
        '\u{2066}',
        '\u{2028}', // as before
    ];
    for c in invisible {
        let message = format!("bucket{c}is full");
        let body = format!(r#"{{"code":40399999,"msg":"{message}","id":"id{c}x"}}"#);
        let err = parse::<UpyunError>(403, body.as_bytes());
        assert_eq!(err.message(), Some(message.as_str()), "the accessor keeps it whole");
        let shown = err.to_string();
        assert!(!shown.contains(c), "U+{:04X} shown as it is: {shown:?}", u32::from(c));
        let escaped = c.escape_unicode().to_string();
        assert!(shown.contains(&format!("bucket{escaped}is full")), "{shown:?}");
        assert!(shown.contains(&format!("request id{escaped}x")), "{shown:?}");
        assert_eq!(cloud_errcodes::Escaped(&message).to_string(), format!("bucket{escaped}is full"));
    }
    // Visible text beyond ASCII is shown as it is.
    let err = parse::<UpyunError>(403, r#"{"code":40399999,"msg":"空间已满 ½ é 👍"}"#.as_bytes());
    assert_eq!(err.to_string(), "upyun 40399999: 空间已满 ½ é 👍 (HTTP 403)");
}

/// R11: `retry_after()` is at most a day, and impossible dates are no date.
#[test]
fn r11_retry_after_is_capped_and_impossible_dates_are_rejected() {
    use cloud_errcodes::{http::HeaderValue, response::MAX_RETRY_AFTER};
    use std::time::{Duration, Instant};
    let with = |pairs: &[(&'static str, &'static str)]| {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        UpyunError::parse_parts(StatusCode::TOO_MANY_REQUESTS, &headers, b"").retry_after()
    };
    assert_eq!(MAX_RETRY_AFTER, Duration::from_secs(86_400));
    let huge = with(&[("retry-after", "99999999999999999999999")]).unwrap();
    assert_eq!(huge, MAX_RETRY_AFTER);
    let _ = Instant::now() + huge; // panicked with the uncapped delay
    assert_eq!(with(&[("retry-after", "86401")]), Some(MAX_RETRY_AFTER));
    assert_eq!(with(&[("retry-after", "120")]), Some(Duration::from_secs(120)));
    let date = ("date", "Sun, 06 Nov 1994 08:49:37 GMT");
    assert_eq!(with(&[("retry-after", "Thu, 01 Jan 2099 00:00:00 GMT"), date]), Some(MAX_RETRY_AFTER));
    assert_eq!(with(&[("retry-after", "Sun, 06 Nov 1994 08:51:37 GMT"), date]), Some(Duration::from_secs(120)));
    for impossible in
        ["Thu, 01 Jan 2099 -1:-1:-1 GMT", "Sat, 31 Feb 2099 00:00:00 GMT", "Sun, 06 Nov 1994 08:51:37 GMT x"]
    {
        assert_eq!(with(&[("retry-after", impossible), date]), None, "{impossible}");
    }
    // The builder's delay is capped the same way.
    let err = cloud_errcodes::ApiError::<UpyunError>::builder(StatusCode::TOO_MANY_REQUESTS)
        .retry_after(Duration::from_secs(u64::MAX))
        .build();
    assert_eq!(err.retry_after(), Some(MAX_RETRY_AFTER));
}

/// R15: what a response holds is kept, or said to be missing: a broken batch array, every
/// request id header, XML error bodies, compressed bodies.
#[test]
fn r15_parse_batch_reports_an_array_that_broke() {
    use cloud_errcodes::{BodyFormat, leancloud};
    let whole = br#"[{"success": {"objectId": "a"}}, {"error": {"code": 137, "error": "taken"}}, {"success": {}}]"#;
    assert_eq!(leancloud::parse_batch(whole).count(), 3);
    let cut = &whole[..whole.len() - 12]; // inside the third item
    let items: Vec<_> = leancloud::parse_batch(cut).collect();
    assert_eq!(items.len(), 3, "two items, then where the array broke");
    assert!(items[0].is_ok());
    assert_eq!(items[1].as_ref().unwrap_err().code(), Some(LeanCloudError::DuplicateValue));
    let broke = items[2].as_ref().unwrap_err();
    assert!(broke.is_truncated() && broke.body_format() == BodyFormat::PartialJson && broke.code().is_none());
    // Broken rather than cut: the same.
    let items: Vec<_> = leancloud::parse_batch(br#"[{"success": {}} {"success": {}}]"#).collect();
    assert_eq!((items.len(), items[1].as_ref().map_err(|e| e.is_truncated())), (2, Err(true)));
    // Whole arrays, empty ones and bodies that are no array have no such item.
    assert!(!leancloud::parse_batch(whole).any(|item| item.is_err_and(|e| e.is_truncated())));
    assert_eq!(leancloud::parse_batch(b"[]").count(), 0);
    assert_eq!(leancloud::parse_batch(br#"{"code": 1, "error": "x"}"#).count(), 0);
}

#[test]
fn r15_every_request_id_header_value_is_kept() {
    use cloud_errcodes::{QingStorError, http::HeaderValue};
    let with = |values: &[&'static [u8]]| {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-request-id", HeaderValue::from_bytes(value).unwrap());
        }
        UpyunError::parse_parts(StatusCode::FORBIDDEN, &headers, br#"{"code":40300004,"id":"body-id"}"#)
    };
    assert_eq!(with(&[b" ", b"second-valid"]).request_id(), Some("second-valid"));
    assert_eq!(with(&[b"edge-1", b"origin-2", b"edge-1"]).request_id(), Some("edge-1, origin-2"));
    assert_eq!(with(&[b"\xff", b"ok"]).request_id(), Some("ok"));
    assert_eq!(with(&[b"only"]).request_id(), Some("only"));
    assert_eq!(with(&[b" "]).request_id(), Some("body-id"));
    // QingStor's own header still wins over the standard one.
    let mut headers = HeaderMap::new();
    headers.append("x-request-id", HeaderValue::from_static("std"));
    headers.append("x-qs-request-id", HeaderValue::from_static("qs-1"));
    headers.append("x-qs-request-id", HeaderValue::from_static("qs-2"));
    let err = QingStorError::parse_parts(StatusCode::NOT_FOUND, &headers, b"");
    assert_eq!(err.request_id(), Some("qs-1, qs-2"));
}

#[test]
fn r15_xml_error_bodies_keep_their_code_and_message() {
    use cloud_errcodes::{BodyFormat, QingStorError};
    // The S3 error document, as Amazon's S3 API reference ("Error responses") shows it; UpYun's
    // and QingStor's S3-compatible endpoints answer in this shape.
    let body = br#"<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The resource you requested does not exist &amp; never did</Message>
  <Resource>/mybucket/myfoto.jpg</Resource>
  <RequestId>4442587FB7D0A2F9</RequestId>
</Error>"#;
    let err = QingStorError::parse_parts(StatusCode::NOT_FOUND, &HeaderMap::new(), body);
    assert_eq!(err.body_format(), BodyFormat::Xml);
    assert_eq!(err.raw_code().map(|c| c.as_str()), Some("NoSuchKey"));
    assert_eq!(err.message(), Some("The resource you requested does not exist & never did"));
    assert_eq!(err.request_id(), Some("4442587FB7D0A2F9"));
    assert_eq!(
        err.to_string(),
        "qingstor NoSuchKey: The resource you requested does not exist & never did (HTTP 404, request 4442587FB7D0A2F9)"
    );
    let err = UpyunError::parse_parts(
        StatusCode::FORBIDDEN,
        &HeaderMap::new(),
        b"<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
    );
    assert_eq!(
        (err.body_format(), err.raw_code().map(|c| c.as_str()), err.message()),
        (BodyFormat::Xml, Some("AccessDenied"), Some("Access Denied"))
    );
    // An HTML page is still a page.
    let err = UpyunError::parse_parts(
        StatusCode::BAD_GATEWAY,
        &HeaderMap::new(),
        b"<html><title>502 Bad Gateway</title><Error>x</Error></html>",
    );
    assert_eq!((err.body_format(), err.message(), err.raw_code()), (BodyFormat::Html, Some("502 Bad Gateway"), None));
}

#[test]
fn r15_a_compressed_body_is_reported_as_compressed() {
    use cloud_errcodes::{BodyFormat, http::HeaderValue};
    // `{"code":40300004}` as `gzip -n` writes it (what `curl -i` without `--compressed` captures).
    let gzipped: &[u8] = &[
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xab, 0x56, 0x4a, 0xce, 0x4f, 0x49, 0x55, 0xb2,
        0x32, 0x31, 0x30, 0x36, 0x00, 0x02, 0x93, 0x5a, 0x00, 0xb8, 0xcf, 0xc0, 0x55, 0x11, 0x00, 0x00, 0x00,
    ];
    let mut gzip = HeaderMap::new();
    gzip.insert("content-encoding", HeaderValue::from_static("gzip"));
    let err = UpyunError::parse_parts(StatusCode::FORBIDDEN, &gzip, gzipped);
    assert_eq!(err.body_format(), BodyFormat::Compressed);
    assert_eq!(
        UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), gzipped).body_format(),
        BodyFormat::Compressed
    );
    let mut br = HeaderMap::new();
    br.insert("content-encoding", HeaderValue::from_static("br"));
    assert_eq!(
        UpyunError::parse_parts(StatusCode::FORBIDDEN, &br, b"\x8b\x02\x80\xff\x00").body_format(),
        BodyFormat::Compressed
    );
    // Labelled but decoded (curl --compressed keeps the header): read as what it is.
    let err = UpyunError::parse_parts(StatusCode::FORBIDDEN, &gzip, br#"{"code":40300004}"#);
    assert_eq!((err.body_format(), err.code()), (BodyFormat::Json, Some(UpyunError::BucketFull)));
    // Binary without a label or gzip's magic is still unreadable; no body is still empty.
    assert_eq!(
        UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), b"\x00\x01\x02").body_format(),
        BodyFormat::Unreadable
    );
    assert_eq!(UpyunError::parse_parts(StatusCode::FORBIDDEN, &gzip, b"").body_format(), BodyFormat::Empty);
}
