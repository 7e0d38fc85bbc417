//! Showing text that came from outside (a server, a log, an argument) on one safe line.

use std::fmt;

/// Text from a server shown safely on a terminal or in a log line: control characters, Unicode
/// line separators and bidirectional overrides escaped (`\n`, `\u{1b}`), everything else as
/// it is. [`ApiError`](crate::ApiError)'s `Display` shows every server field this way.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::Escaped;
///
/// assert_eq!(Escaped("a\nb\u{1b}[31m").to_string(), r"a\nb\u{1b}[31m");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0, usize::MAX)
    }
}

/// Characters that must not reach a terminal or a log line as they are: control characters,
/// Unicode line and paragraph separators, and the bidirectional overrides and isolates.
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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
