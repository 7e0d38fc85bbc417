//! Property tests of the response parser: it never panics, always keeps the status line and
//! the request id header, reads back every catalogue entry, and agrees with `serde_json` on
//! every valid JSON body.

mod common;

use cloud_errcodes::{
    ApiError, LeanCloudError, OpenListError, ParseResponse, ProviderError, QingStorError, RawCode, UpyunError,
};
use common::{headers, parse};
use proptest::prelude::*;
use serde_json::Value;

/// Real bodies, the seeds of the mutation tests.
const REAL_BODIES: &[&[u8]] = &[
    br#"{"msg": "file or directory not found", "code": 40400001, "id": "11e4a729d24943409933a5e8314cd32e"}"#,
    br#"{"code": "bucket_not_empty", "message": "Bucket is not empty", "request_id": "aa08cf7a43f611e5", "url": "http://docs.qingcloud.com/qingstor/api/error_code.html"}"#,
    br#"{"code": 137, "error": "A unique field was given a value that is already taken."}"#,
    br#"{"code": 500, "message": "failed get objs: failed to list objs: query fail [61008]", "data": null}"#,
    br#"[{"success": {}}, {"error": {"code": 137, "error": "x"}}]"#,
    b"<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n</html>",
    br#"{"msg": "a \"q\" \\ \/ \n \u4e2d \ud83d\ude00 end", "code": "40300004"}"#,
];

fn check_invariants<E: ParseResponse>(status: u16, id: &str, body: &[u8]) -> ApiError<E> {
    let err: ApiError<E> = parse(status, &[("x-request-id", id), ("x-qs-request-id", id)], body);
    assert_eq!(err.wire_status().as_u16(), status);
    assert_eq!(err.request_id(), Some(id));
    assert!(!err.to_string().contains('\n'));
    if let Some(message) = err.message() {
        assert!(message.len() <= body.len() * 3 + 3, "a message is never larger than what it was decoded from");
    }
    err
}

fn all_providers(status: u16, id: &str, body: &[u8]) {
    check_invariants::<UpyunError>(status, id, body);
    check_invariants::<QingStorError>(status, id, body);
    check_invariants::<LeanCloudError>(status, id, body);
    check_invariants::<OpenListError>(status, id, body);
    let _ = cloud_errcodes::leancloud::parse_batch(body);
}

