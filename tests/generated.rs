//! The code the build script (`build/main.rs`) generates is laid out the way `rustfmt` lays it out, so it reads like
//! the rest of the crate (`cargo run --example dump -- upyun`).

use std::{path::Path, process::Command};

#[test]
fn generated_code_passes_rustfmt_check() {
    let out_dir = Path::new(env!("OUT_DIR"));
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("rustfmt.toml");
    for slug in ["upyun", "qingstor", "leancloud", "openlist"] {
        let file = out_dir.join(format!("{slug}.rs"));
        assert!(file.exists(), "{} was not generated", file.display());
        let output = Command::new(std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".to_owned()))
            .args(["--edition", "2024", "--check", "--config-path"])
            .arg(&config)
            .arg(&file)
            .output()
            .expect("rustfmt runs (rustup component add rustfmt)");
        assert!(
            output.status.success(),
            "generated {slug}.rs differs from rustfmt's layout:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The README's coverage table is the one the build script counts from the catalogues. After
/// changing a catalogue, `UPDATE_README=1 cargo test --test generated` rewrites it.
#[test]
fn readme_coverage_table_is_the_generated_one() {
    const START: &str = "<!-- coverage: generated from catalog/*.toml by the build script -->\n";
    const END: &str = "<!-- /coverage -->";
    let generated = include_str!(concat!(env!("OUT_DIR"), "/coverage.md"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme.find(START).expect("the README marks its coverage table") + START.len();
    let end = start + readme[start..].find(END).expect("the coverage table ends");
    if readme[start..end] == *generated {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, format!("{}{generated}{}", &readme[..start], &readme[end..])).expect("rewrite README.md");
        return;
    }
    panic!(
        "README.md's coverage table is out of date; run `UPDATE_README=1 cargo test --test generated`.\n\
         generated:\n{generated}"
    );
}
