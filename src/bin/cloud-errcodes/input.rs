//! Reading a raw HTTP response for `parse`: a bare body, or the full output of `curl -i`.

use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};

/// The most headers one response head may have (real ones have a few dozen). `HeaderMap`
/// itself holds at most 24,576, so this also keeps every insert within its limit.
pub const MAX_HEADERS: usize = 1024;

/// A response as the user gave it.
#[derive(Debug)]
pub struct RawResponse {
    pub status: Option<StatusCode>,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    /// The names of the last head's headers that were dropped because they could not be read
    /// (a control character in the value, a bad name), as they were written.
    pub dropped: Vec<String>,
}

impl RawResponse {
    /// Adds a `--header`, keeping the total within [`MAX_HEADERS`].
    pub fn add_header(&mut self, line: &str) -> Result<(), String> {
        let (name, value) = parse_header(line)?;
        if self.headers.len() >= MAX_HEADERS {
            return Err(format!("too many headers (at most {MAX_HEADERS})"));
        }
        self.headers.try_insert(name, value).map_err(|_| format!("too many headers (at most {MAX_HEADERS})"))?;
        Ok(())
    }
}

/// Splits `curl -i` output (status line, headers, blank line, body) when `input` starts with
/// `HTTP/`; otherwise the whole input is the body. Interim responses (`100 Continue`) and the
/// hops of `curl -iL` are skipped: the last head wins. Each head is read once by `httparse`, so
/// the time is linear in the input whatever number of heads it holds.
pub fn split_capture(input: Vec<u8>) -> Result<RawResponse, String> {
    let mut at = 0;
    let mut last = None;
    while input[at..].starts_with(b"HTTP/") {
        let (status, headers, len) = parse_head(&input[at..])?;
        last = Some((status, headers));
        at += len;
    }
    let Some((status, headers)) = last else {
        return Ok(RawResponse { status: None, headers: HeaderMap::new(), body: input, dropped: Vec::new() });
    };
    let mut body = input;
    body.drain(..at);
    Ok(RawResponse { status: Some(status), headers: headers.map, body, dropped: headers.dropped })
}

/// One response head: its status, its headers (and the names of those dropped) and its length
/// (blank line included). The status line is read here (`curl -i` writes `HTTP/2 403` and
/// `HTTP/3 200`, which `httparse` does not take), the header block by `httparse`; a block it
/// refuses for one bad header (a NUL or ESC in a value, which curl passes through) is read line
/// by line instead, keeping every other header.
fn parse_head(input: &[u8]) -> Result<(StatusCode, Headers, usize), String> {
    let line_end =
        input.iter().position(|&b| b == b'\n').ok_or("the `curl -i` capture has no blank line after its headers")?;
    let line = &input[..line_end];
    let status = parse_status_line(line.strip_suffix(b"\r").unwrap_or(line))?;
    let block = &input[line_end + 1..];
    let mut slots = vec![httparse::EMPTY_HEADER; 64];
    loop {
        let capacity = slots.len();
        match httparse::parse_headers(block, &mut slots) {
            Ok(httparse::Status::Complete((len, parsed))) => {
                let mut headers = Headers::default();
                for header in parsed {
                    headers.add(header.name.as_bytes(), header.value)?;
                }
                return Ok((status, headers, line_end + 1 + len));
            }
            Ok(httparse::Status::Partial) => {
                return Err("the `curl -i` capture has no blank line after its headers".to_owned());
            }
            Err(httparse::Error::TooManyHeaders) if capacity < MAX_HEADERS => {
                slots.resize((capacity * 4).min(MAX_HEADERS), httparse::EMPTY_HEADER);
            }
            Err(httparse::Error::TooManyHeaders) => return Err(format!("too many headers (at most {MAX_HEADERS})")),
            Err(httparse::Error::HeaderName | httparse::Error::HeaderValue) => {
                let (headers, len) = lenient_headers(block)?;
                return Ok((status, headers, line_end + 1 + len));
            }
            Err(err) => return Err(format!("the `curl -i` head cannot be read: {err}")),
        }
    }
}

/// Headers as read, and the names of those that could not be.
#[derive(Default)]
struct Headers {
    map: HeaderMap,
    dropped: Vec<String>,
}

impl Headers {
    /// Keeps a header, or drops it (remembering its name) when its name or value is not one;
    /// at most [`MAX_HEADERS`] either way.
    fn add(&mut self, name: &[u8], value: &[u8]) -> Result<(), String> {
        if self.map.len() + self.dropped.len() >= MAX_HEADERS {
            return Err(format!("too many headers (at most {MAX_HEADERS})"));
        }
        match (HeaderName::from_bytes(name), HeaderValue::from_bytes(value)) {
            (Ok(name), Ok(value)) => {
                self.map.try_append(name, value).map_err(|_| format!("too many headers (at most {MAX_HEADERS})"))?;
            }
            _ => {
                let name = String::from_utf8_lossy(&name[..name.len().min(MAX_DROPPED_NAME)]).into_owned();
                self.dropped.push(name);
            }
        }
        Ok(())
    }
}

/// How much of a dropped header's name is kept to say which it was.
const MAX_DROPPED_NAME: usize = 64;

