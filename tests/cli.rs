//! The `cloud-errcodes` binary, run as a person or a script would run it.

use std::{
    io::Write,
    process::{Command, Output, Stdio},
};

use serde_json::Value;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloud-errcodes"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

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
fn parse_unknown_code_and_success_exit_1() {
    let output =
        run(&["parse", "qingstor", "--status", "400"], br#"{"code": "bad_request", "message": "Invalid argument"}"#);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("raw code:   bad_request"));
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
    assert_eq!(lines.len(), 1 + 86);
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
    assert_eq!(value["entries"].as_array().unwrap().len(), 24);
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
    assert_eq!(value["error"]["code"], 40300004);
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
    assert_eq!((value["error"]["code"].clone(), value["error"]["request_id"].clone()), (40400001.into(), "h2".into()));
}
