//! `scan`: what went wrong in an OpenList/AList log, or in the log of an application talking to
//! UpYun, QingStor or LeanCloud (`--provider`): how often, where, and what to do.

use std::{
    collections::HashMap,
    fs::File,
    io::{self, BufReader, IsTerminal, Read},
    path::{Path, PathBuf},
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicUsize, Ordering},
        mpsc::{Receiver, RecvTimeoutError, sync_channel},
    },
    thread,
    time::Duration,
};

use cloud_errcodes::{AnyApiError, AnyCode, Evidence, Lang, OpenListError, Provider, openlist};
use serde_json::{Value, json};
use signal_hook::consts::{SIGINT, SIGTERM};

use crate::{
    Outcome,
    candidates::{Finder, Totals},
    markers::markers,
    print_json, shown,
};

/// How much of the input is read at a time.
const READ_BUFFER: usize = 256 * 1024;

/// Inputs larger than this get a progress bar (on a terminal).
const PROGRESS_FROM: u64 = 16 << 20;

/// Where a symptom was seen: the input (index into the names) and the line.
#[derive(Clone, Copy)]
struct Place {
    input: usize,
    line: u64,
}

/// What was seen of one symptom.
struct Seen {
    count: u64,
    first: Place,
    last: Place,
}

/// Everything `scan` found.
#[derive(Default)]
struct Report {
    lines: u64,
    bytes: u64,
    seen: HashMap<OpenListError, Seen>,
}

impl Report {
    fn add(&mut self, error: OpenListError, place: Place) {
        self.seen
            .entry(error)
            .and_modify(|seen| {
                seen.count += 1;
                seen.last = place;
            })
            .or_insert(Seen { count: 1, first: place, last: place });
    }

    /// The symptoms, most frequent first (then by id, so the order is stable).
    fn rows(&self) -> Vec<(OpenListError, &Seen)> {
        let mut rows: Vec<_> = self.seen.iter().map(|(error, seen)| (*error, seen)).collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.code().cmp(b.0.code())));
        rows
    }
}

/// How often a scan waiting for input looks whether a signal asked it to stop.
const POLL: Duration = Duration::from_millis(50);

/// How many blocks an input's reader thread may read ahead of the scan.
const READ_AHEAD: usize = 2;

