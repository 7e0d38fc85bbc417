//! [`Provider`] and the [`ProviderError`] trait every provider enum implements.

use std::{fmt, hash::Hash, str::FromStr};

use crate::{ApiError, ErrorKind, Lang, ParseCodeError, ParseNameError, Retry, response};
use http::{HeaderMap, Response, StatusCode};

/// A cloud service whose error codes this crate knows.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::Provider;
///
/// assert_eq!("qingstor".parse::<Provider>().unwrap(), Provider::QingStor);
/// assert_eq!("AList".parse::<Provider>().unwrap(), Provider::OpenList);
/// assert_eq!(Provider::Upyun.to_string(), "upyun");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Provider {
    /// UpYun (又拍云) storage REST API: 8-digit numeric codes.
    Upyun,
    /// QingStor object storage: snake_case string codes.
    QingStor,
    /// LeanCloud: numeric codes from 0 to 700.
    LeanCloud,
    /// OpenList and AList: no codes, recognised by the text of their messages.
    OpenList,
}

impl Provider {
    /// Every provider, whether or not its feature is enabled.
    pub const ALL: &'static [Provider] = &[Self::Upyun, Self::QingStor, Self::LeanCloud, Self::OpenList];

    /// The slug used in `Display` output, module and catalogue names: `upyun`, `qingstor`,
    /// `leancloud` or `openlist`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Upyun => "upyun",
            Self::QingStor => "qingstor",
            Self::LeanCloud => "leancloud",
            Self::OpenList => "openlist",
        }
    }

    /// The provider's name as its owners write it.
    pub const fn brand(self) -> &'static str {
        match self {
            Self::Upyun => "UpYun",
            Self::QingStor => "QingStor",
            Self::LeanCloud => "LeanCloud",
            Self::OpenList => "OpenList",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Provider {
    type Err = ParseNameError;

    /// Accepts each slug in any case, and `alist` for OpenList (its upstream, same messages).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|p| p.as_str().eq_ignore_ascii_case(name))
            .or_else(|| name.eq_ignore_ascii_case("alist").then_some(Self::OpenList))
            .ok_or_else(|| ParseNameError::new("provider", s))
    }
}

#[cfg(feature = "serde")]
crate::serde_code::serde_by_name!(Provider, "provider");

pub(crate) mod sealed {
    use crate::{RawCode, entry::Entry, response::Profile};

    /// Proof of being inside this crate: the hidden methods below take one, and only this
    /// crate can make one, so nobody else can call them (not even through a generic bound).
    #[derive(Clone, Copy, Debug)]
    pub struct Internal(pub(crate) ());

    /// Only this crate's generated enums implement [`ProviderError`](super::ProviderError).
    pub trait Sealed: Copy + 'static {
        /// The catalogue entry behind this variant.
        fn entry(self, _: Internal) -> &'static Entry;

        /// Every variant documented under a code given as text, the primary one first.
        fn variants_of_text(code: &str, _: Internal) -> &'static [Self];

        /// Every variant documented under a numeric code (none for providers whose codes are
        /// strings), the primary one first.
        fn variants_of_number(code: i64, _: Internal) -> &'static [Self];

        /// Where this provider's responses put the code, message and request id.
        fn profile(_: Internal) -> &'static Profile;

        /// The variant a response names, from its raw code and message: the code's variants,
        /// told apart by the message where the code has several.
        fn from_parts(code: Option<&RawCode>, message: Option<&str>, _: Internal) -> Option<Self>
        where
            Self: super::ProviderError,
        {
            let code = code?;
            // Plain digits (the common case) straight from the bytes, then any integer.
            let number = match Self::profile(Internal(())).numeric_codes {
                true => code.to_u32().map(i64::from).or_else(|| code.to_i64()),
                false => None,
            };
            let variants = match number {
                Some(number) => Self::variants_of_number(number, Internal(())),
                None => Self::variants_of_text(&code.lookup_text()?, Internal(())),
            };
            crate::entry::resolve_by_message(variants, message.unwrap_or(""))
        }
    }
}

pub(crate) use sealed::Internal;

