//! Every public type can cross threads and live in `'static` error chains: checked at compile
//! time, so a field that breaks it fails the build of this test.

#![allow(dead_code)]

use cloud_errcodes::{
    ApiError, BodyFormat, ErrorKind, Lang, LeanCloudError, OpenListError, ParseCodeError, ParseNameError, Provider,
    QingStorError, RawCode, Retry, UpyunError,
    openlist::{SymptomMatch, SymptomValue, ValueKind},
};

const fn assert_thread_safe<T: Send + Sync + Unpin + 'static>() {}
const fn assert_thread_safe_borrowed<'a, T: Send + Sync + Unpin + 'a>() {}

const _: () = {
    assert_thread_safe::<ApiError<UpyunError>>();
    assert_thread_safe::<ApiError<QingStorError>>();
    assert_thread_safe::<ApiError<LeanCloudError>>();
    assert_thread_safe::<ApiError<OpenListError>>();
    assert_thread_safe::<UpyunError>();
    assert_thread_safe::<QingStorError>();
    assert_thread_safe::<LeanCloudError>();
    assert_thread_safe::<OpenListError>();
    assert_thread_safe::<RawCode>();
    assert_thread_safe::<BodyFormat>();
    assert_thread_safe::<ErrorKind>();
    assert_thread_safe::<Retry>();
    assert_thread_safe::<Lang>();
    assert_thread_safe::<Provider>();
    assert_thread_safe::<ParseCodeError>();
    assert_thread_safe::<ParseNameError>();
    assert_thread_safe::<ValueKind>();
    assert_thread_safe_borrowed::<SymptomMatch<'static>>();
    assert_thread_safe_borrowed::<SymptomValue<'static>>();
};

/// `ApiError` boxes into the usual error trait objects.
#[test]
fn api_error_is_a_std_error_for_boxing() {
    let err: Box<dyn std::error::Error + Send + Sync + 'static> = Box::new(ApiError::from(UpyunError::BucketFull));
    assert_eq!(err.to_string(), "upyun 40300004: bucket is full (HTTP 403)");
}
