//! Reading the catalogue: what each provider's file must look like, and the parsed entries.
//!
//! Shared by `build.rs` and by `tests/build_validate.rs`, which includes this file with
//! `#[path]` so that the validation that guards the build is tested on broken input.

#[path = "toml_subset.rs"]
pub mod toml_subset;

use toml_subset::{Table, Value};

/// How a provider's codes look on the wire.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CodeShape {
    /// Numbers of the given Rust integer type (`u32` for `40300004`, `i32` for LeanCloud's
    /// `137` and `-1`).
    Number(&'static str),
    /// Snake-case strings (`bucket_not_empty`, `query_fail_61008`).
    Text,
}

/// Whether an optional catalogue field is expected for a provider.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Field {
    /// Every entry has it, non-empty.
    Required,
    /// Entries may have it (an empty string counts as absent).
    Optional,
    /// No entry may have it.
    Forbidden,
}

/// What one provider's catalogue must satisfy and how its enum is generated.
pub struct Spec {
    /// File stem, module name and `Display` prefix (`upyun`).
    pub slug: &'static str,
    /// The provider's name as the reference page titles it (`UpYun (又拍云)`).
    pub title: &'static str,
    /// The generated enum (`UpyunError`).
    pub type_name: &'static str,
    /// Numbers or strings.
    pub code_shape: CodeShape,
    /// `true`: `name` is written in the entry; `false`: it is derived from the text code.
    pub explicit_names: bool,
    /// The server's fixed message text.
    pub message: Field,
    /// Our short English phrase for `Display`.
    pub summary: Field,
    /// The HTTP status must equal the code's first three digits (UpYun).
    pub status_from_code: bool,
    /// Entries are symptoms with patterns and remedies (OpenList).
    pub symptoms: bool,
    /// Numeric codes may be templates such as `503xx001`, where each `x` stands for any digit
    /// (UpYun's CDN edge).
    pub templates: bool,
}

/// One parsed catalogue file.
#[derive(Debug)]
pub struct Catalog {
    /// Must equal the spec's slug.
    pub provider: String,
    /// Must equal the spec's type name (the file's `type`).
    pub type_name: String,
    /// The API surfaces this provider's entries come from (`storage`, `cdn`, `rest`, ...).
    pub surfaces: Vec<Surface>,
    /// Wrappers put in front of a driver's text (symptom catalogues).
    pub prefixes: Option<Vec<String>>,
    /// The entries, one per variant.
    pub codes: Vec<Entry>,
}

/// An API surface: its snake_case id and what it is, in a few words.
#[derive(Debug)]
pub struct Surface {
    pub id: String,
    pub about: String,
}

/// A code as written in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    /// A TOML integer.
    Number(i64),
    /// A TOML string.
    Text(String),
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Code::Number(n) => write!(f, "{n}"),
            Code::Text(s) => f.write_str(s),
        }
    }
}

/// One catalogue entry: one variant of the generated enum.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The wire code.
    pub code: Code,
    /// Other codes servers send or sent for the same error (text codes only), all recognised
    /// by the lookup; `code()` stays the catalogue's code.
    pub alternate_codes: Option<Vec<String>>,
    /// The variant name (providers with explicit names).
    pub name: Option<String>,
    /// The HTTP status.
    pub status: i64,
    /// Why the status deliberately differs from what the code implies.
    pub status_exception: Option<String>,
    /// Cross-provider kind, snake_case.
    pub kind: String,
    /// Which API surface sends it: one of the catalogue's `surfaces`.
    pub surface: String,
    /// Where its wire facts come from (a documentation page, a repository file at a commit,
    /// a package version).
    pub provenance: String,
    /// `never` or `backoff`.
    pub retry: String,
    /// The server's message, byte for byte.
    pub message: Option<String>,
    /// Other wordings of the same message that servers send or sent (older versions,
    /// renamed components), all recognised.
    pub alternates: Option<Vec<String>>,
    /// Our short lowercase English phrase for `Display`.
    pub summary: Option<String>,
    /// For shared codes: the variant `from_code` returns.
    pub primary: bool,
    /// English description.
    pub en: String,
    /// Simplified Chinese description.
    pub zh: String,
    /// English remedy (symptom catalogues).
    pub solution_en: Option<String>,
    /// Simplified Chinese remedy (symptom catalogues).
    pub solution_zh: Option<String>,
    /// Literal fragments that identify the symptom (symptom catalogues).
    pub patterns: Option<Vec<String>>,
    /// What value the symptom carries after its pattern (symptom catalogues).
    pub value: Option<String>,
    /// A larger number wins when several symptoms occur in one text (symptom catalogues).
    pub specificity: Option<i64>,
    /// The patterns count only as the whole message: the whole text or line, or the last link
    /// of a colon chain that is not an operating-system call (symptom catalogues).
    pub whole: bool,
}

