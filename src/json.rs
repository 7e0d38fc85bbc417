//! A small, forgiving scanner for the top-level fields of a JSON object.
//!
//! Error bodies are small objects of which we want three or four top-level fields. This scanner
//! walks the object once, without recursion and without building a tree, and hands each
//! top-level field to a callback with its value undecoded; only the fields the caller keeps are
//! decoded. Nested values are skipped with a depth counter, so deep nesting costs no stack.
//!
//! On valid JSON it agrees with `serde_json` (the differential property test in `tests/parse_props.rs`
//! check it): keys and strings are decoded the same, numbers are kept as written, and of
//! duplicate keys the last one wins, as with `serde_json::Value`, JavaScript and Go. On invalid
//! input it never fails: invalid escapes and invalid UTF-8 become U+FFFD, and a body that stops
//! early or breaks keeps the fields completed before the break.

use std::borrow::Cow;

/// A top-level value, decoded only on demand.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value<'a> {
    /// A string: the bytes between the quotes, and whether they hold any escape.
    Str { raw: &'a [u8], escaped: bool },
    /// A number, exactly as written (ASCII digits, signs, `.`, `e`).
    Num(&'a [u8]),
    /// `null`.
    Null,
    /// An object or an array, raw (read by the LeanCloud batch parser).
    Nested(#[cfg_attr(not(feature = "leancloud"), allow(dead_code))] &'a [u8]),
    /// `true` or `false`.
    Other,
}

impl<'a> Value<'a> {
    /// The decoded string, for string values.
    pub(crate) fn as_str(&self) -> Option<Cow<'a, str>> {
        match *self {
            Value::Str { raw, escaped: false } => Some(match std::str::from_utf8(raw) {
                Ok(text) => Cow::Borrowed(text),
                Err(_) => String::from_utf8_lossy(raw),
            }),
            Value::Str { raw, escaped: true } => Some(Cow::Owned(unescape(raw))),
            _ => None,
        }
    }
}

/// How scanning an object ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum End {
    /// The object closed properly at this offset (just past its `}`).
    Closed(usize),
    /// The input stopped or broke inside the object; fields before that point were reported.
    Broken,
}

/// Scans the object starting at `bytes[start]` (which must be `{`), calling `field(key, value)`
/// for every complete top-level field in order.
pub(crate) fn scan_object<'a>(bytes: &'a [u8], start: usize, mut field: impl FnMut(&[u8], bool, Value<'a>)) -> End {
    let mut s = Scanner { bytes, pos: start };
    if !s.eat(b'{') {
        return End::Broken;
    }
    s.skip_ws();
    if s.eat(b'}') {
        return End::Closed(s.pos);
    }
    loop {
        s.skip_ws();
        let Some((key, key_escaped)) = s.string() else { return End::Broken };
        s.skip_ws();
        if !s.eat(b':') {
            return End::Broken;
        }
        s.skip_ws();
        let Some(value) = s.value() else { return End::Broken };
        field(key, key_escaped, value);
        s.skip_ws();
        match s.next() {
            Some(b',') => continue,
            Some(b'}') => return End::Closed(s.pos),
            _ => return End::Broken,
        }
    }
}

/// Whether the array at `bytes[start]` closed properly, having walked its elements.
pub(crate) fn scan_array(bytes: &[u8], start: usize) -> bool {
    let mut elements = Elements::new(bytes, start);
    elements.by_ref().for_each(drop);
    elements.closed
}

/// The offsets of the top-level elements of the array at `bytes[start]`, one at a time.
pub(crate) struct Elements<'a> {
    s: Scanner<'a>,
    /// `false` once the array has ended, closed or broken.
    open: bool,
    /// Set when the array closed properly.
    closed: bool,
}

impl<'a> Elements<'a> {
    pub(crate) fn new(bytes: &'a [u8], start: usize) -> Self {
        let mut s = Scanner { bytes, pos: start };
        let mut open = s.eat(b'[');
        s.skip_ws();
        let closed = open && s.eat(b']');
        open &= !closed;
        Self { s, open, closed }
    }
}

impl Iterator for Elements<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if !self.open {
            return None;
        }
        self.s.skip_ws();
        let at = self.s.pos;
        if self.s.value().is_none() {
            self.open = false;
            return None;
        }
        self.s.skip_ws();
        match self.s.next() {
            Some(b',') => {}
            Some(b']') => (self.open, self.closed) = (false, true),
            _ => self.open = false,
        }
        Some(at)
    }
}

/// Whether a raw key equals `name` (keys with escapes are decoded first).
pub(crate) fn key_is(raw: &[u8], escaped: bool, name: &str) -> bool {
    match escaped {
        // Keys are a few bytes: an inline loop beats a call to `memcmp`.
        false => raw.len() == name.len() && raw.iter().zip(name.bytes()).all(|(a, b)| *a == b),
        true => unescape(raw) == name,
    }
}

