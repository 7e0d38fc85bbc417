//! The [`ProviderError`] trait every provider enum implements, [`ParseCodeError`] for a code
//! no catalogue lists, and the rule that picks one of several variants documented under the
//! same code.
//!
//! This is the catalogue side of the crate: what a code means. Nothing here knows about HTTP
//! responses; the parsers in [`response`](crate::response) build on it.

use std::{fmt, hash::Hash, str::FromStr};

use http::StatusCode;

use crate::{error::Capped, kind::ErrorKind, kind::Retry, lang::Lang, provider::Provider};

pub(crate) mod sealed {
    use crate::entry::{Entry, Table};

    /// Proof of being inside this crate: the hidden methods below take one, and only this
    /// crate can make one, so nobody else can call them (not even through a generic bound).
    #[derive(Clone, Copy, Debug)]
    pub struct Internal(pub(crate) ());

    /// Only this crate's generated enums implement [`ProviderError`](super::ProviderError).
    pub trait Sealed: Copy + 'static {
        /// The catalogue entry behind this variant.
        fn entry(self, _: Internal) -> Entry;

        /// The variant's discriminant: its position in `ALL` and in the entry table.
        fn index(self, _: Internal) -> u16;

        /// The table of every entry, indexed by discriminant.
        fn table(_: Internal) -> &'static Table;

        /// Every variant documented under a code given as text, the primary one first.
        fn variants_of_text(code: &str, _: Internal) -> &'static [Self];

        /// Every variant documented under a numeric code (none for providers whose codes are
        /// strings), the primary one first.
        fn variants_of_number(code: i64, _: Internal) -> &'static [Self];
    }
}

pub(crate) use sealed::Internal;

/// What every provider's error enum offers, so generic code can handle any of them.
///
/// Implemented by [`UpyunError`](crate::UpyunError), [`QingStorError`](crate::QingStorError)
/// and the other provider enums; sealed, so methods can be added without breaking anyone.
/// Each enum also has these accessors as inherent methods (usable without importing this
/// trait), which these trait methods call. To parse responses generically, bound on
/// [`ParseResponse`](crate::ParseResponse); to handle an error of a provider known only at
/// run time, use [`AnyCode`](crate::AnyCode) and [`AnyApiError`](crate::AnyApiError).
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "upyun")] {
/// use cloud_errcodes::{ProviderError, UpyunError};
///
/// fn retryable_codes<E: ProviderError>() -> Vec<&'static str> {
///     E::all().filter(|e| e.is_retryable()).map(|e| e.code_str()).collect()
/// }
///
/// assert!(retryable_codes::<UpyunError>().contains(&"42900001"));
/// assert_eq!(<UpyunError as ProviderError>::from_code_str("40300004"), Some(UpyunError::BucketFull));
/// # }
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
    + FromStr<Err = ParseCodeError>
{
    /// The provider whose codes these are.
    const PROVIDER: Provider;

    /// Every variant, in catalogue order.
    const ALL: &'static [Self];

    /// The API surfaces this provider's codes come from, as the catalogue names them (UpYun
    /// `storage` and `cdn`; LeanCloud `rest`, `realtime`, `sdk` and `engine`; ...). Each
    /// enum's docs say what each surface is.
    const SURFACES: &'static [&'static str];

    /// Every variant, in catalogue order.
    fn all() -> impl ExactSizeIterator<Item = Self> + DoubleEndedIterator + Clone {
        Self::ALL.iter().copied()
    }

    /// Looks up a code given as text (`"40300004"`, `"bucket_not_empty"`), ignoring
    /// surrounding whitespace; `None` if unknown. A code documented with several meanings
    /// gives its primary one.
    fn from_code_str(code: &str) -> Option<Self> {
        Self::variants_of_text(code, Internal(())).first().copied()
    }

    /// The code as text, as the server sends it (for a templated code such as UpYun's
    /// `503xx001`, the template). For OpenList, which sends no codes, the symptom's stable
    /// id (`query_fail_61008`).
    fn code_str(self) -> &'static str;

    /// The code as a number, for providers whose codes are numbers (`None` for a templated
    /// code such as UpYun's `503xx001`, which stands for many numbers).
    fn numeric_code(self) -> Option<i64>;

    /// `true` for a templated code (UpYun's CDN `503xx001`, each `x` any digit): one
    /// variant for many codes, whose response keeps the digits it had in its raw code.
    fn is_template(self) -> bool;

    /// The fixed message the server sends with this code, where the catalogue gives one. For
    /// OpenList it is the symptom as its documentation shows it: an example of the text the
    /// server sends, not a fixed wire message.
    fn wire_message(self) -> Option<&'static str>;

    /// Other wordings of [`wire_message`](Self::wire_message) that servers send or sent (older
    /// versions, renamed components); recognised by `from_code_and_message` and the parsers.
    ///
    /// ```
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::{ProviderError, UpyunError};
    ///
    /// let err = UpyunError::TaskDbConnectFailed;
    /// assert_eq!(err.wire_message(), Some("connect to db error"));
    /// assert!(err.alternate_messages().contains(&"connect to database error"));
    /// # }
    /// ```
    fn alternate_messages(self) -> &'static [&'static str];

    /// A short lowercase English phrase, as `Display` shows it after the code.
    fn summary(self) -> &'static str;

    /// The HTTP status the provider answers with for this error.
    fn http_status(self) -> StatusCode;

    /// The cross-provider kind.
    fn kind(self) -> ErrorKind;

    /// Whether and how the same request may be retried.
    fn retry(self) -> Retry;

    /// `true` when retrying with backoff may succeed.
    fn is_retryable(self) -> bool;

    /// Which API surface sends this error: one of [`SURFACES`](Self::SURFACES).
    fn surface(self) -> &'static str;

    /// Where the catalogue's wire facts for this error come from: a documentation page, a
    /// repository file at a commit, or a package version.
    ///
    /// ```
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::UpyunError;
    ///
    /// assert_eq!(UpyunError::BucketFull.surface(), "storage");
    /// assert!(UpyunError::BucketFull.provenance().contains("https://help.upyun.com/knowledge-base/errno/"));
    /// # }
    /// ```
    fn provenance(self) -> &'static str;

    /// The address of the source [`provenance`](Self::provenance) names first (a page, or a
    /// file at a commit on GitHub), where it names one a user can open.
    ///
    /// ```
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::UpyunError;
    ///
    /// assert_eq!(UpyunError::BucketFull.source_url(), Some("https://help.upyun.com/knowledge-base/errno/"));
    /// # }
    /// ```
    fn source_url(self) -> Option<&'static str>;

    /// What this error means, in the given language.
    fn description(self, lang: Lang) -> &'static str;

    /// What to do about this error, in the given language, where the catalogue says
    /// (OpenList's symptoms); `None` otherwise.
    fn remedy(self, lang: Lang) -> Option<&'static str>;
}

