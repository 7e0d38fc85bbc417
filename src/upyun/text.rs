//! How UpYun's errors look in text: the storage body (`code`, `msg`, `id`), the form API's and
//! the legacy APIs' envelopes, and what each official SDK prints.

use std::sync::LazyLock;

use super::UpyunError;
use crate::response::{
    Evidence, Field, MessageIndex, RawCode, Reading, TextRules, after, first_line, leading_int, message_of,
    occurrences, percent_decode, quoted, status_at,
};

static MESSAGES: LazyLock<MessageIndex> = LazyLock::new(MessageIndex::new::<UpyunError>);

/// How UpYun's errors look in text: the storage body (`code`, `msg`, `id`), the form API's
/// (`code` is the HTTP status, the errno follows from `message`), the legacy multipart and
/// console APIs' `error_code`, and what each official SDK prints.
pub(super) static TEXT: TextRules<UpyunError> = TextRules {
    renderings: &[go_sdk, js_sdk, python_sdk, java_sdk, php_multipart, objc_sdk, form_return_url],
    extra_keys: &[("error_code", Field::Code)],
    judge_object,
    messages: &MESSAGES,
    client_side: &["UpYunClientException", "upyun - request failed: "],
};

/// The HTTP status an UpYun code starts with: the first three digits of an 8-digit errno
/// (`40100005`) or of a legacy 5-digit code (`40401`).
fn status_of_code(code: i64) -> Option<u16> {
    let status = match code {
        10_000_000..=99_999_999 => code / 100_000,
        10_000..=99_999 => code / 100,
        _ => return None,
    };
    u16::try_from(status).ok().filter(|s| (400..=599).contains(s))
}

/// An object is UpYun's error when its code is a documented errno; when its code is an HTTP
/// status and its message names exactly one errno (the form API); when its code is an
/// undocumented errno with a message (8 digits under `code`, 5 or 8 under the legacy
/// `error_code`), whose status its first digits give.
fn judge_object(reading: &mut Reading<UpyunError>) -> bool {
    let Some(number) = reading.raw_code.as_ref().and_then(RawCode::to_i64) else { return false };
    let has_message = reading.message.is_some();
    if reading.code_key == "error_code" {
        let status = status_of_code(number);
        reading.status = reading.status.or(status);
        return has_message && status.is_some();
    }
    let known = u32::try_from(number).ok().and_then(UpyunError::from_code);
    if known.is_some() {
        if !has_message && reading.request_id.is_none() {
            reading.evidence = Evidence::Code;
        }
        return true;
    }
    if (100..=599).contains(&number) {
        // The form API: the code is the HTTP status, the message names the errno.
        let named = reading.message.as_deref().and_then(|m| MESSAGES.unique::<UpyunError>(m));
        reading.code = named;
        reading.status = u16::try_from(number).ok();
        return named.is_some();
    }
    let status = (10_000_000..=99_999_999).contains(&number).then(|| status_of_code(number)).flatten();
    reading.status = reading.status.or(status);
    has_message && status.is_some()
}

/// A reading of an SDK's rendering.
fn rendering(at: usize) -> Reading<UpyunError> {
    Reading::new(Evidence::Rendering, at)
}

/// The Go SDK's `Error()`: `<op> error: status=%d, code=%d, message=%s, request-id=%s`
/// (upyun/go-sdk@0e76273 upyun/errors.go:26); code 0 and empty fields when the response had
/// no body.
fn go_sdk(text: &str) -> Option<Reading<UpyunError>> {
    for (at, rest) in occurrences(text, "status=") {
        let Some(status) = status_at(text, at) else { continue };
        let Some(rest) = rest[3..].strip_prefix(", code=") else { continue };
        let Some(code) = leading_int(rest) else { continue };
        let Some(rest) = rest[code.len()..].strip_prefix(", message=") else { continue };
        let line = first_line(rest);
        let (message, id) = match line.rfind(", request-id=") {
            Some(i) => (&line[..i], line[i + ", request-id=".len()..].split_whitespace().next()),
            None => (line, None),
        };
        let mut reading = rendering(at);
        reading.raw_code = (code != "0").then(|| RawCode::number(code.as_bytes()));
        reading.message = message_of(message);
        reading.request_id = id.map(str::to_owned);
        reading.status = Some(status);
        return Some(reading);
    }
    None
}

/// The Node SDK's message: `upyun - response error: Request failed with status code 401`
/// (upyun/node-sdk create-req.js:53 since 89d977b), and before it `upyun - response error:
/// <code> <msg>` (node-sdk@281569b create-req.js:43).
fn js_sdk(text: &str) -> Option<Reading<UpyunError>> {
    let (at, rest) = after(text, "upyun - response error: ", 0)?;
    let mut reading = rendering(at);
    if let Some(status) = rest.strip_prefix("Request failed with status code ") {
        reading.status = Some(status_at(status, 0)?);
        return Some(reading);
    }
    let code = leading_int(rest).filter(|code| code.len() == 8)?;
    reading.raw_code = Some(RawCode::number(code.as_bytes()));
    reading.message = message_of(first_line(&rest[code.len()..]));
    Some(reading)
}

