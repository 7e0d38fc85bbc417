//! The properties every fuzz target asserts, as plain functions: the fuzz targets call them
//! on what libFuzzer makes, and `tests/fuzz_replay.rs` calls them on the committed corpus and
//! on every past crash, on a stable toolchain.
//!
//! An input is `[status: 2 bytes][header count: 1 byte]`, then per header
//! `[name: 1 byte][value length: 1 byte][value]`, then the body: so statuses 100..=999, the
//! provider's headers (duplicated, empty or not UTF-8) and bodies of any size all get fuzzed.
#![allow(dead_code)] // each target uses its own subset

use cloud_errcodes::{
    ApiError, BodyFormat, Lang, LeanCloudError, OpenListError, ParseResponse, Provider, QingStorError, UpyunError,
    response::MAX_BODY,
};
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use serde_json::Value;

/// The header names an input can pick from, by its name byte.
pub const HEADER_NAMES: &[&str] =
    &["x-request-id", "x-qs-request-id", "x-error-code", "retry-after", "date", "content-type", "server"];

/// A response made from fuzz bytes.
pub struct Response<'a> {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: &'a [u8],
}

/// Reads an input as described in the module docs; `None` when it is too short.
pub fn response(data: &[u8]) -> Option<Response<'_>> {
    let (&[s0, s1, count], mut rest) = data.split_first_chunk::<3>()?;
    let status = StatusCode::from_u16(100 + u16::from_le_bytes([s0, s1]) % 900).ok()?;
    let mut headers = HeaderMap::new();
    for _ in 0..count % 8 {
        let (&[name, len], after) = rest.split_first_chunk::<2>()?;
        let value = after.get(..usize::from(len))?;
        rest = &after[usize::from(len)..];
        if let Ok(value) = HeaderValue::from_bytes(value) {
            headers.append(HeaderName::from_static(HEADER_NAMES[usize::from(name) % HEADER_NAMES.len()]), value);
        }
    }
    Some(Response { status, headers, body: rest })
}

/// Encodes a response the way [`response`] reads it (for building the seed corpus).
pub fn encode(status: u16, headers: &[(&str, &[u8])], body: &[u8]) -> Vec<u8> {
    let mut out = (status - 100).to_le_bytes().to_vec();
    out.push(headers.len() as u8);
    for (name, value) in headers {
        out.push(HEADER_NAMES.iter().position(|n| n == name).expect("a known header name") as u8);
        out.push(value.len() as u8);
        out.extend_from_slice(value);
    }
    out.extend_from_slice(body);
    out
}

/// Text that may reach a terminal or a log line: one line, no control characters, bounded.
pub fn assert_printable(shown: &str) {
    // Control characters, line separators, and what shows nothing: bidirectional marks and
    // overrides, zero-width characters, the byte-order mark, soft hyphen, Hangul fillers and
    // the tag characters (R10 of the 2026-11-26 report).
    let bad = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{AD}'
                    | '\u{61C}'
                    | '\u{115F}'..='\u{1160}'
                    | '\u{180E}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{2028}'..='\u{202E}'
                    | '\u{2060}'..='\u{2064}'
                    | '\u{2066}'..='\u{206F}'
                    | '\u{3164}'
                    | '\u{FEFF}'
                    | '\u{FFA0}'
                    | '\u{E0000}'..='\u{E007F}'
            )
    };
    assert!(!shown.chars().any(bad), "not printable: {shown:?}");
    assert!(shown.len() < 16 * 1024, "{} bytes shown", shown.len());
}

/// Where a provider's parser looks, as far as the checks need it.
pub struct Keys {
    pub message: &'static [&'static str],
    pub request_id: &'static [&'static str],
    pub request_id_headers: &'static [&'static str],
}

pub const UPYUN: Keys =
    Keys { message: &["msg", "message"], request_id: &["id"], request_id_headers: &["x-request-id"] };
pub const QINGSTOR: Keys = Keys {
    message: &["message"],
    request_id: &["request_id"],
    request_id_headers: &["x-qs-request-id", "x-request-id"],
};
pub const LEANCLOUD: Keys =
    Keys { message: &["error", "message", "reason"], request_id: &[], request_id_headers: &["x-request-id"] };
