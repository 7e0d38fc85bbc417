//! Turning raw HTTP error responses into [`ApiError`]s.
//!
//! One parser serves every provider; a small per-provider profile says which JSON keys and
//! headers hold the code, message and request id. Whatever the server (or a proxy in front of
//! it) sent, the result is an [`ApiError`]: never a panic, and everything readable is kept.
//!
//! # Limits
//!
//! Only the first [`MAX_BODY`] bytes of a body are read (64 KiB; error bodies are a few hundred
//! bytes), so time and memory stay bounded whatever the server sends;
//! [`ApiError::is_truncated`] says when a body was longer. A JSON body cut by the limit keeps
//! the fields that were complete before the cut.

use std::{borrow::Cow, fmt};

use http::{HeaderMap, HeaderName, StatusCode};

use crate::{
    ErrorKind, Provider, ProviderError, Retry,
    json::{self, End, Value},
};

/// How many bytes of a body are read at most.
pub const MAX_BODY: usize = 64 * 1024;

/// A code exactly as the response gave it, known to the catalogue or not.
///
/// Short codes (up to 22 bytes, which is every real one) are stored inline, so keeping the raw
/// code costs no allocation.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::{ProviderError, RawCode, UpyunError};
/// use http::{HeaderMap, HeaderName, StatusCode};
///
/// let body = br#"{"code": 40399999, "msg": "something new"}"#;
/// let err = UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), body);
/// assert_eq!(err.code(), None);
/// assert_eq!(err.raw_code(), Some(&RawCode::number("40399999")));
/// assert_eq!(err.raw_code().unwrap().as_str(), "40399999");
/// assert!(err.raw_code().unwrap().is_number());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RawCode {
    number: bool,
    text: Compact,
}

impl RawCode {
    /// A JSON number, exactly as written (`40300004`, `-1`, `4.03e7`).
    pub fn number(literal: &str) -> Self {
        Self { number: true, text: Compact::new(literal) }
    }

    /// A JSON string (decoded) or a header value.
    pub fn text(text: &str) -> Self {
        Self { number: false, text: Compact::new(text) }
    }

    /// `true` when the code was a JSON number, `false` for a string or a header.
    pub fn is_number(&self) -> bool {
        self.number
    }

    /// The code as written (numbers) or decoded (strings).
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The code as an integer, when it is one: a number without fraction (`4.03e7` counts, as
    /// does `500.0`), or a string of ASCII digits.
    pub fn as_i64(&self) -> Option<i64> {
        let text = self.as_str().trim();
        if let Ok(n) = text.parse::<i64>() {
            return Some(n);
        }
        if !self.number {
            return None;
        }
        let float = text.parse::<f64>().ok()?;
        // Integral and well inside i64: the cast is exact.
        (float.fract() == 0.0 && float.abs() < 9.0e15).then_some(float as i64)
    }

    /// A plain integer literal (digits only) that fits a `u32`: the common case, looked up
    /// without going through text.
    pub(crate) fn as_u32(&self) -> Option<u32> {
        let digits = self.text.as_bytes();
        if !self.number || digits.is_empty() || digits.len() > 10 {
            return None;
        }
        digits.iter().try_fold(0u32, |n, &b| {
            let digit = char::from(b).to_digit(10)?;
            n.checked_mul(10)?.checked_add(digit)
        })
    }

    /// The text to look up in a catalogue: strings as they are, numbers as integers.
    pub(crate) fn lookup_text(&self) -> Option<Cow<'_, str>> {
        let text = self.as_str();
        match self.number {
            false => Some(Cow::Borrowed(text.trim())),
            true if text.bytes().all(|b| b.is_ascii_digit()) => Some(Cow::Borrowed(text)),
            true => self.as_i64().filter(|n| *n >= 0).map(|n| Cow::Owned(n.to_string())),
        }
    }
}

impl fmt::Debug for RawCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.number { "RawCode::Number" } else { "RawCode::Text" };
        f.debug_tuple(kind).field(&self.as_str()).finish()
    }
}

impl fmt::Display for RawCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A short string stored inline, a long one on the heap.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Compact {
    Inline { len: u8, bytes: [u8; 22] },
    Heap(Box<str>),
}

