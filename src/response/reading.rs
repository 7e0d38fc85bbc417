//! [`Reading`]: what a provider's text rule read, before it becomes an error, and
//! [`Evidence`], how strongly the text showed it.

use std::fmt;

use super::{BodyFormat, RawCode};

/// How strongly a text shows the error [`parse_text`](super::ParseResponse::parse_text) found
/// in it, for ranking the readings of one text by several providers: the strongest first when
/// sorted in descending order (`Evidence::Body > Evidence::Code`).
///
/// A response parsed by [`parse_parts`](super::ParseResponse::parse_parts) has none:
/// [`ApiError::evidence`](super::ApiError::evidence) is `None` there.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "upyun")] {
/// use cloud_errcodes::{Evidence, UpyunError};
///
/// let body = UpyunError::parse_text(r#"upload: {"msg":"bucket is full","code":40300004,"id":"11e4a729"}"#).unwrap();
/// assert_eq!(body.evidence(), Some(Evidence::Body));
///
/// let message = UpyunError::parse_text("Error: file or directory not found").unwrap();
/// assert_eq!(message.evidence(), Some(Evidence::Message));
/// assert!(body.evidence() > message.evidence());
/// # }
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Evidence {
    /// A code with little around it: an object holding only the provider's code key, or a cut
    /// body whose message was lost. Weak: other services use the same numbers.
    Code,
    /// One of the provider's documented messages (or a realtime reason name) that names exactly
    /// one code, without the provider's body or an SDK's format around it.
    Message,
    /// The error as one of the provider's official SDKs or tools prints it (its own format,
    /// labels and punctuation).
    Rendering,
    /// A body of the provider's shape: its code and message keys, with a code it documents or a
    /// message that agrees with it.
    Body,
}

impl Evidence {
    /// Every kind of evidence, the weakest first.
    pub const ALL: &'static [Evidence] = &[Self::Code, Self::Message, Self::Rendering, Self::Body];

    /// A stable snake_case identifier: `code`, `message`, `rendering` or `body`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Message => "message",
            Self::Rendering => "rendering",
            Self::Body => "body",
        }
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
crate::serde_names::serde_by_name!(Evidence, "evidence");

/// What one rule read in a text: the parts of an error, before it is built.
#[derive(Clone, Debug)]
pub struct Reading<E> {
    /// The typed code, when the rule decided it (a symptom, a code named by the message);
    /// otherwise it follows from the raw code and message as for a response.
    pub(crate) code: Option<E>,
    pub(crate) raw_code: Option<RawCode>,
    /// The key the raw code came from, for objects (`code`, `error_code`).
    pub(crate) code_key: &'static str,
    pub(crate) message: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) status: Option<u16>,
    pub(crate) evidence: Evidence,
    pub(crate) format: BodyFormat,
    /// Where in the text it was read.
    pub(crate) at: usize,
}

impl<E> Reading<E> {
    pub(crate) fn new(evidence: Evidence, at: usize) -> Self {
        Reading {
            code: None,
            raw_code: None,
            code_key: "",
            message: None,
            request_id: None,
            status: None,
            evidence,
            format: BodyFormat::Text,
            at,
        }
    }

    pub(crate) fn has_code(&self) -> bool {
        self.code.is_some() || self.raw_code.is_some()
    }
}
