//! A provenance as Markdown a reader can follow: URLs become links, `owner/repo@commit path`
//! becomes a GitHub permalink of that file at that commit, `owner/repo#N` a link to the issue,
//! and `npm <package> <version>` / `PyPI <package> <version>` links to the registry's page.
//!
//! Used by the variant docs (`build/emit.rs`) and the reference pages (`build/reference.rs`);
//! `tests/markdown.rs` includes this file to test it on every form the catalogues use.

/// The first source `provenance` links to (the address of the page, the permalink of the
/// file, ...): what a user opens to check the entry.
pub fn first_url(provenance: &str) -> Option<String> {
    let markdown = markdown(provenance);
    if let Some(at) = markdown.find("](") {
        let rest = &markdown[at + 2..];
        return rest.find(')').map(|end| rest[..end].to_owned());
    }
    let at = markdown.find("<http")?;
    let rest = &markdown[at + 1..];
    rest.find('>').map(|end| rest[..end].to_owned())
}

/// `provenance` with every source it names linked; everything else is kept as written.
pub fn markdown(provenance: &str) -> String {
    let words: Vec<&str> = provenance.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut in_code = false;
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        // Text in backticks is quoted wire text: kept as it is.
        if in_code || word.contains('`') {
            in_code ^= word.matches('`').count() % 2 == 1;
            out.push(word.to_owned());
            i += 1;
            continue;
        }
        let (lead, word) = word.split_at(word.len() - word.trim_start_matches('(').len());
        let (core, trail) = split_trailing(word);
        if core.starts_with("https://") || core.starts_with("http://") {
            out.push(format!("{lead}<{core}>{trail}"));
        } else if let Some(source) = Revision::parse(core) {
            // The paths that follow, each ending in `,` but the last.
            let mut paths = Vec::new();
            let mut j = i + 1;
            while let Some(next) = words.get(j) {
                let (path, after) = split_trailing(next);
                if !is_path(path) {
                    break;
                }
                paths.push((path, after));
                j += 1;
                if after != "," {
                    break;
                }
            }
            match paths.split_first() {
                Some(((path, after), rest)) if trail.is_empty() => {
                    out.push(format!("{lead}[{core} {path}]({}){after}", source.url(Some(path))));
                    for (path, after) in rest {
                        out.push(format!("[{path}]({}){after}", source.url(Some(path))));
                    }
                    i = j;
                    continue;
                }
                _ => out.push(format!("{lead}[{core}]({}){trail}", source.url(None))),
            }
        } else if let Some((repo, number)) = issue(core) {
            out.push(format!("{lead}[{core}](https://github.com/{repo}/issues/{number}){trail}"));
        } else if let Some((registry, package, version, after)) = package(&words[i..]) {
            let url = match registry {
                "npm" => format!("https://www.npmjs.com/package/{package}/v/{version}"),
                _ => format!("https://pypi.org/project/{package}/{version}/"),
            };
            out.push(format!("{lead}[{registry} {package} {version}]({url}){after}"));
            i += 3;
            continue;
        } else {
            out.push(words[i].to_owned());
        }
        i += 1;
    }
    out.join(" ")
}

/// A repository at a revision: `owner/repo@abc1234`, the range `owner/repo@a..b` (the first
/// and the last revision holding the text) or `owner/repo@abc1234^` (the revision before).
struct Revision<'a> {
    repo: &'a str,
    first: &'a str,
    last: Option<&'a str>,
    parent: bool,
}

impl<'a> Revision<'a> {
    fn parse(word: &'a str) -> Option<Self> {
        let (repo, rev) = word.split_once('@')?;
        let (owner, name) = repo.split_once('/')?;
        if !is_name(owner) || !is_name(name) {
            return None;
        }
        let (rev, parent) = match rev.strip_suffix('^') {
            Some(rev) => (rev, true),
            None => (rev, false),
        };
        let (first, last) = match rev.split_once("..") {
            Some((first, last)) => (first, Some(last)),
            None => (rev, None),
        };
        let is_commit = |r: &str| (7..=40).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_hexdigit());
        let valid = is_commit(first) && last.is_none_or(is_commit) && !(parent && last.is_some());
        valid.then_some(Revision { repo, first, last, parent })
    }

    /// The file at the revision (the last of a range), or, for `X^` and for no file, the commit:
    /// its diff shows what changed.
    fn url(&self, path: Option<&str>) -> String {
        match (path, self.parent) {
            (Some(path), false) => {
                format!("https://github.com/{}/blob/{}/{path}", self.repo, self.last.unwrap_or(self.first))
            }
            _ => format!("https://github.com/{}/commit/{}", self.repo, self.first),
        }
    }
}

/// `owner/repo#12` -> (`owner/repo`, 12).
fn issue(word: &str) -> Option<(&str, &str)> {
    let (repo, number) = word.split_once('#')?;
    let (owner, name) = repo.split_once('/')?;
    (is_name(owner) && is_name(name) && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
        .then_some((repo, number))
}

/// `npm <package> <version>` or `PyPI <package> <version>` at the start of `words`: the
/// registry, package, version and the punctuation after it.
fn package<'a>(words: &[&'a str]) -> Option<(&'static str, &'a str, &'a str, &'a str)> {
    let registry = match *words.first()? {
        "npm" => "npm",
        "PyPI" => "PyPI",
        _ => return None,
    };
    let package = *words.get(1)?;
    let (version, after) = split_trailing(words.get(2)?);
    (is_name(package) && is_version(version)).then_some((registry, package, version, after))
}

fn is_version(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit()) && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
}

fn is_name(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

/// A file path in a repository: letters, digits and `/._-`, with a `/` or an extension; a glob
/// (`*.go`) is not one file, so it stays unlinked.
fn is_path(text: &str) -> bool {
    !text.is_empty()
        && (text.contains('/') || text.contains('.'))
        && !text.starts_with(['.', '/'])
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b"/._-".contains(&b))
}

/// A word without the punctuation that ends a clause after it (`,`, `;`, `:` and a closing
/// parenthesis the word did not open), and that punctuation.
fn split_trailing(word: &str) -> (&str, &str) {
    let mut end = word.len();
    loop {
        let core = &word[..end];
        let strip = match core.chars().last() {
            Some(',' | ';' | ':') => true,
            Some(')') => core.matches('(').count() < core.matches(')').count(),
            Some('.') => core.starts_with("http"),
            _ => false,
        };
        if !strip {
            return (core, &word[end..]);
        }
        end -= 1;
    }
}
