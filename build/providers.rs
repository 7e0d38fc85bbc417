//! The providers: the rules each catalogue follows and the docs of each generated enum.

use crate::catalog::{CodeShape, Field, Spec};

/// Every provider, with the rules its catalogue follows and the docs of its enum.
pub const PROVIDERS: &[(Spec, &str)] = &[
    (
        Spec {
            slug: "upyun",
            brand: "UpYun",
            type_name: "UpyunError",
            code_shape: CodeShape::Number,
            explicit_names: true,
            message: Field::Required,
            summary: Field::Forbidden,
            status_from_code: true,
            shared_codes: false,
            symptoms: false,
        },
        r#"An error code of the UpYun (又拍云) storage REST API.

UpYun answers a failed request with `{"msg": "...", "code": 40400001, "id": "..."}`; the
8-digit code's first three digits are the HTTP status. `Display` shows the server's own
message: `upyun 40300004: bucket is full`.

Generated from `catalog/upyun.toml` (254 codes).

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
            brand: "QingStor",
            type_name: "QingStorError",
            code_shape: CodeShape::Text,
            explicit_names: false,
            message: Field::Forbidden,
            summary: Field::Required,
            status_from_code: false,
            shared_codes: false,
            symptoms: false,
        },
        r#"An error code of QingStor object storage.

QingStor answers a failed request with
`{"code": "...", "message": "...", "request_id": "...", "url": "..."}`; the snake_case code
is the stable wire fact, the message varies. `Display` shows our summary:
`qingstor bucket_not_empty: the bucket is not empty`.

Generated from `catalog/qingstor.toml` (40 codes).

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
];
