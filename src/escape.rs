//! Showing text that came from outside (a server, a log, an argument) on one safe line.

use std::fmt;

/// Text from a server shown safely on a terminal or in a log line: control characters, Unicode
/// line separators and invisible characters (bidirectional marks and overrides, zero-width
/// characters, tag characters) escaped (`\n`, `\u{1b}`, `\u{200e}`), everything else as it is.
/// [`ApiError`](crate::ApiError)'s `Display` shows every server field this way.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::Escaped;
///
/// assert_eq!(Escaped("a\nb\u{1b}[31m").to_string(), r"a\nb\u{1b}[31m");
/// assert_eq!(Escaped("ok\u{200b}\u{e0041}").to_string(), r"ok\u{200b}\u{e0041}");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0, usize::MAX)
    }
}

/// Characters that must not reach a terminal or a log line as they are: control characters,
/// Unicode line and paragraph separators, and the characters that show nothing but can hide or
/// reorder text: every format character (Unicode category Cf: bidirectional marks, overrides
/// and isolates, zero-width characters, the byte-order mark, the soft hyphen, the tag characters
/// that carry invisible ASCII) and the Hangul fillers, which render as blank space.
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{600}'..='\u{605}'
                | '\u{61C}'
                | '\u{6DD}'
                | '\u{70F}'
                | '\u{890}'..='\u{891}'
                | '\u{8E2}'
                | '\u{115F}'..='\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// Writes `text` with [`needs_escape`] characters escaped (`\n`, `\u{1b}`), cut after `max`
/// characters and then marked `…`.
pub(crate) fn write_escaped(f: &mut impl fmt::Write, text: &str, max: usize) -> fmt::Result {
    for (shown, c) in text.chars().enumerate() {
        if shown == max {
            return f.write_char('…');
        }
        match needs_escape(c) {
            true => write!(f, "{}", c.escape_default())?,
            false => f.write_char(c)?,
        }
    }
    Ok(())
}
