//! OpenList/AList symptom recognition: every symptom line of the documentation in the forms
//! servers really send, near misses, the specificity rule and the values a match carries.

use cloud_errcodes::{AListError, OpenListError as O, ProviderError, openlist::SymptomValue};
use proptest::prelude::*;

/// Every symptom line exactly as the OpenList (en, zh-CN) and AList pages show it, with the
/// symptom each is.
const SEED_LINES: &[(&str, O)] = &[
    ("Ali cloud disk open appears TooManyRequests 、Too Many Requests", O::TooManyRequests),
    ("阿里云盘open出现 TooManyRequests 、Too Many Requests", O::TooManyRequests),
    ("TooManyRequests", O::TooManyRequests),
    ("Too Many Requests", O::TooManyRequests),
    ("Ali cloud disk open appears ExceedCapacityForbidden", O::ExceedCapacityForbidden),
    ("阿里云盘open出现 ExceedCapacityForbidden", O::ExceedCapacityForbidden),
    ("Token is expired", O::TokenExpired),
    ("Token is expired（Appears when logging in to the OpenList account）", O::TokenExpired),
    ("Token is expired（出现在登录AList账号时）", O::TokenExpired),
    (
        "Failed init storage but storage is already created: failed init storage: failed to refresh token: The input parameter refresh_token is missing. Please refer to document.",
        O::RefreshTokenMissing,
    ),
    ("failed get objs: failed to list objs: ForbiddenDriveNotValid:not valid driveld", O::DriveNotValid),
    (
        "no such host、TLS handshake timeout、read: connection reset by peer、dns lookup failed、connect: connection refused、Client.Timeout exceeded while awaiting headers、network is unreachable",
        O::NetworkError,
    ),
    ("no such host", O::NetworkError),
    ("TLS handshake timeout", O::NetworkError),
    ("read: connection reset by peer", O::NetworkError),
    ("dns lookup failed", O::NetworkError),
    ("connect: connection refused", O::NetworkError),
    ("Client.Timeout exceeded while awaiting headers", O::NetworkError),
    ("network is unreachable", O::NetworkError),
    ("Failed create storage in database: UNIQUE constraint failed: x_storages.mount_path", O::DuplicateMountPath),
    (
        "Failed create storage in database: UNIQUE constraint failed: x_storages.mount_path (appears when mounting the driver)",
        O::DuplicateMountPath,
    ),
    (
        "Key: 'Storage.MountPath' Error:Field validation for 'MountPath' failed on the 'required' tag",
        O::MountPathRequired,
    ),
    ("UNIQUE constraint failed: x_meta.path", O::DuplicateMetaPath),
    ("UNIQUE constraint failed: x_meta.path（出现在添加元信息时）", O::DuplicateMetaPath),
    ("Key: 'Meta.Path' Error:Field validation for 'Path' failed on the 'required' tag", O::MetaPathRequired),
    ("Failed load storage: failed init storage: the site does not allow mounted", O::SiteNotAllowMounted),
    (
        "failed get objs: failed to list objs: Sorry, sharing is not available in the current region",
        O::PikpakShareRegionUnavailable,
    ),
    ("failed get objs: failed to list objs: terabox is not yet available in this are", O::TeraboxRegionUnavailable),
    ("Search not available", O::SearchNotAvailable),
    ("Search not available（出现在构建索引时）", O::SearchNotAvailable),
    (
        "only chinese and english, numbers and underscores are supported, and the length is no more than 50",
        O::BaiduPhotoInvalidName,
    ),
    (
        "failed get objs: failed to list objs: NotFound.FileId:The resource file_id cannot be found. file_id:634e704cefa78f92fefd4c779f7422d820082d041",
        O::FileIdNotFound,
    ),
    ("System error: SyntaxError: Invalid regular expression: /?/: Nothing to repeat", O::UserscriptRegexConflict),
    (
        "Too many unsuccessful sign-in attempts have been made using an incorrect username or password, Try again later.",
        O::TooManySignInAttempts,
    ),
    ("Failed get storage: please add a storage first.", O::StorageNotFound),
    ("Failed get storage: please add a storage first. （添加离线下载内容时）", O::StorageNotFound),
    ("failed get objs: failed to list objs: Unable to retrieve user's mysite URL", O::OnedriveMysiteNotReady),
    ("failed to start: listen tcp 0.0.0.0:5244: bind: address already in use", O::PortInUse),
    ("Request failed with status code 413", O::RequestEntityTooLarge),
    ("failed get objs: failed to list objs: query fail [61008]", O::QueryFail61008),
    (
        "docker logs openlist: FATA[2025-08-12 02:48:46] failed to create config file: open /opt/openlist/data/config.json: permission denied 。",
        O::ConfigFilePermissionDenied,
    ),
    (
        "docker运行时查看日志，出现: FATA[2025-08-12 02:48:46] failed to create config file: open /opt/openlist/data/config.json: permission denied 。",
        O::ConfigFilePermissionDenied,
    ),
];

