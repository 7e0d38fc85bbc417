//! Fuzzes the openlist response parser: any status, a request id header, any body.
#![no_main]

#[path = "common.rs"]
mod common;

use cloud_errcodes::OpenListError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let body = common::check::<OpenListError>(data);
    if let Some(text) = body.and_then(|body| std::str::from_utf8(body).ok()) {
        let _ = OpenListError::match_message(text);
    }
});
