//! The `Retry-After` header: how long the server asked the caller to wait.

use std::time::{Duration, SystemTime};

use http::{HeaderMap, header};

use super::{body::header_text, http_date};

/// The longest wait [`ApiError::retry_after`](super::ApiError::retry_after) gives: one day. A
/// server that asks for more (or names a moment further away) gets this, so that
/// `Instant::now() + delay` cannot overflow and a caller that obeys the header does not wait
/// for years.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

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
    /// How long is left to wait, at most [`MAX_RETRY_AFTER`].
    pub(crate) fn remaining(self) -> Duration {
        let left = match self {
            RetryAfter::Delay(secs) => Duration::from_secs(secs),
            RetryAfter::At(secs) => (SystemTime::UNIX_EPOCH + Duration::from_secs(secs))
                .duration_since(SystemTime::now())
                .unwrap_or_default(),
        };
        left.min(MAX_RETRY_AFTER)
    }
}