/// The inputs, the report, and whatever stopped it from covering them all: an input that could
/// not be read (named, the others still reported), or SIGINT/SIGTERM (the report covers what
/// was read until then). Either is exit status 2, with one line on stderr.
pub fn scan(files: &[PathBuf], provider: Option<Provider>, lang: Option<Lang>, json: bool) -> Result<Outcome, String> {
    // Paths are opened as given (not UTF-8 too); names are how they are shown.
    let paths: Vec<Option<&Path>> = match files {
        [] => vec![None],
        files => files.iter().map(|f| Some(f.as_path()).filter(|p| p.as_os_str() != "-")).collect(),
    };
    let names: Vec<String> =
        paths.iter().map(|path| path.map_or_else(|| "-".to_owned(), |p| p.to_string_lossy().into_owned())).collect();
    // With a provider other than OpenList: its markers, and the report of its errors.
    let finder = match provider {
        Some(provider) if provider != Provider::OpenList => Some((provider, Finder::new(&markers(provider))?)),
        _ => None,
    };
    let mut errors = ProviderReport::default();
    let signal = Signal::watch();
    let progress = progress_bar(&paths);
    let mut report = Report::default();
    let mut failed = Vec::new();
    for (input, path) in paths.iter().enumerate() {
        if signal.caught().is_some() {
            break;
        }
        let reader: Box<dyn Read> = Box::new(Blocks::read(*path, Arc::clone(&signal.stop)));
        let reader = match &progress {
            Some(bar) => Box::new(bar.wrap_read(reader)),
            None => reader,
        };
        if let Some((provider, finder)) = &finder {
            let mut totals = Totals::default();
            let read = finder.each_line(reader, &mut totals, |line, text| {
                errors.read += 1;
                if let Some(err) = provider.parse_text(&String::from_utf8_lossy(text)) {
                    errors.add(&err, Place { input, line });
                }
            });
            if let Err(err) = read {
                failed.push((input, err.to_string()));
            }
            errors.lines += totals.lines;
            errors.bytes += totals.bytes;
            continue;
        }
        let mut lines = openlist::scan_lines(BufReader::with_capacity(READ_BUFFER, reader));
        for found in lines.by_ref() {
            match found {
                Ok(found) => report.add(found.error(), Place { input, line: found.line() }),
                Err(err) => failed.push((input, err.to_string())),
            }
        }
        report.lines += lines.lines();
        report.bytes += lines.bytes();
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let interrupted = signal.caught();
    let (lines, nothing) = match &finder {
        Some((provider, _)) => {
            print_provider(*provider, &errors, &names, lang, json, &failed, interrupted);
            (errors.lines, errors.seen.is_empty())
        }
        None => {
            match json {
                true => print_json(&to_json(&report, &names, lang, &failed, interrupted)),
                false => print_text(&report, &names, lang),
            }
            (report.lines, report.seen.is_empty())
        }
    };
    let mut problems: Vec<String> =
        failed.iter().map(|(input, err)| format!("cannot read {}: {err}", shown(&names[*input]))).collect();
    if let Some(name) = interrupted {
        problems.push(format!("interrupted by {name}: the report covers the {lines} lines read"));
    }
    match problems.is_empty() {
        true => Ok(if nothing { Outcome::NothingFound } else { Outcome::Found }),
        false => Err(problems.join("; ")),
    }
}

/// SIGINT and SIGTERM, caught so that the scan ends with a report of what it read.
struct Signal {
    stop: Arc<AtomicBool>,
    which: Arc<AtomicUsize>,
}

impl Signal {
    fn watch() -> Self {
        let signal = Signal { stop: Arc::new(AtomicBool::new(false)), which: Arc::new(AtomicUsize::new(0)) };
        for number in [SIGINT, SIGTERM] {
            // A registration that fails leaves the default action (the scan is killed). A second
            // signal does not kill it either: `timeout` sends SIGTERM to the command and again to
            // its process group, and the scan stops within `POLL` of the first anyway.
            let _ = signal_hook::flag::register_usize(number, Arc::clone(&signal.which), number as usize);
            let _ = signal_hook::flag::register(number, Arc::clone(&signal.stop));
        }
        signal
    }

    /// The name of the signal that stopped the scan, if one did.
    fn caught(&self) -> Option<&'static str> {
        if !self.stop.load(Ordering::SeqCst) {
            return None;
        }
        Some(match self.which.load(Ordering::SeqCst) {
            n if n == SIGINT as usize => "SIGINT",
            _ => "SIGTERM",
        })
    }
}

/// One input read on a thread of its own, in blocks: a scan waiting for a stdin that never ends
/// (`docker logs -f ... | cloud-errcodes scan`) still sees a signal and stops, as at the end
/// of its input.
struct Blocks {
    blocks: Receiver<io::Result<Vec<u8>>>,
    block: Vec<u8>,
    at: usize,
    stop: Arc<AtomicBool>,
}

impl Blocks {
    /// Starts reading `path` (stdin for `None`).
    fn read(path: Option<&Path>, stop: Arc<AtomicBool>) -> Self {
        let (send, blocks) = sync_channel(READ_AHEAD);
        let path = path.map(Path::to_path_buf);
        thread::spawn(move || {
            let mut reader: Box<dyn Read> = match path {
                None => Box::new(io::stdin().lock()),
                Some(path) => match File::open(path) {
                    Ok(file) => Box::new(file),
                    Err(err) => return drop(send.send(Err(err))),
                },
            };
            loop {
                let mut block = vec![0; READ_BUFFER];
                match reader.read(&mut block) {
                    Ok(0) => return,
                    Ok(len) => {
                        block.truncate(len);
                        if send.send(Ok(block)).is_err() {
                            return;
                        }
                    }
                    Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                    Err(err) => return drop(send.send(Err(err))),
                }
            }
        });
        Blocks { blocks, block: Vec::new(), at: 0, stop }
    }
}

