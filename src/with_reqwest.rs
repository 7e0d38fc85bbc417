//! `reqwest` support: turning a `reqwest::Response` into an [`ApiError`], reading a bounded
//! prefix of the body, and deciding success the way each provider means it.

use bytes::Bytes;
use futures_util::StreamExt;

use crate::{
    ApiError, ProviderError,
    response::{self, Verdict},
};

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

pub(crate) async fn parse<E: ProviderError>(mut response: reqwest::Response) -> ApiError<E> {
    let status = response.status();
    let headers = std::mem::take(response.headers_mut());
    let prefix = read_error_body(&mut response).await;
    let err = E::parse_parts(status, &headers, &prefix.bytes());
    match prefix.error {
        Some(_) => response::mark_truncated(err),
        None => err,
    }
}

pub(crate) async fn check<E: ProviderError>(mut response: reqwest::Response) -> Result<reqwest::Response, ApiError<E>> {
    let status = response.status();
    // Most responses are decided by their status alone, before any byte of the body.
    match response::judge::<E>(status, &[], false) {
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
        match response::judge::<E>(status, &buffer, !more) {
            Verdict::NeedMore if more => continue,
            Verdict::Failure => {
                let err = E::parse_parts(status, response.headers(), &buffer);
                return Err(if prefix.error.is_some() { response::mark_truncated(err) } else { err });
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
