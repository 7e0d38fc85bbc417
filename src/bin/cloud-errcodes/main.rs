//! `cloud-errcodes`: explain, parse, list and search the error codes of UpYun, QingStor,
//! LeanCloud and OpenList/AList from the command line.

/// `println!` that ignores a closed stdout (`cloud-errcodes list upyun | head` must not panic).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `eprintln!` that ignores a closed stderr: an output error never panics.
macro_rules! err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod info;
mod input;
mod scan;

use std::{
    io::{self, Read},
    path::PathBuf,
    process::ExitCode,
};

use clap::{Parser, Subcommand};
use cloud_errcodes::response::Escaped;
use cloud_errcodes::{
    ErrorKind, Lang, LeanCloudError, OpenListError, Provider, ProviderError, QingStorError, UpyunError,
};
use http::StatusCode;
use info::Info;
use serde_json::{Value, json};

/// How much of a file or stdin `parse` reads.
const MAX_INPUT: u64 = 64 << 20;

#[derive(Parser)]
#[command(
    name = "cloud-errcodes",
    version,
    about = "Explain the error codes of UpYun, QingStor, LeanCloud and OpenList/AList",
    long_about = "Explain the error codes of UpYun (又拍云), QingStor, LeanCloud and OpenList/AList: the \
wire message, HTTP status, kind, retry advice and a description in English and Chinese. \
Parse raw HTTP error responses, list a provider's whole catalogue, or search it.",
    after_long_help = "\
EXAMPLES:
  cloud-errcodes explain upyun 40300004
  cloud-errcodes explain 403                      # every provider's 403, and HTTP 403 itself
  cloud-errcodes explain openlist 'ERRO[0003] failed get objs: failed to list objs: query fail [61008]'
  curl -si https://v0.api.upyun.com/bucket/x | cloud-errcodes parse upyun
  cloud-errcodes parse qingstor body.json --status 409 --header 'X-QS-Request-ID: aa08cf7a43f611e5'
  cloud-errcodes list leancloud
  cloud-errcodes search bucket full
  docker logs openlist 2>&1 | cloud-errcodes scan
  cloud-errcodes scan data/log/log.log --lang zh-CN

PROVIDERS: upyun, qingstor, leancloud, openlist (alist is an alias of openlist).

EXIT STATUS: 0 found, 1 nothing found, 2 usage or input error (one line on stderr).