/// The Python SDK's `UpYunServiceException`, whose text is its arguments' tuple:
/// `('<request id>', <status>, '<reason>', '<body>')` (upyun/python-sdk@dabff53
/// upyun/modules/exception.py:6-7); the body in it is read as an object.
fn python_sdk(text: &str) -> Option<Reading<UpyunError>> {
    let (at, rest) = after(text, "UpYunServiceException: (", 0)?;
    let id = quoted(rest)?;
    let rest = rest.get(id.len() + 2..)?.strip_prefix(", ")?;
    let mut reading = rendering(at);
    reading.status = Some(status_at(rest, 0)?);
    reading.request_id = Some(id).filter(|id| id != "Unknown" && !id.is_empty());
    Some(reading)
}

/// The Java SDK's exceptions: `UpAPIException: api error code:<status>; msg:<body>`
/// (upyun/java-sdk@75fdd45 UpAPIException.java), and the form uploader's result keeping only
/// the JDK's `Server returned HTTP response code: <status> for URL: <UpYun's API>`
/// (FormUploader.java:142-145).
fn java_sdk(text: &str) -> Option<Reading<UpyunError>> {
    if let Some((at, _)) = after(text, "UpAPIException: api error code:", 0) {
        let mut reading = rendering(at);
        reading.status = Some(status_at(text, at)?);
        return Some(reading);
    }
    let (at, rest) = after(text, "Server returned HTTP response code: ", 0)?;
    let url = rest.get(3..)?.strip_prefix(" for URL: ")?;
    let host = url.split_once("://")?.1.split(['/', '\'', ' ', '}']).next()?;
    if !host.ends_with(".api.upyun.com") {
        return None;
    }
    let mut reading = rendering(at);
    reading.status = Some(status_at(text, at)?);
    Some(reading)
}

/// The PHP multipart SDK's exception: `upload failed, error code: %s, message: %s` with
/// ` X-Request-Id:<id>` after the message (upyun/multipart-upload-php-sdk@da7cc2e
/// Crocodile/Upload.php:231-234).
fn php_multipart(text: &str) -> Option<Reading<UpyunError>> {
    let (at, rest) = after(text, "upload failed, error code: ", 0)?;
    let code = leading_int(rest)?;
    let rest = rest[code.len()..].strip_prefix(", message: ")?;
    let line = first_line(rest);
    let mut reading = rendering(at);
    let (message, id) = match line.find(" X-Request-Id:") {
        Some(i) => (&line[..i], line[i + " X-Request-Id:".len()..].split_whitespace().next()),
        None => (line, None),
    };
    reading.raw_code = Some(RawCode::number(code.as_bytes()));
    reading.message = message_of(message);
    reading.request_id = id.map(str::to_owned);
    Some(reading)
}

/// The iOS SDK's `NSError` (domain `NSErrorDomain_UpYun…`, the HTTP status as its code:
/// upyun/ios-sdk@b9256ed UpYunFormUploader.m:148-153), as `NSError` describes itself.
fn objc_sdk(text: &str) -> Option<Reading<UpyunError>> {
    let (at, rest) = after(text, "Error Domain=NSErrorDomain_UpYun", 0)?;
    let (code_at, _) = after(rest, " Code=", 0)?;
    let mut reading = rendering(at);
    reading.status = Some(status_at(rest, code_at)?);
    Some(reading)
}

/// The form API's return URL: `?code=<status>&message=<text>&url=<path>&time=<t>`
/// (upyun/docs@2b8454e sources/api/form_api.md:113), the errno named by the message.
fn form_return_url(text: &str) -> Option<Reading<UpyunError>> {
    let (at, rest) = after(text, "?code=", 0)?;
    let query = rest.split(|c: char| c.is_whitespace() || c == '#' || c == '"' || c == '\'').next()?;
    let mut reading = rendering(at);
    let mut url = false;
    let status = status_at(query, 0)?;
    for pair in query.split('&').skip(1) {
        match pair.split_once('=') {
            Some(("message", value)) => reading.message = message_of(&percent_decode(value)),
            Some(("url", _)) => url = true,
            _ => {}
        }
    }
    if !url {
        return None;
    }
    reading.raw_code = Some(RawCode::text(&query[..3]));
    reading.status = Some(status);
    reading.code = Some(MESSAGES.unique(reading.message.as_deref()?)?);
    Some(reading)
}
