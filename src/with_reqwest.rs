//! `reqwest` support: turning a `reqwest::Response` into an [`ApiError`], reading a bounded
//! prefix of the body, and deciding success the way each provider means it.

use bytes::Bytes;
use futures_util::StreamExt;

use crate::{ApiError, Provider, ProviderError, response};

/// Reads whole chunks until more than the parser looks at has arrived (so truncation is still
/// detected), and stops there: the rest of a large body is never downloaded, and memory stays
/// within the cap plus one chunk. Chunks are kept whole, so a success can be handed back
/// intact. A transport error ends the read; what arrived before it is parsed.
async fn read_prefix(response: &mut reqwest::Response) -> Vec<u8> {
    let limit = response::MAX_BODY + 1;
    let mut body = Vec::new();
    while body.len() < limit {
        match response.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            Ok(None) | Err(_) => break,
        }
    }
    body
}

pub(crate) async fn from_response<E: ProviderError>(mut response: reqwest::Response) -> ApiError<E> {
    let status = response.status();
    let headers = std::mem::take(response.headers_mut());
    let body = read_prefix(&mut response).await;
    E::parse_parts(status, &headers, &body)
}

pub(crate) async fn check<E: ProviderError>(mut response: reqwest::Response) -> Result<reqwest::Response, ApiError<E>> {
    if !response.status().is_success() {
        return Err(from_response(response).await);
    }
    if E::PROVIDER != Provider::OpenList {
        return Ok(response);
    }
    // OpenList reports failures inside HTTP 200 bodies: read the start of the body to judge,
    // then hand back a response whose body is that start followed by the rest, unread.
    let prefix = read_prefix(&mut response).await;
    if response::is_failure::<E>(response.status(), &prefix) {
        return Err(E::parse_parts(response.status(), response.headers(), &prefix));
    }
    let mut rebuilt = http::Response::new(());
    *rebuilt.status_mut() = response.status();
    *rebuilt.version_mut() = response.version();
    *rebuilt.headers_mut() = std::mem::take(response.headers_mut());
    let head = futures_util::stream::iter([Ok::<Bytes, reqwest::Error>(Bytes::from(prefix))]);
    let body = reqwest::Body::wrap_stream(head.chain(response.bytes_stream()));
    Ok(reqwest::Response::from(rebuilt.map(|()| body)))
}
