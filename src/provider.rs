//! [`Provider`] and the [`ProviderError`] trait every provider enum implements.

use std::{fmt, hash::Hash, str::FromStr};

use http::{HeaderMap, Response, StatusCode};
use strum::{EnumCount, IntoEnumIterator};

use crate::{ApiError, ErrorKind, Lang, ParseCodeError, ParseNameError, RawCode, Retry, response};

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
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, strum::EnumIter, strum::EnumCount)]
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
        Self::iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(name))
            .or_else(|| name.eq_ignore_ascii_case("alist").then_some(Self::OpenList))
            .ok_or_else(|| ParseNameError::new("provider", s))
    }
}

pub(crate) mod sealed {
    /// Only this crate's generated enums implement [`ProviderError`](super::ProviderError).
    pub trait Sealed {}
}

/// What every provider's error enum offers, so generic code can handle any of them.
///
/// Implemented by [`UpyunError`](crate::UpyunError), [`QingStorError`](crate::QingStorError)
/// and the other provider enums; sealed, so methods can be added without breaking anyone.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::{ProviderError, QingStorError, UpyunError};
///
/// fn retryable_codes<E: ProviderError>() -> Vec<&'static str> {
///     E::all().filter(|e| e.is_retryable()).map(|e| e.code_str()).collect()
/// }
///
/// assert!(retryable_codes::<UpyunError>().contains(&"42900001"));
/// assert!(retryable_codes::<QingStorError>().contains(&"service_unavailable"));
/// assert_eq!(<QingStorError as ProviderError>::from_code_str("bucket_not_empty"),
///            Some(QingStorError::BucketNotEmpty));
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
    + IntoEnumIterator
    + EnumCount
    + FromStr<Err = ParseCodeError>
{
    /// The provider whose codes these are.
    const PROVIDER: Provider;

    /// Looks up a code given as text (`"40300004"`, `"bucket_not_empty"`); `None` if unknown.
    fn from_code_str(code: &str) -> Option<Self>;

    /// The code as text, exactly as it appears on the wire.
    fn code_str(self) -> &'static str;

    /// The code as a number, for providers whose codes are numbers.
    fn numeric_code(self) -> Option<u32>;

    /// The fixed message the server sends with this code, where the documentation gives one.
    fn wire_message(self) -> Option<&'static str>;

    /// A short lowercase English phrase, as `Display` shows it after the code.
    fn summary(self) -> &'static str;

    /// The HTTP status the provider answers with for this error.
    fn http_status(self) -> StatusCode;

    /// The cross-provider kind.
    fn kind(self) -> ErrorKind;

    /// Whether and how the same request may be retried.
    fn retry(self) -> Retry;

    /// `true` when retrying with backoff may succeed.
    fn is_retryable(self) -> bool {
        self.retry().is_retryable()
    }

    /// What this error means, in the given language.
    fn description(self, lang: Lang) -> &'static str;

    /// Every variant, in catalogue order.
    fn all() -> <Self as IntoEnumIterator>::Iterator {
        Self::iter()
    }

    /// The variant a response names, from its raw code and message. LeanCloud uses the
    /// message to tell apart causes that share a code; OpenList recognises the message alone.
    #[doc(hidden)]
    fn from_parts(code: Option<&RawCode>, message: Option<&str>) -> Option<Self> {
        let _ = message;
        let code = code?;
        match code.as_u32() {
            Some(number) => Self::from_code_u32(number),
            None => Self::from_code_str(&code.lookup_text()?),
        }
    }

    /// Looks up a numeric code; `None` for providers whose codes are strings.
    #[doc(hidden)]
    fn from_code_u32(code: u32) -> Option<Self>;

    /// Parses a raw error response: the HTTP status, the headers and the body bytes.
    ///
    /// Never fails and never panics: an empty body, an HTML page from a proxy, plain text,
    /// broken or truncated JSON all give an [`ApiError`] keeping what could be read (see
    /// [`response`](crate::response) for the rules and limits).
    ///
    /// # Examples
    ///
    /// ```
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
    /// ```
    fn parse_parts(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError<Self> {
        response::parse(status, headers, body)
    }

    /// [`parse_parts`](Self::parse_parts) on an [`http::Response`].
    fn parse_response<B: AsRef<[u8]>>(response: &Response<B>) -> ApiError<Self> {
        Self::parse_parts(response.status(), response.headers(), response.body().as_ref())
    }

    /// `Ok` when the response is a success the way the provider means it, else the parsed
    /// error. For UpYun, QingStor and LeanCloud success is a 2xx status; OpenList answers
    /// HTTP 200 for failures too, so there success also needs the body's `code` to be 200
    /// (a body without a `code`, such as a download, is a success).
    ///
    /// # Examples
    ///
    /// ```
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
    /// ```
    fn check_parts(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<(), ApiError<Self>> {
        match response::is_failure::<Self>(status, body) {
            true => Err(Self::parse_parts(status, headers, body)),
            false => Ok(()),
        }
    }

    /// [`check_parts`](Self::check_parts) on an [`http::Response`].
    fn check_response<B: AsRef<[u8]>>(response: &Response<B>) -> Result<(), ApiError<Self>> {
        Self::check_parts(response.status(), response.headers(), response.body().as_ref())
    }

    /// Parses a failed `reqwest` response (feature `reqwest`).
    ///
    /// Keeps the status and headers and reads at most the parser's bounded prefix of the body
    /// ([`MAX_BODY`](crate::response::MAX_BODY) bytes): the rest of a large body is never
    /// downloaded. A transport error while reading ends the body; what arrived is parsed.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use cloud_errcodes::{ProviderError, UpyunError};
    ///
    /// # async fn demo(client: reqwest::Client) -> Result<(), reqwest::Error> {
    /// let response = client.delete("https://v0.api.upyun.com/bucket/file.txt").send().await?;
    /// if !response.status().is_success() {
    ///     let err = UpyunError::from_reqwest(response).await;
    ///     eprintln!("{err}"); // upyun 40400001: file or directory not found (HTTP 404, ...)
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[cfg(feature = "reqwest")]
    fn from_reqwest(response: reqwest::Response) -> impl Future<Output = ApiError<Self>> + Send {
        crate::with_reqwest::from_response::<Self>(response)
    }

    /// Passes a successful `reqwest` response through, and turns a failed one into the parsed
    /// error, deciding success the way the provider means it (feature `reqwest`).
    ///
    /// For UpYun, QingStor and LeanCloud success is a 2xx status, and the response is handed
    /// back untouched. OpenList can only be judged from its body (HTTP 200 with a body `code`
    /// other than 200 is a failure), so for it the start of the body is read first; on success
    /// the caller gets a rebuilt response with the same status, version and headers, whose
    /// body is the part read followed by the rest, streamed unread. (The rebuilt response
    /// no longer knows its URL.)
    ///
    /// # Examples
    ///
    /// ```no_run
    /// use cloud_errcodes::{ApiError, OpenListError, ProviderError};
    ///
    /// # async fn demo(client: reqwest::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let response = client.post("http://127.0.0.1:5244/api/fs/list").send().await?;
    /// let listing = OpenListError::check_reqwest(response).await?.text().await?;
    /// # Ok(())
    /// # }
    /// ```
    #[cfg(feature = "reqwest")]
    fn check_reqwest(
        response: reqwest::Response,
    ) -> impl Future<Output = Result<reqwest::Response, ApiError<Self>>> + Send {
        crate::with_reqwest::check::<Self>(response)
    }
}
