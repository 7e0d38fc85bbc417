//! Typed, documented error codes for UpYun, QingStor, LeanCloud and OpenList/AList, and
//! lossless parsing of their HTTP error responses.
//!
//! Each provider's error codes are one Rust enum, generated from a catalogue file: every
//! variant knows its wire code and message, its HTTP status, a cross-provider [`ErrorKind`],
//! [`Retry`] advice and a description in English and Simplified Chinese. Lookups from the raw
//! code are a single perfect-hash probe. The parsers turn a raw response (status, headers,
//! body) into an [`ApiError`] that keeps the typed code when known and everything the server
//! sent.
//!
//! # Overview
//!
//! - [`UpyunError`]: UpYun (又拍云) codes such as `40300004`.
//! - [`QingStorError`]: QingStor object storage codes such as `bucket_not_empty`.
//! - [`LeanCloudError`]: LeanCloud codes such as `137`, with every documented message.
//! - [`OpenListError`] (alias [`AListError`]): OpenList/AList symptoms recognised in message
//!   text, such as `failed get objs: failed to list objs: query fail [61008]`.
//! - [`ApiError<E>`](ApiError): a failed call of one provider, parsed from its response by
//!   `parse_parts`, `check_parts` and the other [`ParseResponse`] methods (inherent on each
//!   enum, so `UpyunError::parse_parts(..)` needs no import).
//! - `parse_text` ([`ParseResponse::parse_text`], inherent on each enum too): the same
//!   [`ApiError`] found in any text a user meets (a log line, an exception as an official SDK
//!   prints it, a pasted body, a documented message alone), with the [`Evidence`] it rests on;
//!   `None` when the text holds no error of that provider.
//! - [`AnyApiError`] and [`AnyCode`]: the same with the provider erased, for code that
//!   handles whichever service; [`Provider::parse_parts`] and [`Provider::parse_text`] when
//!   the provider is known only at run time.
//! - [`ProviderError`]: what every provider enum offers, for code generic over providers.
//! - [`ErrorKind`], [`Retry`]: the cross-provider classification and retry advice.
//! - [`Lang`], [`Provider`]: description languages and the providers themselves.
//!
//! # Example: look up a code
//!
//! ```
//! # #[cfg(feature = "upyun")] {
//! use cloud_errcodes::{ErrorKind, UpyunError};
//!
//! let err = UpyunError::from_code(40300004).expect("a documented code");
//! assert_eq!(err.message(), "bucket is full");
//! assert_eq!(err.http_status().as_u16(), 403);
//! assert_eq!(err.kind(), ErrorKind::QuotaExceeded);
//! assert_eq!(err.to_string(), "upyun 40300004: bucket is full");
//! # }
//! ```
//!
//! # Example: parse an error response
//!
//! ```
//! # #[cfg(all(feature = "upyun", feature = "openlist"))] {
//! use cloud_errcodes::{OpenListError, UpyunError};
//! use cloud_errcodes::http::{HeaderMap, StatusCode};
//!
//! let body = br#"{"msg": "bucket is full", "code": 40300004, "id": "11e4a729d24943409933a5e8314cd32e"}"#;
//! let err = UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), body);
//! assert_eq!(err.code(), Some(UpyunError::BucketFull));
//! assert_eq!(err.request_id(), Some("11e4a729d24943409933a5e8314cd32e"));
//! assert!(!err.is_retryable());
//! assert_eq!(err.to_string(),
//!            "upyun 40300004: bucket is full (HTTP 403, request 11e4a729d24943409933a5e8314cd32e)");
//!
//! // OpenList answers HTTP 200 with the real status in the body: `check_parts` judges success
//! // the way the provider means it.
//! let body = br#"{"code": 500, "message": "failed get objs: failed to list objs: query fail [61008]", "data": null}"#;
//! let err = OpenListError::check_parts(StatusCode::OK, &HeaderMap::new(), body).unwrap_err();
//! assert_eq!(err.code(), Some(OpenListError::QueryFail61008));
//! assert_eq!(err.http_status(), StatusCode::INTERNAL_SERVER_ERROR);
//! # }
//! ```
//!
//! # Example: find an error in a log line
//!
//! ```
//! # #[cfg(all(feature = "upyun", feature = "leancloud"))] {
//! use cloud_errcodes::{Evidence, LeanCloudError, Provider, UpyunError};
//!
//! let line = r#"2024-01-29 22:36:23 upload: PUT 403 {"msg":"bucket is full","code":40300004,"id":"11e4a729"}"#;
//! let err = UpyunError::parse_text(line).unwrap();
//! assert_eq!(err.code(), Some(UpyunError::BucketFull));
//! assert_eq!(err.http_status().as_u16(), 403);
//! assert_eq!(err.evidence(), Some(Evidence::Body));
//!
//! // An exception as the Python SDK prints it; a realtime reason name alone.
//! let python = "LeanCloudError: [211] Could not find user.";
//! assert_eq!(LeanCloudError::parse_text(python).unwrap().code(), Some(LeanCloudError::UserNotFound));
//! assert_eq!(Provider::LeanCloud.parse_text("SESSION_CONFLICT").unwrap().code_str(), Some("4111"));
//!
//! // No error of this provider: a bare status, another service's body.
//! assert!(UpyunError::parse_text("HTTP 400").is_none());
//! assert!(LeanCloudError::parse_text("ParseError { code: 101, message: 'Object not found.' }").is_none());
//! # }
//! ```
//!
//! # Example: any provider, known at run time
//!
//! ```
//! # #[cfg(feature = "qingstor")] {
//! use cloud_errcodes::{AnyApiError, ErrorKind, Provider, QingStorError};
//! use cloud_errcodes::http::{HeaderMap, StatusCode};
//!
//! let provider: Provider = "qingstor".parse().unwrap();
//! let body = br#"{"code": "bucket_not_empty", "message": "Bucket is not empty", "request_id": "aa08cf7a43f611e5"}"#;
//! let err: AnyApiError = provider.parse_parts(StatusCode::CONFLICT, &HeaderMap::new(), body);
//! assert_eq!(err.code_str(), Some("bucket_not_empty"));
//! assert_eq!(err.kind(), ErrorKind::Conflict);
//! assert_eq!(err.code().and_then(|code| code.downcast()), Some(QingStorError::BucketNotEmpty));
//! # }
//! ```
//!
//! # Example: Chinese descriptions
//!
//! ```
//! # #[cfg(feature = "qingstor")] {
//! use cloud_errcodes::{Lang, QingStorError};
//!
//! let lang: Lang = "zh-CN".parse().unwrap();
//! assert!(QingStorError::EntityTooSmall.description(lang).contains("4 MiB"));
//! # }
//! ```
//!
//! # In your SDK
//!
//! The provider enums (`UpyunError`, ...) are *codes*; the error a failed request gives is
//! [`ApiError<UpyunError>`](ApiError), and that is the type for your error's `#[from]`. Its
//! `Display` is one log-ready line, so wrap it transparently, or with `#[error("...")]` and
//! `#[source]` if you want it to appear as a separate link of an `anyhow` chain
//! (`#[error(transparent)]` forwards `source()`, and the `ApiError` itself is then not in the
//! chain `anyhow` walks):
//!
//! ```
//! # #[cfg(feature = "upyun")] {
//! use cloud_errcodes::{ApiError, UpyunError};
//!
//! #[derive(Debug, thiserror::Error)]
//! enum Error {
//!     #[error("upyun: {0}")]
//!     Upyun(#[source] ApiError<UpyunError>),
//!     #[error("transport")]
//!     Transport(#[source] std::io::Error),
//! }
//!
//! impl From<ApiError<UpyunError>> for Error {
//!     fn from(err: ApiError<UpyunError>) -> Self {
//!         Error::Upyun(err)
//!     }
//! }
//! # }
//! ```
//!
//! - **Matching one code**: `err.code() == Some(UpyunError::BucketFull)`, or `match` on
//!   `err.code()` (the enums are `#[non_exhaustive]`: keep a `_` arm).
//! - **Retrying**: [`ApiError::is_retryable`] says whether the same request may succeed later
//!   ([`Retry::Backoff`]: rate limits, timeouts, unavailability, internal errors); a retried
//!   request must be safe to repeat. [`ApiError::retry_after`] gives the server's
//!   `Retry-After`, a floor for your delay (cap it: a server may ask for hours).
//! - **Erasing the provider**: `AnyApiError::from(err)` keeps every accessor without a type
//!   parameter (for a multi-cloud SDK's one error type, metrics, logs), and
//!   [`AnyApiError::downcast`] gives the typed error back.
//! - **Logging**: [`ApiError::code_str`] is the code to index on (the symptom id for OpenList,
//!   never the body's `500`), [`ApiError::request_id`] the id the provider's support asks for,
//!   [`ApiError::kind`]`.as_str()` a stable label for metrics.
//! - **A cut body**: when a transport error cut the body short, [`ApiError::is_truncated`] is
//!   `true` and `source()` returns that error.
//! - **Tests**: [`ApiError::builder`] makes the error a server would send (status, code,
//!   message, request id, `Retry-After`, headers), and `ApiError::from(UpyunError::BucketFull)`
//!   the documented one.
//!
//! # One code, several meanings
//!
//! A provider may document one code with several meanings (LeanCloud's 251, 403 and 605; codes
//! that different API surfaces reuse). Each meaning is its own variant, and the catalogue
//! marks one of them primary. The rule is the same for every provider:
//!
//! - `from_code` (and `FromStr`) give the primary variant;
//! - `from_code_and_message` picks the variant whose documented message equals the one the
//!   server sent (exactly, then ignoring ASCII case, surrounding whitespace and a trailing
//!   period, then reading a documented `<name>` part as any text, as in LeanEngine's
//!   `No such cloud function '<name>'`), else the primary one; `variants_of` lists them all,
//!   primary first;
//! - the response parsers ([`ParseResponse::parse_parts`] and friends) resolve a code the same
//!   way, with the message the body carried.
//!
//! Every variant also says which API surface sends it ([`ProviderError::surface`]) and where
//! its wire facts come from ([`ProviderError::provenance`]).
//!
//! # Coverage
//!
//! Entries per provider and API surface, counted from the catalogues by the build script
//! (each enum's own docs say more about its sources and what it leaves out):
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/coverage.md"))]
//!
//! # Features
//!
//! - `upyun`, `qingstor`, `leancloud`, `openlist` (default): one module per provider;
//!   `openlist` brings in `aho-corasick` for symptom matching.
//! - `serde`: provider enums serialize as their wire code and deserialize from it, and
//!   [`ApiError`] and [`AnyApiError`] serialize as a flat record.
//! - `http-body`: `ParseBody::parse_body` and `ParseBody::check_body` read the body of any
//!   `http::Response<B: http_body::Body>`: hyper 1, reqwest 0.12 and 0.13, axum, tonic.
//! - `miette`: `miette::Diagnostic` for [`ApiError`] and [`AnyApiError`], with the code
//!   (`upyun::40300004`), the remedy or description as help, and the catalogue's source as
//!   the link.
//! - `cli`: the `cloud-errcodes` command-line explainer (not needed by library users).
//!
//! # Traits of other crates
//!
//! The provider enums (`UpyunError`, `QingStorError`, `LeanCloudError`, `OpenListError`)
//! implement `strum`'s `IntoEnumIterator` (every variant in declaration order, as
//! [`ProviderError::ALL`] lists them) and `EnumCount`, and no other `strum` trait;
//! [`ErrorKind`], [`Lang`], [`Provider`] and [`BodyFormat`] implement none (each has an `ALL`
//! constant). The impls are the crate's own, not derived, so `strum` is built without
//! `strum_macros`. `strum` is part of this crate's API: a new major version of `strum` comes
//! with a new major version of this crate. [`http`] is part of the API too (statuses,
//! headers, responses), and is re-exported as `cloud_errcodes::http` so that the versions
//! always match.
#![warn(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// With every provider feature off, the shared catalogue plumbing has no users.
#![cfg_attr(
    not(any(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist")),
    allow(dead_code, unused_macros, unused_imports, unused_variables)
)]

