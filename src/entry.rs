//! The facts of one catalogue entry, and the impls every generated enum shares.
//!
//! The build script (`build/main.rs`) emits data for each provider (the enum, `ALL`, `ENTRIES` and the `CODES` lookup
//! table); [`catalogue_enum!`] turns that data into the shared impls, and each provider module
//! adds what is its own (`from_code` with its code type, `message`, ...).

use http::StatusCode;

use crate::{ErrorKind, Retry};

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
}

impl Entry {
    /// The status of the entry. the build script checks every status is in 100..=599, so the
    /// fallback is never taken; it exists so that no code path can panic.
    pub(crate) fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
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

/// A numeric code written as text: ASCII digits with an optional leading `-`, without leading
/// zeros (as every wire code is written; surrounding whitespace allowed).
#[cfg(any(feature = "upyun", feature = "leancloud"))]
pub(crate) fn parse_numeric_code(text: &str) -> Option<i64> {
    let text = trim_code(text);
    let digits = text.strip_prefix('-').unwrap_or(text);
    let canonical = digits == "0" || !digits.starts_with('0');
    if digits.is_empty() || !canonical || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
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

/// Of the variants documented under one code (primary first), the one whose documented
/// message (or one of its alternates) equals `message`: first exactly, then ignoring ASCII
/// case, surrounding whitespace and one trailing period, then taking a documented `<name>`
/// part as any text; else the primary one. `None` when `variants` is empty.
pub(crate) fn resolve_by_message<E: crate::ProviderError>(variants: &[E], message: &str) -> Option<E> {
    let primary = *variants.first()?;
    if variants.len() == 1 {
        return Some(primary);
    }
    let wordings = |v: &E| v.wire_message().into_iter().chain(v.alternate_messages().iter().copied());
    let find = |fits: &dyn Fn(&str) -> bool| variants.iter().copied().find(|v| wordings(v).any(fits));
    find(&|m| m == message)
        .or_else(|| find(&|m| loosely_equal(m, message)))
        .or_else(|| find(&|m| fits_template(m, message.trim())))
        .or(Some(primary))
}

/// Whether `sent` is `documented` with each `<placeholder>` (a function name, an address, a
/// detail) replaced by any text. A message without placeholders fits nothing here: equality
/// has been tried before. Linear in the length of `sent`.
fn fits_template(documented: &str, sent: &str) -> bool {
    let Some((first, mut rest)) = documented.split_once('<') else { return false };
    let Some(mut tail) = sent.strip_prefix(first) else { return false };
    loop {
        let Some((_, after)) = rest.split_once('>') else { return false };
        match after.split_once('<') {
            // The last literal part ends the message.
            None => return tail.ends_with(after),
            Some((literal, next)) => {
                let Some(at) = tail.find(literal) else { return false };
                tail = &tail[at + literal.len()..];
                rest = next;
            }
        }
    }
}

/// Equal ignoring ASCII case, surrounding whitespace and one trailing period.
fn loosely_equal(documented: &str, sent: &str) -> bool {
    normalize(documented).eq_ignore_ascii_case(normalize(sent))
}

fn normalize(message: &str) -> &str {
    let message = message.trim();
    message.strip_suffix('.').unwrap_or(message).trim_end()
}

/// The impls every provider enum shares, from the generated `ALL`, `ENTRIES` and `CODES` and
/// the module's `PROFILE`: the sealed and public traits, the inherent accessors (so callers
/// need not import the trait), `Display`, `Error`, `FromStr` and serde.
///
/// `codes = number(<integer type>)` or `codes = text` gives `from_code`, `variants_of` and `code` the
/// provider's code type; `$from_parts`, where given, replaces the default resolution of a
/// response's code and message.
macro_rules! catalogue_enum {
    (@codes $ty:ident, number($int:ty)) => {
        impl $ty {
            /// Looks up a wire code with one perfect-hash probe; `None` if the catalogue does not
            /// list it. A code documented with several meanings gives its primary one.
            pub fn from_code(code: $int) -> Option<Self> {
                Self::variants_of(code).first().copied()
            }

            /// Every variant documented under `code`, the primary one first; empty if unknown.
            /// A code no fixed entry lists may still match a templated one (UpYun's CDN
            /// `503xx001`, where `x` is any digit).
            pub fn variants_of(code: $int) -> &'static [Self] {
                match CODES.get(&code) {
                    Some(variants) => variants,
                    None => crate::entry::template_variants(TEMPLATES, i64::from(code)),
                }
            }

            /// The code the server sends for this error. For a templated code (`503xx001`),
            /// the number with every `x` read as `0`, which need not be a code itself (`xxx10999`
            /// gives 10999): the response's raw code says which digits it had.
            pub const fn code(self) -> $int {
                // The build script checks every code fits the type.
                ENTRIES[self as usize].number as $int
            }

            /// Looks up a code together with the message the server sent, for codes documented
            /// with several meanings: the variant whose documented message equals `message`
            /// (exactly, then ignoring ASCII case, surrounding whitespace and a trailing period,
            /// then reading a documented `<name>` part as any text),
            /// else the primary one; `None` for an unknown code.
            pub fn from_code_and_message(code: $int, message: &str) -> Option<Self> {
                crate::entry::resolve_by_message(Self::variants_of(code), message)
            }

            fn variants_of_text(code: &str) -> &'static [Self] {
                match crate::entry::parse_numeric_code(code) {
                    Some(number) => Self::variants_of_number(number),
                    // The template itself, as `code_str()` gives it.
                    None => TEMPLATES.iter().find(|template| template.0 == crate::entry::trim_code(code)).map_or(&[], |t| t.3),
                }
            }

            fn variants_of_number(code: i64) -> &'static [Self] {
                <$int>::try_from(code).map_or(&[], Self::variants_of)
            }
        }
    };
    (@codes $ty:ident, text) => {
        impl $ty {
            /// Looks up a code with one perfect-hash probe, ignoring surrounding whitespace;
            /// `None` if the catalogue does not list it.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::variants_of(code).first().copied()
            }

            /// Every variant documented under `code`, the primary one first; empty if unknown.
            pub fn variants_of(code: &str) -> &'static [Self] {
                CODES.get(crate::entry::trim_code(code)).copied().unwrap_or(&[])
            }

            /// The code as it stands in the catalogue (and, for providers that send codes, on
            /// the wire).
            pub const fn code(self) -> &'static str {
                ENTRIES[self as usize].code
            }

            /// Looks up a code together with the message the server sent, for codes documented
            /// with several meanings: the variant whose documented message equals `message`
            /// (exactly, then ignoring ASCII case, surrounding whitespace and a trailing period,
            /// then reading a documented `<name>` part as any text),
            /// else the primary one; `None` for an unknown code.
            pub fn from_code_and_message(code: &str, message: &str) -> Option<Self> {
                crate::entry::resolve_by_message(Self::variants_of(code), message)
            }

            fn variants_of_text(code: &str) -> &'static [Self] {
                Self::variants_of(code)
            }

            fn variants_of_number(_: i64) -> &'static [Self] {
                &[]
            }
        }
    };
    ($ty:ident, $provider:ident, codes = $codes:ident $(($int:ty))? $(, from_parts = $from_parts:expr)?) => {
        crate::entry::catalogue_enum!(@codes $ty, $codes $(($int))?);

        impl crate::provider::sealed::Sealed for $ty {
            fn entry(self, _: crate::provider::sealed::Internal) -> &'static crate::entry::Entry {
                &ENTRIES[self as usize]
            }

            fn variants_of_text(code: &str, _: crate::provider::sealed::Internal) -> &'static [Self] {
                $ty::variants_of_text(code)
            }

            fn variants_of_number(code: i64, _: crate::provider::sealed::Internal) -> &'static [Self] {
                $ty::variants_of_number(code)
            }

            fn profile(_: crate::provider::sealed::Internal) -> &'static crate::response::Profile {
                &PROFILE
            }
            $(
                fn from_parts(
                    code: Option<&crate::RawCode>,
                    message: Option<&str>,
                    _: crate::provider::sealed::Internal,
                ) -> Option<Self> {
                    let from_parts: fn(Option<&crate::RawCode>, Option<&str>) -> Option<Self> = $from_parts;
                    from_parts(code, message)
                }
            )?
        }

        impl crate::ProviderError for $ty {
            const PROVIDER: crate::Provider = crate::Provider::$provider;
            const ALL: &'static [Self] = ALL;
            const SURFACES: &'static [&'static str] = SURFACES;
        }

        impl $ty {
            /// The code as text, exactly as it appears on the wire.
            pub const fn code_str(self) -> &'static str {
                ENTRIES[self as usize].code
            }

            /// A short lowercase English phrase for this error, as `Display` shows it.
            pub const fn summary(self) -> &'static str {
                ENTRIES[self as usize].summary
            }

            /// The HTTP status the provider answers with for this error.
            pub fn http_status(self) -> ::http::StatusCode {
                ENTRIES[self as usize].status_code()
            }

            /// The cross-provider kind of this error.
            pub const fn kind(self) -> crate::ErrorKind {
                ENTRIES[self as usize].kind
            }

            /// Whether and how the same request may be retried.
            pub const fn retry(self) -> crate::Retry {
                ENTRIES[self as usize].retry
            }

            /// `true` when retrying with backoff may succeed.
            pub const fn is_retryable(self) -> bool {
                ENTRIES[self as usize].retry.is_retryable()
            }

            /// Which API surface sends this error (one of
            /// [`ProviderError::SURFACES`](crate::ProviderError::SURFACES)).
            pub const fn surface(self) -> &'static str {
                ENTRIES[self as usize].surface
            }

            /// Where the catalogue's wire facts for this error come from.
            pub const fn provenance(self) -> &'static str {
                ENTRIES[self as usize].provenance
            }

            /// What this error means, in the given language.
            pub const fn description(self, lang: crate::Lang) -> &'static str {
                match lang {
                    crate::Lang::En => ENTRIES[self as usize].en,
                    crate::Lang::ZhCn => ENTRIES[self as usize].zh,
                }
            }
        }

        impl ::core::fmt::Display for $ty {
            /// `<provider> <code>: <summary>`, such as `upyun 40300004: bucket is full`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let entry = &ENTRIES[*self as usize];
                write!(f, "{} {}: {}", crate::Provider::$provider.as_str(), entry.code, entry.summary)
            }
        }

        impl ::std::error::Error for $ty {}

        impl ::core::str::FromStr for $ty {
            type Err = crate::ParseCodeError;

            /// Looks up a code given as text; surrounding whitespace is ignored.
            fn from_str(code: &str) -> Result<Self, Self::Err> {
                <Self as crate::ProviderError>::from_code_str(code)
                    .ok_or_else(|| crate::ParseCodeError::new(crate::Provider::$provider, code))
            }
        }

        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                crate::serde_code::serialize(*self, serializer)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::serde_code::deserialize(deserializer)
            }
        }
    };
}

pub(crate) use catalogue_enum;