pub const OPENLIST: Keys =
    Keys { message: &["message", "msg"], request_id: &[], request_id_headers: &["x-request-id"] };

/// Every property of `parse_parts` and `check_parts` on one response.
pub fn check_parse<E: ParseResponse>(response: &Response<'_>, keys: &Keys) -> ApiError<E> {
    let Response { status, headers, body } = response;
    let err = E::parse_parts(*status, headers, body);
    assert_eq!(err.wire_status(), *status);
    assert_printable(&err.to_string());
    assert_printable(&format!("{:?}", err.code()));
    if let Some(code) = err.code() {
        assert_eq!((err.kind(), err.retry()), (code.kind(), code.retry()));
    }
    // `check_parts` fails with exactly what `parse_parts` makes, or passes.
    match E::check_parts(*status, headers, body) {
        Err(failed) => assert!(failed == err, "check_parts and parse_parts disagree"),
        Ok(()) => assert!(status.as_u16() < 400 || *status == StatusCode::NOT_MODIFIED, "{status} passed"),
    }
    if status.as_u16() >= 400 {
        assert!(E::check_parts(*status, headers, body).is_err(), "a {status} is a failure");
    }

    // A request id header that is text wins, trimmed, every distinct value of a repeated one
    // joined with `, `; otherwise the body's. (Fuzzed header values are shorter than the cap.)
    let header_id = keys.request_id_headers.iter().find_map(|name| {
        let mut values: Vec<&str> = Vec::new();
        for value in headers.get_all(*name) {
            let Ok(value) = std::str::from_utf8(value.as_bytes()) else { continue };
            let value = value.trim();
            if !value.is_empty() && !values.contains(&value) {
                values.push(value);
            }
        }
        (!values.is_empty()).then(|| values.join(", "))
    });
    if let Some(id) = &header_id {
        assert_eq!(err.request_id(), Some(id.as_str()));
    }
    assert_eq!(err.is_truncated(), body.len() > MAX_BODY);

    // On valid JSON the scanner agrees with serde_json.
    if body.len() <= MAX_BODY {
        if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
            assert_eq!(err.body_format(), BodyFormat::Json);
            let first = |names: &[&str]| names.iter().find_map(|name| map.get(*name));
            match first(keys.message) {
                Some(Value::String(m)) => assert_eq!(err.message(), Some(&m[..m.len().min(MAX_BODY)]), "message"),
                // An error object where the message belongs is kept as its JSON text.
                Some(object @ Value::Object(_)) => {
                    let ours = err.message().and_then(|text| serde_json::from_str::<Value>(text).ok());
                    assert_eq!(ours.as_ref(), Some(object), "message object");
                }
                _ => assert_eq!(err.message(), None, "message"),
            }
            if header_id.is_none() {
                assert_eq!(err.request_id(), first(keys.request_id).and_then(Value::as_str), "request id");
            }
            // OpenList's envelope: a 2xx whose code is not 200 and that has a message under any
            // key the parser reads fails `check_parts` (R2, R3 of the 2026-11-26 report).
            if E::PROVIDER == Provider::OpenList && status.is_success() {
                let is_200 = match map.get("code") {
                    Some(Value::Number(n)) => Some(n.as_f64() == Some(200.0)),
                    Some(Value::String(s)) => Some(s.trim() == "200"),
                    _ => None,
                };
                if is_200 == Some(false) && keys.message.iter().any(|key| map.contains_key(*key)) {
                    assert!(
                        E::check_parts(*status, headers, body).is_err(),
                        "an envelope with code {:?} passed",
                        map["code"]
                    );
                }
            }
            match map.get("code") {
                Some(Value::String(code)) => assert_eq!(err.raw_code().map(|c| c.as_str()), Some(code.as_str())),
                Some(Value::Number(n)) => {
                    let raw = err.raw_code().expect("a numeric code is kept");
                    assert!(raw.is_number());
                    if let Some(n) = n.as_i64() {
                        assert_eq!(raw.to_i64(), Some(n), "{raw:?}");
                    }
                }
                Some(_) | None if headers.get("x-error-code").is_none() => assert_eq!(err.raw_code(), None),
                _ => {}
            }
        }
    }
    err
}

