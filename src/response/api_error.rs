//! [`ApiError`], a parsed error response of one provider, the record it shares with
//! [`AnyApiError`](super::AnyApiError), and how both are shown.

use std::{borrow::Cow, error::Error, fmt, sync::Arc, time::Duration};

use http::{HeaderMap, StatusCode};

use super::{BodyFormat, MAX_FIELD, ParseResponse, RawCode, Text, body::cap_field, retry_after::RetryAfter};
use crate::{
    escape::write_escaped, kind::ErrorKind, kind::Retry, lang::Lang, provider::Provider, provider_error::ProviderError,
};

/// A failed API call of one provider, parsed from the raw response, owning everything it
/// could read.
///
/// Built by [`ParseResponse::parse_parts`] and the other parsers (also callable as
/// `UpyunError::parse_parts` and so on, without importing the trait), from a catalogue entry
/// with [`From`], or with [`ApiError::builder`] (for tests of code that handles these errors).
/// [`AnyApiError`](super::AnyApiError) is the same error with the provider erased.
///
/// # Display
///
/// `Display` is one line, the same shape for every provider:
/// `<provider> <code>: <text> (HTTP <status>, request <id>)`. When the response names a known
/// code, `<code>` is that code (for OpenList, the symptom's id; for a templated code such as
/// UpYun's `503xx001`, the digits the response had) and `<text>` our short summary of it (the
/// enum's own `Display`), so the line is stable whatever wording the server used; otherwise
/// `<code>` is the raw code (omitted when there was none) and `<text>` the server's message,
/// else the status's reason phrase. Everything that came from the server is shown with control
/// and invisible characters escaped (`\n`, `\u{1b}`) and cut to a few hundred characters
/// (marked `…`); the accessors return it whole. A transport error that cut the body short is
/// not shown: [`source`](Error::source) returns it.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "upyun")] {
/// use cloud_errcodes::{BodyFormat, ErrorKind, UpyunError};
/// use cloud_errcodes::http::{HeaderMap, StatusCode};
///
/// let body = br#"{"msg": "bucket is full", "code": 40300004, "id": "11e4a729d24943409933a5e8314cd32e"}"#;
/// let err = UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), body);
/// assert_eq!(err.code(), Some(UpyunError::BucketFull));
/// assert_eq!(err.code_str(), Some("40300004"));
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
    pub(super) record: Record,
}

/// Everything a parsed error holds but its typed code: shared by [`ApiError`] and
/// [`AnyApiError`](super::AnyApiError).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub(crate) http_status: StatusCode,
    pub(crate) wire_status: StatusCode,
    pub(crate) kind: ErrorKind,
    pub(crate) retry: Retry,
    pub(crate) body_format: BodyFormat,
    pub(crate) truncated: bool,
    pub(crate) raw_code: Option<RawCode>,
    /// The message, request id and url, in one allocation.
    pub(crate) texts: Texts,
    /// What few errors have, boxed so that the common error stays small.
    pub(crate) extras: Option<Box<Extras>>,
}

/// The rarer parts of a [`Record`].
#[derive(Clone, Default)]
pub(crate) struct Extras {
    pub(crate) retry_after: Option<RetryAfter>,
    /// The transport error that cut the body short.
    pub(crate) source: Option<Arc<dyn Error + Send + Sync + 'static>>,
    /// How strongly a text showed the error, for one read by `parse_text`.
    pub(crate) evidence: Option<super::Evidence>,
}

impl PartialEq for Extras {
    /// Transport errors cannot be compared: two extras are equal when both have one or neither.
    fn eq(&self, other: &Self) -> bool {
        self.retry_after == other.retry_after
            && self.source.is_some() == other.source.is_some()
            && self.evidence == other.evidence
    }
}

impl Eq for Extras {}

