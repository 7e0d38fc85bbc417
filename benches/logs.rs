//! Generated logs, shared by `benches/scan.rs` (128 MB of each) and `tests/cli.rs` (a few
//! hundred KB): an OpenList server's log, and the log of an application that talks to UpYun,
//! QingStor or LeanCloud. Deterministic: the same size gives the same bytes.
//!
//! The application log is mostly what such an application writes when all goes well (access
//! lines, its own calls to the service naming the service's host, structured lines with a
//! `status_code`), with about 2 % error lines and 1 % look-alikes. The error lines are the real
//! renderings of `tests/data/text/<provider>.toml` (one-line rows; each row cites its source)
//! behind a logger's prefix; the look-alikes are that table's negatives (another vendor's
//! error, a client-side failure, a bare status), which hold no error of the provider.

use std::io::{self, Write};

/// A small deterministic generator (xorshift64*), so every run writes the same log.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const NOISE_PATHS: &[&str] =
    &["/api/fs/list", "/api/fs/get", "/api/me", "/d/aliyun/movie.mkv", "/api/fs/link", "/p/115/photos/IMG_2041.jpg"];

/// OpenList symptoms as its log writes them.
pub const SYMPTOMS: &[&str] = &[
    "failed get objs: failed to list objs: query fail [61008]",
    "failed get objs: failed to list objs: TooManyRequests:Too Many Requests",
    "failed to refresh token: Post \"https://auth.example.com/v2/account/token\": net/http: TLS handshake timeout",
    "token is expired",
    "failed to start: listen tcp 0.0.0.0:5244: bind: address already in use",
    "failed get objs: failed to list objs: NotFound.FileId:The resource file_id cannot be found. file_id:634e704cefa78f92fefd4c779f7422d820082d041",
    "storage not found; please add a storage first",
    "failed get objs: failed to list objs: failed to get file list: Get \"https://api.example.com/2.0/xpan/file\": dial tcp: lookup api.example.com on 127.0.0.11:53: no such host",
];

/// An OpenList server's log of about `bytes` bytes: mostly access-log noise, about 3 % symptom
/// lines (wrapped, coloured and in mixed case, as servers write them).
pub fn openlist_log(out: &mut impl Write, bytes: usize) -> io::Result<()> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut written = 0;
    while written < bytes {
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
            _ => access_line(&mut rng, h, m, s),
        };
        writeln!(out, "{line}")?;
        written += line.len() + 1;
    }
    out.flush()
}

fn access_line(rng: &mut Rng, h: u64, m: u64, s: u64) -> String {
    format!(
        "[GIN] 2025/08/12 - {h:02}:{m:02}:{s:02} | {} | {:>10.3}ms | {:>15} | {:<7} \"{}?page={}\"",
        [200, 200, 200, 206, 304, 404][rng.below(6) as usize],
        rng.below(1_000_000) as f64 / 1000.0,
        format!("192.168.{}.{}", rng.below(256), rng.below(256)),
        ["GET", "POST", "PUT"][rng.below(3) as usize],
        NOISE_PATHS[rng.below(NOISE_PATHS.len() as u64) as usize],
        rng.below(50),
    )
}

/// One line of about `bytes` bytes of noise with an OpenList symptom in the middle.
pub fn one_line(out: &mut impl Write, bytes: usize) -> io::Result<()> {
    let block = "GET /api/fs/list 200 192.168.1.10 ".repeat(30);
    let mut written = 0;
    let mut middle = false;
    while written < bytes {
        out.write_all(block.as_bytes())?;
        written += block.len();
        if !middle && written >= bytes / 2 {
            out.write_all(SYMPTOMS[0].as_bytes())?;
            middle = true;
        }
    }
    out.write_all(b"\n")?;
    out.flush()
}

/// One row of a `tests/data/text/<provider>.toml` table.
#[derive(Clone, Debug)]
pub struct Rendering {
    pub text: String,
    /// The raw code the row expects, when it says.
    pub code: Option<String>,
    /// The row holds no error of the provider.
    pub none: bool,
    pub shape: String,
}

/// The rows of `tests/data/text/<provider>.toml`.
pub fn renderings(provider: &str) -> Vec<Rendering> {
    let path = format!("{}/tests/data/text/{provider}.toml", env!("CARGO_MANIFEST_DIR"));
    let table: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
    let cases = table["case"].as_array().unwrap();
    cases
        .iter()
        .map(|case| Rendering {
            text: case["text"].as_str().unwrap().to_owned(),
            code: case.get("code").and_then(|c| c.as_str()).map(str::to_owned),
            none: case.get("none").and_then(|n| n.as_bool()).unwrap_or(false),
            shape: case.get("shape").and_then(|s| s.as_str()).unwrap_or("").to_owned(),
        })
        .collect()
}

