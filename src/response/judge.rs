//! Judging a response a success or a failure the way its provider means it, from its status
//! and as little of its body as decides it.

use http::StatusCode;

use super::{
    MAX_BODY,
    body::raw_code,
    profile::{Field, Profile},
};
use crate::json::{self, End};

/// Whether a response is a failure the way a provider (its profile) means it.
pub(crate) fn is_failure(profile: &Profile, status: StatusCode, body: &[u8]) -> bool {
    match judge(profile, status, body, true) {
        Verdict::Failure => true,
        Verdict::Success | Verdict::NeedMore => false,
    }
}

/// What the start of a response says about it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Verdict {
    Success,
    Failure,
    /// The bytes so far do not decide it (only while the body may go on).
    NeedMore,
}

/// Judges a response from its status and the start of its body; `complete` says the body has
/// ended (or reached [`MAX_BODY`]), so nothing more will come.
///
/// Informational (1xx), success (2xx) and `304 Not Modified` answers are not failures, except
/// that a provider with its status in the body (OpenList) fails a 2xx whose body is its
/// envelope, a JSON object with `code` and a message under any key the parser reads the
/// message from (OpenList: `message` or `msg`), when the code is not 200 (of a repeated `code`,
/// the first counts, so that no later byte can overturn a verdict). A body that does not start
/// with `{` (after a byte-order mark and whitespace) is decided at once; an envelope as soon as
/// its code says 200, or its whole code and its message key have both arrived: the message need
/// not be whole, so a message longer than [`MAX_BODY`] fails like a short one.
///
/// While the body may go on, only whole tokens count: a number or a word at the very end may
/// continue in the next chunk (`{"code":2` may be `{"code":200`), and so may a byte-order mark
/// cut short. So the verdict on any prefix that decides is the verdict on the whole body,
/// however it is split.
pub(crate) fn judge(profile: &Profile, status: StatusCode, body: &[u8], complete: bool) -> Verdict {
    if status.is_informational() || status == StatusCode::NOT_MODIFIED {
        return Verdict::Success;
    }
    if !status.is_success() {
        return Verdict::Failure;
    }
    if !profile.status_in_body {
        return Verdict::Success;
    }
    let complete = complete || body.len() >= MAX_BODY;
    let body = &body[..body.len().min(MAX_BODY)];
    let start = json::skip_bom_and_ws(body);
    match body.get(start) {
        Some(b'{') => {}
        // The start of a byte-order mark, which the next chunk may complete.
        Some(_) if !complete && start == 0 && body.len() < BOM.len() && BOM.starts_with(body) => {
            return Verdict::NeedMore;
        }
        Some(_) => return Verdict::Success,
        None if complete => return Verdict::Success,
        None => return Verdict::NeedMore,
    }
    let body = if complete { body } else { whole_tokens(body) };
    let (mut code, mut message) = (None, false);
    let end = json::scan_members(body, start, |key, value| {
        // The keys the parser reads; of a repeated `code`, the first whole one counts.
        let Some(&(_, field)) = profile.body_keys.iter().find(|(name, _)| key.is(name)) else { return };
        match (field, value) {
            (Field::Code, Some(value)) => {
                code.get_or_insert_with(|| raw_code(value));
            }
            (Field::Code, None) => {}
            (Field::Message, _) => message = true,
            (Field::RequestId | Field::Url, _) => {}
        }
    });
    let is_200 = code.flatten().map(|c| c.to_i64() == Some(200));
    match (is_200, message, end) {
        (Some(true), _, _) => Verdict::Success,
        (Some(false), true, _) => Verdict::Failure,
        (_, _, End::Closed) => Verdict::Success,
        (_, _, End::Broken) if complete => Verdict::Success,
        (_, _, End::Broken) => Verdict::NeedMore,
    }
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `body` without the number or word it may end in: the bytes that may still go on in the next
/// chunk. A string or nested value at the end is incomplete without its closing quote or
/// bracket, so only these need cutting.
fn whole_tokens(body: &[u8]) -> &[u8] {
    let cut = body.iter().rposition(|b| !matches!(b, b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'+' | b'-' | b'.'));
    &body[..cut.map_or(0, |at| at + 1)]
}
