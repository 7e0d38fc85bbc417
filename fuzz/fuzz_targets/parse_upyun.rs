//! Fuzzes the upyun response parser: any status from 100 to 999, any of the provider's headers,
//! any body; asserts the properties in `checks.rs`.
#![no_main]

#[path = "checks.rs"]
mod checks;

use cloud_errcodes::UpyunError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(response) = checks::response(data) else { return };
    checks::check_parse::<UpyunError>(&response, &checks::UPYUN);
});
