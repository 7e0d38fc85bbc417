//! The crate's own small errors.

/// The longest piece of rejected input an error keeps, in bytes (cut at a char boundary).
const MAX_KEPT: usize = 64;

/// Rejected input, cut to [`MAX_KEPT`] bytes and marked `…` when cut, stored inline so that a
/// failed lookup allocates nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Capped {
    len: u8,
    bytes: [u8; MAX_KEPT + '…'.len_utf8()],
}

impl Capped {
    pub(crate) fn new(input: &str) -> Self {
        let mut end = input.len().min(MAX_KEPT);
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        let mut capped = Capped { len: 0, bytes: [0; MAX_KEPT + '…'.len_utf8()] };
        capped.push(&input[..end]);
        if end < input.len() {
            capped.push("…");
        }
        capped
    }

    fn push(&mut self, text: &str) {
        let start = usize::from(self.len);
        self.bytes[start..start + text.len()].copy_from_slice(text.as_bytes());
        self.len += text.len() as u8;
    }

    pub(crate) fn as_str(&self) -> &str {
        // Whole `&str`s are copied in, so this never falls back.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl std::fmt::Debug for Capped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Capped {
    /// The input with control characters escaped: it comes from outside, and error messages
    /// end up on terminals and in log lines.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&crate::escape::Escaped(self.as_str()), f)
    }
}

/// A name ([`Provider`](crate::Provider), [`Lang`](crate::Lang)) that is not one of the accepted spellings.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::Provider;
///
/// let err = "s3".parse::<Provider>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown provider `s3`");
/// ```
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[error("unknown {what} `{input}`")]
pub struct ParseNameError {
    what: &'static str,
    input: Capped,
}

impl ParseNameError {
    pub(crate) fn new(what: &'static str, input: &str) -> Self {
        Self { what, input: Capped::new(input) }
    }

    /// The rejected input, cut to 64 bytes (with `…` when cut).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}
