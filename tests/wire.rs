//! Wire facts compared byte for byte with the providers' documentation: codes, HTTP statuses
//! and the messages servers send. The rows are copied from the source documents, not from
//! the catalogue, so a typo in either shows up here.

use cloud_errcodes::{QingStorError, UpyunError};

/// UpYun: (code, HTTP status, message), a broad sample including every repeated message, the
/// messages with capitals, brackets or escapes, and the 444/599 statuses.
const UPYUN: &[(u32, u16, &str)] = &[
    (40001000, 400, "wrong uri"),
    (40001006, 400, "type invalid"),
    (40001021, 400, "invalid utf8 key"),
    (40001055, 400, "record has been changed"),
    (40000006, 400, "content md5 not match"),
    (40000011, 400, "chunked request bodies not supported yet"),
    (40000027, 400, "block size too small, at least 100KB"),
    (40000028, 400, "block size too large, at most 5MB"),
    (40000038, 400, "no boundary defined in Content-Type"),
    (40000039, 400, "Content-Length is equal to 0"),
    (40010029, 400, "only 1~10 tasks supported in get"),
    (40011091, 400, "invalid app name"),
    (40100002, 401, "date offset error"),
    (40100012, 401, "bucket not exist"),
    (40100021, 401, "overdue account"),
    (40300001, 403, "file name contains invalid chars (\\r\\n\\t)"),
    (40300004, 403, "bucket is full"),
    (40300007, 403, "content md5 not match"),
    (40300014, 403, "order must be asc or desc"),
    (40300016, 403, "content-secret only accept [a-zA-Z0-9]"),
    (40400001, 404, "file or directory not found"),
    (40401004, 404, "Not found, mark as deleted"),
    (40401005, 404, "Not found, block deleted"),
    (40401006, 404, "type invalid"),
    (40600003, 406, "single-copy bucket not support form api"),
    (40800001, 408, "read client request timeout"),
    (41200001, 412, "precondition failed"),
    (41300001, 413, "content length too large"),
    (41500001, 415, "media type error, need content-type"),
    (42900001, 429, "too many requests"),
    (42900008, 429, "too many meta requests"),
    (50300000, 503, "unknown error"),
    (50300007, 503, "capture file from fs error"),
    (50300022, 503, "new resource error"),
    (50300023, 503, "connect to db error"),
    (50300029, 503, "unknow error"),
    (50300033, 503, "new resource error"),
    (50300041, 503, "connect to db error"),
    (59900001, 599, "sync call timeout"),
    (59900007, 599, "async delete fail"),
    (44400003, 444, "client abort"),
    (44400005, 444, "connection reset by client"),
    (40011050, 400, "invalid app name"),
    (40011057, 400, "invalid UTF8 Key"),
    (40011062, 400, "part already complete"),
];

/// QingStor: every code with its HTTP status.
const QINGSTOR: &[(&str, u16)] = &[
    ("invalid_access_key_id", 401),
    ("invalid_range", 416),
    ("request_expired", 403),
    ("signature_not_matched", 401),
    ("invalid_argument", 400),
    ("bad_digest", 400),
    ("permission_denied", 403),
    ("bucket_already_exists", 409),
    ("bucket_not_exists", 404),
    ("object_not_exists", 404),
    ("invalid_bucket_name", 400),
    ("too_many_buckets", 403),
    ("bucket_not_empty", 409),
    ("bucket_not_active", 403),
    ("lease_not_ready", 403),
    ("method_not_allowed", 405),
    ("invalid_request", 400),
    ("invalid_location", 400),
    ("max_requests_exceeded", 400),
    ("precondition_failed", 412),
    ("invalid_object_state", 400),
    ("invalid_object_name", 400),
    ("entity_too_small", 400),
    ("entity_too_large", 400),
    ("max_parts_exceeded", 400),
    ("upload_not_exists", 400),
    ("account_problem", 403),
    ("delinquent_account", 402),
    ("invalid_json", 400),
    ("access_denied", 400),
    ("incomplete_body", 400),
    ("form_policy_violated", 400),
    ("cname_error", 400),
    ("too_many_objects", 400),
    ("fetch_in_process", 409),
    ("metadata_too_large", 400),
    ("fetch_throttled", 429),
    ("internal_error", 500),
    ("service_unavailable", 503),
    ("upstream_failed", 503),
];

#[test]
fn upyun_codes_carry_their_documented_message_and_status() {
    for &(code, status, message) in UPYUN {
        let err = UpyunError::from_code(code).unwrap_or_else(|| panic!("{code} is in the catalogue"));
        assert_eq!(err.message(), message, "{code}: message");
        assert_eq!(err.http_status().as_u16(), status, "{code}: status");
        assert_eq!(err.to_string(), format!("upyun {code}: {message}"));
    }
}

#[test]
fn qingstor_codes_carry_their_documented_status() {
    assert_eq!(QINGSTOR.len(), 40);
    for &(code, status) in QINGSTOR {
        let err: QingStorError = code.parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(err.code(), code);
        assert_eq!(err.http_status().as_u16(), status, "{code}: status");
    }
}

#[test]
fn named_examples() {
    use cloud_errcodes::{ErrorKind, Retry};
    assert_eq!(UpyunError::from_code(40300004), Some(UpyunError::BucketFull));
    assert_eq!(UpyunError::BucketFull.kind(), ErrorKind::QuotaExceeded);
    assert_eq!(UpyunError::from_code(42900001).map(UpyunError::retry), Some(Retry::Backoff));
    assert_eq!(QingStorError::DelinquentAccount.http_status().as_u16(), 402);
    assert_eq!(QingStorError::InvalidRange.kind(), ErrorKind::RangeNotSatisfiable);
    assert_eq!(QingStorError::FetchThrottled.retry(), Retry::Backoff);
    // Facts carried into our descriptions.
    assert!(QingStorError::EntityTooSmall.description(cloud_errcodes::Lang::En).contains("4 MiB"));
    assert!(QingStorError::EntityTooLarge.description(cloud_errcodes::Lang::En).contains("5 GiB"));
    assert!(QingStorError::MaxPartsExceeded.description(cloud_errcodes::Lang::ZhCn).contains("1000"));
    assert!(QingStorError::RequestExpired.description(cloud_errcodes::Lang::En).contains("15 minutes"));
    assert!(QingStorError::MetadataTooLarge.description(cloud_errcodes::Lang::En).contains("2 KB"));
    assert!(UpyunError::BlockTooLarge.description(cloud_errcodes::Lang::En).contains("5 MB"));
    assert!(UpyunError::BlockTooSmall.description(cloud_errcodes::Lang::ZhCn).contains("100 KB"));
}
