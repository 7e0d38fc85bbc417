//! `explain`: what a code (or, for OpenList, any message or log line) means.

use cloud_errcodes::{AnyCode, ErrorKind, OpenListError, Provider, openlist::SymptomValue};
use http::StatusCode;
use serde_json::{Value, json};

use crate::{Outcome, Output, info, print_json, shown};

pub fn explain(args: &[String], output: Output) -> Result<Outcome, String> {
    let provider = args.first().filter(|_| args.len() > 1).and_then(|first| first.parse::<Provider>().ok());
    let (providers, query) = match provider {
        Some(provider) => (vec![provider], args[1..].join(" ")),
        None if args.len() == 1 => (Provider::ALL.to_vec(), args[0].clone()),
        None => {
            let names: Vec<&str> = Provider::ALL.iter().map(|p| p.as_str()).collect();
            return Err(format!("unknown provider `{}` (expected {})", shown(&args[0]), names.join(", ")));
        }
    };

    let mut matches: Vec<AnyCode> = providers.iter().flat_map(|p| p.variants_of(&query)).collect();
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

    if output.json {
        print_json(&json!({
            "query": query,
            "matches": matches.iter().map(|&m| info::to_json(m, output.lang)).collect::<Vec<_>>(),
            "http_status": status.map(|s| {
                let kind = ErrorKind::from_status(s);
                json!({ "code": s.as_u16(), "reason": s.canonical_reason(), "kind": kind.as_str(), "retry": kind.default_retry().as_str() })
            }),
            "symptom": symptom,
        }));
    } else {
        for (i, &m) in matches.iter().enumerate() {
            if i > 0 {
                out!();
            }
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
            if !matches.is_empty() {
                out!();
            }
            let kind = ErrorKind::from_status(status);
            out!("# HTTP status (not a provider code)");
            out!("HTTP {} {}", status.as_u16(), status.canonical_reason().unwrap_or(""));
            out!("  kind:     {} (when a response names no known code)", kind.as_str());
            out!("  retry:    {}", kind.default_retry());
        }
        if matches.is_empty() && status.is_none() {
            let scope = provider.map_or("any provider".to_owned(), |p| p.brand().to_owned());
            err!("no entry of {scope} matches `{}`", shown(&query));
        }
    }
    Ok(if matches.is_empty() && status.is_none() { Outcome::NothingFound } else { Outcome::Found })
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
