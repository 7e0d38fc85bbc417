//! `reqwest` support: turning a `reqwest::Response` into an [`ApiError`], reading a bounded
//! prefix of the body, and deciding success the way each provider means it.

use std::sync::Arc;

use bytes::Bytes;
use futures_util::StreamExt;

use crate::{
    provider_error::Internal,
    response::ApiError,
    response::ParseResponse,
    response::{self, Verdict},
};

/// Parsing `reqwest` responses (feature `reqwest`): implemented by every provider enum.
pub trait ParseReqwest: ParseResponse {
    /// Parses a failed `reqwest` response.
    ///
    /// Keeps the status and headers and reads at most the parser's bounded prefix of the body
    /// ([`MAX_BODY`](crate::response::MAX_BODY) bytes): the rest of a large body is never
    /// downloaded. A transport error while reading ends the body: what arrived is parsed, the
    /// error says it is incomplete ([`ApiError::is_truncated`]) and keeps the transport error
    /// as its [`source`](std::error::Error::source). How long reading may take is bounded by
    /// the client's timeouts.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::{ParseReqwest, UpyunError};
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
    fn parse_reqwest(response: reqwest::Response) -> impl Future<Output = ApiError<Self>> + Send {
        parse::<Self>(response)
    }

    /// Passes a successful `reqwest` response through, and turns a failed one into the parsed
    /// error, deciding success the way the provider means it.
    ///
    /// For UpYun, QingStor and LeanCloud success is a 2xx status, and the response is handed
    /// back untouched. OpenList can only be judged from its body (see
    /// [`check_parts`](ParseResponse::check_parts)), so for it the body is read only as far as
    /// needed to decide: a body that does not start like OpenList's JSON envelope is a success
    /// at once, an envelope is decided as soon as its `code` (and, for a failure, its
    /// `message`) has arrived. On success the caller gets a rebuilt response with the same
    /// status, version and headers, whose body is the part read followed by the rest, streamed
    /// unread; a transport error met while deciding is yielded by that body where it happened,
    /// so a cut download never looks complete. (The rebuilt response no longer knows its URL.)
    /// How long reading may take is bounded by the client's timeouts.
    ///
    /// # Errors
    ///
    /// The parsed [`ApiError`] when the response is a failure.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// # #[cfg(feature = "openlist")] {
    /// use cloud_errcodes::{OpenListError, ParseReqwest};
    ///
    /// # async fn demo(client: reqwest::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let response = client.post("http://127.0.0.1:5244/api/fs/list").send().await?;
    /// let listing = OpenListError::check_reqwest(response).await?.text().await?;
    /// # Ok(())
    /// # }
    /// # }
    /// ```
    fn check_reqwest(
        response: reqwest::Response,
    ) -> impl Future<Output = Result<reqwest::Response, ApiError<Self>>> + Send {
        check::<Self>(response)
    }
}

impl<E: ParseResponse> ParseReqwest for E {}

/// The start of a body, read chunk by chunk, and how reading it ended.
struct Prefix {
    /// Whole chunks, kept as they came, so a success can be handed back intact.
    chunks: Vec<Bytes>,
    len: usize,
    /// The body ended (all of it is in `chunks`).
    ended: bool,
    /// The transport error that stopped the read, kept to hand on.
    error: Option<reqwest::Error>,
}

impl Prefix {
    fn new() -> Self {
        Prefix { chunks: Vec::new(), len: 0, ended: false, error: None }
    }

    /// Reads one more chunk; `false` once nothing more will come.
    async fn read_chunk(&mut self, response: &mut reqwest::Response) -> bool {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                self.len += chunk.len();
                self.chunks.push(chunk);
                true
            }
            Ok(None) => {
                self.ended = true;
                false
            }
            Err(err) => {
                self.error = Some(err);
                false
            }
        }
    }

    /// Everything read, in one buffer.
    fn bytes(&self) -> Vec<u8> {
        self.chunks.concat()
    }
}

/// Reads whole chunks until more than the parser looks at has arrived (so truncation is still
/// detected), and stops there: the rest of a large body is never downloaded, and memory stays
/// within the cap plus one chunk.
async fn read_error_body(response: &mut reqwest::Response) -> Prefix {
    let mut prefix = Prefix::new();
    while prefix.len <= response::MAX_BODY && prefix.read_chunk(response).await {}
    prefix
}

async fn parse<E: ParseResponse>(mut response: reqwest::Response) -> ApiError<E> {
    let status = response.status();
    let headers = std::mem::take(response.headers_mut());
    let prefix = read_error_body(&mut response).await;
    let err = E::parse_parts(status, &headers, &prefix.bytes());
    match prefix.error {
        Some(source) => response::with_source(err, Arc::new(source)),
        None => err,
    }
}

async fn check<E: ParseResponse>(mut response: reqwest::Response) -> Result<reqwest::Response, ApiError<E>> {
    let status = response.status();
    let profile = E::profile(Internal(()));
    // Most responses are decided by their status alone, before any byte of the body.
    match response::judge(profile, status, &[], false) {
        Verdict::Success => return Ok(response),
        Verdict::Failure => return Err(parse(response).await),
        Verdict::NeedMore => {}
    }
    // OpenList reports failures inside HTTP 200 bodies: read only as far as needed to judge,
    // then hand back a response whose body is that start followed by the rest, unread.
    let mut prefix = Prefix::new();
    let mut buffer = Vec::new();
    loop {
        let more = prefix.read_chunk(&mut response).await;
        if let Some(chunk) = prefix.chunks.last().filter(|_| more) {
            buffer.extend_from_slice(&chunk[..chunk.len().min((response::MAX_BODY + 1).saturating_sub(buffer.len()))]);
        }
        match response::judge(profile, status, &buffer, !more) {
            Verdict::NeedMore if more => continue,
            Verdict::Failure => {
                let err = E::parse_parts(status, response.headers(), &buffer);
                return Err(match prefix.error {
                    Some(source) => response::with_source(err, Arc::new(source)),
                    None => err,
                });
            }
            Verdict::Success | Verdict::NeedMore => return Ok(rebuild(response, prefix)),
        }
    }
}

/// The response again, with the chunks already read in front of the rest of its body, and a
/// transport error met while reading them yielded where it happened.
fn rebuild(mut response: reqwest::Response, prefix: Prefix) -> reqwest::Response {
    let mut rebuilt = http::Response::new(());
    *rebuilt.status_mut() = response.status();
    *rebuilt.version_mut() = response.version();
    *rebuilt.headers_mut() = std::mem::take(response.headers_mut());
    let Prefix { chunks, ended, error, .. } = prefix;
    let read = futures_util::stream::iter(chunks.into_iter().map(Ok::<Bytes, reqwest::Error>));
    let body = match (error, ended) {
        (Some(err), _) => reqwest::Body::wrap_stream(read.chain(futures_util::stream::iter([Err(err)]))),
        (None, true) => reqwest::Body::wrap_stream(read),
        (None, false) => reqwest::Body::wrap_stream(read.chain(response.bytes_stream())),
    };
    reqwest::Response::from(rebuilt.map(|()| body))
}