// The floors, from the ground up; each module uses only those on its floor or below:
// leaves (text, JSON, names, providers) -> catalogue (entries, the code trait, erased codes) ->
// responses (the parser
// and the records it builds) -> client adapters -> the impl writer -> the provider modules ->
// the erased entry points of `Provider`. `tests/layers.rs` checks it.
mod error;
mod escape;
mod json;
mod kind;
mod lang;
mod provider;
#[cfg(feature = "serde")]
mod serde_names;

mod any_code;
mod entry;
mod provider_error;
#[cfg(feature = "serde")]
mod serde_code;

pub mod response;

#[cfg(feature = "miette")]
mod diagnostic;
#[cfg(feature = "http-body")]
mod with_http_body;

mod catalogue_enum;

#[cfg(feature = "leancloud")]
pub mod leancloud;
#[cfg(feature = "openlist")]
pub mod openlist;
#[cfg(feature = "qingstor")]
pub mod qingstor;
#[cfg(feature = "upyun")]
pub mod upyun;

mod by_provider;

pub use any_code::AnyCode;
pub use error::ParseNameError;
pub use escape::Escaped;
/// The `http` crate this crate's API uses (`StatusCode`, `HeaderMap`, `Response`).
pub use http;
pub use kind::{ErrorKind, Retry};
pub use lang::Lang;
#[cfg(feature = "leancloud")]
pub use leancloud::LeanCloudError;
#[cfg(feature = "openlist")]
pub use openlist::{AListError, OpenListError};
pub use provider::Provider;
pub use provider_error::{ParseCodeError, ProviderError};
#[cfg(feature = "qingstor")]
pub use qingstor::QingStorError;
pub use response::{AnyApiError, ApiError, ApiErrorBuilder, BodyFormat, Evidence, ParseResponse, RawCode};
#[cfg(feature = "upyun")]
pub use upyun::UpyunError;
#[cfg(feature = "http-body")]
pub use with_http_body::{CheckedBody, ParseBody};

/// The traits a caller of the parsers may want in scope, in one import:
/// `use cloud_errcodes::prelude::*;`.
pub mod prelude {
    #[cfg(feature = "http-body")]
    pub use crate::ParseBody;
    pub use crate::{ParseResponse, ProviderError};
}

/// The README's example runs as a doctest (it names every provider).
#[doc = include_str!("../README.md")]
#[cfg(all(doctest, feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist"))]
pub struct ReadmeDoctests;
