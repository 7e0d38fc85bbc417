//! Turning raw HTTP error responses into [`ApiError`]s.
//!
//! One parser serves every provider; each provider's profile (kept with its enum) says which
//! JSON keys and headers hold the code, message and request id. Whatever the server (or a
//! proxy in front of it) sent, the result is an [`ApiError`]: never a panic, and everything
//! readable is kept.
//!
//! # Limits
//!
//! Only the first [`MAX_BODY`] bytes of a body are read (64 KiB; error bodies are a few hundred
//! bytes), so time and memory stay bounded whatever the server sends;
//! [`ApiError::is_truncated`] says when a body was longer. A JSON body cut by the limit keeps
//! the fields that were complete before the cut. Values taken from headers are cut to
//! [`MAX_FIELD`] bytes, as body fields are by the body limit.

mod api_error;
mod html;
mod http_date;
mod profile;
mod raw_code;

use std::{borrow::Cow, fmt, time::SystemTime};

use http::{HeaderMap, HeaderName, StatusCode, header};

pub(crate) use self::profile::{Field, X_REQUEST_ID};
pub use self::{api_error::ApiError, profile::Profile, raw_code::RawCode};
use crate::{
    ErrorKind, ProviderError,
    json::{self, End, RawStr, Value},
    provider::Internal,
};

/// Text from a server shown safely on a terminal or in a log line: control characters, Unicode
/// line separators and bidirectional overrides escaped (`\n`, `\u{1b}`), everything else as
/// it is. [`ApiError`]'s `Display` shows every server field this way.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::response::Escaped;
///
/// assert_eq!(Escaped("a\nb\u{1b}[31m").to_string(), r"a\nb\u{1b}[31m");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        api_error::write_escaped(f, self.0, usize::MAX)
    }
}

/// How many bytes of a body are read at most.
pub const MAX_BODY: usize = 64 * 1024;

/// How many bytes of a single text value (a header's value, a message) are kept at most.
pub const MAX_FIELD: usize = MAX_BODY;

/// What kind of body a response had.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum BodyFormat {
    /// A JSON object (or array) whose top level closed properly. The scanner reads only the
    /// top level, so this says the object was complete, not that every nested value was
    /// valid JSON.
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
    /// Every body format.
    pub const ALL: &'static [BodyFormat] =
        &[Self::Json, Self::PartialJson, Self::Html, Self::Text, Self::Empty, Self::Unreadable];

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

/// What a body yielded.
#[derive(Default)]
pub(crate) struct Fields<'a> {
    code: Option<RawCode>,
    message: Option<Text<'a>>,
    request_id: Option<Text<'a>>,
    url: Option<Text<'a>>,
}

/// A text field as read: a JSON string not yet decoded, the JSON text of an object, or text.
pub(crate) enum Text<'a> {
    Json(RawStr<'a>),
    Object(&'a [u8]),
    Plain(Cow<'a, str>),
}

impl Text<'_> {
    /// Appends the field's bytes to `out`: a JSON string decoded but its UTF-8 not yet
    /// checked, text cut to [`MAX_FIELD`].
    fn push_to(&self, out: &mut Vec<u8>) {
        match self {
            Text::Json(raw) => raw.decode_into(out),
            Text::Object(raw) => out.extend_from_slice(raw),
            Text::Plain(text) => out.extend_from_slice(cap_field(text).as_bytes()),
        }
    }

    /// About how many bytes [`push_to`](Self::push_to) appends.
    fn len_hint(&self) -> usize {
        match self {
            Text::Json(raw) => raw.raw_len(),
            Text::Object(raw) => raw.len(),
            Text::Plain(text) => text.len(),
        }
    }
}

/// Parses a response of provider `E`.
pub(crate) fn parse<E: ProviderError>(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError<E> {
    let profile = E::profile(Internal(()));
    let truncated = body.len() > MAX_BODY;
    let body = &body[..body.len().min(MAX_BODY)];
    let (body_format, mut fields) = read_body(profile, body, truncated);

    // The header first: it is set by the provider's front end on every response, bodies or not.
    let header_id = profile.request_id_headers.iter().find_map(|name| header_text(headers, name));
    if let Some(id) = header_id {
        fields.request_id = Some(Text::Plain(Cow::Borrowed(id)));
    }
    if fields.code.is_none() && !headers.is_empty() {
        fields.code = profile.code_header.as_ref().and_then(|name| header_text(headers, name)).map(RawCode::text);
    }
    let body_status = match profile.status_in_body {
        true => fields.code.as_ref().and_then(status_of_code),
        false => None,
    };
    let mut err = assemble(status, body_status.unwrap_or(status), body_format, fields, truncated);
    err.retry_after = retry_after(headers);
    err
}

/// An OpenList body code as the HTTP status it stands for: an integer from 100 to 599.
fn status_of_code(code: &RawCode) -> Option<StatusCode> {
    let n = u16::try_from(code.to_i64()?).ok().filter(|n| (100..=599).contains(n))?;
    StatusCode::from_u16(n).ok()
}

/// The `Retry-After` header: a delay, or a moment (an HTTP date) measured from the response's
/// own `Date` when it has one and kept as a moment otherwise, so that parsing the same
/// response twice gives equal errors.
fn retry_after(headers: &HeaderMap) -> Option<RetryAfter> {
    let value = header_text(headers, &header::RETRY_AFTER)?;
    if let Some(delay) = http_date::delay(value) {
        return Some(RetryAfter::Delay(delay.as_secs()));
    }
    let at = http_date::parse(value)?;
    Some(match header_text(headers, &header::DATE).and_then(http_date::parse) {
        Some(date) => RetryAfter::Delay(at.duration_since(date).unwrap_or_default().as_secs()),
        None => RetryAfter::At(at.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default().as_secs()),
    })
}

/// What a `Retry-After` header asked for, in whole seconds (HTTP's resolution).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RetryAfter {
    /// Wait this many seconds.
    Delay(u64),
    /// Wait until this many seconds after the Unix epoch (measured against the clock when
    /// asked).
    At(u64),
}

impl RetryAfter {
    /// How long is left to wait.
    pub(crate) fn remaining(self) -> std::time::Duration {
        match self {
            RetryAfter::Delay(secs) => std::time::Duration::from_secs(secs),
            RetryAfter::At(secs) => (SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs))
                .duration_since(SystemTime::now())
                .unwrap_or_default(),
        }
    }
}

