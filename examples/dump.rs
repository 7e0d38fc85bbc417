//! Prints the source the build script (`build.rs`) generated for one provider.
//!
//! ```text
//! cargo run --example dump -- upyun
//! ```

use std::process::ExitCode;

const GENERATED: &[(&str, &str)] = &[
    ("upyun", include_str!(concat!(env!("OUT_DIR"), "/upyun.rs"))),
    ("qingstor", include_str!(concat!(env!("OUT_DIR"), "/qingstor.rs"))),
    ("leancloud", include_str!(concat!(env!("OUT_DIR"), "/leancloud.rs"))),
    ("openlist", include_str!(concat!(env!("OUT_DIR"), "/openlist.rs"))),
];

fn main() -> ExitCode {
    let slug = std::env::args().nth(1).unwrap_or_default();
    match GENERATED.iter().find(|(name, _)| *name == slug) {
        Some((_, source)) => {
            print!("{source}");
            ExitCode::SUCCESS
        }
        None => {
            let names: Vec<&str> = GENERATED.iter().map(|(name, _)| *name).collect();
            eprintln!("usage: cargo run --example dump -- <{}>", names.join("|"));
            ExitCode::from(2)
        }
    }
}
