//! Fuzzes the CLI's splitting of `curl -i` captures; asserts the property in `capture.rs`.
#![no_main]

#[path = "../../src/bin/cloud-errcodes/input.rs"]
#[allow(dead_code)] // the `--header` half is not fuzzed here
mod input;

#[path = "capture.rs"]
mod capture;

use libfuzzer_sys::fuzz_target;

/// What `input.rs` uses from the CLI's `main.rs`.
fn shown(text: &str) -> cloud_errcodes::Escaped<'_> {
    cloud_errcodes::Escaped(text)
}

fuzz_target!(|data: &[u8]| {
    capture::check_capture(data);
});
