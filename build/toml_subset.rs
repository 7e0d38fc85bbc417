//! A reader for the part of TOML the catalogues are written in, so that building the crate
//! compiles no TOML parser (and its dependencies) for every crate that depends on it.
//!
//! Read: `key = value` lines, `#` comments, and values that are basic strings (`"..."` with
//! TOML's escapes), integers, booleans, arrays and inline tables (both may span lines). Refused,
//! with the line they are on: table headers, dotted keys, literal and multi-line strings,
//! floats, dates, a key given twice, and anything after a value on its line.

use std::collections::BTreeMap;

/// A table: its keys in order, each once.
pub type Table = BTreeMap<String, Value>;

/// A value the catalogues use.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Boolean(bool),
    Array(Vec<Value>),
    Table(Table),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_integer(&self) -> Option<i64> {
        match self {
            Value::Integer(number) => Some(*number),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Boolean(value) => Some(*value),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }
}

/// The top-level table of a document.
pub fn parse(text: &str) -> Result<Table, String> {
    let mut reader = Reader { text, at: 0 };
    let mut table = Table::new();
    loop {
        reader.skip(true);
        if reader.rest().is_empty() {
            return Ok(table);
        }
        let (key, value) = reader.pair()?;
        reader.insert(&mut table, key, value)?;
        reader.skip(false);
        if !(reader.rest().is_empty() || reader.eat('\n')) {
            return Err(reader.error("a new line after the value"));
        }
    }
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.rest().starts_with(c);
        if found {
            self.at += c.len_utf8();
        }
        found
    }

    /// `expected` was not found: where, as TOML parsers say it.
    fn error(&self, expected: &str) -> String {
        let line = self.text[..self.at].matches('\n').count() + 1;
        let found = self.rest().lines().next().unwrap_or("").chars().take(30).collect::<String>();
        format!("line {line}: expected {expected}, found {:?}", if found.is_empty() { "the end" } else { &found })
    }

    /// Skips spaces, tabs and comments; new lines too when `lines`.
    fn skip(&mut self, lines: bool) {
        loop {
            match self.peek() {
                Some(' ' | '\t' | '\r') => self.at += 1,
                Some('\n') if lines => self.at += 1,
                Some('#') => self.at += self.rest().find('\n').unwrap_or(self.rest().len()),
                _ => return,
            }
        }
    }

    /// `key = value`.
    fn pair(&mut self) -> Result<(String, Value), String> {
        let key = match self.peek() {
            Some('"') => self.string()?,
            _ => {
                let len = self.rest().find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'));
                let key = &self.rest()[..len.unwrap_or(self.rest().len())];
                if key.is_empty() {
                    return Err(self.error("a key"));
                }
                self.at += key.len();
                key.to_owned()
            }
        };
        self.skip(false);
        if !self.eat('=') {
            return Err(self.error("`=` after the key"));
        }
        self.skip(false);
        Ok((key, self.value()?))
    }

    fn insert(&self, table: &mut Table, key: String, value: Value) -> Result<(), String> {
        if table.contains_key(&key) {
            return Err(self.error(&format!("`{key}` only once")));
        }
        table.insert(key, value);
        Ok(())
    }

    fn value(&mut self) -> Result<Value, String> {
        match self.peek() {
            Some('"') => Ok(Value::String(self.string()?)),
            Some('[') => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip(true);
                    if self.eat(']') {
                        return Ok(Value::Array(items));
                    }
                    items.push(self.value()?);
                    self.skip(true);
                    if !self.eat(',') && !self.rest().starts_with(']') {
                        return Err(self.error("`,` or `]`"));
                    }
                }
            }
            Some('{') => {
                self.at += 1;
                let mut table = Table::new();
                loop {
                    self.skip(true);
                    if self.eat('}') {
                        return Ok(Value::Table(table));
                    }
                    let (key, value) = self.pair()?;
                    self.insert(&mut table, key, value)?;
                    self.skip(true);
                    if !self.eat(',') && !self.rest().starts_with('}') {
                        return Err(self.error("`,` or `}`"));
                    }
                }
            }
            _ if self.rest().starts_with("true") => {
                self.at += 4;
                Ok(Value::Boolean(true))
            }
            _ if self.rest().starts_with("false") => {
                self.at += 5;
                Ok(Value::Boolean(false))
            }
            Some('-' | '+' | '0'..='9') => self.integer(),
            _ => Err(self.error("a string, integer, boolean, array or inline table")),
        }
    }

    /// A decimal integer: an optional sign, digits without leading zeros, `_` between digits.
    fn integer(&mut self) -> Result<Value, String> {
        let len = self.rest().find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '_' | '.')));
        let token = &self.rest()[..len.unwrap_or(self.rest().len())];
        let digits = token.strip_prefix(['-', '+']).unwrap_or(token);
        let well_formed = digits.split('_').all(|group| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit()))
            && (digits == "0" || !digits.starts_with('0'));
        match token.replace('_', "").parse() {
            Ok(number) if well_formed => {
                self.at += token.len();
                Ok(Value::Integer(number))
            }
            _ => Err(self.error("a decimal integer")),
        }
    }

    /// A basic string, its escapes decoded.
    fn string(&mut self) -> Result<String, String> {
        if self.rest().starts_with("\"\"\"") {
            return Err(self.error("a one-line string"));
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else { return Err(self.error("`\"` closing the string")) };
            self.at += c.len_utf8();
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let Some(escape) = self.peek() else { return Err(self.error("an escape")) };
                    self.at += 1;
                    match escape {
                        'b' => out.push('\u{8}'),
                        't' => out.push('\t'),
                        'n' => out.push('\n'),
                        'f' => out.push('\u{c}'),
                        'r' => out.push('\r'),
                        'e' => out.push('\u{1b}'),
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        'x' | 'u' | 'U' => {
                            let len = match escape {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            let hex = self.rest().get(..len).unwrap_or("");
                            let decoded = u32::from_str_radix(hex, 16).ok().filter(|_| hex.len() == len);
                            let Some(decoded) = decoded.and_then(char::from_u32) else {
                                return Err(self.error("a Unicode scalar value in hex"));
                            };
                            self.at += len;
                            out.push(decoded);
                        }
                        _ => {
                            self.at -= 1;
                            return Err(self.error("a TOML escape"));
                        }
                    }
                }
                c if c.is_control() && c != '\t' => {
                    self.at -= c.len_utf8();
                    return Err(self.error("no control character in a string"));
                }
                c => out.push(c),
            }
        }
    }
}
