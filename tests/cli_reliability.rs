//! The `cloud-errcodes` binary against the CLI defects of the reliability report of 2026-11-26
//! (issue #20): what `scan` keeps when an input fails or a signal stops it, file names that are
//! not UTF-8, and `curl -i` captures with a bad header.

use std::{
    io::Write,
    path::PathBuf,
    process::{Command, Stdio},
};

use serde_json::Value;

#[path = "common/binary.rs"]
mod binary;
use binary::run;

fn os(text: &str) -> &std::ffi::OsStr {
    text.as_ref()
}

/// A directory of its own for one test.
fn dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cloud-errcodes-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SYMPTOM: &str = "ERRO failed get objs: failed to list objs: query fail [61008]\n";

/// R7: one input that cannot be read loses nothing of the others; it is named, exit 2.
#[test]
fn r7_scan_reports_what_it_read_when_an_input_cannot_be_read() {
    let dir = dir("r7-unreadable");
    let log = dir.join("app.log");
    std::fs::write(&log, SYMPTOM.repeat(1000)).unwrap();
    let missing = dir.join("missing.log");
    for args in [vec![log.as_os_str(), missing.as_os_str()], vec![missing.as_os_str(), log.as_os_str()]] {
        let output = run(&[&[os("scan")], &args[..]].concat(), b"");
        assert_eq!(output.status.code(), Some(2));
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains(" 1000  query_fail_61008"), "{text}");
        assert!(text.contains("1000 lines, 62000 bytes scanned in 2 inputs"), "{text}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(&format!("cannot read {}", missing.display())), "{stderr}");
    }
    // A directory is an input that cannot be read too; the JSON names it.
    let output = run(&[os("scan"), os("--json"), log.as_os_str(), dir.as_os_str()], b"");
    assert_eq!(output.status.code(), Some(2));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["symptoms"][0]["count"], 1000);
    assert_eq!(value["unread"][0]["file"].as_str(), dir.to_str());
    assert_eq!(value["interrupted_by"], Value::Null);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// R7: SIGTERM or SIGINT on a stdin that never ends prints the report of what was read.
#[cfg(unix)]
#[test]
fn r7_scan_reports_what_it_read_when_a_signal_stops_it() {
    for signal in ["TERM", "INT"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cloud-errcodes"))
            .args(["scan", "--json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(SYMPTOM.repeat(200).as_bytes()).unwrap();
        stdin.flush().unwrap();
        // The input stays open, as `docker logs -f` keeps it; wait until it has been read.
        std::thread::sleep(std::time::Duration::from_millis(700));
        // Twice, as `timeout` sends it (to the command, then to its process group).
        for _ in 0..2 {
            let killed = Command::new("kill").args([&format!("-{signal}"), &child.id().to_string()]).status().unwrap();
            assert!(killed.success());
        }
        let output = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(output.status.code(), Some(2), "SIG{signal}");
        let value: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!((value["lines"].as_u64(), value["symptoms"][0]["count"].as_u64()), (Some(200), Some(200)));
        assert_eq!(value["interrupted_by"].as_str(), Some(format!("SIG{signal}").as_str()));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr.trim(),
            format!("cloud-errcodes: interrupted by SIG{signal}: the report covers the 200 lines read")
        );
    }
}

/// R8: `scan` opens a file whose name is not UTF-8, as `parse` does.
#[cfg(unix)]
#[test]
fn r8_scan_opens_file_names_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = dir("r8");
    let log = dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.log"));
    if std::fs::write(&log, SYMPTOM).is_err() {
        return; // a file system that refuses such names has no such files
    }
    let output = run(&[os("scan"), log.as_os_str()], b"");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 lines, 62 bytes scanned"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// R9: one control byte in one header of a `curl -i` capture drops that header only, and says
/// which.
#[test]
fn r9_parse_keeps_a_capture_with_a_control_byte_in_one_header() {
    let capture = b"HTTP/1.1 403 Forbidden\r\nServer: ng\x00inx\r\nX-Debug: a\x1bb\r\nx-request-id: abc\r\n\r\n{\"code\": 40300004, \"msg\": \"bucket is full\"}";
    let output = run(&[os("parse"), os("upyun")], capture);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("upyun 40300004: bucket is full (HTTP 403, request abc)"), "{text}");
    assert!(text.contains("header `Server` dropped") && text.contains("header `X-Debug` dropped"), "{text}");
    let output = run(&[os("parse"), os("upyun"), os("--json")], capture);
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["dropped_headers"], serde_json::json!(["Server", "X-Debug"]));
    assert_eq!(value["error"]["request_id"], "abc");
}

/// R14: clap's usage errors are one line on stderr, as `--help` promises, and `parse` tells a
/// success (1) from an error the catalogue does not know (3), a proxy's page included.
#[test]
fn r14_usage_errors_are_one_line_and_parse_tells_successes_from_unknown_errors() {
    for args in [&["explain"][..], &["parse"], &["scan", "--bogus"], &["list", "upyun", "--json=maybe"], &[]] {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| os(a)).collect();
        let output = run(&args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("cloud-errcodes: "), "{stderr}");
    }
    let parse =
        |status: &str, body: &[u8]| run(&[os("parse"), os("upyun"), os("--status"), os(status)], body).status.code();
    assert_eq!(parse("200", br#"{"ok":true}"#), Some(1));
    assert_eq!(parse("502", b"<title>502 Bad Gateway</title>"), Some(3));
    assert_eq!(parse("403", br#"{"code":40300004}"#), Some(0));
}
