//! Counts the OpenList/AList symptoms in a log, line by line, and reports the speed.
//!
//! ```text
//! cargo run --release --example scan_log -- openlist.log
//! docker logs openlist 2>&1 | cargo run --release --example scan_log
//! cargo run --release --example scan_log -- --generate 100 > /tmp/openlist.log   # 100 MB
//! ```

use std::{
    collections::BTreeMap,
    fs::File,
    io::{self, BufRead, BufReader, BufWriter, Read, Write},
    time::Instant,
};

use cloud_errcodes::OpenListError;

/// Lines of a realistic log: mostly noise, some symptoms, wrapped and coloured as servers do.
const SAMPLE: &[&str] = &[
    "INFO[2025-08-12 02:48:46] start HTTP server @ 0.0.0.0:5244",
    "[GIN] 2025/08/12 - 02:48:46 | 200 |    1.234567ms |    192.168.1.10 | POST     \"/api/fs/list\"",
    "[GIN] 2025/08/12 - 02:48:47 | 200 |     834.21µs |    192.168.1.10 | GET      \"/api/me\"",
    "\x1b[31mERRO\x1b[0m[2025-08-12 02:48:48] failed get objs: failed to list objs: query fail [61008]",
    "INFO[2025-08-12 02:48:49] storage /aliyun loaded successfully, 1532 objects cached",
    "ERRO[2025-08-12 02:48:50] failed get objs: failed to list objs: TooManyRequests:Too Many Requests",
    "[GIN] 2025/08/12 - 02:48:51 | 200 |   12.004321ms |    192.168.1.11 | GET      \"/d/aliyun/movie.mkv\"",
    "WARN[2025-08-12 02:48:52] failed to refresh token: Post \"https://auth.example.com/v2/account/token\": net/http: TLS handshake timeout",
    "DEBU[2025-08-12 02:48:53] request /api/fs/get took 3ms",
    "ERRO[2025-08-12 02:48:54] token is expired",
];

fn generate(megabytes: usize) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut written = 0;
    let mut i = 0usize;
    while written < megabytes * 1_000_000 {
        let line = SAMPLE[i % SAMPLE.len()];
        writeln!(out, "{line}")?;
        written += line.len() + 1;
        i += 1;
    }
    out.flush()
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, megabytes] = args.as_slice() {
        if flag == "--generate" {
            return generate(megabytes.parse().unwrap_or(100));
        }
    }
    let input: Box<dyn Read> = match args.first() {
        Some(path) => Box::new(File::open(path)?),
        None => Box::new(io::stdin().lock()),
    };
    let mut reader = BufReader::with_capacity(1 << 20, input);
    let mut counts: BTreeMap<&'static str, u64> = BTreeMap::new();
    let (mut lines, mut bytes) = (0u64, 0u64);
    let mut line = Vec::new();
    let started = Instant::now();
    while reader.read_until(b'\n', &mut line)? > 0 {
        lines += 1;
        bytes += line.len() as u64;
        if let Some(err) = OpenListError::from_message(&String::from_utf8_lossy(&line)) {
            *counts.entry(err.code()).or_default() += 1;
        }
        line.clear();
    }
    let seconds = started.elapsed().as_secs_f64();
    for (code, count) in &counts {
        println!("{count:>10}  {code}");
    }
    println!(
        "{lines} lines, {:.1} MB in {seconds:.2} s: {:.0} lines/s, {:.0} MB/s",
        bytes as f64 / 1e6,
        lines as f64 / seconds,
        bytes as f64 / 1e6 / seconds
    );
    Ok(())
}
