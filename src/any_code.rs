//! [`AnyCode`]: an entry of any provider's catalogue, its type erased.

use std::{cmp::Ordering, fmt, hash::Hash};

use http::StatusCode;

use crate::{
    entry::Entry, entry::Table, kind::ErrorKind, kind::Retry, lang::Lang, provider::Provider, provider_error::Internal,
    provider_error::ProviderError,
};

/// An entry of any provider's catalogue: a provider enum's variant with its type erased.
///
/// For code that handles the codes of a provider known only at run time (a multi-cloud SDK, a
/// log pipeline, a command-line tool): every accessor of [`ProviderError`] without a type
/// parameter, and [`downcast`](Self::downcast) back to the typed variant. Made with `From`
/// from any provider enum, by [`Provider::from_code`] and [`Provider::entries`], and kept by
/// [`AnyApiError::code`](crate::AnyApiError::code).
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "upyun")] {
/// use cloud_errcodes::{AnyCode, ErrorKind, Provider, UpyunError};
///
/// let code = Provider::Upyun.from_code("40300004").unwrap();
/// assert_eq!(code.kind(), ErrorKind::QuotaExceeded);
/// assert_eq!(code.to_string(), "upyun 40300004: bucket is full");
/// assert_eq!(code.downcast::<UpyunError>(), Some(UpyunError::BucketFull));
/// assert_eq!(code, AnyCode::from(UpyunError::BucketFull));
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct AnyCode {
    provider: Provider,
    entry: Entry,
}

impl<E: ProviderError> From<E> for AnyCode {
    fn from(code: E) -> Self {
        AnyCode { provider: E::PROVIDER, entry: code.entry(Internal(())) }
    }
}

impl AnyCode {
    /// The variant of `table` (a provider's entry table) at `index`, which must be below its
    /// [`len`](Table::len) (a catalogue has far fewer than 65 536 entries).
    pub(crate) fn at(provider: Provider, table: &'static Table, index: usize) -> Self {
        AnyCode { provider, entry: table.entry(index as u16) }
    }

    /// The variant's position in its provider's catalogue.
    fn index(self) -> u16 {
        self.entry.index()
    }

    /// The typed variant, when this is a code of `E`'s provider.
    pub fn downcast<E: ProviderError>(self) -> Option<E> {
        (self.provider == E::PROVIDER).then(|| E::ALL.get(usize::from(self.index())).copied()).flatten()
    }

    /// The provider whose catalogue this entry is in.
    pub fn provider(self) -> Provider {
        self.provider
    }

    /// See [`ProviderError::code_str`].
    pub fn code_str(self) -> &'static str {
        self.entry.code()
    }

    /// See [`ProviderError::numeric_code`].
    pub fn numeric_code(self) -> Option<i64> {
        self.entry.numeric_code()
    }

    /// See [`ProviderError::is_template`].
    pub fn is_template(self) -> bool {
        self.entry.template()
    }

    /// See [`ProviderError::wire_message`].
    pub fn wire_message(self) -> Option<&'static str> {
        self.entry.wire_message()
    }

    /// See [`ProviderError::alternate_messages`].
    pub fn alternate_messages(self) -> &'static [&'static str] {
        self.entry.alternates()
    }

    /// See [`ProviderError::summary`].
    pub fn summary(self) -> &'static str {
        self.entry.summary()
    }

    /// See [`ProviderError::http_status`].
    pub fn http_status(self) -> StatusCode {
        self.entry.status_code()
    }

    /// See [`ProviderError::kind`].
    pub fn kind(self) -> ErrorKind {
        self.entry.kind()
    }

    /// See [`ProviderError::retry`].
    pub fn retry(self) -> Retry {
        self.entry.retry()
    }

    /// See [`ProviderError::is_retryable`].
    pub fn is_retryable(self) -> bool {
        self.entry.retry().is_retryable()
    }

    /// See [`ProviderError::surface`].
    pub fn surface(self) -> &'static str {
        self.entry.surface()
    }

    /// See [`ProviderError::provenance`].
    pub fn provenance(self) -> &'static str {
        self.entry.provenance()
    }

    /// See [`ProviderError::source_url`].
    pub fn source_url(self) -> Option<&'static str> {
        self.entry.source_url()
    }

    /// See [`ProviderError::description`].
    pub fn description(self, lang: Lang) -> &'static str {
        self.entry.description(lang)
    }

    /// See [`ProviderError::remedy`].
    pub fn remedy(self, lang: Lang) -> Option<&'static str> {
        self.entry.remedy(lang)
    }
}

impl PartialEq for AnyCode {
    fn eq(&self, other: &Self) -> bool {
        (self.provider, self.index()) == (other.provider, other.index())
    }
}

impl Eq for AnyCode {}

impl PartialOrd for AnyCode {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AnyCode {
    /// By provider, then in catalogue order.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.provider, self.index()).cmp(&(other.provider, other.index()))
    }
}

impl Hash for AnyCode {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.provider, self.index()).hash(state);
    }
}

impl fmt::Debug for AnyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AnyCode({} {})", self.provider, self.entry.code())
    }
}

impl fmt::Display for AnyCode {
    /// As the provider enum shows it: `<provider> <code>: <summary>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.provider, self.entry.code(), self.entry.summary())
    }
}

impl std::error::Error for AnyCode {}
