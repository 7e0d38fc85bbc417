//! Wire facts compared byte for byte with the providers' documentation: codes, HTTP statuses
//! and the messages servers send. The rows are copied from the source documents, not from
//! the catalogue, so a typo in either shows up here.

use cloud_errcodes::{LeanCloudError, OpenListError, ProviderError, QingStorError, UpyunError};

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

/// QingStor codes beyond the table, each as its source gives it (the CNAME codes are documented
/// without a status; the catalogue assumes 400 and says so).
const QINGSTOR_BEYOND: &[(&str, u16, &str)] = &[
    ("bad_request", 400, "qingstor/qingstor-sdk-go@09811c3 request/request_test.go"),
    ("domain_not_recorded", 400, "qingcloud-docs@04475d6 api/bucket/cname/put_cname.md"),
    ("cname_record_not_added", 400, "qingcloud-docs@04475d6 api/bucket/cname/put_cname.md"),
    ("domain_occupied", 400, "qingcloud-docs@04475d6 api/bucket/cname/put_cname.md"),
];

/// Messages seen with QingStor codes, byte for byte as their sources show them.
const QINGSTOR_MESSAGES: &[(&str, &str)] = &[
    ("bad_request", "Invalid argument(s) or invalid argument value(s)"), // sdk-go request_test.go
    ("too_many_buckets", "You created too many buckets, please open ticket to apply more quota."), // qsctl#243
];

#[test]
fn qingstor_messages_seen_on_the_wire() {
    for &(code, message) in QINGSTOR_MESSAGES {
        let err: QingStorError = code.parse().unwrap();
        assert_eq!(err.wire_message(), Some(message), "{code}");
    }
    let with_message = <QingStorError as ProviderError>::all().filter(|e| e.wire_message().is_some()).count();
    assert_eq!(with_message, QINGSTOR_MESSAGES.len());
}

#[test]
fn qingstor_codes_beyond_the_table() {
    for &(code, status, source) in QINGSTOR_BEYOND {
        let err: QingStorError = code.parse().unwrap_or_else(|e| panic!("{e} ({source})"));
        assert_eq!(err.http_status().as_u16(), status, "{code}");
        assert_eq!(err.surface(), "storage");
        let (repo, path) = source.rsplit_once(' ').unwrap();
        assert!(
            err.provenance().contains(repo.rsplit('/').next().unwrap()) && err.provenance().contains(path),
            "{code}: {}",
            err.provenance()
        );
    }
    // The error page's own example body now reads as a known code.
    let body = br#"{"code": "bad_request", "message": "Invalid argument(s) or invalid argument value(s)", "request_id": "aa08cf7a43f611e5", "url": "http://docs.qingcloud.com/qingstor/api/error_code.html"}"#;
    let err = QingStorError::parse_parts(http::StatusCode::BAD_REQUEST, &http::HeaderMap::new(), body);
    assert_eq!(err.code(), Some(QingStorError::BadRequest));
}

/// The current page (https://docsv3em.qingcloud.com/storage/object-storage/api/error_code)
/// applies entity_too_large to a part over 5 GiB too.
#[test]
fn qingstor_entity_too_large_covers_a_part() {
    use cloud_errcodes::Lang;
    assert!(QingStorError::EntityTooLarge.description(Lang::En).contains("one part of a multipart upload"));
    assert!(QingStorError::EntityTooLarge.description(Lang::ZhCn).contains("分段"));
}

