//! `http-body` support: reading a bounded prefix of any client's response body, turning a
//! failed response into an [`ApiError`], and deciding success the way each provider means it.
//!
//! Works on `http::Response<B>` for any `B: http_body::Body`, so hyper 1, reqwest 0.12 and
//! 0.13 (through `http::Response::from`), axum and tonic all use the same code.

use std::{
    collections::VecDeque,
    error::Error,
    fmt,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
};

use bytes::{Buf, Bytes};
use http::{HeaderMap, Response, StatusCode};
use http_body::{Body, Frame, SizeHint};

use crate::{
    provider_error::Internal,
    response::ApiError,
    response::ParseResponse,
    response::{self, MAX_BODY, Verdict},
};

/// The error type a body's errors convert into (what hyper and reqwest use).
type BoxError = Box<dyn Error + Send + Sync>;

/// Reading error responses from any HTTP client whose bodies implement
/// [`http_body::Body`] (feature `http-body`): hyper 1, reqwest 0.12 and 0.13, axum, tonic.
/// Implemented by every provider enum.
///
/// Both methods take an `http::Response<B>`. hyper's client returns one; a `reqwest::Response`
/// (0.12 or 0.13) becomes one with `http::Response::from(response)`, and the response
/// [`check_body`](Self::check_body) hands back becomes a `reqwest::Response` again with
/// `reqwest::Response::from(response.map(reqwest::Body::wrap))` (keep `response.url()` first
/// if you need it: `http::Response` does not carry it). The body must be [`Unpin`] (hyper's
/// and reqwest's are); pin any other in a box (`Pin<Box<B>>` is a body too).
///
/// The futures are `Send` when the body, its data and its error are.
///
/// # Guarantees
///
/// - At most [`MAX_BODY`] bytes (plus one) of a body are kept, and reading stops there: the
///   rest of a large body is never downloaded.
/// - A transport error while reading ends the body: what arrived is parsed, the error says it
///   is incomplete ([`ApiError::is_truncated`]) and keeps the transport error as its
///   [`source`](std::error::Error::source). A body handed back by
///   [`check_body`](Self::check_body) yields that error where it happened, so a cut download
///   never looks complete.
/// - How long reading may take is bounded by the client's timeouts.
///
/// # Examples
///
/// With reqwest (0.12 or 0.13; no feature of reqwest is needed):
///
/// ```no_run
/// # #[cfg(feature = "upyun")] {
/// use cloud_errcodes::{ApiError, ParseBody, UpyunError};
///
/// # #[derive(Debug)] enum SdkError { Transport(reqwest::Error), Api(ApiError<UpyunError>) }
/// async fn delete(client: &reqwest::Client, url: &str) -> Result<reqwest::Response, SdkError> {
///     let response = client.delete(url).send().await.map_err(SdkError::Transport)?;
///     let checked = UpyunError::check_body(http::Response::from(response)).await.map_err(SdkError::Api)?;
///     Ok(reqwest::Response::from(checked.map(reqwest::Body::wrap)))
/// }
/// # }
/// ```
///
/// With hyper's client (the connection set up as hyper's guide shows):
///
/// ```no_run
/// # #[cfg(feature = "openlist")] {
/// use cloud_errcodes::{OpenListError, ParseBody};
/// use http_body_util::{BodyExt, Empty};
/// use hyper::body::Bytes;
///
/// async fn list(
///     sender: &mut hyper::client::conn::http1::SendRequest<Empty<Bytes>>,
/// ) -> Result<Bytes, Box<dyn std::error::Error + Send + Sync>> {
///     let request = http::Request::post("/api/fs/list").header("host", "127.0.0.1").body(Empty::new())?;
///     let response = sender.send_request(request).await?;
///     // OpenList answers HTTP 200 with {"code":500,...} when a listing fails.
///     let listing = OpenListError::check_body(response).await?;
///     Ok(listing.into_body().collect().await?.to_bytes())
/// }
/// # }
/// ```
pub trait ParseBody: ParseResponse {
    /// Parses a failed response, reading at most the parser's bounded prefix of its body.
    ///
    /// The status and headers are kept; the body is read up to [`MAX_BODY`] bytes and one
    /// more (so a longer body is known to be [truncated](ApiError::is_truncated)) or its end,
    /// then dropped.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::{ParseBody, UpyunError};
    /// use http_body_util::Full;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let body = Full::new(&br#"{"msg": "file or directory not found", "code": 40400001}"#[..]);
    /// let response = http::Response::builder().status(404).body(body).unwrap();
    /// let err = UpyunError::parse_body(response).await;
    /// assert_eq!(err.code(), Some(UpyunError::FileNotFound));
    /// # });
    /// # }
    /// ```
    fn parse_body<B>(response: Response<B>) -> impl Future<Output = ApiError<Self>> + Send
    where
        B: Body + Unpin + Send,
        B::Data: Send,
        B::Error: Into<BoxError> + Send,
    {
        let (parts, body) = response.into_parts();
        parse::<Self, B>(parts.status, parts.headers, body, Vec::new())
    }