/// A code string that names no entry of the provider's catalogue.
///
/// Keeps the provider and the rejected code, cut to 64 bytes since codes come from untrusted
/// responses; stored inline, so a failed parse allocates nothing.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "qingstor")] {
/// use cloud_errcodes::{Provider, QingStorError};
///
/// let err = "bucket_gone".parse::<QingStorError>().unwrap_err();
/// assert_eq!(err.provider(), Provider::QingStor);
/// assert_eq!(err.code(), "bucket_gone");
/// assert_eq!(err.to_string(), "unknown qingstor error code `bucket_gone`");
///
/// let err = "a\nb".parse::<QingStorError>().unwrap_err();
/// assert_eq!(err.code(), "a\nb");
/// assert_eq!(err.to_string(), r"unknown qingstor error code `a\nb`");
/// # }
/// ```
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[error("unknown {provider} error code `{code}`")]
pub struct ParseCodeError {
    provider: Provider,
    code: Capped,
}

impl ParseCodeError {
    pub(crate) fn new(provider: Provider, code: &str) -> Self {
        Self { provider, code: Capped::new(code) }
    }

    /// The provider whose catalogue was searched.
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// The rejected code, cut to 64 bytes (with `…` when cut).
    pub fn code(&self) -> &str {
        self.code.as_str()
    }
}

/// Of the variants documented under one code (primary first), the one whose documented
/// message (or one of its alternates) equals `message`: first exactly, then ignoring ASCII
/// case, surrounding whitespace and one trailing period, then taking a documented `<name>`
/// part as any text; else the primary one. `None` when `variants` is empty.
pub(crate) fn resolve_by_message<E: ProviderError>(variants: &[E], message: &str) -> Option<E> {
    let primary = *variants.first()?;
    if variants.len() == 1 {
        return Some(primary);
    }
    let wordings = |v: &E| v.wire_message().into_iter().chain(v.alternate_messages().iter().copied());
    let find = |fits: &dyn Fn(&str) -> bool| variants.iter().copied().find(|v| wordings(v).any(fits));
    find(&|m| m == message)
        .or_else(|| find(&|m| loosely_equal(m, message)))
        .or_else(|| find(&|m| fits_template(m, message.trim())))
        .or(Some(primary))
}

/// Whether `sent` is `documented` with each `<placeholder>` (a function name, an address, a
/// detail) replaced by any text. A message without placeholders fits nothing here: equality
/// has been tried before. Linear in the length of `sent`.
pub(crate) fn fits_template(documented: &str, sent: &str) -> bool {
    let Some((first, mut rest)) = documented.split_once('<') else { return false };
    let Some(mut tail) = sent.strip_prefix(first) else { return false };
    loop {
        let Some((_, after)) = rest.split_once('>') else { return false };
        match after.split_once('<') {
            // The last literal part ends the message.
            None => return tail.ends_with(after),
            Some((literal, next)) => {
                let Some(at) = tail.find(literal) else { return false };
                tail = &tail[at + literal.len()..];
                rest = next;
            }
        }
    }
}

/// Equal ignoring ASCII case, surrounding whitespace and one trailing period.
fn loosely_equal(documented: &str, sent: &str) -> bool {
    normalize(documented).eq_ignore_ascii_case(normalize(sent))
}

fn normalize(message: &str) -> &str {
    let message = message.trim();
    message.strip_suffix('.').unwrap_or(message).trim_end()
}
