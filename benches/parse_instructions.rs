//! Instruction counts for parsing, steadier than wall time on a shared machine. Runs one case
//! N times; count with callgrind and subtract a run of N = 1000 from one of N = 11000:
//!
//! ```text
//! cargo bench --manifest-path benches/Cargo.toml --bench parse_instructions --no-run
//! valgrind --tool=callgrind benches/target/release/deps/parse_instructions-* ours upyun 11000
//! ```
//!
//! The case is chosen once, before the loop, so every case pays the same for the loop itself.

use std::hint::black_box;

use cloud_errcodes::{LeanCloudError, OpenListError, ParseResponse, QingStorError, UpyunError};
use http::{HeaderMap, StatusCode};
use serde::Deserialize;

#[path = "bodies.rs"]
mod bodies;

/// One parse of `body` into what `who` makes of it.
fn case<'a>(who: &str, provider: &str, headers: &'a HeaderMap) -> Option<Box<dyn Fn() + 'a>> {
    fn ours<'h, E: ParseResponse>(headers: &'h HeaderMap, body: &'static [u8]) -> Box<dyn Fn() + 'h> {
        Box::new(move || drop(black_box(E::parse_parts(StatusCode::BAD_REQUEST, headers, black_box(body)))))
    }
    fn typed<T: for<'de> Deserialize<'de>>(body: &'static [u8]) -> Box<dyn Fn()> {
        Box::new(move || drop(black_box(serde_json::from_slice::<T>(black_box(body)))))
    }
    let body = bodies::by_name(provider);
    Some(match (who, provider) {
        ("ours", "upyun" | "upyun_escaped") => ours::<UpyunError>(headers, body),
        ("ours", "qingstor") => ours::<QingStorError>(headers, body),
        ("ours", "leancloud") => ours::<LeanCloudError>(headers, body),
        ("ours", "openlist") => ours::<OpenListError>(headers, body),
        ("struct", "upyun" | "upyun_escaped") => typed::<bodies::UpyunBody>(body),
        ("struct", "qingstor") => typed::<bodies::QingStorBody>(body),
        ("struct", "leancloud") => typed::<bodies::LeanCloudBody>(body),
        ("struct", "openlist") => typed::<bodies::OpenListBody>(body),
        ("value", _) => typed::<serde_json::Value>(body),
        _ => return None,
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [who, provider, n] = args.as_slice() else {
        eprintln!(
            "usage: parse_instructions <ours|struct|value> <upyun|upyun_escaped|qingstor|leancloud|openlist> <N>"
        );
        return;
    };
    let n: usize = n.parse().unwrap_or(1000);
    let headers = HeaderMap::new();
    let Some(run) = case(who, provider, &headers) else { return eprintln!("unknown case") };
    for _ in 0..n {
        run();
    }
}