impl Compact {
    fn new(text: &str) -> Self {
        let mut bytes = [0; 22];
        match bytes.get_mut(..text.len()) {
            Some(prefix) => {
                prefix.copy_from_slice(text.as_bytes());
                Compact::Inline { len: text.len() as u8, bytes }
            }
            None => Compact::Heap(text.into()),
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Compact::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Compact::Heap(text) => text.as_bytes(),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // Always a whole `&str` copied in `new`, so this never falls back.
            Compact::Inline { len, bytes } => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default(),
            Compact::Heap(text) => text,
        }
    }
}

/// What kind of body a response had.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum BodyFormat {
    /// A JSON object (or array), read to its end.
    Json,
    /// JSON that stopped or broke before its end (cut off, or malformed); the fields complete
    /// before that point are kept.
    PartialJson,
    /// An HTML page, such as a proxy's error page; its title is the message.
    Html,
    /// Other text; the trimmed text is the message.
    Text,
    /// No body, or only whitespace.
    Empty,
    /// Bytes that are not text (invalid UTF-8 or control characters).
    Unreadable,
}

impl BodyFormat {
    /// A stable snake_case identifier: `json`, `partial_json`, `html`, `text`, `empty`,
    /// `unreadable`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::PartialJson => "partial_json",
            Self::Html => "html",
            Self::Text => "text",
            Self::Empty => "empty",
            Self::Unreadable => "unreadable",
        }
    }
}

impl fmt::Display for BodyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failed API call of one provider, parsed from the raw response, owning everything it
/// could read.
///
/// Built by [`ProviderError::parse_parts`], [`ProviderError::parse_response`] and the
/// `check_*` methods.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::{BodyFormat, ErrorKind, ProviderError, UpyunError};
/// use http::{HeaderMap, HeaderName, StatusCode};
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
/// ```
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[error("{}", Line(self))]
pub struct ApiError<E: ProviderError> {
    code: Option<E>,
    http_status: StatusCode,
    wire_status: StatusCode,
    kind: ErrorKind,
    retry: Retry,
    body_format: BodyFormat,
    truncated: bool,
    raw_code: Option<RawCode>,
    /// The message, request id and url, in one allocation.
    texts: Texts,
}

/// Up to three strings in one buffer, each found by its byte range.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
struct Texts {
    buf: Box<str>,
    spans: [Option<(u32, u32)>; 3],
}

impl Texts {
    const MESSAGE: usize = 0;
    const REQUEST_ID: usize = 1;
    const URL: usize = 2;

    fn new(parts: [Option<&str>; 3]) -> Self {
        let total: usize = parts.iter().flatten().map(|p| p.len()).sum();
        let mut buf = String::with_capacity(total);
        let mut spans = [None; 3];
        for (span, part) in spans.iter_mut().zip(parts) {
            if let Some(part) = part {
                // Bodies are read to at most `MAX_BODY` bytes, so offsets fit in `u32`.
                let start = buf.len() as u32;
                buf.push_str(part);
                *span = Some((start, buf.len() as u32));
            }
        }
        Self { buf: buf.into_boxed_str(), spans }
    }

    fn get(&self, which: usize) -> Option<&str> {
        let (start, end) = self.spans[which]?;
        self.buf.get(start as usize..end as usize)
    }
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

    /// What the body was.
    pub fn body_format(&self) -> BodyFormat {
        self.body_format
    }

    /// `true` when the body was longer than [`MAX_BODY`] and only its start was read.
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }
}

/// The one-line `Display` of an [`ApiError`].
struct Line<'a, E: ProviderError>(&'a ApiError<E>);

impl<E: ProviderError> fmt::Display for Line<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let err = self.0;
        f.write_str(E::PROVIDER.as_str())?;
        match (err.code, &err.raw_code) {
            (Some(code), _) => write!(f, " {}", code.code_str())?,
            (None, Some(raw)) => write!(f, " {raw}")?,
            (None, None) => {}
        }
        let message =
            err.message().or(err.code.map(E::summary)).or(err.http_status.canonical_reason()).unwrap_or("no message");
        // One line whatever the server sent: control characters are shown escaped.
        f.write_str(": ")?;
        for c in message.chars() {
            match c.is_control() {
                true => write!(f, "{}", c.escape_default())?,
                false => fmt::Write::write_char(f, c)?,
            }
        }
        write!(f, " (HTTP {}", err.http_status.as_u16())?;
        if let Some(id) = err.request_id() {
            write!(f, ", request {id}")?;
        }
        f.write_str(")")
    }
}