#[test]
fn every_seed_line_is_recognised() {
    for &(line, expected) in SEED_LINES {
        assert_eq!(O::from_message(line), Some(expected), "{line}");
    }
    // Every FAQ symptom has at least one seed line.
    for err in O::all().filter(|e| e.surface() == "faq") {
        assert!(SEED_LINES.iter().any(|(_, e)| *e == err), "{err:?} has a seed line");
    }
}

#[test]
fn lowercase_wire_form_is_recognised() {
    for &(line, expected) in SEED_LINES {
        assert_eq!(O::from_message(&line.to_lowercase()), Some(expected), "{line}");
        assert_eq!(O::from_message(&line.to_uppercase()), Some(expected), "{line}");
    }
}

#[test]
fn inside_colon_chains_and_log_lines() {
    for &(line, expected) in SEED_LINES {
        let chained = format!("failed get objs: failed to list objs: {}", line.to_lowercase());
        assert_eq!(O::from_message(&chained), Some(expected), "{chained}");
        let logged = format!("ERRO[2025-08-12 02:48:46] {chained}\n");
        assert_eq!(O::from_message(&logged), Some(expected), "{logged}");
        let coloured = format!("\x1b[31mERRO\x1b[0m[0003] {line} \x1b[0m");
        assert_eq!(O::from_message(&coloured), Some(expected), "{coloured}");
        let mangled = format!("[31mERRO[0m[0003] [0m{line}[0m");
        assert_eq!(O::from_message(&mangled), Some(expected), "{mangled}");
        let json_body = format!(r#"{{"code":500,"message":"{}","data":null}}"#, line.to_lowercase());
        assert_eq!(O::from_message(&json_body), Some(expected), "{json_body}");
    }
}

#[test]
fn wording_drift_and_platforms() {
    let cases = [
        ("token is invalidated", O::TokenExpired),
        ("token has invalid claims: token is expired", O::TokenExpired),
        ("storage not found; please add a storage first", O::StorageNotFound),
        ("failed get storage: storage not found; please add a storage first", O::StorageNotFound),
        (
            "failed to start http: listen tcp :5244: bind: Only one usage of each socket address (protocol/network address/port) is normally permitted.",
            O::PortInUse,
        ),
        ("FATA[0000] failed to start: listen tcp [::]:8080: bind: address already in use", O::PortInUse),
        ("failed get objs: failed to list objs: TooManyRequests:Too Many Requests", O::TooManyRequests),
        ("failed to list objs: TooManyRequests7f3a9c2e-1b4d-4e0a-9c1d-2f6b8e0a1c3d", O::TooManyRequests),
        ("failed link: 429 Too Many Requests", O::TooManyRequests),
        (
            r#"Get "https://api.example.com/x": dial tcp 10.0.0.1:443: connectex: No connection could be made because the target machine actively refused it."#,
            O::NetworkError,
        ),
        ("wsarecv: An existing connection was forcibly closed by the remote host.", O::NetworkError),
        ("net/http: request canceled (Client.Timeout exceeded while awaiting headers)", O::NetworkError),
        (
            "Error 1062 (23000): Duplicate entry '/a' for key 'x_storages.idx_x_storages_mount_path'",
            O::DuplicateMountPath,
        ),
        ("Request failed with status code 413 (Request Entity Too Large)", O::RequestEntityTooLarge),
    ];
    for (text, expected) in cases {
        assert_eq!(O::from_message(text), Some(expected), "{text}");
    }
}

#[test]
fn near_misses_are_not_matched() {
    let misses = [
        "",
        "ok",
        "success",
        "no such hostname configured",
        "mTLS handshake timeout",
        "xconnection refused",
        "query fail [61009]",
        "query fail [610080]",
        "Request failed with status code 500",
        "Request failed with status code 4130",
        "listen tcp :5244: bind: address not available",
        "search is not available",
        "the token is fine",
        "refresh_token is present",
        "UNIQUE constraint failed: x_users.username",
        "Field validation for 'Password' failed on the 'required' tag",
        "sharing is available in the current region",
        "terabox is available in this area",
        "NotFound.FileIdentity",
        "NotFound.File",
        "ExceedCapacityForbiddenness",
        "please add a storage",
        "Unable to retrieve user's profile",
        "failed to create config directory",
        "Invalid regular expression: /a+/: Nothing to repeat",
        "Too many sign-in attempts",
        "the site allows mounting",
        "failed get objs: failed to list objs: some new driver error",
        "Too Many Requestsss",
        "dns lookup",
    ];
    for text in misses {
        assert_eq!(O::match_message(text), None, "{text:?}");
    }
}

#[test]
fn the_most_specific_symptom_wins() {
    // A specific symptom outranks a generic one wherever it stands.
    assert_eq!(O::from_message("TooManyRequests then query fail [61008]"), Some(O::QueryFail61008));
    assert_eq!(O::from_message("query fail [61008] then TooManyRequests"), Some(O::QueryFail61008));
    assert_eq!(O::from_message("connection refused; token is expired"), Some(O::TokenExpired));
    assert_eq!(O::from_message("TooManyRequests after connection reset by peer"), Some(O::TooManyRequests));
    // Same rank: the longer pattern wins, then the earlier one.
    assert_eq!(O::from_message("Search not available, ExceedCapacityForbidden"), Some(O::ExceedCapacityForbidden));
    assert_eq!(O::from_message("ForbiddenDriveNotValid ExceedCapacityForbidden"), Some(O::ExceedCapacityForbidden));
    assert_eq!(O::from_message("no such host, connection refused"), Some(O::NetworkError));
    let found = O::match_message("connection refused, then no such host").unwrap();
    assert_eq!(found.pattern(), "connection refused");
    let found = O::match_message("dns lookup failed; dns lookup failed").unwrap();
    assert_eq!(found.span(), 0..17);
}

#[test]
fn values_and_tails() {
    let found = O::match_message(SEED_LINES.iter().find(|(_, e)| *e == O::FileIdNotFound).unwrap().0).unwrap();
    assert_eq!(found.file_id(), Some("634e704cefa78f92fefd4c779f7422d820082d041"));
    assert_eq!(found.value(), Some(SymptomValue::FileId("634e704cefa78f92fefd4c779f7422d820082d041")));
    assert_eq!(found.pattern(), "NotFound.FileId");
    assert_eq!(
        found.tail(),
        Some("NotFound.FileId:The resource file_id cannot be found. file_id:634e704cefa78f92fefd4c779f7422d820082d041")
    );

    let found = O::match_message("failed get objs: failed to list objs: query fail [61008]").unwrap();
    assert_eq!(found.number(), Some(61008));
    assert_eq!(found.tail(), Some("query fail [61008]"));
    assert_eq!((found.port(), found.status(), found.file_id()), (None, None, None));

    let found = O::match_message("Request failed with status code 413").unwrap();
    assert_eq!(found.status(), Some(413));
    assert_eq!(found.tail(), None);

    for (text, port) in [
        ("failed to start: listen tcp 0.0.0.0:5244: bind: address already in use", 5244),
        ("FATA[0000] failed to start: listen tcp [::]:8080: bind: address already in use", 8080),
        ("listen tcp :5245: bind: Only one usage of each socket address (protocol/network address/port)", 5245),
    ] {
        assert_eq!(O::match_message(text).unwrap().port(), Some(port), "{text}");
    }
    // A value the text does not carry is absent, not invented.
    assert_eq!(O::match_message("bind: address already in use").unwrap().port(), None);
    assert_eq!(O::match_message("listen tcp 0.0.0.0:99999: bind: address already in use").unwrap().port(), None);
    assert_eq!(O::match_message("NotFound.FileId").unwrap().file_id(), None);

    // The tail stops at the end of the line.
    let found = O::match_message("failed get objs: failed to list objs: TooManyRequests\nnext line").unwrap();
    assert_eq!(found.tail(), Some("TooManyRequests"));
}

#[test]
fn alist_is_openlist() {
    let err: AListError = O::from_message("Search not available").unwrap();
    assert_eq!(err, O::SearchNotAvailable);
    assert_eq!(err.http_status().as_u16(), 404);
    assert_eq!("alist".parse::<cloud_errcodes::Provider>().unwrap(), cloud_errcodes::Provider::OpenList);
}

#[test]
fn body_statuses() {
    assert_eq!(O::TokenExpired.http_status().as_u16(), 401);
    assert_eq!(O::SearchNotAvailable.http_status().as_u16(), 404);
    assert_eq!(O::TooManySignInAttempts.http_status().as_u16(), 429);
    assert_eq!(O::MountPathRequired.http_status().as_u16(), 400);
    assert_eq!(O::MetaPathRequired.http_status().as_u16(), 400);
    assert_eq!(O::RequestEntityTooLarge.http_status().as_u16(), 413);
    assert_eq!(O::QueryFail61008.http_status().as_u16(), 500);
}

#[test]
fn large_and_hostile_texts() {
    // 1 MiB of wrappers with the symptom at the very end: found, with its tail.
    let mut text = "failed get objs: ".repeat((1 << 20) / 17);
    text.push_str("query fail [61008]");
    let found = O::match_message(&text).unwrap();
    assert_eq!(found.error(), O::QueryFail61008);
    assert_eq!(found.tail(), Some("query fail [61008]"));
    // 1 MiB of the same symptom: the first of the equals wins.
    let text = "no such host ".repeat((1 << 20) / 13);
    assert_eq!(O::match_message(&text).unwrap().span(), 0..12);
    // Multi-byte text and near-pattern noise never panic.
    let text = "失败：".repeat(100_000) + "token is expire";
    assert_eq!(O::from_message(&text), None);
}

proptest! {
    /// Any text: no panic, and a match is one of the symptom's own patterns, found where the
    /// span says, with the tail inside the text.
    #[test]
    fn any_text_matches_only_where_a_pattern_stands(
        prefix in ".{0,40}",
        middle in prop::sample::select(vec!["", "TooManyRequests", "query fail [61008]", "bind: address already in use", "NotFound.FileId", "failed get objs: "]),
        suffix in ".{0,40}",
    ) {
        let text = format!("{prefix}{middle}{suffix}");
        if let Some(found) = O::match_message(&text) {
            let matched = &text[found.span()];
            prop_assert!(found.error().patterns().iter().any(|p| p.eq_ignore_ascii_case(matched)));
            prop_assert_eq!(found.pattern().to_ascii_lowercase(), matched.to_ascii_lowercase());
            prop_assert_eq!(O::from_message(&text), Some(found.error()));
            if let Some(tail) = found.tail() {
                prop_assert!(text.contains(tail));
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = O::match_message(&text);
    }
}

#[test]
fn symptoms_across_the_lowercasing_window_edges_are_found() {
    // The matcher lowercases 4 KiB windows that overlap by the longest pattern: a symptom at
    // any offset around the window edges is found once, at its real position.
    let pattern = "'Storage.MountPath' Error:Field validation for 'MountPath' failed on the 'required' tag";
    for edge in [4096usize, 2 * 4096 - pattern.len(), 3 * 4096] {
        for offset in edge.saturating_sub(pattern.len() + 2)..edge + 3 {
            let text = format!("{} {pattern} ", "x".repeat(offset));
            let found = O::match_message(&text).unwrap_or_else(|| panic!("offset {offset}"));
            assert_eq!(found.error(), O::MountPathRequired);
            assert_eq!(found.span(), offset + 1..offset + 1 + pattern.len(), "offset {offset}");
        }
    }
}

#[test]
fn overlapping_symptoms_do_not_depend_on_position() {
    // Regression: the generic network symptom won at most offsets, the config-file symptom
    // where the text straddled the window overlap; and a first match rejected by the
    // boundary rule hid a valid second one.
    let text = "dns lookup failed to create config file";
    let want = O::from_message("failed to create config file");
    assert!(want.is_some());
    for pad in (0..9000).step_by(7) {
        let padded = format!("{}{text}", "a ".repeat(pad / 2) + if pad % 2 == 1 { " " } else { "" });
        assert_eq!(O::from_message(&padded), want, "at offset {}", padded.len() - text.len());
    }
    assert_eq!(O::from_message("xdns lookup failed to create config file"), want);
    assert_eq!(O::from_message("xdns lookup failed"), None, "the rejected match alone is none");
}

/// Messages the OpenList server returns, as OpenListTeam/OpenList@0b1e9d09 builds them (the
/// wrappers its handlers put in front included), with the body code they travel with.
const SERVER_LINES: &[(&str, u16, O)] = &[
    ("failed get storage: storage not found; rawPath: /movies/2024", 500, O::StorageNotFoundAtPath),
    ("storage status: work with error: storage not init", 500, O::StorageNotInit),
    ("failed get objs: object not found", 500, O::ObjectNotFound),
    ("failed to move: object already exists", 500, O::ObjectAlreadyExists),
    ("not a folder", 500, O::NotFolder),
    ("not a file", 500, O::NotFile),
    ("file exists", 403, O::FileExists),
    ("Guest user is disabled, login please", 401, O::GuestDisabled),
    ("Password has been changed, login please", 401, O::PasswordChanged),
    ("Current user is disabled, replace please", 401, O::UserDisabled),
    ("that's not even a token", 401, O::TokenInvalid),
    ("token not active yet", 401, O::TokenInvalid),
    ("couldn't handle this token", 401, O::TokenInvalid),
    ("Invalid username or password", 401, O::InvalidCredentials),
    ("Invalid 2FA code", 402, O::Invalid2faCode),
    ("You are a guest", 403, O::GuestNotAllowed),
    ("You are not an admin", 403, O::NotAnAdmin),
    ("password is incorrect or you have no permission", 403, O::MetaPasswordRequired),
    ("Current storage doesn't support upload", 405, O::UploadNotSupported),
    ("wrong archive password", 202, O::WrongArchivePassword),
    ("proxy not allowed", 403, O::ProxyNotAllowed),
    ("sign expired", 401, O::LinkSignExpired),
    ("sign invalid", 401, O::LinkSignInvalid),
    ("expire missing", 401, O::LinkSignInvalid),
    ("using relative path is not allowed", 403, O::RelativePathNotAllowed),
    ("failed find user: record not found", 401, O::UserNotFound),
    ("username is empty", 400, O::EmptyCredentials),
    ("cannot delete admin or guest", 400, O::ProtectedUser),
    ("admin or guest user can not be created", 400, O::ProtectedUser),
    ("role can not be changed", 400, O::ProtectedUser),
    ("admin user can not be disabled", 400, O::ProtectedUser),
    ("Guest user can not update profile", 403, O::GuestCannotChangeProfile),
    ("Guest user can not generate 2FA code", 403, O::GuestCannotChangeProfile),
    ("Refresh without permission", 403, O::RefreshWithoutPermission),
    ("Permission denied", 403, O::PermissionDenied),
    ("permission denied", 403, O::PermissionDenied),
    ("invalid file name [../etc]", 400, O::InvalidFileName),
    ("Empty file names", 400, O::InvalidFileName),
    ("system file upload ignored", 403, O::SystemFileIgnored),
    ("multipart upload is disabled", 403, O::MultipartDisabled),
    ("multipart upload requires a valid X-File-Size header", 400, O::MultipartBadRequest),
    ("multipart upload requires a positive X-File-Size; upload empty files via /fs/put", 400, O::MultipartBadRequest),
    ("invalid X-Chunk-Index header", 400, O::MultipartBadRequest),
    ("status lookup requires upload_id, or path and size", 400, O::MultipartBadRequest),
    ("chunk is out of the receiving window", 429, O::ChunkOutOfWindow),
    ("chunk is being uploaded by another request", 409, O::ChunkInFlight),
    ("multipart upload session not found", 404, O::MultipartSessionNotFound),
    ("multipart upload session belongs to another user", 403, O::MultipartSessionNotOwner),
    ("failed get objs: not implement", 500, O::NotImplemented),
    (
        "upload/download stream incomplete, possible network issue: error uploading to baidu, response=",
        500,
        O::StreamIncomplete,
    ),
    ("unknown archive format", 500, O::UnknownArchiveFormat),
    ("driver extraction not supported", 500, O::DriverExtractionNotSupported),
    ("malformed link", 400, O::MalformedLink),
    ("build index is running, please try later", 400, O::IndexIsRunning),
    ("index is running", 400, O::IndexIsRunning),
    ("index is not running", 400, O::IndexNotRunning),
    ("manual scan is not running", 400, O::IndexNotRunning),
    ("update is not supported for current index", 400, O::IndexUpdateNotSupported),
    ("task not found", 404, O::TaskNotFound),
    ("storage does not exists", 400, O::OfflineDownloadStorageMissing),
    (
        "unsupported storage driver for offline download, only PikPak is supported",
        400,
        O::OfflineDownloadDriverUnsupported,
    ),
    ("invalid share id", 400, O::InvalidShareId),
    ("sharing not found", 404, O::ShareNotFound),
    ("the share has expired or is no longer valid", 500, O::ShareExpired),
    ("wrong share code", 403, O::WrongShareCode),
    ("sharing archives previewing is not allowed", 403, O::ShareArchivePreviewNotAllowed),
    ("must add at least 1 object", 400, O::ShareWithoutFiles),
    ("no such a user", 400, O::ShareCreatorNotFound),
    ("S3 server is not enabled", 403, O::FeatureNotEnabled),
    ("MCP server is not enabled", 403, O::FeatureNotEnabled),
    ("WebAuthn is not enabled", 403, O::FeatureNotEnabled),
    ("Single sign-on is not enabled", 403, O::FeatureNotEnabled),
    ("ldap is not enabled", 403, O::FeatureNotEnabled),
    ("login via ldap is not allowed", 403, O::FeatureNotEnabled),
    ("S3 server bound to single port", 403, O::S3OnOwnPort),
    ("incorrect or expired state parameter", 400, O::SsoStateInvalid),
    ("no id_token found in oauth2 token", 400, O::SsoStateInvalid),
    ("cannot get username from OIDC provider", 400, O::SsoStateInvalid),
    ("provided key invalid", 400, O::SshKeyInvalid),
    (
        "Key: 'FsListReq.Path' Error:Field validation for 'Path' failed on the 'required' tag",
        400,
        O::RequestValidationFailed,
    ),
];

/// Messages of AlistGo/alist@843d9dc8 where they differ from OpenList's, with their body code.
const ALIST_LINES: &[(&str, u16, O)] = &[
    ("username or password is incorrect", 400, O::AlistInvalidCredentials),
    ("Loading storage, please wait", 500, O::AlistLoadingStorage),
    ("share is expired", 410, O::AlistShareGone),
    ("share has been consumed", 410, O::AlistShareGone),
];

/// Texts OpenList's storage drivers return (OpenListTeam/OpenList@0b1e9d09 drivers/), as the
/// server wraps them (`failed get objs: failed to list objs: `, `failed init storage: `).
const DRIVER_LINES: &[(&str, O)] = &[
    ("failed init storage: failed to refresh token: refresh token is invalid", O::RefreshTokenFailed),
    (
        "failed init storage: empty token returned from official API, a wrong refresh token may have been used",
        O::EmptyTokenFromApi,
    ),
    ("failed get objs: failed to list objs: driver not init", O::DriverNotInit),
    ("failed init storage: need verify: \nhttps://open.e.189.cn/qr", O::DriverNeedsVerification),
    ("failed init storage: empty captchaToken", O::CaptchaTokenEmpty),
    ("failed get objs: failed to list objs: acw_sc__v2 validation error", O::LanzouAcwValidation),
    ("there is a conflict with the target object", O::Cloud189Conflict),
    ("rapid upload fail", O::Cloud189RapidUploadFailed),
    ("the destination folder is a subfolder of the source folder", O::MoveIntoSubfolder),
    ("only write in mfs mode", O::IpfsWriteNeedsMfs),
    ("failed get objs: failed to list objs: terabox is not yet available in this area", O::TeraboxRegionUnavailable),
];

#[test]
fn alist_and_driver_messages_are_recognised() {
    for &(message, code, expected) in ALIST_LINES {
        assert_eq!(O::from_message(message), Some(expected), "{message}");
        assert_eq!((expected.surface(), expected.http_status().as_u16()), ("server", code), "{message}");
        assert!(expected.provenance().starts_with("AlistGo/alist@843d9dc8 "), "{message}");
    }
    for &(message, expected) in DRIVER_LINES {
        assert_eq!(O::from_message(message), Some(expected), "{message}");
        assert!(expected.provenance().contains("OpenListTeam/OpenList@0b1e9d09 drivers/"), "{message}");
    }
}

#[test]
fn a_body_code_other_than_the_catalogue_status_is_kept() {
    use http::{HeaderMap, StatusCode};
    // The offline-download handlers send `storage not init: <status>` with 400, where the
    // catalogue (after internal/op) says 500: the body's code describes this response.
    let body = br#"{"code":400,"message":"storage not init: work with error","data":null}"#;
    let err = O::check_parts(StatusCode::OK, &HeaderMap::new(), body).expect_err("a failure");
    assert_eq!(err.code(), Some(O::StorageNotInit));
    assert_eq!(O::StorageNotInit.http_status().as_u16(), 500);
    assert_eq!(err.http_status().as_u16(), 400);
}

#[test]
fn server_messages_are_recognised_with_their_body_code() {
    use http::{HeaderMap, StatusCode};
    for &(message, code, expected) in SERVER_LINES {
        assert_eq!(O::from_message(message), Some(expected), "{message}");
        assert_eq!((expected.surface(), expected.http_status().as_u16()), ("server", code), "{message}");
        assert!(expected.provenance().starts_with("OpenListTeam/OpenList@0b1e9d09 "), "{message}");
        // As the API sends it: HTTP 200, the real status in the body.
        let body = format!(r#"{{"code": {code}, "message": {message:?}, "data": null}}"#);
        let err = O::check_parts(StatusCode::OK, &HeaderMap::new(), body.as_bytes()).expect_err(message);
        assert_eq!((err.code(), err.http_status().as_u16()), (Some(expected), code), "{message}");
    }
}

#[test]
fn storage_not_found_is_two_situations() {
    // No storage at all (the root): add one. Storages exist, none at this path: check the path.
    assert_eq!(
        O::from_message("failed get storage: storage not found; please add a storage first"),
        Some(O::StorageNotFound)
    );
    assert_eq!(O::from_message("failed get storage: storage not found; rawPath: /a/b"), Some(O::StorageNotFoundAtPath));
    assert_ne!(
        O::StorageNotFound.solution(cloud_errcodes::Lang::En),
        O::StorageNotFoundAtPath.solution(cloud_errcodes::Lang::En)
    );
}

#[test]
fn the_old_storage_wording_is_told_apart_by_its_path() {
    // AList up to v3.11 said `can't find storage with rawPath: %s` for every path
    // (AlistGo/alist@ee77c3b1^ internal/op/path.go): the root means no storage at all, any
    // other path one outside every storage.
    for root in [
        "failed get storage: can't find storage with rawPath: /",
        "Failed get storage: can't find storage with rawPath: /",
        r#"{"code":500,"message":"can't find storage with rawPath: /","data":null}"#,
        "ERRO[0003] can't find storage with rawPath: / while listing",
    ] {
        assert_eq!(O::from_message(root), Some(O::StorageNotFound), "{root}");
    }
    for elsewhere in [
        "failed get storage: can't find storage with rawPath: /movies",
        "can't find storage with rawPath: //double",
        "can't find storage with rawPath: /.hidden",
        "can't find storage with rawPath: /电影",
    ] {
        assert_eq!(O::from_message(elsewhere), Some(O::StorageNotFoundAtPath), "{elsewhere}");
    }
}
