//! Fuzzes the upyun response parser: any status, a request id header, any body.
#![no_main]

use cloud_errcodes::{ProviderError, UpyunError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((head, body)) = data.split_first_chunk::<2>() else { return };
    let status = http::StatusCode::from_u16(100 + u16::from_le_bytes(*head) % 500).unwrap();
    let mut headers = http::HeaderMap::new();
    headers.insert("x-request-id", http::HeaderValue::from_static("fuzz"));
    let err = UpyunError::parse_parts(status, &headers, body);
    assert_eq!(err.wire_status(), status);
    assert_eq!(err.request_id(), Some("fuzz"));
    let _ = err.to_string();
    let _ = UpyunError::check_parts(status, &headers, body);
});
