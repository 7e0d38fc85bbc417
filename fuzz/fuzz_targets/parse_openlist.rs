//! Fuzzes the openlist response parser: any status from 100 to 999, any of the provider's headers,
//! any body; asserts the properties in `checks.rs`.
#![no_main]

#[path = "checks.rs"]
mod checks;

use cloud_errcodes::OpenListError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(response) = checks::response(data) else { return };
    checks::check_parse::<OpenListError>(&response, &checks::OPENLIST);
    if let Ok(text) = std::str::from_utf8(response.body) {
        checks::check_symptoms(text);
    }
});
