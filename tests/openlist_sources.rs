//! The OpenList source texts checked against the catalogue, committed as test data under
//! `tests/data/openlist/` (one `.tsv` per part of the source tree): every row is recognised as
//! the symptom it names, or left out on purpose and then recognised as nothing. The next
//! OpenList release can be diffed against these lists.
//!
//! Columns: the text as in the Go source (format verbs and escapes kept), `path:line`, the
//! OpenList commit, and the verdict: a symptom id, or `left-out: <reason>`. Lines starting with
//! `#` are comments.

use std::{fs, path::Path};

use cloud_errcodes::OpenListError;

/// One row of a source list.
struct Row {
    file: String,
    text: String,
    place: String,
    commit: String,
    verdict: Verdict,
}

enum Verdict {
    Recognised(OpenListError),
    LeftOut(String),
}

/// The text as the program prints it: Go escapes resolved, format verbs filled with samples.
fn as_printed(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 16);
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            '%' => {
                let mut flags = String::new();
                while let Some(&f) = chars.peek().filter(|f| "+#-0123456789.".contains(**f)) {
                    flags.push(f);
                    chars.next();
                }
                match chars.next() {
                    Some('%') => out.push('%'),
                    Some('d') => out.push('7'),
                    Some('T') => out.push_str("int"),
                    Some('q') => out.push_str("\"demo\""),
                    Some(_) => out.push_str("demo"),
                    None => out.push('%'),
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn read_rows() -> Vec<Row> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/openlist");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("tests/data/openlist exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tsv"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "the driver and the server lists are there: {files:?}");
    let mut rows = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let columns: Vec<&str> = line.split('\t').collect();
            let [source, place, commit, verdict] = columns[..] else {
                panic!("{name}:{}: four tab-separated columns expected: {line:?}", n + 1)
            };
            let verdict = match verdict.strip_prefix("left-out: ") {
                Some(reason) => Verdict::LeftOut(reason.to_owned()),
                None => Verdict::Recognised(
                    verdict.parse().unwrap_or_else(|_| panic!("{name}:{}: unknown symptom `{verdict}`", n + 1)),
                ),
            };
            rows.push(Row {
                file: name.clone(),
                text: source.to_owned(),
                place: place.to_owned(),
                commit: commit.to_owned(),
                verdict,
            });
        }
    }
    rows
}

#[test]
fn every_source_text_is_recognised_as_stated_or_left_out_on_purpose() {
    let rows = read_rows();
    let mut wrong = Vec::new();
    for row in &rows {
        assert!(
            row.commit.len() >= 8 && row.commit.bytes().all(|b| b.is_ascii_hexdigit()),
            "{}: {} has no commit",
            row.file,
            row.place
        );
        let (path, line) =
            row.place.rsplit_once(':').unwrap_or_else(|| panic!("{}: {} is not path:line", row.file, row.place));
        assert!(!path.is_empty() && line.parse::<u32>().is_ok(), "{}: {} is not path:line", row.file, row.place);
        let printed = as_printed(&row.text);
        let got = OpenListError::from_message(&printed);
        let ok = match &row.verdict {
            Verdict::Recognised(want) => got == Some(*want),
            Verdict::LeftOut(reason) => {
                assert!(!reason.trim().is_empty(), "{}: {}: a left-out row says why", row.file, row.place);
                got.is_none()
            }
        };
        if !ok {
            let want = match &row.verdict {
                Verdict::Recognised(want) => want.code().to_owned(),
                Verdict::LeftOut(_) => "nothing".to_owned(),
            };
            wrong.push(format!(
                "{} {} {:?}: want {want}, got {:?}",
                row.file,
                row.place,
                row.text,
                got.map(|e| e.code())
            ));
        }
    }
    assert!(wrong.is_empty(), "{} of {} rows disagree:\n{}", wrong.len(), rows.len(), wrong.join("\n"));
}

/// The share of rows recognised, among those whose path starts with one of `prefixes`.
fn recognised_share(rows: &[Row], prefixes: &[&str]) -> (usize, usize) {
    let scoped: Vec<&Row> =
        rows.iter().filter(|row| prefixes.iter().any(|prefix| row.place.starts_with(prefix))).collect();
    let recognised = scoped.iter().filter(|row| matches!(row.verdict, Verdict::Recognised(_))).count();
    (recognised, scoped.len())
}

/// Issue #19's target: at least 90 % of the literal messages of the server (`server/`) and of
/// `internal/errs` recognised.
#[test]
fn most_server_messages_are_recognised() {
    let rows = read_rows();
    let (recognised, total) = recognised_share(&rows, &["server/", "internal/errs/"]);
    let percent = 100.0 * recognised as f64 / total as f64;
    println!("server and internal/errs: {recognised} of {total} literal messages recognised ({percent:.1} %)");
    let (internal, internal_total) = recognised_share(&rows, &["internal/"]);
    println!("internal/ (errs included): {internal} of {internal_total} recognised");
    let (drivers, drivers_total) = recognised_share(&rows, &["drivers/"]);
    println!("drivers/: {drivers} of {drivers_total} recognised");
    assert!(total >= 250, "the server list is complete: {total} rows");
    assert!(recognised * 10 >= total * 9, "{percent:.1} % recognised");
}
