//! Finding a provider's error in any text: the shared machinery behind
//! [`ParseResponse::parse_text`](super::ParseResponse::parse_text).
//!
//! Each provider module says what its errors look like in text (its SDKs' renderings, its
//! body keys, its acceptance rules) in a [`TextRules`] and reads a text with
//! [`read_with_rules`]; this module holds what every provider shares:
//!
//! - finding objects in text ([`objects`]): JSON bodies after any prefix, inside quotes,
//!   pretty-printed, cut short, nested under other objects, JSON-encoded again as a string, and
//!   the loose literals that JavaScript's `util.inspect`, Python's `repr`, Objective-C's
//!   `NSDictionary` and protobuf's text format print (unquoted keys, single quotes, `=` and `;`);
//! - a provider's documented messages looked up in text ([`MessageIndex`]);
//! - picking the reading with the most [`Evidence`] and completing it with what the others saw.
//!
//! # Limits
//!
//! Only the first [`MAX_TEXT`] bytes of a text are read. At most [`MAX_CANDIDATES`] objects are
//! tried, each within a window of [`WINDOW`] bytes, holding at most [`MAX_OBJECTS`] nested
//! objects; every other search is one pass over the text. So time is linear in the text and
//! memory bounded, whatever the text holds (a line of a million `{`).
#![cfg_attr(
    not(all(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist")),
    allow(dead_code, reason = "which helpers are used depends on the providers compiled in")
)]

use std::{borrow::Cow, collections::HashMap};

use http::StatusCode;

use super::{ApiError, BodyFormat, Evidence, Field, RawCode, Reading, Record, Wire, api_error::Texts, body::Text};
use crate::{kind::ErrorKind, provider_error::Internal, provider_error::ProviderError};

/// How many bytes of a text [`parse_text`](super::ParseResponse::parse_text) reads at most.
pub const MAX_TEXT: usize = 1024 * 1024;

/// How many objects (`{` that may start one) are tried in one text at most.
pub const MAX_CANDIDATES: usize = 64;

/// How many bytes from its `{` one object is read within at most (error bodies are a few
/// hundred bytes).
pub const WINDOW: usize = 16 * 1024;

/// How many objects (nested ones included) one candidate may hold at most.
pub const MAX_OBJECTS: usize = 64;

/// How many members all the objects of one candidate may hold at most.
const MAX_MEMBERS: usize = 512;

/// One SDK rendering's reader: the error it finds in a text, or nothing.
pub(crate) type Rendering<E> = fn(&str) -> Option<Reading<E>>;

/// What a provider's errors look like in text, kept with the provider.
pub struct TextRules<E: 'static> {
    /// The provider's SDK renderings, each reading its own format or nothing.
    pub(crate) renderings: &'static [Rendering<E>],
    /// Object keys read besides the profile's body keys, after them.
    pub(crate) extra_keys: &'static [(&'static str, Field)],
    /// Whether an object's reading is this provider's error; may complete it (a status from
    /// the code, a code from the message).
    pub(crate) judge_object: fn(&mut Reading<E>) -> bool,
    /// The provider's documented messages.
    pub(crate) messages: &'static std::sync::LazyLock<MessageIndex>,
    /// What the provider's SDKs print for a failure on the client's side (no response): a text
    /// holding one is not read by its messages alone.
    pub(crate) client_side: &'static [&'static str],
}

/// Reads a text with a provider's rules: its renderings, the objects of its shape, and its
/// documented messages; the reading with the most evidence, completed with the others'
/// status, request id and message where they do not contradict it.
pub(crate) fn read_with_rules<E: Wire>(text: &str, rules: &TextRules<E>) -> Option<Reading<E>> {
    let text = cap(text);
    let mut readings: Vec<Reading<E>> = rules.renderings.iter().filter_map(|rendering| rendering(text)).collect();
    let profile = E::profile(Internal(()));
    objects(text, |objs, closed_all| {
        for (index, obj) in objs.iter().enumerate() {
            let Some(mut reading) = object_reading::<E>(objs, index, profile.body_keys, rules.extra_keys) else {
                continue;
            };
            if !obj.closed || !closed_all {
                reading.format = BodyFormat::PartialJson;
            }
            if (rules.judge_object)(&mut reading) {
                readings.push(reading);
            }
        }
    });
    if !readings.iter().any(Reading::has_code)
        && !rules.client_side.iter().any(|marker| find_from(text, marker, 0).is_some())
    {
        readings.extend(rules.messages.find::<E>(text));
    }
    let mut best = pick(readings)?;
    if best.status.is_none() {
        best.status = status_in(around(text, best.at));
    }
    if best.code.is_none() && best.raw_code.is_none() {
        best.code = best.message.as_deref().and_then(|m| rules.messages.unique::<E>(m));
    }
    Some(best)
}

