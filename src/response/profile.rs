//! [`Profile`]: where one provider's responses put what the parser looks for, and [`Wire`], the
//! hooks the parser needs from a provider's code type.

use http::{HeaderName, StatusCode};

use super::{RawCode, Reading};
use crate::{
    kind::ErrorKind, kind::Retry, provider_error::Internal, provider_error::ProviderError,
    provider_error::resolve_by_message,
};

/// Where one provider's responses put what the parser looks for. Each provider module keeps
/// its own `PROFILE`; the shared parser reads it through [`Wire`] and never names a provider.
#[derive(Debug)]
pub struct Profile {
    /// The provider's codes are numbers (UpYun, LeanCloud) rather than strings.
    pub(crate) numeric_codes: bool,
    /// The top-level body keys read, each with the field it fills. Where several keys fill one
    /// field, the one listed first wins, whatever their order in the body (UpYun's `msg`
    /// beats `message`).
    pub(crate) body_keys: &'static [(&'static str, Field)],
    /// Headers holding the request id; a header wins over the body.
    pub(crate) request_id_headers: &'static [HeaderName],
    /// A header holding the code, read when the body has none (UpYun answers HEAD this way).
    pub(crate) code_header: Option<HeaderName>,
    /// The body's `code` is the real HTTP status, and a 2xx response whose body is the
    /// provider's envelope (`code` and `message`) fails when that code is not 200 (OpenList).
    pub(crate) status_in_body: bool,
    /// Kind and retry advice for statuses that mean something particular when the response
    /// names no code (LeanCloud's 410: the app lives in another region).
    pub(crate) status_without_code: &'static [(StatusCode, ErrorKind, Retry)],
}

/// What a body key holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(dead_code, reason = "which fields are read depends on the providers compiled in")]
pub(crate) enum Field {
    Code,
    Message,
    RequestId,
    /// A help link (QingStor's `url`).
    Url,
}

/// The standard request id header, which every provider's front end sets.
pub(crate) const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// What the parser needs from a provider's code type: where its responses put things, and how
/// a response's code and message name a variant. Each provider module implements it beside its
/// `PROFILE`; sealed (a public trait in a private module), so only this crate's enums have it.
pub trait Wire: ProviderError {
    /// Where this provider's responses put the code, message and request id.
    fn profile(_: Internal) -> &'static Profile;

    /// This provider's error in a text, as its rules read it (see
    /// [`ParseResponse::parse_text`](super::ParseResponse::parse_text)).
    fn read_text(text: &str, _: Internal) -> Option<Reading<Self>>;

    /// The variant a response names, from its raw code and message: the code's variants,
    /// told apart by the message where the code has several.
    fn from_parts(code: Option<&RawCode>, message: Option<&str>, _: Internal) -> Option<Self> {
        let code = code?;
        // Plain digits (the common case) straight from the bytes, then any integer.
        let number = match Self::profile(Internal(())).numeric_codes {
            true => code.to_u32().map(i64::from).or_else(|| code.to_i64()),
            false => None,
        };
        let variants = match number {
            Some(number) => Self::variants_of_number(number, Internal(())),
            None => Self::variants_of_text(&code.lookup_text()?, Internal(())),
        };
        resolve_by_message(variants, message.unwrap_or(""))
    }
}
