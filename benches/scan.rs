//! `cloud-errcodes scan` against `grep -c -i -F -f patterns.txt` on the same generated log,
//! side by side: wall time (median of five runs each, alternating), MB/s and peak RSS.
//!
//! ```text
//! cargo bench --features cli --bench scan            # 128 MB log
//! SCAN_MB=512 cargo bench --features cli --bench scan
//! ```
//!
//! The log is generated into a temporary directory and removed afterwards: mostly access-log
//! noise, about 3 % symptom lines (wrapped, coloured and in mixed case, as servers write them),
//! and the catalogue's own patterns as `patterns.txt`. A second file of the same size is one
//! single line, to show that memory does not depend on line length. Peak RSS comes from
//! `/usr/bin/time -f %M` when it is installed.

use std::{
    fs,
    io::{BufWriter, Write},
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use cloud_errcodes::{OpenListError, ProviderError};

/// A small deterministic generator (xorshift64*), so every run scans the same log.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const NOISE_PATHS: &[&str] =
    &["/api/fs/list", "/api/fs/get", "/api/me", "/d/aliyun/movie.mkv", "/api/fs/link", "/p/115/photos/IMG_2041.jpg"];

const SYMPTOMS: &[&str] = &[
    "failed get objs: failed to list objs: query fail [61008]",
    "failed get objs: failed to list objs: TooManyRequests:Too Many Requests",
    "failed to refresh token: Post \"https://auth.example.com/v2/account/token\": net/http: TLS handshake timeout",
    "token is expired",
    "failed to start: listen tcp 0.0.0.0:5244: bind: address already in use",
    "failed get objs: failed to list objs: NotFound.FileId:The resource file_id cannot be found. file_id:634e704cefa78f92fefd4c779f7422d820082d041",
    "storage not found; please add a storage first",
    "failed get objs: failed to list objs: failed to get file list: Get \"https://api.example.com/2.0/xpan/file\": dial tcp: lookup api.example.com on 127.0.0.11:53: no such host",
];

fn generate(path: &Path, megabytes: usize) -> std::io::Result<()> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(path)?);
    let mut written = 0;
    while written < megabytes * 1_000_000 {
        let (h, m, s) = (rng.below(24), rng.below(60), rng.below(60));
        let line = match rng.below(100) {
            0..=2 => {
                let symptom = SYMPTOMS[rng.below(SYMPTOMS.len() as u64) as usize];
                let symptom = match rng.below(3) {
                    0 => symptom.to_ascii_uppercase(),
                    1 => symptom.to_owned(),
                    _ => symptom[..1].to_ascii_uppercase() + &symptom[1..],
                };
                format!("\x1b[31mERRO\x1b[0m[2025-08-12 {h:02}:{m:02}:{s:02}] {symptom}")
            }
            3..=20 => format!(
                "INFO[2025-08-12 {h:02}:{m:02}:{s:02}] storage /drive{} loaded successfully, {} objects cached",
                rng.below(40),
                rng.below(100_000)
            ),
            _ => format!(
                "[GIN] 2025/08/12 - {h:02}:{m:02}:{s:02} | {} | {:>10.3}ms | {:>15} | {:<7} \"{}?page={}\"",
                [200, 200, 200, 206, 304, 404][rng.below(6) as usize],
                rng.below(1_000_000) as f64 / 1000.0,
                format!("192.168.{}.{}", rng.below(256), rng.below(256)),
                ["GET", "POST", "PUT"][rng.below(3) as usize],
                NOISE_PATHS[rng.below(NOISE_PATHS.len() as u64) as usize],
                rng.below(50),
            ),
        };
        writeln!(out, "{line}")?;
        written += line.len() + 1;
    }
    out.flush()
}

/// One line of `megabytes` of noise with a symptom in the middle.
fn generate_one_line(path: &Path, megabytes: usize) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(path)?);
    let block = "GET /api/fs/list 200 192.168.1.10 ".repeat(30);
    let mut written = 0;
    while written < megabytes * 1_000_000 {
        out.write_all(block.as_bytes())?;
        written += block.len();
        if written / 1_000_000 == megabytes / 2 {
            out.write_all(SYMPTOMS[0].as_bytes())?;
        }
    }
    out.write_all(b"\n")?;
    out.flush()
}

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

fn main() {
    let megabytes: usize = std::env::var("SCAN_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(128);
    let dir = std::env::temp_dir().join(format!("cloud-errcodes-scan-bench-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let log: PathBuf = dir.join("openlist.log");
    let one_line: PathBuf = dir.join("one-line.log");
    let patterns = dir.join("patterns.txt");
    generate(&log, megabytes).unwrap();
    generate_one_line(&one_line, megabytes).unwrap();
    let list: Vec<&str> = OpenListError::all().flat_map(|e| e.patterns().iter().copied()).collect();
    fs::write(&patterns, list.join("\n") + "\n").unwrap();
    let size = fs::metadata(&log).unwrap().len() as f64 / 1e6;

    let ours = env!("CARGO_BIN_EXE_cloud-errcodes");
    let (log_s, patterns_s, one_line_s) =
        (log.to_str().unwrap(), patterns.to_str().unwrap(), one_line.to_str().unwrap());
    // Warm the page cache and both programs once.
    run("grep", &["-c", "-i", "-F", "-f", patterns_s, log_s]);
    run(ours, &["scan", "--json", log_s]);
    let (mut grep_times, mut our_times, mut grep_rss, mut our_rss) = (Vec::new(), Vec::new(), 0, 0);
    for _ in 0..5 {
        let (t, rss) = run("grep", &["-c", "-i", "-F", "-f", patterns_s, log_s]);
        grep_times.push(t);
        grep_rss = grep_rss.max(rss.unwrap_or(0));
        let (t, rss) = run(ours, &["scan", "--json", log_s]);
        our_times.push(t);
        our_rss = our_rss.max(rss.unwrap_or(0));
    }
    let (grep, scan) = (median(grep_times), median(our_times));
    let (_, one_line_rss) = run(ours, &["scan", "--json", one_line_s]);
    println!("log: {size:.1} MB, {} patterns", list.len());
    println!(
        "grep -c -i -F -f patterns.txt: {:>8.1} ms  {:>7.0} MB/s  peak RSS {grep_rss} KiB",
        grep.as_secs_f64() * 1e3,
        size / grep.as_secs_f64()
    );
    println!(
        "cloud-errcodes scan --json:    {:>8.1} ms  {:>7.0} MB/s  peak RSS {our_rss} KiB",
        scan.as_secs_f64() * 1e3,
        size / scan.as_secs_f64()
    );
    println!("scan / grep time: {:.2}", scan.as_secs_f64() / grep.as_secs_f64());
    println!("one {size:.0} MB line: peak RSS {} KiB", one_line_rss.map_or("n/a".to_owned(), |k| k.to_string()));
    fs::remove_dir_all(&dir).unwrap();
}
