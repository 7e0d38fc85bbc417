//! [`Table`]: a provider's catalogue as the build script emits it (one text, pointer-free rows),
//! [`Entry`]: one entry read from it, and the rules for reading the codes they are looked up by.

use http::StatusCode;

use crate::{kind::ErrorKind, kind::Retry, lang::Lang};

/// One provider's catalogue as the build script lays it out: a row of small numbers per
/// variant, indexed by discriminant, whose texts are ids into one string of every distinct text.
///
/// A row holds no pointer, so the table costs a binary its bytes only (no relocation per
/// string, as a `&'static str` field would), and a text the catalogue repeats (a provenance,
/// a surface, a summary equal to the message) is stored once.
pub struct Table {
    /// Every distinct text of the catalogue, one after another; text `i` is
    /// `text[start(i)..start(i + 1)]`, and text 0 is empty.
    pub(crate) text: &'static str,
    /// Where each text starts in `text` (and, last, where the last one ends), modulo 65 536.
    pub(crate) starts: &'static [u16],
    /// The ids of the texts that start in a new 64 KiB of `text`: text `i` starts at
    /// `starts[i]` plus 65 536 times the number of these up to `i`.
    pub(crate) carries: &'static [u16],
    /// One row per variant, indexed by its discriminant.
    pub(crate) rows: &'static [Row],
    /// The API surfaces the catalogue names (`Row::surface` indexes them).
    pub(crate) surfaces: &'static [&'static str],
    /// The alternate messages of the variants that have any (few do), one run per variant.
    pub(crate) alternates: &'static [&'static str],
    /// Those variants, in order: (discriminant, start, end of its run in `alternates`).
    pub(crate) alternate_runs: &'static [(u16, u16, u16)],
}

impl Table {
    /// The table of a provider whose feature is off.
    #[cfg(not(all(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist")))]
    pub(crate) const EMPTY: Table =
        Table { text: "", starts: &[0], carries: &[], rows: &[], surfaces: &[], alternates: &[], alternate_runs: &[] };

    /// The entry of the variant whose discriminant is `index`.
    pub(crate) const fn entry(&'static self, index: u16) -> Entry {
        Entry { table: self, index }
    }

    /// How many variants the catalogue has.
    pub(crate) const fn len(&self) -> usize {
        self.rows.len()
    }

    /// Text `id`; the build script emits only ids of texts it wrote, so the empty fallback is
    /// never taken: it exists so that no code path can panic.
    fn text(&'static self, id: u16) -> &'static str {
        let id = usize::from(id);
        let (Some(&start), Some(&end)) = (self.starts.get(id), self.starts.get(id + 1)) else { return "" };
        let carried = |id: usize| self.carries.iter().filter(|&&carry| usize::from(carry) <= id).count() << 16;
        self.text.get(usize::from(start) + carried(id)..usize::from(end) + carried(id + 1)).unwrap_or("")
    }

    /// Where text `id` starts and ends in `text`; empty past the last text.
    const fn span(&self, id: u16) -> (usize, usize) {
        let id = id as usize;
        match id + 1 < self.starts.len() {
            true => (self.start(id), self.start(id + 1)),
            false => (0, 0),
        }
    }

    /// Where text `id` starts in `text` (`id` below `starts.len()`).
    const fn start(&self, id: usize) -> usize {
        let mut carries = 0;
        let mut i = 0;
        while i < self.carries.len() {
            if self.carries[i] as usize <= id {
                carries += 1;
            }
            i += 1;
        }
        self.starts[id] as usize + (carries << 16)
    }
}

/// The facts of one variant, as the build script emits them: numbers, and texts as ids into
/// its [`Table`]'s text (0 for an empty one).
#[derive(Debug)]
pub struct Row {
    pub(crate) status: u16,
    /// The code as text, exactly as sent.
    pub(crate) code: u16,
    /// The API surface that sends it: an index into the table's `surfaces`.
    pub(crate) surface: u8,
    /// Where its wire facts come from.
    pub(crate) provenance: u16,
    /// The server's message, or empty when the documentation gives none.
    pub(crate) message: u16,
    /// What `Display` shows after the code.
    pub(crate) summary: u16,
    pub(crate) en: u16,
    pub(crate) zh: u16,
    /// What to do about it, where the catalogue says (OpenList's symptoms); empty otherwise.
    pub(crate) remedy_en: u16,
    pub(crate) remedy_zh: u16,
    /// The address of the first source the provenance names; empty when it names none.
    pub(crate) source_url: u16,
    pub(crate) kind: ErrorKind,
    pub(crate) retry: Retry,
    /// The code is a template standing for many codes (UpYun's CDN `503xx001`).
    pub(crate) template: bool,
}

/// One catalogue entry: a variant's row and the table its texts are in.
#[derive(Clone, Copy)]
pub struct Entry {
    table: &'static Table,
    index: u16,
}

impl Entry {
    /// The variant's discriminant.
    pub(crate) const fn index(self) -> u16 {
        self.index
    }