/// The host an application's calls to the service name.
fn host(provider: &str) -> &'static str {
    match provider {
        "upyun" => "v0.api.upyun.com/photos-bucket",
        "qingstor" => "photos-bucket.pek3b.qingstor.com",
        _ => "xcjyqpc9.api.lncld.net/1.1/classes",
    }
}

/// What an application log holds, line by line, as [`app_log`] wrote it.
#[derive(Default, Debug)]
pub struct Written {
    pub lines: u64,
    pub bytes: u64,
    /// The line number and the table row of every error line.
    pub errors: Vec<(u64, usize)>,
    /// The line number and the table row of every look-alike.
    pub lookalikes: Vec<(u64, usize)>,
}

/// The log of an application talking to `provider`, of about `bytes` bytes, with error lines
/// and look-alikes taken from `rows` (one-line rows of [`renderings`] only). `error_percent`
/// of the lines are errors, half as many look-alikes.
pub fn app_log(
    out: &mut impl Write,
    provider: &str,
    rows: &[Rendering],
    bytes: usize,
    error_percent: u64,
) -> io::Result<Written> {
    let one_line = |want_none: bool| -> Vec<usize> {
        (0..rows.len()).filter(|&i| rows[i].none == want_none && !rows[i].text.trim_end().contains('\n')).collect()
    };
    let (errors, lookalikes) = (one_line(false), one_line(true));
    let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ provider.len() as u64);
    let mut written = Written::default();
    let host = host(provider);
    while (written.bytes as usize) < bytes {
        let (h, m, s, ms) = (rng.below(24), rng.below(60), rng.below(60), rng.below(1000));
        let at = format!("2025-08-12T{h:02}:{m:02}:{s:02}.{ms:03}Z");
        let roll = rng.below(200);
        let line = if roll < 2 * error_percent && !errors.is_empty() {
            let row = *rng.pick(&errors);
            written.errors.push((written.lines + 1, row));
            prefixed(&mut rng, &at, rows[row].text.trim_end())
        } else if roll < 3 * error_percent && !lookalikes.is_empty() {
            let row = *rng.pick(&lookalikes);
            written.lookalikes.push((written.lines + 1, row));
            prefixed(&mut rng, &at, rows[row].text.trim_end())
        } else {
            match rng.below(100) {
                0..=4 => format!(
                    "{{\"level\":\"info\",\"ts\":\"{at}\",\"msg\":\"request done\",\"path\":\"/api/photos/{}\",\"status_code\":{},\"took_ms\":{}}}",
                    rng.below(100_000),
                    [200, 200, 201, 204, 304][rng.below(5) as usize],
                    rng.below(900)
                ),
                5..=34 => format!(
                    "{at} DEBUG storage: {} https://{host}/{}/IMG_{:04}.jpg {} {}ms",
                    rng.pick(&["GET", "PUT", "HEAD", "DELETE"]),
                    rng.pick(&["photos/2025/08", "thumbs", "avatars", "backup/2020"]),
                    rng.below(10_000),
                    [200, 200, 200, 204, 206, 304][rng.below(6) as usize],
                    rng.below(900),
                ),
                35..=44 => format!(
                    "{at} INFO  worker: thumbnail {}x{} written for IMG_{:04}.jpg, decoded in {}ms",
                    rng.below(2000),
                    rng.below(2000),
                    rng.below(10_000),
                    rng.below(90)
                ),
                _ => access_line(&mut rng, h, m, s),
            }
        };
        let ending = if rng.below(20) == 0 { "\r\n" } else { "\n" };
        write!(out, "{line}{ending}")?;
        written.lines += 1;
        written.bytes += (line.len() + ending.len()) as u64;
    }
    out.flush()?;
    Ok(written)
}

/// `text` behind one of the prefixes loggers write (logrus with colour, glog, a timestamp).
fn prefixed(rng: &mut Rng, at: &str, text: &str) -> String {
    match rng.below(4) {
        0 => format!("{at} ERROR uploader: {text}"),
        1 => format!("\x1b[31mERRO\x1b[0m[{}] {text}", &at[..19]),
        2 => format!("E0812 {} 4711 upload.go:88] {text}", &at[11..23]),
        _ => format!("[{at}] [error] {text}"),
    }
}
