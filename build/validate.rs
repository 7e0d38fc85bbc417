//! Checking a parsed catalogue against its provider's spec.
//!
//! `validate` collects every problem instead of stopping at the first, so one failed build
//! lists everything that needs fixing, each as `catalog/<slug>.toml: <code>: <problem>`.

use std::collections::{HashMap, HashSet};

use crate::catalog::{Catalog, Code, CodeShape, Entry, Field, KINDS, RETRIES, SYMPTOM_VALUES, Spec, is_template};

/// Every problem found in `catalog`, or `Ok` when there are none.
pub fn validate(spec: &Spec, catalog: &Catalog) -> Result<(), Vec<String>> {
    let file = format!("catalog/{}.toml", spec.slug);
    let mut problems = Vec::new();
    let mut report = |code: &dyn std::fmt::Display, problem: String| {
        problems.push(format!("{file}: {code}: {problem}"));
    };

    if catalog.provider != spec.slug {
        report(&"header", format!("provider is `{}`, expected `{}`", catalog.provider, spec.slug));
    }
    if catalog.type_name != spec.type_name {
        report(&"header", format!("type is `{}`, expected `{}`", catalog.type_name, spec.type_name));
    }
    if catalog.codes.is_empty() {
        report(&"header", "the catalogue has no entries".to_owned());
    }
    if catalog.surfaces.is_empty() {
        report(&"header", "`surfaces` lists no surface".to_owned());
    }
    let mut seen = HashSet::new();
    for surface in catalog.surfaces.iter().map(|s| &s.id) {
        if !is_snake_case(surface) {
            report(&"header", format!("surface `{surface}` is not snake_case"));
        }
        if !seen.insert(surface) {
            report(&"header", format!("surface `{surface}` is listed twice"));
        }
    }
    match (&catalog.prefixes, spec.symptoms) {
        (Some(_), false) => report(&"header", "prefixes are only for symptom catalogues".to_owned()),
        (Some(prefixes), true) => {
            for prefix in prefixes.iter().filter(|p| !p.ends_with(": ")) {
                report(&"header", format!("prefix `{prefix}` must end with `: `"));
            }
        }
        _ => {}
    }

    for entry in &catalog.codes {
        for problem in entry_problems(spec, entry) {
            report(&entry.code, problem);
        }
        if !catalog.surfaces.iter().any(|s| s.id == entry.surface) {
            let known: Vec<&str> = catalog.surfaces.iter().map(|s| s.id.as_str()).collect();
            let known = known.join(", ");
            report(
                &entry.code,
                format!("surface `{}` is not one of the catalogue's surfaces ({known})", entry.surface),
            );
        }
    }
    for (code, problem) in table_problems(spec, &catalog.codes) {
        report(&code, problem);
    }

    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// Problems an entry has on its own.
fn entry_problems(spec: &Spec, entry: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    match (&entry.code, spec.code_shape) {
        (Code::Number(n), CodeShape::Number(int)) => {
            let fits = match int {
                "i32" => i32::try_from(*n).is_ok(),
                _ => u32::try_from(*n).is_ok(),
            };
            if !fits {
                out.push(format!("code {n} is out of range of {int}"));
            }
        }
        (Code::Text(text), CodeShape::Text) if !is_snake_case(text) => {
            out.push(format!("code `{text}` is not snake_case ([a-z0-9_], starting with a letter)"));
        }
        (Code::Number(_), CodeShape::Text) => out.push("code must be a string".to_owned()),
        (Code::Text(text), CodeShape::Number(_)) if spec.templates && is_template(text) => {}
        (Code::Text(_), CodeShape::Number(_)) if spec.templates => {
            out.push("code must be a number or a template of 8 digits and `x`".to_owned())
        }
        (Code::Text(_), CodeShape::Number(_)) => out.push("code must be a number".to_owned()),
        _ => {}
    }

    match (&entry.name, spec.explicit_names) {
        (None, true) => out.push("missing variant name".to_owned()),
        (Some(name), false) => out.push(format!("name `{name}` given, but names derive from the code")),
        _ => {}
    }
    let derivable = spec.explicit_names || matches!(&entry.code, Code::Text(text) if is_snake_case(text));
    if let Some(problem) = name_problem(&entry.variant(spec)).filter(|_| derivable) {
        out.push(problem);
    }

    if !(100..=599).contains(&entry.status) {
        out.push(format!("HTTP status {} is out of range (100..=599)", entry.status));
    }
    if spec.status_from_code {
        out.extend(status_from_code_problem(entry));
    } else if entry.status_exception.is_some() {
        out.push("status_exception is only for providers whose status follows the code".to_owned());
    }

    if !KINDS.iter().any(|(id, _)| *id == entry.kind) {
        out.push(format!("unknown kind `{}`", entry.kind));
    }
    if !RETRIES.iter().any(|(id, _)| *id == entry.retry) {
        out.push(format!("unknown retry advice `{}` (expected never or backoff)", entry.retry));
    }

    for (field, text) in
        [("en description", &entry.en), ("zh description", &entry.zh), ("provenance", &entry.provenance)]
    {
        if text.trim().is_empty() {
            out.push(format!("empty {field}"));
        }
    }
    out.extend(field_problem("message", spec.message, entry.message.as_deref()));
    if let Some(alternates) = &entry.alternates {
        if entry.message().is_none() {
            out.push("alternates need a message they are alternates of".to_owned());
        }
        for alternate in alternates {
            if alternate.trim().is_empty() || Some(alternate.as_str()) == entry.message() {
                out.push(format!("alternate `{alternate}` is empty or the message itself"));
            }
        }
    }
    // A server sends no stray spaces around its text; a document's markup sometimes does.
    for text in entry.message().into_iter().chain(entry.alternates.iter().flatten().map(String::as_str)) {
        if text.trim() != text && !text.trim().is_empty() {
            out.push(format!("message `{text}` has leading or trailing whitespace"));
        }
    }
    for alternate in entry.alternate_codes.iter().flatten() {
        match (&entry.code, spec.code_shape) {
            (_, CodeShape::Number(_)) => out.push("alternate codes are only for providers with text codes".to_owned()),
            (Code::Text(code), _) if code == alternate => {
                out.push(format!("alternate code `{alternate}` is the code itself"))
            }
            _ if !is_snake_case(alternate) => {
                out.push(format!("alternate code `{alternate}` is not snake_case ([a-z0-9_], starting with a letter)"))
            }
            _ => {}
        }
    }
    out.extend(field_problem("summary", spec.summary, entry.summary.as_deref()));
    if let Some(summary) = entry.summary.as_deref() {
        if summary.ends_with('.') || summary.starts_with(|c: char| c.is_ascii_uppercase()) {
            out.push(format!("summary `{summary}` must be lowercase with no trailing period"));
        }
    }
    out.extend(symptom_problems(spec, entry));

    for (field, text) in text_fields(entry) {
        if text.contains(['\n', '\r']) {
            out.push(format!("{field} must be a single line"));
        }
    }
    out
}

/// Problems between entries: duplicates, and the primary rule for shared codes.
fn table_problems(spec: &Spec, entries: &[Entry]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut names = HashSet::new();
    let mut by_code: HashMap<String, Vec<&Entry>> = HashMap::new();
    let mut patterns: HashMap<String, String> = HashMap::new();
    // Every code and alternate code names one error: an alternate may be neither another
    // entry's code nor another entry's alternate.
    let codes: HashSet<String> = entries.iter().map(|e| e.code.to_string()).collect();
    let mut alternate_codes: HashMap<&str, String> = HashMap::new();
    for entry in entries {
        let code = entry.code.to_string();
        for alternate in entry.alternate_codes.iter().flatten() {
            if codes.contains(alternate) && *alternate != code {
                out.push((code.clone(), format!("alternate code `{alternate}` is the code of another entry")));
            }
            if let Some(other) = alternate_codes.insert(alternate, code.clone()) {
                out.push((
                    code.clone(),
                    format!("alternate code `{alternate}` is also an alternate code of `{other}`"),
                ));
            }
        }
    }
    for entry in entries {
        let code = entry.code.to_string();
        let name = entry.variant(spec);
        if !names.insert(name.clone()) {
            out.push((code.clone(), format!("duplicate variant name `{name}`")));
        }
        for pattern in entry.patterns.iter().flatten() {
            let folded = pattern.to_ascii_lowercase();
            if let Some(other) = patterns.insert(folded, code.clone()) {
                out.push((code.clone(), format!("pattern `{pattern}` is also a pattern of `{other}`")));
            }
        }
        by_code.entry(code).or_default().push(entry);
    }
    let mut codes: Vec<_> = by_code.into_iter().collect();
    codes.sort_by(|a, b| a.0.cmp(&b.0));
    for (code, group) in codes {
        // One code, several meanings: told apart by their messages, the primary one first.
        let primaries = group.iter().filter(|e| e.primary).count();
        match group.len() {
            1 if primaries > 0 => out.push((code.clone(), "`primary` marks a code that is not shared".to_owned())),
            1 => {}
            n if primaries != 1 => {
                out.push((code.clone(), format!("shared by {n} entries, {primaries} marked primary (expected 1)")))
            }
            _ => {}
        }
        if group.len() > 1 {
            let mut messages = HashSet::new();
            let distinct = group.iter().all(|e| {
                let alternates = e.alternates.iter().flatten().map(String::as_str);
                e.message().is_some() && e.message().into_iter().chain(alternates).all(|m| messages.insert(m))
            });
            if !distinct {
                out.push((code, "entries sharing a code need distinct messages to be told apart".to_owned()));
            }
        }
    }
    out
}

fn status_from_code_problem(entry: &Entry) -> Option<String> {
    let implied = match (&entry.code, entry.template()) {
        (Code::Number(code), _) if u32::try_from(*code).is_ok() => *code / 100_000,
        // A template's status digits may themselves be `x` (`xxx10999`): only an exception says.
        (_, Some(template)) => template[..3].parse().unwrap_or(0),
        _ => return None, // out of range, reported already
    };
    let exception = entry.status_exception.as_deref().is_some_and(|why| !why.trim().is_empty());
    match (implied == entry.status, exception) {
        (true, true) => Some("status_exception given, but the status follows the code".to_owned()),
        (false, false) => Some(format!(
            "HTTP status {} disagrees with the code's first three digits ({implied}); \
             add status_exception if deliberate",
            entry.status
        )),
        _ => None,
    }
}

fn symptom_problems(spec: &Spec, entry: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    let symptom_fields = [
        ("solution_en", entry.solution_en.is_some()),
        ("solution_zh", entry.solution_zh.is_some()),
        ("patterns", entry.patterns.is_some()),
        ("value", entry.value.is_some()),
        ("specificity", entry.specificity.is_some()),
        ("whole", entry.whole),
    ];
    if !spec.symptoms {
        for (field, present) in symptom_fields {
            if present {
                out.push(format!("{field} is only for symptom catalogues"));
            }
        }
        return out;
    }
    out.extend(field_problem("solution_en", Field::Required, entry.solution_en.as_deref()));
    out.extend(field_problem("solution_zh", Field::Required, entry.solution_zh.as_deref()));
    match entry.patterns.as_deref() {
        None | Some([]) => out.push("a symptom needs at least one pattern".to_owned()),
        Some(patterns) => {
            for pattern in patterns {
                if pattern.trim().len() < 8 {
                    out.push(format!("pattern `{pattern}` is too short to be specific"));
                }
            }
        }
    }
    if let Some(value) = entry.value.as_deref() {
        if !SYMPTOM_VALUES.iter().any(|(id, _)| *id == value) {
            let ids: Vec<&str> = SYMPTOM_VALUES.iter().map(|(id, _)| *id).collect();
            out.push(format!("unknown value `{value}` (expected one of {})", ids.join(", ")));
        }
    }
    if let Some(rank) = entry.specificity {
        if !(0..=100).contains(&rank) {
            out.push(format!("specificity {rank} is out of range (0..=100)"));
        }
    }
    out
}

fn field_problem(field: &str, rule: Field, value: Option<&str>) -> Option<String> {
    let present = value.is_some_and(|v| !v.trim().is_empty());
    match rule {
        Field::Required if !present => Some(format!("missing or empty {field}")),
        Field::Forbidden if value.is_some() => Some(format!("{field} is not used by this provider")),
        _ => None,
    }
}

fn text_fields(entry: &Entry) -> Vec<(&'static str, &str)> {
    let optional = [
        ("message", &entry.message),
        ("summary", &entry.summary),
        ("solution_en", &entry.solution_en),
        ("solution_zh", &entry.solution_zh),
    ];
    let mut out = vec![("en", entry.en.as_str()), ("zh", entry.zh.as_str()), ("provenance", entry.provenance.as_str())];
    out.extend(optional.into_iter().filter_map(|(f, v)| v.as_deref().map(|v| (f, v))));
    out.extend(entry.patterns.iter().flatten().map(|p| ("pattern", p.as_str())));
    out.extend(entry.alternates.iter().flatten().map(|a| ("alternate", a.as_str())));
    out.extend(entry.alternate_codes.iter().flatten().map(|a| ("alternate code", a.as_str())));
    out
}

fn is_snake_case(code: &str) -> bool {
    code.starts_with(|c: char| c.is_ascii_lowercase())
        && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Why `name` is not a good variant name, if it is not.
fn name_problem(name: &str) -> Option<String> {
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Some(format!("variant name `{name}` is not UpperCamelCase"));
    }
    let acronym = name.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase());
    acronym.then(|| format!("variant name `{name}` has an acronym run (write `Md5`, not `MD5`)"))
}
