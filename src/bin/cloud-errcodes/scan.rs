//! `scan`: what went wrong in an OpenList/AList log, how often, where, and what to do.

use std::{
    collections::HashMap,
    fs::File,
    io::{self, BufReader, IsTerminal, Read},
    path::PathBuf,
};

use cloud_errcodes::{Lang, OpenListError, openlist};
use serde_json::{Value, json};

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

pub fn scan(files: &[PathBuf], lang: Option<Lang>, json: bool) -> Result<Outcome, String> {
    let names: Vec<String> = match files {
        [] => vec!["-".to_owned()],
        files => files.iter().map(|f| f.display().to_string()).collect(),
    };
    let progress = progress_bar(&names);
    let mut report = Report::default();
    for (input, name) in names.iter().enumerate() {
        let reader: Box<dyn Read> = match name.as_str() {
            "-" => Box::new(io::stdin().lock()),
            path => Box::new(File::open(path).map_err(|err| format!("cannot read {}: {err}", shown(path)))?),
        };
        let reader = match &progress {
            Some(bar) => Box::new(bar.wrap_read(reader)),
            None => reader,
        };
        let mut lines = openlist::scan_lines(BufReader::with_capacity(READ_BUFFER, reader));
        for found in lines.by_ref() {
            let found = found.map_err(|err| format!("cannot read {}: {err}", shown(name)))?;
            report.add(found.error(), Place { input, line: found.line() });
        }
        report.lines += lines.lines();
        report.bytes += lines.bytes();
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    match json {
        true => print_json(&to_json(&report, &names, lang)),
        false => print_text(&report, &names, lang),
    }
    Ok(if report.seen.is_empty() { Outcome::NothingFound } else { Outcome::Found })
}

/// A bar on stderr for long inputs, only when stderr is a terminal.
fn progress_bar(names: &[String]) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let sizes: Option<u64> =
        names.iter().map(|name| (name != "-").then(|| std::fs::metadata(name).ok().map(|m| m.len())).flatten()).sum();
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

fn to_json(report: &Report, names: &[String], lang: Option<Lang>) -> Value {
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
    json!({ "lines": report.lines, "bytes": report.bytes, "symptoms": symptoms })
}
