//! Fuzzes the leancloud response parser: any status, a request id header, any body.
#![no_main]

#[path = "common.rs"]
mod common;

use cloud_errcodes::LeanCloudError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let body = common::check::<LeanCloudError>(data);
    if let Some(body) = body {
        let _ = cloud_errcodes::leancloud::parse_batch(body);
    }
});
