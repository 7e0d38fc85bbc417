//! A small, forgiving reader for the top-level fields of a JSON object.
//!
//! Error bodies are small objects of which we want three or four top-level fields.
//! [`scan_object`] walks the object once, without recursion and without building a tree, and yields each
//! top-level member to a callback with its value undecoded; only the strings the caller keeps are decoded,
//! and nested values are skipped with a depth counter, so deep nesting costs no stack.
//!
//! On valid JSON it agrees with `serde_json` (the differential property test in
//! `tests/parse_props.rs` checks it): keys and strings are decoded the same and numbers are kept
//! as written. On invalid input it never fails: invalid escapes and invalid UTF-8 become U+FFFD,
//! and a body that stops early or breaks keeps the members completed before the break. A member
//! is complete when its value is: a string once its closing quote came, a number once a
//! delimiter (`,`, `}`, `]` or whitespace) follows it, so a cut never shortens a value.

use std::borrow::Cow;

/// A string's content between its quotes, undecoded.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawStr<'a> {
    raw: &'a [u8],
    escaped: bool,
}

impl<'a> RawStr<'a> {
    /// Whether the decoded string equals `name`.
    #[inline]
    pub(crate) fn is(self, name: &str) -> bool {
        match self.escaped {
            // Length first: keys of another length never reach `memcmp` (measured: ≈ 25 fewer
            // instructions per UpYun parse than the slice comparison alone).
            false => self.raw.len() == name.len() && self.raw == name.as_bytes(),
            true => *self.decoded() == *name.as_bytes(),
        }
    }

    /// The decoded bytes: escapes replaced (invalid ones by U+FFFD), UTF-8 not yet checked.
    pub(crate) fn decoded(self) -> Cow<'a, [u8]> {
        match self.escaped {
            false => Cow::Borrowed(self.raw),
            true => {
                let mut out = Vec::with_capacity(self.raw.len());
                unescape_into(self.raw, &mut out);
                Cow::Owned(out)
            }
        }
    }

    /// Appends the decoded bytes to `out`, as [`decoded`](Self::decoded) gives them.
    pub(crate) fn decode_into(self, out: &mut Vec<u8>) {
        match self.escaped {
            false => out.extend_from_slice(self.raw),
            true => unescape_into(self.raw, out),
        }
    }

    /// The length of the raw content, at least that of the decoded one but for invalid escapes.
    pub(crate) fn raw_len(self) -> usize {
        self.raw.len()
    }

    /// The decoded string, invalid UTF-8 replaced by U+FFFD.
    pub(crate) fn to_str(self) -> Cow<'a, str> {
        match self.decoded() {
            Cow::Borrowed(bytes) => match std::str::from_utf8(bytes) {
                Ok(text) => Cow::Borrowed(text),
                Err(_) => String::from_utf8_lossy(bytes),
            },
            Cow::Owned(bytes) => Cow::Owned(
                String::from_utf8(bytes).unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned()),
            ),
        }
    }
}

/// A top-level value, decoded only on demand.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value<'a> {
    Str(RawStr<'a>),
    /// A number, exactly as written (ASCII digits, signs, `.`, `e`).
    Num(&'a [u8]),
    Null,
    /// An object or an array, raw (an error object in place of a message; LeanCloud's batch
    /// items).
    Nested(&'a [u8]),
    /// `true` or `false`.
    Bool,
}

/// How an object or array ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum End {
    /// It closed properly.
    Closed,
    /// The input stopped or broke inside it; members before that point were yielded.
    Broken,
}

/// Calls `member(key, value)` for each top-level member of the object at `bytes[start]`, in
/// order, as soon as its value is complete; nothing unless the object starts with `{`.
#[inline]
pub(crate) fn scan_object<'a>(bytes: &'a [u8], start: usize, mut member: impl FnMut(RawStr<'a>, Value<'a>)) -> End {
    scan_members(bytes, start, |key, value| {
        if let Some(value) = value {
            member(key, value);
        }
    })
}

