//! `check_body` judges only on whole tokens: however a body is cut into chunks, the verdict is
//! the one `check_parts` gives on the whole body (issue #20, R4 and R5). Replays the
//! `check_chunked` fuzz target's seeds and past crashes through the same property.

#[path = "../fuzz/fuzz_targets/chunked.rs"]
mod chunked;

use std::{fs, path::Path};

use chunked::{Chunks, agree, ready};
use cloud_errcodes::{
    OpenListError, ParseBody, UpyunError,
    http::{HeaderMap, Response, StatusCode},
};

/// `check_body` on `chunks` sent one after the other: `Ok` or the error's display.
fn judged(chunks: &[&[u8]]) -> Result<(), String> {
    let body: Vec<u8> = chunks.concat();
    let mut cuts = Vec::new();
    for chunk in &chunks[..chunks.len() - 1] {
        cuts.push(cuts.last().copied().unwrap_or(0) + chunk.len());
    }
    let response = Response::new(Chunks::new(&body, cuts));
    ready(OpenListError::check_body(response)).map(drop).map_err(|err| err.to_string())
}

fn whole(body: &[u8]) -> Result<(), String> {
    OpenListError::check_parts(StatusCode::OK, &HeaderMap::new(), body).map_err(|err| err.to_string())
}

/// R4: the probe's splits (`shared/research/reliability-2026-11-26.md`, R4): a chunk that ends
/// inside the code decided the verdict.
#[test]
fn a_chunk_ending_inside_the_code_decides_nothing() {
    // Was `Err("openlist 2: success (HTTP 200)")`.
    let success: [&[u8]; 2] = [br#"{"message":"success","code":2"#, br#"00,"data":{"content":[]}}"#];
    assert_eq!(judged(&success), Ok(()));
    assert_eq!(whole(&success.concat()), Ok(()));

    // Was `Ok`: 200 and then 1 is the code 2001.
    let failure: [&[u8]; 2] = [br#"{"code":200"#, br#"1,"message":"x","data":null}"#];
    assert_eq!(judged(&failure), whole(&failure.concat()));
    assert_eq!(judged(&failure), Err("openlist 2001: x (HTTP 200)".to_owned()));

    // OpenList's own key order was judged right, and still is.
    let own: [&[u8]; 2] =
        [br#"{"code":5"#, br#"00,"message":"failed get objs: failed to list objs: query fail [61008]","data":null}"#];
    let err = judged(&own).unwrap_err();
    assert_eq!(Err(err.clone()), whole(&own.concat()));
    assert!(err.starts_with("openlist query_fail_61008: "), "{err}");
}

/// R5: a first chunk that ends inside a UTF-8 byte-order mark passed a failure.
#[test]
fn a_chunk_ending_inside_a_byte_order_mark_decides_nothing() {
    let failure = br#"{"code":500,"message":"failed get objs: failed to list objs: query fail [61008]","data":null}"#;
    for cut in 1..3 {
        let body = [b"\xEF\xBB\xBF".as_slice(), failure].concat();
        let (first, rest) = body.split_at(cut);
        let err = judged(&[first, rest]).expect_err("a failure after a byte-order mark");
        assert!(err.starts_with("openlist query_fail_61008: "), "cut at {cut}: {err}");
        assert_eq!(Err(err), whole(&body));
    }
    // Bytes that only start like a mark are no mark: a success at once, as for the whole body.
    assert_eq!(judged(&[b"\xEF\xBB", b"x{\"code\":500}"]), Ok(()));
    assert_eq!(judged(&[b"\xEF"]), whole(b"\xEF"));
}

/// A body that does not start with `{` is still decided from its first chunk, even when that
/// chunk ends in a word (a download, a text file).
#[test]
fn other_bodies_are_decided_at_once() {
    let mut response = Response::new(Chunks::new(b"hello world", [5]));
    *response.status_mut() = StatusCode::OK;
    assert!(ready(OpenListError::check_body(response)).is_ok());
}

/// A repeated `code`: the first one counts, for the whole body and every split alike.
#[test]
fn of_a_repeated_code_the_first_counts() {
    let body = br#"{"code":500,"message":"x","code":200}"#;
    assert!(whole(body).is_err());
    for cut in 0..=body.len() {
        agree::<OpenListError>(StatusCode::OK, body, &[cut]);
    }
    let body = br#"{"code":200,"message":"x","code":500}"#;
    assert_eq!(whole(body), Ok(()));
}

/// Status-judged providers hand the body back untouched, and fail at once on the status.
#[test]
fn upyun_is_judged_by_status() {
    let body = br#"{"msg":"file or directory not found","code":40400001}"#;
    for cut in 0..=body.len() {
        agree::<UpyunError>(StatusCode::NOT_FOUND, body, &[cut]);
        agree::<UpyunError>(StatusCode::OK, body, &[cut]);
    }
}

/// Every offset of the regression bodies, and one-byte chunks.
#[test]
fn regression_bodies_at_every_offset() {
    let bodies: &[&[u8]] = &[
        br#"{"message":"success","code":200,"data":{"content":[]}}"#,
        br#"{"code":2001,"message":"x","data":null}"#,
        b"\xEF\xBB\xBF{\"code\":500,\"message\":\"object not found\",\"data\":null}",
        br#" {"code" : -500e0 , "message" : "m"}"#,
        br#"{"code":"500","message":"m"}"#,
        br#"{"code":200.0,"message":"m"}"#,
        br#"{"code":true,"message":"m","code":500}"#,
        br#"{"message":"m","code":500,"x":null}"#,
        br#"{"message":"m","code":500,"x":nullx}"#,
        br#"{"message":"m","code":null,"code":500}"#,
        b"",
        b"   ",
        b"\xEF\xBB",
    ];
    for body in bodies {
        let mut data = vec![0, 0, 0, 0];
        data.extend_from_slice(body);
        chunked::check_chunked(&data);
    }
}

/// The committed seeds and every past crash of the fuzz target.
#[test]
fn fuzz_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = fs::read_dir(root.join(dir).join("check_chunked")) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let data = fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| chunked::check_chunked(&data));
            assert!(outcome.is_ok(), "{} fails its checks", path.display());
            count += 1;
        }
    }
    assert!(count >= 10, "{count} inputs");
}