impl Entry {
    /// The template of a templated numeric code (`503xx001`), if it is one.
    pub fn template(&self) -> Option<&str> {
        match &self.code {
            Code::Text(text) if is_template(text) => Some(text),
            _ => None,
        }
    }

    /// The number standing for the code: itself, or a template with every `x` read as `0`.
    pub fn number(&self) -> i64 {
        match &self.code {
            Code::Number(n) => *n,
            Code::Text(text) if is_template(text) => text.replace('x', "0").parse().unwrap_or(0),
            Code::Text(_) => 0,
        }
    }

    /// The variant name, explicit or derived from the text code.
    pub fn variant(&self, spec: &Spec) -> String {
        match (&self.name, &self.code) {
            (Some(name), _) if spec.explicit_names => name.clone(),
            (_, Code::Text(code)) => snake_to_camel(code),
            (_, Code::Number(n)) => format!("Code{n}"),
        }
    }

    /// `message` with an empty string read as absent.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref().filter(|m| !m.is_empty())
    }
}

/// The cross-provider kinds and the retry advice a catalogue may name: snake_case id and the
/// variant of `ErrorKind` / `Retry`. Read from the same table file `src/kind.rs` turns into the
/// enums, so the two cannot drift: adding a kind is one row in `src/kind/table.rs`.
macro_rules! kind_ids {
    ($const_name:ident: $($(#[$meta:meta])* $variant:ident = $id:literal, $phrase:literal;)*) => {
        pub const $const_name: &[(&str, &str)] = &[$(($id, stringify!($variant))),*];
    };
}

macro_rules! error_kinds {
    ($($rows:tt)*) => {
        kind_ids!(KINDS: $($rows)*);
    };
}

macro_rules! retry_advice {
    ($($rows:tt)*) => {
        kind_ids!(RETRIES: $($rows)*);
    };
}

include!("../src/kind/table.rs");

/// What a symptom's value may be: id and `ValueKind` variant.
pub const SYMPTOM_VALUES: &[(&str, &str)] =
    &[("port", "Port"), ("file_id", "FileId"), ("status", "Status"), ("number", "Number")];

/// Whether `code` is a numeric template: 8 digits or `x`, with at least one `x`.
pub fn is_template(code: &str) -> bool {
    code.len() == 8 && code.contains('x') && code.bytes().all(|b| b.is_ascii_digit() || b == b'x')
}

/// Whether a number matches a template, digit by digit (`x` matches any digit).
pub fn template_matches(template: &str, number: i64) -> bool {
    let digits = format!("{number:0width$}", width = template.len());
    digits.len() == template.len() && template.bytes().zip(digits.bytes()).all(|(t, d)| t == b'x' || t == d)
}

/// `bucket_not_empty` -> `BucketNotEmpty`, `query_fail_61008` -> `QueryFail61008`.
pub fn snake_to_camel(code: &str) -> String {
    code.split('_')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// Parses one catalogue file's text. Every key must be one this file documents: a misspelt
/// field is an error, not a silently missing fact.
pub fn parse(file: &str, text: &str) -> Result<Catalog, String> {
    let fail = |err: String| format!("{file}: cannot parse catalogue: {err}");
    let table = toml_subset::parse(text).map_err(fail)?;
    let mut top = Fields::new(&table, "the header".to_owned());
    let provider = top.required_string("provider").map_err(fail)?;
    let type_name = top.required_string("type").map_err(fail)?;
    let surfaces = match top.take("surfaces") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let place = format!("surface {}", i + 1);
                let Value::Table(table) = item else { return Err(format!("{place} is not a table")) };
                let mut f = Fields::new(table, place);
                let surface = Surface { id: f.required_string("id")?, about: f.required_string("about")? };
                f.finish()?;
                Ok(surface)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)?,
        Some(_) => return Err(fail("`surfaces` must be an array of tables".to_owned())),
        None => return Err(fail("the header: missing field `surfaces`".to_owned())),
    };
    let prefixes = top.strings("prefixes").map_err(fail)?;
    let codes = match top.take("codes") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Table(entry) => entry_from(entry, i),
                _ => Err(format!("entry {} is not a table", i + 1)),
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)?,
        Some(_) => return Err(fail("`codes` must be an array".to_owned())),
        None => return Err(fail("missing field `codes`".to_owned())),
    };
    top.finish().map_err(fail)?;
    Ok(Catalog { provider, type_name, surfaces, prefixes, codes })
}

