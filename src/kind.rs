//! [`ErrorKind`], the cross-provider classification, and [`Retry`] advice.
//!
//! Both enums are written from one table, `src/kind/table.rs`, which the build script reads
//! too: the list of variants, `ALL`, `as_str`, `phrase`, `FromStr`, `Display` and serde all
//! come from its rows.

use std::{fmt, str::FromStr};

use http::StatusCode;

use crate::error::ParseNameError;

/// Writes a small named enum and every impl from its rows: `ALL` in row order, `as_str` (the
/// stable snake_case id, also `FromStr`'s and serde's spelling), `phrase` (what `Display`
/// shows).
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) {
            $($(#[$variant_meta:meta])* $variant:ident = $id:literal, $phrase:literal;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
        }

        impl $name {
            #[doc = concat!("Every ", $what, ", in declaration order.")]
            pub const ALL: &'static [$name] = &[$(Self::$variant),*];

            /// A stable snake_case identifier, for logs, metrics and serialization.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $id,)*
                }
            }

            /// A lowercase phrase for messages: [`as_str`](Self::as_str) with spaces.
            pub const fn phrase(self) -> &'static str {
                match self {
                    $(Self::$variant => $phrase,)*
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.phrase())
            }
        }

        impl FromStr for $name {
            type Err = ParseNameError;

            /// Accepts exactly the [`as_str`](Self::as_str) ids.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| ParseNameError::new($what, s))
            }
        }

        #[cfg(feature = "serde")]
        crate::serde_names::serde_by_name!($name, $what);
    };
}

macro_rules! error_kinds {
    ($($rows:tt)*) => {
        named_enum! {
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
            /// assert_eq!("rate_limited".parse::<ErrorKind>(), Ok(kind));
            /// # }
            /// ```
            ErrorKind ("error kind") { $($rows)* }
        }
    };
}

macro_rules! retry_advice {
    ($($rows:tt)*) => {
        named_enum! {
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
            /// assert_eq!(Retry::Never.to_string(), "never");
            /// # }
            /// ```
            Retry ("retry advice") { $($rows)* }
        }
    };
}

include!("kind/table.rs");

impl ErrorKind {
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

impl Retry {
    /// `true` for [`Retry::Backoff`].
    pub const fn is_retryable(self) -> bool {
        matches!(self, Self::Backoff)
    }
}
