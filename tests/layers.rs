//! The library's modules import one way: each uses only modules on its own floor or below,
//! and no modules import each other in a circle. The floors, from the ground up:
//!
//! 0. leaves: text escaping, the JSON scanner, the small named enums, the crate's own errors,
//!    `Provider`;
//! 1. `entry`: the facts of one catalogue entry;
//! 2. `provider_error`: the trait every provider enum implements (what a code means);
//! 3. `any_code`: a catalogue entry with its provider erased;
//! 4. `response`: the parser and the records it builds;
//! 5. `with_http_body`: the HTTP-client adapter over the parser;
//! 6. `catalogue_enum`: the macro that writes every provider enum's impls;
//! 7. the provider modules;
//! 8. `by_provider`: `Provider`'s methods that reach each provider's enum.
//!
//! Imports are read from the source text: `use crate::...` lines and `crate::` paths (macro
//! bodies included), with the crate root's `pub use` re-exports resolved to the module that
//! defines each name.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::Path,
};

const FLOORS: &[(&str, u8)] = &[
    ("error", 0),
    ("escape", 0),
    ("json", 0),
    ("kind", 0),
    ("lang", 0),
    ("provider", 0),
    ("serde_names", 0),
    ("entry", 1),
    ("provider_error", 2),
    ("serde_code", 2),
    ("any_code", 3),
    ("response", 4),
    ("with_http_body", 5),
    ("diagnostic", 5),
    ("catalogue_enum", 6),
    ("upyun", 7),
    ("qingstor", 7),
    ("leancloud", 7),
    ("openlist", 7),
    ("by_provider", 8),
];

/// The top-level module a source file belongs to (`response/api_error.rs` -> `response`).
fn module_of(path: &Path, src: &Path) -> String {
    let relative = path.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first path segment of each item of a `use crate::...` tree: `{A, b::C, d::{E, F}}` ->
/// `A`, `b`, `d`.
fn use_heads(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(inner) = tree.strip_prefix('{') else {
        return vec![tree.split("::").next().unwrap().trim().to_owned()];
    };
    let inner = inner.strip_suffix('}').unwrap_or(inner);
    let (mut depth, mut start, mut heads) = (0, 0, Vec::new());
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                heads.push(inner[start..i].to_owned());
                start = i + 1;
            }
            _ => {}
        }
    }
    heads.push(inner[start..].to_owned());
    heads
        .iter()
        .map(|item| item.trim())
        .filter(|item| !item.is_empty() && *item != "self")
        .map(|item| item.split("::").next().unwrap().trim().to_owned())
        .collect()
}

/// Every name the file's code takes from `crate::` (comments and doc links are not imports).
fn crate_references(text: &str) -> BTreeSet<String> {
    let code: String = text.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let text = code.as_str();
    let mut names = BTreeSet::new();
    // `use crate::{...};`, possibly over several lines.
    let mut rest = text;
    while let Some(at) = rest.find("use crate::") {
        let after = &rest[at + "use crate::".len()..];
        let end = after.find(';').unwrap_or(after.len());
        names.extend(use_heads(&after[..end]));
        rest = &after[end..];
    }
    // Paths anywhere else: `crate::entry::Entry`, `crate::ErrorKind::NotFound`.
    for (at, _) in text.match_indices("crate::") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let name: String =
            text[at + "crate::".len()..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            names.insert(name);
        }
    }
    names
}

/// The crate root's re-exports: each public name, and the module it comes from.
fn root_names(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for line in lib.lines().map(str::trim).filter(|l| l.starts_with("pub use ") && !l.contains("crate::")) {
        let path = line.trim_start_matches("pub use ").trim_end_matches(';');
        let Some((module, items)) = path.split_once("::") else { continue };
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let item = item.trim();
            let name = item.rsplit("::").next().unwrap().split(" as ").last().unwrap().trim();
            if !name.is_empty() {
                names.insert(name.to_owned(), module.to_owned());
            }
        }
    }
    names
}

#[test]
fn modules_import_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let floors: BTreeMap<&str, u8> = FLOORS.iter().copied().collect();
    let roots = root_names(&fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(src.join("bin")) && !f.ends_with("lib.rs")) {
        let from = module_of(file, &src);
        let Some(&floor) = floors.get(from.as_str()) else {
            problems.push(format!("{}: module `{from}` has no floor in this test", file.display()));
            continue;
        };
        for name in crate_references(&fs::read_to_string(file).unwrap()) {
            // The crate root is the facade users see; inside the crate, a name comes from the
            // module that defines it, so that the facade stays above everything.
            if roots.contains_key(&name) {
                problems.push(format!(
                    "{}: `crate::{name}` goes through the crate root: name `{}`",
                    file.display(),
                    roots[&name]
                ));
            }
            let to = match floors.contains_key(name.as_str()) {
                true => name.clone(),
                false => match roots.get(&name) {
                    Some(module) => module.clone(),
                    None if name == "http" => continue,
                    None => {
                        problems
                            .push(format!("{}: `crate::{name}` is neither a module nor a re-export", file.display()));
                        continue;
                    }
                },
            };
            if to == from {
                continue;
            }
            let to_floor = floors[to.as_str()];
            if to_floor > floor {
                problems.push(format!(
                    "{}: `{from}` (floor {floor}) uses `{name}` of `{to}` (floor {to_floor})",
                    file.display()
                ));
            }
            edges.entry(from.clone()).or_default().insert(to);
        }
    }
    // No circle, even among modules of one floor.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        problems: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|n| n == node) {
            problems.push(format!("circle: {} -> {node}", path[at..].join(" -> ")));
            return;
        }
        if !done.insert(node.to_owned()) {
            return;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, path, done, problems);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        visit(node, &edges, &mut Vec::new(), &mut done, &mut problems);
    }
    assert!(problems.is_empty(), "the layers are not one-way:\n  {}", problems.join("\n  "));
    assert!(edges.len() >= 10, "too few modules read: {edges:?}");
}

