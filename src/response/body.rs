//! Reading a body (and the headers that stand in for it): which format it is, and the code,
//! message, request id and help link it holds.

use std::borrow::Cow;

use http::{HeaderMap, HeaderName, HeaderValue};

use super::{
    BodyFormat, MAX_FIELD, RawCode, html,
    profile::{Field, Profile},
};
use crate::json::{self, End, RawStr, Value};

/// What a body yielded.
#[derive(Default)]
pub(crate) struct Fields<'a> {
    pub(crate) code: Option<RawCode>,
    pub(crate) message: Option<Text<'a>>,
    pub(crate) request_id: Option<Text<'a>>,
    pub(crate) url: Option<Text<'a>>,
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
    pub(crate) fn push_to(&self, out: &mut Vec<u8>) {
        match self {
            Text::Json(raw) => raw.decode_into(out),
            Text::Object(raw) => out.extend_from_slice(raw),
            Text::Plain(text) => out.extend_from_slice(cap_field(text).as_bytes()),
        }
    }

    /// About how many bytes [`push_to`](Self::push_to) appends.
    pub(crate) fn len_hint(&self) -> usize {
        match self {
            Text::Json(raw) => raw.raw_len(),
            Text::Object(raw) => raw.len(),
            Text::Plain(text) => text.len(),
        }
    }
}

pub(crate) fn read_body<'a>(profile: &Profile, body: &'a [u8], cut: bool) -> (BodyFormat, Fields<'a>) {
    let start = json::skip_bom_and_ws(body);
    match body.get(start) {
        None => (BodyFormat::Empty, Fields::default()),
        Some(b'{') => read_json_object(profile, body, start),
        Some(b'[') => {
            let mut elements = json::Elements::new(body, start);
            elements.by_ref().for_each(drop);
            (json_format(elements.end()), Fields::default())
        }
        Some(b'<') => match xml_error(&body[start..]) {
            Some(error) => {
                let text = |tag: &[u8]| html::element(error, tag).map(|text| Text::Plain(Cow::Owned(text)));
                let code = html::element(error, b"Code").map(|code| RawCode::text(&code));
                let fields = Fields { code, message: text(b"Message"), request_id: text(b"RequestId"), url: None };
                (BodyFormat::Xml, fields)
            }
            None => {
                let message = html::title(&body[start..]).map(|title| Text::Plain(Cow::Owned(title)));
                (BodyFormat::Html, Fields { message, ..Fields::default() })
            }
        },
        Some(b'"') => double_encoded(profile, &body[start..]).unwrap_or_else(|| read_text(&body[start..], cut)),
        Some(_) => read_text(&body[start..], cut),
    }
}

/// A body of text: its trimmed text is the message.
fn read_text(body: &[u8], cut: bool) -> (BodyFormat, Fields<'_>) {
    match readable_text(body, cut) {
        Some(text) => (BodyFormat::Text, Fields { message: Some(Text::Plain(text)), ..Fields::default() }),
        None => (BodyFormat::Unreadable, Fields::default()),
    }
}

/// A body that is a JSON string holding the error object (`"{\"msg\":...}"`, as a client
/// that never decoded a body logs or forwards it): the object inside, read as a body. `None`
/// when the string holds no object with the provider's code or message.
fn double_encoded(profile: &Profile, body: &[u8]) -> Option<(BodyFormat, Fields<'static>)> {
    let (decoded, closed) = json::leading_string(body)?;
    let start = json::skip_bom_and_ws(&decoded);
    if decoded.get(start) != Some(&b'{') {
        return None;
    }
    let (format, fields) = read_json_object(profile, &decoded, start);
    if fields.code.is_none() && fields.message.is_none() {
        return None;
    }
    let format = if closed { format } else { BodyFormat::PartialJson };
    Some((format, fields.into_owned()))
}

impl Fields<'_> {
    /// The same fields owning their text.
    fn into_owned(self) -> Fields<'static> {
        let own = |text: Option<Text<'_>>| {
            text.map(|text| {
                let mut bytes = Vec::with_capacity(text.len_hint());
                text.push_to(&mut bytes);
                Text::Plain(Cow::Owned(String::from_utf8_lossy(&bytes).into_owned()))
            })
        };
        Fields { code: self.code, message: own(self.message), request_id: own(self.request_id), url: own(self.url) }
    }
}

/// The content of an XML `<Error>` document (after an optional `<?xml ...?>` declaration), as
/// S3-compatible endpoints answer; `None` for anything else (an HTML page).
fn xml_error(body: &[u8]) -> Option<&[u8]> {
    let mut rest = body;
    if rest.starts_with(b"<?xml") {
        let end = rest.windows(2).position(|w| w == b"?>")?;
        rest = rest[end + 2..].trim_ascii_start();
    }
    let after = rest.strip_prefix(b"<Error")?;
    let open_end = match after.first()? {
        b'>' => 0,
        b if b.is_ascii_whitespace() => after.iter().position(|&b| b == b'>')?,
        _ => return None,
    };
    Some(&after[open_end + 1..])
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
pub(crate) fn json_format(end: End) -> BodyFormat {
    match end {
        End::Closed => BodyFormat::Json,
        End::Broken => BodyFormat::PartialJson,
    }
}

pub(crate) fn raw_code(value: Value<'_>) -> Option<RawCode> {
    match value {
        Value::Num(literal) => Some(RawCode::number(literal)),
        Value::Str(raw) => Some(RawCode::text(&raw.to_str())),
        Value::Null | Value::Nested(_) | Value::Bool => None,
    }
}

/// A header's value as text, trimmed and cut to [`MAX_FIELD`]; `None` when absent, empty or
/// not text.
pub(crate) fn header_text<'a>(headers: &'a HeaderMap, name: &HeaderName) -> Option<&'a str> {
    if headers.is_empty() {
        return None;
    }
    value_text(headers.get(name)?)
}

/// Every distinct value of a header that is text, trimmed, in order and joined with `, ` (as
/// HTTP combines a repeated field), cut to [`MAX_FIELD`]; `None` when none is.
pub(crate) fn header_texts<'a>(headers: &'a HeaderMap, name: &HeaderName) -> Option<Cow<'a, str>> {
    if headers.is_empty() {
        return None;
    }
    let mut values = headers.get_all(name).iter().filter_map(value_text);
    let first = values.next()?;
    let mut seen = vec![first];
    let mut joined: Option<String> = None;
    for value in values {
        let text = joined.get_or_insert_with(|| first.to_owned());
        if text.len() > MAX_FIELD {
            break;
        }
        if !seen.contains(&value) {
            seen.push(value);
            text.push_str(", ");
            text.push_str(value);
        }
    }
    Some(joined.map_or(Cow::Borrowed(first), Cow::Owned))
}

/// A header value as text, trimmed and cut to [`MAX_FIELD`]; `None` when empty or not text.
fn value_text(value: &HeaderValue) -> Option<&str> {
    let whole = value.as_bytes();
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
