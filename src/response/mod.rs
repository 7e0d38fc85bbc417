//! Turning raw HTTP error responses into [`ApiError`]s.
//!
//! One parser serves every provider; each provider's profile (kept with its enum) says which
//! JSON keys and headers hold the code, message and request id. Whatever the server (or a
//! proxy in front of it) sent, the result is an [`ApiError`]: never a panic, and everything
//! readable is kept. The parsers are the methods of [`ParseResponse`], which every provider
//! enum also has as inherent methods (`UpyunError::parse_parts(..)` needs no import).
//!
//! # Limits
//!
//! Only the first [`MAX_BODY`] bytes of a body are read (64 KiB; error bodies are a few hundred
//! bytes), so time and memory stay bounded whatever the server sends;
//! [`ApiError::is_truncated`] says when a body was longer. A JSON body cut by the limit keeps
//! the fields that were complete before the cut. Values taken from headers are cut to
//! [`MAX_FIELD`] bytes, as body fields are by the body limit.

mod any_error;
mod api_error;
mod body;
mod body_format;
mod html;
mod http_date;
mod judge;
mod profile;
mod raw_code;
mod reading;
mod retry_after;
mod text;

use http::{HeaderMap, Response, StatusCode};

#[cfg(feature = "leancloud")]
pub(crate) use self::body::read_json_object;
#[cfg(feature = "http-body")]
pub(crate) use self::judge::{Verdict, judge};
#[allow(unused_imports, reason = "which helpers are used depends on the providers compiled in")]
pub(crate) use self::text::{
    MAX_MARKERS, MessageIndex, TextRules, after, agrees, cap, find_ci, first_line, is_reason_name, leading_int,
    line_at, line_before, message_of, object_reading, objects, occurrences, percent_decode, quoted, read_with_rules,
    status_at, text_before,
};
pub use self::{
    any_error::AnyApiError,
    api_error::{ApiError, ApiErrorBuilder},
    body_format::BodyFormat,
    raw_code::RawCode,
    reading::Evidence,
    retry_after::MAX_RETRY_AFTER,
    text::MAX_TEXT,
};
pub(crate) use self::{
    api_error::Record,
    body::Fields,
    profile::{Field, Profile, Wire, X_REQUEST_ID},
    reading::Reading,
};
use self::{
    api_error::Texts,
    body::{Text, header_text, header_texts, read_body},
};
use crate::{kind::ErrorKind, kind::Retry, provider_error::Internal};

/// How many bytes of a body are read at most.
pub const MAX_BODY: usize = 64 * 1024;

/// How many bytes of a single text value (a header's value, a message) are kept at most.
pub const MAX_FIELD: usize = MAX_BODY;

