//! Property tests of `parse_text`: a raw body reads as `parse_parts` reads it; the same text
//! wrapped in log noise (timestamps, levels, prefixes, ANSI colours, CRLF line ends) finds the
//! same error; nothing panics, and the raw code always comes from the text.

#![cfg(all(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist"))]

use cloud_errcodes::{
    AnyApiError, LeanCloudError, OpenListError, ParseResponse, Provider, ProviderError, QingStorError, UpyunError,
};
use http::{HeaderMap, StatusCode};
use proptest::prelude::*;

/// How many cases a property runs: all of them with `CLOUD_ERRCODES_FULL_PROPTESTS` set (CI) or
/// in an optimised build, a quarter in a debug build.
fn cases(full: u32) -> u32 {
    match std::env::var_os("CLOUD_ERRCODES_FULL_PROPTESTS").is_some() || !cfg!(debug_assertions) {
        true => full,
        false => full / 4,
    }
}

/// A body of `provider` naming its entry `index` (modulo the catalogue's size), the way its
/// server writes it, with request id `id`; `pretty` spreads it over lines.
fn body(provider: Provider, index: usize, id: &str, pretty: bool) -> Option<String> {
    let value = match provider {
        Provider::Upyun => {
            let e = UpyunError::ALL[index % UpyunError::ALL.len()];
            let code: u32 = e.code_str().replace('x', "4").parse().ok()?;
            serde_json::json!({"msg": e.message(), "code": code, "id": id})
        }
        Provider::QingStor => {
            let e = QingStorError::ALL[index % QingStorError::ALL.len()];
            let message = e.wire_message().unwrap_or("m");
            serde_json::json!({"code": e.code(), "message": message, "request_id": id, "url": "https://docs.qingcloud.com/"})
        }
        Provider::LeanCloud => {
            let e = LeanCloudError::ALL[index % LeanCloudError::ALL.len()];
            // A code documented without a message is told from a look-alike's by nothing.
            if e.message().is_empty() {
                return None;
            }
            serde_json::json!({"code": e.code(), "error": e.message()})
        }
        _ => {
            let e = OpenListError::ALL[index % OpenListError::ALL.len()];
            serde_json::json!({"code": e.http_status().as_u16(), "message": e.message().to_lowercase(), "data": null})
        }
    };
    Some(match pretty {
        true => serde_json::to_string_pretty(&value).ok()?,
        false => value.to_string(),
    })
}

/// What two readings of one error must share.
fn fields(err: &AnyApiError) -> (Option<String>, Option<String>, Option<String>, Option<String>) {
    (
        err.code_str().map(str::to_owned),
        err.raw_code().map(|c| c.as_str().to_owned()),
        err.message().map(str::to_owned),
        err.request_id().map(str::to_owned),
    )
}

fn provider() -> impl Strategy<Value = Provider> {
    prop::sample::select(Provider::ALL.to_vec())
}

/// Log noise before a line: timestamps, levels (some in ANSI colour), loggers' prefixes.
fn prefix() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "2024-01-29 22:36:23 ",
        "[2020-04-21 10:02:11] ",
        "E1103 10:20:31.120 qs.go:88] ",
        "2024/03/02 10:11:12 ERROR : ",
        "\u{1b}[31mERRO\u{1b}[0m[0003] ",
        "\u{1b}[1;33mWARN\u{1b}[0m ",
        "[PicGo ERROR] ",
        "level=error ",
        "upload failed: ",
        "删除失败:",
        "response body: ",
        "app[web.1]: ",
    ]);
    prop::collection::vec(pieces, 0..4).prop_map(|pieces| pieces.concat())
}

/// What may follow an error's text on its line and after it.
fn suffix() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", "\n", "\r\n", "\n2024-01-29 22:36:24 INFO retrying\n", "\r\n\tat main.go:12\r\n"])
}

