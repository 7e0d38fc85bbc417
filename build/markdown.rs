//! Text as Markdown that rustdoc and GitHub render as written: wire text in code spans, our
//! own words escaped, table cells with their pipes escaped.
//!
//! Used by `build/emit.rs` (variant docs) and `build/reference.rs` (reference pages);
//! `tests/markdown.rs` includes this file to test it.

/// Wire text as inline code: the text is literal inside it (`[61008]`, `<id>`, `*`), and the
/// fence is one backtick longer than the longest run of backticks inside, with spaces so that
/// a backtick at either end does not join the fence.
pub fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if longest > 0 { format!("{fence} {text} {fence}") } else { format!("{fence}{text}{fence}") }
}

/// Plain text that Markdown must not read as markup: `\`, `` ` ``, `*`, `_`, `[`, `]`, `<`
/// and `>` escaped (`|` only matters in a table: [`table_cell`]).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Markdown as the text of a table cell: a `|` ends a cell, even inside a code span, unless it
/// is escaped (GitHub then shows it as `|`, code spans included).
pub fn table_cell(markdown: &str) -> String {
    markdown.replace('|', "\\|")
}