JSON (--json) prints one document. An entry is
  {\"provider\", \"code\", \"message\" (null when the provider sends none), \"summary\",
   \"http_status\", \"kind\", \"retry\", \"surface\", \"provenance\", \"description\": {\"en\", \"zh-CN\"},
   \"remedy\": {...} or null}
(--lang keeps one language). explain: {\"query\", \"matches\": [entry], \"http_status\": {\"code\",
\"reason\", \"kind\", \"retry\"} or null, \"symptom\": {\"pattern\", \"value\", \"tail\"} or null};
parse: {\"error\": {provider, http_status, wire_status, code, raw_code, message, request_id, url,
kind, retry, body_format, truncated} or null, \"entry\": entry or null, \"success\": bool};
list: {\"provider\", \"entries\": [entry]}; search: {\"words\", \"matches\": [entry]};
scan: {\"lines\", \"bytes\", \"symptoms\": [{\"code\", \"count\", \"first_line\", \"last_line\",
\"first_file\", \"last_file\", \"summary\", \"remedy\" (null when none is known)}], most frequent first}."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Explain a code (or, for OpenList, any message or log line)
    Explain {
        /// `<provider> <code-or-message>`, or just `<code>` to look in every provider
        #[arg(required = true, num_args = 1.., value_name = "PROVIDER] [CODE-OR-MESSAGE")]
        args: Vec<String>,
        /// Show descriptions in one language only: en or zh-CN
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Print one JSON document
        #[arg(long)]
        json: bool,
    },
    /// Parse a raw HTTP response from FILE or stdin: a bare body, or `curl -i` output
    Parse {
        /// The provider that answered
        #[arg(value_parser = parse_provider)]
        provider: Provider,
        /// The response; stdin when absent or `-`
        file: Option<PathBuf>,
        /// The HTTP status of a bare body (default 200); overrides a `curl -i` status line
        #[arg(long)]
        status: Option<u16>,
        /// A response header, `Name: value` (repeatable)
        #[arg(long = "header", short = 'H', value_name = "NAME: VALUE")]
        headers: Vec<String>,
        /// Show descriptions in one language only: en or zh-CN
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Print one JSON document
        #[arg(long)]
        json: bool,
    },
    /// List a provider's whole catalogue as a table
    List {
        #[arg(value_parser = parse_provider)]
        provider: Provider,
        /// Only the entries of one API surface (upyun, qingstor: storage; leancloud: rest,
        /// realtime, sdk; openlist: faq)
        #[arg(long)]
        surface: Option<String>,
        /// Show descriptions in one language only (JSON)
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Print one JSON document
        #[arg(long)]
        json: bool,
    },
    /// Find entries whose code, message or description (either language) contains every word
    Search {
        #[arg(required = true)]
        words: Vec<String>,
        /// Print one JSON document
        #[arg(long)]
        json: bool,
    },
    /// Diagnose OpenList/AList logs: each symptom found, how often, where, and what to do
    Scan {
        /// The logs; stdin when none is given, or for `-`
        files: Vec<PathBuf>,
        /// Show summaries and remedies in one language: en (the default) or zh-CN
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Print one JSON document
        #[arg(long)]
        json: bool,
    },
}

/// Text that came from outside (a server, a log, an argument), safe to print: control
/// characters escaped, so it stays on its line and cannot drive the terminal.
fn shown(text: &str) -> Escaped<'_> {
    Escaped(text)
}

fn parse_provider(text: &str) -> Result<Provider, String> {
    text.parse().map_err(|err: cloud_errcodes::ParseNameError| err.to_string())
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    text.parse().map_err(|err: cloud_errcodes::ParseNameError| err.to_string())
}

/// What a subcommand found.
enum Outcome {
    Found,
    NothingFound,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Explain { args, lang, json } => explain(&args, lang, json),
        Command::Parse { provider, file, status, headers, lang, json } => {
            parse(provider, file, status, &headers, lang, json)
        }
        Command::List { provider, surface, lang, json } => list(provider, surface.as_deref(), lang, json),
        Command::Search { words, json } => Ok(search(&words, json)),
        Command::Scan { files, lang, json } => scan::scan(&files, lang, json),
    };
    match result {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Err(message) => {
            err!("cloud-errcodes: {message}");
            ExitCode::from(2)
        }
    }
}

fn print_json(value: &Value) {
    out!("{}", serde_json::to_string_pretty(value).unwrap_or_default());
}

fn explain(args: &[String], lang: Option<Lang>, json: bool) -> Result<Outcome, String> {
    let provider = args.first().filter(|_| args.len() > 1).and_then(|first| first.parse::<Provider>().ok());
    let (providers, query) = match provider {
        Some(provider) => (vec![provider], args[1..].join(" ")),
        None if args.len() == 1 => {
            (vec![Provider::Upyun, Provider::QingStor, Provider::LeanCloud, Provider::OpenList], args[0].clone())
        }
        None => {
            return Err(format!(
                "unknown provider `{}` (expected upyun, qingstor, leancloud or openlist)",
                shown(&args[0])
            ));
        }
    };

    let mut matches: Vec<Info> = providers.iter().flat_map(|p| Info::by_code(*p, &query)).collect();
    // OpenList has no codes: with the provider named, any text is matched against its symptoms.
    let mut symptom = Value::Null;
    if provider == Some(Provider::OpenList) && matches.is_empty() {
        if let Some(found) = OpenListError::match_message(&query) {
            matches.push(Info::of(found.error()));
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

    if json {
        print_json(&json!({
            "query": query,
            "matches": matches.iter().map(|m| m.to_json(lang)).collect::<Vec<_>>(),
            "http_status": status.map(|s| {
                let kind = ErrorKind::from_status(s);
                json!({ "code": s.as_u16(), "reason": s.canonical_reason(), "kind": kind.as_str(), "retry": kind.default_retry().as_str() })
            }),
            "symptom": symptom,
        }));
    } else {
        for (i, m) in matches.iter().enumerate() {
            if i > 0 {
                out!();
            }
            if provider.is_none() {
                out!("# {} error code", m.provider.brand());
            }
            m.print(lang);
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

fn symptom_value(value: cloud_errcodes::openlist::SymptomValue<'_>) -> Value {
    use cloud_errcodes::openlist::SymptomValue as V;
    match value {
        V::Port(port) => json!({ "port": port }),
        V::FileId(id) => json!({ "file_id": id }),
        V::Status(status) => json!({ "status": status }),
        V::Number(number) => json!({ "number": number }),
        _ => Value::Null,
    }
}

fn read_input(file: Option<PathBuf>) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = match file.as_deref().filter(|path| path.as_os_str() != "-") {
        Some(path) => std::fs::File::open(path)
            .and_then(|f| f.take(MAX_INPUT).read_to_end(&mut bytes))
            .map_err(|err| format!("cannot read {}: {err}", path.display())),
        None => io::stdin().take(MAX_INPUT).read_to_end(&mut bytes).map_err(|err| format!("cannot read stdin: {err}")),
    };
    result.map(|_| bytes)
}

fn parse(
    provider: Provider,
    file: Option<PathBuf>,
    status: Option<u16>,
    headers: &[String],
    lang: Option<Lang>,
    json: bool,
) -> Result<Outcome, String> {
    let mut raw = input::split_capture(read_input(file)?)?;
    for header in headers {
        raw.add_header(header)?;
    }
    let status = match status {
        Some(code) => StatusCode::from_u16(code).map_err(|_| format!("bad status `{code}` (expected 100..=999)"))?,
        None => raw.status.unwrap_or(StatusCode::OK),
    };
    match provider {
        Provider::Upyun => show_parsed::<UpyunError>(status, &raw, lang, json),
        Provider::QingStor => show_parsed::<QingStorError>(status, &raw, lang, json),
        Provider::LeanCloud => show_parsed::<LeanCloudError>(status, &raw, lang, json),
        _ => show_parsed::<OpenListError>(status, &raw, lang, json),
    }
}

fn show_parsed<E: ProviderError + serde::Serialize>(
    status: StatusCode,
    raw: &input::RawResponse,
    lang: Option<Lang>,
    json: bool,
) -> Result<Outcome, String> {
    let err = E::check_parts(status, &raw.headers, &raw.body).err();
    let entry = err.as_ref().and_then(|e| e.code()).map(Info::of);
    if json {
        print_json(&json!({
            "error": err.as_ref().map(|e| serde_json::to_value(e).unwrap_or(Value::Null)),
            "entry": entry.as_ref().map(|e| e.to_json(lang)),
            "success": err.is_none(),
        }));
    } else if let Some(err) = &err {
        out!("{err}");
        let unknown = || "(unknown)".to_owned();
        out!("  code:       {}", err.code().map_or_else(unknown, |c| c.code_str().to_owned()));
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
        let truncated = if err.is_truncated() { ", truncated" } else { "" };
        out!("  body:       {}{truncated}", err.body_format());
        if let Some(entry) = &entry {
            out!();
            entry.print(lang);
        }
    } else {
        out!("{} {}: success, not an error response", E::PROVIDER, status.as_u16());
    }
    Ok(if entry.is_some() { Outcome::Found } else { Outcome::NothingFound })
}

fn list(provider: Provider, surface: Option<&str>, lang: Option<Lang>, json: bool) -> Result<Outcome, String> {
    let surfaces = Info::surfaces(provider);
    if let Some(surface) = surface.filter(|s| !surfaces.contains(s)) {
        return Err(format!("{provider} has no surface `{}` (it has {})", shown(surface), surfaces.join(", ")));
    }
    let entries: Vec<Info> =
        Info::all(provider).into_iter().filter(|e| surface.is_none_or(|s| e.surface == s)).collect();
    if json {
        print_json(&json!({
            "provider": provider.as_str(),
            "entries": entries.iter().map(|e| e.to_json(lang)).collect::<Vec<_>>(),
        }));
        return Ok(Outcome::Found);
    }
    let rows: Vec<[String; 5]> = entries
        .iter()
        .map(|e| {
            let text = e.message.filter(|m| !m.is_empty()).unwrap_or(e.summary);
            [
                e.code.to_owned(),
                e.status.as_u16().to_string(),
                e.kind.as_str().to_owned(),
                e.retry.to_string(),
                text.to_owned(),
            ]
        })
        .collect();
    let header = ["CODE", "STATUS", "KIND", "RETRY", "MESSAGE"].map(str::to_owned);
    let widths: Vec<usize> =
        (0..4).map(|col| rows.iter().chain([&header]).map(|row| row[col].chars().count()).max().unwrap_or(0)).collect();
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = (0..4).map(|col| format!("{:<width$}", row[col], width = widths[col])).collect();
        out!("{}  {}", cells.join("  "), row[4]);
    }
    Ok(Outcome::Found)
}

fn search(words: &[String], json: bool) -> Outcome {
    let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let providers = [Provider::Upyun, Provider::QingStor, Provider::LeanCloud, Provider::OpenList];
    let matches: Vec<Info> = providers
        .iter()
        .flat_map(|p| Info::all(*p))
        .filter(|info| {
            let haystack = info.haystack();
            words.iter().all(|word| haystack.contains(word.as_str()))
        })
        .collect();
    if json {
        print_json(&json!({
            "words": words,
            "matches": matches.iter().map(|m| m.to_json(None)).collect::<Vec<_>>(),
        }));
    } else {
        for m in &matches {
            out!("{} {}: {}", m.provider, m.code, m.summary);
        }
        if matches.is_empty() {
            err!("no entry contains all of: {}", shown(&words.join(" ")));
        }
    }
    if matches.is_empty() { Outcome::NothingFound } else { Outcome::Found }
}