/// The positive rows of the tables of real renderings, single-line or not.
fn table_texts() -> Vec<(Provider, String)> {
    let mut texts = Vec::new();
    for &provider in Provider::ALL {
        let path = format!("{}/tests/data/text/{}.toml", env!("CARGO_MANIFEST_DIR"), provider.as_str());
        let table: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for case in table["case"].as_array().unwrap() {
            let case = case.as_table().unwrap();
            if case.get("none").is_some() || case.get("pending").is_some() {
                continue;
            }
            texts.push((provider, case["text"].as_str().unwrap().to_owned()));
        }
    }
    texts
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(512), ..ProptestConfig::default() })]

    #[test]
    fn a_raw_body_reads_as_parse_parts_reads_it(provider in provider(), index in 0usize..1000, id in "[a-f0-9]{8,32}", pretty in any::<bool>()) {
        let Some(body) = body(provider, index, &id, pretty) else { return Ok(()) };
        let parsed = provider.parse_parts(StatusCode::BAD_REQUEST, &HeaderMap::new(), body.as_bytes());
        let found = provider.parse_text(&body);
        prop_assert!(found.is_some(), "{provider} finds nothing in its own body {body}");
        let found = found.unwrap();
        prop_assert_eq!(fields(&found), fields(&parsed), "{}", body);
        prop_assert_eq!(found.evidence(), Some(cloud_errcodes::Evidence::Body));
        // The double-encoded body reads the same through both.
        let encoded = serde_json::to_string(&body).unwrap();
        let parsed_twice = provider.parse_parts(StatusCode::BAD_REQUEST, &HeaderMap::new(), encoded.as_bytes());
        prop_assert_eq!(fields(&parsed_twice), fields(&parsed), "{}", encoded);
        let found_twice = provider.parse_text(&encoded);
        prop_assert_eq!(found_twice.as_ref().map(fields), Some(fields(&parsed)), "{}", encoded);
    }

    #[test]
    fn a_body_in_log_noise_reads_the_same(
        provider in provider(), index in 0usize..1000, id in "[a-f0-9]{8,32}", pretty in any::<bool>(),
        before in prefix(), after in suffix(), quote in prop::sample::select(vec!["", "'", "`"]), crlf in any::<bool>(),
    ) {
        let Some(body) = body(provider, index, &id, pretty) else { return Ok(()) };
        let mut text = format!("{before}{quote}{body}{quote}{after}");
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        let alone = provider.parse_text(&body).map(|e| fields(&e));
        let wrapped = provider.parse_text(&text).map(|e| fields(&e));
        prop_assert_eq!(wrapped, alone, "{:?}", text);
    }

    #[test]
    fn a_real_rendering_in_log_noise_finds_the_same_error(
        row in prop::sample::select(table_texts()), before in prefix(), after in suffix(), crlf in any::<bool>(),
    ) {
        let (provider, text) = row;
        let mut wrapped = format!("{before}{text}{after}");
        if crlf {
            wrapped = wrapped.replace("\r\n", "\n").replace('\n', "\r\n");
        }
        let same = |err: &AnyApiError| (err.code_str().map(str::to_owned), err.request_id().map(str::to_owned), err.http_status());
        let alone = provider.parse_text(&text).map(|e| same(&e));
        prop_assert!(alone.is_some());
        prop_assert_eq!(provider.parse_text(&wrapped).map(|e| same(&e)), alone, "{:?}", wrapped);
    }

    #[test]
    fn any_text_never_panics_and_keeps_only_what_it_read(text in "(?s).{0,400}", provider in provider()) {
        if let Some(err) = provider.parse_text(&text) {
            if let Some(raw) = err.raw_code() {
                prop_assert!(text.contains(raw.as_str()), "raw code {:?} not in {:?}", raw.as_str(), text);
            }
            prop_assert!(!err.to_string().chars().any(char::is_control));
        }
    }

    #[test]
    fn mutated_renderings_never_panic(row in prop::sample::select(table_texts()), cut in 0usize..2000, insert in "(?s).{0,8}") {
        let (provider, text) = row;
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mutated = format!("{}{insert}{}", &text[..at], &text[at..]);
        for &p in Provider::ALL {
            let _ = p.parse_text(&mutated);
            let _ = p.parse_text(&text[..at]);
        }
        let _ = provider;
    }
}

#[test]
fn a_body_after_a_prefix_reads_through_the_typed_parser_too() {
    let text = r#"upload: PUT 403 {"msg":"bucket is full","code":40300004,"id":"11e4a729"}"#;
    let err = UpyunError::parse_text(text).unwrap();
    assert_eq!(err.code(), Some(UpyunError::BucketFull));
    assert_eq!(err.http_status(), StatusCode::FORBIDDEN);
    assert_eq!(<UpyunError as ParseResponse>::parse_text(text).unwrap(), err);
}