#[test]
fn the_reader_sees_imports() {
    let text = "use crate::{ErrorKind, entry::Entry, response::{self, Wire}};\n/// [`x`](crate::lang)\nfn f() { crate::json::scan(); }";
    let names: Vec<String> = crate_references(text).into_iter().collect();
    assert_eq!(names, ["ErrorKind", "entry", "json", "response"]);
}

/// The items of a `use` tree with the first segment of each path: `{a::B, c::{D, E as F}}` ->
/// `(a, B)`, `(c, D)`, `(c, F)`; a bare item `G` -> `(G, G)`.
fn use_items(tree: &str) -> Vec<(String, String)> {
    let tree = tree.trim();
    let inner = tree.strip_prefix('{').and_then(|t| t.strip_suffix('}')).unwrap_or(tree);
    let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    let last = |item: &str| item.rsplit("::").next().unwrap().split(" as ").last().unwrap().trim().to_owned();
    let mut items = Vec::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty() && *p != "self") {
        match part.split_once("::") {
            None => items.push((part.to_owned(), part.to_owned())),
            Some((head, rest)) => {
                let rest = rest.trim();
                let names = match rest.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
                    Some(list) => list.split(',').map(str::trim).filter(|n| !n.is_empty()).map(last).collect(),
                    None => vec![last(rest)],
                };
                items.extend(names.into_iter().map(|name| (head.trim().to_owned(), name)));
            }
        }
    }
    items
}

/// Each `use <prefix>...;` tree of a text, comments left out.
fn use_trees<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut trees = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let after = &rest[at + prefix.len()..];
        let end = after.find(';').unwrap_or(after.len());
        trees.push(&after[..end]);
        rest = &after[end..];
    }
    trees
}

/// Inside a folder module, the files import one way too: a name a file takes from `super` is
/// traced to the file that defines it (through the folder's `mod.rs` re-exports), and no
/// files import each other in a circle. (`mod.rs` is the folder's facade and stays out.)
#[test]
fn the_files_of_a_folder_module_import_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    let mut folders_read = 0;
    for folder in fs::read_dir(&src).unwrap().map(|e| e.unwrap().path()).filter(|p| p.join("mod.rs").is_file()) {
        let code = |path: &Path| -> String {
            let text = fs::read_to_string(path).unwrap();
            text.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
        };
        let files: BTreeSet<String> = fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs") && !p.ends_with("mod.rs"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        // Which file each name re-exported by `mod.rs` comes from.
        let facade = code(&folder.join("mod.rs"));
        let mut defined_in = BTreeMap::new();
        for tree in use_trees(&facade, "use self::") {
            for (file, name) in use_items(tree) {
                if files.contains(&file) {
                    defined_in.insert(name, file);
                }
            }
        }
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in &files {
            let text = code(&folder.join(format!("{file}.rs")));
            let mut uses = BTreeSet::new();
            for tree in use_trees(&text, "use super::") {
                for (head, name) in use_items(tree) {
                    if files.contains(&head) {
                        uses.insert(head);
                    } else if let Some(to) = defined_in.get(&name) {
                        uses.insert(to.clone());
                    }
                }
            }
            for (at, _) in text.match_indices("super::") {
                let name: String =
                    text[at + "super::".len()..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if files.contains(&name) {
                    uses.insert(name);
                } else if let Some(to) = defined_in.get(&name) {
                    uses.insert(to.clone());
                }
            }
            uses.remove(file);
            edges.insert(file.clone(), uses);
        }
        // A circle is a file reached again from itself.
        for start in edges.keys() {
            let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
            let mut seen = BTreeSet::new();
            while let Some((node, path)) = stack.pop() {
                for next in edges.get(&node).into_iter().flatten() {
                    if next == start {
                        problems.push(format!("{}: circle {} -> {start}", folder.display(), path.join(" -> ")));
                    } else if seen.insert(next.clone()) {
                        stack.push((next.clone(), [path.clone(), vec![next.clone()]].concat()));
                    }
                }
            }
        }
        folders_read += 1;
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "files import each other in a circle:\n  {}", problems.join("\n  "));
    assert!(folders_read >= 1, "no folder module read");
}

#[test]
fn the_folder_reader_sees_use_trees() {
    let items = use_items("{ApiError, body::{Text, header_text as h}, reading::Reading, self}");
    let want = [("ApiError", "ApiError"), ("body", "Text"), ("body", "h"), ("reading", "Reading")];
    assert_eq!(items, want.map(|(a, b)| (a.to_owned(), b.to_owned())));
}
