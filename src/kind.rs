//! [`ErrorKind`], the cross-provider classification, and [`Retry`] advice.

use std::fmt;

use http::StatusCode;

/// What kind of failure an error is, the same for every provider.
///
/// Each provider's codes are mapped onto these kinds in the catalogue, so generic code can
/// react to "not found" or "rate limited" without knowing the provider's numbers.
///
/// New kinds may be added in a semver-compatible release.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "upyun")] {
/// use cloud_errcodes::{ErrorKind, UpyunError};
///
/// let kind = UpyunError::from_code(42900001).unwrap().kind();
/// assert_eq!(kind, ErrorKind::RateLimited);
/// assert_eq!(kind.as_str(), "rate_limited");
/// assert_eq!(kind.to_string(), "rate limited");
/// # }
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file, object, bucket, user or record the request names does not exist.
    NotFound,
    /// Something the request would create exists already.
    AlreadyExists,
    /// The target's current state forbids the operation (not empty, changed meanwhile, in progress).
    Conflict,
    /// The caller is known but not allowed to do this, or the account or bucket is blocked.
    PermissionDenied,
    /// The caller could not be identified: missing, wrong or expired credentials or signature.
    Unauthenticated,
    /// The request itself is malformed: a bad argument, header, name or body.
    InvalidInput,
    /// A conditional request's precondition was not met.
    PreconditionFailed,
    /// The requested byte range cannot be served.
    RangeNotSatisfiable,
    /// The body, file or part is larger than allowed.
    PayloadTooLarge,
    /// The caller sends too many requests; slow down.
    RateLimited,
    /// A storage, count or usage quota is used up.
    QuotaExceeded,
    /// The account is in arrears or lacks balance.
    Billing,
    /// The server or something behind it did not answer in time.
    Timeout,
    /// The service is down, in maintenance, or temporarily refusing work.
    Unavailable,
    /// The server failed internally.
    Internal,
    /// The connection failed: DNS, TCP, TLS, or a reset or closed connection.
    Network,
    /// The operation, method or option is not supported.
    Unsupported,
    /// The service, driver, bucket or client is set up wrongly and needs a settings change.
    Configuration,
    /// None of the above fits, or nothing is known about the failure.
    Other,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [ErrorKind] = &[
        Self::NotFound,
        Self::AlreadyExists,
        Self::Conflict,
        Self::PermissionDenied,
        Self::Unauthenticated,
        Self::InvalidInput,
        Self::PreconditionFailed,
        Self::RangeNotSatisfiable,
        Self::PayloadTooLarge,
        Self::RateLimited,
        Self::QuotaExceeded,
        Self::Billing,
        Self::Timeout,
        Self::Unavailable,
        Self::Internal,
        Self::Network,
        Self::Unsupported,
        Self::Configuration,
        Self::Other,
    ];

    /// A stable snake_case identifier, for logs, metrics and serialization.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::AlreadyExists => "already_exists",
            Self::Conflict => "conflict",
            Self::PermissionDenied => "permission_denied",
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidInput => "invalid_input",
            Self::PreconditionFailed => "precondition_failed",
            Self::RangeNotSatisfiable => "range_not_satisfiable",
            Self::PayloadTooLarge => "payload_too_large",
            Self::RateLimited => "rate_limited",
            Self::QuotaExceeded => "quota_exceeded",
            Self::Billing => "billing",
            Self::Timeout => "timeout",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
            Self::Network => "network",
            Self::Unsupported => "unsupported",
            Self::Configuration => "configuration",
            Self::Other => "other",
        }
    }

    /// A lowercase phrase for messages (`rate limited`): [`as_str`](Self::as_str) with spaces.
    pub const fn phrase(self) -> &'static str {
        match self {
            Self::NotFound => "not found",
            Self::AlreadyExists => "already exists",
            Self::Conflict => "conflict",
            Self::PermissionDenied => "permission denied",
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidInput => "invalid input",
            Self::PreconditionFailed => "precondition failed",
            Self::RangeNotSatisfiable => "range not satisfiable",
            Self::PayloadTooLarge => "payload too large",
            Self::RateLimited => "rate limited",
            Self::QuotaExceeded => "quota exceeded",
            Self::Billing => "billing",
            Self::Timeout => "timeout",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
            Self::Network => "network",
            Self::Unsupported => "unsupported",
            Self::Configuration => "configuration",
            Self::Other => "other",
        }
    }

    /// The kind an HTTP status implies when the body names no known code.
    ///
    /// | status | kind |
    /// |---|---|
    /// | 400, 411, 414, 415, 422, 431 | `InvalidInput` |
    /// | 401, 407 | `Unauthenticated` |
    /// | 402 | `Billing` |
    /// | 403, 451 | `PermissionDenied` |
    /// | 404, 410 | `NotFound` |
    /// | 405, 501, 505 | `Unsupported` |
    /// | 408, 504, 524, 599 | `Timeout` |
    /// | 409 | `Conflict` |
    /// | 412, 428 | `PreconditionFailed` |
    /// | 413 | `PayloadTooLarge` |
    /// | 416 | `RangeNotSatisfiable` |
    /// | 429, 529 | `RateLimited` |
    /// | 444, 499 | `Network` (the client closed the connection) |
    /// | 502, 503, 511 | `Unavailable` |
    /// | other 5xx | `Internal` |
    /// | anything else | `Other` |
    ///
    /// # Examples
    ///
    /// ```
    /// use cloud_errcodes::ErrorKind;
    /// use http::StatusCode;
    ///
    /// assert_eq!(ErrorKind::from_status(StatusCode::NOT_FOUND), ErrorKind::NotFound);
    /// assert_eq!(ErrorKind::from_status(StatusCode::BAD_GATEWAY), ErrorKind::Unavailable);
    /// ```
    pub fn from_status(status: StatusCode) -> Self {
        match status.as_u16() {
            400 | 411 | 414 | 415 | 422 | 431 => Self::InvalidInput,
            401 | 407 => Self::Unauthenticated,
            402 => Self::Billing,
            403 | 451 => Self::PermissionDenied,
            404 | 410 => Self::NotFound,
            405 | 501 | 505 => Self::Unsupported,
            408 | 504 | 524 | 599 => Self::Timeout,
            409 => Self::Conflict,
            412 | 428 => Self::PreconditionFailed,
            413 => Self::PayloadTooLarge,
            416 => Self::RangeNotSatisfiable,
            429 | 529 => Self::RateLimited,
            444 | 499 => Self::Network,
            502 | 503 | 511 => Self::Unavailable,
            500..=599 => Self::Internal,
            _ => Self::Other,
        }
    }

    /// The retry advice that goes with this kind when nothing more specific is known:
    /// [`Retry::Backoff`] for rate limits, timeouts, unavailability, internal and network
    /// failures, [`Retry::Never`] otherwise.
    pub const fn default_retry(self) -> Retry {
        match self {
            Self::RateLimited | Self::Timeout | Self::Unavailable | Self::Internal | Self::Network => Retry::Backoff,
            _ => Retry::Never,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.phrase())
    }
}

/// Whether the same request may succeed if sent again.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "qingstor")] {
/// use cloud_errcodes::{QingStorError, Retry};
///
/// assert_eq!(QingStorError::FetchThrottled.retry(), Retry::Backoff);
/// assert_eq!(QingStorError::BucketNotEmpty.retry(), Retry::Never);
/// assert!(Retry::Backoff.is_retryable());
/// # }
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Retry {
    /// The same request cannot succeed: callers MUST NOT retry it unchanged.
    Never,
    /// The failure may pass: callers MAY retry, with exponential backoff and a cap on attempts.
    Backoff,
}

impl Retry {
    /// Every piece of advice.
    pub const ALL: &'static [Retry] = &[Self::Never, Self::Backoff];

    /// `true` for [`Retry::Backoff`].
    pub const fn is_retryable(self) -> bool {
        matches!(self, Self::Backoff)
    }

    /// A stable snake_case identifier: `never` or `backoff`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Never => "never",
            Self::Backoff => "backoff",
        }
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
crate::serde_code::serde_by_name!(ErrorKind, "error kind");
#[cfg(feature = "serde")]
crate::serde_code::serde_by_name!(Retry, "retry advice");
