//! The code the build script (`build.rs`) generates is laid out the way `rustfmt` lays it out, so it reads like
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

/// The reference pages in `docs/` are the ones the build script writes from the catalogues
/// (`build/reference.rs`). After changing a catalogue, `UPDATE_DOCS=1 cargo test --test generated`
/// rewrites them.
#[test]
fn reference_pages_are_the_generated_ones() {
    let generated = [
        ("upyun", include_str!(concat!(env!("OUT_DIR"), "/reference-upyun.md"))),
        ("qingstor", include_str!(concat!(env!("OUT_DIR"), "/reference-qingstor.md"))),
        ("leancloud", include_str!(concat!(env!("OUT_DIR"), "/reference-leancloud.md"))),
        ("openlist", include_str!(concat!(env!("OUT_DIR"), "/reference-openlist.md"))),
    ];
    let mut stale = Vec::new();
    for (slug, page) in generated {
        // Each index row has its five cells: a pipe in wire text is escaped.
        let rows: Vec<&str> = page.lines().filter(|l| l.starts_with("| [")).collect();
        assert!(rows.len() > 40, "{slug}: the index lists every entry");
        for row in rows {
            let pipes = row.char_indices().filter(|&(i, c)| c == '|' && !row[..i].ends_with('\\')).count();
            assert_eq!(pipes, 6, "{slug}: {row}");
        }
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join(format!("{slug}.md"));
        if std::fs::read_to_string(&path).is_ok_and(|committed| committed == page) {
            continue;
        }
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).expect("create docs/");
            std::fs::write(&path, page).expect("write the reference page");
        } else {
            stale.push(format!("docs/{slug}.md"));
        }
    }
    assert!(
        stale.is_empty(),
        "{} differ from the catalogues; run `UPDATE_DOCS=1 cargo test --test generated` and commit them",
        stale.join(", ")
    );
}

/// Every `#[doc(alias = "...")]` of the generated enum of `slug`, by variant name.
fn doc_aliases(slug: &str) -> std::collections::HashMap<String, Vec<String>> {
    let source = std::fs::read_to_string(Path::new(env!("OUT_DIR")).join(format!("{slug}.rs"))).unwrap();
    let mut aliases = std::collections::HashMap::new();
    let mut pending = Vec::new();
    for line in source.lines().map(str::trim) {
        if let Some(literal) = line.strip_prefix("#[doc(alias = ").or_else(|| line.strip_prefix("alias = ")) {
            let literal = literal.trim_end_matches(")]");
            pending.push(unescape(literal.strip_prefix('"').and_then(|l| l.strip_suffix('"')).expect("a string")));
        } else if let Some(variant) = line.strip_suffix(',').filter(|v| v.bytes().all(|b| b.is_ascii_alphanumeric())) {
            if !pending.is_empty() {
                aliases.insert(variant.to_owned(), std::mem::take(&mut pending));
            }
        }
    }
    aliases
}

/// A Rust string literal's text, for the escapes `{:?}` writes into an alias.
fn unescape(literal: &str) -> String {
    let mut out = String::new();
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, false) => out.push(c),
            (_, true) => match chars.next() {
                Some('u') => {
                    let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                }
                Some(other) => out.push(other),
                None => {}
            },
        }
    }
    out
}

/// What rustdoc accepts of a text as an alias: no `"` or `'`, no whitespace but single spaces,
/// none at either end.
fn as_alias(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '"' | '\''))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// rustdoc's search finds each variant by its code, its wire message and the other wordings
/// (and, for OpenList, the fragments it is recognised by): the generated enums carry them as
/// `#[doc(alias)]`.
fn check_aliases<E: cloud_errcodes::ProviderError>(slug: &str, extra: impl Fn(E) -> Vec<&'static str>) -> usize {
    let aliases = doc_aliases(slug);
    let mut count = 0;
    for err in E::all() {
        let name = format!("{err:?}");
        let found = aliases.get(&name).unwrap_or_else(|| panic!("{slug} {name} has no alias"));
        let texts =
            [err.code_str()].into_iter().chain(err.wire_message()).chain(err.alternate_messages().iter().copied());
        for text in texts.chain(extra(err)) {
            let alias = as_alias(text);
            assert!(
                alias.is_empty() || alias == name || found.contains(&alias),
                "{slug} {name}: {alias:?} in {found:?}"
            );
        }
        count += found.len();
    }
    count
}

#[test]
fn every_variant_is_found_by_its_code_and_messages() {
    use cloud_errcodes::{LeanCloudError, OpenListError, QingStorError, UpyunError};
    let total = check_aliases::<UpyunError>("upyun", |_| Vec::new())
        + check_aliases::<QingStorError>("qingstor", |_| Vec::new())
        + check_aliases::<LeanCloudError>("leancloud", |_| Vec::new())
        + check_aliases::<OpenListError>("openlist", |e| e.patterns().to_vec());
    assert!(total > 1000, "{total} aliases");
    // The forms rustdoc refuses are made acceptable, not dropped.
    let upyun = doc_aliases("upyun");
    assert_eq!(upyun["BucketFull"], ["40300004", "bucket is full"]);
    assert!(upyun["CdnStorageUnreachable"].contains(&"cant connect to upyun fs".to_owned()));
    let leancloud = doc_aliases("leancloud");
    assert!(leancloud["CloudFunctionNotFound"].contains(&"No such cloud function <name>".to_owned()));
    assert_eq!(doc_aliases("qingstor")["InvalidRange"][..2], ["invalid_range", "invalid_range_heander"]);
}
