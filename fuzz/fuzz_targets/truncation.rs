//! Fuzzes cut JSON bodies of every provider: a prefix never yields a field the whole body
//! contradicts; asserts the property in `cuts.rs`.
#![no_main]

#[path = "cuts.rs"]
mod cuts;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    cuts::check_cuts(data);
});