    /// Passes a successful response through, and turns a failed one into the parsed error,
    /// deciding success the way the provider means it.
    ///
    /// For UpYun, QingStor and LeanCloud success is a 2xx status, and the body is handed back
    /// unread. OpenList can only be judged from its body (see
    /// [`check_parts`](ParseResponse::check_parts)), so for it the body is read only as far
    /// as needed to decide: a body that does not start like OpenList's JSON envelope is a
    /// success at once, an envelope is decided as soon as its `code` (and, for a failure, its
    /// `message`) has arrived whole. The verdict is the one
    /// [`check_parts`](ParseResponse::check_parts) gives on the whole body, however the body
    /// was split into chunks (a body cut by a transport error is judged on what arrived).
    ///
    /// On success the caller gets the response with the same status, version, headers and
    /// extensions, whose [`CheckedBody`] yields the part read followed by the rest, streamed
    /// unread. A failure's body is read on to its end (or [`MAX_BODY`]) so that the error holds
    /// everything it said.
    ///
    /// # Errors
    ///
    /// The parsed [`ApiError`] when the response is a failure.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "openlist")] {
    /// use cloud_errcodes::{OpenListError, ParseBody};
    /// use http_body_util::{BodyExt, Full};
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let failed = r#"{"code":500,"message":"failed get objs: failed to list objs: query fail [61008]","data":null}"#;
    /// let response = http::Response::new(Full::new(failed.as_bytes()));
    /// let err = OpenListError::check_body(response).await.unwrap_err();
    /// assert_eq!(err.code(), Some(OpenListError::QueryFail61008));
    ///
    /// let listing = r#"{"code":200,"message":"success","data":{"content":[]}}"#;
    /// let response = OpenListError::check_body(http::Response::new(Full::new(listing.as_bytes()))).await.unwrap();
    /// assert_eq!(response.into_body().collect().await.unwrap().to_bytes(), listing);
    /// # });
    /// # }
    /// ```
    fn check_body<B>(
        response: Response<B>,
    ) -> impl Future<Output = Result<Response<CheckedBody<B>>, ApiError<Self>>> + Send
    where
        B: Body + Unpin + Send,
        B::Data: Send,
        B::Error: Into<BoxError> + Send,
    {
        check::<Self, B>(response)
    }
}

impl<E: ParseResponse> ParseBody for E {}

/// The body of a response that passed [`ParseBody::check_body`]: the frames read to judge it,
/// then the rest of the original body, unread until polled.
///
/// A transport error met while judging is yielded after the frames read before it, and the
/// body ends there. Data comes as [`Bytes`] (without a copy when the original body's data is
/// `Bytes`, as hyper's and reqwest's are).
pub struct CheckedBody<B: Body> {
    read: VecDeque<Frame<Bytes>>,
    /// How many data bytes `read` holds.
    read_len: u64,
    error: Option<B::Error>,
    /// The rest of the body; `None` once it ended or failed.
    rest: Option<B>,
}

impl<B: Body> CheckedBody<B> {
    fn new(read: VecDeque<Frame<Bytes>>, error: Option<B::Error>, rest: Option<B>) -> Self {
        let read_len = read.iter().filter_map(Frame::data_ref).map(|data| data.len() as u64).sum();
        CheckedBody { read, read_len, error, rest }
    }
}

