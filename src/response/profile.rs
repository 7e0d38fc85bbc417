//! [`Profile`]: where one provider's responses put what the parser looks for.

use http::{HeaderName, StatusCode};

use crate::{ErrorKind, Retry};

/// Where one provider's responses put what the parser looks for. Each provider module keeps
/// its own `PROFILE`; the shared parser reads it through the sealed trait and never names a
/// provider.
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