/// Up to three strings in one buffer, each found by its byte range. Each is at most
/// [`MAX_FIELD`](super::MAX_FIELD) bytes, so the offsets fit in `u32`.
#[derive(Clone, PartialEq, Eq, Default)]
pub(crate) struct Texts {
    buf: Box<str>,
    /// Start and end of each string in `buf`; a start of `u32::MAX` marks one that is absent.
    spans: [(u32, u32); 3],
}

impl Texts {
    pub(crate) const MESSAGE: usize = 0;
    pub(crate) const REQUEST_ID: usize = 1;
    pub(crate) const URL: usize = 2;

    /// The parts in one buffer, their UTF-8 checked once for all of them (invalid bytes
    /// become U+FFFD in the part that has them) and each cut to [`MAX_FIELD`].
    pub(crate) fn new(parts: [Option<Text<'_>>; 3]) -> Self {
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

    pub(crate) fn get(&self, which: usize) -> Option<&str> {
        let (start, end) = self.spans[which];
        if start == u32::MAX {
            return None;
        }
        self.buf.get(start as usize..end as usize)
    }
}

impl Texts {
    /// The same texts with part `which` replaced.
    pub(crate) fn replace(&mut self, which: usize, text: Text<'_>) {
        let mut parts: [Option<Text<'_>>; 3] =
            [0, 1, 2].map(|i| self.get(i).map(|t| Text::Plain(Cow::Owned(t.to_owned()))));
        parts[which] = Some(text);
        *self = Texts::new(parts);
    }
}

/// An offset into a [`Texts`] buffer: three parts of at most [`MAX_FIELD`] bytes each (a
/// body's strings decode to no more than the body, which is at most [`MAX_BODY`](super::MAX_BODY)) fit in `u32`.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX - 1)
}

/// What a known code contributes to the line `Display` writes.
#[derive(Clone, Copy)]
pub(crate) struct Shown<'a> {
    pub(crate) code_str: &'a str,
    pub(crate) summary: &'a str,
    pub(crate) template: bool,
}

/// How many characters of a server's message `Display` shows.
const SHOWN_MESSAGE: usize = 200;
/// How many characters of a raw code or request id `Display` shows.
const SHOWN_ID: usize = 64;

impl Record {
    pub(crate) fn message(&self) -> Option<&str> {
        self.texts.get(Texts::MESSAGE)
    }

    pub(crate) fn request_id(&self) -> Option<&str> {
        self.texts.get(Texts::REQUEST_ID)
    }

    pub(crate) fn url(&self) -> Option<&str> {
        self.texts.get(Texts::URL)
    }

    pub(crate) fn retry_after(&self) -> Option<Duration> {
        self.extras.as_ref()?.retry_after.map(RetryAfter::remaining)
    }

