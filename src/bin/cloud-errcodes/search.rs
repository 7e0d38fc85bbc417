//! `search`: entries of every provider whose text contains every word.

use cloud_errcodes::{AnyCode, Provider};
use serde_json::json;

use crate::{Outcome, info, print_json, shown};

pub fn search(words: &[String], json: bool) -> Outcome {
    let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let matches: Vec<AnyCode> = Provider::ALL
        .iter()
        .flat_map(|p| p.entries())
        .filter(|&code| {
            let haystack = info::haystack(code);
            words.iter().all(|word| haystack.contains(word.as_str()))
        })
        .collect();
    if json {
        print_json(&json!({
            "words": words,
            "matches": matches.iter().map(|&m| info::to_json(m, None)).collect::<Vec<_>>(),
        }));
    } else {
        for m in &matches {
            out!("{m}");
        }
        if matches.is_empty() {
            err!("no entry contains all of: {}", shown(&words.join(" ")));
        }
    }
    if matches.is_empty() { Outcome::NothingFound } else { Outcome::Found }
}