#[test]
fn qingstor_codes_carry_their_documented_status() {
    for &(code, status) in QINGSTOR {
        let err: QingStorError = code.parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(
            err.provenance()
                .starts_with("QingStor 错误信息 https://docsv3em.qingcloud.com/storage/object-storage/api/error_code"),
            "{code}: {}",
            err.provenance()
        );
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

/// LeanCloud: every (code, 信息) pair of the documentation, byte for byte. Code 0 is documented
/// with `(无)`, "none": it has no message.
const LEANCLOUD: &[(i32, &str)] = &[
    (0, "(无)"),
    (1, "Internal server error. No information available."),
    (100, "The connection to the AVOS servers failed."),
    (101, "Object doesn't exist, or has an incorrect password."),
    (
        103,
        "Missing or invalid classname. Classnames are case-sensitive. They must start with a letter, and a-zA-Z0-9_ are the only valid characters.",
    ),
    (104, "Missing object id."),
    (
        105,
        "Invalid key name. Keys are case-sensitive. They must start with a letter, and a-zA-Z0-9_ are the only valid characters.",
    ),
    (106, "Malformed pointer. Pointers must be arrays of a classname and an object id."),
    (107, "Malformed json object. A json dictionary is expected."),
    (108, "Tried to access a feature only available internally."),
    (109, "That operation isn't allowed by binding class."),
    (111, "Field set to incorrect type."),
    (
        112,
        "Invalid channel name. A channel name is either an empty string (the broadcast channel) or contains only a-zA-Z0-9_ characters and starts with a letter.",
    ),
    (113, "Key is required."),
    (114, "Invalid device token."),
    (116, "The object is too large."),
    (117, "The key is read only."),
    (119, "That operation isn't allowed for clients."),
    (120, "The results were not found in the cache."),
    (121, "Keys in NSDictionary values may not include '$' or '.'."),
    (122, "Invalid file name. A file name contains only a-zA-Z0-9_. characters and is between 1 and 36 characters."),
    (123, "Invalid ACL. An ACL with an invalid format was saved. This should not happen if you use AVACL."),
    (124, "The request timed out on the server. Typically this indicates the request is too expensive."),
    (125, "The email address was invalid."),
    (126, "Invalid user id."),
    (127, "The mobile phone number was invalid."),
    (128, "Invalid relation data."),
    (137, "A unique field was given a value that is already taken."),
    (139, "Role's name is invalid."),
    (140, "超过应用额度，请升级到商用版或联系我们处理。"),
    (141, "LeanEngine request timeout."),
    (142, "Cloud Code validation failed."),
    (145, "Payment is disabled on this device."),
    (150, "Fail to convert data to image."),
    (154, "Exceeded an application threshold setting."),
    (160, "Insufficient balance."),
    // The 2018 page (leancloud/avoscloud-doc@82f8d1aa) has a stray leading space in this one,
    // which no server sends; the current page has none.
    (200, "Username is missing or empty"),
    (201, "Password is missing or empty."),
    (202, "Username has already been taken."),
    (203, "Email has already been taken."),
    (204, "The email is missing, and must be specified."),
    (205, "A user with the specified email was not found."),
    (206, "The user cannot be altered by a client without the session."),
    (207, "Users can only be created through sign up."),
    (208, "An existing account already linked to another user."),
    (210, "The username and password mismatch."),
    (211, "Could not find user."),
    (212, "The mobile phone number is missing, and must be specified."),
    (213, "A user with the specified mobile phone number was not found."),
    (214, "Mobile phone number has already been taken."),
    (215, "Mobile phone number isn't verified."),
    (216, "Email address isn't verified."),
    (217, "Invalid username, it must be a non-blank string."),
    (218, "Invalid password, it must be a non-blank string."),
    (219, "登录失败次数超过限制，请稍候再试，或者通过忘记密码重设密码。"),
    (250, "Linked id missing from request"),
    (251, "Invalid linked session"),
    (251, "Invalid Weibo session"),
    (252, "Invalid Weixin session"),
    (300, "CQL syntax error."),
    (301, "Fails to insert new document."),
    (302, "Invalid GeoPoint values."),
    (303, "Fail to execute operation on storage."),
    (304, "Database error."),
    (305, "No effect on updating/deleting a document."),
    (401, "Unauthorized."),
    (403, "Forbidden to read/write by class permissions"),
    (403, "The user cannot be altered by a client without the session."),
    (429, "Too many requests."),
    (430, "Upload files rate limit exceeded."),
    (431, "LeanEngine hooks rate limit exceeded."),
    (502, "Server is in maintenance."),
    (503, "The app is temporarily disabled/readonly."),
    (511, "Temporarily Unavailable."),
    (524, "complete a TCP connection to the upstream server, but did not receive a timely HTTP response."),
    (529, "Exceeded Limit"),
    (600, "Invalid SMS signature."),
    (601, "Can't send SMS too frequently."),
    (602, "Fails to send message."),
    (603, "Invalid SMS code."),
    (604, "SMS template not found."),
    (605, "SMS template not verified."),
    (605, "SMS sign not verified"),
    (606, "Fails to render SMS template."),
    (608, "Missing validate token."),
    (700, "Nonexistent query keys"),
];

#[test]
fn leancloud_every_documented_message_round_trips() {
    use cloud_errcodes::LeanCloudError;
    assert_eq!(LEANCLOUD.len(), 86);
    let mut codes: Vec<i32> = LEANCLOUD.iter().map(|(code, _)| *code).collect();
    codes.dedup();
    assert_eq!(codes.len(), 83);
    for &(code, message) in LEANCLOUD {
        let err = LeanCloudError::from_code_and_message(code, message).unwrap_or_else(|| panic!("{code}"));
        assert_eq!(err.code(), code);
        let expected = if message == "(无)" { "" } else { message };
        assert_eq!(err.message(), expected, "{code}: message");
        assert!(LeanCloudError::from_code(code).is_some());
    }
}

#[test]
fn leancloud_multi_message_codes_resolve_by_message() {
    use cloud_errcodes::LeanCloudError as L;
    let cases = [
        (251, "Invalid linked session", L::InvalidLinkedSession),
        (251, "Invalid Weibo session", L::InvalidWeiboSession),
        (251, "INVALID WEIBO SESSION.", L::InvalidWeiboSession),
        (403, "Forbidden to read/write by class permissions", L::ForbiddenByClassPermissions),
        (403, "The user cannot be altered by a client without the session.", L::ForbiddenWithoutSession),
        (403, "the user cannot be altered by a client without the session", L::ForbiddenWithoutSession),
        (403, "Forbidden.", L::ForbiddenByClassPermissions),
        (605, "SMS template not verified.", L::SmsTemplateNotVerified),
        (605, "SMS sign not verified", L::SmsSignNotVerified),
        (605, "sms sign not verified.", L::SmsSignNotVerified),
        (605, "", L::SmsTemplateNotVerified),
        (101, "Class or object doesn't exists.", L::ObjectNotFound),
    ];
    for (code, message, expected) in cases {
        assert_eq!(L::from_code_and_message(code, message), Some(expected), "{code} {message:?}");
    }
    assert_eq!(L::from_code(251), Some(L::InvalidLinkedSession));
    assert_eq!(L::from_code(403), Some(L::ForbiddenByClassPermissions));
    assert_eq!(L::from_code(605), Some(L::SmsTemplateNotVerified));
    assert_eq!(L::from_code(102), None);
    assert_eq!(L::from_code_and_message(102, "Invalid Weibo session"), None);
    assert_eq!(L::variants_of(605), [L::SmsTemplateNotVerified, L::SmsSignNotVerified]);
    assert_eq!(L::variants_of(9), []);
}

#[test]
fn leancloud_statuses() {
    use cloud_errcodes::LeanCloudError as L;
    for code in [401, 403, 429, 430, 431, 502, 503, 511, 524, 529] {
        for err in L::variants_of(code) {
            assert_eq!(err.http_status().as_u16(), code as u16, "{err:?}");
        }
    }
    assert_eq!(L::ObjectNotFound.http_status().as_u16(), 404);
    assert_eq!(L::DuplicateValue.http_status().as_u16(), 400);
    assert_eq!(L::DuplicateValue.to_string(), "leancloud 137: unique field value already taken");
    assert_eq!(L::TooManyLoginFailures.message(), "登录失败次数超过限制，请稍候再试，或者通过忘记密码重设密码。");
    assert!(L::TooManyLoginFailures.description(cloud_errcodes::Lang::En).contains("15 minutes"));
    assert!(L::ObjectTooLarge.description(cloud_errcodes::Lang::ZhCn).contains("16 MB"));
}

/// UpYun storage codes listed by earlier revisions of the errno page (upyun/docs
/// `sources/api/errno.md`, 2015-10 to 2019-03) but not by the current help page: HTTP status,
/// code and message as those revisions print them.
const UPYUN_EARLIER: &[(u16, u32, &str)] = &[
    (400, 40000029, "save-key encoding should be utf8"),
    (400, 40000043, "wrong metadata directive"),
    (400, 40001002, "wrong content-length"),
    (403, 40300023, "invalid image-height-range"),
    (403, 40300029, "purge too much items"),
    (403, 40300030, "wrong content-length header"),
    (403, 40300031, "only support that list flat files by bucket's root folder"),
    (403, 40300032, "start time format error"),
    (403, 40300033, "end time format error"),
    (403, 40300034, "start time bigger than end time"),
    (403, 40310007, "Binded domain and source domain can't be the same"),
    (406, 40600004, "single-copy bucket not support breakpoint resume"),
    (429, 42900003, "too many requests of the same bucket"),
    (503, 50300001, "write hub failed"),
    (503, 50300003, "ffmpeg error"),
    (503, 50300006, "get hub error"),
    (503, 50300008, "delete hub error"),
    (503, 50300021, "put capture broken pipe"),
    (503, 50300035, "decode hub body error"),
];

/// Older wordings of current codes in those revisions (code, message), and the meanings of
/// 40011059/40011060 before they were renumbered in 2017-08 (upyun/docs@a28f7ce; 1616546, of
/// 2017-06, still has the old numbering).
const UPYUN_EARLIER_WORDINGS: &[(u32, &str)] = &[
    (40000012, "wite file to fs error"),
    (40001046, "hbase wrong length"),
    (40001047, "hbase wrong check column"),
    (40001055, "put and check error"),
    (40001055, "put and check hbase error"),
    (40011055, "invalid invalid multipart stage"),
    (40011056, "invalid invalid x-upyun-multi-uuid"),
    (40011058, "invalid x-upyun-multi-uuid not found"),
    (40011059, "file md5 not match"),
    (40011060, "invalid x-upyun-part-size"),
    (50300036, "send to message queue error"),
    (50300038, "failed to new http"),
    (50300041, "connect to database error"),
    (50300043, "put task to message queue error"),
];

#[test]
fn upyun_codes_of_earlier_doc_revisions() {
    for &(status, code, message) in UPYUN_EARLIER {
        let err = UpyunError::from_code(code).unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!((err.http_status().as_u16(), err.message()), (status, message), "{code}");
        assert!(
            err.provenance().contains("upyun/docs@") && err.provenance().contains("sources/api/errno.md"),
            "{code}"
        );
    }
    for &(code, message) in UPYUN_EARLIER_WORDINGS {
        let err = UpyunError::from_code_and_message(code, message).unwrap();
        assert!(err.message() == message || err.alternate_messages().contains(&message), "{code} {message}");
    }
    // The renumbering: the same number, told apart by the message.
    assert_eq!(UpyunError::from_code(40011059), Some(UpyunError::FileAlreadyUploaded));
    assert_eq!(
        UpyunError::from_code_and_message(40011059, "file md5 not match"),
        Some(UpyunError::Md5MismatchBefore2017)
    );
    assert_eq!(UpyunError::from_code_and_message(40011060, "file md5 not match"), Some(UpyunError::FileMd5Mismatch));
    // ... which a28f7ce (2017-08-10) did: the old meanings are listed from 727f9de to 1616546.
    for err in [UpyunError::FileAlreadyUploaded, UpyunError::FileMd5Mismatch] {
        assert!(err.provenance().contains("since 2017-08 (upyun/docs@a28f7ce "), "{err:?}: {}", err.provenance());
    }
    for err in [UpyunError::Md5MismatchBefore2017, UpyunError::InvalidPartSizeBefore2017] {
        assert!(err.provenance().starts_with("upyun/docs@727f9de..1616546 sources/api/errno.md"), "{err:?}");
        assert!(err.description(cloud_errcodes::Lang::En).starts_with("Before 2017-08 "), "{err:?}");
        assert!(err.description(cloud_errcodes::Lang::ZhCn).starts_with("2017 年 8 月之前"), "{err:?}");
    }
}

/// The messages with the word capture describe storing a file (`put file capture error`,
/// `capture file from fs error`, documented as a once-a-second write limit); none of the sources
/// says screenshot.
#[test]
fn upyun_capture_means_storing_the_file() {
    use cloud_errcodes::Lang;
    for err in <UpyunError as ProviderError>::all().filter(|e| e.message().contains("capture")) {
        let (en, zh) = (err.description(Lang::En), err.description(Lang::ZhCn));
        assert!(!en.contains("snapshot") && !en.contains("screenshot") && !zh.contains("截图"), "{err:?}: {en} / {zh}");
    }
    assert!(UpyunError::CaptureBrokenPipe.description(Lang::En).contains("storing the file"));
}

/// LeanCloud REST codes in leancloud/avoscloud-doc `views/error_code.md` (at c675ea6d, 220 only
/// in d2864886) but not in the 2018 page (82f8d1aa): code and 信息, byte for byte.
const LEANCLOUD_LATER: &[(i32, &str)] = &[
    (220, "The number of your followees has reached limit."),
    (221, "Friendship not found."),
    (413, "Payload Too Large."),
    (504, "The app is archived, please restore in console before use."),
    (2100, "statisticName not found."),
    (2101, "Leaderboard closed."),
    (2102, "Leaderboard archive not found."),
    (2103, "Invalid Leaderboard object."),
];

#[test]
fn leancloud_codes_of_the_docs_repository() {
    for &(code, message) in LEANCLOUD_LATER {
        let err = LeanCloudError::from_code(code).unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!(err.message(), message);
        assert_eq!(err.surface(), "rest");
        assert!(err.provenance().starts_with("leancloud/avoscloud-doc@"), "{code}");
    }
    // Codes that are HTTP statuses keep their status.
    assert_eq!(LeanCloudError::from_code(413).unwrap().http_status().as_u16(), 413);
    assert_eq!(LeanCloudError::from_code(504).unwrap().http_status().as_u16(), 504);
    // Wordings of the same meaning in other revisions.
    assert_eq!(
        LeanCloudError::from_code_and_message(140, "Exceeded an application quota. Upgrade to resolve."),
        LeanCloudError::from_code(140)
    );
    assert!(LeanCloudError::from_code(112).unwrap().alternate_messages()[0].contains("chinese characters"));
}

/// LeanCloud realtime (IM) codes and the reason each frame carries, as
/// leancloud/avoscloud-doc@c675ea6d `views/_im.njk` (macro `errorCodes`) lists them; 1006 has none.
const LEANCLOUD_REALTIME: &[(i32, &str)] = &[
    (1006, ""),
    (4100, "APP_NOT_AVAILABLE"),
    (4101, "DUPLICATED_LOGIN"),
    (4102, "SIGNATURE_FAILED"),
    (4103, "INVALID_LOGIN"),
    (4105, "SESSION_REQUIRED"),
    (4106, "BLACKLISTED"),
    (4107, "READ_TIMEOUT"),
    (4108, "LOGIN_TIMEOUT"),
    (4109, "FRAME_TOO_LONG"),
    (4110, "INVALID_ORIGIN"),
    (4111, "SESSION_CONFLICT"),
    (4112, "SESSION_TOKEN_EXPIRED"),
    (4113, "APP_QUOTA_EXCEEDED"),
    (4114, "UNPARSEABLE_RAW_MESSAGE"),
    (4115, "KICKED_BY_APP"),
    (4116, "MESSAGE_SENT_QUOTA_EXCEEDED"),
    (4117, "UNBIND_INSTALLATION_FAILED"),
    (4200, "INTERNAL_ERROR"),
    (4201, "SEND_MESSAGE_TIMEOUT"),
    (4300, "CONVERSATION_INTERNAL_ERROR"),
    (4301, "CONVERSATION_API_FAILED"),
    (4302, "CONVERSATION_SIGNATURE_FAILED"),
    (4303, "CONVERSATION_NOT_FOUND"),
    (4304, "CONVERSATION_FULL"),
    (4305, "CONVERSATION_REJECTED_BY_APP"),
    (4306, "CONVERSATION_UPDATE_FAILED"),
    (4307, "CONVERSATION_READ_ONLY"),
    (4308, "CONVERSATION_NOT_ALLOWED"),
    (4309, "CONVERSATION_UPDATE_REJECTED"),
    (4310, "CONVERSATION_QUERY_FAILED"),
    (4311, "CONVERSATION_LOG_FAILED"),
    (4312, "CONVERSATION_LOG_REJECTED"),
    (4313, "SYSTEM_CONVERSATION_REQUIRED"),
    (4314, "NORMAL_CONVERSATION_REQUIRED"),
    (4315, "CONVERSATION_TEMPORARY_BLACKLISTED"),
    (4316, "TRANSIENT_CONVERSATION_REQUIRED"),
    (4317, "CONVERSATION_MEMBERSHIP_REQUIRED"),
    (4318, "CONVERSATION_API_QUOTA_EXCEEDED"),
    (4320, "CONVERSATION_OPERATION_UNAUTHORIZED"),
    (4321, "UNKNOWN_CONVERSATION_ROLE"),
    (4322, "CONVERSATION_MEMBER_IN_ROLE_FULL"),
    (4323, "TEMPORARY_CONVERSATION_EXPIRED"),
    (4324, "CONVERSATION_NEED_OWNER"),
    (4325, "CONVERSATION_MEMBER_INFO_FEATURE_DISABLED"),
    (4401, "INVALID_MESSAGING_TARGET"),
    (4402, "MESSAGE_REJECTED_BY_APP"),
    (4403, "MESSAGE_OWNERSHIP_REQUIRED"),
    (4404, "MESSAGE_NOT_FOUND"),
    (4405, "MESSAGE_UPDATE_REJECTED_BY_APP"),
    (4406, "MESSAGE_EDIT_DISABLED"),
    (4407, "MESSAGE_RECALL_DISABLED"),
    (4408, "MESSAGE_MODIFIED_BY_CENSORSHIP"),
    (4543, "BLACKLIST_FULL"),
    (4544, "BLACKLIST_FEATURE_DISABLED"),
    (4546, "BLACKLIST_SIGNATURE_FAILED"),
    (4548, "BLOCKED_BY_CONV"),
    (4561, "SILIENCED_MEMBER_LIST_FULL"),
    (4563, "SILIENCED"),
];

#[test]
fn leancloud_realtime_codes() {
    for &(code, reason) in LEANCLOUD_REALTIME {
        let err = LeanCloudError::from_code(code).unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!((err.message(), err.surface()), (reason, "realtime"), "{code}");
        assert!(err.provenance().contains("views/_im.njk"), "{code}");
    }
    let realtime = <LeanCloudError as ProviderError>::all().filter(|e| e.surface() == "realtime").count();
    assert_eq!(realtime, LEANCLOUD_REALTIME.len() + 1, "the table's codes and the error page's code 0");
}

/// The SDKs' shared internal error codes and their messages, as leancloud/swift-sdk@2f5bbddd
/// `Sources/Foundation/Error.swift` (`LCError.InternalErrorCode`) defines them; 9977 wraps an
/// underlying error and has none of its own.
const LEANCLOUD_SDK_INTERNAL: &[(i32, &str)] = &[
    (9000, "Out command timeout"),
    (9001, "Connection lost"),
    (9002, "IM client not open"),
    (9003, "In command invalid"),
    (9008, "Data length of out command is too long"),
    (9100, "Conversation not found"),
    (9120, "Updating message from others is not allowed"),
    (9121, "Message is not sent"),
    (9130, "Updating a member's role to owner is not allowed"),
    (9973, "Not found"),
    (9974, "Data type invalid"),
    (9975, "Data format invalid"),
    (9976, "Internal inconsistency exception"),
    (9977, ""),
];

#[test]
fn leancloud_sdk_codes() {
    for &(code, message) in LEANCLOUD_SDK_INTERNAL {
        let err = LeanCloudError::from_code(code).unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!((err.message(), err.surface()), (message, "sdk"), "{code}");
        assert!(err.provenance().starts_with("leancloud/swift-sdk@2f5bbddd Sources/Foundation/Error.swift"), "{code}");
        assert_eq!(LeanCloudError::variants_of(code).len(), 1, "{code} collides with another meaning");
    }
    // The Java SDK's own codes, leancloud/java-unified-sdk@aa57d67d LCException.java; 999
    // carries the wrapped exception's message, 100001 a fixed one (LCObject.java).
    for (code, message) in [(999, ""), (100001, "Found a circular dependency when saving.")] {
        let err = LeanCloudError::from_code(code).unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!((err.message(), err.surface()), (message, "sdk"), "{code}");
        assert!(err.provenance().starts_with("leancloud/java-unified-sdk@aa57d67d "), "{code}");
    }
    // The documentation page's codes that the SDKs raise themselves: 100 (no connection), 120
    // (the query cache missed; leancloud/objc-sdk LCCacheManager.m) and 145 (payment disabled on
    // this device, from the iOS SDK's list).
    for code in [100, 120, 145] {
        assert_eq!(LeanCloudError::from_code(code).map(|e| e.surface()), Some("sdk"), "{code}");
    }
    let sdk = <LeanCloudError as ProviderError>::all().filter(|e| e.surface() == "sdk").count();
    assert_eq!(
        sdk,
        LEANCLOUD_SDK_INTERNAL.len() + 6,
        "the internal codes, the Java SDK's two, -1 and the page's three"
    );
}

/// What the SDK inside a LeanEngine app answers with: code, HTTP status and message, as npm
/// leanengine 3.8.0 (`lib/leanengine.js`, `lib/cloud.js`), PyPI leancloud 3.0.2
/// (`leancloud/engine/leanengine.py`), leancloud/go-sdk@98e4481 (`leancloud/server.go`) and
/// leancloud/java-unified-sdk@aa57d67d (`leanengine/src/main/java/cn/leancloud/`) write them;
/// `<...>` is filled in at run time.
const LEANCLOUD_ENGINE: &[(i32, u16, &str)] = &[
    (1, 404, "No such cloud function '<name>'"),
    (1, 404, "No function name or class name: <url>"),
    (124, 503, "The request timed out on the server."),
    (141, 500, "Cloud Code script had an error."),
    (211, 401, "Verify sessionToken failed, maybe login expired: <detail>"),
    (400, 400, "Unsupported operation."),
    (400, 401, "Invalid paramters."),
    (401, 401, "Hook key check failed, request from <ip>"),
    (401, 401, "Internal cloud function, request from <ip>"),
    (401, 401, "Master Key check failed, request from <ip>"),
    (401, 401, "App key check failed, request from <ip>"),
    (404, 404, "cloud func named '<name>' not found."),
];

/// The same SDKs' other wordings of those meanings, as servers fill them in: code, message and
/// the variant it belongs to. Each code is shared, so only the wording tells them apart.
const LEANCLOUD_ENGINE_WORDINGS: &[(i32, &str, LeanCloudError)] = &[
    (1, "No beforeSave hook of 'Post'", LeanCloudError::CloudFunctionNotFound), // Node callClassHook
    (1, "No such hook: onVerified", LeanCloudError::CloudFunctionNotFound),     // Node callUserHook
    (1, "No such cloud function hello", LeanCloudError::CloudFunctionNotFound), // Go functionHandler
    (124, "LeanEngine: /1.1/functions/hello : function timeout (15000ms)", LeanCloudError::EngineRequestTimeout), // Go
    (401, "Master Key check failed, request from 10.0.0.7:52814", LeanCloudError::EngineMasterKeyCheckFailed),
    (401, "App key check failed, request from 10.0.0.7:52814", LeanCloudError::EngineAppKeyCheckFailed),
    (401, "Hook key check failed, request from 10.0.0.7:52814", LeanCloudError::HookKeyCheckFailed), // Go, as Node
    (404, "cloud hook named '__before_save_for_Post' not found.", LeanCloudError::EngineFunctionNotFound), // Python
];

#[test]
fn leancloud_engine_codes() {
    for &(code, status, message) in LEANCLOUD_ENGINE {
        let err = LeanCloudError::from_code_and_message(code, message).unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!((err.message(), err.surface(), err.http_status().as_u16()), (message, "engine", status), "{code}");
        // Filled in as a server fills it, the message still picks this variant.
        let filled = message
            .replace("<name>", "hello")
            .replace("<url>", "/1.1/functions/")
            .replace("<detail>", "x")
            .replace("<ip>", "10.0.0.7");
        assert_eq!(LeanCloudError::from_code_and_message(code, &filled), Some(err), "{filled}");
        if LeanCloudError::variants_of(code).iter().any(|v| v.surface() == "rest") {
            assert_ne!(LeanCloudError::from_code(code), Some(err), "{code}: the documented REST meaning stays primary");
        }
    }
    let engine = <LeanCloudError as ProviderError>::all().filter(|e| e.surface() == "engine").count();
    assert_eq!(engine, LEANCLOUD_ENGINE.len());
    for &(code, message, expected) in LEANCLOUD_ENGINE_WORDINGS {
        assert_eq!(LeanCloudError::from_code_and_message(code, message), Some(expected), "{code} {message}");
    }
    // The Java SDK writes its code 400 as a JSON string.
    let body = br#"{"code":"400","error":"Unsupported operation."}"#;
    let err = LeanCloudError::parse_parts(http::StatusCode::BAD_REQUEST, &http::HeaderMap::new(), body);
    assert_eq!(err.code(), Some(LeanCloudError::EngineUnsupportedOperation));
    let body = br#"{"code":400,"error":"Invalid paramters."}"#;
    let err = LeanCloudError::parse_parts(http::StatusCode::UNAUTHORIZED, &http::HeaderMap::new(), body);
    assert_eq!(err.code(), Some(LeanCloudError::EngineInvalidParameters));
}

/// Wordings of REST codes that the current documentation (leancloud/docs@101a6c41) and the REST
/// guide of leancloud/avoscloud-doc@c675ea6d show besides the error-code page's 信息.
const LEANCLOUD_REST_WORDINGS: &[(i32, &str)] = &[
    (1, "International SMS is disabled, please enable it in console."), // error-code.mdx, under 1
    (1, "Could not find object by id '<id>' for class '<Class>'."),     // rest_api.md, a /batch item
    (101, "Class or object doesn't exists."),                           // rest.mdx, with HTTP 404
    // rest.mdx fills the column in: `The column is: 'invalid?'.`
    (
        105,
        "Invalid key name. Keys are case-sensitive and 'a-zA-Z0-9_' are the only valid characters. The column is: '<name>'.",
    ),
];

#[test]
fn leancloud_rest_wordings_of_the_current_docs() {
    for &(code, message) in LEANCLOUD_REST_WORDINGS {
        let err = LeanCloudError::from_code(code).unwrap();
        assert!(err.alternate_messages().contains(&message), "{code}: {message}");
        assert_eq!(err.surface(), "rest");
    }
    // The current page's 200 has no leading space; the 2018 page's stray one is not a wire fact.
    assert_eq!(LeanCloudError::from_code(200).unwrap().message(), "Username is missing or empty");
    // A /batch item as the REST guide shows it, and 101 as the REST guide shows it.
    let batch = br#"[{"error": {"code": 1, "error": "Could not find object by id '558e20cbe4b060308e3eb36c' for class 'Post'."}}]"#;
    let item = cloud_errcodes::leancloud::parse_batch(batch).next().unwrap().unwrap_err();
    assert_eq!(item.code(), Some(LeanCloudError::InternalServerError));
    let body = br#"{"code": 101, "error": "Class or object doesn't exists."}"#;
    let err = LeanCloudError::parse_parts(http::StatusCode::NOT_FOUND, &http::HeaderMap::new(), body);
    assert_eq!((err.code(), err.http_status().as_u16()), (Some(LeanCloudError::ObjectNotFound), 404));
}

/// `invalid_range_heander` (sic) is how yunify/qingcloud-docs@0ce1290 `common_header.md` names
/// the 416 of a bad Range; the code table calls it `invalid_range`.
#[test]
fn qingstor_invalid_range_heander_is_invalid_range() {
    assert_eq!(QingStorError::from_code("invalid_range_heander"), Some(QingStorError::InvalidRange));
    assert_eq!(QingStorError::InvalidRange.code(), "invalid_range");
    let body = br#"{"code": "invalid_range_heander", "message": "bad range", "request_id": "r1"}"#;
    let err = QingStorError::parse_parts(http::StatusCode::RANGE_NOT_SATISFIABLE, &http::HeaderMap::new(), body);
    assert_eq!(err.code(), Some(QingStorError::InvalidRange));
    assert_eq!(err.raw_code().map(|c| c.as_str()), Some("invalid_range_heander"), "the code sent is kept");
}

/// The CDN edge's table, upyun/docs@2b8454e `sources/cdn/config.md` (默认错误码一览表): code
/// (templated ones with `x`) and message, byte for byte.
const UPYUN_CDN: &[(&str, &str)] = &[
    ("40310001", "invalid url"),
    ("40310002", "region is forbidden"),
    ("40310003", "too many requests"),
    ("40310011", "invalid User-Agent header"),
    ("40310012", "remote address is forbidden"),
    ("40310013", "invalid user token"),
    ("40310014", "invalid Referer header"),
    ("40310015", "referer uri is forbidden"),
    ("40310020", "invalid authentication response body"),
    ("40310021", "invalid authentication response status"),
    ("40310022", "cyclic authentication requests"),
    ("50310020", "authentication service unavailable"),
    ("40110910", "authentication fails"),
    ("40310006", "(api) request body too large"),
    ("41310001", "request body too large"),
    ("40010030", "multiple Content-Type header"),
    ("40310031", "too large form"),
    ("40310032", "waf protection rules triggered"),
    ("xxx10999", "edge rule triggered"),
    ("40510004", "invisible domain"),
    ("41610001", "multiple Range header"),
    ("41610002", "multiple sections in Range header"),
    ("41610003", "illegal range portion"),
    ("40010040", "absent Host header"),
    ("40010041", "bucket not found"),
    ("40510001", "invisible bucket"),
    ("41210001", "last-modified or Etag illegal"),
    ("40310007", "cyclic request"),
    ("50310000", "unknown error"),
    ("403xx002", "response body too large"),
    ("502xx001", "no valid source address"),
    ("502xx002", "can't connect to upyun fs"),
    ("503xx001", "resolve domain failed"),
    ("503xx002", "resolve domain timeout"),
    ("503xx004", "connection refused"),
    ("503xx005", "connection reset by peer"),
    ("503xx006", "handshake failed"),
    ("503xx007", "client abort"),
    ("503xx008", "closed"),
    ("503xx009", "broken pipe"),
    ("503xx010", "unexpect end of stream"),
    ("503xx015", "certificate host mismatch"),
    ("503xx016", "self signed certificate"),
    ("503xx017", "certificate has expired"),
    ("504xx001", "connection timed out"),
    ("504xx002", "connection timeout"),
    ("504xx003", "read timeout"),
    ("504xx004", "send timeout"),
];

#[test]
fn upyun_cdn_edge_codes() {
    for &(code, message) in UPYUN_CDN {
        let err = match code.contains('x') {
            true => code.parse::<UpyunError>().ok(),
            false => UpyunError::from_code_and_message(code.parse().unwrap(), message),
        };
        let err = err.unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!((err.message(), err.surface()), (message, "cdn"), "{code}");
        assert!(err.provenance().contains("sources/cdn/config.md"), "{code}");
    }
    let cdn = <UpyunError as ProviderError>::all().filter(|e| e.surface() == "cdn").count();
    assert_eq!(cdn, UPYUN_CDN.len());
}

/// The questions of OpenList's error FAQ (OpenListTeam/OpenList-Docs@48dd4a66
/// pages/faq/error.md, English side), as the page writes them.
const OPENLIST_FAQ: &[&str] = &[
    "Ali cloud disk open appears TooManyRequests 、Too Many Requests",
    "Ali cloud disk open appears ExceedCapacityForbidden",
    "Token is expired（Appears when logging in to the OpenList account）",
    "Failed init storage but storage is already created: failed init storage: failed to refresh token: The input parameter refresh_token is missing. Please refer to document.",
    "failed get objs: failed to list objs: ForbiddenDriveNotValid:not valid driveld",
    "no such host、TLS handshake timeout、read: connection reset by peer、dns lookup failed、connect: connection refused、Client.Timeout exceeded while awaiting headers、network is unreachable",
    "Failed create storage in database: UNIQUE constraint failed: x_storages.mount_path (appears when mounting the driver)",
    "Key: 'Storage.MountPath' Error:Field validation for 'MountPath' failed on the 'required' tag (appears when mounting the driver)",
    "UNIQUE constraint failed: x_meta.path (appears when adding meta information)",
    "Key: 'Meta.Path' Error:Field validation for 'Path' failed on the 'required' tag (appears when adding meta information)",
    "failed get objs: failed to list objs: Sorry, sharing is not available in the current region（PikPak/share）",
    "failed get objs: failed to list objs: terabox is not yet available in this are（Terabox）",
    "Search not available（appears when indexing）",
    "only chinese and english, numbers and underscores are supported, and the length is no more than 50 (Appears when the baidu.photo folder is renamed)",
    "failed get objs: failed to list objs: NotFound.FileId:The resource file_id cannot be found. file_id:634e704cefa78f92fefd4c779f7422d820082d041（Add Alibaba cloud disk open）",
    "System error: SyntaxError: Invalid regular expression: /?/: Nothing to repeat",
    "Too many unsuccessful sign-in attempts have been made using an incorrect username or password, Try again later.",
    "Failed get storage: please add a storage first. （When adding offline download files）",
    "failed get objs: failed to list objs: Unable to retrieve user's mysite URL（When adding onedrive_app）",
    "failed to start: listen tcp 0.0.0.0:5244: bind: address already in use （When starting the OpenList program）",
    "When OpenList upload file：Request failed with status code 413",
    "failed get objs: failed to list objs: query fail [61008]",
    "When running `docker logs openlist`, the error appears: FATA[2025-08-12 02:48:46] failed to create config file: open /opt/openlist/data/config.json: permission denied 。",
];

/// The questions of AList's error FAQ (alist-org/docs@f4cd422e docs/zh/faq/error.md), as the
/// page writes them. It has no question about the config file.
const ALIST_FAQ: &[&str] = &[
    "阿里云盘open出现 TooManyRequests 、Too Many Requests",
    "阿里云盘open出现 ExceedCapacityForbidden",
    "Token is expired（出现在登录AList账号时）",
    "Failed init storage but storage is already created: failed init storage: failed to refresh token: The input parameter refresh_token is missing. Please refer to document.",
    "failed get objs: failed to list objs: ForbiddenDriveNotValid:not valid driveld",
    "no such host、TLS handshake timeout、read: connection reset by peer、dns lookup failed、connect: connection refused、Client.Timeout exceeded while awaiting headers、network is unreachable",
    "Failed create storage in database: UNIQUE constraint failed: x_storages.mount_path （出现在挂载驱动时）",
    "Key: 'Storage.MountPath' Error:Field validation for 'MountPath' failed on the 'required' tag（出现在挂载驱动时）",
    "UNIQUE constraint failed: x_meta.path（出现在添加元信息时）",
    "Key: 'Meta.Path' Error:Field validation for 'Path' failed on the 'required' tag（出现在添加元信息时）",
    "Failed load storage: failed init storage: the site does not allow mounted",
    "failed get objs: failed to list objs: Sorry, sharing is not available in the current region（PikPak/分享）",
    "failed get objs: failed to list objs: terabox is not yet available in this are（Terabox）",
    "Search not available（出现在构建索引时）",
    "only chinese and english, numbers and underscores are supported, and the length is no more than 50（出现在一刻相册文件改名时）",
    "failed get objs: failed to list objs: NotFound.FileId:The resource file_id cannot be found. file_id:634e704cefa78f92fefd4c779f7422d820082d041（添加阿里云盘open）",
    "System error: SyntaxError: Invalid regular expression: /?/: Nothing to repeat",
    "Too many unsuccessful sign-in attempts have been made using an incorrect username or password, Try again later.",
    "Failed get storage: please add a storage first. （添加离线下载内容时）",
    "failed get objs: failed to list objs: Unable to retrieve user's mysite URL（添加onedrive_app时）",
    "failed to start: listen tcp 0.0.0.0:5244: bind: address already in use （启动AList程序时）",
    "AList上传文件时提示：Request failed with status code 413",
    "failed get objs: failed to list objs: query fail [61008]",
];

/// An FAQ symptom cites a page exactly when that page has a question showing it: so no entry
/// names a page for a symptom the page does not have (as `config_file_permission_denied` once
/// named AList's), and every question is one symptom.
#[test]
fn openlist_faq_symptoms_cite_the_pages_that_show_them() {
    let pages = [
        ("OpenListTeam/OpenList-Docs@48dd4a66 pages/faq/error.md (https://doc.oplist.org/faq/error)", OPENLIST_FAQ),
        ("alist-org/docs@f4cd422e docs/zh/faq/error.md (https://alist.nn.ci/zh/faq/error.html)", ALIST_FAQ),
    ];
    for (page, questions) in pages {
        let shown: Vec<OpenListError> = questions
            .iter()
            .map(|q| OpenListError::from_message(q).unwrap_or_else(|| panic!("{q}: not recognised")))
            .collect();
        for err in <OpenListError as ProviderError>::all().filter(|e| e.surface() == "faq") {
            assert_eq!(err.provenance().contains(page), shown.contains(&err), "{err:?} and {page}");
        }
    }
    assert!(!OpenListError::ConfigFilePermissionDenied.provenance().contains("alist-org/docs"));
}

/// The sign-in lock as OpenListTeam/OpenList@0b1e9d09 sets it: `DefaultMaxAuthRetries = 5`
/// and `DefaultLockDuration = time.Minute * 5` (internal/model/user.go:36-37), checked before
/// each attempt (server/handles/auth.go:46-50). The FAQ pages say 6.
#[test]
fn openlist_sign_in_lock_is_five_attempts_for_five_minutes() {
    use cloud_errcodes::Lang;
    let err = OpenListError::TooManySignInAttempts;
    let (en, zh) = (err.description(Lang::En), err.description(Lang::ZhCn));
    assert!(en.contains("after 5 failures") && en.contains("5 minutes"), "{en}");
    assert!(zh.contains("失败 5 次") && zh.contains("5 分钟"), "{zh}");
    assert!(err.provenance().contains("internal/model/user.go"), "{}", err.provenance());
    assert_eq!(err.http_status().as_u16(), 429);
}
