//! [`ApiError`], a parsed error response, and how it is shown.

use std::{borrow::Cow, fmt, time::Duration};

use http::StatusCode;

use super::{BodyFormat, MAX_FIELD, RawCode, Text, cap_field};
use crate::{ErrorKind, Provider, ProviderError, Retry};

/// A failed API call of one provider, parsed from the raw response, owning everything it
/// could read.
///
/// Built by [`ProviderError::parse_parts`], [`ProviderError::parse_response`] and the
/// `check_*` methods, or from a catalogue entry with [`From`] (for tests of code that handles
/// these errors).
///
/// # Display
///
/// `Display` is one line, the same shape for every provider:
/// `<provider> <code>: <text> (HTTP <status>, request <id>)`. When the response names a known
/// code, `<code>` is that code and `<text>` our short summary of it (the enum's own `Display`),
/// so the line is stable whatever wording the server used; otherwise `<code>` is the raw code
/// (omitted when there was none) and `<text>` the server's message, else the status's reason
/// phrase. Everything that came from the server is shown with control characters escaped
/// (`\n`, `\u{1b}`) and cut to a few hundred characters (marked `…`); the accessors return
/// it whole.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "upyun")] {
/// use cloud_errcodes::{BodyFormat, ErrorKind, ProviderError, UpyunError};
/// use http::{HeaderMap, StatusCode};
///
/// let body = br#"{"msg": "bucket is full", "code": 40300004, "id": "11e4a729d24943409933a5e8314cd32e"}"#;
/// let err = UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), body);
/// assert_eq!(err.code(), Some(UpyunError::BucketFull));
/// assert_eq!(err.message(), Some("bucket is full"));
/// assert_eq!(err.request_id(), Some("11e4a729d24943409933a5e8314cd32e"));
/// assert_eq!(err.kind(), ErrorKind::QuotaExceeded);
/// assert_eq!(err.body_format(), BodyFormat::Json);
/// assert_eq!(
///     err.to_string(),
///     "upyun 40300004: bucket is full (HTTP 403, request 11e4a729d24943409933a5e8314cd32e)"
/// );
///
/// let unknown = br#"{"code": "4030\n0004", "msg": "line one\nline two"}"#;
/// let err = UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), unknown);
/// assert_eq!(err.to_string(), r"upyun 4030\n0004: line one\nline two (HTTP 403)");
/// # }
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ApiError<E: ProviderError> {
    pub(super) code: Option<E>,
    pub(super) http_status: StatusCode,
    pub(super) wire_status: StatusCode,
    pub(super) kind: ErrorKind,
    pub(super) retry: Retry,
    pub(super) retry_after: Option<super::RetryAfter>,
    pub(super) body_format: BodyFormat,
    pub(super) truncated: bool,
    pub(super) raw_code: Option<RawCode>,
    /// The message, request id and url, in one allocation.
    pub(super) texts: Texts,
}

/// Up to three strings in one buffer, each found by its byte range. Each is at most
/// [`MAX_FIELD`](super::MAX_FIELD) bytes, so the offsets fit in `u32`.
#[derive(Clone, PartialEq, Eq, Default)]
pub(super) struct Texts {
    buf: Box<str>,
    /// Start and end of each string in `buf`; a start of `u32::MAX` marks one that is absent.
    spans: [(u32, u32); 3],
}

impl Texts {
    pub(super) const MESSAGE: usize = 0;
    pub(super) const REQUEST_ID: usize = 1;
    pub(super) const URL: usize = 2;

