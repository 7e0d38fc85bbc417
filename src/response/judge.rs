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
/// message from (OpenList: `message` or `msg`), when the code is not 200. A body that does not
/// start with `{` is decided at once; an envelope as soon as its code says 200, or its whole
/// code and its message key have both arrived: the message need not be whole, so a message
/// longer than [`MAX_BODY`] fails like a short one.
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
        Some(_) => return Verdict::Success,
        None if complete => return Verdict::Success,
        None => return Verdict::NeedMore,
    }
    let (mut code, mut message) = (None, false);
    let end = json::scan_members(body, start, |key, value| {
        // The keys the parser reads, the same way: the last whole `code` wins.
        let Some(&(_, field)) = profile.body_keys.iter().find(|(name, _)| key.is(name)) else { return };
        match (field, value) {
            (Field::Code, Some(value)) => code = raw_code(value),
            (Field::Code, None) => {}
            (Field::Message, _) => message = true,
            (Field::RequestId | Field::Url, _) => {}
        }
    });
    let is_200 = code.as_ref().map(|c| c.to_i64() == Some(200));
    match (is_200, message, end) {
        (Some(true), _, _) => Verdict::Success,
        (Some(false), true, _) => Verdict::Failure,
        (_, _, End::Closed) => Verdict::Success,
        (_, _, End::Broken) if complete => Verdict::Success,
        (_, _, End::Broken) => Verdict::NeedMore,
    }
}
