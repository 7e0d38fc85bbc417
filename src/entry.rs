//! [`Entry`]: the facts of one catalogue entry, as the build script emits them, and the rules
//! for reading the codes they are looked up by.

use http::StatusCode;

use crate::{kind::ErrorKind, kind::Retry, lang::Lang};

/// One catalogue entry. Generated code keeps one table of these per provider, indexed by the
/// variant's discriminant, and every accessor answers from it.
#[derive(Debug)]
pub struct Entry {
    /// The code as text, exactly as sent.
    pub(crate) code: &'static str,
    /// The code as a number (0 for text codes).
    pub(crate) number: i64,
    pub(crate) status: u16,
    pub(crate) kind: ErrorKind,
    /// The API surface that sends it (one of the catalogue's `surfaces`).
    pub(crate) surface: &'static str,
    /// Where its wire facts come from.
    pub(crate) provenance: &'static str,
    pub(crate) retry: Retry,
    /// The server's message, or empty when the documentation gives none.
    pub(crate) message: &'static str,
    /// Other wordings of the message that servers send or sent.
    pub(crate) alternates: &'static [&'static str],
    /// What `Display` shows after the code.
    pub(crate) summary: &'static str,
    pub(crate) en: &'static str,
    pub(crate) zh: &'static str,
    /// What to do about it, where the catalogue says (OpenList's symptoms); empty otherwise.
    pub(crate) remedy_en: &'static str,
    pub(crate) remedy_zh: &'static str,
    /// The code is a template standing for many codes (UpYun's CDN `503xx001`).
    pub(crate) template: bool,
    /// The address of the first source the provenance names; empty when it names none.
    pub(crate) source_url: &'static str,
}

impl Entry {
    /// The status of the entry. The build script checks every status is in 100..=599, so the
    /// fallback is never taken; it exists so that no code path can panic.
    pub(crate) fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The code as a number, when it is one (numeric providers' codes, not their templates).
    pub(crate) fn numeric_code(&self) -> Option<i64> {
        let digits = self.code.strip_prefix('-').unwrap_or(self.code);
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(self.number)
    }

    /// The documented message, absent when the documentation gives none.
    pub(crate) fn wire_message(&self) -> Option<&'static str> {
        Some(self.message).filter(|message| !message.is_empty())
    }

    pub(crate) const fn description(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::ZhCn => self.zh,
        }
    }

    pub(crate) fn source_url(&self) -> Option<&'static str> {
        Some(self.source_url).filter(|url| !url.is_empty())
    }

    pub(crate) fn remedy(&self, lang: Lang) -> Option<&'static str> {
        let remedy = match lang {
            Lang::En => self.remedy_en,
            Lang::ZhCn => self.remedy_zh,
        };
        Some(remedy).filter(|remedy| !remedy.is_empty())
    }
}

/// `code` without surrounding whitespace, as `str::trim` gives it; a code that starts and ends
/// with a visible ASCII character (every wire code) is returned as it is without decoding
/// characters from both ends.
pub(crate) fn trim_code(code: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    match visible(code.as_bytes().first()) && visible(code.as_bytes().last()) {
        true => code,
        false => code.trim(),
    }
}

/// An integer written as codes are (ASCII digits, an optional leading `-`, no leading zeros,
/// no `-0`), as `FromStr` reads numeric codes too.
pub(crate) fn canonical_integer(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let canonical = match digits.as_bytes() {
        [] => false,
        [b'0'] => digits.len() == text.len(),
        [first, ..] => *first != b'0',
    };
    (canonical && digits.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

/// A numeric code written as text: ASCII digits with an optional leading `-`, without leading
/// zeros and not `-0` (as every wire code is written; surrounding whitespace allowed). The
/// parsers read a response's code by the same rule.
#[cfg(any(feature = "upyun", feature = "leancloud"))]
pub(crate) fn parse_numeric_code(text: &str) -> Option<i64> {
    canonical_integer(trim_code(text))
}

/// A template (`503xx001`: each `x` any digit) as the generated tables hold it: its text, the
/// mask and value of its digits (see [`packed_digits`]), and its variants.
#[cfg(any(feature = "upyun", feature = "leancloud"))]
pub(crate) type Template<E> = (&'static str, u64, u64, &'static [E]);

/// The eight decimal digits of `code`, one per byte, most significant first in the lowest
/// byte; `None` unless `code` has exactly eight digits, as every template does (so `10999` is
/// no `xxx10999`).
#[cfg(any(feature = "upyun", feature = "leancloud"))]
fn packed_digits(code: i64) -> Option<u64> {
    let mut rest = u64::try_from(code).ok().filter(|c| (10_000_000..100_000_000).contains(c))?;
    let mut packed = 0u64;
    for position in (0..8).rev() {
        packed |= (rest % 10) << (8 * position);
        rest /= 10;
    }
    Some(packed)
}

/// The variants of the first template that `code` matches; empty when none does.
#[cfg(any(feature = "upyun", feature = "leancloud"))]
pub(crate) fn template_variants<E>(templates: &'static [Template<E>], code: i64) -> &'static [E] {
    let Some(digits) = packed_digits(code).filter(|_| !templates.is_empty()) else { return &[] };
    templates.iter().find(|(_, mask, value, _)| digits & mask == *value).map_or(&[], |template| template.3)
}
