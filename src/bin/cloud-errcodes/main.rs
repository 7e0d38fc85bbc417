//! `cloud-errcodes`: explain, parse, list and search the error codes of UpYun, QingStor,
//! LeanCloud and OpenList/AList from the command line.
//!
//! Every subcommand works on the library's provider-erased view ([`cloud_errcodes::AnyCode`],
//! [`cloud_errcodes::AnyApiError`]): no code here matches on a provider.

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

mod candidates;
mod explain;
mod info;
mod input;
mod list;
mod markers;
mod parse;
mod scan;
mod search;

use std::{path::PathBuf, process::ExitCode};

use clap::{Args, Parser, Subcommand};
use cloud_errcodes::{Escaped, Lang, Provider};
use serde_json::Value;

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
  cloud-errcodes explain 'upload failed:{\"msg\":\"signature error\",\"code\":40100005}'
  pbpaste | cloud-errcodes explain               # any pasted text: each provider's reading
  curl -si https://v0.api.upyun.com/bucket/x | cloud-errcodes parse upyun
  cloud-errcodes parse qingstor body.json --status 409 --header 'X-QS-Request-ID: aa08cf7a43f611e5'
  cloud-errcodes list leancloud
  cloud-errcodes search bucket full
  docker logs openlist 2>&1 | cloud-errcodes scan
  cloud-errcodes scan --provider upyun app.log    # an application's UpYun errors
  cloud-errcodes scan data/log/log.log --lang zh-CN

PROVIDERS: upyun, qingstor, leancloud, openlist (alist is an alias of openlist).

