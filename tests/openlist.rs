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
    ), // The server symptoms added from OpenListTeam/OpenList@0b1e9d09 server/ and internal/,
    // as the handlers send them.
    ("not support", 500, O::NotSupported),
    ("failed get objs: empty token", 500, O::EmptyToken),
    ("user invalid", 401, O::UserInvalid),
    ("request invalid", 400, O::InvalidRequestParameters),
    ("invalid request format", 400, O::InvalidRequestParameters),
    ("user id format invalid", 400, O::InvalidRequestParameters),
    ("failed to get public key", 404, O::SshKeyNotFound),
    ("key with the same title already exists", 500, O::SshKeyDuplicateTitle),
    ("invalid platform", 400, O::SsoBadRequest),
    ("No code provided", 400, O::SsoBadRequest),
    ("error occurred", 400, O::SsoUserIdMissing),
    ("oidc: malformed jwt, expected 3 parts got 1", 400, O::SsoMalformedJwt),
    ("cannot get username from SSO provider", 400, O::ExternalLoginNoUsername),
    (
        "failed to connect to LDAP: LDAP Result Code 200 \"Network Error\": dial tcp 10.0.0.2:389: i/o timeout",
        500,
        O::LdapUnreachable,
    ),
    ("failed to bind to LDAP: LDAP Result Code 49 \"Invalid Credentials\": ", 500, O::LdapMisconfigured),
    ("failed login ldap: LDAP search failed: LDAP Result Code 32 \"No Such Object\": ", 500, O::LdapMisconfigured),
    ("failed login ldap: user does not exist or too many entries returned", 500, O::LdapUserNotFound),
    ("failed to auth: LDAP Result Code 49 \"Invalid Credentials\": ", 400, O::LdapWrongPassword),
    ("user is not allowed to access via SFTP", 403, O::FtpSftpAccessDenied),
    ("only guest is allowed to login without authorization", 403, O::FtpSftpAccessDenied),
    ("public key refused", 401, O::SftpPublicKeyRefused),
    ("server has shutdown", 503, O::FtpServerShutdown),
    ("TLS config not provided", 500, O::FtpTlsMisconfigured),
    ("the number of exposed ports and listened ports does not match", 500, O::FtpPassivePortsInvalid),
    ("upload path conflict", 500, O::FtpUploadConflict),
    ("failed make stage for [/movies/a.mkv]: open /tmp/ftp: no space left on device", 500, O::FtpUploadStageFailed),
    ("failed to parse PEM block containing the key", 500, O::SftpHostKeyInvalid),
    ("cannot get sharing root link", 500, O::ShareRootHasSeveralFiles),
    ("failed get sharing unwrap path", 500, O::ShareLookupFailed),
    ("permission denied to share path [/private]", 500, O::SharePathNotPermitted),
    ("share id must be at most 64 characters", 400, O::InvalidShareId),
    ("a(b is illegal: error parsing regexp: missing closing ) in `a(b`", 400, O::MetaRuleInvalid),
    ("the remote storage driver need to be enhanced to support s3", 500, O::S3DriverUnsupported),
    ("webdav: no such lock", 423, O::WebdavLocked),
    ("webdav: invalid depth", 400, O::WebdavBadRequest),
    ("webdav: directory not empty", 409, O::WebdavDirectoryConflict),
    ("webdav: no lock system", 500, O::WebdavNotConfigured),
    ("webdav proxy error: failed get link: unexpected EOF", 500, O::WebdavProxyError),
    ("解析 torrent 失败: bencode: syntax error", 400, O::TorrentInvalid),
    ("torrent 文件过大（最大 10MB）", 400, O::TorrentTooLarge),
    ("不支持为目录生成 torrent", 400, O::TorrentNotSupportedHere),
    ("获取文件链接失败: failed get link: object not found", 500, O::TorrentStepFailed),
    ("meta not found", 500, O::MetaNotFound),
    ("failed get storage: storage not found", 500, O::StorageNotFoundSentinel),
    ("StreamPeekFail", 500, O::StreamPeekFailed),
    ("driver cannot be changed", 500, O::DriverCannotBeChanged),
    ("no mount path for an storage is: /movies", 500, O::StorageNotLoaded),
    ("ref: storage is not 189 Cloud PC", 500, O::StorageReferenceWrongDriver),
    ("filename illegal", 500, O::OfflineDownloadFilenameIllegal),
    ("this storage have disabled", 500, O::StorageAlreadyInState),
    ("failed get driver new: no driver named: Quqi", 500, O::DriverNotFound),
    ("delete root folder is not allowed", 500, O::RootFolderProtected),
    ("copy in place", 500, O::MoveInPlace),
    ("manual scan is running, please try later", 400, O::ManualScanRunning),
    ("multipart upload session expired", 400, O::MultipartSessionExpired),
    ("multipart upload window closed", 400, O::MultipartWindowClosed),
    ("password is incorrect", 400, O::WrongPassword),
    ("superseded by a new upload of the same path and size", 400, O::MultipartSuperseded),
    ("multipart upload aborted by client", 400, O::MultipartAborted),
    ("upload attempt failed, resend from chunk 0 to retry: failed to put: EOF", 400, O::MultipartResendFromStart),
    ("chunk 3 content changed between attempts, aborting", 400, O::MultipartChunkChanged),
    ("cannot complete: 5242880 of 10485760 bytes received", 400, O::MultipartIncomplete),
    ("chunk index 12 out of range [0,10)", 400, O::MultipartChunkInvalid),
    ("upload failed (failed): failed to put: quota exceeded", 400, O::MultipartFailed),
    (
        "failed link: Get \"http://169.254.169.254/latest/meta-data\": access to cloud metadata endpoint is not allowed",
        500,
        O::CloudMetadataBlocked,
    ),
    ("failed link: Get \"https://example.com/a\": stopped after 10 redirects", 500, O::TooManyRedirects),
    (
        "Get \"https://dl.example.com/a\": failed to resolve host: dl.example.com: lookup dl.example.com: i/o timeout",
        500,
        O::HostUnresolvable,
    ),
    ("expect file size=10 unmatch remote report size=12, need refresh cache", 500, O::FileSizeMismatch),
    ("the task has been deleted", 500, O::OfflineDownloadTaskDeleted),
    ("failed get offline download tool: tool aria2 not found", 500, O::OfflineDownloadToolNotFound),
    (
        "ed2k protocol is not supported by aria2. Please configure and use Thunder/ThunderX/ThunderBrowser for ed2k links",
        400,
        O::OfflineDownloadProtocolUnsupported,
    ),
    (
        "remote transmission RPC version (v14) is incompatible with the transmission library (v15): remote needs at least v16",
        500,
        O::TransmissionRpcIncompatible,
    ),
    ("GuangYaPan temp dir is not set", 500, O::OfflineDownloadTempDirUnset),
    ("failed to get status of 4a9f1c2e, retried 6 times", 500, O::OfflineDownloadStatusLost),
    ("[qBittorrent] failed to download movie.mkv, error: missingFiles", 500, O::OfflineDownloadFailed),
    (
        "GuangYaPan offline download only supports GuangYaPan destination storage",
        400,
        O::OfflineDownloadDriverUnsupported,
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

/// Driver messages as users paste them (the server's wrappers included), one or more for each
/// `driver` symptom added from OpenListTeam/OpenList@0b1e9d09 drivers/ and the OpenList and
/// AList issue trackers; a comment names the thread whose bytes a line copies.
const DRIVER_WIRE_LINES: &[(&str, O)] = &[
    // Aliyun Drive
    // AlistGo/alist#4475 (the log line)
    ("failed get objs: failed to list objs: AccessTokenExpired:token expired", O::AliyunAccessTokenExpired),
    // AlistGo/alist#4465
    ("Failed init storage:TokenExpired:token expired", O::AliyunAccessTokenExpired),
    // AlistGo/alist#2472
    (
        "failed link: failed get link: ForbiddenNoPermission.File:No Permission to access resource File",
        O::AliyunNoFilePermission,
    ),
    ("failed init storage: not a jwt token because of invalid segments", O::AliyunRefreshTokenNotJwt),
    ("failed init storage: failed to refresh token: sub not match", O::AliyunRefreshTokenOtherAccount),
    // AlistGo/alist#4465
    (
        "failed get objs: failed to list objs: TokenVerifyFailed:The token was expected to have 3 parts, but got 1.",
        O::AliyunTokenVerifyFailed,
    ),
    // sbwml/luci-app-alist#74
    (
        "Failed load storage: failed init storage: failed to refresh token: You should use the token that request with aliyundrive open insted of aliyundrive",
        O::AliyunTokenForWrongApp,
    ),
    // AlistGo/alist#9229
    ("failed init storage: failed to refresh token: invalid client_secret", O::AliyunInvalidClientSecret),
    // AlistGo/alist#8114
    (
        "failed get objs: failed to list objs: UserNotAllowedAccessDrive:user not allowed access drive",
        O::AliyunUserNotAllowedAccessDrive,
    ),
    // AlistGo/alist#5551
    (
        r#"{"code":500,"message":"failed link: failed get link: UserNotAllowedAccessResource:user not allowed access resource for violation","data":null}"#,
        O::AliyunUserNotAllowedAccessResource,
    ),
    // Baidu
    ("failed to put: empty files are not allowed by baidu netdisk", O::BaiduEmptyFile),
    // AlistGo/alist#5262
    (
        "failed get objs: failed to list objs: req: [https://pan.baidu.com/rest/2.0/xpan/nas] ,errno: -6, refer to https://pan.baidu.com/union/doc/",
        O::BaiduErrno,
    ),
    // OpenListTeam/OpenList#2413 (the UI's capital R)
    (
        "Req: [https://pan.baidu.com/rest/2.0/xpan/file] ,errno: 12, refer to https://pan.baidu.com/union/doc/",
        O::BaiduErrno,
    ),
    (
        "failed get objs: failed to list objs: errno: 50100, refer to https://photo.baidu.com/union/doc",
        O::BaiduPhotoErrno,
    ),
    ("failed to put: file size cannot be zero", O::BaiduPhotoEmptyFile),
    ("failed to make dir: illegal title, only supports 50 characters", O::BaiduPhotoTitleTooLong),
    // AlistGo/alist#1091
    (
        "Failed init storage: invalid_request : invalid refresh token, lifetime changed",
        O::BaiduRefreshTokenLifetimeChanged,
    ),
    // AlistGo/alist#9558
    ("failed get objs: failed to list objs: expired_token : refresh token has been used", O::BaiduRefreshTokenUsed),
    // AlistGo/alist#8148
    (
        "ERRO[2025-03-15 19:32:02] failed get objs: failed to list objs: Trigger security policy : Please try again later",
        O::BaiduSecurityPolicy,
    ),
    ("failed to put: uploadid expired", O::BaiduUploadIdExpired),
    // 189
    // AlistGo/alist#9218
    ("failed init storage: login failed,No toUrl obtained, msg: 图形验证码错误，请重新输入", O::Cloud189CaptchaWrong),
    ("failed init storage: failed to obtain verification code", O::Cloud189CaptchaFetchFailed),
    // OpenListTeam/OpenList#121
    ("状态: login failed,No toUrl obtained, msg: 设备ID不存在，需要二次设备校验", O::Cloud189DeviceLock),
    ("failed init storage: cannot get automatically,please input family_id", O::Cloud189FamilyIdRequired),
    (
        r#"failed init storage: need img validate code: <img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAFAAAAAe"/>"#,
        O::Cloud189ImageCodeRequired,
    ),
    ("failed init storage: login failed,No toUrl obtained, msg: 帐号或密码错误", O::Cloud189LoginFailed),
    ("failed init storage: QR code expired, please try again", O::Cloud189QrExpired),
    (
        "failed get objs: failed to list objs: QR code session has expired, please re-scan the code to log in",
        O::Cloud189QrExpired,
    ),
    ("failed init storage: QR code login failed with status -106: 二维码已失效", O::Cloud189QrLoginFailed),
    (
        r#"failed init storage: failed to generate QR code: Post "https://open.e.189.cn/api/logbox/oauth2/getUUID.do": context deadline exceeded"#,
        O::Cloud189QrUnavailable,
    ),
    ("failed init storage: uuidInfo is empty", O::Cloud189QrUnavailable),
    (
        "failed get objs: failed to list objs: refresh token failed after maximum retries",
        O::Cloud189RefreshRetriesExhausted,
    ),
    // AlistGo/alist#6992
    (
        "serve s3: code: InvalidSessionKey ,msg: sessionKey=bf6efc95-7a9c-4f5a-8d2b-1963d7415e45_family,invalid sessionKey",
        O::Cloud189SessionInvalid,
    ),
    // AlistGo/alist#1552
    (
        "failed get objs: failed to list objs: userSessionBO is null or fail to get sessionsecret by sessionkey",
        O::Cloud189SessionInvalid,
    ),
    ("failed get objs: failed to list objs: session expired after retry", O::Cloud189SessionInvalid),
    ("failed init storage: E189AccessToken is empty", O::Cloud189TvTokenEmpty),
    // 115
    ("failed init storage: account not binds mobile", O::Cloud115AccountNeedsMobile),
    ("failed init storage: failed to login by cookies: bad cookie", O::Cloud115CookieLoginFailed),
    ("failed init storage: missing cookie or qrcode account", O::Cloud115CredentialsMissing),
    ("failed link: failed get link: target file does not exist or has deleted", O::Cloud115FileGone),
    ("failed link: failed get link: target file is too big to download", O::Cloud115FileTooBigToDownload),
    (
        "failed get objs: failed to list objs: you have been kicked out by multi-device login management",
        O::Cloud115KickedOut,
    ),
    // AlistGo/alist#7739
    (
        r#"failed get objs: failed to list objs: {"state":false,"error":"登录超时，请重新登录。","errNo":990001,"request":"\/files?aid=1&asc=1&cid=0&fc_mix=0&format=json&limit=1150&natsort=0&o=user_ptime&offset=0&record_open_time=1&show_dir=1&snap=0"}: user not login"#,
        O::Cloud115NotLoggedIn,
    ),
    // SheltonZhu/115driver#46
    (
        "ERRO[2025-03-04 18:36:05] failed link /115/Tuning/01_Wonderman_(feat._Ellie_Goulding).m4a: user not login",
        O::Cloud115NotLoggedIn,
    ),
    (
        "failed to add offline download task: offline download quota has been used up, you can purchase a VIP experience or upgrade to VIP service to get more quota",
        O::Cloud115OfflineQuotaUsedUp,
    ),
    ("failed init storage: failed to login by qrcode: qrcode expired", O::Cloud115QrcodeExpired),
    (
        r#"failed init storage: failed to login by qrcode: Post "https://qrcodeapi.115.com/app/1.0/web/1.0/login/qrcode": EOF"#,
        O::Cloud115QrcodeLoginFailed,
    ),
    ("failed get objs: failed to list objs: shared link invalid", O::Cloud115ShareInvalid),
    ("failed init storage: failed to login by qrcode: requires two-step verification", O::Cloud115TwoStepVerification),
    ("failed to put: upload reach the limit", O::Cloud115UploadLimit),
    // 123
    ("failed get objs: failed to list objs: Authentication expired", O::Pan123OpenAuthExpired),
    (
        "failed init storage: init get access token error: invalid token payload from developer API",
        O::Pan123OpenBadTokenAnswer,
    ),
    (
        "failed init storage: init get access token error: empty access_token or refresh_token returned from official API",
        O::Pan123OpenEmptyTokens,
    ),
    (
        "failed init storage: init get access token error: get access token failed: clientID或clientSecret错误",
        O::Pan123OpenGetTokenFailed,
    ),
    (
        "failed init storage: init get access token error: no valid authentication method available",
        O::Pan123OpenNoCredentials,
    ),
    ("failed to put: upload complete timeout", O::Pan123OpenUploadTimeout),
    // 139
    // AlistGo/alist#8593
    ("failed get objs: failed to list objs: 无接口权限,服务器拒绝执行", O::Yun139ApiWithdrawn),
    ("failed init storage: authorization has expired", O::Yun139AuthorizationExpired),
    ("failed init storage: authorization is invalid, splits < 3", O::Yun139AuthorizationInvalid),
    (
        "failed init storage: authorization decode failed: illegal base64 data at input byte 5",
        O::Yun139AuthorizationInvalid,
    ),
    ("failed init storage: FamilyCloudHost is empty", O::Yun139CloudHostMissing),
    ("failed init storage: authorization is empty and username/password is not provided", O::Yun139CredentialsMissing),
    ("failed init storage: login with password failed: RMKEY not found in MailCookies", O::Yun139MailCookieIncomplete),
    (
        r#"failed init storage: login with password failed: step1 login request failed: Post "https://mail.10086.cn/Login/Login.ashx": EOF"#,
        O::Yun139PasswordLoginFailed,
    ),
    (
        "failed init storage: login with password failed: failed to extract sid or cguid from login response",
        O::Yun139PasswordLoginFailed,
    ),
    ("failed link: failed get link: 139 share download requires account authentication", O::Yun139ShareNeedsAccount),
    // Lanzou
    (
        r#"failed init storage: failed to login: token is empty, resp: {"code":-1,"msg":"密码错误"}"#,
        O::IlanzouLoginTokenEmpty,
    ),
    ("failed get objs: failed to list objs: cookie expiration", O::LanzouCookieExpired),
    // OpenListTeam/OpenList#789
    (
        r#"{"code":500,"message":"failed link: failed get link: not find file page param","data":null}"#,
        O::LanzouDownloadPageUnreadable,
    ),
    ("failed link: failed get link: not find file sign", O::LanzouDownloadPageUnreadable),
    ("failed link: failed get link: file sharing cancellation", O::LanzouShareCancelled),
    // AlistGo/alist#9229
    ("failed init storage: uid variable not find", O::LanzouUidNotFound),
    // TeraBox
    // AlistGo/alist#6850
    (
        "Failed init storage but storage is already created: failed init storage: failed to check login status according to cookie",
        O::TeraboxCookieLoginFailed,
    ),
    // AlistGo/alist#7279
    (
        r#"jsToken not found, html: <!DOCTYPE html> <html> <head> <meta charset="utf-8"> <title>TeraBox - Free Cloud Storage Up To 1 TB, Send Large Files Online</title>"#,
        O::TeraboxJsTokenMissing,
    ),
    // PikPak and Thunder
    ("failed init storage: username or password is empty", O::PikpakCredentialsEmpty),
    (
        "failed get objs: failed to list objs: refresh_token invalid, please re-provide refresh_token",
        O::PikpakRefreshTokenInvalid,
    ),
    // AlistGo/with_aria2#14
    (
        r#"failed get objs: failed to list objs: oauth2: "invalid_grant" "invalid refresh token for it may be has been refreshed by other process, more info redis: nil, RefreshToken"#,
        O::PikpakRefreshTokenReused,
    ),
    (
        r#"Failed init storage: <div style="font-family: Arial, sans-serif; padding: 15px;"><h3><span style="font-size: 16px;">🔒 本次登录需要验证</span><br><span>This login requires verification</span></h3>"#,
        O::ThunderLoginReview,
    ),
    ("failed get objs: failed to list objs: SafePassword is incorrect ", O::ThunderSafePasswordIncorrect),
    // OpenListTeam/OpenList#1007
    (
        "Failed init storage: ErrorCode: 0 ,Error: user_not_exist,ErrorDescription: Account does not exist. Please registerfirst",
        O::XbaseAccountNotFound,
    ),
    // AlistGo/alist#8288
    (
        r#"Failed init storage: ErrorCode: 4002 ,Error: captcha_invalid ,ErrorDescription: client_id:"Xp6vsxz_7IYVw2BB" meta:{key:"phone_number" value:"+86 191xxxxxx"} meta:{key:"result" value:"review"} result:review"#,
        O::XbaseCaptchaInvalid,
    ),
    // loognsss/blist#1
    (
        "Failed init storage: ErrorCode: 4022 ,Error: invalid_account_or_password ,ErrorDescription: verification failed",
        O::XbaseInvalidAccountOrPassword,
    ),
    // OpenListTeam/OpenList#2571
    (
        "ERRO[2026-06-03 05:18:15] failed get enabled storages: ErrorCode: 0 ,Error: shield_reject ,ErrorDescription: Operation too frequent. Please try again later.",
        O::XbaseShieldReject,
    ),
    // Quark, UC
    (
        "failed init storage: local refresh token logic is not implemented yet, please use online API or contact the developer",
        O::QuarkOpenLocalRefreshUnsupported,
    ),
    // AlistGo/alist#5777
    (
        "[31mERRO[0m[2024-01-01 23:51:30] failed load storage: failed init storage: require login [guest] ",
        O::QuarkRequireLogin,
    ),
    // AlistGo/alist#6348
    ("failed get objs: failed to list objs: token [st invalid]", O::QuarkTokenStInvalid),
    // Google
    // AlistGo/alist#8518
    (
        "failed get objs: failed to list objs: Request had insufficient authentication scopes.: []",
        O::GoogleInsufficientScopes,
    ),
    // shared by several drivers
    ("failed init storage: empty ClientID or ClientSecret", O::EmptyClientCredentials),
    ("failed init storage: oauth2: cannot fetch token", O::OauthCannotFetchToken),
    ("failed get objs: failed to list objs: invalid_grant", O::OauthInvalidGrant),
    // AlistGo/alist#8108
    (
        "failed init storage: failed to refresh token: refresh token is empty, resp: 404 page not found",
        O::RefreshTokenNotReturned,
    ),
    (
        "failed get objs: failed to list objs: request failed,code: 500, message: storage not found; please add a storage first",
        O::StorageNotFound,
    ),
    (
        "failed get objs: failed to list objs: request failed,code: 401, message: guest user is disabled, login please",
        O::GuestDisabled,
    ),
    (
        "failed get objs: failed to list objs: request failed,code: 500, message: failed get objs: failed to list objs: some remote driver error",
        O::RemoteOpenlistRequestFailed,
    ),
    ("failed to put: Too many parts, please increase part size", O::UploadTooManyParts),
    // smaller drivers
    ("failed init storage: can not get captcha", O::CloudreveCaptchaUnavailable),
    (
        "failed init storage: cannot login to get refresh token, error: Wrong password or email address",
        O::CloudreveV4LoginFailed,
    ),
    ("failed init storage: no way to authenticate. At least AccessToken is required", O::CloudreveV4NoCredentials),
    (
        "failed init storage: invalid refresh token: invalid token length: 1, ensure the token is a valid JWT",
        O::CloudreveV4TokenNotJwt,
    ),
    (
        "failed init storage: failed to initialize token: login rate limited (429), please try again later",
        O::DegooLoginRateLimited,
    ),
    ("failed init storage: failed to initialize token: login failed, no valid token returned", O::DegooLoginFailed),
    ("failed init storage: [doubao_new] missing auth additions, please fill them all", O::DoubaoNewAuthIncomplete),
    (
        "failed get objs: failed to list objs: static dpop token expired or near expiry; configure dpop_key_pair for automatic refresh",
        O::DoubaoNewDpopExpired,
    ),
    ("failed init storage: emby auth failed: status=401 body=Error processing request.", O::EmbyAuthFailed),
    (
        "failed init storage: login failed: provide a valid access_token, or refresh_token, or phone_number + verify_code + captcha_token",
        O::GuangyapanNoCredentials,
    ),
    (
        "failed init storage: Init :: [MediaFire] {critical} failed to get session token from cookie: empty session token received",
        O::MediafireSessionFailed,
    ),
    ("failed init storage: please enter the SMS code", O::MopanSmsCodeRequired),
    (
        "failed get objs: failed to list objs: password protected link. Please provide password",
        O::OnedriveSharelinkPasswordRequired,
    ),
    ("failed init storage: failed to unlock user keys", O::ProtonDriveUnlockFailed),
    ("failed get objs: failed to list objs: library password is incorrect", O::SeafileLibraryPassword),
    ("failed init storage: cookie must start with 'access_token='", O::TeldriveCookieFormat),
    (
        r#"failed init storage: get token failed: {"non_field_errors":["Unable to login with provided credentials."]}"#,
        O::TokenServiceLoginFailed,
    ),
    (
        r#"failed init storage: failed to check login status, status code: 401, body: {"result":"userNotLogin"}"#,
        O::WpsLoginCheckFailed,
    ),
];

/// Texts that share words with a driver symptom but are not it: each with what must be found
/// instead (`None` for nothing).
const DRIVER_NEAR_MISSES: &[(&str, Option<O>)] = &[
    ("failed get objs: failed to list objs: AccessTokenInvalid:AccessToken is invalid", None),
    ("RefreshTokenExpiredAt is in the past", None),
    ("ForbiddenNoPermission.Folder:No Permission to access resource Folder", None),
    ("not a jwt token", None),
    ("the subscription does not match the plan", None),
    ("jwt: token verification failed: signature is invalid", None),
    ("You should use the token that request with aliyundrive", None),
    ("invalid client_secrets.json file", None),
    ("failed get objs: failed to list objs: the user is not allowed to access this drive", None),
    ("UserNotAllowed", None),
    ("empty files are not allowed", None),
    ("see https://pan.baidu.com/union/doc/ for the errno list", None),
    ("refer to https://photo.baidu.com/union/document", None),
    ("file size cannot be zeroed", None),
    ("only supports 50 characters", None),
    ("invalid refresh token", None),
    ("refresh token has been saved", None),
    ("security policy updated", None),
    ("the uploadid has expired, retry the upload", None),
    ("图形验证码", None),
    ("failed to obtain verification codes list", None),
    ("设备ID不存在", None),
    ("please input family_name", None),
    ("need image validate", None),
    ("login failed, retrying", None),
    ("QR code expired", None),
    ("QR code login failed", None),
    ("failed to generate QR codes", None),
    ("refresh token failed after retries", None),
    ("InvalidSessionKeyword", None),
    ("session expired", None),
    ("E189AccessToken is set", None),
    ("account binds mobile", None),
    ("failed to login by password", None),
    ("missing cookie", None),
    ("target file does not exist", None),
    ("target file is too big", None),
    ("kicked out", None),
    ("user not logged in yet", None),
    ("offline download quota has been renewed", None),
    ("failed init storage: QR code expired, please try again", Some(O::Cloud189QrExpired)),
    ("requires two-step", None),
    ("upload reached the limit", None),
    ("shared link invalidated", None),
    ("Authentication failed: expired certificate", None),
    ("invalid token payload", None),
    ("empty access_token returned from official API", None),
    ("get access token", None),
    ("no valid authentication method", None),
    ("upload complete", None),
    ("无接口权限", None),
    ("authorization has been revoked", None),
    ("authorization is valid", None),
    ("CloudHost is empty", None),
    ("authorization is empty", None),
    ("RMKEY not found", None),
    ("login with password succeeded", None),
    ("139 share download", None),
    ("failed to login: token is valid", None),
    ("failed get objs: failed to list objs: cookie expired", None),
    ("not find file", None),
    ("file sharing cancellations", None),
    ("uid variable", None),
    ("failed to check login status", None),
    ("jsToken found", None),
    ("username is empty", Some(O::EmptyCredentials)),
    ("refresh_token invalid", None),
    ("has been refreshed by another process", None),
    ("This login requires", None),
    ("SafePassword is correct", None),
    ("user_not_existing", None),
    ("captcha_invalidated", None),
    ("invalid_account", None),
    ("shield_rejected", None),
    ("local refresh token logic", None),
    ("require login", None),
    ("token [st valid]", None),
    ("insufficient authentication", None),
    ("empty ClientID", None),
    ("oauth2: token fetched", None),
    ("invalid_grants", None),
    ("refresh token is emptied", None),
    ("request failed, code: 500", None),
    ("Too many parts", None),
    ("can not get captchas", None),
    ("cannot login", None),
    ("no way to authenticate", None),
    ("ensure the token is valid", None),
    ("login rate limited", None),
    ("login failed, no token", None),
    ("missing auth additions", None),
    ("static dpop token", None),
    ("emby auth", None),
    ("provide a valid access_token", None),
    ("failed to get session token", None),
    ("please enter the SMS", None),
    ("password protected link", None),
    ("failed to unlock user", None),
    ("library password is incorrectly", None),
    ("password is incorrect", Some(O::WrongPassword)),
    ("cookie must start", None),
    ("get token failedOver", None),
    ("failed to check login status, status", None),
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
fn driver_messages_are_recognised_in_the_forms_users_paste() {
    use http::{HeaderMap, StatusCode};
    for &(line, expected) in DRIVER_WIRE_LINES {
        assert_eq!(O::from_message(line), Some(expected), "{line}");
        assert_eq!(O::from_message(&line.to_lowercase()), Some(expected), "{line}");
        let logged = format!("ERRO[2026-06-03 05:18:15] {line}\n");
        assert_eq!(O::from_message(&logged), Some(expected), "{logged}");
        if expected.surface() != "driver" {
            continue; // the remote site's own symptom, carried by `request failed,code:`
        }
        assert!(expected.provenance().starts_with("OpenListTeam/OpenList@0b1e9d09 drivers/"), "{line}");
        // Drivers' errors reach users through handlers that answer 500 in the body.
        assert_eq!(expected.http_status().as_u16(), 500, "{line}");
        let body = serde_json::json!({ "code": 500, "message": line, "data": null }).to_string();
        let err = O::check_parts(StatusCode::OK, &HeaderMap::new(), body.as_bytes()).expect_err(line);
        assert_eq!((err.code(), err.http_status().as_u16()), (Some(expected), 500), "{line}");
    }
}

#[test]
fn every_driver_symptom_has_a_line_users_paste() {
    for err in O::all().filter(|e| e.surface() == "driver") {
        let listed = DRIVER_LINES.iter().chain(DRIVER_WIRE_LINES).any(|&(_, e)| e == err);
        assert!(listed, "{err:?} has a line in DRIVER_LINES or DRIVER_WIRE_LINES");
    }
}

#[test]
fn driver_near_misses_are_not_taken() {
    for &(text, expected) in DRIVER_NEAR_MISSES {
        assert_eq!(O::from_message(text), expected, "{text:?}");
    }
}

#[test]
fn a_driver_symptom_outranks_what_it_shares_words_with() {
    // The cloud's reason wins over the wrapper that carries it.
    let cases = [
        (
            "failed init storage: failed to refresh token: expired_token : refresh token has been used",
            O::BaiduRefreshTokenUsed,
        ),
        ("failed init storage: failed to refresh token: invalid_grant", O::OauthInvalidGrant),
        ("failed init storage: failed to refresh token: refresh token is empty", O::RefreshTokenNotReturned),
        ("failed init storage: failed to login by cookies: user not login", O::Cloud115NotLoggedIn),
        ("failed init storage: failed to login by qrcode: qrcode expired", O::Cloud115QrcodeExpired),
        ("login failed,No toUrl obtained, msg: 设备ID不存在，需要二次设备校验", O::Cloud189DeviceLock),
        ("login with password failed: RMKEY not found in MailCookies", O::Yun139MailCookieIncomplete),
        ("init get access token error: no valid authentication method available", O::Pan123OpenNoCredentials),
        (
            r#"oauth2: "invalid_grant" "invalid refresh token for it may be has been refreshed by other process""#,
            O::PikpakRefreshTokenReused,
        ),
        (r#"oauth2: cannot fetch token: 400 Bad Request Response: {"error": "invalid_grant"}"#, O::OauthInvalidGrant),
        // A remote OpenList's own message is recognised through the driver's wrapper.
        ("request failed,code: 403, message: password is incorrect or you have no permission", O::MetaPasswordRequired),
    ];
    for (text, expected) in cases {
        assert_eq!(O::from_message(text), Some(expected), "{text}");
    }
    // Longer driver texts that contain a server symptom's words keep their own meaning.
    assert_eq!(O::from_message("username or password is empty"), Some(O::PikpakCredentialsEmpty));
    assert_eq!(O::from_message("password is empty"), Some(O::EmptyCredentials));
    assert_eq!(O::from_message("library password is incorrect"), Some(O::SeafileLibraryPassword));
    assert_eq!(O::from_message("password is incorrect"), Some(O::WrongPassword));
    // The tail is the cloud's text after the server's wrappers.
    let found = O::match_message(
        "failed get objs: failed to list objs: UserNotAllowedAccessDrive:user not allowed access drive",
    )
    .unwrap();
    assert_eq!(found.tail(), Some("UserNotAllowedAccessDrive:user not allowed access drive"));
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
    // The single sign-on callback refuses with 500 where the other disabled features say 403.
    let body = br#"{"code":500,"message":"sso login is disabled","data":null}"#;
    let err = O::check_parts(StatusCode::OK, &HeaderMap::new(), body).expect_err("a failure");
    assert_eq!((err.code(), err.http_status().as_u16()), (Some(O::FeatureNotEnabled), 500));
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
    // Every server symptom of OpenList's source has a line here.
    let missing: Vec<O> = O::all()
        .filter(|e| e.surface() == "server" && e.provenance().starts_with("OpenListTeam/OpenList@"))
        .filter(|e| !SERVER_LINES.iter().any(|(_, _, line)| line == e))
        .collect();
    assert!(missing.is_empty(), "server symptoms without a line: {missing:?}");
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

/// Short generic messages count only as the whole message: the body's `message`, the whole
/// line, the text after a log prefix, or the last link of an error chain that is OpenList's.
const WHOLE_POSITIVES: &[(&str, O)] = &[
    ("permission denied", O::PermissionDenied),
    ("Permission denied", O::PermissionDenied),
    ("failed get objs: permission denied", O::PermissionDenied),
    ("ERRO[0003] failed get storage: permission denied", O::PermissionDenied),
    ("ERRO[0003] permission denied\r\n", O::PermissionDenied),
    (r#"{"code":403,"message":"permission denied","data":null}"#, O::PermissionDenied),
    ("invalid request", O::SsoBadRequest),
    ("error occurred", O::SsoUserIdMissing),
    ("not support", O::NotSupported),
    ("failed to list archive: not support", O::NotSupported),
    ("user invalid", O::UserInvalid),
    ("invalid port", O::FtpPassivePortsInvalid),
    ("empty token", O::EmptyToken),
];

/// The same words inside other text: the operating system's answers (Go puts the system call
/// before them), other sentences, other messages.
const WHOLE_NEGATIVES: &[&str] = &[
    "listen tcp 0.0.0.0:5244: bind: permission denied",
    "failed to start: listen tcp 0.0.0.0:5244: bind: permission denied",
    "open /opt/openlist/data/data.db: permission denied",
    "mkdir /mnt/media/movies: permission denied",
    "remove /tmp/openlist/upload-1: permission denied",
    "dial tcp 10.0.0.2:389: connect: permission denied",
    "permission denied by the administrator of this share",
    "the user has permission denied for every folder",
    "an invalid request was sent",
    "invalid request body",
    "an error occurred while reading",
    "an unexpected error occurred, try again",
    "this format is not supported",
    "streaming not support yet",
    "the user invalid flag",
    "invalid portrait size",
    "empty token list",
];

#[test]
fn short_generic_messages_count_only_as_the_whole_message() {
    for &(text, want) in WHOLE_POSITIVES {
        assert_eq!(O::from_message(text), Some(want), "{text:?}");
        assert!(want.whole_message_only(), "{want:?}");
    }
    for text in WHOLE_NEGATIVES {
        assert_eq!(O::from_message(text), None, "{text:?}");
    }
    // The config-file symptom still wins its line, and the port symptom its own.
    assert_eq!(
        O::from_message("failed to create config file: open /opt/openlist/data/config.json: permission denied"),
        Some(O::ConfigFilePermissionDenied)
    );
    // A link too long to see its start is not taken for OpenList's.
    let long = format!("open /{}: permission denied", "a/".repeat(200));
    assert_eq!(O::from_message(&long), None);
    // The streaming scan agrees with each line alone, however far back the link starts.
    let log = format!("{long}\nfailed get objs: permission denied\nbind: permission denied\npermission denied\n");
    let found: Vec<(u64, O)> = cloud_errcodes::openlist::scan_lines(log.as_bytes())
        .map(|m| m.map(|m| (m.line(), m.error())).unwrap())
        .collect();
    assert_eq!(found, [(2, O::PermissionDenied), (4, O::PermissionDenied)]);
}

/// The wrappers OpenList's file system and task layers put in front of a driver's text.
#[test]
fn link_and_put_wrappers_give_the_tail() {
    for (text, tail) in [
        (
            "failed link: failed get link: UserNotAllowedAccessResource:user not allowed access resource",
            "UserNotAllowedAccessResource:user not allowed access resource",
        ),
        ("failed to put: upload reach the limit", "upload reach the limit"),
    ] {
        let found = O::match_message(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(found.tail(), Some(tail), "{text}");
    }
}