/// How many cases a property runs: all of them with `CLOUD_ERRCODES_FULL_PROPTESTS` set (CI) or
/// in an optimised build, a quarter in a debug build.
fn cases(full: u32) -> u32 {
    match std::env::var_os("CLOUD_ERRCODES_FULL_PROPTESTS").is_some() || !cfg!(debug_assertions) {
        true => full,
        false => full / 4,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(512), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(status in 100u16..=599, id in "[a-z0-9]{1,32}", body in prop::collection::vec(any::<u8>(), 0..600)) {
        all_providers(status, &id, &body);
    }

    #[test]
    fn mutated_real_bodies_never_panic(
        seed in prop::sample::select(REAL_BODIES),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
        cut in any::<prop::sample::Index>(),
        status in 100u16..=599,
    ) {
        let mut body = seed.to_vec();
        for (at, byte, op) in edits {
            let i = at.index(body.len().max(1)).min(body.len());
            match op {
                0 if i < body.len() => body[i] = byte,
                1 => body.insert(i, byte),
                _ if i < body.len() => { body.remove(i); }
                _ => {}
            }
        }
        body.truncate(cut.index(body.len() + 1));
        all_providers(status, "req-1", &body);
    }

    #[test]
    fn deep_nesting_is_skipped_without_recursion(depth in 1usize..200_000) {
        let mut body = br#"{"data": "#.to_vec();
        body.extend(std::iter::repeat_n(b'[', depth));
        body.extend(std::iter::repeat_n(b']', depth));
        body.extend(br#", "code": 40300004}"#);
        let err = check_invariants::<UpyunError>(403, "r", &body);
        let complete = body.len() <= cloud_errcodes::response::MAX_BODY;
        prop_assert_eq!(err.code(), complete.then_some(UpyunError::BucketFull));
    }
}

/// A body built from every catalogue entry reads back as that entry.
#[test]
fn every_catalogue_entry_reads_back() {
    for e in UpyunError::all() {
        // A templated CDN code (`503xx001`) arrives with real digits in place of the `x`.
        let code: u32 = e.code_str().replace('x', "4").parse().unwrap();
        let body = serde_json::json!({"msg": e.message(), "code": code, "id": "x"}).to_string();
        assert_eq!(parse::<UpyunError>(e.http_status().as_u16(), &[], body.as_bytes()).code(), Some(e));
        let cdn = serde_json::json!({"code": code.to_string(), "msg": e.message()}).to_string();
        assert_eq!(parse::<UpyunError>(e.http_status().as_u16(), &[], cdn.as_bytes()).code(), Some(e));
    }
    for e in QingStorError::all() {
        let body = serde_json::json!({"code": e.code(), "message": "m", "request_id": "r"}).to_string();
        assert_eq!(parse::<QingStorError>(e.http_status().as_u16(), &[], body.as_bytes()).code(), Some(e));
    }
    for e in LeanCloudError::all() {
        let body = serde_json::json!({"code": e.code(), "error": e.message()}).to_string();
        let parsed = parse::<LeanCloudError>(e.http_status().as_u16(), &[], body.as_bytes()).code();
        let expected = if e.message().is_empty() { LeanCloudError::from_code(e.code()) } else { Some(e) };
        assert_eq!(parsed, expected, "{e:?}");
    }
    for e in OpenListError::all() {
        let body =
            serde_json::json!({"code": e.http_status().as_u16(), "message": e.message().to_lowercase(), "data": null})
                .to_string();
        let err = parse::<OpenListError>(200, &[], body.as_bytes());
        assert_eq!(err.code(), Some(e));
        assert_eq!(err.http_status(), e.http_status());
    }
}

// ---- Differential tests against serde_json ----------------------------------------------

/// A JSON value to write, with the freedom a server has in writing it.
#[derive(Clone, Debug)]
enum J {
    Str(String),
    Int(i64),
    Float(f64),
    Null,
    Bool(bool),
    Object(Vec<(String, J)>),
    Array(Vec<J>),
}

const KEYS: &[&str] = &["code", "msg", "message", "error", "id", "request_id", "url", "data", "x", "Code", ""];

fn json_value() -> impl Strategy<Value = J> {
    let leaf = prop_oneof![
        any::<String>().prop_map(J::Str),
        "[a-z \"\\\\/\u{0}-\u{1f}\u{4e2d}\u{1f600}]{0,12}".prop_map(J::Str),
        any::<i64>().prop_map(J::Int),
        (-1e12f64..1e12).prop_map(J::Float),
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec((prop::sample::select(KEYS).prop_map(str::to_owned), inner.clone()), 0..4)
                .prop_map(J::Object),
            prop::collection::vec(inner, 0..4).prop_map(J::Array),
        ]
    })
}

/// How to write: which characters to `\u`-escape, whether to escape `/`, what whitespace to use.
#[derive(Clone, Copy, Debug)]
struct Style {
    unicode_escapes: bool,
    escape_slash: bool,
    space: &'static str,
}

fn write_str(out: &mut String, s: &str, style: Style, salt: &mut u32) {
    out.push('"');
    for c in s.chars() {
        *salt = salt.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let escape_this = style.unicode_escapes && (*salt >> 16) % 3 == 0;
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' if style.escape_slash => out.push_str("\\/"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || escape_this => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write(out: &mut String, value: &J, style: Style, salt: &mut u32) {
    match value {
        J::Str(s) => write_str(out, s, style, salt),
        J::Int(n) => out.push_str(&n.to_string()),
        J::Float(f) => out.push_str(&format!("{f:?}")),
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Object(fields) => {
            out.push('{');
            for (i, (k, v)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(style.space);
                write_str(out, k, style, salt);
                out.push_str(style.space);
                out.push(':');
                out.push_str(style.space);
                write(out, v, style, salt);
            }
            out.push_str(style.space);
            out.push('}');
        }
        J::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(out, v, style, salt);
            }
            out.push(']');
        }
    }
}

/// What the reference says a provider should read from a top-level object.
fn expected_text(map: &serde_json::Map<String, Value>, keys: &[&str]) -> Option<String> {
    let key = keys.iter().find(|k| map.contains_key(**k))?;
    map[*key].as_str().map(str::to_owned)
}

