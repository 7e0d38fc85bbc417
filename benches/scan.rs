//! `cloud-errcodes scan` against `grep -c -i -F -f <patterns>` on the same generated log, side
//! by side: wall time (median of five runs each, alternating), MB/s and peak RSS.
//!
//! ```text
//! cargo bench --features cli --bench scan                        # 128 MB logs
//! SCAN_MB=512 cargo bench --features cli --bench scan
//! SCAN_ONLY=upyun,leancloud cargo bench --features cli --bench scan
//! SCAN_DIR=/tmp/logs SCAN_RUNS=0 cargo bench --features cli --bench scan   # only write them
//! ```
//!
//! Four logs, written by `benches/logs.rs` into a temporary directory and removed afterwards
//! (kept in `SCAN_DIR` when it is set):
//! - `openlist.log`: an OpenList server's log, scanned by `scan` against the catalogue's own
//!   symptom patterns as `openlist.patterns.txt`; and `one-line.log`, the same size as one
//!   single line, to show that memory does not depend on line length.
//! - `upyun.log`, `qingstor.log`, `leancloud.log`: an application's log, scanned by
//!   `scan --provider <p>` against the provider's markers (what `scan --provider` looks for
//!   before it reads a line, `src/bin/cloud-errcodes/markers.rs`) as `<p>.markers.txt`.
//!
//! Peak RSS comes from `/usr/bin/time -f %M` when it is installed.

#[allow(dead_code)]
mod logs;
#[allow(dead_code)]
#[path = "../src/bin/cloud-errcodes/markers.rs"]
mod markers;

use std::{
    fs,
    io::BufWriter,
    path::Path,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use cloud_errcodes::{OpenListError, Provider, ProviderError};

/// Wall time and peak RSS (KiB, when `/usr/bin/time` is there) of one run of `program args`.
fn run(program: &str, args: &[&str]) -> (Duration, Option<u64>) {
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = match timed {
        true => {
            let mut c = Command::new("/usr/bin/time");
            c.args(["-f", "%M", program]);
            c
        }
        false => Command::new(program),
    };
    let started = Instant::now();
    // Output to a pipe, not /dev/null: GNU grep stops at the first match when it sees /dev/null.
    let output = command.args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).output().expect("runs");
    let elapsed = started.elapsed();
    let rss = timed
        .then(|| String::from_utf8_lossy(&output.stderr).lines().last().and_then(|l| l.trim().parse().ok()))
        .flatten();
    (elapsed, rss)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Times `grep -c -i -F -f patterns log` and `cloud-errcodes <ours> log` in turn, `runs`
/// times each after one warm-up, and prints both and their ratio.
fn compare(label: &str, log: &Path, patterns: &Path, ours: &[&str], runs: usize) {
    let (log_s, patterns_s) = (log.to_str().unwrap(), patterns.to_str().unwrap());
    let program = env!("CARGO_BIN_EXE_cloud-errcodes");
    let grep_args = ["-c", "-i", "-F", "-f", patterns_s, log_s];
    let our_args: Vec<&str> = ours.iter().copied().chain([log_s]).collect();
    run("grep", &grep_args);
    run(program, &our_args);
    let (mut grep_times, mut our_times, mut grep_rss, mut our_rss) = (Vec::new(), Vec::new(), 0, 0);
    for _ in 0..runs {
        let (t, rss) = run("grep", &grep_args);
        grep_times.push(t);
        grep_rss = grep_rss.max(rss.unwrap_or(0));
        let (t, rss) = run(program, &our_args);
        our_times.push(t);
        our_rss = our_rss.max(rss.unwrap_or(0));
    }
    let (grep, scan) = (median(grep_times), median(our_times));
    let size = fs::metadata(log).unwrap().len() as f64 / 1e6;
    let count = fs::read_to_string(patterns).unwrap().lines().count();
    println!("{label}: {size:.1} MB, {count} patterns");
    println!(
        "  grep -c -i -F -f patterns: {:>8.1} ms  {:>7.0} MB/s  peak RSS {grep_rss} KiB",
        grep.as_secs_f64() * 1e3,
        size / grep.as_secs_f64()
    );
    println!(
        "  cloud-errcodes {}: {:>8.1} ms  {:>7.0} MB/s  peak RSS {our_rss} KiB",
        ours.join(" "),
        scan.as_secs_f64() * 1e3,
        size / scan.as_secs_f64()
    );
    println!("  scan / grep time: {:.2}", scan.as_secs_f64() / grep.as_secs_f64());
}

fn write(path: &Path, body: impl FnOnce(&mut BufWriter<fs::File>) -> std::io::Result<()>) {
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(path).unwrap());
    body(&mut out).unwrap();
}

fn main() {
    let megabytes: usize = std::env::var("SCAN_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(128);
    let runs: usize = std::env::var("SCAN_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let only = std::env::var("SCAN_ONLY").unwrap_or_else(|_| "openlist,upyun,qingstor,leancloud".to_owned());
    let kept = std::env::var_os("SCAN_DIR");
    let dir = match &kept {
        Some(dir) => dir.into(),
        None => std::env::temp_dir().join(format!("cloud-errcodes-scan-bench-{}", std::process::id())),
    };
    fs::create_dir_all(&dir).unwrap();
    let bytes = megabytes * 1_000_000;

    for name in only.split(',').map(str::trim) {
        let log = dir.join(format!("{name}.log"));
        if name == "openlist" {
            let patterns = dir.join("openlist.patterns.txt");
            let one_line = dir.join("one-line.log");
            write(&log, |out| logs::openlist_log(out, bytes));
            write(&one_line, |out| logs::one_line(out, bytes));
            let list: Vec<&str> = OpenListError::all().flat_map(|e| e.patterns().iter().copied()).collect();
            fs::write(&patterns, list.join("\n") + "\n").unwrap();
            if runs > 0 {
                compare("openlist.log", &log, &patterns, &["scan", "--json"], runs);
                let program = env!("CARGO_BIN_EXE_cloud-errcodes");
                let (_, rss) = run(program, &["scan", "--json", one_line.to_str().unwrap()]);
                println!("  one {megabytes} MB line: peak RSS {} KiB", rss.map_or("n/a".to_owned(), |k| k.to_string()));
            }
            continue;
        }
        let provider: Provider = name.parse().unwrap();
        let patterns = dir.join(format!("{name}.markers.txt"));
        let rows = logs::renderings(name);
        let mut written = None;
        write(&log, |out| {
            written = Some(logs::app_log(out, name, &rows, bytes, 2)?);
            Ok(())
        });
        let written = written.unwrap();
        fs::write(&patterns, markers::markers(provider).join("\n") + "\n").unwrap();
        if runs > 0 {
            println!(
                "{name}.log: {} lines, {} error lines, {} look-alikes",
                written.lines,
                written.errors.len(),
                written.lookalikes.len()
            );
            compare(&format!("{name}.log"), &log, &patterns, &["scan", "--provider", name, "--json"], runs);
        }
    }
    if kept.is_none() {
        fs::remove_dir_all(&dir).unwrap();
    }
}
