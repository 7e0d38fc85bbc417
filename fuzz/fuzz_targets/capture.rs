//! The property of the CLI's `curl -i` splitting, for the `curl_capture` target and the
//! replay test. The including crate declares `mod input` (the CLI's `input.rs`) and `shown`.

/// Never a panic; a capture's body is what follows its last head, and it keeps at most
/// `MAX_HEADERS` headers; errors are one printable line.
pub fn check_capture(data: &[u8]) {
    match crate::input::split_capture(data.to_vec()) {
        Ok(raw) => {
            assert!(data.ends_with(&raw.body));
            assert!(raw.headers.len() <= crate::input::MAX_HEADERS);
            assert_eq!(raw.status.is_none(), !data.starts_with(b"HTTP/"));
        }
        Err(message) => assert!(!message.chars().any(char::is_control), "{message:?}"),
    }
}
