//! [`RawCode`]: a code exactly as a response gave it.

use std::{borrow::Cow, fmt};

/// A code exactly as the response gave it, known to the catalogue or not.
///
/// Short codes (up to 22 bytes, which is every real one) are stored inline, so keeping the raw
/// code costs no allocation. Made by the parsers only; a code read from the body is at most
/// [`MAX_FIELD`](super::MAX_FIELD) bytes long.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "upyun")] {
/// use cloud_errcodes::{ProviderError, UpyunError};
/// use http::{HeaderMap, StatusCode};
///
/// let body = br#"{"code": 40399999, "msg": "something new"}"#;
/// let err = UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), body);
/// assert_eq!(err.code(), None);
/// let raw = err.raw_code().unwrap();
/// assert_eq!(raw.as_str(), "40399999");
/// assert!(raw.is_number());
/// assert_eq!(raw.to_i64(), Some(40399999));
/// # }
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RawCode {
    number: bool,
    text: Compact,
}

impl RawCode {
    /// A JSON number, exactly as written (`40300004`, `-1`, `4.03e7`): ASCII bytes, as the
    /// scanner hands them over.
    pub(crate) fn number(literal: &[u8]) -> Self {
        Self { number: true, text: Compact::from_ascii(literal) }
    }

    /// A JSON string (decoded) or a header value.
    pub(crate) fn text(text: &str) -> Self {
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

    /// The code as an integer, when it is one written as codes are: a string of ASCII digits
    /// with an optional leading `-` (and surrounding whitespace), or a JSON number without
    /// fraction (`4.03e7` counts, as does `500.0`). Leading zeros (`040300004`) and `-0` are no
    /// integer, as they are no code for `FromStr`; nor is a `+` sign, which is part of no
    /// provider's codes, so `"+200"` is no integer.
    pub fn to_i64(&self) -> Option<i64> {
        let text = crate::entry::trim_code(self.as_str());
        if let Some(n) = crate::entry::canonical_integer(text) {
            return Some(n);
        }
        if !self.number || !is_json_number(text) {
            return None;
        }
        let float = text.parse::<f64>().ok()?;
        // Integral and well inside i64: the cast is exact. `-0.0` is `-0`.
        (float.fract() == 0.0 && float.abs() < 9.0e15 && !(float == 0.0 && text.starts_with('-')))
            .then_some(float as i64)
    }

    /// A JSON number of at most nine plain digits (every numeric code in the catalogues),
    /// without leading zeros: the common case, looked up straight from the bytes. Others go
    /// through [`to_i64`](Self::to_i64).
    pub(crate) fn to_u32(&self) -> Option<u32> {
        let digits = self.text.as_bytes();
        if !self.number || digits.is_empty() || digits.len() > 9 || (digits[0] == b'0' && digits.len() > 1) {
            return None;
        }
        digits.iter().try_fold(0u32, |n, &b| {
            let digit = b.wrapping_sub(b'0');
            (digit < 10).then(|| n * 10 + u32::from(digit))
        })
    }

    /// The text to look up in a catalogue: strings trimmed, numbers as integers.
    pub(crate) fn lookup_text(&self) -> Option<Cow<'_, str>> {
        let text = self.as_str();
        match self.number {
            false => Some(Cow::Borrowed(crate::entry::trim_code(text))),
            true if crate::entry::canonical_integer(text).is_some() => Some(Cow::Borrowed(text)),
            true => self.to_i64().map(|n| Cow::Owned(n.to_string())),
        }
    }
}

/// Whether `text` is a number as JSON writes it: no leading zeros, digits on both sides of
/// the point.
fn is_json_number(text: &str) -> bool {
    let bytes = text.strip_prefix('-').unwrap_or(text).as_bytes();
    let int_len = bytes.iter().position(|b| !b.is_ascii_digit()).unwrap_or(bytes.len());
    let (int, mut rest) = bytes.split_at(int_len);
    if int.is_empty() || (int[0] == b'0' && int.len() > 1) {
        return false;
    }
    if let [b'.', after @ ..] = rest {
        let len = after.iter().position(|b| !b.is_ascii_digit()).unwrap_or(after.len());
        if len == 0 {
            return false;
        }
        rest = &after[len..];
    }
    if let [b'e' | b'E', after @ ..] = rest {
        let after = after.strip_prefix(b"-").or_else(|| after.strip_prefix(b"+")).unwrap_or(after);
        return !after.is_empty() && after.iter().all(u8::is_ascii_digit);
    }
    rest.is_empty()
}

impl fmt::Debug for RawCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.number { "RawCode::Number" } else { "RawCode::Text" };
        f.debug_tuple(kind).field(&self.as_str()).finish()
    }
}

impl fmt::Display for RawCode {
    /// The code, with control characters escaped so that it stays on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::escape::write_escaped(f, self.as_str(), usize::MAX)
    }
}

/// A short string stored inline, a long one on the heap.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Compact {
    Inline { len: u8, bytes: [u8; 22] },
    Heap(Box<str>),
}

impl Compact {
    /// Bytes the scanner read as a number literal (ASCII); anything else is replaced, so the
    /// text is always valid UTF-8.
    fn from_ascii(bytes: &[u8]) -> Self {
        match bytes.is_ascii() {
            true => Compact::from_utf8(bytes),
            false => Compact::new(&String::from_utf8_lossy(bytes)),
        }
    }

    fn new(text: &str) -> Self {
        Compact::from_utf8(text.as_bytes())
    }

    /// `bytes` must be valid UTF-8 (a `&str`'s, or ASCII): `as_str` relies on it to never
    /// fall back.
    fn from_utf8(text: &[u8]) -> Self {
        let mut bytes = [0; 22];
        match bytes.get_mut(..text.len()) {
            Some(prefix) => {
                prefix.copy_from_slice(text);
                Compact::Inline { len: text.len() as u8, bytes }
            }
            None => Compact::Heap(String::from_utf8_lossy(text).into()),
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

#[cfg(feature = "serde")]
impl serde::Serialize for RawCode {
    /// Numbers that are integers serialize as JSON numbers, everything else as strings.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self.is_number(), self.as_str().parse::<i64>()) {
            (true, Ok(n)) => serializer.serialize_i64(n),
            _ => serializer.serialize_str(self.as_str()),
        }
    }
}