/// A header block read one line at a time (to its blank line): `Name: value` lines whose name
/// and value are valid are kept, any other line is a dropped header. Returns the block's length.
fn lenient_headers(block: &[u8]) -> Result<(Headers, usize), String> {
    let mut headers = Headers::default();
    let mut at = 0;
    loop {
        let Some(len) = block[at..].iter().position(|&b| b == b'\n') else {
            return Err("the `curl -i` capture has no blank line after its headers".to_owned());
        };
        let line = &block[at..at + len];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        at += len + 1;
        if line.is_empty() {
            return Ok((headers, at));
        }
        let (name, value) = match line.iter().position(|&b| b == b':') {
            Some(colon) => (&line[..colon], line[colon + 1..].trim_ascii()),
            None => (line, &b""[..]),
        };
        headers.add(name, value)?;
    }
}

/// `HTTP/1.1 403 Forbidden`, `HTTP/2 403`: the status.
fn parse_status_line(line: &[u8]) -> Result<StatusCode, String> {
    let text = String::from_utf8_lossy(line);
    let mut words = text.split_ascii_whitespace();
    let code = words.nth(1).ok_or_else(|| format!("no status in `{}`", crate::shown(&text)))?;
    code.parse::<u16>()
        .ok()
        .and_then(|n| StatusCode::from_u16(n).ok())
        .ok_or_else(|| format!("bad status `{}` in `{}`", crate::shown(code), crate::shown(&text)))
}

/// `Name: value`, as given to `--header`.
pub fn parse_header(line: &str) -> Result<(HeaderName, HeaderValue), String> {
    let (name, value) = line.split_once(':').ok_or_else(|| format!("header `{}` has no `:`", crate::shown(line)))?;
    let name = HeaderName::from_bytes(name.trim().as_bytes())
        .map_err(|_| format!("bad header name in `{}`", crate::shown(line)))?;
    let value =
        HeaderValue::from_str(value.trim()).map_err(|_| format!("bad header value in `{}`", crate::shown(line)))?;
    Ok((name, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interim_heads_are_skipped_and_the_last_wins() {
        let capture = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\nHTTP/2 403\r\nx-request-id: abc\r\n\r\n{\"code\": 1}";
        let raw = split_capture(capture.to_vec()).unwrap();
        assert_eq!(raw.status, Some(StatusCode::FORBIDDEN));
        assert_eq!(raw.headers["x-request-id"], "abc");
        assert!(raw.headers.get("location").is_none());
        assert_eq!(raw.body, b"{\"code\": 1}");
    }

    #[test]
    fn a_header_with_a_control_byte_is_dropped_and_named() {
        // R9 (reliability report 2026-11-26): one NUL or ESC in any header made the whole
        // capture unreadable; curl passes ESC through, so a server can send it.
        for bad in [&b"Server: ng\x00inx"[..], b"X-Debug: a\x1bb", b"X-Debug\x01: b", b"no colon \x7f"] {
            let mut capture = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 403 Forbidden\r\nx-request-id: abc\r\n".to_vec();
            capture.extend_from_slice(bad);
            capture.extend_from_slice(b"\r\nX-Error-Code: 40300004\r\n\r\n{\"code\": 40300004}");
            let raw = split_capture(capture).unwrap();
            assert_eq!(raw.status, Some(StatusCode::FORBIDDEN));
            assert_eq!(
                (raw.headers["x-request-id"].as_bytes(), raw.headers["x-error-code"].as_bytes()),
                (&b"abc"[..], &b"40300004"[..])
            );
            assert_eq!(raw.headers.len(), 2);
            let name = bad.split(|b| *b == b':').next().unwrap();
            assert_eq!(raw.dropped, [String::from_utf8_lossy(name)]);
            assert_eq!(raw.body, b"{\"code\": 40300004}");
        }
        let raw = split_capture(b"HTTP/1.1 200 OK\r\nx: y\r\n\r\n".to_vec()).unwrap();
        assert!(raw.dropped.is_empty());
    }

    #[test]
    fn bare_lf_heads_and_bare_bodies() {
        let raw = split_capture(b"HTTP/1.1 404 Not Found\nx-error-code: 40400001\n\n".to_vec()).unwrap();
        assert_eq!((raw.status, raw.body.len()), (Some(StatusCode::NOT_FOUND), 0));
        assert_eq!(raw.headers["x-error-code"], "40400001");
        let raw = split_capture(b"{\"code\": 1}".to_vec()).unwrap();
        assert_eq!((raw.status, raw.body.as_slice()), (None, &b"{\"code\": 1}"[..]));
    }

    #[test]
    fn bad_captures_are_errors() {
        assert!(split_capture(b"HTTP/1.1 200 OK\r\nx: y\r\n".to_vec()).unwrap_err().contains("no blank line"));
        assert!(split_capture(b"HTTP/1.1 999999 Nope\r\n\r\n".to_vec()).is_err());
        let many: String = (0..MAX_HEADERS + 1).map(|i| format!("x-h{i}: v\r\n")).collect();
        let capture = format!("HTTP/1.1 200 OK\r\n{many}\r\n");
        assert_eq!(
            split_capture(capture.into_bytes()).err(),
            Some(format!("too many headers (at most {MAX_HEADERS})"))
        );
    }
}
