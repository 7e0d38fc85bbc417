//! How LeanCloud's errors look in text: the REST body (`code`, `error`), the realtime frame
//! (`code`, `reason`), the reason names alone, and what each official SDK prints.

use std::sync::LazyLock;

use super::LeanCloudError;
use crate::response::{
    BodyFormat, Evidence, Field, MAX_MARKERS, MessageIndex, RawCode, Reading, TextRules, after, agrees, first_line,
    is_reason_name, leading_int, line_before, message_of, occurrences, quoted, status_at, text_before,
};

static MESSAGES: LazyLock<MessageIndex> = LazyLock::new(MessageIndex::new::<LeanCloudError>);

pub(super) static TEXT: TextRules<LeanCloudError> = TextRules {
    renderings: &[go_sdk, js_sdk, cloud_error, python_php_sdk, swift_sdk, objc_sdk],
    extra_keys: &[("rawMessage", Field::Message)],
    judge_object,
    messages: &MESSAGES,
    client_side: &[],
};

/// LeanCloud's numbers are small and shared with look-alikes (Parse Server sends the same
/// codes with the same keys; Qiniu `{code: 401, error: ...}`; LeanCloud's own multiplayer
/// service reuses the realtime numbers): an object is LeanCloud's error when its code is
/// documented and its message agrees with one of that code's wordings. A body cut before its
/// message keeps only its code, weakly.
fn judge_object(reading: &mut Reading<LeanCloudError>) -> bool {
    let Some(number) = reading.raw_code.as_ref().and_then(RawCode::to_i64) else { return false };
    let variants = i32::try_from(number).map_or(&[][..], LeanCloudError::variants_of);
    if variants.is_empty() {
        return false;
    }
    match reading.message.as_deref() {
        Some(message) => agrees(variants, message),
        None if reading.format == BodyFormat::PartialJson => {
            reading.evidence = Evidence::Code;
            true
        }
        None => false,
    }
}

fn rendering(at: usize) -> Reading<LeanCloudError> {
    Reading::new(Evidence::Rendering, at)
}

/// Whether a code and the message an SDK printed with it are one LeanCloud error: the code is
/// documented or an SDK code, and an upper-case reason name is that code's own (another
/// product's reason under the same number is not).
fn plausible(code: &str, message: Option<&str>) -> bool {
    let Some(number) = code.parse::<i32>().ok() else { return false };
    let variants = LeanCloudError::variants_of(number);
    match message {
        Some(reason) if is_reason_name(reason) => agrees(variants, reason),
        _ => true,
    }
}

/// The Go SDK's errors: `%d %s [%s (%d)]` (code, error, URL, status) and, for a body that was
/// not JSON, `parse response failed(%d): %s [%s (%d)]` (leancloud/go-sdk@98e4481
/// leancloud/request.go:57-63).
fn go_sdk(text: &str) -> Option<Reading<LeanCloudError>> {
    for (at, _) in occurrences(text, ")]") {
        // `... [<url> (<status>)]`: the status right before the `)]`, the URL on its line.
        let head = line_before(text, at - 2);
        let Some(status) = head.len().checked_sub(5).filter(|&open| head.as_bytes()[open..].starts_with(b" (")) else {
            continue;
        };
        let Some(status) = status_at(head, status + 2) else { continue };
        let Some(url_at) = head.rfind(" [") else { continue };
        if !head[url_at + 2..].starts_with("http") {
            continue;
        }
        let mut reading = rendering(at);
        reading.status = Some(status);
        let before = &head[..url_at];
        // The body that was not JSON may span lines: its prefix is looked for before them.
        let url_in_text = at - 2 - head.len() + url_at;
        if let Some((_, failed)) = after(text_before(text, url_in_text), "parse response failed(", 0) {
            status_at(failed, 0)?;
            return Some(reading);
        }
        // The code is a number on the line followed by a space (after a log's prefix). A log's
        // prefix has numbers of its own (glog's thread id in `E0812 02:48:11.123 4711
        // upload.go:88] 101 ...`), so the number whose message agrees with it wins; else the
        // first one that does not stand before a `file:line]` prefix.
        let mut candidates = before
            .match_indices(|c: char| c.is_ascii_digit() || c == '-')
            .filter(|&(i, _)| i == 0 || before.as_bytes()[i - 1] == b' ')
            .filter_map(|(i, _)| {
                let code = leading_int(&before[i..])?;
                Some((code, before[i + code.len()..].strip_prefix(' ')?))
            })
            .take(MAX_MARKERS);
        let mut fallback = None;
        let found = candidates.find(|&(code, message)| {
            let agreeing = code.parse::<i32>().is_ok_and(|n| agrees(LeanCloudError::variants_of(n), message));
            if !agreeing && fallback.is_none() && !before_log_location(message) {
                fallback = Some((code, message));
            }
            agreeing
        });
        let (code, message) = found.or(fallback)?;
        reading.raw_code = Some(RawCode::number(code.as_bytes()));
        reading.message = message_of(message);
        return plausible(code, reading.message.as_deref()).then_some(reading);
    }
    None
}

