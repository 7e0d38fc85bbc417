//! The message of an HTML page, such as a proxy's error page (its title), and the elements of
//! an XML error body.

use std::borrow::Cow;

/// The `<title>` of a page (else its first `<h1>`), with entities decoded and whitespace
/// collapsed. Linear in the length of the page.
pub(crate) fn title(page: &[u8]) -> Option<String> {
    let inner = element_text(page, b"title").or_else(|| element_text(page, b"h1"))?;
    let text = String::from_utf8_lossy(inner);
    let decoded = decode_entities(&text);
    let collapsed: Vec<&str> = decoded.split_whitespace().collect();
    Some(collapsed.join(" ")).filter(|t| !t.is_empty())
}

/// The text of element `tag` (its first occurrence) with entities decoded and surrounding
/// whitespace trimmed; `None` when absent or empty.
pub(crate) fn element(page: &[u8], tag: &[u8]) -> Option<String> {
    let inner = element_text(page, tag)?;
    let text = String::from_utf8_lossy(inner);
    Some(decode_entities(&text).trim().to_owned()).filter(|t| !t.is_empty())
}

/// The bytes between `<tag ...>` and `</tag>`, tag names matched case-insensitively.
fn element_text<'a>(page: &'a [u8], tag: &[u8]) -> Option<&'a [u8]> {
    let open = find_tag(page, b"<", tag)?;
    let content = open + page[open..].iter().position(|&b| b == b'>')? + 1;
    let close = find_tag(&page[content..], b"</", tag).map_or(page.len(), |at| content + at);
    Some(&page[content..close])
}

/// The offset of `<tag` (or `</tag`) followed by `>` or whitespace.
fn find_tag(page: &[u8], lead: &[u8], tag: &[u8]) -> Option<usize> {
    let len = lead.len() + tag.len();
    (0..page.len().saturating_sub(len - 1)).find(|&at| {
        page[at..].starts_with(lead)
            && page[at + lead.len()..at + len].eq_ignore_ascii_case(tag)
            && page.get(at + len).is_none_or(|b| *b == b'>' || b.is_ascii_whitespace())
    })
}

/// The longest entity looked at, `&` and `;` included (`&#x10FFFF;` is 10 bytes).
const MAX_ENTITY: usize = 12;

/// Decodes the named entities error pages use and numeric ones; anything else is kept as it
/// is. Each `&` looks at most [`MAX_ENTITY`] bytes ahead, so decoding is linear.
fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let window = &rest.as_bytes()[..rest.len().min(MAX_ENTITY)];
        let entity = window.iter().position(|&b| b == b';').map(|end| &rest[1..end]);
        match entity.and_then(decode_entity) {
            Some(c) => {
                out.push(c);
                rest = &rest[entity.map_or(0, str::len) + 2..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
            .and_then(char::from_u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        assert_eq!(decode_entities("a &amp; b &lt;c&gt; &#39;d&#x27; &#X41; &nbsp;"), "a & b <c> 'd' A  ");
        assert_eq!(decode_entities("&bogus; & &amp"), "&bogus; & &amp");
        assert_eq!(decode_entities("&#1114112; &#xZZ;"), "&#1114112; &#xZZ;");
    }

    #[test]
    fn a_window_is_not_searched_past_the_entity_limit() {
        // A `;` further than an entity can be long is no entity's end.
        assert_eq!(decode_entities("&abcdefghijklmnop;"), "&abcdefghijklmnop;");
        let many = "&".repeat(1000) + ";";
        assert_eq!(decode_entities(&many), many);
    }
}