/// The strongest reading (one with a code first, then by evidence, then the first in the
/// text), completed with what the others read of the same error.
pub(crate) fn pick<E: ProviderError>(mut readings: Vec<Reading<E>>) -> Option<Reading<E>> {
    let best_at = (0..readings.len()).max_by(|&a, &b| {
        let (x, y) = (&readings[a], &readings[b]);
        (x.has_code(), x.evidence).cmp(&(y.has_code(), y.evidence)).then(y.at.cmp(&x.at))
    })?;
    let mut best = readings.swap_remove(best_at);
    let code = |r: &Reading<E>| {
        r.code.map(|c| c.code_str().to_owned()).or_else(|| r.raw_code.as_ref().map(|c| c.as_str().to_owned()))
    };
    let best_code = code(&best);
    readings.sort_by(|x, y| y.evidence.cmp(&x.evidence).then(x.at.cmp(&y.at)));
    for other in readings {
        let other_code = code(&other);
        if other_code.is_some() && best_code.is_some() && other_code != best_code {
            continue;
        }
        if best.code.is_none() && best.raw_code.is_none() {
            best.code = other.code;
            best.raw_code = other.raw_code;
        }
        best.status = best.status.or(other.status);
        best.request_id = best.request_id.or(other.request_id);
        best.message = best.message.or(other.message);
        best.evidence = best.evidence.max(other.evidence);
    }
    Some(best)
}

/// Builds the error a reading describes: the typed code from the reading, else from its raw
/// code and message as for a response; the status the text carried, else the code's
/// documented one.
pub(crate) fn build<E: Wire>(reading: Reading<E>) -> ApiError<E> {
    let Reading { code, raw_code, message, request_id, status, evidence, format, .. } = reading;
    let code = code.or_else(|| E::from_parts(raw_code.as_ref(), message.as_deref(), Internal(())));
    let text_status = status.and_then(|s| StatusCode::from_u16(s).ok()).filter(|s| s.as_u16() >= 100);
    let status = text_status.or(code.map(E::http_status));
    let texts = Texts::new([
        message.map(|m| Text::Plain(Cow::Owned(m))),
        request_id.map(|id| Text::Plain(Cow::Owned(id))),
        None,
    ]);
    let known = code.map(|code| (code.kind(), code.retry()));
    let profile = E::profile(Internal(()));
    let http_status = status.unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut record = Record::new(profile, http_status, http_status, format, raw_code, texts, false, known);
    if status.is_none() {
        // Neither the text nor the catalogue says: the status is a stand-in.
        record.kind = ErrorKind::Other;
        record.retry = ErrorKind::Other.default_retry();
    }
    record.set_evidence(evidence);
    ApiError { code, record }
}

