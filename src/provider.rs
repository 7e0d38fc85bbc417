//! [`Provider`] and the [`ProviderError`] trait every provider enum implements.

use std::{fmt, hash::Hash, str::FromStr};

use http::StatusCode;
use strum::{EnumCount, IntoEnumIterator};

use crate::{ErrorKind, Lang, ParseCodeError, ParseNameError, Retry};

/// A cloud service whose error codes this crate knows.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::Provider;
///
/// assert_eq!("qingstor".parse::<Provider>().unwrap(), Provider::QingStor);
/// assert_eq!("AList".parse::<Provider>().unwrap(), Provider::OpenList);
/// assert_eq!(Provider::Upyun.to_string(), "upyun");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, strum::EnumIter, strum::EnumCount)]
#[non_exhaustive]
pub enum Provider {
    /// UpYun (又拍云) storage REST API: 8-digit numeric codes.
    Upyun,
    /// QingStor object storage: snake_case string codes.
    QingStor,
    /// LeanCloud: numeric codes from 0 to 700.
    LeanCloud,
    /// OpenList and AList: no codes, recognised by the text of their messages.
    OpenList,
}

impl Provider {
    /// The slug used in `Display` output, module and catalogue names: `upyun`, `qingstor`,
    /// `leancloud` or `openlist`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Upyun => "upyun",
            Self::QingStor => "qingstor",
            Self::LeanCloud => "leancloud",
            Self::OpenList => "openlist",
        }
    }

    /// The provider's name as its owners write it.
    pub const fn brand(self) -> &'static str {
        match self {
            Self::Upyun => "UpYun",
            Self::QingStor => "QingStor",
            Self::LeanCloud => "LeanCloud",
            Self::OpenList => "OpenList",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Provider {
    type Err = ParseNameError;

    /// Accepts each slug in any case, and `alist` for OpenList (its upstream, same messages).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim();
        Self::iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(name))
            .or_else(|| name.eq_ignore_ascii_case("alist").then_some(Self::OpenList))
            .ok_or_else(|| ParseNameError::new("provider", s))
    }
}

pub(crate) mod sealed {
    /// Only this crate's generated enums implement [`ProviderError`](super::ProviderError).
    pub trait Sealed {}
}

/// What every provider's error enum offers, so generic code can handle any of them.
///
/// Implemented by [`UpyunError`](crate::UpyunError), [`QingStorError`](crate::QingStorError)
/// and the other provider enums; sealed, so methods can be added without breaking anyone.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::{ProviderError, QingStorError, UpyunError};
///
/// fn retryable_codes<E: ProviderError>() -> Vec<&'static str> {
///     E::all().filter(|e| e.is_retryable()).map(|e| e.code_str()).collect()
/// }
///
/// assert!(retryable_codes::<UpyunError>().contains(&"42900001"));
/// assert!(retryable_codes::<QingStorError>().contains(&"service_unavailable"));
/// assert_eq!(<QingStorError as ProviderError>::from_code_str("bucket_not_empty"),
///            Some(QingStorError::BucketNotEmpty));
/// ```
pub trait ProviderError:
    sealed::Sealed
    + Copy
    + Eq
    + Ord
    + Hash
    + fmt::Debug
    + fmt::Display
    + std::error::Error
    + Send
    + Sync
    + 'static
    + IntoEnumIterator
    + EnumCount
    + FromStr<Err = ParseCodeError>
{
    /// The provider whose codes these are.
    const PROVIDER: Provider;

    /// Looks up a code given as text (`"40300004"`, `"bucket_not_empty"`); `None` if unknown.
    fn from_code_str(code: &str) -> Option<Self>;

    /// The code as text, exactly as it appears on the wire.
    fn code_str(self) -> &'static str;

    /// The code as a number, for providers whose codes are numbers.
    fn numeric_code(self) -> Option<u32>;

    /// The fixed message the server sends with this code, where the documentation gives one.
    fn wire_message(self) -> Option<&'static str>;

    /// A short lowercase English phrase, as `Display` shows it after the code.
    fn summary(self) -> &'static str;

    /// The HTTP status the provider answers with for this error.
    fn http_status(self) -> StatusCode;

    /// The cross-provider kind.
    fn kind(self) -> ErrorKind;

    /// Whether and how the same request may be retried.
    fn retry(self) -> Retry;

    /// `true` when retrying with backoff may succeed.
    fn is_retryable(self) -> bool {
        self.retry().is_retryable()
    }

    /// What this error means, in the given language.
    fn description(self, lang: Lang) -> &'static str;

    /// Every variant, in catalogue order.
    fn all() -> <Self as IntoEnumIterator>::Iterator {
        Self::iter()
    }
}
