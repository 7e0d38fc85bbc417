//! How QingStor's errors look in text: its body (`code`, `message`, `request_id`, `url`) and
//! what its official SDKs and `qsctl` print.

use std::sync::LazyLock;

use super::QingStorError;
use crate::response::{
    Evidence, MessageIndex, RawCode, Reading, TextRules, after, first_line, message_of, occurrences, status_at,
};

static MESSAGES: LazyLock<MessageIndex> = LazyLock::new(MessageIndex::new::<QingStorError>);

pub(super) static TEXT: TextRules<QingStorError> = TextRules {
    renderings: &[go_sdk, go_unhandled, python_debug_log, java_print],
    extra_keys: &[],
    judge_object,
    messages: &MESSAGES,
    client_side: &["SDK Error: "],
};

/// An object is QingStor's error when its `code` is a documented code, or an undocumented
/// snake_case one beside a request id (QingStor's bodies always carry one). The same company's
/// IaaS API (`ret_code`) and S3's CamelCase codes are not.
fn judge_object(reading: &mut Reading<QingStorError>) -> bool {
    let Some(code) = reading.raw_code.as_ref().filter(|code| !code.is_number()) else { return false };
    if QingStorError::from_code(code.as_str()).is_some() {
        if reading.message.is_none() && reading.request_id.is_none() {
            reading.evidence = Evidence::Code;
        }
        return true;
    }
    is_snake_case(code.as_str()) && reading.request_id.is_some()
}

fn is_snake_case(code: &str) -> bool {
    code.contains('_') && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn rendering(at: usize) -> Reading<QingStorError> {
    Reading::new(Evidence::Rendering, at)
}

/// `text` up to `label` on the same line (a Go `%s` field ends where the next label starts).
fn field_until<'a>(text: &'a str, label: &str) -> Option<(&'a str, &'a str)> {
    let line = first_line(text);
    let end = line.find(label)?;
    Some((&text[..end], &text[end + label.len()..]))
}

/// The Go SDK's `QingStorError.Error()`: `QingStor Error: StatusCode "%d", Code "%s", Message
/// "%s", Request ID "%s", Reference URL "%s"` (qingstor/qingstor-sdk-go@744141e
/// request/errors/qingstor.go:32-36), also inside qsctl's and rclone's wrappers; empty fields
/// when the response had no body.
fn go_sdk(text: &str) -> Option<Reading<QingStorError>> {
    let (at, rest) = after(text, "QingStor Error: StatusCode \"", 0)?;
    let mut reading = rendering(at);
    reading.status = Some(status_at(rest, 0)?);
    let (_, rest) = after(rest, "\", Code \"", 0)?;
    let (code, rest) = field_until(rest, "\", Message \"")?;
    let (message, rest) = field_until(rest, "\", Request ID \"")?;
    let id = rest.split('"').next().unwrap_or_default();
    reading.raw_code = Some(code).filter(|c| !c.is_empty()).map(RawCode::text);
    reading.message = message_of(message);
    reading.request_id = message_of(id);
    Some(reading)
}

/// The Go SDK's error for a body that was not JSON: `Unhandled Error: StatusCode "%d", Header
/// "%v", Content "%s"` (qingstor-sdk-go@744141e request/errors/unhandled.go:16-20).
fn go_unhandled(text: &str) -> Option<Reading<QingStorError>> {
    let (at, rest) = after(text, "Unhandled Error: StatusCode \"", 0)?;
    rest.get(3..)?.strip_prefix("\", Header \"")?;
    let mut reading = rendering(at);
    reading.status = Some(status_at(rest, 0)?);
    Some(reading)
}

/// The Python SDK's debug log of an error body, one `<key>: <value>` line per field under the
/// logger `qingstor-sdk` (qingstor/qingstor-sdk-python@d5e0302 qingstor/sdk/unpack.py:14,43).
fn python_debug_log(text: &str) -> Option<Reading<QingStorError>> {
    let mut reading = None::<Reading<QingStorError>>;
    for (at, rest) in occurrences(text, "qingstor-sdk:") {
        let line = first_line(rest);
        let Some((key, value)) = line.split_once(": ") else { continue };
        let reading = reading.get_or_insert_with(|| rendering(at));
        match key {
            "status_code" => reading.status = status_at(value, 0),
            "code" => reading.raw_code = Some(RawCode::text(value.trim())),
            "message" => reading.message = message_of(value),
            "request_id" => reading.request_id = message_of(value),
            _ => {}
        }
    }
    reading.filter(|r| r.raw_code.is_some())
}

/// The Java SDK's documented way to print an error output (`StatueCode = `, `Message = `,
/// `RequestId = `, `Code = `, `Url = ` lines; qingstor/qingstor-sdk-java@d1cfc06
/// docs/example/copy_object.md:26-35); without a `Code` line (a network failure's code 10000)
/// it is no server error.
fn java_print(text: &str) -> Option<Reading<QingStorError>> {
    let (at, rest) = after(text, "StatueCode = ", 0)?;
    let mut reading = rendering(at);
    reading.status = status_at(rest, 0);
    let value = |label: &str| {
        let mut lines = text[at..].lines().map(str::trim_start);
        lines.find_map(|line| line.strip_prefix(label)).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
    };
    reading.raw_code = Some(RawCode::text(&value("Code = ")?));
    reading.message = value("Message = ");
    reading.request_id = value("RequestId = ");
    reading.status?;
    Some(reading)
}