/// `text` cut to [`MAX_TEXT`] bytes, at a character boundary.
pub(crate) fn cap(text: &str) -> &str {
    let mut end = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

// ---------------------------------------------------------------- objects in text

/// A value as the loose reader saw it.
#[derive(Clone, Debug)]
pub(crate) enum Loose<'a> {
    Str(Cow<'a, str>),
    /// A number as written.
    Num(&'a str),
    /// A bare word: `null`, `undefined`, `session`.
    Word,
    /// A nested object (read as an object of its own).
    Obj,
    /// An array, or anything else skipped.
    Other,
}

/// One object found in text, with its members in order.
#[derive(Debug)]
pub(crate) struct Obj<'a> {
    pub(crate) parent: Option<usize>,
    pub(crate) members: Vec<(Cow<'a, str>, Loose<'a>)>,
    /// It closed with its `}`; otherwise the text stopped or broke inside it.
    pub(crate) closed: bool,
    /// Where its `{` is in the text (in a decoded string, where that string's object starts).
    pub(crate) start: usize,
}

impl<'a> Obj<'a> {
    /// The value of the last member named `key` (ASCII case-sensitive).
    pub(crate) fn get(&self, key: &str) -> Option<&Loose<'a>> {
        self.members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// Calls `found(objects, closed)` for each candidate object of the text, in order: the
/// object and every object nested in it, the outermost first; `closed` is false when the
/// candidate broke before its end. A `{` inside an object already read is not a new candidate.
pub(crate) fn objects(text: &str, mut found: impl FnMut(&[Obj<'_>], bool)) {
    let bytes = text.as_bytes();
    let mut from = 0;
    let mut tried = 0;
    while tried < MAX_CANDIDATES {
        let Some(offset) = text.get(from..).and_then(|rest| rest.find('{')) else { return };
        let at = from + offset;
        from = at + 1;
        if !starts_object(&bytes[at + 1..]) {
            continue;
        }
        tried += 1;
        if escaped_quote_follows(&bytes[at + 1..]) {
            // A body JSON-encoded again as a string: decode it, then read it.
            let (decoded, used) = decode_escaped(&text[at..]);
            let mut reader = Reader::new(&decoded, 0);
            reader.base = Some(at);
            let closed = reader.object(None).is_some();
            found(&reader.objs, closed);
            from = at + used.max(1);
            continue;
        }
        let mut reader = Reader::new(text, at);
        let closed = reader.object(None).is_some();
        if !reader.objs.is_empty() {
            found(&reader.objs, closed);
        }
        // What was read is not searched again; a broken object is, after where it broke.
        from = reader.pos.max(at + 1);
    }
}

/// Whether what follows a `{` can be an object's first key (or its end).
fn starts_object(rest: &[u8]) -> bool {
    let start = rest.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(rest.len());
    match rest.get(start) {
        Some(b'"' | b'\'' | b'_' | b'$' | b'\\') => true,
        Some(b) => b.is_ascii_alphabetic(),
        None => false,
    }
}

/// Whether a `{` is followed by `\"` (after whitespace): a body inside a JSON string.
fn escaped_quote_follows(mut rest: &[u8]) -> bool {
    // Whitespace, raw or escaped (a pretty-printed body encoded again).
    loop {
        rest = match rest {
            [b' ' | b'\t' | b'\r' | b'\n', after @ ..] => after,
            [b'\\', b'n' | b'r' | b't', after @ ..] => after,
            _ => return rest.starts_with(b"\\\""),
        }
    }
}

/// The JSON string content that starts at `text` (at its `{`) decoded, up to its closing
/// quote or [`WINDOW`] bytes, and how many bytes of `text` that used.
fn decode_escaped(text: &str) -> (String, usize) {
    let window = window(text, 0);
    let bytes = window.as_bytes();
    let mut end = bytes.len();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => {
                end = i;
                break;
            }
            _ => i += 1,
        }
    }
    let end = end.min(bytes.len());
    let mut out = Vec::with_capacity(end);
    crate::json::unescape(&bytes[..end], &mut out);
    (String::from_utf8_lossy(&out).into_owned(), end)
}

/// `text[at..]` cut to [`WINDOW`] bytes at a character boundary.
fn window(text: &str, at: usize) -> &str {
    let mut end = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

/// A forgiving reader of object literals: JSON, JavaScript (unquoted keys, single quotes),
/// Python (`u'...'`), `NSDictionary` (`key = value;`) and protobuf text (`key: value` lines,
/// `name { ... }`).
struct Reader<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    end: usize,
    objs: Vec<Obj<'a>>,
    members: usize,
    /// For a decoded string, where its object starts in the text.
    base: Option<usize>,
}

impl<'a> Reader<'a> {
    fn new(src: &'a str, at: usize) -> Self {
        let end = at + window(src, at).len();
        Reader { src, bytes: src.as_bytes(), pos: at, end, objs: Vec::new(), members: 0, base: None }
    }

    fn peek(&self) -> Option<u8> {
        (self.pos < self.end).then(|| self.bytes[self.pos])
    }

    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) {
        while self.peek().is_some_and(&keep) {
            self.pos += 1;
        }
    }

    /// Reads the object at `pos` (a `{`) and the objects inside it; `None` when it broke
    /// (the members read before the break are kept).
    fn object(&mut self, parent: Option<usize>) -> Option<usize> {
        if self.objs.len() >= MAX_OBJECTS {
            return None;
        }
        let id = self.objs.len();
        self.objs.push(Obj { parent, members: Vec::new(), closed: false, start: self.base.unwrap_or(self.pos) });
        self.pos += 1;
        loop {
            self.skip_while(|b| b.is_ascii_whitespace() || b == b',' || b == b';');
            if self.peek()? == b'}' {
                self.pos += 1;
                self.objs[id].closed = true;
                return Some(id);
            }
            let key = self.key()?;
            self.skip_while(|b| b == b' ' || b == b'\t');
            match self.peek()? {
                b':' | b'=' => {
                    self.pos += 1;
                    self.skip_while(|b| b.is_ascii_whitespace());
                }
                b'{' => {}
                _ => return None,
            }
            let value = self.value(id)?;
            self.members += 1;
            if self.members > MAX_MEMBERS {
                return None;
            }
            self.objs[id].members.push((key, value));
            self.skip_while(|b| b == b' ' || b == b'\t');
            if !matches!(self.peek()?, b',' | b';' | b'\n' | b'\r' | b'}') {
                return None;
            }
        }
    }

    fn key(&mut self) -> Option<Cow<'a, str>> {
        match self.peek()? {
            b'"' | b'\'' => self.string(),
            b'u' | b'b' if matches!(self.bytes.get(self.pos + 1), Some(b'\'' | b'"')) => {
                self.pos += 1;
                self.string()
            }
            _ => {
                let start = self.pos;
                self.skip_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b'-'));
                (self.pos > start).then(|| Cow::Borrowed(&self.src[start..self.pos]))
            }
        }
    }

    fn value(&mut self, id: usize) -> Option<Loose<'a>> {
        let b = self.peek()?;
        match b {
            b'"' | b'\'' => self.string().map(Loose::Str),
            b'u' | b'b' if matches!(self.bytes.get(self.pos + 1), Some(b'\'' | b'"')) => {
                self.pos += 1;
                self.string().map(Loose::Str)
            }
            b'{' => self.object(Some(id)).map(|_| Loose::Obj),
            b'[' | b'(' | b'<' => {
                self.skip_nested()?;
                Some(Loose::Other)
            }
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                self.pos += 1;
                self.skip_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
                // As for a body: a number running to the end may have been cut (`101` of `1012`).
                self.peek()?;
                Some(Loose::Num(&self.src[start..self.pos]))
            }
            _ if b.is_ascii_alphabetic() || b == b'_' => {
                self.skip_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'$'));
                if self.peek() == Some(b'(') {
                    // `Optional("...")`, `new Date(...)`.
                    self.skip_nested()?;
                    return Some(Loose::Other);
                }
                self.peek()?;
                Some(Loose::Word)
            }
            _ => None,
        }
    }

    /// Reads a quoted string (double or single quotes) and decodes its escapes.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let quote = self.peek()?;
        let start = self.pos + 1;
        let mut i = start;
        let mut escaped = false;
        loop {
            let b = *self.bytes.get(i).filter(|_| i < self.end)?;
            if b == b'\\' {
                escaped = true;
                i += 2;
                continue;
            }
            if b == quote {
                break;
            }
            if b == b'\n' && quote == b'\'' {
                return None;
            }
            i += 1;
        }
        self.pos = i + 1;
        let raw = &self.src[start..i];
        if !escaped {
            return Some(Cow::Borrowed(raw));
        }
        let mut out = Vec::with_capacity(raw.len());
        match quote {
            // JavaScript and Python escape the single quote, which JSON does not know.
            b'\'' => crate::json::unescape(raw.replace("\\'", "'").as_bytes(), &mut out),
            _ => crate::json::unescape(raw.as_bytes(), &mut out),
        }
        Some(Cow::Owned(String::from_utf8_lossy(&out).into_owned()))
    }

    /// Skips a bracketed value (`[...]`, `(...)`, `<...>`), quotes respected.
    fn skip_nested(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.string()?;
                    continue;
                }
                b'[' | b'(' | b'{' | b'<' => depth += 1,
                b']' | b')' | b'}' | b'>' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return Some(());
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }
}

