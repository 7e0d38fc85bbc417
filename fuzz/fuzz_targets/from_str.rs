//! Fuzzes `FromStr` of every public enum; asserts the properties in `checks.rs`.
#![no_main]

#[path = "checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    checks::check_from_str(&String::from_utf8_lossy(data));
});
