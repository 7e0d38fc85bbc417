//! Fuzzes `parse_text` of every provider on any text (the input's UTF-8, invalid bytes
//! replaced); asserts the properties of `checks::check_text`.
#![no_main]

#[path = "checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    checks::check_text(&String::from_utf8_lossy(data));
});