fn entry_from(table: &Table, index: usize) -> Result<Entry, String> {
    let place = match table.get("code") {
        Some(Value::Integer(n)) => format!("entry {} (code {n})", index + 1),
        Some(Value::String(s)) => format!("entry {} (code {s})", index + 1),
        _ => format!("entry {}", index + 1),
    };
    let mut f = Fields::new(table, place);
    let code = match f.take("code") {
        Some(Value::Integer(n)) => Code::Number(*n),
        Some(Value::String(s)) => Code::Text(s.clone()),
        Some(_) => return Err(f.wrong("code", "an integer or a string")),
        None => return Err(f.missing("code")),
    };
    let entry = Entry {
        code,
        alternate_codes: f.strings("alternate_codes")?,
        name: f.string("name")?,
        status: f.integer("status")?.ok_or_else(|| f.missing("status"))?,
        status_exception: f.string("status_exception")?,
        kind: f.required_string("kind")?,
        surface: f.required_string("surface")?,
        provenance: f.required_string("provenance")?,
        retry: f.required_string("retry")?,
        message: f.string("message")?,
        alternates: f.strings("alternates")?,
        summary: f.string("summary")?,
        primary: f.boolean("primary")?.unwrap_or(false),
        en: f.required_string("en")?,
        zh: f.required_string("zh")?,
        solution_en: f.string("solution_en")?,
        solution_zh: f.string("solution_zh")?,
        patterns: f.strings("patterns")?,
        value: f.string("value")?,
        specificity: f.integer("specificity")?,
        whole: f.boolean("whole")?.unwrap_or(false),
    };
    f.finish()?;
    Ok(entry)
}

/// Reads the fields of one TOML table, remembering which were read, so that `finish` can
/// reject the ones nobody asked for.
struct Fields<'a> {
    table: &'a Table,
    read: Vec<&'static str>,
    place: String,
}

impl<'a> Fields<'a> {
    fn new(table: &'a Table, place: String) -> Self {
        Fields { table, read: Vec::new(), place }
    }

    fn take(&mut self, key: &'static str) -> Option<&'a Value> {
        self.read.push(key);
        self.table.get(key)
    }

    fn wrong(&self, key: &str, expected: &str) -> String {
        format!("{}: `{key}` must be {expected}", self.place)
    }

    fn missing(&self, key: &str) -> String {
        format!("{}: missing field `{key}`", self.place)
    }

    /// The field `key` read by `get`, `None` when absent; a value `get` refuses is an error
    /// saying what was `expected`.
    fn typed<T>(
        &mut self,
        key: &'static str,
        expected: &str,
        get: impl Fn(&Value) -> Option<T>,
    ) -> Result<Option<T>, String> {
        match self.take(key) {
            Some(value) => get(value).map(Some).ok_or_else(|| self.wrong(key, expected)),
            None => Ok(None),
        }
    }

    fn string(&mut self, key: &'static str) -> Result<Option<String>, String> {
        self.typed(key, "a string", |v| v.as_str().map(str::to_owned))
    }

    fn required_string(&mut self, key: &'static str) -> Result<String, String> {
        self.string(key)?.ok_or_else(|| self.missing(key))
    }

    fn integer(&mut self, key: &'static str) -> Result<Option<i64>, String> {
        self.typed(key, "an integer", Value::as_integer)
    }

    fn boolean(&mut self, key: &'static str) -> Result<Option<bool>, String> {
        self.typed(key, "true or false", Value::as_bool)
    }

    fn strings(&mut self, key: &'static str) -> Result<Option<Vec<String>>, String> {
        self.typed(key, "an array of strings", |v| {
            v.as_array()?.iter().map(|item| item.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>()
        })
    }

    /// Every key of the table was read; else the first one that was not is named.
    fn finish(self) -> Result<(), String> {
        match self.table.keys().find(|key| !self.read.contains(&key.as_str())) {
            Some(key) => Err(format!("{}: unknown field `{key}`", self.place)),
            None => Ok(()),
        }
    }
}