    /// The parts in one buffer, their UTF-8 checked once for all of them (invalid bytes
    /// become U+FFFD in the part that has them) and each cut to [`MAX_FIELD`].
    pub(super) fn new(parts: [Option<Text<'_>>; 3]) -> Self {
        let mut buf = Vec::with_capacity(parts.iter().flatten().map(Text::len_hint).sum());
        let mut spans = [(u32::MAX, 0); 3];
        for (span, part) in spans.iter_mut().zip(&parts) {
            if let Some(part) = part {
                let start = buf.len();
                part.push_to(&mut buf);
                *span = (offset(start), offset(buf.len()));
            }
        }
        match String::from_utf8(buf) {
            // Valid as a whole, each part whole too, and none too long: the common case.
            Ok(text) if spans.iter().all(|&(start, end)| Self::fits(&text, start, end)) => {
                Self { buf: text.into_boxed_str(), spans }
            }
            Ok(text) => Self::mend(text.as_bytes(), spans),
            Err(err) => Self::mend(err.as_bytes(), spans),
        }
    }

    /// Whether the part at `start..end` of `text` is whole characters and short enough.
    fn fits(text: &str, start: u32, end: u32) -> bool {
        start == u32::MAX
            || (end - start) as usize <= MAX_FIELD
                && text.is_char_boundary(start as usize)
                && text.is_char_boundary(end as usize)
    }

    /// The slow path of [`new`](Self::new): each part made valid and cut on its own.
    #[cold]
    fn mend(bytes: &[u8], spans: [(u32, u32); 3]) -> Self {
        let mut buf = String::new();
        let spans = spans.map(|(start, end)| {
            if start == u32::MAX {
                return (start, end);
            }
            let start_at = buf.len();
            buf.push_str(cap_field(&String::from_utf8_lossy(&bytes[start as usize..end as usize])));
            (offset(start_at), offset(buf.len()))
        });
        Self { buf: buf.into_boxed_str(), spans }
    }

    pub(super) fn get(&self, which: usize) -> Option<&str> {
        let (start, end) = self.spans[which];
        if start == u32::MAX {
            return None;
        }
        self.buf.get(start as usize..end as usize)
    }
}

/// An offset into a [`Texts`] buffer: three parts of at most [`MAX_FIELD`] bytes each (a
/// body's strings decode to no more than the body, which is at most [`MAX_BODY`](super::MAX_BODY)) fit in `u32`.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX - 1)
}

impl<E: ProviderError> ApiError<E> {
    /// The provider that answered.
    pub fn provider(&self) -> Provider {
        E::PROVIDER
    }

    /// The status that describes the failure: the one received, except for OpenList JSON
    /// bodies, whose `code` field is the real status (the HTTP 200 it came with is
    /// [`wire_status`](Self::wire_status)).
    pub fn http_status(&self) -> StatusCode {
        self.http_status
    }

    /// The HTTP status line the response actually had.
    pub fn wire_status(&self) -> StatusCode {
        self.wire_status
    }

    /// The catalogue entry the response names, when the code (or, for OpenList, the message)
    /// is known.
    pub fn code(&self) -> Option<E> {
        self.code
    }

    /// The code exactly as the body (or a header) gave it, known or not.
    pub fn raw_code(&self) -> Option<&RawCode> {
        self.raw_code.as_ref()
    }

    /// The server's message, decoded; for HTML pages, the page title.
    pub fn message(&self) -> Option<&str> {
        self.texts.get(Texts::MESSAGE)
    }

    /// The request id, from the provider's header or body.
    pub fn request_id(&self) -> Option<&str> {
        self.texts.get(Texts::REQUEST_ID)
    }

    /// A help link the body carried (QingStor's `url`).
    pub fn url(&self) -> Option<&str> {
        self.texts.get(Texts::URL)
    }

    /// The kind: from the catalogue entry when known, else from the HTTP status (see
    /// [`ErrorKind::from_status`]).
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Retry advice: from the catalogue entry when known, else from the kind.
    pub fn retry(&self) -> Retry {
        self.retry
    }

    /// `true` when retrying with backoff may succeed.
    pub fn is_retryable(&self) -> bool {
        self.retry.is_retryable()
    }

    /// How long the server asked the caller to wait, from the `Retry-After` header (429 and
    /// 503 answers carry it): seconds as sent, or the time until the HTTP date it names,
    /// measured from the response's `Date` header (else from when it was parsed). `None`
    /// without the header, or when its value is neither.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "qingstor")] {
    /// use std::time::Duration;
    /// use cloud_errcodes::{ProviderError, QingStorError};
    /// use http::{HeaderMap, HeaderValue, StatusCode};
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert("retry-after", HeaderValue::from_static("Sun, 06 Nov 1994 08:50:37 GMT"));
    /// headers.insert("date", HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"));
    /// let err = QingStorError::parse_parts(StatusCode::TOO_MANY_REQUESTS, &headers, b"");
    /// assert_eq!(err.retry_after(), Some(Duration::from_secs(60)));
    /// # }
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after.map(super::RetryAfter::remaining)
    }

    /// What the body was.
    pub fn body_format(&self) -> BodyFormat {
        self.body_format
    }

    /// `true` when only the start of the body was read: it was longer than
    /// [`MAX_BODY`](super::MAX_BODY), or the connection broke while it was read.
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }
}