/// Whether `rest` (what follows a number on a line) starts with a log prefix's source location,
/// `upload.go:88]` as glog writes it: the number before it is no code.
fn before_log_location(rest: &str) -> bool {
    let word = rest.split(' ').next().unwrap_or_default();
    word.ends_with(']') && word.contains(':')
}

/// The JavaScript SDK's message: the body's error and ` [<status> <METHOD> <url>]`
/// (leancloud/javascript-sdk@1fcc28d src/request.js:131-153); the code is a property the
/// message does not show.
fn js_sdk(text: &str) -> Option<Reading<LeanCloudError>> {
    const METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"];
    for (at, rest) in occurrences(text, " [") {
        let Some(status) = status_at(rest, 0) else { continue };
        let Some(method_at) = rest.get(3..).and_then(|r| r.strip_prefix(' ')) else { continue };
        if !METHODS.iter().any(|m| method_at.strip_prefix(m).is_some_and(|url| url.starts_with(" http"))) {
            continue;
        }
        let before = line_before(text, at - 2);
        let message = before.rfind("Error: ").map_or(before, |i| &before[i + "Error: ".len()..]);
        let mut reading = rendering(at);
        reading.status = Some(status);
        reading.message = message_of(message.trim_start_matches('['));
        return Some(reading);
    }
    None
}

/// The Go SDK's `CloudError`: `CloudError: code: %d, Message: %s` (leancloud/go-sdk@98e4481
/// leancloud/error.go:19-21).
fn cloud_error(text: &str) -> Option<Reading<LeanCloudError>> {
    let (at, rest) = after(text, "CloudError: code: ", 0)?;
    let code = leading_int(rest)?;
    let message = rest[code.len()..].strip_prefix(", Message: ")?;
    code_and_message(at, code, first_line(message))
}

fn code_and_message(at: usize, code: &str, message: &str) -> Option<Reading<LeanCloudError>> {
    let mut reading = rendering(at);
    reading.raw_code = Some(RawCode::number(code.as_bytes()));
    reading.message = message_of(message);
    plausible(code, reading.message.as_deref()).then_some(reading)
}

/// The Python SDK's `LeanCloudError: [<code>] <error>` (leancloud/python-sdk@9ed38c8
/// leancloud/errors.py:19-25) and the PHP SDK's `LeanCloud\CloudException: [<code>] <error>:
/// <METHOD> <url>` (leancloud/php-sdk@66f57f0 src/LeanCloud/CloudException.php:31-34).
fn python_php_sdk(text: &str) -> Option<Reading<LeanCloudError>> {
    let (at, rest) = after(text, "LeanCloudError: [", 0).or_else(|| after(text, "LeanCloud\\CloudException: [", 0))?;
    let code = leading_int(rest)?;
    let message = rest[code.len()..].strip_prefix("] ")?;
    let mut message = first_line(message);
    for method in [": GET http", ": POST http", ": PUT http", ": DELETE http"] {
        if let Some(i) = message.rfind(method) {
            message = &message[..i];
        }
    }
    code_and_message(at, code, message)
}

/// The Swift SDK's `LCError` description, `LCError(code: <code>, reason: "<reason>")`
/// (leancloud/swift-sdk Sources/Foundation/Error.swift:115-129), the older synthesised
/// `LCError(code: <code>, reason: Optional("<reason>"), ...)`, and either inside a string's
/// debug form (`\"`).
fn swift_sdk(text: &str) -> Option<Reading<LeanCloudError>> {
    let (at, rest) = after(text, "LCError(code: ", 0)?;
    let code = leading_int(rest)?;
    let rest = rest[code.len()..].strip_prefix(", reason: ")?;
    let reason = rest.strip_prefix("Optional(").unwrap_or(rest);
    let reason = quoted(reason);
    let mut reading = rendering(at);
    reading.raw_code = Some(RawCode::number(code.as_bytes()));
    reading.message = reason.as_deref().and_then(message_of);
    plausible(code, reading.message.as_deref()).then_some(reading)
}

/// The Objective-C SDK's `NSError` in domain `com.LeanCloud.ErrorDomain`, the code as its code
/// and the body's error as its failure reason (leancloud/objc-sdk@d122e44
/// AVOS/Sources/Foundation/Utils/LCErrorUtils.m:117-135), as `NSError` describes itself.
fn objc_sdk(text: &str) -> Option<Reading<LeanCloudError>> {
    let (at, rest) = after(text, "Error Domain=com.LeanCloud.ErrorDomain Code=", 0)?;
    let code = leading_int(rest)?;
    let mut reading = rendering(at);
    reading.raw_code = Some(RawCode::number(code.as_bytes()));
    if let Some((_, reason)) = after(rest, "NSLocalizedFailureReason=", 0) {
        let end = reason.find(", ").unwrap_or(reason.len()).min(reason.find(['}', '\n']).unwrap_or(reason.len()));
        reading.message = message_of(&reason[..end]);
    }
    plausible(code, reading.message.as_deref()).then_some(reading)
}