/// A message as the reference reads it: the string under the first of `keys` present, or, for
/// an object there, JSON text that reads back as that object.
fn same_message(ours: Option<&str>, map: &serde_json::Map<String, Value>, keys: &[&str]) -> bool {
    let Some(key) = keys.iter().find(|k| map.contains_key(**k)) else { return ours.is_none() };
    match &map[*key] {
        Value::String(text) => ours == Some(text.as_str()),
        object @ Value::Object(_) => {
            ours.and_then(|text| serde_json::from_str::<Value>(text).ok()).as_ref() == Some(object)
        }
        _ => ours.is_none(),
    }
}

fn same_code(ours: Option<&RawCode>, reference: Option<&Value>) -> bool {
    match (ours, reference) {
        (None, None | Some(Value::Null | Value::Bool(_) | Value::Object(_) | Value::Array(_))) => true,
        (Some(a), Some(Value::String(b))) if !a.is_number() => a.as_str() == b,
        (Some(a), Some(Value::Number(b))) if a.is_number() => match (b.as_i64(), a.as_str().parse::<i64>()) {
            (Some(b), Ok(a)) => a == b,
            // serde_json's default float parsing may differ from the exact value in the last
            // bit; our raw code keeps the literal as written, so compare the values loosely.
            _ => match (a.as_str().parse::<f64>(), b.as_f64()) {
                (Ok(a), Some(b)) => (a - b).abs() <= a.abs().max(b.abs()) * 1e-15,
                _ => false,
            },
        },
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(1024), ..ProptestConfig::default() })]

    #[test]
    fn top_level_fields_agree_with_serde_json(
        fields in prop::collection::vec((prop::sample::select(KEYS).prop_map(str::to_owned), json_value()), 0..8),
        unicode_escapes in any::<bool>(),
        escape_slash in any::<bool>(),
        space in prop::sample::select(&["", " ", "\n\t ", "\r\n"][..]),
        salt in any::<u32>(),
    ) {
        let mut body = String::new();
        let mut salt = salt;
        write(&mut body, &J::Object(fields), Style { unicode_escapes, escape_slash, space }, &mut salt);
        let reference: Value = serde_json::from_str(&body).expect("the writer writes valid JSON");
        let map = reference.as_object().unwrap();

        let upyun = parse::<UpyunError>(400, &[], body.as_bytes());
        prop_assert!(same_code(upyun.raw_code(), map.get("code")), "code: {:?} vs {:?} in {body}", upyun.raw_code(), map.get("code"));
        prop_assert!(same_message(upyun.message(), map, &["msg", "message"]), "message: {:?} in {body}", upyun.message());
        prop_assert_eq!(upyun.request_id().map(str::to_owned), expected_text(map, &["id"]));
        prop_assert_eq!(upyun.body_format(), cloud_errcodes::BodyFormat::Json);

        let qingstor = parse::<QingStorError>(400, &[], body.as_bytes());
        prop_assert!(same_message(qingstor.message(), map, &["message"]), "message: {:?} in {body}", qingstor.message());
        prop_assert_eq!(qingstor.request_id().map(str::to_owned), expected_text(map, &["request_id"]));
        prop_assert_eq!(qingstor.url().map(str::to_owned), expected_text(map, &["url"]));

        let leancloud = parse::<LeanCloudError>(400, &[], body.as_bytes());
        prop_assert!(same_message(leancloud.message(), map, &["error", "message"]), "message: {:?} in {body}", leancloud.message());
        prop_assert!(same_code(leancloud.raw_code(), map.get("code")));
    }
}

#[test]
fn header_request_id_beats_the_body_for_every_provider() {
    let body = br#"{"code": 1, "id": "body", "request_id": "body"}"#;
    let h = headers(&[("x-request-id", "header"), ("x-qs-request-id", "header")]);
    assert_eq!(UpyunError::parse_parts(http::StatusCode::BAD_REQUEST, &h, body).request_id(), Some("header"));
    assert_eq!(QingStorError::parse_parts(http::StatusCode::BAD_REQUEST, &h, body).request_id(), Some("header"));
}
