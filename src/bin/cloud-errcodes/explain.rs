//! `explain`: what a code, or any pasted text (a log line, an SDK's exception, a body), means.

use std::io::{self, IsTerminal, Read};

use cloud_errcodes::{AnyApiError, AnyCode, ErrorKind, Evidence, OpenListError, Provider, openlist::SymptomValue};
use http::StatusCode;
use serde_json::{Value, json};

use crate::{Outcome, Output, info, parse, print_json, shown};

/// How much of stdin `explain` reads (`parse_text` reads no more than a MiB of a text).
const MAX_STDIN: u64 = 1 << 20;

/// One provider's reading of the text, as `parse_text` found it.
struct Reading {
    error: AnyApiError,
    evidence: Option<Evidence>,
}

impl Reading {
    /// The ranking: the strongest evidence first; then a code the catalogue knows, then one
    /// with a message; then the providers' order.
    fn rank(&self) -> (Option<Evidence>, bool, bool) {
        (self.evidence, self.error.code().is_some(), self.error.message().is_some())
    }
}

/// What the evidence says, for a person.
fn evidence_words(evidence: Option<Evidence>) -> &'static str {
    match evidence {
        Some(Evidence::Body) => "body: the provider's body, its keys and a code or message it documents",
        Some(Evidence::Rendering) => "rendering: the error as one of the provider's SDKs or tools prints it",
        Some(Evidence::Message) => "message: a message the provider documents for one code",
        Some(Evidence::Code) => "code: a code with little around it (weak: other services use the same numbers)",
        _ => "the text",
    }
}

/// Reads the text to explain from stdin (at most [`MAX_STDIN`] bytes).
fn read_stdin() -> Result<String, String> {
    if io::stdin().is_terminal() {
        return Err("nothing to explain: give a code or a quoted text, or pipe the text on stdin".to_owned());
    }
    let mut bytes = Vec::new();
    io::stdin().take(MAX_STDIN).read_to_end(&mut bytes).map_err(|err| format!("cannot read stdin: {err}"))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("nothing to explain: give a code or a quoted text, or pipe the text on stdin".to_owned());
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub fn explain(args: &[String], output: Output) -> Result<Outcome, String> {
    let provider = args.first().filter(|_| args.len() > 1).and_then(|first| first.parse::<Provider>().ok());
    let (providers, query) = match provider {
        Some(provider) => (vec![provider], args[1..].join(" ")),
        None if args.len() <= 1 => (Provider::ALL.to_vec(), args.first().cloned().unwrap_or_else(|| "-".to_owned())),
        None => {
            let names: Vec<&str> = Provider::ALL.iter().map(|p| p.as_str()).collect();
            return Err(format!(
                "unknown provider `{}` (expected {}; quote a pasted text to explain it with every provider)",
                shown(&args[0]),
                names.join(", ")
            ));
        }
    };
    let query = match query.as_str() {
        "-" => read_stdin()?,
        _ => query,
    };

    let mut matches: Vec<AnyCode> = providers.iter().flat_map(|p| p.variants_of(query.trim())).collect();
    // OpenList has no codes: with the provider named, any text is matched against its symptoms.
    let mut symptom = Value::Null;
    if provider == Some(Provider::OpenList) && matches.is_empty() {
        if let Some(found) = OpenListError::match_message(&query) {
            matches.push(found.error().into());
            symptom = json!({
                "pattern": found.pattern(),
                "value": found.value().map(symptom_value),
                "tail": found.tail(),
            });
        }
    }
    // Any other text is read by each provider's `parse_text`, the most certain reading first.
    let mut readings: Vec<Reading> = Vec::new();
    if symptom.is_null() {
        for &each in &providers {
            if let Some(error) = each.parse_text(&query) {
                readings.push(Reading { evidence: error.evidence(), error });
            }
        }
        readings.sort_by_key(|r| std::cmp::Reverse(r.rank()));
    }
    // A code named directly is already in `matches`; its reading shows nothing new.
    if !matches.is_empty() {
        readings.retain(|r| r.error.code().is_none_or(|code| !matches.contains(&code)));
    }
    // The entries of what the readings found come before those of a bare code.
    let mut entries: Vec<AnyCode> = readings.iter().filter_map(|r| r.error.code()).collect();
    for &m in &matches {
        if !entries.contains(&m) {
            entries.push(m);
        }
    }
    // A bare number that is an HTTP status is explained as one too.
    let status = match provider {
        None => query
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (100..=599).contains(n))
            .and_then(|n| StatusCode::from_u16(n).ok()),
        Some(_) => None,
    };
    let found = !entries.is_empty() || !readings.is_empty() || status.is_some();

    if output.json {
        print_json(&json!({
            "query": query,
            "readings": readings.iter().map(|r| json!({
                "provider": r.error.provider().as_str(),
                "evidence": r.evidence.map(Evidence::as_str),
                "error": serde_json::to_value(&r.error).unwrap_or(Value::Null),
                "entry": r.error.code().map(|code| info::to_json(code, output.lang)),
            })).collect::<Vec<_>>(),
            "matches": entries.iter().map(|&m| info::to_json(m, output.lang)).collect::<Vec<_>>(),
            "http_status": status.map(|s| {
                let kind = ErrorKind::from_status(s);
                json!({ "code": s.as_u16(), "reason": s.canonical_reason(), "kind": kind.as_str(), "retry": kind.default_retry().as_str() })
            }),
            "symptom": symptom,
        }));
        return Ok(if found { Outcome::Found } else { Outcome::NothingFound });
    }

    let mut first = true;
    let mut gap = || {
        if !std::mem::take(&mut first) {
            out!();
        }
    };
    for reading in &readings {
        gap();
        out!("# {} error, found by its {}", reading.error.provider().brand(), evidence_words(reading.evidence));
        parse::print_error(&reading.error);
        if let Some(code) = reading.error.code() {
            out!();
            info::print(code, output.lang);
        }
    }
    for &m in matches.iter().filter(|m| readings.iter().all(|r| r.error.code() != Some(**m))) {
        gap();
        if provider.is_none() {
            out!("# {} error code", m.provider().brand());
        }
        info::print(m, output.lang);
    }
    if let Some(pattern) = symptom.get("pattern").and_then(Value::as_str) {
        out!("  matched:  {pattern}");
        if let Some(tail) = symptom.get("tail").and_then(Value::as_str) {
            out!("  tail:     {}", shown(tail));
        }
    }
    if let Some(status) = status {
        gap();
        let kind = ErrorKind::from_status(status);
        out!("# HTTP status (not a provider code)");
        out!("HTTP {} {}", status.as_u16(), status.canonical_reason().unwrap_or(""));
        out!("  kind:     {} (when a response names no known code)", kind.as_str());
        out!("  retry:    {}", kind.default_retry());
    }
    if !found {
        let scope = provider.map_or("any provider".to_owned(), |p| p.brand().to_owned());
        let cut = if query.chars().count() > 200 { "…" } else { "" };
        let start: String = query.chars().take(200).collect();
        err!("no error of {scope} found in `{}{cut}`", shown(&start));
    }
    Ok(if found { Outcome::Found } else { Outcome::NothingFound })
}

fn symptom_value(value: SymptomValue<'_>) -> Value {
    match value {
        SymptomValue::Port(port) => json!({ "port": port }),
        SymptomValue::FileId(id) => json!({ "file_id": id }),
        SymptomValue::Status(status) => json!({ "status": status }),
        SymptomValue::Number(number) => json!({ "number": number }),
        _ => Value::Null,
    }
}
