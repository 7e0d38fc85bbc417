//! What a line must contain to hold a provider's error: the markers `scan --provider` looks for
//! before it reads a line (lines without one are skipped without being read), and what
//! `benches/scan.rs` hands `grep -c -i -F` to compare.
//!
//! The markers are matched ignoring ASCII case. They are a superset of what the provider's
//! `parse_text` can recognise: every rendering of the tables in `tests/data/text/` carries one
//! (`tests/cli.rs` checks it), so a line without a marker holds no error of the provider.

use cloud_errcodes::Provider;

/// A code under a key, however a body, an SDK or a logger writes it: `"code":`, `\"code\":`,
/// `'code':`, `code: 101`, `code=401`, `Code = 404`, `Code "object_not_exists"`,
/// `error_code`, `StatusCode`. Every provider's structured renderings have one.
const KEYED: &[&str] = &["code\"", "code\\\"", "code'", "code:", "code=", "code =", "code :", "code \""];

/// Error types and prefixes of the official SDKs that print no `code` key, per provider.
const UPYUN_SDK: &[&str] = &[
    // upyun/node-sdk: `upyun - response error: Request failed with status code 401`.
    "upyun - ",
    // upyun/python-sdk: `UpYunServiceException: ('Unknown', 404, 'Not Found', '')`.
    "upyunserviceexception",
    // upyun/java-sdk: `com.upyun.UpAPIException`, `com.upyun.UpException`.
    "com.upyun.",
];
// Not the bare names either (`v0.api.upyun.com`, `qingstor.com` are in every request line).
const QINGSTOR_SDK: &[&str] = &[
    // qingstor-sdk-go: `QingStor Error: StatusCode "404", ...`.
    "qingstor error",
];
const LEANCLOUD_SDK: &[&str] = &[
    // python-sdk `LeanCloudError: [101] ...`; java-unified-sdk `cn.leancloud.LCException`;
    // swift-sdk `LCError(code: ...)`; php-sdk `LeanCloud\CloudException`. Not the bare name:
    // an application's log names `api.leancloud.cn` on every request.
    "leanclouderror",
    "lcexception",
    "lcerror",
    "cloudexception",
    // go-sdk: `parse response failed(502): <html>...`.
    "parse response failed",
];

/// Documented messages shorter than this are not markers of their own: a word such as
/// `closed` or `No` is in too many lines, and `parse_text` needs more than that word anyway.
const MIN_MESSAGE: usize = 5;

/// The markers of one provider's errors, lowercase, without duplicates: the keyed forms, the
/// SDKs' own prefixes, and each documented message (up to its first `<placeholder>`), so that a
/// message printed alone behind an SDK's prefix is found too.
pub fn markers(provider: Provider) -> Vec<String> {
    let sdk: &[&str] = match provider {
        Provider::Upyun => UPYUN_SDK,
        Provider::QingStor => QINGSTOR_SDK,
        Provider::LeanCloud => LEANCLOUD_SDK,
        _ => &[],
    };
    let mut markers: Vec<String> = KEYED.iter().chain(sdk).map(|m| (*m).to_owned()).collect();
    for entry in provider.entries() {
        for message in entry.wire_message().into_iter().chain(entry.alternate_messages().iter().copied()) {
            let literal = message.split('<').next().unwrap_or("").trim();
            if literal.chars().count() >= MIN_MESSAGE {
                markers.push(literal.to_ascii_lowercase());
            }
        }
    }
    markers.sort();
    markers.dedup();
    // A marker containing another is redundant: whatever holds it holds the shorter one.
    let all = markers.clone();
    markers.retain(|m| !all.iter().any(|other| other != m && m.contains(other.as_str())));
    markers
}