/// The error from what was read; `http_status` is the status that describes the failure.
pub(crate) fn assemble<E: ProviderError>(
    wire_status: StatusCode,
    http_status: StatusCode,
    body_format: BodyFormat,
    fields: Fields<'_>,
    truncated: bool,
) -> ApiError<E> {
    let texts = api_error::Texts::new([fields.message, fields.request_id, fields.url]);
    let code = E::from_parts(fields.code.as_ref(), texts.get(api_error::Texts::MESSAGE), Internal(()));
    let (kind, retry) = match code {
        Some(code) => (code.kind(), code.retry()),
        None => {
            let profile = E::profile(Internal(()));
            let special = profile.status_without_code.iter().find(|(s, _, _)| *s == http_status);
            match (special, &fields.code) {
                (Some(&(_, kind, retry)), None) => (kind, retry),
                _ => {
                    let kind = ErrorKind::from_status(http_status);
                    (kind, kind.default_retry())
                }
            }
        }
    };
    ApiError {
        code,
        http_status,
        wire_status,
        kind,
        retry,
        retry_after: None,
        body_format,
        truncated,
        texts,
        raw_code: fields.code,
    }
}

/// The same error, described by another status (a batch item's own).
#[cfg(feature = "leancloud")]
pub(crate) fn with_status<E: ProviderError>(mut err: ApiError<E>, status: StatusCode) -> ApiError<E> {
    err.http_status = status;
    if err.code.is_none() {
        err.kind = ErrorKind::from_status(status);
        err.retry = err.kind.default_retry();
    }
    err
}

/// Marks an error whose body was cut short by a broken connection.
#[cfg(feature = "reqwest")]
pub(crate) fn mark_truncated<E: ProviderError>(mut err: ApiError<E>) -> ApiError<E> {
    err.truncated = true;
    err
}

/// Whether a response is a failure the way provider `E` means it.
pub(crate) fn is_failure<E: ProviderError>(status: StatusCode, body: &[u8]) -> bool {
    match judge::<E>(status, body, true) {
        Verdict::Failure => true,
        Verdict::Success | Verdict::NeedMore => false,
    }
}

/// What the start of a response says about it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Verdict {
    Success,
    Failure,
    /// The bytes so far do not decide it (only while the body may go on).
    NeedMore,
}

/// Judges a response from its status and the start of its body; `complete` says the body has
/// ended (or reached [`MAX_BODY`]), so nothing more will come.
///
/// Informational (1xx), success (2xx) and `304 Not Modified` answers are not failures, except
/// that a provider with its status in the body (OpenList) fails a 2xx whose body is its
/// envelope, a JSON object with `code` and `message`, when the code is not 200. A body that
/// does not start with `{` is decided at once; an envelope as soon as its code says 200, or
/// its code and message have both arrived.
pub(crate) fn judge<E: ProviderError>(status: StatusCode, body: &[u8], complete: bool) -> Verdict {
    if status.is_informational() || status == StatusCode::NOT_MODIFIED {
        return Verdict::Success;
    }
    if !status.is_success() {
        return Verdict::Failure;
    }
    if !E::profile(Internal(())).status_in_body {
        return Verdict::Success;
    }
    let complete = complete || body.len() >= MAX_BODY;
    let body = &body[..body.len().min(MAX_BODY)];
    let start = json::skip_bom_and_ws(body);
    match body.get(start) {
        Some(b'{') => {}
        Some(_) => return Verdict::Success,
        None if complete => return Verdict::Success,
        None => return Verdict::NeedMore,
    }
    let (mut code, mut message) = (None, false);
    let end = json::scan_object(body, start, |key, value| {
        if key.is("code") {
            code = raw_code(value);
        } else if key.is("message") {
            message = true;
        }
    });
    let is_200 = code.as_ref().map(|c| c.to_i64() == Some(200));
    match (is_200, message, end) {
        (Some(true), _, _) => Verdict::Success,
        (Some(false), true, _) => Verdict::Failure,
        (_, _, End::Closed) => Verdict::Success,
        (_, _, End::Broken) if complete => Verdict::Success,
        (_, _, End::Broken) => Verdict::NeedMore,
    }
}

