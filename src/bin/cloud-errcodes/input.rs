//! Reading a raw HTTP response for `parse`: a bare body, or the full output of `curl -i`.

use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};

/// A response as the user gave it.
pub struct RawResponse {
    pub status: Option<StatusCode>,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// Splits `curl -i` output (status line, headers, blank line, body) when `input` starts with
/// `HTTP/`; otherwise the whole input is the body. Interim responses (`100 Continue`) and the
/// hops of `curl -iL` are skipped: the last status line wins.
pub fn split(input: Vec<u8>) -> Result<RawResponse, String> {
    if !input.starts_with(b"HTTP/") {
        return Ok(RawResponse { status: None, headers: HeaderMap::new(), body: input });
    }
    let mut rest = &input[..];
    loop {
        let (head, body) = split_head(rest).ok_or("the `curl -i` capture has no blank line after its headers")?;
        let mut lines = head.split(|&b| b == b'\n').map(|line| line.strip_suffix(b"\r").unwrap_or(line));
        let status = parse_status_line(lines.next().unwrap_or_default())?;
        let mut headers = HeaderMap::new();
        for line in lines.filter(|line| !line.is_empty()) {
            let (name, value) = parse_header(line)?;
            headers.append(name, value);
        }
        if body.starts_with(b"HTTP/") {
            rest = body;
            continue;
        }
        return Ok(RawResponse { status: Some(status), headers, body: body.to_vec() });
    }
}

/// The head before the first blank line (CRLF or LF), and what follows it.
fn split_head(input: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = input.windows(4).position(|w| w == b"\r\n\r\n").map(|at| (at, at + 4));
    let lf = input.windows(2).position(|w| w == b"\n\n").map(|at| (at, at + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some((&input[..end], &input[body..]))
}

fn parse_status_line(line: &[u8]) -> Result<StatusCode, String> {
    let text = String::from_utf8_lossy(line);
    let code = text.split_whitespace().nth(1).ok_or_else(|| format!("no status in `{text}`"))?;
    code.parse::<u16>()
        .ok()
        .and_then(|n| StatusCode::from_u16(n).ok())
        .ok_or_else(|| format!("bad status `{code}` in `{text}`"))
}

/// `Name: value`, as in `curl -i` output and `--header`.
pub fn parse_header(line: &[u8]) -> Result<(HeaderName, HeaderValue), String> {
    let text = String::from_utf8_lossy(line);
    let (name, value) = text.split_once(':').ok_or_else(|| format!("header `{text}` has no `:`"))?;
    let name = HeaderName::from_bytes(name.trim().as_bytes()).map_err(|_| format!("bad header name in `{text}`"))?;
    let value = HeaderValue::from_str(value.trim()).map_err(|_| format!("bad header value in `{text}`"))?;
    Ok((name, value))
}