impl<E: ProviderError> From<E> for ApiError<E> {
    /// The error as if the provider had answered with this code: its documented status, the
    /// code as raw code and its documented message (if any), nothing else.
    ///
    /// ```
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::{ApiError, UpyunError};
    ///
    /// let err = ApiError::from(UpyunError::BucketFull);
    /// assert_eq!(err.http_status().as_u16(), 403);
    /// assert_eq!(err.to_string(), "upyun 40300004: bucket is full (HTTP 403)");
    /// # }
    /// ```
    fn from(code: E) -> Self {
        let raw_code = match code.numeric_code() {
            Some(_) => RawCode::number(code.code_str().as_bytes()),
            None => RawCode::text(code.code_str()),
        };
        ApiError {
            code: Some(code),
            http_status: code.http_status(),
            wire_status: code.http_status(),
            kind: code.kind(),
            retry: code.retry(),
            retry_after: None,
            body_format: BodyFormat::Empty,
            truncated: false,
            raw_code: Some(raw_code),
            texts: Texts::new([code.wire_message().map(|m| Text::Plain(Cow::Borrowed(m))), None, None]),
        }
    }
}

/// How many characters of a server's message `Display` shows.
const SHOWN_MESSAGE: usize = 200;
/// How many characters of a raw code or request id `Display` shows.
const SHOWN_ID: usize = 64;

impl<E: ProviderError> fmt::Display for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(E::PROVIDER.as_str())?;
        match (self.code, &self.raw_code) {
            // A templated code (`503xx001`) shows the digits the response had.
            (Some(code), Some(raw)) if code.code_str().contains('x') => {
                f.write_str(" ")?;
                write_escaped(f, raw.as_str(), SHOWN_ID)?;
            }
            (Some(code), _) => write!(f, " {}", code.code_str())?,
            (None, Some(raw)) => {
                f.write_str(" ")?;
                write_escaped(f, raw.as_str(), SHOWN_ID)?;
            }
            (None, None) => {}
        }
        f.write_str(": ")?;
        match (self.code, self.message()) {
            (Some(code), _) => f.write_str(code.summary())?,
            (None, Some(message)) => write_escaped(f, message, SHOWN_MESSAGE)?,
            (None, None) => f.write_str(self.http_status.canonical_reason().unwrap_or("no message"))?,
        }
        write!(f, " (HTTP {}", self.http_status.as_u16())?;
        if let Some(id) = self.request_id() {
            f.write_str(", request ")?;
            write_escaped(f, id, SHOWN_ID)?;
        }
        f.write_str(")")
    }
}

impl<E: ProviderError> fmt::Debug for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("provider", &E::PROVIDER)
            .field("code", &self.code)
            .field("raw_code", &self.raw_code)
            .field("http_status", &self.http_status.as_u16())
            .field("wire_status", &self.wire_status.as_u16())
            .field("message", &self.message())
            .field("request_id", &self.request_id())
            .field("url", &self.url())
            .field("kind", &self.kind)
            .field("retry", &self.retry)
            .field("retry_after", &self.retry_after())
            .field("body_format", &self.body_format)
            .field("truncated", &self.truncated)
            .finish()
    }
}

impl<E: ProviderError> std::error::Error for ApiError<E> {}

/// Characters that must not reach a terminal or a log line as they are: control characters,
/// Unicode line and paragraph separators, and the bidirectional overrides and isolates.
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Writes `text` with [`needs_escape`] characters escaped (`\n`, `\u{1b}`), cut after `max`
/// characters and then marked `…`.
pub(crate) fn write_escaped(f: &mut impl fmt::Write, text: &str, max: usize) -> fmt::Result {
    for (shown, c) in text.chars().enumerate() {
        if shown == max {
            return f.write_char('…');
        }
        match needs_escape(c) {
            true => write!(f, "{}", c.escape_default())?,
            false => f.write_char(c)?,
        }
    }
    Ok(())
}

#[cfg(feature = "serde")]
impl<E: ProviderError + serde::Serialize> serde::Serialize for ApiError<E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("ApiError", 13)?;
        s.serialize_field("provider", E::PROVIDER.as_str())?;
        s.serialize_field("http_status", &self.http_status.as_u16())?;
        s.serialize_field("wire_status", &self.wire_status.as_u16())?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("raw_code", &self.raw_code)?;
        s.serialize_field("message", &self.message())?;
        s.serialize_field("request_id", &self.request_id())?;
        s.serialize_field("url", &self.url())?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("retry", &self.retry)?;
        s.serialize_field("retry_after_secs", &self.retry_after().map(|d| d.as_secs()))?;
        s.serialize_field("body_format", &self.body_format)?;
        s.serialize_field("truncated", &self.truncated)?;
        s.end()
    }
}
