//! `check_body` on a body split into chunks, at every offset and where the fuzzer chooses,
//! gives the verdict `check_parts` gives on the whole body (see `chunked.rs`).
#![no_main]

#[path = "chunked.rs"]
mod chunked;

libfuzzer_sys::fuzz_target!(|data: &[u8]| chunked::check_chunked(data));
