//! The `Retry-After` header: how long the server asked the caller to wait.

use std::time::{Duration, SystemTime};

use http::{HeaderMap, header};

use super::{body::header_text, http_date};

/// The `Retry-After` header: a delay, or a moment (an HTTP date) measured from the response's
/// own `Date` when it has one and kept as a moment otherwise, so that parsing the same
/// response twice gives equal errors.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<RetryAfter> {
    let value = header_text(headers, &header::RETRY_AFTER)?;
    if let Some(delay) = http_date::delay(value) {
        return Some(RetryAfter::Delay(delay.as_secs()));
    }
    let at = http_date::parse(value)?;
    Some(match header_text(headers, &header::DATE).and_then(http_date::parse) {
        Some(date) => RetryAfter::Delay(at.duration_since(date).unwrap_or_default().as_secs()),
        None => RetryAfter::At(at.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default().as_secs()),
    })
}

/// What a `Retry-After` header asked for, in whole seconds (HTTP's resolution).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RetryAfter {
    /// Wait this many seconds.
    Delay(u64),
    /// Wait until this many seconds after the Unix epoch (measured against the clock when
    /// asked).
    At(u64),
}

impl RetryAfter {
    /// How long is left to wait.
    pub(crate) fn remaining(self) -> Duration {
        match self {
            RetryAfter::Delay(secs) => Duration::from_secs(secs),
            RetryAfter::At(secs) => (SystemTime::UNIX_EPOCH + Duration::from_secs(secs))
                .duration_since(SystemTime::now())
                .unwrap_or_default(),
        }
    }
}
