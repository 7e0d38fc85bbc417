//! Shared helpers for the table-driven parser tests.
#![allow(dead_code)] // each test crate uses its own subset

use cloud_errcodes::{ApiError, BodyFormat, ErrorKind, ParseResponse};
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};

/// One fixture: what came in, and what the parser must make of it.
pub struct Case<E: 'static> {
    pub name: &'static str,
    pub status: u16,
    pub headers: &'static [(&'static str, &'static str)],
    pub body: &'static [u8],
    pub code: Option<E>,
    pub raw: Option<&'static str>,
    pub message: Option<&'static str>,
    pub request_id: Option<&'static str>,
    pub kind: ErrorKind,
    pub format: BodyFormat,
}

pub fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(HeaderName::from_bytes(name.as_bytes()).unwrap(), HeaderValue::from_str(value).unwrap());
    }
    map
}

pub fn parse<E: ParseResponse>(status: u16, pairs: &[(&str, &str)], body: &[u8]) -> ApiError<E> {
    E::parse_parts(StatusCode::from_u16(status).unwrap(), &headers(pairs), body)
}

/// Runs every case and reports all mismatches at once.
pub fn run<E: ParseResponse>(cases: &[Case<E>]) {
    let mut failures = Vec::new();
    for case in cases {
        let err: ApiError<E> = parse(case.status, case.headers, case.body);
        let got = (
            err.code(),
            err.raw_code().map(|r| r.as_str().to_owned()),
            err.message().map(str::to_owned),
            err.request_id().map(str::to_owned),
            err.kind(),
            err.body_format(),
        );
        let want = (
            case.code,
            case.raw.map(str::to_owned),
            case.message.map(str::to_owned),
            case.request_id.map(str::to_owned),
            case.kind,
            case.format,
        );
        if got != want {
            failures.push(format!("{}:\n   got {got:?}\n  want {want:?}", case.name));
        }
        // The status line always survives, and Display is one line naming the provider.
        assert_eq!(err.wire_status().as_u16(), case.status, "{}", case.name);
        let shown = err.to_string();
        assert!(shown.starts_with(E::PROVIDER.as_str()) && !shown.contains('\n'), "{}: {shown:?}", case.name);
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[allow(unused_macros)] // each test crate uses its own subset
/// One fixture as a labelled row: what came in (`name`, `status`, `headers`, `body`), then what
/// the parser must make of it.
macro_rules! t {
    (
        name: $name:expr, status: $status:expr, headers: $headers:expr, body: $body:expr,
        code: $code:expr, raw: $raw:expr, message: $message:expr, request_id: $request_id:expr,
        kind: $kind:expr, format: $format:expr $(,)?
    ) => {
        common::Case {
            name: $name,
            status: $status,
            headers: $headers,
            body: $body,
            code: $code,
            raw: $raw,
            message: $message,
            request_id: $request_id,
            kind: $kind,
            format: $format,
        }
    };
}

#[allow(unused_imports)]
pub(crate) use t;
