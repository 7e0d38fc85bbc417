//! The providers: the rules each catalogue follows and the docs of each generated enum.

use crate::catalog::{CodeShape, Field, Spec};

/// Every provider, with the rules its catalogue follows and the docs of its enum.
pub const PROVIDERS: &[(Spec, &str)] = &[
    (
        Spec {
            slug: "upyun",
            title: "UpYun (又拍云)",
            type_name: "UpyunError",
            code_shape: CodeShape::Number("u32"),
            explicit_names: true,
            message: Field::Required,
            summary: Field::Forbidden,
            status_from_code: true,
            symptoms: false,
            templates: true,
        },
        r#"An error code of the UpYun (又拍云) storage REST API.

UpYun answers a failed request with `{"msg": "...", "code": 40400001, "id": "..."}`; the
8-digit code's first three digits are the HTTP status. `Display` shows the server's own
message: `upyun 40300004: bucket is full`.

Generated from `catalog/upyun.toml` ({entries} codes; by surface: {surfaces}).

# Examples

```
use cloud_errcodes::{ErrorKind, Lang, UpyunError};

let err = UpyunError::from_code(40300004).unwrap();
assert_eq!(err, UpyunError::BucketFull);
assert_eq!(err.message(), "bucket is full");
assert_eq!(err.http_status(), http::StatusCode::FORBIDDEN);
assert_eq!(err.kind(), ErrorKind::QuotaExceeded);
assert!(!err.is_retryable());
assert_eq!(err.to_string(), "upyun 40300004: bucket is full");
assert!(err.description(Lang::ZhCn).contains("存储空间"));
assert_eq!(UpyunError::from_code(40300003 + 99), None);
```"#,
    ),
    (
        Spec {
            slug: "qingstor",
            title: "QingStor",
            type_name: "QingStorError",
            code_shape: CodeShape::Text,
            explicit_names: false,
            message: Field::Optional,
            summary: Field::Required,
            status_from_code: false,
            symptoms: false,
            templates: false,
        },
        r#"An error code of QingStor object storage.

QingStor answers a failed request with
`{"code": "...", "message": "...", "request_id": "...", "url": "..."}`; the snake_case code
is the stable wire fact, the message varies. Where a real message has been seen (in an SDK's
tests or a user's report), [`wire_message`](crate::ProviderError::wire_message) gives it.
`Display` shows our summary: `qingstor bucket_not_empty: the bucket is not empty`.

Generated from `catalog/qingstor.toml` ({entries} codes; by surface: {surfaces}).

# Examples

```
use cloud_errcodes::{ErrorKind, Lang, QingStorError};

let err: QingStorError = "bucket_not_empty".parse().unwrap();
assert_eq!(err, QingStorError::BucketNotEmpty);
assert_eq!(err.code(), "bucket_not_empty");
assert_eq!(err.http_status(), http::StatusCode::CONFLICT);
assert_eq!(err.kind(), ErrorKind::Conflict);
assert_eq!(err.to_string(), "qingstor bucket_not_empty: the bucket is not empty");
assert!(err.description(Lang::En).contains("no objects"));

let unknown = "bucket_gone".parse::<QingStorError>().unwrap_err();
assert_eq!(unknown.to_string(), "unknown qingstor error code `bucket_gone`");
```"#,
    ),
    (
        Spec {
            slug: "leancloud",
            title: "LeanCloud",
            type_name: "LeanCloudError",
            code_shape: CodeShape::Number("i32"),
            explicit_names: true,
            message: Field::Optional,
            summary: Field::Required,
            status_from_code: false,
            symptoms: false,
            templates: false,
        },
        r#"An error code of LeanCloud.

**LeanCloud shuts its service down on 2027-01-12**; this enum stays to read old logs and to
serve SDKs that keep talking to self-hosted or migrated back ends until then.

Four surfaces (see [`surface`](Self::surface)): `rest`, the REST API, which answers a failed
request with `{"code": 137, "error": "..."}`; `realtime`, the real-time messaging (IM) service,
whose WebSocket frames carry an upper-case reason such as `{"code": 4111, "reason":
"SESSION_CONFLICT"}`; `sdk`, codes the client SDKs raise themselves (such as the catch-all `-1`
and the shared internal codes 9000–9977), which no server sends; and `engine`, the bodies the
SDK inside a LeanEngine (cloud function) app writes, such as `{"code":1,"error":"No such cloud
function 'hello'"}`. Codes are `i32`. Several codes have more than one meaning (251, 403 and
605 in the REST docs; 1, 124, 141, 211 and 401 again from LeanEngine, and 400 twice from its
Java SDK); each is its own variant sharing the code, and
[`from_code`](Self::from_code) gives the primary one while
[`from_code_and_message`](Self::from_code_and_message) picks by message. `Display` shows our
short summary, and [`message`](Self::message) the server's documented sentence.

The multiplayer service's (Play) codes are not included: they come from a separate client
protocol (npm `@leancloud/play`), 32 of them reuse realtime numbers with other meanings, and
that service closes with the rest.

The HTTP status cannot be derived from a LeanCloud code: [`http_status`](Self::http_status)
is the status the REST API typically sends (codes that are statuses map to themselves, 101 to
404, most others to 400). A parsed response keeps the status actually received.

Generated from `catalog/leancloud.toml` ({codes} codes, {entries} messages; by surface: {surfaces}).

# Examples

```
use cloud_errcodes::{ErrorKind, LeanCloudError};

let err = LeanCloudError::from_code(137).unwrap();
assert_eq!(err, LeanCloudError::DuplicateValue);
assert_eq!(err.message(), "A unique field was given a value that is already taken.");
assert_eq!(err.to_string(), "leancloud 137: unique field value already taken");
assert_eq!(err.kind(), ErrorKind::Conflict);

assert_eq!(LeanCloudError::from_code(605), Some(LeanCloudError::SmsTemplateNotVerified));
assert_eq!(
    LeanCloudError::from_code_and_message(605, "SMS sign not verified"),
    Some(LeanCloudError::SmsSignNotVerified),
);
```"#,
    ),
    (
        Spec {
            slug: "openlist",
            title: "OpenList (and AList)",
            type_name: "OpenListError",
            code_shape: CodeShape::Text,
            explicit_names: false,
            message: Field::Required,
            summary: Field::Required,
            status_from_code: false,
            symptoms: true,
            templates: false,
        },
        r#"A recognised OpenList (or AList) error symptom.

OpenList sends no error codes: it answers HTTP 200 with `{"code": 500, "message": "..."}`,
where the message is often a chain such as
`failed get objs: failed to list objs: query fail [61008]`. Each variant is one documented
symptom, recognised in any text by [`from_message`](Self::from_message) and identified by a
stable id ([`code`](Self::code), e.g. `query_fail_61008`). Each carries a remedy
([`solution`](Self::solution)) as well as a description.

Generated from `catalog/openlist.toml` ({entries} symptoms; by surface: {surfaces}).

# Examples

```
use cloud_errcodes::{ErrorKind, Lang, OpenListError};

let err = OpenListError::from_message("failed get objs: failed to list objs: query fail [61008]").unwrap();
assert_eq!(err, OpenListError::QueryFail61008);
assert_eq!(err.code(), "query_fail_61008");
assert_eq!(err.kind(), ErrorKind::Unsupported);
assert_eq!(err.to_string(), "openlist query_fail_61008: the driver cannot sort this listing");
assert!(err.solution(Lang::En).contains("ordering"));
assert_eq!(OpenListError::from_message("token is expired"), Some(OpenListError::TokenExpired));
```"#,
    ),
];
