//! Instruction counts for parsing, steadier than wall time on a shared machine. Runs one case
//! N times; count with callgrind and subtract a run of N = 1000 from one of N = 11000:
//!
//! ```text
//! cargo bench --all-features --bench parse_instructions --no-run
//! valgrind --tool=callgrind target/release/deps/parse_instructions-* ours upyun 11000
//! ```

use std::hint::black_box;

use cloud_errcodes::{LeanCloudError, OpenListError, ProviderError, QingStorError, UpyunError};
use http::{HeaderMap, StatusCode};

#[path = "bodies.rs"]
mod bodies;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [who, provider, n] = args.as_slice() else {
        eprintln!(
            "usage: parse_instructions <ours|struct|value> <upyun|upyun_escaped|qingstor|leancloud|openlist> <N>"
        );
        return;
    };
    let n: usize = n.parse().unwrap_or(1000);
    let h = HeaderMap::new();
    let s = StatusCode::BAD_REQUEST;
    for _ in 0..n {
        match (who.as_str(), provider.as_str()) {
            ("ours", "upyun") => drop(black_box(UpyunError::parse_parts(s, &h, black_box(bodies::UPYUN)))),
            ("ours", "upyun_escaped") => {
                drop(black_box(UpyunError::parse_parts(s, &h, black_box(bodies::UPYUN_ESCAPED))))
            }
            ("ours", "qingstor") => drop(black_box(QingStorError::parse_parts(s, &h, black_box(bodies::QINGSTOR)))),
            ("ours", "leancloud") => drop(black_box(LeanCloudError::parse_parts(s, &h, black_box(bodies::LEANCLOUD)))),
            ("ours", "openlist") => drop(black_box(OpenListError::parse_parts(s, &h, black_box(bodies::OPENLIST)))),
            ("struct", "upyun") => {
                drop(black_box(serde_json::from_slice::<bodies::UpyunBody>(black_box(bodies::UPYUN))))
            }
            ("struct", "upyun_escaped") => {
                drop(black_box(serde_json::from_slice::<bodies::UpyunBody>(black_box(bodies::UPYUN_ESCAPED))))
            }
            ("struct", "qingstor") => {
                drop(black_box(serde_json::from_slice::<bodies::QingStorBody>(black_box(bodies::QINGSTOR))))
            }
            ("struct", "leancloud") => {
                drop(black_box(serde_json::from_slice::<bodies::LeanCloudBody>(black_box(bodies::LEANCLOUD))))
            }
            ("struct", "openlist") => {
                drop(black_box(serde_json::from_slice::<bodies::OpenListBody>(black_box(bodies::OPENLIST))))
            }
            ("value", p) => {
                let body = bodies::by_name(p);
                drop(black_box(serde_json::from_slice::<serde_json::Value>(black_box(body))))
            }
            _ => return eprintln!("unknown case"),
        }
    }
}