impl Read for Blocks {
    /// The next bytes; the end of the input once a signal came (looked at between blocks).
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.at < self.block.len() {
                let len = out.len().min(self.block.len() - self.at);
                out[..len].copy_from_slice(&self.block[self.at..self.at + len]);
                self.at += len;
                return Ok(len);
            }
            if self.stop.load(Ordering::SeqCst) {
                return Ok(0);
            }
            match self.blocks.recv_timeout(POLL) {
                Ok(Ok(block)) => (self.block, self.at) = (block, 0),
                Ok(Err(err)) => return Err(err),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(0),
            }
        }
    }
}

/// A bar on stderr for long inputs, only when stderr is a terminal.
fn progress_bar(paths: &[Option<&Path>]) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let sizes: Option<u64> = paths.iter().map(|path| std::fs::metadata((*path)?).ok().map(|m| m.len())).sum();
    let bar = match sizes {
        Some(total) if total < PROGRESS_FROM => return None,
        Some(total) => indicatif::ProgressBar::new(total),
        None => indicatif::ProgressBar::new_spinner(),
    };
    let style = indicatif::ProgressStyle::with_template("{spinner} {bytes}/{total_bytes} {wide_bar} {bytes_per_sec}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    Some(bar)
}

/// The summary and remedy in the language asked for (English by default).
fn words(error: OpenListError, lang: Option<Lang>) -> (&'static str, Option<&'static str>) {
    let lang = lang.unwrap_or(Lang::En);
    let summary = match lang {
        Lang::En => error.summary(),
        _ => error.description(lang),
    };
    (summary, Some(error.solution(lang)).filter(|remedy| !remedy.is_empty()))
}

fn place(place: Place, names: &[String]) -> String {
    match names.len() {
        1 => place.line.to_string(),
        _ => format!("{}:{}", shown(&names[place.input]), place.line),
    }
}

/// One row of the table `scan` prints: what was found, and its summary and remedy.
struct TableRow {
    count: u64,
    id: String,
    first: String,
    last: String,
    summary: String,
    remedy: Option<&'static str>,
    /// What the code means, shown when there is no remedy (English only: in Chinese the
    /// summary column is the description already).
    means: Option<&'static str>,
}

/// The table, most frequent first, and the closing line.
fn print_table(id_header: &str, rows: &[TableRow], lang: Option<Lang>, footer: &str) {
    let colour = io::stdout().is_terminal();
    let (bold, plain) = if colour { ("\x1b[1m", "\x1b[0m") } else { ("", "") };
    let cells: Vec<[String; 4]> =
        rows.iter().map(|row| [row.count.to_string(), row.id.clone(), row.first.clone(), row.last.clone()]).collect();
    let header = ["COUNT", id_header, "FIRST", "LAST"].map(str::to_owned);
    let width = |col: usize| cells.iter().chain([&header]).map(|row| row[col].chars().count()).max().unwrap_or(0);
    let widths = [width(0), width(1), width(2), width(3)];
    // One row of the table: the count right-aligned, the id (bold on a terminal).
    let line = |row: &[String; 4], style: (&str, &str), last: &str| {
        let [w0, w1, w2, w3] = widths;
        format!("{:>w0$}  {}{:<w1$}{}  {:<w2$}  {:<w3$}  {last}", row[0], style.0, row[1], style.1, row[2], row[3])
    };
    if !rows.is_empty() {
        out!("{}", line(&header, ("", ""), "SUMMARY"));
    }
    for (row, cells) in rows.iter().zip(&cells) {
        out!("{}", line(cells, (bold, plain), &row.summary));
        if let Some(remedy) = row.remedy {
            let label = if lang == Some(Lang::ZhCn) { "处理" } else { "remedy" };
            out!("{:w0$}  {label}: {remedy}", "", w0 = widths[0]);
        } else if let Some(means) = row.means {
            out!("{:w0$}  means: {means}", "", w0 = widths[0]);
        }
    }
    out!("{footer}");
}

fn inputs_note(names: &[String]) -> String {
    if names.len() > 1 { format!(" in {} inputs", names.len()) } else { String::new() }
}

