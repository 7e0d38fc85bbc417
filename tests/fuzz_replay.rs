//! Replays the fuzz targets' committed seed corpus (`fuzz/seeds/<target>/`) and every past
//! crash (`fuzz/regressions/<target>/`) through the same checks the targets assert, on a
//! stable toolchain, so a crash found once stays fixed.

#[path = "../fuzz/fuzz_targets/checks.rs"]
mod checks;

#[path = "../src/bin/cloud-errcodes/input.rs"]
#[allow(dead_code)]
mod input;

#[path = "../fuzz/fuzz_targets/capture.rs"]
mod capture;

#[path = "../fuzz/fuzz_targets/cuts.rs"]
mod cuts;

use std::{fs, path::Path};

use cloud_errcodes::{LeanCloudError, OpenListError, QingStorError, UpyunError};

/// What `input.rs` uses from the CLI's `main.rs`.
fn shown(text: &str) -> cloud_errcodes::Escaped<'_> {
    cloud_errcodes::Escaped(text)
}

/// Runs `check` on every seed and regression input of `target`; returns how many there were.
fn replay(target: &str, check: impl Fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in [root.join("seeds").join(target), root.join("regressions").join(target)] {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let data = fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&data)));
            assert!(outcome.is_ok(), "{target}: {} fails its checks", path.display());
            count += 1;
        }
    }
    count
}

fn parse<E: cloud_errcodes::ParseResponse>(keys: &'static checks::Keys) -> impl Fn(&[u8]) {
    move |data| {
        if let Some(response) = checks::response(data) {
            checks::check_parse::<E>(&response, keys);
        }
    }
}

#[test]
fn upyun_corpus() {
    assert!(replay("parse_upyun", parse::<UpyunError>(&checks::UPYUN)) > 10);
}

#[test]
fn qingstor_corpus() {
    assert!(replay("parse_qingstor", parse::<QingStorError>(&checks::QINGSTOR)) > 10);
}

#[test]
fn leancloud_corpus() {
    let check = |data: &[u8]| {
        if let Some(response) = checks::response(data) {
            checks::check_parse::<LeanCloudError>(&response, &checks::LEANCLOUD);
            checks::check_batch(response.body);
        }
    };
    assert!(replay("parse_leancloud", check) > 10);
}

#[test]
fn openlist_corpus() {
    let check = |data: &[u8]| {
        if let Some(response) = checks::response(data) {
            checks::check_parse::<OpenListError>(&response, &checks::OPENLIST);
            if let Ok(text) = std::str::from_utf8(response.body) {
                checks::check_symptoms(text);
            }
        }
    };
    assert!(replay("parse_openlist", check) > 10);
}

#[test]
fn parse_text_corpus() {
    assert!(replay("parse_text", |data| checks::check_text(&String::from_utf8_lossy(data))) > 100);
}

#[test]
fn from_str_corpus() {
    assert!(replay("from_str", |data| checks::check_from_str(&String::from_utf8_lossy(data))) > 5);
}

#[test]
fn curl_capture_corpus() {
    assert!(replay("curl_capture", capture::check_capture) > 5);
}

#[test]
fn truncation_corpus() {
    assert!(replay("truncation", cuts::check_cuts) > 5);
}

/// The checks themselves catch what they claim to: a broken Display is not printable.
#[test]
fn checks_reject_what_they_should() {
    assert!(std::panic::catch_unwind(|| checks::assert_printable("a\nb")).is_err());
    assert!(std::panic::catch_unwind(|| checks::assert_printable("\u{1b}[31m")).is_err());
    assert!(std::panic::catch_unwind(|| checks::assert_printable("a\u{200f}b")).is_err());
    assert!(std::panic::catch_unwind(|| checks::assert_printable("a\u{e0041}")).is_err());
    checks::assert_printable("upyun 40300004: bucket is full (HTTP 403)");
    let encoded = checks::encode(403, &[("x-request-id", b"r")], b"{}");
    let response = checks::response(&encoded).unwrap();
    assert_eq!(
        (response.status.as_u16(), response.headers["x-request-id"].as_bytes(), response.body),
        (403, &b"r"[..], &b"{}"[..])
    );
}
