//! `scan`: what went wrong in an OpenList/AList log, how often, where, and what to do.

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

use cloud_errcodes::{Lang, OpenListError, openlist};
use serde_json::{Value, json};
use signal_hook::consts::{SIGINT, SIGTERM};

use crate::{Outcome, print_json, shown};

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
pub fn scan(files: &[PathBuf], lang: Option<Lang>, json: bool) -> Result<Outcome, String> {
    // Paths are opened as given (not UTF-8 too); names are how they are shown.
    let paths: Vec<Option<&Path>> = match files {
        [] => vec![None],
        files => files.iter().map(|f| Some(f.as_path()).filter(|p| p.as_os_str() != "-")).collect(),
    };
    let names: Vec<String> =
        paths.iter().map(|path| path.map_or_else(|| "-".to_owned(), |p| p.to_string_lossy().into_owned())).collect();
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
    match json {
        true => print_json(&to_json(&report, &names, lang, &failed, interrupted)),
        false => print_text(&report, &names, lang),
    }
    let mut problems: Vec<String> =
        failed.iter().map(|(input, err)| format!("cannot read {}: {err}", shown(&names[*input]))).collect();
    if let Some(name) = interrupted {
        problems.push(format!("interrupted by {name}: the report covers the {} lines read", report.lines));
    }
    match problems.is_empty() {
        true => Ok(if report.seen.is_empty() { Outcome::NothingFound } else { Outcome::Found }),
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

fn print_text(report: &Report, names: &[String], lang: Option<Lang>) {
    let colour = io::stdout().is_terminal();
    let (bold, plain) = if colour { ("\x1b[1m", "\x1b[0m") } else { ("", "") };
    let rows = report.rows();
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|(error, seen)| {
            [seen.count.to_string(), error.code().to_owned(), place(seen.first, names), place(seen.last, names)]
        })
        .collect();
    let header = ["COUNT", "SYMPTOM", "FIRST", "LAST"].map(str::to_owned);
    let width = |col: usize| cells.iter().chain([&header]).map(|row| row[col].chars().count()).max().unwrap_or(0);
    let widths = [width(0), width(1), width(2), width(3)];
    // One row of the table: the count right-aligned, the symptom id (bold on a terminal).
    let line = |row: &[String; 4], style: (&str, &str), last: &str| {
        let [w0, w1, w2, w3] = widths;
        format!("{:>w0$}  {}{:<w1$}{}  {:<w2$}  {:<w3$}  {last}", row[0], style.0, row[1], style.1, row[2], row[3])
    };
    if !rows.is_empty() {
        out!("{}", line(&header, ("", ""), "SUMMARY"));
    }
    for ((error, _), row) in rows.iter().zip(&cells) {
        let (summary, remedy) = words(*error, lang);
        out!("{}", line(row, (bold, plain), summary));
        if let Some(remedy) = remedy {
            let label = if lang == Some(Lang::ZhCn) { "处理" } else { "remedy" };
            out!("{:w0$}  {label}: {remedy}", "", w0 = widths[0]);
        }
    }
    let files = if names.len() > 1 { format!(" in {} inputs", names.len()) } else { String::new() };
    let symptoms = report.seen.values().map(|s| s.count).sum::<u64>();
    out!("{} lines, {} bytes scanned{files}: {symptoms} with a known symptom", report.lines, report.bytes);
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