/// Where one provider puts what the parser looks for.
pub(crate) struct Profile {
    message_keys: &'static [&'static str],
    request_id_keys: &'static [&'static str],
    request_id_headers: &'static [HeaderName],
    code_header: Option<HeaderName>,
    url_key: Option<&'static str>,
    /// The body's `code` is the real HTTP status (OpenList).
    status_in_body: bool,
}

const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
static REQUEST_ID_HEADERS: [HeaderName; 1] = [X_REQUEST_ID];
static QS_REQUEST_ID_HEADERS: [HeaderName; 2] = [HeaderName::from_static("x-qs-request-id"), X_REQUEST_ID];

pub(crate) fn profile(provider: Provider) -> &'static Profile {
    match provider {
        Provider::Upyun => &UPYUN,
        Provider::QingStor => &QING_STOR,
        Provider::LeanCloud => &LEAN_CLOUD,
        Provider::OpenList => &OPEN_LIST,
    }
}

static UPYUN: Profile = Profile {
    message_keys: &["msg", "message"],
    request_id_keys: &["id"],
    request_id_headers: &REQUEST_ID_HEADERS,
    code_header: Some(HeaderName::from_static("x-error-code")),
    url_key: None,
    status_in_body: false,
};

static QING_STOR: Profile = Profile {
    message_keys: &["message"],
    request_id_keys: &["request_id"],
    request_id_headers: &QS_REQUEST_ID_HEADERS,
    code_header: None,
    url_key: Some("url"),
    status_in_body: false,
};

static LEAN_CLOUD: Profile = Profile {
    message_keys: &["error", "message"],
    request_id_keys: &[],
    request_id_headers: &REQUEST_ID_HEADERS,
    code_header: None,
    url_key: None,
    status_in_body: false,
};

static OPEN_LIST: Profile = Profile {
    message_keys: &["message", "msg"],
    request_id_keys: &[],
    request_id_headers: &REQUEST_ID_HEADERS,
    code_header: None,
    url_key: None,
    status_in_body: true,
};

/// What a body yielded.
#[derive(Default)]
pub(crate) struct Fields<'a> {
    code: Option<RawCode>,
    message: Option<Cow<'a, str>>,
    request_id: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
}

