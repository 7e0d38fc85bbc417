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