fn print_text(report: &Report, names: &[String], lang: Option<Lang>) {
    let rows: Vec<TableRow> = report
        .rows()
        .iter()
        .map(|(error, seen)| {
            let (summary, remedy) = words(*error, lang);
            TableRow {
                count: seen.count,
                id: error.code().to_owned(),
                first: place(seen.first, names),
                last: place(seen.last, names),
                summary: summary.to_owned(),
                remedy,
                means: None,
            }
        })
        .collect();
    let symptoms = report.seen.values().map(|s| s.count).sum::<u64>();
    let footer = format!(
        "{} lines, {} bytes scanned{}: {symptoms} with a known symptom",
        report.lines,
        report.bytes,
        inputs_note(names)
    );
    print_table("SYMPTOM", &rows, lang, &footer);
}

fn to_json(
    report: &Report,
    names: &[String],
    lang: Option<Lang>,
    failed: &[(usize, String)],
    interrupted: Option<&str>,
) -> Value {
    let symptoms: Vec<Value> = report
        .rows()
        .iter()
        .map(|(error, seen)| {
            let (summary, remedy) = words(*error, lang);
            json!({
                "code": error.code(),
                "count": seen.count,
                "first_line": seen.first.line,
                "last_line": seen.last.line,
                "first_file": names[seen.first.input],
                "last_file": names[seen.last.input],
                "summary": summary,
                "remedy": remedy,
            })
        })
        .collect();
    let failed: Vec<Value> = failed.iter().map(|(input, err)| json!({ "file": names[*input], "error": err })).collect();
    json!({
        "lines": report.lines,
        "bytes": report.bytes,
        "symptoms": symptoms,
        "unread": failed,
        "interrupted_by": interrupted,
    })
}

/// At most this many distinct codes the catalogue does not know (and bodiless statuses) get a
/// row each; the rest are counted together, so memory stays bounded whatever a log holds.
const MAX_UNKNOWN: usize = 256;

/// How many characters of a message from a log a row keeps.
const MESSAGE_CHARS: usize = 120;

/// What a row of `scan --provider` stands for.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Found {
    /// A code the catalogue documents.
    Known(AnyCode),
    /// A code it does not (the raw code as the log has it).
    Unknown(String),
    /// An error without a code: the status it had.
    Status(u16),
    /// Every further unknown code or status, beyond [`MAX_UNKNOWN`] rows.
    Others,
}

/// What was seen of one row.
struct SeenError {
    count: u64,
    first: Place,
    last: Place,
    /// The first message seen with it (cut to [`MESSAGE_CHARS`]).
    message: Option<String>,
    /// The strongest evidence seen for it.
    evidence: Option<Evidence>,
}

/// Everything `scan --provider` found.
#[derive(Default)]
struct ProviderReport {
    lines: u64,
    bytes: u64,
    /// Lines with a marker, read by `parse_text`.
    read: u64,
    seen: HashMap<Found, SeenError>,
    unknown_rows: usize,
}

impl ProviderReport {
    fn add(&mut self, err: &AnyApiError, place: Place) {
        let mut found = match (err.code(), err.raw_code()) {
            (Some(code), _) => Found::Known(code),
            (None, Some(raw)) => Found::Unknown(raw.as_str().chars().take(MESSAGE_CHARS).collect()),
            (None, None) => Found::Status(err.http_status().as_u16()),
        };
        if !matches!(found, Found::Known(_)) && !self.seen.contains_key(&found) {
            if self.unknown_rows >= MAX_UNKNOWN {
                found = Found::Others;
            } else {
                self.unknown_rows += 1;
            }
        }
        let seen = self.seen.entry(found).or_insert_with(|| SeenError {
            count: 0,
            first: place,
            last: place,
            message: err.message().map(|m| m.chars().take(MESSAGE_CHARS).collect()),
            evidence: None,
        });
        seen.count += 1;
        seen.last = place;
        seen.evidence = seen.evidence.max(err.evidence());
    }

    /// The rows, most frequent first (then known codes before unknown ones, then by code).
    fn rows(&self) -> Vec<(&Found, &SeenError)> {
        let mut rows: Vec<_> = self.seen.iter().collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
        rows
    }
}