/// Parses a response of provider `E`.
pub(crate) fn parse<E: ProviderError>(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError<E> {
    let profile = profile(E::PROVIDER);
    let truncated = body.len() > MAX_BODY;
    let body = &body[..body.len().min(MAX_BODY)];
    let (body_format, mut fields) = read_body(profile, body);

    // The header first: it is set by the provider's front end on every response, bodies or not.
    let header_id = profile.request_id_headers.iter().find_map(|name| header_text(headers, name));
    if let Some(id) = header_id {
        fields.request_id = Some(Cow::Borrowed(id));
    }
    if fields.code.is_none() {
        fields.code = profile.code_header.as_ref().and_then(|name| header_text(headers, name)).map(RawCode::text);
    }
    let body_status = match (&fields.code, profile.status_in_body) {
        (Some(code), true) => {
            code.as_i64().and_then(|n| u16::try_from(n).ok()).and_then(|n| StatusCode::from_u16(n).ok())
        }
        _ => None,
    };
    assemble(status, body_status.unwrap_or(status), body_format, fields, truncated)
}

/// The error from what was read; `http_status` is the status that describes the failure.
fn assemble<E: ProviderError>(
    wire_status: StatusCode,
    http_status: StatusCode,
    body_format: BodyFormat,
    fields: Fields<'_>,
    truncated: bool,
) -> ApiError<E> {
    let code = E::from_parts(fields.code.as_ref(), fields.message.as_deref());
    let (kind, retry) = match code {
        Some(code) => (code.kind(), code.retry()),
        None => fallback_kind(E::PROVIDER, http_status, fields.code.is_some()),
    };
    ApiError {
        code,
        http_status,
        wire_status,
        kind,
        retry,
        body_format,
        truncated,
        texts: Texts::new([fields.message.as_deref(), fields.request_id.as_deref(), fields.url.as_deref()]),
        raw_code: fields.code,
    }
}

/// How many bytes of a batch response are read at most.
#[cfg(feature = "leancloud")]
pub(crate) const MAX_BATCH_BODY: usize = 4 * 1024 * 1024;

/// One result per item of a batch response: a top-level array whose failed items are
/// `{"error": {...}}`. A failed item's status is its code's documented status (400 when the
/// code is unknown); the HTTP 200 of the batch is its wire status.
#[cfg(feature = "leancloud")]
pub(crate) fn parse_batch<E: ProviderError>(body: &[u8]) -> Vec<Result<(), ApiError<E>>> {
    let profile = profile(E::PROVIDER);
    let truncated = body.len() > MAX_BATCH_BODY;
    let body = &body[..body.len().min(MAX_BATCH_BODY)];
    let start = json::skip_bom_and_ws(body);
    let mut items = Vec::new();
    if body.get(start) != Some(&b'[') {
        return items;
    }
    json::scan_array(body, start, |at| {
        let mut error = None;
        if body[at] == b'{' {
            json::scan_object(body, at, |key, escaped, value| match value {
                Value::Nested(object) if json::key_is(key, escaped, "error") && object.starts_with(b"{") => {
                    error = Some(object);
                }
                _ => {}
            });
        }
        items.push(match error {
            None => Ok(()),
            Some(object) => {
                let (format, fields) = read_json_object(profile, object, 0);
                let code = E::from_parts(fields.code.as_ref(), fields.message.as_deref());
                let status = code.map_or(StatusCode::BAD_REQUEST, E::http_status);
                Err(assemble(StatusCode::OK, status, format, fields, truncated))
            }
        });
    });
    items
}

/// Kind and retry advice when no catalogue entry matched: from the status, with the
/// providers' documented exceptions.
fn fallback_kind(provider: Provider, status: StatusCode, has_code: bool) -> (ErrorKind, Retry) {
    // LeanCloud answers 410 without a code when the app lives in another region.
    if provider == Provider::LeanCloud && status == StatusCode::GONE && !has_code {
        return (ErrorKind::Configuration, Retry::Never);
    }
    let kind = ErrorKind::from_status(status);
    (kind, kind.default_retry())
}

/// Whether a response is a failure the way provider `E` means it.
pub(crate) fn is_failure<E: ProviderError>(status: StatusCode, body: &[u8]) -> bool {
    if !status.is_success() {
        return true;
    }
    if !profile(E::PROVIDER).status_in_body {
        return false;
    }
    // OpenList: success is a body `code` of 200; a body without a code (a download) is fine.
    let body = &body[..body.len().min(MAX_BODY)];
    let start = json::skip_bom_and_ws(body);
    if body.get(start) != Some(&b'{') {
        return false;
    }
    let mut code = None;
    json::scan_object(body, start, |key, escaped, value| {
        if json::key_is(key, escaped, "code") {
            code = raw_code(value);
        }
    });
    code.is_some_and(|code| code.as_i64() != Some(200))
}

fn read_body<'a>(profile: &Profile, body: &'a [u8]) -> (BodyFormat, Fields<'a>) {
    let start = json::skip_bom_and_ws(body);
    match body.get(start) {
        None => (BodyFormat::Empty, Fields::default()),
        Some(b'{') => read_json_object(profile, body, start),
        Some(b'[') => {
            let closed = json::scan_array(body, start, |_| {});
            (if closed { BodyFormat::Json } else { BodyFormat::PartialJson }, Fields::default())
        }
        Some(b'<') => {
            let message = html_title(&body[start..]).map(Cow::Owned);
            (BodyFormat::Html, Fields { message, ..Fields::default() })
        }
        Some(_) => match readable_text(&body[start..]) {
            Some(text) => (BodyFormat::Text, Fields { message: Some(Cow::Borrowed(text)), ..Fields::default() }),
            None => (BodyFormat::Unreadable, Fields::default()),
        },
    }
}