/// `parse_batch`: every item is an error unless it reported success, and each prints safely.
pub fn check_batch(body: &[u8]) {
    let mut count = 0;
    for item in cloud_errcodes::leancloud::parse_batch(body) {
        count += 1;
        if let Err(err) = item {
            assert_printable(&err.to_string());
            assert_eq!(err.wire_status(), StatusCode::OK);
        }
    }
    // Every item takes at least one byte and a separator.
    assert!(count <= body.len().div_ceil(2), "{count} items from {} bytes", body.len());
}

/// `match_message` and `from_message` agree, and the match is where it says.
pub fn check_symptoms(text: &str) {
    let found = OpenListError::match_message(text);
    assert_eq!(found.as_ref().map(|m| m.error()), OpenListError::from_message(text));
    if let Some(found) = found {
        let matched = text.get(found.span()).expect("the span is a char range of the text");
        assert!(matched.eq_ignore_ascii_case(found.pattern()), "{matched:?} is {:?}", found.pattern());
        assert!(found.error().patterns().contains(&found.pattern()));
        if let Some(tail) = found.tail() {
            assert!(text.contains(tail) && !tail.contains('\n'));
        }
    }
}

/// `FromStr` of every public enum: never a panic, a found code reads back, and the error
/// prints safely.
pub fn check_from_str(text: &str) {
    fn one<E: ParseResponse>(text: &str) {
        match text.parse::<E>() {
            Ok(code) => {
                assert_eq!(code.code_str().parse::<E>().map(|c| c.code_str()), Ok(code.code_str()));
                let (found, given) = (code.code_str(), text.trim());
                if found.contains('x') {
                    // A templated code (`503xx006`): the text has its digits where it has `x`.
                    assert!(
                        found.len() == given.len()
                            && found.bytes().zip(given.bytes()).all(|(t, g)| t == g || t == b'x'),
                        "{given:?} is no {found}"
                    );
                } else if code.numeric_code().is_none() {
                    assert_eq!(found, given);
                }
            }
            Err(err) => {
                assert_eq!(err.provider(), E::PROVIDER);
                assert_printable(&err.to_string());
            }
        }
    }
    one::<UpyunError>(text);
    one::<QingStorError>(text);
    one::<LeanCloudError>(text);
    one::<OpenListError>(text);
    for result in [text.parse::<Provider>().map(|p| p.to_string()), text.parse::<Lang>().map(|l| l.to_string())] {
        match result {
            Ok(name) => assert!(name.eq_ignore_ascii_case(text.trim()) || !name.is_empty()),
            Err(err) => assert_printable(&err.to_string()),
        }
    }
}

/// `parse_text` of every provider on any text: an error found prints as one safe line, carries
/// evidence and a real status, and its raw code is text the input holds; a text with no letter
/// or digit holds no error; a JSON body whose top-level object names a documented UpYun or
/// QingStor code reads as `parse_parts` reads it.
pub fn check_text(text: &str) {
    let has_word = text.chars().any(char::is_alphanumeric);
    for &provider in Provider::ALL {
        let Some(err) = provider.parse_text(text) else { continue };
        assert!(has_word, "{provider} finds {err} in a text with no letter or digit");
        assert_printable(&err.to_string());
        assert!(err.evidence().is_some());
        assert!((100..=599).contains(&err.http_status().as_u16()));
        if let Some(raw) = err.raw_code() {
            assert!(text.contains(raw.as_str()), "raw code {:?} is not in the text", raw.as_str());
        }
    }
    let trimmed = text.trim();
    if !(trimmed.starts_with('{') && trimmed.ends_with('}')) {
        return;
    }
    for provider in [Provider::Upyun, Provider::QingStor] {
        let parsed = provider.parse_parts(StatusCode::BAD_REQUEST, &HeaderMap::new(), text.as_bytes());
        if parsed.body_format() != BodyFormat::Json || parsed.code().is_none() || parsed.message().is_none() {
            continue;
        }
        let found = provider.parse_text(text).expect("a documented code in the provider's body");
        assert_eq!(found.code_str(), parsed.code_str(), "{provider}");
        assert_eq!(found.raw_code(), parsed.raw_code(), "{provider}");
    }
}
