//! Typed, documented error codes for UpYun, QingStor, LeanCloud and OpenList/AList.
//!
//! Each provider's error codes are one Rust enum, generated from a catalogue file: every
//! variant knows its wire code and message, its HTTP status, a cross-provider [`ErrorKind`],
//! [`Retry`] advice and a description in English and Simplified Chinese. Lookups from the raw
//! code are a single perfect-hash probe.
//!
//! # Overview
//!
//! - [`UpyunError`]: UpYun (又拍云) storage REST API codes such as `40300004`.
//! - [`QingStorError`]: QingStor object storage codes such as `bucket_not_empty`.
//! - [`LeanCloudError`]: LeanCloud codes such as `137`, with every documented message.
//! - [`OpenListError`] (alias [`AListError`]): OpenList/AList symptoms recognised in message
//!   text, such as `failed get objs: failed to list objs: query fail [61008]`.
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
//! # Example: parse a string code
//!
//! ```
//! # #[cfg(feature = "qingstor")] {
//! use cloud_errcodes::{QingStorError, Retry};
//!
//! let err: QingStorError = "fetch_throttled".parse().expect("a documented code");
//! assert_eq!(err.http_status().as_u16(), 429);
//! assert_eq!(err.retry(), Retry::Backoff);
//! assert!("no_such_code".parse::<QingStorError>().is_err());
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
//! - the response parsers ([`ProviderError::parse_parts`] and friends) resolve a code the same
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
//!   [`ApiError`] serializes as a flat record.
//! - `reqwest`: `ProviderError::parse_reqwest` and `ProviderError::check_reqwest`.
//! - `cli`: the `cloud-errcodes` command-line explainer (not needed by library users).
//!
//! [`http`] is part of this crate's API (statuses, headers, responses), and is re-exported as
//! `cloud_errcodes::http` so that the versions always match.
#![warn(missing_docs)]
#![forbid(unsafe_code)]
// With every provider feature off, the shared catalogue plumbing has no users.
#![cfg_attr(
    not(any(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist")),
    allow(dead_code, unused_macros, unused_imports)
)]

mod entry;
mod error;
mod json;
mod kind;
mod lang;
mod provider;
pub mod response;
#[cfg(feature = "serde")]
mod serde_code;
#[cfg(feature = "reqwest")]
mod with_reqwest;

#[cfg(feature = "leancloud")]
pub mod leancloud;
#[cfg(feature = "openlist")]
pub mod openlist;
#[cfg(feature = "qingstor")]
pub mod qingstor;
#[cfg(feature = "upyun")]
pub mod upyun;

pub use error::{ParseCodeError, ParseNameError};
/// The `http` crate this crate's API uses (`StatusCode`, `HeaderMap`, `Response`).
pub use http;
pub use kind::{ErrorKind, Retry};
pub use lang::Lang;
#[cfg(feature = "leancloud")]
pub use leancloud::LeanCloudError;
#[cfg(feature = "openlist")]
pub use openlist::{AListError, OpenListError};
pub use provider::{Provider, ProviderError};
#[cfg(feature = "qingstor")]
pub use qingstor::QingStorError;
pub use response::{ApiError, BodyFormat, RawCode};
#[cfg(feature = "upyun")]
pub use upyun::UpyunError;

/// The README's example runs as a doctest (it names every provider).
#[doc = include_str!("../README.md")]
#[cfg(all(doctest, feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist"))]
pub struct ReadmeDoctests;
