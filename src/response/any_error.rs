//! [`AnyApiError`]: a parsed error response of any provider, the provider erased.

use std::{error::Error, fmt};

use super::api_error::{Record, Shown, record_accessors};
use crate::{any_code::AnyCode, lang::Lang, provider::Provider, provider_error::ProviderError, response::ApiError};

/// A failed API call of any provider, with the provider erased: what
/// [`ApiError<E>`](ApiError) holds, for code that handles errors of whichever service (a
/// multi-cloud SDK, a log pipeline, a command-line tool) without a type parameter.
///
/// Made with `From` from any [`ApiError`], or by [`Provider::parse_parts`] and
/// [`Provider::check_parts`] when the provider is known only at run time.
/// [`downcast`](Self::downcast) gives the typed error back. `Display`, `Debug` and serde are
/// those of [`ApiError`], except that serde writes the code as a string for every provider
/// (the code [`code_str`](Self::code_str) gives), so every provider's errors share one schema.
///
/// # Examples
///
/// ```
/// # #[cfg(all(feature = "upyun", feature = "openlist"))] {
/// use cloud_errcodes::{AnyApiError, ErrorKind, Provider, UpyunError};
/// use cloud_errcodes::http::{HeaderMap, StatusCode};
///
/// let body = br#"{"msg": "bucket is full", "code": 40300004, "id": "11e4a729"}"#;
/// let err: AnyApiError = UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), body).into();
/// assert_eq!(err.provider(), Provider::Upyun);
/// assert_eq!(err.code_str(), Some("40300004"));
/// assert_eq!(err.kind(), ErrorKind::QuotaExceeded);
/// assert_eq!(err.downcast::<UpyunError>().unwrap().code(), Some(UpyunError::BucketFull));
///
/// // The provider known only at run time:
/// let provider: Provider = "openlist".parse().unwrap();
/// let body = br#"{"code": 401, "message": "token is expired", "data": null}"#;
/// let err = provider.check_parts(StatusCode::OK, &HeaderMap::new(), body).unwrap_err();
/// assert_eq!(err.code_str(), Some("token_expired"));
/// assert_eq!(err.to_string(), "openlist token_expired: the login token has expired (HTTP 401)");
/// # }
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AnyApiError {
    provider: Provider,
    code: Option<AnyCode>,
    record: Record,
}

impl<E: ProviderError> From<ApiError<E>> for AnyApiError {
    fn from(err: ApiError<E>) -> Self {
        let (code, record) = err.into_parts();
        AnyApiError { provider: E::PROVIDER, code: code.map(AnyCode::from), record }
    }
}

impl AnyApiError {
    record_accessors!();

    /// An error of a provider whose catalogue is not compiled in (its feature is off): what
    /// the response said, with no known code.
    #[cfg(not(all(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist")))]
    pub(crate) fn uncatalogued(provider: Provider, record: Record) -> Self {
        AnyApiError { provider, code: None, record }
    }

    /// The provider that answered.
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// The catalogue entry the response names, when known.
    pub fn code(&self) -> Option<AnyCode> {
        self.code
    }

    /// See [`ApiError::code_str`].
    pub fn code_str(&self) -> Option<&str> {
        self.record.code_str(self.shown())
    }

    /// See [`ApiError::description`].
    pub fn description(&self, lang: Lang) -> Option<&'static str> {
        self.code.map(|code| code.description(lang))
    }

    /// See [`ApiError::remedy`].
    pub fn remedy(&self, lang: Lang) -> Option<&'static str> {
        self.code?.remedy(lang)
    }

    /// See [`ApiError::surface`].
    pub fn surface(&self) -> Option<&'static str> {
        self.code.map(AnyCode::surface)
    }

    /// See [`ApiError::provenance`].
    pub fn provenance(&self) -> Option<&'static str> {
        self.code.map(AnyCode::provenance)
    }

    /// The typed error, when this is an error of `E`'s provider; the same error back
    /// otherwise.
    ///
    /// # Errors
    ///
    /// `self`, unchanged, when the error is another provider's.
    pub fn downcast<E: ProviderError>(self) -> Result<ApiError<E>, Self> {
        if self.provider != E::PROVIDER {
            return Err(self);
        }
        let code = self.code.and_then(AnyCode::downcast::<E>);
        Ok(ApiError { code, record: self.record })
    }

    fn shown(&self) -> Option<Shown<'static>> {
        self.code.map(|code| Shown { code_str: code.code_str(), summary: code.summary(), template: code.is_template() })
    }
}

impl fmt::Display for AnyApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.record.write_line(f, self.provider, self.shown())
    }
}

impl fmt::Debug for AnyApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("AnyApiError");
        s.field("provider", &self.provider).field("code", &self.code);
        self.record.debug_fields(&mut s);
        s.finish()
    }
}

impl Error for AnyApiError {
    /// The transport error that cut the body short, if one did.
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.record.source()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AnyApiError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.record.serialize(serializer, self.provider, self.code_str())
    }
}
