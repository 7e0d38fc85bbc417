//! Parsing typical error bodies: ours (into the owned `ApiError`, typed code included) against
//! `serde_json::from_slice` into an owned struct (what SDKs do today, without even a typed
//! lookup) and into `serde_json::Value`, measured in the same run.

use std::{hint::black_box, time::Duration};

use cloud_errcodes::{LeanCloudError, OpenListError, ProviderError, QingStorError, UpyunError};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use http::{HeaderMap, StatusCode};
use serde::Deserialize;

const UPYUN: &[u8] =
    br#"{"msg": "file or directory not found", "code": 40400001, "id": "11e4a729d24943409933a5e8314cd32e"}"#;
const UPYUN_ESCAPED: &[u8] = br#"{"msg": "\u6587\u4ef6\u4e0d\u5b58\u5728: \"a\/b.txt\"", "code": 40400001, "id": "11e4a729d24943409933a5e8314cd32e"}"#;
const QINGSTOR: &[u8] = br#"{"code": "bucket_not_empty", "message": "Bucket is not empty", "request_id": "aa08cf7a43f611e5", "url": "https://docs.qingcloud.com/qingstor/api/common/error_code.html"}"#;
const LEANCLOUD: &[u8] = br#"{"code":137,"error":"A unique field was given a value that is already taken."}"#;
const OPENLIST: &[u8] =
    br#"{"code":500,"message":"failed get objs: failed to list objs: query fail [61008]","data":null}"#;

/// The owned structs SDKs deserialize into today (OpenDAL's `UpyunError` shape and friends).
#[derive(Deserialize)]
#[allow(dead_code)]
struct UpyunBody {
    #[serde(default)]
    code: i64,
    #[serde(default)]
    msg: String,
    #[serde(default)]
    id: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct QingStorBody {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    request_id: String,
    #[serde(default)]
    url: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct LeanCloudBody {
    #[serde(default)]
    code: i64,
    #[serde(default)]
    error: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct OpenListBody {
    #[serde(default)]
    code: i64,
    #[serde(default)]
    message: String,
    #[serde(default)]
    data: serde::de::IgnoredAny,
}

fn group<E: ProviderError, S: for<'de> Deserialize<'de>>(
    c: &mut Criterion,
    name: &str,
    status: StatusCode,
    body: &'static [u8],
) {
    let headers = HeaderMap::new();
    let mut group = c.benchmark_group(format!("parse/{name}"));
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("ours", |b| b.iter(|| E::parse_parts(status, &headers, black_box(body))));
    group.bench_function("serde_json_struct", |b| b.iter(|| serde_json::from_slice::<S>(black_box(body)).ok()));
    group.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(body)).ok())
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    group::<UpyunError, UpyunBody>(c, "upyun", StatusCode::NOT_FOUND, UPYUN);
    group::<UpyunError, UpyunBody>(c, "upyun_escaped", StatusCode::NOT_FOUND, UPYUN_ESCAPED);
    group::<QingStorError, QingStorBody>(c, "qingstor", StatusCode::CONFLICT, QINGSTOR);
    group::<LeanCloudError, LeanCloudBody>(c, "leancloud", StatusCode::BAD_REQUEST, LEANCLOUD);
    group::<OpenListError, OpenListBody>(c, "openlist", StatusCode::OK, OPENLIST);
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(50)
}

criterion_group! { name = benches; config = config(); targets = parse }
criterion_main!(benches);