    /// The row; every `Entry` is made with an index of its table (the discriminant, or a
    /// position below [`Table::len`]).
    const fn row(self) -> &'static Row {
        &self.table.rows[self.index as usize]
    }

    /// The code as text, exactly as sent.
    pub(crate) fn code(self) -> &'static str {
        self.table.text(self.row().code)
    }

    /// The code as a number: its digits (a template's with every `x` read as `0`), negative
    /// after a `-`; 0 for a text code. The build script checks this gives each numeric code.
    pub(crate) const fn number(self) -> i64 {
        let (mut at, end) = self.table.span(self.row().code);
        let bytes = self.table.text.as_bytes();
        let negative = at < end && bytes[at] == b'-';
        if negative {
            at += 1;
        }
        let mut number: i64 = 0;
        while at < end && at < bytes.len() {
            let digit = match bytes[at] {
                b @ b'0'..=b'9' => (b - b'0') as i64,
                b'x' => 0,
                _ => return 0,
            };
            number = number.saturating_mul(10).saturating_add(digit);
            at += 1;
        }
        if negative { -number } else { number }
    }

    pub(crate) const fn kind(self) -> ErrorKind {
        self.row().kind
    }

    pub(crate) const fn retry(self) -> Retry {
        self.row().retry
    }

    pub(crate) const fn template(self) -> bool {
        self.row().template
    }

    /// The API surface that sends it.
    pub(crate) fn surface(self) -> &'static str {
        self.table.surfaces.get(usize::from(self.row().surface)).copied().unwrap_or("")
    }

    /// Where its wire facts come from.
    pub(crate) fn provenance(self) -> &'static str {
        self.table.text(self.row().provenance)
    }

    /// The server's message, or empty when the documentation gives none.
    pub(crate) fn message(self) -> &'static str {
        self.table.text(self.row().message)
    }

    /// Other wordings of the message that servers send or sent.
    pub(crate) fn alternates(self) -> &'static [&'static str] {
        let runs = self.table.alternate_runs;
        let Ok(at) = runs.binary_search_by_key(&self.index, |&(index, _, _)| index) else { return &[] };
        let (_, start, end) = runs[at];
        self.table.alternates.get(usize::from(start)..usize::from(end)).unwrap_or(&[])
    }

    /// What `Display` shows after the code.
    pub(crate) fn summary(self) -> &'static str {
        self.table.text(self.row().summary)
    }

    /// The status of the entry. The build script checks every status is in 100..=599, so the
    /// fallback is never taken; it exists so that no code path can panic.
    pub(crate) fn status_code(self) -> StatusCode {
        StatusCode::from_u16(self.row().status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The code as a number, when it is one (numeric providers' codes, not their templates).
    pub(crate) fn numeric_code(self) -> Option<i64> {
        let code = self.code();
        let digits = code.strip_prefix('-').unwrap_or(code);
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(self.number())
    }

    /// The documented message, absent when the documentation gives none.
    pub(crate) fn wire_message(self) -> Option<&'static str> {
        Some(self.message()).filter(|message| !message.is_empty())
    }

    pub(crate) fn description(self, lang: Lang) -> &'static str {
        let row = self.row();
        self.table.text(match lang {
            Lang::En => row.en,
            Lang::ZhCn => row.zh,
        })
    }

    pub(crate) fn source_url(self) -> Option<&'static str> {
        Some(self.table.text(self.row().source_url)).filter(|url| !url.is_empty())
    }

    pub(crate) fn remedy(self, lang: Lang) -> Option<&'static str> {
        let row = self.row();
        let remedy = self.table.text(match lang {
            Lang::En => row.remedy_en,
            Lang::ZhCn => row.remedy_zh,
        });
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