EXIT STATUS: 0 found, 1 nothing found, 2 usage or input error (one line on stderr). parse: 0 an
error response whose code the catalogue knows, 1 not an error response (a success), 2 usage or
input error (an empty input too), 3 an error response the catalogue does not know (an unknown
code, a proxy's page).

JSON (--json) prints one document. An entry is
  {\"provider\", \"code\", \"message\" (null when the provider sends none), \"summary\",
   \"http_status\", \"kind\", \"retry\", \"surface\", \"provenance\", \"description\": {\"en\", \"zh-CN\"},
   \"remedy\": {...} or null}
(--lang keeps one language). explain: {\"query\", \"readings\": [{\"provider\", \"evidence\" (body,
rendering, message or code: the strongest first), \"error\": parsed error, \"entry\": entry or null}],
\"matches\": [entry], \"http_status\": {\"code\", \"reason\", \"kind\", \"retry\"} or null,
\"symptom\": {\"pattern\", \"value\", \"tail\"} or null};
parse: {\"error\": {provider, http_status, wire_status, code, raw_code, message, request_id, url,
kind, retry, retry_after_secs, body_format, truncated} or null, \"entry\": entry or null,
\"success\": bool, \"dropped_headers\": [name] (headers of the capture that could not be read)}; list: {\"provider\", \"entries\": [entry]}; search: {\"words\", \"matches\":
[entry]}; scan: {\"lines\", \"bytes\", \"symptoms\": [{\"code\", \"count\", \"first_line\",
\"last_line\", \"first_file\", \"last_file\", \"summary\", \"remedy\" (null when none is known)}],
most frequent first, \"unread\": [{\"file\", \"error\"}], \"interrupted_by\": \"SIGINT\", \"SIGTERM\" or null};
scan --provider: {\"provider\", \"lines\", \"bytes\", \"lines_read\", \"errors\": [{\"code\" (null
for an error without one), \"known\", \"http_status\", \"count\", \"first_line\", \"last_line\",
\"first_file\", \"last_file\", \"summary\", \"remedy\", \"description\" (null for a code the
catalogue does not list), \"message\" (the first seen), \"evidence\" (the strongest seen)}], most
frequent first, \"unread\", \"interrupted_by\"}. scan reports what it read even when an input
cannot be read or SIGINT/SIGTERM stops it; then it exits 2 and names the input (or the signal)
on stderr."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// How to print: the options every subcommand shares.
#[derive(Args, Clone, Copy)]
struct Output {
    /// Show descriptions in one language only: en or zh-CN
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Print one JSON document
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Explain a code, or any pasted text: a log line, an SDK's exception, an error body
    Explain {
        /// `<provider> <code-or-text>`, or one `<code-or-text>` (quoted) to try every provider
        /// and show each plausible reading, the most certain first; the text is read from stdin
        /// when absent or `-`
        #[arg(num_args = 0.., value_name = "PROVIDER] [CODE-OR-TEXT")]
        args: Vec<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Parse a raw HTTP response from FILE or stdin: a bare body, or `curl -i` output
    Parse {
        /// The provider that answered
        #[arg(value_parser = parse_provider)]
        provider: Provider,
        /// The response; stdin when absent or `-`
        file: Option<PathBuf>,
        /// The HTTP status of a bare body; overrides a `curl -i` status line. Without it, a
        /// bare body is judged by itself: a body naming an error code is an error
        #[arg(long)]
        status: Option<u16>,
        /// A response header, `Name: value` (repeatable)
        #[arg(long = "header", short = 'H', value_name = "NAME: VALUE")]
        headers: Vec<String>,
        #[command(flatten)]
        output: Output,
    },
    /// List a provider's whole catalogue as a table
    List {
        #[arg(value_parser = parse_provider)]
        provider: Provider,
        /// Only the entries of one API surface (`list <provider>` shows each entry's; an
        /// unknown surface is refused with the provider's list)
        #[arg(long)]
        surface: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Find entries whose code, message or description (either language) contains every word
    Search {
        #[arg(required = true)]
        words: Vec<String>,
        /// Print one JSON document
        #[arg(long)]
        json: bool,
    },
    /// Diagnose OpenList/AList logs, or with --provider the logs of an application talking to
    /// UpYun, QingStor or LeanCloud: each symptom or error found, how often, where, and what to do
    Scan {
        /// The logs; stdin when none is given, or for `-`
        files: Vec<PathBuf>,
        /// Look for this provider's errors (upyun, qingstor, leancloud); OpenList's symptoms
        /// when absent
        #[arg(long, value_parser = parse_provider)]
        provider: Option<Provider>,
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

/// What a subcommand found: its exit status.
enum Outcome {
    /// 0
    Found,
    /// 1
    NothingFound,
    /// 3 (`parse`): an error response whose code the catalogue does not know.
    UnknownError,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    let result = match cli.command {
        Command::Explain { args, output } => explain::explain(&args, output),
        Command::Parse { provider, file, status, headers, output } => {
            parse::parse(provider, file, status, &headers, output)
        }
        Command::List { provider, surface, output } => list::list(provider, surface.as_deref(), output),
        Command::Search { words, json } => Ok(search::search(&words, json)),
        Command::Scan { files, provider, lang, json } => scan::scan(&files, provider, lang, json),
    };
    match result {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Ok(Outcome::UnknownError) => ExitCode::from(3),
        Err(message) => {
            err!("cloud-errcodes: {message}");
            ExitCode::from(2)
        }
    }
}

/// `--help` and `--version` print in full (exit 0); a usage error is one line on stderr, as
/// `--help` promises (exit 2).
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    // clap's message runs over several lines (the missing arguments are listed below it) and ends
    // with usage and a tip; the lines before the usage, joined, are the one-line message.
    let rendered = error.render().to_string();
    let message = rendered
        .lines()
        .map(str::trim)
        .take_while(|line| !line.starts_with("Usage:") && !line.starts_with("tip:"))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    let message = if message.is_empty() { "invalid arguments" } else { message };
    err!("cloud-errcodes: {message} (see `cloud-errcodes --help`)");
    ExitCode::from(2)
}

fn print_json(value: &Value) {
    out!("{}", serde_json::to_string_pretty(value).unwrap_or_default());
}