impl Found {
    /// The id column: the code, the raw code, or the status.
    fn id(&self) -> String {
        match self {
            Found::Known(code) => code.code_str().to_owned(),
            Found::Unknown(raw) => shown(raw).to_string(),
            Found::Status(status) => format!("HTTP {status}"),
            Found::Others => "(others)".to_owned(),
        }
    }

    /// The summary (in `lang`) and remedy, where the catalogue knows the code; otherwise what
    /// the log said.
    fn words(&self, seen: &SeenError, lang: Option<Lang>) -> (String, Option<&'static str>) {
        let lang = lang.unwrap_or(Lang::En);
        let said = seen.message.as_deref().map(|m| format!(": {}", shown(m))).unwrap_or_default();
        match self {
            Found::Known(code) => {
                let summary = match lang {
                    Lang::En => code.summary(),
                    _ => code.description(lang),
                };
                (summary.to_owned(), code.remedy(lang))
            }
            Found::Unknown(_) => (format!("a code the catalogue does not list{said}"), None),
            Found::Status(status) => {
                let reason = http::StatusCode::from_u16(*status).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
                (format!("HTTP {status} {reason} without a code{said}"), None)
            }
            Found::Others => (format!("more than {MAX_UNKNOWN} other codes the catalogue does not list"), None),
        }
    }

    fn code_json(&self) -> Value {
        match self {
            Found::Known(code) => code.code_str().into(),
            Found::Unknown(raw) => raw.as_str().into(),
            Found::Status(_) | Found::Others => Value::Null,
        }
    }
}

/// The report of `scan --provider`, as a table or one JSON document.
fn print_provider(
    provider: Provider,
    report: &ProviderReport,
    names: &[String],
    lang: Option<Lang>,
    json: bool,
    failed: &[(usize, String)],
    interrupted: Option<&str>,
) {
    let rows = report.rows();
    if json {
        let errors: Vec<Value> = rows
            .iter()
            .map(|(found, seen)| {
                let (summary, remedy) = found.words(seen, lang);
                json!({
                    "code": found.code_json(),
                    "known": matches!(found, Found::Known(_)),
                    "http_status": match found {
                        Found::Known(code) => Some(code.http_status().as_u16()),
                        Found::Status(status) => Some(*status),
                        _ => None,
                    },
                    "count": seen.count,
                    "first_line": seen.first.line,
                    "last_line": seen.last.line,
                    "first_file": names[seen.first.input],
                    "last_file": names[seen.last.input],
                    "summary": summary,
                    "remedy": remedy,
                    "description": match found {
                        Found::Known(code) => Some(code.description(lang.unwrap_or(Lang::En))),
                        _ => None,
                    },
                    "message": seen.message,
                    "evidence": seen.evidence.map(Evidence::as_str),
                })
            })
            .collect();
        let failed: Vec<Value> =
            failed.iter().map(|(input, err)| json!({ "file": names[*input], "error": err })).collect();
        print_json(&json!({
            "provider": provider.as_str(),
            "lines": report.lines,
            "bytes": report.bytes,
            "lines_read": report.read,
            "errors": errors,
            "unread": failed,
            "interrupted_by": interrupted,
        }));
        return;
    }
    let table: Vec<TableRow> = rows
        .iter()
        .map(|(found, seen)| {
            let (summary, remedy) = found.words(seen, lang);
            TableRow {
                count: seen.count,
                id: found.id(),
                first: place(seen.first, names),
                last: place(seen.last, names),
                summary,
                remedy,
                means: match (found, lang) {
                    (Found::Known(code), None | Some(Lang::En)) => Some(code.description(Lang::En)),
                    _ => None,
                },
            }
        })
        .collect();
    let errors = report.seen.values().map(|s| s.count).sum::<u64>();
    let footer = format!(
        "{} lines, {} bytes scanned{}: {errors} with an error of {}",
        report.lines,
        report.bytes,
        inputs_note(names),
        provider.brand()
    );
    print_table("CODE", &table, lang, &footer);
}
