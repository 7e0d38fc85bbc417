//! The crate's own small errors.

use crate::Provider;

/// The longest piece of rejected input an error keeps, in bytes (cut at a char boundary).
const MAX_KEPT: usize = 64;

fn capped(input: &str) -> Box<str> {
    let mut end = input.len().min(MAX_KEPT);
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    if end < input.len() { format!("{}…", &input[..end]).into() } else { input.into() }
}

/// A code string that names no entry of the provider's catalogue.
///
/// Keeps the provider and the rejected code, cut to 64 bytes since codes come from untrusted
/// responses.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::{Provider, QingStorError};
///
/// let err = "bucket_gone".parse::<QingStorError>().unwrap_err();
/// assert_eq!(err.provider(), Provider::QingStor);
/// assert_eq!(err.code(), "bucket_gone");
/// assert_eq!(err.to_string(), "unknown qingstor error code `bucket_gone`");
/// ```
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[error("unknown {provider} error code `{code}`")]
pub struct ParseCodeError {
    provider: Provider,
    code: Box<str>,
}

impl ParseCodeError {
    pub(crate) fn new(provider: Provider, code: &str) -> Self {
        Self { provider, code: capped(code) }
    }

    /// The provider whose catalogue was searched.
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// The rejected code, cut to 64 bytes (with `…` when cut).
    pub fn code(&self) -> &str {
        &self.code
    }
}

/// A name ([`Provider`], [`Lang`](crate::Lang)) that is not one of the accepted spellings.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::Provider;
///
/// let err = "s3".parse::<Provider>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown provider `s3`");
/// ```
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[error("unknown {what} `{input}`")]
pub struct ParseNameError {
    what: &'static str,
    input: Box<str>,
}

impl ParseNameError {
    pub(crate) fn new(what: &'static str, input: &str) -> Self {
        Self { what, input: capped(input) }
    }

    /// The rejected input, cut to 64 bytes (with `…` when cut).
    pub fn input(&self) -> &str {
        &self.input
    }
}