    pub(crate) fn source(&self) -> Option<&(dyn Error + 'static)> {
        let source = self.extras.as_ref()?.source.as_ref()?;
        Some(&**source as &(dyn Error + 'static))
    }

    fn extras_mut(&mut self) -> &mut Extras {
        self.extras.get_or_insert_with(Default::default)
    }

    pub(crate) fn set_retry_after(&mut self, retry_after: Option<RetryAfter>) {
        if retry_after.is_some() || self.extras.is_some() {
            self.extras_mut().retry_after = retry_after;
        }
    }

    pub(crate) fn evidence(&self) -> Option<super::Evidence> {
        self.extras.as_ref()?.evidence
    }

    pub(crate) fn set_evidence(&mut self, evidence: super::Evidence) {
        self.extras_mut().evidence = Some(evidence);
    }

    /// Keeps the transport error that cut the body short, and marks the body truncated.
    pub(crate) fn set_source(&mut self, source: Arc<dyn Error + Send + Sync + 'static>) {
        self.truncated = true;
        self.extras_mut().source = Some(source);
    }

    /// The code a user matches on: a known code's id (the digits the response had for a
    /// template), else the raw code.
    pub(crate) fn code_str<'a>(&'a self, known: Option<Shown<'a>>) -> Option<&'a str> {
        match (known, &self.raw_code) {
            (Some(code), Some(raw)) if code.template => Some(raw.as_str()),
            (Some(code), _) => Some(code.code_str),
            (None, raw) => raw.as_ref().map(RawCode::as_str),
        }
    }

    /// The one-line `Display` of the module docs.
    pub(crate) fn write_line(
        &self,
        f: &mut fmt::Formatter<'_>,
        provider: Provider,
        known: Option<Shown<'_>>,
    ) -> fmt::Result {
        f.write_str(provider.as_str())?;
        match (known, self.code_str(known)) {
            (Some(code), Some(shown)) if !code.template => write!(f, " {shown}")?,
            (_, Some(shown)) => {
                f.write_str(" ")?;
                write_escaped(f, shown, SHOWN_ID)?;
            }
            (_, None) => {}
        }
        f.write_str(": ")?;
        match (known, self.message()) {
            (Some(code), _) => f.write_str(code.summary)?,
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

    /// The fields `Debug` shows after the provider and the code.
    pub(crate) fn debug_fields(&self, s: &mut fmt::DebugStruct<'_, '_>) {
        s.field("raw_code", &self.raw_code)
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
            .field("source", &self.source());
    }

    /// The flat record serde writes, `code` given by the caller.
    #[cfg(feature = "serde")]
    pub(crate) fn serialize<S: serde::Serializer, C: serde::Serialize>(
        &self,
        serializer: S,
        provider: Provider,
        code: C,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("ApiError", 13)?;
        s.serialize_field("provider", provider.as_str())?;
        s.serialize_field("http_status", &self.http_status.as_u16())?;
        s.serialize_field("wire_status", &self.wire_status.as_u16())?;
        s.serialize_field("code", &code)?;
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

/// The accessors [`ApiError`] and [`AnyApiError`](super::AnyApiError) share, written once: each
/// reads the shared record.
macro_rules! record_accessors {
    () => {
        /// The status that describes the failure: the one received, except for OpenList JSON
        /// bodies, whose `code` field is the real status (the HTTP 200 it came with is
        /// [`wire_status`](Self::wire_status)).
        pub fn http_status(&self) -> ::http::StatusCode {
            self.record.http_status
        }

        /// The HTTP status line the response actually had.
        pub fn wire_status(&self) -> ::http::StatusCode {
            self.record.wire_status
        }

        /// The code exactly as the body (or a header) gave it, known or not.
        pub fn raw_code(&self) -> Option<&crate::response::RawCode> {
            self.record.raw_code.as_ref()
        }

        /// The server's message, decoded; for HTML pages, the page title.
        pub fn message(&self) -> Option<&str> {
            self.record.message()
        }

        /// The request id, from the provider's header or body. A header sent more than once
        /// (a proxy adding its own) gives each distinct value, joined with `, ` as HTTP
        /// combines repeated fields.
        pub fn request_id(&self) -> Option<&str> {
            self.record.request_id()
        }

        /// A help link the body carried (QingStor's `url`).
        pub fn url(&self) -> Option<&str> {
            self.record.url()
        }

        /// The kind: from the catalogue entry when known, else from the HTTP status (see
        /// [`ErrorKind::from_status`](crate::ErrorKind::from_status)).
        pub fn kind(&self) -> crate::kind::ErrorKind {
            self.record.kind
        }

        /// Retry advice: from the catalogue entry when known, else from the kind.
        pub fn retry(&self) -> crate::kind::Retry {
            self.record.retry
        }

        /// `true` when retrying with backoff may succeed.
        pub fn is_retryable(&self) -> bool {
            self.record.retry.is_retryable()
        }

        /// How long the server asked the caller to wait, from the `Retry-After` header (429 and
        /// 503 answers carry it): seconds as sent, or the time until the HTTP date it names,
        /// measured from the response's `Date` header (else from when it was parsed), at most
        /// [`MAX_RETRY_AFTER`](crate::response::MAX_RETRY_AFTER) (a day). `None` without the
        /// header, or when its value is neither (an impossible date such as 31 February too).
        pub fn retry_after(&self) -> Option<::std::time::Duration> {
            self.record.retry_after()
        }

        /// For an error found in text by `parse_text`, how strongly the text showed it (see
        /// [`Evidence`](crate::Evidence)); `None` for a parsed response.
        pub fn evidence(&self) -> Option<crate::response::Evidence> {
            self.record.evidence()
        }

        /// What the body was.
        pub fn body_format(&self) -> crate::response::BodyFormat {
            self.record.body_format
        }

        /// `true` when only the start of the body was read: it was longer than
        /// [`MAX_BODY`](crate::response::MAX_BODY), or the connection broke while it was read
        /// (then [`source`](::std::error::Error::source) returns the transport error).
        pub fn is_truncated(&self) -> bool {
            self.record.truncated
        }
    };
}

pub(crate) use record_accessors;

impl<E: ProviderError> ApiError<E> {
    record_accessors!();

    /// The provider that answered.
    pub fn provider(&self) -> Provider {
        E::PROVIDER
    }

    /// The catalogue entry the response names, when the code (or, for OpenList, the message)
    /// is known.
    pub fn code(&self) -> Option<E> {
        self.code
    }

    /// The code a user matches on: the known code's id (for OpenList the symptom id such as
    /// `token_expired`, not the body's `500`; for a templated code the digits the response
    /// had), else the raw code; `None` when the response had neither.
    pub fn code_str(&self) -> Option<&str> {
        self.record.code_str(self.shown())
    }

    /// What the known code means, in the given language.
    pub fn description(&self, lang: Lang) -> Option<&'static str> {
        self.code.map(|code| code.description(lang))
    }

    /// What to do about the known code, where the catalogue says.
    pub fn remedy(&self, lang: Lang) -> Option<&'static str> {
        self.code?.remedy(lang)
    }

    /// The API surface the known code comes from.
    pub fn surface(&self) -> Option<&'static str> {
        self.code.map(E::surface)
    }

    /// Where the catalogue's facts for the known code come from.
    pub fn provenance(&self) -> Option<&'static str> {
        self.code.map(E::provenance)
    }

    /// A builder for an error as a server would have sent it, for tests of code that handles
    /// these errors.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "upyun")] {
    /// use std::time::Duration;
    /// use cloud_errcodes::{ApiError, UpyunError};
    /// use cloud_errcodes::http::StatusCode;
    ///
    /// let err = ApiError::builder(StatusCode::TOO_MANY_REQUESTS)
    ///     .code(UpyunError::TooManyRequests)
    ///     .request_id("11e4a729d24943409933a5e8314cd32e")
    ///     .retry_after(Duration::from_secs(3))
    ///     .build();
    /// assert!(err.is_retryable());
    /// assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));
    /// assert_eq!(err.message(), Some("too many requests"));
    /// assert_eq!(err.to_string(), "upyun 42900001: too many requests (HTTP 429, request 11e4a729d24943409933a5e8314cd32e)");
    /// # }
    /// ```
    pub fn builder(status: StatusCode) -> ApiErrorBuilder<E> {
        ApiErrorBuilder {
            status,
            wire_status: None,
            code: None,
            raw_code: None,
            message: None,
            request_id: None,
            url: None,
            retry_after: None,
            source: None,
            headers: None,
        }
    }

    fn shown(&self) -> Option<Shown<'static>> {
        self.code.map(|code| Shown { code_str: code.code_str(), summary: code.summary(), template: code.is_template() })
    }

    pub(crate) fn into_parts(self) -> (Option<E>, Record) {
        (self.code, self.record)
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
            record: Record {
                http_status: code.http_status(),
                wire_status: code.http_status(),
                kind: code.kind(),
                retry: code.retry(),
                body_format: BodyFormat::Empty,
                truncated: false,
                raw_code: Some(raw_code),
                texts: Texts::new([code.wire_message().map(|m| Text::Plain(Cow::Borrowed(m))), None, None]),
                extras: None,
            },
        }
    }
}

/// Builds an [`ApiError`] as a server would have sent it (see [`ApiError::builder`]).
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct ApiErrorBuilder<E: ProviderError> {
    status: StatusCode,
    wire_status: Option<StatusCode>,
    code: Option<E>,
    raw_code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    url: Option<String>,
    retry_after: Option<Duration>,
    source: Option<Arc<dyn Error + Send + Sync + 'static>>,
    headers: Option<HeaderMap>,
}

impl<E: ParseResponse> ApiErrorBuilder<E> {
    /// The catalogue entry the response names: its kind, retry advice and (unless given) its
    /// message and raw code.
    pub fn code(mut self, code: E) -> Self {
        self.code = Some(code);
        self
    }

