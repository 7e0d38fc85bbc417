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
    /// Body keys holding the message, the first listed winning when several are present.
    pub(crate) message_keys: &'static [&'static str],
    /// Body keys holding the request id, likewise.
    pub(crate) request_id_keys: &'static [&'static str],
    /// Headers holding the request id; a header wins over the body.
    pub(crate) request_id_headers: &'static [HeaderName],
    /// A header holding the code, read when the body has none (UpYun answers HEAD this way).
    pub(crate) code_header: Option<HeaderName>,
    /// A body key holding a help link (QingStor's `url`).
    pub(crate) url_key: Option<&'static str>,
    /// The body's `code` is the real HTTP status, and a 2xx response whose body is the
    /// provider's envelope (`code` and `message`) fails when that code is not 200 (OpenList).
    pub(crate) status_in_body: bool,
    /// Kind and retry advice for statuses that mean something particular when the response
    /// names no code (LeanCloud's 410: the app lives in another region).
    pub(crate) status_without_code: &'static [(StatusCode, ErrorKind, Retry)],
}

/// The standard request id header, which every provider's front end sets.
pub(crate) const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