pub(crate) fn read_json_object<'a>(profile: &Profile, body: &'a [u8], start: usize) -> (BodyFormat, Fields<'a>) {
    // The rank of the key each field came from (lower wins), so `msg` beats `message` for
    // UpYun whatever their order; of duplicate keys the last one wins, and a key whose value
    // is not a string (`null`, a number) clears the field, as in `serde_json::Value`.
    let mut fields = Fields::default();
    let mut ranks = [usize::MAX; 2];
    let end = json::scan_object(body, start, |key, escaped, value| {
        // A key with escapes (`"c\u006fde"`) is decoded once, not once per name it is tried against.
        let decoded;
        let key = match escaped {
            true => {
                decoded = json::unescape(key);
                decoded.as_bytes()
            }
            false => key,
        };
        let is = |name: &str| json::key_is(key, false, name);
        let rank = |keys: &[&str]| keys.iter().position(|k| is(k));
        if is("code") {
            fields.code = raw_code(value); // `null`, `true` or an object is no code
        } else if let Some(r) = rank(profile.message_keys) {
            if r <= ranks[0] {
                fields.message = value.as_str();
                ranks[0] = r;
            }
        } else if let Some(r) = rank(profile.request_id_keys) {
            if r <= ranks[1] {
                fields.request_id = value.as_str();
                ranks[1] = r;
            }
        } else if profile.url_key.is_some_and(is) {
            fields.url = value.as_str();
        }
    });
    let format = match end {
        End::Closed(_) => BodyFormat::Json,
        End::Broken => BodyFormat::PartialJson,
    };
    (format, fields)
}

fn raw_code(value: Value<'_>) -> Option<RawCode> {
    match value {
        Value::Num(literal) => Some(RawCode::number(literal)),
        Value::Str { .. } => value.as_str().map(|text| RawCode::text(&text)),
        Value::Null | Value::Nested(_) | Value::Other => None,
    }
}

/// A header's value as text, trimmed; `None` when absent, empty or not text.
fn header_text<'a>(headers: &'a HeaderMap, name: &HeaderName) -> Option<&'a str> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then_some(value)
}

/// Text that is readable as such: UTF-8 (a character cut by the read limit is dropped) with
/// no control characters but tab, CR and LF. Trimmed; `None` otherwise.
fn readable_text(bytes: &[u8]) -> Option<&str> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) if err.error_len().is_none() => std::str::from_utf8(&bytes[..err.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    if text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
        return None;
    }
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// The `<title>` of a page (else its first `<h1>`), with entities decoded and whitespace
/// collapsed.
fn html_title(page: &[u8]) -> Option<String> {
    let inner = element_text(page, b"title").or_else(|| element_text(page, b"h1"))?;
    let text = String::from_utf8_lossy(inner);
    let decoded = decode_entities(&text);
    let collapsed: Vec<&str> = decoded.split_whitespace().collect();
    Some(collapsed.join(" ")).filter(|t| !t.is_empty())
}

/// The bytes between `<tag ...>` and `</tag>`, tag names matched case-insensitively.
fn element_text<'a>(page: &'a [u8], tag: &[u8]) -> Option<&'a [u8]> {
    let open = find_tag(page, b"<", tag)?;
    let content = open + page[open..].iter().position(|&b| b == b'>')? + 1;
    let close = find_tag(&page[content..], b"</", tag).map_or(page.len(), |at| content + at);
    Some(&page[content..close])
}

/// The offset of `<tag` (or `</tag`) followed by `>` or whitespace.
fn find_tag(page: &[u8], lead: &[u8], tag: &[u8]) -> Option<usize> {
    let len = lead.len() + tag.len();
    (0..page.len().saturating_sub(len - 1)).find(|&at| {
        page[at..].starts_with(lead)
            && page[at + lead.len()..at + len].eq_ignore_ascii_case(tag)
            && page.get(at + len).is_none_or(|b| *b == b'>' || b.is_ascii_whitespace())
    })
}

fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = rest.find(';').filter(|end| *end <= 10).map(|end| &rest[1..end]);
        let decoded = entity.and_then(|name| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some(' '),
            _ => name
                .strip_prefix("#x")
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        });
        match (decoded, entity) {
            (Some(c), Some(name)) => {
                out.push(c);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(feature = "serde")]
mod serde_impls {
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    use super::{ApiError, BodyFormat, RawCode};
    use crate::ProviderError;

    impl Serialize for RawCode {
        /// Numbers that are integers serialize as JSON numbers, everything else as strings.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match (self.is_number(), self.as_str().parse::<i64>()) {
                (true, Ok(n)) => serializer.serialize_i64(n),
                _ => serializer.serialize_str(self.as_str()),
            }
        }
    }

    impl Serialize for BodyFormat {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    impl<E: ProviderError + Serialize> Serialize for ApiError<E> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("ApiError", 12)?;
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
            s.serialize_field("body_format", &self.body_format)?;
            s.serialize_field("truncated", &self.truncated)?;
            s.end()
        }
    }
}
