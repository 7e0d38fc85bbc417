//! [`BodyFormat`]: what kind of body a response had.

use std::fmt;

/// What kind of body a response had.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum BodyFormat {
    /// A JSON object (or array) whose top level closed properly. The scanner reads only the
    /// top level, so this says the object was complete, not that every nested value was
    /// valid JSON.
    Json,
    /// JSON that stopped or broke before its end (cut off, or malformed); the fields complete
    /// before that point are kept.
    PartialJson,
    /// An HTML page, such as a proxy's error page; its title is the message.
    Html,
    /// Other text; the trimmed text is the message.
    Text,
    /// No body, or only whitespace.
    Empty,
    /// Bytes that are not text (invalid UTF-8 or control characters).
    Unreadable,
    /// An XML error document (`<Error><Code>NoSuchKey</Code><Message>...`), as the
    /// S3-compatible endpoints of UpYun and QingStor answer: its `Code`, `Message` and
    /// `RequestId` are kept.
    Xml,
    /// A compressed body that was not decoded: its `Content-Encoding` names a compression
    /// (gzip, br, ...) or it starts as gzip does, and it is not text. Decode it (curl
    /// `--compressed`, or the HTTP client's decompression) to read the error.
    Compressed,
}

impl BodyFormat {
    /// Every body format.
    pub const ALL: &'static [BodyFormat] = &[
        Self::Json,
        Self::PartialJson,
        Self::Html,
        Self::Text,
        Self::Empty,
        Self::Unreadable,
        Self::Xml,
        Self::Compressed,
    ];

    /// A stable snake_case identifier: `json`, `partial_json`, `html`, `text`, `empty`,
    /// `unreadable`, `xml`, `compressed`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::PartialJson => "partial_json",
            Self::Html => "html",
            Self::Text => "text",
            Self::Empty => "empty",
            Self::Unreadable => "unreadable",
            Self::Xml => "xml",
            Self::Compressed => "compressed",
        }
    }
}

impl fmt::Display for BodyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
crate::serde_names::serde_by_name!(BodyFormat, "body format");