    /// The code exactly as the response gave it (a code the catalogue does not know, or a
    /// template's digits).
    pub fn raw_code(mut self, raw_code: impl Into<String>) -> Self {
        self.raw_code = Some(raw_code.into());
        self
    }

    /// The server's message.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// The request id.
    pub fn request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// A help link (QingStor's `url`).
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The status line the response had, when it differs from the failure's status (OpenList
    /// answers HTTP 200 with the real status in the body).
    pub fn wire_status(mut self, status: StatusCode) -> Self {
        self.wire_status = Some(status);
        self
    }

    /// How long the server asked the caller to wait.
    pub fn retry_after(mut self, delay: Duration) -> Self {
        self.retry_after = Some(delay);
        self
    }

    /// Response headers, read as the parsers read them: the provider's request id header,
    /// `Retry-After` (with `Date`) and the provider's code header. Values set on the builder
    /// win.
    pub fn headers(mut self, headers: HeaderMap) -> Self {
        self.headers = Some(headers);
        self
    }

    /// The transport error that cut the body short; the error is then marked truncated.
    pub fn source(mut self, source: impl Error + Send + Sync + 'static) -> Self {
        self.source = Some(Arc::new(source));
        self
    }

    /// The error.
    pub fn build(self) -> ApiError<E> {
        let wire_status = self.wire_status.unwrap_or(self.status);
        let mut err =
            super::parse_headers::<E>(wire_status, self.status, self.headers.as_ref().unwrap_or(&HeaderMap::new()));
        let raw_code = self.raw_code.as_deref().map(RawCode::text).or_else(|| {
            let code = self.code?;
            Some(match code.numeric_code() {
                Some(_) => RawCode::number(code.code_str().as_bytes()),
                None => RawCode::text(code.code_str()),
            })
        });
        if raw_code.is_some() {
            err.record.raw_code = raw_code;
        }
        let message = self.message.or_else(|| self.code?.wire_message().map(str::to_owned));
        let texts = [message, self.request_id, self.url].map(|text| text.map(|t| Text::Plain(Cow::Owned(t))));
        for (which, text) in texts.into_iter().enumerate() {
            if let Some(text) = text {
                err.record.texts.replace(which, text);
            }
        }
        if let Some(code) = self.code {
            err.code = Some(code);
            err.record.kind = code.kind();
            err.record.retry = code.retry();
        }
        if let Some(delay) = self.retry_after {
            err.record.set_retry_after(Some(RetryAfter::Delay(delay.as_secs())));
        }
        if let Some(source) = self.source {
            err.record.set_source(source);
        }
        err
    }
}

impl<E: ProviderError> fmt::Display for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.record.write_line(f, E::PROVIDER, self.shown())
    }
}

impl<E: ProviderError> fmt::Debug for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("ApiError");
        s.field("provider", &E::PROVIDER).field("code", &self.code);
        self.record.debug_fields(&mut s);
        s.finish()
    }
}

impl<E: ProviderError> Error for ApiError<E> {
    /// The transport error that cut the body short, if one did.
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.record.source()
    }
}

#[cfg(feature = "serde")]
impl<E: ProviderError + serde::Serialize> serde::Serialize for ApiError<E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.record.serialize(serializer, E::PROVIDER, self.code)
    }
}