/// Keys whose number is an HTTP status, in an object or the objects around it.
const STATUS_KEYS: &[&str] = &["status", "statusCode", "status_code", "StatusCode", "httpStatus", "http_status"];

/// The reading of object `index` with a provider's keys: its code, message and request id,
/// and a status from it or the objects around it. `None` when it has neither a code nor a
/// message.
pub(crate) fn object_reading<E>(
    objs: &[Obj<'_>],
    index: usize,
    keys: &[(&'static str, Field)],
    extra: &[(&'static str, Field)],
) -> Option<Reading<E>> {
    let obj = &objs[index];
    let mut reading = Reading::new(Evidence::Body, obj.start);
    reading.format = BodyFormat::Json;
    // As the response parser reads a body: of the keys filling one field the one listed first
    // wins, of duplicates the last, and a value of the wrong type clears the field.
    let mut ranks = [usize::MAX; 4];
    for (key, value) in &obj.members {
        let found = keys.iter().chain(extra).enumerate().find(|(_, (name, _))| key == name);
        let Some((rank, &(name, field))) = found else { continue };
        if rank > ranks[field as usize] {
            continue;
        }
        ranks[field as usize] = rank;
        let text = match value {
            Loose::Str(text) => Some(text.to_string()),
            _ => None,
        };
        match field {
            Field::Code => {
                reading.raw_code = match value {
                    Loose::Num(number) => Some(RawCode::number(number.as_bytes())),
                    Loose::Str(text) => Some(RawCode::text(text)),
                    _ => None,
                };
                reading.code_key = name;
            }
            Field::Message => reading.message = text,
            Field::RequestId => reading.request_id = text,
            Field::Url => {}
        }
    }
    if reading.raw_code.is_none() && reading.message.is_none() {
        return None;
    }
    let mut at = Some(index);
    while let Some(i) = at {
        let status = STATUS_KEYS.iter().find_map(|key| match objs[i].get(key)? {
            Loose::Num(n) => n.parse::<u16>().ok(),
            Loose::Str(s) => s.trim().parse::<u16>().ok(),
            _ => None,
        });
        if let Some(status) = status.filter(|s| (100..=599).contains(s)) {
            reading.status = Some(status);
            break;
        }
        at = objs[i].parent;
    }
    Some(reading)
}

// ---------------------------------------------------------------- statuses and labels

/// The HTTP status a text carries beside an error, by the labels SDKs and loggers print it
/// with (`status=401`, `"statusCode": 401`, `PUT 503 {`, ``resulted in a `401 ``,
/// `HTTP/1.1 404`); the first one found.
pub(crate) fn status_in(text: &str) -> Option<u16> {
    const LABELS: &[&str] = &[
        "status=",
        "status: ",
        "status\": ",
        "status\":",
        "statuscode: ",
        "statuscode\": ",
        "statuscode\":",
        "status code ",
        "status_code: ",
        "http/1.1 ",
        "http/2 ",
        "http ",
        "api error code:",
        "resulted in a `",
        "statuecode = ",
        "statuscode \"",
        "(http ",
    ];
    const METHODS: &[&str] = &["GET ", "PUT ", "POST ", "DELETE ", "HEAD ", "PATCH "];
    // One pass over the text for every label's first occurrence (ASCII, any case), instead of
    // one pass per label; then the labels in their order, as before.
    let bytes = text.as_bytes();
    let mut first: [Option<usize>; LABELS.len()] = [None; LABELS.len()];
    let mut pending = LABELS.len();
    for i in 0..bytes.len() {
        // Every label starts with one of these four bytes (lowercased): most positions are
        // passed over on one comparison.
        let Some(head) = bytes.get(i..i + 4) else { break };
        let head = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) | 0x2020_2020;
        if ![*b"stat", *b"http", *b"api ", *b"resu", *b"(htt"]
            .iter()
            .any(|p| u32::from_le_bytes(*p) | 0x2020_2020 == head)
        {
            continue;
        }
        for (label, seen) in LABELS.iter().zip(first.iter_mut()) {
            if seen.is_none() && bytes.get(i..i + label.len()).is_some_and(|t| t.eq_ignore_ascii_case(label.as_bytes()))
            {
                *seen = Some(i);
                pending -= 1;
            }
        }
        if pending == 0 {
            break;
        }
    }
    let labelled = LABELS.iter().zip(first).find_map(|(label, at)| status_at(text, at? + label.len()));
    labelled.or_else(|| {
        METHODS.iter().find_map(|method| {
            let mut from = 0;
            while let Some(at) = find_from(text, method, from) {
                let after = at + method.len();
                if let Some(status) = status_at(text, after)
                    && matches!(text.as_bytes().get(after + 3), None | Some(b' ' | b'{' | b':'))
                {
                    return Some(status);
                }
                from = after;
            }
            None
        })
    })
}

/// The HTTP status (100 to 599) written at `text[at..]`, optionally in quotes, and not
/// followed by another digit.
pub(crate) fn status_at(text: &str, at: usize) -> Option<u16> {
    let bytes = text.as_bytes();
    let at = at + usize::from(bytes.get(at) == Some(&b'"'));
    let digits = bytes.get(at..at + 3)?;
    if !digits.iter().all(u8::is_ascii_digit) || bytes.get(at + 3).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let n = digits.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
    (100..=599).contains(&n).then_some(n)
}

/// The first occurrence of `needle` (ASCII, any case) in `text` from `from`. Linear for the
/// short needles this crate uses.
pub(crate) fn find_ci(text: &str, needle: &str, from: usize) -> Option<usize> {
    let hay = text.as_bytes();
    let needle = needle.as_bytes();
    let first = needle.first()?.to_ascii_lowercase();
    let last_start = hay.len().checked_sub(needle.len())?;
    let mut i = from;
    while i <= last_start {
        if hay[i].to_ascii_lowercase() == first && hay[i..i + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// How many occurrences of one marker a rendering examines at most: a real rendering comes
/// with the first few, and a text of a million markers costs no more than a few.
pub(crate) const MAX_MARKERS: usize = 32;

/// The first [`MAX_MARKERS`] occurrences of `label` in `text`, each as (where the text after it
/// starts, that text).
pub(crate) fn occurrences<'a>(text: &'a str, label: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = after(text, label, from)?;
        from = found.0;
        Some(found)
    })
    .take(MAX_MARKERS)
}

/// The text after `label` (its first occurrence from `from`), as (its start, the rest).
pub(crate) fn after<'a>(text: &'a str, label: &str, from: usize) -> Option<(usize, &'a str)> {
    let at = find_from(text, label, from)? + label.len();
    Some((at, &text[at..]))
}

/// The first occurrence of `needle` in `text` from `from`. An ASCII needle is found by its
/// first byte (`memchr`) and compared there, without building `str::find`'s searcher: most
/// texts a rendering is asked about are short lines that do not hold its label at all, where
/// building the searcher cost more than the search. Linear for the short labels this crate
/// uses (at most `needle.len()` bytes compared per position).
pub(crate) fn find_from(text: &str, needle: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let Some(&first) = needle.as_bytes().first().filter(|b| b.is_ascii()) else {
        return rest.find(needle).map(|i| i + from);
    };
    let bytes = rest.as_bytes();
    let mut i = 0;
    while let Some(j) = rest.get(i..).and_then(|r| r.find(char::from(first))) {
        let at = i + j;
        if bytes[at..].starts_with(needle.as_bytes()) {
            return Some(at + from);
        }
        i = at + 1;
    }
    None
}

/// The integer (optionally negative) `text` starts with, as written.
pub(crate) fn leading_int(text: &str) -> Option<&str> {
    let digits_from = usize::from(text.starts_with('-'));
    let len = text[digits_from..].bytes().take(19).take_while(u8::is_ascii_digit).count();
    (len > 0 && len <= 18).then(|| &text[..digits_from + len])
}

/// How many bytes of a line around an error the renderings read at most, so that a text of
/// one endless line costs no more than a short one per marker.
pub(crate) const MAX_LINE: usize = 4096;

/// `text` up to its first line break (a `\r` before it dropped), at most [`MAX_LINE`] bytes.
pub(crate) fn first_line(text: &str) -> &str {
    let mut end = text.len().min(MAX_LINE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    head.split('\n').next().unwrap_or_default().trim_end_matches('\r')
}

/// The part of `at`'s line before `at`, at most [`MAX_LINE`] bytes of it.
pub(crate) fn line_before(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(MAX_LINE);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let head = &text[start..at];
    head.rfind('\n').map_or(head, |i| &head[i + 1..])
}

/// The text around `at`, line breaks included: at most [`MAX_LINE`] bytes each side.
pub(crate) fn around(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let mut at = at;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = text_before(text, at);
    let start = at - before.len();
    let mut end = (at + MAX_LINE).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end]
}

/// The text before `at`, line breaks included, at most [`MAX_LINE`] bytes of it.
pub(crate) fn text_before(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(MAX_LINE);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// The line of `text` that `at` is on, without its line break (at most [`MAX_LINE`] bytes each
/// side of `at`).
pub(crate) fn line_at(text: &str, at: usize) -> &str {
    let before = line_before(text, at);
    let start = at - before.len();
    &text[start..at + first_line(&text[at..]).len()]
}

/// A message read from a text: trimmed, `None` when empty.
pub(crate) fn message_of(text: &str) -> Option<String> {
    Some(text.trim()).filter(|t| !t.is_empty()).map(str::to_owned)
}

// ---------------------------------------------------------------- documented messages

/// A provider's documented messages, for finding one in a text: each wording that names
/// exactly one code, long and particular enough not to be an HTTP reason phrase or a common
/// phrase. Built on first use by the provider module.
pub struct MessageIndex {
    /// Lowercased wording, and the variant (index into `ALL`) it names; `None` when the
    /// wording names several codes.
    wordings: Vec<(String, Option<u16>, bool)>,
    /// Wordings by their first [`PREFIX`] lowercased bytes.
    by_prefix: HashMap<[u8; PREFIX], Vec<u32>>,
    /// Which pairs of lowercased leading bytes start some wording (bit `b0 * 256 + b1`): most
    /// positions of a text are passed over on one lookup in it.
    starts: Box<[u64; 1024]>,
    /// Wordings by their whole lowercased text.
    whole: HashMap<String, u32>,
}

/// How many leading bytes index a wording; shorter wordings are not looked up.
const PREFIX: usize = 6;

/// Messages shorter than this, or of fewer than three words, are not looked up alone in a text
/// (upper-case reason names such as `SESSION_CONFLICT` are, written in upper case).
const SHORTEST_MESSAGE: usize = 12;

impl MessageIndex {
    /// The index of `E`'s documented messages and their alternates.
    pub(crate) fn new<E: ProviderError>() -> Self {
        let mut codes: HashMap<String, (Option<u16>, &'static str, bool)> = HashMap::new();
        let mut order = Vec::new();
        // A templated code's message cannot name its code: the digits in place of its `x` are
        // not in the message (and those messages are the edge's generic ones).
        for (i, variant) in E::ALL.iter().enumerate().filter(|(_, v)| !v.is_template()) {
            let wordings = variant.wire_message().into_iter().chain(variant.alternate_messages().iter().copied());
            for wording in wordings {
                let Some(key) = indexable(wording) else { continue };
                match codes.get_mut(&key) {
                    Some((named, code, _)) if *code != variant.code_str() => *named = None,
                    Some(_) => {}
                    None => {
                        order.push(key.clone());
                        let upper = is_reason_name(wording.trim());
                        codes.insert(key, (u16::try_from(i).ok(), variant.code_str(), upper));
                    }
                }
            }
        }
        let mut index = MessageIndex {
            wordings: Vec::new(),
            by_prefix: HashMap::new(),
            starts: Box::new([0; 1024]),
            whole: HashMap::new(),
        };
        for key in order {
            let (named, _, upper) = codes[&key];
            let id = index.wordings.len() as u32;
            if upper || searchable(&key) {
                let mut prefix = [0; PREFIX];
                prefix.copy_from_slice(&key.as_bytes()[..PREFIX]);
                index.by_prefix.entry(prefix).or_default().push(id);
                let pair = usize::from(prefix[0]) * 256 + usize::from(prefix[1]);
                index.starts[pair / 64] |= 1 << (pair % 64);
            }
            index.whole.insert(key.clone(), id);
            index.wordings.push((key, named, upper));
        }
        index
    }

    /// The variant a whole message names, when it names exactly one code.
    pub(crate) fn unique<E: ProviderError>(&self, message: &str) -> Option<E> {
        let key = indexable(message)?;
        let (_, named, _) = self.wordings[*self.whole.get(&key)? as usize];
        E::ALL.get(usize::from(named?)).copied()
    }

    /// The last documented message in `text` (on word boundaries) that names exactly one code
    /// (in a chain `wrapper: cause` the cause comes last); `None` when there is none, or the
    /// last one names several codes.
    pub(crate) fn find<E: ProviderError>(&self, text: &str) -> Option<Reading<E>> {
        let bytes = text.as_bytes();
        let mut best: Option<(usize, usize, Option<u16>)> = None;
        let mut i = 0;
        while i + PREFIX <= bytes.len() {
            let pair =
                usize::from(bytes[i].to_ascii_lowercase()) * 256 + usize::from(bytes[i + 1].to_ascii_lowercase());
            if self.starts[pair / 64] & (1 << (pair % 64)) == 0
                || i > 0 && is_word(bytes[i - 1])
                || !text.is_char_boundary(i)
            {
                i += 1;
                continue;
            }
            let mut prefix = [0; PREFIX];
            for (p, b) in prefix.iter_mut().zip(&bytes[i..i + PREFIX]) {
                *p = b.to_ascii_lowercase();
            }
            if let Some(ids) = self.by_prefix.get(&prefix) {
                for &id in ids {
                    let (wording, named, upper) = &self.wordings[id as usize];
                    let end = i + wording.len();
                    // A reason name is written in upper case; a message in any case.
                    let same = |t: &[u8]| match upper {
                        true => t.iter().zip(wording.bytes()).all(|(a, b)| *a == b.to_ascii_uppercase()),
                        false => t.eq_ignore_ascii_case(wording.as_bytes()),
                    };
                    let fits = bytes.get(i..end).is_some_and(same)
                        && (!bytes.get(end).is_some_and(|&b| is_word(b)) || !is_word(bytes[end - 1]));
                    let longer = best.is_none_or(|(s, e, _)| i >= e || end - i > e - s);
                    if fits && longer {
                        best = Some((i, end, *named));
                    }
                }
            }
            i += 1;
        }
        let (start, mut end, named) = best?;
        // The wording was indexed without its trailing period: keep the text's.
        end += usize::from(bytes.get(end) == Some(&b'.'));
        let mut reading = Reading::new(Evidence::Message, start);
        reading.code = Some(*E::ALL.get(usize::from(named?))?);
        reading.message = Some(text[start..end].to_owned());
        Some(reading)
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The key a documented wording is indexed under (lowercased, trimmed, without a trailing
/// period), or `None` when it cannot name an error: a template, an HTTP reason phrase.
fn indexable(wording: &str) -> Option<String> {
    let trimmed = wording.trim();
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed).trim_end();
    if trimmed.len() < PREFIX || trimmed.contains('<') {
        return None;
    }
    let is_reason_phrase = (100..=599u16)
        .filter_map(|n| StatusCode::from_u16(n).ok()?.canonical_reason())
        .any(|reason| reason.eq_ignore_ascii_case(trimmed));
    (!is_reason_phrase).then(|| trimmed.to_ascii_lowercase())
}

/// Whether an indexed message (not a reason name) is particular enough to name an error when
/// found alone in a text: at least three words and [`SHORTEST_MESSAGE`] bytes (two words,
/// `signature error` or `connection refused`, are any service's words).
fn searchable(key: &str) -> bool {
    key.len() >= SHORTEST_MESSAGE && key.split_whitespace().count() >= 3
}

/// Whether a message agrees with one of the documented wordings of `variants`: equal
/// (ignoring case, surrounding space and a trailing period), the wording followed by more
/// detail (`Cloud Code validation failed. Error detail: ...`), or a templated wording filled in.
pub(crate) fn agrees<E: ProviderError>(variants: &[E], message: &str) -> bool {
    let sent = message.trim();
    let sent_key = sent.strip_suffix('.').unwrap_or(sent).trim_end();
    variants.iter().any(|v| {
        v.wire_message().into_iter().chain(v.alternate_messages().iter().copied()).any(|wording| {
            let wording = wording.trim();
            let key = wording.strip_suffix('.').unwrap_or(wording).trim_end();
            !key.is_empty()
                && (key.eq_ignore_ascii_case(sent_key)
                    || sent.len() > wording.len()
                        && sent.is_char_boundary(wording.len())
                        && sent[..wording.len()].eq_ignore_ascii_case(wording)
                        && !is_word(sent.as_bytes()[wording.len()])
                    || crate::provider_error::fits_template(wording, sent))
        })
    })
}

/// Whether a text is an upper-case reason name: `SESSION_CONFLICT`, or one word of at least
/// eight capitals (`BLACKLISTED`).
pub(crate) fn is_reason_name(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_uppercase())
        && text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && (text.contains('_') && text.len() >= 3 || text.len() >= 8)
}

/// `text` with `%XX` escapes decoded and `+` read as a space, as a URL's query carries it;
/// invalid UTF-8 replaced.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A quoted value at the start of `text` (`"..."`, `'...'`, or `\"...\"` inside another
/// string), its escapes decoded; `None` when `text` does not start with a quote or it does
/// not close on the same line.
pub(crate) fn quoted(text: &str) -> Option<String> {
    let (quote, body): (&str, &str) = match text.as_bytes().first()? {
        b'"' => ("\"", &text[1..]),
        b'\'' => ("'", &text[1..]),
        b'\\' if text.starts_with("\\\"") => ("\\\"", &text[2..]),
        _ => return None,
    };
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() && bytes[i] != b'\n' {
        if body.get(i..).is_some_and(|rest| rest.starts_with(quote)) {
            let mut out = String::with_capacity(i);
            let mut chars = body[..i].chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some('n') => out.push('\n'),
                        Some('t') => out.push('\t'),
                        Some(other) => out.push(other),
                        None => {}
                    },
                    c => out.push(c),
                }
            }
            return Some(out);
        }
        i += if bytes[i] == b'\\' && quote.len() == 1 { 2 } else { 1 };
    }
    None
}
