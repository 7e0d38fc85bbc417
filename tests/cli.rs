//! The `cloud-errcodes` binary, run as a person or a script would run it.

use std::process::{Command, Output, Stdio};

use serde_json::Value;

#[path = "common/binary.rs"]
mod binary;
use binary::run;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn json(args: &[&str], stdin: &[u8]) -> (i32, Value) {
    let output = run(args, stdin);
    let value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {}", stdout(&output)));
    (output.status.code().unwrap(), value)
}

#[test]
fn explain_a_code() {
    let output = run(&["explain", "upyun", "40300004"], b"");
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for line in [
        "upyun 40300004: bucket is full",
        "message:  bucket is full",
        "status:   403 Forbidden",
        "kind:     quota_exceeded",
        "retry:    never",
        "zh-CN:    存储空间已用尽配额",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    let (code, value) = json(&["explain", "qingstor", "bucket_not_empty", "--json", "--lang", "zh-CN"], b"");
    assert_eq!(code, 0);
    let entry = &value["matches"][0];
    assert_eq!(entry["provider"], "qingstor");
    assert_eq!(entry["http_status"], 409);
    assert_eq!(entry["message"], Value::Null);
    assert!(entry["description"]["zh-CN"].as_str().unwrap().contains("存储空间"));
    assert!(entry["description"].get("en").is_none(), "--lang keeps one language");
}

#[test]
fn explain_without_a_provider_says_which_is_which() {
    let text = stdout(&run(&["explain", "403"], b""));
    assert!(text.contains("# LeanCloud error code"), "{text}");
    assert!(text.contains("leancloud 403: forbidden by class permissions"), "{text}");
    assert!(text.contains("# HTTP status (not a provider code)"), "{text}");
    let (code, value) = json(&["explain", "403", "--json"], b"");
    assert_eq!(code, 0);
    assert_eq!(value["matches"].as_array().unwrap().len(), 2, "both documented messages of LeanCloud 403");
    assert_eq!(value["http_status"]["kind"], "permission_denied");
    let (_, value) = json(&["explain", "40300004", "--json"], b"");
    assert_eq!(value["matches"][0]["provider"], "upyun");
    assert_eq!(value["http_status"], Value::Null);
}

#[test]
fn explain_openlist_text_and_lang() {
    let line = "ERRO[0003] failed get objs: failed to list objs: query fail [61008]";
    let (code, value) = json(&["explain", "openlist", line, "--json"], b"");
    assert_eq!(code, 0);
    assert_eq!(value["matches"][0]["code"], "query_fail_61008");
    assert_eq!(value["symptom"]["value"]["number"], 61008);
    assert_eq!(value["symptom"]["tail"], "query fail [61008]");
    assert!(value["matches"][0]["remedy"]["en"].is_string());
    // Unquoted words are joined into one message.
    let text = stdout(&run(&["explain", "alist", "token", "is", "expired", "--lang", "en"], b""));
    assert!(text.contains("openlist token_expired"), "{text}");
    assert!(text.contains("remedy:") && !text.contains("zh-CN:") && !text.contains("处理:"), "{text}");
}

#[test]
fn parse_curl_i_capture_and_bare_body() {
    let capture = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 403 Forbidden\r\nServer: marco\r\nX-Request-Id: 11e4a729d24943409933a5e8314cd32e\r\n\r\n{\"msg\":\"bucket is full\",\"code\":40300004}";
    let output = run(&["parse", "upyun"], capture);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("upyun 40300004: bucket is full (HTTP 403, request 11e4a729d24943409933a5e8314cd32e)"),
        "{text}"
    );

    let (code, value) = json(
        &["parse", "qingstor", "--status", "409", "-H", "X-QS-Request-ID: aa08cf7a43f611e5", "--json"],
        br#"{"code": "bucket_not_empty", "message": "Bucket is not empty"}"#,
    );
    assert_eq!(code, 0);
    assert_eq!(value["error"]["code"], "bucket_not_empty");
    assert_eq!(value["error"]["request_id"], "aa08cf7a43f611e5");
    assert_eq!(value["error"]["http_status"], 409);
    assert_eq!(value["entry"]["kind"], "conflict");
    assert_eq!(value["success"], false);

    // From a file; OpenList's HTTP 200 with the real status in the body; LF line endings.
    let dir = std::env::temp_dir().join(format!("cloud-errcodes-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("openlist.txt");
    std::fs::write(&file, "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"code\":401,\"message\":\"token is expired\",\"data\":null}").unwrap();
    let (code, value) = json(&["parse", "openlist", file.to_str().unwrap(), "--json"], b"");
    assert_eq!(code, 0);
    assert_eq!(value["error"]["code"], "token_expired");
    assert_eq!(
        (value["error"]["http_status"].as_u64(), value["error"]["wire_status"].as_u64()),
        (Some(401), Some(200))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn parse_exit_statuses_tell_unknown_errors_from_successes() {
    let output =
        run(&["parse", "qingstor", "--status", "400"], br#"{"code": "no_such_code", "message": "Invalid argument"}"#);
    assert_eq!(output.status.code(), Some(3));
    assert!(stdout(&output).contains("raw code:   no_such_code"));
    // The error page's own example body names a code the catalogue knows.
    let output = run(&["explain", "qingstor", "bad_request"], b"");
    assert_eq!(output.status.code(), Some(0));
    let output = run(&["parse", "upyun", "--status", "200"], b"{}");
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("success"));
    let (code, value) = json(&["parse", "openlist", "--json"], br#"{"code":200,"message":"success","data":{}}"#);
    assert_eq!((code, value["success"].as_bool()), (1, Some(true)));
}

#[test]
fn list_is_an_aligned_table_and_json() {
    let text = stdout(&run(&["list", "leancloud"], b""));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + <cloud_errcodes::LeanCloudError as cloud_errcodes::ProviderError>::ALL.len());
    assert!(lines[0].starts_with("CODE"));
    let column = lines[0].find("STATUS").unwrap();
    assert!(
        lines
            .iter()
            .skip(1)
            .all(|l| l.is_char_boundary(column) && l[column..].starts_with(|c: char| c.is_ascii_digit())),
        "aligned"
    );
    let (code, value) = json(&["list", "openlist", "--json"], b"");
    assert_eq!(code, 0);
    assert_eq!(
        value["entries"].as_array().unwrap().len(),
        <cloud_errcodes::OpenListError as cloud_errcodes::ProviderError>::ALL.len()
    );
    assert_eq!(value["provider"], "openlist");
}

#[test]
fn search_all_words_across_providers() {
    let text = stdout(&run(&["search", "bucket", "full"], b""));
    assert!(text.contains("upyun 40300004: bucket is full"), "{text}");
    let (code, value) = json(&["search", "存储空间", "--json"], b"");
    assert_eq!(code, 0);
    let providers: Vec<&str> =
        value["matches"].as_array().unwrap().iter().map(|m| m["provider"].as_str().unwrap()).collect();
    assert!(providers.contains(&"upyun") && providers.contains(&"qingstor"), "{providers:?}");
    let output = run(&["search", "no-such-word-anywhere"], b"");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn usage_and_input_errors_exit_2_with_one_line() {
    for args in [
        &["explain", "s3", "1"][..],
        &["list", "s3"],
        &["parse", "upyun", "--status", "1000"],
        &["parse", "upyun", "/no/such/file"],
        &["frobnicate"],
    ] {
        let output = run(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
    let output = run(&["parse", "upyun", "-H", "no colon here"], b"{}");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&output.stderr).lines().count(), 1);
    let output = run(&["parse", "upyun"], b"HTTP/1.1 403 Forbidden\r\nX: y\r\n");
    assert_eq!(output.status.code(), Some(2), "a capture with no blank line");
    let output = run(&["explain", "upyun", "99999999"], b"");
    assert_eq!(output.status.code(), Some(1));
    // A missing argument is named on the one line (clap lists it on a line of its own).
    let output = run(&["parse"], b"");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("<PROVIDER>"), "{stderr}");
}

#[test]
fn help_teaches_the_tool() {
    let text = stdout(&run(&["--help"], b""));
    for part in ["explain", "parse", "list", "search", "EXAMPLES", "EXIT STATUS", "curl -si"] {
        assert!(text.contains(part), "{part} in --help");
    }
    let text = stdout(&run(&["parse", "--help"], b""));
    assert!(text.contains("--status") && text.contains("--header"));
}

#[test]
fn many_interim_heads_parse_in_one_pass() {
    // Regression: head splitting was quadratic (4 MB of `100 Continue` heads took 84 s).
    let mut capture = b"HTTP/1.1 100 Continue\r\n\r\n".repeat(160_000);
    capture.extend_from_slice(
        b"HTTP/1.1 403 Forbidden\r\nx-request-id: last\r\n\r\n{\"code\": 40300004, \"msg\": \"bucket is full\"}",
    );
    assert!(capture.len() > 4_000_000);
    let (code, value) = json(&["parse", "upyun", "--json"], &capture);
    assert_eq!(code, 0);
    assert_eq!(value["error"]["request_id"], "last");
    assert_eq!(value["error"]["code"], "40300004");
}

#[test]
fn too_many_headers_is_a_usage_error_not_a_panic() {
    // Regression: 24,577 distinct header names overflowed `HeaderMap` and panicked (exit 101).
    let mut capture = b"HTTP/1.1 403 Forbidden\r\n".to_vec();
    for i in 0..30_000 {
        capture.extend_from_slice(format!("x-h{i}: v\r\n").as_bytes());
    }
    capture.extend_from_slice(b"\r\n{}");
    let output = run(&["parse", "upyun"], &capture);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("too many headers"), "{stderr}");

    let options: Vec<String> = (0..1100).map(|i| format!("x-h{i}: v")).collect();
    let mut args = vec!["parse", "upyun"];
    for option in &options {
        args.extend(["-H", option.as_str()]);
    }
    let output = run(&args, b"{}");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("too many headers"));
}

#[test]
fn a_closed_stderr_is_no_panic() {
    // Regression: writing the error line to a closed stderr panicked (exit 101).
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let status = Command::new(env!("CARGO_BIN_EXE_cloud-errcodes"))
        .args(["explain", "upyun", "12345"])
        .stdout(Stdio::null())
        .stderr(writer)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "nothing found, and no panic on the closed stderr");
}

#[test]
fn server_text_is_escaped_on_the_terminal() {
    // Regression: raw codes and request ids reached the terminal unescaped.
    let capture = b"HTTP/1.1 403 Forbidden\r\n\r\n{\"code\": \"4030\\u001b[2J0004\", \"msg\": \"a\\nb\", \"id\": \"x\\rINJECTED\"}";
    let output = run(&["parse", "upyun"], capture);
    let text = stdout(&output);
    assert!(!text.contains('\u{1b}') && !text.contains('\r'), "{text:?}");
    assert!(text.contains(r"4030\u{1b}[2J0004") && text.contains(r"a\nb") && text.contains(r"x\rINJECTED"), "{text}");
    for line in text.lines() {
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
}

#[test]
fn http2_status_lines_are_read() {
    let capture = b"HTTP/2 404\r\nx-error-code: 40400001\r\nx-request-id: h2\r\n\r\n";
    let (code, value) = json(&["parse", "upyun", "--json"], capture);
    assert_eq!(code, 0);
    assert_eq!(
        (value["error"]["code"].clone(), value["error"]["request_id"].clone()),
        ("40400001".into(), "h2".into())
    );
}

/// A log with every symptom of the catalogue, each wrapped the way OpenList's logger writes it,
/// between access-log noise; returns it and the line of each symptom.
fn every_symptom_log() -> (Vec<u8>, Vec<(&'static str, u64)>) {
    use cloud_errcodes::{OpenListError, ProviderError};
    let mut log = Vec::new();
    let mut lines = Vec::new();
    let mut n = 0;
    for (i, symptom) in OpenListError::all().enumerate() {
        let noise =
            format!("[GIN] 2025/08/12 - 02:48:{:02} | 200 |  1.2ms | 192.168.1.{i} | GET \"/api/fs/list\"\n", i % 60);
        log.extend_from_slice(noise.as_bytes());
        n += 1;
        let line = match i % 3 {
            0 => format!("\x1b[31mERRO\x1b[0m[2025-08-12 02:48:{:02}] {}\r\n", i % 60, symptom.message()),
            1 => format!("2025/08/12 02:48:{:02} [E] failed get objs: {}\n", i % 60, symptom.message()),
            _ => format!("ERRO[0003] {}\n", symptom.message().to_uppercase()),
        };
        log.extend_from_slice(line.as_bytes());
        n += 1;
        lines.push((symptom.code(), n));
    }
    (log, lines)
}

#[test]
fn scan_finds_every_symptom_class_where_it_is() {
    let (log, lines) = every_symptom_log();
    let (code, value) = json(&["scan", "--json"], &log);
    assert_eq!(code, 0);
    assert_eq!(value["bytes"], log.len());
    assert_eq!(value["lines"], 2 * lines.len());
    let found = value["symptoms"].as_array().unwrap();
    for (symptom, line) in &lines {
        let row = found.iter().find(|row| row["code"] == *symptom).unwrap_or_else(|| panic!("{symptom} not found"));
        assert_eq!(
            (row["count"].clone(), row["first_line"].clone(), row["last_line"].clone()),
            (1.into(), (*line).into(), (*line).into()),
            "{symptom}"
        );
        assert!(row["summary"].is_string() && row["remedy"].is_string(), "{row}");
        assert_eq!(row["first_file"], "-");
    }
    assert_eq!(found.len(), lines.len(), "nothing else was found");
}

#[test]
fn scan_text_is_a_table_most_frequent_first_in_either_language() {
    let log = b"ERRO token is expired\nINFO ok\nERRO failed get objs: failed to list objs: query fail [61008]\nERRO token is expired\n";
    let output = run(&["scan"], log);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[0].starts_with("COUNT") && rows[0].ends_with("SUMMARY"), "{text}");
    assert!(
        rows[1].contains("token_expired")
            && rows[1].trim_start().starts_with('2')
            && rows[1].contains("  1  ")
            && rows[1].contains("  4  "),
        "{text}"
    );
    assert!(rows[2].contains("remedy:"), "{text}");
    assert!(rows[3].contains("query_fail_61008"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when stdout is no terminal");
    assert!(text.ends_with("4 lines, 114 bytes scanned: 3 with a known symptom\n"), "{text}");

    let text = stdout(&run(&["scan", "--lang", "zh-CN"], log));
    assert!(text.contains("处理:") && text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{text}");
    let (_, value) = json(&["scan", "--json", "--lang", "zh-CN"], log);
    assert!(value["symptoms"][0]["remedy"].as_str().unwrap().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
}

#[test]
fn scan_exit_statuses() {
    assert_eq!(run(&["scan"], b"INFO all good\n").status.code(), Some(1));
    assert_eq!(run(&["scan"], b"").status.code(), Some(1));
    let output = run(&["scan", "/no/such/openlist.log"], b"");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("cloud-errcodes: cannot read /no/such/openlist.log") && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert_eq!(run(&["scan", "--lang", "fr"], b"").status.code(), Some(2));
}

#[test]
fn scan_takes_any_bytes_and_long_lines() {
    let mut log = b"\xff\xfe\x00 binary \x1b[0m junk token is expired \xc3\n".to_vec();
    log.extend(std::iter::repeat_n(b'x', 3 << 20));
    log.extend_from_slice(b" bind: address already in use ");
    log.extend(std::iter::repeat_n(b'y', 1 << 20));
    log.extend_from_slice(b"\nlast line without newline: TooManyRequests");
    let (code, value) = json(&["scan", "--json"], &log);
    assert_eq!(code, 0);
    assert_eq!(value["lines"], 3);
    let line_of = |symptom: &str| {
        value["symptoms"].as_array().unwrap().iter().find(|r| r["code"] == symptom).map(|r| r["first_line"].clone())
    };
    assert_eq!(line_of("token_expired"), Some(1.into()));
    assert_eq!(line_of("port_in_use"), Some(2.into()));
    assert_eq!(line_of("too_many_requests"), Some(3.into()));
}

#[test]
fn scan_reads_several_files_and_stdin() {
    let dir = std::env::temp_dir().join(format!("cloud-errcodes-cli-scan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.log"), dir.join("b.log"));
    std::fs::write(&a, "INFO\nERRO token is expired\n").unwrap();
    std::fs::write(&b, "ERRO token is expired\nINFO\nINFO\nERRO token is expired\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let (code, value) = json(&["scan", "--json", a, "-", b], b"ERRO token is invalidated\n");
    assert_eq!(code, 0);
    assert_eq!(value["lines"], 2 + 1 + 4);
    let row = &value["symptoms"][0];
    assert_eq!(row["count"], 4);
    assert_eq!((row["first_file"].as_str(), row["first_line"].as_u64()), (Some(a), Some(2)));
    assert_eq!((row["last_file"].as_str(), row["last_line"].as_u64()), (Some(b), Some(4)));
    let text = stdout(&run(&["scan", a, b], b""));
    assert!(text.contains(&format!("{a}:2")) && text.contains(&format!("{b}:4")), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn entries_show_their_surface_and_source() {
    let text = stdout(&run(&["explain", "leancloud", "0"], b""));
    assert!(
        text.contains("surface:  realtime")
            && text.contains("source:   LeanCloud 错误码详解 leancloud/avoscloud-doc@82f8d1aa"),
        "{text}"
    );
    let (_, value) = json(&["explain", "upyun", "40300004", "--json"], b"");
    assert_eq!(value["matches"][0]["surface"], "storage");
    assert!(
        value["matches"][0]["provenance"].as_str().unwrap().contains("https://help.upyun.com/knowledge-base/errno/")
    );

    let (code, value) = json(&["list", "leancloud", "--surface", "sdk", "--json"], b"");
    assert_eq!(code, 0);
    let entries = value["entries"].as_array().unwrap();
    assert!(!entries.is_empty() && entries.iter().all(|e| e["surface"] == "sdk"), "{value}");
    let all = json(&["list", "leancloud", "--json"], b"").1["entries"].as_array().unwrap().len();
    assert!(entries.len() < all);

    let output = run(&["list", "upyun", "--surface", "nope"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("upyun has no surface `nope` (it has storage, cdn)"));
}

#[allow(dead_code)]
#[path = "../benches/logs.rs"]
mod logs;
#[allow(dead_code)]
#[path = "../src/bin/cloud-errcodes/markers.rs"]
mod markers;

const TEXT_PROVIDERS: [&str; 3] = ["upyun", "qingstor", "leancloud"];

/// The readings of `explain --json`: (provider, evidence, code: the catalogue's, else the raw one).
fn readings(value: &Value) -> Vec<(String, String, Option<String>)> {
    value["readings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["provider"].as_str().unwrap().to_owned(),
                r["evidence"].as_str().unwrap_or("").to_owned(),
                r["error"]["code"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

/// Where an evidence stands, the strongest highest.
fn strength(evidence: &str) -> usize {
    ["code", "message", "rendering", "body"].iter().position(|e| *e == evidence).unwrap_or_else(|| panic!("{evidence}"))
}

#[test]
fn explain_any_text_puts_the_most_certain_reading_first() {
    // Each a real rendering of tests/data/text/<provider>.toml (its source cited there).
    for (text, provider, code, evidence) in [
        (
            r#"upload failed:{"msg":"signature error","code":40100005,"id":"249f191e3a554e5e9cf66f03c410bd8c"}"#,
            "upyun",
            "40100005",
            "body",
        ),
        (
            r#"QingStor Error: StatusCode "404", Code "object_not_exists", Message "The object you are accessing does not exist.", Request ID "fc6b0c3687ea11e6b41a52540443ed8a", Reference URL "http://docs.qingcloud.com/qingstor/api/common/error_code.html""#,
            "qingstor",
            "object_not_exists",
            "rendering",
        ),
        (
            r#"com.github.airsaid.accountbook D/===AVOS Cloud===: LogUtil$avlog->d->33: {"code":101,"error":"Class or object doesn't exists."}"#,
            "leancloud",
            "101",
            "body",
        ),
        (
            "upyun.modules.exception.UpYunServiceException: ('249f191e3a554e5e9cf66f03c410bd8c', 401, 'Unauthorized', '{\"msg\":\"signature error\",\"code\":40100005,\"id\":\"249f191e3a554e5e9cf66f03c410bd8c\"}')",
            "upyun",
            "40100005",
            "body",
        ),
        ("client closed: APP_QUOTA_EXCEEDED", "leancloud", "", "message"),
    ] {
        let (status, value) = json(&["explain", text, "--json"], b"");
        assert_eq!(status, 0, "{text}");
        let found = readings(&value);
        assert!(!found.is_empty(), "{text}");
        let (first_provider, first_evidence, first_code) = &found[0];
        assert_eq!(first_provider, provider, "{text}: {found:?}");
        assert!(strength(first_evidence) >= strength(evidence), "{text}: {found:?}");
        if !code.is_empty() {
            assert_eq!(first_code.as_deref(), Some(code), "{text}: {found:?}");
            assert_eq!(value["matches"][0]["code"], code, "the entry of the best reading comes first");
        }
        let strengths: Vec<usize> = found.iter().map(|(_, e, _)| strength(e)).collect();
        assert!(strengths.windows(2).all(|w| w[0] >= w[1]), "most certain first: {found:?}");
        let providers: Vec<&String> = found.iter().map(|(p, _, _)| p).collect();
        assert!(providers.windows(2).all(|w| w[0] != w[1]), "one reading per provider: {found:?}");
    }
}

#[test]
fn explain_text_with_a_provider_and_from_stdin() {
    let text = "put /photos/a.jpg error: status=503, code=50300020, message=put file capture error, request-id=5931bac0c4c4d1c4bbff9b66ae1ccf4f";
    let output = run(&["explain", "upyun", text], b"");
    assert_eq!(output.status.code(), Some(0));
    let shown = stdout(&output);
    assert!(shown.contains("# UpYun error, found by its rendering"), "{shown}");
    assert!(shown.contains("request id: 5931bac0c4c4d1c4bbff9b66ae1ccf4f"), "{shown}");
    assert!(shown.contains("upyun 50300020"), "{shown}");
    // The same text from stdin, with no provider: UpYun's reading is the only one, or first.
    for args in [&["explain", "--json"][..], &["explain", "-", "--json"]] {
        let (status, value) = json(args, text.as_bytes());
        assert_eq!(status, 0);
        assert_eq!(readings(&value)[0], ("upyun".to_owned(), "rendering".to_owned(), Some("50300020".to_owned())));
        assert_eq!(value["readings"][0]["error"]["request_id"], "5931bac0c4c4d1c4bbff9b66ae1ccf4f");
    }
    // Nothing on stdin is nothing to explain: a usage error.
    let output = run(&["explain"], b" \n");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing to explain"));
    // Unquoted words whose first is no provider: a usage error that says to quote them.
    let output = run(&["explain", "upload", "failed:", "{}"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("quote"), "{output:?}");
}

#[test]
fn explain_text_holding_no_error_finds_none() {
    // Negatives of the tables: another vendor's error, a Go panic, a bare status.
    for text in [
        "An error occurred (TooManyBuckets) when calling the CreateBucket operation: You have attempted to create more buckets than allowed",
        "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x98 pc=0xe1d30f]",
        "{ code: 401, error: 'expired token' }",
    ] {
        let output = run(&["explain", text], b"");
        assert_eq!(output.status.code(), Some(1), "{text}: {}", stdout(&output));
        assert!(String::from_utf8_lossy(&output.stderr).starts_with("no error of any provider found in"));
        let (_, value) = json(&["explain", text, "--json"], b"");
        assert_eq!(readings(&value), vec![], "{text}");
    }
    // HTTP 400 in a sentence is no code of any provider; the bare number is explained as a status.
    let (_, value) = json(&["explain", "HTTP 400", "--json"], b"");
    assert_eq!(readings(&value), vec![]);
}

#[test]
fn every_rendering_of_the_tables_carries_a_marker() {
    for provider in TEXT_PROVIDERS {
        let markers = markers::markers(provider.parse().unwrap());
        for row in logs::renderings(provider).iter().filter(|row| !row.none) {
            let text = row.text.to_ascii_lowercase();
            assert!(
                markers.iter().any(|m| text.contains(m.as_str())),
                "{provider} {}: no marker in {:?}",
                row.shape,
                row.text
            );
        }
    }
}

#[test]
fn scan_upyun_counts_each_error_where_it_is() {
    scan_counts_each_error_where_it_is("upyun");
}

#[test]
fn scan_qingstor_counts_each_error_where_it_is() {
    scan_counts_each_error_where_it_is("qingstor");
}

#[test]
fn scan_leancloud_counts_each_error_where_it_is() {
    scan_counts_each_error_where_it_is("leancloud");
}

/// `scan --provider` on a generated application log finds every error line once, with the code
/// `explain` finds in the same rendering alone, and no look-alike.
fn scan_counts_each_error_where_it_is(provider: &str) {
    {
        let rows = logs::renderings(provider);
        let mut log = Vec::new();
        let written = logs::app_log(&mut log, provider, &rows, 400_000, 4).unwrap();
        assert!(written.errors.len() > 50 && !written.lookalikes.is_empty(), "{provider}: {written:?}");
        let (status, value) = json(&["scan", "--provider", provider, "--json"], &log);
        assert_eq!(status, 0, "{provider}");
        assert_eq!((value["lines"].as_u64(), value["bytes"].as_u64()), (Some(written.lines), Some(log.len() as u64)));
        assert_eq!(value["provider"], provider);
        let found = value["errors"].as_array().unwrap();
        let total: u64 = found.iter().map(|row| row["count"].as_u64().unwrap()).sum();
        assert_eq!(total, written.errors.len() as u64, "{provider}: every error line once, no look-alike: {value}");
        // What `explain <provider>` finds in each row alone (the code the table names, where it
        // names one): the scan must find the same on every line that row was written to.
        let mut codes: std::collections::BTreeMap<usize, Option<String>> = Default::default();
        for &(_, row) in &written.errors {
            codes.entry(row).or_insert_with(|| {
                let (_, value) = json(&["explain", provider, &rows[row].text, "--json"], b"");
                let found = readings(&value);
                let code = found.first().and_then(|(_, _, code)| code.clone());
                if let Some(table) = &rows[row].code {
                    assert_eq!(code.as_ref(), Some(table), "{provider} {:?}", rows[row].text);
                }
                code
            });
        }
        let mut expected: std::collections::BTreeMap<&str, (u64, u64, u64)> = Default::default();
        for &(line, row) in &written.errors {
            if let Some(code) = codes[&row].as_deref() {
                let entry = expected.entry(code).or_insert((0, line, line));
                entry.0 += 1;
                entry.2 = line;
            }
        }
        for (code, (count, first, last)) in expected {
            let row = found
                .iter()
                .find(|row| row["code"] == code)
                .unwrap_or_else(|| panic!("{provider} {code} not found: {value}"));
            assert_eq!(
                (row["count"].as_u64(), row["first_line"].as_u64(), row["last_line"].as_u64()),
                (Some(count), Some(first), Some(last)),
                "{provider} {code}"
            );
            assert!(row["summary"].is_string(), "{row}");
        }
        // Far fewer lines were read than the log has: the markers skip the rest unread.
        assert!(value["lines_read"].as_u64().unwrap() < written.lines / 4, "{provider}: {value}");
    }
}

#[test]
fn scan_provider_finds_nothing_in_logs_without_its_errors() {
    let mut openlist = Vec::new();
    logs::openlist_log(&mut openlist, 200_000).unwrap();
    for provider in TEXT_PROVIDERS {
        let output = run(&["scan", "--provider", provider], &openlist);
        assert_eq!(output.status.code(), Some(1), "{provider} in an OpenList log: {}", stdout(&output));
        // Another provider's application log, errors and all, holds none of this one's.
        for other in TEXT_PROVIDERS.iter().filter(|&&other| other != provider) {
            let mut log = Vec::new();
            logs::app_log(&mut log, other, &logs::renderings(other), 200_000, 4).unwrap();
            let (status, value) = json(&["scan", "--provider", provider, "--json"], &log);
            assert_eq!((status, &value["errors"]), (1, &Value::Array(vec![])), "{provider} in {other}'s log");
        }
    }
    let text = stdout(&run(&["scan", "--provider", "qingstor"], b"INFO all good\n"));
    assert_eq!(text, "1 lines, 14 bytes scanned: 0 with an error of QingStor\n");
}

#[test]
fn scan_provider_text_is_a_table_with_remedies_and_escapes_the_log() {
    let log = "2025-08-12T02:48:11Z ERROR upload failed:{\"msg\":\"signature error\",\"code\":40100005,\"id\":\"249f191e3a554e5e9cf66f03c410bd8c\"}\n\
               INFO ok\n\
               2025-08-12T02:48:12Z ERROR upload failed:{\"msg\":\"signature error\",\"code\":40100005,\"id\":\"249f191e3a554e5e9cf66f03c410bd9d\"}\n\
               2025-08-12T02:48:13Z ERROR put failed:{\"msg\":\"evil\\u001b[2J\\r\",\"code\":40399999,\"id\":\"x\"}\n";
    let output = run(&["scan", "--provider", "upyun"], log.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[0].starts_with("COUNT") && rows[0].contains("CODE") && rows[0].ends_with("SUMMARY"), "{text}");
    assert!(rows[1].trim_start().starts_with("2  40100005  1") && rows[1].contains("  3  "), "{text}");
    assert!(rows[2].contains("means: The request signature is wrong"), "{text}");
    for line in text.lines() {
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
    assert!(rows[3].contains("40399999") && rows[3].contains(r"evil\u{1b}[2J"), "{text}");
    assert!(text.ends_with(&format!("4 lines, {} bytes scanned: 3 with an error of UpYun\n", log.len())), "{text}");
}