/// [`scan_object`], and at a break after a member's key and colon, `member(key, None)`: that
/// member was there, though its value is not whole (cut by a limit, or invalid).
#[inline]
pub(crate) fn scan_members<'a>(
    bytes: &'a [u8],
    start: usize,
    mut member: impl FnMut(RawStr<'a>, Option<Value<'a>>),
) -> End {
    let Some([b'{', rest @ ..]) = bytes.get(start..) else { return End::Broken };
    let mut rest = skip_ws(rest);
    if let [b'}', ..] = rest {
        return End::Closed;
    }
    loop {
        let Some((key, after_key)) = string(rest) else { return End::Broken };
        let [b':', after_colon @ ..] = skip_ws(after_key) else { return End::Broken };
        let Some((value, after_value)) = self::value(skip_ws(after_colon)) else {
            member(key, None);
            return End::Broken;
        };
        member(key, Some(value));
        match skip_ws(after_value) {
            [b',', after @ ..] => rest = skip_ws(after),
            [b'}', ..] => return End::Closed,
            _ => return End::Broken,
        }
    }
}

/// The offsets of the top-level elements of the array at `bytes[start]`, one at a time;
/// nothing unless it starts with `[`.
pub(crate) struct Elements<'a> {
    bytes: &'a [u8],
    /// What follows the last element (or the opening bracket); `None` once the array ended.
    rest: Option<&'a [u8]>,
    end: End,
}

impl<'a> Elements<'a> {
    pub(crate) fn new(bytes: &'a [u8], start: usize) -> Self {
        let mut elements = Self { bytes, rest: None, end: End::Broken };
        if let Some([b'[', rest @ ..]) = bytes.get(start..) {
            match skip_ws(rest) {
                [b']', ..] => elements.end = End::Closed,
                rest => elements.rest = Some(rest),
            }
        }
        elements
    }

    /// How the array ended, once every element has been yielded.
    pub(crate) fn end(&self) -> End {
        self.end
    }
}

impl Iterator for Elements<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let rest = skip_ws(self.rest.take()?);
        let (_, after) = value(rest)?;
        match skip_ws(after) {
            [b',', after @ ..] => self.rest = Some(after),
            [b']', ..] => self.end = End::Closed,
            _ => {}
        }
        Some(self.bytes.len() - rest.len())
    }
}

/// The offset of the first byte that is not whitespace or a UTF-8 byte-order mark.
pub(crate) fn skip_bom_and_ws(bytes: &[u8]) -> usize {
    bytes.len() - skip_ws(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).len()
}

/// `rest` from its first byte that is not JSON whitespace.
#[inline]
fn skip_ws(mut rest: &[u8]) -> &[u8] {
    // Most tokens follow no space or one: any byte above `' '` ends it at once.
    while let [b, after @ ..] = rest {
        if *b > b' ' || !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            break;
        }
        rest = after;
    }
    rest
}

/// The string `rest` starts with, and what follows its closing quote.
#[inline]
fn string(rest: &[u8]) -> Option<(RawStr<'_>, &[u8])> {
    let [b'"', content @ ..] = rest else { return None };
    let mut at = 0;
    let mut escaped = false;
    loop {
        at += quote_or_backslash(content.get(at..)?)?;
        if content[at] == b'"' {
            return Some((RawStr { raw: &content[..at], escaped }, &content[at + 1..]));
        }
        escaped = true;
        at += 2; // the backslash and the escaped byte, which may be a quote
    }
}

/// The value `rest` starts with, and what follows it.
#[inline]
fn value(rest: &[u8]) -> Option<(Value<'_>, &[u8])> {
    let word = |value, len: usize| match rest.get(len) {
        Some(b) if b.is_ascii_alphabetic() => None,
        _ => Some((value, &rest[len..])),
    };
    match rest {
        [b'"', ..] => string(rest).map(|(raw, after)| (Value::Str(raw), after)),
        [b'{' | b'[', ..] => {
            let len = nested_len(rest)?;
            Some((Value::Nested(&rest[..len]), &rest[len..]))
        }
        [b'-' | b'0'..=b'9', ..] => {
            // A number is complete only once a delimiter follows it: one that runs to the end
            // of the input may have been cut (`{"code":1` of `{"code":137}`), so, like a string
            // without its closing quote, it is no value.
            let len = rest.iter().position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))?;
            let (number, after) = rest.split_at(len);
            matches!(after[0], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r').then_some((Value::Num(number), after))
        }
        [b'n', b'u', b'l', b'l', ..] => word(Value::Null, 4),
        [b't', b'r', b'u', b'e', ..] => word(Value::Bool, 4),
        [b'f', b'a', b'l', b's', b'e', ..] => word(Value::Bool, 5),
        _ => None,
    }
}

