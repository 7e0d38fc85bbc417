//! Fuzzes the upyun response parser: any status, a request id header, any body.
#![no_main]

#[path = "common.rs"]
mod common;

use cloud_errcodes::UpyunError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = common::check::<UpyunError>(data);
});
