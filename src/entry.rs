//! The facts of one catalogue entry, as the generated code stores them.

use http::StatusCode;

use crate::{ErrorKind, Retry};

/// One catalogue entry. Generated code keeps one `static` of these per variant and answers
/// every accessor from it.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The code as text, exactly as sent.
    pub code: &'static str,
    /// The code as a number (0 for text codes).
    #[allow(dead_code)]
    pub number: u32,
    pub status: u16,
    pub kind: ErrorKind,
    pub retry: Retry,
    /// The server's message, or empty when the documentation gives none.
    pub message: &'static str,
    /// What `Display` shows after the code.
    pub display: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    /// Remedies (symptom catalogues), empty elsewhere.
    #[allow(dead_code)]
    pub solution_en: &'static str,
    #[allow(dead_code)]
    pub solution_zh: &'static str,
}

/// The status of a catalogue entry. `build.rs` checks every status is in 100..=599, so the
/// fallback is never taken; it exists so that no code path can panic.
pub(crate) fn status_code(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// A numeric code written as text: ASCII digits only (surrounding whitespace allowed), at most
/// what fits a `u32`.
#[cfg(any(feature = "upyun", feature = "leancloud"))]
pub(crate) fn parse_numeric_code(text: &str) -> Option<u32> {
    let digits = text.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}