/// The length of the nested object or array `rest` starts with, counting depth instead of
/// recursing.
#[inline(never)]
fn nested_len(rest: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    loop {
        match *rest.get(at)? {
            b'"' => {
                let (_, after) = string(&rest[at..])?;
                at = rest.len() - after.len();
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(at + 1);
                }
            }
            _ => {}
        }
        at += 1;
    }
}

/// The index of the first `"` or `\\` in `bytes`, eight bytes at a time.
#[inline]
fn quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_le_bytes([b'"'; 8]);
    const SLASHES: u64 = u64::from_le_bytes([b'\\'; 8]);
    // The high bit of each byte of the result is set where `word` had a zero byte; bits above
    // a true zero may be set too, so the lowest set bit is exact.
    let zero_bytes = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let hits = zero_bytes(word ^ QUOTES) | zero_bytes(word ^ SLASHES);
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks.remainder().iter().position(|&b| b == b'"' || b == b'\\').map(|found| at + found)
}

/// The JSON string `bytes` starts with, decoded (its UTF-8 not checked), and whether it
/// closed; a string the input cut short gives what there is.
pub(crate) fn leading_string(bytes: &[u8]) -> Option<(Vec<u8>, bool)> {
    let [b'"', content @ ..] = bytes else { return None };
    let mut out = Vec::with_capacity(content.len());
    match string(bytes) {
        Some((raw, _)) => {
            raw.decode_into(&mut out);
            Some((out, true))
        }
        None => {
            unescape_into(content, &mut out);
            Some((out, false))
        }
    }
}

/// Appends the decoded escapes of a JSON string's raw content to `out` (see
/// [`unescape_into`]): for text that holds a JSON string's content without its quotes.
pub(crate) fn unescape(raw: &[u8], out: &mut Vec<u8>) {
    unescape_into(raw, out);
}

/// Appends the decoded escapes of a JSON string's raw content to `out`. Invalid escapes and
/// lone surrogates become U+FFFD; other bytes are copied as they are.
fn unescape_into(raw: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        i += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let c = match raw.get(i) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let (c, used) = unicode_escape(&raw[i + 1..]);
                i += used;
                c
            }
            _ => char::REPLACEMENT_CHARACTER,
        };
        i += 1;
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The members `scan_object` yields, with numbers and strings as written.
    fn members(body: &[u8]) -> (Vec<(String, String)>, End) {
        let mut out = Vec::new();
        let end = scan_object(body, 0, |key, value| {
            let value = match value {
                Value::Num(n) => String::from_utf8_lossy(n).into_owned(),
                Value::Str(s) => format!("{:?}", s.to_str()),
                Value::Null => "null".to_owned(),
                Value::Bool => "bool".to_owned(),
                Value::Nested(raw) => String::from_utf8_lossy(raw).into_owned(),
            };
            out.push((key.to_str().into_owned(), value));
        });
        (out, end)
    }

    #[test]
    fn a_number_at_the_end_of_a_cut_body_is_no_value() {
        // R1 (reliability report 2026-11-26): LeanCloud's `{"code":137,...}` cut after
        // `{"code":1` was read as code 1.
        for cut in
            [&br#"{"code":1"#[..], br#"{"code":-"#, br#"{"msg":"bucket is full","code":4030"#, br#"{"code":4.03e"#]
        {
            let (found, end) = members(cut);
            assert!(found.iter().all(|(key, _)| key != "code"), "{:?}: {found:?}", String::from_utf8_lossy(cut));
            assert_eq!(end, End::Broken);
        }
        // A delimiter completes it, whatever comes next.
        for (body, code) in [
            (&br#"{"code":1,"#[..], "1"),
            (br#"{"code":137 "#, "137"),
            (b"{\"code\":137\r\n}", "137"),
            (br#"{"code":-1}"#, "-1"),
        ] {
            let (found, _) = members(body);
            assert_eq!(found.first().map(|(_, v)| v.as_str()), Some(code), "{:?}", String::from_utf8_lossy(body));
        }
        // A number glued to something that is no delimiter is no number either.
        assert!(members(br#"{"code":1x}"#).0.is_empty());
        // The same in arrays: a cut last element is not yielded.
        assert_eq!(Elements::new(b"[1, 2", 0).count(), 1);
        assert_eq!(Elements::new(b"[1, 2]", 0).count(), 2);
    }
}