// Nothing is pinned structurally: the rest of the body is polled through `Pin::new`.
impl<B: Body + Unpin> Unpin for CheckedBody<B> {}

impl<B: Body + Unpin> Body for CheckedBody<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        let this = self.get_mut();
        if let Some(frame) = this.read.pop_front() {
            if let Some(data) = frame.data_ref() {
                this.read_len -= data.len() as u64;
            }
            return Poll::Ready(Some(Ok(frame)));
        }
        if let Some(err) = this.error.take() {
            return Poll::Ready(Some(Err(err)));
        }
        let Some(rest) = this.rest.as_mut() else { return Poll::Ready(None) };
        match Pin::new(rest).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => Poll::Ready(Some(Ok(frame.map_data(into_bytes)))),
            Poll::Ready(Some(Err(err))) => {
                this.rest = None;
                Poll::Ready(Some(Err(err)))
            }
            Poll::Ready(None) => {
                this.rest = None;
                Poll::Ready(None)
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.read.is_empty() && self.error.is_none() && self.rest.as_ref().is_none_or(B::is_end_stream)
    }

    fn size_hint(&self) -> SizeHint {
        match (&self.error, &self.rest) {
            // It ends with an error: no length is promised.
            (Some(_), _) => {
                let mut hint = SizeHint::new();
                hint.set_lower(self.read_len);
                hint
            }
            (None, None) => SizeHint::with_exact(self.read_len),
            (None, Some(rest)) => {
                let rest = rest.size_hint();
                let mut hint = SizeHint::new();
                hint.set_lower(rest.lower().saturating_add(self.read_len));
                if let Some(upper) = rest.upper() {
                    hint.set_upper(upper.saturating_add(self.read_len));
                }
                hint
            }
        }
    }
}

impl<B: Body> fmt::Debug for CheckedBody<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CheckedBody")
            .field("read_bytes", &self.read_len)
            .field("failed", &self.error.is_some())
            .field("rest", &self.rest.is_some())
            .finish()
    }
}

/// A data buffer as `Bytes`, without a copy when it is `Bytes` already.
fn into_bytes(mut data: impl Buf) -> Bytes {
    data.copy_to_bytes(data.remaining())
}

/// The next frame of `body`.
async fn next_frame<B: Body + Unpin>(body: &mut B) -> Option<Result<Frame<B::Data>, B::Error>> {
    std::future::poll_fn(|cx| Pin::new(&mut *body).poll_frame(cx)).await
}

/// Up to this many bytes, a body is judged again on every chunk.
const JUDGE_EVERY_CHUNK: usize = 1024;

/// Whether to judge a body again now that `len` bytes of it have arrived, after judging it at
/// `judged` bytes (`None`: never yet). Judging rescans the whole prefix, so a body trickling in
/// by the byte would cost the square of its length; past the first KiB it is judged again only
/// once it has doubled (or reached the cap), which keeps the total linear, and delays a verdict
/// at most until twice the bytes that decide it have arrived.
fn judge_now(judged: Option<usize>, len: usize) -> bool {
    match judged {
        None => true,
        Some(judged) => len > judged && (len <= JUDGE_EVERY_CHUNK || len >= 2 * judged || len >= MAX_BODY),
    }
}

/// Appends what `buffer` lacks of [`MAX_BODY`] + 1 bytes from `data`: a buffer longer than the
/// cap says the body was cut by it.
fn push_capped(buffer: &mut Vec<u8>, data: &[u8]) {
    let room = (MAX_BODY + 1).saturating_sub(buffer.len());
    buffer.extend_from_slice(&data[..data.len().min(room)]);
}

/// Reads the body on from what `buffer` holds until more than the parser looks at has arrived
/// (so truncation is still detected) or it ends, and parses the response.
async fn parse<E, B>(status: StatusCode, headers: HeaderMap, mut body: B, mut buffer: Vec<u8>) -> ApiError<E>
where
    E: ParseResponse,
    B: Body + Unpin,
    B::Error: Into<BoxError>,
{
    let mut error = None;
    while buffer.len() <= MAX_BODY {
        match next_frame(&mut body).await {
            Some(Ok(frame)) => {
                if let Ok(mut data) = frame.into_data() {
                    while data.has_remaining() && buffer.len() <= MAX_BODY {
                        let chunk = data.chunk();
                        let before = buffer.len();
                        push_capped(&mut buffer, chunk);
                        data.advance(buffer.len() - before);
                    }
                }
            }
            Some(Err(err)) => {
                error = Some(err);
                break;
            }
            None => break,
        }
    }
    drop(body);
    with_error(E::parse_parts(status, &headers, &buffer), error)
}

