//! What every parser fuzz target checks: no panic, and the status and request id survive.

use cloud_errcodes::ProviderError;

/// The first two bytes choose the status; the rest is the body.
pub fn check<E: ProviderError>(data: &[u8]) -> Option<&[u8]> {
    let (head, body) = data.split_first_chunk::<2>()?;
    let status = http::StatusCode::from_u16(100 + u16::from_le_bytes(*head) % 500).ok()?;
    let mut headers = http::HeaderMap::new();
    headers.insert("x-request-id", http::HeaderValue::from_static("fuzz"));
    let err = E::parse_parts(status, &headers, body);
    assert_eq!(err.wire_status(), status);
    assert_eq!(err.request_id(), Some("fuzz"));
    assert!(!err.to_string().contains('\n'));
    let _ = E::check_parts(status, &headers, body);
    Some(body)
}
