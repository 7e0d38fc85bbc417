//! Generates one error enum per provider from `catalog/<slug>.toml`: read -> validate -> emit.
//!
//! The output goes to `OUT_DIR/<slug>.rs` and is `include!`d by `src/<slug>.rs`. To read it:
//! `cargo run --example dump -- <slug>`. Beside it go the reference page of each provider
//! (`docs/<slug>.md` keeps a copy) and the coverage table of the README. Each step lives in
//! its own file under `build/`.

#[path = "build/catalog.rs"]
mod catalog;
#[path = "build/coverage.rs"]
mod coverage;
#[path = "build/emit.rs"]
mod emit;
#[path = "build/markdown.rs"]
mod markdown;
#[path = "build/provenance.rs"]
mod provenance;
#[path = "build/providers.rs"]
mod providers;
#[path = "build/reference.rs"]
mod reference;
#[path = "build/validate.rs"]
mod validate;

use std::{env, fs, path::PathBuf};

use catalog::Spec;
use providers::PROVIDERS;

fn main() {
    println!("cargo::rerun-if-changed=catalog");
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-changed=src/kind/table.rs");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut failures = Vec::new();
    let mut catalogs = Vec::new();
    for (spec, doc) in PROVIDERS {
        match load(spec) {
            Ok(catalog) => {
                // Code only for the providers whose feature is on: an SDK that enables one does
                // not pay for generating the others (OpenList's pattern overlaps cost most).
                let feature = format!("CARGO_FEATURE_{}", spec.slug.to_ascii_uppercase());
                if env::var_os(feature).is_some() {
                    let path = out_dir.join(format!("{}.rs", spec.slug));
                    fs::write(&path, emit::emit(spec, doc, &catalog)).expect("write generated code");
                }
                let page = out_dir.join(format!("reference-{}.md", spec.slug));
                fs::write(&page, reference::emit(spec, &catalog)).expect("write the reference page");
                catalogs.push((spec, catalog));
            }
            Err(problems) => failures.extend(problems),
        }
    }
    if !failures.is_empty() {
        panic!("the catalogue has {} problem(s):\n  {}", failures.len(), failures.join("\n  "));
    }
    fs::write(out_dir.join("coverage.md"), coverage::emit(&catalogs)).expect("write the coverage table");
}

/// Reads and validates one provider's catalogue.
fn load(spec: &Spec) -> Result<catalog::Catalog, Vec<String>> {
    let file = format!("catalog/{}.toml", spec.slug);
    let text = fs::read_to_string(&file).map_err(|err| vec![format!("{file}: cannot read: {err}")])?;
    let catalog = catalog::parse(&file, &text).map_err(|err| vec![err])?;
    validate::validate(spec, &catalog)?;
    Ok(catalog)
}
