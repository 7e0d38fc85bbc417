//! `parse`: a raw HTTP response (a bare body, or `curl -i` output) read as a provider's error.

use std::{
    io::{self, Read},
    path::PathBuf,
};

use cloud_errcodes::{AnyApiError, Provider};
use http::StatusCode;
use serde_json::{Value, json};

use crate::{Outcome, Output, info, input, print_json, shown};

/// How much of a file or stdin `parse` reads.
const MAX_INPUT: u64 = 64 << 20;

fn read_input(file: Option<PathBuf>) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = match file.as_deref().filter(|path| path.as_os_str() != "-") {
        Some(path) => std::fs::File::open(path)
            .and_then(|f| f.take(MAX_INPUT).read_to_end(&mut bytes))
            .map_err(|err| format!("cannot read {}: {err}", shown(&path.to_string_lossy()))),
        None => io::stdin().take(MAX_INPUT).read_to_end(&mut bytes).map_err(|err| format!("cannot read stdin: {err}")),
    };
    result.map(|_| bytes)
}

pub fn parse(
    provider: Provider,
    file: Option<PathBuf>,
    status: Option<u16>,
    headers: &[String],
    output: Output,
) -> Result<Outcome, String> {
    let input = read_input(file)?;
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err("empty input: no response to parse (did the request fail before an answer came?)".to_owned());
    }
    let mut raw = input::split_capture(input)?;
    for header in headers {
        raw.add_header(header)?;
    }
    let given = match status {
        Some(code) => {
            Some(StatusCode::from_u16(code).map_err(|_| format!("bad status `{code}` (expected 100..=999)"))?)
        }
        None => raw.status,
    };
    let (err, note) = match given {
        Some(status) => (provider.check_parts(status, &raw.headers, &raw.body).err(), None),
        None => judge_bare_body(provider, &raw),
    };
    let entry = err.as_ref().and_then(AnyApiError::code);
    if output.json {
        print_json(&json!({
            "error": err.as_ref().map(|e| serde_json::to_value(e).unwrap_or(Value::Null)),
            "entry": entry.map(|e| info::to_json(e, output.lang)),
            "success": err.is_none(),
            "dropped_headers": raw.dropped,
        }));
    } else if let Some(err) = &err {
        print_error(err);
        if let Some(note) = note {
            out!("  note:       {note}");
        }
        print_dropped(&raw.dropped);
        if let Some(entry) = entry {
            out!();
            info::print(entry, output.lang);
        }
    } else {
        let status = given.unwrap_or(StatusCode::OK);
        out!("{provider} {}: success, not an error response", status.as_u16());
        print_dropped(&raw.dropped);
    }
    Ok(match (&err, entry) {
        (None, _) => Outcome::NothingFound,
        (Some(_), Some(_)) => Outcome::Found,
        (Some(_), None) => Outcome::UnknownError,
    })
}

/// A bare body with no status (none given, no status line): judged by itself. A body whose
/// provider puts the status in it (OpenList) is checked as the HTTP 200 it arrives with; any
/// other body that names a code is an error, shown with its code's documented status.
fn judge_bare_body(provider: Provider, raw: &input::RawResponse) -> (Option<AnyApiError>, Option<&'static str>) {
    match provider.check_parts(StatusCode::OK, &raw.headers, &raw.body) {
        Err(err) => return (Some(err), None),
        Ok(()) if provider.status_in_body() => return (None, None),
        Ok(()) => {}
    }
    let read = provider.parse_parts(StatusCode::OK, &raw.headers, &raw.body);
    match (read.code(), read.raw_code()) {
        (Some(code), _) => {
            let err = provider.parse_parts(code.http_status(), &raw.headers, &raw.body);
            (Some(err), Some("no status given: shown with the status its code is documented with"))
        }
        (None, Some(_)) => {
            (Some(read), Some("no status given and the code is unknown: pass --status for the real one"))
        }
        (None, None) => (None, None),
    }
}

/// The headers of the capture that could not be read, each by its name.
fn print_dropped(dropped: &[String]) {
    for name in dropped {
        out!(
            "  note:       header `{}` dropped: its name or value is not valid HTTP (a control character?)",
            shown(name)
        );
    }
}

pub fn print_error(err: &AnyApiError) {
    out!("{err}");
    out!("  code:       {}", err.code().map_or("(unknown)", |c| c.code_str()));
    out!("  raw code:   {}", shown(err.raw_code().map_or("(none)", |c| c.as_str())));
    out!("  message:    {}", shown(err.message().unwrap_or("(none)")));
    out!("  request id: {}", shown(err.request_id().unwrap_or("(none)")));
    let reason = err.http_status().canonical_reason().unwrap_or("");
    out!("  status:     {} {reason}", err.http_status().as_u16());
    if err.wire_status() != err.http_status() {
        out!("  wire:       {} (the status line the response had)", err.wire_status().as_u16());
    }
    out!("  kind:       {}", err.kind().as_str());
    out!("  retry:      {}", err.retry());
    if let Some(delay) = err.retry_after() {
        out!("  retry after: {} s", delay.as_secs());
    }
    let truncated = if err.is_truncated() { ", truncated" } else { "" };
    out!("  body:       {}{truncated}", err.body_format());
}