fn read_body<'a>(profile: &Profile, body: &'a [u8], cut: bool) -> (BodyFormat, Fields<'a>) {
    let start = json::skip_bom_and_ws(body);
    match body.get(start) {
        None => (BodyFormat::Empty, Fields::default()),
        Some(b'{') => read_json_object(profile, body, start),
        Some(b'[') => {
            let mut elements = json::Elements::new(body, start);
            elements.by_ref().for_each(drop);
            (json_format(elements.end()), Fields::default())
        }
        Some(b'<') => {
            let message = html::title(&body[start..]).map(|title| Text::Plain(Cow::Owned(title)));
            (BodyFormat::Html, Fields { message, ..Fields::default() })
        }
        Some(_) => match readable_text(&body[start..], cut) {
            Some(text) => (BodyFormat::Text, Fields { message: Some(Text::Plain(text)), ..Fields::default() }),
            None => (BodyFormat::Unreadable, Fields::default()),
        },
    }
}

pub(crate) fn read_json_object<'a>(profile: &Profile, body: &'a [u8], start: usize) -> (BodyFormat, Fields<'a>) {
    let mut fields = Fields::default();
    // For each field, the rank in the profile of the key it came from (lower wins); of
    // duplicate keys the last one wins, and a key whose value is not a string (`null`, a
    // number) clears the field, as in `serde_json::Value`.
    let mut ranks = [usize::MAX; 4];
    let end = json::scan_object(body, start, |key, value| {
        let Some((rank, &(_, field))) = profile.body_keys.iter().enumerate().find(|(_, (name, _))| key.is(name)) else {
            return;
        };
        if rank > ranks[field as usize] {
            return;
        }
        ranks[field as usize] = rank;
        let text = match value {
            Value::Str(raw) => Some(Text::Json(raw)),
            // An error object where the message belongs (LeanCloud's command-line tools send
            // `"error": {"code": "ECONNRESET", ...}`): kept whole, as its JSON text.
            Value::Nested(raw) if field == Field::Message && raw.starts_with(b"{") => Some(Text::Object(raw)),
            _ => None,
        };
        match field {
            Field::Code => fields.code = raw_code(value), // `null`, `true` or an object is no code
            Field::Message => fields.message = text,
            Field::RequestId => fields.request_id = text,
            Field::Url => fields.url = text,
        }
    });
    (json_format(end), fields)
}

/// A JSON body's format by how its top level ended.
fn json_format(end: End) -> BodyFormat {
    match end {
        End::Closed => BodyFormat::Json,
        End::Broken => BodyFormat::PartialJson,
    }
}

fn raw_code(value: Value<'_>) -> Option<RawCode> {
    match value {
        Value::Num(literal) => Some(RawCode::number(literal)),
        Value::Str(raw) => Some(RawCode::text(&raw.to_str())),
        Value::Null | Value::Nested(_) | Value::Bool => None,
    }
}

/// A header's value as text, trimmed and cut to [`MAX_FIELD`]; `None` when absent, empty or
/// not text.
fn header_text<'a>(headers: &'a HeaderMap, name: &HeaderName) -> Option<&'a str> {
    if headers.is_empty() {
        return None;
    }
    let whole = headers.get(name)?.as_bytes();
    let value = &whole[..whole.len().min(MAX_FIELD)];
    let text = match std::str::from_utf8(value) {
        Ok(text) => text,
        // Cut inside a character by the limit: keep the whole ones.
        Err(err) if err.error_len().is_none() && whole.len() > MAX_FIELD => {
            std::str::from_utf8(&value[..err.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    Some(text.trim()).filter(|text| !text.is_empty())
}

/// `text` cut to at most [`MAX_FIELD`] bytes, at a character boundary.
pub(crate) fn cap_field(text: &str) -> &str {
    let mut end = text.len().min(MAX_FIELD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Text that is readable as such: UTF-8 with no control characters but tab, CR and LF.
/// Trimmed; `None` otherwise. When the body was `cut` by the read limit, a character cut with
/// it is dropped; an incomplete character at the very end of a whole body is kept, as U+FFFD.
fn readable_text(bytes: &[u8], cut: bool) -> Option<Cow<'_, str>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(err) if err.error_len().is_none() && cut => {
            Cow::Borrowed(std::str::from_utf8(&bytes[..err.valid_up_to()]).ok()?)
        }
        Err(err) if err.error_len().is_none() => String::from_utf8_lossy(bytes),
        Err(_) => return None,
    };
    if text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
        return None;
    }
    let text = match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    };
    Some(text).filter(|text| !text.is_empty())
}

#[cfg(feature = "serde")]
crate::serde_code::serde_by_name!(BodyFormat, "body format");