fn with_error<E: ParseResponse>(err: ApiError<E>, error: Option<impl Into<BoxError>>) -> ApiError<E> {
    match error {
        Some(source) => response::with_source(err, Arc::from(source.into())),
        None => err,
    }
}

async fn check<E, B>(response: Response<B>) -> Result<Response<CheckedBody<B>>, ApiError<E>>
where
    E: ParseResponse,
    B: Body + Unpin,
    B::Error: Into<BoxError>,
{
    let (parts, mut body) = response.into_parts();
    let status = parts.status;
    let profile = E::profile(Internal(()));
    // Most responses are decided by their status alone, before any byte of the body.
    match response::judge(profile, status, &[], false) {
        Verdict::Success => {
            return Ok(Response::from_parts(parts, CheckedBody::new(VecDeque::new(), None, Some(body))));
        }
        Verdict::Failure => return Err(parse(status, parts.headers, body, Vec::new()).await),
        Verdict::NeedMore => {}
    }
    // OpenList reports failures inside HTTP 200 bodies: read only as far as needed to judge,
    // then hand back the body as that start followed by the rest, unread.
    let mut read = VecDeque::new();
    let mut buffer = Vec::new();
    let mut judged = None;
    loop {
        let (more, error) = match next_frame(&mut body).await {
            Some(Ok(frame)) => {
                let frame = frame.map_data(into_bytes);
                if let Some(data) = frame.data_ref() {
                    push_capped(&mut buffer, data);
                }
                read.push_back(frame);
                (true, None)
            }
            Some(Err(err)) => (false, Some(err)),
            None => (false, None),
        };
        if more && !judge_now(judged, buffer.len()) {
            continue;
        }
        judged = Some(buffer.len());
        match response::judge(profile, status, &buffer, !more) {
            Verdict::NeedMore if more => continue,
            // The rest of a failure's body, as `parse_body` would read it.
            Verdict::Failure if more => return Err(parse(status, parts.headers, body, buffer).await),
            Verdict::Failure => return Err(with_error(E::parse_parts(status, &parts.headers, &buffer), error)),
            Verdict::Success | Verdict::NeedMore => {
                let rest = more.then_some(body);
                return Ok(Response::from_parts(parts, CheckedBody::new(read, error, rest)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body arriving byte by byte, up to past the cap: judging it costs (in bytes scanned) a
    /// small multiple of the cap, not its square.
    #[test]
    fn judging_a_trickle_stays_linear() {
        let (mut judged, mut scanned, mut verdicts) = (None, 0, 0);
        for len in 1..=MAX_BODY + 1 {
            if judge_now(judged, len) {
                judged = Some(len);
                scanned += len.min(MAX_BODY);
                verdicts += 1;
            }
        }
        assert_eq!(judged, Some(MAX_BODY + 1), "the cap is judged");
        let small = JUDGE_EVERY_CHUNK * (JUDGE_EVERY_CHUNK + 1) / 2;
        assert!(scanned <= small + 2 * MAX_BODY + MAX_BODY, "{scanned} bytes scanned");
        assert!(verdicts <= JUDGE_EVERY_CHUNK + 8, "{verdicts} verdicts");
    }

    /// Every chunk of a small body is judged, so a short envelope is decided at once.
    #[test]
    fn small_bodies_are_judged_on_every_chunk() {
        assert!((1..=JUDGE_EVERY_CHUNK).all(|len| judge_now(Some(len - 1), len)));
        assert!(!judge_now(Some(1500), 2000));
        assert!(judge_now(Some(1500), 3000));
        assert!(judge_now(Some(MAX_BODY - 1), MAX_BODY));
        assert!(!judge_now(Some(10), 10), "no new byte, nothing to judge");
    }
}