/// The offset of the first byte that is not whitespace or a UTF-8 byte-order mark.
pub(crate) fn skip_bom_and_ws(bytes: &[u8]) -> usize {
    let start = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    start + bytes[start..].iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count()
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn eat(&mut self, want: u8) -> bool {
        let hit = self.peek() == Some(want);
        self.pos += usize::from(hit);
        hit
    }

    fn skip_ws(&mut self) {
        // Most tokens follow no space or one: every byte above `' '` ends it at once.
        while let Some(&b) = self.bytes.get(self.pos) {
            if b > b' ' || !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return;
            }
            self.pos += 1;
        }
    }

    /// A string at the cursor: its raw content and whether it has escapes.
    #[inline]
    fn string(&mut self) -> Option<(&'a [u8], bool)> {
        let bytes = self.bytes;
        if bytes.get(self.pos) != Some(&b'"') {
            return None;
        }
        let start = self.pos + 1;
        let mut at = start;
        let mut escaped = false;
        loop {
            at = quote_or_backslash(bytes, at)?;
            if bytes[at] == b'"' {
                self.pos = at + 1;
                return Some((&bytes[start..at], escaped));
            }
            escaped = true;
            at += 2; // the backslash and the escaped byte, which may be a quote
        }
    }

    /// One value at the cursor; nested objects and arrays are skipped.
    #[inline]
    fn value(&mut self) -> Option<Value<'a>> {
        match self.peek()? {
            b'"' => self.string().map(|(raw, escaped)| Value::Str { raw, escaped }),
            b'{' | b'[' => {
                let start = self.pos;
                self.skip_nested().then(|| Value::Nested(&self.bytes[start..self.pos]))
            }
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                while matches!(self.peek(), Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')) {
                    self.pos += 1;
                }
                Some(Value::Num(&self.bytes[start..self.pos]))
            }
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
                    self.pos += 1;
                }
                match &self.bytes[start..self.pos] {
                    b"null" => Some(Value::Null),
                    b"true" | b"false" => Some(Value::Other),
                    _ => None,
                }
            }
        }
    }

    /// Skips a nested object or array, counting depth instead of recursing.
    #[inline(never)]
    fn skip_nested(&mut self) -> bool {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                None => return false,
                Some(b'"') => {
                    if self.string().is_none() {
                        return false;
                    }
                    continue;
                }
                Some(b'{' | b'[') => depth += 1,
                Some(b'}' | b']') => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return true;
                    }
                }
                Some(_) => {}
            }
            self.pos += 1;
        }
    }
}

/// The index of the first `"` or `\\` in `bytes` at or after `at`, eight bytes at a time.
#[inline]
fn quote_or_backslash(bytes: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_le_bytes([b'"'; 8]);
    const SLASHES: u64 = u64::from_le_bytes([b'\\'; 8]);
    // The high bit of each byte of the result is set where `word` had a zero byte; bits above
    // a true zero may be set too, so the lowest set bit is exact.
    let zero_bytes = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    while let Some(chunk) = bytes.get(at..at + 8).and_then(|chunk| <[u8; 8]>::try_from(chunk).ok()) {
        let word = u64::from_le_bytes(chunk);
        let hits = zero_bytes(word ^ QUOTES) | zero_bytes(word ^ SLASHES);
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(|&b| b == b'"' || b == b'\\').map(|found| at + found)
}

/// Decodes the escapes of a JSON string's raw content. Invalid escapes, lone surrogates and
/// invalid UTF-8 become U+FFFD.
pub(crate) fn unescape(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        i += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let Some(&kind) = raw.get(i) else {
            push_char(&mut out, char::REPLACEMENT_CHARACTER);
            break;
        };
        i += 1;
        let simple = match kind {
            b'"' => Some(b'"'),
            b'\\' => Some(b'\\'),
            b'/' => Some(b'/'),
            b'b' => Some(0x08),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            _ => None,
        };
        if let Some(byte) = simple {
            out.push(byte);
        } else if kind == b'u' {
            let (c, used) = unicode_escape(&raw[i..]);
            push_char(&mut out, c);
            i += used;
        } else {
            push_char(&mut out, char::REPLACEMENT_CHARACTER);
        }
    }
    match String::from_utf8(out) {
        Ok(text) => text,
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    }
}

/// The character of a `\u` escape whose four hex digits start `rest`, joining a surrogate
/// pair, and how many bytes after the `\u` it used.
fn unicode_escape(rest: &[u8]) -> (char, usize) {
    let Some(high) = hex4(rest) else { return (char::REPLACEMENT_CHARACTER, 0) };
    if !(0xD800..0xDC00).contains(&high) {
        return (char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER), 4);
    }
    match (rest.get(4..6), rest.get(6..).and_then(hex4)) {
        (Some(b"\\u"), Some(low)) if (0xDC00..0xE000).contains(&low) => {
            let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
            (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), 10)
        }
        _ => (char::REPLACEMENT_CHARACTER, 4),
    }
}

fn hex4(bytes: &[u8]) -> Option<u32> {
    let digits = bytes.get(..4)?;
    digits.iter().try_fold(0u32, |acc, &b| Some(acc * 16 + char::from(b).to_digit(16)?))
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buf = [0; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}
