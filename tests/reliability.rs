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
