//! The property of `check_chunked`, as plain functions: the fuzz target calls them on what
//! libFuzzer makes, and `tests/chunked.rs` on the committed seeds, every past crash and the
//! regression cases, on a stable toolchain.
//!
//! `check_body` reads a body chunk by chunk and decides as soon as the bytes allow; whatever
//! the chunks, its verdict is `check_parts`'s on the whole body, a failure is the same error,
//! and a success hands back every byte in order.
//!
//! An input is `[provider: 1 byte][status: 1 byte][split: 2 bytes][body]`: the status is 200
//! for most values of its byte, and `split` seeds the chunk sizes of one split the fuzzer
//! chooses, besides the splits tried for every body.
#![allow(dead_code)] // each user takes its own subset

use std::{
    collections::VecDeque,
    convert::Infallible,
    pin::{Pin, pin},
    task::{Context, Poll, Waker},
};

use bytes::Bytes;
use cloud_errcodes::{
    LeanCloudError, OpenListError, ParseBody, ParseResponse, QingStorError, UpyunError, http, response::MAX_BODY,
};
use http_body::{Body, Frame};

/// A body that arrives in the given chunks, every one ready at once.
pub struct Chunks(VecDeque<Bytes>);

impl Chunks {
    /// `body` cut at `cuts` (offsets, ascending, within the body).
    pub fn new(body: &[u8], cuts: impl IntoIterator<Item = usize>) -> Self {
        Self::of(&Bytes::copy_from_slice(body), cuts)
    }

    /// [`new`](Self::new) without copying the body.
    fn of(body: &Bytes, cuts: impl IntoIterator<Item = usize>) -> Self {
        let mut chunks = VecDeque::new();
        let mut at = 0;
        for cut in cuts {
            let cut = cut.clamp(at, body.len());
            chunks.push_back(body.slice(at..cut));
            at = cut;
        }
        chunks.push_back(body.slice(at..));
        Chunks(chunks)
    }
}

impl Body for Chunks {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Ready(self.get_mut().0.pop_front().map(|chunk| Ok(Frame::data(chunk))))
    }
}

/// Runs a future whose every poll is ready (the body's chunks all are).
pub fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("an in-memory body never waits"),
    }
}

/// Every byte of a body, in order.
fn collect<B: Body<Data = Bytes, Error = Infallible> + Unpin>(mut body: B) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(frame) = ready(std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx))) {
        if let Ok(data) = frame.unwrap().into_data() {
            out.extend_from_slice(&data);
        }
    }
    out
}

/// `check_body` on `body` cut at `cuts` agrees with `check_parts` on the whole body.
pub fn agree<E: ParseResponse>(status: http::StatusCode, body: &[u8], cuts: &[usize]) {
    let whole = E::check_parts(status, &http::HeaderMap::new(), body);
    agree_with(&whole, status, &Bytes::copy_from_slice(body), cuts);
}

/// [`agree`], given `check_parts`'s answer on the whole body.
fn agree_with<E: ParseResponse>(
    whole: &Result<(), cloud_errcodes::ApiError<E>>,
    status: http::StatusCode,
    body: &Bytes,
    cuts: &[usize],
) {
    let mut response = http::Response::new(Chunks::of(body, cuts.iter().copied()));
    *response.status_mut() = status;
    match (ready(E::check_body(response)), whole) {
        (Ok(response), Ok(())) => {
            assert_eq!(response.status(), status);
            let handed_back = collect(response.into_body());
            assert!(handed_back == *body, "cut at {cuts:?}: the body handed back differs");
        }
        (Err(chunked), Err(whole)) => assert!(chunked == *whole, "cut at {cuts:?}: {chunked:?} is not {whole:?}"),
        (chunked, whole) => panic!(
            "cut at {cuts:?}: check_body says {:?}, check_parts on the whole body {:?}",
            chunked.map(drop).map_err(|e| e.to_string()),
            whole.as_ref().map_err(|e| e.to_string())
        ),
    }
}

/// Every split [`check_chunked`] tries, for provider `E`.
fn splits<E: ParseResponse>(status: http::StatusCode, body: &[u8], seed: u16) {
    let whole = E::check_parts(status, &http::HeaderMap::new(), body);
    let shared = Bytes::copy_from_slice(body);
    let check = |cuts: &[usize]| agree_with(&whole, status, &shared, cuts);
    check(&[]);
    check(&seeded_cuts(body.len(), seed));
    let step = if body.len() <= EVERY_OFFSET { 1 } else { body.len().div_ceil(SPREAD) };
    for cut in (0..=body.len()).step_by(step) {
        check(&[cut]);
    }
    if body.len() <= EVERY_OFFSET {
        check(&(1..body.len()).collect::<Vec<_>>());
    }
    // The cap: the chunk that crosses it, and the byte after it.
    if body.len() > MAX_BODY {
        check(&[MAX_BODY - 1, MAX_BODY + 1]);
    }
}

/// Cut points from a seed: chunk sizes of 1 to 64 bytes, or 1 to 8 KiB for a seed's high bit.
fn seeded_cuts(len: usize, seed: u16) -> Vec<usize> {
    let mut state = u32::from(seed) | 1;
    let scale = if seed & 0x8000 != 0 { 8192 } else { 64 };
    let mut cuts = Vec::new();
    let mut at = 0;
    while at < len {
        // xorshift: any sequence will do, as long as the seed fixes it.
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        at += 1 + state as usize % scale;
        cuts.push(at.min(len));
    }
    cuts
}

/// The bodies up to this length are cut at every offset, and also into one-byte chunks.
const EVERY_OFFSET: usize = 512;

/// Longer bodies are cut at this many offsets spread over them: judging rescans the prefix,
/// so every offset of a long body would cost its square (the seeded split reaches the rest).
const SPREAD: usize = 64;

/// Every split of the body a fuzz input gives.
pub fn check_chunked(data: &[u8]) {
    let Some((&[provider, status, s0, s1], body)) = data.split_first_chunk::<4>() else { return };
    let status = match status {
        0..=199 => 200,
        byte => [100, 201, 204, 206, 304, 404, 500, 502][usize::from(byte) % 8],
    };
    let status = http::StatusCode::from_u16(status).unwrap();
    let body = &body[..body.len().min(MAX_BODY + 2)];
    let seed = u16::from_le_bytes([s0, s1]);
    match provider % 4 {
        0 => splits::<OpenListError>(status, body, seed),
        1 => splits::<UpyunError>(status, body, seed),
        2 => splits::<QingStorError>(status, body, seed),
        _ => splits::<LeanCloudError>(status, body, seed),
    }
}