/// Parsing a provider's error responses: implemented by every provider enum, which also has
/// each method as an inherent method, so `UpyunError::parse_parts(..)` needs no import. Bound
/// on this trait to parse generically (`fn handle<E: ParseResponse>(..)`).
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "qingstor")] {
/// use cloud_errcodes::{BodyFormat, ParseResponse, QingStorError};
/// use cloud_errcodes::http::{HeaderMap, HeaderValue, StatusCode};
///
/// fn request_id<E: ParseResponse>(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Option<String> {
///     E::parse_parts(status, headers, body).request_id().map(str::to_owned)
/// }
///
/// let mut headers = HeaderMap::new();
/// headers.insert("x-qs-request-id", HeaderValue::from_static("aa08cf7a43f611e5"));
/// let body = br#"{"code": "bucket_not_empty", "message": "Bucket is not empty"}"#;
/// assert_eq!(request_id::<QingStorError>(StatusCode::CONFLICT, &headers, body).as_deref(), Some("aa08cf7a43f611e5"));
///
/// let page = b"<html><head><title>502 Bad Gateway</title></head></html>";
/// let err = QingStorError::parse_parts(StatusCode::BAD_GATEWAY, &HeaderMap::new(), page);
/// assert_eq!(err.body_format(), BodyFormat::Html);
/// assert_eq!(err.message(), Some("502 Bad Gateway"));
/// assert!(err.is_retryable());
/// # }
/// ```
pub trait ParseResponse: Wire {
    /// Parses a raw error response: the HTTP status, the headers and the body bytes.
    ///
    /// Never fails and never panics: an empty body, an HTML page from a proxy, plain text,
    /// broken or truncated JSON all give an [`ApiError`] keeping what could be read (see
    /// [`response`](crate::response) for the rules and limits).
    fn parse_parts(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError<Self> {
        parse(status, headers, body)
    }

    /// [`parse_parts`](Self::parse_parts) on an [`http::Response`].
    fn parse_response<B: AsRef<[u8]>>(response: &Response<B>) -> ApiError<Self> {
        Self::parse_parts(response.status(), response.headers(), response.body().as_ref())
    }

    /// Finds this provider's error in any text: a log line, an exception as an official SDK
    /// prints it, a pasted body (after a prefix, in quotes, pretty-printed, cut short, nested
    /// under another object, JSON-encoded again as a string, as JavaScript or Python print
    /// objects), a documented message alone where it names exactly one code, a realtime
    /// reason name. `None` when the text holds no error of this provider: a bare HTTP status,
    /// another service's error with the same words or keys, a client-side failure.
    ///
    /// The error is the same [`ApiError`] the response parsers give: the typed code when known,
    /// the raw code whenever the text had one, the message, request id and status the text
    /// carried. When the text carries no status, [`http_status`](ApiError::http_status) is the
    /// known code's documented status (with neither, `500` stands in and the kind is
    /// [`Other`](crate::ErrorKind::Other)). [`ApiError::evidence`] says how strongly the text
    /// showed the error, for ranking readings of one text by several providers.
    ///
    /// Reads at most the first [`MAX_TEXT`] bytes; time is linear in the text and memory
    /// bounded, whatever it holds. Never panics.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::{Evidence, ParseResponse, UpyunError};
    /// use cloud_errcodes::http::StatusCode;
    ///
    /// let line = r#"删除失败:{"msg":"file or directory not found","code":40400001,"id":"5931bac0"}"#;
    /// let err = <UpyunError as ParseResponse>::parse_text(line).unwrap();
    /// assert_eq!(err.code(), Some(UpyunError::FileNotFound));
    /// assert_eq!(err.request_id(), Some("5931bac0"));
    /// assert_eq!(err.evidence(), Some(Evidence::Body));
    ///
    /// // The Go SDK's rendering:
    /// let go = "put /a.jpg error: status=503, code=50300020, message=put file capture error, request-id=5931bac0";
    /// let err = UpyunError::parse_text(go).unwrap();
    /// assert_eq!(err.code_str(), Some("50300020"));
    /// assert_eq!(err.http_status(), StatusCode::SERVICE_UNAVAILABLE);
    ///
    /// assert!(UpyunError::parse_text("HTTP 400").is_none());
    /// # }
    /// ```
    fn parse_text(text: &str) -> Option<ApiError<Self>> {
        Self::read_text(text, Internal(())).map(text::build)
    }

    /// `Ok` when the response is a success the way the provider means it, else the parsed
    /// error.
    ///
    /// For UpYun, QingStor and LeanCloud success is a 2xx status. OpenList answers HTTP 200
    /// for failures too: a 2xx response whose body is OpenList's API envelope (a JSON object
    /// with `code` and `message`) fails when that `code` is not 200; any other 2xx body (a
    /// download, even a JSON file with a `code` key of its own) is a success. Informational
    /// (1xx) and `304 Not Modified` answers are not failures either.
    ///
    /// # Errors
    ///
    /// The parsed [`ApiError`] when the response is a failure.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "openlist")] {
    /// use cloud_errcodes::OpenListError;
    /// use cloud_errcodes::http::{HeaderMap, StatusCode};
    ///
    /// let ok = br#"{"code": 200, "message": "success", "data": {}}"#;
    /// assert!(OpenListError::check_parts(StatusCode::OK, &HeaderMap::new(), ok).is_ok());
    ///
    /// let failed = br#"{"code": 500, "message": "failed get objs: failed to list objs: query fail [61008]", "data": null}"#;
    /// let err = OpenListError::check_parts(StatusCode::OK, &HeaderMap::new(), failed).unwrap_err();
    /// assert_eq!(err.code(), Some(OpenListError::QueryFail61008));
    /// assert_eq!(err.http_status(), StatusCode::INTERNAL_SERVER_ERROR);
    /// assert_eq!(err.wire_status(), StatusCode::OK);
    /// # }
    /// ```
    fn check_parts(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<(), ApiError<Self>> {
        match judge::is_failure(Self::profile(Internal(())), status, body) {
            true => Err(Self::parse_parts(status, headers, body)),
            false => Ok(()),
        }
    }

    /// [`check_parts`](Self::check_parts) on an [`http::Response`].
    ///
    /// # Errors
    ///
    /// The parsed [`ApiError`] when the response is a failure.
    fn check_response<B: AsRef<[u8]>>(response: &Response<B>) -> Result<(), ApiError<Self>> {
        Self::check_parts(response.status(), response.headers(), response.body().as_ref())
    }
}

impl<E: Wire> ParseResponse for E {}

/// Parses a response of provider `E`.
fn parse<E: Wire>(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError<E> {
    let profile = E::profile(Internal(()));
    let (body_format, fields, truncated) = read(profile, headers, body);
    let http_status = body_status(profile, &fields).unwrap_or(status);
    let mut err: ApiError<E> = assemble(status, http_status, body_format, fields, truncated);
    err.record.set_retry_after(retry_after::retry_after(headers));
    err
}

/// An error with no body, from the headers alone: what the builder starts from.
pub(crate) fn parse_headers<E: Wire>(
    wire_status: StatusCode,
    http_status: StatusCode,
    headers: &HeaderMap,
) -> ApiError<E> {
    let (body_format, fields, truncated) = read(E::profile(Internal(())), headers, b"");
    let mut err: ApiError<E> = assemble(wire_status, http_status, body_format, fields, truncated);
    err.record.set_retry_after(retry_after::retry_after(headers));
    err
}

/// A response read with a provider's profile but no catalogue: for a provider whose feature is
/// off, so its code cannot be looked up.
#[cfg(not(all(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist")))]
pub(crate) fn parse_uncatalogued(profile: &Profile, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Record {
    let (body_format, fields, truncated) = read(profile, headers, body);
    let http_status = body_status(profile, &fields).unwrap_or(status);
    let raw_code = fields.code;
    let texts = Texts::new([fields.message, fields.request_id, fields.url]);
    let mut record = Record::new(profile, status, http_status, body_format, raw_code, texts, truncated, None);
    record.set_retry_after(retry_after::retry_after(headers));
    record
}

/// The body (at most [`MAX_BODY`] bytes of it) and the headers that stand in for it.
fn read<'a>(profile: &Profile, headers: &'a HeaderMap, body: &'a [u8]) -> (BodyFormat, Fields<'a>, bool) {
    let truncated = body.len() > MAX_BODY;
    let body = &body[..body.len().min(MAX_BODY)];
    let (mut body_format, mut fields) = read_body(profile, body, truncated);
    if body_format == BodyFormat::Unreadable && compressed(headers, body) {
        body_format = BodyFormat::Compressed;
    }

    // The header first: it is set by the provider's front end on every response, bodies or not.
    // Every value of a repeated header is kept (a proxy may add its own id).
    let header_id = profile.request_id_headers.iter().find_map(|name| header_texts(headers, name));
    if let Some(id) = header_id {
        fields.request_id = Some(Text::Plain(id));
    }
    if fields.code.is_none() && !headers.is_empty() {
        fields.code = profile.code_header.as_ref().and_then(|name| header_text(headers, name)).map(RawCode::text);
    }
    (body_format, fields, truncated)
}

/// Whether a body that is not text is compressed data: its `Content-Encoding` names a
/// compression, or it starts with gzip's magic bytes.
fn compressed(headers: &HeaderMap, body: &[u8]) -> bool {
    let labelled = headers.get_all(http::header::CONTENT_ENCODING).iter().any(|value| {
        let value = value.as_bytes().trim_ascii();
        !value.is_empty() && !value.eq_ignore_ascii_case(b"identity")
    });
    labelled || body.starts_with(&[0x1f, 0x8b])
}

/// For a provider with its status in the body (OpenList), the status the body's code stands
/// for: an integer from 100 to 599.
fn body_status(profile: &Profile, fields: &Fields<'_>) -> Option<StatusCode> {
    if !profile.status_in_body {
        return None;
    }
    let n = u16::try_from(fields.code.as_ref()?.to_i64()?).ok().filter(|n| (100..=599).contains(n))?;
    StatusCode::from_u16(n).ok()
}

/// The error from what was read; `http_status` is the status that describes the failure.
pub(crate) fn assemble<E: Wire>(
    wire_status: StatusCode,
    http_status: StatusCode,
    body_format: BodyFormat,
    fields: Fields<'_>,
    truncated: bool,
) -> ApiError<E> {
    let texts = Texts::new([fields.message, fields.request_id, fields.url]);
    let code = E::from_parts(fields.code.as_ref(), texts.get(Texts::MESSAGE), Internal(()));
    let known = code.map(|code| (code.kind(), code.retry()));
    let profile = E::profile(Internal(()));
    let record = Record::new(profile, wire_status, http_status, body_format, fields.code, texts, truncated, known);
    ApiError { code, record }
}

impl Record {
    /// The record of an error; `known` is the kind and retry advice of the code when the
    /// catalogue knows it, else they follow from the status.
    #[allow(clippy::too_many_arguments, reason = "one constructor for the two parsers' records")]
    fn new(
        profile: &Profile,
        wire_status: StatusCode,
        http_status: StatusCode,
        body_format: BodyFormat,
        raw_code: Option<RawCode>,
        texts: Texts,
        truncated: bool,
        known: Option<(ErrorKind, Retry)>,
    ) -> Self {
        let (kind, retry) = known.unwrap_or_else(|| {
            let special = profile.status_without_code.iter().find(|(s, _, _)| *s == http_status);
            match (special, &raw_code) {
                (Some(&(_, kind, retry)), None) => (kind, retry),
                _ => {
                    let kind = ErrorKind::from_status(http_status);
                    (kind, kind.default_retry())
                }
            }
        });
        Record { http_status, wire_status, kind, retry, body_format, truncated, raw_code, texts, extras: None }
    }
}

/// The same error, described by another status (a batch item's own).
#[cfg(feature = "leancloud")]
pub(crate) fn with_status<E: Wire>(mut err: ApiError<E>, status: StatusCode) -> ApiError<E> {
    err.record.http_status = status;
    if err.code.is_none() {
        err.record.kind = ErrorKind::from_status(status);
        err.record.retry = err.record.kind.default_retry();
    }
    err
}

/// Keeps the transport error that cut a body short.
#[cfg(feature = "http-body")]
pub(crate) fn with_source<E: Wire>(
    mut err: ApiError<E>,
    source: std::sync::Arc<dyn std::error::Error + Send + Sync + 'static>,
) -> ApiError<E> {
    err.record.set_source(source);
    err
}