/// What every provider's error enum offers, so generic code can handle any of them.
///
/// Implemented by [`UpyunError`](crate::UpyunError), [`QingStorError`](crate::QingStorError)
/// and the other provider enums; sealed, so methods can be added without breaking anyone.
/// Each enum also has the accessors as inherent methods, usable without importing this trait.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "upyun")] {
/// use cloud_errcodes::{ProviderError, UpyunError};
///
/// fn retryable_codes<E: ProviderError>() -> Vec<&'static str> {
///     E::all().filter(|e| e.is_retryable()).map(|e| e.code_str()).collect()
/// }
///
/// assert!(retryable_codes::<UpyunError>().contains(&"42900001"));
/// assert_eq!(<UpyunError as ProviderError>::from_code_str("40300004"), Some(UpyunError::BucketFull));
/// assert_eq!(UpyunError::ALL.len(), UpyunError::all().len());
/// # }
/// ```
pub trait ProviderError:
    sealed::Sealed
    + Copy
    + Eq
    + Ord
    + Hash
    + fmt::Debug
    + fmt::Display
    + std::error::Error
    + Send
    + Sync
    + 'static
    + FromStr<Err = ParseCodeError>
{
    /// The provider whose codes these are.
    const PROVIDER: Provider;

    /// Every variant, in catalogue order.
    const ALL: &'static [Self];

    /// The API surfaces this provider's codes come from, as the catalogue names them: UpYun
    /// and QingStor `storage`; LeanCloud `rest`, `realtime` and `sdk` (raised by the client
    /// SDKs, sent by no server); OpenList `faq`.
    const SURFACES: &'static [&'static str];

    /// Every variant, in catalogue order.
    fn all() -> impl ExactSizeIterator<Item = Self> + DoubleEndedIterator + Clone {
        Self::ALL.iter().copied()
    }

    /// Looks up a code given as text (`"40300004"`, `"bucket_not_empty"`), ignoring
    /// surrounding whitespace; `None` if unknown. A code documented with several meanings
    /// gives its primary one.
    fn from_code_str(code: &str) -> Option<Self> {
        Self::variants_of_text(code, Internal(())).first().copied()
    }

    /// The code as text, exactly as it appears on the wire. For OpenList, which sends no
    /// codes, it is the symptom's stable id (`query_fail_61008`).
    fn code_str(self) -> &'static str {
        self.entry(Internal(())).code
    }

    /// The code as a number, for providers whose codes are numbers (`None` for a templated
    /// code such as UpYun's `503xx001`, which stands for many numbers).
    fn numeric_code(self) -> Option<i64> {
        let entry = self.entry(Internal(()));
        let digits = entry.code.strip_prefix('-').unwrap_or(entry.code);
        (Self::profile(Internal(())).numeric_codes && digits.bytes().all(|b| b.is_ascii_digit()))
            .then_some(entry.number)
    }

    /// The fixed message the server sends with this code, where the catalogue gives one. For
    /// OpenList it is the symptom as its documentation shows it: an example of the text the
    /// server sends, not a fixed wire message.
    fn wire_message(self) -> Option<&'static str> {
        Some(self.entry(Internal(())).message).filter(|message| !message.is_empty())
    }

    /// Which API surface sends this error: one of [`SURFACES`](Self::SURFACES).
    fn surface(self) -> &'static str {
        self.entry(Internal(())).surface
    }

    /// Where the catalogue's wire facts for this error come from: a documentation page, a
    /// repository file at a commit, or a package version.
    ///
    /// ```
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::UpyunError;
    ///
    /// assert_eq!(UpyunError::BucketFull.surface(), "storage");
    /// assert!(UpyunError::BucketFull.provenance().contains("https://help.upyun.com/knowledge-base/errno/"));
    /// # }
    /// ```
    fn provenance(self) -> &'static str {
        self.entry(Internal(())).provenance
    }

    /// Other wordings of [`wire_message`](Self::wire_message) that servers send or sent (older
    /// versions, renamed components); recognised by `from_code_and_message` and the parsers.
    ///
    /// ```
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::{ProviderError, UpyunError};
    ///
    /// let err = UpyunError::TaskDbConnectFailed;
    /// assert_eq!(err.wire_message(), Some("connect to db error"));
    /// assert!(err.alternate_messages().contains(&"connect to database error"));
    /// # }
    /// ```
    fn alternate_messages(self) -> &'static [&'static str] {
        self.entry(Internal(())).alternates
    }

    /// A short lowercase English phrase, as `Display` shows it after the code.
    fn summary(self) -> &'static str {
        self.entry(Internal(())).summary
    }

    /// The HTTP status the provider answers with for this error.
    fn http_status(self) -> StatusCode {
        self.entry(Internal(())).status_code()
    }

    /// The cross-provider kind.
    fn kind(self) -> ErrorKind {
        self.entry(Internal(())).kind
    }

    /// Whether and how the same request may be retried.
    fn retry(self) -> Retry {
        self.entry(Internal(())).retry
    }

    /// `true` when retrying with backoff may succeed.
    fn is_retryable(self) -> bool {
        self.retry().is_retryable()
    }

    /// What this error means, in the given language.
    fn description(self, lang: Lang) -> &'static str {
        let entry = self.entry(Internal(()));
        match lang {
            Lang::En => entry.en,
            Lang::ZhCn => entry.zh,
        }
    }

    /// Parses a raw error response: the HTTP status, the headers and the body bytes.
    ///
    /// Never fails and never panics: an empty body, an HTML page from a proxy, plain text,
    /// broken or truncated JSON all give an [`ApiError`] keeping what could be read (see
    /// [`response`](crate::response) for the rules and limits).
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "qingstor")] {
    /// use cloud_errcodes::{BodyFormat, ProviderError, QingStorError};
    /// use http::{HeaderMap, HeaderValue, StatusCode};
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert("x-qs-request-id", HeaderValue::from_static("aa08cf7a43f611e5"));
    /// let body = br#"{"code": "bucket_not_empty", "message": "Bucket is not empty", "request_id": "aa08cf7a43f611e5"}"#;
    /// let err = QingStorError::parse_parts(StatusCode::CONFLICT, &headers, body);
    /// assert_eq!(err.code(), Some(QingStorError::BucketNotEmpty));
    /// assert_eq!(err.request_id(), Some("aa08cf7a43f611e5"));
    ///
    /// let page = b"<html><head><title>502 Bad Gateway</title></head></html>";
    /// let err = QingStorError::parse_parts(StatusCode::BAD_GATEWAY, &HeaderMap::new(), page);
    /// assert_eq!(err.body_format(), BodyFormat::Html);
    /// assert_eq!(err.message(), Some("502 Bad Gateway"));
    /// assert!(err.is_retryable());
    /// # }
    /// ```
    fn parse_parts(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError<Self> {
        response::parse(status, headers, body)
    }

    /// [`parse_parts`](Self::parse_parts) on an [`http::Response`].
    fn parse_response<B: AsRef<[u8]>>(response: &Response<B>) -> ApiError<Self> {
        Self::parse_parts(response.status(), response.headers(), response.body().as_ref())
    }

    /// `Ok` when the response is a success the way the provider means it, else the parsed
    /// error.
    ///
    /// For UpYun, QingStor and LeanCloud success is a 2xx status. OpenList answers HTTP 200
    /// for failures too: a 2xx response whose body is OpenList's API envelope (a JSON object
    /// with `code` and `message`) fails when that `code` is not 200; any other 2xx body (a
    /// download, even a JSON file with a `code` key of its own) is a success. Informational
    /// (1xx) and `304 Not Modified` answers are not failures either.
    ///
    /// # Errors
    ///
    /// The parsed [`ApiError`] when the response is a failure.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "openlist")] {
    /// use cloud_errcodes::{OpenListError, ProviderError};
    /// use http::{HeaderMap, StatusCode};
    ///
    /// let ok = br#"{"code": 200, "message": "success", "data": {}}"#;
    /// assert!(OpenListError::check_parts(StatusCode::OK, &HeaderMap::new(), ok).is_ok());
    ///
    /// let failed = br#"{"code": 500, "message": "failed get objs: failed to list objs: query fail [61008]", "data": null}"#;
    /// let err = OpenListError::check_parts(StatusCode::OK, &HeaderMap::new(), failed).unwrap_err();
    /// assert_eq!(err.code(), Some(OpenListError::QueryFail61008));
    /// assert_eq!(err.http_status(), StatusCode::INTERNAL_SERVER_ERROR);
    /// assert_eq!(err.wire_status(), StatusCode::OK);
    /// # }
    /// ```
    fn check_parts(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<(), ApiError<Self>> {
        match response::is_failure::<Self>(status, body) {
            true => Err(Self::parse_parts(status, headers, body)),
            false => Ok(()),
        }
    }

    /// [`check_parts`](Self::check_parts) on an [`http::Response`].
    ///
    /// # Errors
    ///
    /// The parsed [`ApiError`] when the response is a failure.
    fn check_response<B: AsRef<[u8]>>(response: &Response<B>) -> Result<(), ApiError<Self>> {
        Self::check_parts(response.status(), response.headers(), response.body().as_ref())
    }

    /// Parses a failed `reqwest` response (feature `reqwest`).
    ///
    /// Keeps the status and headers and reads at most the parser's bounded prefix of the body
    /// ([`MAX_BODY`](crate::response::MAX_BODY) bytes): the rest of a large body is never
    /// downloaded. A transport error while reading ends the body: what arrived is parsed, and
    /// the error says it is incomplete ([`ApiError::is_truncated`]). How long reading may
    /// take is bounded by the client's timeouts.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::{ProviderError, UpyunError};
    ///
    /// # async fn demo(client: reqwest::Client) -> Result<(), reqwest::Error> {
    /// let response = client.delete("https://v0.api.upyun.com/bucket/file.txt").send().await?;
    /// if !response.status().is_success() {
    ///     let err = UpyunError::parse_reqwest(response).await;
    ///     eprintln!("{err}"); // upyun 40400001: file or directory not found (HTTP 404, ...)
    /// }
    /// # Ok(())
    /// # }
    /// # }
    /// ```
    #[cfg(feature = "reqwest")]
    fn parse_reqwest(response: reqwest::Response) -> impl Future<Output = ApiError<Self>> + Send {
        crate::with_reqwest::parse::<Self>(response)
    }

    /// Passes a successful `reqwest` response through, and turns a failed one into the parsed
    /// error, deciding success the way the provider means it (feature `reqwest`).
    ///
    /// For UpYun, QingStor and LeanCloud success is a 2xx status, and the response is handed
    /// back untouched. OpenList can only be judged from its body (see
    /// [`check_parts`](Self::check_parts)), so for it the body is read only as far as needed
    /// to decide: a body that does not start like OpenList's JSON envelope is a success at
    /// once, an envelope is decided as soon as its `code` (and, for a failure, its `message`)
    /// has arrived. On success the caller gets a rebuilt response with the same status,
    /// version and headers, whose body is the part read followed by the rest, streamed
    /// unread; a transport error met while deciding is yielded by that body where it
    /// happened, so a cut download never looks complete. (The rebuilt response no longer
    /// knows its URL.) How long reading may take is bounded by the client's timeouts.
    ///
    /// # Errors
    ///
    /// The parsed [`ApiError`] when the response is a failure.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// # #[cfg(feature = "openlist")] {
    /// use cloud_errcodes::{ApiError, OpenListError, ProviderError};
    ///
    /// # async fn demo(client: reqwest::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let response = client.post("http://127.0.0.1:5244/api/fs/list").send().await?;
    /// let listing = OpenListError::check_reqwest(response).await?.text().await?;
    /// # Ok(())
    /// # }
    /// # }
    /// ```
    #[cfg(feature = "reqwest")]
    fn check_reqwest(
        response: reqwest::Response,
    ) -> impl Future<Output = Result<reqwest::Response, ApiError<Self>>> + Send {
        crate::with_reqwest::check::<Self>(response)
    }
}
